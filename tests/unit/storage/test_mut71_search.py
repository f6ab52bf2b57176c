"""Seed 71 (TESTING.md): what a busy search index says."""

from __future__ import annotations

from pathlib import Path

import pytest
import tantivy

from tasks.storage import search


def test_a_second_writer_is_refused_with_tantivys_words_for_the_lock(tmp_path: Path) -> None:
    """IndexBusy carries tantivy's own sentence: the run's warning and `pressroom index`'s
    error print it, and it says which lock is held and by what."""
    index = search._with_words(tantivy.Index(search.SCHEMA, path=str(tmp_path), reuse=False))
    first = search._writer(index)
    with pytest.raises(search.IndexBusy) as busy:
        search._writer(index)
    assert "lock" in str(busy.value).lower() and "IndexWriter" in str(busy.value)
    del first
