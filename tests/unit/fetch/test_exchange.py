"""One HTTP exchange and one URL's attempt, offline: the fetcher's aiohttp session is a
stand-in that answers from a table (status, headers, body chunks, or a body that stalls),
so what the exchange keeps, refuses and archives is checked without a socket; an attempt
through redirects and refreshes runs on a stand-in `exchange` as in test_tdmrep.py."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from types import SimpleNamespace

import pyarrow as pa
from multidict import CIMultiDict, CIMultiDictProxy

from tasks.common.settings import Settings, settings_slice
from tasks.fetch import FetchConfig
from tasks.fetch.client import Exchange, Fetcher, UrlOutcome
from tasks.fetch.failures import timeout_words

CONFIG = replace(settings_slice(FetchConfig, Settings()), respect_robots=False,
                 read_tdmrep=False)
PAGE = b"<!DOCTYPE html><html><head><title>T</title></head><body><p>Text.</p></body></html>"


class _Content:
    """aiohttp's StreamReader as _read_some uses it: the chunks, then the end; or, when
    `stall`, the chunks and then nothing more, ever (a server that stops sending)."""

    def __init__(self, chunks: list[bytes], stall: bool = False) -> None:
        self.chunks, self.stall = list(chunks), stall

    def read_nowait(self) -> bytes:
        return self.chunks.pop(0) if self.chunks else b""

    def is_eof(self) -> bool:
        return not self.chunks and not self.stall

    async def readany(self) -> bytes:
        await asyncio.Event().wait()  # only reached when stalled
        return b""


class _Response:
    def __init__(self, url: str, status: int, headers: dict[str, str], chunks: list[bytes],
                 stall: bool = False, stall_headers: bool = False) -> None:
        self.stall_headers = stall_headers
        self.status, self.reason = status, "OK" if status == 200 else "Other"
        self.headers = CIMultiDictProxy(CIMultiDict(headers))
        self.raw_headers = tuple((k.encode(), v.encode()) for k, v in headers.items())
        length = headers.get("Content-Length")
        self.content_length = int(length) if length is not None else None
        self.content = _Content(chunks, stall)
        self.connection = None
        self.version = SimpleNamespace(major=1, minor=1)
        self.request_info = SimpleNamespace(headers=CIMultiDict({"User-Agent": "pressroom"}))
        self.closed = False

    def close(self) -> None:
        self.closed = True

    async def __aenter__(self) -> _Response:
        if self.stall_headers:  # the server took the request and never answered
            await asyncio.Event().wait()
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None


class _Session:
    def __init__(self, answers: dict[str, _Response | BaseException]) -> None:
        self.answers = answers
        self.headers = CIMultiDict({"User-Agent": "pressroom"})

    def get(self, url: str, **_kw) -> _Response:
        answer = self.answers[url]
        if isinstance(answer, BaseException):  # the connection failed
            raise answer
        return answer


def exchange(url: str, response: _Response | BaseException, *, types=None,
             timeout: float | None = None, archive: bool = False, turn=None) -> Exchange:
    """What Fetcher._exchange makes of one response (the archive's record prepared, not
    written, when `archive`)."""
    fetcher = Fetcher(CONFIG, "r", SimpleNamespace() if archive else None)
    fetcher.session = _Session({url: response})
    ex = Exchange(url)
    asyncio.run(fetcher._exchange(ex, body_cap=1 << 20, types=types, headers=None,
                                  timeout=timeout, turn=turn))
    return ex


def test_a_page_of_a_type_not_allowed_is_refused_before_its_body_is_read() -> None:
    url = "https://a.example/photo"
    resp = _Response(url, 200, {"Content-Type": "image/png"}, [b"\x89PNG\r\n\x1a\n" * 10])
    ex = exchange(url, resp, types=frozenset({"text/html"}))
    assert (ex.error, ex.detail, ex.body) == ("unsupported_content_type",
                                              "content-type image/png", b"")
    assert resp.closed  # dropped, not drained
    # the same response where any type is taken (robots.txt): read
    ok = exchange(url, _Response(url, 200, {"Content-Type": "image/png"}, [b"abc"]))
    assert (ok.error, ok.body) == (None, b"abc")


def test_a_deadline_while_reading_the_body_says_how_much_of_it_came() -> None:
    url = "https://a.example/slow"
    resp = _Response(url, 200, {"Content-Type": "text/html", "Content-Length": "1000"},
                     [b"<html>part"], stall=True)
    ex = exchange(url, resp, types=frozenset({"text/html"}), timeout=0.05)
    assert ex.error == "timeout_body"
    assert ex.detail == ("while reading the body: no end within the 0.05 s deadline, "
                         "10 bytes of the body read of 1000 declared")
    assert ex.body == b"<html>part" and resp.closed


def test_a_deadline_is_described_by_the_limit_that_passed_and_the_bytes_read() -> None:
    detail = "while reading the body: TimeoutError: "
    assert timeout_words(detail, 30, 4096, 10000) == (
        "while reading the body: no end within the 30 s deadline, 4096 bytes of the body "
        "read of 10000 declared")
    assert timeout_words(detail, 2.5, 0, None) == (
        "while reading the body: no end within the 2.5 s deadline, 0 bytes of the body read")
    assert timeout_words("while waiting for the response headers: TimeoutError: ", 30,
                         None, 10000) == (
        "while waiting for the response headers: no end within the 30 s deadline")


def test_the_archived_request_names_the_path_and_query_asked_for() -> None:
    for url, line in (("https://a.example/news/a?x=1&y=2", b"GET /news/a?x=1&y=2 HTTP/1.1"),
                      ("https://a.example/news/a", b"GET /news/a HTTP/1.1"),
                      ("https://a.example", b"GET / HTTP/1.1"),
                      ("https://a.example?q=1", b"GET /?q=1 HTTP/1.1")):
        ex = exchange(url, _Response(url, 200, {"Content-Type": "text/html"}, [PAGE]),
                      archive=True)
        (_url, request_head, response_head, body), _meta = ex.archive
        assert request_head.split(b"\r\n", 1)[0] == line, url
        assert response_head.startswith(b"HTTP/1.1 200 OK\r\n") and body == PAGE


# -- one URL through redirects and refreshes, on a stand-in exchange ----------------------

def attempt(answers: dict[str, Exchange], cfg: FetchConfig = CONFIG,
            conditional: dict[str, dict[str, str]] | None = None
            ) -> tuple[UrlOutcome, list[tuple[str, dict | None]]]:
    """What Fetcher._attempt makes of the first URL of `answers`; and the URLs it asked
    for, each with the extra headers it sent."""
    asked: list[tuple[str, dict | None]] = []

    async def fake_exchange(url: str, *, extra_headers=None, **_kw) -> Exchange:
        asked.append((url, extra_headers))
        return answers[url]

    fetcher = Fetcher(cfg, "r", None)
    fetcher.exchange = fake_exchange
    fetcher.conditional = conditional or {}
    url = next(iter(answers))
    out = UrlOutcome(url=url)
    asyncio.run(fetcher._attempt(url, out))
    return out, asked


def _page(url: str, body: bytes = PAGE, **headers: str) -> Exchange:
    return Exchange(url, 200, {"content-type": "text/html", **headers}, body)


def _moved(url: str, to: str) -> Exchange:
    return Exchange(url, 301, {"location": to}, b"", locations=[to])


def test_validators_go_with_the_url_asked_for_not_with_where_it_redirects() -> None:
    old, new = "https://a.example/old", "https://a.example/new"
    validators = {"If-None-Match": '"v1"'}
    out, asked = attempt({old: _moved(old, new), new: _page(new)},
                         conditional={old: validators, new: {"If-None-Match": '"v9"'}})
    assert asked == [(old, validators), (new, None)]
    assert (out.error, out.final_url, out.redirects) == (None, new, [new])


def test_a_refresh_header_is_followed_like_a_redirect() -> None:
    stub, story = "https://a.example/stub", "https://a.example/story"
    out, asked = attempt({stub: _page(stub, b"<html><body>Moved</body></html>",
                                      refresh="0; url=/story"),
                          story: _page(story)})
    assert [u for u, _ in asked] == [stub, story]
    assert (out.error, out.final_url, out.redirects, out.body) == (None, story, [story], PAGE)


def test_more_redirects_than_allowed_is_too_many_redirects() -> None:
    cfg = replace(CONFIG, max_redirects=2)
    hops = [f"https://a.example/{i}" for i in range(4)]
    answers = {u: _moved(u, nxt) for u, nxt in zip(hops, hops[1:], strict=False)}
    answers[hops[-1]] = _page(hops[-1])
    out, asked = attempt(answers, cfg)
    assert len(asked) == 3
    assert (out.error, out.detail) == ("too_many_redirects", "more than 2 redirects")
    answers = {u: _moved(u, nxt) for u, nxt in zip(hops[1:], hops[2:], strict=False)}
    answers[hops[-1]] = _page(hops[-1])
    out, _ = attempt(answers, cfg)  # exactly two: the page
    assert (out.error, out.final_url) == (None, hops[-1])


def test_a_page_under_a_generic_type_is_html_only_when_it_opens_as_html() -> None:
    url = "https://a.example/p"
    out, _ = attempt({url: Exchange(url, 200, {"content-type": "text/plain"}, PAGE)})
    assert (out.error, out.content_type) == (None, "text/html")
    out, _ = attempt({url: Exchange(url, 200, {"content-type": "text/plain"},
                                    b"Just a note, no markup at all.")})
    assert (out.error, out.detail) == ("unsupported_content_type",
                                       "content-type text/plain, and the body is no HTML page")


def test_the_documents_of_a_table_of_other_columns_pass_through_checked() -> None:
    # not a DOCUMENTS table (fewer columns, no body): read row by row
    from schemas import DOCUMENTS
    from tasks.fetch.client import _passthrough

    docs = pa.table({"input_key": ["d", "u"], "url": ["https://a.example/d", "https://a.example/u"],
                     "source_kind": ["dump", "url"], "source": ["f.txt", "list.urls"]})
    kept, rest = _passthrough(docs)
    assert kept.schema.equals(DOCUMENTS) and kept.column("input_key").to_pylist() == ["d"]
    assert [r["input_key"] for r in rest] == ["u"]


def test_the_archived_response_head_renames_transfer_encoding_as_common_crawl_does() -> None:
    # the body archived is no longer chunked: the header keeps its value under Common
    # Crawl's name, spelled as Common Crawl spells it; other names stay as received
    from tasks.fetch.client import http_response_head

    head = http_response_head("1.1", 200, "OK", [(b"content-type", b"text/html"),
                                                 (b"transfer-encoding", b"chunked")])
    assert head == (b"HTTP/1.1 200 OK\r\ncontent-type: text/html\r\n"
                    b"X-Crawler-Transfer-Encoding: chunked\r\n\r\n")


def test_a_deadline_before_the_response_headers_is_a_headers_timeout() -> None:
    url = "https://a.example/silent"
    ex = exchange(url, _Response(url, 200, {}, [], stall_headers=True), timeout=0.05)
    assert (ex.error, ex.detail, ex.body) == (
        "timeout_headers",
        "while waiting for the response headers: no end within the 0.05 s deadline", b"")


def test_the_start_of_an_error_page_is_kept_for_the_archive() -> None:
    from tasks.fetch.client import ERROR_BODY_BYTES

    url = "https://a.example/gone"
    page = b"<html><body>Not found</body></html>"
    ex = exchange(url, _Response(url, 404, {"Content-Type": "text/html"}, [page]))
    assert (ex.status, ex.error, ex.body) == (404, None, page)
    long = b"x" * (ERROR_BODY_BYTES + 5000)
    resp = _Response(url, 404, {"Content-Type": "text/html"}, [long])
    ex = exchange(url, resp, archive=True)
    assert ex.body == long[:ERROR_BODY_BYTES] and ex.error is None and resp.closed
    assert ex.archive[1]["truncated"] == "length"  # the record says it is cut


def test_a_page_over_the_cap_is_too_large_and_archived_as_cut_at_the_cap() -> None:
    url = "https://a.example/huge"
    resp = _Response(url, 200, {"Content-Type": "text/html"}, [b"a" * 600, b"b" * 600])
    fetcher = Fetcher(CONFIG, "r", SimpleNamespace())
    fetcher.session = _Session({url: resp})
    ex = Exchange(url)
    asyncio.run(fetcher._exchange(ex, body_cap=1000, types=frozenset({"text/html"}),
                                  headers=None, timeout=None))
    assert (ex.error, ex.detail) == ("too_large", "body exceeds 1000 bytes")
    assert ex.body == b"a" * 600 + b"b" * 400 and resp.closed
    assert ex.archive[1]["truncated"] == "length"


def test_a_page_whose_bytes_are_a_pdf_is_refused_whatever_its_label() -> None:
    url = "https://a.example/report"
    out, _ = attempt({url: Exchange(url, 200, {"content-type": "text/html"},
                                    b"%PDF-1.7\n" + bytes(range(256)))})
    assert (out.error, out.detail, out.body) == (
        "unsupported_content_type", "content-type text/html, but the body is a PDF", None)


def test_what_arrived_of_a_cut_gzip_feed_is_kept_decoded() -> None:
    import gzip

    url = "https://a.example/rss"
    feed = b"<rss><channel>" + b"".join(
        b"<item><link>https://a.example/%d</link></item>" % i for i in range(2000))
    packed = gzip.compress(feed)
    cut = Exchange(url, 200, {"content-type": "application/rss+xml",
                              "content-encoding": "gzip"}, packed[: len(packed) // 2],
                   error="truncated", detail="cut")

    async def fake_exchange(u: str, **_kw) -> Exchange:
        return cut

    fetcher = Fetcher(CONFIG, "r", None)
    fetcher.exchange = fake_exchange
    fetcher.source_urls = {url}
    out = UrlOutcome(url=url)
    asyncio.run(fetcher._attempt(url, out))
    assert out.error == "truncated"
    assert out.partial and feed.startswith(out.partial) and len(out.partial) > 1000
    assert out.content_type == "application/rss+xml"


def test_a_cut_gzip_robots_txt_is_no_rules_and_the_origin_unreachable() -> None:
    import gzip

    rules = b"User-agent: *\n" + b"Disallow: /private/\n" * 400 + b"Allow: /\n"
    packed = gzip.compress(rules)

    async def fake_exchange(url: str, **_kw) -> Exchange:
        return Exchange(url, 200, {"content-type": "text/plain", "content-encoding": "gzip"},
                        packed[: len(packed) // 2])

    fetcher = Fetcher(CONFIG, "r", None)
    fetcher.exchange = fake_exchange
    got = asyncio.run(fetcher._fetch_robots("https://a.example/page"))
    assert (got.state, got.error_kind) == ("unreachable", "robots_unreachable")
    assert got.detail.startswith("robots.txt truncated: ")
    assert not got.allows("https://a.example/page", "pressroom")


def test_a_deadline_before_the_request_was_sent_is_named_a_connect_wait() -> None:
    # the host's turn was taken but the request headers never went out: still connecting
    url = "https://a.example/far"
    silent = _Response(url, 200, {}, [], stall_headers=True)
    ex = exchange(url, silent, timeout=0.05, turn=SimpleNamespace(is_sent=False))
    assert (ex.error, ex.detail) == ("timeout_headers",
                                     "while connecting: no end within the 0.05 s deadline")
    ex = exchange(url, silent, timeout=0.05, turn=SimpleNamespace(is_sent=True))
    assert ex.detail.startswith("while waiting for the response headers: ")


def test_a_refused_connection_is_a_connect_error_named_so() -> None:
    import aiohttp
    from aiohttp.client_reqrep import ConnectionKey

    url = "https://a.example/x"
    key = ConnectionKey("a.example", 443, True, True, None, None, None, None)
    refused = aiohttp.ClientConnectorError(key, OSError(111, "Connection refused"))
    ex = exchange(url, refused)
    assert ex.error == "connect_error" and ex.status is None and ex.body == b""
    assert ex.detail.startswith("while connecting: ClientConnectorError: ")


def test_a_noarchive_page_is_archived_without_its_body() -> None:
    url = "https://a.example/private"
    resp = _Response(url, 200, {"Content-Type": "text/html", "X-Robots-Tag": "noarchive"},
                     [PAGE])
    ex = exchange(url, resp, types=frozenset({"text/html"}), archive=True)
    assert ex.body == PAGE and "noarchive" in ex.rights  # the page itself is kept
    (_url, _req, head, body), meta = ex.archive
    assert head.startswith(b"HTTP/1.1 200 OK\r\n") and body == b""
    assert (meta["omitted"], meta["truncated"]) == ("noarchive", "unspecified")


def test_a_location_that_cannot_be_followed_is_a_bad_redirect_saying_why() -> None:
    url = "https://a.example/old"
    out, _ = attempt({url: _moved(url, "http://b\udce9d.example/x")})
    assert out.error == "bad_redirect"
    assert out.detail.startswith("HTTP 301 to an unusable Location ")
    assert "host" in out.detail.split(": ", 1)[1]


def test_the_body_a_row_of_another_table_carries_is_passed_through_once() -> None:
    from tasks.fetch.client import _passthrough

    docs = pa.table({"input_key": ["w", "u"], "url": ["https://a.example/w", "https://a.example/u"],
                     "source_kind": ["warc", "url"], "body": [b"<html>archived</html>", None]})
    kept, rest = _passthrough(docs)
    assert kept.column("input_key").to_pylist() == ["w"]
    assert [r["input_key"] for r in rest] == ["u"]


def test_a_retry_after_on_a_server_error_defers_the_host() -> None:
    import time

    from tasks.fetch.hosts import _HOSTS, _HOSTS_LOCK

    host = "retry-after-test.invalid"
    url = f"https://{host}/busy"
    fetcher = Fetcher(CONFIG, "r", None)
    fetcher.session = _Session({url: _Response(url, 503, {"Retry-After": "30"}, [b"busy"])})

    async def once() -> Exchange:
        fetcher.global_sem = asyncio.Semaphore(2)
        return await fetcher.exchange(url, body_cap=1000, types=None)

    try:
        before = time.monotonic()
        ex = asyncio.run(once())
        assert ex.status == 503
        wait = fetcher.gate(url).shared.not_before - before
        assert 29 <= wait <= 31  # within retry_after_max_s (60 s): the whole 30 s
    finally:
        with _HOSTS_LOCK:
            _HOSTS.pop(host, None)


def test_a_redirect_with_two_different_locations_is_refused() -> None:
    url = "https://a.example/old"
    two = Exchange(url, 302, {"location": "/b"}, b"", locations=["/a", "/b"])
    out, asked = attempt({url: two})
    assert len(asked) == 1 and out.error == "bad_redirect"
    assert out.detail == "HTTP 302 with 2 different Location headers: '/a', '/b'"
    # a page that also sends two Location headers is still the page
    page = Exchange(url, 200, {"content-type": "text/html", "location": "/b"}, PAGE,
                    locations=["/a", "/b"])
    out, _ = attempt({url: page})
    assert (out.error, out.body) == (None, PAGE)


def test_a_redirect_status_without_a_usable_location_says_what_is_missing() -> None:
    url = "https://a.example/old"
    out, _ = attempt({url: Exchange(url, 302, {}, b"")})
    assert (out.error, out.detail) == ("bad_redirect", "HTTP 302 without a Location header")
    out, _ = attempt({url: Exchange(url, 300, {"location": "/a"}, b"", locations=["/a"])})
    assert (out.error, out.detail) == (
        "bad_redirect", "HTTP 300 with Location '/a', but no redirect status")


def test_the_session_sends_the_configured_user_agent_and_what_it_accepts() -> None:
    # seed 50: every request of the batch carries these headers (robots.txt groups and
    # publishers' logs go by the User-Agent)
    from tasks.common.codings import accept_encoding

    async def headers() -> dict[str, str]:
        async with Fetcher(CONFIG, "r", None) as fetcher:
            return dict(fetcher.session.headers)

    assert asyncio.run(headers()) == {
        "User-Agent": CONFIG.user_agent,
        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
        "Accept-Encoding": accept_encoding()}


def test_an_empty_or_identity_content_encoding_is_archived_as_not_encoded() -> None:
    # seed 50: the archive's record says whether its body is still content-coded
    import gzip

    url = "https://a.example/page"

    def encoded(coding: str | None, body: bytes) -> bool:
        headers = {"Content-Type": "text/html"}
        if coding is not None:
            headers["Content-Encoding"] = coding
        ex = exchange(url, _Response(url, 200, headers, [body]),
                      types=frozenset({"text/html"}), archive=True)
        assert ex.body == body  # kept as it came: decoded later, with a cap
        return ex.archive[1]["encoded"]

    assert [encoded(c, PAGE) for c in (None, "", " Identity ")] == [False, False, False]
    assert encoded("gzip", gzip.compress(PAGE)) is True


def test_the_session_keeps_cookies_of_a_host_named_by_its_address() -> None:
    # seed 51: consent redirects set a cookie and send the reader back; aiohttp's default
    # jar drops every cookie of a host given as an IP address, and the page was lost
    from yarl import URL

    async def sent_back() -> dict[str, str]:
        async with Fetcher(CONFIG, "r", None) as fetcher:
            jar = fetcher.session.cookie_jar
            jar.update_cookies({"consent": "yes"}, URL("http://192.0.2.7/gate"))
            return {k: m.value for k, m in jar.filter_cookies(URL("http://192.0.2.7/a")).items()}

    assert asyncio.run(sent_back()) == {"consent": "yes"}


def test_an_exchange_hands_its_request_response_and_record_words_to_the_archive() -> None:
    # seed 56: Fetcher.exchange writes the record _exchange prepared, in the writer's
    # thread, and keeps where it went; nothing else is left to write
    import concurrent.futures

    url = "https://a.example/news/story?id=7"
    written: list[tuple[tuple, dict]] = []

    def write_exchange(*args, **kwargs) -> tuple[str, int]:
        written.append((args, kwargs))
        return ("file.warc.gz", 123)

    async def main() -> Exchange:
        fetcher = Fetcher(CONFIG, "r", SimpleNamespace(write_exchange=write_exchange))
        fetcher.session = _Session({url: _Response(url, 200, {"Content-Type": "text/html"},
                                                   [PAGE])})
        fetcher.global_sem = asyncio.Semaphore(1)
        fetcher.warc_pool = concurrent.futures.ThreadPoolExecutor(1)
        try:
            return await fetcher.exchange(url, body_cap=1 << 20,
                                          types=frozenset({"text/html"}))
        finally:
            fetcher.warc_pool.shutdown(wait=True)

    ex = asyncio.run(main())
    assert (ex.error, ex.body, ex.archive, ex.warc) == (None, PAGE, None, ("file.warc.gz", 123))
    [(args, kwargs)] = written
    assert args[0] == url and args[1].startswith(b"GET /news/story?id=7 HTTP/1.1\r\n")
    assert args[2].startswith(b"HTTP/1.1 200 OK\r\n") and args[3] == PAGE
    assert (kwargs["truncated"], kwargs["encoded"], kwargs["omitted"]) == (None, False, None)
    assert set(kwargs) == {"when", "ip", "truncated", "encoded", "omitted"}


def test_a_robots_txt_over_the_cap_once_decoded_keeps_its_rules_under_any_coding() -> None:
    # seed 59: a robots.txt whose decoded text is over 500 KiB is read for its first 500
    # KiB (RFC 9309 2.5) under the coding the server declared: brotli and deflate as well
    # as gzip (left encoded, its bytes were no rules at all: everything allowed)
    import gzip
    import zlib

    import brotli

    from tasks.fetch.robots import MAX_ROBOTS_BYTES

    rules = b"User-agent: *\nDisallow: /private/\n" + b"# padding\n" * (MAX_ROBOTS_BYTES // 8)
    assert len(rules) > MAX_ROBOTS_BYTES
    for coding, packed in (("br", brotli.compress(rules)), ("deflate", zlib.compress(rules)),
                           ("gzip", gzip.compress(rules))):
        async def fake_exchange(url: str, _packed=packed, _coding=coding, **_kw) -> Exchange:
            return Exchange(url, 200, {"content-type": "text/plain",
                                       "content-encoding": _coding}, _packed)

        fetcher = Fetcher(CONFIG, "r", None)
        fetcher.exchange = fake_exchange
        got = asyncio.run(fetcher._fetch_robots("https://a.example/page"))
        assert not got.allows("https://a.example/private/x", "pressroom"), coding
        assert got.allows("https://a.example/public/x", "pressroom"), coding


def test_a_robots_txt_that_redirects_without_end_is_unavailable_and_allows_all() -> None:
    # seed 66: RFC 9309 2.3.1.2: after the redirects a crawler follows, robots.txt counts
    # as unavailable (crawl as if none), not unreachable (the origin disallowed)
    from tasks.fetch.client import MAX_ROBOTS_REDIRECTS

    asked: list[str] = []

    async def fake_exchange(url: str, **_kw) -> Exchange:
        asked.append(url)
        return Exchange(url, 301, {"location": f"/robots-{len(asked)}.txt"}, b"")

    fetcher = Fetcher(CONFIG, "r", None)
    fetcher.exchange = fake_exchange
    got = asyncio.run(fetcher._fetch_robots("https://a.example/page"))
    assert len(asked) == MAX_ROBOTS_REDIRECTS + 1
    assert (got.state, got.detail) == ("unavailable", "robots.txt too_many_redirects")
    assert got.allows("https://a.example/page", "pressroom")
