"""A refresh of a page whose archived Last-Modified or ETag holds a control character
(fault round 48): the value went back in If-Modified-Since / If-None-Match, which the
HTTP client refuses to send ("ValueError: Forbidden control character detected in
headers. Potential header injection attack."): an `invalid_url` failure, at every
`pressroom ingest --refresh` of that page."""

from __future__ import annotations

from dataclasses import replace
from http.server import BaseHTTPRequestHandler

import pytest

from schemas import DOCUMENTS, FETCH_LOG, conform
from tasks.common.settings import Settings, settings_slice
from tasks.fetch import FetchConfig, run
from tasks.fetch.client import http_request_head, http_response_head
from tasks.storage.archive import WarcWriter
from tasks.storage.publish import publish_run
from tasks.storage.warehouse import fetch_history
from tests.integration.faultserver import story
from tests.site import serving
from tests.unit.storage.test_warehouse import NOW, _log, _manifest

PAGE = story("refresh", "Refreshed story").encode()
# A loopback address of this file's own: the fetch stage keeps per-host politeness
# (Retry-After, Crawl-delay) for the whole process, and earlier tests share 127.0.0.1.
HOST = "127.0.0.47"


def _archive(root, url: str, headers: list[tuple[bytes, bytes]]) -> None:
    writer = WarcWriter(root / "raw", "r")
    head = http_response_head("1.1", 200, "OK", [(b"Content-Type", b"text/html"), *headers])
    req = http_request_head("GET", "/a", [("Host", "127.0.0.1")])
    file, offset = writer.write_exchange(url, req, head, PAGE, when=NOW)
    writer.close()
    publish_run(root, {"fetch_log": conform([_log(url, NOW, warc=(f"raw/{file}", offset))],
                                            FETCH_LOG, "fetch_log")}, _manifest("r", NOW))


class _Page(BaseHTTPRequestHandler):
    asked: list[dict] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        if self.path != "/a":
            self.send_error(404)
            return
        _Page.asked.append({k: v for k, v in self.headers.items() if k.startswith("If-")})
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args) -> None:
        pass


@pytest.mark.parametrize(("header", "value"), [
    (b"Last-Modified", b"Thu, 02 May 2024 08:00:00 GMT\x7f"),
    (b"ETag", b'"v\x01"'), (b"ETag", b'"a\rb"')])
def test_a_refresh_leaves_out_a_validator_no_request_can_carry(tmp_path, header, value):
    _Page.asked = []
    with serving(_Page, HOST) as base:
        url = f"{base}/a"
        _archive(tmp_path, url, [(header, value), (b"X-Other", b"kept")])
        history = fetch_history(tmp_path, {url}, with_validators=True)
        assert history[url].validators == {}
        config = replace(settings_slice(FetchConfig, Settings()),
                         allowed_networks=["127.0.0.0/8"], per_host_delay_s=0.0,
                         refresh=True)
        docs = conform([{"input_key": "k", "url": url, "source_kind": "url", "source": "t"}],
                       DOCUMENTS, "documents")
        result = run(docs, config, "r48v", history=history)
    (row,) = result.fetch_log
    assert (row["status"], row["error"]) == (200, None), row
    assert _Page.asked == [{}]  # a plain GET


def test_validators_without_control_characters_still_go_back(tmp_path):
    """The guard: a Last-Modified of year 1 or 9999 and an ETag with a tab and non-ASCII
    bytes are sent back as archived, as before."""
    url = "https://a.example/a"
    _archive(tmp_path, url, [(b"Last-Modified", b"Mon, 01 Jan 0001 00:00:00 GMT"),
                             (b"ETag", b'"a\tb"')])
    got = fetch_history(tmp_path, {url}, with_validators=True)[url].validators
    assert got == {"If-Modified-Since": "Mon, 01 Jan 0001 00:00:00 GMT",
                   "If-None-Match": '"a\tb"'}
