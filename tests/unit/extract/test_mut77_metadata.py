"""Seed 77: the page-level choices session 53 added to `page_metadata` (issue 13): a
note of the first publication is read only when the page's date is its recorded update
(in UTC or in the page's own zone), a live blog is one by its JSON-LD type, and a
Wayback copy of an American page is read month first as the page itself is."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from lxml.html import fromstring

from tasks.extract.metadata import page_metadata

NOW = datetime(2026, 12, 6, 6, 0, tzinfo=UTC)
URL = "https://www.rheinbote.de/news/windpark-7"
P = ("<p>Der Rat hat nach langer Debatte mit den Anwohnern den Bau des neuen Windparks am "
     "Fluss beschlossen.</p>")
NOTE = "<p>Ursprünglich veröffentlicht am 28. November 2026</p>"


def page(top: str = "", body: str = P * 3, *, head: str = "", lang: str = "de") -> str:
    return (f'<html lang="{lang}"><head><title>Rat plant Windpark | Rheinbote</title>{head}'
            f"</head><body><main><article><h1>Rat plant Windpark</h1>{top}"
            f'<div class="article-body">{body}</div></article></main></body></html>')


def published(html: str, url: str = URL, now: datetime = NOW) -> date | None:
    return page_metadata(fromstring(html), url, now=now).published_date


def test_an_update_late_in_the_evening_is_the_page_s_day_in_its_own_zone():
    # 23:30 UTC on 2 December is 00:30 on 3 December in Berlin: the shown 3 December is
    # the update, and the note gives the publication
    changed = '<meta property="article:modified_time" content="2026-12-02T23:30:00Z">'
    html = page('<div class="date">3. Dezember 2026</div>', body=P + NOTE, head=changed)
    assert published(html) == date(2026, 11, 28)


def test_a_page_never_updated_keeps_its_shown_date_whatever_a_note_says():
    html = page('<div class="date">3. Dezember 2026</div>', body=P + NOTE)
    assert published(html) == date(2026, 12, 3)


def jsonld(record: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(record)}</script>'


ENTRIES = "".join(
    f'<div class="live-entry"><time datetime="2026-11-{d}T10:00:00+01:00">{d}. November '
    f"2026</time><p>Neue Wortmeldung.</p></div>" for d in (23, 22, 21))


def test_a_live_blog_is_one_by_its_type_not_by_the_word_anywhere_in_its_record():
    record = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Rat",
              "datePublished": "2026-11-20T08:59:00+01:00", "genre": "LiveBlogPosting"}
    assert published(page(head=jsonld(record), body=P + ENTRIES)) == date(2026, 11, 23)
    record["@type"] = "LiveBlogPosting"
    assert published(page(head=jsonld(record), body=P + ENTRIES)) == date(2026, 11, 20)


def test_a_wayback_copy_of_an_american_page_is_read_month_first():
    story = ("<p>The council met for the third time this month and agreed on a plan for "
             "the new wind farm.</p>") * 3
    html = ('<html lang="en-US"><head><title>Council | Herald</title></head><body><main>'
            '<article><h1>Council plans wind farm</h1><div class="byline">Posted 12/03/2026'
            f"</div>{story}</article></main></body></html>")
    wayback = "https://web.archive.org/web/20261206120000/https://www.dailyherald.com/news/1"
    assert published(html, url=wayback) == date(2026, 12, 3)
    assert published(html, url="https://www.dailyherald.com/news/1") == date(2026, 12, 3)
    # the same page on a British host writes the day first
    assert published(html, url="https://www.dailyherald.co.uk/news/1") == date(2026, 3, 12)


def _american(html_lang: str, head: str = "") -> str:
    story = ("<p>The council met for the third time this month and agreed on a plan for "
             "the new wind farm.</p>") * 3
    return (f"<html{html_lang}><head><title>Council | Courier</title>{head}</head><body>"
            "<main><article><h1>Council plans wind farm</h1>"
            f'<span class="date">01/07/2025</span>{story}</article></main></body></html>')


def test_a_com_page_says_it_is_american_by_its_declared_language_only():
    url = "https://www.dailycourier.com/news/budget-7"
    # no language declared: nothing says American, the day first
    assert published(_american(""), url=url) == date(2025, 7, 1)
    # no lang attribute, but og:locale en_US: the month first
    locale = '<meta property="og:locale" content="en_US">'
    assert published(_american("", head=locale), url=url) == date(2025, 1, 7)
    assert published(_american(' lang="en-US"'), url=url) == date(2025, 1, 7)
