"""Ctrl-C during `pressroom compact` (fault round 52): the merged file was left under its
`.tmp` name in the table folder (a copy of the table's small files, as large as they are
together), and a later `compact`, `sql` or `report` left it there; only the next `ingest`
cleared it. Each interrupted compaction from cron added one more. Now `compact` clears
what a stopped commit left, as a run does, under the same writer lock. The real command,
sent a real SIGINT at the crash point after the merged file is written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb

from tests.reliability.signals import ctrl_c_reaches_it
from tests.reliability.warehouses import committed_warehouse

REPO = Path(__file__).resolve().parents[2]


def _compact(root: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", "compact", "-w", str(root)],
                          env={**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "300", **env},
                          capture_output=True, timeout=300, preexec_fn=ctrl_c_reaches_it)


def test_a_compaction_stopped_by_ctrl_c_is_cleared_by_the_next(tmp_path):
    root = committed_warehouse(tmp_path / "wh", runs=20)
    stopped = _compact(root, CRASHPOINT_KILL_AT="compaction-file-written",
                       CRASHPOINT_SIGNAL="INT")
    assert stopped.returncode == 130, stopped.stderr.decode()
    told = " ".join(stopped.stderr.decode().split())
    assert "interrupted: the compaction stopped before its commit" in told, told
    assert "Traceback" not in told
    left = [p.name for p in (root / "rejects").glob("*.tmp")]
    assert len(left) == 1, left  # the merged file, half-way: what Ctrl-C leaves
    done = _compact(root)
    said = " ".join(done.stdout.decode().split())
    assert done.returncode == 0, done.stderr.decode()
    assert f"removed half-written rejects/{left[0]}" in said, said
    assert "rejects: 20 files -> 1" in said
    assert list((root / "rejects").glob("*.tmp")) == []
    rows = duckdb.connect().execute("SELECT count(*), count(DISTINCT input_key) FROM "
                                    "read_parquet(?)", [str(root / "rejects" / "compact-*.parquet")]
                                    ).fetchone()
    assert rows == (60, 60)  # every row once, in the merged file


def test_ctrl_c_after_the_commit_says_the_compaction_is_in(tmp_path):
    """Stopped while the views were rebuilt: the compaction is committed, and the
    sentence says so (not that nothing changed)."""
    root = committed_warehouse(tmp_path / "wh", runs=20)
    stopped = _compact(root, CRASHPOINT_KILL_AT="views-built", CRASHPOINT_SIGNAL="INT")
    assert stopped.returncode == 130, stopped.stderr.decode()
    told = " ".join(stopped.stderr.decode().split())
    assert "interrupted: the compaction committed (compact-" in told, told
    assert [p.name.startswith("compact-") for p in (root / "rejects").glob("*.parquet")
            ].count(True) == 1
    again = _compact(root)
    assert "nothing to compact" in " ".join(again.stdout.decode().split())
