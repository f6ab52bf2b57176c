"""Ctrl-C during `pressroom forget` (fault round 58): the command exited 130 without a
word, before its commit (nothing taken down) or after it (the rows gone, its clean-up
not done). Now a sentence true of both, and the same command again leaves the takedown
done. A real SIGINT at a known point: inside `matching_articles` (before the commit,
tests/reliability/ctrl_c_at.py) or at the `forget-committed` crash point (after it). The
same with SIGTERM (session 61), which killed it without a word."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tasks.storage import search as search_index
from tests.reliability.signals import ctrl_c_reaches_it
from tests.reliability.test_forget_killed import ROOT, TEXT, _cli
from tests.unit.storage.test_search import _article, _commit

pytestmark = pytest.mark.integration

SENTENCE = ("the takedown was stopped: stopped before its commit, nothing was taken down; "
            "after it, the next `forget` or run finishes removing what it names. Run the "
            "same command again to be sure it is done")
# Ctrl-C, and SIGTERM (session 61: it killed the command without a word, exit -15)
STOPS = {"INT": (130, "interrupted"), "TERM": (143, "stopped (signal 15)")}


@pytest.mark.parametrize("stop", sorted(STOPS))
@pytest.mark.parametrize("where", ["before its commit", "after its commit"])
def test_ctrl_c_during_a_forget_is_a_sentence_and_the_same_command_finishes_it(
        tmp_path, where, stop):
    root = tmp_path / "wh"
    rows = [_article("a1", "Secret floods valley", TEXT, "r1", domain="gone.example"),
            _article("a2", "River floods town", TEXT, "r1", domain="kept.example")]
    search_index.index_commit(root, _commit(root, "r1", rows), "r1")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PREFECT_HOME": str(tmp_path / "prefect"),
           "STOP_SIGNAL": stop}
    forget = ["forget", "--domain", "gone.example", "-w", str(root)]
    if where == "before its commit":
        command = ["tests.reliability.ctrl_c_at", "matching_articles", "forget.py", "--",
                   *forget]
    else:
        command = ["flows.cli", *forget]
        env = {**env, "CRASHPOINT_KILL_AT": "forget-committed", "CRASHPOINT_SIGNAL": stop}
    stopped = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=300,
                             preexec_fn=ctrl_c_reaches_it)
    assert "signalled" in stopped.stderr or where == "after its commit", stopped.stderr
    code, lead = STOPS[stop]
    assert stopped.returncode == code, stopped.stderr[-3000:]
    assert "Traceback" not in stopped.stderr, stopped.stderr[-3000:]
    assert f"{lead}: {SENTENCE}" in " ".join(stopped.stderr.split()), stopped.stderr[-3000:]
    urls = _cli("sql", "-w", str(root), "-f", "csv", "SELECT url FROM articles ORDER BY 1")
    assert urls.split()[1:] == (["https://gone.example/a1", "https://kept.example/a2"]
                                if where == "before its commit"
                                else ["https://kept.example/a2"])
    _cli(*forget)  # the same command again
    assert _cli("sql", "-w", str(root), "-f", "csv",
                "SELECT url FROM articles").split() == ["url", "https://kept.example/a2"]
    found = _cli("search", "floods", "-f", "csv", "-w", str(root))
    assert "kept.example/a2" in found and "gone.example" not in found, found
