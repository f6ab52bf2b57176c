"""Seed 84 (session 59): `anchored_cursor`, the cursor `pressroom sql` runs its query on
(fault round 61), had no test of its own: the hand mutants that set no root on it or
handed back the parent connection itself lived (the first hung the sql tests instead of
failing them). The cursor is a connection of its own (closing it leaves the parent
open: Ctrl-C's interrupt reaches only the query's own connection) and carries the views'
root; a connection with no root gives a cursor with none."""

from __future__ import annotations

import duckdb

from tasks.storage.report import ROOT_VARIABLE, anchor, anchored_cursor

ROOT = f"SELECT getvariable('{ROOT_VARIABLE}')"


def test_the_cursor_carries_the_views_root(tmp_path) -> None:
    con = anchor(duckdb.connect(), tmp_path)
    cur = anchored_cursor(con)
    assert cur.execute(ROOT).fetchone()[0] == str(tmp_path.resolve())


def test_the_cursor_is_a_connection_of_its_own(tmp_path) -> None:
    con = anchor(duckdb.connect(), tmp_path)
    cur = anchored_cursor(con)
    assert cur is not con
    cur.close()
    assert con.execute("SELECT 42").fetchone() == (42,)


def test_a_connection_with_no_root_gives_a_cursor_with_none() -> None:
    cur = anchored_cursor(duckdb.connect())
    assert cur.execute(ROOT).fetchone()[0] is None
