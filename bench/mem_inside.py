"""Where the flow's own process keeps its memory: the ingest flow run in this process over
a WARC, sampled every few seconds from a thread: RSS, the bytes Arrow has allocated
(page bodies and every other table live there, not in Python objects) and, with
--tracemalloc, the Python allocations by line at the moment of the peak RSS.

    .venv/bin/python bench/mem_inside.py WARC [--window 4] [--tracemalloc] [--every 2]
    .venv/bin/python bench/mem_inside.py WARC --batch-size 100 --per-batch [--diff 5 25]

--per-batch prints, after every batch commit (after a gc.collect()), the counters that
could hold what grows: RSS and anonymous memory, glibc malloc (in use, free but kept),
Arrow's pool, the Python objects gc tracks (and which types gained most), threads, open
files, memory maps, Prefect's per-flow-run bookkeeping (run_results). With --diff A B,
tracemalloc (10 frames) compares the Python allocations after batch A and batch B, by
traceback (top 30).

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


def smaps_rollup() -> dict[str, int]:
    """MB per field of /proc/self/smaps_rollup (Rss, Anonymous, ...)."""
    out = {}
    with open("/proc/self/smaps_rollup") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "kB":
                out[parts[0].rstrip(":")] = int(parts[1]) >> 10
    return out


class PerBatch:
    """Wraps flows.pipeline._commit: counters after every committed batch."""

    def __init__(self, diff: tuple[int, int] | None, trim: bool = False) -> None:
        import collections
        import gc

        self.gc, self.collections = gc, collections
        self.diff, self.trim = diff, trim
        self.snapshots: dict[int, tracemalloc.Snapshot] = {}
        self.types_before = None
        self.n = 0
        self.t0 = time.perf_counter()

    def type_counts(self):
        return self.collections.Counter(type(o).__name__ for o in self.gc.get_objects())

    def after_commit(self) -> None:
        from prefect.context import FlowRunContext

        self.n += 1
        self.gc.collect()
        me = psutil.Process()
        smaps = smaps_rollup()
        used, kept = malloc_mb()
        ctx = FlowRunContext.get()
        run_results = len(ctx.run_results) if ctx else -1
        runner = getattr(ctx, "task_runner", None)
        cancel_events = len(getattr(runner, "_cancel_events", ()))
        types = self.type_counts()
        gained = ""
        if self.types_before is not None:
            delta = types - self.types_before
            gained = ", ".join(f"{k}+{v}" for k, v in delta.most_common(6))
        self.types_before = types
        traced = tracemalloc.get_traced_memory()[0] >> 20 if tracemalloc.is_tracing() else -1
        print(f"batch {self.n} t={time.perf_counter() - self.t0:.0f} s: RSS {smaps['Rss']} MB "
              f"(anon {smaps['Anonymous']}, file {smaps['Rss'] - smaps['Anonymous']}), "
              f"malloc in use {used} free-kept {kept} MB, Arrow {pa.total_allocated_bytes() >> 20}"
              f" MB ({pa.default_memory_pool().backend_name}), python traced {traced} MB, "
              f"gc objects {sum(types.values())}, threads {threading.active_count()}, fds "
              f"{me.num_fds()}, maps {len(me.memory_maps(grouped=False))}, run_results "
              f"{run_results}, cancel_events {cancel_events}; gained: {gained}", flush=True)
        if self.n % 10 == 0:  # glibc's own account: free chunks by size, per arena
            libc = ctypes.CDLL("libc.so.6")
            libc.fopen.restype = ctypes.c_void_p
            path = f"/tmp/malloc_info-{os.getpid()}-{self.n}.xml"
            fh = libc.fopen(path.encode(), b"w")
            libc.malloc_info(0, ctypes.c_void_p(fh))
            libc.fclose(ctypes.c_void_p(fh))
            print(f"batch {self.n}: malloc_info in {path}", flush=True)
        if self.trim:
            ctypes.CDLL("libc.so.6").malloc_trim(0)
            after = smaps_rollup()
            print(f"batch {self.n}: malloc_trim(0) gave back {smaps['Rss'] - after['Rss']} MB "
                  f"(RSS {after['Rss']} MB, free-kept {malloc_mb()[1]} MB)", flush=True)
        if self.diff and self.n == self.diff[0]:
            tracemalloc.start(8)  # what is allocated from here on and still alive at B
        if self.diff and self.n in self.diff and tracemalloc.is_tracing():
            self.snapshots[self.n] = tracemalloc.take_snapshot()
            if len(self.snapshots) == 2:
                a, b = (self.snapshots[k] for k in self.diff)
                stats = b.compare_to(a, "traceback")
                print(f"--- tracemalloc, batch {self.diff[1]} vs batch {self.diff[0]}: "
                      f"{sum(s.size_diff for s in stats) >> 10} KB net ---")
                for s in stats[:30]:
                    print(f"{s.size_diff >> 10:+} KB ({s.count_diff:+} blocks)")
                    for line in s.traceback.format()[-12:]:
                        print("      " + line)
                self.snapshots.clear()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("warc")
    ap.add_argument("--window", type=int, default=None)
    ap.add_argument("--tracemalloc", action="store_true")
    ap.add_argument("--every", type=float, default=2.0)
    ap.add_argument("--batch-size", type=int, default=None)
    ap.add_argument("--per-batch", action="store_true")
    ap.add_argument("--diff", type=int, nargs=2, default=None)
    ap.add_argument("--mmap-threshold", type=int, default=None,
                    help="the flow's fixed malloc mmap threshold for this run (bytes); 0 = "
                         "none (glibc's sliding default, as before tasks/common/memory.py "
                         "fixed it)")
    ap.add_argument("--min-rows", type=int, default=None,
                    help="parallel_min_rows: batches this size and up go to the worker pool "
                         "(default 200: smaller batches run inline in this process)")
    ap.add_argument("--trim", action="store_true",
                    help="malloc_trim(0) after each batch, printing the RSS it gave back")
    args = ap.parse_args()
    if args.tracemalloc:
        tracemalloc.start(1)
    if args.diff:  # traced from batch A on only: tracing the whole run slows it ~5x
        args.per_batch = True

    from prefect.testing.utilities import prefect_test_harness

    import flows.pipeline
    from flows.ingest import ingest
    from tasks.common.settings import Settings

    if args.window:
        flows.pipeline.WINDOW = args.window
    if args.mmap_threshold is not None:
        from tasks.common import memory

        size = args.mmap_threshold
        flows.pipeline.fix_mmap_threshold = (
            (lambda: memory.fix_mmap_threshold(size)) if size else (lambda: False))
        print(f"mmap threshold: {size or 'glibc default (sliding)'}", flush=True)
    if args.per_batch or args.trim:
        per_batch = PerBatch(tuple(args.diff) if args.diff else None, args.trim)
        commit = flows.pipeline._commit

        def counted_commit(run, batch):
            commit(run, batch)
            per_batch.after_commit()

        flows.pipeline._commit = counted_commit
    extra = {"batch_size": args.batch_size} if args.batch_size else {}
    if args.min_rows:
        extra["parallel_min_rows"] = args.min_rows
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()}; window "
          f"{flows.pipeline.WINDOW}; {args.warc}", flush=True)
    with tempfile.TemporaryDirectory() as tmp, prefect_test_harness(server_startup_timeout=300):
        sampler = Sampler(args.every, args.tracemalloc)
        sampler.start()
        t0 = time.perf_counter()
        settings = Settings(warehouse=Path(tmp) / "wh", **extra)
        manifest = ingest(inputs=[args.warc], settings=settings)
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
