"""Seed 79: metadata round 8's rules at their edges (family J), through whole pages where
the page shows it: an ISO stamp in a data attribute beside other attributes, in UTC's
"Z", at the window's ends (2000, and a day after the fetch, compared as instants: a
stamp written in a zone ahead of UTC); the microdata headline in a `<meta content>`, after
an empty one, one naming the outlet or one too long to be a headline."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from lxml.html import fromstring

from tasks.extract.headline_area import parse_visible_date, stamp_attribute
from tests.unit.extract.test_unseen_meta56 import (
    HEADLINE,
    NOW,
    TEASER,
    headless_page,
    meta,
    story_page,
)


def stamped(attrs: str) -> date | None:
    page = story_page('<p class="authors">Author(s): David Hughes</p> '
                      f'<div class="article-meta" {attrs}></div>', aside=TEASER)
    return meta(page).published_date


@pytest.mark.parametrize(("attrs", "day"), [
    # another attribute first, data-* or not
    ('data-id="17" data-publish-date="2025-09-24 14:08:00"', date(2025, 9, 24)),
    ('title="Share" data-published="2025-09-24T14:08:00+02:00"', date(2025, 9, 24)),
    # a date attribute holding a reading time, then the stamp
    ('data-time="4 min" data-published="2025-09-24 14:08:00"', date(2025, 9, 24)),
    # UTC written "Z"
    ('data-published="2025-09-24T23:30:00Z"', date(2025, 9, 24)),
])
def test_the_stamp_attribute_dates_the_page(attrs: str, day: date) -> None:
    assert stamped(attrs) == day


@pytest.mark.parametrize(("value", "read"), [
    ("2000-01-01T00:00:00Z", datetime(2000, 1, 1)),  # the window's first instant
    ("2026-12-03 14:05:00", datetime(2026, 12, 3, 14, 5)),  # the day before the fetch
    # a day after the fetch (NOW, 06:00 UTC) exactly, written in UTC or an hour ahead
    ("2026-12-05T06:00:00Z", datetime(2026, 12, 5, 6, 0)),
    ("2026-12-05T07:00:00+01:00", datetime(2026, 12, 5, 7, 0)),
])
def test_stamps_inside_the_window_are_read(value: str, read: datetime) -> None:
    assert stamp_attribute(fromstring(f'<div data-published="{value}"></div>'), NOW) == read


@pytest.mark.parametrize("value", [
    "1999-12-31T23:59:59Z",
    "2026-12-05T06:01:00Z",       # a minute past a day after the fetch
    "2026-12-05T06:30:00+00:00",
])
def test_stamps_outside_the_window_are_not(value: str) -> None:
    assert stamp_attribute(fromstring(f'<div data-published="{value}"></div>'), NOW) is None


def test_the_window_is_a_day_after_the_fetch_whatever_the_fetch() -> None:
    fetched = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    elem = fromstring('<div data-published="2026-03-02 11:00:00"></div>')
    assert stamp_attribute(elem, fetched) == datetime(2026, 3, 2, 11, 0)


def microdata_page(inner: str) -> str:
    return headless_page("", title="Daily Courier", inner=inner,
                         attrs=' itemscope itemtype="http://schema.org/NewsArticle"')


def test_a_microdata_meta_headline_names_the_page() -> None:
    page = microdata_page(f'<meta itemprop="headline" content="{HEADLINE}">')
    assert meta(page).title == HEADLINE


@pytest.mark.parametrize("first", [
    '<meta itemprop="headline">',                                  # no content
    '<span itemprop="headline">Daily Courier</span>',              # the outlet
    f'<span itemprop="headline">{"Flood defences and more " * 13}</span>',  # 312 characters
])
def test_a_microdata_headline_that_is_none_gives_way_to_the_next(first: str) -> None:
    page = microdata_page(f'{first}<div class="story-head"><span itemprop="headline">'
                          f'{HEADLINE}</span></div>')
    assert meta(page).title == HEADLINE


def test_a_microdata_headline_of_three_hundred_characters_is_read() -> None:
    long = ("Regional hospital approves the flood defences " * 7)[:299] + "s"
    assert len(long) == 300
    page = microdata_page(f'<span itemprop="headline">{long}</span>')
    assert meta(page).title == long


def test_a_stamp_naming_no_real_day_gives_way_to_the_next_attribute() -> None:
    elem = fromstring('<div data-time="2025-13-45 14:08:00" '
                      'data-published="2025-09-24 14:08:00"></div>')
    assert stamp_attribute(elem, NOW) == datetime(2025, 9, 24, 14, 8)


@pytest.mark.parametrize(("text", "day"), [
    # only 5 March 2026 is a Thursday (3 May is a Sunday): the ten letters of "Donnerstag"
    ("Donnerstag, 05/03/2026", date(2026, 3, 5)),
    ("Thursday 05/03/2026", date(2026, 3, 5)),
])
def test_a_weekday_of_ten_letters_chooses_the_slashed_reading(text: str, day: date) -> None:
    assert parse_visible_date(text) == day


def test_a_clock_with_seconds_after_a_slashed_date_is_not_drupals_stamp() -> None:
    # both readings are Thursdays; Drupal writes "H:i", so this stays undecided
    assert parse_visible_date("Thu, 12/03/2026 - 14:05") == date(2026, 12, 3)
    assert parse_visible_date("Thu, 12/03/2026 - 14:05:30") is None


def test_a_name_headline_microdata_item_names_the_page() -> None:
    page = microdata_page(f'<span itemprop="name headline">{HEADLINE}</span>')
    assert meta(page).title == HEADLINE


@pytest.mark.parametrize("elem", [
    '<script type="application/json" data-published="2025-09-24 14:08:00"></script>',
    '<a href="/news/other-3" data-published="2025-09-24 14:08:00"></a>',
    '<button class="share" data-timestamp="1758722880"></button>',
])
def test_a_stamp_on_a_script_link_or_button_does_not_date_the_page(elem: str) -> None:
    page = story_page(f'<p class="authors">Author(s): David Hughes</p> {elem}', aside=TEASER)
    assert meta(page).published_date is None
