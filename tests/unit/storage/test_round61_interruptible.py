"""Ctrl-C in a long DuckDB query (fault round 61): `pressroom sql` left the SIGINT to
DuckDB's own check of signals, and 2 runs in 3 of a filtered scan ran on 60 s after a
real SIGINT (round 60: 4 in 8). `interruptible` runs the query on its cursor in a worker
thread, takes the KeyboardInterrupt in the main thread and interrupts the cursor.

Deterministic: the query below cannot end by itself within the test's patience (hours of
work), and the SIGINT is sent once the worker is about to start it; the test checks that
the query ended, not how fast."""

from __future__ import annotations

import signal
import threading

import duckdb
import pytest

from tasks.storage.interrupts import interruptible, query_interrupted

from .query_interrupts import NEVER


def test_ctrl_c_stops_a_query_that_would_run_for_hours(ctrl_c_raises) -> None:
    cur = duckdb.connect().cursor()
    started, ended = threading.Event(), threading.Event()

    def query():
        started.set()
        try:
            return cur.execute(NEVER).fetchall()
        finally:
            ended.set()

    def ctrl_c() -> None:
        started.wait()
        signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)

    threading.Thread(target=ctrl_c, daemon=True).start()
    with pytest.raises(KeyboardInterrupt) as caught:
        interruptible(cur, query)
    assert query_interrupted(caught.value)
    # the query itself was stopped, not only the wait for it (a thread's is_alive() is
    # no witness: Python 3.11 may call it stopped after an interrupted join)
    assert ended.is_set()


def test_a_query_that_ends_gives_its_rows() -> None:
    cur = duckdb.connect().cursor()
    assert interruptible(cur, lambda: cur.execute("SELECT 41 + 1").fetchall()) == [(42,)]


def test_a_failed_query_raises_its_own_error_in_the_caller() -> None:
    cur = duckdb.connect().cursor()
    with pytest.raises(duckdb.BinderException) as caught:
        interruptible(cur, lambda: cur.execute("SELECT no_such_column FROM range(3)"))
    assert not query_interrupted(caught.value)
