"""Seed 72: classify_line counts a byline's words before _is_byline (session 49 moved the
count out of it): a line naming the author is a byline up to BYLINE_MAX_WORDS words."""

from __future__ import annotations

import pytest

from tasks.clean.boilerplate import BYLINE_MAX_WORDS, _words, classify_line

WORDS = "of the Gazette staff in Berlin today now and".split()


@pytest.mark.parametrize("extra", range(len(WORDS) + 1))
def test_a_line_naming_the_author_is_a_byline_up_to_its_word_limit(extra):
    line = " ".join(["By Maria Lopez and Anna Keller", *WORDS[:extra]])
    n = _words(line)
    assert classify_line(line, ["Maria Lopez"]) == ("byline" if n <= BYLINE_MAX_WORDS else None)


def test_the_limit_is_fourteen_words():
    line = "By Maria Lopez and Anna Keller of the Gazette staff in Berlin today now"
    assert _words(line) == 14 == BYLINE_MAX_WORDS
    assert classify_line(line, ["Maria Lopez"]) == "byline"
    assert classify_line(line + " and", ["Maria Lopez"]) is None
