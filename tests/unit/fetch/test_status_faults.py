"""Responses that are not what they claim: a 206 slice, an impossible status, a
Location that cannot be used as it is."""

from __future__ import annotations

import pytest

from tasks.fetch.failures import partial_content_problem


@pytest.mark.parametrize("content_range", ["bytes 0-99/100", "BYTES 0-0/1", " bytes 0-4999/5000 "])
def test_a_206_covering_the_whole_page_is_the_page(content_range):
    assert partial_content_problem(content_range) is None


@pytest.mark.parametrize("content_range, words", [
    (None, "without a Content-Range"),
    ("", "without a Content-Range"),
    ("bytes 0-99/5000", "not the whole page"),     # the first 100 bytes of 5000
    ("bytes 100-4999/5000", "not the whole page"),  # the page without its start
    ("bytes 0-99/*", "not the whole page"),          # total unknown: cannot be shown whole
    ("bytes 0-100/100", "not the whole page"),       # one byte past the end
    ("items 0-99/100", "not the whole page"),
])
def test_a_206_slice_is_refused_with_what_it_holds(content_range, words):
    detail = partial_content_problem(content_range)
    assert detail is not None and words in detail


@pytest.mark.parametrize("status", [600, 999, 1000])
def test_a_status_outside_http_is_not_retried(status):
    from tasks.fetch.failures import retryable

    assert retryable("bad_status", status) is False
    assert retryable(f"http_{status}", status) is False


BASE = "http://news.example/old/page"


@pytest.mark.parametrize("location, expected", [
    # latin-1 bytes as aiohttp hands them over (UTF-8 with surrogate escapes)
    ("/caf\udce9?q=\udce9t\udce9#\udce0", "http://news.example/caf%E9?q=%E9t%E9#%E0"),
    # UTF-8 in the path: the same byte-wise percent-encoding
    ("/bücher", "http://news.example/b%C3%BCcher"),
    # a UTF-8 host (an IDN) stays text for the URL library
    ("http://bücher.example/x", "http://bücher.example/x"),
    ("next", "http://news.example/old/next"),
])
def test_raw_bytes_of_a_location_are_percent_encoded(location, expected):
    from tasks.fetch.redirects import location_problem, redirect_target

    assert redirect_target(BASE, location) == expected
    assert location_problem(location) is None


def test_a_location_host_of_bytes_that_are_no_utf8_is_refused():
    from tasks.fetch.redirects import location_problem, redirect_target

    location = "http://b\udce9d\udcff.example/x"
    assert redirect_target(BASE, location) is None
    assert "host" in location_problem(location)


@pytest.mark.parametrize(("location", "target"), [
    ("\\news\\story.aspx", "https://a.example/news/story.aspx"),
    ("story2.aspx\\print", "https://a.example/news/story2.aspx/print"),
    ("https://b.example\\news\\x?q=a\\b#c\\d", "https://b.example/news/x?q=a\\b#c\\d"),
    ("\\\\b.example\\x", "https://b.example/x"),  # scheme-relative, as browsers read it
    ("/plain?q=\\", "https://a.example/plain?q=\\"),  # the query keeps its backslash
])
def test_backslashes_in_a_location_are_slashes_as_browsers_read_them(location, target) -> None:
    """Fault round 6: a Location with backslashes (IIS, Windows-built sites) was a relative
    name with %5C in it (http_404 for a page that exists), or, absolute, no usable URL."""
    from tasks.fetch.redirects import redirect_target

    assert redirect_target("https://a.example/news/old.aspx", location) == target


def test_a_backslash_in_another_schemes_location_is_left_alone() -> None:
    from tasks.fetch.redirects import backslashes_as_slashes

    assert backslashes_as_slashes("mailto:a\\b@example.org") == "mailto:a\\b@example.org"
    assert backslashes_as_slashes("C:\\news\\x") == "C:\\news\\x"


