"""SIGTERM during `pressroom compact` (a `kill`, `timeout`, a service manager stopping
the cron job; fault round 64). Ctrl-C was round 52's: a sentence, 130, and the next
`compact` clears the half-written merged file. SIGTERM killed the process outright
(`compact` set no handler for it): exit -15, not a word. Now it is a stop like Ctrl-C's,
exit 143, with the same sentence; the warehouse stays readable and whole, and the next
`compact` finishes the job. The real command, sent a real SIGTERM at crash points."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb

from tests.reliability.warehouses import committed_warehouse

REPO = Path(__file__).resolve().parents[2]


def _pressroom(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", *args],
                          env={**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "300", **env},
                          capture_output=True, timeout=300)


def _rows(root: Path) -> tuple[int, int]:
    out = _pressroom("sql", "-w", str(root), "-f", "csv",
                     "SELECT count(*) AS n, count(DISTINCT input_key) AS d FROM rejects")
    assert out.returncode == 0, out.stderr.decode()
    n, d = out.stdout.decode().split()[1].split(",")
    return int(n), int(d)


def test_sigterm_before_the_commit_is_a_sentence_and_the_next_compact_finishes(tmp_path):
    root = committed_warehouse(tmp_path / "wh", runs=20)
    stopped = _pressroom("compact", "-w", str(root),
                         CRASHPOINT_KILL_AT="compaction-file-written", CRASHPOINT_SIGNAL="TERM")
    told = " ".join(stopped.stderr.decode().split())
    assert stopped.returncode == 143, (stopped.returncode, told)  # before: -15, nothing said
    assert "the compaction stopped before its commit" in told, told
    assert "Traceback" not in told
    assert _rows(root) == (60, 60)  # readable and whole meanwhile: the 20 files, no .tmp
    done = _pressroom("compact", "-w", str(root))
    said = " ".join(done.stdout.decode().split())
    assert done.returncode == 0, done.stderr.decode()
    assert "removed half-written rejects/" in said and "rejects: 20 files -> 1" in said, said
    assert list((root / "rejects").glob("*.tmp")) == []
    assert _rows(root) == (60, 60)
    merged = duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)", [
        str(root / "rejects" / "compact-*.parquet")]).fetchone()
    assert merged == (60,)


def test_sigterm_after_the_commit_says_the_compaction_is_in(tmp_path):
    root = committed_warehouse(tmp_path / "wh", runs=20)
    stopped = _pressroom("compact", "-w", str(root),
                         CRASHPOINT_KILL_AT="views-built", CRASHPOINT_SIGNAL="TERM")
    told = " ".join(stopped.stderr.decode().split())
    assert stopped.returncode == 143, (stopped.returncode, told)
    assert "the compaction committed (compact-" in told, told
    assert _rows(root) == (60, 60)
    again = _pressroom("compact", "-w", str(root))
    assert "nothing to compact" in " ".join(again.stdout.decode().split())
