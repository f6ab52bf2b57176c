"""A fetch under a low limit of open files (fault round 37): a process whose
RLIMIT_NOFILE (`ulimit -n`) leaves room for fewer connections than max_concurrency
fetches every page, fewer at a time, and says so. Before, 32 connections were opened
whatever the limit: the ones past it failed as the server's `connect_error`, or as an
unreachable robots.txt, and the run lost those pages.

The fetch runs in a child process (the limit is the process's), over a real HTTP server
on 127.0.0.1 that answers each page after 0.5 s, so that the connections overlap."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """tests.site's server with a listen backlog for 64 connections at once: at its
    default of 5, connections past it waited for the client's SYN to be sent again (1 s)
    and the fetch never had more than ~7 in flight."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler, bind_and_activate=False)
    server.request_queue_size = 64
    server.daemon_threads = True
    server.server_bind()
    server.server_activate()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()

CHILD = r"""
import json, resource, sys
from schemas import DOCUMENTS, conform
from tasks.common.settings import Settings, settings_slice
from tasks.fetch import FetchConfig, run
from tasks.fetch.descriptors import files_open

urls = json.loads(sys.argv[1])
cfg = settings_slice(FetchConfig, Settings(
    allowed_networks=["127.0.0.0/8"], per_host_concurrency=32, max_concurrency=32,
    per_host_delay_s=0, max_retries=0, request_timeout_s=20))
docs = conform([{"input_key": u, "url": u, "source_kind": "url", "source": "l.urls"}
                for u in urls], DOCUMENTS, "documents")
# Room for 20 more files than are open now: fewer than 32 connections.
limit = files_open() + 20
resource.setrlimit(resource.RLIMIT_NOFILE, (limit, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))
res = run(docs, cfg, "r37")
print(json.dumps({"errors": [[r["error"], r["error_detail"]] for r in res.fetch_log if r["error"]],
                  "passed": res.counts["passed"], "notes": res.notes}))
"""


@pytest.fixture
def slow_pages() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            if self.path == "/robots.txt" or self.path.startswith("/.well-known/"):
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            time.sleep(0.5)
            body = (f"<html><head><title>{self.path}</title></head><body><p>Story "
                    f"{self.path}.</p></body></html>").encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    with serving(Handler) as base:
        yield base


def test_a_low_limit_of_open_files_fetches_every_page_fewer_at_a_time(slow_pages) -> None:
    urls = [f"{slow_pages}/s{i}" for i in range(64)]
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root), "NO_PROXY": "127.0.0.1,localhost"}
    out = subprocess.run([sys.executable, "-c", CHILD, json.dumps(urls)], cwd=root, env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["errors"] == []  # before: 30-40 of 64 `connect_error` "[Too many open files]"
    assert got["passed"] == 64
    assert any("connection(s) at a time instead of max_concurrency=32" in n
               and "ulimit -n" in n for n in got["notes"]), got["notes"]
