"""The run's closing report stopped by Ctrl-C inside one of its DuckDB queries (fault round
57, found flaky after the merge): DuckDB catches the SIGINT and raises its own error,
which left the report task as a failure, logged by Prefect with its traceback before the
run's "interrupted" sentence. `report_task` now raises it as KeyboardInterrupt, Python's
word for Ctrl-C, so Prefect records the run's interruption; any other failure of a query
stays what it is.

The report's work here is a real DuckDB query: one interrupted by its connection's
`interrupt()` (what DuckDB's SIGINT handler calls), one that fails."""

from __future__ import annotations

import threading

import duckdb
import pytest

from tasks import steps

LONG = "SELECT sum(a.range % 7) AS s FROM range(100000000000) a"  # minutes of work


def interrupted_report(root, run_id):
    con = duckdb.connect()
    threading.Timer(0.3, con.interrupt).start()
    return con.execute(LONG).fetchall()


def failing_report(root, run_id):
    return duckdb.connect().execute("SELECT no_such_column FROM range(3)").fetchall()


def test_a_report_query_stopped_by_ctrl_c_is_the_runs_interruption(monkeypatch, tmp_path):
    monkeypatch.setattr(steps.report, "build_report", interrupted_report)
    with pytest.raises(KeyboardInterrupt):
        steps.report_task.fn(tmp_path, {"run_id": "r1"})


def test_a_report_query_that_fails_stays_a_failure(monkeypatch, tmp_path):
    monkeypatch.setattr(steps.report, "build_report", failing_report)
    with pytest.raises(duckdb.BinderException):
        steps.report_task.fn(tmp_path, {"run_id": "r1"})
