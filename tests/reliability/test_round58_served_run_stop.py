"""A stop of a served deployment's run while its WARC download stalls (fault round 58,
round 57's known item: "the flow run outside the main thread"). Round 57 made a stop end
such a run in seconds, through the stop handlers `fetches_stop_on_signals` sets; they can
be set in the main thread only, and a flow run elsewhere would have waited out the
staging's 120 s. Prefect 3.9 runs no deployment's flow outside a main thread: `flow.serve`
(what `pressroom serve` uses) starts each run with `run_flow_in_subprocess`, a spawned
process running the flow in its main thread, and a worker runs `python -m prefect.engine`,
the same; a cancel or the runner's shutdown reaches the run as SIGTERM to that process.
This runs the real ingest flow that way and stops it as the runner does: it ends well
within the bound, the old 120 s wait excluded.

Real processes and a real signal; a raw-socket loopback server that sends half the WARC
then nothing; the wait for the exit is bounded (a hang fails), not timed."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys

import pytest

from tests.integration.test_crash_resume import write_warc
from tests.reliability.test_round57_stop_during_stalled_input import (
    EXIT_WAIT_S,
    ROOT,
    StallingServer,
    _env,
)

pytestmark = pytest.mark.integration


def test_a_served_runs_stop_during_a_stalled_warc_download_ends_it(tmp_path, prefect_server):
    path = tmp_path / "pages.warc.gz"
    write_warc(path)
    server = StallingServer("127.0.0.58", "/pages.warc.gz", path.read_bytes())
    log = tmp_path / "served.err"
    try:
        with log.open("wb") as errs:
            driver = subprocess.Popen(
                [sys.executable, "-m", "tests.reliability.served_run", server.url,
                 str(tmp_path / "wh")], env=_env(prefect_server), cwd=ROOT,
                stdout=subprocess.PIPE, stderr=errs)
        first: list[str] = []
        try:
            first = driver.stdout.readline().decode().split()
            assert first[:1] == ["flow-process"], log.read_text(errors="replace")[-3000:]
            assert server.stalled.wait(300), ("the run never asked for its input",
                                              log.read_text(errors="replace")[-3000:])
            os.kill(int(first[1]), signal.SIGTERM)  # the runner's graceful_kill
            out, _ = driver.communicate(timeout=EXIT_WAIT_S)
        finally:
            if driver.poll() is None:  # a hang: the flow's process too, not left behind
                with contextlib.suppress(ProcessLookupError, IndexError, ValueError):
                    os.kill(int(first[1]), signal.SIGKILL)
                driver.kill()
                driver.wait()
    finally:
        server.close()
    errs = " ".join(log.read_text(errors="replace").split())
    # ended (by the signal: Prefect's handler, after the run's own, ends it as SIG_DFL)
    assert out.decode().split()[-2:] == ["exit", str(-signal.SIGTERM)], errs[-3000:]
    assert "Execution was aborted by a termination signal" in errs, errs[-3000:]
