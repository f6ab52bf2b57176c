"""Seed 81: metadata rounds 12-13 (session 56) where no test held the line a mutant
changed: a beat of two letters ("EU affairs correspondent"), a name with a particle before
"reports", each reporter's role word, a newsroom's desk, and the agency credited in its
own element, before a dot and the date, or before anything else. Each page goes through
`page_metadata` whole (the pages of tests/unit/extract/test_unseen_meta60.py)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.extract.test_unseen_meta60 import DATED, meta, page


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
])
def test_an_agency_in_its_own_element_before_no_date_is_no_byline(line):
    assert meta(page(line + DATED)).authors == []
