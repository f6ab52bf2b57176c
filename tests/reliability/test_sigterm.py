"""`pressroom ingest` stopped with SIGTERM (`kill`, `timeout`, a service manager) exits
with 143 and takes the temporary Prefect server it started with it: before, the server
process lived on as an orphan after every such stop."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from tests.site import serving

pytestmark = pytest.mark.integration


def children(pid: int) -> list[int]:
    """Every descendant of `pid` (from /proc: no dependency on psutil)."""
    parent_of = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent_of[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [], [pid]
    while frontier:
        here = frontier.pop()
        kids = [p for p, pp in parent_of.items() if pp == here]
        found += kids
        frontier += kids
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture
def stalling_site() -> Iterator[tuple[str, threading.Event]]:
    """Pages that answer only after a long time; the event is set on the first page
    request (the flow is running by then)."""
    asked = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            if self.path == "/robots.txt" or self.path.startswith("/.well-known/"):
                self.send_response(404)
                self.end_headers()
                return
            asked.set()
            time.sleep(60)

        def log_message(self, *args) -> None:
            pass

    with serving(Handler) as base:
        yield base, asked


def test_sigterm_stops_the_run_and_its_temporary_prefect_server(tmp_path, stalling_site):
    base, asked = stalling_site
    urls = tmp_path / "slow.urls"
    urls.write_text(f"{base}/story-1\n{base}/story-2\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update({"PRESSROOM_ALLOWED_NETWORKS": '["127.0.0.0/8"]',
                "PREFECT_HOME": str(tmp_path / "prefect-home"),
                "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
                "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180"})
    cli = Path(sys.executable).with_name("pressroom")
    proc = subprocess.Popen([str(cli), "ingest", str(urls), "-w", str(tmp_path / "wh")],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    server: list[int] = []
    try:
        assert asked.wait(240), "the run never reached its first page"
        server = children(proc.pid)
        assert server, "no temporary Prefect server process under the run"
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=120)
        deadline = time.monotonic() + 30
        while any(alive(p) for p in server) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [p for p in server if alive(p)], "processes left behind after SIGTERM"
        assert code == 128 + signal.SIGTERM  # an exit, not a death by signal
    finally:
        if proc.poll() is None:
            proc.kill()
        for p in server:  # orphans (reparented by now) of a failed check
            try:
                os.kill(p, signal.SIGKILL)
            except OSError:
                pass
