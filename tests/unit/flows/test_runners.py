"""Which task runner a flow gets. A served deployment's run imports the flow from its module
path in a fresh process, so the Dask setting must act at import (`runner_at_import`), not
only when `pressroom ingest` swaps the runner in at call time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SHOW_RUNNER = ("from flows.ingest import ingest\n"
               "r = ingest.task_runner\n"
               "print(type(r).__name__, getattr(r, 'address', None))\n")


def _runner_in_fresh_process(tmp_path: Path, **env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PRESSROOM_")}
    done = subprocess.run([sys.executable, "-c", SHOW_RUNNER], cwd=tmp_path,
                          env={**clean, "PYTHONPATH": str(ROOT), **env},
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip().splitlines()[-1]


def test_the_ingest_flow_imports_with_the_dask_runner_the_settings_name(tmp_path):
    pytest.importorskip("prefect_dask")
    shown = _runner_in_fresh_process(tmp_path, PRESSROOM_DASK_ADDRESS="tcp://127.0.0.1:8786")
    assert shown == "DaskTaskRunner tcp://127.0.0.1:8786"


def test_a_pressroom_toml_naming_a_cluster_counts_too(tmp_path):
    pytest.importorskip("prefect_dask")
    (tmp_path / "pressroom.toml").write_text('dask_address = "tcp://127.0.0.1:8787"\n')
    assert _runner_in_fresh_process(tmp_path) == "DaskTaskRunner tcp://127.0.0.1:8787"


def test_without_a_cluster_the_ingest_flow_runs_locally(tmp_path):
    assert _runner_in_fresh_process(tmp_path).startswith("ThreadPoolTaskRunner")


def test_invalid_settings_do_not_break_the_import(tmp_path):
    # The flow reads the settings again and reports the error; importing must not fail.
    shown = _runner_in_fresh_process(tmp_path, PRESSROOM_DASK_ADDRESS="not-an-address")
    assert shown.startswith("ThreadPoolTaskRunner")


def test_serve_with_a_dask_address_needs_a_prefect_server(tmp_path):
    exe = Path(sys.executable).with_name("pressroom")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PRESSROOM_", "PREFECT_API_URL"))}
    done = subprocess.run([str(exe), "serve", "--dask-address", "tcp://127.0.0.1:8786"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 2
    assert "needs a Prefect server" in done.stdout + done.stderr
