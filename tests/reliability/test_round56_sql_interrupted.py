"""Ctrl-C during a long `pressroom sql` query (fault round 56): DuckDB catches the SIGINT,
stops the query and its Python client raises a plain RuntimeError("Query interrupted"),
which was a traceback and exit 1 (as a failed query). Now exit 130, as a shell reports
SIGINT, with a sentence. A real command over a real warehouse and a real signal, sent
once DuckDB's threads are working the query."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from schemas import ARTICLES, conform
from tasks.storage.publish import publish_run
from tests.reliability.signals import ctrl_c_reaches_it

ROOT = Path(__file__).resolve().parents[2]
LONG = "SELECT count(*) FROM range(100000000000) a"


def _busy_helper_threads(pid: int) -> bool:
    """Whether a thread of `pid` other than its main one has used a second of CPU: DuckDB
    runs a query on its worker threads; the imports before run on the main thread."""
    for task in Path(f"/proc/{pid}/task").iterdir():
        if task.name == str(pid):
            continue
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[11]) + int(fields[12]) > os.sysconf("SC_CLK_TCK"):
            return True
    return False


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_ctrl_c_in_a_long_query_is_exit_130_and_a_sentence(tmp_path, fmt):
    wh = tmp_path / "wh"
    art = {"article_id": "a1", "url": "https://a.example/1", "canonical_url":
           "https://a.example/1", "domain": "a.example", "source_kind": "url",
           "input_key": "https://a.example/1", "run_id": "r", "text": "t", "word_count": 1,
           "content_hash": "h"}
    publish_run(wh, {"articles": conform([art], ARTICLES, "articles")},
                {"run_id": "r", "started_at": datetime(2026, 12, 7, tzinfo=UTC).isoformat()})
    proc = subprocess.Popen([sys.executable, "-m", "flows.cli", "sql", "-f", fmt, LONG, "-w",
                             str(wh)], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=ctrl_c_reaches_it)
    try:
        deadline = time.monotonic() + 120  # generous: a hang fails, nothing is timed
        while not _busy_helper_threads(proc.pid):
            assert proc.poll() is None and time.monotonic() < deadline, \
                proc.stderr.read().decode()[-2000:] if proc.poll() is not None else "no query"
            time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        _, errs = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    errs = errs.decode()
    assert "Traceback" not in errs, errs[-2000:]  # before: RuntimeError: Query interrupted
    assert proc.returncode == 130, errs[-2000:]  # before: 1
    assert "interrupted: the query was stopped; the warehouse is unchanged" in " ".join(
        errs.split())
