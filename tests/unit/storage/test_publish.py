"""Publishing: validated, atomic, committed by the manifest; views see only committed runs."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from schemas import REJECTS, SchemaError, conform
from tasks.storage.publish import publish_run, write_table
from tasks.storage.report import build_views, connect_views, run_data_tests
from tasks.storage.warehouse import committed_files, known_inputs, manifests, quarantine_orphans


def _rejects(n: int, run_id: str) -> pa.Table:
    now = datetime.now(UTC)
    return conform([{"input_key": f"k{i}", "stage": "clean", "reason": "too_short",
                     "rejected_at": now, "run_id": run_id, "url": f"https://e.com/{i}"}
                    for i in range(n)], REJECTS, "rejects")


def _manifest(run_id: str) -> dict:
    return {"run_id": run_id, "started_at": datetime.now(UTC).isoformat(),
            "totals": {"inputs": 3, "kept": 0, "rejected": 3, "failed": 0, "skipped": 0}}


def test_publish_commits_files_and_views_read_them(tmp_path):
    m = publish_run(tmp_path, {"rejects": _rejects(3, "r1")}, _manifest("r1"))
    assert m["files"]["rejects"] == ["rejects/r1-0000.parquet"]
    assert not list(tmp_path.rglob("*.tmp"))
    written = _rejects(3, "r1")
    back = pq.read_table(tmp_path / "rejects/r1-0000.parquet")
    assert back.column_names == written.column_names
    assert [(r["input_key"], r["reason"], r["url"], r["run_id"]) for r in back.to_pylist()] == [
        ("k0", "too_short", "https://e.com/0", "r1"), ("k1", "too_short", "https://e.com/1", "r1"),
        ("k2", "too_short", "https://e.com/2", "r1")]
    db = build_views(tmp_path)
    con = connect_views(Path(db))
    assert con.execute("SELECT count(*) FROM rejects").fetchone()[0] == 3
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0  # typed, empty
    assert con.execute("SELECT run_id, inputs FROM runs").fetchall() == [("r1", 3)]
    con.close()
    assert set(run_data_tests(db).values()) == {0}


def test_uncommitted_files_are_invisible_then_quarantined(tmp_path):
    publish_run(tmp_path, {"rejects": _rejects(2, "r1")}, _manifest("r1"))
    # A run killed after writing its Parquet but before its manifest:
    write_table(tmp_path, "rejects", _rejects(5, "r2"), "r2")
    assert [p.name for p in committed_files(tmp_path, "rejects")] == ["r1-0000.parquet"]
    db = build_views(tmp_path)
    con = connect_views(Path(db))
    assert con.execute("SELECT count(*) FROM rejects").fetchone()[0] == 2
    con.close()
    notes = quarantine_orphans(tmp_path)
    orphan = tmp_path / "_orphans/rejects/r2-0000.parquet"
    assert notes == [f"moved uncommitted rejects/r2-0000.parquet to {orphan}"]
    assert sorted(p.name for p in (tmp_path / "rejects").iterdir()) == ["r1-0000.parquet"]
    assert pq.read_table(orphan).column("input_key").to_pylist() == [f"k{i}" for i in range(5)]
    assert [m["run_id"] for m in manifests(tmp_path)] == ["r1"]
    assert [p.name for p in committed_files(tmp_path, "rejects")] == ["r1-0000.parquet"]
    assert quarantine_orphans(tmp_path) == []  # nothing left to move


def test_writer_validates_against_declared_schema(tmp_path):
    bad = _rejects(1, "r").drop_columns(["detail"])
    with pytest.raises(SchemaError, match="rejects does not match its schema"):
        write_table(tmp_path, "rejects", bad, "r")
    assert not (tmp_path / "rejects").exists() or not any((tmp_path / "rejects").iterdir())


def test_known_inputs_reads_rejected_keys(tmp_path):
    publish_run(tmp_path, {"rejects": _rejects(2, "r1")}, _manifest("r1"))
    from datetime import timedelta

    known = known_inputs(tmp_path, timedelta(hours=1))
    assert known.rejected_keys == {"k0", "k1"} and not known.article_ids


def test_split_known_with_and_without_refresh():
    from schemas import DOCUMENTS
    from tasks.common.urls import article_id_for, canonical_url
    from tasks.discover.inputs import KnownInputs, split_known

    urls = ["https://e.com/known", "https://e.com/short", "https://e.com/bad", "https://e.com/down",
            "https://e.com/new"]
    docs = conform([{"input_key": u, "url": u, "source_kind": "url"} for u in urls],
                   DOCUMENTS, "documents")
    known = KnownInputs(
        article_ids=frozenset({article_id_for(canonical_url(urls[0]))}),
        rejected_keys=frozenset({urls[1], urls[2]}),
        input_rejected_keys=frozenset({urls[2]}),
        recently_failed_urls=frozenset({urls[3]}),
    )
    todo, skipped = split_known(docs, known, refresh=False)
    assert todo.column("url").to_pylist() == [urls[4]]
    todo, skipped = split_known(docs, known, refresh=True)
    assert todo.column("url").to_pylist() == [urls[0], urls[1], urls[4]]
    assert skipped.column("url").to_pylist() == [urls[2], urls[3]]


def test_a_new_warehouse_folder_is_created_with_its_parents(tmp_path):
    root = tmp_path / "new" / "wh"
    m = publish_run(root, {"rejects": _rejects(1, "r1")}, _manifest("r1"))
    assert [p.name for p in committed_files(root, "rejects")] == ["r1-0000.parquet"]
    assert [x["name"] for x in manifests(root)] == [m["name"]]
    from tasks.storage.publish import commit_manifest

    commit_manifest(tmp_path / "other" / "wh", "r0", {"run_id": "r0", "started_at": "x"})
    assert [x["run_id"] for x in manifests(tmp_path / "other" / "wh")] == ["r0"]


def test_tables_are_written_zstd_compressed_and_the_band_index_key_raw(tmp_path):
    from tasks.storage.publish import parquet_options

    write_table(tmp_path, "rejects", _rejects(3, "r1"), "r1")
    meta = pq.read_metadata(tmp_path / "rejects/r1-0000.parquet").row_group(0)
    assert {meta.column(i).compression for i in range(meta.num_columns)} == {"ZSTD"}
    assert parquet_options("articles")["compression"] == "zstd"
    assert parquet_options("band_index")["compression"]["key"] == "none"


class _Killed(Exception):
    pass


def _die_at(monkeypatch, point: str) -> None:
    """Stand in for a SIGKILL at one crash point of the commit protocol."""
    from tasks.storage import publish

    def crash_point(name: str) -> None:
        if name == point:
            raise _Killed(name)

    monkeypatch.setattr(publish, "crash_point", crash_point)


def test_a_part_killed_half_written_is_deleted_by_the_next_start(tmp_path, monkeypatch):
    _die_at(monkeypatch, "parquet-tmp-written")
    with pytest.raises(_Killed):
        publish_run(tmp_path, {"rejects": _rejects(2, "r1")}, _manifest("r1"))
    assert [p.suffix for p in (tmp_path / "rejects").iterdir()] == [".tmp"]
    assert quarantine_orphans(tmp_path) == ["removed half-written rejects/r1-0000.parquet.tmp"]
    assert list((tmp_path / "rejects").iterdir()) == []


def test_a_commit_killed_before_its_manifest_is_invisible(tmp_path, monkeypatch):
    _die_at(monkeypatch, "commit-files-written")
    with pytest.raises(_Killed):
        publish_run(tmp_path, {"rejects": _rejects(2, "r1")}, _manifest("r1"))
    assert (tmp_path / "rejects/r1-0000.parquet").exists()  # the files are in place ...
    assert committed_files(tmp_path, "rejects") == [] and manifests(tmp_path) == []  # unread


def _band_index(n: int):
    from schemas import BAND_INDEX

    return conform([{"key": (i * 0x9E3779B97F4A7C15) % 2**64, "article_id": f"a{i % 3}",
                     "run_id": "r1"} for i in range(n)], BAND_INDEX, "band_index")


def _column_formats(path) -> dict[str, tuple[str, bool]]:
    """column -> (compression, dictionary-encoded) in the file's first row group."""
    group = pq.read_metadata(path).row_group(0)
    return {group.column(i).path_in_schema: (
        group.column(i).compression,
        any("DICTIONARY" in e for e in group.column(i).encodings))
        for i in range(group.num_columns)}


