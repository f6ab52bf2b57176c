"""Fault round 23: Content-Encodings with a parameter or of an unregistered name, a
`text/html` page of plain text, a robots.txt Crawl-delay in minutes, feed dates written
year first with slashes and as Unix timestamps, an XML sitemap of latin-1 bytes that
declares no encoding, a dump and a URL list whose lines end in U+2029 or U+2028, and a
WARC record whose HTTP head is over 64 KiB. One whole `ingest` flow under the session's
Prefect harness, over a fault server of the round's own on 127.0.0.1 (no other address):
- robots.txt asks `Crawl-delay: 1m` (on main no delay: requests a few ms apart);
- `/r23/gzq`: a page gzipped under `Content-Encoding: gzip;q=1` (on main
  `unsupported_encoding`);
- `/r23/xdeflate`: a page in zlib data under `Content-Encoding: x-deflate` (on main
  `unsupported_encoding`);
- `/r23/plain`: a `text/html` story of plain text, no tag (on main `extraction_failed`
  "unparsable or empty HTML");
- `feed:/r23/feed.xml`: an RSS item dated `2024/05/03 10:00:00 +0900` (on main dated
  2024-12-01 00:00, feedparser's reading);
- `feed:/r23/feed.json`: a JSON Feed item dated `1714730400` (on main no date);
- `sitemap:/r23/sitemap.xml`: latin-1 bytes, no XML declaration, `<loc>.../caf\\xe9</loc>`
  (on main `/r23/caf%EF%BF%BD` asked for: `http_404`);
- `separated.txt`: a dump whose lines end in U+2029 (on main `empty_body`);
- `separated.urls`: a URL list whose lines end in U+2028 (on main one `bad_url` reject);
- `cookies.warc`: a response record whose HTTP head holds 20 cookies of 4 KB (on main
  `bad_http` "no end of HTTP headers in the first 64 KiB").
"""

from __future__ import annotations

import gzip
import json
import zlib
from datetime import UTC, datetime

import pytest

from tests.integration.faultserver import FaultServer, assert_run_conserves
from tests.integration.test_fetch_faults import settings
from tests.integration.test_fetch_faults22 import BODY, page

HOST = 1  # 127.0.0.1: the one address this round's server listens on
ROBOTS = "User-agent: *\nDisallow: /nothing-here\nCrawl-delay: 1m\n"
PLAIN = ("The harbour bridge reopened to traffic on Thursday after two years of repairs "
         "that cost the city more than 40 million euros, officials said on the old quay.\n\n"
         "Engineers replaced the steel cables, resurfaced the deck and installed sensors "
         "that measure the strain on the structure every few seconds, they said.\n\n"
         "The mayor said the bridge would carry about 30,000 vehicles a day, and that the "
         "ferries added during the closure would run until the end of the summer.\n")
