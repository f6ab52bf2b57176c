"""Seed 85 (session 61): hand mutants of session 60's bylines (metadata rounds 20-23) that
no test killed, each case failing on its mutant and passing on the code; near misses pin
what must keep its reading."""

from __future__ import annotations

import pytest

from tasks.extract.bylines import normalize_byline
from tests.unit.extract.test_unseen_meta69 import signed_authors
from tests.unit.extract.test_unseen_meta70 import opened_by


@pytest.mark.parametrize("raw", [
    # WI2: the wire the reporter wrote with, in two or three capitalised words, is no
    # co-author (the page's cleaning dropped it too, so only normalize_byline tells)
    "By Jane Doe with Associated Press",
    "By Jane Doe with Agence France Presse",
    "Jane Doe with Kyodo News",
])
def test_with_before_a_wire_of_capitalised_words_adds_no_name(raw):
    assert normalize_byline(raw) == "Jane Doe"


def test_with_between_two_people_still_joins_them():
    # (near miss)
    assert normalize_byline("By Jane Doe with John Roe") == "Jane Doe; John Roe"


# --- a Chinese-language dispatch's reporters, a sign-off in capitals ----------------------

def test_a_dispatch_whose_names_do_not_all_split_names_no_one():
    # GD8: "李台北" less the place is one ideograph, no name: the run is not read, rather
    # than read in part (its first reporter alone)
    assert opened_by("（中央社記者張家豪、李台北3日電）") == []


def test_a_dispatch_of_two_reporters_names_both():
    # (near miss)
    assert opened_by("（中央社記者張家豪、林志明台北3日電）") == ["張家豪", "林志明"]


def test_a_sign_off_with_one_long_word_in_capitals_is_no_reporter():
    # CS2: initials and one word ("A. P. MOLLER", a company) are not the two words of
    # two letters a name in capitals is read by
    assert signed_authors("<p>A. P. MOLLER / Reuters</p>") == []


def test_a_sign_off_of_two_words_in_capitals_is_the_reporter():
    # (near miss)
    assert signed_authors("<p>JANE DOE / Reuters</p>") == ["Jane Doe"]
