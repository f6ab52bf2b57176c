"""Compaction: small committed files merged into large ones as one commit; readers see the
same rows before, during and after, and a database built before keeps answering."""

from __future__ import annotations

from datetime import UTC, datetime

import pyarrow.parquet as pq
import pytest

from schemas import REJECTS, conform
from tasks.storage import compact as C
from tasks.storage.publish import publish_commit
from tasks.storage.report import build_views, connect_views, run_data_tests
from tasks.storage.warehouse import committed_files, file_problems, quarantine_orphans

AT = datetime(2024, 5, 1, tzinfo=UTC)


def _commit(root, batch: int, n: int) -> None:
    rows = [{"input_key": f"k{batch}-{i}", "stage": "discover", "reason": "bad_url",
             "detail": f"row {i} of batch {batch}", "rejected_at": AT, "run_id": "r1"}
            for i in range(n)]
    publish_commit(root, {"rejects": conform(rows, REJECTS, "rejects")},
                   {"run_id": "r1", "started_at": "2024-05-01T00:00:00+00:00"}, batch)


def _rows(db) -> list[tuple]:
    con = connect_views(db)
    try:
        return con.execute("SELECT input_key, detail FROM rejects ORDER BY 1").fetchall()
    finally:
        con.close()


def test_small_files_merge_into_one_commit_with_the_same_rows(tmp_path, monkeypatch):
    for b in range(1, 21):
        _commit(tmp_path, b, 3)
    before_db = build_views(tmp_path)
    before = _rows(before_db)
    assert len(before) == 60 and len(committed_files(tmp_path, "rejects")) == 20

    manifest = C.compact(tmp_path, min_files=16)
    assert manifest["kind"] == "compaction" and len(manifest["replaces"]) == 20
    (merged,) = committed_files(tmp_path, "rejects")
    assert pq.read_metadata(merged).num_rows == 60
    # a database built before the compaction still reads the old files
    assert _rows(before_db) == before
    after_db = build_views(tmp_path)
    assert _rows(after_db) == before
    assert set(run_data_tests(after_db).values()) == {0} and file_problems(tmp_path) == []
    # the replaced files are not orphans: a run starting now leaves them alone
    assert quarantine_orphans(tmp_path) == []
    # the next compaction deletes them (nothing else to merge)
    assert C.compact(tmp_path, min_files=16) is None
    assert sorted(p.name for p in (tmp_path / "rejects").iterdir()) == [merged.name]
    assert _rows(build_views(tmp_path)) == before


def test_too_few_small_files_are_left_alone(tmp_path):
    for b in range(1, 4):
        _commit(tmp_path, b, 2)
    assert C.compact(tmp_path, min_files=4) is None
    assert len(committed_files(tmp_path, "rejects")) == 3


def test_groups_never_exceed_the_row_cap(tmp_path, monkeypatch):
    monkeypatch.setattr(C, "COMPACT_ROWS", 10)
    monkeypatch.setattr(C, "SMALL_FILE_ROWS", 10)
    for b in range(1, 9):
        _commit(tmp_path, b, 4)
    manifest = C.compact(tmp_path, min_files=2)
    sizes = sorted(pq.read_metadata(f).num_rows for f in committed_files(tmp_path, "rejects"))
    assert sizes == [8, 8, 8, 8] and len(manifest["replaces"]) == 8


def _commit_index(root, batch: int, n: int) -> None:
    from schemas import BAND_INDEX

    rows = [{"key": batch * 1000 + i, "article_id": f"a{batch}", "run_id": "r1"}
            for i in range(n)]
    publish_commit(root, {"band_index": conform(rows, BAND_INDEX, "band_index")},
                   {"run_id": "ri", "started_at": "2024-05-01T00:00:00+00:00"}, batch)


