"""CPU-parallel work inside one Prefect task: a batch split across worker processes.

Extraction is CPU-bound Python and lxml; Prefect's thread-pool runner gives it no
parallelism (measured: four batches on threads ran 1.6x *slower* than one after another,
bench/bench_flow.py), and Dask or process task runners start one Prefect server per
worker in ephemeral mode. So a task hands its batch to a process pool and gathers the
results. Workers come from a forkserver (safe beside Prefect's threads, unlike fork) and
are reused by every later batch of the process, so trafilatura is imported once per worker.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

import pyarrow as pa

_POOL: ProcessPoolExecutor | None = None
_POOL_SIZE = 0
# Modules the forkserver imports once before it forks the workers (preload_in_workers).
_PRELOAD: list[str] = []
# The flow runs several batches' tasks on threads at once: without the lock, each of the
# first ones found no pool and started its own: a 5k-page run had 12 processes (4 pools of
# 2 workers) and a 3.8 GB peak of PSS while its first batches were extracted.
_POOL_LOCK = threading.Lock()


def worker_count(setting: int, on_cluster: bool = False) -> int:
    """0 means one worker per core. On a Dask worker, 1: the cluster is the parallelism
    (its workers already fill the cores), and a Dask worker is a daemon process, which
    may not start processes of its own."""
    if on_cluster:
        return 1
    return setting if setting > 0 else (os.cpu_count() or 1)


def on_dask_worker() -> bool:
    """True inside a task that a Dask worker runs (prefect-dask's task runner).

    Asked in sys.modules, not by importing distributed: a Dask worker process has imported
    it already, and a process that has not is no Dask worker. The import cost every
    `pressroom ingest` without Dask ~1.7 s of CPU and its memory, on the first batch."""
    distributed = sys.modules.get("distributed")
    if distributed is None:
        return False
    try:
        distributed.get_worker()
    except ValueError:
        return False
    return True


def _exit_with_parent() -> None:
    """Pool initializer: end this worker as soon as the process that started the pool is
    gone. A SIGKILLed run (the OOM killer, `kill -9`, a lost container) gives its workers
    no shutdown message, and neither they nor the forkserver notice on their own: each
    worker holds the writing end of its own task queue, so it waits on it forever (seen
    after a killed 50k-page run: both workers and the forkserver alive until killed by
    hand). The parent's sentinel becomes readable when the parent dies."""
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(1)  # nothing of the dead run's work is wanted any more

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def preload_in_workers(modules: list[str]) -> None:
    """Have the forkserver import `modules` once, before it forks any worker: every worker
    then starts with them (and whatever they load at import) already in memory, shared
    copy-on-write, instead of each worker importing them on its first chunk. Python's
    default preload is the main script (here the `pressroom` command line, which no
    worker needs). Effective only before this process's forkserver starts (the first
    pool); a module that fails to import is skipped by the forkserver, and the workers
    import it on first use as before."""
    _PRELOAD[:] = modules


def _pool(workers: int) -> ProcessPoolExecutor:
    global _POOL, _POOL_SIZE
    with _POOL_LOCK:
        if _POOL is None or _POOL_SIZE != workers:
            if _POOL is not None:
                _POOL.shutdown(cancel_futures=True)
            context = multiprocessing.get_context("forkserver")
            if _PRELOAD:
                context.set_forkserver_preload(_PRELOAD)
            _POOL = ProcessPoolExecutor(workers, mp_context=context,
                                        initializer=_exit_with_parent)
            _POOL_SIZE = workers
        return _POOL


class Stopped(Exception):
    """An inline call given up between two chunks: the run was told to stop."""


# Bumped by stop_workers: an inline call started before the bump gives up at its next
# chunk (a plain counter: a signal handler must not take a lock this thread may hold).
_STOPS = 0


def stop_workers() -> None:
    """End the pool's workers now, in the middle of their chunks: for a run told to stop
    (SIGTERM), whose chunks in flight nobody will commit. Their calls fail
    (BrokenProcessPool) instead of the exit waiting for them to finish: a 5k-page run
    given SIGTERM exited ~22 s later, after the extraction in flight. The next call starts
    a new pool. Inline calls in flight (cpu_workers=1) end at their next chunk (Stopped),
    not after their whole batch. Takes no lock: it runs in a signal handler, which may
    interrupt this very thread while it holds _POOL_LOCK."""
    global _POOL, _POOL_SIZE, _STOPS
    _STOPS += 1
    pool, _POOL, _POOL_SIZE = _POOL, None, 0
    if pool is None:
        return
    # ProcessPoolExecutor has no public way to end a running call; its processes are
    # multiprocessing.Process objects, which can.
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


@contextmanager
def workers_stop_on_sigterm() -> Iterator[None]:
    """For its duration, a SIGTERM first ends the pool's workers (stop_workers), then goes
    on to the handler that was there. A flow run's handler (Prefect's: the run ends as
    crashed) unwinds through the task runner, which waits for its running tasks, and they
    for their chunks; ended workers fail those at once. Only the main thread can set
    handlers: elsewhere this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGTERM)

    def stop_then_previous(signum, frame):
        stop_workers()
        if callable(previous):
            previous(signum, frame)
        elif previous != signal.SIG_IGN:  # the default: end the process as it would have
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)

    signal.signal(signal.SIGTERM, stop_then_previous)
    try:
        yield
    finally:
        if signal.getsignal(signal.SIGTERM) is stop_then_previous:
            signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


# Rows per chunk handed to a worker at most. A chunk is copied and pickled whole in this
# process before a worker takes it, so its size bounds what the pool holds here: 125
# pages of HTML are ~18 MB (500 pages of the dev corpus are ~71 MB).
CHUNK_ROWS = 125


def chunks(table: pa.Table, parts: int, max_rows: int = CHUNK_ROWS) -> list[pa.Table]:
    """At least `parts` contiguous slices of nearly equal size, none over `max_rows` rows
    (order kept)."""
    parts = max(parts, -(-table.num_rows // max_rows))
    size = -(-table.num_rows // parts)
    return [table.slice(i, size) for i in range(0, table.num_rows, size)]


def compact(part: pa.Table) -> pa.Table:
    """The slice with buffers of its own. Pickling a slice of a table pickles the whole
    buffers it points into (pyarrow 26: a 50-row slice of a 100-row table pickles all 100
    rows), so every chunk sent to a worker carried the whole batch."""
    return part.take(pa.array(range(part.num_rows), pa.int64()))


class _Slots:
    """Chunks queued or running in the pool, across every task thread of the process: a
    chunk is copied and pickled only when a slot is free, so the chunks of all the
    batches in flight are never held in this process at once (only `workers` + 1).

    Calls take turns: one call's chunks all go in before the next call's, as they did
    when every chunk went straight into the pool's queue. (Slots granted chunk by chunk to
    whichever thread asked would interleave the batches, and the first batch would
    finish, and commit, only when all of them do.) Among the calls waiting, an urgent one
    (the work a commit waits for: clean, enrich) goes first, then the earliest; it may
    take the next free slot in the middle of another call's chunks."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._free = 0
        self._size = 0
        self._tickets = itertools.count()
        self._calls: set[tuple[int, int]] = set()  # (0 urgent / 1 not, arrival) of each call

    @contextmanager
    def turn(self, slots: int, urgent: bool = False) -> Iterator[tuple[int, int]]:
        with self._cond:
            if self._size != slots:  # a new pool size: its slots, none in use
                self._free, self._size = slots, slots
            ticket = (0 if urgent else 1, next(self._tickets))
            self._calls.add(ticket)
        try:
            yield ticket
        finally:
            with self._cond:
                self._calls.discard(ticket)
                self._cond.notify_all()

    def acquire(self, ticket: tuple[int, int]) -> None:
        """A slot for the next chunk of the call holding `ticket`, once it is that call's
        turn: no call before it in the order is still submitting."""
        with self._cond:
            self._cond.wait_for(lambda: self._free > 0 and min(self._calls) == ticket)
            self._free -= 1

    def release(self) -> None:
        with self._cond:
            self._free += 1
            self._cond.notify_all()


