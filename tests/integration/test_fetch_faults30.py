"""Fault round 30: HTML pages as CMSs, frameworks and web archives deliver them. One whole
`ingest` flow under the session's Prefect harness, over a fault server of the round's own
on 127.0.0.1 (no other address), every page linked from one RSS feed:
- `/r30/next`: a Next.js page whose markup is an empty `<div id="__next">`, its story only
  in `<script id="__NEXT_DATA__">` (on main an `extraction_failed` "no main text found");
- `/r30/nextld`: the same with a JSON-LD `articleBody` (read from it, as on main);
- `/r30/srcdoc`: the story only in an `<iframe srcdoc="...">` (on main "no main text
  found": round 24's known item);
- `/r30/dc`: the author only in `<meta name="DC.creator" content="Doe, Jane">` and
  `<meta name="citation_author" content="Roe, Richard">` (on main four authors, "Doe",
  "Jane", "Roe", "Richard");
- `/r30/xhtml`: XHTML served as `application/xhtml+xml`, an XML prolog, the default
  namespace and `<x:p>` prefixed paragraphs, in UTF-16 with its BOM;
- `/r30/ampstory`: an AMP story (`<html amp>`, `<amp-story>`, `<amp-story-page>`s);
- `/web/20240503100000/http://news.example/2024/05/tram` and
  `/web/20240610120000id_/http://news.example/2024/05/tram`: two captures of one page as
  a Wayback Machine serves them, the first with its rel=canonical rewritten to the capture
  (on main two articles of the archive's host, each capture an id of its own; now one
  article of `news.example`, the second capture a `duplicate_url`).
"""

from __future__ import annotations

import html
import json

import pytest

from tests.integration.faultserver import FaultServer, assert_run_conserves, story_paragraphs
from tests.integration.test_fetch_faults import settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on
ROBOTS = "User-agent: *\nDisallow: /nothing-here\n"
SLUGS = ("next", "nextld", "srcdoc", "dc", "xhtml", "ampstory")
ORIGINAL = "http://news.example/2024/05/tram"
CAPTURES = (f"/web/20240503100000/{ORIGINAL}", f"/web/20240610120000id_/{ORIGINAL}")
PARAS = [f"The council debated the {{slug}} plan for the {j + 1}th time on Tuesday, and "
         f"member {j + 3} said it would cost {j + 5} million euros over {j + 2} years."
         for j in range(8)]


def paras(slug: str) -> list[str]:
    return [p.format(slug=slug) for p in PARAS]


def feed(base: str, root: str) -> str:
    links = [f"{base}/{slug}" for slug in SLUGS] + [root + c for c in CAPTURES]
    items = "".join(f"<item><title>Item {i}</title><link>{html.escape(link)}</link></item>"
                    for i, link in enumerate(links))
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>R30</title><link>{base}/</link>{items}</channel></rss>")


def page(slug: str) -> tuple[bytes, str]:
    """(body, Content-Type) of /r30/<slug>."""
    title = f"Story {slug}"
    blocks = "".join(f"<p>{p}</p>" for p in paras(slug))
    if slug in ("next", "nextld"):
        data = json.dumps({"props": {"pageProps": {"article": {
            "title": title, "body": "\n\n".join(paras(slug))}}}, "page": "/[slug]"})
        ld = ("" if slug == "next" else '<script type="application/ld+json">' + json.dumps(
            {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
             "articleBody": " ".join(paras(slug))}) + "</script>")
        return (f"<!DOCTYPE html><html><head><title>{title}</title>{ld}</head><body>"
                f'<div id="__next"></div><script id="__NEXT_DATA__" type="application/json">'
                f"{data}</script></body></html>").encode(), "text/html; charset=utf-8"
    if slug == "srcdoc":
        inner = (f"<!DOCTYPE html><html><body><article><h1>{title}</h1>{blocks}</article>"
                 "</body></html>")
        return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body>"
                f'<iframe srcdoc="{html.escape(inner)}" sandbox></iframe></body></html>'
                ).encode(), "text/html; charset=utf-8"
    if slug == "dc":
        head = ('<meta name="DC.creator" content="Doe, Jane">'
                '<meta name="citation_author" content="Roe, Richard">'
                '<meta name="DC.date" content="2024-05-02">')
        return (f"<!DOCTYPE html><html lang='en'><head><title>{title}</title>{head}</head>"
                f"<body><article><h1>{title}</h1>{blocks}</article></body></html>"
                ).encode(), "text/html; charset=utf-8"
    if slug == "xhtml":
        xblocks = "".join(f"<x:p>{p}</x:p>" for p in paras(slug))
        doc = ('<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE html PUBLIC '
               '"-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">\n'
               '<html xmlns="http://www.w3.org/1999/xhtml" '
               'xmlns:x="http://www.w3.org/1999/xhtml" xml:lang="en">'
               f"<head><title>{title}</title></head><body><div><h1>{title}</h1>{xblocks}"
               "</div></body></html>")
        return doc.encode("utf-16"), "application/xhtml+xml"
    # ampstory: an AMP web story, one paragraph a page
    pages = "".join(f'<amp-story-page id="p{i}"><amp-story-grid-layer template="vertical">'
                    f"<p>{p}</p></amp-story-grid-layer></amp-story-page>"
                    for i, p in enumerate(paras(slug)))
    return (f'<!doctype html><html amp lang="en"><head><meta charset="utf-8"><title>{title}'
            '</title><script async src="https://cdn.ampproject.org/v0.js"></script></head>'
            f'<body><amp-story standalone title="{title}" publisher="R30">{pages}</amp-story>'
            "</body></html>").encode(), "text/html; charset=utf-8"


