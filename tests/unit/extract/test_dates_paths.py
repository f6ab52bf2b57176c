"""The date claims' paths in tasks/extract/dates.py that no test walked (found by mutation
testing the module): which claim `date_candidates` reads and how, the bounds of
`choose_date`, `day_vote` and `date_confidence`, `modified_date`'s sources, and the
12-hour clock's length cap."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from lxml.html import fromstring

from tasks.extract.dates import (
    AGREEMENT_BONUS,
    DISAGREEMENT_PENALTY,
    EARLIEST_PLAUSIBLE,
    FUTURE_TOLERANCE,
    DateCandidate,
    _on_twelve_hour_clock,
    choose_date,
    date_candidates,
    date_confidence,
    day_vote,
    modified_date,
)

NOW = datetime(2024, 5, 3, 12, 0, tzinfo=UTC)
URL = "https://gazette.example/story"


def page(head: str = "", body: str = "<p>x</p>"):
    return fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def claims(t, **kw) -> list[tuple[str, date]]:
    return [(c.source, c.day) for c in date_candidates(t, URL, **kw)]


# --- modified_date ------------------------------------------------------------------------

def test_the_last_change_is_read_from_a_named_meta_tag_and_a_time_element() -> None:
    assert modified_date(page('<meta name="last-modified" content="2024-05-02T10:00:00Z">')
                         ) == datetime(2024, 5, 2, 10, tzinfo=UTC)
    assert modified_date(page(body='<p><time itemprop="dateModified" '
                                   'datetime="2024-05-02T10:00:00Z">2 May</time></p>')
                         ) == datetime(2024, 5, 2, 10, tzinfo=UTC)
    assert modified_date(page()) is None


def test_only_the_first_json_ld_change_is_the_pages() -> None:
    """The first record's dateModified is the page's; a later one is another record's
    (a related story in the graph), not read even when the first does not parse."""
    graph = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
             '[{"@type": "NewsArticle", "dateModified": "not a date"}, {"@type": '
             '"NewsArticle", "dateModified": "2024-04-01T10:00:00Z"}]}</script>')
    assert modified_date(page(graph)) is None


# --- date_candidates -----------------------------------------------------------------------

REVISION_STAMP = ('<meta name="date" content="2024-05-02T10:00:00Z">'
                  '<meta property="article:published_time" content="2024-05-01T08:00:00Z">'
                  '<meta property="article:modified_time" content="2024-05-02T10:00:00Z">')


def test_a_meta_date_equal_to_the_last_change_goes_after_the_publication_tag() -> None:
    assert claims(page(REVISION_STAMP))[0] == ("meta", date(2024, 5, 1))
    # the caller's modified date is used as given (None: no stamp to put back)
    assert claims(page(REVISION_STAMP), modified=None)[0] == ("meta", date(2024, 5, 2))
    assert claims(page(REVISION_STAMP), modified=datetime(2024, 5, 2, 10, tzinfo=UTC)
                  )[0] == ("meta", date(2024, 5, 1))


def test_date_candidates_reads_numeric_dates_month_first_unless_told() -> None:
    shown = page(body="<div itemprop='datePublished'>03/05/2024</div><p>x</p>")
    assert claims(shown, day_first=True) == [("time", date(2024, 5, 3))]
    assert claims(shown) != [("time", date(2024, 5, 3))]


def test_microdata_and_pubdate_count_in_any_area_hatom_only_in_the_articles() -> None:
    sidebar = "<div class='sidebar'>{}</div><h1>Bridge reopens</h1><p>x</p>"
    for marked in ('<time itemprop="datePublished" datetime="2024-05-01">1 May</time>',
                   '<time pubdate datetime="2024-05-01">1 May</time>'):
        assert claims(page(body=sidebar.format(marked))) == [("time", date(2024, 5, 1))]
    hatom = '<abbr class="published" title="2024-05-01">1 May</abbr>'
    assert claims(page(body=sidebar.format(hatom))) == []
    # the article's own column, whatever the theme calls it, is the article's area
    column = page(body=f"<div class='content-area sidebar'><h1>Bridge reopens</h1>{hatom}"
                       "<p>x</p></div>")
    assert claims(column, headline=column.find(".//h1")) == [("time", date(2024, 5, 1))]


def test_a_meta_itemprop_is_read_with_the_meta_tags_and_the_next_markup_still_counts() -> None:
    t = page(body='<meta itemprop="datePublished" content="2024-05-01">'
                  '<time itemprop="datePublished" datetime="2024-05-02">2 May</time><p>x</p>')
    assert ("time", date(2024, 5, 2)) in claims(t)


def test_only_an_abbr_gives_its_title_as_the_date() -> None:
    t = page(body='<span itemprop="datePublished" title="2020-01-01">3. Mai 2022</span><p>x</p>')
    assert claims(t) == [("time", date(2022, 5, 3))]


def test_a_date_elements_text_is_read_up_to_149_characters() -> None:
    def shown(n: int):
        text = "3. Mai 2022 " + "x" * (n - 12)
        assert len(text) == n
        return page(body=f"<div itemprop='datePublished'>{text}</div><p>x</p>")
    assert claims(shown(149)) == [("time", date(2022, 5, 3))]
    assert claims(shown(150)) == []


def test_the_day_a_time_element_shows_is_the_claims_day_within_a_day_of_its_instant() -> None:
    """A WordPress site left on UTC: 23:07 UTC on the 25th shown as the 26th, the page's own
    zone's day; the instant stays."""
    t = page(body='<time itemprop="datePublished" datetime="2019-12-25T23:07:00+00:00">'
                  "26/12/2019</time><p>x</p>")
    [c] = date_candidates(t, URL, day_first=True)
    assert (c.source, c.value, c.day, c.in_utc) == (
        "time", datetime(2019, 12, 25, 23, 7, tzinfo=UTC), date(2019, 12, 26), False)
    # two days apart: the shown day is no zone's of that instant
    t = page(body='<time itemprop="datePublished" datetime="2019-12-25T23:07:00+00:00">'
                  "27/12/2019</time><p>x</p>")
    [c] = date_candidates(t, URL, day_first=True)
    assert c.day == date(2019, 12, 25)


