"""Crashes and concurrency against real `pressroom ingest` processes.

A WARC of generated news pages (distinct URLs, some near-copies so that clusters exist)
is ingested once without interruption: the reference. Then real runs are killed with
SIGKILL at named points of the run (CRASHPOINT_KILL_AT, tasks/common/crashpoints.py) and
re-run: the warehouse must end up with exactly the reference's rows and cluster ids,
nothing duplicated, nothing torn, nothing left in staging. Two ingests started together
on one warehouse must not duplicate anything either (the writer lock).
"""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

pytestmark = pytest.mark.integration

PAGES = 24
BATCH = 4  # 6 batch commits per run

WORDS = ("council harbour bridge budget election minister river festival school hospital "
         "market station museum police storm farmers court union energy railway vaccine "
         "library airport teachers workers village mayor park museum coast border").split()


def _paragraphs(rng: random.Random, n: int) -> list[str]:
    return [" ".join(rng.choice(WORDS) for _ in range(28)).capitalize() + "." for _ in range(n)]


def _page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html lang='en'><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><nav>Home World Sport</nav><article><h1>{title}</h1>{body}</article>"
            "<footer>Copyright</footer></body></html>").encode()


def write_warc(path: Path) -> None:
    """PAGES pages; every sixth page is a near copy (one word changed) of the page six
    before it, on another outlet, so that clusters span batch commits."""
    rng = random.Random(7)
    texts: list[list[str]] = []
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i in range(PAGES):
            if i >= 6 and i % 6 == 0:
                paras = [p.replace(" ", " really ", 1) if k == 0 else p
                         for k, p in enumerate(texts[i - 6])]
            else:
                paras = _paragraphs(rng, 6)
            texts.append(paras)
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                    protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(
                f"https://outlet{i % 3}.example/news/story-{i}.html", "response",
                payload=io.BytesIO(_page(f"Story {i}", paras)), http_headers=http,
                warc_headers_dict={"WARC-Date": f"2024-05-{1 + i % 20:02d}T07:00:00Z"}))


def run_env(server: dict[str, str], crash_at: str | None = None) -> dict[str, str]:
    """A `pressroom` process on the shared Prefect server, small batches, one process."""
    env = {**os.environ, **server, "PRESSROOM_BATCH_SIZE": str(BATCH),
           "PRESSROOM_CPU_WORKERS": "1"}
    env.pop("CRASHPOINT_KILL_AT", None)
    if crash_at:
        env["CRASHPOINT_KILL_AT"] = crash_at
    return env


def ingest(warc: Path, warehouse: Path, server: dict[str, str], crash_at: str | None = None,
           timeout: float = 600) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("pressroom")
    return subprocess.run([str(exe), "ingest", str(warc), "--warehouse", str(warehouse)],
                          env=run_env(server, crash_at), capture_output=True, text=True,
                          timeout=timeout)


def state(warehouse: Path) -> dict:
    """What a reader sees: rows per article and revision, current cluster ids, counts."""
    from tasks.storage.report import build_views, connect_views, run_data_tests

    db = build_views(warehouse)
    con = connect_views(db)
    try:
        rows = con.execute("SELECT url, content_hash, coalesce(revision, 1) FROM articles "
                           "ORDER BY url").fetchall()
        clusters = dict(con.execute(
            "SELECT a.url, c.cluster_id FROM (SELECT DISTINCT article_id, url FROM articles) a "
            "JOIN article_clusters c USING (article_id)").fetchall())
        signatures = con.execute("SELECT count(DISTINCT article_id) FROM signatures").fetchone()
    finally:
        con.close()
    return {"rows": rows, "clusters": clusters, "signed": signatures[0],
            "failing_tests": {k: v for k, v in run_data_tests(db).items() if v}}


def assert_nothing_torn(warehouse: Path) -> None:
    from tasks.storage.warehouse import committed_files

    leftovers = [p for p in warehouse.rglob("*.tmp")]
    assert leftovers == [], leftovers
    staging = warehouse / "_staging"
    assert not staging.exists() or not any(staging.iterdir())
    for table in ("articles", "signatures", "rejects", "fetch_log"):
        for f in committed_files(warehouse, table):
            assert f.stat().st_size > 0


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    warc = tmp_path_factory.mktemp("corpus") / "pages.warc.gz"
    write_warc(warc)
    return warc


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory, prefect_server) -> dict:
    warehouse = tmp_path_factory.mktemp("reference") / "wh"
    done = ingest(corpus, warehouse, prefect_server)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    ref = state(warehouse)
    assert len(ref["rows"]) == PAGES and ref["failing_tests"] == {}
    # the near copies cluster with their originals, across batch commits
    assert len(set(ref["clusters"].values())) == PAGES - (PAGES // 6 - 1)
    return ref


# Where a run dies: each named point, some at a later occurrence (the n-th batch).
CRASH_POINTS = [
    "staged",                    # first WARC batch staged, nothing fetched
    "fetched:2",                 # batches in flight, none committed
    "extracted:3",
    "deduped:1",                 # first batch deduplicated, not committed
    "parquet-tmp-written:2",     # a Parquet file half-way (under its .tmp name)
    "commit-files-written:2",    # batch files in place, manifest not written
    "manifest-tmp-written:3",    # batch manifest written as .tmp, not renamed
    "batch-committed:4",         # four of six batches committed
    "run-manifest",              # every batch committed, run manifest not written
    "run-committed",             # run manifest written, views and report not built
    "views-built",               # the new database written as .tmp, not renamed
]


@pytest.mark.parametrize("crash_at", CRASH_POINTS)
def test_killed_run_resumes_to_the_same_warehouse(corpus, reference, tmp_path, crash_at,
                                                  prefect_server):
    warehouse = tmp_path / "wh"
    killed = ingest(corpus, warehouse, prefect_server, crash_at=crash_at)
    assert killed.returncode == -9, (crash_at, killed.returncode, killed.stderr[-2000:])
    # What a reader sees after the crash is a prefix of the reference, never torn.
    after_crash = state(warehouse)
    assert set(after_crash["rows"]) <= set(reference["rows"])
    assert len(after_crash["rows"]) == len(set(after_crash["rows"]))

    resumed = ingest(corpus, warehouse, prefect_server)
    assert resumed.returncode == 0, resumed.stdout[-2000:] + resumed.stderr[-3000:]
    final = state(warehouse)
    assert final == reference, crash_at
    assert_nothing_torn(warehouse)
    # the resumed run fetched and kept only what the killed run had not committed
    again = ingest(corpus, warehouse, prefect_server)
    assert again.returncode == 0 and state(warehouse) == reference


def test_two_ingests_at_once_add_each_article_once(corpus, reference, tmp_path,
                                                  prefect_server):
    warehouse = tmp_path / "wh"
    exe = Path(sys.executable).with_name("pressroom")
    cmd = [str(exe), "ingest", str(corpus), "--warehouse", str(warehouse)]
    procs = [subprocess.Popen(cmd, env=run_env(prefect_server), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1][-2000:] for o in outs]
    assert state(warehouse) == reference
    assert_nothing_torn(warehouse)
