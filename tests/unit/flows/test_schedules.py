"""The two routes to scheduled runs agree: prefect.yaml (`prefect deploy --all` and a
work pool) and `pressroom serve` (flows/schedules.py) name the same flows, deployments
and schedules, and both load."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
import yaml
from prefect.client.schemas.schedules import CronSchedule

from flows import schedules

ROOT = Path(__file__).resolve().parents[3]


def _yaml_deployments() -> dict[str, dict]:
    doc = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    return {d["name"]: d for d in doc["deployments"]}


def test_ingest_every_two_hours_and_report_daily():
    assert schedules.DEPLOYMENTS == {"ingest-seeds": ("ingest", "0 */2 * * *"),
                                     "report-daily": ("report", "30 5 * * *")}
    for _, cron in schedules.DEPLOYMENTS.values():
        CronSchedule(cron=cron, timezone="UTC")  # raises on a bad expression


def test_prefect_yaml_has_the_served_deployments():
    found = _yaml_deployments()
    assert set(found) == set(schedules.DEPLOYMENTS)
    for name, (flow_name, cron) in schedules.DEPLOYMENTS.items():
        d = found[name]
        assert [s["cron"] for s in d["schedules"]] == [cron]
        assert all(s["timezone"] == schedules.TIMEZONE for s in d["schedules"])
        path, attr = d["entrypoint"].split(":")
        module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
        assert getattr(module, attr).name == flow_name, d["entrypoint"]


def test_serve_builds_both_deployments_with_their_schedules():
    built = {d.name: d for d in schedules.deployments()}
    assert set(built) == set(schedules.DEPLOYMENTS)
    for name, (flow_name, cron) in schedules.DEPLOYMENTS.items():
        d = built[name]
        assert d.flow_name == flow_name
        assert d.entrypoint == f"flows.{flow_name}.{flow_name}"  # importable from anywhere
        assert [s.schedule.cron for s in d.schedules] == [cron]


def test_a_schedule_the_scheduler_would_misread_or_refuse_is_refused_before_serving():
    """Fault round 19: `pressroom serve --ingest-cron "0 0 */2 * * *"` (Quartz or
    Spring's every two hours, seconds first) was taken, the sixth field read as seconds:
    a run every second of 00:00 every other day; "not a cron" or "0 25 * * *" was a
    ValueError traceback after the flows had loaded. Refused first, exit 2, naming the
    option and the five fields."""
    from typer.testing import CliRunner

    from flows.cli import app

    assert schedules.cron_problem(schedules.INGEST_CRON) is None
    assert schedules.cron_problem(schedules.REPORT_CRON) is None
    assert schedules.cron_problem("@hourly") is None
    assert schedules.cron_problem("15 6 * * 1-5") is None
    for d in _yaml_deployments().values():
        assert schedules.cron_problem(d["schedules"][0]["cron"]) is None
    six = schedules.cron_problem("0 0 */2 * * *")
    assert six.startswith("'0 0 */2 * * *' has 6 field(s), not 5") and "seconds" in six
    assert "Invalid cron string" in schedules.cron_problem("0 25 * * *")
    assert schedules.cron_problem("every 2 hours").startswith("'every 2 hours' has 3 field(s)")
    out = CliRunner().invoke(app, ["serve", "--ingest-cron", "0 0 */2 * * *",
                                   "--report-cron", "0 25 * * *"])
    assert out.exit_code == 2, out.output
    assert "bad schedule: --ingest-cron '0 0 */2 * * *' has 6 field(s)" in out.output
    assert "bad schedule: --report-cron '0 25 * * *' is no cron schedule" in out.output


def test_a_cron_that_never_comes_or_steps_past_its_field_is_refused():
    """Fault round 43: the scheduler's parser takes both without a word. A day no month
    named has ("0 0 31 2 *"): it finds no next date, and the deployment never ran. A
    step longer than its field ("*/90 * * * *", meant as every 90 minutes): cron's steps
    start again each hour, so it ran hourly."""
    from typer.testing import CliRunner

    from flows.cli import app

    for never in ("0 0 31 2 *", "0 0 30 2 *", "0 6 31 4,6,9,11 *", "0 0 31 APR *",
                  "0 0 31 2 1"):  # with a weekday too: the parser checks the date first
        assert "never comes" in schedules.cron_problem(never), never
    step = schedules.cron_problem("*/90 * * * *")
    assert "runs at minute 0 of every hour, not every 90 minutes" in step
    assert "hour 0 of every day, not every 36 hours" in schedules.cron_problem("0 */36 * * *")
    assert "day-of-month 5 of every month" in schedules.cron_problem("0 0 5-31/40 * *")
    # what cron can mean stays: leap days, steps that fit, a day with a weekday named
    for fine in ("0 0 29 2 *", "*/60 * * * *", "0 */24 * * *", "*/45 * * * *",
                 "0 0 31 * *", "0 0 31 1-2 *", "0 0 15 2 1", "0 0 ? * *", "0 0 * */12 *"):
        assert schedules.cron_problem(fine) is None, fine
    out = CliRunner().invoke(app, ["serve", "--report-cron", "0 5 31 2 *"])
    assert out.exit_code == 2, out.output
    assert "bad schedule: --report-cron '0 5 31 2 *': day 31 of month 2 never comes" \
        in out.output


# seed 69: cron_problem's whole sentences, and the edges of its two checks
_E = "e.g. '0 */2 * * *'"


def test_a_cron_problem_is_said_whole() -> None:
    fields = "not 5 (minute hour day-of-month month day-of-week, UTC, " + _E + ")"
    assert schedules.cron_problem("0 0 */2 * * *") == (
        f"'0 0 */2 * * *' has 6 field(s), {fields}: a seconds field (Quartz, Spring) is not "
        "read here, and the scheduler would read the sixth as seconds and start runs every "
        "second")
    assert schedules.cron_problem("0 0 0 */2 * * *").startswith(
        f"'0 0 0 */2 * * *' has 7 field(s), {fields}: a seconds field")  # and a year
    assert schedules.cron_problem("0 0 * *") == f"'0 0 * *' has 4 field(s), {fields}"
    # one word that is no alias: one field, not an alias taken
    assert schedules.cron_problem("hourly") == f"'hourly' has 1 field(s), {fields}"
    assert schedules.cron_problem("0 25 * * *") == (
        f"'0 25 * * *' is no cron schedule (Invalid cron string: \"0 25 * * *\"); {_E}, "
        "or @hourly")
    assert schedules.cron_problem("0 0 30-31 2 *") == (
        "'0 0 30-31 2 *': day 30-31 of month 2 never comes (no such date): the schedule "
        f"would never run; {_E}, or @hourly")


def test_a_step_past_its_field_is_found_in_a_list_and_named_from_its_start() -> None:
    assert schedules.cron_problem("0,*/90 * * * *") == (
        "'0,*/90 * * * *': '*/90' in the minute field: cron's steps start again each hour, "
        f"so it runs at minute 0 of every hour, not every 90 minutes; {_E}, or @hourly")
    assert "so it runs at minute 5 of every hour" in schedules.cron_problem("5/90 * * * *")


@pytest.mark.parametrize("cron", ["0 0 31 AUG *", "0 0 31 12 *", "0 0 31 dec *",
                                  "0 0 31 nov-dec *"])
def test_the_31st_of_august_or_december_comes(cron) -> None:
    assert schedules.cron_problem(cron) is None
