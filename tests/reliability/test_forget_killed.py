"""`pressroom forget` killed between its commit and the end of its clean-up (a Ctrl-C, a
closed terminal, a full disk while it rebuilt the index or the report). Fault round 46:
the rows were gone from every query, but `pressroom search` kept finding the article
(its title and a snippet of its text: the search index's catch-up read the takedown's
commit as articles to add, never as documents to remove), and the replaced Parquet
files and the old reports kept the content on disk until a compaction. The kill is a
real SIGKILL of a real `pressroom forget` process (`CRASHPOINT_KILL_AT`)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from flows.cli import app
from tasks.storage import search as search_index
from tests.unit.storage.test_search import _article, _commit

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Heavy rain flooded the river valley overnight.\n\nThe mayor ordered an evacuation."


def _cli(*args: str) -> str:
    out = CliRunner().invoke(app, list(args))
    assert out.exit_code == 0, (args, out.output, out.exception)
    return out.output


def test_a_forget_killed_after_its_commit_leaves_nothing_to_search_or_on_disk(tmp_path):
    root = tmp_path / "wh"
    rows = [_article("a1", "Secret floods valley", TEXT, "r1", domain="gone.example"),
            _article("a2", "River floods town", TEXT, "r1", domain="kept.example")]
    search_index.index_commit(root, _commit(root, "r1", rows), "r1")
    (root / "reports").mkdir()
    (root / "reports" / "r1.html").write_text("<td>Secret floods valley</td>")
    originals = sorted((root / "articles").glob("*.parquet"))

    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1",
           "PREFECT_HOME": str(tmp_path / "prefect"), "CRASHPOINT_KILL_AT": "forget-committed"}
    killed = subprocess.run(
        [sys.executable, "-m", "flows.cli", "forget", "--domain", "gone.example",
         "-w", str(root)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-3000:]

    # the takedown is committed: gone from the tables ...
    assert _cli("sql", "-w", str(root), "-f", "csv",
                "SELECT url FROM articles").split() == ["url", "https://kept.example/a2"]
    # ... and now from the search (before: the title and text of a1 were still found)
    found = _cli("search", "floods", "-f", "csv", "-w", str(root))
    assert "kept.example/a2" in found and "gone.example" not in found, found
    assert "Secret" not in found
    # what the kill left on disk: the replaced file (all rows of both articles) and the
    # report naming the title
    assert all(f.exists() for f in originals)
    assert (root / "reports" / "r1.html").exists()

    # the next command that takes the writer lock finishes the takedown
    out = CliRunner().invoke(app, ["forget", "--url", "https://other.example/x",
                                   "-w", str(root)])
    assert out.exit_code == 0, out.output
    assert not any(f.exists() for f in originals)
    leftover = b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file())
    assert b"Secret floods" not in leftover and b"gone.example/a1" not in leftover
