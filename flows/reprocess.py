"""The reprocess flow: re-extract every archived page from the WARC files under
warehouse/raw/, without touching the network, through the same stages as ingest."""

from __future__ import annotations

from prefect import flow
from prefect.task_runners import ThreadPoolTaskRunner

from flows.pipeline import Run, process
from tasks.common.settings import Settings
from tasks.steps import archived_documents_task


@flow(name="reprocess", log_prints=True, task_runner=ThreadPoolTaskRunner(max_workers=4))
def reprocess(run_ids: list[str] | None = None, settings: Settings | None = None) -> dict:
    """Rebuild documents from the archive (all runs, or the given ones) and process them
    again: an article whose text now comes out differently becomes a new revision."""
    settings = (settings or Settings()).model_copy(update={"refresh": True})
    inputs = [f"archive:{r}" for r in run_ids] if run_ids else ["archive"]
    with Run.start(settings, inputs) as run:
        docs = run.record(archived_documents_task(settings, run_ids, run.run_id))
        return process(run, docs.table)
