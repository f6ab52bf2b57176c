"""Fault round 22: header lines over aiohttp's 8190 bytes, robots.txt lines as sites write
them, JSON-LD under odd script types and with a lone UTF-16 half, character references
to halves of an emoji in a feed and a news sitemap, a text sitemap with a line that is
no UTF-8, a JSON Feed dated in the RSS form, and a dump followed by NUL padding. One
whole `ingest` flow under the session's Prefect harness, over a fault server of the
round's own on 127.0.0.1 (no other address):
- robots.txt names our token with a version and a comment (`User-agent: pressroom-test/2.0
  (+https://...)`), disallows `/r22/private/` and asks `Crawl-delay: 250ms` (on main the
  group was nobody's: the private page fetched and kept, no delay);
- `/r22/csp`: a story whose Content-Security-Policy is 16 KB (on main `protocol_error`
  "a header line longer than 8190 bytes");
- `/r22/ld`: a story whose JSON-LD is typed `Application/LD+JSON; charset=utf-8` (on main
  no author, and the date htmldate's day);
- `/r22/half`: a story whose JSON-LD author holds `\\ud83d` (on main the articles table's
  conform raised SchemaError for the batch);
- `feed:/r22/feed.xml`: an RSS feed whose item title holds `&#55357;&#56832;` (on main
  `feed_unparseable`, its items lost);
- `feed:/r22/feed.json`: a JSON Feed dated `Fri, 03 May 2024 10:00:00 +0200`, an item title
  cut inside an emoji (`\\ud83d`) (on main SchemaError out of discover);
- `sitemap:/r22/news.xml`: a news title holding `&#55357;` (on main UnicodeDecodeError), its
  publication date in the RSS form (on main no date);
- `sitemap:/r22/list.txt`: a text sitemap with one latin-1 line (on main `not_a_sitemap`
  "binary data", the good line lost);
- `padded.txt`: a dump followed by 4 KiB of NULs (on main `binary_content`).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from tests.integration.faultserver import FaultServer, assert_run_conserves, story_paragraphs
from tests.integration.test_fetch_faults import settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on
ROBOTS = ("User-agent: *\nDisallow: /nothing-here\n\n"
          "User-agent: pressroom-test/2.0 (+https://example.org/bot)\n"
          "Disallow: /r22/private/\nCrawl-delay: 250ms\n")
CSP = "default-src 'self'; script-src 'self' " + " ".join(
    f"https://cdn{i}.ads.example" for i in range(600))
BODY = ("The council met on Tuesday and debated the budget for the harbour at length. "
        "Members asked how the new quay would be paid for, and the treasurer said the city "
        "would borrow half of it over twenty years at a fixed rate.")
LD = ('{"@context": "https://schema.org", "@type": "NewsArticle", "author": {"@type": '
      '"Person", "name": "Kari Nordmann"}, "datePublished": "2024-05-02T08:30:00+00:00"}')
HALF = '{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Ola \\ud83d Hansen"}}'
FEED = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>R22</title>
<link>BASE/</link><item><title>Flood &#55357;&#56832; warning</title><link>BASE/f1</link></item>
<item><title>Second</title><link>BASE/f2</link></item></channel></rss>"""
NEWS = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>BASE/n1</loc><news:news><news:publication><news:name>R22</news:name>
<news:language>en</news:language></news:publication>
<news:publication_date>Fri, 03 May 2024 10:00:00 +0200</news:publication_date>
<news:title>Storm &#55357; update</news:title></news:news></url></urlset>"""


def page(slug: str, head: str = "") -> str:
    return (f"<html><head><title>Story {slug}</title>{head}</head><body><article><h1>Story "
            f"{slug}</h1>{story_paragraphs(slug)}</article></body></html>")


