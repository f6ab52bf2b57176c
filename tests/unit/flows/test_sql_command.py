"""The `pressroom sql` command on queries that hold no statement (fault round 11)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from flows.cli import app


@pytest.mark.parametrize("query", ["", "   ", ";", "-- only a comment", "/* nothing */ ;"])
def test_a_query_of_no_statement_is_a_sql_error_not_a_traceback(warehouse, query):
    """DuckDB answers such a query with None (no cursor): on main the command read its
    `description` and ended in "AttributeError: 'NoneType' object has no attribute
    'description'" (exit 1 with a traceback)."""
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "--", query])
    assert out.exit_code == 1, out.output
    assert out.exception is None or isinstance(out.exception, SystemExit), out.exception
    assert "the query holds no SQL statement" in out.output


def test_a_query_still_answers(warehouse):
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "-f", "csv", "SELECT 41 + 1 AS n"])
    assert out.exit_code == 0, out.output
    assert "n\n42\n" in out.output.replace("\r\n", "\n")


def test_json_output_holds_no_nan_or_infinity(warehouse):
    """Fault round 11 left it: `-f json` wrote a NaN as `NaN`, which is no JSON."""
    import json

    def no_constants(name):
        raise AssertionError(f"{name} in the output")

    query = ("SELECT 'nan'::DOUBLE AS x, 1.5::DOUBLE AS y, ['inf'::DOUBLE, 2.0] AS z, "
             "{'a': '-inf'::DOUBLE, 'b': 'text'} AS s")
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "-f", "json", query])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output, parse_constant=no_constants)
    assert rows == [{"x": None, "y": 1.5, "z": [None, 2.0], "s": {"a": None, "b": "text"}}]
