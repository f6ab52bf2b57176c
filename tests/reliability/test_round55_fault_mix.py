"""Faults in combination (fault round 55), small: bench/fault_sweep.py's sweep at 40 URLs
and one seed, quick faults only (no stalls: each costs a request timeout), so that a
broken invariant fails CI. One loopback fault server on 127.0.0.56-59 at three ports,
the real `pressroom ingest` on a real Prefect server, a URL list with junk lines, a dump
with a bad record and a WARC with a cut record in the same run; then the same run again
(nothing kept is fetched twice), then one stopped by SIGTERM and run again. Every input
URL must end in articles, rejects or fetch_log, every failure with its reason, the
summary must add up and the commands must open the warehouse."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from fault_sweep import QUICK_FAULTS, environment, sweep  # noqa: E402 -- bench/ is no package


@pytest.mark.integration
def test_a_mix_of_faults_keeps_every_invariant(tmp_path, prefect_server):
    # no retries (each waits a backoff; the invariants hold for the last attempt alike)
    # and 2 s timeouts (a cut head waits for one): the run's time, not its faults
    env = {**environment(prefect_server["PREFECT_HOME"]), **prefect_server,
           "PRESSROOM_MAX_RETRIES": "0", "PRESSROOM_REQUEST_TIMEOUT_S": "2"}
    failures = sweep(55, 40, env, tmp_path, faults=QUICK_FAULTS, every_run=False)
    assert failures == []