def test_the_band_index_is_merged_by_its_own_larger_row_counts(tmp_path, monkeypatch):
    # 64 index rows per article: a band_index file is small, and merged files are capped,
    # at 64 times the rows of the other tables (here 64 x 10 rows).
    monkeypatch.setattr(C, "COMPACT_ROWS", 10)
    monkeypatch.setattr(C, "SMALL_FILE_ROWS", 5)
    monkeypatch.setattr(C, "_COMPACT_ROWS", {"band_index": 10 * 64})
    for b in range(1, 4):
        _commit_index(tmp_path, b, 50)  # 50 rows: small for the index, not for rejects
        _commit(tmp_path, b, 50)
    assert len(C.small_files(tmp_path, "band_index")) == 3
    assert C.small_files(tmp_path, "rejects") == []
    manifest = C.compact(tmp_path, min_files=2, now=AT)
    (merged,) = committed_files(tmp_path, "band_index")
    assert pq.read_metadata(merged).num_rows == 150
    assert len(committed_files(tmp_path, "rejects")) == 3
    assert manifest["started_at"] == AT.isoformat()
    assert manifest["run_id"] == "compact-20240501T000000000000Z"


def test_a_compaction_without_a_time_is_stamped_in_utc(tmp_path):
    for b in range(1, 4):
        _commit(tmp_path, b, 2)
    manifest = C.compact(tmp_path, min_files=2)
    assert datetime.fromisoformat(manifest["started_at"]).utcoffset().total_seconds() == 0


def test_merged_files_keep_the_writers_formats_and_row_groups(tmp_path, monkeypatch):
    from tasks.storage import publish

    monkeypatch.setattr(publish, "ROW_GROUP_SIZE", 4)
    for b in range(1, 4):
        _commit(tmp_path, b, 10)
        _commit_index(tmp_path, b, 10)
    C.compact(tmp_path, min_files=2)
    (merged,) = committed_files(tmp_path, "rejects")
    meta = pq.read_metadata(merged)
    # the writer's row groups across the source files (no longer one set per file)
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [4] * 7 + [2]
    (index,) = committed_files(tmp_path, "band_index")
    group = pq.read_metadata(index).row_group(0)
    formats = {group.column(i).path_in_schema: (
        group.column(i).compression, any("DICTIONARY" in e for e in group.column(i).encodings))
        for i in range(group.num_columns)}
    assert formats == {"key": ("UNCOMPRESSED", False), "article_id": ("ZSTD", True),
                       "run_id": ("ZSTD", True)}


def test_a_compaction_killed_before_its_rename_leaves_nothing_the_next_start_keeps(
        tmp_path, monkeypatch):
    class Killed(Exception):
        pass

    def crash_point(name: str) -> None:
        if name == "compaction-file-written":
            raise Killed(name)

    for b in range(1, 4):
        _commit(tmp_path, b, 3)
    before = sorted(p.name for p in (tmp_path / "rejects").iterdir())
    monkeypatch.setattr(C, "crash_point", crash_point)
    with pytest.raises(Killed):
        C.compact(tmp_path, min_files=2)
    (half,) = set(p.name for p in (tmp_path / "rejects").iterdir()) - set(before)
    assert quarantine_orphans(tmp_path) == [f"removed half-written rejects/{half}"]
    assert sorted(p.name for p in (tmp_path / "rejects").iterdir()) == before
    assert _rows(build_views(tmp_path))[:1] == [("k1-0", "row 0 of batch 1")]


def test_a_file_of_exactly_the_small_size_is_not_small(tmp_path, monkeypatch):
    # seed 50: "small" is fewer rows than SMALL_FILE_ROWS
    monkeypatch.setattr(C, "COMPACT_ROWS", 10)
    monkeypatch.setattr(C, "SMALL_FILE_ROWS", 5)
    _commit(tmp_path, 1, 4)
    _commit(tmp_path, 2, 5)
    assert [pq.read_metadata(f).num_rows for f in C.small_files(tmp_path, "rejects")] == [4]


def test_a_small_file_with_no_neighbour_to_merge_with_is_not_rewritten(tmp_path, monkeypatch):
    # seed 50: files of 6, 6 and 3 rows under a cap of 10: the first stays as it is (a
    # group of one is no merge), the other two become one file of 9
    monkeypatch.setattr(C, "COMPACT_ROWS", 10)
    monkeypatch.setattr(C, "SMALL_FILE_ROWS", 10)
    for b, n in ((1, 6), (2, 6), (3, 3)):
        _commit(tmp_path, b, n)
    first = committed_files(tmp_path, "rejects")[0]
    manifest = C.compact(tmp_path, min_files=2)
    assert len(manifest["replaces"]) == 2 and len(manifest["files"]["rejects"]) == 1
    files = committed_files(tmp_path, "rejects")
    assert first in files
    assert sorted(pq.read_metadata(f).num_rows for f in files) == [6, 9]
    # two files of 6: nothing to merge, so no compaction commit at all
    other = tmp_path / "other"
    for b in (1, 2):
        _commit(other, b, 6)
    assert C.compact(other, min_files=2) is None


