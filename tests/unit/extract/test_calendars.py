"""Dates written in the calendars of the page's country (fault round 31): Thailand's
Buddhist era, Iran's and Afghanistan's Solar Hijri, Japan's era names, and the digits of
other scripts in a machine date field."""

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


@pytest.mark.parametrize(("head", "shown", "url", "lang"), [
    ('<meta property="article:published_time" content="2567-05-03T10:00:00+07:00">', "",
     "https://news.example.co.th/a/1", "th"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", '
     '"datePublished": "2567-05-03T10:00:00+07:00"}</script>', "", "https://news.example/a", "th"),
    ('<meta property="article:published_time" content="2567-05-03T10:00:00+07:00">', "",
     "https://news.example/a", "th-TH"),
])
def test_a_thai_pages_buddhist_era_year_is_its_gregorian_year(head, shown, url, lang) -> None:
    """Thai CMSs write the Buddhist era's year (2567 = 2024) in their date fields. Before:
    a claim 543 years in the future, refused ('future'): the page undated."""
    assert _date(_page(head, shown, lang), url) == (
        datetime(2024, 5, 3, 3, 0, tzinfo=UTC), date(2024, 5, 3))


def test_a_thai_pages_date_shown_with_a_buddhist_era_year_is_read() -> None:
    """A date shown beside the headline, "03/05/2567": day first (as Thai writes it), the
    year 2024."""
    tree = _page(shown="<p class='date'>03/05/2567</p>", lang="th")
    assert _date(tree, "https://news.example/a")[1] == date(2024, 5, 3)


def test_a_feed_date_in_the_buddhist_era_dates_a_thai_page() -> None:
    """A Thai feed's pubDate "Fri, 03 May 2567 10:00:00 +0700" (feedparser reads year 2567)
    on a Thai page that dates itself nowhere: the feed's date, in 2024."""
    hint = datetime(2567, 5, 3, 3, 0, tzinfo=UTC)
    assert _date(_page(lang="th"), "https://news.example/a", hint) == (
        datetime(2024, 5, 3, 3, 0, tzinfo=UTC), date(2024, 5, 3))


def test_a_buddhist_era_year_on_a_page_of_no_such_calendar_stays_refused() -> None:
    """No calendar without the page saying so (its domain or language): the claim stays
    a future one, refused, as before."""
    head = '<meta property="article:published_time" content="2567-05-03T10:00:00+07:00">'
    assert _date(_page(head, lang="en"), "https://news.example/a") == (None, None)


@pytest.mark.parametrize(("head", "shown", "url", "lang"), [
    ('<meta property="article:published_time" content="1403-02-14T10:00:00+03:30">', "",
     "https://news.example.ir/a/1", "fa"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", '
     '"datePublished": "1403-02-14T10:00:00+03:30"}</script>', "", "https://news.example/a",
     "fa-IR"),
    ("", "<time itemprop='datePublished' datetime='1403-02-14T10:00:00+03:30'>۱۴۰۳/۰۲/۱۴</time>",
     "https://news.example.af/a", "ps"),
])
def test_a_persian_pages_solar_hijri_date_is_its_gregorian_date(head, shown, url, lang) -> None:
    """Iranian and Afghan CMSs write the Solar Hijri calendar's date (1403-02-14 is 3 May
    2024) in their date fields. Before: a claim before 1995, refused ('implausible')."""
    assert _date(_page(head, shown, lang), url) == (
        datetime(2024, 5, 3, 6, 30, tzinfo=UTC), date(2024, 5, 3))


def test_a_persian_pages_date_shown_in_persian_digits_is_read() -> None:
    """"۱۴۰۳/۰۲/۱۴" beside the headline of a Persian page: 3 May 2024."""
    tree = _page(shown="<p class='date'>۱۴۰۳/۰۲/۱۴</p>", lang="fa")
    assert _date(tree, "https://news.example/a")[1] == date(2024, 5, 3)


@pytest.mark.parametrize(("solar", "gregorian"), [
    ((1403, 1, 1), date(2024, 3, 20)), ((1402, 1, 1), date(2023, 3, 21)),
    ((1403, 2, 14), date(2024, 5, 3)), ((1399, 12, 30), date(2021, 3, 20)),
    ((1403, 12, 30), date(2025, 3, 20)), ((1374, 10, 11), date(1996, 1, 1)),
    ((1378, 10, 11), date(2000, 1, 1)), ((1403, 7, 1), date(2024, 9, 22)),
    ((1404, 6, 31), date(2025, 9, 22)),
])
def test_solar_hijri_days_convert(solar, gregorian) -> None:
    from tasks.extract.dates import gregorian_of_solar_hijri  # (new in round 31)

    assert gregorian_of_solar_hijri(*solar) == gregorian


@pytest.mark.parametrize("solar", [(1403, 7, 31), (1402, 12, 30), (1403, 13, 1), (1403, 0, 1)])
def test_solar_hijri_days_no_year_has_are_refused(solar) -> None:
    from tasks.extract.dates import gregorian_of_solar_hijri

    with pytest.raises(ValueError):
        gregorian_of_solar_hijri(*solar)