def test_a_shown_day_moves_no_other_claim_when_the_time_element_does_not_parse() -> None:
    t = page('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
             '"NewsArticle", "datePublished": "2024-05-01"}</script>',
             '<time itemprop="datePublished" datetime="soon">2. Mai 2024</time><p>x</p>')
    assert claims(t) == [("jsonld", date(2024, 5, 1))]


@pytest.mark.parametrize(("given", "source"), [
    ("feed", "feed"), ("sitemap", "sitemap"), ("sitemap_lastmod", "sitemap_lastmod"),
    (None, "feed"), ("other", "feed")])
def test_a_hint_is_a_feed_date_unless_its_source_is_named(given, source) -> None:
    got = claims(page(), hint=datetime(2024, 5, 1, tzinfo=UTC), hint_source=given)
    assert got == [(source, date(2024, 5, 1))]


# --- choose_date, day_vote, date_confidence ----------------------------------------------

def cand(source: str, value: datetime, weight: float | None = None) -> DateCandidate:
    return DateCandidate(source, value, weight=weight)


def test_the_future_and_plausibility_bounds_are_inclusive() -> None:
    edge = NOW + FUTURE_TOLERANCE
    assert choose_date([cand("meta", edge)], NOW) == (cand("meta", edge), [])
    assert choose_date([cand("meta", edge + timedelta(seconds=1))], NOW) == (None, ["future"])
    assert choose_date([cand("meta", EARLIEST_PLAUSIBLE)], NOW)[0] == cand(
        "meta", EARLIEST_PLAUSIBLE)
    assert choose_date([cand("meta", EARLIEST_PLAUSIBLE - timedelta(seconds=1))], NOW) == (
        None, ["implausible"])


def test_a_source_outside_the_order_goes_last() -> None:
    dump = cand("dump", datetime(2024, 5, 1, tzinfo=UTC))
    meta = cand("meta", datetime(2024, 5, 1, 8, tzinfo=UTC))
    assert choose_date([dump, meta], NOW)[0] == meta  # same day: the first in source order
    t = page('<meta property="article:published_time" content="2024-05-01T08:00:00Z">')
    got = date_candidates(t, URL, hint=datetime(2024, 5, 1, tzinfo=UTC), hint_source="feed")
    assert [c.source for c in got] == ["meta", "feed"]