# Round 20: a 202 Accepted is no page.
# One loopback server for the tests below: `responses` maps a path to (status, headers,
# body); any other path (robots.txt) is a 404. The fetch stage runs over `paths` as
# configured for loopback.
Response = tuple[int | tuple[int, str], list[tuple[str, str]], bytes]


def fetch_from_loopback(responses: dict[str, Response], run_id: str, hits: list[str] | None = None,
                        host: str = "127.0.0.1", spans: list | None = None, **config_changes):
    """-> (the server's base URL, the fetch stage's result over every path of
    `responses`); `hits` collects the paths asked for; `host` names the server in the
    URLs; with `spans`, each page is answered after 0.3 s and its (start, end) times
    collected."""
    import threading
    import time
    from dataclasses import replace
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from schemas import DOCUMENTS, conform
    from tasks.common.settings import Settings, settings_slice
    from tasks.fetch import FetchConfig, run

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server API
            if hits is not None:
                hits.append(self.path)
            if self.path not in responses:  # robots.txt
                self.send_error(404)
                return
            status, headers, body = responses[self.path]
            if spans is not None:
                start = time.monotonic()
                time.sleep(0.3)
                spans.append((start, time.monotonic()))
            # a status may be (code, reason phrase)
            self.send_response(*(status if isinstance(status, tuple) else (status,)))
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    from tasks.common.urls import server_key
    from tasks.fetch.hosts import _HOSTS, _HOSTS_LOCK

    def forget_host() -> None:
        # politeness is kept per host name for the whole process (a port is no other
        # server): an earlier test's Crawl-delay or Retry-After for 127.0.0.1 would pace
        # this one (four pages 10 s apart in a full run)
        with _HOSTS_LOCK:
            _HOSTS.pop(server_key(host), None)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    forget_host()
    try:
        base = f"http://{host}:{server.server_port}"
        config = replace(settings_slice(FetchConfig, Settings()), **{
            "allowed_networks": ["127.0.0.0/8"], "per_host_delay_s": 0.0, **config_changes})
        docs = conform([{"input_key": p, "url": base + p, "source_kind": "url", "source": "t"}
                        for p in responses], DOCUMENTS, "documents")
        return base, run(docs, config, run_id)
    finally:
        server.shutdown()
        server.server_close()
        forget_host()


def test_a_202_accepted_is_a_failed_fetch_that_says_no_page_came() -> None:
    """AWS WAF's challenge answers 202 with a script page. Before: status 202, no error,
    the page passed on to the extraction, which rejected it "no main text found"."""
    from tasks.fetch.failures import retryable, status_error

    body = (b"<html><head><title>Human Verification</title></head><body><script>"
            b"challenge()</script></body></html>")
    headers = [("Content-Type", "text/html; charset=utf-8"), ("x-amzn-waf-action", "challenge")]
    hits: list[str] = []
    base, result = fetch_from_loopback({"/story": (202, headers, body)}, "r20", hits)
    url = base + "/story"
    (row,) = [r for r in result.fetch_log if r["url"] == url]
    assert (row["status"], row["error"]) == (202, "http_202")
    assert "sent no page" in row["error_detail"] and "AWS WAF" in row["error_detail"]
    assert result.table.num_rows == 0 and result.failed == 1
    assert hits.count("/story") == 1  # not retried: the next run's refetch asks again
    assert status_error(202) == "http_202" and not retryable("http_202", 202)


