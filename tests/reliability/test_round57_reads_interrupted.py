"""Ctrl-C during `pressroom report` and `pressroom search` (fault round 57; round 56's known
item): DuckDB
catches the SIGINT in the report's queries and its Python client raises
RuntimeError("Query interrupted"), which was a traceback from report.py and exit 1. Now
exit 130 and a sentence, as `sql` (round 56) and a run. `search` (tantivy) exited 130
without a word: now it says what it left.

Round 56's real SIGINT at a random moment was flaky (some queries never look for it).
Here the real command gets a real SIGINT once its main thread is inside one of the
report's DuckDB queries (tests/reliability/ctrl_c_at.py): it always lands there."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from schemas import ARTICLES, conform
from tasks.storage.publish import publish_run
from tests.reliability.signals import ctrl_c_reaches_it
from tests.reliability.warehouses import committed_warehouse

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


def test_ctrl_c_during_a_report_is_a_sentence_and_exit_130(tmp_path) -> None:
    wh = committed_warehouse(tmp_path / "wh", runs=2, rows=20_000)
    reports = wh / "reports"
    # SIGINT once the report is inside one of its rendering's queries (report_html's
    # `rows`; since session 59 the main thread waits there, in `interruptible`, while the
    # query runs in a worker thread, so the signal is sent anywhere inside `rows`)
    done = subprocess.run([sys.executable, "-m", "tests.reliability.ctrl_c_at",
                           "rows", "report_html.py", "--", "report", "-w", str(wh)],
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT,
                          capture_output=True, timeout=300,
                          preexec_fn=ctrl_c_reaches_it)
    errs = done.stderr.decode(errors="replace")
    assert "signalled" in errs, errs[-3000:]  # the signal came during the report
    assert done.returncode == 130, errs[-3000:]
    assert "Traceback" not in errs, errs[-3000:]
    assert "interrupted: the report was stopped" in " ".join(errs.split()), errs[-3000:]
    # nothing half-written is left: no report file, nor a temporary one
    assert not reports.exists() or not list(reports.iterdir())
    again = subprocess.run([sys.executable, "-m", "flows.cli", "report", "-w", str(wh)],
                           env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT,
                           capture_output=True, timeout=300)
    assert again.returncode == 0, again.stderr.decode(errors="replace")[-3000:]
    assert (reports / "latest.html").is_file()


def _articles_warehouse(root: Path, n: int) -> Path:
    """One committed run of `n` articles (the columns an article must have), its search
    index not built: the first `search` indexes it (catch-up)."""
    now = datetime.now(UTC)
    run_id = "20240101T000000Z-000000"
    rows = [{"article_id": f"a{i:06d}", "url": f"https://e.com/{i}",
             "canonical_url": f"https://e.com/{i}", "domain": "e.com", "source_kind": "url",
             "title": f"Harbour council story {i}", "text": f"The harbour council met {i}.",
             "word_count": 5, "content_hash": f"{i:032x}", "run_id": run_id}
            for i in range(n)]
    publish_run(root, {"articles": conform(rows, ARTICLES, "articles")}, {
        "run_id": run_id, "started_at": now.isoformat(),
        "totals": {"inputs": n, "kept": n, "rejected": 0, "failed": 0, "skipped": 0}})
    return root


def test_ctrl_c_during_a_search_is_a_sentence_and_the_next_search_catches_up(tmp_path):
    wh = _articles_warehouse(tmp_path / "wh", 5_000)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # SIGINT while the search indexes the commit its index lacks
    done = subprocess.run([sys.executable, "-m", "tests.reliability.ctrl_c_at", "catch_up",
                           "search.py", "--", "search", "harbour", "-w", str(wh)],
                          env=env, cwd=ROOT, capture_output=True, timeout=300,
                          preexec_fn=ctrl_c_reaches_it)
    errs = done.stderr.decode(errors="replace")
    assert "signalled" in errs, errs[-3000:]
    assert done.returncode == 130, errs[-3000:]
    assert "Traceback" not in errs, errs[-3000:]
    assert "interrupted: the search was stopped" in " ".join(errs.split()), errs[-3000:]
    again = subprocess.run([sys.executable, "-m", "flows.cli", "search", "harbour", "-w",
                            str(wh)], env=env, cwd=ROOT, capture_output=True, timeout=300)
    assert again.returncode == 0, again.stderr.decode(errors="replace")[-3000:]
    assert "10 of 5000 matching article(s)" in again.stdout.decode(), again.stdout.decode()
