"""Seed 82: metadata round 14 (session 57) where no test pinned a part of a rule: the
helper's credit after the writer by each separator, verb and length, the credit element's
contribution note, "From" with a list of names, the picture's credit and the byline labels
of the Nordic, Central European, Turkish and Greek press by each of their words, an
agency's initials after the name. Each page goes through `page_metadata` whole, as the
session's own tests do."""

from __future__ import annotations

import pytest

from tasks.extract.bylines import (
    _trailing_single_word,
    _without_picture_credit,
    _without_picture_credits,
    without_helpers_credit,
)
from tests.unit.extract.test_contribution_notes57 import authors_with_byline, authors_with_credit
from tests.unit.extract.test_unseen_meta62 import authors


@pytest.mark.parametrize("byline", [
    "By Jane Doe – Tom Kurz contributed reporting.",  # a dash before the helper
    "By Jane Doe | Tom Kurz contributed reporting.",  # a bar
    # several helpers, with where they were: longer than a name before the verb
    "By Jane Doe. Tom Kurz in Kyiv and Anna Berg in Warsaw contributed reporting.",
    "By Jane Doe. With additional reporting by Tom Kurz.",
    "By Jane Doe. Tom Kurz contributed from Kyiv.",
    "By Jane Doe. Tom Kurz contributing to this report.",
])
def test_a_helpers_credit_after_the_writer_is_cut_by_each_form(byline: str) -> None:
    assert authors_with_byline(byline) == ["Jane Doe"]


@pytest.mark.parametrize("text", [
    "Jane Doe – Tom Kurz contributed reporting",  # a dash before the helper
    "Jane Doe; with additional reporting by Tom Kurz",
    "Jane Doe. Additional reporting by Tom Kurz",  # no "contribut..." word at all
])
def test_the_helpers_credit_is_cut_after_each_separator(text: str) -> None:
    assert without_helpers_credit(text) == "Jane Doe"


@pytest.mark.parametrize("text", [
    "Jane Doe. ADDITIONAL REPORTING BY TOM KURZ.",
    "Jane Doe. Tom Kurz CONTRIBUTED REPORTING.",
])
def test_a_helpers_credit_in_capitals_is_cut_as_in_lower_case(text: str) -> None:
    # the precheck's words were matched in lower case only, the pattern in any case
    assert without_helpers_credit(text) == "Jane Doe"


def test_a_helpers_credit_running_over_a_line_break_is_cut_whole() -> None:
    assert without_helpers_credit("Jane Doe. Tom Kurz contributed reporting\nfrom Kyiv.") == (
        "Jane Doe")


def test_a_credit_element_naming_its_writer_before_the_note_keeps_the_writer() -> None:
    # the note is the second sentence: the first names the writer
    assert authors_with_credit("Anna Keller. Tom Kurz contributed reporting.") == ["Anna Keller"]


def test_a_contribution_note_in_title_case_is_no_author() -> None:
    assert authors_with_credit("Reuters Contributed To This Report.") == []


def test_from_with_three_names_and_an_ampersand_is_three_authors() -> None:
    assert authors_with_byline("From Anna Berg, Tom Kurz & Jo Reed") == [
        "Anna Berg", "Tom Kurz", "Jo Reed"]


@pytest.mark.parametrize(("byline", "lang", "want"), [
    ("Teksti ja kuvat: Mikko Mäkinen", "fi", ["Mikko Mäkinen"]),  # words and pictures, one man
    ("Kirjoittaja Sanna Järvinen; Kuva: Riikka Lehtonen", "fi", ["Sanna Järvinen"]),
    ("Autor: Jan Nowak; Zdjęcia: Piotr Wiśniewski", "cs", ["Jan Nowak"]),
    ("Muhabir: Elif Demir; Fotoğraf: Burak Kaya", "tr", ["Elif Demir"]),
    ("Του Γιώργου Παπαδόπουλου; Φωτογραφίες: Νίκος Βλάχος", "el", ["Γιώργου Παπαδόπουλου"]),
    # the credit inside the writer's entry (its line break read as a space)
    ("Автор: Мария Кузнецова Фото Павел Попов", "ru", ["Мария Кузнецова"]),
    ("Text: Anna Berg Bild: Tom Kurz", "nb", ["Anna Berg"]),
    ("Szerző: Kovács Anna Fotó: Nagy Péter", "hu", ["Kovács Anna"]),
])
def test_the_pictures_credit_in_each_language_is_no_author(byline, lang, want):
    assert authors(byline, lang) == want


@pytest.mark.parametrize(("byline", "lang", "want"), [
    ("Ioana Popescu și Andrei Ionescu", "it", ["Ioana Popescu", "Andrei Ionescu"]),
    ("Олена Коваль та Ігор Шевченко", "ru", ["Олена Коваль", "Ігор Шевченко"]),
])
def test_two_names_joined_by_romanian_or_ukrainian_and_are_two(byline, lang, want):
    assert authors(byline, lang) == want


@pytest.mark.parametrize("byline", ["Ingrid Ekdahl, DPA-AFX", "Ingrid Ekdahl, NTB"])
def test_a_wires_initials_of_up_to_seven_letters_are_no_author(byline: str) -> None:
    assert authors(byline, "sv") == ["Ingrid Ekdahl"]


# The picture-credit cut and the trailing place or wire, called directly: whole pages reach
# the same readings by other paths too (the byline's own labels, the agency list).

@pytest.mark.parametrize(("entry", "want"), [
    ("Мария Кузнецова Фото Павел Попов", "Мария Кузнецова"),  # two words before the label
    ("Ingrid Dahl og Foto Kari Berg", "Ingrid Dahl og Foto Kari Berg"),  # "and" before it
])
def test_the_picture_credit_inside_an_entry(entry: str, want: str) -> None:
    assert _without_picture_credit(entry) == want


@pytest.mark.parametrize(("parts", "want"), [
    (["Jan Novák", "Foto: Petr Dvořák"], ["Jan Novák"]),  # the credit as the second entry
    (["Jan Novák", "Foto: Petr Dvořák", "Eva Malá"], ["Jan Novák", "Eva Malá"]),
])
def test_a_picture_credit_entry_after_a_full_name_goes_and_the_rest_stays(parts, want):
    assert _without_picture_credits(parts) == want


@pytest.mark.parametrize(("people", "trailing"), [
    (["Anna Berg", "DPA-AFX"], True),  # a wire's initials of seven characters, a hyphen
    (["Anna Berg", "ABCDEFGH"], False),  # eight capitals: no wire's initials
    (["Anna Berg", "Tom kurz"], False),  # two words: no place
    (["Anna Berg", "NYtimes"], False),  # mixed case: no place
    (["Anna Berg", "Tom", "München"], False),  # a one-word name before: co-authors
])
def test_a_trailing_place_or_wire(people: list[str], trailing: bool) -> None:
    assert _trailing_single_word(people) is trailing

