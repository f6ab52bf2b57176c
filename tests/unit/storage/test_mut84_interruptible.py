"""Seed 84 (session 59): `interruptible` hands the worker's exception to the main thread
whatever its class (fault round 61); the hand mutant that handed over `Exception` only
lived: a SystemExit raised in the query's thread became a None answer."""

from __future__ import annotations

import duckdb
import pytest

from tasks.storage.interrupts import interruptible


def test_an_exit_in_the_worker_is_raised_in_the_main_thread():
    def leaving():
        raise SystemExit(3)

    with pytest.raises(SystemExit):
        interruptible(duckdb.connect().cursor(), leaving)


def test_an_answer_comes_back():  # the near miss
    cur = duckdb.connect().cursor()
    assert interruptible(cur, lambda: cur.execute("SELECT 42").fetchone()) == (42,)
