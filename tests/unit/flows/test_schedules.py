"""The two routes to scheduled runs agree: prefect.yaml (`prefect deploy --all` and a
work pool) and `pressroom serve` (flows/schedules.py) name the same flows, deployments
and schedules, and both load."""

from __future__ import annotations

import importlib
from pathlib import Path

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
