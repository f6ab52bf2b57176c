"""Metadata rules: date reconciliation (time zones, future dates, conflicting sources,
confidence, modified_at, the WARC date), byline cleaning and the headline choice."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from lxml.html import fromstring

from tasks.extract.bylines import (
    author_link_spelling,
    clean_author_name,
    clean_authors,
    find_byline_author,
    is_person,
)
from tasks.extract.dates import (
    DateCandidate,
    choose_date,
    date_confidence,
    modified_date,
    parse_date_and_day,
)
from tasks.extract.metadata import page_metadata
from tasks.extract.titles import choose_headline, outlet_names

NOW = datetime(2024, 5, 3, 12, 0, tzinfo=UTC)


def tree(head: str = "", body: str = "<p>x</p>"):
    return fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


# --- dates ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("written", "instant", "day"), [
    ("May 3, 2024 10:37 PM EDT", datetime(2024, 5, 4, 2, 37, tzinfo=UTC), date(2024, 5, 3)),
    ("May 3, 2024 10:37 pm", datetime(2024, 5, 3, 22, 37, tzinfo=UTC), date(2024, 5, 3)),
    ("May 3, 2024 12:30 PM PDT", datetime(2024, 5, 3, 19, 30, tzinfo=UTC), date(2024, 5, 3)),
    ("May 3, 2024, 12:05 AM ET", datetime(2024, 5, 3, 4, 5, tzinfo=UTC), date(2024, 5, 3)),
    ("Jan 3, 2024, 12:05 PM ET", datetime(2024, 1, 3, 17, 5, tzinfo=UTC), date(2024, 1, 3)),
    ("Jan 3, 2024, 11:05 PM PT", datetime(2024, 1, 4, 7, 5, tzinfo=UTC), date(2024, 1, 3)),
    ("Jul 3, 2024, 11:05 PM CT", datetime(2024, 7, 4, 4, 5, tzinfo=UTC), date(2024, 7, 3)),
    ("Jan 3, 2024, 11:05 PM MT", datetime(2024, 1, 4, 6, 5, tzinfo=UTC), date(2024, 1, 3)),
    ("Jan 3, 2024 9:05 a.m. CST", datetime(2024, 1, 3, 15, 5, tzinfo=UTC), date(2024, 1, 3)),
    ("Jan 3, 2024 9:05:30 PM MST", datetime(2024, 1, 4, 4, 5, 30, tzinfo=UTC),
     date(2024, 1, 3)),
    ("Jan 3, 2024 9:05 PM GMT", datetime(2024, 1, 3, 21, 5, tzinfo=UTC), date(2024, 1, 3)),
    ("2024-05-03 10:37 PM", datetime(2024, 5, 3, 22, 37, tzinfo=UTC), date(2024, 5, 3)),
    # another zone's name: the page's own clock, no offset
    ("May 3, 2024 10:37 PM IST", datetime(2024, 5, 3, 22, 37, tzinfo=UTC), date(2024, 5, 3)),
])
def test_a_twelve_hour_clock_in_a_machine_field_is_read_with_its_zone(written, instant, day):
    """email.utils' parser read "May 3, 2024 10:37 PM EDT" as 10:37 UTC: "PM" and the zone
    dropped, the instant 16 hours early."""
    assert parse_date_and_day(written) == (instant, day)


@pytest.mark.parametrize(("written", "instant"), [
    ("2024-05-03T22:37:00 EDT", datetime(2024, 5, 4, 2, 37, tzinfo=UTC)),
    ("2024-05-03 22:37 pst", datetime(2024, 5, 4, 6, 37, tzinfo=UTC)),
    ("2024-05-03T22:37:00.5 CDT", datetime(2024, 5, 4, 3, 37, 0, 500000, tzinfo=UTC)),
    ("2024-05-03T22:37:00-04:00[America/New_York]", datetime(2024, 5, 4, 2, 37, tzinfo=UTC)),
    ("2024-05-03T22:37:00Z[UTC]", datetime(2024, 5, 3, 22, 37, tzinfo=UTC)),
    # another zone's name after the clock: the calendar date, as before
    ("2024-05-03T22:37:00 IST", datetime(2024, 5, 3, tzinfo=UTC)),
])
def test_an_iso_time_with_a_zone_name_is_read_at_its_zone(written, instant):
    """'2024-05-03T22:37:00 EDT' was the 3rd at midnight (the time dropped with the zone
    word), an RFC 9557 '...-04:00[America/New_York]' likewise."""
    assert parse_date_and_day(written) == (instant, date(2024, 5, 3))


def test_every_north_american_zone_of_a_twelve_hour_clock_has_its_offset() -> None:
    from tasks.extract.dates import _CLOCK_ZONE_HOURS
    assert _CLOCK_ZONE_HOURS == {"est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7,
                                 "mdt": -6, "pst": -8, "pdt": -7, "akst": -9, "akdt": -8,
                                 "hst": -10, "gmt": 0, "utc": 0}
    for zone, hours in _CLOCK_ZONE_HOURS.items():
        got = parse_date_and_day(f"Jan 3, 2024 11:00 AM {zone.upper()}")
        assert got[0] == datetime(2024, 1, 3, 11, tzinfo=UTC) - timedelta(hours=hours), zone


def test_an_impossible_twelve_hour_clock_is_no_clock() -> None:
    from tasks.extract.dates import _on_twelve_hour_clock
    for text in ("May 3, 2024 13:37 PM EDT", "May 3, 2024 0:37 PM", "May 3, 2024 10:60 PM",
                 "May 3, 2024 10:37:60 PM", "10:37 PM EDT", "no date at 10:37 PM"):
        assert _on_twelve_hour_clock(text) is None, text
    assert _on_twelve_hour_clock("May 3, 2024 12:59:59 PM") == datetime(2024, 5, 3, 12, 59, 59)
    assert _on_twelve_hour_clock("May 3, 2024 1:00 AM") == datetime(2024, 5, 3, 1, 0)
    assert _on_twelve_hour_clock("x" * 200 + " May 3, 2024 1:00 AM") is None  # too long


def test_a_meta_date_on_a_twelve_hour_clock_dates_the_page_at_its_instant() -> None:
    m = page_metadata(tree('<meta property="article:published_time" '
                           'content="May 3, 2024 10:37 PM EDT">'), None, now=NOW)
    assert (m.published_at, m.published_date) == (datetime(2024, 5, 4, 2, 37, tzinfo=UTC),
                                                   date(2024, 5, 3))

def test_the_day_is_the_one_the_page_wrote_in_its_own_zone() -> None:
    # 22:37 in Bogotá is 03:37 UTC the next day: the instant is UTC, the day stays local
    value, day = parse_date_and_day("2022-05-03T22:37:00-05:00")
    assert value == datetime(2022, 5, 4, 3, 37, tzinfo=UTC)
    assert day == date(2022, 5, 3)
    # a naive timestamp or a bare date keeps its day
    assert parse_date_and_day("2022-05-03T23:30:00")[1] == date(2022, 5, 3)
    assert parse_date_and_day("2022-05-03")[1] == date(2022, 5, 3)


def test_published_date_comes_from_the_page_zone() -> None:
    m = page_metadata(tree('<meta property="article:published_time" '
                           'content="2022-05-03T22:37:00-05:00">'), None, now=NOW)
    assert m.published_at == datetime(2022, 5, 4, 3, 37, tzinfo=UTC)
    assert m.published_date == date(2022, 5, 3)


def test_a_future_date_is_never_accepted_and_is_flagged() -> None:
    future = DateCandidate("meta", datetime(2024, 5, 5, tzinfo=UTC))  # > now + 1 day
    url = DateCandidate("url", datetime(2024, 5, 1, tzinfo=UTC))
    chosen, flags = choose_date([future, url], NOW)
    assert chosen is url and flags == ["future"]
    # within the one-day tolerance (a zone ahead of the fetcher) it is accepted
    tomorrow = DateCandidate("meta", datetime(2024, 5, 4, 6, tzinfo=UTC))
    assert choose_date([tomorrow], NOW) == (tomorrow, [])
    # only a future claim: no date at all
    assert choose_date([future], NOW) == (None, ["future"])


def test_a_claim_whose_day_is_after_the_fetch_plus_a_day_is_never_accepted() -> None:
    # the instant is within the tolerance, but the day it names (its zone's) is not
    ahead = DateCandidate("meta", datetime(2024, 5, 4, 10, tzinfo=UTC), date(2024, 5, 5))
    url = DateCandidate("url", datetime(2024, 5, 1, tzinfo=UTC))
    assert choose_date([ahead, url], NOW) == (url, ["future"])


def test_naive_times_are_utc_everywhere() -> None:
    # a feed hint and a fetch time without a zone: compared as UTC, not a TypeError (which
    # the extract stage would swallow, losing the page's whole metadata)
    naive_now = NOW.replace(tzinfo=None)
    m = page_metadata(tree(), "https://x.example/a", now=naive_now,
                      hint_published_at=datetime(2024, 5, 1, 8, 0), hint_published_source="feed")
    assert (m.published_at, m.published_at_source) == (datetime(2024, 5, 1, 8, tzinfo=UTC),
                                                       "feed")
    assert m.published_date == date(2024, 5, 1)
    late = DateCandidate("meta", datetime(2024, 5, 9, 8, 0))  # naive and in the future
    assert choose_date([late], naive_now) == (None, ["future"])
    m = page_metadata(tree(), None, now=naive_now, archived=True)
    assert (m.published_at, m.published_at_source) == (NOW, "warc")


def test_a_sitemap_lastmod_never_votes_for_the_publication() -> None:
    lastmod = datetime(2024, 5, 2, 9, 30, tzinfo=UTC)
    # the URL names the publication; the lastmod (the page's last change) does not outvote
    # it, though a feed date would tie with it and win by source order
    m = page_metadata(tree(), "https://x.example/2024/04/01/story.html", now=NOW,
                      hint_published_at=lastmod, hint_published_source="sitemap_lastmod")
    assert (m.published_date, m.published_at_source) == (date(2024, 4, 1), "url")
    assert "disagree" not in m.date_flags  # an update after the publication is no dispute
    assert ("sitemap_lastmod", lastmod) in {(c.source, c.value) for c in m.date_candidates}
    feed = page_metadata(tree(), "https://x.example/2024/04/01/story.html", now=NOW,
                         hint_published_at=lastmod, hint_published_source="feed")
    assert feed.published_at_source == "feed"
    # with nothing else on the page it is the last resort, weakly trusted
    m = page_metadata(tree(), "https://x.example/story.html", now=NOW,
                      hint_published_at=lastmod, hint_published_source="sitemap_lastmod")
    assert (m.published_at, m.published_at_source) == (lastmod, "sitemap_lastmod")
    assert m.published_at_confidence <= 0.3


def test_a_claim_at_the_fetch_time_is_the_server_clock_not_a_publication() -> None:
    clock = (NOW - timedelta(minutes=2)).isoformat()
    head = (f'<meta name="date" content="{clock}">'
            '<meta property="article:published_time" content="2024-04-20T08:00:00Z">')
    # the meta loop takes the first date meta: the clock; the URL then names the day
    page = tree(f'<meta name="date" content="{clock}">')
    m = page_metadata(page, "https://x.example/2024/04/20/story.html", now=NOW)
    assert (m.published_date, m.published_at_source) == (date(2024, 4, 20), "url")
    assert "fetch_time" in {c.source for c in m.date_candidates}
    # it does not hide the real published date written after it, which wins
    m = page_metadata(tree(head), None, now=NOW)
    assert (m.published_date, m.published_at_source) == (date(2024, 4, 20), "meta")
    assert [c.source for c in m.date_candidates] == ["meta", "fetch_time"]
    # a feed's date minutes before the fetch is the feed's, a publication
    m = page_metadata(tree(), None, now=NOW, hint_published_at=NOW - timedelta(minutes=3),
                      hint_published_source="feed")
    assert m.published_at_source == "feed"
    # alone, it still dates the page, as a fallback after every guess, and weakly
    m = page_metadata(page, "https://x.example/story.html", now=NOW)
    assert (m.published_at_source, m.published_at) == ("fetch_time",
                                                       NOW - timedelta(minutes=2))
    assert m.published_at_confidence <= 0.1
    # ten minutes before the fetch is a publication like any other
    early = tree('<meta property="article:published_time" '
                 f'content="{(NOW - timedelta(minutes=10)).isoformat()}">')
    m = page_metadata(early, "https://x.example/2024/04/20/story.html", now=NOW)
    assert m.published_at_source == "meta"


def test_a_related_article_cards_date_microdata_is_not_the_pages() -> None:
    card = ('<div class="related-articles"><div itemscope itemtype="https://schema.org/'
            'NewsArticle"><meta itemprop="datePublished" content="2024-01-09T08:00:00+01:00">'
            '<a href="/other">Other story</a></div></div>')
    body = f"<h1>Story</h1><p>Text.</p>{card}"
    m = page_metadata(tree("<title>Story</title>", body),
                      "https://x.example/2024/05/01/story.html", now=NOW)
    assert (m.published_date, m.published_at_source) == (date(2024, 5, 1), "url")
    assert "meta" not in {c.source for c in m.date_candidates}
    # the story's own microdata in the body counts
    own = ('<h1>Story</h1><div class="article-meta"><meta itemprop="datePublished" '
           'content="2024-04-30T08:00:00+02:00"></div><p>Text.</p>')
    m = page_metadata(tree("<title>Story</title>", own + card), None, now=NOW)
    assert (m.published_date, m.published_at_source) == (date(2024, 4, 30), "meta")


def test_a_tie_goes_by_source_order_whatever_order_the_claims_come_in() -> None:
    import itertools

    meta = DateCandidate("meta", datetime(2024, 4, 30, 8, tzinfo=UTC), weight=0.5)
    jsonld = DateCandidate("jsonld", datetime(2024, 4, 30, 8, tzinfo=UTC))
    url = DateCandidate("url", datetime(2024, 4, 29, tzinfo=UTC))
    feed = DateCandidate("feed", datetime(2024, 4, 28, 6, tzinfo=UTC))
    text = DateCandidate("text", datetime(2024, 4, 27, tzinfo=UTC), weight=1.0)
    # 1.0 for each of the four days: the day of the first source in DATE_SOURCE_ORDER
    for claims in itertools.permutations([meta, jsonld, url, feed, text]):
        assert choose_date(list(claims), NOW) == (meta, ["disagree"])


def test_a_tie_with_the_date_shown_beside_the_headline_goes_to_the_shown_date() -> None:
    meta = DateCandidate("meta", datetime(2021, 11, 22, 8, tzinfo=UTC))
    jsonld = DateCandidate("jsonld", datetime(2021, 11, 22, 8, tzinfo=UTC))
    near = DateCandidate("headline", datetime(2023, 1, 1, tzinfo=UTC), weight=1.5)
    assert choose_date([meta, jsonld, near], NOW) == (near, ["disagree"])
    # a bare date meta against a date shown further from the headline: 0.5 each
    bare = DateCandidate("meta", datetime(2022, 1, 26, 8, tzinfo=UTC), weight=0.5)
    far = DateCandidate("headline", datetime(2022, 1, 21, tzinfo=UTC), weight=0.5)
    assert choose_date([bare, far], NOW)[0] is far
    # not a tie: three machine claims outvote it, and it outvotes one
    url = DateCandidate("url", datetime(2021, 11, 22, tzinfo=UTC))
    assert choose_date([meta, jsonld, url, near], NOW)[0] is meta
    assert choose_date([url, near], NOW)[0] is near


def test_a_byline_line_with_its_date_dates_a_page_nothing_structured_dates() -> None:
    deep = "".join(f"<div class='l{i}'>" for i in range(8))
    close = "</div>" * 8
    box = ("<a href='https://x.example/user/Marianne1.html'><div class='profile'>"
           "<span>von <a href='/user/Marianne1.html'>Marianne1</a><br>am 20.09.2020</span>"
           "</div></a>")
    story = "<p>" + "Text of the tip. " * 30 + "</p>"
    teaser = ("<a href='/tipp/1919/other.html'><div class='card'><span>von Anna K. am "
              "01.10.2020</span></div></a>")
    comment = "<div class='comments'><p>von Tom am 22.09.2020</p></div>"
    # the byline box in a profile link, nested too deep for the headline's containers
    body = f"<h1>Tomaten schneiden</h1>{deep}{box}{close}{story}{comment}"
    m = page_metadata(tree("<title>Tomaten schneiden</title>", body), None, now=NOW)
    assert (m.published_date, m.published_at_source) == (date(2020, 9, 20), "text")
    # a teaser card's or a comment's byline is another text's; an update is no publication
    from tasks.extract.areas import in_byline_card_or_other_area as elsewhere
    from tasks.extract.headline_area import bylined_date

    upd = "<p>von Marianne1, aktualisiert am 20.09.2020</p>"
    for other in (teaser, comment, upd):
        page = tree("<title>T</title>", f"<h1>T</h1>{story}{other}")
        assert bylined_date(page, NOW.date(), elsewhere) is None, other
    assert bylined_date(tree("", f"{deep}{box}{close}"), NOW.date(), elsewhere) == \
        date(2020, 9, 20)
    # not after the latest plausible day
    assert bylined_date(tree("", box), date(2020, 9, 19), elsewhere) is None


def test_a_link_to_a_place_on_the_same_page_wrapping_a_block_is_no_teaser() -> None:
    story = "<p>" + "Text of the story here. " * 30 + "</p>"
    for href, dated in (("#timeline", True), ("/politik/other-story", False)):
        body = (f"<article><header><h1>Achtsam durch die Krise</h1><a href='{href}'><div>"
                "<span class='date'>18. März 2020</span></div></a></header>"
                f"{story}</article>")
        m = page_metadata(tree("<title>Achtsam durch die Krise</title>", body), None,
                          now=NOW)
        assert (m.published_at_source == "headline") is dated, href


def test_conflicting_sources_are_flagged_and_lower_the_confidence() -> None:
    meta = DateCandidate("meta", datetime(2024, 5, 2, 8, tzinfo=UTC))
    jsonld = DateCandidate("jsonld", datetime(2024, 5, 2, 8, tzinfo=UTC))
    url_other = DateCandidate("url", datetime(2024, 4, 20, tzinfo=UTC))
    chosen, flags = choose_date([url_other, jsonld, meta], NOW)
    assert chosen is meta and flags == ["disagree"]
    agreeing = date_confidence(meta, [meta, jsonld], NOW)
    alone = date_confidence(meta, [meta], NOW)
    disputed = date_confidence(meta, [meta, jsonld, url_other], NOW)
    assert agreeing > alone > disputed
    assert date_confidence(None, [], NOW) is None


@pytest.mark.parametrize("published, url_day, want", [
    # 23:11 UTC is already New Year's Day in Vienna, where the URL was written
    ("2018-12-31T23:11:59+00:00", "2019/01/01", date(2019, 1, 1)),
    # 00:53 UTC is still the evening before in Buenos Aires
    ("2022-05-04T00:53:29.274Z", "2022/05/03", date(2022, 5, 3)),
    # 10:00 UTC is the same day in every newsroom zone: the vote decides as before
    ("2022-05-04T10:00:00Z", "2022/05/03", date(2022, 5, 4)),
    # a zone written out is the page's own: its day stands
    ("2018-12-31T23:11:59+01:00", "2019/01/01", date(2018, 12, 31)),
])
def test_a_utc_instant_takes_the_local_day_a_day_only_claim_names(published, url_day,
                                                                  want) -> None:
    page = tree(f'<meta property="article:published_time" content="{published}">')
    m = page_metadata(page, f"https://x.example/{url_day}/story.html", now=NOW)
    assert m.published_date == want
    assert m.published_at == parse_date_and_day(published)[0]  # the instant is unchanged
    assert (m.published_at_source, m.date_flags) == ("meta", [] if m.published_date ==
                                                     date(*map(int, url_day.split("/")))
                                                     else ["disagree"])


def test_a_date_only_source_agrees_within_a_day() -> None:
    # the URL's day may be the page's local day while the meta instant is the next UTC day
    meta = DateCandidate("meta", datetime(2024, 5, 2, 3, 0, tzinfo=UTC), date(2024, 5, 2))
    url = DateCandidate("url", datetime(2024, 5, 1, tzinfo=UTC))
    assert date_confidence(meta, [meta, url], NOW) > date_confidence(meta, [meta], NOW)


def test_modified_at_is_kept_apart_and_never_published_at() -> None:
    head = ('<meta property="article:published_time" content="2024-05-01T08:00:00Z">'
            '<meta property="article:modified_time" content="2024-05-02T09:30:00Z">')
    m = page_metadata(tree(head), None, now=NOW)
    assert m.published_at == datetime(2024, 5, 1, 8, tzinfo=UTC)
    assert m.modified_at == datetime(2024, 5, 2, 9, 30, tzinfo=UTC)
    # JSON-LD dateModified when no meta tag says it
    ld = '<script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2024-05-02"}'
    assert modified_date(tree(ld + "</script>")) == datetime(2024, 5, 2, tzinfo=UTC)
    # a modification before the publication (a template's constant) is dropped
    head = ('<meta property="article:published_time" content="2024-05-01T08:00:00Z">'
            '<meta property="article:modified_time" content="2020-01-01T00:00:00Z">')
    assert page_metadata(tree(head), None, now=NOW).modified_at is None


def test_the_warc_date_is_a_weak_last_resort_for_archived_pages() -> None:
    m = page_metadata(tree(), None, now=NOW, archived=True)
    assert (m.published_at, m.published_at_source) == (NOW, "warc")
    assert m.published_at_confidence <= 0.3
    live = page_metadata(tree(), None, now=NOW)
    assert live.published_at is None  # a live fetch's time says nothing about publication
    # with a real claim the WARC date only stays an alternative
    head = '<meta property="article:published_time" content="2024-05-01T08:00:00Z">'
    m = page_metadata(tree(head), None, now=NOW, archived=True)
    assert m.published_at_source == "meta"
    assert "warc" in {c.source for c in m.date_candidates}
    assert "disagree" not in m.date_flags


# --- bylines -------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "want"), [
    ("By Jane Doe", "Jane Doe"),
    ("Auteur Anna Kubišta", "Anna Kubišta"),
    ("Zeige alle Beiträge von Petra Ruland", "Petra Ruland"),
    ("FOCUS-Online-Experte Robin Tschöpe", "Robin Tschöpe"),
    ("Interview Julia Lauter", "Julia Lauter"),
    ("责任编辑：孔德明", "孔德明"),
    ("Sara Zinnecker Stand", "Sara Zinnecker"),
    ("Houzz Deutschland vor", "Houzz Deutschland"),  # "vor 5 Stunden", number removed
    ("Houzz Deutschland vor 5 Stunden", "Houzz Deutschland"),
    ("Paul vor der Brück", "Paul vor der Brück"),  # a name particle stays
    ("Amber Guetebier Shares", "Amber Guetebier"),
    ("Zuletzt geändert", None),
    ("Publicado el", None),
    ("Dezember", None),
    ("12. März 2024", None),
    ("Maria López García", "Maria López García"),
    ("View all posts by Daniel Lemire", "Daniel Lemire"),
    ("Ein Artikel von Pamela Sladky", "Pamela Sladky"),
    ("Loïc Le Clerc", "Loïc Le Clerc"),  # 'Le' is a name particle, not a date label
    ("Tomas Spahn Fr", "Tomas Spahn"),
    ("Tomas Spahn am 12.03.2024", "Tomas Spahn"),
    ("PhD", None),
    ("jesusfreak jesusfreak", "jesusfreak"),
    ("Redaktion", "Redaktion"),  # a role word before a name, a byline on its own
    ("Der Spendenteddy", "Der Spendenteddy"),
    ("in Politik", None),
    ("Datum", None),
    # buttons and placeholders read as a byline
    ("Posted", None),
    ("Suche Erweiterte Suche", None),
    ("Zur Artikelübersicht", None),
    ("Follow", None),
    ("Super User", None),
    ("Publisher", None),
    ("Contributors", None),
    ("Cortesía", None),
    ("Photograph by Ed Marshall", None),
    # ... but not a name that opens with such a word, nor a label before a name
    ("Zum Felde", "Zum Felde"),
    ("Follow Jane Roe", "Follow Jane Roe"),
    ("Userin Jane", "Userin Jane"),
    ("Unknown", "Unknown"),  # Blogger's account with no name: the page's own byline
])
def test_clean_author_name(raw, want) -> None:
    assert clean_author_name(raw) == want


def test_outlet_and_organisation_names_are_dropped_when_a_person_is_named() -> None:
    outlets = outlet_names("El Espectador", "https://www.elespectador.com/x")
    assert clean_authors("El Espectador; Felipe Morales Sierra", outlets) == [
        "Felipe Morales Sierra"]
    assert clean_authors("Frankfurter Allgemeine Zeitung GmbH; Benjamin Fischer; Marcus Theurer",
                         set()) == ["Benjamin Fischer", "Marcus Theurer"]
    # only the outlet: agency copy or a press office, that is the byline
    assert clean_authors("Agencia EFE", outlet_names("24Horas.cl", None)) == ["Agencia EFE"]
    # duplicates merge, a blank string gives nothing
    assert clean_authors("Jane Doe; JANE DOE", set()) == ["Jane Doe"]
    assert clean_authors(None, set()) == []


@pytest.mark.parametrize(("byline", "want"), [
    # an outlet by its form beside the reporter: a name after "The", call letters
    ("By Anna Keller | CNN", ["Anna Keller"]),
    ("By Anna Keller / The Washington Post", ["Anna Keller"]),
    ("By Anna Keller, CNN Business", ["Anna Keller"]),
    ("By Anna Keller and The Associated Press", ["Anna Keller"]),
    ("By The Associated Press", ["The Associated Press"]),  # alone: the byline
    ("By ANNA KELLER", ["Anna Keller"]),  # a name in capitals stays, in its usual case
    ("By AJ Keller", ["AJ Keller"]),
    # a wire story's credits: the reporters, not the editors
    ("Reporting by Anna Keller and Tim Adler; Editing by Jo Roe", ["Anna Keller", "Tim Adler"]),
    ("Additional reporting by Anna Keller; Graphics by Jo Roe", ["Anna Keller"]),
    # a card's separator and what follows, a contributor's "Special to the ..."
    ("Story by Anna Keller • Yesterday", ["Anna Keller"]),
    ("By Anna Keller • 3 min read", ["Anna Keller"]),
    ("By Anna Keller Special to the Globe", ["Anna Keller"]),
    # the agency after the name with no comma, and the reporter's role at it
    ("By ANNA KELLER Associated Press", ["Anna Keller"]),
    ("By Anna Keller AP Business Writer", ["Anna Keller"]),
    ("By Anna Keller dpa", ["Anna Keller"]),
    ("By Jo Ap", ["Jo Ap"]),  # two words: a name
    # no agency, and the role after the name goes as a role after a comma does
    ("By Anna Keller Senior Writer", ["Anna Keller"]),
    ("By Anna Writer", ["Anna Writer"]),  # two words: a name, whatever the second says
])
def test_an_english_bylines_credits_and_outlets_are_cleaned(byline, want) -> None:
    from trafilatura.json_metadata import normalize_authors

    assert clean_authors(normalize_authors(None, byline), set()) == want


def test_an_author_link_spelling_the_role_does_not_bring_the_role_back() -> None:
    """The author page's link repeats the record's "Rechtsanwalt Dennis T.": the cleaned
    name stands; a link spelling a byline the normaliser split still restores it."""
    tree = fromstring("<html><body><a href='/author/dennis/'>Rechtsanwalt Dennis Tolle</a>"
                      "<a href='/autor/afp/'>AFP/The Local</a></body></html>")
    assert author_link_spelling(tree, ["Dennis Tolle"], "Rechtsanwalt Dennis Tolle") == [
        "Dennis Tolle"]
    assert author_link_spelling(tree, ["AFP"], "AFP/The Local") == ["AFP/The Local"]


def test_an_organisation_by_its_form_is_no_person() -> None:
    for name in ("The Washington Post", "CNN", "WSVN", "CNN Business", "The Globe"):
        assert not is_person(name, set()), name
    for name in ("ANNA KELLER", "AJ Keller", "Anna The", "Theo Adler", "Ann Lee"):
        assert is_person(name, set()), name


def test_a_reporters_role_beside_the_name_is_no_author() -> None:
    from trafilatura.json_metadata import normalize_authors

    for byline in ("Von Anna Keller, Korrespondentin in Paris", "Anna Keller, Redakteurin",
                   "Anna Keller, Wirtschaftskorrespondentin", "By Anna Keller, Senior Editor",
                   "Anna Keller, Political Correspondent", "Por Anna Keller, corresponsal en "
                   "Madrid", "Par Anna Keller, envoyée spéciale à Kiev",
                   "Di Anna Keller, inviata a Roma"):
        assert clean_authors(normalize_authors(None, byline), set()) == ["Anna Keller"], byline
    # a role alone is the newsroom's byline, as "Redaktion" is
    assert clean_authors("Staff Writer", set()) == ["Staff Writer"]
    # a role written before the name, and a guest author's profession ...
    for byline in ("Korrespondentin Anna Keller", "Senior Correspondent Anna Keller",
                   "Senior Correspondent: Anna Keller", "Rechtsanwältin Anna Keller",
                   "Attorney Anna Keller", "Anna Keller, Senior Correspondent"):
        assert clean_authors(byline, set()) == ["Anna Keller"], byline
    # ... goes only when two words of a name stay
    assert clean_authors("Korrespondentin Keller", set()) == ["Korrespondentin Keller"]
    # a name that holds such a word is still a name
    assert clean_authors("Tim Reporter", set()) == ["Tim Reporter"]


def test_a_news_agency_beside_a_reporter_is_no_author_but_is_the_byline_alone() -> None:
    outlets = outlet_names("Cooperativa.cl", "https://www.cooperativa.cl/a")
    assert clean_authors("Anna Keller; Dpa", outlets) == ["Anna Keller"]
    assert clean_authors("Tim Anderson; Associated Press", outlets) == ["Tim Anderson"]
    assert clean_authors("Tim Anderson; Reuters", outlets) == ["Tim Anderson"]
    # no reporter: the agency's credit, before the outlet's name, and beside a desk's
    # initials both credits
    assert clean_authors("Cooperativa cl; EFE", outlets) == ["EFE"]
    assert clean_authors("Det; Dpa", outlets) == ["Det", "Dpa"]
    assert clean_authors("AFP", outlets) == ["AFP"]


def test_the_byline_as_written_is_kept_beside_the_cleaned_authors() -> None:
    # the agency cleaning drops beside the reporter stays in `byline` (a wire credit)
    m = page_metadata(tree('<meta name="author" content="Jane Doe, Reuters">'), None, now=NOW)
    assert (m.authors, m.byline) == (["Jane Doe"], "Jane Doe; Reuters")
    # the JSON-LD record's names, once they replace the meta tag's, are the byline
    record = ('<script type="application/ld+json">{"@type": "NewsArticle", "author": ['
              '{"@type": "Person", "name": "Kim Lee"}, {"@type": "Organization", '
              '"name": "AFP"}]}</script>')
    m = page_metadata(tree('<meta name="author" content="Sitename Media">' + record), None,
                      now=NOW)
    assert (m.authors, m.byline) == (["Kim Lee"], "Kim Lee; AFP")
    # found in the page's own byline, spaces collapsed
    body = ('<article><h1>Storm closes the port</h1><p class="byline">By Jane Doe and\n'
            '   Tom Roe, Associated Press</p><p>Text of the story.</p></article>')
    m = page_metadata(tree(body=body), None, now=NOW)
    assert (m.authors, m.byline) == (["Jane Doe", "Tom Roe"],
                                     "Jane Doe; Tom Roe; Associated Press")
    # no author: no byline
    assert page_metadata(tree(), None, now=NOW).byline is None


def test_names_joined_by_and_in_other_languages_are_separate_authors() -> None:
    assert clean_authors("Marie Dupont et Paul Martin", set()) == ["Marie Dupont", "Paul Martin"]
    assert clean_authors("Ana Ruiz y Pedro Gómez", set()) == ["Ana Ruiz", "Pedro Gómez"]
    assert clean_authors("Jan Kowalski i Anna Nowak", set()) == ["Jan Kowalski", "Anna Nowak"]
    assert clean_authors("Jan de Vries en Piet Bakker", set()) == ["Jan de Vries", "Piet Bakker"]
    # one person's name with a "y" in it: one word after it
    assert clean_authors("José Ortega y Gasset", set()) == ["José Ortega y Gasset"]


def test_the_agencies_a_reporter_wrote_with_are_no_author() -> None:
    from trafilatura.json_metadata import normalize_authors

    for byline in ("Von Anna Keller mit dpa", "Anna Keller mit Material von dpa",
                   "Anna Keller und Agenturen", "Par Anna Keller avec AFP",
                   "Por Anna Keller con agencias"):
        assert clean_authors(normalize_authors(None, byline), set()) == ["Anna Keller"], byline
    assert clean_authors("Agenturen", set()) == ["Agenturen"]  # alone, the byline
    assert clean_authors("Tom Comas", set()) == ["Tom Comas"]


def test_an_author_boxs_contact_links_after_the_name_are_no_part_of_it() -> None:
    for raw in ("Tim Anderson Twitter", "Tim Anderson E-Mail", "Tim Anderson Follow"):
        assert clean_author_name(raw) == "Tim Anderson", raw


def test_a_newsroom_is_the_byline_only_when_nobody_else_is_named() -> None:
    assert clean_authors("Redaktion", set()) == ["Redaktion"]
    assert clean_authors("Editorial Team; Jane Doe", set()) == ["Jane Doe"]
    assert clean_authors("Grant Tinsley; PhD", set()) == ["Grant Tinsley"]


def test_an_author_cut_at_an_html_entity_gives_way_to_the_byline() -> None:
    # JSON-LD '"name": "Redacci&oacute;n Diario"' reaches us as 'Redacci; Oacute; N Diario'
    assert clean_authors("Redacci; Oacute; N Diario Pagina Siete", set()) == []
    assert clean_authors("Anna Keller; Nbsp", set()) == []
    assert clean_authors("Jacute Bello", set()) == ["Jacute Bello"]  # a word, not an entity
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "author": '
          '{"@type": "Person", "name": "Redacci&oacute;n Diario Pagina Siete"}}</script>')
    page = _byline_page("<p>Por Redacción Diario Pagina Siete</p>", ld)
    assert page_metadata(page, None, now=NOW).authors == ["Redacción Diario Pagina Siete"]


def test_a_newsroom_named_after_the_outlet_keeps_its_newsroom_word() -> None:
    outlets = outlet_names("Polizeiticker", "https://polizeiticker.example/a")
    assert clean_authors("Redaktion Polizeiticker Schweiz", outlets) == [
        "Redaktion Polizeiticker Schweiz"]
    # a role label before a person stays a role label
    assert clean_authors("Redaktion: Eberhard Fuchs", outlets) == ["Eberhard Fuchs"]
    assert clean_authors("Redaktion Eberhard Fuchs", outlets) == ["Eberhard Fuchs"]


def test_the_written_by_label_of_seo_plugins_names_the_author() -> None:
    head = ('<meta name="twitter:label1" content="Verfasst von">'
            '<meta name="twitter:data1" content="Karoline Herr">'
            '<meta name="twitter:label2" content="Geschätzte Lesezeit">'
            '<meta name="twitter:data2" content="3 Minuten">')
    assert page_metadata(tree(head), None, now=NOW).authors == ["Karoline Herr"]
    reading_time_only = ('<meta name="twitter:label1" content="Geschätzte Lesezeit">'
                         '<meta name="twitter:data1" content="3 Minuten">')
    assert page_metadata(tree(reading_time_only), None, now=NOW).authors == []


def test_a_person_in_the_byline_replaces_the_outlet_named_in_the_meta_tags() -> None:
    head = '<title>Glyphosate</title><meta name="author" content="L\'Opinion">'
    body = ('<article><h1>Glyphosate</h1><div class="byline">Par Emmanuelle Ducros</div>'
            "<p>Text</p></article>")
    m = page_metadata(tree(head, body), "https://www.lopinion.fr/a", now=NOW)
    assert m.authors == ["Emmanuelle Ducros"]
    # a class="author" box holding a list of topics does not replace it
    topics = ('<article><h1>Glyphosate</h1><div class="author">CSP, International, '
              "Photovoltaik, Speicher</div><p>Text</p></article>")
    m = page_metadata(tree(head, topics), "https://www.lopinion.fr/a", now=NOW)
    assert m.authors == ["L'Opinion"]


def test_a_magazine_named_in_the_meta_tags_is_no_person_and_gives_way_to_the_byline() -> None:
    # another publication of the publisher recorded as the author (not the outlet's name)
    head = '<title>Winterhechte</title><meta name="author" content="Auto Illustrierte">'
    body = ('<article><h1>Winterhechte</h1><div class="author">Text &amp; Fotos: Ivan Valetny'
            "</div><p>Text</p></article>")
    m = page_metadata(tree(head, body), "https://www.petri-heil.ch/de/hechte", now=NOW)
    assert m.authors == ["Ivan Valetny"]
    for kind in ("Magazin", "Magazine", "Illustrierte", "Zeitschrift", "Revista", "Rivista"):
        assert not is_person(f"Teen Vogue {kind}", set()), kind
    assert is_person("Anna Magazinović", set())


def test_multiple_authors_stay_a_list() -> None:
    m = page_metadata(tree('<meta name="author" content="Lars Fischer und Alina Schadwinkel">'),
                      None, now=NOW)
    assert m.authors == ["Lars Fischer", "Alina Schadwinkel"]


def test_byline_in_the_article_column_counts_whatever_its_classes() -> None:
    # the theme calls the main column "content-area sidebar"; the headline is in it
    body = ('<div class="content-area sidebar"><h1>Headline</h1><span class="author vcard">'
            '<a class="fn">Heiko Sauer</a></span><p>Text</p></div>'
            '<div class="widget"><span class="author">Someone Else</span></div>')
    t = tree(body=body)
    assert find_byline_author(t, t.find(".//h1")) == "Heiko Sauer"
    assert find_byline_author(t) is None  # without the headline the classes decide


def test_an_itemprop_author_comes_before_a_vaguer_author_class() -> None:
    # schema.org's itemprop="author" says exactly "the author", like rel="author"; a box
    # whose class only contains "author" is read after it, wherever it stands in the page
    body = ('<h1>Bridge</h1><div class="post-authorbox"><span>Maria Lopez</span></div>'
            + "<p>" + "Text of the story. " * 30 + "</p>"
            + '<p>Words by <span itemprop="author">Tom Becker</span></p>')
    t = tree(body=body)
    assert find_byline_author(t, t.find(".//h1")) == "Tom Becker"


def test_a_rel_author_link_comes_before_a_vaguer_author_class() -> None:
    # rel="author" (HTML's link type) names the author as exactly as itemprop does; the
    # author box earlier in the page is only a class that contains "author"
    body = ('<h1>Bridge</h1><div class="post-authorbox"><span>Maria Lopez</span></div>'
            + "<p>" + "Text of the story. " * 30 + "</p>"
            + '<p>Words by <a rel="author" href="/people/tom">Tom Becker</a></p>')
    t = tree(body=body)
    assert find_byline_author(t, t.find(".//h1")) == "Tom Becker"


@pytest.mark.parametrize("area", ["sidebar", "comments", "related-posts"])
def test_an_area_named_by_its_id_alone_is_another_area(area) -> None:
    # many themes name their columns by id only: <div id="sidebar">; a byline there is
    # another story's or a commenter's, as under class="sidebar"
    story = "<h1>Bridge reopens</h1><p>Text of the story.</p>"
    by_id = tree(body=f"<article>{story}</article><div id='{area}'>"
                      "<span class='author'>Moritz Frei</span></div>")
    assert find_byline_author(by_id, by_id.find(".//h1")) is None
    in_story = tree(body=f"<article>{story}<div id='story-meta'>"
                         "<span class='author'>Moritz Frei</span></div></article>")
    assert find_byline_author(in_story, in_story.find(".//h1")) == "Moritz Frei"


def test_a_machine_date_field_holding_a_paragraph_is_no_date() -> None:
    # a date written for readers is read from a field shorter than MAX_DATE_TEXT; at that
    # length it is a sentence that mentions a date (a description in the wrong field)
    from tasks.extract.headline_area import MAX_DATE_TEXT

    text = "03.05.2022 " + "x" * (MAX_DATE_TEXT - 11)
    assert len(text) == MAX_DATE_TEXT
    assert parse_date_and_day(text) is None
    assert parse_date_and_day(text[:-1])[1] == date(2022, 5, 3)



def test_a_machine_date_field_opening_with_an_iso_date_is_read_at_any_length() -> None:
    # unlike a date written for readers, an ISO date that opens the field is machine
    # written whatever follows it (here a Java zone suffix and a CMS's trailing junk)
    from tasks.extract.headline_area import MAX_DATE_TEXT

    text = "2022-05-03T10:00+02:00[Europe/Berlin] " + "x" * MAX_DATE_TEXT
    assert parse_date_and_day(text) == (datetime(2022, 5, 3, tzinfo=UTC), date(2022, 5, 3))


def test_a_parsed_date_is_a_utc_instant_whatever_the_machines_zone(monkeypatch) -> None:
    import time

    monkeypatch.setenv("TZ", "XYZ+5")  # POSIX: five hours west of UTC, no zone files needed
    time.tzset()
    try:
        zoned = parse_date_and_day("2022-05-04T01:30:00+02:00")
        midnight = parse_date_and_day("2022-11-06T23:00:00Z")  # a Berlin midnight in UTC
    finally:
        monkeypatch.undo()
        time.tzset()
    for (value, _), want in ((zoned, datetime(2022, 5, 3, 23, 30, tzinfo=UTC)),
                             (midnight, datetime(2022, 11, 6, 23, tzinfo=UTC))):
        # the same instant in the machine's zone would be another hour and day
        assert (value, value.utcoffset(), value.date(), value.hour) == (
            want, timedelta(0), want.date(), want.hour)
    assert (zoned[1], midnight[1]) == (date(2022, 5, 4), date(2022, 11, 7))


def test_a_claim_dated_in_the_pages_zone_is_not_moved_again_to_the_urls_day() -> None:
    # 05:00 UTC is 22:00 on the 3rd in Los Angeles: the page's day. A URL naming the 2nd
    # disagrees; the claim, already in the page's zone, is not moved a second day back
    # as a UTC-written claim of unknown zone would be (_local_day)
    from zoneinfo import ZoneInfo

    from tasks.extract.dates import in_page_zone

    meta = DateCandidate("meta", datetime(2022, 5, 4, 5, tzinfo=UTC), in_utc=True)
    url = DateCandidate("url", datetime(2022, 5, 2, tzinfo=UTC))
    chosen, flags = choose_date(in_page_zone([meta, url], ZoneInfo("America/Los_Angeles")),
                                NOW)
    assert (chosen.source, chosen.day, flags) == ("meta", date(2022, 5, 3), ["disagree"])
    # without a zone, a URL naming the 3rd moves the UTC-written claim there
    url = DateCandidate("url", datetime(2022, 5, 3, tzinfo=UTC))
    chosen, flags = choose_date(in_page_zone([meta, url], None), NOW)
    assert (chosen.source, chosen.day, flags) == ("meta", date(2022, 5, 3), [])

def test_a_short_domain_label_names_the_site_with_its_top_level_domain() -> None:
    from tasks.extract.titles import clean_title

    # "ft" is too short to be taken for the site name alone; "ft.com" is not, and a
    # trailing " - FT.com" goes (after " - " only site evidence removes a segment)
    url = "https://www.ft.com/content/x"
    assert clean_title("Markets rally on rate hopes - FT.com", None, url) \
        == "Markets rally on rate hopes"
    assert clean_title("Markets rally on rate hopes - FT.com", None, None) \
        == "Markets rally on rate hopes - FT.com"


def test_the_country_code_zones_file_is_read_whole_without_its_comments() -> None:
    # The loader runs once at import; called here so that its reading of the data file is
    # checked on its own (a comment line read as a row would fail the import of metadata)
    from zoneinfo import ZoneInfo

    from tasks.extract.dates import _load_zones, page_zone

    zones = _load_zones("cctld_zones.tsv")
    assert zones["ch"] == ZoneInfo("Europe/Zurich") and zones["ar"].key.startswith("America/")
    assert not [tld for tld in zones if tld.startswith("#") or tld != tld.strip()]
    assert page_zone("https://www.nzz.ch/x") == ZoneInfo("Europe/Zurich")


def test_a_page_without_og_locale_is_dated_in_the_zone_of_its_html_lang() -> None:
    from zoneinfo import ZoneInfo

    from tasks.extract.dates import page_zone

    # no og:locale (None) before <html lang="de">: the locale missing is passed over
    assert page_zone("https://www.example.com/x", (None, "de")) == ZoneInfo("Europe/Berlin")
    assert page_zone("https://www.example.com/x", ("", "de")) == ZoneInfo("Europe/Berlin")



def test_the_agency_spellings_are_read_whole_without_the_files_comments() -> None:
    # Also run once at import (the wire_agencies.tsv shared with the enrich stage): every
    # spelling of every agency, folded as bylines are compared, and no comment or blank line
    from tasks.extract.bylines import _load_agency_names, is_agency
    from tasks.extract.titles import folded

    names = _load_agency_names()
    assert {"ap", "associatedpress", "theassociatedpress", "dpa", "deutschepresseagentur",
            "agencefrancepresse"} <= names
    assert "" not in names and not [n for n in names if not n.isalnum()]
    assert is_agency("Deutsche Presse-Agentur") and not is_agency("Anna Keller")
    assert folded("Agence France-Presse") in names


# --- title ---------------------------------------------------------------------------------

def test_a_meta_title_cut_at_an_unescaped_quote_gives_way_to_the_documents_title() -> None:
    # eluniversal.com.mx wrote the headline into og:title unescaped: the attribute ended
    # at its first inner quote ("... a Biden de ")
    head = ('<title>Senador republicano califica a Biden de "incapacitado" | El Universal'
            '</title><meta property="og:title" content="Senador republicano califica a Biden '
            'de "incapacitado"" /><meta property="og:site_name" content="El Universal">')
    m = page_metadata(tree(head, "<p>x</p>"), "https://www.eluniversal.com.mx/a", now=NOW)
    assert m.title == 'Senador republicano califica a Biden de "incapacitado"'
    # a title that goes on after the meta tag's without a quote keeps the meta tag's
    head = ("<title>Senador republicano califica a Biden - Mundo | El Universal</title>"
            '<meta property="og:title" content="Senador republicano califica a Biden">')
    m = page_metadata(tree(head, "<p>x</p>"), "https://www.eluniversal.com.mx/a", now=NOW)
    assert m.title == "Senador republicano califica a Biden"
    # single quotes alike; the same title is no cut
    from tasks.extract.metadata import _cut_at_a_quote
    assert _cut_at_a_quote("Biden de ", "Biden de 'incapacitado'")
    assert not _cut_at_a_quote("Biden de", "Biden de")
    assert not _cut_at_a_quote("", '"x"')
    assert not _cut_at_a_quote("Senado", 'Senador "x"')  # not cut at a word's end


def test_the_h1_that_agrees_with_the_declared_title_is_the_headline() -> None:
    body = ("<h1>Reiterrevue</h1><h1>Heulage: Besser als ihr Ruf?</h1>")
    t = tree(body=body)
    got = choose_headline(t, ["Heulage: Besser als ihr Ruf? | Reiterrevue"],
                          outlet_names("Reiterrevue", None))
    assert got is not None and got.text == "Heulage: Besser als ihr Ruf?"


def test_an_h1_copying_the_whole_title_loses_its_site_name_segment() -> None:
    title = "EU-Taxonomie: Atomkraft ist nicht nachhaltig | Umweltbundesamt"
    page = tree(f"<title>{title}</title>"
                '<meta property="og:site_name" content="Umweltbundesamt">',
                f'<h1 class="visuallyhidden">{title}</h1><p>x</p>')
    m = page_metadata(page, "https://www.umweltbundesamt.example/themen/eu", now=NOW)
    assert m.title == "EU-Taxonomie: Atomkraft ist nicht nachhaltig"
    # an <h1> of its own keeps a segment that only looks like the site's
    page = tree("<title>Welpen kaufen – Tipps zu jeder Hunderasse | Welpen kaufen</title>",
                "<h1>Welpen kaufen – Tipps zu jeder Hunderasse</h1><p>x</p>")
    m = page_metadata(page, "https://welpen-kaufen.example/", now=NOW)
    assert m.title == "Welpen kaufen – Tipps zu jeder Hunderasse"


def test_of_three_title_segments_only_the_site_names_is_dropped() -> None:
    from tasks.extract.titles import drop_site_segment

    outlets = outlet_names("Umweltbundesamt", None)
    assert drop_site_segment("Atomkraft ist nicht nachhaltig | Klima | Umweltbundesamt",
                             outlets) == "Atomkraft ist nicht nachhaltig | Klima"
    assert drop_site_segment("Umweltbundesamt | Klima | Atomkraft ist nicht nachhaltig",
                             outlets) == "Klima | Atomkraft ist nicht nachhaltig"


def test_a_headline_of_300_characters_is_a_headline_and_one_of_301_is_not() -> None:
    # longer, a heading holds a paragraph, not a title
    headline = ("Council approves the harbour bridge budget after a long night of debate "
                * 5)[:300]
    assert len(headline) == 300 and not headline.endswith(" ")
    for text, taken in ((headline, True), (headline + "s", False)):
        t = tree(body=f"<h1>Newsletter</h1><h1>{text}</h1><p>x</p>")
        got = choose_headline(t, [text], set())
        assert (got is not None and got.text == text) is taken, len(text)


def test_the_only_h1_is_the_headline_when_the_declared_titles_are_slogans() -> None:
    page = tree("<title>Christmas Gift Guide | Journelles</title>",
                "<h1>Mein cosy Home Gift Guide bei Westwing</h1><p>x</p>")
    assert page_metadata(page, "https://journelles.example/a", now=NOW).title == (
        "Mein cosy Home Gift Guide bei Westwing")
    page = tree("<title>Christmas Gift Guide | Journelles</title>",
                "<h2>Mein cosy Home Gift Guide bei Westwing</h2><p>x</p>")  # no <h1> at all
    assert page_metadata(page, "https://journelles.example/a", now=NOW).title == (
        "Mein cosy Home Gift Guide bei Westwing")
    # not a login form's heading, not the site's name, not one of several <h1>s
    for body in ("<form id='login'><h1>Log In</h1></form>", "<h1>Journelles</h1>",
                 "<h1>Wohnen</h1><h1>Newsletter</h1>"):
        page = tree("<title>Christmas Gift Guide | Journelles</title>"
                    '<meta property="og:title" content="Christmas Gift Guide | Journelles">',
                    body + "<p>x</p>")
        assert page_metadata(page, "https://journelles.example/a", now=NOW).title == (
            "Christmas Gift Guide")


def test_an_unrelated_h1_is_not_the_headline() -> None:
    # (the page's only <h1> is taken even so: see the test above)
    t = tree(body="<h1>Time 4 talks</h1><h1>Kino</h1>")
    assert choose_headline(t, ["Weitere Digitalisierung der Schweizer Kinos"], set()) is None
    assert choose_headline(t, [None, ""], set()) is None


def test_page_title_prefers_the_visible_headline() -> None:
    head = '<meta property="og:title" content="Klimaschutz: Bohren, bis es heiß wird | ZEIT">'
    body = "<h1>Bohren, bis es heiß wird</h1><p>x</p>"
    m = page_metadata(tree(head, body), "https://www.zeit.de/a", now=NOW)
    assert m.title == "Bohren, bis es heiß wird"


# --- structured dates: JSON-LD nesting, <time>, htmldate ----------------------------------

def _ld(obj: object) -> str:
    import json

    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def test_jsonld_dates_are_found_through_graph_and_main_entity_article_first() -> None:
    from tasks.extract.dates import jsonld_dates

    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "Organization", "datePublished": "2001-01-01"},
        {"@type": "WebSite", "mainEntity": {"@type": ["NewsArticle", "Thing"],
                                            "datePublished": "2024-05-02T08:00:00Z"}},
    ]}
    assert jsonld_dates(tree(_ld(graph))) == ["2024-05-02T08:00:00Z", "2001-01-01"]
    # the first of the keys wins within one object
    both = {"@type": "NewsArticle", "dateCreated": "2024-01-01", "datePublished": "2024-02-02"}
    assert jsonld_dates(tree(_ld(both))) == ["2024-02-02"]


def test_jsonld_dates_typed_as_value_objects_or_lists_are_read() -> None:
    from tasks.extract.dates import jsonld_dates

    typed = {"@type": "NewsArticle",
             "datePublished": {"@type": "Date", "@value": "2024-05-02T08:00:00+02:00"}}
    assert jsonld_dates(tree(_ld(typed))) == ["2024-05-02T08:00:00+02:00"]
    listed = {"@type": "NewsArticle", "datePublished": ["2024-04-30", "2024-05-02"]}
    m = page_metadata(tree(_ld(listed)), "https://x.example/a", now=NOW)
    assert (m.published_date, m.published_at_source) == (date(2024, 4, 30), "jsonld")
    # an empty list or a value object without a value says nothing: the next key speaks
    empty = {"@type": "NewsArticle", "datePublished": [], "dateCreated": {"@value": None},
             "uploadDate": [{"@value": "2024-05-01"}]}
    assert jsonld_dates(tree(_ld(empty))) == ["2024-05-01"]
    # dateModified alike
    modified = {"@type": "NewsArticle", "datePublished": "2024-04-30",
                "dateModified": {"@value": "2024-05-02T09:00:00Z"}}
    m = page_metadata(tree(_ld(modified)), "https://x.example/a", now=NOW)
    assert m.modified_at == datetime(2024, 5, 2, 9, tzinfo=UTC)


def test_a_jsonld_timestamp_number_is_a_utc_instant_dated_in_the_page_zone() -> None:
    # React/Next.js sites write datePublished as Unix milliseconds (or seconds)
    ms = int(datetime(2024, 5, 2, 8, 0, tzinfo=UTC).timestamp() * 1000)
    page = tree(_ld({"@type": "NewsArticle", "datePublished": ms}))
    m = page_metadata(page, "https://x.example/a", now=NOW)
    assert (m.published_at, m.published_at_source) == (
        datetime(2024, 5, 2, 8, 0, tzinfo=UTC), "jsonld")
    # 22:30 UTC in seconds is already the next day in Berlin, the .de page's zone
    late = int(datetime(2024, 5, 1, 22, 30, tzinfo=UTC).timestamp())
    m = page_metadata(tree(_ld({"@type": "NewsArticle", "datePublished": late})),
                      "https://x.example.de/a", now=NOW)
    assert m.published_date == date(2024, 5, 2)
    # a year, a boolean or a small id is no timestamp
    for value in (2024, True, 123456):
        m = page_metadata(tree(_ld({"@type": "NewsArticle", "datePublished": value})),
                          "https://x.example/a", now=NOW)
        assert m.published_at_source != "jsonld"


def test_time_element_is_a_candidate_only_when_it_says_published() -> None:
    from tasks.extract.dates import date_candidates

    marked = tree(body='<time datetime="2024-04-01">x</time>'
                       '<time itemprop="datePublished" datetime="2024-05-01T10:00:00Z">y</time>')
    assert [(c.source, c.value) for c in date_candidates(marked, None)] == [
        ("time", datetime(2024, 5, 1, 10, tzinfo=UTC))]
    pubdate = tree(body='<time pubdate datetime="2024-05-01">y</time>')
    assert [c.source for c in date_candidates(pubdate, None)] == ["time"]
    assert date_candidates(tree(body='<time datetime="2024-05-01">y</time>'), None) == []


def test_htmldate_reads_the_visible_page_and_keeps_the_original_date() -> None:
    # Two plain <time>s, the update first; neither says itemprop/pubdate/published, so no
    # structured candidate exists and htmldate decides: the original date, not the update.
    text = "Text of the story here. " * 40
    page = tree(body='<article><h1>Bridge</h1><time datetime="2024-05-01">u'
                     '</time><time datetime="2024-04-01">p</time>'
                     f"<p>{text}</p></article>")
    m = page_metadata(page, "https://x.example/a", now=NOW)
    assert (m.published_at, m.published_at_source) == (datetime(2024, 4, 1, tzinfo=UTC),
                                                       "htmldate")
    assert [c.source for c in m.date_candidates] == ["htmldate"]


def test_a_byline_in_the_page_footer_is_not_the_author_but_one_in_the_article_is() -> None:
    story = "<h1>Bridge reopens</h1><p>Text of the story.</p>"
    page_footer = tree(body=f"<article>{story}</article>"
                            "<footer><div class='author'>Site Admin Team</div></footer>")
    assert find_byline_author(page_footer) is None
    own_footer = tree(body=f"<article>{story}<footer><span class='author'>Tom Becker</span>"
                           "</footer></article>")
    assert find_byline_author(own_footer) == "Tom Becker"


def test_autor_classes_are_bylines_but_photo_credits_and_teaser_cards_are_not() -> None:
    story = "<h1>Bridge reopens</h1><p>Text of the story.</p>"
    page = tree(body=f"<article>{story}<span class='content-left-autor'>Clara Lenz</span>"
                     "</article>")
    assert find_byline_author(page) == "Clara Lenz"
    credits = tree(body=f"<article>{story}<div class='gallery'><figcaption>Die Brücke "
                        "<span class='caption--autor'>Foto: Ingo Sauer</span></figcaption>"
                        "</div><div class='caption-autor'>Photo: Ingo Sauer</div></article>")
    assert find_byline_author(credits) is None
    teaser = tree(body=f"<article>{story}</article><ul><li><a href='/other-story'><div>"
                       "<span class='teaser__autor'>Von Hilde Butz</span></div></a></li></ul>")
    assert find_byline_author(teaser) is None
    # a caption set without <figure> around it (an image block's own <div>)
    caption = tree(body=f"<article>{story}<div class='image'><figcaption>Die Brücke "
                        "<span class='caption-author'>Ingo Sauer</span></figcaption></div>"
                        "</article>")
    assert find_byline_author(caption) is None


def test_a_link_to_the_authors_page_in_the_head_is_no_byline_but_no_end_either() -> None:
    # <link rel=author> sorts first among the candidates (an exact 'author'): it holds no
    # text and is passed over, and the byline in the page is still found
    page = tree('<link rel="author" href="/about/">',
                "<h1>Bridge reopens</h1><p>Text of the story.</p>"
                "<div class='byline'>Anna Keller</div>")
    assert find_byline_author(page) == "Anna Keller"


@pytest.mark.parametrize("footer_class", ["post-footer", "entry-footer", "article__footer",
                                          "footer--article", "node-article-footer"])
def test_a_byline_in_the_posts_own_footer_div_is_the_author(footer_class) -> None:
    # blog themes mark the post's footer by class, not with an <footer> inside <article>
    t = tree(body="<div class='post'><h2>Tach auch</h2><p>Text of the post.</p>"
                  f"<div class='{footer_class}'><span class='post-author'>Eingestellt von "
                  "<span class='fn'>Anna Keller</span></span></div></div>"
                  "<div class='page-footer'><span class='author'>Site Admin Team</span></div>")
    assert find_byline_author(t) == "Anna Keller"
    page_footer_only = tree(body="<div class='footer'><span class='author'>Anna K.</span></div>")
    assert find_byline_author(page_footer_only) is None


def test_htmldate_never_picks_a_date_after_the_fetch() -> None:
    # fetched on 3 May 2024: a "published" 1 June 2024 on the page is a template artefact,
    # even though it is in the past by the time the test (or a reprocess) runs
    text = "Text of the story here. " * 40
    page = tree(body='<article><h1>Bridge</h1><time class="entry-date published" '
                     f'datetime="2024-06-01">p</time><p>{text}</p></article>')
    m = page_metadata(page, "https://x.example/a", now=NOW)
    assert (m.published_at, m.published_at_source) == (None, None)


# --- the date shown beside the headline (headline_area.py) -----------------------------------

@pytest.mark.parametrize("text, want", [
    ("25.01.2022 - 13:30", date(2022, 1, 25)),
    ("Erschienen am: 1. 11. 2023", date(2023, 11, 1)),
    ("2022-01-25", date(2022, 1, 25)),
    ("25/01/2022", date(2022, 1, 25)),
    ("01/25/2022", date(2022, 1, 25)),
    ("01/02/2022", None),  # 1 February or January 2: no way to tell
    ("25. Januar 2022, 14:00 Uhr", date(2022, 1, 25)),
    ("Jan 25, 2022", date(2022, 1, 25)),
    ("Januar 2022", None),  # no day: a made-up 1st would be wrong
    ("3 de mayo de 2022", date(2022, 5, 3)),  # months htmldate does not know: es, pt, it, pl
    ("12 de setembro de 2021 às 10:00", date(2021, 9, 12)),
    ("Pubblicato il 3 maggio 2022", date(2022, 5, 3)),
    ("10 lipca 2020, 12:00", date(2020, 7, 10)),
    ("15 августа 2016, 13:43", date(2016, 8, 15)),  # ru, uk
    ("3 мая 2022", date(2022, 5, 3)),
    ("1 листопада 2021", date(2021, 11, 1)),
    ("Gepubliceerd op 5 maart 2021", date(2021, 3, 5)),  # nl, sv, da, nb, fi
    ("3 mei 2022", date(2022, 5, 3)),
    ("17 mars 2021 kl. 10.15", date(2021, 3, 17)),
    ("9. desember 2021", date(2021, 12, 9)),
    ("Julkaistu 24. heinäkuuta 2019", date(2019, 7, 24)),
    ("5. maaliskuuta 2021", date(2021, 3, 5)),
    ("3 de ayer 2022", None),  # not a month
    ("32.01.2022", None),
    ("Stand: 03.05.22, 12:10 Uhr", date(2022, 5, 3)),  # a two-digit year
    ("am 24.12.98", date(1998, 12, 24)),
    ("Version 1.2.10", None),  # a version number, not 2010-02-01
    ("192.168.10.12", None),
    ("25-01-2022", date(2022, 1, 25)),  # dashed, as slashed
    ("05-03-2022", None),
    ("26 | 01 | 2022", date(2022, 1, 26)),  # piped, spaced for readers
    ("26 / 01 / 2022", date(2022, 1, 26)),
    ("22|4|2022|4", None),  # a script's hidden data string, not a date line
    ("05 | 03 | 2022", None),  # ambiguous, as slashed
    ("2022/05/03 10:00", date(2022, 5, 3)),  # year first: East Asian, Hungarian pages
    ("2022.05.03.", date(2022, 5, 3)),
    ("2022年5月3日 10:00", date(2022, 5, 3)),
    ("2022년 5월 3일", date(2022, 5, 3)),
    ("Sept. 3, 2022", date(2022, 9, 3)),  # AP style
    ("Dec. 2, 2024", date(2024, 12, 2)),
    ("Aug. 3, 2022, 10:00 a.m. EDT", date(2022, 8, 3)),
    ("Published: May. 1, 2024 at 10:00 AM EDT", date(2024, 5, 1)),  # US local TV sites
    ("Updated: Jun. 3, 2024 at 9:12 PM CDT", date(2024, 6, 3)),
    ("June. 5, 2023", date(2023, 6, 5)),
    ("Jul. 4, 2023", date(2023, 7, 4)),
    ("Mayor. 1, 2024", None),
    ("2 dic. 2024", date(2024, 12, 2)),  # abbreviated months: es/it, fr, pt
    ("2 déc. 2024", date(2024, 12, 2)),
    ("3 juil. 2022", date(2022, 7, 3)),
    ("5 out. 2021", date(2021, 10, 5)),
    ("5 Marathons 2022", None),  # a longer word is no abbreviation
    ("3 outlets 2022", None),
    ("3 febbraio 2022", date(2022, 2, 3)),  # Italian February ("febb", not Spanish "febr")
    ("03.Februar 2022", date(2022, 2, 3)),  # the day's dot glued to the month
    ("3.März 2022, 10:00", date(2022, 3, 3)),
    ("1.Bundesliga 2022", None),
    ("3 ianuarie 2022", date(2022, 1, 3)),  # ro
    ("12 octombrie 2021", date(2021, 10, 12)),
    ("3. června 2022", date(2022, 6, 3)),  # cs: June and July share four letters
    ("3. července 2022", date(2022, 7, 3)),
    ("12. října 2021", date(2021, 10, 12)),
    ("3. júna 2022", date(2022, 6, 3)),  # sk
    ("2022. február 3.", date(2022, 2, 3)),  # hu: the year first, ordinal dots
    ("2022. szept. 14., szerda", date(2022, 9, 14)),
    ("2021. Marathon 3.", None),
    ("15 Μαΐου 2021", date(2021, 5, 15)),  # el (genitive)
    ("3 ΦΕΒΡΟΥΑΡΙΟΥ 2022", date(2022, 2, 3)),
])
def test_parse_visible_date(text, want) -> None:
    from tasks.extract.headline_area import parse_visible_date

    assert parse_visible_date(text) == want


def _story(meta: str = "", beside: str = "", body: str = "") -> str:
    head = f"<title>Bridge reopens after repairs</title>{meta}"
    text = "Text of the story here. " * 30
    return tree(head, f"<article><header><h1>Bridge reopens after repairs</h1>{beside}</header>"
                      f"<p>{text}</p>{body}</article>")


def test_the_date_beside_the_headline_outweighs_one_machine_claim() -> None:
    page = _story('<meta property="article:published_time" content="2024-04-20T10:00:00Z">',
                  '<div class="article-meta"><time datetime="2024-04-25T08:00:00+02:00">'
                  '25.04.2024</time></div>')
    m = page_metadata(page, "https://x.example/bridge", now=NOW)
    assert m.published_date == date(2024, 4, 25)
    assert m.published_at_source == "headline"
    assert "disagree" in m.date_flags


def test_the_published_time_element_beside_the_headline_is_one_claim_not_two() -> None:
    # <time itemprop=datePublished> is the 'time' claim; read again as the visible date it
    # would outvote the meta tag alone (1 + 1.5 against 1)
    page = _story('<meta property="article:published_time" content="2024-04-20T10:00:00Z">',
                  '<div class="article-meta"><time itemprop="datePublished" '
                  'datetime="2024-04-22T14:42:13+01:00">22.04.2024</time></div>')
    m = page_metadata(page, "https://x.example/bridge", now=NOW)
    assert [c.source for c in m.date_candidates] == ["meta", "time"]
    assert (m.published_date, m.published_at_source) == (date(2024, 4, 20), "meta")
    # another date element nearer the headline still counts as the visible date
    page = _story('<meta property="article:published_time" content="2024-04-20T10:00:00Z">',
                  '<span class="date">22.04.2024</span>'
                  '<time itemprop="datePublished" datetime="2024-04-22T14:42:13+01:00"></time>')
    m = page_metadata(page, "https://x.example/bridge", now=NOW)
    assert (m.published_date, m.published_at_source) == (date(2024, 4, 22), "time")


def test_two_agreeing_machine_claims_outweigh_the_date_beside_the_headline() -> None:
    page = _story('<meta property="article:published_time" content="2024-04-20T10:00:00Z">',
                  '<span class="date">25.04.2024</span>')
    m = page_metadata(page, "https://x.example/2024/04/20/bridge", now=NOW)
    assert (m.published_date, m.published_at_source) == (date(2024, 4, 20), "meta")


def test_an_update_stamp_beside_the_headline_is_not_the_publication() -> None:
    page = _story('<meta property="article:published_time" content="2024-04-20T10:00:00Z">',
                  '<span class="date updated">25.04.2024</span>')
    m = page_metadata(page, None, now=NOW)
    assert m.published_date == date(2024, 4, 20)
    stamp = _story(beside='<p class="meta">Aktualisiert am 25.04.2024</p>')
    assert page_metadata(stamp, None, now=NOW).published_at_source != "headline"


def test_dates_of_comments_and_related_articles_are_not_the_page_date() -> None:
    page = _story(body='<div class="comments"><span class="date">25.04.2024</span></div>'
                       '<aside><span class="date">24.04.2024</span></aside>')
    m = page_metadata(page, None, now=NOW)
    assert m.published_at_source != "headline"


def test_a_visible_date_in_the_future_is_flagged_not_accepted() -> None:
    page = _story(beside='<span class="date">25.05.2024</span>')  # fetched 3 May 2024
    m = page_metadata(page, None, now=NOW)
    assert m.published_at is None or m.published_at <= NOW
    assert "future" in m.date_flags


# --- the headline's own words --------------------------------------------------------------

@pytest.mark.parametrize("h1, want", [
    ('<h1><span class="article-heading__kicker">Klimaschutz</span><span class="visually-hidden">'
     ': </span><span class="article-heading__title">Bohren, bis es heiß wird</span></h1>',
     "Bohren, bis es heiß wird"),
    ('<h1><span class="dachzeile">Nach der Wahl</span> Koalition steht</h1>', "Koalition steht"),
    ('<h1>Dezuka Suisan <small class="sub">Welcome to the north</small></h1>', "Dezuka Suisan"),
    ('<h1><span class="topline"><time datetime="2022-02-01">1. Februar 2022</time></span>'
     "Raab trifft Länder</h1>", "Raab trifft Länder"),
    ('<h1><div class="t"><span class="visuallyhidden">Headline:</span> Energiewende</div></h1>',
     "Energiewende"),
    ("<h1>Bridge <em>reopens</em> after repairs</h1>", "Bridge reopens after repairs"),
    ('<h1><span class="kicker">Only a kicker</span></h1>', "Only a kicker"),  # nothing else
    # a kicker without a kicker class, told apart by the separator for screen readers
    ('<h1><span class="text-green fake-h5">Strompreisbremse – Erlösabschöpfung</span>'
     '<span class="invisible">: </span><span>Bundesregierung drosselt Bioenergie</span></h1>',
     "Bundesregierung drosselt Bioenergie"),
    # ... unless nothing follows it but a topic line
    ('<h1><span>Energiewende und Mobilität</span><span class="aural">: </span>'
     '<small class="c-topline"><span class="aural">, Thema:</span> Forschung</small></h1>',
     "Energiewende und Mobilität"),
    # ... or nothing but a stray dash: the kicker is all the headline there is
    ('<h1><span>Energiewende und Mobilität</span><span class="sr-only">: </span> – </h1>',
     "Energiewende und Mobilität"),
    # the same kickers under other theme names
    ('<h1 class="entry-title"><span class="entry-title__toptitle">Forderungsausfälle vermeiden'
     '</span> Eigentumsvorbehalt: Das sollten Käufer wissen</h1>',
     "Eigentumsvorbehalt: Das sollten Käufer wissen"),
    ('<h1><span class="sub-heading">Energiewende Oberland:</span> Klimavorreiter?</h1>',
     "Klimavorreiter?"),
    # a CSS-in-JS page's <style> inside the heading, a separator under a hashed class, and
    # a comment: none of them words of the headline
    ('<h1><span class="css-umyvef"><style>.css-umyvef{font-size:16px}</style>Medienmitteilung'
     ' der Direktion <style>.css-1f{clip:rect(0 0 0 0)}</style><span class="css-1f">:</span>'
     '</span>Impfen ist bis Ende Februar möglich<!-- teaser --></h1>',
     "Impfen ist bis Ende Februar möglich"),
    # Japanese readings over the characters are not the headline's words
    ("<h1><ruby>子<rt>こ</rt></ruby>どもへの<ruby>体罰<rt>たいばつ</rt></ruby>を"
     "<ruby>禁止<rp>(</rp><rt>きんし</rt><rp>)</rp></ruby>する</h1>", "子どもへの体罰を禁止する"),
])
def test_headline_text_leaves_out_kickers_subtitles_dates_and_hidden_parts(h1, want) -> None:
    from tasks.extract.titles import headline_text

    assert headline_text(fromstring(h1)) == want


def test_an_h1_that_links_to_the_front_page_is_the_logo_not_the_headline() -> None:
    page = tree("<title>Blog name » Interning of small integers</title>",
                '<h1><a href="https://blog.example/">Blog name</a></h1>'
                "<h2>Interning of small integers</h2>")
    chosen = choose_headline(page, ["Blog name » Interning of small integers"], set())
    assert chosen is not None and chosen.tag == "h2"  # not the logo <h1>
    story = tree("<title>Interning of small integers</title>",
                 '<h1><a href="https://blog.example/2019/interning">Interning of small '
                 "integers</a></h1>")
    assert choose_headline(story, ["Interning of small integers"], set()) is not None



@pytest.mark.parametrize(("h1", "home"), [
    ('<h1><a href="https://blog.example/">Blog name</a></h1>', True),
    ('<h1><a href="https://blog.example">Blog name</a></h1>', True),  # no path at all
    ('<h1><a href="/">Blog name</a></h1>', True),
    ('<h1> <a href="/">Blog name</a> </h1>', True),
    # text beside the link, before or after it: the link is part of a headline
    ('<h1>Notes: <a href="/">Blog name</a></h1>', False),
    ('<h1><a href="/">Blog name</a> on interning</h1>', False),
    ('<h1><a href="/">Blog</a> <a href="/about">name</a></h1>', False),
    ('<h1><a href="/?p=12">Blog name</a></h1>', False),
    ('<h1><a href="/#top">Blog name</a></h1>', False),
    ('<h1><a href="/2019/interning">Interning of small integers</a></h1>', False),
    # an anchor around the headline (no href) links nowhere; nor does a link no parser takes
    ('<h1><a name="top">Interning of small integers</a></h1>', False),
    ('<h1><a href="http://[::1/">Blog name</a></h1>', False),
])
def test_an_h1_is_a_front_page_link_only_when_it_is_one_link_to_the_root(h1, home) -> None:
    from tasks.extract.titles import _is_home_link

    assert _is_home_link(fromstring(h1)) is home

# --- a written byline near the headline ------------------------------------------------------

def _byline_page(line: str, head: str = "") -> object:
    text = "Text of the story here. " * 30
    return tree(f"<title>Bridge reopens after repairs</title>{head}",
                f"<article><h1>Bridge reopens after repairs</h1>{line}<p>{text}</p></article>")


@pytest.mark.parametrize("line, want", [
    ('<p class="meta">Ein Artikel von <strong>Pamela Sladky</strong> | 27.01.2022</p>',
     ["Pamela Sladky"]),
    ("<p>Von <a href='/lisa'>Lisa Petrich</a></p>", ["Lisa Petrich"]),
    ("<address>By Tim Anderson and Jo Lee</address>", ["Tim Anderson", "Jo Lee"]),
    ("<p>Posted by Konstantin</p>", ["Konstantin"]),  # an explicit cue: a pen name counts
    ("<p>von Berlin aus betrachtet</p>", []),  # a bare cue wants two words of a name
    ("<p>Text von Christian Seiler Illustration von Markus Roost</p>", ["Christian Seiler"]),
    ("<p>Von Anna Keller<br>Kakuma. Die Lage ist ernst.</p>", ["Anna Keller"]),
])
def test_a_written_byline_near_the_headline_names_the_author(line, want) -> None:
    assert page_metadata(_byline_page(line), None, now=NOW).authors == want


@pytest.mark.parametrize("line, want", [
    ("<p>Autoren Jelko Dorn und Jutta Klee</p>", ["Jelko Dorn", "Jutta Klee"]),
    ("<p class='text-muted'>11.12.2019 - Amelie Lorenz</p>", ["Amelie Lorenz"]),
    ("<small>04.02.2022 | 13:10 Uhr | Uta Hellberg</small>", ["Uta Hellberg"]),
    ("<div>05.02.2020 <span>- Redaktion: Eberhard Fuchs (Pressesprecher)</span></div>",
     ["Eberhard Fuchs"]),
    ("<div>Datum: 19.11.2021 Autor: Fritz Imhof Quelle: Livenet</div>", ["Fritz Imhof"]),
    # a date line going on with a place or a sentence is no byline
    ("<p>11.12.2019 - Berlin</p>", []),
    ("<p>11.12.2019 - Die Brücke ist wieder offen, sagt die Stadt.</p>", []),
])
def test_date_lines_and_label_fields_that_name_the_author(line, want) -> None:
    assert page_metadata(_byline_page(line), None, now=NOW).authors == want


def test_a_date_and_name_line_in_an_events_list_is_no_byline() -> None:
    # a month's concerts, one "date - band - venue" a line: the band is nobody's byline
    calendar = ("<p>16.11.2022 - Hikee Bikini - ORF Radio Kulturhaus</p>"
                "<p>17.11.2022 - Aymz Grelle Forelle</p>"
                "<p>17.11.2022 - Buntspecht - Konzerthaus</p>")
    assert page_metadata(_byline_page(calendar), None, now=NOW).authors == []
    # the same line alone under the headline is the byline
    assert page_metadata(_byline_page("<p>17.11.2022 - Aymz Grelle Forelle</p>"), None,
                         now=NOW).authors == ["Aymz Grelle Forelle"]


@pytest.mark.parametrize("line", ["<p>Auteur : Kossivi Tiassou Edition : Marie Pioerron</p>",
                                  "<p>Autore: Kossivi Tiassou</p>"])
def test_french_and_italian_author_labels_name_the_author(line) -> None:
    # the outlet in the author tag is no person: the written byline names one
    page = _byline_page(line, '<meta name="author" content="Deutsche Welle">')
    assert page_metadata(page, None, now=NOW).authors == ["Kossivi Tiassou"]


def test_a_byline_box_holding_only_labels_does_not_hide_the_written_byline() -> None:
    page = _byline_page("<div class='author-box'>Veröffentlicht</div><p>Von Anna Keller</p>")
    assert page_metadata(page, None, now=NOW).authors == ["Anna Keller"]


def test_a_written_byline_in_the_comments_is_not_the_author() -> None:
    page = _byline_page('<div class="comments"><p>Von Anna Keller</p></div>')
    assert page_metadata(page, None, now=NOW).authors == []


def test_a_byline_paragraph_further_down_names_the_author_when_nothing_else_does() -> None:
    text = "<p>" + "Text of the story here. " * 30 + "</p>"
    # no headline the declared titles agree with: the paragraph byline still counts
    page = tree("<title>Grenzen setzen</title>",
                f"<div class='content'>{text}<p><i>von Daniela Obers</i></p>{text}</div>")
    assert page_metadata(page, None, now=NOW).authors == ["Daniela Obers"]
    in_comments = tree("<title>Grenzen setzen</title>",
                       f"<div class='content'>{text}</div><div class='comments'>"
                       "<p>Von Anna Keller</p></div>")
    assert page_metadata(in_comments, None, now=NOW).authors == []


# --- the last resort: the first date written in the page's text ----------------------------

def test_the_first_date_in_the_page_text_dates_a_page_nothing_else_dates() -> None:
    from tasks.extract.headline_area import first_text_date

    page = tree(body="<nav><a>Archiv 03.03.2024</a></nav><script>var d='2024-03-04';</script>"
                     "<div class='post'><p>Veranstaltung</p><span>19. April 2024</span>"
                     "<p>Am 20.04.2024 geht es weiter, sagte sie. " + "Text. " * 30 + "</p>"
                     "</div><footer>© 01.01.2024</footer>")
    assert first_text_date(page, date(2024, 5, 4)) == date(2024, 4, 19)
    # a date after the fetch (+1 day) is never taken
    assert first_text_date(page, date(2024, 4, 10)) is None
    # on a whole page: htmldate's fast mode finds no date written with a month name, the
    # scan does; the claim is recorded as the low-confidence guess it is
    words = tree(body="<div class='post'><p>Veranstaltung</p><span>19. April 2024</span>"
                      "<p>" + "Text. " * 30 + "</p></div>")
    m = page_metadata(words, None, now=NOW)
    assert (m.published_date, m.published_at_source) == (date(2024, 4, 19), "text")
    assert m.published_at_confidence <= 0.5


def test_a_structured_date_is_preferred_to_a_date_in_the_text() -> None:
    page = tree('<meta property="article:published_time" content="2024-04-02T08:00:00Z">',
                "<p>19. April 2024</p>")
    m = page_metadata(page, None, now=NOW)
    assert (m.published_date, m.published_at_source) == (date(2024, 4, 2), "meta")


def test_a_title_has_no_soft_hyphens_or_zero_width_marks() -> None:
    body = ("<h1>Mes\u00adsen\u00adger\u00addiens\u00adte sind kein rechts\u00adfrei\u200ber "
            "Raum</h1><p>" + "Text. " * 30 + "</p>")
    m = page_metadata(tree("<title>Messengerdienste sind kein rechtsfreier Raum</title>", body),
                      None, now=NOW)
    assert m.title == "Messengerdienste sind kein rechtsfreier Raum"


def test_the_comment_forms_heading_is_not_the_title() -> None:
    # no <h1>, no meta title: trafilatura's guess takes the first h1-h3 classed "title",
    # the comment form's; the page's <title> names the post (left in <body> by the parser)
    html = ("<html><body><title>Alles Neue mach der Mai… | Bibliothek 2.0</title><p>"
            + "Text. " * 30 + "</p><h3 id='reply-title' class='comment-reply-title'>Write a "
            "Reply or Comment <small><a href='#respond'>Antworten abbrechen</a></small></h3>"
            "</body></html>")
    m = page_metadata(fromstring(html), None, now=NOW)
    assert m.title == "Alles Neue mach der Mai…"
    # an icon's <svg><title> is no page title
    svg = html.replace("<title>Alles Neue mach der Mai… | Bibliothek 2.0</title>",
                       "<svg><title>Facebook</title></svg>")
    assert page_metadata(fromstring(svg), None, now=NOW).title != "Facebook"


def test_an_h2_is_the_headline_when_the_h1_is_the_site_name() -> None:
    page = tree("<title>Was ist virales Marketing? | DimidoBlog</title>",
                "<h1>DimidoBlog</h1><h2>Kategorien</h2><h2>Was ist virales Marketing?</h2>"
                "<p>Text</p>")
    m = page_metadata(page, "https://www.dimido.de/2008/07/29/marketing/", now=NOW)
    assert m.title == "Was ist virales Marketing?"
    # an <h1> that agrees wins over any <h2>
    both = tree("<title>Bridge reopens | Gazette</title>",
                "<h1>Bridge reopens</h1><h2>Bridge reopens: what changes</h2>")
    assert choose_headline(both, ["Bridge reopens | Gazette"], set()).tag == "h1"


def test_a_site_name_guessed_from_the_headline_half_of_the_title_does_not_hide_the_h1() -> None:
    # no og:site_name: trafilatura guesses the site from a <title> segment, here the headline
    page = tree("<title>Vegetarier zu sein. Bedarf, Trend oder eigene Entscheidung? | Ethify"
                "</title>",
                "<h1 class='element-invisible'>Ethify</h1>"
                "<h1>Vegetarier zu sein. Bedarf, Trend oder eigene Entscheidung?</h1>"
                "<h2 class='block-title'>Hauptmenü</h2><p>Text</p>")
    m = page_metadata(page, "https://ethify.org/content/vegetarier", now=NOW)
    assert m.title == "Vegetarier zu sein. Bedarf, Trend oder eigene Entscheidung?"


def test_the_only_content_h1_is_the_headline_beside_logos_labels_and_boxes() -> None:
    # the declared titles glue the headline to the site's slogan: no heading agrees
    head = "<title>Truckwash A31Das andere Branchenbuch | Das andere Branchenbuch</title>"
    frame = ("<div class='site-branding'><h1 class='site-title'>Das andere Branchenbuch</h1>"
             "</div><div class='newsletter_teaser_block'><h1>Unser Newsletter!</h1></div>"
             "<h1 class='screen-reader-text'>Beitragsnavigation</h1>")
    page = tree(head, frame + "<article><h1>Truckwash A31</h1><p>x</p></article>")
    assert page_metadata(page, "https://branchen.example/?p=3", now=NOW).title == (
        "Truckwash A31")
    # with no <h1> at all, the only <h2> that is not a screen-reader label
    page = tree("<title>Wochenbericht 14. - 20. Januar 2022 - SLF</title>",
                "<h2 class='sr-only'>Hauptnavigation</h2><h2 class='text-hide'>Inhalt</h2>"
                "<article><h2>Schwache Profile – günstige Lawinensituation</h2><p>x</p>"
                "</article>")
    assert page_metadata(page, "https://www.slf.example/de/bericht.html", now=NOW).title == (
        "Schwache Profile – günstige Lawinensituation")
    # two content <h1>s: neither is known to be the headline
    page = tree(head, frame + "<h1>Truckwash A31</h1><h1>Autowäsche</h1><p>x</p>")
    assert page_metadata(page, "https://branchen.example/?p=3", now=NOW).title != (
        "Truckwash A31")


def test_the_pages_own_classes_on_body_and_html_do_not_make_every_heading_furniture() -> None:
    # WordPress themes class the <body> (and some the <html>) with the layout's parts
    # ("has-sidebar", "footer-widgets", "related-posts"): the frame test stops below them
    head = "<title>Truckwash A31Das andere Branchenbuch | Das andere Branchenbuch</title>"
    for html_class, body_class in (("", "single has-sidebar footer-widgets"),
                                   ("theme-newsletter", "related-posts-enabled")):
        page = fromstring(
            f"<html class='{html_class}'><head>{head}</head><body class='{body_class}'>"
            "<div class='site-branding'><h1 class='site-title'>Das andere Branchenbuch</h1>"
            "</div><article><h1>Truckwash A31</h1><p>x</p></article></body></html>")
        assert page_metadata(page, "https://branchen.example/?p=3", now=NOW).title == (
            "Truckwash A31"), body_class


def test_an_h1_whose_words_are_all_in_the_declared_title_agrees_with_it() -> None:
    # '<headline> - <long subtitle> : <site>': the headline's Dice with the title is low,
    # and an <h2> (the subtitle) agrees better, but the <h1> is the headline
    page = tree("<title>Vom Boden aus gedacht - Ann Cotten verwebt in „Die Anleitungen der "
                "Vorfahren“ Lokales und Globales : literaturkritik.de</title>",
                "<h1>Vom Boden aus gedacht</h1><h2>Ann Cotten verwebt in „Die Anleitungen der "
                "Vorfahren“ Lokales und Globales</h2><h2>Redaktionsinfo</h2><p>x</p>")
    m = page_metadata(page, "https://literaturkritik.example/cotten,30063.html", now=NOW)
    assert m.title == "Vom Boden aus gedacht"
    # a one- or two-word <h1> (a section name) needs more than being part of the title
    page = tree("<title>Perturbazione polare al Centro e al Sud - Cronaca</title>",
                "<h1>Cronaca</h1><h2>Perturbazione polare al Centro e al Sud</h2><p>x</p>")
    m = page_metadata(page, "https://www.lastampa.example/cronaca/1", now=NOW)
    assert m.title == "Perturbazione polare al Centro e al Sud"


def test_a_date_labelled_as_the_publication_dates_a_page_nothing_structured_dates() -> None:
    # the update stamp comes first in the page; the labelled publication date is the one
    body = ("<h1>Vom Boden aus gedacht</h1><p>" + "Text der Rezension. " * 30 + "</p>"
            "<p class='footer'>Letzte Änderung: 31.10.2023 - 14:49<br>Erschienen am: "
            "01.11.2023<br>Lesungen: 61</p>")
    m = page_metadata(tree("<title>Vom Boden aus gedacht</title>", body), None, now=NOW)
    assert (m.published_date, m.published_at_source) == (date(2023, 11, 1), "text")
    # the label alone in one element, the date in the next
    body = ("<h1>Vom Boden aus gedacht</h1><p>" + "Text. " * 30 + "</p>"
            "<p>Zuletzt geändert 31.10.2023</p><p><b>Veröffentlicht:</b> <span>1. November "
            "2023</span></p>")
    m = page_metadata(tree("<title>Vom Boden aus gedacht</title>", body), None, now=NOW)
    assert m.published_date == date(2023, 11, 1)
    # a labelled date after the fetch is no publication date
    body = "<h1>Konzert</h1><p>Text.</p><p>Veröffentlicht am 01.11.2030</p>"
    m = page_metadata(tree("<title>Konzert</title>", body), None, now=NOW)
    assert m.published_date != date(2030, 11, 1)


def test_an_author_label_and_value_block_names_the_author_when_nothing_else_does() -> None:
    body = ("<h1>Von Sprachregeln und Genderpolitik</h1><p>" + "Text. " * 40 + "</p>"
            "<div class='ArticleAuthorDateBlock'><span>Datum:</span> 19.11.2021<br>"
            "<span>Autor:</span> Fritz Imhof<br><span>Quelle:</span> Livenet</div>")
    m = page_metadata(tree("<title>Von Sprachregeln</title>", body),
                      "https://www.livenet.example/a.html", now=NOW)
    assert m.authors == ["Fritz Imhof"]


def test_a_name_signed_under_the_text_is_the_author_when_nothing_else_names_one() -> None:
    body = ("<h1>Das Halbfinale am Dienstag</h1><div><p>" + "Bericht vom Spiel. " * 20 +
            "</p><p><b><i>Stefan Wasmer</i></b></p></div>")
    m = page_metadata(tree("<title>Das Halbfinale am Dienstag</title>", body),
                      "https://www.eishockey.example/a.html", now=NOW)
    assert m.authors == ["Stefan Wasmer"]


def test_the_byline_shown_refines_several_recorded_names_or_a_single_word() -> None:
    def page(author: str, byline: str):
        return tree(f'<title>Wellness-Hotels</title><meta name="author" content="{author}">',
                    f"<h1>Wellness-Hotels</h1><p class='byline'>{byline}</p>"
                    "<p>" + "Text. " * 40 + "</p>")

    # the publisher recorded beside the two reporters the page shows
    m = page_metadata(page("Condé Nast, Fiona Bornhöft, Mariam Hofbeck",
                           "Von Fiona Bornhöft und Mariam Hofbeck"), None, now=NOW)
    assert m.authors == ["Fiona Bornhöft", "Mariam Hofbeck"]
    # a user name recorded, the name spelled out on the page
    m = page_metadata(page("arianschlichenmayer", "Arian Schlichenmayer"), None, now=NOW)
    assert m.authors == ["Arian Schlichenmayer"]
    # a byline naming one of several recorded authors does not drop the others
    m = page_metadata(page("Michael Anderson, Carlos Dobkin", "Michael Anderson"), None,
                      now=NOW)
    assert m.authors == ["Michael Anderson", "Carlos Dobkin"]
    # one recorded full name is not replaced by another byline
    m = page_metadata(page("Anna Keller", "Tom Berger"), None, now=NOW)
    assert m.authors == ["Anna Keller"]


def test_a_wire_dateline_credits_the_agency_when_nothing_else_names_an_author() -> None:
    body = ("<h1>Verhärtete Fronten</h1><p>Hamburg (dpa/lno) – Trotz eines Gesprächs "
            + "zwischen den Beteiligten. " * 10 + "</p>")
    m = page_metadata(tree("<title>Verhärtete Fronten</title>", body), None, now=NOW)
    assert m.authors == ["dpa/lno"]
    # a named author wins over the credit
    body = body.replace("</h1>", "</h1><p class='byline'>Von Anna Keller</p>")
    m = page_metadata(tree("<title>Verhärtete Fronten</title>", body), None, now=NOW)
    assert m.authors == ["Anna Keller"]


def test_the_article_authors_of_json_ld_win_over_a_different_meta_author() -> None:
    graph = ('{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Salon"},'
             ' {"@type": "NewsArticle", "headline": "Emissions dipped", "author": %s}]}')

    def page(author_json: str, meta_author: str = "Grist"):
        head = (f'<title>Emissions dipped</title><meta name="author" content="{meta_author}">'
                f'<script type="application/ld+json">{graph % author_json}</script>')
        return tree(head, "<h1>Emissions dipped</h1><p>x</p>")

    m = page_metadata(page('{"@type": "Person", "name": "Nathanael Johnson"}'), None, now=NOW)
    assert m.authors == ["Nathanael Johnson"]
    m = page_metadata(page('[{"@type": "Person", "name": "Anna Keller"}, '
                           '{"@type": "Person", "name": "Tom Berger"}]'), None, now=NOW)
    assert m.authors == ["Anna Keller", "Tom Berger"]
    # an organisation or a newsroom in JSON-LD does not replace a person in the meta tags
    m = page_metadata(page('{"@type": "Organization", "name": "Redaktion"}', "Anna Keller"),
                      None, now=NOW)
    assert m.authors == ["Anna Keller"]


def test_a_byline_of_three_reporters_replaces_the_outlet_recorded_as_author() -> None:
    def page(byline: str):
        return tree('<title>Ressourcenschutzgesetz</title><meta name="author" content="Makronom">'
                    '<meta property="og:site_name" content="Makronom">',
                    f"<h1>Ressourcenschutzgesetz</h1><p class='author'>{byline}</p>"
                    "<p>" + "Text. " * 40 + "</p>")

    m = page_metadata(page("Clara Löw, Siddharth Prakash & Klaus Jacob"),
                      "https://makronom.de/a", now=NOW)
    assert m.authors == ["Clara Löw", "Siddharth Prakash", "Klaus Jacob"]
    # four entries is a list of tags or teasers more often than a team: the outlet stays
    m = page_metadata(page("Clara Löw, Siddharth Prakash, Klaus Jacob, Anna Berg"),
                      "https://makronom.de/a", now=NOW)
    assert m.authors == ["Makronom"]


def test_the_byline_shown_adds_the_co_authors_a_one_name_record_leaves_out() -> None:
    def page(author: str, byline: str):
        return tree(f'<title>Offroad-Test</title><meta name="author" content="{author}">',
                    f"<h1>Offroad-Test</h1><span class='vcard author'><span class='fn'>{byline}"
                    "</span></span><p>" + "Text. " * 40 + "</p>")

    m = page_metadata(page("Rudolf Fischer", "von Rudolf Fischer, Simon Kohler"), None, now=NOW)
    assert m.authors == ["Rudolf Fischer", "Simon Kohler"]
    # found by the surname when the byline writes initials
    m = page_metadata(page("Eduardo Barreneche", "E. Barreneche / J. I. da Silva"), None,
                      now=NOW)
    assert m.authors == ["E Barreneche", "J I da Silva"]  # trafilatura drops the dots
    # a byline without the recorded author is another story's: the record stays
    m = page_metadata(page("Rudolf Fischer", "Anna Keller, Simon Kohler"), None, now=NOW)
    assert m.authors == ["Rudolf Fischer"]
    # a label after the newsroom is no co-author
    m = page_metadata(page("Mathilda Trausch", "Mathilda Trausch, Online-Redaktion "
                                               "Veröffentlicht"), None, now=NOW)
    assert m.authors == ["Mathilda Trausch"]


def test_a_byline_in_the_storys_meta_aside_is_the_author_but_one_in_a_sidebar_is_not() -> None:
    story = "<h1>Bridge reopens</h1><p>Text of the story.</p>"
    meta_box = tree(body=f"<article>{story}<aside class='meta'><p class='authors'>Von:<br>"
                         "<a class='author-name'>Moritz Frei</a></p></aside></article>")
    assert find_byline_author(meta_box) == "Moritz Frei"
    sidebar = tree(body=f"<article>{story}</article><aside class='column sidebar'>"
                        "<p class='author-name'>Moritz Frei</p></aside>")
    assert find_byline_author(sidebar) is None
    box = tree(body=f"<article>{story}<aside class='info-box'><p class='author-name'>"
                    "Moritz Frei</p></aside></article>")
    assert find_byline_author(box) is None
    # the meta box of another story's card in the page's sidebar is that story's
    card = tree(body=f"<article>{story}</article><div class='sidebar'><h3>More</h3>"
                     "<aside class='meta'><p class='author-name'>Moritz Frei</p></aside></div>")
    assert find_byline_author(card) is None


@pytest.mark.parametrize("entry", ["Martin Junker Alles von Martin Junker Kontakt",
                                   "Martin Junker View all posts by Martin Junker",
                                   "Martin Junker More from Martin Junker"])
def test_an_author_boxs_link_to_all_posts_is_no_part_of_the_name(entry) -> None:
    assert clean_author_name(entry) == "Martin Junker"


def test_a_link_that_mails_the_author_is_no_teaser_card() -> None:
    story = "<h1>Windrebell</h1><p>" + "Text of the story. " * 20 + "</p>"
    mail = tree("<title>Windrebell</title>",
                f"<div>{story}<a href='mailto:gw@example.org'><div class='sep'> </div>"
                "<b>Von:</b><br><br>Götz Warnke</a></div>")
    assert page_metadata(mail, None, now=NOW).authors == ["Götz Warnke"]
    teaser = tree("<title>Windrebell</title>",
                  f"<div>{story}<a href='/other-story'><div class='sep'> </div>"
                  "<b>Von:</b><br><br>Götz Warnke</a></div>")
    assert page_metadata(teaser, None, now=NOW).authors == []


def test_the_login_of_the_posts_author_in_its_comments_when_no_byline_names_one() -> None:
    comments = ("<ol class='comment-list'><li class='comment byuser comment-author-margit "
                "even'>Schön!</li><li class='comment byuser comment-author-anna-keller "
                "bypostauthor odd'>Danke!</li></ol>")
    body = "<h1>Ins neue Jahr</h1><p>" + "Text. " * 40 + "</p>" + comments
    m = page_metadata(tree("<title>Ins neue Jahr</title>", body), None, now=NOW)
    assert m.authors == ["anna keller"]
    # a byline wins over the login
    body = body.replace("</h1>", "</h1><p class='byline'>Von Anna Keller</p>")
    m = page_metadata(tree("<title>Ins neue Jahr</title>", body), None, now=NOW)
    assert m.authors == ["Anna Keller"]


def test_the_authors_link_keeps_the_spelling_the_normaliser_loses() -> None:
    def page(author: str, link: str):
        return tree(f'<title>Europa</title><meta name="author" content="{author}">',
                    f"<h1>Europa</h1><p>von <a href='/author/x/'>{link}</a></p>"
                    "<p>" + "Text. " * 40 + "</p>")

    assert page_metadata(page("Herr_Rein", "Herr_Rein"), None, now=NOW).authors == [
        "Herr_Rein"]
    assert page_metadata(page("AFP/The Local", "AFP/The Local"), None, now=NOW).authors == [
        "AFP/The Local"]
    assert page_metadata(page("R.C. Baker", "R.C. Baker"), None, now=NOW).authors == [
        "R.C. Baker"]
    # the outlet the cleaning drops is part of the byline the link shows
    assert page_metadata(page("AFP, The Local", "AFP/The Local"), "https://www.thelocal.se/a",
                         now=NOW).authors == ["AFP/The Local"]
    # a link naming someone else changes nothing
    assert page_metadata(page("Anna Keller", "Tom Berger"), None, now=NOW).authors == [
        "Anna Keller"]


def test_a_link_to_the_authors_page_is_the_byline_when_nothing_else_names_one() -> None:
    story = "<h1>Waldwege gesperrt</h1><p>" + "Text of the story. " * 20 + "</p>"
    link = ("<a href='/autoren/kathrin-fuehres-684124'><img alt='Kathrin Führes'>"
            "<span>© Kathrin Führes</span></a>")
    m = page_metadata(tree("<title>Waldwege gesperrt</title>", f"<div>{story}{link}</div>"),
                      None, now=NOW)
    assert m.authors == ["Kathrin Führes"]
    # the same link in a teaser of another story names nobody here
    teaser = f"<aside><ul><li>{link} Andere Geschichte</li></ul></aside>"
    m = page_metadata(tree("<title>Waldwege gesperrt</title>", f"<div>{story}</div>{teaser}"),
                      None, now=NOW)
    assert m.authors == []


def test_a_label_byline_in_the_storys_own_sidebar_spells_out_a_one_word_author() -> None:
    def page(sidebar_class: str):
        return tree('<title>New robot</title><meta name="author" content="Todd">',
                    "<h1>New robot</h1><p>" + "Text. " * 40 + "</p>"
                    f"<div class='{sidebar_class}'><div class='field'><p class='label'>"
                    "<strong>By</strong></p></div><div class='field'><p class='full-name'>"
                    "Todd Bates</p></div></div>")

    assert page_metadata(page("c--article-sidebar"), None, now=NOW).authors == ["Todd Bates"]
    # the page's own sidebar is not the story's
    assert page_metadata(page("sidebar"), None, now=NOW).authors == ["Todd"]


@pytest.mark.parametrize("opening, want", [
    ("29.11.2022 – Mehrfach und vehement hatte die Branche gewarnt.", date(2022, 11, 29)),
    ("12. März 2021 - Die Stadt hat beschlossen.", date(2021, 3, 12)),
    ("March 4, 2021 — The city council voted.", date(2021, 3, 4)),
    # the place of the report before the date, and a wire service's mark after it
    ("Hamburg, 29.11.2022 – Mehrfach und vehement hatte die Branche gewarnt.",
     date(2022, 11, 29)),
    ("Karlsruhe, (12.11.2021). Traditionell gedenken die Gemeinden.", date(2021, 11, 12)),
    ("BERLIN (dpa), 3. März 2022 – Die Stadt hat beschlossen.", date(2022, 3, 3)),
    ("Paris, le 3 février 2022 – Le conseil a voté.", date(2022, 2, 3)),
    ("NEW YORK, Feb. 3, 2022 /PRNewswire/ -- Acme Corp. today announced", date(2022, 2, 3)),
    ("SAN FRANCISCO, Feb. 3, 2022 (GLOBE NEWSWIRE) -- Acme today announced",
     date(2022, 2, 3)),
    # nothing between the date and the story's first words, a capital or a quote
    ("01.02.2022 „Der Arbeitsmarkt ist gut in das Jahr gestartet.“, sagte der Vorstand.",
     date(2022, 2, 1)),
    ("29.11.2022 Mehrfach und vehement hatte die Branche gewarnt.", date(2022, 11, 29)),
    ("March 4, 2021 The city council voted.", date(2021, 3, 4)),
])
def test_a_dateline_opening_the_story_dates_a_page_without_structured_date(opening,
                                                                           want) -> None:
    body = (f"<h1>Bioenergie</h1><p>{opening} " + "Mehr Text. " * 30 + "</p>"
            "<p>Im Archiv seit dem 02.12.2022.</p>")
    m = page_metadata(tree("<title>Bioenergie</title>", body), None, now=NOW)
    assert (m.published_date, m.published_at_source) == (want, "text")


def test_a_dateline_opening_a_story_block_written_without_paragraphs_dates_the_page() -> None:
    # the story's text in a <div> of its own, no <p>; an events calendar's days come first
    # in the page and would be the first date of its text
    body = ("<div class='calendar'><span>Sa. 13.11.2021</span><span>Gospelgottesdienst</span>"
            "</div><h1>Trauern digital</h1><div class='text'><strong>Karlsruhe, (12.11.2021)."
            "</strong> Traditionell gedenken die Gemeinden ihrer Verstorbenen. " + "Text. " * 30
            + "</div>")
    m = page_metadata(tree("<title>Trauern digital</title>", body), None, now=NOW)
    assert (m.published_date, m.published_at_source) == (date(2021, 11, 12), "text")


@pytest.mark.parametrize("opening", [
    "Am 29.11.2022 – so die Branche – ",
    "Bis zum 29.11.2022 – so die Branche – ",  # no comma: no place of a dateline
    "Hamburg, 29.11.2022 und danach ",  # nothing ends the dateline
    "Update, 29.11.2022: Die Polizei meldet ",  # an update stamp, not a place
    "Aktualisiert, 29.11.2022 – ",
    "29.11.2022 bis 02.12.2022 läuft die Messe ",  # a span of days, lower case after it
    "Am 29.11.2022 Die Branche ",  # no comma after "Am": no place
])
def test_a_date_inside_a_sentence_is_no_dateline(opening) -> None:
    body = ("<h1>Bioenergie</h1><p>" + opening + "Text. " * 30 + "</p>")
    m = page_metadata(tree("<title>Bioenergie</title>", body), None, now=NOW)
    assert m.published_date != date(2022, 11, 29) or m.published_at_source != "text"


def test_a_date_in_an_embedded_post_beside_the_headline_is_not_the_storys() -> None:
    # an Instagram embed under the headline shows the post's own date; the meta tag is right
    body = ("<article><h1>Horror-Fund</h1><div class='body'><p>" + "Text. " * 20 + "</p>"
            "<blockquote class='instagram-media'><div><p><time datetime='2019-04-21T23:47:18"
            "+00:00'>Apr 21, 2019</time></p></div></blockquote></div></article>")
    head = ("<title>Horror-Fund</title>"
            "<meta property='article:published_time' content='2019-10-18T16:06:50+02:00'>")
    m = page_metadata(tree(head, body), None, now=NOW)
    assert m.published_date == date(2019, 10, 18)


def test_the_pages_time_itemprop_date_published_outweighs_a_bare_date_meta() -> None:
    # <meta name=date> is the CMS page's date (created or changed); the template's
    # microdata names the publication
    head = ("<title>Mit Hund im Winter</title>"
            "<meta name='date' content='2022-01-21T15:38:44+01:00'>")
    body = ("<article><h1>Mit Hund im Winter</h1><p>" + "Text. " * 20 + "</p>"
            "<p><time itemprop='datePublished' datetime='2022-01-27'>27.01.2022</time></p>"
            "</article>")
    m = page_metadata(tree(head, body), None, now=NOW)
    assert m.published_date == date(2022, 1, 27)
    # a meta that names the publication still comes first
    head = head.replace("name='date'", "property='article:published_time'")
    assert page_metadata(tree(head, body), None, now=NOW).published_date == date(2022, 1, 21)


def test_a_central_european_midnight_stored_in_utc_is_the_next_day() -> None:
    # a page dated the 7th, stored by its CMS as the instant 00:00 Berlin time
    assert parse_date_and_day("2022-11-06T23:00:00.000Z")[1] == date(2022, 11, 7)
    assert parse_date_and_day("2022-06-06T22:00:00+00:00")[1] == date(2022, 6, 7)
    # a real time of day in UTC keeps its day (the vote may still move it: _local_day)
    assert parse_date_and_day("2022-11-06T23:11:59Z")[1] == date(2022, 11, 6)
    # a whole hour in another zone is that zone's own day
    assert parse_date_and_day("2022-11-06T23:00:00-05:00")[1] == date(2022, 11, 6)


def test_a_labelled_publication_date_outweighs_a_bare_date_meta_alone() -> None:
    head = "<title>Neue Präsidentin</title><meta name='date' content='2021-10-15'>"
    body = ("<h1>Neue Präsidentin</h1><p>" + "Text der Meldung. " * 20 + "</p>"
            "<div><span>Erschienen am:</span><h2>13.10.2021</h2></div>")
    m = page_metadata(tree(head, body), None, now=NOW)
    assert (m.published_date, m.published_at_source) == (date(2021, 10, 13), "text")
    # a meta tag that names the publication is no weak claim: it stays
    head = head.replace("name='date'", "property='article:published_time'")
    assert page_metadata(tree(head, body), None, now=NOW).published_date == date(2021, 10, 15)


def test_the_templates_post_date_field_dates_a_page_without_structured_date() -> None:
    # Drupal's node-post-date field, after a teaser list whose dates are other stories'
    body = ("<div class='teaser-list'><div class='field--name-node-post-date'>19.01.2023"
            "</div></div><h1>Verjährung von Urlaubsansprüchen</h1>"
            "<div class='field field--name-node-post-date'>20.12.2022</div><p>"
            + "Text. " * 30 + "</p><p>Aktualisiert 19.01.2023</p>")
    m = page_metadata(tree("<title>Verjährung von Urlaubsansprüchen</title>", body), None,
                      now=NOW)
    assert (m.published_date, m.published_at_source) == (date(2022, 12, 20), "text")


@pytest.mark.parametrize("markup", [
    "<span itemprop='datePublished' content='2022-02-02T11:30:00+01:00'></span>",
    "<div class='hl' itemprop='datePublished' datetime='2022-02-02'>Mittwoch</div>",
    "<div itemprop='datePublished'>2. Februar 2022</div>",
])
def test_microdata_date_published_on_any_element_is_a_structured_claim(markup) -> None:
    body = (f"<div class='sidebar'><p>Neu: 19.01.2022</p></div><h1>AlphaTauri</h1>{markup}"
            "<p>" + "Text. " * 30 + "</p>")
    m = page_metadata(tree("<title>AlphaTauri</title>", body), None, now=NOW)
    assert (m.published_date, m.published_at_source) == (date(2022, 2, 2), "time")


@pytest.mark.parametrize("url, want", [
    ("https://www.theverge.com/2019/7/3/20680681/ios-13-beta", date(2019, 7, 3)),
    ("https://example.org/home/2017/7/12/unter-uns", date(2017, 7, 12)),
    ("https://example.org/2021/03/5/story", date(2021, 3, 5)),
    ("https://example.org/news/20210305-story", date(2021, 3, 5)),
    # after a slug's dash or underscore, and in a query
    ("https://example.org/news/bridge-reopens-20210305.html", date(2021, 3, 5)),
    ("https://example.org/news/bridge_2021_03_05", date(2021, 3, 5)),
    ("https://example.org/article.php?date=2021-03-05&id=7", date(2021, 3, 5)),
    # a day and a month before the year, where only one order reads
    ("https://weisser-ring.example/meldungen/29-10-2021", date(2021, 10, 29)),
    ("https://news.example/story/10-29-2021/bridge-reopens", date(2021, 10, 29)),
    ("https://news.example/bericht-29.10.2021.html", date(2021, 10, 29)),
    ("https://news.example/meldungen/31-12-2021", date(2021, 12, 31)),  # December is a month
    ("https://news.example/story/12-31-2021", date(2021, 12, 31)),
])
def test_a_date_path_in_the_url_padded_or_not_is_a_claim(url, want) -> None:
    m = page_metadata(tree("<title>T</title>", "<h1>T</h1><p>Text.</p>"), url, now=NOW)
    assert (m.published_date, m.published_at_source) == (want, "url")


@pytest.mark.parametrize("url", [
    "https://news.example/meldungen/03-04-2021",  # 3 April or March 4: no claim
    "https://news.example/meldungen/31-04-2021",  # no such day
    "https://news.example/meldungen/13-13-2021",  # no month either way
    "https://news.example/meldungen/129-10-2021",  # digits run on: an id
])
def test_a_url_day_and_month_that_two_readings_fit_or_none_is_no_claim(url) -> None:
    m = page_metadata(tree("<title>T</title>", "<h1>T</h1><p>Text.</p>"), url, now=NOW)
    assert m.published_at_source != "url"


def test_an_analytics_tag_stamped_with_the_last_change_yields_to_the_publication_tag() -> None:
    # Reuters: analytics and mailing tags carry the revision's instant, listed before the
    # og:article:published_time of the story's first publication
    head = ("<title>Parasite</title>"
            "<meta name='analyticsAttributes.articleDate' content='2020-01-20T09:49:32Z'>"
            "<meta name='sailthru.date' content='2020-01-20T09:49:32Z'>"
            "<meta property='og:article:published_time' content='2020-01-19T12:25:36Z'>"
            "<meta property='og:article:modified_time' content='2020-01-20T09:49:32Z'>")
    m = page_metadata(tree(head, "<h1>Parasite</h1><p>" + "Text. " * 30 + "</p>"), None,
                      now=NOW)
    assert (m.published_date, m.published_at_source) == (date(2020, 1, 19), "meta")
    assert m.modified_at == datetime(2020, 1, 20, 9, 49, 32, tzinfo=UTC)


def test_a_publication_tag_equal_to_the_last_change_keeps_its_place() -> None:
    # a story never revised: its published_time is its modified_time; a search engine's
    # tag naming another time after it does not win
    head = ("<title>Buses</title>"
            "<meta property='article:published_time' content='2022-05-05T22:17:36Z'>"
            "<meta name='cXenseParse:recs:publishtime' content='2022-05-06T12:00:00Z'>"
            "<meta property='article:modified_time' content='2022-05-05T22:17:36Z'>")
    m = page_metadata(tree(head, "<h1>Buses</h1><p>" + "Text. " * 30 + "</p>"), None,
                      now=NOW)
    assert m.published_at == datetime(2022, 5, 5, 22, 17, 36, tzinfo=UTC)


def test_an_issue_number_after_the_year_is_no_month() -> None:
    for url in ("https://www.zeit.de/2019/43/klimaschutz",
                "https://example.org/a-2021-123456.html",  # an id, not 2021-12-34...
                "https://example.org/a?id=20210305123"):  # digits run on: no date
        m = page_metadata(tree("<title>T</title>", "<h1>T</h1><p>Text.</p>"), url, now=NOW)
        assert m.published_at_source != "url", url


def test_a_utc_instant_is_dated_in_the_zone_of_the_pages_country_domain() -> None:
    head = ("<title>Jugada</title>"
            "<meta property='article:published_time' content='2022-05-04T00:53:29.274Z'>")
    page = tree(head, "<h1>Jugada</h1><p>Texto.</p>")
    # 21:53 on the 3rd in Buenos Aires
    m = page_metadata(page, "https://www.lanacion.com.ar/politica/jugada/", now=NOW)
    assert m.published_date == date(2022, 5, 3)
    assert m.published_at == datetime(2022, 5, 4, 0, 53, 29, 274000, tzinfo=UTC)
    # no country domain: the day as written
    assert page_metadata(page, "https://example.com/jugada/", now=NOW).published_date == \
        date(2022, 5, 4)


@pytest.mark.parametrize("written", ["2022-05-03 23:30:12 UTC", "2022-05-03T23:30 GMT",
                                     "2022-05-03 23:30:12.5 utc"])
def test_a_time_written_with_the_word_utc_is_a_utc_instant(written) -> None:
    # Ruby on Rails' default rendering of a time: the same instant as "...+00:00"
    head = f"<title>Brücke</title><meta property='article:published_time' content='{written}'>"
    page = tree(head, "<h1>Brücke</h1><p>Text.</p>")
    m = page_metadata(page, "https://www.example.de/bruecke", now=NOW)
    assert m.published_date == date(2022, 5, 4)  # 01:30 in Berlin
    assert (m.published_at.date(), m.published_at.hour, m.published_at.minute) == (
        date(2022, 5, 3), 23, 30)


@pytest.mark.parametrize("locale, lang, url, want", [
    # a German page on a .com: Berlin, where 23:30 UTC is already the 4th
    ("de_DE", None, "https://www.example.com/a", date(2022, 5, 4)),
    # WordPress's default og:locale on a German site hands over to <html lang>
    ("en_US", "de", "https://www.example.com/a", date(2022, 5, 4)),
    ("de-AT", None, "https://www.example.org/a", date(2022, 5, 4)),  # region: Vienna
    ("pt_BR", None, "https://www.example.com/a", date(2022, 5, 3)),  # 20:30 in São Paulo
    ("en_GB", None, "https://www.example.com/a", date(2022, 5, 4)),  # GB is .uk
    # languages spread over many zones, and regions the table lacks: the day as written
    (None, "en", "https://www.example.com/a", date(2022, 5, 3)),
    (None, "es", "https://www.example.com/a", date(2022, 5, 3)),
    ("fr_CA", "fr", "https://www.example.com/a", date(2022, 5, 3)),
    # the country domain comes first: Buenos Aires, whatever the language
    ("de_DE", "de", "https://www.example.com.ar/a", date(2022, 5, 3)),
    (None, None, "https://www.example.ee/a", date(2022, 5, 4)),  # 02:30 in Tallinn
])
def test_a_utc_instant_is_dated_in_the_zone_of_the_pages_declared_locale(locale, lang, url,
                                                                          want) -> None:
    head = "<meta property='article:published_time' content='2022-05-03T23:30:00Z'>"
    if locale:
        head += f"<meta property='og:locale' content='{locale}'>"
    page = fromstring(f"<html{f' lang={lang}' if lang else ''}><head>{head}</head>"
                      "<body><p>x</p></body></html>")
    m = page_metadata(page, url, now=NOW)
    assert m.published_date == want
    assert m.published_at == datetime(2022, 5, 3, 23, 30, tzinfo=UTC)


def test_a_published_time_element_showing_its_day_keeps_that_day_in_any_zone() -> None:
    # a WordPress site left on UTC shows the UTC day; the element says so itself
    body = ("<h1>Talent</h1><time class='entry-date published' itemprop='datePublished' "
            "datetime='2019-12-26T23:07:45+00:00'>26/12/2019</time><p>Text.</p>")
    m = page_metadata(tree("<title>Talent</title>", body), "https://www.talent.ch/5031",
                      now=NOW)
    assert m.published_date == date(2019, 12, 26)


def test_the_headers_clock_is_not_the_first_date_of_the_text() -> None:
    body = ("<div class='top'><span id='uhr'>Donnerstag, 16. Februar 2012</span></div>"
            "<div class='box'><span>14. Februar 2012</span></div><h1>Prozess geht weiter</h1>"
            "<p>" + "Text. " * 30 + "</p>")
    m = page_metadata(tree("<title>Prozess geht weiter</title>", body), None, now=NOW)
    assert (m.published_date, m.published_at_source) == (date(2012, 2, 14), "text")


def test_the_storys_json_ld_record_dates_it_before_the_web_page_holding_it() -> None:
    ld = ('{"@context": "https://schema.org", "@graph": ['
          '{"@type": "WebPage", "datePublished": "2018-01-01T10:00:00+01:00"},'
          '{"@type": "WebPage", "mainEntity": {"@type": "NewsArticle",'
          ' "datePublished": "2021-03-05T09:00:00+01:00"}}]}')
    head = f"<title>T</title><script type='application/ld+json'>{ld}</script>"
    m = page_metadata(tree(head, "<h1>T</h1><p>Text.</p>"), None, now=NOW)
    assert (m.published_date, m.published_at_source) == (date(2021, 3, 5), "jsonld")


def test_the_credit_line_under_the_headline_names_the_author_when_nothing_else_does() -> None:
    body = ("<header><h1>Masks stolen from Kobe hospital</h1><p class='credit'>JIJI</p>"
            "</header><p>" + "Text of the story. " * 20 + "</p>"
            "<figure><img src='a.jpg'><p class='credit'>Photo: Getty</p></figure>")
    m = page_metadata(tree("<title>Masks stolen from Kobe hospital</title>", body), None,
                      now=NOW)
    assert m.authors == ["JIJI"]
    # a picture's credit is no byline
    body = body.replace("<p class='credit'>JIJI</p>", "")
    m = page_metadata(tree("<title>Masks stolen from Kobe hospital</title>", body), None,
                      now=NOW)
    assert m.authors == []


def test_a_lead_pictures_credit_outside_a_figure_is_no_byline() -> None:
    def authors(credit: str) -> list[str]:
        body = (f"<header><h1>Selfcare</h1>{credit}</header><p>" + "Text. " * 30 + "</p>")
        return page_metadata(tree("<title>Selfcare</title>", body), None, now=NOW).authors

    assert authors("<div class='lead-image-credit'>PNW production / pexels</div>") == []
    assert authors("<p class='credit'>Bild: PNW production / pexels</p>") == []
    assert authors("<p class='credit'>Fotos: Anna Roe</p>") == []
    assert authors("<p class='credit'>JIJI</p>") == ["JIJI"]


def test_a_picture_credit_split_into_entries_names_nobody() -> None:
    assert clean_authors("Photograph by Ed Marshall; Redonda Restoration Programme", set()) == []
    assert clean_authors("Ed Marshall; Redonda Restoration Programme", set()) != []


def test_a_button_linking_to_the_authors_page_is_no_byline() -> None:
    # the author box's "to the article list" link is the first author link outside teasers
    body = ("<h1>Wie die Menschen sterben</h1><p>" + "Text. " * 30 + "</p>"
            "<div class='author-box'><a href='/autoren/gathmann-moritz'>Zur Artikelübersicht"
            "</a></div><div class='box'><a href='/autoren/gathmann-moritz'>Moritz Gathmann</a>"
            "</div>")
    m = page_metadata(tree("<title>Wie die Menschen sterben</title>", body), None, now=NOW)
    assert m.authors == ["Moritz Gathmann"]


def test_the_authors_link_restores_the_accents_the_meta_tag_dropped() -> None:
    head = "<title>Was wir nicht hören wollen</title><meta name='author' content='Gabor Munier'>"
    body = ("<h1>Was wir nicht hören wollen</h1><p>Author: <a href='/autoren-und-redaktion/"
            "gabor-munier'>Gàbor Muniér</a>, Datum: 03.Mär.19</p><p>" + "Text. " * 30 + "</p>")
    m = page_metadata(tree(head, body), "https://www.interscenar.io/politik/x", now=NOW)
    assert m.authors == ["Gàbor Muniér"]


def test_an_institution_split_at_its_und_is_one_organisation_and_no_person() -> None:
    assert clean_authors("Bayerische Landesanstalt für Wald; Forstwirtschaft", set()) == [
        "Bayerische Landesanstalt für Wald und Forstwirtschaft"]
    assert clean_authors("Ministry of Health; John Smith", set()) == ["John Smith"]
    # recorded as the author, the institution lets the page's byline name the writer
    head = ("<title>Der Holländerholzhandel</title><meta name='author' content='Bayerische "
            "Landesanstalt für Wald und Forstwirtschaft'>")
    body = ("<article><h1>Der Holländerholzhandel</h1><p>" + "Text. " * 30 + "</p>"
            "<div class='article-footer-box'><p><strong>Autoren</strong><br/>"
            "<span itemprop='author'>Joachim  Hamberger</span></p></div></article>")
    m = page_metadata(tree(head, body), "https://www.waldwissen.net/de/x", now=NOW)
    assert m.authors == ["Joachim Hamberger"]


def test_a_date_up_to_the_future_tolerance_still_counts_as_agreement() -> None:
    from datetime import timedelta

    from tasks.extract.dates import AGREEMENT_BONUS, FUTURE_TOLERANCE, date_confidence

    now = datetime(2024, 5, 2, 12, tzinfo=UTC)
    edge = now + FUTURE_TOLERANCE  # a page a zone ahead of ours may be dated this late
    chosen = DateCandidate("meta", edge)
    alone = date_confidence(chosen, [chosen], now)
    agreeing = date_confidence(chosen, [chosen, DateCandidate("jsonld", edge)], now)
    assert agreeing == pytest.approx(alone + AGREEMENT_BONUS)
    later = DateCandidate("jsonld", edge + timedelta(seconds=1))  # implausible: not a vote
    assert date_confidence(chosen, [chosen, later], now) == alone


def test_the_extensive_date_search_is_a_second_pass_only_when_asked_for() -> None:
    # A date only written inside a long sentence: neither the page zone, nor a short text
    # segment, nor htmldate's fast pass dates the page; its extensive search does.
    from tasks.extract.metadata import page_metadata

    sentence = ("The council met at the town hall and, after a long debate about the harbour "
                "bridge and its costs, it decided on 7 November 2023 to reopen it. ")
    html = ("<html><head><title>Bridge</title></head><body><article><h1>Bridge reopens</h1>"
            f"<p>{sentence * 2}</p></article></body></html>")
    now = datetime(2024, 5, 2, tzinfo=UTC)
    fast = page_metadata(fromstring(html), "https://x.example/a", now=now)
    assert fast.published_at is None
    deep = page_metadata(fromstring(html), "https://x.example/a", now=now, extensive_dates=True)
    assert (deep.published_at, deep.published_at_source) == (
        datetime(2023, 11, 7, tzinfo=UTC), "htmldate")


@pytest.mark.parametrize("name", ["og:pubdate", "publish_time", "displaydate", "published_date",
                                  "rnews:datepublished", "article:published_date",
                                  "prism.publicationDate"])
def test_less_common_publication_meta_names_are_claims(name) -> None:
    page = tree(f'<meta name="{name}" content="2024-04-20T10:00:00Z">')
    m = page_metadata(page, "https://x.example/a", now=NOW)
    assert (m.published_date, m.published_at_source) == (date(2024, 4, 20), "meta")


@pytest.mark.parametrize(("name", "content", "day"), [
    # Highwire's tags are American: a slashed date with the year last is month first
    ("citation_date", "04/02/2024", date(2024, 4, 2)),
    ("citation_publication_date", "4/2/2024", date(2024, 4, 2)),
    # a first number that cannot be a month: the day
    ("citation_date", "20/04/2024", date(2024, 4, 20)),
    # the form Google Scholar asks for, as before
    ("citation_publication_date", "2024/04/02", date(2024, 4, 2)),
])
def test_a_citation_tags_slashed_date_is_read_month_first(name, content, day) -> None:
    # fault round 30's known item: htmldate read "04/02/2024" day first, the 4th of February
    m = page_metadata(tree(f'<meta name="{name}" content="{content}">'), "https://x.example/a",
                      now=NOW)
    assert (m.published_date, m.published_at_source) == (day, "meta")


def test_a_slashed_date_in_another_tag_or_of_no_day_is_not_read_month_first() -> None:
    from tasks.extract.dates import _highwire_slashed_date

    assert _highwire_slashed_date("dc.date", "04/02/2024") == "04/02/2024"
    assert _highwire_slashed_date("citation_date", "02/30/2024") == "02/30/2024"
    assert _highwire_slashed_date("citation_date", "2/3/24") == "2/3/24"
    assert _highwire_slashed_date("citation_date", None) is None


def test_dublin_cores_colon_date_is_a_bare_date_meta() -> None:
    from tasks.extract.dates import GENERIC_META_WEIGHT, date_candidates

    page = tree('<meta name="dc:date" content="2024-04-20">')
    assert [(c.source, c.weight) for c in date_candidates(page, None)] == [
        ("meta", GENERIC_META_WEIGHT)]


@pytest.mark.parametrize("text, hours", [
    ("vor 3 Stunden", 3), ("2 hours ago", 2), ("an hour ago", 1), ("hace 2 horas", 2),
    ("il y a 3 heures", 3), ("3 ore fa", 3), ("há 2 dias", 48), ("2 uur geleden", 2),
    ("3 godziny temu", 3), ("vor einer Stunde", 1), ("3h ago", 3), ("gestern, 14:00", 24),
    ("Yesterday", 24), ("vor 3 Tagen", 72), ("2 weeks ago", 336), ("Heute, 12:00", 0),
    ("vor 3 Monaten", None),  # too coarse to name a day
    ("Vorher 3 Tage", None),
])
def test_relative_age(text, hours) -> None:
    from datetime import timedelta

    from tasks.extract.headline_area import relative_age

    assert relative_age(text) == (None if hours is None else timedelta(hours=hours))


def test_a_relative_stamp_is_read_up_to_its_length_cap() -> None:
    # the stamp and what a theme writes after it ("· 4 min read"), up to MAX_RELATIVE_TEXT
    # characters; a longer text is a sentence that happens to start like a stamp
    from datetime import timedelta

    from tasks.extract.headline_area import MAX_RELATIVE_TEXT, relative_age

    stamp = "vor 3 Stunden · Lesezeit 4 Minuten"
    stamp += "." * (MAX_RELATIVE_TEXT - len(stamp))
    assert len(stamp) == MAX_RELATIVE_TEXT
    assert relative_age(stamp) == timedelta(hours=3)
    assert relative_age(stamp + ".") is None


def test_a_relative_stamp_beside_the_headline_dates_a_page_against_its_fetch_time() -> None:
    page = _story(beside='<span class="date">vor 3 Stunden</span>')
    m = page_metadata(page, "https://x.example/a", now=datetime(2024, 5, 3, 2, 0, tzinfo=UTC))
    assert (m.published_at, m.published_at_source) == (
        datetime(2024, 5, 2, 23, 0, tzinfo=UTC), "relative")
    # ... also when only its id says it is a date
    by_id = _story(beside='<span id="post-date">vor 3 Stunden</span>')
    m = page_metadata(by_id, "https://x.example/a", now=datetime(2024, 5, 3, 2, 0, tzinfo=UTC))
    assert (m.published_at, m.published_at_source) == (
        datetime(2024, 5, 2, 23, 0, tzinfo=UTC), "relative")
    # without the fetch time there is nothing to count back from
    assert page_metadata(page, "https://x.example/a").published_at_source != "relative"
    # a structured claim wins: the stamp is the last resort
    page = _story('<meta property="article:published_time" content="2024-04-20T10:00:00Z">',
                  '<span class="date">vor 3 Stunden</span>')
    assert page_metadata(page, None, now=NOW).published_at_source == "meta"


def test_a_hidden_update_stamp_in_the_meta_line_is_not_the_date_it_shows() -> None:
    # Avada's meta line: the hAtom "updated" stamp kept for search engines, hidden, before
    # the day the reader sees
    def page(stamp_class: str):
        body = ("<article><h1>Ann Kiessling</h1><div class='fusion-meta-info-wrapper'>"
                "<span class='vcard rich-snippet-hidden'><span class='fn'>Isabell Angele"
                f"</span></span><span class='{stamp_class}'>2022-12-07T10:10:52+01:00</span>"
                "<span>25. Dezember 2022</span></div><p>" + "Text. " * 40 + "</p></article>")
        return page_metadata(tree("<title>Ann Kiessling</title>", body), None, now=NOW)

    m = page("updated rich-snippet-hidden")
    assert (m.published_date, m.published_at_source) == (date(2022, 12, 25), "headline")
    # a shown "updated" stamp is what the page dates itself by: it stays as before
    assert page("updated").published_date == date(2022, 12, 7)


def test_a_layout_class_saying_a_sidebar_stands_beside_the_story_is_no_sidebar() -> None:
    # the story's column classed "has-double-sidebar": its dateline dates the page
    def page(column_class: str):
        body = ("<section class='content'><div class='sidebar'><p>29.11.2022 – Neue Tarife "
                f"im Überblick.</p></div><div class='{column_class}'><h6>Entlastungen</h6>"
                "<p>(21. November 2022) Energieverbraucher erhalten eine Preiserhöhung. "
                + "Text. " * 30 + "</p></div></section>")
        return page_metadata(tree("<title>Gaspreise</title>", body), None, now=NOW)

    m = page("main-content has-double-sidebar")
    assert (m.published_date, m.published_at_source) == (date(2022, 11, 21), "text")
    assert page("main-content with-sidebar").published_date == date(2022, 11, 21)
    # a column classed a sidebar is one: its dateline is not the story's
    assert page("main-content sidebar").published_date != date(2022, 11, 21)


def test_hatoms_published_class_is_the_pages_publication_markup() -> None:
    # WordPress themes: <time class="entry-date published"> beside <time class="updated">
    body = ('<article><p>Text of the post. ' * 20 + '</p><footer class="entry-meta">'
            '<time class="updated" datetime="2024-04-28T09:00:00+02:00">28. April</time>'
            '<time class="entry-date published" datetime="2024-04-22T10:00:00+02:00">'
            '22. April</time></footer></article>')
    m = page_metadata(tree("", body), "https://x.example/a", now=NOW)
    assert (m.published_date, m.published_at_source) == (date(2024, 4, 22), "time")
    m = page_metadata(tree("", '<p>x</p><abbr class="published" title="2024-04-22">April 22'
                               '</abbr>'), "https://x.example/a", now=NOW)
    assert (m.published_date, m.published_at_source) == (date(2024, 4, 22), "time")
    # a related post's stamp in a sidebar is another story's
    m = page_metadata(tree("", '<p>x</p><aside class="related"><time class="published" '
                               'datetime="2020-01-01T10:00:00Z">1 Jan</time></aside>'),
                      "https://x.example/a", now=NOW)
    assert m.published_at_source != "time"


@pytest.mark.parametrize("value, want", [
    ("03.05.2022", date(2022, 5, 3)),  # TYPO3's <meta name="date">
    ("3 May 2022", date(2022, 5, 3)),
    ("Tuesday, May 3, 2022", date(2022, 5, 3)),
    ("2022/05/03 23:10", date(2022, 5, 3)),
    ("05/03/2022", None),  # no way to tell the month from the day
    ("1.2.10", None),
])
def test_a_date_written_for_readers_in_a_machine_field_gives_its_day(value, want) -> None:
    from tasks.extract.dates import date_candidates

    found = date_candidates(tree(f'<meta name="pubdate" content="{value}">'), None)
    assert [c.day for c in found] == ([want] if want else [])


def test_an_empty_or_placeholder_date_value_does_not_hide_the_next_one() -> None:
    from tasks.extract.dates import date_candidates

    page = tree('<meta name="pubdate" content="">'
                '<meta property="article:published_time" content="2024-04-20T10:00:00Z">'
                + _ld({"@type": "NewsArticle", "datePublished": "N/A"})
                + _ld({"@type": "NewsArticle", "datePublished": "2024-04-20T10:00:00Z"}))
    assert [(c.source, c.day) for c in date_candidates(page, None)] == [
        ("meta", date(2024, 4, 20)), ("jsonld", date(2024, 4, 20))]


def test_broken_jsonld_still_gives_its_published_date() -> None:
    from tasks.extract.dates import jsonld_dates

    broken = ('<script type="application/ld+json">{"@type": "NewsArticle", '
              '"datePublished": "2024-04-20T10:00:00Z", "dateModified": "2024-04-21",}</script>')
    assert jsonld_dates(tree(broken)) == ["2024-04-20T10:00:00Z"]
    assert jsonld_dates(tree(broken), ("dateModified",)) == ["2024-04-21"]


def test_a_jsonld_author_given_by_reference_or_by_name_parts_is_read() -> None:
    from tasks.extract.bylines import jsonld_authors

    # Yoast SEO: the article's author is a reference to the Person node of its @graph
    yoast = {"@context": "https://schema.org", "@graph": [
        {"@type": "Article", "author": {"@id": "https://x.example/#/schema/person/1"},
         "datePublished": "2024-04-20"},
        {"@type": "Person", "@id": "https://x.example/#/schema/person/1", "name": "Harald Bauer"},
    ]}
    assert jsonld_authors(tree(_ld(yoast))) == ["Harald Bauer"]
    parts = {"@type": "NewsArticle", "author": [
        {"@type": "Person", "givenName": "Anna", "familyName": "Keller"},
        {"@type": "Person", "name": "Tom Berger"}]}
    assert jsonld_authors(tree(_ld(parts))) == ["Anna Keller", "Tom Berger"]
    # a reference to nothing named gives nothing
    dangling = {"@type": "Article", "author": {"@id": "#nobody"}}
    assert jsonld_authors(tree(_ld(dangling))) == []


def test_a_one_word_jsonld_author_is_spelled_out_by_the_full_name_opening_its_bio() -> None:
    from tasks.extract.bylines import jsonld_authors

    def person(description: str) -> dict:
        return {"@context": "https://schema.org", "@graph": [
            {"@type": "Article", "author": {"@id": "https://x.example/#/schema/person/1"}},
            {"@type": "Person", "@id": "https://x.example/#/schema/person/1", "name": "Stefanus",
             "description": description}]}

    bio = "Stefanus Stahl - Maschinenbauer, Abenteurer und Projektleiter."
    assert jsonld_authors(tree(_ld(person(bio)))) == ["Stefanus Stahl"]
    # or the full name as the subject of the bio's first sentence
    for bio2 in ("Stefanus Stahl ist Ingenieur.", "Stefanus Stahl is an engineer."):
        assert jsonld_authors(tree(_ld(person(bio2)))) == ["Stefanus Stahl"], bio2
    # a bio that opens otherwise says nothing of the name
    for other in ("Stefanus fährt seit 2002 Mountainbike.", "Stefanus Stahl fährt Rad.",
                  "Maschinenbauer und Abenteurer."):
        assert jsonld_authors(tree(_ld(person(other)))) == ["Stefanus"], other
    # the page's meta tag and the author link keep the short name: the recorded full name
    # stays (the link spells the meta tag's value, not the names taken from JSON-LD)
    page = tree('<title>Tubeless</title><meta name="author" content="Stefanus">'
                + _ld(person(bio)), "<h1>Tubeless</h1><p>Text.</p>"
                '<a href="https://x.example/author/stefanus/">Stefanus</a>')
    assert page_metadata(page, "https://x.example/tubeless", now=NOW).authors == [
        "Stefanus Stahl"]


def test_an_italian_byline_joined_by_e_names_both_reporters() -> None:
    page = _story(beside="<p>di Marco Rossi e Luca Bianchi</p>")
    assert page_metadata(page, None, now=NOW).authors == ["Marco Rossi", "Luca Bianchi"]


def test_drupals_submitted_line_names_the_account_that_posted_the_story() -> None:
    # no author recorded, no byline word before a capitalised name: the "submitted" line's
    # username element is the byline, whatever its letter case
    story = ("<h1>Faircoin Hackathon</h1><p>" + "Text of the story. " * 30 + "</p>"
             "<div class='submitted'>Gespeichert von <span class='username'>rasos</span> am "
             "24. Juli 2017 - 18:55</div>")
    comment = ("<div class='comments'><div class='comment'><div class='submitted'>"
               "Gespeichert von <span class='username'>gastleser</span> am 25. Juli 2017"
               "</div><p>Unsinn.</p></div></div>")
    m = page_metadata(tree("<title>Faircoin Hackathon</title>", story + comment), None,
                      now=NOW)
    assert m.authors == ["rasos"]
    # a commenter's own line is not the story's byline
    m = page_metadata(tree("<title>Faircoin Hackathon</title>",
                           "<h1>Faircoin Hackathon</h1><p>" + "Text. " * 30 + "</p>" + comment),
                      None, now=NOW)
    assert m.authors == []


# --- authors, round 10: bylines read on the held half ------------------------------------


def test_a_label_byline_whose_name_carries_an_agency_after_a_slash() -> None:
    body = ("<h1>Der lange Weg zum Strom</h1><div class='meta'><h5>Datum: </h5>03.11.2021<br>"
            "<h5>Autor: </h5>Peter Maahn/SP-X</div><p>" + "Text. " * 30 + "</p>")
    m = page_metadata(tree("<title>Der lange Weg zum Strom</title>", body), None, now=NOW)
    assert m.authors == ["Peter Maahn"]


def test_a_by_label_after_a_separator_for_screen_readers_names_the_author() -> None:
    body = ("<h1>Woman sees a car stop</h1><div class='article_meta_info'><span "
            "class='screen-reader-text'>| By </span><span>Cara Stiles</span></div><p>"
            + "Text. " * 30 + "</p>")
    m = page_metadata(tree("<title>Woman sees a car stop</title>", body), None, now=NOW)
    assert m.authors == ["Cara Stiles"]


def test_an_author_box_repeating_the_headline_and_the_author_index_are_no_bylines() -> None:
    # a rating widget in a div classed "author" repeats the headline; the menu links the
    # list of all authors; the byline is the link to the author's own page
    headline = "Eine realistische Interpretation des Keynes-Hicks-Multiplikators"
    body = ("<nav><a href='/autoren/'>AUTOREN Wer schreibt für uns?</a></nav>"
            f"<h1>{headline}</h1><p>5343 mal gelesen</p>"
            "<div class='author'><a href='/autoren/georg-quaas/'>Georg Quaas</a>, 21. Jan. 2015"
            + " mehr" * 30 + "</div>"
            f"<div class='author'><div class='rating'>{headline}</div></div>"
            "<p>" + "Text. " * 30 + "</p>")
    m = page_metadata(tree(f"<title>{headline}</title>", body), None, now=NOW)
    assert m.authors == ["Georg Quaas"]


def test_an_author_meta_tag_naming_the_outlet_then_the_reporter() -> None:
    def authors(content: str) -> list[str]:
        head = (f"<title>Marcas</title><meta property='og:site_name' content='unocero'>"
                f"<meta name='author' content='{content}'>")
        return page_metadata(tree(head, "<h1>Marcas</h1><p>" + "Text. " * 30 + "</p>"),
                             "https://www.unocero.com/x/marcas/", now=NOW).authors

    assert authors("unocero - Alberto Ávila") == ["Alberto Ávila"]
    # the publisher's full name after the dash stays the outlet's byline
    assert authors("unocero - Unocero Medien GmbH") != ["Unocero Medien GmbH"]


def test_a_reporters_outlet_and_role_after_the_name_are_dropped() -> None:
    outlets = outlet_names("PhillyVoice", "https://www.phillyvoice.com/x")
    assert clean_authors("Adam Aaronson PhillyVoice Staff", outlets) == ["Adam Aaronson"]
    # another word before "Staff" is no outlet: left as written
    assert clean_authors("Adam Aaronson Sports Staff", outlets) != ["Adam Aaronson"]


# --- edges found by mutation testing (session 31, a sample of metadata and headline_area) ---

def test_a_separator_before_a_screen_reader_mark_is_not_part_of_the_headline() -> None:
    from tasks.extract.titles import headline_text

    h1 = fromstring('<h1>Harbour bridge reopens |<span class="sr-only">: </span></h1>')
    assert headline_text(h1) == "Harbour bridge reopens"


def test_an_epoch_timestamp_of_the_earliest_plausible_second_is_taken() -> None:
    from tasks.extract.dates import EARLIEST_PLAUSIBLE, _epoch_seconds

    earliest = EARLIEST_PLAUSIBLE.timestamp()
    assert _epoch_seconds(earliest) == earliest
    assert _epoch_seconds(earliest - 1) is None


def test_a_text_date_is_read_month_first_unless_asked_and_from_1995_on() -> None:
    from tasks.extract.headline_area import first_text_date

    slashed = fromstring("<html><body><p>Posted 06/11/2023 by staff</p></body></html>")
    # ambiguous without the page's language: undecided, unless day first is asked for
    assert first_text_date(slashed, date(2024, 1, 1)) is None
    assert first_text_date(slashed, date(2024, 1, 1), day_first=True) == date(2023, 11, 6)
    earliest = fromstring("<html><body><p>Posted January 1, 1995 by staff</p></body></html>")
    assert first_text_date(earliest, date(2024, 1, 1)) == date(1995, 1, 1)


def test_as_utc_gives_utc_whatever_the_machine_zone(monkeypatch) -> None:
    import time

    from tasks.extract.dates import as_utc

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        aware = datetime(2024, 5, 3, 23, 30, tzinfo=timezone(timedelta(hours=2)))
        out = as_utc(aware)
        assert (out, out.utcoffset()) == (datetime(2024, 5, 3, 21, 30, tzinfo=UTC), timedelta(0))
    finally:
        monkeypatch.undo()
        time.tzset()


def test_json_ld_dates_come_by_the_rank_of_their_record_not_by_its_name() -> None:
    from tasks.extract.dates import jsonld_dates

    graph = ('{"@graph": [{"@type": "Organization", "datePublished": "2001-01-01"},'
             ' {"@type": "WebPage", "datePublished": "2024-05-02"},'
             ' {"@type": "NewsArticle", "datePublished": "2024-05-03"}]}')
    page = fromstring(f'<html><head><script type="application/ld+json">{graph}</script>'
                      "</head><body><p>x</p></body></html>")
    assert jsonld_dates(page) == ["2024-05-03", "2024-05-02", "2001-01-01"]


def test_a_date_line_cut_at_its_update_label_gives_the_publication_day() -> None:
    from tasks.extract.headline_area import _element_date, parse_visible_date

    # the update written as text after the label, not in an element of its own: the line
    # is read up to the label (a numeric date is found first when the whole is parsed)
    line = fromstring('<div class="date"><span>3. Mai 2022</span> · Aktualisiert am '
                      "05.05.2022</div>")
    assert parse_visible_date(line.text_content()) == date(2022, 5, 5)
    assert _element_date(line, lambda value: None) == date(2022, 5, 3)


def test_metadata_fields_have_a_length_cap() -> None:
    # a 200 KB <h1>, a 1 MB description and a paragraph stuffed into the keywords were
    # stored whole (fault round 12's known item)
    html = ("<html><head><meta name='description' content='" + "word " * 200_000 + "'>"
            "<meta name='keywords' content='" + "tag" * 5000 + ", harbour, council'>"
            "<meta property='og:site_name' content='" + "Site " * 1000 + "'></head><body>"
            "<h1>" + "Headline words " * 14_000 + "</h1><p>The council met.</p></body></html>")
    meta = page_metadata(fromstring(html), "https://example.org/a")
    assert 900 < len(meta.title) <= 1000 and meta.title.endswith("Headline…")
    assert 4000 < len(meta.description) <= 5000 and meta.description.endswith("word…")
    assert meta.tags == ["harbour", "council"]
    assert len(meta.site_name) <= 200
    # short values are kept as they are
    short = page_metadata(fromstring(
        "<html><head><meta name='description' content='A short summary.'>"
        "<meta name='keywords' content='harbour, council'></head><body><h1>Harbour wall "
        "rebuilt</h1><p>The council met.</p></body></html>"), "https://example.org/b")
    assert (short.title, short.description, short.tags) == (
        "Harbour wall rebuilt", "A short summary.", ["harbour", "council"])
    # the label cap is inclusive: 200 characters are a tag, 201 are not
    edge = page_metadata(fromstring(
        "<html><head><meta name='keywords' content='" + "k" * 200 + ", " + "l" * 201 +
        "'></head><body><h1>Harbour</h1></body></html>"), "https://example.org/c")
    assert edge.tags == ["k" * 200]


def test_a_canonical_href_with_invisible_edges_is_its_url() -> None:
    """Round 13: a zero-width space pasted into a template's canonical link."""
    m = page_metadata(tree('<link rel="canonical" href="\u200bhttps://x.example/a\u200e">'),
                      "https://x.example/a?utm_source=x", now=NOW)
    assert m.canonical_url == "https://x.example/a"


