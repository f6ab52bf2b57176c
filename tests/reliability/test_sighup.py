"""`pressroom ingest` given SIGHUP (its terminal closed, an ssh session dropped) while it
fetches (fault round 37). Before: killed by the signal (status -SIGHUP), not a word, no
exit hook run. Now a normal exit, 129, as SIGTERM's 143, the temporary Prefect server
stopped with it. A run started under `nohup` (SIGHUP ignored) still outlives the hangup."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.cli import signals_to_exit_on
from tests.reliability.test_sigterm import alive, children, stalling_site  # noqa: F401

pytestmark = pytest.mark.integration


def test_sighup_is_an_exit_unless_ignored():
    assert signals_to_exit_on(lambda s: signal.SIG_DFL) == [signal.SIGTERM, signal.SIGHUP]
    assert signals_to_exit_on(lambda s: signal.SIG_IGN) == [signal.SIGTERM]  # nohup


def _start(tmp_path: Path, base: str, ignore_hup: bool) -> subprocess.Popen:
    urls = tmp_path / "slow.urls"
    urls.write_text(f"{base}/story-1\n{base}/story-2\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update({"PRESSROOM_ALLOWED_NETWORKS": '["127.0.0.0/8"]',
                "PREFECT_HOME": str(tmp_path / "prefect-home"),
                "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
                "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
                "PYTHONPATH": str(Path(__file__).resolve().parents[2])})

    def hangup_as(handling):
        # set in the child either way: a test run started under nohup (a CI job's shell)
        # hands its children SIGHUP ignored, and the "terminal" run would inherit it
        return lambda: signal.signal(signal.SIGHUP, handling)

    return subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "ingest", str(urls), "-w", str(tmp_path / "wh")],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        preexec_fn=hangup_as(signal.SIG_IGN if ignore_hup else signal.SIG_DFL))


@pytest.mark.parametrize("ignore_hup", [False, True], ids=["terminal", "nohup"])
def test_a_hangup_ends_the_run_as_sigterm_does_unless_ignored(tmp_path, stalling_site,  # noqa: F811
                                                              ignore_hup):
    base, asked = stalling_site
    proc = _start(tmp_path, base, ignore_hup)
    server: list[int] = []
    try:
        assert asked.wait(240), "the run never reached its first page"
        server = children(proc.pid)
        proc.send_signal(signal.SIGHUP)
        if ignore_hup:
            time.sleep(3)
            assert proc.poll() is None, "a run under nohup stopped on a hangup"
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=120) == 128 + signal.SIGTERM
            return
        code = proc.wait(timeout=120)
        assert code == 128 + signal.SIGHUP, code  # an exit, not a death by signal
        deadline = time.monotonic() + 30
        while any(alive(p) for p in server) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [p for p in server if alive(p)], "processes left behind after SIGHUP"
    finally:
        if proc.poll() is None:
            proc.kill()
        for p in server:
            try:
                os.kill(p, signal.SIGKILL)
            except OSError:
                pass
