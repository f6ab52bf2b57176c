"""Seed 84 (session 59): the hand mutants of metadata round 18's date readings that the
round's own tests left alive. Round 18's tests read November (and a few others) in each
script; these read every month of the lists no test named, the digit set no test wrote
(Persian), the Baltic forms as written with a capital, and pin what must stay no date
(a Thai day and month before a clock, a fifth digit after the year, digits of other sets).
`parse_visible_date` is the reader of a date line under the headline."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.extract.headline_area import parse_visible_date

EGYPTIAN = "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر"
MAGHREB = "جانفي فيفري مارس أفريل ماي جوان جويلية أوت سبتمبر أكتوبر نوفمبر ديسمبر"


@pytest.mark.parametrize("names", [EGYPTIAN, MAGHREB], ids=["egyptian", "maghreb"])
def test_every_arabic_month_of_both_lists_is_read(names):
    # (the two lists share March and September to December: each list must be whole)
    for month, name in enumerate(names.split(), start=1):
        assert parse_visible_date(f"3 {name} 2026") == date(2026, month, 3), name


def test_the_hamza_below_april_is_april():
    assert parse_visible_date("3 إبريل 2026") == date(2026, 4, 3)


def test_persian_digits_are_digits():
    assert parse_visible_date("۳ مايو ۲۰۲۶") == date(2026, 5, 3)


def test_fullwidth_digits_are_not_read_as_these_sets():
    # the near miss: only the four sets the pages write a day in
    assert parse_visible_date("３ مايو ２０２６") is None


@pytest.mark.parametrize(("line", "month"), [
    ("3 декември 2026", 12),  # Bulgarian December
    ("3. децембра 2026.", 12),  # Serbian Cyrillic, genitive
    ("3. маја 2026.", 5),
    ("3. јула 2026.", 7),
])
def test_cyrillic_months_no_round_18_test_named(line, month):
    assert parse_visible_date(line) == date(2026, month, 3)


def test_the_arabic_comma_after_the_month_is_read():
    assert parse_visible_date("3 ديسمبر، 2026") == date(2026, 12, 3)


def test_a_precomposed_nukta_is_the_same_month():
    # "फ़" written as one code point (U+095E): NFC decomposes it as the month list is
    assert parse_visible_date("3 \u095eरवरी 2026") == date(2026, 2, 3)


def test_a_fifth_digit_after_the_year_is_no_year():
    assert parse_visible_date("3 ديسمبر 20261") is None


def test_a_thai_day_and_month_before_a_clock_has_no_year():
    # "10" of "10:11" is the hour, not the year 2510 (1967)
    assert parse_visible_date("7 พ.ย. 10:11 น.") is None
    assert parse_visible_date("7 พ.ย. 69") == date(2026, 11, 7)  # the near miss


@pytest.mark.parametrize(("line", "day"), [
    ("2026 m. Gruodžio 3 d.", date(2026, 12, 3)),  # Lithuanian, capitalised
    ("2026 m. gruodžio 3 d.", date(2026, 12, 3)),
    ("2026 m. birželio 3 d.", date(2026, 6, 3)),
    ("2026. gada 3. decembrī", date(2026, 12, 3)),  # Latvian
    ("2026. gada 3. Jūlijā", date(2026, 7, 3)),
])
def test_baltic_months_no_round_18_test_named(line, day):
    assert parse_visible_date(line) == day


def test_an_unknown_lithuanian_word_is_no_month():
    assert parse_visible_date("2026 m. xxxxio 3 d.") is None
