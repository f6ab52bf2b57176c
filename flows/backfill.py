"""The backfill flow: the dated CC-NEWS files of a source from one day to another, one
ingest run per file, oldest first. Resumable: a file that a finished run ingested is
skipped, and a file whose run was stopped is ingested again (its committed batches are
settled records, which that run skips). Wiring only."""

from __future__ import annotations

from datetime import date

from prefect import flow, get_run_logger
from prefect.states import Failed

from flows.ingest import ingest
from flows.runners import on_runner
from tasks.common.settings import Settings
from tasks.steps import backfill_files_task


@flow(name="backfill", log_prints=True)
def backfill(source: str, start: date, end: date, settings: Settings | None = None) -> dict:
    """Returns the files in range, those skipped as already ingested, and the run
    manifest of each file ingested now."""
    settings = settings or Settings()
    logger = get_run_logger()
    files, todo, why_none, unreadable = backfill_files_task(source, start, end, settings)
    if unreadable:
        return Failed(message=f"cannot read the backfill source: {unreadable}")
    if why_none:
        logger.warning("backfill %s: %s", source, why_none)
    logger.info("backfill %s, %s to %s: %d files, %d already ingested, %d to go",
                source, start, end, len(files), len(files) - len(todo), len(todo))
    run_ingest = on_runner(ingest, settings)
    runs = []
    for done, location in enumerate(todo, start=len(files) - len(todo) + 1):
        manifest = run_ingest(inputs=[location], settings=settings)
        runs.append(manifest)
        logger.info("backfill: file %d of %d done (%s): %s", done, len(files), location,
                    manifest["totals"])
    return {"files": files, "skipped": [f for f in files if f not in todo], "runs": runs,
            "note": why_none}
