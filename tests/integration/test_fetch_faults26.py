"""Fault round 26: a JSON-LD headline written as a list, a title escaped twice, a
quotation nesting the other kind of quote mark, and feed dates with a fraction of a
second or a military zone letter. One whole `ingest` flow under the session's Prefect
harness, over a fault server of the round's own on 127.0.0.1 (no other address), every
page linked from one RSS feed:
- `/r26/ld`: JSON-LD `"headline": ["Story ld", "Geschichte ld"]` beside
  `<meta name=author content="Jane Doe">` and an `article:published_time` (on main the
  page's metadata crashed: no author, no page date);
- `/r26/amp`: `og:title` "Tom &amp;amp; Jerry return", no `<title>` or headline element
  (on main the title "Tom &amp; Jerry return");
- `/r26/quote`: `“He told me "the ferry is back" yesterday,” said Jane Doe.` (on main
  no quotation);
- `/r26/frac`: dated `Fri, 03 May 2024 10:00:00.123 GMT` in the feed and nowhere on the
  page (on main no date);
- `/r26/mil`: dated `Fri, 03 May 2024 10:00:00 A` in the feed, a military zone letter,
  UTC by RFC 5322 (on main 11:00 UTC).
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
SLUGS = ("ld", "amp", "quote", "frac", "mil")
DATES = {"frac": "Fri, 03 May 2024 10:00:00.123 GMT", "mil": "Fri, 03 May 2024 10:00:00 A"}
QUOTE = "<p>“He told me \"the ferry is back\" yesterday,” said Jane Doe.</p>"


def feed(base: str) -> str:
    items = "".join(
        f"<item><title>Item {slug}</title><link>{base}/{slug}</link>"
        + (f"<pubDate>{DATES[slug]}</pubDate>" if slug in DATES else "") + "</item>"
        for slug in SLUGS)
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>R26</title><link>{base}/</link>{items}</channel></rss>")


def page(slug: str) -> str:
    head, title, h1, body = "", f"<title>Story {slug}</title>", f"<h1>Story {slug}</h1>", ""
    if slug == "ld":
        head = ('<meta name="author" content="Jane Doe">'
                '<meta property="article:published_time" content="2024-05-02T08:00:00Z">'
                '<script type="application/ld+json">' + json.dumps(
                    {"@context": "https://schema.org", "@type": "NewsArticle",
                     "headline": ["Story ld", "Geschichte ld"]}) + "</script>")
    elif slug == "amp":
        title, h1 = "", ""
        head = '<meta property="og:title" content="Tom &amp;amp; Jerry return">'
    elif slug == "quote":
        body = QUOTE
    return (f'<!DOCTYPE html><html lang="en"><head>{title}{head}</head><body><article>'
            f"{h1}{story_paragraphs(slug)}{body}</article></body></html>")


@pytest.fixture(scope="module")
def server26():
    srv = FeedRoundServer([HOST], "r26", feed, page, SLUGS, robots={HOST: ROBOTS}).start()
    yield srv
    srv.stop()


def test_an_ingest_of_the_rounds_inputs_loses_nothing(
        prefect_harness, server26, tmp_path, warehouse) -> None:
    """Now: the page with a listed headline keeps its author and date, the title escaped
    twice is read as meant, the nested quotation is kept whole, the fractional-second
    date read and the military-letter one UTC. On main (measured, main's files put
    back): see RELIABILITY.md, round 26."""
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    def u(slug: str) -> str:
        return server26.url(HOST, f"/r26/{slug}")

    manifest = ingest(inputs=[f"feed:{u('feed.xml')}"],
                      settings=settings(warehouse, per_host_delay_s=0.0))

    rows = {url: (title, list(authors or []), published, list(quotes or []))
            for url, title, authors, published, quotes in _table(
                warehouse, "SELECT url, title, authors, published_at, quotes FROM articles")}
    print({url.rsplit("/", 1)[1]: row for url, row in rows.items()})
    assert set(rows) == {u(slug) for slug in SLUGS}
    assert rows[u("ld")][:3] == ("Story ld", ["Jane Doe"], datetime(2024, 5, 2, 8, tzinfo=UTC))
    assert rows[u("amp")][0] == "Tom & Jerry return"
    assert {"quote": 'He told me "the ferry is back" yesterday',
            "speaker": "Jane Doe"} in rows[u("quote")][3]
    assert rows[u("frac")][2] == datetime(2024, 5, 3, 10, tzinfo=UTC)
    assert rows[u("mil")][2] == datetime(2024, 5, 3, 10, tzinfo=UTC)
    assert _table(warehouse, "SELECT reason, url FROM rejects") == []
    assert _table(warehouse, "SELECT url, error FROM fetch_log WHERE error IS NOT NULL") == []
    assert_run_conserves(manifest, 5, 0, 0)
