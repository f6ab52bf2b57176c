"""Seed 85 (session 61): hand mutants of `_opens_a_list_item` (tasks/extract/inline.py)
that no test killed, each case failing on its mutant and passing on the code."""

from __future__ import annotations

from tests.unit.extract.test_inline_list_items61 import kept

SENTENCE = " the plan was changed again by the council."


def test_words_before_the_time_leave_it_to_the_sentence_rule():
    # IL3: an embedded post's item ("tweet" names a stamp to _in_a_sentence, not to the
    # list rule) with its handle before the <time>: the time does not open the item, so
    # the list rule does not keep what _in_a_sentence left to trafilatura
    assert kept(f'<ul><li class="tweet">@harbour <time>2 May 2024</time>{SENTENCE}</li></ul>') == 0


def test_words_before_the_time_in_an_item_of_no_stamp_are_a_sentence():
    # (near miss: _in_a_sentence keeps it)
    assert kept(f"<ul><li>@harbour <time>2 May 2024</time>{SENTENCE}</li></ul>") == 1
