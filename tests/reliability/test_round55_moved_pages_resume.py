"""A kept page reached through a redirect or a meta refresh, ingested again (fault round
55, found by bench/fault_sweep.py at seed 2): the article is stored under its target's
id (`/ok/refreshed`), which the input URL (`/refresh?k=1`) does not give, so the rerun's
check of known inputs missed it and fetched the page again, every run, only to count it
"already in warehouse" afterwards. Now the inputs of kept articles settle their URLs as
the articles' ids do. A real loopback fault server, the real `pressroom ingest`, twice."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from schemas import DOCUMENTS, conform
from tasks.common.state import KnownInputs
from tasks.discover.inputs import split_known
from tests.integration.faultserver import FaultServer

ROOT = Path(__file__).resolve().parents[2]
MOVED = ["/refresh?k=1", "/refresh-to-host?n=58&k=2", "/to-host?n=58&k=3"]


def _ingest(urls: Path, wh: Path, env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "-m", "flows.cli", "ingest", str(urls), "-w",
                           str(wh)], env=env, cwd=ROOT, capture_output=True, timeout=600)
    out = " ".join(done.stdout.decode().split())
    assert done.returncode == 0, done.stderr.decode()[-3000:] + out[-2000:]
    return out


@pytest.mark.integration
def test_a_moved_page_kept_is_not_fetched_again(tmp_path, prefect_server):
    server = FaultServer([57, 58]).start()
    try:
        urls = tmp_path / "moved.urls"
        urls.write_text("".join(server.url(57, p) + "\n" for p in MOVED), encoding="utf-8")
        env = {**os.environ, **prefect_server, "PYTHONPATH": str(ROOT),
               "PRESSROOM_ALLOWED_NETWORKS": '["127.0.0.0/8"]'}
        first = _ingest(urls, tmp_path / "wh", env)
        assert "inputs 3 = kept 3 + rejected 0" in first, first[-1500:]
        server.reset_log()
        again = _ingest(urls, tmp_path / "wh", env)
        assert "inputs 3 = kept 0 + rejected 0 + failed fetches 0 + already in " \
               "warehouse 3" in again, again[-1500:]
        asked = [h.path for h in server.hits if h.path != "/robots.txt"]
        assert asked == [], asked  # before: the three pages and their targets again
    finally:
        server.stop()


def test_the_input_of_a_kept_article_is_settled():
    docs = conform([{"input_key": u, "url": u, "source_kind": "url", "source": "s"}
                    for u in ("https://a.example/moved", "https://a.example/new")],
                   DOCUMENTS, "documents")
    todo, skipped = split_known(docs, KnownInputs(
        article_input_keys=frozenset({"https://a.example/moved"})), refresh=False)
    assert todo.column("url").to_pylist() == ["https://a.example/new"]
    assert skipped.column("url").to_pylist() == ["https://a.example/moved"]
    # --refresh fetches it again, as every kept article
    todo, _ = split_known(docs, KnownInputs(
        article_input_keys=frozenset({"https://a.example/moved"})), refresh=True)
    assert todo.num_rows == 2