def test_the_band_index_key_is_stored_plain_and_its_other_columns_as_a_dictionary(tmp_path):
    write_table(tmp_path, "band_index", _band_index(50), "r1")
    assert _column_formats(tmp_path / "band_index/r1-0000.parquet") == {
        "key": ("UNCOMPRESSED", False), "article_id": ("ZSTD", True), "run_id": ("ZSTD", True)}
    write_table(tmp_path, "rejects", _rejects(3, "r1"), "r1")
    formats = _column_formats(tmp_path / "rejects/r1-0000.parquet")
    assert formats["stage"] == ("ZSTD", True) and formats["input_key"] == ("ZSTD", True)


def test_files_are_written_in_row_groups_of_the_tables_size(tmp_path, monkeypatch):
    from tasks.storage import publish

    monkeypatch.setattr(publish, "ROW_GROUP_SIZE", 4)
    write_table(tmp_path, "rejects", _rejects(10, "r1"), "r1")
    meta = pq.read_metadata(tmp_path / "rejects/r1-0000.parquet")
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [4, 4, 2]


def test_a_table_longer_than_a_file_is_split_into_files_without_repeating_rows(
        tmp_path, monkeypatch):
    from tasks.storage import publish

    monkeypatch.setattr(publish, "ROWS_PER_FILE", 4)
    written = write_table(tmp_path, "rejects", _rejects(10, "r1"), "r1")
    assert written == [f"rejects/r1-000{i}.parquet" for i in range(3)]
    sizes = [pq.read_metadata(tmp_path / w).num_rows for w in written]
    assert sizes == [4, 4, 2]
    keys = [k for w in written for k in pq.read_table(tmp_path / w)["input_key"].to_pylist()]
    assert keys == _rejects(10, "r1")["input_key"].to_pylist()


