"""Seed 84 (session 59): `pressroom sql` runs its query on the cursor that `interruptible`
interrupts (fault round 61). The hand mutant that ran the query on the parent connection
(where Ctrl-C's interrupt stops nothing) lived: the answers are the same on both. A
variable is a connection's own, so one set on the cursor handed to `interruptible` is
seen only by a query that runs on that cursor."""

from __future__ import annotations

from typer.testing import CliRunner

import flows.cli as cli
from flows.cli import app


def test_the_query_runs_on_the_cursor_that_ctrl_c_interrupts(warehouse, monkeypatch):
    interruptible = cli.interruptible
    marked = []

    def marking_the_cursor(cursor, call):
        if not marked:  # before the query only: a statement after it ends its result
            cursor.execute("SET VARIABLE mut84_probe = 'on the cursor'")
            marked.append(cursor)
        return interruptible(cursor, call)

    monkeypatch.setattr(cli, "interruptible", marking_the_cursor)
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "-f", "csv",
                                   "SELECT getvariable('mut84_probe') AS p"])
    assert out.exit_code == 0, out.output
    assert "p\non the cursor\n" in out.output.replace("\r\n", "\n")
