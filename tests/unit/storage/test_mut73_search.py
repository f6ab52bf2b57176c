"""Seed 73: the search index's rebuild and catch-up, asked where seed 72 left them: what a
killed rebuild left beside the index, and which commits a catch-up indexes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tasks.storage import search as search_index
from tests.unit.storage.test_search import FLOOD, STORM, _article, _commit


def _ids(root, query: str) -> list[str]:
    return sorted(h.article_id for h in search_index.search(root, query, limit=50).hits)


def test_a_killed_rebuilds_half_made_indexes_go_and_a_stray_file_stays(tmp_path):
    search_index.index_commit(tmp_path, _commit(tmp_path, "r1", [
        _article("a1", "River floods valley", FLOOD, "r1")]), "r1")
    # what a rebuild killed before its swap leaves (its pid is not ours), and one killed
    # during the swap; a file under such a name is nobody's index: left as it is
    for name in ("search.new-999999", "search.old-999999"):
        (tmp_path / name / "sub").mkdir(parents=True)
        (tmp_path / name / "sub" / "seg.idx").write_bytes(b"half an index")
    (tmp_path / "search.txt").write_text("notes")

    assert search_index.rebuild(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.glob("search*")) == ["search", "search.txt"]
    assert _ids(tmp_path, "evacuation") == ["a1"]


def test_a_rebuild_whose_files_go_at_every_read_gives_up_and_keeps_the_live_index(
        tmp_path, monkeypatch):
    """Each listing finds the files, each read finds one gone (a writer replacing them
    faster than the rebuild reads, as in test_rebuild_beside_a_forget.py, but every
    time): after its last try the rebuild says which files went, and the live index
    still answers."""
    search_index.index_commit(tmp_path, _commit(tmp_path, "r1", [
        _article("a1", "River floods valley", FLOOD, "r1"),
        _article("a2", "Storm on the coast", STORM, "r1")]), "r1")
    real_listing, real_read = search_index.committed_files, search_index.read_declared
    away: list[tuple[str, str]] = []
    reads = []

    def listing(root, table):  # the writer puts the file back before each listing
        for gone, kept in away:
            os.replace(kept, gone)
        away.clear()
        return real_listing(root, table)

    def reading(con, files, table, **kw):  # ... and takes it away as it is read
        reads.append(1)
        os.replace(files[0], files[0] + ".away")
        away.append((files[0], files[0] + ".away"))
        return real_read(con, files, table, **kw)

    monkeypatch.setattr(search_index, "committed_files", listing)
    monkeypatch.setattr(search_index, "read_declared", reading)
    with pytest.raises(search_index.FilesGone, match="articles"):
        search_index.rebuild(tmp_path)
    monkeypatch.undo()
    for gone, kept in away:
        os.replace(kept, gone)
    assert len(reads) == search_index._READS
    assert _ids(tmp_path, "storm OR evacuation") == ["a1", "a2"]


def test_a_run_indexing_while_the_rebuild_swaps_the_index_in_is_told_it_is_busy(
        tmp_path, monkeypatch):
    """The rebuild holds the live index's writer lock over the swap: a run indexing its
    commit then would record it in the live index's state, moved away and deleted the
    next moment. It is refused (the pipeline warns), and its commit is caught up by the
    next search."""
    search_index.index_commit(tmp_path, _commit(tmp_path, "r1", [
        _article("a1", "River floods valley", FLOOD, "r1")]), "r1")
    live = search_index.search_dir(tmp_path)
    real_replace = os.replace
    refused = []

    def replace(src, dst):
        if Path(src) == live and not refused:  # the swap's first move, the lock held
            table = _commit(tmp_path, "r2", [_article("a2", "Storm on the coast", STORM, "r2")])
            with pytest.raises(search_index.IndexBusy):
                search_index.index_commit(tmp_path, table, "r2")
            refused.append(1)
        return real_replace(src, dst)

    monkeypatch.setattr(search_index.os, "replace", replace)
    assert search_index.rebuild(tmp_path) == 1
    monkeypatch.undo()
    assert refused
    assert search_index.search(tmp_path, "storm").caught_up == ["r2"]
    assert _ids(tmp_path, "storm OR evacuation") == ["a1", "a2"]
