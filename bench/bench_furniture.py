"""What the furniture pruning (tasks/extract/furniture.py) costs beside a plain trafilatura
extraction of the same pages, in one process, interleaved page by page.

    .venv/bin/python bench/bench_furniture.py [--corpus DIR] [--rounds R] [--step K]

Each page is parsed once outside the clock; per round and page, `prune_furniture` on a fresh
copy of the tree and `trafilatura.extract` on the bytes are timed, which goes first
alternating. Medians per page over the rounds, summed: ms/page of each and their ratio.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import time
from copy import deepcopy

import trafilatura
from trafilatura.utils import load_html

from tasks.extract.furniture import prune_furniture

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_extract import corpus_dir  # noqa: E402 -- the same corpus lookup as that bench


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--step", type=int, default=1)
    args = ap.parse_args()
    corpus = corpus_dir(args.corpus)
    if not (corpus / "expected.jsonl").is_file():
        print(f"SKIP bench_furniture: dev corpus not found at {corpus}")
        return 0
    ids = [json.loads(line)["id"] for line in open(corpus / "expected.jsonl", encoding="utf-8")]
    pages = [gzip.open(corpus / "pages" / f"{i}.html.gz").read() for i in ids[::args.step]]
    trees = [load_html(p) for p in pages]
    prune_t: list[list[float]] = [[] for _ in pages]
    traf_t: list[list[float]] = [[] for _ in pages]
    pruned = 0
    for r in range(args.rounds):
        for n, (page, tree) in enumerate(zip(pages, trees, strict=True)):
            copy = deepcopy(tree)
            for side in (("prune", "traf") if (n + r) % 2 == 0 else ("traf", "prune")):
                t0 = time.perf_counter()
                if side == "prune":
                    k = prune_furniture(copy)
                else:
                    trafilatura.extract(page, include_comments=False)
                (prune_t if side == "prune" else traf_t)[n].append(time.perf_counter() - t0)
            pruned += k if r == 0 else 0
    prune_ms = 1000 * sum(statistics.median(t) for t in prune_t) / len(pages)
    traf_ms = 1000 * sum(statistics.median(t) for t in traf_t) / len(pages)
    print(f"pages: {len(pages)}  rounds: {args.rounds}  trafilatura {trafilatura.__version__}, "
          f"python {sys.version.split()[0]}, {os.cpu_count()} cpus (shared)")
    print(f"blocks pruned: {pruned} on {len(pages)} pages")
    print(f"prune_furniture: {prune_ms:.2f} ms/page; trafilatura.extract: {traf_ms:.2f} ms/page; "
          f"prune / extraction = {prune_ms / traf_ms:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
