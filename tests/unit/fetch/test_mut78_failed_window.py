"""Mutation seed 78: the window in which a failed URL is not asked again (fault round 54):
`refetch_failed_after_hours` either side of now. A failure stamped further ahead was
stamped by a clock since set back, and the URL is fetched again (here from a loopback
address where nothing listens), not skipped as "recently_failed" for a month."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from schemas import DOCUMENTS, conform
from tasks.common.settings import Settings, settings_slice
from tasks.common.state import FetchHistory
from tasks.fetch import FetchConfig, run

CONFIG = settings_slice(FetchConfig, Settings())
URL = "http://127.0.0.62:9/failed-story"


def _error_of(stamped: timedelta) -> str | None:
    now = datetime.now(UTC)
    history = {URL: FetchHistory(None, "timeout_total", now + stamped)}
    batch = conform([{"source": "s", "input_key": "k", "url": URL, "source_kind": "url"}],
                    DOCUMENTS, "documents")
    [row] = run(batch, CONFIG, "run-78", history=history).fetch_log
    return row["error"]


@pytest.mark.parametrize("hours", [-1, 1, 0])
def test_a_failure_within_the_window_either_side_is_not_asked_again(hours: int) -> None:
    assert _error_of(timedelta(hours=hours)) == "recently_failed"


@pytest.mark.parametrize("stamped", [
    timedelta(hours=CONFIG.refetch_failed_after_hours, minutes=5),  # ahead: a clock set back
    timedelta(days=30),
    -timedelta(hours=CONFIG.refetch_failed_after_hours, minutes=5)])
def test_a_failure_outside_the_window_is_fetched_again(stamped: timedelta) -> None:
    assert _error_of(stamped) not in (None, "recently_failed")
