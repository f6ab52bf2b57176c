"""Ctrl-C during a long `pressroom sql` query (fault round 56): DuckDB stops the query and
its Python client raises RuntimeError("Query interrupted") (its handler of SIGINT) or
InterruptException (an interrupt of the connection), which were a traceback and exit 1 (as
a failed query); `sql` now reads each as Ctrl-C (`query_interrupted`): exit 130 and a
sentence.

A first version of this test sent a real SIGINT to a real `pressroom sql` over a long
aggregate: 1 run in 3 the query went on past the test's 120 s bound (DuckDB did not see
the signal; a thread waiting for it and calling the connection's `interrupt()` changed
nothing), so it would make CI fail at random. What is tested here is what `sql` decides
from what DuckDB raises, with a real query on a real connection really interrupted."""

from __future__ import annotations

import threading

import duckdb
import pytest

from flows.cli import query_interrupted

LONG = "SELECT sum(a.range % 7) AS s FROM range(100000000000) a"  # minutes of work


def test_an_interrupted_query_is_ctrl_c() -> None:
    con = duckdb.connect()
    threading.Timer(0.5, con.interrupt).start()
    with pytest.raises(duckdb.Error) as caught:
        con.execute(LONG).fetchall()
    assert query_interrupted(caught.value)


@pytest.mark.parametrize(("exc", "ctrl_c"), [
    (KeyboardInterrupt(), True),
    (RuntimeError("Query interrupted"), True),  # DuckDB's client, on the SIGINT it caught
    (RuntimeError("Query interrupted by the planner"), False),
    (duckdb.BinderException("Referenced column not found"), False),
    (ValueError("Query interrupted"), False),
])
def test_only_an_interruption_is_ctrl_c(exc, ctrl_c) -> None:
    assert query_interrupted(exc) is ctrl_c


def test_a_failed_query_is_no_ctrl_c() -> None:
    with pytest.raises(duckdb.Error) as caught:
        duckdb.connect().execute("SELECT no_such_column FROM range(3)")
    assert not query_interrupted(caught.value)
