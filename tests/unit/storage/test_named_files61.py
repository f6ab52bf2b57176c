"""`warehouse.named_files`: the one wording of the notes that name unreadable committed
files (a compaction's, a diff's, a report's), which wrote it three times (session 61)."""

from __future__ import annotations

from tasks.storage.warehouse import named_files

FILES = [(f"articles/f{n}.parquet", "torn" if n % 2 else "deleted") for n in range(5)]


def test_up_to_most_files_are_each_named_with_what_is_wrong():
    assert named_files(FILES[:2]) == "articles/f0.parquet (deleted); articles/f1.parquet (torn)"
    assert named_files(FILES[:3]).count(";") == 2 and "more" not in named_files(FILES[:3])


def test_past_most_the_rest_is_counted_with_its_note():
    assert named_files(FILES, 2) == ("articles/f0.parquet (deleted); articles/f1.parquet "
                                     "(torn); and 3 more")
    assert named_files(FILES, 4, " (table file_problems)").endswith(
        "articles/f3.parquet (torn); and 1 more (table file_problems)")
