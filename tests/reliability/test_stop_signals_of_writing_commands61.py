"""SIGTERM during `pressroom forget`, `reindex` and `report` (session 61; fault round 64's
known item: only the run commands and `compact` set a handler). A `kill`, `timeout` or a
service manager stopping them killed the process outright: exit -15, not a word. Now
each says what it was doing, as its Ctrl-C does, and exits 143; the same command again
finishes the job. A real SIGTERM at a known point of the real command: inside a named
function (tests/reliability/ctrl_c_at.py with STOP_SIGNAL=TERM) or at a crash point."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tasks.storage import search as search_index
from tests.reliability.test_forget_killed import ROOT, TEXT, _cli
from tests.reliability.test_round57_reads_interrupted import _articles_warehouse
from tests.unit.storage.test_search import _article, _commit

pytestmark = pytest.mark.integration

FORGET_SENTENCE = ("the takedown was stopped: stopped before its commit, nothing was taken "
                   "down; after it, the next `forget` or run finishes removing what it "
                   "names. Run the same command again to be sure it is done")


def _stopped(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **env},
                          capture_output=True, text=True, timeout=300)


def _said_and_exit_143(stopped: subprocess.CompletedProcess, sentence: str) -> None:
    errs = stopped.stderr
    assert stopped.returncode == 143, (stopped.returncode, errs[-3000:])  # before: -15
    assert "Traceback" not in errs, errs[-3000:]
    assert f"stopped (signal 15): {sentence}" in " ".join(errs.split()), errs[-3000:]


@pytest.mark.parametrize("where", ["before its commit", "after its commit"])
def test_sigterm_during_a_forget_is_a_sentence_and_the_same_command_finishes_it(
        tmp_path, where):
    root = tmp_path / "wh"
    rows = [_article("a1", "Secret floods valley", TEXT, "r1", domain="gone.example"),
            _article("a2", "River floods town", TEXT, "r1", domain="kept.example")]
    search_index.index_commit(root, _commit(root, "r1", rows), "r1")
    forget = ["forget", "--domain", "gone.example", "-w", str(root)]
    env = {"PREFECT_HOME": str(tmp_path / "prefect")}
    if where == "before its commit":
        stopped = _stopped(["tests.reliability.ctrl_c_at", "matching_articles", "forget.py",
                            "--", *forget], {**env, "STOP_SIGNAL": "TERM"})
        assert "signalled" in stopped.stderr, stopped.stderr[-3000:]
    else:
        stopped = _stopped(["flows.cli", *forget], {
            **env, "CRASHPOINT_KILL_AT": "forget-committed", "CRASHPOINT_SIGNAL": "TERM"})
    _said_and_exit_143(stopped, FORGET_SENTENCE)
    urls = _cli("sql", "-w", str(root), "-f", "csv", "SELECT url FROM articles ORDER BY 1")
    assert urls.split()[1:] == (["https://gone.example/a1", "https://kept.example/a2"]
                                if where == "before its commit"
                                else ["https://kept.example/a2"])
    _cli(*forget)  # the same command again
    assert _cli("sql", "-w", str(root), "-f", "csv",
                "SELECT url FROM articles").split() == ["url", "https://kept.example/a2"]


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
