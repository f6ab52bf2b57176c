"""Wiring shared by the flows that turn documents into committed batches: fetch ->
extract -> clean -> dedup -> enrich -> publish, batch by batch, then the run manifest and
the report. No business logic here."""

from __future__ import annotations

import contextvars
import queue
import shutil
import threading
from collections import deque
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
from prefect import get_run_logger
from prefect.states import Failed

from flows import progress
from schemas import ARTICLES, ENTITIES, FETCH_LOG, PLACES, REJECTS, SIGNATURES, conform
from tasks.common.crashpoints import crash_point
from tasks.common.ledger import Ledger
from tasks.common.memory import fix_mmap_threshold, limit_malloc_arenas
from tasks.common.parallel import workers_stop_on_sigterm
from tasks.common.result import StageResult
from tasks.common.settings import Settings
from tasks.common.state import KnownInputs
from tasks.fetch.client import fetches_stop_on_signals, stopping
from tasks.steps import (
    clean_task,
    commit_batch_task,
    compact_task,
    dedup_task,
    enrich_task,
    extract_task,
    fetch_task,
    index_search_task,
    load_staged_task,
    publish_task,
    report_task,
    stage_warc_task,
)
from tasks.storage.forget import finish_takedowns
from tasks.storage.preflight import newer_schema_problem
from tasks.storage.warehouse import (
    clear_leftovers,
    manifests,
    quarantine_orphans,
    staging_dir,
    start_after_commits,
    writer_lock,
)


def new_run_id(now: datetime | None = None) -> str:
    """Sortable by time, unique across machines: 20261125T130501Z-3f9a1c."""
    import secrets

    now = now or datetime.now(UTC)
    return f"{now:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def batches(table: pa.Table, size: int) -> list[pa.Table]:
    return [table.slice(i, size) for i in range(0, table.num_rows, size)]


def concat(tables: list[pa.Table], schema: pa.Schema) -> pa.Table:
    return pa.concat_tables([schema.empty_table(), *tables])


@dataclass
class Run:
    """One flow run: its ledger, the reject and fetch_log rows not yet committed, notes,
    and its batch commits. Used as a context manager: it holds the warehouse's writer lock
    from start to end."""

    settings: Settings
    inputs: list[str]
    run_id: str = field(default_factory=new_run_id)
    started_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())
    ledger: Ledger = field(default_factory=Ledger)
    rejects: list[dict] = field(default_factory=list)
    fetch_log: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    commits: list[str] = field(default_factory=list)
    _exit: ExitStack = field(default_factory=ExitStack, repr=False)

    @property
    def root(self) -> Path:
        return Path(self.settings.warehouse)

    @classmethod
    def start(cls, settings: Settings, inputs: list[str]) -> Run:
        # (read before the lock, which names the run: a run starting while another
        # holds it waits, and starts after that run's commits by the clock anyway)
        found = manifests(Path(settings.warehouse))
        started, clock_note = start_after_commits(found, datetime.now(UTC))
        run = cls(settings=settings, inputs=inputs, run_id=new_run_id(started),
                  started_at=started.isoformat(), notes=[clock_note] if clock_note else [])
        logger = get_run_logger()
        run._exit.enter_context(writer_lock(
            run.root, f"run {run.run_id}",
            on_wait=lambda holder: logger.warning("waiting for the warehouse: %s is writing",
                                                  holder)))
        # The command line refuses this before Prefect starts; a deployment's run (which no
        # command line checked) is refused here, under the lock, before any work.
        if problem := newer_schema_problem(run.root, manifests(run.root)):
            run._exit.close()
            raise ValueError(problem)
        run._exit.callback(shutil.rmtree, staging_dir(run.root, run.run_id), True)
        # Under the lock no other run is writing: whatever is uncommitted is a dead run's.
        run.notes += clear_leftovers(run.root)
        run.notes += quarantine_orphans(run.root)
        run.notes += finish_takedowns(run.root)  # a `forget` killed after its commit
        return run

    def __enter__(self) -> Run:
        return self

    def __exit__(self, *exc: object) -> None:
        self._exit.close()

    def record(self, result: StageResult, batch: Ledger | None = None) -> StageResult:
        """A stage's result into the run: ledger counts (the run's, and the batch's when
        given), rejects, fetch_log rows, notes."""
        self.ledger.record_result(result)
        progress.advance(result.stage, result.received)
        if batch is not None:
            batch.record_result(result)
        self.rejects += result.rejects
        self.fetch_log += result.fetch_log
        self.notes += [n for n in result.notes if n not in self.notes]
        return result

    def take_pending(self) -> dict[str, pa.Table]:
        """The rejects and fetch_log rows recorded since the last commit, as tables; the
        next commit writes them."""
        tables = {"rejects": conform(self.rejects, REJECTS, "rejects"),
                  "fetch_log": conform(self.fetch_log, FETCH_LOG, "fetch_log")}
        self.rejects, self.fetch_log = [], []
        return tables


