"""Fault round 8: sitemaps larger than a page may be, and bodies that are no text, against
a fault server of its own on 127.0.0.1 (no other address).

A sitemap may hold 50 MB (the sitemaps protocol's limit, and what the parser takes), but
the fetcher applied the page cap (`max_body_bytes`, 10 MB by default) to it: a large
outlet's sitemap was refused whole (`too_large_declared`, or `too_large` /
`decompressed_too_large` without a Content-Length or under gzip) and every URL in it
lost. Discovery inputs now have their own cap, `max_source_bytes`. Here the page cap is
64 KiB, so sitemaps of ~100 KB stand for the 12 MB ones of the web.
"""

from __future__ import annotations

import asyncio
import gzip
import itertools
import random
import re
import threading

import pytest

from tasks import discover
from tasks.common.settings import settings_slice
from tests.integration.faultserver import FaultServer, article
from tests.integration.test_fetch_faults import by_url, documents, fetch, settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on
PAGE_CAP = 64 * 1024
ENTRIES = 1500  # ~95 KB of <url> entries: over the page cap, far under the source cap
# path -> the fetch_log error each big sitemap had under the page cap
BIG_SITEMAPS = {
    "/big/sitemap.xml": "too_large_declared",       # a Content-Length over the cap
    "/big/sitemap-chunked.xml": "too_large",        # chunked, no Content-Length
    "/big/sitemap-ce.xml": "decompressed_too_large",  # Content-Encoding: gzip
}
# An IPv6 literal without its closing bracket: urlsplit raises ValueError on it.
MALFORMED = "http://[::1"
# random bytes: no signature, no text (a font, an audio file, undeclared compression)
BINARY = random.Random(8).randbytes(20_000)


def tag(path: str) -> str:
    return path.strip("/").replace("/", "_").replace(".", "_").replace("-", "_")


def big_sitemap(base: str, path: str, entries: int = ENTRIES, pad: int = 0) -> bytes:
    """A urlset of `entries` pages ({base}/ok/<tag>-<i>), and a comment of `pad` bytes
    (what image captions and news blocks add to a real one)."""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + f"<!-- {'x' * pad} -->\n"
            + "".join(f"<url><loc>{base}/ok/{tag(path)}-{i}</loc></url>\n"
                      for i in range(1, entries + 1))
            + "</urlset>\n").encode()


