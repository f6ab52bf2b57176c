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


# Each field, for the checks below: its name, first value, how many values it has, what
# its steps start again in, and what they count.
_FIELDS = (("minute", 0, 60, "hour", "minutes"), ("hour", 0, 24, "day", "hours"),
           ("day-of-month", 1, 31, "month", "days"), ("month", 1, 12, "year", "months"),
           ("day-of-week", 0, 7, "week", "days"))
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                "dec")
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February at most 29


def _step_past_range(fields: list[str]) -> str | None:
    """A step longer than its field's range ("*/90" minutes, "*/36" hours): cron's steps
    start again each hour (day, ...), so the schedule runs once an hour at minute 0, not
    every 90 minutes as written."""
    for field, (name, first, count, per, unit) in zip(fields, _FIELDS, strict=True):
        for part in field.split(","):
            span, slash, step = part.partition("/")
            if slash and step.isdigit() and int(step) > count:
                start = span.partition("-")[0]
                at = start if start.isdigit() else first
                return (f"'{part}' in the {name} field: cron's steps start again each {per},"
                        f" so it runs at {name} {at} of every {per}, not every {step} "
                        f"{unit}")
    return None


def _numbers(field: str, names: tuple[str, ...] = ()) -> set[int] | None:
    """The values of a field written as numbers, ranges and lists (month names too), or
    None when it holds anything else (*, ?, L, W, steps)."""
    out: set[int] = set()
    for part in field.lower().split(","):
        low, _, high = part.partition("-")
        ends = []
        for end in (low, high or low):
            if end.isdigit():
                ends.append(int(end))
            elif end in names:
                ends.append(names.index(end) + 1)
            else:
                return None
        out.update(range(ends[0], ends[1] + 1))
    return out


def _day_no_month_has(fields: list[str]) -> str | None:
    """A day of the month none of the months named has ("0 0 31 2 *", "30 2", "31 4,6"):
    the scheduler's parser finds no next date and never runs it (with a day of the week
    named too: it checks the date first)."""
    days, months = _numbers(fields[2]), _numbers(fields[3], _MONTH_NAMES)
    if not days or not months:
        return None
    if min(days) > max(_DAYS_IN_MONTH[m - 1] for m in months if 1 <= m <= 12):
        return (f"day {fields[2]} of month {fields[3]} never comes (no such date): the "
                "schedule would never run")
    return None


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
    # Both taken by the scheduler's parser without a word (fault round 43): a served
    # deployment then ran hourly where every 90 minutes was written, or never.
    why = _step_past_range(fields) or _day_no_month_has(fields)
    if why:
        return f"{cron!r}: {why}; e.g. {INGEST_CRON!r}, or @hourly"
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
