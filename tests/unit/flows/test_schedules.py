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
