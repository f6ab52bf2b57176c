"""The `pressroom runs` command's limit (fault round 12)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from flows.cli import app


@pytest.fixture
def two_runs(warehouse):
    folder = warehouse / "manifests"
    folder.mkdir()
    for i, run_id in enumerate(["20261201T000000Z-aaaaaa", "20261202T000000Z-bbbbbb"]):
        (folder / f"{run_id}.json").write_text(json.dumps({
            "run_id": run_id, "kind": "run", "finished_at": f"2026-12-0{i + 1}T00:00:00",
            "totals": {"inputs": i + 1, "kept": i + 1, "rejected": 0, "failed": 0,
                       "skipped": 0}}))
    return warehouse


def test_the_last_runs_are_listed_up_to_the_limit(two_runs):
    out = CliRunner().invoke(app, ["runs", "-w", str(two_runs), "--limit", "1"])
    assert out.exit_code == 0, out.output
    assert "bbbbbb" in out.output and "aaaaaa" not in out.output


@pytest.mark.parametrize("limit", ["0", "-1"])
def test_a_limit_below_one_is_refused_not_read_backwards(two_runs, limit):
    """Fault round 12: the runs were sliced `[-limit:]`: `--limit 0` listed every run,
    `--limit -1` every run but the oldest (on a warehouse of one run: "no runs yet").
    Now a limit below 1 is refused as a bad option, exit 2."""
    out = CliRunner().invoke(app, ["runs", "-w", str(two_runs), "--limit", limit])
    assert out.exit_code == 2, out.output
    assert "no runs yet" not in out.output and "aaaaaa" not in out.output
