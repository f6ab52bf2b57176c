"""Seed 85 (session 61): hand mutants of session 60's dates (metadata rounds 20-23) that
no test killed: the marks `_written_in_persian` reads one at a time (Persian's digits
alone, its yeh alone, the lunar Hijri mark), the simplified 民国, a Republic year inside a
longer number, a Solar Hijri day of a 13xx year, a dotted word that is no abbreviation.
Each case fails on its mutant and passes on the code; the near misses pin what must keep
its reading."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.common.text import gregorian_era_years
from tasks.extract.headline_area import parse_visible_date

# 31 Tir 1404: no Gregorian 31 April, so only the Solar Hijri reading gives a day
TIR_31 = date(2025, 7, 22)


@pytest.mark.parametrize("line", [
    # Persian's own digits, on a line of no Persian-only letter (Arabic's dotted yeh): PE3
    "تاريخ النشر: ۱۴۰۴/۰۴/۳۱",
    "۱۴۰۴/۰۴/۳۱",
    # Persian's yeh the only Persian letter, the digits Latin ("تاریخ انتشار"): PE2
    "تاریخ انتشار: 1404/04/31",
])
def test_one_persian_mark_alone_says_the_line_s_calendar(line):
    assert parse_visible_date(line) == TIR_31


@pytest.mark.parametrize("line", [
    "تاریخ: ۱۴۴۸/۰۶/۲۲ هـ",  # PE4, PE6: the lunar year's "هـ" on a Persian line
    "۱۴۴۸/۰۶/۲۲ هـ",
    "تاریخ: ۱۴۴۸/۰۶/۲۲ ه.ق",
])
def test_a_lunar_hijri_mark_keeps_a_persian_line_out_of_the_solar_calendar(line):
    # read as figures (year 1448, which the page's plausibility drops later), not moved
    # to a Gregorian day of 2069 as a Solar Hijri one
    assert parse_visible_date(line) == date(1448, 6, 22)


def test_a_line_with_no_persian_mark_is_read_as_the_figures_say():
    # (near miss: Arabic's own digits and letters only)
    assert parse_visible_date("تاريخ النشر: ١٤٠٤/٠٤/٣٠") == date(1404, 4, 30)


# --- Taiwan's (and the mainland's) Republic-era years ---------------------------------------

@pytest.mark.parametrize("line, day", [
    ("民国115年12月3日", date(2026, 12, 3)),  # ER1: the simplified 民国, as 民國
    ("中華民國115年12月3日", date(2026, 12, 3)),
])
def test_the_republic_s_year_in_either_script_is_its_gregorian_year(line, day):
    assert parse_visible_date(line) == day


def test_the_simplified_era_name_is_moved_as_the_traditional_one():
    assert gregorian_era_years("民国115年") == gregorian_era_years("民國115年") == "2026年"


@pytest.mark.parametrize("line", [
    "編號：3.115/12/03",  # MG5: a number's tail after a dot is no Republic year
    "編號：A-115/12/03",  # nor after a dash
])
def test_three_figures_inside_a_longer_number_are_no_republic_year(line):
    assert parse_visible_date(line) is None


# --- the Solar Hijri month named, the dotted abbreviation -----------------------------------

def test_a_solar_hijri_day_of_a_13xx_year_is_its_gregorian_day():
    # SH1: 12 Azar 1399 (the 1390s are the news era's years too: 2011 to 2021)
    assert parse_visible_date("۱۲ آذر ۱۳۹۹") == date(2020, 12, 2)


@pytest.mark.parametrize("line", [
    "Nr. 3.list.2024",  # DA2: "list" opens Czech November's stem, and is no abbreviation
    "Nr. 3.stud.2024",
])
def test_a_dotted_word_that_only_opens_a_month_s_stem_is_no_month(line):
    assert parse_visible_date(line) is None


def test_a_dotted_abbreviation_is_its_month():
    # (near miss: the form the rule reads)
    assert parse_visible_date("3.nov.2024") == date(2024, 11, 3)
