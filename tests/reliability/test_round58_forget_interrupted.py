"""Ctrl-C during `pressroom forget` (fault round 58): the command exited 130 without a
word, before its commit (nothing taken down) or after it (the rows gone, its clean-up
not done). Now a sentence true of both, and the same command again leaves the takedown
done. A real SIGINT at a known point: inside `matching_articles` (before the commit,
tests/reliability/ctrl_c_at.py) or at the `forget-committed` crash point (after it)."""

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

SENTENCE = ("interrupted: the takedown was stopped: stopped before its commit, nothing was "
            "taken down; after it, the next `forget` or run finishes removing what it names. "
            "Run the same command again to be sure it is done")


@pytest.mark.parametrize("where", ["before its commit", "after its commit"])
def test_ctrl_c_during_a_forget_is_a_sentence_and_the_same_command_finishes_it(
        tmp_path, where):
    root = tmp_path / "wh"
    rows = [_article("a1", "Secret floods valley", TEXT, "r1", domain="gone.example"),
            _article("a2", "River floods town", TEXT, "r1", domain="kept.example")]
    search_index.index_commit(root, _commit(root, "r1", rows), "r1")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PREFECT_HOME": str(tmp_path / "prefect")}
    forget = ["forget", "--domain", "gone.example", "-w", str(root)]
    if where == "before its commit":
        command = ["tests.reliability.ctrl_c_at", "matching_articles", "forget.py", "--",
                   *forget]
    else:
        command = ["flows.cli", *forget]
        env = {**env, "CRASHPOINT_KILL_AT": "forget-committed", "CRASHPOINT_SIGNAL": "INT"}
    stopped = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=300,
                             preexec_fn=ctrl_c_reaches_it)
    assert "signalled" in stopped.stderr or where == "after its commit", stopped.stderr
    assert stopped.returncode == 130, stopped.stderr[-3000:]
    assert "Traceback" not in stopped.stderr, stopped.stderr[-3000:]
    assert SENTENCE in " ".join(stopped.stderr.split()), stopped.stderr[-3000:]
    urls = _cli("sql", "-w", str(root), "-f", "csv", "SELECT url FROM articles ORDER BY 1")
    assert urls.split()[1:] == (["https://gone.example/a1", "https://kept.example/a2"]
                                if where == "before its commit"
                                else ["https://kept.example/a2"])
    _cli(*forget)  # the same command again
    assert _cli("sql", "-w", str(root), "-f", "csv",
                "SELECT url FROM articles").split() == ["url", "https://kept.example/a2"]
    found = _cli("search", "floods", "-f", "csv", "-w", str(root))
    assert "kept.example/a2" in found and "gone.example" not in found, found
