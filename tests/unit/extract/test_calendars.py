"""Dates written in the calendars of the page's country (fault round 31): Japan's era
names, and the digits of other scripts in a machine date field."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from lxml.html import fromstring

from tasks.extract.dates import parse_date_and_day
from tasks.extract.headline_area import parse_visible_date
from tasks.extract.metadata import page_metadata

NOW = datetime(2024, 5, 10, 12, 0, tzinfo=UTC)
BODY = "<p>" + "The council met on Friday and voted on the harbour budget. " * 10 + "</p>"


def _page(head: str = "", shown: str = "", lang: str = "en"):
    return fromstring(
        f"<html lang='{lang}'><head><title>Harbour budget passes</title>{head}</head>"
        f"<body><article><h1>Harbour budget passes</h1>{shown}{BODY}</article></body></html>")


def _date(tree, url: str, hint: datetime | None = None) -> tuple[datetime | None, date | None]:
    md = page_metadata(tree, url, now=NOW, hint_published_at=hint,
                       hint_published_source="feed" if hint else None)
    return md.published_at, md.published_date


@pytest.mark.parametrize(("shown", "day"), [
    ("令和6年5月3日", date(2024, 5, 3)), ("令和６年５月３日 10時00分", date(2024, 5, 3)),
    ("令和元年5月1日", date(2019, 5, 1)), ("平成31年4月30日", date(2019, 4, 30)),
    ("平成 8 年 1 月 2 日", date(1996, 1, 2)), ("R6年5月3日", None),
])
def test_a_date_in_a_japanese_era_is_read(shown, day) -> None:
    """Japanese pages write years by era: 令和6年 is 2024, 令和元年 its first (2019).
    Before: no date (the CJK form wants a four-digit year)."""
    assert parse_visible_date(shown) == day


def test_a_japanese_pages_era_date_dates_it() -> None:
    tree = _page(head='<meta name="date" content="令和6年5月3日">', lang="ja")
    assert _date(tree, "https://news.example.jp/a")[1] == date(2024, 5, 3)
    tree = _page(shown="<p class='date'>令和6年5月3日 10時00分</p>", lang="ja")
    assert _date(tree, "https://news.example.jp/b")[1] == date(2024, 5, 3)


@pytest.mark.parametrize("written", [
    "٢٠٢٤-٠٥-٠٣T10:00:00+03:00", "۲۰۲۴-۰۵-۰۳T۱۰:۰۰:۰۰+۰۳:۰۰", "２０２４-０５-０３T10:00:00+03:00",
    "२०२४-०५-०३T10:00:00+03:00",
])
def test_a_machine_date_in_another_scripts_digits_keeps_its_time(written) -> None:
    """An ISO date written in Arabic-Indic, Persian, fullwidth or Devanagari digits.
    Before: fromisoformat refused it and the year-month-day prefix alone was read: the
    day at 00:00 UTC, the time and the zone lost (07:00 UTC here)."""
    assert parse_date_and_day(written) == (datetime(2024, 5, 3, 7, 0, tzinfo=UTC),
                                           date(2024, 5, 3))
