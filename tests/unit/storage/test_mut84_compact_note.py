"""Seed 84 (session 59): compact's note of the files it left out (fault round 61) names
three and counts the rest; the hand mutant that counted "and 0 more" after exactly three
lived (the round's test had four). The boundary, and the near miss of four."""

from __future__ import annotations

from tasks.storage.compact import left_out_note


def problems(count: int) -> list[dict]:
    return [{"file": f"articles/part-{k}.parquet", "detail": "torn"} for k in range(count)]


def test_three_files_are_named_with_nothing_more():
    note = left_out_note(problems(3))
    assert note.startswith("3 committed file(s) LEFT OUT")
    assert "articles/part-2.parquet (torn)" in note
    assert "more" not in note


def test_a_fourth_is_counted():
    note = left_out_note(problems(4))
    assert "; and 1 more." in note
    assert "part-3" not in note