# Batches in flight between loading and commit: enough to overlap fetching (I/O) with
# extraction (CPU) and the commits (batch n+1 is extracted while batch n is deduplicated,
# enriched and committed), few enough that page bodies never pile up for a run. 2, not
# the 4 of before: on 2,500 pages (three runs side by side, load 14) windows 2 / 3 / 4
# took 600 / 592 / 582 s, within the noise, and Arrow's peak in the flow's process was
# 328 / 431 / 479 MB (BENCHMARKS.md, issue 10, bounded memory).
WINDOW = 2
# On a Dask cluster each batch's CPU work runs on one Dask worker: the window is the
# cluster's parallelism, so it stays as wide as before.
CLUSTER_WINDOW = 4
# The window counts the batches that hold their pages (loading, fetching, extracting).
# Beside them, up to this many extracted batches (text, no HTML: a few MB each) may wait
# for their commit: the next batch loads as soon as one leaves extraction, so its pages
# are queued for the workers when the current extraction ends. Counting every batch up to
# its commit, the next batch's pages came only after the commit of the batch before, and
# both workers sat idle at every batch boundary (BENCHMARKS.md, issue 10, h/speed4).
AWAITING_COMMIT = 2
_HOLDING_PAGES = ("fetch", "extract")
# How long the loop blocks on its queue of finished tasks before it looks again (only so
# that a signal reaches the main thread; finishing tasks wake it at once).
WAKE_S = 1.0
# On a stop, how long the staging thread is given to notice it (a reader stops at the end
# of the batch it is reading); one blocked on a stalled download is left to the exit.
STOPPED_STAGING_WAIT_S = 2.0


@dataclass
class _Batch:
    """One batch on its way: the stage it is in, that stage's future, whether that future
    has finished, and the batch's own ledger (checked before the batch commits)."""

    number: int
    stage: str
    future: object = None
    done: bool = False
    ledger: Ledger = field(default_factory=Ledger)


