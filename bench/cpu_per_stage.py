"""Issue 10: CPU seconds per page of each stage, in one process, on the pages of a WARC
(load-independent: `time.process_time`, not the wall clock), for comparing two code trees
back to back.

    .venv/bin/python bench/cpu_per_stage.py pages-1000.warc.gz --pages 1000
    .venv/bin/python bench/cpu_per_stage.py pages-1000.warc.gz --pairs 3 --before DIR

With --before DIR (e.g. `git archive COMMIT | tar -x -C DIR`), each pair runs the code
before and this tree in fresh subprocesses, alternating which goes first, and prints the
medians and the ratio of each stage. --profile FILE writes a cProfile of the run (one
tree, no pairs). Stages: discover (the WARC staged into Parquet batch files and each loaded
back, as `pressroom ingest` does), extract, clean, dedup (empty warehouse), enrich; one
batch per `--batch` pages, as the flow does. Not counted: publish, the search index, the
report, Prefect, the worker pool's pickling.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

STAGES = ("discover", "extract", "clean", "dedup", "enrich")


def measure(warc: str, pages: int, batch: int, profile: str | None) -> dict[str, float]:
    """CPU seconds of each stage over the first `pages` records of the WARC."""
    import shutil
    import tempfile
    from dataclasses import replace
    from datetime import timedelta

    from tasks import clean, dedup, enrich, extract
    from tasks.common.settings import Settings, settings_slice
    from tasks.discover.inputs import DiscoverConfig, stage_warc_input, staged_batch
    from tasks.storage.warehouse import known_inputs, load_prior

    settings = Settings(warehouse=Path(os.environ.get("TMPDIR", "/tmp")) / "cpu-per-stage-wh",
                        cpu_workers=1)
    cfgs = [settings_slice(c, settings) for c in (extract.ExtractConfig, clean.CleanConfig,
                                                  dedup.DedupConfig, enrich.EnrichConfig)]
    from tasks.extract.pages import warm_up

    warm_up()
    from tasks.steps import outlet_registry

    registry, _ = outlet_registry(settings)
    cpu = dict.fromkeys(STAGES, 0.0)
    prof = None
    if profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    known = known_inputs(settings.warehouse, timedelta(hours=1))
    prior = load_prior(settings.warehouse)
    staging = Path(tempfile.mkdtemp(prefix="cpu-per-stage-"))
    config = replace(settings_slice(DiscoverConfig, settings), batch_size=batch)
    done = 0
    t = time.process_time()
    # as the flow: the WARC staged batch by batch into Parquet files, each loaded back
    for path, _, rejects in stage_warc_input(warc, staging, config, "bench"):
        table = staged_batch(path, known, False, "bench", rejects).table
        table = table.slice(0, pages - done)
        done += table.num_rows
        cpu["discover"] += time.process_time() - t
        t = time.process_time()
        e = extract.run(table, cfgs[0], "bench")
        cpu["extract"] += (t2 := time.process_time()) - t
        c = clean.run(e.table, cfgs[1], "bench")
        cpu["clean"] += (t3 := time.process_time()) - t2
        d = dedup.run(c.table, cfgs[2], "bench", prior)
        cpu["dedup"] += (t4 := time.process_time()) - t3
        enrich.run(d.table, cfgs[3], "bench", registry)
        cpu["enrich"] += time.process_time() - t4
        t = time.process_time()
        if done >= pages:
            break
    shutil.rmtree(staging)
    if prof:
        prof.disable()
        prof.dump_stats(profile)
    return {k: v / done * 1000 for k, v in cpu.items()}  # ms per page


def run_tree(tree: Path | None, args) -> dict[str, float]:
    env = dict(os.environ)
    if tree:
        env["PYTHONPATH"] = str(tree)
    cmd = [sys.executable, __file__, args.warc, "--pages", str(args.pages), "--batch",
           str(args.batch), "--one"]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True,
                         cwd=tree or Path(__file__).resolve().parent.parent)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("warc")
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--pairs", type=int, default=0)
    ap.add_argument("--before", type=Path)
    ap.add_argument("--profile")
    ap.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one or not args.pairs:
        print(json.dumps(measure(args.warc, args.pages, args.batch, args.profile)))
        return
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()}", flush=True)
    res: dict[str, list[dict]] = {"before": [], "after": []}
    for p in range(args.pairs):
        order = ("before", "after") if p % 2 == 0 else ("after", "before")
        for which in order:
            r = run_tree(args.before if which == "before" else None, args)
            res[which].append(r)
            print(f"pair {p} {which:6s} " + "  ".join(f"{k} {v:6.2f}" for k, v in r.items())
                  + f"  total {sum(r.values()):6.2f} ms/page  load {os.getloadavg()[0]:.1f}",
                  flush=True)
    print("\nmedian ms/page   before    after   ratio")
    for k in (*STAGES, "total"):
        b = statistics.median(sum(r.values()) if k == "total" else r[k] for r in res["before"])
        a = statistics.median(sum(r.values()) if k == "total" else r[k] for r in res["after"])
        print(f"{k:14s} {b:8.2f} {a:8.2f} {a / b if b else float('nan'):7.3f}")


if __name__ == "__main__":
    main()
