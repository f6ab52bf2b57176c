"""The report flow: rebuild the DuckDB views, run the data tests, write the HTML report,
without ingesting anything (what `pressroom report` does, as a flow a schedule can run).
Wiring only."""

from __future__ import annotations

from prefect import flow, get_run_logger

from tasks.common.settings import Settings
from tasks.steps import refresh_report_task


@flow(name="report", log_prints=True)
def report(settings: Settings | None = None) -> dict:
    """Returns the database and report paths and the data tests' failing-row counts; fails
    when a data test fails, so that a broken warehouse shows as a failed run."""
    settings = settings or Settings()
    done = refresh_report_task(settings.warehouse)
    if done is None:
        # A schedule may fire before the first ingest: nothing to report is not a failure.
        get_run_logger().warning("no runs yet in %s: nothing to report", settings.warehouse)
        return {"database": None, "report": None, "data_tests": {}}
    for note in done.notes:
        get_run_logger().warning(note)
    failing = {name: n for name, n in done.data_tests.items() if n}
    if failing:
        raise RuntimeError(f"data tests failed: {failing}")
    return {"database": str(done.database), "report": str(done.html),
            "data_tests": done.data_tests}
