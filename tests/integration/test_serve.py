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
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def _serving(env: dict[str, str], cwd: Path, *options: str) -> Iterator[None]:
    """`pressroom serve` running until both deployments are registered on the server."""
    log_path = cwd / "serve.log"
    log = open(log_path, "wb")  # noqa: SIM115 - closed below
    exe = Path(sys.executable).with_name("pressroom")
    proc = subprocess.Popen([str(exe), "serve", *options], env=env, cwd=cwd, stdout=log,
                            stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 300
        while _deployment_names(env["PREFECT_API_URL"]) != {"ingest-seeds", "report-daily"}:
            assert proc.poll() is None, log_path.read_text()[-3000:]
            assert time.monotonic() < deadline, "pressroom serve registered no deployments"
            time.sleep(1)
        yield
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _served_env(prefect_server: dict[str, str], seed_dump: Path, tmp_path: Path
                ) -> dict[str, str]:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(seed_dump, seeds / seed_dump.name)
    return {**os.environ, **prefect_server, "PRESSROOM_WAREHOUSE": str(tmp_path / "wh"),
            "PRESSROOM_SEEDS": str(seeds), "PRESSROOM_CPU_WORKERS": "1",
            # the served process looks for runs to start this often (default 10 s)
            "PREFECT_RUNNER_POLL_FREQUENCY": "2"}


def test_served_deployments_run_and_change_the_warehouse(prefect_server, seed_dump, tmp_path):
    env = _served_env(prefect_server, seed_dump, tmp_path)
    warehouse, seeds = Path(env["PRESSROOM_WAREHOUSE"]), env["PRESSROOM_SEEDS"]
    # Another working directory than the repository's: the deployments must still load.
    with _serving(env, tmp_path):
        # The report before any run: nothing to report, and not a failure.
        assert _run_deployment("report/report-daily", env) == "COMPLETED"
        assert not (warehouse / "manifests").exists() or not any(
            (warehouse / "manifests").iterdir())

        assert _run_deployment("ingest/ingest-seeds", env) == "COMPLETED", \
            (tmp_path / "serve.log").read_text()[-3000:]
        from tasks.storage.warehouse import run_manifests

        runs = run_manifests(warehouse)
        assert len(runs) == 1 and runs[0]["totals"]["kept"] == 1
        assert runs[0]["inputs_given"] == [seeds]

        latest = warehouse / "reports" / "latest.html"
        latest.unlink()
        assert _run_deployment("report/report-daily", env) == "COMPLETED"
        assert latest.exists()


def test_serve_with_a_dask_address_runs_the_served_ingest_on_the_cluster(
        prefect_server, seed_dump, tmp_path):
    from distributed import Client, LocalCluster

    env = _served_env(prefect_server, seed_dump, tmp_path)
    worker_env = {k: v for k, v in prefect_server.items() if k != "PREFECT_HOME"}
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=True, host="127.0.0.1",
                      dashboard_address=None, env=worker_env) as cluster, \
            Client(cluster) as client, \
            _serving(env, tmp_path, "--dask-address", cluster.scheduler_address):
        assert _run_deployment("ingest/ingest-seeds", env) == "COMPLETED", \
            (tmp_path / "serve.log").read_text()[-3000:]
        ran = set(client.run_on_scheduler(
            lambda dask_scheduler: list(dask_scheduler.task_prefixes)))
    # Without the runner chosen at import the served run would work locally, unseen here.
    assert "clean_task" in ran, ran
    from tasks.storage.warehouse import run_manifests

    runs = run_manifests(Path(env["PRESSROOM_WAREHOUSE"]))
    assert len(runs) == 1 and runs[0]["totals"]["kept"] == 1
