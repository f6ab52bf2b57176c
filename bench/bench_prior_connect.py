"""What dedup's questions to the warehouse cost per batch as per-batch commits pile up
(`warehouse.load_prior`: the latest revisions, the MinHash parameters, the signatures
near the batch, the texts exact verification needs).

    .venv/bin/python bench/bench_prior_connect.py [--commits 100] [--rows 50]
        [--before DIR] [--repeat 3]

Publishes `--commits` commits of `--rows` articles each (generated ~300-word stories,
deduplicated and signed by `dedup.run` against the warehouse, as a run commits them),
then times one more batch's `dedup.run` against `load_prior` in a fresh process: half
of it near copies of earlier stories (so texts are read for exact verification), half
new. With `--before DIR` (a checkout, e.g. `git archive main | tar -x -C DIR`), the same
batch runs on that code too, alternating; the answers must be equal.
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

from fresh_process import alternate  # bench/ is sys.path[0]

HERE = Path(__file__).resolve().parent.parent
T0 = datetime(2024, 4, 4, 8, 0, tzinfo=UTC)
WORDS = [f"{a}{b}" for a in ("ka", "lo", "pre", "men", "ter", "vi", "stra", "qu")
         for b in ("ba", "de", "fi", "gon", "hu", "jat", "kel", "lum", "nor")]


def story(seed: int, words: int = 300) -> str:
    rnd = random.Random(seed)
    return " ".join(rnd.choice(WORDS) + str(rnd.randrange(1000)) for _ in range(words))


def near_copy(text: str, seed: int) -> str:
    words = text.split(" ")
    rnd = random.Random(seed)
    for pos in rnd.sample(range(len(words)), 5):
        words[pos] = f"changed{seed}w{pos}"
    return " ".join(words)


def rows(texts: list[tuple[str, str]], minute: int) -> list[dict]:
    from tasks.common.text import content_hash
    from tasks.common.urls import article_id_for, canonical_url, domain_of

    out = []
    for i, (url, text) in enumerate(texts):
        canon = canonical_url(url)
        out.append({"article_id": article_id_for(canon), "url": url, "canonical_url": canon,
                    "domain": domain_of(url), "source_kind": "url", "source": "bench",
                    "input_key": url, "fetched_at": T0 + timedelta(minutes=minute, seconds=i),
                    "text": text, "word_count": len(text.split()),
                    "content_hash": content_hash(text), "run_id": "bench"})
    return out


def dedup_batch(root: Path, batch: list[dict], run_id: str):
    from schemas import ARTICLES, conform
    from tasks.common.settings import Settings, settings_slice
    from tasks.dedup import rules as dedup
    from tasks.storage.warehouse import load_prior

    cfg = settings_slice(dedup.DedupConfig, Settings())
    return dedup.run(conform(batch, ARTICLES, "articles"), cfg, run_id, load_prior(root))


def build(root: Path, commits: int, per: int) -> None:
    from tasks.storage.publish import publish_run

    for c in range(commits):
        batch = rows([(f"https://outlet{c % 9}.example/c{c}/s{r}", story(c * per + r))
                      for r in range(per)], c)
        res = dedup_batch(root, batch, f"r{c:04d}")
        publish_run(root, {"articles": res.table, **res.outputs},
                    {"run_id": f"r{c:04d}", "started_at": (T0 + timedelta(hours=c)).isoformat()})


def new_batch(commits: int, per: int) -> list[dict]:
    rnd = random.Random(5)
    earlier = rnd.sample(range(commits * per), per // 2)
    texts = [(f"https://copies.example/n{i}", near_copy(story(s), i))
             for i, s in enumerate(earlier)]
    texts += [(f"https://fresh.example/n{i}", story(10**7 + i)) for i in range(per - len(texts))]
    return rows(texts, commits + 1)


def child(code: str, folder: str, commits: int, per: int) -> None:
    sys.path.insert(0, code)
    batch = new_batch(commits, per)
    t0, w0 = time.process_time(), time.perf_counter()
    res = dedup_batch(Path(folder) / "wh", batch, "new")
    cpu, wall = time.process_time() - t0, time.perf_counter() - w0
    got = sorted((r["url"], r["cluster_id"], r["duplicate_of"]) for r in res.table.to_pylist())
    print(json.dumps({"cpu_s": cpu, "wall_s": wall,
                      "joined": sum(1 for g in got if g[2] is not None),
                      "digest": hashlib.sha256(json.dumps(got).encode()).hexdigest()}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--commits", type=int, default=100)
    ap.add_argument("--rows", type=int, default=50)
    ap.add_argument("--before", help="a checkout of the code to compare with")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.commits, args.rows)
        return
    sys.path.insert(0, str(HERE))
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        build(Path(tmp) / "wh", args.commits, args.rows)
        print(f"{args.commits} commits x {args.rows} articles, built in "
              f"{time.perf_counter() - t:.0f} s; a batch of {args.rows} "
              f"({args.rows // 2} near copies of earlier articles)")
        codes = {"this": str(HERE)} | ({"before": args.before} if args.before else {})
        argv = [sys.executable, __file__, "--commits", str(args.commits), "--rows",
                str(args.rows), "--child"]
        got = alternate({name: [*argv, code, tmp] for name, code in codes.items()},
                        args.repeat, cwd=codes)
        assert len({r["digest"] for runs in got.values() for r in runs}) == 1, "answers differ"
        for name, runs in got.items():
            print(f"{name:7s} joined {runs[0]['joined']}  CPU "
                  f"{statistics.median(r['cpu_s'] for r in runs):.3f} s  wall "
                  f"{statistics.median(r['wall_s'] for r in runs):.3f} s  (median of "
                  f"{len(runs)}: {[round(r['cpu_s'], 2) for r in runs]})")


if __name__ == "__main__":
    main()