def test_day_vote_counts_the_chosen_days_voters_only() -> None:
    may1, may2 = datetime(2024, 5, 1, tzinfo=UTC), datetime(2024, 5, 2, tzinfo=UTC)
    chosen = cand("jsonld", may1)
    assert day_vote(chosen, [chosen, cand("jsonld", may2), cand("fetch_time", may1)]) == 0.5


def test_confidence_rises_with_agreement_and_falls_with_disagreement() -> None:
    may1 = datetime(2024, 5, 1, tzinfo=UTC)
    chosen = cand("meta", may1)
    assert date_confidence(chosen, [chosen], NOW) == 0.8
    # an unknown source's own trust is 0.3
    assert date_confidence(cand("other", may1), [], NOW) == 0.3
    # each other source once: two JSON-LD claims agree once
    assert date_confidence(chosen, [chosen, cand("jsonld", may1), cand("jsonld", may1)],
                           NOW) == round(0.8 + AGREEMENT_BONUS, 2)
    # a timed claim agrees on the same day only; a date-only one within a day
    next_day = datetime(2024, 5, 2, 9, 30, tzinfo=UTC)
    assert date_confidence(chosen, [cand("time", next_day)], NOW) == round(
        0.8 - DISAGREEMENT_PENALTY, 2)
    assert date_confidence(chosen, [cand("url", datetime(2024, 5, 2, tzinfo=UTC))],
                           NOW) == round(0.8 + AGREEMENT_BONUS, 2)
    assert date_confidence(chosen, [cand("url", datetime(2024, 5, 3, tzinfo=UTC))],
                           NOW) == round(0.8 - DISAGREEMENT_PENALTY, 2)
    # a claim at the plausible edge counts; the score is capped at 0.99, to 2 decimals
    assert date_confidence(chosen, [cand("url", EARLIEST_PLAUSIBLE)], NOW) == 0.6
    many = [cand(s, may1) for s in ("jsonld", "time", "feed", "sitemap", "url", "headline")]
    assert date_confidence(chosen, many, NOW) == 0.99
    assert date_confidence(cand("sitemap", may1), [cand("other", may1)], NOW) == 0.75


# --- the 12-hour clock ---------------------------------------------------------------------

def test_a_twelve_hour_clock_is_read_in_a_text_of_up_to_149_characters() -> None:
    text = "May 3, 2024 10:37 PM EDT"
    assert _on_twelve_hour_clock(" " * (149 - len(text)) + text) is not None
    assert _on_twelve_hour_clock(" " * (150 - len(text)) + text) is None


def test_a_date_shown_two_levels_up_from_the_headline_weighs_as_a_far_one() -> None:
    near = "<div><div><h1>Bridge reopens</h1></div><span class='date'>3. Mai 2024</span></div>"
    far = ("<div><div><div><h1>Bridge reopens</h1></div></div><span class='date'>3. Mai 2024"
           "</span></div>")
    for body, weight in ((near, 1.5), (far, 0.5)):
        t = page(body=body + "<p>x</p>")
        assert [(c.source, c.day, c.weight) for c in date_candidates(
            t, None, headline=t.find(".//h1"))] == [("headline", date(2024, 5, 3), weight)]


# --- one instant in two zones; a day alone beside an instant (fault round 44) -------------

def written(source: str, raw: str) -> DateCandidate:
    """A claim as date_candidates makes it from a string, its day as written."""
    t = page(f'<meta property="article:published_time" content="{raw}">')
    got = date_candidates(t, URL, fetched=NOW)[0]
    return replace(got, source=source)


