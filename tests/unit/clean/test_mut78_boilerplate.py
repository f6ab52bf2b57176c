"""Mutation seed 78: a sign-up call's words in a sentence reported from someone
(`_REPORTED` in `_drop_tail_signup`) stay in the story's text; the call itself goes."""

from __future__ import annotations

import pytest

from tasks.clean.boilerplate import remove_boilerplate

PROSE = ("The harbour bridge reopened on Monday after two years of repairs, and the first "
         "ferries of the morning passed under it without delay, the port authority said.")


@pytest.mark.parametrize("last", [
    "Subscribe to the idea that the port can grow forever and that every new berth will pay "
    "for itself within a decade, the report's authors warned on Tuesday.",
    "Sign up for the new ferry pass at the town hall before the end of the month if you want "
    "the discount for residents of the two islands, the mayor told reporters.",
    "Register for the first ferry of the summer at the quay office on Saturday if you want a "
    "seat on the upper deck, according to the harbour master.",
])
def test_a_reported_sentence_opening_with_a_calls_words_stays(last: str) -> None:
    text = f"{PROSE}\n\n{last}"
    out = remove_boilerplate(text)
    assert out.text == text
    assert "cta" not in out.removed


@pytest.mark.parametrize("last", [
    "Subscribe to our newsletter.",
    "Sign up for our daily newsletter here.",
    "Get the morning briefing in your inbox. Sign up now.",
    # a speaker's verb with no comma before it: the call's own sentence
    "Sign up for our weekly newsletter to read every Friday what the mayor and the harbour "
    "master said about the ferries and the bridge.",
])
def test_a_call_with_no_speaker_still_goes(last: str) -> None:
    out = remove_boilerplate(f"{PROSE}\n\n{last}")
    assert out.text == PROSE
    assert out.removed.get("cta") == 1
