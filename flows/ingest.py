"""The ingest flow: discover -> fetch -> extract -> clean -> dedup -> enrich -> publish ->
report. Wiring only: every decision lives in tasks/."""

from __future__ import annotations

from prefect import flow
from prefect.task_runners import ThreadPoolTaskRunner

from flows.pipeline import Run, process
from tasks.common.settings import Settings
from tasks.discover.inputs import drop_known_rejects, settle
from tasks.steps import discover_task, known_inputs_task, stage_warc_task


# Threads overlap the batches' I/O (fetch); CPU-bound work runs in worker processes inside
# the tasks (tasks/parallel.py), so threads do not fight over the GIL.
@flow(name="ingest", log_prints=True, task_runner=ThreadPoolTaskRunner(max_workers=4))
def ingest(inputs: list[str] | None = None, refresh: bool = False,
           settings: Settings | None = None) -> dict:
    """Ingest paths/URLs (default: the seeds folder) into the warehouse; returns the run
    manifest (counts per stage, files written, data-test results)."""
    settings = settings or Settings()
    if refresh:
        settings = settings.model_copy(update={"refresh": True})
    run = Run.start(settings, inputs or [str(settings.seeds)])
    root, run_id, ledger = run.root, run.run_id, run.ledger

    known = known_inputs_task(root, settings)
    found, run.settings = discover_task(run.inputs, settings, run_id, known)
    run.notes += found.notes
    run.fetch_log += found.fetch_log  # feed and sitemap fetches
    settled = settle(found, known, settings.refresh)
    run.rejects += settled.rejects
    ledger.record("discover", **settled.counts)

    # WARC inputs are staged batch by batch and loaded one batch at a time by process().
    staged = []
    for source in found.warcs:
        files, warc_rejects, _ = stage_warc_task(source, root, run.settings, run_id)
        new_rejects, known_rejects = drop_known_rejects(warc_rejects, known)
        run.rejects += new_rejects
        ledger.record("discover", received=len(warc_rejects), passed=0,
                      rejected=len(new_rejects), skipped=known_rejects)
        staged += files
    return process(run, settled.todo, staged, known)
