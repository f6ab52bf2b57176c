"""`pressroom sql` of a query of several statements that answer with rows (fault round
48; round 47's known item): DuckDB runs each and answers with the last one's rows, so
`SELECT count(*) FROM articles; SELECT count(*) FROM rejects` showed one count, with no
word that the first was dropped."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from flows.cli import app
from tasks.storage.report import query_statements, unshown_statements


def test_rows_of_an_earlier_statement_left_unshown_are_named(warehouse):
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "-f", "csv",
                                   "SELECT 41 AS first_answer; SELECT 42 AS n"])
    assert out.exit_code == 0, out.output
    text = out.output.replace("\r\n", "\n")
    assert "n\n42\n" in text, text
    assert "1 statement(s) before it also answer with rows" in text, text
    assert "SELECT 41 AS first_answer" in text, text


@pytest.mark.parametrize("query", [
    "SELECT 42 AS n", "SELECT 42 AS n;", "SET threads = 1; SELECT 42 AS n",
    "SET VARIABLE x = 42; SELECT getvariable('x') AS n"])
def test_a_query_whose_earlier_statements_answer_nothing_has_no_note(warehouse, query):
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "-f", "csv", query])
    assert out.exit_code == 0, out.output
    assert "n\n42\n" in out.output.replace("\r\n", "\n")
    assert "note:" not in out.output, out.output


def test_statements_that_answer_with_rows_are_told_by_duckdbs_parser():
    def unshown(query: str) -> list[str]:
        return unshown_statements(query_statements(query))

    assert unshown("SHOW TABLES; DESCRIBE articles; PRAGMA version; "
                   "CREATE TABLE t (a INT); FROM t; SELECT 1") == [
        "SHOW TABLES", "DESCRIBE articles", "PRAGMA version", "FROM t"]
    assert unshown("SELECT 1") == []
    assert unshown("SELEC 1; SELECT 2") == []  # DuckDB's own error decides
