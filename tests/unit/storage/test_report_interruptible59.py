"""Ctrl-C in a long query of `report` (round 61's known item, session 59): the report's
queries and its data tests ran on the main thread, where DuckDB's own check of signals
lost a SIGINT at random (fault round 60, for `sql`). They now run as `sql`'s do since round
61, on a cursor of their own in a worker thread (`interrupts.interruptible`).

Deterministic: the query cannot end by itself within the test's patience (hours of work);
the SIGINT is sent once the query's worker thread runs. See query_interrupts."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from tasks.storage import report
from tasks.storage.interrupts import query_interrupted
from tasks.storage.report_html import Query

from .query_interrupts import (
    NEVER,
    QUERY_STOPPED,
    ctrl_c_once_a_query_worker_runs,
    no_query_worker_left,
)


def test_ctrl_c_stops_a_report_query_that_would_run_for_hours(ctrl_c_raises) -> None:
    cur = duckdb.connect().cursor()
    seen = ctrl_c_once_a_query_worker_runs(cur.interrupt)
    with pytest.raises(QUERY_STOPPED) as caught:
        Query(cur, date(2024, 1, 1), date(2024, 12, 31)).rows(NEVER)
    assert seen.get("worker"), "the report's query ran on the main thread"
    assert query_interrupted(caught.value)
    assert no_query_worker_left()


def test_ctrl_c_stops_a_data_test_that_would_run_for_hours(tmp_path, monkeypatch,
                                                           ctrl_c_raises) -> None:
    """The data tests' path (`report.data_test_rows`, run by `report` and by a run's closing
    report) goes through `interruptible` as the HTML report's queries do."""
    db = tmp_path / "pressroom.duckdb"
    duckdb.connect(str(db)).close()
    monkeypatch.setattr(report, "data_tests", lambda: (("endless", NEVER),))
    opened = []
    connect_views = report.connect_views
    monkeypatch.setattr(report, "connect_views",
                        lambda *a, **k: opened.append(connect_views(*a, **k)) or opened[-1])

    # (the signaller's way to end it on the main thread: the test then fails)
    seen = ctrl_c_once_a_query_worker_runs(lambda: opened[-1].interrupt())
    with pytest.raises(QUERY_STOPPED) as caught:
        report.data_test_rows(db, root=tmp_path)
    assert seen.get("worker"), "the data test ran on the main thread"
    assert query_interrupted(caught.value)
    assert no_query_worker_left()


def test_data_test_rows_gives_each_tests_failing_rows_up_to_the_limit(tmp_path,
                                                                      monkeypatch) -> None:
    db = tmp_path / "pressroom.duckdb"
    duckdb.connect(str(db)).close()
    monkeypatch.setattr(report, "data_tests", lambda: (
        ("three_bad", "SELECT range AS id FROM range(3)"), ("clean", "SELECT 1 AS x WHERE false")))
    got = report.data_test_rows(db, limit=2, root=tmp_path)
    assert got == {"three_bad": (["id"], [(0,), (1,)]), "clean": (["x"], [])}


def test_a_report_query_gives_its_columns_and_rows_with_the_period_bound() -> None:
    cur = duckdb.connect().cursor()
    got = Query(cur, date(2024, 1, 1), date(2024, 12, 31)).rows(
        "SELECT $since AS since, 41 + 1 AS answer")
    assert got == (["since", "answer"], [(date(2024, 1, 1), 42)])


def test_a_failed_report_query_raises_its_own_error() -> None:
    cur = duckdb.connect().cursor()
    with pytest.raises(duckdb.BinderException) as caught:
        Query(cur, date(2024, 1, 1), date(2024, 12, 31)).rows("SELECT no_such FROM range(3)")
    assert not query_interrupted(caught.value)
