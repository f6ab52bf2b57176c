"""A query answers from every commit on disk, not from the commits of the last views
build (fault round 34). `pressroom.duckdb` is built at the end of a run, a compaction or
a report; a batch commit of a run still going (or killed, or failed) built nothing, so
`pressroom sql` left its rows out while `runs` and `search` showed them, and a commit
whose files replaced others (a compaction killed before its views build, a takedown of a
warehouse whose one run never finished) left views naming deleted files: every query an
"IO Error: No files found" until the next run."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import UTC, datetime

import pyarrow as pa
import pytest

from schemas import REJECTS, conform
from tasks.storage import report
from tasks.storage.compact import compact
from tasks.storage.publish import publish_commit
from tasks.storage.report import DB_NAME, build_views, open_views

AT = datetime(2024, 5, 1, tzinfo=UTC)


def _rejects(n: int, key: str) -> pa.Table:
    return conform([{"input_key": f"{key}-{i}", "stage": "discover", "reason": "bad_url",
                     "rejected_at": AT, "run_id": "r1"} for i in range(n)], REJECTS, "rejects")


def _commit(wh, batch: int, n: int) -> None:
    publish_commit(wh, {"rejects": _rejects(n, f"b{batch}")},
                   {"run_id": "r1", "started_at": "2024-05-01"}, batch)


def _count(wh) -> int:
    con, _note = open_views(wh)
    try:
        return con.execute("SELECT count(*) FROM rejects").fetchone()[0]
    finally:
        con.close()


def test_a_query_sees_the_batches_committed_after_the_views_were_built(tmp_path):
    """On main: 3 (the batch of the build), the second batch's 4 rows left out."""
    _commit(tmp_path, 1, 3)
    build_views(tmp_path)
    _commit(tmp_path, 2, 4)
    assert _count(tmp_path) == 7


def test_views_naming_files_a_later_commit_replaced_are_built_again(tmp_path):
    """A compaction committed but killed before its views build: the next compaction
    deletes the files it replaced first thing, and finds nothing more to merge (so it
    builds nothing either). On main every query then failed: "IO Error: No files found
    that match the pattern ...rejects/r1.b00001-0000.parquet"."""
    for batch in range(1, 4):
        _commit(tmp_path, batch, batch)
    build_views(tmp_path)
    assert compact(tmp_path, min_files=2) is not None  # its views build never happened
    assert compact(tmp_path, min_files=2) is None  # the replaced files go here
    assert _count(tmp_path) == 6


def test_views_current_with_the_commits_are_not_built_again(tmp_path, monkeypatch):
    _commit(tmp_path, 1, 3)
    build_views(tmp_path)
    inode = (tmp_path / DB_NAME).stat().st_ino
    monkeypatch.setattr(report, "_build", lambda root: pytest.fail("built again"))
    assert _count(tmp_path) == 3
    assert (tmp_path / DB_NAME).stat().st_ino == inode


def test_views_that_cannot_be_built_again_are_read_in_memory_with_every_commit(
        tmp_path, monkeypatch):
    """A warehouse whose folder this reader cannot write (a read-only mount): the views
    are built in memory for the query, with every commit, as for a missing database."""
    _commit(tmp_path, 1, 3)
    build_views(tmp_path)
    _commit(tmp_path, 2, 4)

    def refused(root):
        raise PermissionError(13, "Permission denied", str(root / DB_NAME))

    monkeypatch.setattr(report, "_build", refused)
    assert _count(tmp_path) == 7


# Seed 63: the views database's list of commits, a read-only mount, a build waited for.

def _database(con) -> str:
    return con.execute("SELECT current_database()").fetchone()[0]


def test_views_of_an_earlier_pressroom_listing_no_commits_are_built_again(tmp_path):
    _commit(tmp_path, 1, 3)
    db = build_views(tmp_path)
    con = report.duckdb.connect(str(db))
    con.execute(f"DROP TABLE {report.BUILT_FROM}")
    con.close()
    assert report.views_current(db, tmp_path) is False
    assert report.views_current(tmp_path / "missing.duckdb", tmp_path) is False
    con, note = open_views(tmp_path)
    try:
        assert note is None and _database(con) == "pressroom"
    finally:
        con.close()
    assert report.views_current(db, tmp_path) is True