def test_a_200_carrying_the_part_its_content_range_names_is_partial_content() -> None:
    """Fault round 21: a cache or proxy that fills itself by ranges answered a plain GET
    with one part and a 200 that kept the part's Content-Range. Before: the first 1,000
    bytes (or a middle part, no head) kept as the page, no error. A stale Content-Range
    beside the whole page leaves the page."""
    page = (b"<html><head><title>Flood</title></head><body><article><h1>Flood</h1>"
            + b"<p>The council met on Tuesday to debate the flood defences.</p>" * 60
            + b"</article></body></html>")
    total = len(page)
    parts = {"/head": (page[:1000], f"bytes 0-999/{total}"),
             "/middle": (page[1000:2000], f"bytes 1000-1999/{total}"),
             "/stale": (page, f"bytes 0-999/{total}")}
    base, result = fetch_from_loopback(
        {path: (200, [("Content-Type", "text/html; charset=utf-8"), ("Content-Range", value)],
                body) for path, (body, value) in parts.items()}, "r21")
    log = {r["url"][len(base):]: r for r in result.fetch_log}
    assert [(p, log[p]["status"], log[p]["error"]) for p in parts] == [
        ("/head", 200, "partial_content"), ("/middle", 200, "partial_content"),
        ("/stale", 200, None)]
    assert "bytes 1000-1999 of" in log["/middle"]["error_detail"]
    assert [r["url"][len(base):] for r in result.table.to_pylist()] == ["/stale"]


def test_a_page_under_a_content_type_browsers_cannot_read_is_sniffed_as_one() -> None:
    """Fault round 21: a Content-Type that is no MIME type (PHP's `text/html
    charset=utf-8`, the semicolon forgotten; `text/html:charset=utf-8`; `html`) or an
    unknown one (`*/*`, `unknown/unknown`) over an HTML page. Before: each an
    `unsupported_content_type`, the page lost, where browsers sniff and show it. Plain
    text under such a label is still refused, saying what the label was; a valid type
    nobody shows (`text/x-html`) is still that type."""
    page = (b"<!DOCTYPE html><html><head><title>Flood</title></head><body><article>"
            + b"<p>The council met on Tuesday to debate the flood defences.</p>" * 30
            + b"</article></body></html>")
    served = {"/php": ("text/html charset=utf-8", page),
              "/colon": ("text/html:charset=utf-8", page), "/word": ("html", page),
              "/any": ("*/*", page), "/unknown": ("unknown/unknown", page),
              "/text": ("text/html charset=utf-8", b"Just a line of plain text, no page."),
              "/x-html": ("text/x-html", page)}
    base, result = fetch_from_loopback(
        {path: (200, [("Content-Type", ctype)], body) for path, (ctype, body) in served.items()},
        "r21", per_host_concurrency=8)
    log = {r["url"][len(base):]: r for r in result.fetch_log}
    assert {p: log[p]["error"] for p in served} == {
        "/php": None, "/colon": None, "/word": None, "/any": None, "/unknown": None,
        "/text": "unsupported_content_type", "/x-html": "unsupported_content_type"}
    assert "'text/html charset=utf-8', no media type a browser takes" in log["/text"][
        "error_detail"]
    kept = {r["url"][len(base):]: (r["content_type"], r["encoding"])
            for r in result.table.to_pylist()}
    assert kept == {p: ("text/html", "utf-8") for p in ("/php", "/colon", "/word", "/any",
                                                       "/unknown")}


def test_a_page_whose_head_holds_a_header_line_over_8190_bytes_is_fetched() -> None:
    """Fault round 22: a Content-Security-Policy naming every ad server (16 KB), a consent
    cookie of 10 KB, a Link header preloading 300 scripts (14 KB). Before: aiohttp's
    8190-byte line limit made each a `protocol_error` "a header line longer than 8190
    bytes", the page lost, where browsers take up to 256 KB of headers. A Location of
    20,000 characters is now read, and refused unsent as any URL over 8000 characters."""
    page = (b"<!DOCTYPE html><html><head><title>Flood</title></head><body><article>"
            + b"<p>The council met on Tuesday to debate the flood defences.</p>" * 30
            + b"</article></body></html>")
    html = ("Content-Type", "text/html; charset=utf-8")
    csp = "default-src 'self'; script-src 'self' " + " ".join(
        f"https://cdn{i}.ads.example" for i in range(600))
    link = ", ".join(f"</static/chunk-{i}.js>; rel=preload; as=script" for i in range(300))
    served = {"/csp": (200, [html, ("Content-Security-Policy", csp)], page),
              "/cookie": (200, [html, ("Set-Cookie", f"consent={'a' * 10_000}; Path=/")], page),
              "/link": (200, [html, ("Link", link)], page),
              "/far": (302, [("Location", "/" + "x" * 20_000)], b"")}
    assert min(len(headers[-1][1]) for _, headers, _ in served.values()) > 8190
    base, result = fetch_from_loopback(served, "r22", per_host_concurrency=8)
    log = {r["url"][len(base):]: r for r in result.fetch_log}
    assert {p: (log[p]["status"], log[p]["error"]) for p in served} == {
        "/csp": (200, None), "/cookie": (200, None), "/link": (200, None),
        "/far": (302, "url_too_long")}
    assert sorted(r["url"][len(base):] for r in result.table.to_pylist()) == [
        "/cookie", "/csp", "/link"]


