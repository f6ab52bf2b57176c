"""CPU-parallel work inside one Prefect task: a batch split across worker processes.

Extraction is CPU-bound Python and lxml; Prefect's thread-pool runner gives it no
parallelism (measured: four batches on threads ran 1.6x *slower* than one after another,
bench/bench_flow.py), and Dask or process task runners start one Prefect server per
worker in ephemeral mode. So a task hands its batch to a process pool and gathers the
results. Workers come from a forkserver (safe beside Prefect's threads, unlike fork) and
are reused by every later batch of the process, so trafilatura is imported once per worker.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pyarrow as pa

_POOL: ProcessPoolExecutor | None = None
_POOL_SIZE = 0
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
    """True inside a task that a Dask worker runs (prefect-dask's task runner)."""
    try:
        from distributed import get_worker
    except ImportError:  # no Dask installed: certainly not on a Dask worker
        return False
    try:
        get_worker()
    except ValueError:
        return False
    return True


def _pool(workers: int) -> ProcessPoolExecutor:
    global _POOL, _POOL_SIZE
    with _POOL_LOCK:
        if _POOL is None or _POOL_SIZE != workers:
            if _POOL is not None:
                _POOL.shutdown(cancel_futures=True)
            _POOL = ProcessPoolExecutor(workers,
                                        mp_context=multiprocessing.get_context("forkserver"))
            _POOL_SIZE = workers
        return _POOL


def chunks(table: pa.Table, parts: int) -> list[pa.Table]:
    """`parts` contiguous slices of nearly equal size (order kept)."""
    size = -(-table.num_rows // parts)
    return [table.slice(i, size) for i in range(0, table.num_rows, size)]


def map_batch(fn: Callable[..., Any], table: pa.Table, *args: Any, workers: int,
              min_rows: int) -> list[Any]:
    """fn(chunk, *args) over `workers` slices of `table` in worker processes, results in
    order. Small tables (< min_rows) and workers == 1 run inline: a pool is not worth it."""
    if workers <= 1 or table.num_rows < min_rows:
        return [fn(table, *args)]
    pool = _pool(workers)
    futures = [pool.submit(fn, part, *args) for part in chunks(table, workers)]
    return [f.result() for f in futures]
