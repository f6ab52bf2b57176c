"""SIGTERM during `pressroom forget`, `reindex` and `report` (session 61; fault round 64's
known item: only the run commands and `compact` set a handler). A `kill`, `timeout` or a
service manager stopping them killed the process outright: exit -15, not a word. Now
each says what it was doing, as its Ctrl-C does, and exits 143; the same command again
finishes the job. A real SIGTERM at a known point of the real command: inside a named
function (tests/reliability/ctrl_c_at.py with STOP_SIGNAL=TERM) or at a crash point.
`forget`'s SIGTERM cases sit beside its Ctrl-C ones in test_round58_forget_interrupted.py."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.reliability.test_forget_killed import ROOT, _cli
from tests.reliability.test_round57_reads_interrupted import _articles_warehouse

pytestmark = pytest.mark.integration

def _stopped(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **env},
                          capture_output=True, text=True, timeout=300)


def _said_and_exit_143(stopped: subprocess.CompletedProcess, sentence: str) -> None:
    errs = stopped.stderr
    assert stopped.returncode == 143, (stopped.returncode, errs[-3000:])  # before: -15
    assert "Traceback" not in errs, errs[-3000:]
    assert f"stopped (signal 15): {sentence}" in " ".join(errs.split()), errs[-3000:]


def test_sigterm_during_a_reindex_leaves_the_index_as_it_was(tmp_path):
    wh = _articles_warehouse(tmp_path / "wh", 2_000)
    assert "of 2000 matching article(s)" in _cli("search", "harbour", "-w", str(wh))
    stopped = _stopped(["tests.reliability.ctrl_c_at", "_add", "search.py", "--", "reindex",
                        "-w", str(wh)], {"STOP_SIGNAL": "TERM"})
    assert "signalled" in stopped.stderr, stopped.stderr[-3000:]
    _said_and_exit_143(stopped, "the rebuild was stopped; the warehouse is unchanged, and "
                                "searches go on with the index as it was")
    assert sorted(p.name for p in wh.glob("search*")) == ["search"]  # no half-built copy
    assert "of 2000 matching article(s)" in _cli("search", "harbour", "-w", str(wh))
    assert "search index rebuilt: 2000 article(s)" in _cli("reindex", "-w", str(wh))


def test_sigterm_during_a_report_keeps_the_views_whole(tmp_path):
    wh = _articles_warehouse(tmp_path / "wh", 200)
    stopped = _stopped(["flows.cli", "report", "-w", str(wh)],
                       {"CRASHPOINT_KILL_AT": "views-built", "CRASHPOINT_SIGNAL": "TERM"})
    _said_and_exit_143(stopped, "the report was stopped; the warehouse's data is unchanged")
    again = _cli("report", "-w", str(wh))
    assert "report:" in again, again
    assert list(wh.glob("*.tmp")) == []
    assert _cli("sql", "-w", str(wh), "-f", "csv",
                "SELECT count(*) AS n FROM articles").split() == ["n", "200"]
