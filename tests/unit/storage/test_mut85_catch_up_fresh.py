"""Seed 85 (session 61): a hand mutant of fault round 63's stop in `catch_up` that no
test killed (SE3: a commit whose articles the run hands over in memory, `fresh`, stopped
at for its file on disk)."""

from __future__ import annotations

from schemas import ARTICLES, conform
from tasks.storage import search
from tasks.storage.publish import publish_run
from tests.unit.common.test_revisions import V1, V2, _row


def test_a_commit_handed_over_fresh_is_indexed_whatever_its_file_on_disk(tmp_path):
    tables = {}
    for revision, text in ((1, V1), (2, V2)):
        tables[revision] = conform([_row(revision, text)], ARTICLES, "articles")
        publish_run(tmp_path, {"articles": tables[revision]},
                    {"run_id": f"r{revision}", "started_at": f"2024-05-0{revision}"})
    first = search.pending_commits(tmp_path)[0]
    next(iter(sorted((tmp_path / "articles").glob("r1-*.parquet")))).write_bytes(b"")
    # the run that committed r1 hands its rows over: the file is not read, nothing stops
    done = search.catch_up(tmp_path, {search.commit_key(first): tables[1]})
    assert len(done) == 2 and not search.pending_commits(tmp_path)


def test_without_the_rows_in_memory_the_same_commit_stops_the_catch_up(tmp_path):
    # (near miss: round 63's stop)
    for revision, text in ((1, V1), (2, V2)):
        publish_run(tmp_path, {"articles": conform([_row(revision, text)], ARTICLES, "articles")},
                    {"run_id": f"r{revision}", "started_at": f"2024-05-0{revision}"})
    next(iter(sorted((tmp_path / "articles").glob("r1-*.parquet")))).write_bytes(b"")
    assert search.catch_up(tmp_path) == []
    assert len(search.pending_commits(tmp_path)) == 2
