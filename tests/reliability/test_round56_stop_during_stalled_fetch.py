"""`pressroom ingest` stopped by SIGTERM or Ctrl-C while its fetches stall (fault round
56; round 55's known item): a server that sent its headers and then nothing, one that
accepted the connection and never answered. Before, the run exited only when the batch's
fetch task ended, its requests' deadlines waited out in the task thread (125 s in round
55's sweep; here, with a 600 s deadline, over ten minutes): a service manager's stop
timeout (systemd's 90 s, Kubernetes' 30 s) would SIGKILL it first. Now the stop cancels
the fetches in flight: the run exits with its code (143, 130), the batch committed before
is whole, the stalled URLs are in no table (nothing of their batch was committed), and the
same command asks them again and keeps them.

Real processes, a real signal, a raw-socket loopback server; the wait for the exit is
bounded generously (a hang fails the test), not timed."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.reliability.signals import ctrl_c_reaches_it
from tests.site import ARTICLES, render

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
GOOD = ["/news/harbour-bridge-reopens.html", "/news/library-turns-100.html"]
HEADERS_ONLY = "/news/ferry-timetable.html"   # 200 and a Content-Length, then nothing
SILENT = "/news/marathon-record.html"         # the request read, never an answer
# Far beyond the test's wait: without the fix, the run would wait this out.
DEADLINE_S = "600"


class StallingSite:
    """A raw-socket server on three loopback addresses, one a kind of page (the fetch
    stage's politeness holds per host: two stalled pages on the good pages' host would
    hold its two slots): robots.txt 404, the good pages at once, the two others stalled
    while `stalling` is set (then served like the good ones)."""

    def __init__(self, hosts: list[str]) -> None:
        socks = [socket.create_server((h, 0)) for h in hosts]
        self.base = {path: f"http://{h}:{s.getsockname()[1]}"
                     for h, s, paths in zip(hosts, socks, [GOOD, [HEADERS_ONLY], [SILENT]],
                                            strict=True) for path in paths}
        self.stalling = True
        self.stalled = threading.Event()  # set once both stalled pages were asked
        self.asked: list[str] = []
        self._socks = socks
        self._held: list[socket.socket] = []
        self._stop = threading.Event()
        for sock in socks:
            threading.Thread(target=self._serve, args=(sock,), daemon=True).start()

    def url(self, path: str) -> str:
        return self.base[path] + path

    def _serve(self, sock: socket.socket) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = conn.recv(4096)
            if not chunk:
                conn.close()
                return
            head += chunk
        path = head.split(b" ", 2)[1].decode()
        self.asked.append(path)
        if path in (HEADERS_ONLY, SILENT) and self.stalling:
            if path == HEADERS_ONLY:
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8"
                             b"\r\nContent-Length: 40000\r\n\r\n<html><head>")
            self._held.append(conn)  # kept open, silent, until the test ends
            if HEADERS_ONLY in self.asked and SILENT in self.asked:
                self.stalled.set()
            return
        if path in ARTICLES:
            body, status = render(path), b"200 OK"
        else:
            body, status = b"", b"404 Not Found"
        conn.sendall(b"HTTP/1.1 " + status + b"\r\nContent-Type: text/html; charset=utf-8"
                     b"\r\nContent-Length: " + str(len(body)).encode()
                     + b"\r\nConnection: close\r\n\r\n" + body)
        conn.close()

    def close(self) -> None:
        self._stop.set()
        for sock in self._socks:
            sock.close()
        for conn in self._held:
            conn.close()


def _env(prefect_server: dict[str, str]) -> dict[str, str]:
    return {**os.environ, **prefect_server, "PYTHONPATH": str(ROOT),
            "PRESSROOM_ALLOWED_NETWORKS": '["127.0.0.0/8"]', "PRESSROOM_BATCH_SIZE": "2",
            "PRESSROOM_REQUEST_TIMEOUT_S": DEADLINE_S, "PRESSROOM_MAX_RETRIES": "0"}


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], env=env, cwd=ROOT,
                          capture_output=True, timeout=600)


def _sql(wh: Path, query: str, env: dict[str, str]) -> str:
    done = _cli("sql", query, "-w", str(wh), env=env)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    return done.stdout.decode()


def _wait_for(what, limit_s: float) -> bool:
    deadline = time.monotonic() + limit_s
    while not what():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_stop_during_stalled_fetches_exits_and_the_rerun_resumes(
        tmp_path, prefect_server, signum, code):
    site = StallingSite(["127.0.0.57", "127.0.0.58", "127.0.0.59"])
    try:
        _stop_and_resume(site, tmp_path, _env(prefect_server), signum, code)
    finally:
        site.close()


def _stop_and_resume(site: StallingSite, tmp_path: Path, env: dict[str, str], signum: int,
                     code: int) -> None:
    wh = tmp_path / "wh"
    urls = tmp_path / "stall.urls"
    urls.write_text("".join(site.url(p) + "\n" for p in [*GOOD, HEADERS_ONLY, SILENT]),
                    encoding="utf-8")
    log = tmp_path / "stopped.err"
    with log.open("wb") as errs:  # a file, not a pipe nobody reads while the run goes on
        proc = subprocess.Popen([sys.executable, "-m", "flows.cli", "ingest", str(urls), "-w",
                                 str(wh)], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=errs, preexec_fn=ctrl_c_reaches_it)
    try:
        # the first batch (the good pages) committed, the second's fetches stalled
        assert _wait_for(lambda: site.stalled.is_set()
                         and list((wh / "manifests").glob("*.b00001.json")), 300), \
            ("the run never reached its stalled batch", site.asked,
             log.read_text(errors="replace")[-3000:])
        proc.send_signal(signum)
        # generous: without the fix the run waits out the 600 s deadline
        proc.wait(timeout=150)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    errs = log.read_text(errors="replace")
    assert proc.returncode == code, errs[-3000:]
    assert "Traceback" not in errs, errs[-3000:]
    # the committed batch is whole; nothing of the stalled one was committed, so the
    # rerun asks its URLs again (the resume protocol: a batch in flight is lost, not torn)
    logged = _sql(wh, "SELECT count(*) AS n FROM fetch_log WHERE url LIKE '%/news/ferry%' "
                  "OR url LIKE '%/news/marathon%'", env)
    assert "0" in logged.split(), logged
    kept = _sql(wh, "SELECT count(*) AS n FROM articles", env)
    assert "2" in kept.split(), kept
    site.stalling = False
    asked_before = len(site.asked)
    again = _cli("ingest", str(urls), "-w", str(wh), env=env)
    summary = " ".join(again.stdout.decode().split())
    assert again.returncode == 0, again.stderr.decode()[-3000:] + summary[-1500:]
    assert "inputs 4 = kept 2 + rejected 0 + failed fetches 0 + already in warehouse 2" \
        in summary, summary[-1500:]
    assert sorted(p for p in site.asked[asked_before:] if p in ARTICLES) == sorted(
        [HEADERS_ONLY, SILENT])  # asked again, the kept ones not
