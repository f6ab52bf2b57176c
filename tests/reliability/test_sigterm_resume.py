"""A run stopped with SIGTERM in the middle of a commit (a Parquet file under its .tmp
name, the batch files in place without their manifest, the manifest not yet renamed, the
views half-built), then run again: the warehouse equals an uninterrupted run's, nothing
lost, nothing doubled, nothing torn (fault round 13).

SIGKILL at the same points is `tests/integration/test_crash_resume.py`'s. SIGTERM is not
the same fault: the run's handler turns it into SystemExit in the main thread (the exit
hooks run, the workers are ended) while a batch thread may be inside the commit, so the
process unwinds through `finally` and `except` blocks instead of vanishing."""

from __future__ import annotations

import os

import pytest

from tests.integration.test_crash_resume import (  # noqa: F401  (fixtures)
    assert_nothing_torn,
    corpus,
    ingest,
    reference,
    state,
)

pytestmark = pytest.mark.integration

TERM_POINTS = [
    "parquet-tmp-written:2",     # a Parquet file half-way (under its .tmp name)
    "commit-files-written:2",    # batch files in place, manifest not written
    "manifest-tmp-written:3",    # batch manifest written as .tmp, not renamed
    "batch-committed:4",         # four of six batches committed
    "views-built",               # the new database written as .tmp, not renamed
]


@pytest.mark.parametrize("term_at", TERM_POINTS)
def test_a_run_stopped_by_sigterm_mid_commit_resumes_to_the_same_warehouse(
        corpus, reference, tmp_path, term_at, prefect_server, monkeypatch):  # noqa: F811
    warehouse = tmp_path / "wh"
    monkeypatch.setenv("CRASHPOINT_SIGNAL", "TERM")
    stopped = ingest(corpus, warehouse, prefect_server, crash_at=term_at)
    assert stopped.returncode != 0, (term_at, stopped.stdout[-1500:])
    assert "Traceback" not in stopped.stderr, stopped.stderr[-3000:]
    after = state(warehouse)
    assert set(after["rows"]) <= set(reference["rows"])
    assert len(after["rows"]) == len(set(after["rows"]))
    monkeypatch.delenv("CRASHPOINT_SIGNAL")
    os.environ.pop("CRASHPOINT_KILL_AT", None)
    resumed = ingest(corpus, warehouse, prefect_server)
    assert resumed.returncode == 0, resumed.stdout[-2000:] + resumed.stderr[-3000:]
    assert state(warehouse) == reference, term_at
    assert_nothing_torn(warehouse)
