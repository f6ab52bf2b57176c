"""Cost of dedup's exact-verification text lookup (`PriorArticles.texts`, from
`warehouse.load_prior`) as the warehouse grows: a batch asks for the texts of the few
earlier articles its candidate pairs touch.

    .venv/bin/python bench/bench_prior_texts.py [--commits 100] [--rows 500] [--ask 40]

Publishes `--commits` batch commits of `--rows` articles each (generated ~900-word texts,
written by `publish_run` as a run writes them), then asks for `--ask` texts spread over
the commits. Each lookup runs in a fresh process; reported: CPU seconds, wall seconds and
peak RSS above the process's RSS before the call, for today's lookup (rows located on the
narrow columns, then only their row groups' texts read) and for the earlier single query
(`arg_max(text, revision) ... WHERE article_id IN (...)`, kept here as the baseline),
interleaved.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fresh_process import alternate, measured  # noqa: E402 (bench/ is sys.path[0])

WORDS = [f"{a}{b}" for a in ("ka", "lo", "pre", "men", "ter", "vi", "stra", "qu")
         for b in ("ba", "de", "fi", "gon", "hu", "jat", "kel", "lum", "nor")]


def text_of(seed: int, words: int = 900) -> str:
    rnd = random.Random(seed)
    return " ".join(rnd.choice(WORDS) + str(rnd.randrange(1000)) for _ in range(words))


def write_warehouse(root: Path, commits: int, rows: int) -> list[str]:
    from schemas import ARTICLES, conform
    from tasks.common.text import content_hash
    from tasks.common.urls import article_id_for, canonical_url, domain_of
    from tasks.storage.publish import publish_run

    t0 = datetime(2024, 4, 4, 8, 0, tzinfo=UTC)
    ids = []
    for c in range(commits):
        batch = []
        for r in range(rows):
            url = f"https://outlet{r % 7}.example/c{c}/story-{r}.html"
            canon = canonical_url(url)
            text = text_of(c * rows + r)
            batch.append({"article_id": article_id_for(canon), "url": url,
                          "canonical_url": canon, "domain": domain_of(url),
                          "source_kind": "url", "source": "bench", "input_key": url,
                          "fetched_at": t0 + timedelta(seconds=c * rows + r), "text": text,
                          "word_count": 900, "content_hash": content_hash(text),
                          "revision": 1, "run_id": f"r{c}"})
            ids.append(batch[-1]["article_id"])
        publish_run(root, {"articles": conform(batch, ARTICLES, "articles")},
                    {"run_id": f"r{c:04d}", "started_at": (t0 + timedelta(hours=c)).isoformat()})
    return ids


def query_texts(root: Path, ids: list[str]) -> dict[str, str]:
    """The lookup before: one query over every committed articles file."""
    import duckdb
    import pyarrow as pa

    from tasks.storage.warehouse import committed_files

    con = duckdb.connect()
    files = [str(p) for p in committed_files(root, "articles")]
    con.read_parquet(files, union_by_name=True).create_view("prior_articles")
    con.register("want", pa.table({"article_id": pa.array(ids, pa.string())}))
    got = con.sql("""SELECT article_id, arg_max(text, coalesce(revision, 1)) AS text
                     FROM prior_articles WHERE article_id IN (SELECT article_id FROM want)
                     GROUP BY article_id""").to_arrow_table()
    con.close()
    return dict(zip(got.column(0).to_pylist(), got.column(1).to_pylist(), strict=True))


def child(variant: str, folder: str) -> None:
    from tasks.storage.warehouse import load_prior

    root = Path(folder) / "wh"
    ids = json.loads((Path(folder) / "ask.json").read_text())
    fn = load_prior(root).texts if variant == "located" else (
        lambda want: query_texts(root, want))
    fn(ids[:1])  # imports and first-use allocations before the baseline
    got, figures = measured(fn, ids)
    digest = hashlib.sha256(json.dumps(sorted(got.items())).encode()).hexdigest()
    print(json.dumps({"variant": variant, "texts": len(got), **figures, "digest": digest}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--commits", type=int, default=100)
    ap.add_argument("--rows", type=int, default=500)
    ap.add_argument("--ask", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        ids = write_warehouse(Path(tmp) / "wh", args.commits, args.rows)
        ask = random.Random(1).sample(ids, args.ask)
        (Path(tmp) / "ask.json").write_text(json.dumps(ask))
        size = sum(p.stat().st_size for p in (Path(tmp) / "wh").rglob("*.parquet"))
        print(f"{args.commits} commits x {args.rows} articles (~900 words each), "
              f"{size / 2**20:.0f} MB of Parquet, written in {time.perf_counter() - t:.0f} s; "
              f"{args.ask} texts asked")
        got = alternate({v: [sys.executable, __file__, "--child", v, tmp]
                         for v in ("query", "located")}, args.repeat)
        assert len({r["digest"] for runs in got.values() for r in runs}) == 1, "answers differ"
        for variant, runs in got.items():
            print(f"{variant:8s} texts {runs[0]['texts']}  CPU "
                  f"{statistics.median(r['cpu_s'] for r in runs):.3f} s  wall "
                  f"{statistics.median(r['wall_s'] for r in runs):.3f} s  peak above start "
                  f"{statistics.median(r['peak_above_mb'] for r in runs):6.1f} MB  "
                  f"(median of {len(runs)})")


if __name__ == "__main__":
    main()