def capture(root: str, path: str) -> bytes:
    """A Wayback capture: its toolbar comments, its links and (in the first mode) the
    rel=canonical rewritten to the capture's own address."""
    canonical = root + path if "id_/" not in path else ORIGINAL
    return ("<!DOCTYPE html><html><head><title>Tram line extended</title>"
            '<script src="//archive.org/includes/athena.js"></script>'
            f'<link rel="canonical" href="{canonical}"></head><body>'
            "<!-- BEGIN WAYBACK TOOLBAR INSERT --><div id=\"wm-ipp-base\" "
            "style=\"display:none\"></div><!-- END WAYBACK TOOLBAR INSERT -->"
            f"<article><h1>Tram line extended</h1>{story_paragraphs('tram')}</article>"
            "</body></html><!-- FILE ARCHIVED ON 10:00:00 May 03, 2024 AND RETRIEVED FROM "
            "THE INTERNET ARCHIVE -->").encode()


class Round30Server(FaultServer):
    """The round's feed and pages under /r30/, its Wayback captures under /web/ (the paths
    asked for kept, in order); any other path the shared fault server's."""

    def __init__(self, hosts: list[int], robots: dict[int, str]) -> None:
        super().__init__(hosts, robots)
        self.asked: list[str] = []

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        root = f"http://{ip}:{self.port}"
        if target == "/r30/feed.xml":
            body = feed(root + "/r30", root).encode()
            await self._send(writer, "200 OK", body, "application/rss+xml")
        elif target.startswith("/r30/") and target.removeprefix("/r30/") in SLUGS:
            self.asked.append(target)
            await self._send(writer, "200 OK", *page(target.removeprefix("/r30/")))
        elif target in CAPTURES:
            self.asked.append(target)
            await self._send(writer, "200 OK", capture(root, target))
        else:
            await super()._respond(ip, target, headers, writer)


@pytest.fixture(scope="module")
def server30():
    srv = Round30Server([HOST], robots={HOST: ROBOTS}).start()
    yield srv
    srv.stop()


def test_an_ingest_of_the_rounds_pages_loses_nothing(
        prefect_harness, server30, tmp_path, warehouse) -> None:
    """Now: the Next.js page a named `extraction_failed` reject, the other pages kept with
    their stories, the Dublin Core author one person, the two captures one article of the
    captured page. On main (measured, main's files put back): see RELIABILITY.md, round 30."""
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    def u(path: str) -> str:
        return server30.url(HOST, path)

    manifest = ingest(inputs=[f"feed:{u('/r30/feed.xml')}"],
                      settings=settings(warehouse, per_host_delay_s=0.0))

    rows = {url: (canonical, domain, title, list(authors or []), text)
            for url, canonical, domain, title, authors, text in _table(
                warehouse, "SELECT url, canonical_url, domain, title, authors, text "
                           "FROM articles")}
    rejects = _table(warehouse, "SELECT reason, url, detail FROM rejects ORDER BY url")
    print(manifest["totals"])
    print({url.split(":", 2)[2]: row[:4] + (len(row[4]),) for url, row in rows.items()})
    print(rejects)
    print(server30.asked)
    kept = {f"/r30/{slug}" for slug in SLUGS if slug != "next"} | {CAPTURES[0]}
    assert set(rows) == {u(path) for path in kept}
    for slug in ("nextld", "srcdoc", "xhtml", "ampstory"):
        text = rows[u(f"/r30/{slug}")][4]
        assert all(p in text for p in paras(slug)), (slug, text[:300])
        assert "<" not in text, slug
    assert rows[u("/r30/dc")][3] == ["Jane Doe", "Richard Roe"]
    assert rows[u(CAPTURES[0])][:2] == ("https://news.example/2024/05/tram", "news.example")
    assert [(r, url) for r, url, _ in rejects] == [
        ("duplicate_url", u(CAPTURES[1])), ("extraction_failed", u("/r30/next"))]
    assert rejects[1][2].startswith("a script-rendered page") and "__NEXT_DATA__" in rejects[1][2]
    assert _table(warehouse, "SELECT url, error FROM fetch_log WHERE error IS NOT NULL") == []
    assert_run_conserves(manifest, 6, 2, 0)