# Round 13: htmldate reads an impossible day as the first of its month (round 12's known item).
def _r13_page(inner: str) -> object:
    return fromstring("<html><head><title>A story</title></head><body><article><h1>A story"
                      f"</h1><p>{inner}</p><p>Some text here for the body of the article, long "
                      "enough to be one.</p></article></body></html>")


@pytest.mark.parametrize("extensive", [False, True])
@pytest.mark.parametrize("inner", [
    '<time datetime="2024-02-30">30 Feb</time>',  # htmldate's fast mode: 2024-02-01
    "Published 2024-02-30 by X",
    "Veröffentlicht 31.04.2024",
    "Posted on 2024/02/30",
    "30/02/2024",
    "04/31/2024",
    "February 30, 2024",  # extensive: 2024-01-01, the year alone
    "30. Februar 2024",
])
def test_an_impossible_day_is_no_first_of_its_month(inner: str, extensive: bool) -> None:
    m = page_metadata(_r13_page(inner), "https://x.example/story", now=NOW,
                      extensive_dates=extensive)
    assert m.published_date is None or m.published_date.day != 1, (
        m.published_date, m.published_at_source)


def test_a_first_of_a_month_the_page_names_or_its_url_gives_stands() -> None:
    from tasks.extract.dates import _from_impossible_day

    # the page names the 1st as well as an impossible day: htmldate's 1st stands
    assert not _from_impossible_day(_r13_page("Published 1 February 2024, updated 2024-02-30"),
                                    "2024-02-01")
    # no impossible day of that month: a first read from a URL's /2022/02/ stands
    assert not _from_impossible_day(_r13_page("Posted in February"), "2022-02-01")
    assert not _from_impossible_day(_r13_page("On 2024-04-31 we met"), "2024-02-01")
    assert _from_impossible_day(_r13_page("On 2024-04-31 we met"), "2024-04-01")
    assert not _from_impossible_day(_r13_page("On 2024-02-30 we met"), "2024-02-14")


