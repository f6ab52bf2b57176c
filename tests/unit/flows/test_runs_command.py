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


def test_a_run_that_committed_batches_and_never_finished_is_listed(two_runs):
    """Round 20. A run killed (or failed) after committing batches writes no run manifest:
    `runs` listed finished runs only, so it was nowhere while its rows were in every table;
    a run still going likewise."""
    import os

    folder = two_runs / "manifests"
    for run_id, batches in (("20261203T000000Z-cccccc", 2), ("20261204T000000Z-dddddd", 1)):
        for b in range(1, batches + 1):
            (folder / f"{run_id}.b{b:05d}.json").write_text(json.dumps({
                "run_id": run_id, "kind": "batch", "batch": b,
                "started_at": f"2026-12-0{3 + (run_id[-1] == 'd')}T00:00:00+00:00",
                "rows": {"articles": 4, "rejects": 1}}))
    (two_runs / ".writer.lock").write_text(f"run 20261204T000000Z-dddddd (pid {os.getpid()})\n")
    out = CliRunner().invoke(app, ["runs", "-w", str(two_runs)])
    assert out.exit_code == 0, out.output
    lines = [line for line in out.output.splitlines() if "Z-" in line]
    assert ["dddddd" in lines[0], "cccccc" in lines[1], "bbbbbb" in lines[2]] == [True] * 3
    assert "running" in lines[0] and "not finished" in lines[1]
    assert [c.strip() for c in lines[1].split("│")[2:8]] == [
        "not finished", "?", "8", "2", "?", "?"], lines[1]
    assert ("20261203T000000Z-cccccc: stopped before its end (killed, or failed); 2 batch "
            "commit(s) hold its 8 article(s) and 2 reject(s); running the same inputs "
            "again finishes its work") in " ".join(out.output.split())
    assert "20261204T000000Z-dddddd: running; 1 batch commit(s)" in " ".join(out.output.split())
    # the lock file of a run that has ended names a process that is gone
    (two_runs / ".writer.lock").write_text("run 20261204T000000Z-dddddd (pid 999999999)\n")
    out = CliRunner().invoke(app, ["runs", "-w", str(two_runs), "--limit", "1"])
    assert "not finished" in out.output and "running" not in out.output.replace(
        "running the same", "")
