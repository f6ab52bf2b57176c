"""Conservation: the run fails loudly, naming the stage that lost records."""

from __future__ import annotations

import pytest

from tasks.common.ledger import ConservationError, Ledger


def _healthy() -> Ledger:
    ledger = Ledger()
    ledger.record("discover", received=10, passed=8, rejected=1, skipped=1)
    ledger.record("fetch", received=8, passed=6, failed=2)
    ledger.record("extract", received=6, passed=5, rejected=1)
    return ledger


def test_balanced_ledger_passes_and_totals_add_up():
    ledger = _healthy()
    ledger.check()
    assert ledger.totals() == {"inputs": 10, "kept": 5, "rejected": 2, "failed": 2,
                               "skipped": 1}


def test_batches_of_a_stage_add_up():
    ledger = Ledger()
    ledger.record("fetch", received=3, passed=2, failed=1)
    ledger.record("fetch", received=4, passed=4)
    assert ledger.stages[0].received == 7 and ledger.stages[0].passed == 6


def test_stage_that_loses_records_is_named():
    ledger = _healthy()
    ledger.record("clean", received=5, passed=3, rejected=1)  # one vanished
    with pytest.raises(ConservationError, match="stage 'clean' received 5"):
        ledger.check()


def test_gap_between_stages_is_named():
    ledger = _healthy()
    ledger.record("clean", received=4, passed=4)  # extract passed 5
    with pytest.raises(ConservationError, match="'extract' passed on 5 .* 'clean' received 4"):
        ledger.check()


def test_fetch_outcomes_count_304_as_settled():
    from tasks.common.ledger import fetch_outcomes

    log = [{"error": None}, {"error": "http_404"}, {"error": "not_modified"},
           {"error": "timeout_body"}]
    assert fetch_outcomes(log) == (2, 1)
