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

from schemas import ARTICLES, ENTITIES, FETCH_LOG, PLACES, REJECTS, conform
from tasks.common.ledger import Ledger, fetch_outcomes
from tasks.common.settings import Settings
from tasks.discover.inputs import KnownInputs
from tasks.steps import (
    clean_task,
    dedup_task,
    enrich_task,
    extract_task,
    fetch_task,
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
    fetch_log and notes, from every stage."""

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
        docs, settled, rejects = load_staged_task(path, known, run.settings.refresh, run.run_id)
        run.rejects += rejects
        run.ledger.record("discover", received=docs.num_rows + settled + len(rejects),
                          passed=docs.num_rows, rejected=len(rejects), skipped=settled)
        yield docs


def _collected(stage: str, jobs: list, ledger: Ledger, rejects: list[dict]):
    """Each batch's result of a stage, in order, as it finishes; its counts go in the
    ledger and its rejects in the run's."""
    for received, future in jobs:
        result = future.result()
        rejects += result.rejects
        ledger.record(stage, received=received, passed=result.table.num_rows,
                      rejected=len(result.rejects))
        yield result


def _process(run: Run, todo: pa.Table, staged: list[Path], known: KnownInputs) -> dict:
    settings, run_id, root, ledger = run.settings, run.run_id, run.root, run.ledger
    rejects, fetch_log, notes = run.rejects, run.fetch_log, run.notes
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
            pending.append((batch.num_rows, fetch_task.submit(batch, settings, run_id)))

    refill()
    while pending:
        received, future = pending.popleft()
        result = future.result()
        fetch_log += result.fetch_log
        failed, unchanged = fetch_outcomes(result.fetch_log)
        ledger.record("fetch", received=received, passed=result.docs.num_rows,
                      failed=failed, skipped=unchanged)
        while len(in_flight) >= WINDOW:  # backpressure: bodies wait in few queued tasks
            in_flight.popleft().wait()
        extraction = extract_task.submit(result.docs, settings, run_id)
        extracting.append((result.docs.num_rows, extraction))
        in_flight.append(extraction)
        del result, future
        refill()
    cleaning = [(e.table.num_rows, clean_task.submit(e.table, settings, run_id))
                for e in _collected("extract", extracting, ledger, rejects)]
    extracting.clear()
    cleaned = list(_collected("clean", cleaning, ledger, rejects))

    for stage in ("fetch", "extract", "clean"):  # a run with nothing to fetch still shows them
        ledger.record(stage, received=0, passed=0)

    # dedup sees the whole run at once (and the warehouse): duplicates cross batches.
    all_clean = concat([c.table for c in cleaned], ARTICLES)
    deduped = dedup_task(all_clean, root, settings, run_id)
    rejects += deduped.rejects
    ledger.record("dedup", received=all_clean.num_rows, passed=deduped.table.num_rows,
                  rejected=len(deduped.rejects), skipped=deduped.unchanged)

    enriched = [enrich_task.submit(b, settings, run_id)
                for b in batches(deduped.table, settings.batch_size)]
    enriched = [e.result() for e in enriched]
    articles = concat([e.table for e in enriched], ARTICLES)
    ledger.record("enrich", received=deduped.table.num_rows, passed=articles.num_rows)
    for e in enriched:
        notes += [n for n in e.notes if n not in notes]

    ledger.check()  # fails the run, naming the stage, before anything is committed
    tables = {
        "articles": articles,
        "rejects": conform(rejects, REJECTS, "rejects"),
        "fetch_log": conform(fetch_log, FETCH_LOG, "fetch_log"),
        "entities": conform([r for e in enriched for r in e.entities], ENTITIES, "entities"),
        "places": conform([r for e in enriched for r in e.places], PLACES, "places"),
        "signatures": deduped.signatures,
    }
    manifest = publish_task(root, tables, {
        "run_id": run_id, "started_at": run.started_at, "inputs_given": run.inputs,
        "totals": ledger.totals(), "stages": ledger.as_dicts(), "notes": notes,
        "settings": settings.model_dump(mode="json"),
    })
    reported = report_task(root, manifest)
    failing = {name: n for name, n in reported.data_tests.items() if n}
    if failing:
        raise RuntimeError(f"data tests failed after run {run_id}: {failing}")
    logger.info("run %s: %s", run_id, ledger.totals())
    return {**manifest, "database": str(reported.database), "data_tests": reported.data_tests,
            "report": str(reported.html)}
