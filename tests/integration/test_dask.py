"""`pressroom ingest --dask-address`: the batches run on a Dask cluster (two worker
processes, a LocalCluster on loopback) against a real Prefect server, and the warehouse
comes out the same as a local run's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.test_crash_resume import PAGES, state, write_warc

pytestmark = pytest.mark.integration


def _ingest(inputs: list[str], warehouse: Path, env: dict[str, str], *extra: str
            ) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("pressroom")
    return subprocess.run([str(exe), "ingest", *inputs, "--warehouse", str(warehouse), *extra],
                          env=env, capture_output=True, text=True, timeout=900)


def test_a_dask_run_gives_the_local_runs_warehouse(prefect_server, news_site, tmp_path):
    from distributed import Client, LocalCluster

    warc = tmp_path / "pages.warc.gz"
    write_warc(warc)
    # A WARC (no network) and the test site's feed (pages fetched on the Dask workers,
    # archived into the warehouse's raw/ from there).
    inputs = [str(warc), f"{news_site}/rss.xml"]
    env = {**os.environ, **prefect_server, "PRESSROOM_BATCH_SIZE": "4",
           "PRESSROOM_ALLOWED_NETWORKS": '["127.0.0.0/8"]', "PRESSROOM_PER_HOST_DELAY_S": "0",
           # a process pool on a Dask worker would fail (daemon processes have no
           # children): these make the tasks try, unless they know they are on a cluster
           "PRESSROOM_CPU_WORKERS": "2", "PRESSROOM_PARALLEL_MIN_ROWS": "1"}

    local = _ingest(inputs, tmp_path / "local", env)
    assert local.returncode == 0, local.stdout[-2000:] + local.stderr[-3000:]
    expected = state(tmp_path / "local")
    assert len(expected["rows"]) > PAGES and expected["failing_tests"] == {}

    # The workers report their task runs to the same Prefect server.
    worker_env = {k: v for k, v in prefect_server.items() if k != "PREFECT_HOME"}
    with LocalCluster(n_workers=2, threads_per_worker=2, processes=True, host="127.0.0.1",
                      dashboard_address=None, env=worker_env) as cluster, \
            Client(cluster) as client:
        on_dask = _ingest(inputs, tmp_path / "dask", env, "--dask-address",
                          cluster.scheduler_address)
        assert on_dask.returncode == 0, on_dask.stdout[-2000:] + on_dask.stderr[-3000:]
        ran = set(client.run_on_scheduler(
            lambda dask_scheduler: list(dask_scheduler.task_prefixes)))
    assert {"fetch_task", "extract_task", "clean_task"} <= ran, ran
    assert state(tmp_path / "dask") == expected
    raw = list((tmp_path / "dask" / "raw").rglob("*.warc.gz"))
    assert raw, "the pages fetched on the workers were not archived in the warehouse"


def test_dask_address_without_a_prefect_server_is_refused(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "home")
    done = _ingest([str(tmp_path)], tmp_path / "wh", env, "--dask-address",
                   "tcp://127.0.0.1:1")
    assert done.returncode == 2
    assert "needs a Prefect server" in done.stdout + done.stderr
