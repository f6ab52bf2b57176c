"""Wiring shared by the flows that turn documents into a committed run: fetch ->
extract -> clean -> dedup -> enrich -> publish -> report. No business logic here."""

from __future__ import annotations

import shutil
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
from prefect import get_run_logger

from schemas import ARTICLES, ENTITIES, FETCH_LOG, PLACES, REJECTS, SIGNATURES, conform
from tasks.common.ledger import Ledger
from tasks.common.result import StageResult
from tasks.common.settings import Settings
from tasks.common.state import KnownInputs
from tasks.steps import (
    clean_task,
    dedup_task,
    enrich_task,
    extract_task,
    fetch_task,
    index_search_task,
    load_staged_task,
    publish_task,
    report_task,
)
from tasks.storage.warehouse import quarantine_orphans, staging_dir


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
    """What one flow run accumulates until publish: the ledger and the rows of rejects,
    fetch_log and notes, from every stage's StageResult."""

    settings: Settings
    inputs: list[str]
    run_id: str = field(default_factory=new_run_id)
    started_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())
    ledger: Ledger = field(default_factory=Ledger)
    rejects: list[dict] = field(default_factory=list)
    fetch_log: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def root(self) -> Path:
        return Path(self.settings.warehouse)

    @classmethod
    def start(cls, settings: Settings, inputs: list[str]) -> Run:
        run = cls(settings=settings, inputs=inputs)
        run.notes += quarantine_orphans(run.root)
        return run

    def record(self, result: StageResult) -> StageResult:
        """A stage's result into the run: ledger counts, rejects, fetch_log rows, notes."""
        self.ledger.record_result(result)
        self.rejects += result.rejects
        self.fetch_log += result.fetch_log
        self.notes += [n for n in result.notes if n not in self.notes]
        return result


# Batches in flight between loading and extraction: enough to overlap fetching (I/O) with
# extraction (CPU), few enough that page bodies never pile up for a whole run.
WINDOW = 4


def process(run: Run, todo: pa.Table, staged: list[Path] = (),
            known: KnownInputs | None = None) -> dict:
    """Documents (plus staged WARC batches, loaded one at a time) -> a committed run.
    Returns the manifest with database/report paths."""
    try:
        return _process(run, todo, list(staged), known or KnownInputs())
    finally:
        shutil.rmtree(staging_dir(run.root, run.run_id), ignore_errors=True)


def _document_batches(run: Run, todo: pa.Table, staged: list[Path], known: KnownInputs):
    """The run's batches: the discovered documents, then each staged WARC batch (loaded
    lazily, its discover counts recorded as it is read)."""
    yield from batches(todo, run.settings.batch_size)
    for path in staged:
        yield run.record(load_staged_task(path, known, run.settings.refresh, run.run_id)).table


def _collected(run: Run, jobs: list):
    """Each batch's result of a stage, in order, as it finishes, recorded in the run."""
    for future in jobs:
        yield run.record(future.result())


def _process(run: Run, todo: pa.Table, staged: list[Path], known: KnownInputs) -> dict:
    settings, run_id, root, ledger = run.settings, run.run_id, run.root, run.ledger
    logger = get_run_logger()
    # fetch -> extract -> clean, batch by batch: at most WINDOW batches are loaded and
    # fetching at once, each is extracted as soon as its fetch is done, and a fetched
    # batch is dropped once extracted, so page bodies do not pile up for the whole run.
    source = _document_batches(run, todo, staged, known)
    pending: deque = deque()
    in_flight: deque = deque()  # extractions not yet finished
    extracting = []

    def refill() -> None:
        while len(pending) < WINDOW:
            batch = next(source, None)
            if batch is None:
                return
            pending.append(fetch_task.submit(batch, settings, run_id))

    refill()
    while pending:
        fetched = run.record(pending.popleft().result())
        while len(in_flight) >= WINDOW:  # backpressure: bodies wait in few queued tasks
            in_flight.popleft().wait()
        extraction = extract_task.submit(fetched.table, settings, run_id)
        extracting.append(extraction)
        in_flight.append(extraction)
        del fetched
        refill()
    cleaning = [clean_task.submit(e.table, settings, run_id) for e in _collected(run, extracting)]
    extracting.clear()
    cleaned = list(_collected(run, cleaning))

    for stage in ("fetch", "extract", "clean"):  # a run with nothing to fetch still shows them
        ledger.record(stage, received=0, passed=0)

    # dedup sees the whole run at once (and the warehouse): duplicates cross batches.
    all_clean = concat([c.table for c in cleaned], ARTICLES)
    deduped = run.record(dedup_task(all_clean, settings, run_id))

    enriching = [enrich_task.submit(b, settings, run_id)
                 for b in batches(deduped.table, settings.batch_size)]
    enriched = list(_collected(run, enriching))
    if not enriched:  # a run with nothing to enrich still shows the stage
        ledger.record("enrich", received=0, passed=0)

    ledger.check()  # fails the run, naming the stage, before anything is committed
    outputs = [deduped, *enriched]
    tables = {
        "articles": concat([e.table for e in enriched], ARTICLES),
        "rejects": conform(run.rejects, REJECTS, "rejects"),
        "fetch_log": conform(run.fetch_log, FETCH_LOG, "fetch_log"),
        **{name: concat([r.outputs[name] for r in outputs if name in r.outputs], schema)
           for name, schema in (("entities", ENTITIES), ("places", PLACES),
                                ("signatures", SIGNATURES))},
    }
    manifest = publish_task(root, tables, {
        "run_id": run_id, "started_at": run.started_at, "inputs_given": run.inputs,
        "totals": ledger.totals(), "stages": ledger.as_dicts(), "notes": run.notes,
        "settings": settings.model_dump(mode="json"),
    })
    reported = report_task(root, manifest)
    index_search_task(root, tables["articles"], manifest)
    failing = {name: n for name, n in reported.data_tests.items() if n}
    if failing:
        raise RuntimeError(f"data tests failed after run {run_id}: {failing}")
    logger.info("run %s: %s", run_id, ledger.totals())
    return {**manifest, "database": str(reported.database), "data_tests": reported.data_tests,
            "report": str(reported.html)}