def test_backslashes_are_slashes_up_to_the_first_question_mark_only() -> None:
    # seed 56: a query that holds a second "?" keeps every backslash after the first
    from tasks.fetch.redirects import backslashes_as_slashes

    assert backslashes_as_slashes("\\news\\x?next=\\a\\b?c") == "/news/x?next=\\a\\b?c"
    assert backslashes_as_slashes("\\news\\x?q=\\a#top\\b?c") == "/news/x?q=\\a#top\\b?c"


# Mutation seed 57: the session's settings that only a whole fetch shows.
_PAGE = (b"<!DOCTYPE html><html><head><title>Flood</title></head><body><article>"
         + b"<p>The council met on Tuesday to debate the flood defences.</p>" * 30
         + b"</article></body></html>")
_HTML = ("Content-Type", "text/html; charset=utf-8")


def test_a_status_line_over_8190_bytes_is_read() -> None:
    """A reason phrase of 9,000 characters: the status line is a header line too
    (`MAX_HEADER_LINE_BYTES`, aiohttp's max_line_size), where 8190 made it a
    `protocol_error`."""
    served = {"/long": ((200, "OK " + "x" * 9000), [_HTML], _PAGE)}
    base, result = fetch_from_loopback(served, "s57")
    assert [(r["status"], r["error"]) for r in result.fetch_log] == [(200, None)]
    assert [r["url"] for r in result.table.to_pylist()] == [base + "/long"]


def test_a_gzip_page_is_decoded_once_and_no_proxy_of_the_environment_is_used(
        monkeypatch) -> None:
    """The session decodes no Content-Encoding itself (the fetcher does, with a cap, and
    archives the bytes as sent), and takes no proxy from the environment (one would
    resolve names past the address guard): here a proxy that refuses every connection."""
    import gzip

    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")
    packed = gzip.compress(_PAGE)
    served = {"/gz": (200, [_HTML, ("Content-Encoding", "gzip")], packed)}
    base, result = fetch_from_loopback(served, "s57")
    # the bytes as sent counted (decoded by aiohttp, they were the page's 1983)
    assert [(r["status"], r["error"], r["bytes"]) for r in result.fetch_log] == [
        (200, None, len(packed))]
    [row] = result.table.to_pylist()
    assert row["url"] == base + "/gz" and b"flood defences" in row["body"]


def test_a_name_resolving_to_a_forbidden_address_is_refused_at_connection() -> None:
    """The session's connector resolves names through the address guard: `localhost`,
    with no loopback network allowed, is a `blocked_address`, never asked."""
    hits: list[str] = []
    _, result = fetch_from_loopback({"/p": (200, [_HTML], _PAGE)}, "s57", hits,
                                    host="localhost", allowed_networks=[])
    assert [r["error"] for r in result.fetch_log] == ["blocked_address"]
    assert hits == [] and result.table.num_rows == 0


