"""The ingest flow: discover -> fetch -> extract -> clean -> dedup -> enrich -> publish ->
report. Wiring only: every decision lives in tasks/."""

from __future__ import annotations

from prefect import flow

from flows.pipeline import Run, process
from flows.runners import for_cluster, runner_at_import
from tasks.common.settings import Settings
from tasks.common.urls import strip_userinfo
from tasks.steps import (
    dedup_settings_problem,
    discover_task,
    known_inputs_task,
    with_source_delays,
)


# Local, or the Dask cluster the settings name (flows/runners.py).
@flow(name="ingest", log_prints=True, task_runner=runner_at_import())
def ingest(inputs: list[str] | None = None, refresh: bool = False,
           settings: Settings | None = None) -> dict:
    """Ingest paths/URLs (default: the seeds folder) into the warehouse; returns the run
    manifest (counts per stage, files written, data-test results)."""
    settings = for_cluster(settings or Settings())  # paths a Dask worker can resolve
    if refresh:
        settings = settings.model_copy(update={"refresh": True})
    given = inputs or [str(settings.seeds)]
    # A deployment's run, which no command line checked: refused before any fetching.
    if problem := dedup_settings_problem(settings):
        raise ValueError(problem)
    # user:password@ in an input URL must not reach the manifest (inputs_given) or a task.
    with Run.start(settings, [strip_userinfo(i) for i in given]) as run:
        if run.inputs != given:
            run.notes.append("a user name or password in an input URL was removed before "
                             "the run")
        # Feeds, sitemaps and pages all honour the sources files' per-host delays.
        run.settings = with_source_delays(settings, run.inputs)

        known = known_inputs_task(run.settings)
        found = run.record(discover_task(run.inputs, run.settings, run.run_id, known))

        # WARC inputs are staged batch by batch in the background by process(), each
        # batch going through the pipeline as soon as it is staged.
        return process(run, found.table, found.pending, known)
