"""Session 61, family AB's dates (`bench/bench_meta_generated.py --unseen AB`), which round 26
measured held out (0.301): "yesterday" with a clock in Russian ("вчера в 14:05"), Turkish
("Dün 14:05") and Japanese ("昨日 14:05"), which only Western European languages' words
were read for; a year's last two digits after an apostrophe ("3rd Dec '26, 2:05pm"); and
a calendar tile whose day, month and year are separate elements with nothing between
them ("03Dec2026" as one text). Each was no date. Near misses: words that open like the
new ones ("Dünya", "вчерашний", "昨日の", "Bugünkü"), apostrophes that are no year after a
month ("Class of '24", "the '90s", "item 3 '24"), and tiles whose parts make no full day
stay no date; the words read before read the same. Pages go through `page_metadata`
whole, fetched at NOW (06:00 UTC on 4 December 2026)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tasks.extract.headline_area import parse_visible_date, relative_age
from tests.unit.extract.article_pages import article_page, english_story, metadata_of

STORIES = {
    "ru": ("<p>Цифры пересмотрят в следующем месяце, а жители побережья просят провести "
           "публичные слушания до подписания любого контракта.</p>") * 3,
    "tr": ("<p>Rakamlar önümüzdeki ay yeniden gözden geçirilecek; kıyıda yaşayanlar "
           "herhangi bir sözleşme imzalanmadan önce halka açık bir toplantı istiyor.</p>") * 3,
    "ja": "<p>当局は来月に数字を見直す方針で、沿岸の住民は契約前の説明会を求めている。</p>" * 3,
    "en": english_story("the dredging costs"),
}


def published_day(meta_line: str, lang: str) -> date | None:
    """The day read from a page with no meta tag and no JSON-LD whose only date is
    `meta_line` under the headline."""
    html = article_page(meta_line, headline="Harbor dredging postponed", site="Ledger",
                        lang=lang, body=STORIES[lang], footer="© Ledger")
    return metadata_of(html, "https://www.ledger.example/news/00017.html").published_date


@pytest.mark.parametrize("line, lang", [
    ("вчера в 14:05", "ru"),
    ("Вчера в 02:32", "ru"),
    ("Dün 14:59", "tr"),
    ("Dün, 09:05", "tr"),
    ("昨日 3:45", "ja"),
    ("昨日14:05", "ja"),  # (Japanese writes no space)
])
def test_yesterday_with_a_clock_in_russian_turkish_and_japanese(line, lang):
    # the fetch is 4 December 06:00 UTC: yesterday is the 3rd in Moscow, Istanbul, Tokyo
    assert published_day(f'<p class="date">{line}</p>', lang) == date(2026, 12, 3)


@pytest.mark.parametrize("line", ["сегодня в 10:00", "Bugün 10:00", "今日 9:00"])
def test_today_in_russian_turkish_and_japanese(line):
    assert relative_age(line) == timedelta(0)


@pytest.mark.parametrize("line", ["Dünya 14:05", "вчерашний 14:05", "昨日の会議",
                                  "Bugünkü 10:00", "今日は"])
def test_words_that_open_like_yesterday_or_today_are_no_age(line):
    assert relative_age(line) is None


@pytest.mark.parametrize("line", ["Gestern, 14:05 Uhr", "Yesterday, 3:05 p.m.", "Ontem às 10h11"])
def test_yesterday_read_before_reads_the_same(line):
    assert relative_age(line) == timedelta(days=1)


@pytest.mark.parametrize("line, day", [
    ("5th Dec '24, 5:31am", date(2024, 12, 5)),
    ("1st Jan ’25, 9:00am", date(2025, 1, 1)),  # typographic ’
    ("Dec. 3, '26", date(2026, 12, 3)),
    ("Thursday, Dec 3 '26", date(2026, 12, 3)),
])
def test_an_apostrophe_year_after_a_month_or_its_day(line, day):
    assert published_day(f'<p class="date">{line}</p>', "en") == day


@pytest.mark.parametrize("text", ["Class of '24", "the '90s", "item 3 '24", "3 '24",
                                  "3 Dec '26s"])
def test_an_apostrophe_that_is_no_year_of_a_date(text):
    assert parse_visible_date(text) is None


def test_a_full_year_reads_the_same():
    assert parse_visible_date("5th Dec 2024, 5:31am") == date(2024, 12, 5)


TILE = ('<div class="date-tile"><span class="day">{d}</span><span class="month">{m}</span>'
        '<span class="year">{y}</span></div>')


@pytest.mark.parametrize("d, m, y, day", [
    ("03", "Dec", "2026", date(2026, 12, 3)),
    ("30", "Jun", "2024", date(2024, 6, 30)),
    ("9", "September", "2025", date(2025, 9, 9)),
])
def test_a_calendar_tile_of_separate_day_month_and_year(d, m, y, day):
    assert published_day(TILE.format(d=d, m=m, y=y), "en") == day


def test_a_tile_that_makes_no_full_day_is_no_date():
    # a counter's parts glued the same way ("1203" and "views") make no day
    tile = ('<div class="post-date"><span class="count">1203</span>'
            '<span class="label">views</span></div>')
    assert published_day(tile, "en") is None
