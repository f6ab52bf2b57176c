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


_CRON_ALIASES = frozenset({"@yearly", "@annually", "@monthly", "@weekly", "@daily",
                           "@midnight", "@hourly"})


def cron_problem(cron: str) -> str | None:
    """Why `cron` is no schedule `pressroom serve` can run (None: it is one). Five fields,
    as crontab: minute hour day-of-month month day-of-week (UTC), or an @hourly-style
    alias. The scheduler's parser also takes six or seven, the sixth being seconds, so a
    Quartz or Spring schedule, seconds first ("0 0 */2 * * *", meant as every two hours),
    was taken and started a run every second of 00:00 every other day; a string it
    refused was a traceback after the flows had loaded."""
    from prefect.client.schemas.schedules import CronSchedule
    from pydantic import ValidationError

    fields = cron.split()
    if len(fields) == 1 and fields[0].lower() in _CRON_ALIASES:
        return None
    if len(fields) != 5:
        extra = (": a seconds field (Quartz, Spring) is not read here, and the scheduler "
                 "would read the sixth as seconds and start runs every second"
                 if len(fields) in (6, 7) else "")
        return (f"{cron!r} has {len(fields)} field(s), not 5 (minute hour day-of-month "
                f"month day-of-week, UTC, e.g. {INGEST_CRON!r}){extra}")
    try:
        CronSchedule(cron=cron, timezone=TIMEZONE)
    except ValidationError as exc:
        why = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
        return f"{cron!r} is no cron schedule ({why}); e.g. {INGEST_CRON!r}, or @hourly"
    return None


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
