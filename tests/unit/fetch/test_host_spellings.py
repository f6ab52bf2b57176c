"""Fault round 21: one server under several spellings of its name keeps one politeness.

`news.example.` (the root's trailing dot) and `news.example`, `bücher.example` and its
punycode `xn--bcher-kva.example` are the same names looked up; keyed by the name as
written they were two hosts: robots.txt fetched twice, and two requests at the same
moment under a 1 s per-host delay and a cap of 1."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@pytest.mark.parametrize("spellings", [
    ("news.example", "news.example.", "NEWS.Example", "news.example.."),
    ("bücher.example", "xn--bcher-kva.example", "XN--BCHER-KVA.example.", "bu\u0308cher.example"),
])
def test_the_spellings_of_one_server_are_one_key(spellings) -> None:
    from tasks.common.urls import server_key

    assert len({server_key(h) for h in spellings}) == 1


def test_the_spellings_of_one_origin_are_one_origin() -> None:
    from tasks.fetch.robots import origin_key

    same = ["https://news.example/a", "https://news.example.:443/b", "HTTPS://NEWS.example/c"]
    assert len({origin_key(u) for u in same}) == 1
    others = ["http://news.example/a", "https://news.example:8443/a", "https://other.example/"]
    assert len({origin_key(u) for u in [same[0], *others]}) == 4


def test_one_server_under_several_spellings_keeps_one_delay_and_one_robots_txt(
        monkeypatch) -> None:
    from schemas import DOCUMENTS, conform
    from tasks.common.settings import Settings, settings_slice
    from tasks.fetch import FetchConfig, run

    hits: list[tuple[float, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server API
            hits.append((time.monotonic(), self.path))
            body = (b"User-agent: *\nAllow: /\n" if self.path == "/robots.txt"
                    else b"<html><body><p>" + b"word " * 300 + b"</p></body></html>")
            self.send_response(200 if self.path != "/.well-known/tdmrep.json" else 404)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    real = socket.getaddrinfo

    def loopback(host, *args, **kwargs):  # every *.example name is this server
        name = host.decode() if isinstance(host, bytes) else host
        return real("127.0.0.1" if name and name.rstrip(".").endswith(".example") else host,
                    *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", loopback)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_port
        urls = [f"http://{host}:{port}/{i}" for i, host in enumerate(
            ("news.example", "news.example.", "bücher.example", "xn--bcher-kva.example"))]
        config = replace(settings_slice(FetchConfig, Settings()), read_tdmrep=False,
                         allowed_networks=["127.0.0.0/8"], per_host_delay_s=0.6,
                         per_host_concurrency=1)
        docs = conform([{"input_key": u, "url": u, "source_kind": "url", "source": "t"}
                        for u in urls], DOCUMENTS, "documents")
        result = run(docs, config, "r21")
    finally:
        server.shutdown()
        server.server_close()
    assert [r["error"] for r in result.fetch_log] == [None] * 4
    assert [path for _, path in hits].count("/robots.txt") == 2  # one per server
    starts = {path: t for t, path in hits}
    for a, b in (("/0", "/1"), ("/2", "/3")):  # the same server's two pages
        assert abs(starts[a] - starts[b]) >= 0.5, (a, b, starts)


# --- seed 55: the keys on their own -----------------------------------------------------

@pytest.mark.parametrize(("url", "key"), [
    ("https://NEWS.example./a", "news.example"),
    ("http://xn--bcher-kva.example:8080/b", "bücher.example"),
    ("http://[::1/x", ""),  # urlsplit refuses it: a queue of its own, never a host's
    ("https:///a", ""),  # no host at all (a template's URL): no server's queue either
])
def test_a_batchs_queue_is_keyed_by_the_server(url, key) -> None:
    from tasks.fetch.client import _host_key

    assert _host_key(url) == key


@pytest.mark.parametrize(("url", "origin"), [
    ("HTTPS://News.Example.:443/x", "https://news.example:443"),
    ("https://news.example:99999/a", "https://news.example:99999"),  # no port: its own
    ("https:///a", "https://:443"),  # no host: no server's origin
])
def test_an_origin_key_names_scheme_server_and_port(url, origin) -> None:
    from tasks.fetch.robots import origin_key

    assert origin_key(url) == origin
