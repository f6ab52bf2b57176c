"""Seed 81: metadata rounds 12-13 (session 56) where no test held the line a mutant
changed: a beat of two letters ("EU affairs correspondent"), a name with a particle before
"reports", each reporter's role word, a newsroom's desk, and the agency credited in its
own element, before a dot and the date, or before anything else. Each page goes through
`page_metadata` whole (the pages of tests/unit/extract/test_unseen_meta60.py)."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.extract.bylines import clean_author_name
from tests.unit.extract.test_unseen_meta60 import DATED, ago_line, meta, page


def byline_authors(byline: str) -> list[str]:
    return meta(page(f'<p class="byline">{byline}</p>{DATED}')).authors


@pytest.mark.parametrize("byline", [
    "By EU affairs correspondent Anna Berg",  # a beat's word of two letters
    "By US politics reporter Anna Berg",
    "By food columnist Anna Berg",
    "By freelance journalist Anna Berg",
    "By features writer Anna Berg",
])
def test_a_beat_and_a_reporters_role_before_the_name_go(byline):
    assert byline_authors(byline) == ["Anna Berg"]


@pytest.mark.parametrize(("byline", "name"), [
    ("Vincent van der Berg reports from Kyiv", "Vincent van der Berg"),
    ("Anna de Vries reporting from Brussels", "Anna de Vries"),
])
def test_a_name_with_particles_before_reports_is_the_name(byline, name):
    assert byline_authors(byline) == [name]


def test_a_newsrooms_desk_after_the_name_is_no_co_author():
    assert byline_authors("By Anna Berg, Metro desk") == ["Anna Berg"]


def test_a_surname_that_opens_with_desk_is_a_co_author():
    # near-miss: "desk" is a word's end only ("Metro desk"), not a surname's start
    assert byline_authors("By Anna Berg and Tom Deskins") == ["Anna Berg", "Tom Deskins"]


def test_an_agency_before_a_dot_and_the_date_is_the_byline():
    m = meta(page('<div class="pst-by"><span>Reuters</span> · 3 Dec 2025</div>'))
    assert m.authors == ["Reuters"]
    assert m.published_date == date(2025, 12, 3)


@pytest.mark.parametrize("line", [
    '<div class="src"><span>Reuters</span> · Markets</div>',  # a section after the dot
    '<div class="src"><span>Reuters</span> file photo of the plant</div>',  # no separator
    # a teaser naming the agency, then a number: no separator, so no credit line
    '<div class="teaser"><a>Reuters</a> 5 things to know before markets open</div>',
])
def test_an_agency_in_its_own_element_before_no_date_is_no_byline(line):
    assert meta(page(line + DATED)).authors == []


@pytest.mark.parametrize("byline", ["Staff reports", "Wire reports"])
def test_a_newsrooms_one_word_credit_before_reports_stays_whole(byline):
    # near-miss: the verb is cut after a name of two words or more; after one word it is
    # the newsroom's credit (_is_newsroom_credit's)
    assert byline_authors(byline) == [byline]


@pytest.mark.parametrize("name", ["Anna Berg reports for BBC News", "Anna Berg reports on the war",
                                  "Anna Berg reporting in Kyiv"])
def test_a_name_given_whole_with_its_reporting_verb_and_what_follows_is_the_name(name):
    # a name that reached clean_author_name without trafilatura's normaliser (which cuts
    # a byline at "for", "on", "in")
    assert clean_author_name(name) == "Anna Berg"


@pytest.mark.parametrize("byline", ["From Anna Berg, Tom Kurz, and Jo Roe",
                                    "From Anna Berg, Tom Kurz and Jo Roe"])
def test_from_and_a_list_of_names_keeps_every_name(byline):
    # near-miss: "From X, Place[, Country]" has no "and"; with one, the commas are a list
    assert byline_authors(byline) == ["Anna Berg", "Tom Kurz", "Jo Roe"]


@pytest.mark.parametrize("sep", ["·", "•", "—"])
def test_posted_on_date_then_a_dot_or_a_dash_then_by_name(sep):
    m = meta(page(f'<p class="post-meta">Posted on December 7, 2025 {sep} By Laura Palmer</p>'))
    assert m.authors == ["Laura Palmer"]


US_URL = "https://www.civicnews.com/news/regional-hospital-approves-school-reform-12"


def test_a_hover_titles_numeric_day_is_read_in_the_sites_order():
    # a US site writes the month first: "12/4/2026" is December 4, not April 12
    m = meta(page(ago_line("12/4/2026 9:48 AM")), url=US_URL)
    assert m.published_date == date(2026, 12, 4)


def test_a_hover_title_of_a_paragraphs_length_is_no_date_line():
    # near-miss: a title that long is a description mentioning a day; the machine value
    # stands
    title = ("Friday 4 December 2026 at 9:48am AEDT, as first shown on the front page of the "
             "evening edition, in the morning newsletter and on the station's own app")
    assert len(title) >= 150
    assert meta(page(ago_line(title))).published_date == date(2026, 12, 3)