def test_a_hosts_pages_are_fetched_side_by_side_up_to_its_concurrency() -> None:
    """The connector sets no per-host cap of its own (the HostGate keeps
    per_host_concurrency), and a request's turn passes to the next one once its headers
    are sent (the trace's on_request_headers_sent), not once its response is read: four
    pages answered after 0.3 s each overlap. One at a time, they did not."""
    spans: list[tuple[float, float]] = []
    served = {f"/p{i}": (200, [_HTML], _PAGE) for i in range(4)}
    _, result = fetch_from_loopback(served, "s57", spans=spans, per_host_concurrency=4)
    assert [r["error"] for r in result.fetch_log] == [None] * 4
    most = max(sum(1 for s, e in spans if s <= at < e) for at, _ in spans)
    assert most >= 2, spans


@pytest.mark.parametrize(("current", "location", "expected"), [
    ("http://a.example/x", "https:/news.example/b", "https://news.example/b"),
    ("http://a.example/x", "HTTPS:/news.example/b", "https://news.example/b"),
    ("http://a.example/x", "https:news.example/b", "https://news.example/b"),
    ("http://a.example/x", "https:///news.example/b", "https://news.example/b"),
    ("https://a.example/x", "http:/news.example/b", "http://news.example/b"),
    ("http://a.example/x", "http:///news.example/b", "http://news.example/b"),
])
def test_a_location_whose_double_slash_is_short_or_long_names_its_host(current, location,
                                                                     expected):
    """Fault round 28 (round 27's known item): a Location with its `//` collapsed or
    doubled (a rewrite rule's typo). Before: "https:/news.example/b" was kept as written,
    a URL with no host; "http:///news.example/b" a path on the current host
    (http://a.example/news.example/b, a 404). Now as the WHATWG URL parser (browsers)
    reads them: the host."""
    from tasks.fetch.redirects import redirect_target

    assert redirect_target(current, location) == expected


@pytest.mark.parametrize(("location", "expected"), [
    ("http:/news.example/b", "http://a.example/news.example/b"),  # the same scheme: a path
    ("http:b", "http://a.example/b"),
    ("https://news.example/b", "https://news.example/b"),
    ("https:", "https:"),
])
def test_a_location_of_the_pages_own_scheme_and_one_slash_is_a_path(location, expected):
    """As before (and as WHATWG reads them): one slash or none after the page's own
    scheme is a path on its host."""
    from tasks.fetch.redirects import redirect_target

    assert redirect_target("http://a.example/x", location) == expected


def test_backslashes_in_an_http_or_https_location_of_any_case_are_slashes() -> None:
    # seed 66: both web schemes are read as special URLs, whatever their letter case
    from tasks.fetch.redirects import backslashes_as_slashes

    assert backslashes_as_slashes("http://a.example\\news\\x?q=\\") == (
        "http://a.example/news/x?q=\\")
    assert backslashes_as_slashes("HTTP:\\\\a.example\\x") == "HTTP://a.example/x"
    assert backslashes_as_slashes("https://a.example\\news\\x#\\") == (
        "https://a.example/news/x#\\")
    assert backslashes_as_slashes("ftp://a.example\\x") == "ftp://a.example\\x"


def test_a_redirect_to_port_0_is_a_bad_redirect_not_a_connection_retried() -> None:
    """Fault round 47: `Location: http://127.0.0.1:0/x` (a server's template whose port
    was never filled) was followed: a connection to port 0, refused, retried with backoff,
    logged as a connect error and fetched again after every `refetch_failed_after_hours`."""
    hits: list[str] = []
    base, result = fetch_from_loopback(
        {"/story": (301, [("Location", "http://127.0.0.1:0/moved")], b"")}, "r47", hits)
    (row,) = [r for r in result.fetch_log if r["url"] == base + "/story"]
    assert row["error"] == "bad_redirect", row
    assert "port 0" in row["error_detail"], row["error_detail"]
    assert hits.count("/story") == 1 and result.failed == 1