class Round22Server(FaultServer):
    """The round's routes under /r22/; any other path is the shared fault server's."""

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        path = target.partition("?")[0]
        base = f"http://{ip}:{self.port}/r22"
        if path == "/r22/csp":
            await self._send(writer, "200 OK", page("csp").encode(),
                             extra=[("Content-Security-Policy", CSP)])
        elif path == "/r22/ld":
            await self._send(writer, "200 OK", page("ld", '<script type="Application/LD+JSON;'
                                                   f' charset=utf-8">{LD}</script>').encode())
        elif path == "/r22/half":
            await self._send(writer, "200 OK", page("half", '<script type="application/ld+json">'
                                                     f"{HALF}</script>").encode())
        elif path == "/r22/feed.xml":
            await self._send(writer, "200 OK", FEED.replace("BASE", base).encode(),
                             "application/rss+xml")
        elif path == "/r22/feed.json":
            doc = {"version": "https://jsonfeed.org/version/1.1", "title": "R22", "items": [
                {"id": "j1", "url": f"{base}/j1", "title": "Tide JSONHALF",
                 "date_published": "Fri, 03 May 2024 10:00:00 +0200"}]}
            body = json.dumps(doc).replace("JSONHALF", "\\ud83d").encode()
            await self._send(writer, "200 OK", body, "application/feed+json")
        elif path == "/r22/news.xml":
            await self._send(writer, "200 OK", NEWS.replace("BASE", base).encode(),
                             "application/xml")
        elif path == "/r22/list.txt":
            body = f"{base}/t1\n{base}/caf".encode() + b"\xe9\n"
            await self._send(writer, "200 OK", body, "text/plain")
        elif path in ("/r22/a", "/r22/private/b", "/r22/f1", "/r22/f2", "/r22/j1", "/r22/n1",
                      "/r22/t1", "/r22/caf%C3%A9"):
            await self._send(writer, "200 OK", page(path.rsplit("/", 1)[1]).encode())
        elif path.startswith("/r22/"):
            await self._send(writer, "404 Not Found", b"<html><body>Not found</body></html>")
        else:
            await super()._respond(ip, target, headers, writer)


@pytest.fixture(scope="module")
def server22():
    srv = Round22Server([HOST], robots={HOST: ROBOTS}).start()
    yield srv
    srv.stop()


def test_an_ingest_of_the_rounds_inputs_loses_nothing(
        prefect_harness, server22, tmp_path, warehouse) -> None:
    """Now: nine stories and the dump kept, each feed and sitemap read; the private page a
    failed fetch (`robots_disallowed`); the 250 ms Crawl-delay kept between the requests.
    The text sitemap's latin-1 line was one reject (`sitemap_bad_loc`) until round 24,
    which reads it as windows-1252, as an XML sitemap's: `/r22/caf%C3%A9` kept. On main
    (measured, main's files put back): see RELIABILITY.md, round 22."""
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    def u(slug: str) -> str:
        return server22.url(HOST, f"/r22/{slug}")

    (tmp_path / "pages.urls").write_text(
        f"{u('a')}\n{u('csp')}\n{u('ld')}\n{u('half')}\n{u('private/b')}\n")
    (tmp_path / "padded.txt").write_bytes(
        f" date 2024-05-01 https://dumps.example/padded\nPadded\n\n{BODY}\n".encode()
        + b"\x00" * 4096)

    manifest = ingest(inputs=[str(tmp_path / "pages.urls"), str(tmp_path / "padded.txt"),
                              f"feed:{u('feed.xml')}", f"feed:{u('feed.json')}",
                              f"sitemap:{u('news.xml')}", f"sitemap:{u('list.txt')}"],
                      settings=settings(warehouse, per_host_delay_s=0.0,
                                        per_host_concurrency=1))

    texts = dict(_table(warehouse, "SELECT url, text FROM articles"))
    cafe = next((url for url in texts if url.startswith(u("caf"))), None)
    assert cafe is not None and cafe.endswith(("/r22/caf%C3%A9", "/r22/café")), sorted(texts)
    assert set(texts) == {u("a"), u("csp"), u("ld"), u("half"), u("f1"), u("f2"), u("j1"),
                          u("n1"), u("t1"), cafe, "https://dumps.example/padded"}
    assert texts["https://dumps.example/padded"] == BODY
    by_url = {url: (authors, published) for url, authors, published in _table(
        warehouse, "SELECT url, authors, published_at FROM articles")}
    assert by_url[u("ld")] == (["Kari Nordmann"], datetime(2024, 5, 2, 8, 30, tzinfo=UTC))
    assert by_url[u("half")][0] == ["Ola \ufffd Hansen"]
    assert by_url[u("j1")][1] == datetime(2024, 5, 3, 8, tzinfo=UTC)  # 10:00 +0200
    assert by_url[u("n1")][1] == datetime(2024, 5, 3, 8, tzinfo=UTC)  # the sitemap's, too
    hints = dict(_table(warehouse, "SELECT url, title FROM articles"))
    assert hints[u("f1")] == "Story f1"  # (the page's own title; the feed's was read)
    assert _table(warehouse, "SELECT reason, detail FROM rejects") == []
    failures = _table(warehouse, "SELECT url, error FROM fetch_log WHERE error IS NOT NULL")
    assert failures == [(u("private/b"), "robots_disallowed")]
    starts = sorted(h.start for h in server22.hits_for(HOST)
                    if h.path.startswith("/r22/") and not h.path.endswith((".xml", ".json",
                                                                             ".txt")))
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert len(starts) == 10 and min(gaps) >= 0.2, gaps  # the 250 ms Crawl-delay kept
    assert_run_conserves(manifest, 11, 0, 1)
