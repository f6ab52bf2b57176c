"""Ctrl-C in `pressroom diff` (round 61's known item, fault round 63): its scan of every
articles file (`revisions.revisions_of`) ran on the main thread, where DuckDB's own check
of signals lost a SIGINT at random (fault round 60, for `sql`). It now runs as `sql`'s
queries do, on a cursor of its own in a worker thread (`interrupts.interruptible`).

Deterministic: the scan is made one that cannot end within the test's patience (the
relation over the articles files is replaced by hours of work); the SIGINT is sent once
the scan's worker thread runs. On code that scans on the main thread no worker appears:
the signaller then interrupts the connection the scan runs on itself, so the test fails
instead of hanging."""

from __future__ import annotations

import pytest

from schemas import ARTICLES, conform
from tasks.storage import revisions
from tasks.storage.interrupts import query_interrupted
from tasks.storage.publish import publish_run
from tests.unit.common.test_revisions import V1, _row

from .query_interrupts import QUERY_STOPPED, ctrl_c_during_endless_reads, no_query_worker_left


@pytest.fixture
def one_article(tmp_path):
    publish_run(tmp_path, {"articles": conform([_row(1, V1)], ARTICLES, "articles")},
                {"run_id": "r1", "started_at": "2024-05-01"})
    return tmp_path


def test_ctrl_c_stops_the_scan_of_diff_that_would_run_for_hours(
        one_article, monkeypatch, ctrl_c_raises) -> None:
    seen = ctrl_c_during_endless_reads(monkeypatch, revisions)
    with pytest.raises(QUERY_STOPPED) as caught:
        revisions.revisions_of(one_article, "https://e.com/bridge")
    assert seen.get("worker"), "diff's scan ran on the main thread"
    assert query_interrupted(caught.value)
    assert no_query_worker_left()  # the scan itself was stopped, not only the wait for it


def test_the_scan_in_a_worker_still_gives_every_revision_and_nothing_else(one_article) -> None:
    # near miss: the rows are those of the scan on the main thread (passes on both)
    got = revisions.revisions_of(one_article, "https://e.com/bridge")
    assert [(r["run_id"], r["revision"], r["text"]) for r in got] == [("r1", 1, V1)]
    assert revisions.revisions_of(one_article, "https://e.com/other") == []
