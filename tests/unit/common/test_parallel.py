"""A batch split over worker processes gives exactly what one call gives."""

from __future__ import annotations

import pyarrow as pa
import pytest

from schemas import ARTICLES, DOCUMENTS, conform
from tasks import extract
from tasks.clean.text import StageResult
from tasks.common import parallel
from tasks.common.settings import Settings, settings_slice
from tests.site import ARTICLES as PAGES
from tests.site import render


def _docs() -> pa.Table:
    rows = [{"input_key": f"k{i}", "url": f"https://gazette.example{path}?v={i}",
             "source_kind": "url", "source": "test", "body": render(path),
             "content_type": "text/html", "status": 200}
            for i, path in enumerate(list(PAGES) * 3)]
    rows.append({"input_key": "bad", "url": "https://gazette.example/empty", "source_kind": "url",
                 "source": "test", "body": b"<html><body></body></html>",
                 "content_type": "text/html", "status": 200})
    return conform(rows, DOCUMENTS, "documents")


def test_chunks_keep_order_and_rows():
    table = pa.table({"x": list(range(10))})
    parts = parallel.chunks(table, 3)
    assert [p.num_rows for p in parts] == [4, 4, 2]
    assert pa.concat_tables(parts).column("x").to_pylist() == list(range(10))


def test_worker_processes_give_the_same_result_as_one_call():
    settings = settings_slice(extract.ExtractConfig, Settings(min_words=10))
    docs = _docs()
    inline = extract.run(docs, settings, "r")
    parts = parallel.map_batch(extract.run, docs, settings, "r", workers=2, min_rows=1)
    assert len(parts) == 2  # really split
    combined = StageResult.combine(parts, ARTICLES)
    drop = ["fetched_at"]
    assert combined.table.drop_columns(drop).equals(inline.table.drop_columns(drop))
    assert [r["reason"] for r in combined.rejects] == [r["reason"] for r in inline.rejects]
    assert len(combined.rejects) == 1


def test_small_batches_run_inline():
    calls = []
    table = pa.table({"x": [1, 2]})
    out = parallel.map_batch(lambda t: calls.append(t.num_rows) or "done", table, workers=4,
                             min_rows=10)
    assert out == ["done"] and calls == [2]


def test_on_a_dask_worker_a_task_runs_inline():
    # The cluster is the parallelism, and a Dask worker (a daemon process) cannot start
    # a pool: tests/integration/test_dask.py runs real worker processes.
    assert parallel.worker_count(4, on_cluster=True) == 1
    assert parallel.worker_count(0, on_cluster=True) == 1
    assert parallel.worker_count(3) == 3


def test_a_task_knows_when_a_dask_worker_runs_it():
    from distributed import Client, LocalCluster

    assert not parallel.on_dask_worker()
    with LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        assert client.submit(parallel.on_dask_worker).result() is True