_SLOTS = _Slots()

# Inline calls (no pool) take turns too, one at a time (a single slot), urgent ones first.
# Two task threads running CPU-bound stage work at once in one process gain nothing under
# the GIL, and that is the one configuration (cpu_workers=1, two batches extracting on two
# threads) where a native crash ("double free or corruption") was seen in a benchmark: the
# C libraries under extraction share module-level state (trafilatura parses with one
# module-level lxml parser), so one at a time.
_INLINE = _Slots()


def map_batch(fn: Callable[..., Any], table: pa.Table, *args: Any, workers: int,
              min_rows: int, urgent: bool = False) -> list[Any]:
    """fn(chunk, *args) over slices of `table` (at least `workers`, none over CHUNK_ROWS
    rows) in worker processes, results in order. Small tables (< min_rows) and workers ==
    1 run inline: a pool is not worth it. `urgent` work (what an earlier batch's commit
    waits for) takes the pool's next free slots ahead of work already waiting.

    Inline, a table of min_rows or more still goes chunk by chunk, the chunks two workers
    would get: the same results as with a pool (enrich's keyword IDF is per call), urgent
    work can go between two chunks, and a stop (stop_workers) ends the call at the next
    chunk rather than after the whole batch."""
    if workers <= 1 or table.num_rows < min_rows:
        parts = chunks(table, 2) if table.num_rows >= min_rows else [table]
        stops = _STOPS
        results = []
        with _INLINE.turn(1, urgent) as ticket:
            for part in parts:
                _INLINE.acquire(ticket)
                try:
                    if _STOPS != stops:
                        raise Stopped("the run was told to stop: the rest of the batch is "
                                      "not processed")
                    results.append(fn(part, *args))
                finally:
                    _INLINE.release()
        return results
    pool = _pool(workers)
    futures = []
    with _SLOTS.turn(workers + 1, urgent) as ticket:
        for part in chunks(table, workers):
            _SLOTS.acquire(ticket)  # released when the chunk is done (or could not be submitted)
            try:
                future = pool.submit(fn, compact(part), *args)
            except BaseException:
                _SLOTS.release()
                raise
            future.add_done_callback(lambda _f: _SLOTS.release())
            futures.append(future)
    return [f.result() for f in futures]
