"""Fault round 25: bylines holding an e-mail or web address, an author's name written
decomposed or with invisible marks, a title of separators alone, a JSON-LD author's name
as a language-tagged value object, and feed dates whose zone is RFC 5322's `-0000` or 25 hours. One
whole `ingest` flow under the session's Prefect harness, over a fault server of the
round's own on 127.0.0.1 (no other address), every page linked from one RSS feed:
- `/r25/mail`: `<meta name=author content="Jane Doe jane.doe@example.com">` (on main the
  author "Jane Doe jane com"), dated `Fri, 03 May 2024 10:00:00 -0000` in the feed and
  nowhere on the page (on main no date);
- `/r25/web`: a byline "By Jane Doe, https://twitter.com/janedoe" (on main "Jane Doe" and
  "Https");
- `/r25/nfd` and `/r25/nfc`: the same reporter as "Jose\\u0301 Garci\\u0301a" (decomposed)
  and "José García" (on main two authors);
- `/r25/bar`: `<title> | </title>`, no headline element: the title the feed gives the
  item, "Item bar" (on main the title "|");
- `/r25/ld`: a JSON-LD Person named `{"@value": "Anna Keller", "@language": "de"}` (on
  main no author);
- `/r25/zone`: dated `2024-05-03T10:00:00+25:00` in the feed, an offset no clock has,
  and nowhere on the page (on main 2024-05-02 09:00 UTC).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from tests.integration.faultserver import (
    FeedRoundServer,
    assert_run_conserves,
    story_paragraphs,
)
from tests.integration.test_fetch_faults import settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on
ROBOTS = "User-agent: *\nDisallow: /nothing-here\n"
SLUGS = ("mail", "web", "nfd", "nfc", "bar", "ld", "zone")
DATES = {"mail": "Fri, 03 May 2024 10:00:00 -0000", "zone": "2024-05-03T10:00:00+25:00"}
LD_PERSON = {"@type": "Person", "name": {"@value": "Anna Keller", "@language": "de"}}


def feed(base: str) -> str:
    items = "".join(
        f"<item><title>Item {slug}</title><link>{base}/{slug}</link>"
        + (f"<pubDate>{DATES[slug]}</pubDate>" if slug in DATES else "") + "</item>"
        for slug in SLUGS)
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>R25</title><link>{base}/</link>{items}</channel></rss>")


def page(slug: str) -> str:
    head, title, byline = "", f"<title>Story {slug}</title>", ""
    h1 = f"<h1>Story {slug}</h1>"
    if slug == "mail":
        head = '<meta name="author" content="Jane Doe jane.doe@example.com">'
    elif slug == "web":
        byline = '<p class="byline">By Jane Doe, https://twitter.com/janedoe</p>'
    elif slug == "nfd":
        head = '<meta name="author" content="Jose\u0301 Garci\u0301a">'
    elif slug == "nfc":
        head = '<meta name="author" content="José García">'
    elif slug == "bar":
        title, h1 = "<title> | </title>", ""
    elif slug == "ld":
        head = ('<script type="application/ld+json">' + json.dumps(
            {"@context": "https://schema.org", "@type": "NewsArticle",
             "headline": "Story ld", "author": LD_PERSON}) + "</script>")
    return (f'<!DOCTYPE html><html lang="en"><head>{title}{head}</head><body><article>'
            f"{h1}{byline}{story_paragraphs(slug)}</article></body></html>")


@pytest.fixture(scope="module")
def server25():
    srv = FeedRoundServer([HOST], "r25", feed, page, SLUGS, robots={HOST: ROBOTS}).start()
    yield srv
    srv.stop()


def test_an_ingest_of_the_rounds_inputs_loses_nothing(
        prefect_harness, server25, tmp_path, warehouse) -> None:
    """Now: each address out of its byline, one spelling of one reporter, no title of
    separators (the feed's title for the page), the language-tagged name read, the
    `-0000` date UTC, the `+25:00` one none. On main (measured, main's files put back):
    see RELIABILITY.md, round 25."""
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    def u(slug: str) -> str:
        return server25.url(HOST, f"/r25/{slug}")

    manifest = ingest(inputs=[f"feed:{u('feed.xml')}"],
                      settings=settings(warehouse, per_host_delay_s=0.0))

    rows = {url: (title, list(authors or []), published) for url, title, authors, published
            in _table(warehouse, "SELECT url, title, authors, published_at FROM articles")}
    print({url.rsplit("/", 1)[1]: row for url, row in rows.items()})
    assert set(rows) == {u(slug) for slug in SLUGS}
    assert rows[u("mail")][1] == ["Jane Doe"]
    assert rows[u("mail")][2] == datetime(2024, 5, 3, 10, tzinfo=UTC)
    assert rows[u("web")][1] == ["Jane Doe"]
    assert rows[u("nfd")][1] == rows[u("nfc")][1] == ["José García"]
    assert rows[u("bar")][0] == "Item bar"  # the feed's title for it, the page naming none
    assert rows[u("ld")][1] == ["Anna Keller"]
    assert rows[u("zone")][2] is None  # +25:00: no date, the page names none
    assert _table(warehouse, "SELECT reason, url FROM rejects") == []
    assert _table(warehouse, "SELECT url, error FROM fetch_log WHERE error IS NOT NULL") == []
    assert_run_conserves(manifest, 7, 0, 0)
