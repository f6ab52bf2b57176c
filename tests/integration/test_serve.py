"""`pressroom serve`: the ingest and report deployments served from one process against a
real Prefect server on loopback; a run triggered through the server changes the
warehouse."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration


def _deployment_names(api: str) -> set[str]:
    req = urllib.request.Request(f"{api}/deployments/filter", data=b"{}", method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return {d["name"] for d in json.load(resp)}


def _run_deployment(name: str, env: dict[str, str]) -> str:
    """Trigger a run through the server (as the UI or a schedule would) and wait for it:
    its final state's type."""
    code = ("from prefect.deployments import run_deployment\n"
            f"run = run_deployment({name!r}, timeout=600)\n"
            "print('STATE', run.state.type.value)\n")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=700)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.split("STATE ")[-1].strip()


def test_served_deployments_run_and_change_the_warehouse(prefect_server, seed_dump, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(seed_dump, seeds / seed_dump.name)
    warehouse = tmp_path / "wh"
    env = {**os.environ, **prefect_server, "PRESSROOM_WAREHOUSE": str(warehouse),
           "PRESSROOM_SEEDS": str(seeds), "PRESSROOM_CPU_WORKERS": "1",
           # the served process looks for runs to start this often (default 10 s)
           "PREFECT_RUNNER_POLL_FREQUENCY": "2"}
    log = open(tmp_path / "serve.log", "wb")  # noqa: SIM115 - closed below
    exe = Path(sys.executable).with_name("pressroom")
    # Another working directory than the repository's: the deployments must still load.
    proc = subprocess.Popen([str(exe), "serve"], env=env, cwd=tmp_path, stdout=log,
                            stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 300
        while _deployment_names(prefect_server["PREFECT_API_URL"]) != {"ingest-seeds",
                                                                         "report-daily"}:
            assert proc.poll() is None, (tmp_path / "serve.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "pressroom serve registered no deployments"
            time.sleep(1)

        # The report before any run: nothing to report, and not a failure.
        assert _run_deployment("report/report-daily", env) == "COMPLETED"
        assert not (warehouse / "manifests").exists() or not any(
            (warehouse / "manifests").iterdir())

        assert _run_deployment("ingest/ingest-seeds", env) == "COMPLETED", \
            (tmp_path / "serve.log").read_text()[-3000:]
        from tasks.storage.warehouse import run_manifests

        runs = run_manifests(warehouse)
        assert len(runs) == 1 and runs[0]["totals"]["kept"] == 1
        assert runs[0]["inputs_given"] == [str(seeds)]

        latest = warehouse / "reports" / "latest.html"
        latest.unlink()
        assert _run_deployment("report/report-daily", env) == "COMPLETED"
        assert latest.exists()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
