"""What one batch's dedup costs as stories pile up copies in the warehouse: the memory
behind the 50k / 5k gap of the whole-run benchmark (`bench_memory.py`).

    .venv/bin/python bench/bench_dedup_copies.py [--stories 500] [--copies 5 50]
        [--before DIR] [--repeat 3]

Builds a warehouse by committing, `max(--copies)` times, one near copy (five words
changed) of each of `--stories` generated ~300-word stories (a batch of `--stories`
rows per commit, deduplicated by `dedup.run` against the warehouse as a run commits
them), keeping a copy of the warehouse after each number of commits in `--copies`. Then,
against each, times one more batch (one new copy of every story) in a fresh process:
CPU, wall and the peak RSS above the process's RSS before the call, alternating with
`--before DIR` (a checkout of other code) when given; the answers must be equal.

At k earlier copies per story the band-key lookup finds all k (every copy holds the
story's keys), so what dedup reads per batch grows with k unless it stops once a new
copy is joined to its cluster.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench_prior_connect import near_copy, rows, story  # bench/ is sys.path[0]
from fresh_process import alternate, measured

HERE = Path(__file__).resolve().parent.parent


def dedup_batch(root: Path, batch: list[dict], run_id: str):
    from schemas import ARTICLES, conform
    from tasks.common.settings import Settings, settings_slice
    from tasks.dedup import rules as dedup
    from tasks.storage.warehouse import load_prior

    cfg = settings_slice(dedup.DedupConfig, Settings())
    return dedup.run(conform(batch, ARTICLES, "articles"), cfg, run_id, load_prior(root))


def copies_batch(stories: int, copy: int) -> list[dict]:
    """Copy number `copy` of every story, each on its own outlet."""
    return rows([(f"https://outlet{copy}.example/s{s}", near_copy(story(s), copy * 100_003 + s))
                 for s in range(stories)], copy)


def build(root: Path, stories: int, keep: dict[int, Path]) -> None:
    from tasks.storage.publish import publish_run

    for c in range(max(keep)):
        res = dedup_batch(root, copies_batch(stories, c), f"r{c:04d}")
        publish_run(root, {"articles": res.table, **res.outputs},
                    {"run_id": f"r{c:04d}", "started_at": f"2024-04-{1 + c // 24:02d}T"
                     f"{c % 24:02d}:00:00+00:00"})
        if c + 1 in keep:
            shutil.copytree(root, keep[c + 1])


def child(code: str, warehouse: str, stories: int, copy: int) -> None:
    sys.path.insert(0, code)
    batch = copies_batch(stories, copy)
    dedup_batch(Path(warehouse), batch[:2], "warm-up")  # imports, first-use allocations
    res, figures = measured(dedup_batch, Path(warehouse), batch, "new")
    got = sorted((r["url"], r["cluster_id"], r["duplicate_of"]) for r in res.table.to_pylist())
    print(json.dumps({**figures, "joined": sum(1 for g in got if g[2] is not None),
                      "re_recorded": res.outputs["signatures"].num_rows - len(got),
                      "digest": hashlib.sha256(json.dumps(got).encode()).hexdigest()}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stories", type=int, default=500)
    ap.add_argument("--copies", type=int, nargs="+", default=[5, 50])
    ap.add_argument("--before", help="a checkout of the code to compare with")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", help="build the warehouses here and keep them (reused if there)")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.stories, int(args.child[2]))
        return
    sys.path.insert(0, str(HERE))
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(args.keep) if args.keep else Path(tmp)
        keep = {k: base / f"copies-{k}" for k in args.copies}
        if not all(p.exists() for p in keep.values()):
            t = time.perf_counter()
            build(base / "building", args.stories, keep)
            shutil.rmtree(base / "building")
            print(f"built {max(keep)} commits x {args.stories} copies in "
                  f"{time.perf_counter() - t:.0f} s", flush=True)
        codes = {"this": str(HERE)} | ({"before": args.before} if args.before else {})
        for k, wh in sorted(keep.items()):
            argv = [sys.executable, __file__, "--stories", str(args.stories), "--child"]
            got = alternate({name: [*argv, code, str(wh), str(k)]
                             for name, code in codes.items()}, args.repeat, cwd=codes)
            digests = {r["digest"] for runs in got.values() for r in runs}
            assert len(digests) == 1, f"answers differ at {k} copies"
            for name, runs in got.items():
                print(f"{k:3d} earlier copies  {name:7s} joined {runs[0]['joined']} "
                      f"re-recorded {runs[0]['re_recorded']}  peak above start "
                      f"{statistics.median(r['peak_above_mb'] for r in runs):7.1f} MB  CPU "
                      f"{statistics.median(r['cpu_s'] for r in runs):6.2f} s  "
                      f"(median of {len(runs)}: "
                      f"{[round(r['peak_above_mb']) for r in runs]} MB)", flush=True)


if __name__ == "__main__":
    main()
