"""Session 60, family W's dates (`bench/bench_meta_generated.py --unseen W`), which round 21
measured (0.978) and left to the date side: the Filipino press writes its month's whole
name first, "Disyembre 3, 2026" (read only for the months Spanish shares, 6 of 27), and
the Swahili "3 Machi 2026" was no date. The Spanish whole name in the same US template
("diciembre 3, 2026"), read before by another reader, is pinned beside them. Near misses:
a word before a day, a comma and a year that is no month ("Liste 3, 2024", which a
month's stem would read as a Polish November) stays no date. Family Y's dates (round 23
left them) follow: Folha's "13.nov.2024 às 21h10", the Italian "3 mag 2024", the month
in Roman numerals ("29-VIII-2026"). Each page goes through `page_metadata` whole."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.extract.article_pages import article_page, english_story, metadata_of


def published_day(date_line: str, lang: str) -> date | None:
    """The day read from a page with no meta tag and no JSON-LD whose only date is the
    visible `date_line` under the headline."""
    html = article_page(f'<p class="date">{date_line}</p>', headline="Port dredging plan stalls",
                        site="Balita Ngayon", lang=lang, body=english_story("the costs"),
                        footer="© Balita Ngayon")
    return metadata_of(html, "https://www.example.ph/news/00017.html").published_date


@pytest.mark.parametrize("line, lang, day", [
    ("Disyembre 3, 2026 2:05 PM", "tl", date(2026, 12, 3)),
    ("Hunyo 14, 2025 9:41 AM", "tl", date(2025, 6, 14)),
    ("Pebrero 28, 2026", "tl", date(2026, 2, 28)),
    ("Setyembre 1, 2025", "tl", date(2025, 9, 1)),
    ("diciembre 3, 2026", "es", date(2026, 12, 3)),
    ("3 Machi 2026, saa 14:05", "sw", date(2026, 3, 3)),
    ("12 Julai 2025, saa 08:30", "sw", date(2025, 7, 12)),
])
def test_the_filipino_and_swahili_date_lines_are_their_days(line, lang, day):
    assert published_day(line, lang) == day


@pytest.mark.parametrize("line", [
    "Liste 3, 2024",  # a word, a day, a comma and a year: no month
    "Marami 3, 2024",  # Filipino "many": no month either
])
def test_a_word_before_a_day_comma_and_year_that_is_no_month_gives_no_day(line):
    assert published_day(line, "tl") is None


# --- family Y's dates (round 23 left them): Folha's dotted abbreviations, Italian "mag",
# the month in Roman numerals ---------------------------------------------------------

@pytest.mark.parametrize("line, lang, day", [
    ("13.nov.2024 às 21h10", "pt", date(2024, 11, 13)),  # Folha de S.Paulo's line
    ("2.set.2025 às 11h48", "pt", date(2025, 9, 2)),
    ("3 mag 2024 alle 22:06", "it", date(2024, 5, 3)),  # "mag", maggio (May)
    ("29-VIII-2026", "es", date(2026, 8, 29)),
    ("3.XII.2025", "pl", date(2025, 12, 3)),
    ("1/II/2025", "es", date(2025, 2, 1)),
])
def test_dotted_abbreviations_and_roman_months_are_their_days(line, lang, day):
    assert published_day(line, lang) == day


@pytest.mark.parametrize("line", [
    "Chapter 3 IV 2025",  # a Roman numeral between numbers, with spaces: no date
    "Vol. 12 X 2024",
    "3-XIII-2025",  # no thirteenth month
    "31-II-2025",  # no 31 February
    "3-XII.2025",  # two marks: no date line writes it so
    "Nr. 3.abc.2024",  # an abbreviation of no month between dots
])
def test_roman_numerals_and_dotted_words_that_are_no_months_give_no_day(line):
    assert published_day(line, "es") is None