def test_a_merged_band_index_keeps_its_own_larger_row_groups(tmp_path, monkeypatch):
    # seed 52: the band-key index is written in larger row groups than the other
    # tables (publish._ROW_GROUP_SIZE); a merge writes it so too, not in the default size
    from tasks.storage import publish

    monkeypatch.setattr(publish, "ROW_GROUP_SIZE", 4)
    monkeypatch.setattr(publish, "_ROW_GROUP_SIZE", {"band_index": 8})
    for b in range(1, 4):
        _commit(tmp_path, b, 10)
        _commit_index(tmp_path, b, 10)
    C.compact(tmp_path, min_files=2)
    (index,) = committed_files(tmp_path, "band_index")
    meta = pq.read_metadata(index)
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [8] * 3 + [6]
    (merged,) = committed_files(tmp_path, "rejects")
    meta = pq.read_metadata(merged)
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [4] * 7 + [2]


def test_many_one_row_commits_merge_into_row_groups_of_the_writers_size(tmp_path,
                                                                       monkeypatch):
    """Fault round 38: 2,000 one-row commits merged into one file of 2,000 one-row row
    groups. Rows keep their commit order; the band-key index's merged file is sorted by
    key as a whole (each of its row groups one range of keys, as in a commit's file)."""
    import schemas
    from tasks.storage import publish

    monkeypatch.setattr(publish, "ROW_GROUP_SIZE", 16)
    monkeypatch.setattr(publish, "_ROW_GROUP_SIZE", {"band_index": 32})
    for b in range(1, 41):
        _commit(tmp_path, b, 1)
        rows = [{"key": (b * 7919 + i * 104729) % 1000, "article_id": f"a{b}", "run_id": "r1"}
                for i in range(3)]
        publish_commit(tmp_path, {"band_index": conform(rows, schemas.BAND_INDEX, "band_index")},
                       {"run_id": "ri", "started_at": "2024-05-01T00:00:00+00:00"}, b)
    C.compact(tmp_path, min_files=2)
    (merged,) = committed_files(tmp_path, "rejects")
    meta = pq.read_metadata(merged)
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [16, 16, 8]
    assert [k.split("-")[0] for k in pq.read_table(merged)["input_key"].to_pylist()] == [
        f"k{b}" for b in range(1, 41)]
    (index,) = committed_files(tmp_path, "band_index")
    meta = pq.read_metadata(index)
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [32] * 3 + [24]
    keys = pq.read_table(index)["key"].to_pylist()
    assert keys == sorted(keys) and len(keys) == 120


def test_a_crash_once_the_new_views_are_built_leaves_readers_the_old_database(
        tmp_path, monkeypatch):
    # seed 52: the crash point "views-built" (CRASHPOINT_KILL_AT, as the crash tests
    # name it) lies between the new database written as a temporary file and its rename
    from tasks.common import crashpoints

    class Killed(Exception):
        pass

    def kill(pid: int, sig: int) -> None:
        raise Killed(sig)

    _commit(tmp_path, 1, 3)
    db = build_views(tmp_path)
    _commit(tmp_path, 2, 3)
    monkeypatch.setattr(crashpoints.os, "kill", kill)
    monkeypatch.setattr(crashpoints, "_hits", crashpoints.Counter())
    monkeypatch.setenv("CRASHPOINT_KILL_AT", "views-built")
    with pytest.raises(Killed):
        build_views(tmp_path)
    monkeypatch.delenv("CRASHPOINT_KILL_AT")
    assert [k for k, _ in _rows(db)] == ["k1-0", "k1-1", "k1-2"]  # batch 2 not yet in it
    assert not [p.name for p in tmp_path.iterdir() if ".tmp" in p.name]
    assert len(_rows(build_views(tmp_path))) == 6
