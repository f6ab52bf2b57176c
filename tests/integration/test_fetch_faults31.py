"""Fault round 31: dates written in the calendars and digits of the page's country. One
whole `ingest` flow under the session's Prefect harness, over the shared feed server with a
news sitemap added, on 127.0.0.1 (no other address), every page but one linked from one
RSS feed:
- `/r31/thai`: a Thai page (`<html lang="th">`) whose `article:published_time` is in the
  Buddhist era, `2567-05-02T10:00:00+07:00` (on main refused as 'future': undated);
- `/r31/thaifeed`: a Thai page dating itself nowhere, its feed item dated
  `Thu, 02 May 2567 09:00:00 +0700` (on main undated);
- `/r31/fa`: a Persian page whose JSON-LD `datePublished` is a Solar Hijri date in Persian
  digits, `۱۴۰۳-۰۲-۱۳T۱۰:۰۰:۰۰+۰۳:۳۰` (2 May 2024; on main 'implausible': undated);
- `/r31/ja`: a Japanese page showing `令和6年5月2日` beside its headline (on main undated);
- `/r31/ar`: an Arabic page whose `article:published_time` is in Arabic-Indic digits,
  `٢٠٢٤-٠٥-٠٢T10:00:00+03:00` (on main the day alone, 00:00 UTC);
- `/r31/arfeed`: a page dating itself nowhere, its feed item dated in Arabic-Indic digits
  (on main undated);
- `/r31/jafeed`: a page dating itself nowhere, its feed item dated `令和6年5月2日 12:00`
  (on main undated);
- `/r31/arsm`: a page dating itself nowhere, listed by a news sitemap whose
  `<news:publication_date>` is in Arabic-Indic digits (on main undated);
- `/r31/gone`: a 404, the run's one failed fetch.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.integration.faultserver import FeedRoundServer, assert_run_conserves, story_paragraphs
from tests.integration.test_fetch_faults import settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on
ROBOTS = "User-agent: *\nDisallow: /nothing-here\n"
SLUGS = ("thai", "thaifeed", "fa", "ja", "ar", "arfeed", "jafeed", "arsm")
FEED_DATES = {"thaifeed": "Thu, 02 May 2567 09:00:00 +0700",
              "arfeed": "٢٠٢٤-٠٥-٠٢T11:00:00+03:00", "jafeed": "令和6年5月2日 12:00"}
EXPECTED = {
    "thai": datetime(2024, 5, 2, 3, 0, tzinfo=UTC),
    "thaifeed": datetime(2024, 5, 2, 2, 0, tzinfo=UTC),
    "fa": datetime(2024, 5, 2, 6, 30, tzinfo=UTC),
    "ja": datetime(2024, 5, 2, 0, 0, tzinfo=UTC),
    "ar": datetime(2024, 5, 2, 7, 0, tzinfo=UTC),
    "arfeed": datetime(2024, 5, 2, 8, 0, tzinfo=UTC),
    "jafeed": datetime(2024, 5, 2, 12, 0, tzinfo=UTC),
    "arsm": datetime(2024, 5, 2, 9, 0, tzinfo=UTC),
}


def feed(base: str) -> str:
    items = "".join(
        f"<item><title>Item {slug}</title><link>{base}/{slug}</link>"
        + (f"<pubDate>{FEED_DATES[slug]}</pubDate>" if slug in FEED_DATES else "") + "</item>"
        for slug in (*SLUGS, "gone") if slug != "arsm")
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>R31</title><link>{base}/</link>{items}</channel></rss>")


def sitemap(base: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset '
            'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            f"<url><loc>{base}/arsm</loc><news:news><news:publication><news:name>R31"
            "</news:name><news:language>ar</news:language></news:publication>"
            "<news:publication_date>٢٠٢٤-٠٥-٠٢T12:00:00+03:00</news:publication_date>"
            "<news:title>Story arsm</news:title></news:news></url></urlset>")


class Round31Server(FeedRoundServer):
    """The shared feed server, with the round's news sitemap at /r31/sitemap.xml."""

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        if target == "/r31/sitemap.xml":
            body = sitemap(f"http://{ip}:{self.port}/r31").encode()
            await self._send(writer, "200 OK", body, "application/xml")
        else:
            await super()._respond(ip, target, headers, writer)


def page(slug: str) -> str:
    title = f"Story {slug}"
    lang = {"thai": "th", "thaifeed": "th", "fa": "fa", "ja": "ja"}.get(slug, "ar")
    head = {
        "thai": '<meta property="article:published_time" content="2567-05-02T10:00:00+07:00">',
        "fa": '<script type="application/ld+json">{"@type": "NewsArticle", '
              '"datePublished": "۱۴۰۳-۰۲-۱۳T۱۰:۰۰:۰۰+۰۳:۳۰"}</script>',
        "ar": '<meta property="article:published_time" content="٢٠٢٤-٠٥-٠٢T10:00:00+03:00">',
    }.get(slug, "")
    shown = "<p class='date'>令和6年5月2日</p>" if slug == "ja" else ""
    return (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
            f"<title>{title}</title>{head}</head><body><article><h1>{title}</h1>{shown}"
            f"{story_paragraphs(slug)}</article></body></html>")


@pytest.fixture(scope="module")
def server31():
    srv = Round31Server([HOST], "r31", feed, page, SLUGS, robots={HOST: ROBOTS}).start()
    yield srv
    srv.stop()


def test_an_ingest_of_pages_dated_in_their_countrys_calendar_dates_each(
        prefect_harness, server31, tmp_path, warehouse) -> None:
    """Now: every page dated on 2 May 2024, at the time its claim writes. On main
    (measured, main's files put back): see RELIABILITY.md, round 31."""
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    def u(path: str) -> str:
        return server31.url(HOST, path)

    manifest = ingest(inputs=[f"feed:{u('/r31/feed.xml')}", f"sitemap:{u('/r31/sitemap.xml')}"],
                      settings=settings(warehouse, per_host_delay_s=0.0))

    dated = {url.rsplit("/", 1)[-1]: when for url, when in _table(
        warehouse, "SELECT url, published_at FROM articles")}
    failed = _table(warehouse, "SELECT url, error FROM fetch_log WHERE error IS NOT NULL")
    print(manifest["totals"])
    print(dated)
    print(failed)
    assert {slug: when and when.astimezone(UTC) for slug, when in dated.items()} == EXPECTED
    assert [(url, error) for url, error in failed] == [(u("/r31/gone"), "http_404")]
    assert _table(warehouse, "SELECT count(*) FROM rejects") == [(0,)]
    assert_run_conserves(manifest, 8, 0, 1)
