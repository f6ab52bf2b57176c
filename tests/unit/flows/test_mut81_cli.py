"""Seed 81: Ctrl-C in a DuckDB query of a command that reads the warehouse (`report`,
`search`) or of a run's closing queries (fault round 57). DuckDB catches the SIGINT and
raises its own error: `_interrupted_command_is_a_sentence` and `_interrupted_run_is_a_sentence`
make that exit 130 with what the stop left, and let any other failure of a query go on as
it was. The queries are real DuckDB ones: one interrupted by its connection's
`interrupt()` (what DuckDB's SIGINT handler calls), one that fails."""

from __future__ import annotations

import threading

import duckdb
import pytest
import typer

from flows import cli

LONG = "SELECT sum(a.range % 7) AS s FROM range(100000000000) a"  # minutes of work


def interrupted_query():
    con = duckdb.connect()
    threading.Timer(0.3, con.interrupt).start()
    return con.execute(LONG).fetchall()


def failing_query():
    return duckdb.connect().execute("SELECT no_such_column FROM range(3)").fetchall()


def _joined(text: str) -> str:
    return " ".join(text.split())


def test_a_read_stopped_in_its_query_exits_130_saying_what_it_left(capsys) -> None:
    with pytest.raises(typer.Exit) as stop, cli._interrupted_command_is_a_sentence(
            "the search was stopped; the warehouse is unchanged"):
        interrupted_query()
    assert stop.value.exit_code == 130
    assert _joined(capsys.readouterr().err) == (
        "interrupted: the search was stopped; the warehouse is unchanged")


def test_a_read_whose_query_fails_fails_as_it_did(capsys) -> None:
    with pytest.raises(duckdb.BinderException), cli._interrupted_command_is_a_sentence("x"):
        failing_query()
    assert "interrupted" not in capsys.readouterr().err


def test_a_runs_closing_query_stopped_by_ctrl_c_exits_130(capsys) -> None:
    with pytest.raises(typer.Exit) as stop, cli._interrupted_run_is_a_sentence():
        interrupted_query()
    assert stop.value.exit_code == 130
    assert _joined(capsys.readouterr().err).startswith(
        "interrupted: the batches this run committed are kept")


def test_a_runs_closing_query_that_fails_is_no_interruption(capsys) -> None:
    with pytest.raises(duckdb.BinderException), cli._interrupted_run_is_a_sentence():
        failing_query()
    assert "interrupted" not in capsys.readouterr().err


def python_runtime_error():
    counts = {"a": 1}
    for key in counts:  # a real RuntimeError: the dict changed size during iteration
        counts[key + "'"] = 1


def test_a_read_failing_with_another_runtime_error_fails_as_it_did(capsys) -> None:
    with pytest.raises(RuntimeError, match="changed size"), \
            cli._interrupted_command_is_a_sentence("x"):
        python_runtime_error()
    assert "interrupted" not in capsys.readouterr().err


def test_a_run_failing_with_another_runtime_error_is_no_interruption(capsys) -> None:
    with pytest.raises(RuntimeError, match="changed size"), cli._interrupted_run_is_a_sentence():
        python_runtime_error()
    assert "interrupted" not in capsys.readouterr().err