@pytest.mark.parametrize(("url", "locales", "calendar"), [
    ("https://a.example.co.th/x", (), "buddhist"), ("https://a.example/x", ("th",), "buddhist"),
    ("https://a.example/x", ("en_US", "th"), "buddhist"),
    ("https://a.example.ir/x", (), "solar_hijri"), ("https://a.example.af/x", (), "solar_hijri"),
    ("https://a.example/x", ("fa_IR",), "solar_hijri"), ("https://a.example/x", ("en",), None),
    ("https://a.example.de/x", ("th",), None), (None, (), None),
])
def test_page_calendar(url, locales, calendar) -> None:
    from tasks.extract.dates import page_calendar  # (new in round 31)

    assert page_calendar(url, locales) == calendar


def test_every_solar_hijri_year_of_the_table_follows_the_one_before() -> None:
    """Seed 62: the days of years 1 to 3177 (the docstring's range), not only the news
    era's: each year begins the day after the last day of the year before (the 30th of
    Esfand in a leap year, the 29th otherwise), leap years come four or five years apart,
    and the era's dates are those jalaali-js gives (1 Farvardin 1 is 22 March 622, 23
    Farvardin 1395 is 11 April 2016) with Iran's leap years of 1373-1480."""
    from datetime import timedelta

    from tasks.extract.dates import gregorian_of_solar_hijri

    def leap(year: int) -> bool:
        try:
            gregorian_of_solar_hijri(year, 12, 30)
        except ValueError:
            return False
        return True

    leaps = [year for year in range(1, 3177) if leap(year)]
    for year in range(1, 3176):
        last = gregorian_of_solar_hijri(year, 12, 30 if leap(year) else 29)
        assert gregorian_of_solar_hijri(year + 1, 1, 1) == last + timedelta(days=1), year
    assert {b - a for a, b in zip(leaps, leaps[1:], strict=False)} == {4, 5}
    assert gregorian_of_solar_hijri(1, 1, 1) == date(622, 3, 22)
    assert gregorian_of_solar_hijri(1395, 1, 23) == date(2016, 4, 11)
    assert [y for y in leaps if 1373 <= y <= 1480] == [
        1375, 1379, 1383, 1387, 1391, 1395, 1399, 1403, 1408, 1412, 1416, 1420, 1424, 1428,
        1432, 1436, 1441, 1445, 1449, 1453, 1457, 1461, 1465, 1469, 1474, 1478]
    assert {gregorian_of_solar_hijri(y, 1, 1).strftime("%m-%d")
            for y in range(1373, 1481)} == {"03-20", "03-21"}


@pytest.mark.parametrize(("solar", "gregorian"), [
    ((1402, 7, 30), date(2023, 10, 22)), ((1402, 11, 30), date(2024, 2, 19)),
    ((1402, 6, 31), date(2023, 9, 22)), ((3177, 1, 1), None),
])
def test_the_last_day_of_each_solar_hijri_month_is_a_day(solar, gregorian) -> None:
    # seed 62: months 7 to 11 have 30 days in every year, the first six 31; the table's
    # last year is read
    from tasks.extract.dates import gregorian_of_solar_hijri

    day = gregorian_of_solar_hijri(*solar)
    assert day == gregorian or (gregorian is None and day.year == 3798)


@pytest.mark.parametrize("solar", [(1403, 1, 32), (1403, 12, 31), (3178, 1, 1), (0, 12, 1)])
def test_days_past_a_month_or_the_table_are_refused(solar) -> None:
    from tasks.extract.dates import gregorian_of_solar_hijri

    with pytest.raises(ValueError):
        gregorian_of_solar_hijri(*solar)


def test_a_thai_pages_dates_keep_their_day_and_a_gregorian_year_stays() -> None:
    # seed 62: a Buddhist-era date an hour past midnight in Bangkok is the page's day
    # (the day before in UTC); a year already Gregorian on a Thai page is not moved
    tree = _page(head='<meta property="article:published_time" '
                      'content="2567-05-03T01:00:00+07:00">', lang="th")
    assert _date(tree, "https://news.example.th/a") == (
        datetime(2024, 5, 2, 18, tzinfo=UTC), date(2024, 5, 3))
    tree = _page(head='<meta property="article:published_time" '
                      'content="2024-05-03T10:00:00+07:00">', lang="th")
    assert _date(tree, "https://news.example.th/b")[1] == date(2024, 5, 3)


@pytest.mark.parametrize(("url", "locales", "calendar"), [
    # a two-letter domain of no country zone (.io) says nothing: the language decides
    ("https://a.example.io/x", ("th",), "buddhist"),
    # the first declared language decides, even one of the Gregorian calendar
    ("https://a.example/x", ("de", "th"), None), ("https://a.example/x", ("en", "fa"),
                                                   "solar_hijri"),
])
def test_a_pages_calendar_is_told_by_its_country_else_its_first_language(
        url, locales, calendar) -> None:
    # seed 62
    from tasks.extract.dates import page_calendar

    assert page_calendar(url, locales) == calendar


def test_a_claim_already_in_the_gregorian_calendar_is_left_as_it_is() -> None:
    # seed 62: through page_metadata another reading of the page hid it (the claim moved
    # to 1481 was dropped as implausible and the page dated all the same)
    from tasks.extract.dates import DateCandidate, in_page_calendar

    claims = [DateCandidate("meta", datetime(2024, 5, 3, 10, tzinfo=UTC)),
              DateCandidate("jsonld", datetime(2567, 5, 3, 10, tzinfo=UTC))]
    assert [c.day for c in in_page_calendar(claims, "buddhist")] == [
        date(2024, 5, 3), date(2024, 5, 3)]
    assert [c.day for c in in_page_calendar(claims, "solar_hijri")] == [
        date(2024, 5, 3), date(2567, 5, 3)]
