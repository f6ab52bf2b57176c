"""The scheduled deployments, for `pressroom serve` (one process, no work pool). The same
names and schedules are in prefect.yaml, for `prefect deploy --all` and a worker on a work
pool; tests/unit/flows/test_schedules.py keeps the two the same. Wiring only."""

from __future__ import annotations

# Every 2 hours: news sites publish all day, and a feed lists only its last 20-100 items,
# so a busy outlet can push stories off its feed within a few hours.
INGEST_CRON = "0 */2 * * *"
# Daily, between two ingests (at :30), so it never waits on an ingest's writer lock;
# every ingest already refreshes the report, this one is for a warehouse nobody is
# ingesting into (and a daily check that the data tests still pass).
REPORT_CRON = "30 5 * * *"
TIMEZONE = "UTC"

# deployment name -> (flow name, cron); run one with `prefect deployment run ingest/seeds`
DEPLOYMENTS = {"ingest-seeds": ("ingest", INGEST_CRON), "report-daily": ("report", REPORT_CRON)}


def deployments(ingest_cron: str = INGEST_CRON, report_cron: str = REPORT_CRON) -> list:
    """The ingest and report deployments. Module entrypoints (flows.ingest.ingest), not
    file paths: the installed package is found from any working directory."""
    from prefect.deployments.runner import EntrypointType
    from prefect.schedules import Cron

    from flows.ingest import ingest
    from flows.report import report

    crons = {"ingest": ingest_cron, "report": report_cron}
    flows = {"ingest": ingest, "report": report}
    return [flows[flow_name].to_deployment(
                name=name, schedules=[Cron(crons[flow_name], timezone=TIMEZONE)],
                entrypoint_type=EntrypointType.MODULE_PATH,
                description=f"pressroom {flow_name}, served by `pressroom serve`")
            for name, (flow_name, _) in DEPLOYMENTS.items()]


def serve(ingest_cron: str = INGEST_CRON, report_cron: str = REPORT_CRON) -> None:
    """Serve both deployments from this process until it is stopped: scheduled runs and
    runs started from the UI or `prefect deployment run` execute here."""
    from prefect import serve as prefect_serve

    prefect_serve(*deployments(ingest_cron, report_cron))