class Round8Server(FaultServer):
    """The round's routes; any other path is the shared fault server's."""

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        path = target.split("?", 1)[0]
        base = f"http://{ip}:{self.port}"
        if path == "/big/sitemap.xml" or path == "/huge/sitemap.xml":
            await self._send(writer, "200 OK", big_sitemap(base, path,
                                                           3 if path == "/huge/sitemap.xml"
                                                           else ENTRIES,
                                                           300_000 if path.startswith("/huge")
                                                           else 0), "application/xml")
        elif path == "/padded/sitemap.xml":  # 3 pages, 100 KB of padding
            await self._send(writer, "200 OK", big_sitemap(base, path, 3, 100_000),
                             "application/xml")
        elif path == "/concat/sitemap.xml":  # two sitemaps of 2 pages appended in one file
            one, two = (big_sitemap(base, f"{path}/{n}", 2) for n in (1, 2))
            await self._send(writer, "200 OK", one + two.split(b"?>", 1)[1],
                             "application/xml")
        elif path == "/bad-child/index.xml":  # one child's <loc> is no URL urlsplit reads
            await self._send(writer, "200 OK", (
                '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<sitemap><loc>{MALFORMED}/child.xml</loc></sitemap>"
                f"<sitemap><loc>{base}/bad-child/good.xml</loc></sitemap>"
                "</sitemapindex>").encode(), "application/xml")
        elif path == "/bad-child/good.xml":
            await self._send(writer, "200 OK", big_sitemap(base, "/bad-child", 1),
                             "application/xml")
        elif path == "/big/sitemap-chunked.xml":
            body = big_sitemap(base, path)
            writer.write(self._head("200 OK", [("Content-Type", "application/xml"),
                                               ("Transfer-Encoding", "chunked")]))
            for i in range(0, len(body), 16_384):
                chunk = body[i:i + 16_384]
                writer.write(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
            writer.write(b"0\r\n\r\n")
            await writer.drain()
        elif path == "/big/sitemap-ce.xml":
            await self._send(writer, "200 OK", gzip.compress(big_sitemap(base, path)),
                             "application/xml", extra=[("Content-Encoding", "gzip")])
        elif path == "/big/page":  # a page over the page cap stays refused
            await self._send(writer, "200 OK", article("big", paragraphs=600).encode())
        elif path == "/binary-as-html":
            await self._send(writer, "200 OK", BINARY)
        elif path == "/nul-in-html":  # a page with NUL bytes in its paragraphs is text
            await self._send(writer, "200 OK",
                             article("nul").replace("<p>", "<p>\x00\x00\x00").encode())
        else:
            await super()._respond(ip, target, headers, writer)


@pytest.fixture(scope="module")
def server8():
    srv = Round8Server([HOST]).start()
    yield srv
    srv.stop()


def _cfg(tmp_path, **overrides):
    return settings(tmp_path, max_body_bytes=PAGE_CAP, **overrides)


def _entries(server8, path: str, n: int = ENTRIES) -> list[str]:
    return [server8.url(HOST, f"/ok/{tag(path)}-{i}") for i in range(1, n + 1)]


def test_a_sitemap_over_the_page_cap_is_read_under_the_source_cap(server8, tmp_path) -> None:
    """Three ~95 KB sitemaps under a 64 KiB page cap (Content-Length, chunked, gzip): on
    main each was one failed fetch and 0 URLs; now every entry is found, no reject, no
    failure. The page cap still holds for a page, and the source cap for a source."""
    cfg = _cfg(tmp_path, max_source_bytes=200_000)
    run_id = "run8-big"
    fetch_urls = discover.fetch_urls_via(lambda docs: fetch(docs, cfg, run_id))
    urls = {p: server8.url(HOST, p) for p in [*BIG_SITEMAPS, "/huge/sitemap.xml"]}
    found = discover.run([f"sitemap:{u}" for u in urls.values()],
                         settings_slice(discover.DiscoverConfig, cfg), run_id,
                         fetch_urls=fetch_urls)

    assert sorted(found.table["url"].to_pylist()) == sorted(
        u for p in BIG_SITEMAPS for u in _entries(server8, p))
    log = by_url(found.fetch_log)
    assert {p: log[u]["error"] for p, u in urls.items()} == {
        **{p: None for p in BIG_SITEMAPS}, "/huge/sitemap.xml": "too_large_declared"}
    assert log[urls["/huge/sitemap.xml"]]["error_detail"].endswith("> 200000")
    assert found.rejects == []
    assert found.counts["passed"] == len(BIG_SITEMAPS) * ENTRIES
    assert found.counts["failed"] == 1

    page = server8.url(HOST, "/big/page")
    log = by_url(fetch(documents([page]), cfg, run_id).fetch_log)
    assert log[page]["error"] == "too_large_declared"
    assert log[page]["error_detail"].endswith(f"> {PAGE_CAP}")


def test_a_body_that_is_no_text_says_so_at_the_fetch(server8, tmp_path) -> None:
    """Random bytes labelled text/html were fetched as a page and rejected by the
    extraction as "unparsable or empty HTML"; now the fetch names them. A page with NUL
    bytes among its paragraphs is still a page."""
    urls = [server8.url(HOST, "/binary-as-html"), server8.url(HOST, "/nul-in-html")]
    result = fetch(documents(urls), _cfg(tmp_path), "run8-binary")
    log = by_url(result.fetch_log)
    assert log[urls[0]]["error"] == "unsupported_content_type"
    assert log[urls[0]]["error_detail"].startswith(
        "content-type text/html, but the body is binary data (")
    assert log[urls[1]]["error"] is None
    assert result.table["url"].to_pylist() == [urls[1]]


@pytest.mark.integration
def test_an_ingest_of_a_sitemap_over_the_page_cap_keeps_its_pages(
        prefect_harness, server8, warehouse) -> None:
    """The whole flow over a sitemap of 3 pages and 100 KB of padding, under a 64 KiB page
    cap, a body of random bytes, and two sitemaps of 2 pages appended in one file. On main
    the first sitemap was one too_large_declared fetch and nothing else, the binary body an
    "unparsable or empty HTML" reject of the extraction, and the second half of the
    appended file dropped without a word. Now the 3 pages are articles, the binary body
    one failed fetch naming what it is, the appended file's lost half one
    sitemap_bad_xml reject, and every data test passes."""
    from flows.ingest import ingest
    from tasks.storage.report import connect_views

    sitemap = server8.url(HOST, "/padded/sitemap.xml")
    binary = server8.url(HOST, "/binary-as-html")
    concat = server8.url(HOST, "/concat/sitemap.xml")
    manifest = ingest(inputs=[f"sitemap:{sitemap}", binary, f"sitemap:{concat}"],
                      settings=_cfg(warehouse))
    con = connect_views(warehouse / "pressroom.duckdb")
    try:
        articles = sorted(r[0] for r in con.execute("SELECT url FROM articles").fetchall())
        log = dict(con.execute("SELECT url, error FROM fetch_log").fetchall())
        rejects = con.execute("SELECT source, reason, detail FROM rejects").fetchall()
    finally:
        con.close()
    pages = [*_entries(server8, "/padded/sitemap.xml", 3),
             *_entries(server8, "/concat/sitemap.xml/1", 2)]
    assert articles == sorted(pages)
    assert log == {sitemap: None, binary: "unsupported_content_type", concat: None,
                   **{p: None for p in pages}}
    [(source, reason, detail)] = rejects
    assert (source, reason) == (concat, "sitemap_bad_xml")
    assert "(Extra content at the end of the document)" in detail
    assert detail.endswith("2 of its 4 <loc> entries come after that and are not read")
    assert manifest["totals"]["kept"] == 5 and manifest["totals"]["failed"] == 1
    assert all(n == 0 for n in manifest["data_tests"].values()), manifest["data_tests"]


@pytest.mark.integration
def test_an_ingest_of_urls_no_parser_reads_accounts_for_each(
        prefect_harness, server8, warehouse) -> None:
    """`http://[::1/...` (an IPv6 literal not closed) as a page, a feed, a WARC address
    and as a child in a sitemap index. On main the run failed: discover raised
    `ValueError: Invalid IPv6 URL` while asking whether the input was a WARC, and the
    fetcher raised it again while sorting URLs by host (one such <loc> in a sitemap
    index ended the whole discovery). Now the page is a bad_url reject, the feed and
    the child one invalid_url fetch each, the WARC a warc_unreadable reject; the
    index's good child and its page come through, and the run conserves."""
    from flows.ingest import ingest
    from tasks.storage.report import connect_views

    index = server8.url(HOST, "/bad-child/index.xml")
    good = server8.url(HOST, "/bad-child/good.xml")
    inputs = [f"{MALFORMED}/page", f"feed:{MALFORMED}/feed", f"sitemap:{index}",
              f"{MALFORMED}/archive.warc.gz"]
    manifest = ingest(inputs=inputs, settings=_cfg(warehouse))
    con = connect_views(warehouse / "pressroom.duckdb")
    try:
        articles = [r[0] for r in con.execute("SELECT url FROM articles").fetchall()]
        log = dict(con.execute("SELECT url, error FROM fetch_log").fetchall())
        rejects = sorted(con.execute("SELECT url, reason FROM rejects").fetchall())
    finally:
        con.close()
    page = server8.url(HOST, "/ok/bad_child-1")
    assert articles == [page]
    assert log == {f"{MALFORMED}/feed": "invalid_url", f"{MALFORMED}/child.xml": "invalid_url",
                   index: None, good: None, page: None}
    assert rejects == [(f"{MALFORMED}/archive.warc.gz", "warc_unreadable"),
                       (f"{MALFORMED}/page", "bad_url")]
    assert manifest["totals"]["kept"] == 1
    assert all(n == 0 for n in manifest["data_tests"].values()), manifest["data_tests"]


class KeepAliveServer:
    """A server that keeps connections open (the shared fault server closes each) and, after
    answering /a, sends a second response nobody asked for: a broken keep-alive server,
    or a Content-Length shorter than the body, the rest in a later segment. Records
    (connection, path) of every request."""

    def __init__(self) -> None:
        self.requests: list[tuple[int, str]] = []
        self.port = 0
        # A number per accepted connection: id(writer) was used before, and a closed
        # connection's writer, once collected, can hand its id to the next one (CI saw
        # robots.txt's connection and /ka/a's share an id).
        self._connections = itertools.count()

    @staticmethod
    def _response(title: str) -> bytes:
        body = article(title).encode()
        return (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                b"Content-Length: %d\r\n\r\n" % len(body)) + body

    async def _handle(self, reader, writer) -> None:
        connection = next(self._connections)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = head.split(b" ", 2)[1].decode()
                self.requests.append((connection, path))
                if path == "/robots.txt":
                    writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                else:
                    writer.write(self._response(f"page {path}"))
                if path == "/ka/a":
                    await writer.drain()
                    await asyncio.sleep(0.1)
                    writer.write(self._response("a response nobody asked for"))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    def __enter__(self) -> KeepAliveServer:
        self.loop = asyncio.new_event_loop()
        self.server = self.loop.run_until_complete(
            asyncio.start_server(self._handle, "127.0.0.1", 0))
        self.port = self.server.sockets[0].getsockname()[1]
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.loop.call_soon_threadsafe(self.server.close)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        if not self.loop.is_running():
            self.loop.close()  # an unclosed loop warns at some later test's collection


def test_a_response_nobody_asked_for_never_becomes_the_next_page(tmp_path) -> None:
    """On main the fetcher kept connections alive: the unasked response after /ka/a
    waited in the idle connection and was read as /ka/b's page (in a probe, /ka/b's own
    page then became /ka/c's), without an error anywhere. Now each request has a
    connection of its own: every URL gets its own page."""
    with KeepAliveServer() as ka:
        urls = [f"http://127.0.0.1:{ka.port}/ka/{p}" for p in "abc"]
        result = fetch(documents(urls), _cfg(tmp_path, per_host_concurrency=1,
                                             read_tdmrep=False), "run8-keepalive")
        requests = list(ka.requests)
    log = by_url(result.fetch_log)
    assert [log[u]["error"] for u in urls] == [None, None, None]
    titles = {r["url"]: re.search(rb"<title>(.*?)</title>", r["body"]).group(1).decode()
              for r in result.table.to_pylist()}
    assert titles == {u: f"page /ka/{u[-1]}" for u in urls}
    assert len({conn for conn, _ in requests}) == len(requests)  # none reused
