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
