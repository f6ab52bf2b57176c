"""Start-up of `pressroom ingest`, two code trees interleaved: seconds before the flow's
first log line, the flow, and after it, on a small WARC (where start-up is most of a run).

    .venv/bin/python bench/startup_pairs.py WARC REPEATS TREE [TREE ...]

Each TREE is a copy of the code (`git archive COMMIT | tar -x -C TREE`), run as
`python -m flows.cli ingest` with PYTHONPATH=TREE and cpu_workers=1; one shared
PREFECT_HOME, warmed by a first untimed round.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_throughput import flow_span  # noqa: E402


def one(tree: str, warc: str, home: str) -> tuple[float, float, float, float]:
    """(wall, before the flow, flow, after) of one ingest run from `tree`."""
    wh = tempfile.mkdtemp()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRESSROOM_", "PREFECT_"))}
    env.update(PREFECT_HOME=home, PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1",
               PYTHONPATH=tree, PRESSROOM_CPU_WORKERS="1")
    started, t0 = datetime.now(), time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "flows.cli", "ingest", warc, "--warehouse",
                           wh + "/wh"], env=env, cwd=tempfile.gettempdir(),
                          capture_output=True, text=True)
    wall = time.perf_counter() - t0
    shutil.rmtree(wh)
    if done.returncode:
        raise SystemExit(done.stderr[-3000:])
    span = flow_span(done.stderr, started, wall)
    return wall, span["before_flow_s"], span["inner_s"], span["after_flow_s"]


def main() -> None:
    warc, reps, trees = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    home = tempfile.mkdtemp(prefix="prefect-home-")
    results: dict[str, list] = {t: [] for t in trees}
    for r in range(reps + 1):
        for tree in trees:
            got = one(tree, warc, home)
            if r == 0:
                continue  # the warm-up round: creates the Prefect database
            results[tree].append(got)
            print(f"{tree:20s} wall {got[0]:6.1f} before {got[1]:5.1f} flow {got[2]:5.1f} "
                  f"after {got[3]:4.1f} load {os.getloadavg()[0]:.1f}", flush=True)
    for tree, runs in results.items():
        wall, before, flow, after = (statistics.median(x[i] for x in runs) for i in range(4))
        print(f"{tree} medians: wall {wall:.1f} before {before:.1f} flow {flow:.1f} "
              f"after {after:.1f}")


if __name__ == "__main__":
    main()
