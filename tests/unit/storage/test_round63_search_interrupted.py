"""Ctrl-C in `pressroom search` (round 61's known item, fault round 63): the catch-up that
indexes the commits the index lacks read each commit's articles with DuckDB on the main
thread, where DuckDB's own check of signals lost a SIGINT at random (fault round 60, for
`sql`). That read now runs on a cursor of its own in a worker thread
(`interrupts.interruptible`). tantivy's own calls stay on the main thread: they let the
GIL go, and a SIGINT during one is raised when it returns.

Deterministic, as for `diff` (test_round63_diff_interrupted): the read is made one of
hours, the SIGINT sent once its worker runs; without a worker the signaller interrupts the
connection itself, and the test fails instead of hanging."""

from __future__ import annotations

import pytest

from schemas import ARTICLES, conform
from tasks.storage import search
from tasks.storage.interrupts import query_interrupted
from tasks.storage.publish import publish_run
from tests.unit.common.test_revisions import V1, _row

from .query_interrupts import QUERY_STOPPED, ctrl_c_during_endless_reads, no_query_worker_left


@pytest.fixture
def one_unindexed_commit(tmp_path):
    publish_run(tmp_path, {"articles": conform([_row(1, V1)], ARTICLES, "articles")},
                {"run_id": "r1", "started_at": "2024-05-01"})
    assert search.pending_commits(tmp_path)  # the search's catch-up reads it
    return tmp_path


def test_ctrl_c_stops_the_catch_up_read_of_a_search(one_unindexed_commit, monkeypatch,
                                                     ctrl_c_raises) -> None:
    seen = ctrl_c_during_endless_reads(monkeypatch, search)
    with pytest.raises(QUERY_STOPPED) as caught:
        search.search(one_unindexed_commit, "bridge")
    assert seen.get("worker"), "the catch-up's read ran on the main thread"
    assert query_interrupted(caught.value)
    assert no_query_worker_left()  # the read itself was stopped, not only the wait for it


def test_the_catch_up_read_in_a_worker_indexes_and_finds_the_article(one_unindexed_commit):
    # near miss: the catch-up reads and indexes as before (passes on both)
    got = search.search(one_unindexed_commit, "bridge")
    assert len(got.caught_up) == 1 and not search.pending_commits(one_unindexed_commit)
    assert [h.url for h in got.hits] == ["https://e.com/bridge"]


def test_a_file_gone_during_the_read_is_still_files_gone(one_unindexed_commit, monkeypatch):
    # near miss: DuckDB's IOException comes out of the worker as it did on the main thread
    manifest = search.pending_commits(one_unindexed_commit)[0]

    def gone(con, files, table, **_):
        rel = con.sql(f"SELECT * FROM read_parquet('{files[0]}')")  # bound to the file
        for f in files:  # then gone before the rows are read (in the worker, now)
            (one_unindexed_commit / f).unlink()
        return rel

    monkeypatch.setattr(search, "read_declared", gone)
    with pytest.raises(search.FilesGone):
        search._commit_articles(one_unindexed_commit, manifest)
