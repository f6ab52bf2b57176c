"""Mutation seed 75: the dateline of the opening window and of a later paragraph
(tasks/enrich/wire.py `dateline_credits`, `_dateline_prefix`,
`_later_paragraph_datelines`, `_blank_quotations`): which agencies a text is credited
with, in the cases its mutants were not asked."""

from __future__ import annotations

import pytest

from tasks.enrich.wire import LATER_DATELINE_CHARS, dateline_credits
from tests.unit.enrich.test_wire_intro import BODY, INTRO, ZH_BODY, ZH_INTRO


def after(intro: str, *paragraphs: str) -> str:
    return "\n\n".join((intro, *paragraphs))


@pytest.mark.parametrize("dateline, credited", [
    # a place, its country and a date: two parts after the place's
    ("KYIV, Ukraine, Dec. 2 (AP) — Russian forces shelled", {"AP"}),
    # a date whose month is a lowercase word longer than a particle
    ("Ciudad de México, 3 junio (EFE).- El presidente", {"EFE"}),
    ("КИЕВ, 5 декабря (Укринформ) - Уряд", {"Ukrinform"}),
])
def test_a_dateline_of_a_place_and_two_parts_or_a_spelled_out_month(dateline, credited):
    assert dateline_credits(dateline + BODY) == credited
    assert dateline_credits(after(INTRO, dateline + BODY)) == credited


@pytest.mark.parametrize("opening", [
    # four names in a caption's list: more parts than a place and a date
    "Olaf Scholz, Emmanuel Macron, Joe Biden, Rishi Sunak (AP) - The leaders met",
    # words of a sentence holding a number: a place's words are capitalised
    "Over 20 people died (AP) - The storm hit the coast",
    "Mehr als 20 menschen starben (dpa) - Der Sturm",
])
def test_words_of_a_list_or_a_sentence_before_the_bracket_are_no_dateline(opening):
    assert dateline_credits(opening + BODY) == set()
    assert dateline_credits(after(INTRO, opening + BODY)) == set()


def test_a_dateline_after_a_quotation_on_the_opening_line_is_read():
    # the quotation is blanked, not dropped nor read as words before the place
    assert dateline_credits('"Wir schaffen das" BERLIN (dpa) - Die Kanzlerin sagte'
                            + BODY) == {"dpa"}


@pytest.mark.parametrize("paragraph", [
    '"We will not give up"(AP) - she said at the rally.',
    '„Wir geben nicht auf“(dpa) - sagte sie.',
])
def test_a_bracket_right_after_a_quotation_opening_a_later_paragraph_is_no_dateline(
        paragraph):
    # the speaker's words: a later paragraph's dateline starts at its first letter
    assert dateline_credits(after(INTRO, paragraph + BODY)) == set()


@pytest.mark.parametrize("following", [
    BODY.strip(),  # the story goes on
    "Smoke rises over the city (AP Photo/Jane Doe) - the fire spread overnight.",
])
def test_a_later_paragraphs_credit_stays_when_more_paragraphs_follow(following):
    text = after(INTRO, "WASHINGTON, Dec 2 (Reuters) - The Federal Reserve" + BODY, following)
    assert dateline_credits(text) == {"Reuters"}


def test_a_later_cjk_dateline_stays_when_more_paragraphs_follow():
    text = after(ZH_INTRO, "新华社北京12月5日电（记者 王晓）" + ZH_BODY, ZH_BODY, ZH_BODY)
    assert dateline_credits(text) == {"Xinhua"}


def test_two_later_datelines_both_credit():
    # a roundup's two items, each its dateline, within the paragraphs read
    text = after(INTRO, "WASHINGTON (Reuters) - The Fed" + BODY, "BERLIN (dpa) - Die" + BODY)
    assert dateline_credits(text) == {"Reuters", "dpa"}


def test_a_paragraph_starting_at_the_character_bound_is_not_read():
    long_intro = "Residents of Springfield will feel the change, the county said. " * 30
    # the dateline's paragraph after the intro and its blank line starts exactly at
    # LATER_DATELINE_CHARS: past the window; one character earlier: inside it
    at = long_intro[:LATER_DATELINE_CHARS - 2]
    assert (at + "\n\n").index("\n\n") + 2 == LATER_DATELINE_CHARS
    assert dateline_credits(after(at, "BERLIN (dpa) - Die" + BODY)) == set()
    inside = long_intro[:LATER_DATELINE_CHARS - 3]
    assert dateline_credits(after(inside, "BERLIN (dpa) - Die" + BODY)) == {"dpa"}
