"""Seed 83 (session 58): family I's closing and opening lines (`_closing_line`) by each
word of their prechecks and each part of their patterns, and the reported sentences and
story lines the rules keep, as hand mutants CL1 and CL4 of seed 83 showed (TESTING.md)."""

from __future__ import annotations

import pytest

from tasks.clean.boilerplate import classify_line

RULED = [
    ("Enjoyed this? Forward it to a friend.", "cta"),  # "forward", no "share"
    ("Reprint our articles for free under a Creative Commons license.", "legal"),
    ("If you spot an error, read our corrections policy to find out how to report it.", "ui"),
    ("Originally published as Council backs the plan", "ui"),
    ("Follow Paul Okafor, our science correspondent, on X: @pokafor", "cta"),  # 8 words
]


@pytest.mark.parametrize(("line", "rule"), RULED)
def test_each_closing_line_is_ruled_by_each_word_of_its_precheck(line: str, rule: str) -> None:
    assert classify_line(line) == rule


@pytest.mark.parametrize("line", [
    # a tip question or a share call someone in the story made
    "Do you have information about the fire? Call the police, the sheriff told residents.",
    "Share this with your neighbours, the mayor told residents at the meeting.",
    # a headline-like start then a sentence: the story's
    "Originally published as a pamphlet in 1848, the manifesto was soon translated.",
])
def test_a_reported_call_or_a_story_sentence_stays(line: str) -> None:
    assert classify_line(line) is None
