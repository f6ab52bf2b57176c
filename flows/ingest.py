"""The ingest flow: discover -> fetch -> extract -> clean -> dedup -> enrich -> publish ->
report. Wiring only: every decision lives in tasks/."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
from prefect import flow, get_run_logger

from schemas import ARTICLES, ENTITIES, FETCH_LOG, PLACES, REJECTS, conform
from tasks.config import Settings
from tasks.discover import drop_known_rejects, split_known
from tasks.ledger import Ledger
from tasks.steps import (
    clean_task,
    dedup_task,
    discover_task,
    enrich_task,
    extract_task,
    fetch_task,
    known_inputs_task,
    publish_task,
    report_task,
)
from tasks.warehouse import quarantine_orphans


def new_run_id(now: datetime | None = None) -> str:
    """Sortable by time, unique across machines: 20261125T130501Z-3f9a1c."""
    now = now or datetime.now(UTC)
    return f"{now:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def batches(table: pa.Table, size: int) -> list[pa.Table]:
    return [table.slice(i, size) for i in range(0, table.num_rows, size)]


def concat(tables: list[pa.Table], schema: pa.Schema) -> pa.Table:
    return pa.concat_tables([schema.empty_table(), *tables])


@flow(name="ingest", log_prints=True)
def ingest(inputs: list[str] | None = None, refresh: bool = False,
           settings: Settings | None = None) -> dict:
    """Ingest paths/URLs (default: the seeds folder) into the warehouse; returns the run
    manifest (counts per stage, files written, data-test results)."""
    settings = settings or Settings()
    if refresh:
        settings = settings.model_copy(update={"refresh": True})
    root = Path(settings.warehouse)
    inputs = inputs or [str(settings.seeds)]
    run_id = new_run_id()
    started_at = datetime.now(UTC).isoformat()
    logger = get_run_logger()
    notes = quarantine_orphans(root)
    ledger = Ledger()
    rejects: list[dict] = []
    fetch_log: list[dict] = []

    known = known_inputs_task(root, settings)
    found = discover_task(inputs, settings, run_id, known)
    notes += found.notes
    fetch_log += found.fetch_log  # feed and sitemap fetches
    source_failures = sum(1 for row in found.fetch_log if row.get("error"))
    todo, skipped = split_known(found.docs, known, settings.refresh)
    new_rejects, known_rejects = drop_known_rejects(found.rejects, known)
    rejects += new_rejects
    sources_skipped = found.stats.get("sources_skipped", 0)
    ledger.record("discover",
                  received=found.docs.num_rows + len(found.rejects) + source_failures
                  + sources_skipped,
                  passed=todo.num_rows, rejected=len(new_rejects), failed=source_failures,
                  skipped=skipped.num_rows + known_rejects + sources_skipped)

    # fetch -> extract -> clean, batch by batch, in parallel across batches.
    fetched = [fetch_task.submit(b, settings, run_id) for b in batches(todo, settings.batch_size)]
    fetched = [f.result() for f in fetched]
    for batch, result in zip(batches(todo, settings.batch_size), fetched, strict=True):
        fetch_log += result.fetch_log
        failed = sum(1 for row in result.fetch_log if row.get("error"))
        ledger.record("fetch", received=batch.num_rows, passed=result.docs.num_rows,
                      failed=failed)
    extracted = [extract_task.submit(r.docs, settings, run_id) for r in fetched]
    extracted = [e.result() for e in extracted]
    for r, e in zip(fetched, extracted, strict=True):
        rejects += e.rejects
        ledger.record("extract", received=r.docs.num_rows, passed=e.table.num_rows,
                      rejected=len(e.rejects))
    cleaned = [clean_task.submit(e.table, settings, run_id) for e in extracted]
    cleaned = [c.result() for c in cleaned]
    for e, c in zip(extracted, cleaned, strict=True):
        rejects += c.rejects
        ledger.record("clean", received=e.table.num_rows, passed=c.table.num_rows,
                      rejected=len(c.rejects))

    for stage in ("fetch", "extract", "clean"):  # a run with nothing to fetch still shows them
        ledger.record(stage, received=0, passed=0)

    # dedup sees the whole run at once (and the warehouse): duplicates cross batches.
    all_clean = concat([c.table for c in cleaned], ARTICLES)
    deduped = dedup_task(all_clean, root, settings, run_id)
    rejects += deduped.rejects
    ledger.record("dedup", received=all_clean.num_rows, passed=deduped.table.num_rows,
                  rejected=len(deduped.rejects))

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
    }
    manifest = publish_task(root, tables, {
        "run_id": run_id, "started_at": started_at, "inputs_given": inputs,
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



