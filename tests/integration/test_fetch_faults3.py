"""Fault round 3 of the fetch stage: redirects to other schemes and odd Locations, 204 and
300, Retry-After as an HTTP date or an absurd number, a body that stalls, a chunked body
over the cap, brotli and deflate variants, charsets that disagree, odd heads, robots.txt
statuses, a JSON Feed. Same fault server and helpers as test_fetch_faults.py, on hosts of
their own (that module's hosts fill 127.0.0.0/25), in one batch beside normal pages.
"""

from __future__ import annotations

import re

import pytest

from schemas.tables import DOCUMENTS, conform
from tasks.common.charset import decode
from tests.integration.faultserver import FaultServer
from tests.integration.test_fetch_faults import (
    DEADLINE,
    NORMAL_HOSTS,
    by_url,
    documents,
    fetch,
    settings,
)

# path -> the error kind it must end with (None: the page)
FAULTS3: dict[str, str | None] = {
    "/to-scheme/data": "scheme_not_allowed",   # a redirect to data:, javascript:, mailto:,
    "/to-scheme/js": "scheme_not_allowed",     # ftp: names no web page to fetch
    "/to-scheme/mailto": "scheme_not_allowed",
    "/to-scheme/ftp": "scheme_not_allowed",
    "/location-spaces": None,                  # spaces in the Location: percent-encoded
    "/location-utf8": None,                    # raw UTF-8 bytes in the Location path
    "/location-empty": "bad_redirect",         # "Location:" with no value
    "/300-no-location": "bad_redirect",        # Multiple Choices, nothing to follow
    "/204": "no_content",                      # 204 to a plain GET
    "/429-date": "http_429",                   # Retry-After an HTTP date an hour ahead
    "/503-date-past-then-ok": None,            # ... an HTTP date in the past: retried
    "/429-huge": "http_429",                   # ... a 400-digit number
    "/429-junk-then-ok": None,                 # ... "soon": backoff, retried
    "/stall": "timeout_body",                  # half the body, then silence
    "/over-cap-chunked": "too_large",          # chunked, no Content-Length, over the cap
    "/br-cut": "truncated",                    # brotli data cut short, transfer whole
    "/deflate-zlib": None,                     # deflate as RFC 9110 means it (zlib)
    "/gzip-as-br": None,                       # labelled br, the body is gzip (round 4:
                                               # read by its magic; was bad_compression)
    "/bom-vs-header": None,                    # UTF-8 BOM, header says iso-8859-1
    "/utf16-bom-vs-header": None,              # UTF-16LE BOM, header says utf-8
    "/meta-late": None,                        # windows-1252, its meta after 1024 bytes
    "/meta-late-lies": None,                   # UTF-8 bytes, a late meta saying latin-1
    "/two-ctypes": None,                       # two Content-Type headers
    "/ctype-empty-charset": None,              # "charset=" with no value
    "/no-reason": None,                        # "HTTP/1.1 200" without a reason phrase
    "/cookie-bounce": None,                    # a cookie set by a redirect to itself
    "/to-fragment": "redirect_loop",           # a redirect to "#top" of itself
    "/scheme-relative": None,                  # Location: //host:port/path
    "/many-headers": "protocol_error",         # 500 header lines
    "/cl-zero-body": "protocol_error",         # Content-Length: 0, then a body
}
FIRST_HOST = 2 + len(NORMAL_HOSTS)
HOSTS3 = {path: FIRST_HOST + i for i, path in enumerate(FAULTS3)}
# robots.txt answered with a status or an odd file (RFC 9309: 4xx unavailable, so
# allowed; 429 like 5xx unreachable, so disallowed)
ROBOTS3 = {"status:401": None, "status:403": None, "status:418": None,
           "status:429": "robots_server_error", "empty": None, "redirect-no-location": None}
ROBOTS_HOSTS3 = {rule: 100 + i for i, rule in enumerate(ROBOTS3)}
assert max(HOSTS3.values()) < 100 and max(ROBOTS_HOSTS3.values()) < 128


