"""revisions_of over a warehouse whose article files were written by different schema
versions (the CLI `diff` and the history view are tests/unit/common/test_revisions.py)."""

from __future__ import annotations

import pyarrow.parquet as pq

from schemas import ARTICLES, conform
from tasks.storage.publish import commit_manifest, publish_run
from tasks.storage.revisions import revisions_of
from tests.unit.common.test_revisions import V1, V2, _row


def test_revisions_span_files_of_an_older_schema(tmp_path):
    # Revision 1 was committed before articles had a `revision` column (and others), so
    # its file has fewer columns, in another order than the files written since.
    old = conform([_row(1, V1)], ARTICLES, "articles").drop_columns(["revision", "title"])
    old = old.select(list(reversed(old.column_names)))
    (tmp_path / "articles").mkdir()
    pq.write_table(old, tmp_path / "articles" / "r1-0000.parquet")
    commit_manifest(tmp_path, "r1", {"run_id": "r1", "started_at": "2024-05-01",
                                     "files": {"articles": ["articles/r1-0000.parquet"]}})
    publish_run(tmp_path, {"articles": conform([_row(2, V2)], ARTICLES, "articles")},
                {"run_id": "r2", "started_at": "2024-05-02"})
    got = revisions_of(tmp_path, "https://e.com/bridge")
    assert [(r["run_id"], r["revision"], r["text"]) for r in got] == [
        ("r1", None, V1), ("r2", 2, V2)]
    assert got[1]["title"] == "Bridge approved" and got[0]["title"] is None
