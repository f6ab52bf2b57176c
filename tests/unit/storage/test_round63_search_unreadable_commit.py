"""`pressroom search` over a commit the index lacks whose articles file cannot be read
(fault round 63): a directory in the file's place, or the file emptied. The catch-up's
read raised DuckDB's IOException ("No files found that match the pattern") or
InvalidInputException ("too small to be a Parquet file"): a traceback, exit 1, whatever
the query. Now the catch-up stops before that commit (it and the commits after it stay
pending, in order), the search answers from the index with a note naming the file, and
once the file is restored the next search indexes them."""

from __future__ import annotations

import shutil

import pytest

from schemas import ARTICLES, conform
from tasks.storage import search
from tasks.storage.publish import publish_run
from tests.unit.common.test_revisions import V1, V2, _row


def _two_unindexed_commits(root):
    for revision, text in ((1, V1), (2, V2)):
        publish_run(root, {"articles": conform([_row(revision, text)], ARTICLES, "articles")},
                    {"run_id": f"r{revision}", "started_at": f"2024-05-0{revision}"})
    return root


def _first_file(root):
    return next(iter(sorted((root / "articles").glob("r1-*.parquet"))))


@pytest.mark.parametrize("damage", ["a directory", "emptied"])
def test_an_unreadable_file_of_a_pending_commit_is_a_note_not_a_traceback(tmp_path, damage):
    root = _two_unindexed_commits(tmp_path)
    path = _first_file(root)
    saved = path.read_bytes()
    path.unlink()
    if damage == "a directory":
        path.mkdir()
    else:
        path.write_bytes(b"")
    got = search.search(root, "bridge")  # before: DuckDB's exception
    assert got.hits == [] and got.caught_up == []
    assert f"articles/{path.name}" in got.note and "2 commit(s)" in got.note
    assert len(search.pending_commits(root)) == 2  # neither recorded as indexed
    # restored: both are indexed, in order, and the latest revision is what is found
    if path.is_dir():
        shutil.rmtree(path)
    path.write_bytes(saved)
    again = search.search(root, "bridge")
    assert len(again.caught_up) == 2 and again.note is None
    assert [h.revision for h in again.hits] == [2]


def test_a_deleted_file_does_not_hold_the_catch_up(tmp_path):
    # near miss: a file gone (its rows where a compaction moved them, or lost) is left
    # to the catch-up as before: the commit is recorded, the next one indexed (both)
    root = _two_unindexed_commits(tmp_path)
    _first_file(root).unlink()
    got = search.search(root, "bridge")
    assert len(got.caught_up) == 2 and not search.pending_commits(root)
    assert [h.revision for h in got.hits] == [2]