def test_a_commit_killed_with_its_manifest_half_written_is_invisible_and_cleared(
        tmp_path, monkeypatch):
    from tasks.storage.warehouse import clear_leftovers

    _die_at(monkeypatch, "manifest-tmp-written")
    with pytest.raises(_Killed):
        publish_run(tmp_path, {"rejects": _rejects(2, "r1")}, _manifest("r1"))
    assert manifests(tmp_path) == [] and committed_files(tmp_path, "rejects") == []
    (tmp,) = (tmp_path / "manifests").glob("*.tmp")
    assert clear_leftovers(tmp_path) == [f"removed manifests/{tmp.name} left by a killed run"]
    assert list((tmp_path / "manifests").iterdir()) == []


def test_a_reader_of_the_views_cannot_change_the_database(tmp_path):
    import duckdb

    publish_run(tmp_path, {"rejects": _rejects(2, "r2")}, _manifest("r2"))
    con = connect_views(build_views(tmp_path))
    try:
        assert con.execute("SELECT count(*) FROM rejects").fetchone() == (2,)
        with pytest.raises(duckdb.Error):
            con.execute("CREATE TABLE scratch (a INTEGER)")
    finally:
        con.close()


def test_an_older_file_without_a_column_added_since_gets_it_as_nulls() -> None:
    # seed 66: rewritten (compact, forget) with the declared columns, one null per row
    # in a column the file lacks; the columns it has are kept and cast
    from tasks.storage.publish import with_declared_columns

    schema = pa.schema([pa.field("id", pa.string(), nullable=False),
                        pa.field("n", pa.int64()), pa.field("added", pa.string())])
    old = pa.table({"n": pa.array([1, 2, 3], pa.int32()), "id": ["a", "b", "c"]})
    got = with_declared_columns(old, schema)
    assert got.schema == schema
    assert got.to_pylist() == [{"id": "a", "n": 1, "added": None},
                               {"id": "b", "n": 2, "added": None},
                               {"id": "c", "n": 3, "added": None}]
