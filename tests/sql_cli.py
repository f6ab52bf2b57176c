"""`pressroom sql` run as a user runs it (the CLI app, in this process), for the tests that
check what a query prints beside its answer: the notes on files left out or read through
a cast."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner


def sql_csv(warehouse: Path, query: str) -> str:
    """What `pressroom sql -f csv QUERY` prints over `warehouse` (line ends as LF); the
    command must succeed."""
    from flows.cli import app

    out = CliRunner().invoke(app, ["sql", query, "-w", str(warehouse), "-f", "csv"])
    assert out.exit_code == 0, out.output
    assert out.exception is None, out.exception
    return out.output.replace("\r\n", "\n")