@pytest.mark.parametrize(("text", "months", "days"), [
    ("2024-02-30", {2}, set()),
    # the first and the last month, the last day a month has
    ("2024-01-31 and 2024-12-31", set(), {(1, 31), (12, 31)}),
    # no month 0 or 13, no day 32: not dates at all, so no impossible day either
    ("2024-00-05 2024-13-05 2024-02-32", set(), set()),
    # US order (the second number past 12), day first (the first past 12), and the edge:
    # 13/12 is the 13th of December
    ("04/31/2024", {4}, set()),
    ("31.04.2024", {4}, set()),
    ("13/12/2024", set(), {(12, 13)}),
    ("04/13/2024", set(), {(4, 13)}),
    # both numbers could be a month: day first, then the reading that is a date; the
    # later names are still read
    ("05.06.2024, then 31.04.2024", {4}, {(6, 5)}),
    ("February 30, 2024 and 30 février 2024", {2}, set()),
    ("2023-02-30", set(), set()),  # another year
    ("45.04.2024", set(), set()),  # a first number past 31 is no day
])
def test_impossible_days_reads_each_form(text, months, days) -> None:
    from tasks.extract.dates import _impossible_days

    assert _impossible_days(text, 2024) == (months, days)


def test_a_first_of_a_month_is_from_an_impossible_day_only_as_htmldate_reads_one() -> None:
    from tasks.extract.dates import _from_impossible_day

    page = fromstring("<html><body><p>31.11.2024 — 01.01.2024</p></body></html>")
    assert _from_impossible_day(page, "2024-11-01")  # November's 31st, not January's 1st
    assert not _from_impossible_day(page, "2024-01-01")  # the page names the 1st
    assert not _from_impossible_day(page, "2024-11-02")  # no first at all
    assert not _from_impossible_day(page, "20x4-11-01")  # no date htmldate gives


