"""Typical queries over 1,000 small batch commits, before and after `compact`.

    .venv/bin/python bench/bench_compact.py [--commits 1000] [--rows 50] [--repeat 5]

Writes a throwaway warehouse of `--commits` batch commits of `--rows` articles each
(~1.5 KB of text per article), builds the views, times each query (median of --repeat,
both sides measured in this run), compacts, rebuilds the views and times them again.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from schemas import ARTICLES, conform
from tasks.storage.compact import compact
from tasks.storage.publish import publish_commit
from tasks.storage.report import build_views, connect_views

WORDS = ("council harbour bridge budget election minister river festival school hospital "
         "market station museum police storm farmers court union energy railway").split()
QUERIES = {
    "count by domain": "SELECT domain, count(*), avg(word_count) FROM articles GROUP BY 1",
    "text scan": "SELECT count(*) FROM articles WHERE text LIKE '%harbour bridge%'",
    "one article": "SELECT title FROM articles WHERE article_id = 'a500-25'",
}


def articles(commit: int, rows: int, rng: random.Random):
    now = datetime(2024, 5, 1, tzinfo=UTC)
    out = []
    for i in range(rows):
        text = " ".join(rng.choice(WORDS) for _ in range(220))
        out.append({"article_id": f"a{commit}-{i}", "url": f"https://o{i % 7}.example/{commit}/{i}",
                    "canonical_url": f"https://o{i % 7}.example/{commit}/{i}",
                    "domain": f"o{i % 7}.example", "source_kind": "warc", "title": f"T {i}",
                    "text": text, "word_count": 220, "content_hash": f"h{commit}-{i}",
                    "fetched_at": now, "run_id": "bench"})
    return conform(out, ARTICLES, "articles")


def timed(db: Path, repeat: int) -> dict[str, float]:
    out = {}
    for name, sql in QUERIES.items():
        times = []
        for _ in range(repeat):
            con = connect_views(db)
            t0 = time.perf_counter()
            con.execute(sql).fetchall()
            times.append(time.perf_counter() - t0)
            con.close()
        out[name] = statistics.median(times)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--commits", type=int, default=1000)
    ap.add_argument("--rows", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for c in range(1, args.commits + 1):
            publish_commit(root, {"articles": articles(c, args.rows, rng)},
                           {"run_id": "bench", "started_at": "2024-05-01T00:00:00+00:00"}, c)
        t0 = time.perf_counter()
        db = build_views(root)
        build_before = time.perf_counter() - t0
        before = timed(db, args.repeat)
        t0 = time.perf_counter()
        manifest = compact(root, min_files=2)
        took = time.perf_counter() - t0
        t0 = time.perf_counter()
        db = build_views(root)
        build_after = time.perf_counter() - t0
        after = timed(db, args.repeat)
    files_after = sum(len(v) for v in manifest["files"].values())
    print(f"{args.commits} commits x {args.rows} articles; compaction "
          f"{len(manifest['replaces'])} -> {files_after} files in {took:.1f} s")
    print(f"| query | {args.commits} small files | after compaction | speed-up |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| build views | {build_before:.2f} s | {build_after:.2f} s | "
          f"{build_before / build_after:.1f}x |")
    for name in QUERIES:
        print(f"| {name} | {before[name] * 1000:.0f} ms | {after[name] * 1000:.0f} ms | "
              f"{before[name] / after[name]:.1f}x |")


if __name__ == "__main__":
    main()
