"""A stopped rebuild's half-built index copy is removed even when a file comes back into
it after the first removal: the stopped writer's threads can still be finishing a segment
file as the copy goes (the fresh-clone CI of session 58 found `search.new-PID` left once
after a Ctrl-C in the rebuild)."""

from __future__ import annotations

import shutil

from tasks.storage import search


def test_a_file_written_back_after_the_first_removal_is_removed_too(tmp_path, monkeypatch):
    copy = tmp_path / "search.new-1"
    copy.mkdir()
    (copy / "seg.idx").write_bytes(b"x")
    removals = []
    real_rmtree = shutil.rmtree

    def rmtree_then_a_late_segment(path, ignore_errors=False):
        real_rmtree(path, ignore_errors=ignore_errors)
        removals.append(path)
        if len(removals) == 1:  # a writer's thread finishing its segment meanwhile
            copy.mkdir()
            (copy / "late.idx").write_bytes(b"y")

    monkeypatch.setattr(search.shutil, "rmtree", rmtree_then_a_late_segment)
    monkeypatch.setattr(search, "sleep", lambda _seconds: None)
    search._remove_half_built(copy)
    assert not copy.exists()
    assert len(removals) == 2


def test_a_copy_that_keeps_coming_back_is_given_up_after_its_tries(tmp_path, monkeypatch):
    copy = tmp_path / "search.new-2"
    copy.mkdir()
    removals = []
    monkeypatch.setattr(search.shutil, "rmtree",
                        lambda path, ignore_errors=False: removals.append(path))
    monkeypatch.setattr(search, "sleep", lambda _seconds: None)
    search._remove_half_built(copy, tries=3)  # (returns: a stop must not hang on it)
    assert len(removals) == 3
