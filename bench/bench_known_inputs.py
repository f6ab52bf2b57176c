"""Fault round 56: peak memory of building the known inputs (`warehouse.known_inputs`,
what a run reads first to skip what earlier runs settled) over a warehouse of N articles,
before and after round 55 added the kept articles' input keys (`article_input_keys`).

    PYTHONPATH=. .venv/bin/python bench/bench_known_inputs.py --articles 1000000 \
        [--root DIR] [--repeat 2] [--variants r54,r55,current]

Build (once per root, reused when it exists): N articles committed as Parquet + batch
manifests the way publish does it (zstd, files of 50k rows), only the columns the known
inputs read and a few more (article_id from the canonical URL as the pipeline derives
it, url, canonical_url, input_key: ~75-character URLs of a news site; 2% of the articles
reached through a redirect, their input key another URL). `--listed-www`: every article
listed as `www.` + its host, which its canonical URL drops, so that no input key is
listed as its canonical URL (the worst case of round 56's filter: every key is read and
hashed). rejects and fetch_log are empty: the articles are what grows.

Each variant runs in its own subprocess, alternating; peak RSS is the child's VmHWM from
/proc/self/status (its floor, the imports, is printed as `floor`):
  r54      the articles part as it was before round 55: SELECT DISTINCT article_id, one
           frozenset (the code at 38db81a0^)
  r55      round 55's: SELECT DISTINCT article_id, input_key, a set of ids and a set of
           keys from the rows (the code at 38db81a0)
  current  `warehouse.known_inputs` as it is in this tree
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from schemas import ARTICLES
from tasks.common.urls import article_id_for
from tasks.storage.publish import commit_manifest, parquet_options, row_group_size_of

FILE_ROWS = 50_000
RUN_ID = "20250101T000000Z-bench0"
COLUMNS = ("article_id", "url", "canonical_url", "input_key", "content_hash", "revision",
           "text")


def build(root: Path, n: int, www: bool) -> None:
    schema = pa.schema([ARTICLES.field(c) for c in COLUMNS])
    for b, start in enumerate(range(0, n, FILE_ROWS)):
        stop = min(n, start + FILE_ROWS)
        canon = [f"https://harbour-gazette.example/2025/{i % 12 + 1:02d}/story-of-the-day-"
                 f"number-{i:08d}.html" for i in range(start, stop)]
        # 1 in 50 reached through a redirect: its input key is the URL listed
        keys = [f"https://harbour-gazette.example/s/{i:08d}?ref=feed" if i % 50 == 0
                else c.replace("://", "://www.") if www else c
                for i, c in zip(range(start, stop), canon, strict=True)]
        table = pa.table({"article_id": [article_id_for(c) for c in canon], "url": keys,
                          "canonical_url": canon, "input_key": keys,
                          "content_hash": [f"{i:032x}" for i in range(start, stop)],
                          "revision": pa.array([1] * (stop - start), pa.int32()),
                          "text": [f"short article {i}" for i in range(start, stop)]},
                         schema=schema)
        stem = f"{RUN_ID}.b{b:05d}"
        rel = f"articles/{stem}-0000.parquet"
        (root / "articles").mkdir(parents=True, exist_ok=True)
        pq.write_table(table, root / rel, row_group_size=row_group_size_of("articles"),
                       **parquet_options("articles"))
        commit_manifest(root, stem, {"run_id": RUN_ID, "kind": "batch", "batch": b,
                                     "started_at": datetime(2025, 1, 1, tzinfo=UTC).isoformat(),
                                     "files": {"articles": [rel]},
                                     "rows": {"articles": stop - start}})
    print(f"  built {n:,} articles in {root}", flush=True)


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def one(root: Path, variant: str) -> dict:
    from tasks.storage import warehouse

    floor = peak_mb()
    t0 = time.perf_counter()
    if variant == "r54":
        ids = frozenset(r[0] for r in warehouse._scan(root, "articles",
                                                      "SELECT DISTINCT article_id FROM t"))
        sizes = (len(ids), 0)
    elif variant == "r55":
        kept = warehouse._scan(root, "articles", "SELECT DISTINCT article_id, input_key FROM t")
        ids = {r[0] for r in kept}
        known = (frozenset(ids), frozenset(key for _, key in kept if key))
        sizes = (len(known[0]), len(known[1]))
    else:
        known = warehouse.known_inputs(root, timedelta(hours=24))
        sizes = (len(known.article_ids), len(known.article_input_keys))
    return {"variant": variant, "seconds": round(time.perf_counter() - t0, 2),
            "floor_mb": round(floor), "peak_mb": round(peak_mb()), "ids": sizes[0],
            "input_keys": sizes[1]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=1_000_000)
    ap.add_argument("--root", type=Path, default=Path("/tmp/bench-known-inputs"))
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--variants", default="r54,r55,current")
    ap.add_argument("--listed-www", action="store_true")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args()
    root = args.root / f"{args.articles}{'-www' if args.listed_www else ''}"
    if args.one:
        print(json.dumps(one(root, args.one)))
        return
    if not (root / "manifests").exists():
        build(root, args.articles, args.listed_www)
    for _ in range(args.repeat):
        for variant in args.variants.split(","):
            done = subprocess.run([sys.executable, __file__, "--articles", str(args.articles),
                                   "--root", str(args.root), "--one", variant]
                                  + (["--listed-www"] if args.listed_www else []),
                                  capture_output=True, text=True, check=True)
            print(done.stdout.strip().splitlines()[-1], flush=True)


if __name__ == "__main__":
    main()