FEED = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>R23</title>
<link>BASE/</link><item><title>Harbour</title><link>BASE/f1</link>
<pubDate>2024/05/03 10:00:00 +0900</pubDate></item></channel></rss>"""
SITEMAP = (b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>'
           b"<loc>BASE/caf\xe9</loc></url></urlset>")
COOKIES = [("Set-Cookie", f"c{i}={'v' * 4000}; Path=/") for i in range(20)]


def _warc_record(uri: str, block: bytes) -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            "WARC-Date: 2024-05-06T07:00:00Z\r\n"
            "WARC-Record-ID: <urn:uuid:5b1d0c9e-23a3-4f43-9d6b-000000000023>\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


class Round23Server(FaultServer):
    """The round's routes under /r23/; any other path is the shared fault server's."""

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        path = target.partition("?")[0]
        base = f"http://{ip}:{self.port}/r23"
        if path == "/r23/gzq":
            await self._send(writer, "200 OK", gzip.compress(page("gzq").encode()),
                             extra=[("Content-Encoding", "gzip;q=1")])
        elif path == "/r23/xdeflate":
            await self._send(writer, "200 OK", zlib.compress(page("xdeflate").encode()),
                             extra=[("Content-Encoding", "x-deflate")])
        elif path == "/r23/plain":
            await self._send(writer, "200 OK", PLAIN.encode())
        elif path == "/r23/feed.xml":
            await self._send(writer, "200 OK", FEED.replace("BASE", base).encode(),
                             "application/rss+xml")
        elif path == "/r23/feed.json":
            doc = {"version": "https://jsonfeed.org/version/1.1", "title": "R23", "items": [
                {"id": "j1", "url": f"{base}/j1", "title": "Tide",
                 "date_published": 1714730400}]}
            await self._send(writer, "200 OK", json.dumps(doc).encode(),
                             "application/feed+json")
        elif path == "/r23/sitemap.xml":
            await self._send(writer, "200 OK", SITEMAP.replace(b"BASE", base.encode()),
                             "application/xml")
        elif path in ("/r23/f1", "/r23/j1", "/r23/caf%C3%A9", "/r23/s1", "/r23/s2"):
            await self._send(writer, "200 OK", page(path.rsplit("/", 1)[1]).encode())
        elif path.startswith("/r23/"):
            await self._send(writer, "404 Not Found", b"<html><body>Not found</body></html>")
        else:
            await super()._respond(ip, target, headers, writer)


@pytest.fixture(scope="module")
def server23():
    srv = Round23Server([HOST], robots={HOST: ROBOTS}).start()
    yield srv
    srv.stop()


def test_an_ingest_of_the_rounds_inputs_loses_nothing(
        prefect_harness, server23, tmp_path, warehouse) -> None:
    """Now: the five pages, the two feeds' stories, the sitemap's page, the dump and the
    archived record kept, nothing rejected or failed, each date as written, the 1-minute
    Crawl-delay kept (capped at the settings' 0.3 s). On main (measured, main's files put
    back): see RELIABILITY.md, round 23."""
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    def u(slug: str) -> str:
        return server23.url(HOST, f"/r23/{slug}")

    (tmp_path / "pages.urls").write_text(f"{u('gzq')}\n{u('xdeflate')}\n{u('plain')}\n")
    (tmp_path / "separated.urls").write_text(f"{u('s1')}\u2028{u('s2')}\u2028",
                                             encoding="utf-8")
    (tmp_path / "separated.txt").write_text(
        "\u2029".join([" date 2024-05-01 https://dumps.example/separated", "Separated", "",
                       BODY, ""]), encoding="utf-8")
    http = (b"HTTP/1.1 200 OK\r\n" + b"".join(f"{k}: {v}\r\n".encode() for k, v in COOKIES)
            + b"Content-Type: text/html; charset=utf-8\r\n\r\n" + page("cookies").encode())
    assert len(http) > 80_000
    (tmp_path / "cookies.warc").write_bytes(
        _warc_record("https://archive.example/r23/cookies", http))

    manifest = ingest(inputs=[str(tmp_path / "pages.urls"), str(tmp_path / "separated.urls"),
                              str(tmp_path / "separated.txt"),
                              str(tmp_path / "cookies.warc"), f"feed:{u('feed.xml')}",
                              f"feed:{u('feed.json')}", f"sitemap:{u('sitemap.xml')}"],
                      settings=settings(warehouse, per_host_delay_s=0.0,
                                        per_host_concurrency=1))

    rows = {url: (text, published) for url, text, published in _table(
        warehouse, "SELECT url, text, published_at FROM articles")}
    cafe = next((url for url in rows if url.startswith(u("caf"))), None)
    assert cafe is not None and cafe.endswith(("/r23/caf%C3%A9", "/r23/café")), sorted(rows)
    assert set(rows) == {u("gzq"), u("xdeflate"), u("plain"), u("f1"), u("j1"), cafe,
                         u("s1"), u("s2"),
                         "https://dumps.example/separated",
                         "https://archive.example/r23/cookies"}
    paragraphs = [p for p in PLAIN.split("\n") if p]
    assert [p for p in rows[u("plain")][0].split("\n") if p] == paragraphs
    assert rows["https://dumps.example/separated"][0] == BODY
    assert rows[u("f1")][1] == datetime(2024, 5, 3, 1, tzinfo=UTC)  # 10:00 +0900
    assert rows[u("j1")][1] == datetime(2024, 5, 3, 10, tzinfo=UTC)  # 1714730400
    assert _table(warehouse, "SELECT reason, detail FROM rejects") == []
    assert _table(warehouse, "SELECT url, error FROM fetch_log WHERE error IS NOT NULL") == []
    asked = [h.path for h in server23.hits_for(HOST) if h.path.startswith("/r23/caf")]
    assert asked == ["/r23/caf%C3%A9"]
    starts = sorted(h.start for h in server23.hits_for(HOST)
                    if h.path.startswith("/r23/") and not h.path.endswith((".xml", ".json")))
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert len(starts) == 8 and min(gaps) >= 0.25, gaps  # the 1-minute delay, capped
    assert_run_conserves(manifest, 10, 0, 0)
