"""`pressroom ingest https://.../x.warc.gz` stopped by SIGTERM or Ctrl-C while the WARC's
download stalls (fault round 57): a server that sent the headers and half the file, then
nothing. The WARC is read by the run's staging thread; the stop's handler ended the main
thread's loop, and the run's close then waited up to 120 s for that thread, blocked in
the download until the request's deadline: the run exited 122 s after the signal, where a
service manager's stop (systemd's 90 s, Kubernetes' 30 s) would SIGKILL it first. Now a
stop does not wait for a thread that is reading: exit 143 or 130 within a few seconds,
and the same command, the server answering again, ingests the whole WARC.

And the same stop while the discover stage fetches a stalled feed (round 56's known
item), which was found handled: kept as a regression test.

Real processes, a real signal, a raw-socket loopback server; the wait for the exit is
bounded (a hang, or the old 120 s, fails the test), not timed."""

from __future__ import annotations

import os
import re
import signal
import socketserver
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.integration.test_crash_resume import PAGES, write_warc
from tests.reliability.signals import ctrl_c_reaches_it

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
# Far beyond the test's wait: without the fix, the stall would hold the run this long
# (up to the staging's 120 s).
DEADLINE_S = "600"
# The bound on the exit after the signal: under the old 120 s wait, above the few seconds
# a stop takes now on a loaded machine.
EXIT_WAIT_S = 60


class StallingServer(socketserver.ThreadingTCPServer):
    """A loopback server of one file at `path`: while `stalling`, its headers and first
    half, then nothing (the connection held open until `close`); then whole."""

    daemon_threads = True

    def __init__(self, host: str, path: str, body: bytes) -> None:
        super().__init__((host, 0), _Answer)
        self.path = path
        self.url = f"http://{host}:{self.server_address[1]}{path}"
        self.body = body
        self.stalling = True
        self.stalled = threading.Event()  # set once half the file was sent, and held
        self.released = threading.Event()
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.released.set()
        self.shutdown()
        self.server_close()


class _Answer(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        server: StallingServer = self.server
        request = self.rfile.readline().split()
        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
            pass  # the request's headers, unread
        if request[1:2] != [server.path.encode()]:
            self.wfile.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n"
                             b"Connection: close\r\n\r\n")
            return
        self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                         b"Content-Length: " + str(len(server.body)).encode() + b"\r\n\r\n")
        if not server.stalling:
            self.wfile.write(server.body)
            return
        self.wfile.write(server.body[:len(server.body) // 2])
        self.wfile.flush()
        server.stalled.set()
        server.released.wait()  # silent, the connection open, until the test ends


def _env(prefect_server: dict[str, str]) -> dict[str, str]:
    return {**os.environ, **prefect_server, "PYTHONPATH": str(ROOT),
            "PRESSROOM_ALLOWED_NETWORKS": '["127.0.0.0/8"]',
            "PRESSROOM_REQUEST_TIMEOUT_S": DEADLINE_S, "PRESSROOM_MAX_RETRIES": "0"}


def _stopped(url: str, wh: Path, env: dict[str, str], server: StallingServer, signum: int,
             log: Path) -> tuple[int, str]:
    """`pressroom ingest url` given `signum` once the server has stalled it: its exit
    status and standard error (the wait for the exit bounded: a hang fails)."""
    with log.open("wb") as errs:  # a file, not a pipe nobody reads while the run goes on
        proc = subprocess.Popen([sys.executable, "-m", "flows.cli", "ingest", url, "-w",
                                 str(wh)], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=errs, preexec_fn=ctrl_c_reaches_it)
    try:
        assert server.stalled.wait(300), ("the run never asked for its input",
                                          log.read_text(errors="replace")[-3000:])
        proc.send_signal(signum)
        proc.wait(timeout=EXIT_WAIT_S)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return proc.returncode, log.read_text(errors="replace")


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_stop_during_a_stalled_warc_download_exits_and_the_rerun_ingests_it(
        tmp_path, prefect_server, signum, code):
    path = tmp_path / "pages.warc.gz"
    write_warc(path)
    server = StallingServer("127.0.0.56", "/pages.warc.gz", path.read_bytes())
    env = _env(prefect_server)
    wh = tmp_path / "wh"
    try:
        returncode, errs = _stopped(server.url, wh, env, server, signum,
                                    tmp_path / "stopped.err")
        assert returncode == code, errs[-3000:]
        assert "Traceback" not in errs, errs[-3000:]
        server.stalling = False
        again = subprocess.run([sys.executable, "-m", "flows.cli", "ingest", server.url,
                                "-w", str(wh)], env=env, cwd=ROOT, capture_output=True,
                               timeout=900)
    finally:
        server.close()
    out = " ".join(again.stdout.decode().split())
    assert again.returncode == 0, again.stderr.decode()[-3000:] + out[-1500:]
    counts = re.search(r"inputs (\d+) = kept (\d+) \+ rejected (\d+) \+ failed fetches 0", out)
    assert counts and int(counts.group(1)) == PAGES, out[-1500:]
    # what the stopped run's reader might have left in the staging folder is cleared
    assert not list((wh / "_staging").glob("*/*")), list((wh / "_staging").rglob("*"))


FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        + b"".join(b"<item><title>story %d</title><link>http://127.0.0.56:9/s%d.html</link>"
                   b"</item>" % (i, i) for i in range(200)) + b"</channel></rss>")


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_stop_while_discover_fetches_a_stalled_feed_exits(tmp_path, prefect_server, signum,
                                                            code):
    """Round 56's known item: a stop during the discover stage's own fetches (a feed,
    before any batch). Already handled when probed (exit in ~2 s; this test passes on the
    code before round 57): SIGTERM's handler cancels the fetches (round 56), and Ctrl-C
    reaches the discover's event loop, run in the main thread, whose own SIGINT handler
    (asyncio's) cancels it. Kept so that a change there (the fetches moved to a thread,
    the handlers reordered) cannot make such a stop wait out the feed's deadline."""
    server = StallingServer("127.0.0.57", "/feed.xml", FEED)
    try:
        returncode, errs = _stopped("feed:" + server.url, tmp_path / "wh",
                                    _env(prefect_server), server, signum,
                                    tmp_path / "stopped.err")
    finally:
        server.close()
    assert returncode == code, errs[-3000:]
    assert "Traceback" not in errs, errs[-3000:]
