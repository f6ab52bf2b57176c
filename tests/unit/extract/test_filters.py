"""Extraction filters: each reason fires on clear evidence and not on real articles."""

from __future__ import annotations

import pytest

from tasks.extract.filters import extraction_failed, is_listing_url, looks_like_listing, not_article

ARTICLE = "\n\n".join([
    "The harbour bridge reopened to traffic on Thursday after two years of repairs that "
    "cost the city more than 40 million euros, officials said at a ceremony on the quay.",
    "Engineers replaced the steel cables, resurfaced the deck and installed new sensors "
    "that measure the strain on the structure every few seconds, the city said.",
    "Local businesses on both banks welcomed the reopening, saying the closure had cut the "
    "number of customers crossing from the old town by almost a third.",
])
TEASERS = "\n".join(
    f"Headline number {i} about the council\n12 May 2024" for i in range(8)
)
GERMAN = (
    "Die Bundesregierung hat am Mittwoch neue Maßnahmen gegen die steigenden Energiepreise "
    "beschlossen. Die Entlastungen sollen vor allem Familien mit kleinen Einkommen helfen, "
    "sagte der Minister nach der Sitzung des Kabinetts in Berlin."
)




def test_extraction_failed_on_error_or_empty_text() -> None:
    assert extraction_failed("", None).reason == "extraction_failed"
    assert extraction_failed("   \n", None).reason == "extraction_failed"
    assert "unparsable" in extraction_failed("", "unparsable HTML").detail
    assert extraction_failed(ARTICLE, None) is None



@pytest.mark.parametrize(
    "url",
    [
        "https://news.example.com/",
        "https://news.example.com/tag/politics/",
        "https://news.example.com/category/world/page/2/",
        "https://news.example.com/autor/maria-lopez",
        "https://news.example.com/?s=bridge",
        "https://news.example.com/search?q=bridge",
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
