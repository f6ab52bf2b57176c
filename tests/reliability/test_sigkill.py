"""`pressroom ingest` killed with SIGKILL (the OOM killer, `kill -9`, a lost container)
runs no exit hook, so its helpers must notice on their own: the extraction workers and
their forkserver, and the temporary Prefect server. Before, all of them lived on as
orphans (two workers and a server kept ~1 GB after a killed 50k-page run)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.integration.test_crash_resume import write_warc

pytestmark = pytest.mark.integration


def marked(marker: str) -> list[int]:
    """Live processes whose environment holds `marker` (children inherit it, and keep it
    when they are reparented, so it finds orphans too)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if marker.encode() in environ and state != "Z":
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_sigkilled_run_leaves_no_workers_and_no_server_behind(tmp_path):
    warc = tmp_path / "pages.warc.gz"
    write_warc(warc)
    marker = f"SIGKILL_TEST_RUN={uuid.uuid4().hex}"
    env = {k: v for k, v in os.environ.items()
           if k not in ("PREFECT_API_URL", "CRASHPOINT_KILL_AT")}
    env.update({"PREFECT_HOME": str(tmp_path / "prefect-home"),
                "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
                "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
                # two workers, and batches big enough to go to them
                "PRESSROOM_CPU_WORKERS": "2", "PRESSROOM_PARALLEL_MIN_ROWS": "2",
                "PRESSROOM_BATCH_SIZE": "8",
                # killed once the second batch is extracted: workers and server are up
                "CRASHPOINT_KILL_AT": "extracted:2",
                marker.split("=")[0]: marker.split("=")[1]})
    exe = Path(sys.executable).with_name("pressroom")
    helpers: list[int] = []
    try:
        # Output to a file, not a pipe: orphans would hold a pipe open, and the wait for
        # its end would hang instead of failing.
        log = tmp_path / "ingest.log"
        with open(log, "wb") as out:
            run = subprocess.run([str(exe), "ingest", str(warc), "-w", str(tmp_path / "wh")],
                                 env=env, stdout=out, stderr=subprocess.STDOUT, timeout=600)
        assert run.returncode == -signal.SIGKILL, log.read_text()[-3000:]
        helpers = marked(marker)
        deadline = time.monotonic() + 30
        while helpers and time.monotonic() < deadline:
            time.sleep(0.2)
            helpers = marked(marker)
        assert helpers == [], [Path(f"/proc/{p}/cmdline").read_bytes()[:200] for p in helpers]
    finally:
        for pid in marked(marker):  # orphans of a failed check
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
