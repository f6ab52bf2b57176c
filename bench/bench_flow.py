"""Orchestration overhead: the ingest flow under Prefect versus the same stage
functions (publish and report included) called directly, on the same synthetic text
dumps, in the same process.

    .venv/bin/python bench/bench_flow.py [--docs 3000] [--repeat 3]

Prints medians and the overhead ratio; DESIGN.md's target is under 5% of a run.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORDS = ("alliance minister troops training border summit coordinated capabilities "
         "support regional economic growth parliament election city council harbour "
         "bridge library runner record officials said statement agreed budget").split()


def make_dumps(folder: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    for i in range(n):
        paragraphs = []
        for _ in range(8):
            sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 25)))
            paragraphs.append(sentence.capitalize() + ".")
        body = "".join(paragraphs)  # glued, like the seed: exercises the repair
        (folder / f"{i:06d}.txt").write_text(
            f" date 2024-04-{1 + i % 28:02d} https://bench.example/{i}.html\n"
            f"Synthetic article {i}\n{body}\n", encoding="utf-8")


def direct(inputs: list[str], settings) -> float:
    """The same stages, no Prefect: the baseline."""
    from pathlib import Path as P

    from flows.pipeline import batches, concat, new_run_id
    from schemas import ARTICLES
    from tasks import clean, dedup, discover, enrich, extract, fetch, publish, report

    t0 = time.perf_counter()
    run_id = new_run_id()
    found = discover.discover(inputs, run_id)
    docs = found.docs
    cleaned = []
    for b in batches(docs, settings.batch_size):
        f = fetch.fetch_batch(b, settings, run_id)
        e = extract.extract_batch(f.docs, settings, run_id)
        cleaned.append(clean.clean_batch(e.table, settings, run_id).table)
    all_clean = concat(cleaned, ARTICLES)
    d = dedup.dedup_batch(all_clean, dedup.load_prior(P(settings.warehouse)), settings,
                          run_id)
    enriched = [enrich.enrich_batch(b, settings, run_id).table
                for b in batches(d.table, settings.batch_size)]
    root = P(settings.warehouse)
    publish.publish_run(root, {"articles": concat(enriched, ARTICLES)},
                        {"run_id": run_id, "started_at": "", "totals": {}})
    report.run_data_tests(report.build_views(root))
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from prefect.testing.utilities import prefect_test_harness

    from flows.ingest import ingest
    from tasks.config import Settings

    with tempfile.TemporaryDirectory() as tmp, prefect_test_harness(server_startup_timeout=120):
        src = Path(tmp) / "dumps"
        src.mkdir()
        make_dumps(src, args.docs)
        flow_times, direct_times = [], []
        for i in range(args.repeat):
            settings = Settings(warehouse=Path(tmp) / f"wh-direct-{i}")
            direct_times.append(direct([str(src)], settings))
            settings = Settings(warehouse=Path(tmp) / f"wh-flow-{i}")
            t0 = time.perf_counter()
            manifest = ingest(inputs=[str(src)], settings=settings)
            flow_times.append(time.perf_counter() - t0)
            assert manifest["totals"]["kept"] == args.docs, manifest["totals"]
    f, d = statistics.median(flow_times), statistics.median(direct_times)
    print(f"machine: {platform.machine()} {os.cpu_count()} cores, Python "
          f"{platform.python_version()}")
    print(f"docs={args.docs} batch_size={Settings().batch_size} repeat={args.repeat}")
    print(f"direct stage calls: median {d:.2f} s ({args.docs / d:.0f} docs/s)")
    print(f"prefect flow: median {f:.2f} s ({args.docs / f:.0f} docs/s)")
    overhead = 100 * (f - d) / f
    print(f"flow / direct = {f / d:.3f}  (orchestration overhead: {overhead:.1f}% of the run)")


if __name__ == "__main__":
    main()
