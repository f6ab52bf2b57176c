"""Ctrl-C during `pressroom reindex` (fault round 58): the rebuild stopped and the command
exited 130 without a word, leaving its half-built copy of the index (`search.new-<pid>`,
as large as the index) until a next rebuild, which might never come. Now the sentence
(what is left: the index as it was) and nothing half-built on disk; searches answer from
the old index, and `reindex` again rebuilds it.

The real command, a real SIGINT once it adds the articles to the new index
(tests/reliability/ctrl_c_at.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.reliability.signals import ctrl_c_reaches_it
from tests.reliability.test_round57_reads_interrupted import ROOT, _articles_warehouse

pytestmark = pytest.mark.integration

ARTICLES = 5_000


def _pressroom(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", *args],
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT,
                          capture_output=True, timeout=300)


def test_ctrl_c_during_a_reindex_is_a_sentence_and_leaves_the_index_as_it_was(tmp_path):
    wh = _articles_warehouse(tmp_path / "wh", ARTICLES)
    first = _pressroom("search", "harbour", "-w", str(wh))  # builds the live index
    assert f"10 of {ARTICLES} matching article(s)" in first.stdout.decode(), \
        first.stderr.decode(errors="replace")[-3000:]
    done = subprocess.run([sys.executable, "-m", "tests.reliability.ctrl_c_at", "_add",
                           "search.py", "--", "reindex", "-w", str(wh)],
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT,
                          capture_output=True, timeout=300, preexec_fn=ctrl_c_reaches_it)
    errs = done.stderr.decode(errors="replace")
    assert "signalled" in errs, errs[-3000:]
    assert done.returncode == 130, errs[-3000:]
    assert "Traceback" not in errs, errs[-3000:]
    assert "interrupted: the rebuild was stopped; the warehouse is unchanged, and searches " \
           "go on with the index as it was" in " ".join(errs.split()), errs[-3000:]
    assert sorted(p.name for p in wh.glob("search*")) == ["search"]  # no half-built copy
    after = _pressroom("search", "harbour", "-w", str(wh))
    assert f"10 of {ARTICLES} matching article(s)" in after.stdout.decode(), \
        after.stderr.decode(errors="replace")[-3000:]
    again = _pressroom("reindex", "-w", str(wh))
    assert again.returncode == 0, again.stderr.decode(errors="replace")[-3000:]
    assert f"search index rebuilt: {ARTICLES} article(s)" in again.stdout.decode()