def test_an_author_box_naming_the_site_itself_gives_way_to_the_writer_in_the_text() -> None:
    """theplanetarypress.com: the author box and the meta tags name the site; the story
    opens with "Written by: Julie Mollins"."""
    head = ('<title>Forestlands - The Planetary Press</title>'
            '<meta property="og:site_name" content="The Planetary Press">'
            '<meta name="author" content="The Planetary Press">')
    box = '<div class="author">The Planetary Press</div>'
    written = "<p><em>Written by: <a href='https://forests.example/a'>Julie Mollins</a></em></p>"
    text = "<p>Indigenous Peoples have had a track record of managing landscapes.</p>"
    url = "https://www.theplanetarypress.com/2020/01/forestlands/"
    m = page_metadata(tree(head, f"<article><h1>Forestlands</h1>{box}{written}{text}"
                                 "</article>"), url, now=NOW)
    assert m.authors == ["Julie Mollins"]
    # with nobody named anywhere, the site named as its own author stands
    m = page_metadata(tree(head, f"<article><h1>Forestlands</h1>{box}{text}</article>"),
                      url, now=NOW)
    assert m.authors == ["The Planetary Press"]


def test_a_photographers_credit_classed_as_an_author_is_passed_over_for_the_byline() -> None:
    # nationalgeographic.co.uk classes its picture credits "ngart-img__cont__author"
    body = ('<article><h1>Ravenous wild goats ruled this island</h1>'
            '<div class="img__author">Photograph by Ed Marshall, Redonda Programme</div>'
            '<div class="story-byline">By Michael Hingston</div><p>Text</p></article>')
    assert find_byline_author(tree("", body)) == "Michael Hingston"
    for credit in ("Photo by Ed Marshall", "Photography by Ed Marshall", "Fotos von Ed Marshall",
                   "Photos by Ed Marshall", "Photo: Ed Marshall"):
        assert find_byline_author(tree("", body.replace(
            "Photograph by Ed Marshall, Redonda Programme", credit))) == "Michael Hingston"
    # a byline that names a photographer after its writer stays a byline
    assert find_byline_author(tree("", '<div class="byline">By Ann Lee, photos by Ed '
                                       'Marshall</div>')) is not None


