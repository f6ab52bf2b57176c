"""Mutation seed 78: the dates rounds 6-7 taught `page_metadata` to read, each asked with
a whole page: Parse.ly's JSON `parsely-page` tag, a Next.js page's `__NEXT_DATA__` record
of the story (not its related stories'), and a slashed date beside the headline read day
first on an English page with no region on a day-first country's domain."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from lxml.html import fromstring

from tasks.extract.metadata import page_metadata

NOW = datetime(2026, 12, 4, 6, 0, tzinfo=UTC)
URL = "https://www.riversidepost.com/news/wind-farm-7"
HEADLINE = "Council plans wind farm by the river"
P = ("<p>The council met for the third time this month and agreed on a plan for the "
     "new wind farm after long debates with the neighbours.</p>")


def page(top: str = "", *, head: str = "", lang: str = "en", h1: str = HEADLINE) -> str:
    return (f'<html lang="{lang}"><head><title>Council plans wind farm | Riverside Post'
            f"</title>{head}</head><body><main><article><h1>{h1}</h1>"
            f'{top}<div class="article-body">{P * 3}</div></article></main></body></html>')


def dated(html: str, url: str = URL) -> tuple[date | None, str | None]:
    meta = page_metadata(fromstring(html), url, now=NOW)
    return meta.published_date, meta.published_at_source


# --- Parse.ly's parsely-page tag --------------------------------------------------------

@pytest.mark.parametrize("content", [
    '{"title": "Council plans wind farm", "pub_date": "2025-09-12T17:36:00Z"}',
    '  {"pub_date": "2025-09-12T17:36:00Z", "section": "News"}'])
def test_the_pub_date_of_a_parsely_page_tag_dates_the_page(content: str) -> None:
    head = f"<meta name=\"parsely-page\" content='{content}'>"
    assert dated(page(head=head)) == (date(2025, 9, 12), "meta")


@pytest.mark.parametrize("content", [
    '{"pub_date": 1757698560}', '["2025-09-12T17:36:00Z"]', '{"pub_date": "2025-09-12',
    '{"title": "Council plans wind farm"}', "2025-09-12T17:36:00Z is the day"])
def test_a_parsely_page_tag_without_a_pub_date_string_is_no_meta_date(content: str) -> None:
    head = f"<meta name=\"parsely-page\" content='{content}'>"
    assert dated(page(head=head))[1] != "meta"


# --- a Next.js page's own record of the story ---------------------------------------------

def next_data(*stories: dict) -> str:
    data = {"props": {"pageProps": {"stories": list(stories)}}, "page": "/news/[slug]"}
    return f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>'


STORY = {"title": HEADLINE, "publishedAt": "2025-03-05T10:00:00Z"}
OTHER = {"title": "Ferries return to the harbour", "publishedAt": "2025-01-01T10:00:00Z"}


@pytest.mark.parametrize("stories", [(STORY,), (OTHER, STORY), (STORY, OTHER)])
def test_the_next_data_record_titled_as_the_headline_dates_the_page(stories) -> None:
    assert dated(page(next_data(*stories))) == (date(2025, 3, 5), "jsonld")


@pytest.mark.parametrize("key", ["publishedAt", "datePublished", "publishedDate",
                                 "firstPublishedAt", "publishDate", "published_at"])
def test_each_publication_key_of_a_next_data_record(key: str) -> None:
    story = {"headline": HEADLINE, key: "2025-03-06T10:00:00Z"}
    assert dated(page(next_data(story))) == (date(2025, 3, 6), "jsonld")


@pytest.mark.parametrize("title", [
    f"{HEADLINE} | Riverside Post",  # the record's SEO title holds the headline
    "Council plans wind farm",  # the headline holds the record's title
    "  council   PLANS wind farm by the river "])
def test_a_next_data_title_holding_or_held_in_the_headline(title: str) -> None:
    story = {"title": title, "publishedAt": "2025-03-07T10:00:00Z"}
    assert dated(page(next_data(story))) == (date(2025, 3, 7), "jsonld")


def test_a_next_data_record_titled_otherwise_is_another_storys() -> None:
    assert dated(page(next_data(OTHER)))[1] != "jsonld"


def test_a_next_data_title_shorter_than_twelve_characters_is_no_match() -> None:
    short = {"title": "Wind farm", "publishedAt": "2025-03-07T10:00:00Z"}
    assert dated(page(next_data(short)))[1] != "jsonld"
    twelve = {"title": "a wind farm ", "publishedAt": "2025-03-07T10:00:00Z"}
    assert dated(page(next_data(twelve), h1="Council plans a wind farm by the river"))[1] \
        != "jsonld"  # "a wind farm" is eleven once its spaces are joined
    held = {"title": "plans wind f", "publishedAt": "2025-03-07T10:00:00Z"}
    assert dated(page(next_data(held))) == (date(2025, 3, 7), "jsonld")


def test_a_next_data_record_with_a_date_but_no_string_title_is_not_the_story() -> None:
    assert dated(page(next_data({"title": 7, "publishedAt": "2025-03-07T10:00:00Z"})))[1] \
        != "jsonld"


def test_a_json_ld_date_comes_before_the_next_data_record() -> None:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", '
          '"datePublished": "2025-02-02T10:00:00Z"}</script>')
    assert dated(page(ld + next_data(STORY))) == (date(2025, 2, 2), "jsonld")


def test_a_next_data_script_that_is_no_json_dates_nothing_from_it() -> None:
    broken = '<script id="__NEXT_DATA__" type="application/json">{"props": </script>'
    assert dated(page(broken))[1] != "jsonld"


# --- a slashed date on an English page with no region -------------------------------------

SLASHED = "<p>Published 05/03/2026 - 21:40</p>"


@pytest.mark.parametrize("url", [
    "https://www.irishnews.ie/news/a", "https://www.news.com.au/a", "https://www.euronews.eu/a",
    "https://www.straits.sg/a", "https://www.dawn.pk/a", "https://www.stuff.co.nz/a",
    "https://web.archive.org/web/20260306000000/https://www.irishnews.ie/news/a"])
def test_a_slashed_date_on_a_day_first_countrys_domain_is_day_first(url: str) -> None:
    assert dated(page(SLASHED), url) == (date(2026, 3, 5), "headline")


@pytest.mark.parametrize("url", [
    URL, "https://www.riversidepost.de/a", "https://localhost/a", None,
    "https://web.archive.org/web/20260306000000/https://www.irishnews.com/news/a"])
def test_a_slashed_date_elsewhere_is_not_read_beside_the_headline(url) -> None:
    assert dated(page(SLASHED), url)[1] != "headline"


def test_a_declared_region_decides_before_the_domain() -> None:
    assert dated(page(SLASHED, lang="en-US"), "https://www.irishnews.ie/a")[1] != "headline"
    assert dated(page(SLASHED, lang="en-GB"), URL) == (date(2026, 3, 5), "headline")
