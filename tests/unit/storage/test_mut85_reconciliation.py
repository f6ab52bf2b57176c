"""Seed 85 (session 61): a hand mutant of fault round 63's `reconciliation` that no test
killed (RC2: the run's inputs missing, its other totals there)."""

from __future__ import annotations

from tasks.storage.report_html import reconciliation


def test_a_run_without_its_inputs_total_has_its_totals_missing():
    # (None == a sum is False: read as "UNBALANCED", a run that lost records)
    assert reconciliation(None, 3, 1, 0, 0) == "totals missing"


def test_a_run_with_every_total_is_balanced_or_not_by_its_sum():
    # (near misses)
    assert reconciliation(4, 3, 1, 0, 0) == "balanced"
    assert reconciliation(5, 3, 1, 0, 0) == "UNBALANCED"
