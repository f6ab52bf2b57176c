"""Fault round 10: dates at the calendar's edge, templates whose rel=canonical names the
home page or leans on `<base href>`, and invisible marks in text, served by a fault
server of its own on 127.0.0.1 (no other address) through one whole `ingest` flow under
the session's Prefect harness.

- A sitemap `<lastmod>` or JSON Feed `date_published` of `9999-12-31T23:00:00-05:00`:
  past year 9999 once in UTC, `astimezone` raised OverflowError out of the parsers and
  the discover task failed, and the run with it.
- The same date in a page's `article:published_time`: the page lost its title, authors
  and site name (the metadata is best effort as a whole).
- Stories whose rel=canonical is the home page: one article id for all, kept as the home
  page's revisions.
"""

from __future__ import annotations

import json

import pytest

from tasks.common.urls import canonical_url
from tests.integration.faultserver import FaultServer
from tests.integration.test_fetch_faults import settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on
EDGE = "9999-12-31T23:00:00-05:00"
TOPICS = ["harbour bridge", "tram line", "school budget", "river flood", "market hall",
          "bus depot", "city library", "water works"]


def story(slug: str, n: int, head: str = "", title: str | None = None) -> bytes:
    """A page of its own text (distinct stories: a copy would be a duplicate, not a
    revision), with `head` added to its <head>."""
    topic = TOPICS[n % len(TOPICS)]
    title = title or f"Council votes on the {topic} plan {slug}"
    paras = "".join(
        f"<p>The council debated the {topic} plan {slug} for the {j + 1}th time on Tuesday, "
        f"and member {n * 10 + j} said the {topic} would cost {n + j + 3} million euros over "
        f"{j + 2} years, according to figures the city published on its site.</p>"
        for j in range(8))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="og:site_name" content="Harbour Gazette">{head}</head><body>'
            f"<article><h1>{title}</h1><p class=\"byline\">By Maria Lopez</p>{paras}</article>"
            "</body></html>").encode()


class Round10Server(FaultServer):
    """The round's routes under /r10/; any other path is the shared fault server's."""

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        path = target.split("?", 1)[0]
        base = f"http://{ip}:{self.port}"
        if path == "/r10/sitemap.xml":
            body = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                    f"<url><loc>{base}/r10/sm-1</loc><lastmod>{EDGE}</lastmod></url>\n"
                    f"<url><loc>{base}/r10/sm-2</loc></url>\n</urlset>\n")
            await self._send(writer, "200 OK", body.encode(), "application/xml")
        elif path == "/r10/feed.json":
            feed = {"version": "https://jsonfeed.org/version/1.1", "title": "r10", "items": [
                {"id": "1", "url": f"{base}/r10/jf-1", "date_published": EDGE},
                {"id": "2", "url": f"{base}/r10/jf-2"}]}
            await self._send(writer, "200 OK", json.dumps(feed).encode(), "application/feed+json")
        elif path.startswith("/r10/home-canonical/"):
            n = int(path.rsplit("-", 1)[1])
            await self._send(writer, "200 OK", story(f"H{n}", n, '<link rel="canonical" href="/">'))
        elif path == "/r10/print/based":
            head = '<base href="/r10/news/"><link rel="canonical" href="based">'
            await self._send(writer, "200 OK", story("B", 5, head))
        elif path == "/r10/dated":
            head = f'<meta property="article:published_time" content="{EDGE}">'
            await self._send(writer, "200 OK", story("D", 6, head))
        elif path == "/r10/marked":
            title = "Council\u2066 votes\u2069 on the water\u009b works plan M"
            await self._send(writer, "200 OK", story("M", 7, title=title))
        elif path.startswith("/r10/"):  # the sitemap's and the feed's pages
            slug = path.rsplit("/", 1)[1]
            await self._send(writer, "200 OK", story(slug, len(slug) + ord(slug[-1])))
        else:
            await super()._respond(ip, target, headers, writer)


@pytest.fixture(scope="module")
def server10():
    srv = Round10Server([HOST]).start()
    yield srv
    srv.stop()


def test_an_ingest_of_edge_dates_home_canonicals_and_marks_keeps_every_story(
        prefect_harness, server10, tmp_path, warehouse) -> None:
    """The whole flow over a sitemap and a JSON Feed each with one date past year 9999 in
    UTC (2 pages each), three stories whose canonical is the home page, a print copy whose
    canonical leans on `<base href>`, a page dated at the edge and one whose title holds
    bidi isolates and a C1 control. On main (measured) the run failed in discover:
    "OverflowError: date value out of range". Now 10 articles under 10 ids, each its
    revision 1, the dated page with its title, author and site name, the marks gone from
    the title; no reject, no failed fetch, every data test at 0."""
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    u = lambda p: server10.url(HOST, p)  # noqa: E731
    homes = [u(f"/r10/home-canonical/story-{i}") for i in range(3)]
    inputs = [f"sitemap:{u('/r10/sitemap.xml')}", f"feed:{u('/r10/feed.json')}", *homes,
              u("/r10/print/based"), u("/r10/dated"), u("/r10/marked")]
    manifest = ingest(inputs=inputs, settings=settings(warehouse))

    rows = _table(warehouse, "SELECT url, canonical_url, article_id, revision, title, "
                  "authors, site_name FROM articles")
    by_url = {r[0]: r for r in rows}
    pages = [u(f"/r10/{p}") for p in ("sm-1", "sm-2", "jf-1", "jf-2")]
    assert sorted(by_url) == sorted([*pages, *homes, u("/r10/print/based"), u("/r10/dated"),
                                     u("/r10/marked")])
    assert len({r[2] for r in rows}) == 10 and {r[3] for r in rows} == {1}
    assert [by_url[h][1] for h in homes] == [canonical_url(h) for h in homes]
    assert by_url[u("/r10/print/based")][1] == canonical_url(u("/r10/news/based"))
    assert by_url[u("/r10/dated")][4:] == ("Council votes on the city library plan D",
                                           ["Maria Lopez"], "Harbour Gazette")
    assert by_url[u("/r10/marked")][4] == "Council votes on the water works plan M"
    assert _table(warehouse, "SELECT reason, detail FROM rejects") == []
    assert {e for _, e in _table(warehouse, "SELECT url, error FROM fetch_log")} == {None}
    assert manifest["totals"]["rejected"] == 0 and manifest["totals"]["failed"] == 0
    assert all(n == 0 for n in manifest["data_tests"].values()), manifest["data_tests"]