@pytest.fixture(scope="module")
def server3():
    robots = {host: rule for rule, host in ROBOTS_HOSTS3.items()}
    srv = FaultServer([*NORMAL_HOSTS, *HOSTS3.values(), *robots], robots=robots).start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def run3(server3, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("faults3")
    urls = [server3.url(HOSTS3[p], p) for p in FAULTS3]
    normal = [server3.url(h, f"/ok/{i}") for h in NORMAL_HOSTS for i in range(3)]
    robots = [server3.url(h, "/ok/robots-case") for h in ROBOTS_HOSTS3.values()]
    result = fetch(documents(urls + normal + robots), settings(tmp), "run-faults3")
    return result, normal


def _url(server3, path: str) -> str:
    return server3.url(HOSTS3[path], path)


def test_each_round3_fault_ends_with_its_own_kind(run3, server3) -> None:
    result, normal = run3
    log = by_url(result.fetch_log)
    assert {p: log[_url(server3, p)]["error"] for p in FAULTS3} == FAULTS3
    docs = {r["url"]: r for r in result.table.to_pylist()}
    for path, kind in FAULTS3.items():
        assert (_url(server3, path) in docs) == (kind is None), path
    # the normal pages of the same batch are all there
    assert all(log[u]["error"] is None and u in docs for u in normal)


def test_robots_statuses_round3(run3, server3) -> None:
    result, _ = run3
    log = by_url(result.fetch_log)
    got = {rule: log[server3.url(host, "/ok/robots-case")]["error"]
           for rule, host in ROBOTS_HOSTS3.items()}
    assert got == ROBOTS3


def test_redirects_name_the_address_requested(run3, server3) -> None:
    """A Location with spaces or raw UTF-8 is requested percent-encoded, and fetch_log
    and the document name that address (it kept the raw spaces, which a WARC-Target-URI
    cannot hold)."""
    result, _ = run3
    log = by_url(result.fetch_log)
    host = HOSTS3["/location-spaces"]
    spaces = log[_url(server3, "/location-spaces")]
    assert spaces["redirects"] == [server3.url(host, "/ok/with%20space/a%20b?q=x%20y")]
    assert spaces["final_url"] == spaces["redirects"][0]
    hits = [h.path for h in server3.hits_for(host)]
    assert "/ok/with%20space/a%20b?q=x%20y" in hits
    utf8 = log[_url(server3, "/location-utf8")]
    assert utf8["final_url"].endswith("/ok/z%C3%BCrich/%E2%82%AC")
    for name in ("data", "js", "mailto", "ftp"):  # never fetched, the scheme named
        row = log[_url(server3, f"/to-scheme/{name}")]
        assert row["error_detail"].startswith("scheme "), row


def test_retry_after_dates_and_absurd_values(run3, server3) -> None:
    result, _ = run3
    log = by_url(result.fetch_log)
    late = log[_url(server3, "/429-date")]  # an hour ahead: over the cap, not waited
    assert late["attempts"] == 1
    assert re.search(r"Retry-After 3[56]\d\ds exceeds the cap of 2s$", late["error_detail"])
    huge = log[_url(server3, "/429-huge")]
    assert huge["attempts"] == 1
    assert huge["error_detail"].endswith("Retry-After of more than 30 years exceeds the cap "
                                         "of 2s"), huge  # it said "infs"
    assert log[_url(server3, "/503-date-past-then-ok")]["attempts"] == 2
    assert log[_url(server3, "/429-junk-then-ok")]["attempts"] == 2


def test_a_stalled_body_says_which_limit_and_how_far_it_got(run3, server3) -> None:
    result, _ = run3
    row = by_url(result.fetch_log)[_url(server3, "/stall")]
    assert row["attempts"] == 1 and row["elapsed_ms"] >= DEADLINE * 1000 - 10
    # it said "while reading the body: TimeoutError: " and nothing more
    assert row["error_detail"].startswith(
        f"while reading the body: no end within the {DEADLINE:g} s deadline, "), row
    assert row["error_detail"].endswith(" declared") and " bytes of the body read of " in \
        row["error_detail"]


def test_codings_and_charsets_round3(run3, server3) -> None:
    result, _ = run3
    log = by_url(result.fetch_log)
    docs = {r["url"]: r for r in result.table.to_pylist()}
    cut = log[_url(server3, "/br-cut")]  # as a gzip body cut short (it was bad_compression)
    assert cut["error_detail"].startswith("br: the compressed data stops before its end")
    for path in ("/bom-vs-header", "/utf16-bom-vs-header", "/meta-late", "/meta-late-lies"):
        doc = docs[_url(server3, path)]
        assert "Zürich café" in decode(doc["body"], doc["encoding"]), (path, doc["encoding"])
    assert docs[_url(server3, "/meta-late-lies")]["encoding"] == "utf-8"  # it was cp1252
    assert docs[_url(server3, "/deflate-zlib")]["body"].endswith(b"</html>")


def test_a_json_feed_is_fetched_as_a_discovery_input(server3, tmp_path) -> None:
    """A JSON Feed under application/feed+json was unsupported_content_type."""
    url = server3.url(NORMAL_HOSTS[0], "/feed.json")
    docs = conform([{"input_key": url, "url": url, "source_kind": "feed", "source": url}],
                   DOCUMENTS, "documents")
    result = fetch(docs, settings(tmp_path), "run-jsonfeed")
    assert result.fetch_log[0]["error"] is None, result.fetch_log[0]
    assert result.table.to_pylist()[0]["body"].startswith(b'{"version"')
