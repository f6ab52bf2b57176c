"""A committed file that is deleted, truncated or foreign is named, not silent: readers
leave it out and answer for the rest, and a data test fails naming it."""

from __future__ import annotations

from datetime import UTC, datetime

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from schemas import REJECTS, conform
from tasks.storage.publish import publish_commit
from tasks.storage.report import build_views, connect_views, run_data_tests
from tasks.storage.warehouse import committed_files, file_problems
from tests.sql_cli import sql_csv

AT = datetime(2024, 5, 1, tzinfo=UTC)


def _rejects(n: int, run_id: str) -> pa.Table:
    return conform([{"input_key": f"{run_id}-{i}", "stage": "discover", "reason": "bad_url",
                     "rejected_at": AT, "run_id": run_id}
                    for i in range(n)], REJECTS, "rejects")


@pytest.fixture
def wh(tmp_path):
    for batch, n in ((1, 3), (2, 4), (3, 5)):
        publish_commit(tmp_path, {"rejects": _rejects(n, f"b{batch}")},
                       {"run_id": "r1", "started_at": "2024-05-01"}, batch)
    return tmp_path


def _damage(wh, how: str) -> str:
    (rel,) = [f for f in (wh / "rejects").iterdir() if ".b00002-" in f.name]
    if how == "missing":
        rel.unlink()
    elif how == "unreadable":
        rel.write_bytes(rel.read_bytes()[: rel.stat().st_size // 2])
    else:  # a foreign file under a committed name: another table's columns
        pq.write_table(pa.table({"url": ["x"], "bytes": pa.array([1], pa.int32())}), rel)
    return str(rel.relative_to(wh))


def test_a_healthy_warehouse_has_no_file_problems(wh):
    assert file_problems(wh) == []
    assert run_data_tests(build_views(wh))["committed_files_readable"] == 0


@pytest.mark.parametrize("how", ["missing", "unreadable", "foreign"])
def test_a_damaged_file_is_named_and_the_rest_still_answers(wh, how):
    rel = _damage(wh, how)
    (found,) = file_problems(wh)
    assert (found["table_name"], found["file"], found["problem"]) == ("rejects", rel, how)
    assert len(committed_files(wh, "rejects")) == 2
    db = build_views(wh)
    con = connect_views(db)
    try:
        assert con.execute("SELECT count(*) FROM rejects").fetchone() == (8,)  # 3 + 5
        assert con.execute("SELECT file, problem FROM file_problems").fetchall() == [(rel, how)]
    finally:
        con.close()
    assert run_data_tests(db)["committed_files_readable"] == 1


# --- fault round 9: the views' database itself damaged -----------------------------------

def _damage_database(db, how: str) -> None:
    if how == "garbage":  # a disk fault, a foreign file under its name
        db.write_bytes(bytes(range(256)) * 20)
    elif how == "cut":  # a copy cut short
        db.write_bytes(db.read_bytes()[:8192])
    else:  # empty: a copy that never got its bytes
        db.write_bytes(b"")


@pytest.mark.parametrize("how", ["garbage", "cut", "empty"])
def test_a_views_database_duckdb_cannot_open_is_built_again_for_a_query(wh, how):
    """pressroom.duckdb holds views only; damaged, every `pressroom sql` ended with a
    traceback ("IOException: ... is not a valid DuckDB database file", "Could not read
    enough bytes"). Now the query is answered from the committed files, the file is
    built again, and a note says so."""
    from tasks.storage.report import DB_NAME, open_views

    db = build_views(wh)
    _damage_database(db, how)
    con, note = open_views(wh)
    try:
        assert con.execute("SELECT count(*) FROM rejects").fetchone() == (12,)
    finally:
        con.close()
    assert note is not None and note.startswith(f"{wh / DB_NAME} could not be opened (")
    assert note.endswith("it holds views only, and was built again from the committed files")
    con, note = open_views(wh)  # mended: the next query opens it as it is
    try:
        assert note is None and con.execute("SELECT count(*) FROM rejects").fetchone() == (12,)
    finally:
        con.close()


def test_a_damaged_views_database_that_cannot_be_rebuilt_is_read_in_memory(wh, monkeypatch):
    """Where the warehouse cannot be written (a read-only copy), the views are built in
    memory for the query, and the note says how to mend the file."""
    from tasks.storage import report

    db = build_views(wh)
    _damage_database(db, "garbage")

    def refused(root):
        raise PermissionError(13, "Permission denied", str(root))

    monkeypatch.setattr(report, "build_views", refused)
    con, note = report.open_views(wh)
    try:
        assert con.execute("SELECT count(*) FROM rejects").fetchone() == (12,)
    finally:
        con.close()
    assert "nor built again here; the views were built in memory for this query" in note
    assert db.read_bytes() == bytes(range(256)) * 20  # left as it was


def test_the_sql_command_answers_over_a_damaged_views_database(wh, monkeypatch):
    from tasks.storage.report import DB_NAME

    monkeypatch.chdir(wh)
    _damage_database(build_views(wh), "garbage")
    out = sql_csv(wh, "SELECT count(*) AS n FROM rejects")
    assert "n\n12\n" in out
    assert f"{DB_NAME} could not be opened" in out


def test_a_build_that_fails_leaves_neither_its_temporary_database_nor_its_log(wh, monkeypatch):
    """A disk that fills while the views are built: the checkpoint fails, and DuckDB
    cannot fold its write-ahead log into the file at close either. The builder's
    temporary file and that log (`<tmp>.wal`) are both removed, and the views database
    stays as it was (none here)."""
    import duckdb

    from tasks.storage import report

    real_connect, held = duckdb.connect, []

    class DiskFull:
        def __init__(self, con):
            self.con = con

        def __getattr__(self, name):
            return getattr(self.con, name)

        def execute(self, sql, *args):
            if sql == "CHECKPOINT":
                raise duckdb.IOException("Could not write file: No space left on device")
            return self.con.execute(sql, *args)

        def close(self):  # the close cannot checkpoint either: the log stays
            held.append(self.con)

    monkeypatch.setattr(report.duckdb, "connect", lambda *a, **k: DiskFull(real_connect(*a, **k)))
    try:
        with pytest.raises(duckdb.IOException):
            build_views(wh)
        left = sorted(p.name for p in wh.iterdir() if p.name.startswith(report.DB_NAME))
    finally:
        for con in held:
            con.close()
    assert [n for n in left if ".tmp" in n] == [] and report.DB_NAME not in left, left


@pytest.mark.parametrize("how", ["missing", "unreadable", "foreign"])
def test_a_file_damaged_after_the_views_were_built_is_named_by_the_next_query(wh, how):
    """Fault round 40: every run ends by building pressroom.duckdb, so the usual case is a
    file damaged *after* the build. The database stayed current (built from every
    commit), and every `pressroom sql` over the table failed on DuckDB's "IO Error: No
    files found that match the pattern ..." (or "No magic bytes found ..."), the file
    named nowhere, until the next run. Now the database is built again: the rest of
    the table answers and the file is named."""
    build_views(wh)
    rel = _damage(wh, how)
    out = sql_csv(wh, "SELECT count(*) FROM rejects")
    assert "8" in out.splitlines()
    assert "LEFT OUT of every view" in out and rel in out


def test_a_file_rewritten_in_place_after_the_build_is_read_as_it_is_now(wh):
    """Another tool's rewrite after the build (pandas, one row deleted: its index written
    as a column): the views read the file as it is now, through its cast, rather than
    with the plain read the database was built with (which showed pandas' index as a
    column of the table)."""
    import json

    from tasks.storage.report import open_views

    build_views(wh)
    (path,) = [f for f in (wh / "rejects").iterdir() if ".b00002-" in f.name]
    t = pq.read_table(path).slice(1)
    t = t.append_column("__index_level_0__", pa.array(range(1, 4), pa.int64()))
    pq.write_table(t.replace_schema_metadata({b"pandas": json.dumps(
        {"index_columns": ["__index_level_0__"]}).encode()}), path)
    con, _ = open_views(wh)
    try:
        assert con.execute("SELECT count(*) FROM rejects").fetchone() == (11,)
        assert "__index_level_0__" not in [r[0] for r in con.execute(
            "DESCRIBE rejects").fetchall()]
    finally:
        con.close()