def test_a_byline_set_in_the_share_bar_is_the_articles() -> None:
    # nationalgeographic.co.uk: the byline and the share buttons in one "sharekit" box
    body = ('<article><div class="hl"><h1>Ravenous wild goats ruled this island</h1></div>'
            '<div class="ng-sharekit__container"><div class="ng-sharekit__contributors">'
            '<div class="ng-sharekit__contributors--author">By <span>Michael Hingston</span>'
            '</div></div><a href="https://facebook.example/share">Share</a></div>'
            "<p>Text</p></article>")
    url = "https://www.nationalgeographic.co.uk/environment/2020/01/goats"
    assert page_metadata(tree("", body), url, now=NOW).authors == ["Michael Hingston"]
    # a comment's author under it is still no byline
    comment = body.replace("ng-sharekit__container", "comment-list share")
    assert page_metadata(tree("", comment), url, now=NOW).authors == []


def test_a_byline_the_meta_tags_back_beats_the_json_ld_records_filer() -> None:
    """wsvn.com: the tags name three people, JSON-LD the one who filed the story, the page
    shows the two reporters."""
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
          '"NewsArticle", "author": {"@type": "Person", "name": "Kathleen Ditton"}}</script>')
    head = f'<meta name="author" content="Jessica Holly; Gail Levy; Kathleen Ditton">{ld}'
    body = ('<article><h1>Driver killed in crash</h1><div class="author">By Jessica Holly, '
            'Gail Levy</div><p>Text</p></article>')
    url = "https://wsvn.com/news/local/crash/"
    assert page_metadata(tree(head, body), url, now=NOW).authors == ["Jessica Holly",
                                                                      "Gail Levy"]
    # a byline naming someone the tags do not is no backing: the record stands
    other = body.replace("Gail Levy", "Ann Other")
    assert page_metadata(tree(head, other), url, now=NOW).authors == ["Kathleen Ditton"]
    # one of the tags' names alone is backed as well
    one = body.replace(", Gail Levy", "")
    assert page_metadata(tree(head, one), url, now=NOW).authors == ["Jessica Holly"]