def test_one_instant_written_in_two_zones_is_no_disagreement() -> None:
    page_claim = written("meta", "2024-05-04T05:30:00+02:00")
    feed_claim = written("feed", "Fri, 03 May 2024 23:30:00 -0400")
    utc_claim = written("jsonld", "2024-05-04T03:30:00Z")
    assert page_claim.value == feed_claim.value == utc_claim.value
    assert (page_claim.day, feed_claim.day) == (date(2024, 5, 4), date(2024, 5, 3))
    chosen, flags = choose_date([page_claim, feed_claim], NOW + timedelta(days=2))
    assert (chosen.source, chosen.day, flags) == ("meta", date(2024, 5, 4), [])
    # the page's UTC instant is the server's clock: the feed's zone says the day
    chosen, flags = choose_date([utc_claim, feed_claim], NOW + timedelta(days=2))
    assert (chosen.source, chosen.value, chosen.day, flags) == (
        "jsonld", utc_claim.value, date(2024, 5, 3), [])
    # ... unless the URL or the date beside the headline names the UTC claim's day
    url = cand("url", datetime(2024, 5, 4, tzinfo=UTC))
    chosen, flags = choose_date([utc_claim, feed_claim, url], NOW + timedelta(days=2))
    assert (chosen.source, chosen.day, flags) == ("jsonld", date(2024, 5, 4), [])
    # the same instant agrees in the confidence too
    assert date_confidence(page_claim, [page_claim, feed_claim], NOW) == round(
        0.8 + AGREEMENT_BONUS, 2)


def test_different_instants_on_different_days_still_disagree() -> None:
    page_claim = written("meta", "2024-05-04T05:30:00+02:00")
    feed_claim = written("feed", "Thu, 02 May 2024 23:30:00 -0400")
    chosen, flags = choose_date([page_claim, feed_claim], NOW + timedelta(days=2))
    assert (chosen.source, flags) == ("meta", ["disagree"])
    # the UTC-written page claim of another day as well
    utc_claim = written("jsonld", "2024-05-04T03:30:00Z")
    assert choose_date([utc_claim, feed_claim], NOW + timedelta(days=2))[1] == ["disagree"]


def test_a_day_alone_gives_way_to_an_instant_of_that_day() -> None:
    day_alone = cand("meta", datetime(2024, 5, 3, tzinfo=UTC))
    feed = cand("feed", datetime(2024, 5, 3, 14, 20, tzinfo=UTC))
    chosen, flags = choose_date([day_alone, feed], NOW + timedelta(days=1))
    assert (chosen, flags) == (feed, [])
    sitemap = cand("sitemap", datetime(2024, 5, 3, 9, 5, tzinfo=UTC))
    assert choose_date([day_alone, sitemap], NOW)[0] == sitemap
    # an instant of another day does not, nor a non-voting one (an upper bound)
    other = cand("feed", datetime(2024, 5, 2, 14, 20, tzinfo=UTC))
    assert choose_date([day_alone, other], NOW) == (day_alone, ["disagree"])
    lastmod = cand("sitemap_lastmod", datetime(2024, 5, 3, 9, 5, tzinfo=UTC))
    assert choose_date([day_alone, lastmod], NOW) == (day_alone, [])
    # a timed first claim stays
    meta = cand("meta", datetime(2024, 5, 3, 8, tzinfo=UTC))
    assert choose_date([meta, feed], NOW + timedelta(days=1))[0] == meta


def test_publication_markup_path_selects_what_its_four_step_form_did() -> None:
    # the two <time> steps were merged into one (one walk less): same elements, same order
    from lxml.etree import XPath
    from lxml.html import fromstring

    from tasks.extract.dates import _PUBLISHED_MARKUP
    published = "contains(concat(' ', normalize-space(@class), ' '), ' published ')"
    four_steps = XPath(
        f"//@itemprop[. = 'datePublished']/.. | //time[@pubdate][@datetime]"
        f" | //time[@datetime][{published}] | //abbr[@title][{published}]")
    page = fromstring("""<html><body>
      <time pubdate datetime="2024-05-01">a</time><time pubdate>no datetime</time>
      <time class="entry-date published" datetime="2024-05-02">b</time>
      <time class="published" pubdate datetime="2024-05-03">both</time>
      <time class="unpublished" datetime="2024-05-04">no</time>
      <abbr class="published" title="2024-05-05">c</abbr><abbr class="published">no</abbr>
      <span itemprop="datePublished" content="2024-05-06">d</span></body></html>""")
    got = _PUBLISHED_MARKUP(page)
    assert got == four_steps(page)
    assert [e.text for e in got] == ["a", "b", "both", "c", "d"]
