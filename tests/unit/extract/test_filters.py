"""Extraction filters: each reason fires on clear evidence and not on real articles."""

from __future__ import annotations

import pytest

from tasks.extract.filters import extraction_failed, is_listing_url, looks_like_listing, not_article
from tests.unit.prose import ARTICLE, TEASERS


def test_extraction_failed_on_error_or_empty_text() -> None:
    assert extraction_failed("", None).reason == "extraction_failed"
    assert extraction_failed("   \n", None).reason == "extraction_failed"
    assert "unparsable" in extraction_failed("", "unparsable HTML").detail
    assert extraction_failed(ARTICLE, None) is None



@pytest.mark.parametrize(
    "url",
    [
        "https://news.example.com/",
        "https://news.example.com",  # a redirect's final URL may have no path at all
        "https://news.example.com?s=bridge",
        "https://news.example.com//",  # the front page too: servers fold the slashes
        "https://news.example.com/index.php",
        "https://news.example.com/Default.aspx",  # ASP.NET capitalises it
        "https://news.example.com/tag/politics/",
        "https://news.example.com/category/world/page/2/",
        "https://news.example.com/autor/maria-lopez",
        "https://news.example.com/?s=bridge",
        "https://news.example.com/search?q=bridge",
        # the listing word as the last segment, with or without a trailing slash
        "https://news.example.com/archive",
        "https://news.example.com/news/themen",
    ],
)
def test_listing_urls(url: str) -> None:
    assert is_listing_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example.com/2024/05/02/harbour-bridge-reopens.html",
        "https://news.example.com/tagesschau/bridge",
        "https://news.example.com/?id=123",
        None,
    ],
)
def test_article_urls(url: str | None) -> None:
    assert not is_listing_url(url)


def test_not_article_needs_a_listing_signal_and_a_teaser_text() -> None:
    assert looks_like_listing(TEASERS)
    assert not looks_like_listing(ARTICLE)
    tag_url = "https://news.example.com/tag/council/"
    assert not_article(TEASERS, tag_url).reason == "not_article"
    # an article under a /themen/-style URL is kept: its text is prose
    assert not_article(ARTICLE, tag_url) is None
    # a poem or a list at an article URL is kept: no listing signal
    assert not_article(TEASERS, "https://news.example.com/2024/05/02/poem.html") is None
    # the page type alone is a signal
    assert not_article(TEASERS, "https://x.example/a", page_type="CollectionPage")


def test_a_listing_reject_says_which_signal_fired() -> None:
    typed = not_article(TEASERS, "https://x.example/a", page_type="schema:CollectionPage")
    assert typed.detail == "page type schema:CollectionPage and a teaser-list text"
    by_url = not_article(TEASERS, "https://x.example/tag/council/")
    assert by_url.detail == "listing URL https://x.example/tag/council/ and a teaser-list text"


def test_blocks_of_exactly_twelve_words_are_short() -> None:
    twelve = "one two three four five six seven eight nine ten eleven twelve"
    assert looks_like_listing("\n".join([twelve] * 5))
    assert not looks_like_listing("\n".join([twelve + " thirteen"] * 5))


def test_an_empty_extraction_says_it_found_no_main_text() -> None:
    verdict = extraction_failed("  \n ", None)
    assert (verdict.reason, verdict.detail) == ("extraction_failed", "no main text found")


@pytest.mark.parametrize("url", ["https://x.example/X", "https://x.example/XX/",
                                 "https://x.example//X//"])
def test_a_path_of_one_letter_word_is_no_front_page(url: str) -> None:
    # seed 59: only a path of slashes alone is the front page; any character of a
    # segment, a letter the site names a story by included, makes it a page of its own
    assert not is_listing_url(url)
    assert is_listing_url(url + "?s=x") == is_listing_url("https://x.example/a/?s=x")