def test_byline_backs_the_tags_needs_people_and_takes_all_of_the_tags() -> None:
    """Seed 48: a byline naming every name of the tags (none the record's) backs them;
    one naming no person (a newsroom) backs nothing, even where the tags name it too."""
    from tasks.extract.bylines import byline_backs_the_tags

    two = ["Jessica Holly", "Gail Levy"]
    assert byline_backs_the_tags(two, ["Kathleen Ditton"], two, set())
    assert not byline_backs_the_tags(["Newsroom"], ["Kathleen Ditton"], ["Newsroom"], set())
    assert not byline_backs_the_tags(["WSVN News"], ["Kathleen Ditton"], ["WSVN News"],
                                      {"wsvn news"})


def test_a_link_to_the_authors_page_in_the_article_column_counts_whatever_its_classes(
        ) -> None:
    # seed 51: the author-page link is judged against the headline's column, as the other
    # bylines are: a theme naming its main column "content-area sidebar" keeps its author
    story = "<h1>Waldwege gesperrt</h1><p>" + "Text of the story. " * 20 + "</p>"
    link = "<a href='/autoren/kathrin-fuehres-684124'>Kathrin Führes</a>"
    column = f"<div class='content-area sidebar'>{story}{link}</div>"
    m = page_metadata(tree("<title>Waldwege gesperrt</title>", column), None, now=NOW)
    assert m.authors == ["Kathrin Führes"]
    # the same link in a sidebar beside the story's column still names nobody
    aside = f"<div class='main'>{story}</div><div class='sidebar'>{link}</div>"
    m = page_metadata(tree("<title>Waldwege gesperrt</title>", aside), None, now=NOW)
    assert m.authors == []


