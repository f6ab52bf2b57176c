"""Seed 79: the copy's credit lines under wire stories and "Copyright" opening story prose
(session 54's text round on publishers' 2017-2021 templates, `_COPY_CREDIT` and
`_COPYRIGHT_PROSE`), line by line: each desk word that opens a credit, the names it
reads (particles, lists, a second desk's credit after a semicolon), the credit's length
bounds, and the words after "Copyright" that still make a notice. "Additional reporting
by Tom Becker" opening a line stays in the text: the dev gold keeps reuters.com's such line
(a `with` snippet); seed 79 first made it a credit, which cost that page."""

from __future__ import annotations

import pytest

from tasks.clean.boilerplate import classify_line
from tests.unit.clean.test_cms_furniture import text_of
from tests.unit.clean.test_publisher_furniture import wire_story
from tests.unit.extract.test_pages import PARAGRAPHS

NAMES = ["Anna Berger", "Tom Becker", "Lea Schmitt", "Jan Vogel", "Eva Roth", "Max Kuhn",
         "Ida Wolf", "Ben Ernst", "Mia Sauer", "Leo Brandt", "Ina Pohl", "Ole Haas",
         "Uwe Lang", "Pia Beck", "Tim Graf", "Ada Horn", "Kai Seidel", "Ute Franke",
         "Jonas Weber", "Nina Berg"]


@pytest.mark.parametrize("line", [
    "Writing by Anna Berger; Editing by Tom Becker",
    "Editing by Lea Schmitt and Tom Becker",
    "Compiled by Anna Berger",
    "Reported by Anna de Vries",
    "Reporting by Anna Berger.",
    "Additional Reporting by Tom Becker",
    "Reporting by Jan van Berg and Lea von Arnim; graphics by Tom Becker",
    "Reporting by Anna Berger, Tom Becker and Lea Schmitt; Editing by Jane Doe",
    "Reporting by Tom Becker in Washington; additional reporting Lea Schmitt",
    "Reuters staff contributed reporting from Kyiv.",
    "Tom Becker contributed to this story.",
    "Anna Berger and Tom Becker contributed to the article",
    "Our correspondents in Berlin contributed reporting.",
    "Contributing: Tom Becker",
])
def test_each_desk_s_credit_of_the_copy_is_a_credit(line: str) -> None:
    assert classify_line(line) == "credit"


@pytest.mark.parametrize("line", [
    "Additional reporting by Tom Becker in Washington",
    "Additional editing by Tom Becker and Lea Schmitt",
    "Additional reporting by Steve Gorman; Editing by Tom Becker and Lea Schmitt",
])
def test_additional_reporting_in_lower_case_opening_a_line_stays(line: str) -> None:
    # reuters.com's "Additional reporting by Steve Gorman; Editing by ..." is a `with`
    # snippet of the dev gold: the line is the story's to its annotators
    assert classify_line(line) is None
    text = text_of(wire_story(after=f"<p>{line}</p>"))
    assert line[:20] in text


@pytest.mark.parametrize("line", [
    "Additional Reporting by Tom Becker in Washington",
    "Writing by Anna Berger; Editing by Tom Becker",
    "Compiled by Anna Berger",
])
def test_a_credit_line_under_the_story_leaves_the_text(line: str) -> None:
    text = text_of(wire_story(after=f"<p>{line}</p>"))
    assert line[:20] not in text
    assert PARAGRAPHS[-1] in text


def test_a_credit_of_forty_words_goes_and_one_of_forty_one_stays() -> None:
    forty = "Reporting by " + ", ".join(NAMES[:19])  # 2 + 38 words
    assert len(forty.split()) == 40
    assert classify_line(forty) == "credit"
    assert classify_line(forty + " Jr") is None  # (41 words: read no further)


def test_twenty_words_before_contributed_are_a_credit_and_twenty_one_a_sentence() -> None:
    twenty = " ".join(NAMES[:10]) + " contributed reporting."
    assert classify_line(twenty) == "credit"
    assert classify_line("Also " + twenty) is None


@pytest.mark.parametrize("line", [
    # (ten words or more: shorter lines are notices whatever their second word)
    "Copyright of all images and texts on this site belongs to the Gazette.",
    "Copyright and all related rights are reserved by the Gazette in Hamburg.",
    "Copyright protected material, do not reproduce it without the written consent of the "
    "Gazette.",
    "Copyright notice: all material on this site belongs to the Gazette.",
    "Copyright by Anna Berger, all rights reserved by the Gazette in Hamburg.",
    # (a line of nine words opening with a lower-case word is still read as a notice)
    "Copyright lawyers argued the case for the photographer today.",
])
def test_a_copyright_notice_goes(line: str) -> None:
    assert classify_line(line) == "legal"


def test_a_sentence_of_ten_words_opening_with_copyright_stays() -> None:
    line = "Copyright lawyers argued the case for the photographer in court."
    assert classify_line(line) is None
    assert line in text_of(wire_story(inside=f"<p>{line}</p>", at=3))
