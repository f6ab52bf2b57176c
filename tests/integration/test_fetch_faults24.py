"""Fault round 24: one page under two spellings of its path (a dot segment, lower-case
percent escapes), a page whose body shows only inside <noscript>, a text sitemap line
holding a latin-1 byte, and story dates a feed or sitemap writes as a cookie does, as an
ISO week date, or year first with slashes in a JSON Feed and a news sitemap. One whole
`ingest` flow under the session's Prefect harness, over a fault server of the round's
own on 127.0.0.1 (no other address):
- `pages.urls`: `/r24/story` and `/r24/x/../story` (the page aiohttp asks for under
  both), `/r24/caf%c3%a9` and `/r24/caf%C3%A9` (on main two articles each, under two ids);
- `/r24/noscript`: the story inside <noscript>, an empty app <div> beside it (on main
  the headline and every paragraph one line);
- `sitemap:/r24/sitemap.txt`: a line `.../cr\\xe8me` in latin-1 (on main a
  `sitemap_bad_loc` reject "not UTF-8", the page lost);
- `feed:/r24/feed.xml`: items dated `Fri, 03-May-2024 10:00:00 GMT` (on main no date)
  and `2024-W18-5T10:00:00+02:00` (on main 2024-12-01 00:00);
- `feed:/r24/feed.json`: an item dated `2024/05/03 10:00:00 +0900` (on main no date);
- `sitemap:/r24/news.xml`: a news sitemap whose publication date is written so too (on
  main no date).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from tests.integration.faultserver import FaultServer, assert_run_conserves, story_paragraphs
from tests.integration.test_fetch_faults import settings
from tests.integration.test_fetch_faults22 import page

HOST = 1  # 127.0.0.1: the one address this round's server listens on
ROBOTS = "User-agent: *\nDisallow: /nothing-here\n"
FEED = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>R24</title>
<link>BASE/</link><item><title>Cookie</title><link>BASE/f1</link>
<pubDate>Fri, 03-May-2024 10:00:00 GMT</pubDate></item><item><title>Week</title>
<link>BASE/f2</link><pubDate>2024-W18-5T10:00:00+02:00</pubDate></item></channel></rss>"""
NEWS = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>BASE/n1</loc>
<news:news><news:publication><news:name>R24</news:name><news:language>en</news:language>
</news:publication><news:publication_date>2024/05/03 10:00:00 +0900</news:publication_date>
<news:title>Ferry</news:title></news:news></url></urlset>"""
SITEMAP = b"BASE/t1\nBASE/cr\xe8me\n"


def noscript_page(slug: str) -> str:
    return (f"<html><head><title>Story {slug}</title></head><body><div id=app></div>"
            f"<noscript><article><h1>Story {slug}</h1>{story_paragraphs(slug)}</article>"
            "</noscript><script>render()</script></body></html>")


class Round24Server(FaultServer):
    """The round's routes under /r24/; any other path is the shared fault server's."""

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        path = target.partition("?")[0]
        base = f"http://{ip}:{self.port}/r24"
        if path == "/r24/noscript":
            await self._send(writer, "200 OK", noscript_page("noscript").encode())
        elif path == "/r24/feed.xml":
            await self._send(writer, "200 OK", FEED.replace("BASE", base).encode(),
                             "application/rss+xml")
        elif path == "/r24/feed.json":
            doc = {"version": "https://jsonfeed.org/version/1.1", "title": "R24", "items": [
                {"id": "j1", "url": f"{base}/j1", "title": "Tide",
                 "date_published": "2024/05/03 10:00:00 +0900"}]}
            await self._send(writer, "200 OK", json.dumps(doc).encode(),
                             "application/feed+json")
        elif path == "/r24/news.xml":
            await self._send(writer, "200 OK", NEWS.replace("BASE", base).encode(),
                             "application/xml")
        elif path == "/r24/sitemap.txt":
            await self._send(writer, "200 OK", SITEMAP.replace(b"BASE", base.encode()),
                             "text/plain")
        elif path in ("/r24/story", "/r24/caf%C3%A9", "/r24/cr%C3%A8me", "/r24/t1",
                      "/r24/f1", "/r24/f2", "/r24/j1", "/r24/n1"):
            await self._send(writer, "200 OK", page(path.rsplit("/", 1)[1]).encode())
        elif path.startswith("/r24/"):
            await self._send(writer, "404 Not Found", b"<html><body>Not found</body></html>")
        else:
            await super()._respond(ip, target, headers, writer)


@pytest.fixture(scope="module")
def server24():
    srv = Round24Server([HOST], robots={HOST: ROBOTS}).start()
    yield srv
    srv.stop()


def test_an_ingest_of_the_rounds_inputs_loses_nothing(
        prefect_harness, server24, tmp_path, warehouse) -> None:
    """Now: each of the two pages under two spellings one article (the second spelling a
    `duplicate_url` reject), the noscript story in its paragraphs, the sitemap's latin-1
    line asked for as `cr%C3%A8me`, each story date as written. On main (measured, main's
    files put back): see RELIABILITY.md, round 24."""
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    def u(slug: str) -> str:
        return server24.url(HOST, f"/r24/{slug}")

    (tmp_path / "pages.urls").write_text("\n".join([
        u("story"), u("x/../story"), u("caf%c3%a9"), u("caf%C3%A9"), u("noscript")]) + "\n")
    manifest = ingest(inputs=[str(tmp_path / "pages.urls"), f"sitemap:{u('sitemap.txt')}",
                              f"feed:{u('feed.xml')}", f"feed:{u('feed.json')}",
                              f"sitemap:{u('news.xml')}"],
                      settings=settings(warehouse, per_host_delay_s=0.0))

    rows = {url: (text, published) for url, text, published in _table(
        warehouse, "SELECT url, text, published_at FROM articles")}
    creme = next((url for url in rows if url.startswith(u("cr"))), None)
    assert creme is not None and creme.endswith(("/r24/cr%C3%A8me", "/r24/crème")), rows
    assert set(rows) == {u("story"), u("caf%c3%a9"), u("noscript"), u("t1"), creme,
                         u("f1"), u("f2"), u("j1"), u("n1")}
    paragraphs = [p for p in story_paragraphs("noscript").replace("<p>", "").split("</p>") if p]
    lines = rows[u("noscript")][0].splitlines()
    assert [line for line in lines if line.startswith("The council")] == paragraphs
    assert rows[u("f1")][1] == datetime(2024, 5, 3, 10, tzinfo=UTC)  # cookie form, GMT
    assert rows[u("f2")][1] == datetime(2024, 5, 3, 8, tzinfo=UTC)  # 2024-W18-5 10:00 +2
    assert rows[u("j1")][1] == datetime(2024, 5, 3, 1, tzinfo=UTC)  # 10:00 +0900
    assert rows[u("n1")][1] == datetime(2024, 5, 3, 1, tzinfo=UTC)
    assert sorted(_table(warehouse, "SELECT reason, url FROM rejects")) == [
        ("duplicate_url", u("caf%C3%A9")), ("duplicate_url", u("x/../story"))]
    assert _table(warehouse, "SELECT url, error FROM fetch_log WHERE error IS NOT NULL") == []
    asked = sorted(h.path for h in server24.hits_for(HOST) if h.path.startswith("/r24/cr"))
    assert asked == ["/r24/cr%C3%A8me"]
    assert_run_conserves(manifest, 9, 2, 0)