def test_a_modified_date_given_by_itemprop_alone_is_read() -> None:
    # seed 51: schema.org microdata names the date by itemprop only, with no name or property
    from tasks.extract.dates import modified_date

    t = tree('<meta itemprop="dateModified" content="2024-04-05T08:30:00Z">')
    assert modified_date(t) == datetime(2024, 4, 5, 8, 30, tzinfo=UTC)


def test_jsonld_dates_are_found_through_main_entity_of_page() -> None:
    # seed 52: a page record may hold the story under mainEntityOfPage
    from tasks.extract.dates import jsonld_dates

    page = {"@type": "WebPage", "mainEntityOfPage": {
        "@type": "NewsArticle", "datePublished": "2024-05-02T08:00:00Z"}}
    assert jsonld_dates(tree(_ld(page))) == ["2024-05-02T08:00:00Z"]
    m = page_metadata(tree(_ld(page)), "https://x.example/a", now=NOW)
    assert (m.published_date, m.published_at_source) == (date(2024, 5, 2), "jsonld")


def test_a_recorded_word_is_spelled_out_by_the_byline_in_the_headlines_column() -> None:
    # seed 52: the byline that refines a recorded author is searched as the author
    # searches are, judged against the headline's column: a theme calling its main
    # column "content-area sidebar" still has its byline read
    body = ('<div class="content-area sidebar"><h1>Bridge reopens</h1><span class="author '
            'vcard"><a class="fn">Todd Bates</a></span><p>' + "Text of the story. " * 30
            + "</p></div>")
    head = '<title>Bridge reopens</title><meta name="author" content="todd">'
    m = page_metadata(tree(head, body), "https://x.example/a", now=NOW)
    assert m.authors == ["Todd Bates"]


def test_a_relative_stamp_in_an_element_that_names_no_date_does_not_date_the_page() -> None:
    # seed 52: a class or id must name a date ("date", "posted", "meta"...) unless the
    # element is a <time>; a comment count's "vor 3 Stunden" is the last reply's
    fetched = datetime(2024, 5, 3, 2, 0, tzinfo=UTC)
    for beside in ('<span class="comments">vor 3 Stunden</span>',
                   '<span id="last-reply">vor 3 Stunden</span>'):
        m = page_metadata(_story(beside=beside), "https://x.example/a", now=fetched)
        assert m.published_at_source != "relative", beside
    m = page_metadata(_story(beside='<span class="comments post-date">vor 3 Stunden</span>'),
                      "https://x.example/a", now=fetched)
    assert (m.published_at, m.published_at_source) == (
        datetime(2024, 5, 2, 23, 0, tzinfo=UTC), "relative")


def test_a_byline_card_is_judged_against_the_headlines_column_when_given() -> None:
    # seed 52: in_byline_card_or_other_area is in_other_area, a profile card standing
    # for the element inside it; given the headline's column, both judge against it (a
    # theme names its main column "content-area sidebar")
    from tasks.extract.areas import in_byline_card_or_other_area as elsewhere

    page = tree("", "<div class='content-area sidebar'><h1>Tomaten schneiden</h1>"
                "<p id='plain'>von Marianne1 am 20.09.2020</p><a href='/user/Marianne1.html'>"
                "<div><span id='card'>von Marianne1 am 20.09.2020</span></div></a></div>")
    column = frozenset(page.find(".//h1").iterancestors())
    for where in ("plain", "card"):
        elem = page.get_element_by_id(where)
        assert elsewhere(elem) is True, where  # the classes alone: a sidebar
        assert elsewhere(elem, column) is False, where


# Fault round 22: JSON-LD under a script type written with a parameter, in capitals or
# with spaces, or wrapped in a comment or CDATA section for old browsers.
_ROUND22_RECORD = ('{"@context": "https://schema.org", "@type": "NewsArticle", "author": '
                   '{"@type": "Person", "name": "Maria Lopez"}, '
                   '"datePublished": "2024-05-02T08:30:00+00:00"}')


@pytest.mark.parametrize("script", [
    f'<script type="application/ld+json; charset=utf-8">{_ROUND22_RECORD}</script>',
    f'<script type="Application/LD+JSON">{_ROUND22_RECORD}</script>',
    f'<script type=" application/ld+json ">{_ROUND22_RECORD}</script>',
    f'<script type="application/ld+json"><!--\n{_ROUND22_RECORD}\n--></script>',
    f'<script type="application/ld+json">//<![CDATA[\n{_ROUND22_RECORD}\n//]]></script>',
    f'<script type="application/ld+json">/*<![CDATA[*/{_ROUND22_RECORD}/*]]>*/</script>',
    f'<script type="application/ld+json"><![CDATA[ {_ROUND22_RECORD} ]]></script>',
])
def test_a_jsonld_record_under_an_odd_type_spelling_or_a_wrapper_is_read(script) -> None:
    """Before: the type's XPath wanted `application/ld+json` exactly, and json.loads read no
    record wrapped in `<!--` or `<![CDATA[`: the author lost ([]), the date the day alone
    that htmldate found in the page (or, wrapped, the record's date by a regex)."""
    m = page_metadata(tree(script), "https://gazette.example/news/bridge.html", now=NOW)
    assert m.authors == ["Maria Lopez"]
    assert (m.published_at, m.published_at_source) == (
        datetime(2024, 5, 2, 8, 30, tzinfo=UTC), "jsonld")


@pytest.mark.parametrize("script_type", ["application/json", "text/javascript",
                                         "application/ld+json-x", "ld+json"])
def test_a_script_of_another_type_is_no_jsonld(script_type) -> None:
    from tasks.extract.jsonld import jsonld_texts

    t = tree(f'<script type="{script_type}">{_ROUND22_RECORD}</script>')
    assert jsonld_texts(t) == []
    assert page_metadata(t, None, now=NOW).authors == []


@pytest.mark.parametrize("published, url_day, want", [
    # seed 56: from 13:00 UTC on it is the next day in a UTC+11 newsroom; at 12:59 not yet
    ("2024-04-04T13:00:00Z", "2024/04/05", date(2024, 4, 5)),
    ("2024-04-04T12:59:59Z", "2024/04/05", date(2024, 4, 4)),
    # before 08:00 UTC it is still the day before in a UTC-8 newsroom; at 08:00 no more
    ("2024-04-04T07:59:59Z", "2024/04/03", date(2024, 4, 3)),
    ("2024-04-04T08:00:00Z", "2024/04/03", date(2024, 4, 4)),
])
def test_a_utc_instant_takes_a_neighbouring_day_only_within_the_newsroom_zones(
        published, url_day, want) -> None:
    page = tree(f'<meta property="article:published_time" content="{published}">')
    m = page_metadata(page, f"https://x.example/{url_day}/story.html", now=NOW)
    assert m.published_date == want


# Mutation seed 57: round 22's JSON-LD readers, each case their mutants were not asked.
def test_a_broken_jsonld_script_before_the_record_costs_no_author() -> None:
    """A script json.loads refuses (a trailing comma) is passed over, not the end of the
    search: the record in the next script still gives its author."""
    from tasks.extract.bylines import jsonld_authors

    broken = '{"@type": "WebSite", "name": "Gazette",}'
    t = tree(f'<script type="application/ld+json">{broken}</script>'
             f'<script type="application/ld+json">{_ROUND22_RECORD}</script>')
    assert jsonld_authors(t) == ["Maria Lopez"]


# --- round 25: an address beside a name in a byline ----------------------------------------

_STORY = "<article><h1>Ferry service returns</h1><p>The ferry sailed again.</p></article>"
_ADDRESSED = ["Jane Doe jane@example.com", "Jane Doe, jane.doe@example.com",
              "Jane Doe https://twitter.com/janedoe", "Jane Doe, https://twitter.com/janedoe",
              "mailto:jane@example.com"]


@pytest.mark.parametrize("written", _ADDRESSED)
@pytest.mark.parametrize("where", ["meta", "jsonld", "byline"])
def test_an_address_in_a_byline_is_no_name(written, where) -> None:
    """An e-mail or web address beside the name: trafilatura's normalize_authors read it as
    words ("Jane Doe jane com", "Mailtojane Com", "Jane Doe https" and "Janedoe"); only the
    name is an author, and an address alone is none."""
    head, body = "", _STORY
    if where == "meta":
        head = f'<meta name="author" content="{written}">'
    elif where == "jsonld":
        head = ('<script type="application/ld+json">{"@context": "https://schema.org", '
                '"@type": "NewsArticle", "headline": "Ferry service returns", '
                f'"author": {{"@type": "Person", "name": "{written}"}}}}</script>')
    else:
        body = _STORY.replace("</h1>", f'</h1><p class="byline">By {written}</p>')
    md = page_metadata(tree(head, body), "https://news.example.com/2024/05/ferry", now=NOW)
    assert md.authors == ([] if written.startswith("mailto:") else ["Jane Doe"]), md.authors


@pytest.mark.parametrize("written", ["&amp;", " | ", "-", "&nbsp;|&nbsp;", "•", "&lt;&gt;", "#"])
@pytest.mark.parametrize("where", ["title", "og", "h1"])
def test_a_title_of_separators_alone_is_no_title(written, where) -> None:
    """Round 25: a template whose headline field was empty leaves its separators ("<title>
    | </title>", an `og:title` of "&amp;"); they were stored as the article's title."""
    head = {"title": f"<title>{written}</title>",
            "og": f'<meta property="og:title" content="{written}">', "h1": ""}[where]
    body = _STORY.replace("<h1>Ferry service returns</h1>",
                          f"<h1>{written}</h1>" if where == "h1" else "")
    md = page_metadata(tree(head, body), "https://news.example.com/2024/05/ferry", now=NOW)
    assert md.title is None, md.title


@pytest.mark.parametrize("written", ["🔥", "2024", "Ferry | News"])
def test_a_title_of_a_picture_or_a_number_stays(written) -> None:
    """Round 25: the rule above keeps a title holding a letter, a digit or an emoji."""
    md = page_metadata(tree(f"<title>{written}</title>", _STORY.replace(
        "<h1>Ferry service returns</h1>", "")), "https://news.example.com/2024/05/f", now=NOW)
    assert md.title is not None


@pytest.mark.parametrize("person", [
    '{"@type": "Person", "name": {"@value": "Jane Doe", "@language": "en"}}',
    '{"@type": "Person", "name": [{"@value": "Jane Doe", "@language": "en"}, '
    '{"@value": "Jeanne Doe", "@language": "fr"}]}',
    '{"@type": "Person", "givenName": {"@value": "Jane"}, "familyName": {"@value": "Doe"}}',
])
def test_a_jsonld_authors_name_as_a_language_tagged_value_is_read(person) -> None:
    """Round 25: a Person's name as a JSON-LD value object (`{"@value": ..., "@language":
    ...}`, as multilingual sites write names), or a list of them. Before: no author."""
    head = ('<script type="application/ld+json">{"@context": "https://schema.org", '
            '"@type": "NewsArticle", "headline": "Ferry service returns", '
            f'"author": {person}}}</script>')
    md = page_metadata(tree(head, _STORY), "https://news.example.com/2024/05/ferry", now=NOW)
    assert md.authors == ["Jane Doe"]


def test_a_bare_domain_in_a_byline_is_read_as_before() -> None:
    """Round 25: only e-mail and http(s) addresses leave a byline; a bare domain ("Autor:
    www.portalspozywczy.pl", a dev page) names the outlet and is read as trafilatura reads
    it, so the clean stage still drops the byline line from the text (as before)."""
    from trafilatura.json_metadata import normalize_authors

    from tasks.extract.bylines import normalize_byline

    raw = "Autor: www.portalspozywczy.pl"
    assert normalize_byline(raw) == normalize_authors(None, raw)


