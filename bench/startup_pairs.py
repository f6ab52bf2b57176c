"""Start-up of `pressroom ingest`, code trees interleaved: seconds before the flow's first
log line, the flow, and after it, plus the CPU seconds the whole process tree (server,
forkserver, workers included) spent before the flow began, on a small WARC (where start-up
is most of a run).

    .venv/bin/python bench/startup_pairs.py WARC REPEATS TREE [TREE ...] [--workers N]

Each TREE is a copy of the code (`git archive COMMIT | tar -x -C TREE`), run as
`python -m flows.cli ingest` with PYTHONPATH=TREE and cpu_workers=N (default 1; 0 = one
worker per core); one shared PREFECT_HOME, warmed by a first untimed round. CPU is
sampled from /proc every 50 ms (psutil): a process's last 50 ms before the flow may be
missed.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).parent))
from bench_throughput import flow_span  # noqa: E402

FLOW_BEGINS = "Beginning flow run"


class TreeCpu:
    """CPU seconds of a process and its descendants, sampled until stop()."""

    def __init__(self, pid: int) -> None:
        self.root, self.seen = psutil.Process(pid), {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                for p in [self.root, *self.root.children(recursive=True)]:
                    try:
                        self.seen[p.pid] = sum(p.cpu_times()[:2])
                    except psutil.Error:
                        pass
            except psutil.Error:
                pass
            time.sleep(0.05)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return sum(self.seen.values())


def one(tree: str, warc: str, home: str, workers: int) -> tuple[float, ...]:
    """(wall, before the flow, flow, after, CPU before the flow) of one ingest run."""
    wh = tempfile.mkdtemp()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRESSROOM_", "PREFECT_"))}
    env.update(PREFECT_HOME=home, PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1",
               PYTHONPATH=tree, PRESSROOM_CPU_WORKERS=str(workers))
    started, t0 = datetime.now(), time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "flows.cli", "ingest", warc, "--warehouse",
                             wh + "/wh"], env=env, cwd=tempfile.gettempdir(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    cpu, cpu_to_flow, lines = TreeCpu(proc.pid), None, []
    for line in proc.stderr:
        lines.append(line)
        if cpu_to_flow is None and FLOW_BEGINS in line:
            cpu_to_flow = cpu.stop()
    proc.wait()
    wall = time.perf_counter() - t0
    if cpu_to_flow is None:
        cpu.stop()
    shutil.rmtree(wh)
    if proc.returncode:
        raise SystemExit("".join(lines)[-3000:])
    span = flow_span("".join(lines), started, wall)
    return (wall, span["before_flow_s"], span["inner_s"], span["after_flow_s"],
            cpu_to_flow or float("nan"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("warc")
    ap.add_argument("repeats", type=int)
    ap.add_argument("trees", nargs="+")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    home = tempfile.mkdtemp(prefix="prefect-home-")
    results: dict[str, list] = {t: [] for t in args.trees}
    for r in range(args.repeats + 1):
        # interleaved, the order reversed every other round
        for tree in args.trees if r % 2 else args.trees[::-1]:
            got = one(tree, args.warc, home, args.workers)
            if r == 0:
                continue  # the warm-up round: creates the Prefect database
            results[tree].append(got)
            print(f"{tree:20s} wall {got[0]:6.1f} before {got[1]:5.1f} flow {got[2]:5.1f} "
                  f"after {got[3]:4.1f} cpu-before {got[4]:5.1f} load "
                  f"{os.getloadavg()[0]:.1f}", flush=True)
    for tree, runs in results.items():
        wall, before, flow, after, cpu = (statistics.median(x[i] for x in runs)
                                          for i in range(5))
        print(f"{tree} medians: wall {wall:.1f} before {before:.1f} flow {flow:.1f} "
              f"after {after:.1f} cpu-before {cpu:.1f}")


if __name__ == "__main__":
    main()
