"""Mutation seed 75: searching a warehouse this process cannot write (the index read
through a folder of links) and one whose committed articles file is unreadable
(tasks/storage/search.py `writable`, `_linked_folder`, `_open_to_read`, `_searchable`,
`search`, `document_count`, `_readable_hits`, `_left_out_note`).

Root writes through any permission, so the read-only warehouse is a read-only bind mount
in a mount namespace of its own, and the search runs in a child process there (as
tests/unit/flows/test_search_read_only.py runs the command); each test also reads the
same warehouse in this process, where it can be written."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from tasks.storage import search as S
from tests.read_only import run_read_only
from tests.unit.storage.test_search import _article, _commit

REPO = Path(__file__).resolve().parents[3]
# What the child reports of its searches, as JSON.
CHILD = """
import json, sys
from pathlib import Path
from tasks.storage import search as S
root = Path(sys.argv[1])
try:
    count = S.document_count(root)
except ValueError:  # a damaged index
    count = None
out = {"writable": S.writable(root), "count": count}
for key, kwargs in (("search", {}), ("as_indexed", {"catch_up_first": False})):
    r = S.search(root, "floods", **kwargs)
    out[key] = {"ids": sorted(h.article_id for h in r.hits), "total": r.total,
                "note": r.note}
print(json.dumps(out))
"""
FLOOD = "The river floods the valley after days of rain."


def _read_only(warehouse: Path, tmp: Path, mounted: Path | None = None) -> dict:
    """CHILD's report on `warehouse`, run where `mounted` (default: the warehouse) is
    mounted read-only, its temporary folders made in `tmp`."""
    tmp.mkdir(exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(REPO), "TMPDIR": str(tmp)}
    done = run_read_only(mounted or warehouse,
                         [sys.executable, "-c", CHILD, str(warehouse)], mount_only=True,
                         env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def _indexed(warehouse: Path, run_id: str, *ids: str) -> None:
    rows = [_article(a, f"Floods {a}", FLOOD, run_id) for a in ids]
    S.index_commit(warehouse, _commit(warehouse, run_id, rows), run_id)


def test_a_read_only_warehouse_is_searched_through_links_left_nowhere(warehouse, tmp_path):
    _indexed(warehouse, "r1", "a1", "a2")
    assert S.writable(warehouse) and S.document_count(warehouse) == 2  # here: writable
    said = _read_only(warehouse, tmp_path / "tmp")
    assert said["writable"] is False and said["count"] == 2
    for key in ("search", "as_indexed"):
        assert said[key] == {"ids": ["a1", "a2"], "total": 2, "note": None}
    # every folder of links it made (one a read) is gone when it exits
    assert list((tmp_path / "tmp").iterdir()) == []


def test_an_index_folder_it_cannot_write_in_a_warehouse_it_can_is_read_through_links(
        warehouse, tmp_path):
    # the index's own folder read-only (another user's, a mount of its own): what
    # decides is the folder, not the warehouse around it
    _indexed(warehouse, "r1", "a1", "a2")
    said = _read_only(warehouse, tmp_path / "tmp", mounted=S.search_dir(warehouse))
    assert said["writable"] is False and said["count"] == 2
    assert said["as_indexed"] == {"ids": ["a1", "a2"], "total": 2, "note": None}


def test_a_commit_not_indexed_is_named_by_a_search_that_cannot_write(warehouse, tmp_path):
    _indexed(warehouse, "r1", "a1")
    _commit(warehouse, "r2", [_article("a2", "Floods again", FLOOD, "r2")])
    said = _read_only(warehouse, tmp_path / "tmp")
    assert said["search"] == {"ids": ["a1"], "total": 1, "note": (
        "1 commit(s) of the warehouse are not in the search index yet, and this process "
        "cannot write it (a read-only mount, or another user's folder): their articles "
        "are not searched; `pressroom search` where the warehouse can be written indexes "
        "them")}
    # asked not to catch up, it says nothing of them
    assert said["as_indexed"] == {"ids": ["a1"], "total": 1, "note": None}
    # where it can write, the search indexes them
    assert sorted(h.article_id for h in S.search(warehouse, "floods").hits) == ["a1", "a2"]


@pytest.mark.parametrize("damage", ["meta.json deleted", "meta.json garbage"])
def test_a_damaged_index_that_cannot_be_made_again_is_a_sentence(warehouse, tmp_path,
                                                                 damage):
    import tantivy

    _indexed(warehouse, "r1", "a1")
    _commit(warehouse, "r2", [_article("a2", "Floods again", FLOOD, "r2")])  # not indexed
    meta = S.search_dir(warehouse) / "meta.json"
    if damage == "meta.json deleted":
        meta.unlink()
        problem = "no index in it, though its state file lists the commits indexed"
    else:
        # tantivy quotes the file: its error is longer than the 200 characters shown
        meta.write_bytes(b"{not json " + b"x" * 200)
        with pytest.raises(ValueError) as met:
            tantivy.Index.open(str(meta.parent))
        assert len(str(met.value)) > 201
        problem = str(met.value)[:200]
    said = _read_only(warehouse, tmp_path / "tmp")
    damaged = (f"the search index is damaged ({problem}), and this process cannot write "
               "the warehouse to make it again (a read-only mount, or another user's "
               "folder): run `pressroom reindex` where it can, or query the articles with "
               "`pressroom sql`")
    assert said["as_indexed"] == {"ids": [], "total": 0, "note": damaged}
    # and after the note of the commit it cannot index
    assert said["search"]["note"] == (
        "1 commit(s) of the warehouse are not in the search index yet, and this process "
        "cannot write it (a read-only mount, or another user's folder): their articles "
        "are not searched; `pressroom search` where the warehouse can be written indexes "
        f"them; {damaged}")
    # where it can write, it is made again
    result = S.search(warehouse, "floods", catch_up_first=False)
    assert sorted(h.article_id for h in result.hits) == ["a1", "a2"]
    assert result.note.startswith(f"the search index was damaged ({problem}): made again")


def test_the_links_are_to_the_index_files_and_one_folder_an_index(warehouse, tmp_path,
                                                                  monkeypatch):
    _indexed(warehouse, "r1", "a1", "a2")
    monkeypatch.setattr(S, "_LINKED", {})
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    folder = S.search_dir(warehouse)
    first = S._linked_folder(folder)
    # every file of the index, not tantivy's lock files (its own go in the new folder)
    files = {p.name for p in folder.iterdir() if not p.name.startswith(".tantivy-")}
    assert {p.name for p in first.iterdir()} == files
    assert all((first / n).is_symlink() and (first / n).resolve() == folder / n
               for n in files)
    assert first.name.startswith("pressroom-search-")  # named for who left it in /tmp
    # a second read of the same index: the first folder is removed
    second = S._linked_folder(folder)
    assert not first.exists() and second.exists() and second != first
    S._remove_linked_folders()
    assert not second.exists()


def test_links_already_cleaned_away_are_no_error(warehouse, tmp_path, monkeypatch):
    # a temporary folder removed by another hand (a cleaner of /tmp, another process's
    # exit) before this one reads again or exits
    _indexed(warehouse, "r1", "a1")
    monkeypatch.setattr(S, "_LINKED", {})
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    folder = S.search_dir(warehouse)
    shutil.rmtree(S._linked_folder(folder))
    second = S._linked_folder(folder)
    assert second.exists()
    shutil.rmtree(second)
    S._remove_linked_folders()


def test_the_left_out_note_names_three_unreadable_files_then_dots(warehouse):
    for n in range(1, 5):
        _indexed(warehouse, f"r{n}", f"a{n}")
    _indexed(warehouse, "r5", "a5")
    files = sorted(warehouse.glob("articles/*.parquet"))[:4]
    for f in files[:3]:
        f.write_bytes(b"")
    names = [f"articles/{f.name}" for f in files]
    result = S.search(warehouse, "floods")
    assert sorted(h.article_id for h in result.hits) == ["a4", "a5"] and result.total == 2
    assert result.note == (
        f"3 matching article(s) LEFT OUT: the search index holds them, but no readable "
        f"file of the warehouse does (unreadable: {', '.join(names[:3])}; `pressroom sql` "
        "leaves them out too). Restore the file(s), or run `pressroom reindex` to make "
        "the index match the warehouse")
    files[3].write_bytes(b"")
    result = S.search(warehouse, "floods")
    assert result.note.startswith(
        f"4 matching article(s) LEFT OUT: the search index holds them, but no readable "
        f"file of the warehouse does (unreadable: {', '.join(names[:3])}, ...; ")


def test_more_matches_than_ten_around_an_unreadable_file_are_all_counted(warehouse):
    _indexed(warehouse, "r1", "gone")
    _indexed(warehouse, "r2", *(f"a{n:02}" for n in range(12)))
    next(warehouse.glob("articles/r1-*.parquet")).write_bytes(b"")
    result = S.search(warehouse, "floods", limit=5)
    assert len(result.hits) == 5 and result.total == 12
    assert result.note.startswith("1 matching article(s) LEFT OUT")
    assert "gone" not in {h.article_id for h in S.search(warehouse, "floods", limit=20).hits}


def test_parquet_framing_is_its_magic_at_both_ends(warehouse, tmp_path):
    _indexed(warehouse, "r1", "a1")
    good = next(warehouse.glob("articles/r1-*.parquet"))
    data = good.read_bytes()
    assert S._framed_as_parquet(good)
    cases = {"emptied": b"", "cut": data[:len(data) // 2], "short": b"PAR",
             "zeroed": bytes(len(data)), "tail only": b"\0" * 4 + data[4:]}
    for name, body in cases.items():
        path = tmp_path / f"{name}.parquet"
        path.write_bytes(body)
        assert not S._framed_as_parquet(path), name
    assert not S._framed_as_parquet(tmp_path / "gone.parquet")
    assert not S._framed_as_parquet(tmp_path)  # a folder


def test_a_zeroed_articles_file_is_unreadable_and_its_articles_left_out(warehouse):
    # a file overwritten with zeros (a torn write on some file systems): the same bytes
    # at both ends, neither Parquet's magic
    _indexed(warehouse, "r1", "a1")
    _indexed(warehouse, "r2", "a2")
    zeroed = next(warehouse.glob("articles/r1-*.parquet"))
    zeroed.write_bytes(bytes(zeroed.stat().st_size))
    assert S.unreadable_article_files(warehouse) == [f"articles/{zeroed.name}"]
    result = S.search(warehouse, "floods")
    assert [h.article_id for h in result.hits] == ["a2"] and result.total == 1
    assert result.note.startswith("1 matching article(s) LEFT OUT")


def test_a_warehouse_of_no_articles_files_has_none_unreadable(warehouse):
    assert S.unreadable_article_files(warehouse) == []


def test_a_long_problem_is_cut_at_200_characters_when_another_process_is_writing(
        warehouse, monkeypatch):
    # as test_search.py's seed-61 test, with tantivy's long error quoting meta.json
    import tantivy

    def busy(root):
        raise S.IndexBusy("LockBusy")

    _indexed(warehouse, "r1", "a1")
    meta = S.search_dir(warehouse) / "meta.json"
    meta.write_bytes(b"{not json " + b"x" * 200)
    with pytest.raises(ValueError) as met:
        tantivy.Index.open(str(meta.parent))
    monkeypatch.setattr(S, "rebuild", busy)
    result = S.search(warehouse, "floods")
    assert (result.hits, result.note) == ([], (
        f"the search index is damaged ({str(met.value)[:200]}), and another process is "
        "writing it: search again when it is done"))


def test_a_search_beside_a_writer_says_so_with_how_it_read_the_query(warehouse):
    # another writer of the index (here held by this process: tantivy's lock is the
    # same) stops the catch-up: the commit it lacks is not searched, and the notes join
    import tantivy

    _indexed(warehouse, "r1", "a1")
    _commit(warehouse, "r2", [_article("a2", "Floods again", FLOOD, "r2")])
    writer = tantivy.Index.open(str(S.search_dir(warehouse))).writer()
    busy = "the index is being written by another process: results may lag"
    result = S.search(warehouse, "floods")
    assert ([h.article_id for h in result.hits], result.note) == (["a1"], busy)
    result = S.search(warehouse, '"river floods')
    assert result.note == (f"{busy}; searched for the words of '\"river floods' (Syntax "
                           "Error: \"river floods)")
    # and with a file left out: the left-out note after it
    emptied = next(warehouse.glob("articles/r1-*.parquet"))
    emptied.write_bytes(b"")
    result = S.search(warehouse, "floods")
    assert result.hits == [] and result.note.startswith(
        f"{busy}; 1 matching article(s) LEFT OUT: the search index holds them")
    del writer


def test_any_value_of_a_field_without_a_list_of_values_is_a_sentence(warehouse):
    _indexed(warehouse, "r1", "a1")
    with pytest.raises(ValueError) as met:
        S.search(warehouse, "title:*")
    assert str(met.value).startswith(
        "'title:*' (any title) cannot be searched: the index keeps no list of its values; "
        "'*' alone matches every article (")