@pytest.mark.parametrize(("field", "written"), [
    ("headline", '["Ferry service returns", "Fähre fährt wieder"]'),
    ("headline", '{"@value": "Ferry service returns", "@language": "en"}'),
    ("headline", '[{"@value": "Ferry service returns", "@language": "en"}]'),
    ("headline", "2024"),
    ("articleSection", '["Local", ["Harbour"]]'),
])
def test_a_jsonld_field_as_a_list_object_or_number_keeps_the_pages_metadata(
        field, written) -> None:
    """Round 26: trafilatura copies a JSON-LD `headline` (or `articleSection`) as written,
    a list (one per language), a value object or a number; read as text it crashed
    `page_metadata`, and the page was stored with no title, author or date at all."""
    head = ('<meta name="author" content="Jane Doe">'
            '<meta property="article:published_time" content="2024-05-03T10:00:00Z">'
            '<script type="application/ld+json">{"@context": "https://schema.org", '
            f'"@type": "NewsArticle", "{field}": {written}}}</script>')
    body = _STORY.replace("<h1>Ferry service returns</h1>", "")
    md = page_metadata(tree(head, body), "https://news.example.com/2024/05/ferry", now=NOW)
    assert md.authors == ["Jane Doe"]
    assert md.published_at == datetime(2024, 5, 3, 10, tzinfo=UTC)
    if field == "headline":
        assert md.title == ("2024" if written == "2024" else "Ferry service returns")
    else:
        assert md.categories == ["Local", "Harbour"]


@pytest.mark.parametrize(("head", "title"), [
    ("<title>Tom &amp;amp; Jerry return</title>", "Tom & Jerry return"),
    ('<meta property="og:title" content="Tom &amp;amp; Jerry return">', "Tom & Jerry return"),
    ('<meta property="og:title" content="Tom&amp;#039;s ferry returns">', "Tom's ferry returns"),
    ('<meta property="og:title" content="Tom&amp;#8217;s ferry returns">', "Tom’s ferry returns"),
    ('<meta property="og:title" content="AT&amp;amp;T buys a ferry">', "AT&T buys a ferry"),
])
def test_a_title_escaped_twice_is_read_as_meant(head, title) -> None:
    """Round 26: a CMS that escapes an escaped field (`og:title` "Tom &amp;amp; Jerry",
    a WordPress SEO plugin's fault) left "Tom &amp; Jerry" and "Tom&#039;s" as the
    stored title; the description the same."""
    desc = '<meta name="description" content="Tom &amp;amp; Jerry&amp;#039;s ferry">'
    body = _STORY.replace("<h1>Ferry service returns</h1>", "")
    md = page_metadata(tree(head + desc, body), "https://news.example.com/2024/05/f", now=NOW)
    assert (md.title, md.description) == (title, "Tom & Jerry's ferry")


@pytest.mark.parametrize("written", ["AT&T and R&D", "Fish &chips; a ferry", "Tom & Jerry"])
def test_an_ampersand_that_is_no_reference_stays(written) -> None:
    md = page_metadata(tree(f"<title>{written.replace('&', '&amp;')}</title>", _STORY.replace(
        "<h1>Ferry service returns</h1>", "")), "https://news.example.com/2024/05/f", now=NOW)
    assert md.title == written


# Mutation seed 58: round 25's second reading of the author meta tags.
def test_the_author_meta_tags_read_again_are_those_by_name_property_or_itemprop() -> None:
    """Each author meta tag's content, in page order (one without content as ""), by
    `name`, `property` or `itemprop` in any case; no other meta tag, and no element
    other than a meta tag (a span marked `itemprop="author"` is the byline's, not meta)."""
    from tasks.extract.metadata import _author_metas

    t = tree('<meta name="description" content="Ferry news">'
             '<meta property="article:author" content="Jane Doe">'
             '<meta name="AUTHOR"><meta itemprop="author" content="Tom Roe">',
             '<p>x</p><span itemprop="author">Ann Lee</span>')
    assert _author_metas(t) == (["Jane Doe", "", "Tom Roe"], False)


# Mutation seed 59: round 26's readers of a JSON-LD field written as other than a string.
@pytest.mark.parametrize("written", [
    {"@language": "en"},  # a value object without its value
    {"@type": "Text"},
    [],
    [None, {"@language": "de"}],
    True,  # JSON's true is no text (nor a number)
])
def test_a_field_with_no_text_in_it_is_none_not_the_word_none(written) -> None:
    """A JSON-LD value of no string or number (an object without `@value`, an empty
    list, a boolean) is no text: None, and left out of a label list -- never "None"."""
    from tasks.extract.metadata import _one_text, _texts

    assert _one_text(written) is None
    assert _texts([written, "Local"]) == ["Local"]


def test_a_jsonld_headline_with_no_text_is_no_title() -> None:
    """A page whose only headline is a JSON-LD value object without its value has no
    title (and is not stored under the title "None")."""
    head = ('<script type="application/ld+json">{"@context": "https://schema.org", '
            '"@type": "NewsArticle", "headline": {"@language": "en"}}</script>')
    body = _STORY.replace("<h1>Ferry service returns</h1>", "")
    md = page_metadata(tree(head, body), "https://news.example.com/2024/05/ferry", now=NOW)
    assert md.title is None
    with_title = page_metadata(tree("<title>Ferry service returns</title>" + head, body),
                               "https://news.example.com/2024/05/ferry", now=NOW)
    assert with_title.title == "Ferry service returns"


@pytest.mark.parametrize(("written", "read"), [
    ("Local", ["Local"]),
    ({"@value": "Local", "@language": "en"}, ["Local"]),
    (2024, ["2024"]),
    (None, []),
    ([["Local", ["Harbour"]], {"@value": "Ferries"}], ["Local", "Harbour", "Ferries"]),
])
def test_a_label_list_read_from_one_value_or_nested_lists(written, read) -> None:
    """`_texts` takes a label list as trafilatura leaves it, or a single value: one
    string, a value object or a number is a list of one."""
    from tasks.extract.metadata import _texts

    assert _texts(written) == read


@pytest.mark.parametrize("head", [
    _ld({"@context": "https://schema.org", "@type": "NewsArticle",
         "datePublished": "2024-05-03t10:00:00z"}),
    '<meta property="article:published_time" content="2024-05-03t10:00:00z">',
    '<meta property="article:published_time" content="2024-05-03T10:00:00.5z">',
])
def test_a_page_date_with_rfc3339s_lower_case_letters_keeps_its_time(head) -> None:
    """Fault round 27: RFC 3339 5.6 lets `T` and `Z` be written in lower case. Before:
    fromisoformat refused the `z` and the claim was its day alone (2024-05-03 00:00)."""
    md = page_metadata(tree(head, _STORY), "https://news.example.com/2024/05/ferry", now=NOW)
    assert md.published_at.replace(microsecond=0) == datetime(2024, 5, 3, 10, tzinfo=UTC)


@pytest.mark.parametrize("publisher", [
    '{"@type": "NewsMediaOrganization", "name": ["Harbour Gazette", "Hafenblatt"]}',
    '{"@type": "Organization", "name": {"@value": "Harbour Gazette", "@language": "en"}}',
    '[{"@type": "Organization", "name": [{"@value": "Harbour Gazette", "@language": "en"}]}]',
    '{"@id": "https://news.example.com/#org"}',
])
def test_a_jsonld_publisher_name_as_a_list_or_value_object_is_the_site_name(publisher) -> None:
    """Fault round 27 (round 26's known item): trafilatura reads a JSON-LD publisher's
    `name` only as a string; a list (one per language), a value object, or the same in
    the `@graph` node the publisher's `@id` names gave the page no site name (None)."""
    head = ('<script type="application/ld+json">{"@context": "https://schema.org", '
            '"@graph": [{"@type": "NewsArticle", "headline": "Ferry service returns", '
            f'"publisher": {publisher}}}, {{"@type": "Organization", "@id": '
            '"https://news.example.com/#org", "name": ["Harbour Gazette", "Hafenblatt"]}]}'
            "</script>")
    md = page_metadata(tree(head, _STORY), "https://news.example.com/2024/05/ferry", now=NOW)
    assert md.site_name == "Harbour Gazette"
    assert md.title == "Ferry service returns"


def test_a_jsonld_publisher_name_written_as_a_string_is_read_as_before() -> None:
    """The string form trafilatura reads stays the site name (passes before round 27)."""
    head = _ld({"@context": "https://schema.org", "@type": "NewsArticle",
                "publisher": {"@type": "Organization", "name": "Harbour Gazette"}})
    md = page_metadata(tree(head, _STORY), "https://news.example.com/2024/05/ferry", now=NOW)
    assert md.site_name == "Harbour Gazette"


@pytest.mark.parametrize(("head", "authors"), [
    (_ld({"@context": "https://schema.org", "@type": "NewsArticle",
          "author": {"@type": "Person", "name": "Jos&eacute; Garc&iacute;a"}}),
     ["José García"]),
    (_ld({"@context": "https://schema.org", "@type": "NewsArticle",
          "author": [{"@type": "Person", "name": "Ren&eacute;e Zellweger"}]}),
     ["Renée Zellweger"]),
    ('<meta name="author" content="Jos&amp;eacute; Garc&amp;iacute;a">', ["José García"]),
    ('<meta name="author" content="Jos&amp;#233; Garc&amp;#237;a">', ["José García"]),
])
def test_an_authors_name_holding_a_named_character_reference_is_read(head, authors) -> None:
    """Fault round 27: a JSON-LD name a CMS escaped for HTML (JSON has no entities), a
    `<meta name=author>` escaped twice. trafilatura's normalize_authors split a named
    reference at its `;` ("Jos; Eacute; Garc; Iacute; A"), no name was left: no author."""
    md = page_metadata(tree(head, _STORY), "https://news.example.com/2024/05/ferry", now=NOW)
    assert md.authors == authors


# --- round 30: a name written family name first in a scholarly or library meta tag --------

@pytest.mark.parametrize(("head", "want"), [
    ('<meta name="DC.creator" content="Doe, Jane">', ["Jane Doe"]),
    ('<meta name="dcterms.creator" content="Doe, Jane">', ["Jane Doe"]),
    ('<meta name="DC:creator" content="van der Berg, Anna Maria">', ["Anna Maria van der Berg"]),
    ('<meta name="citation_author" content="Doe, Jane">'
     '<meta name="citation_author" content="Roe, Richard">', ["Jane Doe", "Richard Roe"]),
    ('<meta name="citation_author" content="Müller, Jürgen">', ["Jürgen Müller"]),
])
def test_a_name_written_family_name_first_in_a_dublin_core_or_citation_tag_is_one_person(
        head, want) -> None:
    """Fault round 30: Dublin Core and Highwire Press (`citation_*`, Google Scholar's) tags
    write one person a tag, family name first; trafilatura read the comma as a list, and
    "Doe, Jane" was two authors, "Doe" and "Jane"."""
    m = page_metadata(tree(head, _STORY), "https://news.example/2024/05/story", now=NOW)
    assert m.authors == want


@pytest.mark.parametrize(("head", "want"), [
    ('<meta name="author" content="Jane Doe, Richard Roe">', ["Jane Doe", "Richard Roe"]),
    ('<meta name="DC.creator" content="Jane Doe, Richard Roe">', ["Jane Doe", "Richard Roe"]),
    ('<meta name="citation_author" content="Jane Doe">', ["Jane Doe"]),
])
def test_names_in_their_own_order_stay(head, want) -> None:
    """A list of names, each as it is said, is read as before (passes on main)."""
    m = page_metadata(tree(head, _STORY), "https://news.example/2024/05/story", now=NOW)
    assert m.authors == want


@pytest.mark.parametrize(("written", "want"), [
    ("Doe, J. R.", "J. R. Doe"),
    ("Doe, Jane; Roe, Richard", "Jane Doe; Richard Roe"),
    ("Reuters, AP", "Reuters, AP"),
    ("bergportal GmbH, digvis GmbH", "bergportal GmbH, digvis GmbH"),
    ("Doe, Jr.", "Doe, Jr."),
    ("Smith, John, Reuters", "Smith, John, Reuters"),
])
def test_only_a_family_name_and_given_names_are_turned(written, want) -> None:
    from tasks.extract.bylines import uninverted_name

    assert uninverted_name(written) == want


@pytest.mark.parametrize(("written", "want"), [
    # a family name of two words and two initials: one person (initials are no full name)
    ("García Márquez, G. J.", "G. J. García Márquez"),
    # two names of two capitalised words each, a short given name among them: two people
    ("Jane Doe, Al Roe", "Jane Doe, Al Roe"),
    # an initial written without its full stop, and initials run together
    ("Doe, Jane A", "Jane A Doe"),
    ("Doe, J", "J Doe"),
    ("Tolkien, J.R.R.", "J.R.R. Tolkien"),
])
def test_initials_and_short_given_names_in_a_name_family_name_first(written, want) -> None:
    # seed 61: the edges of uninverted_name's reading of given names
    from tasks.extract.bylines import uninverted_name

    assert uninverted_name(written) == want


_LISTED_NAME = ["Harbour Gazette", "Hafenblatt"]  # a name trafilatura does not read
_NAMED = {"@type": "Organization", "name": _LISTED_NAME}


def _nested(levels: int, in_lists: bool = False) -> object:
    """A record whose publisher sits `levels` levels below its top: mainEntity in
    mainEntity, or lists in lists."""
    node: object = {"@type": "NewsArticle", "publisher": _NAMED}
    for _ in range(levels):
        node = [node] if in_lists else {"@type": "WebPage", "mainEntity": node}
    return node


@pytest.mark.parametrize("head", [
    # a record of one node, no @graph
    _ld({"@context": "https://schema.org", "@type": "NewsArticle", "publisher": _NAMED}),
    # a record that is a list of nodes
    _ld([{"@context": "https://schema.org", "@type": "NewsArticle", "publisher": _NAMED}]),
    # after a record that names no publisher, and after one that cannot be read
    _ld({"@type": "BreadcrumbList", "itemListElement": []})
    + _ld({"@type": "NewsArticle", "publisher": _NAMED}),
    '<script type="application/ld+json">{"@type": "NewsArticle", "publisher": </script>'
    + _ld({"@type": "NewsArticle", "publisher": _NAMED}),
    # in the page's main entity, or the entity the page is the main one of
    _ld({"@type": "WebPage", "mainEntity": {"@type": "NewsArticle", "publisher": _NAMED}}),
    _ld({"@type": "WebPage", "mainEntityOfPage": {"@type": "NewsArticle",
                                                  "publisher": _NAMED}}),
    # a publisher with an @id and its own name (the @id names no node here)
    _ld({"@type": "NewsArticle", "publisher": {"@id": "https://news.example.com/#org",
                                               "name": _LISTED_NAME}}),
    # named only by its legal name; after a publisher of no name
    _ld({"@type": "NewsArticle", "publisher": {"@type": "Organization",
                                               "legalName": _LISTED_NAME}}),
    _ld({"@type": "NewsArticle", "publisher": [{"@type": "Organization"}, _NAMED]}),
])
def test_a_jsonld_publisher_name_in_the_records_other_shapes_is_the_site_name(head) -> None:
    # seed 61: round 27's reading tested only inside an @graph
    md = page_metadata(tree(head, _STORY), "https://news.example.com/2024/05/ferry", now=NOW)
    assert md.site_name == "Harbour Gazette"


def test_a_jsonld_publisher_of_no_name_gives_no_site_name_from_the_record() -> None:
    # seed 61: a list of records whose publishers name nobody is no name (and no error)
    from tasks.extract.jsonld import jsonld_publisher_name

    head = _ld([{"@type": "NewsArticle", "publisher": {"@type": "Organization"}},
                {"@type": "NewsArticle", "publisher": [{"@type": "Organization",
                                                        "name": "  "}]}])
    assert jsonld_publisher_name(tree(head, _STORY)) is None


def test_a_jsonld_publisher_is_looked_for_down_to_the_depth_limit_and_no_deeper() -> None:
    # seed 61: a record nested past _MAX_PUBLISHER_DEPTH levels is no page's; one at the
    # limit is read
    from tasks.extract.jsonld import _MAX_PUBLISHER_DEPTH, jsonld_publisher_name

    for in_lists in (False, True):
        deepest = _nested(_MAX_PUBLISHER_DEPTH, in_lists)
        past = _nested(_MAX_PUBLISHER_DEPTH + 1, in_lists)
        assert [jsonld_publisher_name(tree(_ld(record), _STORY)) for record in
                (deepest, past)] == ["Harbour Gazette", None]


@pytest.mark.parametrize(("raw", "read"), [
    ("AT&T Newsroom", "AT&T Newsroom"), ("B&amp;Q staff", "B&Q staff"),
    ("R&D team; Jane Doe", "R&D team; Jane Doe"), ("H&M Press Office", "H&M Press Office"),
    # between names, with spaces, it still joins two people
    ("Jane Doe & John Roe", "Jane Doe; John Roe"),
    ("Jane Doe &amp; John Roe", "Jane Doe; John Roe"),
    # seed 63: glued to one name only, or not between two capitals, it joins two too
    ("Jane Doe&John Roe", "Jane Doe; John Roe"), ("Jane Doe &John Roe", "Jane Doe; John Roe"),
    ("Jane Doe& John Roe", "Jane Doe; John Roe"), ("JANE DOE&john roe", "JANE DOE; John Roe"),
    # a capital X beside a name's ampersand is a letter like any other
    ("Xavier Roe; AT&T Newsroom", "Xavier Roe; AT&T Newsroom"),
    # a fullwidth ampersand written so stays as written
    ("Ｆ＆Ｆ", "Ｆ＆Ｆ"),
])
def test_an_ampersand_inside_a_name_keeps_the_name_whole(raw, read) -> None:
    # seed 61's question: trafilatura's normalize_authors split "AT&T Newsroom" into "AT"
    # and "T Newsroom", and the clean-up kept "AT" alone
    from tasks.extract.bylines import normalize_byline

    assert normalize_byline(raw) == read


def test_an_author_meta_naming_a_company_with_an_ampersand_is_one_author() -> None:
    for content, authors in (("AT&amp;T Newsroom", ["AT&T Newsroom"]),
                             ("B&amp;amp;Q staff", ["B&Q staff"]),
                             ("Jane Doe &amp; John Roe", ["Jane Doe", "John Roe"])):
        m = page_metadata(tree(f'<meta name="author" content="{content}">'),
                          "https://x.example/a", now=NOW)
        assert m.authors == authors, content


def test_a_citation_tags_slashed_date_of_december_is_read_month_first() -> None:
    # seed 62: month 12 is the last the first number can be (`<= 12`); day first it was
    # the 12th of May
    m = page_metadata(tree('<meta name="citation_date" content="12/05/2023">'),
                      "https://x.example/a", now=NOW)
    assert (m.published_date, m.published_at_source) == (date(2023, 12, 5), "meta")


@pytest.mark.parametrize(("raw", "holds"), [
    (None, False), ("", False), ("Jane Doe", False), ("Tom & Jerry", False),
    ("AT&T Newsroom", True), ("AT&amp;T Newsroom", True),
])
def test_a_byline_holds_a_name_ampersand_only_between_capitals(raw, holds) -> None:
    # seed 63: no byline (None) is none, not an error
    from tasks.extract.bylines import holds_name_ampersand

    assert holds_name_ampersand(raw) is holds


def test_a_title_has_no_word_joiners_or_byte_order_marks() -> None:
    # seed 63: the other two invisible marks a title loses (U+2060, U+FEFF)
    body = ("<h1>Messenger\u2060dienste sind kein \ufeffrechtsfreier Raum</h1><p>"
            + "Text. " * 30 + "</p>")
    m = page_metadata(tree("<title>Messengerdienste sind kein rechtsfreier Raum</title>", body),
                      None, now=NOW)
    assert m.title == "Messengerdienste sind kein rechtsfreier Raum"


def test_the_date_scans_read_the_pages_text_and_scripts_but_no_stylesheet() -> None:
    """`_TEXT_BUT_STYLES`: every text string of the page in document order, a script's
    and the text after a <style> included, a stylesheet's own not (CSS names no date, and
    a theme may inline hundreds of KB of it)."""
    from tasks.extract.dates import _TEXT_BUT_STYLES, _from_impossible_day

    page = fromstring("<html><head><style>.x{} /* 2024-04-31 */</style><script>var d="
                      "'2024-02-30';</script></head><body>a<b>b</b>c<style>p{}</style>d"
                      "<!-- 2024-06-31 --><p>e</p></body></html>")
    assert _TEXT_BUT_STYLES(page) == ["var d='2024-02-30';", "a", "b", "c", "d", "e"]
    assert _from_impossible_day(page, "2024-02-01")  # the script's impossible day counts
    assert not _from_impossible_day(page, "2024-04-01")  # the stylesheet's does not
    assert not _from_impossible_day(page, "2024-06-01")  # nor a comment's


def test_a_month_first_reading_is_not_taken_from_a_stylesheet() -> None:
    """htmldate's day-first 5 March stays when only a stylesheet writes "5/3/2024" with
    an American clock after it; the same words in the page's text make it 3 May."""
    from tasks.extract.dates import htmldate_date

    def dated(where: str) -> str | None:
        css, text = ("5/3/2024 2:15 PM", "") if where == "style" else ("", "5/3/2024 2:15 PM")
        page = fromstring(f"<html><head><style>/* {css} */</style></head><body><h1>Bridge"
                          f"</h1><p>Published 05.03.2024</p><p>{text}</p></body></html>")
        return htmldate_date(page, None, NOW, extensive=False)

    assert dated("style") == "2024-03-05"
    assert dated("text") == "2024-05-03"


def test_a_role_before_a_name_of_three_words_and_one_before_a_label() -> None:
    """Mutation seed 67: a role of two words before a name of three goes (every size of
    role is tried, not every other one); a role after the name goes when a label's
    separator followed it ("| Stand: ..."), the separator set aside first; the lone
    initial X of a name is no punctuation after a role."""
    assert clean_author_name("Senior Correspondent: Anna Maria Keller") == "Anna Maria Keller"
    assert clean_author_name("Senior Correspondent Anna Maria Keller") == "Anna Maria Keller"
    assert clean_author_name("Anna Keller, Korrespondentin | Stand: 12.03.2024") == \
        "Anna Keller"
    assert clean_author_name("Korrespondentin X Anna Keller") == "X Anna Keller"


def test_an_author_link_restores_a_split_byline_from_the_names_alone() -> None:
    """Mutation seed 67: without the recorded string, the names run together are what a
    link must spell; a link's text of up to 80 characters is read, a longer one (a
    sentence, not a byline) is not, and only the page's first 20 author links count;
    one without text is passed over."""
    def links(*texts: str):
        return fromstring("<html><body>" + "".join(
            f"<a href='/autor/{i}/'>{t}</a>" for i, t in enumerate(texts)) + "</body></html>")

    assert author_link_spelling(links("AFP/The Local"), ["AFP", "The Local"]) == [
        "AFP/The Local"]
    # an avatar's link (no text) before the byline's is passed over, not the end
    assert author_link_spelling(links("<img src='a.jpg'>", "AFP/The Local"),
                                ["AFP", "The Local"]) == ["AFP/The Local"]
    first = "Agence France-Presse"
    for size, restored in ((80, True), (81, False)):
        second = "The Local " + "x" * (size - len(first) - len("/The Local "))
        text = f"{first}/{second}"
        assert len(text) == size
        got = author_link_spelling(links(text), [first, second])
        assert got == ([text] if restored else [first, second]), size
    others = [f"Reporter Number{i}" for i in range(20)]
    assert author_link_spelling(links(*others[:19], "AFP/The Local"),
                                ["AFP", "The Local"]) == ["AFP/The Local"]
    assert author_link_spelling(links(*others, "AFP/The Local"),
                                ["AFP", "The Local"]) == ["AFP", "The Local"]


def test_a_link_spelling_the_role_is_passed_over_for_the_next_link() -> None:
    """Mutation seed 67: after a link that spells the role with the name ("Rechtsanwältin
    Anna-Maria K."), the next author link is still read: it gives the site's spelling."""
    tree = fromstring("<html><body><a href='/author/akeller/'>Rechtsanwältin Anna-Maria "
                      "Keller</a><a href='/author/akeller/'>Anna-Maria Keller</a></body></html>")
    assert author_link_spelling(tree, ["Anna Maria Keller"],
                                "Rechtsanwältin Anna-Maria Keller") == ["Anna-Maria Keller"]
