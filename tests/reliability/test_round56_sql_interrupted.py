"""Ctrl-C during a long `pressroom sql` query (fault round 56): DuckDB catches the SIGINT,
stops the query and its Python client raises a plain RuntimeError("Query interrupted"),
which was a traceback and exit 1 (as a failed query). Now exit 130, as a shell reports
SIGINT, with a sentence. A real command over a real warehouse and a real signal, sent
once the query has taken seconds of CPU."""

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
LONG = "SELECT sum(a.range % 7) AS s FROM range(100000000000) a"  # minutes of work


def _querying(pid: int) -> bool:
    """Whether `pid` has used 5 s of CPU: the command's start (imports, the views) takes
    under one; the query, minutes."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12]) > 5 * os.sysconf("SC_CLK_TCK")


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
        while not _querying(proc.pid):
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
