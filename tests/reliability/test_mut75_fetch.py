"""Mutation seed 75: what the fetch stage does with a block page and with a compressed
body of no declared length (tasks/fetch/client.py, session 51's lines), on a real
loopback server: a block page whose meta refresh sends the browser on is a failed fetch,
the refresh not followed; a gzip page framed by the connection's end is fetched whole."""

from __future__ import annotations

import gzip
from dataclasses import replace
from http.server import BaseHTTPRequestHandler

from schemas import DOCUMENTS, conform
from tasks.common.settings import Settings, settings_slice
from tasks.fetch import FetchConfig, run
from tests.integration.faultserver import story
from tests.site import serving
from tests.unit.common.test_blockpage import CF_CHALLENGE

HOST = "127.0.0.52"
# Cloudflare's challenge with a refresh to the page the check would lead to
CHALLENGE = CF_CHALLENGE.replace(
    b"</head>", b'<meta http-equiv="refresh" content="0; url=/checked"></head>')
PAGE = story("mut75", "Council approves the budget").encode()


class _Site(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # a body without Content-Length ends with the connection
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if self.path == "/robots.txt":
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path == "/gzip":
            self.send_header("Content-Encoding", "gzip")
            self.end_headers()
            self.wfile.write(gzip.compress(PAGE))
            return
        body = CHALLENGE if self.path == "/challenge" else PAGE
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def _fetched(*paths: str):
    config = replace(settings_slice(FetchConfig, Settings()),
                     allowed_networks=["127.0.0.0/8"], per_host_delay_s=0.0)
    with serving(_Site, HOST) as url:
        docs = conform([{"input_key": p, "url": url + p, "source_kind": "url", "source": "t"}
                        for p in paths], DOCUMENTS, "documents")
        return run(docs, config, "r75")


def test_a_block_page_with_a_refresh_is_a_failed_fetch_and_the_refresh_not_followed():
    _Site.hits = []
    result = _fetched("/challenge")
    (row,) = result.fetch_log
    assert (row["status"], row["error"], row["redirects"]) == (200, "blocked_page", [])
    assert "/checked" not in _Site.hits and _Site.hits.count("/challenge") == 1
    assert result.table.num_rows == 0


def test_a_gzip_page_without_a_content_length_is_fetched_whole():
    result = _fetched("/gzip")
    (row,) = result.fetch_log
    assert row["error"] is None, row
    (body,) = result.table.column("body").to_pylist()
    assert body == PAGE
