"""Fault round 27: dates written with RFC 3339's lower-case letters, a clipped "p" after a
feed time, a JSON-LD author escaped for HTML and a publisher named in a list, an RSS 0.91
feed using the HTML references its DTD defines, a sitemap index dated by an unset clock,
a dump header dated with a time, and a robots.txt rule written as a full URL. One whole
`ingest` flow under the session's Prefect harness, over a fault server of the round's
own on 127.0.0.1 (no other address):
- `feed:/r27/feed.xml`: an RSS 0.91 feed declaring the Netscape DTD on its XML
  declaration's line, linking
  - `/r27/ld`: JSON-LD author "Jos&eacute; Garc&iacute;a", publisher name
    `["Harbour Gazette", "Hafenblatt"]`, datePublished `2024-05-02t08:30:00z` (on main no
    author, no site name, the date 00:00);
  - `/r27/caf&eacute;`, titled "Caf&eacute;&nbsp;news" and nothing else (on main the
    link `/r27/caf`, an `http_404`);
  - `/r27/pm`, dated `Fri, 03 May 2024 10:00 p` in the feed only (on main 10:00 UTC);
  - `/r27/private/p`, under `Disallow: https://news.example/r27/private/` (on main
    fetched and kept);
- `feed:/r27/feed.json`: a JSON Feed item `/r27/jf` dated `2024-05-03t10:00:00z` (on main
  undated);
- `sitemap:/r27/index.xml`: an index whose child's lastmod is `1970-01-01T00:00:00+00:00`,
  the child listing `/r27/sm` (on main `sitemap_child_too_old`, `/r27/sm` never read);
- `timed.txt`: a dump dated `2024-04-04T10:00:00Z` (on main `bad_date`).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from urllib.parse import unquote

import pytest

from tests.integration.faultserver import (
    PROSE,
    FaultServer,
    assert_run_conserves,
    story,
    story_paragraphs,
)
from tests.integration.test_fetch_faults import settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on
ROBOTS = "User-agent: *\nDisallow: https://news.example/r27/private/\n"
PAGES = ("ld", "caf\u00e9", "pm", "private/p", "jf", "sm")
LD = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                 "headline": "Story ld", "datePublished": "2024-05-02t08:30:00z",
                 "author": {"@type": "Person", "name": "Jos&eacute; Garc&iacute;a"},
                 "publisher": {"@type": "NewsMediaOrganization",
                               "name": ["Harbour Gazette", "Hafenblatt"]}})


def feed(base: str) -> bytes:
    return ('<?xml version="1.0" encoding="ISO-8859-1"?><!DOCTYPE rss PUBLIC '
            '"-//Netscape Communications//DTD RSS 0.91//EN" '
            '"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
            f'<rss version="0.91"><channel><title>R27</title><link>{base}/</link>'
            "<description>Round 27</description><language>en</language>"
            f"<item><title>Item ld</title><link>{base}/ld</link></item>"
            f"<item><title>Caf&eacute;&nbsp;news</title><link>{base}/caf&eacute;</link></item>"
            f"<item><title>Item pm</title><link>{base}/pm</link>"
            "<pubDate>Fri, 03 May 2024 10:00 p</pubDate></item>"
            f"<item><title>Item private</title><link>{base}/private/p</link></item>"
            "</channel></rss>").encode("latin-1")


def json_feed(base: str) -> bytes:
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "R27",
                       "items": [{"id": "jf", "url": f"{base}/jf", "title": "Item jf",
                                  "date_published": "2024-05-03t10:00:00z"}]}).encode()


def index(base: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns='
            '"http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>'
            f"<loc>{base}/child.xml</loc><lastmod>1970-01-01T00:00:00+00:00</lastmod>"
            "</sitemap></sitemapindex>").encode()


def child(base: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns='
            f'"http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{base}/sm</loc>'
            "</url></urlset>").encode()


def page(slug: str) -> str:
    if slug == "ld":
        return story(slug, "Story ld", f'<script type="application/ld+json">{LD}</script>')
    if slug == "caf\u00e9":  # no title of its own: the feed's names it
        return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body>'
                f"<article>{story_paragraphs('cafe')}</article></body></html>")
    return story(slug.replace("/", "-"), f"Story {slug}")


class Round27Server(FaultServer):
    """The round's feeds, sitemaps and pages under /r27/; any other path the shared
    fault server's."""

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        path = unquote(target.partition("?")[0])
        base = f"http://{ip}:{self.port}/r27"
        documents = {"feed.xml": (feed, "application/rss+xml"),
                     "feed.json": (json_feed, "application/feed+json"),
                     "index.xml": (index, "application/xml"),
                     "child.xml": (child, "application/xml")}
        name = path.removeprefix("/r27/")
        if path.startswith("/r27/") and name in documents:
            make, ctype = documents[name]
            await self._send(writer, "200 OK", make(base), ctype)
        elif path.startswith("/r27/") and name in PAGES:
            await self._send(writer, "200 OK", page(name).encode())
        elif path.startswith("/r27/"):
            await self._send(writer, "404 Not Found", b"<html><body>Not found</body></html>")
        else:
            await super()._respond(ip, target, headers, writer)


@pytest.fixture(scope="module")
def server27():
    srv = Round27Server([HOST], robots={HOST: ROBOTS}).start()
    yield srv
    srv.stop()


def test_an_ingest_of_the_rounds_inputs_loses_nothing(
        prefect_harness, server27, tmp_path, warehouse) -> None:
    """Now: six stories kept with their authors, site name, titles and times; the private
    page a failed fetch (`robots_disallowed`). On main (measured, main's files put back):
    see RELIABILITY.md, round 27."""
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    def u(slug: str) -> str:
        return server27.url(HOST, f"/r27/{slug}")

    (tmp_path / "timed.txt").write_text(
        f" date 2024-04-04T10:00:00Z https://dumps.example/r27\nTimed\n\n{PROSE}\n")
    manifest = ingest(inputs=[f"feed:{u('feed.xml')}", f"feed:{u('feed.json')}",
                              f"sitemap:{u('index.xml')}", str(tmp_path / "timed.txt")],
                      settings=settings(warehouse, per_host_delay_s=0.0))

    rows = {url: (title, list(authors or []), site, published)
            for url, title, authors, site, published in _table(
                warehouse, "SELECT url, title, authors, site_name, published_at FROM articles")}
    print(rows)
    print(_table(warehouse, "SELECT reason, url, detail FROM rejects"))
    print(_table(warehouse, "SELECT url, error FROM fetch_log WHERE error IS NOT NULL"))
    cafe = u("caf\u00e9")
    assert set(rows) == {u("ld"), cafe, u("pm"), u("jf"), u("sm"),
                         "https://dumps.example/r27"}
    assert rows[u("ld")] == ("Story ld", ["José García"], "Harbour Gazette",
                             datetime(2024, 5, 2, 8, 30, tzinfo=UTC))
    assert rows[cafe][0] == "Café news"
    assert rows[u("pm")][3] == datetime(2024, 5, 3, 22, tzinfo=UTC)
    assert rows[u("jf")][3] == datetime(2024, 5, 3, 10, tzinfo=UTC)
    assert rows["https://dumps.example/r27"][3] == datetime(2024, 4, 4, 10, tzinfo=UTC)
    assert _table(warehouse, "SELECT reason, url FROM rejects") == []
    assert _table(warehouse, "SELECT url, error FROM fetch_log WHERE error IS NOT NULL") == [
        (u("private/p"), "robots_disallowed")]
    assert_run_conserves(manifest, 6, 0, 1)
