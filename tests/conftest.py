"""Shared fixtures: one Prefect test harness per session, a temporary warehouse, and a
small news site served on 127.0.0.1."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

from tests.site import NEWS_SITE, RSS  # noqa: E402


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    # Prefect sets its logging up when `prefect.main` is first imported, binding its
    # console handlers to the sys.stderr of that moment. Imported first inside a test
    # that uses capsys (the flows' `from prefect import flow`), they kept capsys's stream
    # and every later flow's log line failed on it once closed: a RecursionError in the
    # next Prefect test (test_credentials before test_backfill). Here, the session's.
    import prefect.main  # noqa: F401
    from prefect.testing.utilities import prefect_test_harness

    # 300 s: the temporary server starts in 17-25 s here, but over 120 s on a 2-core
    # machine whose cores another job holds; one failed start errors every test using it
    with prefect_test_harness(server_startup_timeout=300):
        yield


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory) -> Iterator[dict[str, str]]:
    """A real `prefect server start` on loopback, for tests that run `pressroom` as
    separate processes (each would otherwise start its own ephemeral server: 20-60 s on
    a loaded 2-core machine) and for schedules and Dask runs, which need a real server.
    Yields the environment a client process needs to use it."""
    import subprocess
    import sys
    import urllib.request

    port = _free_port()
    home = tmp_path_factory.mktemp("prefect-home")
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED":
           "false", "DO_NOT_TRACK": "1", "NO_PROXY": "127.0.0.1,localhost",
           "no_proxy": "127.0.0.1,localhost", "PREFECT_SERVER_API_HOST": "127.0.0.1",
           "PREFECT_SERVER_API_PORT": str(port)}
    env.pop("PREFECT_API_URL", None)
    exe = Path(sys.executable).with_name("prefect")
    log = open(home / "server.log", "wb")  # noqa: SIM115 - closed below
    proc = subprocess.Popen([str(exe), "server", "start", "--host", "127.0.0.1", "--port",
                             str(port), "--no-ui", "--analytics-off"],
                            env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("prefect server did not start: "
                                   + (home / "server.log").read_text()[-2000:])
            time.sleep(0.5)
        yield {"PREFECT_API_URL": url, "PREFECT_HOME": str(home),
               "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
               "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    root = tmp_path / "warehouse"
    root.mkdir()
    return root


class SiteURL(str):
    """The site's base URL, carrying the list of paths it has served (to prove that a
    flow did, or did not, touch the network)."""

    hits: list[str]
    times: list[float]


class _SiteHandler(BaseHTTPRequestHandler):
    pages: dict[str, tuple[int, str, bytes]] = {}
    hits: list[str] = []
    times: list[float] = []  # when each request arrived, for politeness checks

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        self.hits.append(self.path)
        self.times.append(time.monotonic())
        path = self.path.split("?")[0]
        status, ctype, body = self.pages.get(path, (404, "text/html", b"<h1>Not found</h1>"))
        etag = '"%x"' % (hash(body) & 0xFFFFFFFF)
        if status == 200 and self.headers.get("If-None-Match") == etag:
            self.send_response(304)  # a conditional GET of an unchanged page
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(status)
        if status == 200:
            self.send_header("ETag", etag)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # keep test output clean
        pass


@pytest.fixture
def news_site() -> Iterator[str]:
    """A local news site: article pages with navigation, ads and comments; a 404; a PDF.
    Yields its base URL (http://127.0.0.1:<port>)."""
    pages = dict(NEWS_SITE)
    handler = type("Handler", (_SiteHandler,), {"pages": pages, "hits": [], "times": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = SiteURL(f"http://127.0.0.1:{server.server_port}")
    base.hits = handler.hits
    base.times = handler.times
    pages["/rss.xml"] = (200, "application/rss+xml", RSS.replace(b"{base}", base.encode()))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def seed_dump() -> Path:
    return Path(__file__).resolve().parent.parent / "seeds" / "000_a88de07e7e5ec5c5.txt"


# Property-based tests (tests/fuzz/): 300 cases per property keeps `make test` fast;
# HYPOTHESIS_PROFILE=thorough runs thousands (figures in RELIABILITY.md). Not a
# PRESSROOM_* name: those are settings, and an unknown one is refused.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("default", max_examples=300, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=5000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture
def ctrl_c_raises() -> Iterator[None]:
    """SIGINT as at a terminal (KeyboardInterrupt), for the tests that send a real Ctrl-C
    to this process: a test run from a background job has it ignored."""
    import signal

    old = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, old)