def test_views_older_than_the_commits_are_opened_from_the_file_built_again(tmp_path):
    _commit(tmp_path, 1, 3)
    build_views(tmp_path)
    _commit(tmp_path, 2, 4)
    con, note = open_views(tmp_path)
    try:
        assert note is None and _database(con) == "pressroom"
        assert con.execute("SELECT count(*) FROM rejects").fetchone() == (7,)
    finally:
        con.close()


def test_current_views_are_opened_once(tmp_path, monkeypatch):
    _commit(tmp_path, 1, 3)
    db = build_views(tmp_path)
    opened = []
    connect = report.connect_views
    monkeypatch.setattr(report, "connect_views", lambda path: opened.append(path) or connect(path))
    assert _count(tmp_path) == 3 and opened == [db]


def _read_only_mount(monkeypatch) -> None:
    """DuckDB as on a read-only mount: a read-only connection opens, any other fails (the
    tests run as root, whom file modes do not stop)."""
    connect = report.duckdb.connect

    def read_only(database=":memory:", read_only=False, **kw):
        if not read_only and database != ":memory:":
            raise report.duckdb.IOException(f'Cannot open file "{database}": Read-only file '
                                            "system")
        return connect(database, read_only=read_only, **kw)

    monkeypatch.setattr(report.duckdb, "connect", read_only)


@pytest.mark.parametrize("views", ["older", "missing"])
def test_views_that_cannot_be_built_on_a_read_only_mount_are_read_in_memory_without_a_note(
        tmp_path, monkeypatch, views):
    # a whole database older than the commits, or none: nothing to mend, so no note (the
    # note is for a database DuckDB cannot open)
    _commit(tmp_path, 1, 3)
    db = build_views(tmp_path)
    _commit(tmp_path, 2, 4)
    if views == "missing":
        db.unlink()
    _read_only_mount(monkeypatch)
    con, note = open_views(tmp_path)
    try:
        assert note is None and _database(con) == "memory"
        assert con.execute("SELECT count(*) FROM rejects").fetchone() == (7,)
    finally:
        con.close()


def test_current_views_on_a_read_only_mount_are_opened_as_they_are(tmp_path, monkeypatch):
    _commit(tmp_path, 1, 3)
    db = build_views(tmp_path)
    _read_only_mount(monkeypatch)
    assert report.ensure_views(tmp_path) == db
    con, note = open_views(tmp_path)
    try:
        assert note is None and _database(con) == "pressroom"
    finally:
        con.close()


def test_a_reader_that_waited_for_another_readers_build_does_not_build_again(
        tmp_path, monkeypatch):
    # two readers of stale views: the second takes the build lock once the first has
    # built them, and finds them current
    _commit(tmp_path, 1, 3)
    build_views(tmp_path)
    _commit(tmp_path, 2, 4)
    lock, build = report._build_lock, report._build

    @contextmanager
    def after_the_other_build(root):
        with lock(root):
            build(root)  # the other reader, first to take the lock
        with lock(root):
            yield

    monkeypatch.setattr(report, "_build_lock", after_the_other_build)
    monkeypatch.setattr(report, "_build", lambda root: pytest.fail("built again"))
    assert _count(tmp_path) == 7


# --- fault round 38: a views database built by another pressroom ---------------------------

def test_views_built_with_other_definitions_are_built_again(tmp_path, monkeypatch):
    """An upgrade ships other views (one added, one changed) over the same commits: on
    main the old database was current, so `stories` "does not exist" and `daily_counts`
    kept its old definition until the next run."""
    from schemas import views as shipped

    _commit(tmp_path, 1, 3)
    older = tuple((name, sql) for name, sql in shipped() if name != "stories")
    older = tuple((name, "CREATE OR REPLACE VIEW daily_counts AS SELECT 1 AS old_definition"
                   if name == "daily_counts" else sql) for name, sql in older)
    monkeypatch.setattr(report, "views", lambda: older)
    build_views(tmp_path)
    monkeypatch.undo()
    con, _note = open_views(tmp_path)
    try:
        assert con.execute("SELECT count(*) FROM stories").fetchone() == (0,)
        assert "day" in [c[0] for c in con.execute("DESCRIBE daily_counts").fetchall()]
    finally:
        con.close()
    assert report.views_current(tmp_path / DB_NAME, tmp_path)


def test_the_views_fingerprint_follows_the_definitions(monkeypatch):
    first = report.views_fingerprint()
    assert report.views_fingerprint() == first
    monkeypatch.setattr(report, "views", lambda: (("x", "CREATE VIEW x AS SELECT 1"),))
    assert report.views_fingerprint() != first
