"""`pressroom search` over a warehouse this process cannot write: a read-only mount (a
backup, a snapshot, a container's volume) or another user's folder it may only read
(fault round 51). tantivy takes a lock file to open an index even to read it: the
search took the index for damaged, then failed making it again, an OSError traceback,
exit 1; `sql`, `runs` and `diff` answered. The real command is run on a read-only bind
mount (in a mount namespace of its own, as root) or a folder without write permission
(as another user)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.read_only import run_read_only
from tests.unit.storage.test_search import _article, _commit

REPO = Path(__file__).resolve().parents[3]


def _search_read_only(warehouse: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "flows.cli", "search", *args, "-f", "csv",
               "-w", str(warehouse)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return run_read_only(warehouse, command, env=env, capture_output=True, timeout=300)


def test_search_answers_from_a_warehouse_it_cannot_write(search_wh):
    done = _search_read_only(search_wh, "floods")
    said = " ".join((done.stdout + done.stderr).decode().split())
    assert done.returncode == 0, said
    assert "a1" in said and "a2" in said and "Traceback" not in said, said
    assert not (search_wh / ".search-rebuild.lock").exists()


def test_commits_not_yet_indexed_are_named_not_written(search_wh):
    """A commit the index lacks (a run killed before indexing it) is indexed by a search
    that can write; one that cannot searches the rest and says what it left out."""
    _commit(search_wh, "r2", [_article("a3", "Floods again", "The river floods again.", "r2")])
    done = _search_read_only(search_wh, "floods")
    said = " ".join((done.stdout + done.stderr).decode().split())
    assert done.returncode == 0, said
    assert "a1" in said and "a3" not in said, said
    assert ("1 commit(s) of the warehouse are not in the search index yet, and this process "
            "cannot write it") in said