class _Finished:
    """Batches whose current task has finished, pushed by the futures' done callbacks.
    The loop waits on this queue instead of polling `future.state`, which for a running
    task is an API call to the Prefect server (20 a second per batch at a 50 ms poll: on
    a 1,000-page run the main thread spent 58 s in those calls, and the server the CPU to
    answer them, beside the extraction)."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[_Batch | None] = queue.SimpleQueue()

    def wake(self) -> None:
        """Wake the loop without a finished batch (a WARC batch was staged)."""
        self._queue.put(None)

    def submit(self, batch: _Batch, stage: str, task, table: pa.Table, run: Run) -> None:
        batch.stage, batch.done = stage, False
        batch.future = task.submit(table, run.settings, run.run_id)
        batch.future.add_done_callback(lambda _future, b=batch: self._queue.put(b))

    def next(self) -> _Batch | None:
        """The next batch whose task finished, or None when woken for new input."""
        while True:
            try:
                batch = self._queue.get(timeout=WAKE_S)
            except queue.Empty:
                continue
            if batch is not None:
                batch.done = True
            return batch


class _Staging:
    """The run's WARC inputs read into staged Parquet batch files by a background thread
    (the stage-warc task runs there, in the flow's context), while the batches already
    staged go through the pipeline: the first batch starts as soon as it is read, and a
    WARC of any size is never in memory, only one batch of it at a time. Staging runs
    ahead on disk without waiting for the pipeline, so an http(s) WARC is read without
    pauses that a server could time out."""

    _END = object()

    def __init__(self, run: Run, sources: list[str], wake) -> None:
        self.rows = 0  # rows staged so far, for the progress display's total
        self._wake = wake  # tells the flow's loop that something came
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        if sources:
            context = contextvars.copy_context()  # the flow run's, so the task is its child
            self._thread = threading.Thread(target=context.run, args=(self._stage, run, sources),
                                            name="pressroom-stage-warc", daemon=True)
            self._thread.start()

    def _stage(self, run: Run, sources: list[str]) -> None:
        try:
            for source in sources:
                if self._stop.is_set():
                    break
                stage_warc_task(source, run.settings, run.run_id, self._emit)
        except BaseException as exc:  # handed to the flow's thread, which raises it
            self._queue.put(exc)
        finally:
            self._queue.put(self._END)
            self._wake()

    def _emit(self, path: Path | None, rows: int, rejects: list[dict]) -> bool:
        self.rows += rows
        self._queue.put((path, rejects))
        self._wake()
        crash_point("staged")  # a batch staged: nothing of it fetched yet
        return not self._stop.is_set()

    def __iter__(self):
        """(staged file or None, rejects read with it), in WARC order, or None when the
        next one is not staged yet: the loop never waits here while batches are in flight
        (it waits for them and for the staging's wake-up together)."""
        if self._thread is None:
            return
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                yield None
                continue
            if item is self._END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    def close(self) -> None:
        """Stop reading (a failed or finished run) and wait for the thread, so nothing
        is written into the staging folder after the run removes it. Not on a stop
        (SIGTERM, Ctrl-C): the thread may be blocked reading a WARC download that
        stalled, for up to the request's deadline, and the process is ending (the thread
        is a daemon; what it might still write is cleared by the next run, under the
        writer lock, as after a SIGKILL). Waiting held such a stop 120 s (fault round 57)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=STOPPED_STAGING_WAIT_S if stopping() else 120)


def data_tests_failed(manifest: dict, failing: dict[str, int], report_html: Path) -> str:
    """What a run whose data tests fail over the warehouse ends with: its batches are
    committed (what it kept is there), the tests that fail, where to see their rows."""
    t = manifest["totals"]
    tests = ", ".join(f"{name} ({n} failing row(s))" for name, n in failing.items())
    files = ("; `pressroom sql \"SELECT * FROM file_problems\"` names the committed files "
             "every view leaves out" if "committed_files_readable" in failing else "")
    return (f"data tests failed after run {manifest['run_id']}: {tests}. The run committed "
            f"its work (inputs {t['inputs']} = kept {t['kept']} + rejected {t['rejected']} "
            f"+ failed fetches {t['failed']} + already in warehouse {t['skipped']}); the "
            f"report lists the failing rows: {report_html}{files}")


def process(run: Run, todo: pa.Table, warcs: list[str] = (),
            known: KnownInputs | None = None) -> dict:
    """Documents (plus WARC inputs, staged in the background and loaded one batch at a
    time) -> committed batches and the run manifest. Returns the run manifest with
    database/report paths."""
    limit_malloc_arenas()  # before the task and staging threads start allocating
    fix_mmap_threshold()  # big buffers given back when freed, not kept in the arenas
    finished = _Finished()
    # a stop ends the extraction workers and cancels the fetches in flight (a stalled
    # server held the exit until its requests' deadlines: fault round 56); the staging
    # starts and closes within, so that a stop while it reads is known to its close
    with workers_stop_on_sigterm(), fetches_stop_on_signals():
        staging = _Staging(run, list(warcs), wake=finished.wake)
        try:
            return _process(run, todo, staging, finished, known or KnownInputs())
        finally:
            staging.close()


def _document_batches(run: Run, todo: pa.Table, staging: _Staging, known: KnownInputs):
    """The run's batches: the discovered documents, then each staged WARC batch as it is
    staged (loaded lazily, its discover counts and read rejects recorded as it is read),
    or None when the next batch is not staged yet. The progress display's total grows as
    the WARCs are staged."""
    def load(path: Path | None, rejects: list[dict]) -> pa.Table:
        loaded = run.record(load_staged_task(path, rejects, known, run.settings.refresh,
                                             run.run_id))
        progress.expect(todo.num_rows + staging.rows)
        return loaded.table

    progress.expect(todo.num_rows)
    yield from batches(todo, run.settings.batch_size)
    for item in staging:
        if item is None:
            yield None
        elif item[0] is None:
            load(*item)  # rejects only: recorded, no batch
        else:
            # yielded straight from the call: this frame keeps no reference to the pages
            # while the batch is on its way (it would hold one more batch of HTML)
            yield load(*item)


_DONE = object()  # the end of a run's batches
_NEXT = {"fetch": ("extract", extract_task), "extract": ("clean", clean_task)}


def _advance(run: Run, batch: _Batch, finished: _Finished) -> None:
    """A finished fetch or extraction: record it and hand its table to the next stage."""
    result = run.record(batch.future.result(), batch.ledger)
    crash_point(f"{batch.stage}ed")  # fetched / extracted: work in flight, nothing committed
    stage, task = _NEXT[batch.stage]
    finished.submit(batch, stage, task, result.table, run)


def _commit(run: Run, batch: _Batch) -> None:
    """dedup -> enrich -> publish for one cleaned batch, in batch order: each dedup sees
    every earlier commit (this run's included) through the warehouse."""
    cleaned = run.record(batch.future.result(), batch.ledger)
    deduped = run.record(dedup_task(cleaned.table, run.settings, run.run_id), batch.ledger)
    crash_point("deduped")
    enriched = run.record(enrich_task(deduped.table, run.settings, run.run_id), batch.ledger)
    batch.ledger.check()  # this batch lost or invented nothing: only then it commits
    tables = {
        "articles": enriched.table,
        **run.take_pending(),
        **{name: concat([r.outputs[name] for r in (deduped, enriched) if name in r.outputs],
                        schema)
           for name, schema in (("entities", ENTITIES), ("places", PLACES),
                                ("signatures", SIGNATURES))},
    }
    commit = commit_batch_task(run.root, tables, {
        "run_id": run.run_id, "started_at": run.started_at,
        "stages": batch.ledger.as_dicts()}, batch.number)
    run.commits.append(commit["name"])
    crash_point("batch-committed")
    index_search_task(run.root, enriched.table, commit)
    get_run_logger().info("run %s: batch %d committed (%d articles)", run.run_id,
                          batch.number, enriched.table.num_rows)


def _process(run: Run, todo: pa.Table, staging: _Staging, finished: _Finished,
             known: KnownInputs) -> dict:
    settings, run_id, root, ledger = run.settings, run.run_id, run.root, run.ledger
    logger = get_run_logger()
    # Each batch goes fetch -> extract -> clean on the task runner (at most `window` batches
    # on their way, so bodies never pile up), then dedup -> enrich -> publish in batch
    # order on this thread: a crash loses at most the batches not yet committed.
    source = _document_batches(run, todo, staging, known)
    flowing: deque[_Batch] = deque()
    numbers = iter(range(1, 1 << 30))
    more = True  # the source may still give batches

    window = CLUSTER_WINDOW if settings.dask_address else WINDOW

    def room() -> bool:
        holding = sum(b.stage in _HOLDING_PAGES for b in flowing)
        return holding < window and len(flowing) < window + AWAITING_COMMIT

    def refill() -> None:
        nonlocal more
        while more and room():
            table = next(source, _DONE)
            if table is _DONE:
                more = False
            elif table is None:  # the next WARC batch is still being staged
                return
            else:
                flowing.append(batch := _Batch(next(numbers), "fetch"))
                finished.submit(batch, "fetch", fetch_task, table, run)

    refill()
    while flowing or more:
        if flowing and flowing[0].stage == "clean" and flowing[0].done:
            _commit(run, flowing.popleft())  # in batch order, whatever finished first
            refill()
            continue
        batch = finished.next()  # blocks until a task of a batch finishes or input comes
        if batch is None:
            refill()
        elif batch.stage != "clean":
            _advance(run, batch, finished)
            refill()  # an extraction finished: the next batch's pages may come

    for stage in ("fetch", "extract", "clean", "dedup", "enrich"):
        ledger.record(stage, received=0, passed=0)  # a run with nothing to do shows them

    ledger.check()  # fails the run, naming the stage, before the run manifest is written
    crash_point("run-manifest")
    manifest = publish_task(root, run.take_pending(), {
        "run_id": run_id, "started_at": run.started_at, "inputs_given": run.inputs,
        "totals": ledger.totals(), "stages": ledger.as_dicts(), "notes": run.notes,
        "commits": run.commits, "settings": settings.model_dump(mode="json"),
    })
    # the run manifest adds no article: recorded in the search index so nothing is pending
    index_search_task(root, ARTICLES.empty_table(), manifest)
    crash_point("run-committed")
    compact_task(root)  # a compaction commit of its own, when small files have piled up
    reported = report_task(root, manifest)
    failing = {name: n for name, n in reported.data_tests.items() if n}
    if failing:
        # A failed run, as a state: raised, the error came as Prefect's traceback and the
        # command line's (a committed file unreadable, a folder in its place: every later
        # ingest, fault round 52), the run's own work committed and said nowhere.
        return Failed(message=data_tests_failed(manifest, failing, reported.html))
    logger.info("run %s: %s", run_id, ledger.totals())
    return {**manifest, "database": str(reported.database), "data_tests": reported.data_tests,
            "report": str(reported.html), "notes": [*manifest.get("notes", []), *reported.notes]}
