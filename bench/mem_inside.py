"""Where the flow's own process keeps its memory: the ingest flow run in this process over
a WARC, sampled every few seconds from a thread: RSS, the bytes Arrow has allocated
(page bodies and every other table live there, not in Python objects) and, with
--tracemalloc, the Python allocations by line at the moment of the peak RSS.

    .venv/bin/python bench/mem_inside.py WARC [--window 4] [--tracemalloc] [--every 2]

Prefect's server runs in its own process (prefect_test_harness) and is not counted; the
extraction workers neither (bench/bench_memory.py sums the whole tree).
"""

from __future__ import annotations

import argparse
import ctypes
import os
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path

import psutil
import pyarrow as pa


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost")]


def malloc_mb() -> tuple[int, int]:
    """(MB in use, MB free but kept) of glibc's malloc: Python objects and C libraries
    other than Arrow (its own allocator) and DuckDB (its own). Free-but-kept is
    fragmentation the process does not give back."""
    libc = ctypes.CDLL("libc.so.6")
    libc.mallinfo2.restype = _MallInfo2
    info = libc.mallinfo2()
    return (info.uordblks + info.hblkhd) >> 20, info.fordblks >> 20


class Sampler(threading.Thread):
    def __init__(self, every: float, trace: bool) -> None:
        super().__init__(daemon=True)
        self.every, self.trace = every, trace
        self.stop = threading.Event()
        self.timeline: list[tuple[int, int, int]] = []  # (s, RSS MB, Arrow MB)
        self.peak = (0, 0, 0)
        self.peak_top: list[str] = []
        self.t0 = time.perf_counter()

    def run(self) -> None:
        me = psutil.Process()
        while not self.stop.wait(self.every):
            rss, arrow = me.memory_info().rss >> 20, pa.total_allocated_bytes() >> 20
            used, kept = malloc_mb()
            t = round(time.perf_counter() - self.t0)
            self.timeline.append((t, rss, arrow))
            print(f"  t={t} s RSS {rss} MB, Arrow {arrow} MB, malloc in use {used} MB, "
                  f"malloc free but kept {kept} MB", flush=True)
            if rss > self.peak[1]:
                self.peak = (t, rss, arrow)
                if self.trace:
                    stats = tracemalloc.take_snapshot().statistics("lineno")
                    total = sum(s.size for s in stats) >> 20
                    self.peak_top = [f"python objects traced: {total} MB"] + [
                        f"{s.size >> 20} MB {s.count} blocks {s.traceback[0]}"
                        for s in stats[:12]]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("warc")
    ap.add_argument("--window", type=int, default=None)
    ap.add_argument("--tracemalloc", action="store_true")
    ap.add_argument("--every", type=float, default=2.0)
    args = ap.parse_args()
    if args.tracemalloc:
        tracemalloc.start(1)

    from prefect.testing.utilities import prefect_test_harness

    import flows.pipeline
    from flows.ingest import ingest
    from tasks.common.settings import Settings

    if args.window:
        flows.pipeline.WINDOW = args.window
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()}; window "
          f"{flows.pipeline.WINDOW}; {args.warc}", flush=True)
    with tempfile.TemporaryDirectory() as tmp, prefect_test_harness(server_startup_timeout=300):
        sampler = Sampler(args.every, args.tracemalloc)
        sampler.start()
        t0 = time.perf_counter()
        manifest = ingest(inputs=[args.warc], settings=Settings(warehouse=Path(tmp) / "wh"))
        wall = time.perf_counter() - t0
        sampler.stop.set()
    t, rss, arrow = sampler.peak
    print(f"done in {wall:.0f} s: {manifest['totals']}; peak RSS {rss} MB at t={t} s, Arrow "
          f"then {arrow} MB; Arrow's own peak {pa.default_memory_pool().max_memory() >> 20} "
          f"MB; load average {os.getloadavg()}")
    for line in sampler.peak_top:
        print("   " + line)


if __name__ == "__main__":
    main()
