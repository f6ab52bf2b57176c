"""Issue 10: memory of dedup's candidate pairs for one batch when the warehouse holds many
copies of the batch's stories (the bench_memory WARC cycles 990 pages: after k batches
each story has ~k/2 prior copies sharing its band keys).

    .venv/bin/python bench/bench_candidate_pairs.py [--copies 10 30 50] [--repeat 3]

Keys: 500 new rows, each one story; `copies` prior rows per story with the same keys in
15 of 16 bands (one band their own). Measured with tracemalloc (numpy reports its arrays
to it): the peak of `candidate_pairs(keys, is_new)` (old-old pairs dropped as made, the
current code) against building every pair and dropping the old-old ones afterwards (the
code before, `candidate_pairs(keys)` then the filter). Both give the same pairs.
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc

import numpy as np

from tasks.dedup import minhash as nd


def keys_for(copies: int, stories: int = 500, bands: int = 16, seed: int = 1):
    rng = np.random.default_rng(seed)
    n = stories * (copies + 1)
    story = np.repeat(np.arange(stories), copies + 1)
    story_keys = rng.integers(0, 2**63, size=(stories, bands), dtype=np.uint64)
    keys = story_keys[story]
    keys[:, -1] = rng.integers(0, 2**63, size=n, dtype=np.uint64)
    is_new = np.zeros(n, bool)
    is_new[np.arange(stories) * (copies + 1)] = True  # one new row per story
    return keys, is_new


def filtered_as_made(keys, is_new):
    return nd.candidate_pairs(keys, is_new)


def filtered_after(keys, is_new):
    p = nd.candidate_pairs(keys)
    return p[is_new[p[:, 0]] | is_new[p[:, 1]]]


def peak(fn, keys, is_new) -> tuple[int, float, int]:
    tracemalloc.start()
    t0 = time.perf_counter()
    pairs = fn(keys, is_new)
    wall = time.perf_counter() - t0
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return top, wall, len(pairs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, nargs="+", default=[10, 30, 50])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    for copies in args.copies:
        keys, is_new = keys_for(copies)
        runs = {"filtered as made": [], "filtered after": []}
        for _ in range(args.repeat):  # interleaved
            for name, fn in (("filtered as made", filtered_as_made),
                             ("filtered after", filtered_after)):
                runs[name].append(peak(fn, keys, is_new))
        made, after = runs["filtered as made"], runs["filtered after"]
        assert made[0][2] == after[0][2]
        pm = statistics.median(r[0] for r in made) / 2**20
        pa = statistics.median(r[0] for r in after) / 2**20
        print(f"{copies} prior copies per story ({len(keys)} rows, {made[0][2]} pairs kept): "
              f"peak {pm:.1f} MB filtered as made vs {pa:.1f} MB filtered after "
              f"({pa / pm:.1f}x); time {statistics.median(r[1] for r in made):.2f} vs "
              f"{statistics.median(r[1] for r in after):.2f} s (medians of {args.repeat})",
              flush=True)


if __name__ == "__main__":
    main()
