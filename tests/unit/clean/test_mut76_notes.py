"""Mutation seed 76: `classify_note` (tasks/clean/notes.py) names the kind of note it
found, which the clean stage counts lines under, and takes a note of up to
MAX_NOTE_WORDS words."""

from __future__ import annotations

from tasks.clean.notes import MAX_NOTE_WORDS, classify_note

ORIGIN = "This article was originally published on The Conversation."


def test_each_kind_of_note_is_named() -> None:
    assert classify_note(ORIGIN) == "origin"
    assert classify_note("Diese Zusammenfassung wurde mit KI erstellt.") == "ai_note"
    assert classify_note("The council met on Tuesday.") is None


def test_a_note_is_at_most_max_note_words() -> None:
    words = ORIGIN.split()
    at_most = " ".join(words[:-1] + ["and"] * (MAX_NOTE_WORDS - len(words)) + words[-1:])
    assert len(at_most.split()) == MAX_NOTE_WORDS
    assert classify_note(at_most) == "origin"
    assert classify_note(at_most.replace("and", "and and", 1)) is None
