"""Seed 77: the dates session 53 taught `page_metadata` to read (issue 13's families),
each asked with the page that decides it: a relative stamp in a bare `<time>`, a day
and month without a year beside the headline or in a wire dateline (the fetch gives the
year), an "Originally published" note under an update, a French line giving the update
before the publication, and the bounds each rule keeps (the first sixty paragraphs, the
story's own paragraphs, an element that says it is a date)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from lxml.html import fromstring

from tasks.extract.metadata import page_metadata

NOW = datetime(2026, 12, 4, 6, 0, tzinfo=UTC)
URL = "https://www.riversidepost.co.uk/news/wind-farm-7"
P = ("<p>The council met for the third time this month and agreed on a plan for the "
     "new wind farm after long debates with the neighbours.</p>")
DATELINE = "<p>LONDON, Dec. 2 (Reuters) - The council met again on the plan.</p>"
UPDATED_DEC_3 = '<meta property="article:modified_time" content="2026-12-03T10:00:00Z">'


def page(top: str = "", body: str = P * 3, *, head: str = "", aside: str = "",
         lang: str = "en") -> str:
    return (f'<html lang="{lang}"><head><title>Council plans wind farm | Riverside Post'
            f"</title>{head}</head><body><main><article><h1>Council plans wind farm</h1>"
            f'{top}<div class="article-body">{body}</div></article></main>{aside}'
            "</body></html>")


def published(html: str, url: str = URL, now: datetime = NOW) -> date | None:
    return page_metadata(fromstring(html), url, now=now).published_date


# --- a relative stamp and a day without its year beside the headline -----------------

@pytest.mark.parametrize("stamp", ["<time>3 hours ago</time>",  # no attribute at all
                                   '<time title="posted">3 hours ago</time>'])
def test_a_relative_stamp_in_a_time_element_is_counted_back_from_the_fetch(stamp):
    meta = page_metadata(fromstring(page(stamp)), URL, now=NOW)
    assert meta.published_date == date(2026, 12, 4)
    assert meta.published_at_source == "relative"
    # fetched at 01:00, three hours before is the evening before
    assert published(page(stamp), now=datetime(2026, 12, 4, 1, 0, tzinfo=UTC)) == \
        date(2026, 12, 3)


def test_a_day_without_its_year_in_a_bare_time_element_takes_the_fetch_s_year():
    assert published(page("<time>Thursday 3 December</time>")) == date(2026, 12, 3)
    # a day later than the fetch's is last year's
    assert published(page("<time>Friday 5 December</time>")) == date(2025, 12, 5)


def test_a_day_without_its_year_outside_a_date_element_dates_nothing():
    # a kicker or a standfirst may name a day; only a date element's does
    assert published(page('<p class="kicker">Monday, 30 November</p>')) is None
    assert published(page('<div class="dateline">Monday, 30 November</div>')) == \
        date(2026, 11, 30)


# --- a wire dateline with the day and no year ----------------------------------------

def test_a_wire_dateline_after_other_paragraphs_is_read():
    assert published(page(body=P + DATELINE + P)) == date(2026, 12, 2)
    assert published(page(body="<p>Analysis</p>" + DATELINE + P)) == date(2026, 12, 2)
    # a paragraph with a comma and a bracket that is no dateline does not stop the search
    assert published(page(body="<p>Officials said, on Monday (local time), that it went on."
                          "</p>" + DATELINE + P)) == date(2026, 12, 2)


def test_a_wire_dateline_is_read_in_the_first_sixty_paragraphs_of_the_story_only():
    assert published(page(body=P * 59 + DATELINE)) == date(2026, 12, 2)
    assert published(page(body=P * 60 + DATELINE)) is None
    # another story's dateline in a teaser beside this one
    aside = f'<aside class="related">{DATELINE}</aside>'
    assert published(page(aside=aside)) is None


# --- "Originally published" under an update ------------------------------------------

SHOWN_DEC_3 = '<div class="date">Dec. 3, 2026</div>'


@pytest.mark.parametrize("note", [
    "<p>Originally published Nov. 28, 2026</p>",
    "<p>\n   Originally published Nov. 28, 2026</p>",  # the line's indentation
    "<p><em>Originally published</em> Nov. 28, 2026</p>",  # the cue in an inline child
])
def test_a_page_dated_by_its_update_takes_the_first_publication_of_its_note(note):
    html = page(SHOWN_DEC_3, body="<p></p>" + P + note + "<p> </p>", head=UPDATED_DEC_3)
    assert published(html, now=datetime(2026, 12, 6, tzinfo=UTC)) == date(2026, 11, 28)


def test_a_note_after_the_update_or_no_note_leaves_the_update():
    for body in (P + "<p>Originally published Dec. 5, 2026</p>" + P, "<p></p>" + P):
        html = page(SHOWN_DEC_3, body=body, head=UPDATED_DEC_3)
        assert published(html, now=datetime(2026, 12, 6, tzinfo=UTC)) == date(2026, 12, 3)


# --- the update written first, the publication after its own label -------------------

@pytest.mark.parametrize("line, day", [
    ("Publié le 03/11/2026 · Mis à jour le 05/11/2026", date(2026, 11, 3)),  # day first
    ("Mis à jour le 8 septembre à 13h32 Publié le 1 septembre 2026", date(2026, 9, 1)),
    ("Mis à jour le 08/09/2026 à 13h32 Publié le 01/09/2026", date(2026, 9, 1)),
])
def test_a_french_line_gives_its_publication_read_day_first(line, day):
    html = page(f'<div class="date">{line}</div>', lang="fr")
    assert published(html, url="https://www.lejournal.fr/a/1") == day


@pytest.mark.parametrize("shown, day", [("jeudi 2 juillet", date(2026, 7, 2)),
                                        ("mardi 2 juin", date(2026, 6, 2))])
def test_a_french_day_without_its_year_names_its_month_by_its_four_letters(shown, day):
    # "juillet" and "juin" share "jui": only their fourth letter tells them apart
    html = page(f"<time>{shown}</time>", lang="fr")
    assert published(html, url="https://www.lejournal.fr/a/1") == day


@pytest.mark.parametrize("value, day", [
    ("1764770700", date(2025, 12, 3)),  # Unix seconds
    ("1764770700000", date(2025, 12, 3)),  # milliseconds
    ("1000000000000", date(2001, 9, 9)),  # the smallest 13-digit stamp: milliseconds too
    ("9999999999", None),  # 2286: after the fetch
    ("0946684799", None),  # the last second of 1999
])
def test_an_empty_element_s_epoch_attribute_dates_the_page(value, day):
    assert published(page(f'<span data-timestamp="{value}"></span>')) == day


@pytest.mark.parametrize("shown, day", [
    ("Thursday, December 3rd", date(2026, 12, 3)),  # the month first, an ordinal
    ("December 3rd at 2:05 p.m.", date(2026, 12, 3)),  # a time of day after it
])
def test_a_month_first_day_without_its_year_is_read_with_its_ordinal(shown, day):
    assert published(page(f"<time>{shown}</time>")) == day