def test_batches_on_threads_at_once_share_one_pool():
    """The flow runs several batches' tasks on threads at once: they must share one pool
    of worker processes, not start one each (that multiplied the run's memory)."""
    import threading

    for _ in range(5):
        if parallel._POOL is not None:
            parallel._POOL.shutdown()
        parallel._POOL, parallel._POOL_SIZE = None, 0
        start, pools = threading.Barrier(8), []

        def take(start=start, pools=pools):
            start.wait()
            pools.append(parallel._pool(3))

        threads = [threading.Thread(target=take) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len({id(p) for p in pools}) == 1
        assert parallel._POOL is pools[0]
    parallel._POOL.shutdown()
    parallel._POOL, parallel._POOL_SIZE = None, 0


def test_a_chunk_sent_to_a_worker_carries_only_its_own_rows():
    """A slice pickles the whole buffers it points into; the chunk handed to a worker is
    compacted first, so two chunks together weigh one batch, not two."""
    import pickle

    table = pa.table({"body": pa.array([b"x" * 10_000] * 100, pa.large_binary()),
                      "i": list(range(100))})
    whole = len(pickle.dumps(table))
    parts = [parallel.compact(p) for p in parallel.chunks(table, 2)]
    sizes = [len(pickle.dumps(p)) for p in parts]
    assert all(s < 0.6 * whole for s in sizes), (sizes, whole)
    assert pa.concat_tables(parts).equals(table)


def test_chunks_are_never_larger_than_the_cap():
    table = pa.table({"x": list(range(300))})
    parts = parallel.chunks(table, 2, max_rows=125)
    assert [p.num_rows for p in parts] == [100, 100, 100]
    assert pa.concat_tables(parts).column("x").to_pylist() == list(range(300))


def _slow_len(table: pa.Table) -> int:
    import time

    time.sleep(0.05)
    return table.num_rows


def test_batches_on_threads_queue_at_most_workers_plus_one_chunks():
    """Four batches handed to the pool at once (the flow's window) do not all sit in this
    process as pickled chunks: a chunk is made only when a worker will soon be free."""
    import threading
    import time

    table = pa.table({"x": list(range(40))})
    results, seen, done = [], [], threading.Event()

    def batch():
        results.append(parallel.map_batch(_slow_len, table, workers=2, min_rows=1))

    threads = [threading.Thread(target=batch) for _ in range(4)]
    for t in threads:
        t.start()

    def watch():
        while not done.is_set():
            pool = parallel._POOL
            if pool is not None:
                seen.append(len(pool._pending_work_items))
            time.sleep(0.002)

    watcher = threading.Thread(target=watch)
    watcher.start()
    for t in threads:
        t.join()
    done.set()
    watcher.join()
    assert results == [[20, 20]] * 4
    assert seen and max(seen) <= 3, max(seen)


def _started(table: pa.Table) -> tuple[int, float]:
    import time

    began = time.monotonic()  # CLOCK_MONOTONIC: one clock for every process
    time.sleep(0.05)
    return table.column("batch")[0].as_py(), began


def test_batches_on_threads_take_turns_chunk_for_chunk():
    """Each batch's chunks go to the pool together, in the order the batches came, so
    the first batch finishes first (and commits) instead of all of them at the end."""
    import threading

    # Both workers up before the stamps are taken. Run first in its process (mutmut's
    # clean run orders the tests it selects as a set), the test started the pool itself:
    # a worker still starting stamped its first chunk late, after the next batch's ones
    # (5 of 8 runs failed alone at nice 19 on the loaded 2-core machine; 0 of 6 warm).
    parallel.map_batch(_started, pa.table({"batch": [0, 0]}), workers=2, min_rows=1)  # warm
    starts: list[tuple[int, float]] = []

    def batch(number: int) -> None:
        table = pa.table({"batch": [number] * 40})
        starts.extend(parallel.map_batch(_started, table, workers=2, min_rows=1))

    threads = [threading.Thread(target=batch, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    order = [b for b, _ in sorted(starts, key=lambda s: s[1])]
    runs = [b for i, b in enumerate(order) if i == 0 or order[i - 1] != b]
    assert sorted(runs) == [0, 1, 2, 3], order  # each batch's chunks ran one after another


def test_inline_calls_on_threads_run_one_at_a_time():
    import threading

    inside: list[int] = []
    lock = threading.Lock()
    current = [0]

    def work(table: pa.Table) -> int:
        import time

        with lock:
            current[0] += 1
            inside.append(current[0])
        time.sleep(0.05)
        with lock:
            current[0] -= 1
        return table.num_rows

    table = pa.table({"x": list(range(10))})
    threads = [threading.Thread(target=parallel.map_batch, args=(work, table),
                                kwargs={"workers": 1, "min_rows": 0}) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # each call goes in the two chunks two workers would get: 8 chunks, never two at once
    assert len(inside) == 8 and max(inside) == 1, inside


def _started_slowly(table: pa.Table) -> tuple[int, float]:
    import time

    began = time.monotonic()
    time.sleep(0.3)
    return table.column("batch")[0].as_py(), began


def test_urgent_work_goes_ahead_of_batches_waiting_for_the_pool():
    """clean/enrich of the oldest batch (what its commit waits for) do not wait behind the
    chunks of later batches' extraction: they take the next free slot."""
    import threading
    import time

    parallel.map_batch(_started, pa.table({"batch": [0, 0]}), workers=2, min_rows=1)  # warm
    starts: list[tuple[int, float]] = []

    def batch(number: int, rows: int, urgent: bool) -> None:
        table = pa.table({"batch": [number] * rows})
        starts.extend(parallel.map_batch(_started_slowly, table, workers=2, min_rows=1,
                                         urgent=urgent))

    # two extractions of 4 chunks each (500 rows) take the pool and its queue, in order ...
    threads = [threading.Thread(target=batch, args=(n, 500, False)) for n in (1, 2)]
    for t in threads:
        t.start()
        time.sleep(0.02)
    time.sleep(0.05)  # ... then the oldest batch's clean comes, 2 chunks
    threads.append(threading.Thread(target=batch, args=(0, 40, True)))
    threads[-1].start()
    for t in threads:
        t.join()
    order = [b for b, _ in sorted(starts, key=lambda s: s[1])]
    assert sorted(order) == [0, 0, *[1] * 4, *[2] * 4], order
    assert order.index(0) < order.index(2), order  # ahead of the later batch's extraction
    assert order[order.index(0) + 1] == 0, order  # its two chunks together


def test_urgent_inline_work_goes_ahead_of_calls_waiting_for_their_turn():
    """With cpu_workers=1 the stages run one at a time on the task threads: the oldest
    batch's clean or enrich goes next (between two chunks of the call running), before a
    later batch's extraction that came first."""
    import threading
    import time

    ran: list[str] = []

    def work(name: str):
        def fn(table: pa.Table) -> int:
            ran.append(name)
            time.sleep(0.2)
            return table.num_rows
        return fn

    table = pa.table({"x": [1, 2]})

    def call(name: str, urgent: bool) -> None:
        # the extractions say nothing: a call is not urgent unless it says so
        parallel.map_batch(work(name), table, workers=1, min_rows=0,
                           **({"urgent": True} if urgent else {}))

    threads = []
    for name, urgent in (("extract 2", False), ("extract 3", False), ("clean 1", True)):
        threads.append(threading.Thread(target=call, args=(name, urgent)))
        threads[-1].start()
        time.sleep(0.05)  # in this order: "extract 2" runs, the other two wait
    for t in threads:
        t.join()
    # each call goes in two chunks: the urgent one takes the slot after extract 2's first
    assert ran == ["extract 2", "clean 1", "clean 1", "extract 2", "extract 3", "extract 3"], ran


def _rows(table: pa.Table) -> int:
    return table.num_rows


def test_a_table_of_exactly_min_rows_goes_to_the_pool():
    table = pa.table({"x": list(range(6))})
    out = parallel.map_batch(_rows, table, workers=2, min_rows=6)
    assert sum(out) == 6 and len(out) >= 2  # split in chunks, one per worker at least
    assert parallel.map_batch(_rows, table, workers=2, min_rows=7) == [6]  # inline


def test_one_worker_per_core_and_one_when_the_core_count_is_unknown(monkeypatch):
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 6)
    assert parallel.worker_count(0) == 6
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: None)  # os.cpu_count() may say None
    assert parallel.worker_count(0) == 1


def test_a_new_set_of_slots_lets_its_first_call_through():
    # _SLOTS and _INLINE are made at import; a set made afresh (one slot, as _INLINE has)
    # must grant its first call a slot, not wait for one that was never there
    import threading

    slots, got = parallel._Slots(), []

    def call():
        with slots.turn(1) as ticket:
            slots.acquire(ticket)
            got.append(ticket)
            slots.release()

    t = threading.Thread(target=call, daemon=True)
    t.start()
    t.join(timeout=30)  # a guard against a hang, not a measure of time
    assert got == [(1, 0)]


def test_a_call_keeps_both_workers_busy_and_one_chunk_queued(monkeypatch):
    """workers + 1 chunks go into the pool before any has finished: with fewer, a worker
    idles while the next chunk is pickled. A stand-in pool finishes chunks only when told."""
    import threading
    from concurrent.futures import Future

    submitted, third = [], threading.Event()

    class HeldPool:
        def submit(self, fn, part, *args):
            future = Future()
            submitted.append((future, fn(part, *args)))
            if len(submitted) == 3:
                third.set()
            return future

    monkeypatch.setattr(parallel, "_pool", lambda workers: HeldPool())
    table = pa.table({"x": list(range(4 * parallel.CHUNK_ROWS))})
    out = []
    t = threading.Thread(target=lambda: out.append(
        parallel.map_batch(len, table, workers=2, min_rows=1)))
    t.start()
    reached = third.wait(timeout=30)  # a guard against a hang, not a measure of time
    while t.is_alive():  # now let every chunk finish
        for future, result in list(submitted):
            if not future.done():
                future.set_result(result)
        t.join(0.01)
    assert reached and len(submitted) == 4
    assert out == [[parallel.CHUNK_ROWS] * 4]


def test_asking_whether_on_a_dask_worker_does_not_import_dask():
    import subprocess
    import sys

    code = ("import sys; from tasks.common import parallel; "
            "print(parallel.on_dask_worker(), 'distributed' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False"]


def _sleep_unless_stopped(table: pa.Table) -> int:
    """Marks that it runs (a file per chunk), then takes far longer than the test waits."""
    import os
    import time
    from pathlib import Path

    Path(table.column("marker")[0].as_py(), str(os.getpid())).touch()
    time.sleep(120)
    return table.num_rows


def _ends(pid: int) -> bool:
    """Whether the process is gone (or a zombie) within 30 s: a terminated process takes a
    moment to die; one left running sleeps out its 120 s chunk."""
    import time
    from pathlib import Path

    give_up = time.monotonic() + 30
    while time.monotonic() < give_up:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.05)
    return False


def _batch_in_flight(marker_dir):
    """A call of map_batch on a thread, returned once both workers are inside a chunk
    that sleeps 120 s: (the thread, the list its result or BrokenProcessPool goes to)."""
    import threading
    import time
    from concurrent.futures.process import BrokenProcessPool

    table = pa.table({"marker": [str(marker_dir)] * 4})
    outcome: list = []

    def batch():
        try:
            outcome.append(parallel.map_batch(_sleep_unless_stopped, table, workers=2,
                                              min_rows=1))
        except BrokenProcessPool as exc:
            outcome.append(exc)

    caller = threading.Thread(target=batch)
    caller.start()
    while len(list(marker_dir.iterdir())) < 2:
        time.sleep(0.05)
    return caller, outcome


def test_stopping_the_workers_ends_the_chunks_in_flight(tmp_path):
    """SIGTERM's path: the workers end in the middle of their chunks and the call fails,
    rather than the exit waiting for work nobody will commit; the next call has a pool."""
    from concurrent.futures.process import BrokenProcessPool

    caller, outcome = _batch_in_flight(tmp_path)
    pids = [int(p.name) for p in tmp_path.iterdir()]
    parallel.stop_workers()
    caller.join()
    assert len(outcome) == 1 and isinstance(outcome[0], BrokenProcessPool)
    for pid in pids:  # ended, not left sleeping out their chunks
        assert _ends(pid), pid
    assert parallel.map_batch(_rows, pa.table({"x": [1, 2]}), workers=2, min_rows=1) == [1, 1]
    parallel.stop_workers()
    parallel.stop_workers()  # no pool: nothing to do


class _Terminated(Exception):
    pass


def test_a_sigterm_in_a_run_ends_the_workers_then_reaches_the_runs_own_handler(tmp_path):
    """Prefect's handler ends the flow run by unwinding through the task runner, which
    waits for its tasks and they for their chunks: the workers must be gone first."""
    import os
    import signal
    import time
    from concurrent.futures.process import BrokenProcessPool

    received: list[int] = []

    def runs_handler(signum, frame):  # what Prefect's bridge does: raise in the main thread
        received.append(signum)
        raise _Terminated

    before = signal.signal(signal.SIGTERM, runs_handler)
    try:
        with pytest.raises(_Terminated), parallel.workers_stop_on_sigterm():
            caller, outcome = _batch_in_flight(tmp_path)
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(60)  # the handler raises before this ends
        assert signal.getsignal(signal.SIGTERM) is runs_handler  # put back on the way out
    finally:
        signal.signal(signal.SIGTERM, before)
    caller.join()
    assert received == [signal.SIGTERM]
    assert len(outcome) == 1 and isinstance(outcome[0], BrokenProcessPool)
    assert all(_ends(int(p.name)) for p in tmp_path.iterdir())


def test_off_the_main_thread_the_sigterm_guard_changes_nothing():
    import signal
    import threading

    seen: list = []

    def other_thread():
        with parallel.workers_stop_on_sigterm():
            seen.append(signal.getsignal(signal.SIGTERM))

    before = signal.getsignal(signal.SIGTERM)
    thread = threading.Thread(target=other_thread)
    thread.start()
    thread.join()
    assert seen == [before]


def test_under_the_default_handler_the_guarded_sigterm_still_ends_the_process():
    """No handler of the run's own (SIG_DFL): after the workers, the signal ends the
    process as it would have without the guard, and says so in its exit status."""
    import signal
    import subprocess
    import sys

    code = ("import os, signal, time\n"
            "from tasks.common import parallel\n"
            "signal.signal(signal.SIGTERM, signal.SIG_DFL)\n"
            "with parallel.workers_stop_on_sigterm():\n"
            "    os.kill(os.getpid(), signal.SIGTERM)\n"
            "    time.sleep(60)\n"
            "print('survived')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == -signal.SIGTERM and "survived" not in done.stdout


def test_inline_a_batch_goes_in_the_chunks_two_workers_get():
    """cpu_workers=1 gives the results a pool of two gives (enrich's keyword IDF is per
    chunk), and a table under min_rows stays one call."""
    table = pa.table({"x": list(range(500))})
    inline = parallel.map_batch(_rows, table, workers=1, min_rows=200)
    assert inline == [125, 125, 125, 125]
    assert inline == parallel.map_batch(_rows, table, workers=2, min_rows=200)
    assert parallel.map_batch(_rows, table.slice(0, 250), workers=1, min_rows=200) == [125, 125]
    assert parallel.map_batch(_rows, table.slice(0, 199), workers=1, min_rows=200) == [199]
    firsts = parallel.map_batch(lambda t: t.column("x")[0].as_py(), table, workers=1,
                                min_rows=200)
    assert firsts == [0, 125, 250, 375]  # in order, every row once


def test_a_stop_ends_an_inline_call_at_its_next_chunk_and_spares_the_next_call():
    """cpu_workers=1 runs the stages in this process: SIGTERM's stop_workers cannot end
    them, but the call gives up before its next chunk instead of finishing the batch."""
    import threading

    started, go, calls, outcome = threading.Event(), threading.Event(), [], []

    def chunk(t: pa.Table) -> int:
        calls.append(t.num_rows)
        started.set()
        go.wait(30)
        return t.num_rows

    def batch():
        try:
            outcome.append(parallel.map_batch(chunk, pa.table({"x": list(range(500))}),
                                              workers=1, min_rows=200))
        except parallel.Stopped as exc:
            outcome.append(exc)

    caller = threading.Thread(target=batch)
    caller.start()
    assert started.wait(30)
    parallel.stop_workers()
    go.set()
    caller.join(30)
    assert len(outcome) == 1 and isinstance(outcome[0], parallel.Stopped)
    assert calls == [125]  # the chunk in progress finished, none after it began
    # a call that starts after the stop is not affected
    assert parallel.map_batch(_rows, pa.table({"x": list(range(300))}), workers=1,
                              min_rows=200) == [100, 100, 100]


def test_the_pool_uses_a_forkserver_that_preloads_the_modules_asked_for(monkeypatch):
    """preload_in_workers reaches the forkserver of the next pool, whose workers end with
    their parent (test_start_up.py checks the effect in fresh interpreters, which mutmut's
    coverage does not see; here the pool and its context are stand-ins)."""
    calls: list[tuple] = []

    class Context:
        def set_forkserver_preload(self, modules: list[str]) -> None:
            calls.append(("preload", list(modules)))

    def get_context(method: str) -> Context:
        calls.append(("context", method))
        return Context()

    def pool(workers: int, mp_context: Context, initializer) -> object:
        calls.append(("pool", workers, initializer))
        return object()

    monkeypatch.setattr(parallel.multiprocessing, "get_context", get_context)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", pool)
    monkeypatch.setattr(parallel, "_POOL", None)
    monkeypatch.setattr(parallel, "_POOL_SIZE", 0)
    monkeypatch.setattr(parallel, "_PRELOAD", [])
    parallel._pool(2)  # nothing asked for: no preload
    monkeypatch.setattr(parallel, "_POOL", None)
    parallel.preload_in_workers(["tasks.worker_preload", "trafilatura"])
    parallel._pool(2)
    assert calls == [
        ("context", "forkserver"), ("pool", 2, parallel._exit_with_parent),
        ("context", "forkserver"), ("preload", ["tasks.worker_preload", "trafilatura"]),
        ("pool", 2, parallel._exit_with_parent)]


def test_a_worker_ends_when_its_parent_is_gone_and_a_process_without_one_goes_on(monkeypatch):
    """The pool initializer: a worker watches its parent's sentinel and exits as soon as it
    becomes readable (the parent died, even by SIGKILL); in a process that no
    multiprocessing parent started it watches nothing."""
    import os
    import threading

    exits: list[int] = []
    done = threading.Event()

    def fake_exit(code: int) -> None:
        exits.append(code)
        done.set()

    monkeypatch.setattr(parallel.os, "_exit", fake_exit)
    def watching() -> bool:
        return any(t.name == "exit-with-parent" for t in threading.enumerate())

    monkeypatch.setattr(parallel.multiprocessing, "parent_process", lambda: None)
    parallel._exit_with_parent()  # the main process of a run: no parent to watch
    assert not watching()

    read, write = os.pipe()

    class Parent:
        sentinel = read

    try:
        monkeypatch.setattr(parallel.multiprocessing, "parent_process", lambda: Parent())
        parallel._exit_with_parent()
        assert not done.wait(0.3) and exits == []  # the parent is alive: the worker stays
        assert watching()
        os.close(write)  # the parent is gone: its end of the pipe closes
        write = None
        assert done.wait(10) and exits == [1]
    finally:
        if write is not None:
            os.close(write)
        os.close(read)


def _pid(table: pa.Table) -> int:
    import os

    return os.getpid()


def test_a_table_of_exactly_min_rows_is_worked_on_by_the_pools_processes():
    # seed 52: inline, such a table also goes in two chunks, so only where the chunks
    # ran tells: min_rows rows are worth the pool, one row fewer is not
    import os

    table = pa.table({"x": list(range(6))})
    assert os.getpid() not in parallel.map_batch(_pid, table, workers=2, min_rows=6)
    assert parallel.map_batch(_pid, table, workers=2, min_rows=7) == [os.getpid()]
