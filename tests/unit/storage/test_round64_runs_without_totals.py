"""The data test `runs_conserve_records` over run manifests that lack their totals
(edited by hand, written by another tool; fault round 63's known item, decided in round
64). One missing total already failed it (the sum is NULL, distinct from the inputs);
a manifest missing all of them passed, NULL not being distinct from NULL. A run whose
conservation cannot be shown fails the test, as a NULL in a required column fails
`required_columns_not_null`: pressroom's own run manifests always carry their totals."""

from __future__ import annotations

import json
from pathlib import Path

from tasks.storage.report import build_views, run_data_tests
from tests.reliability.warehouses import committed_warehouse


def _data_tests_with_totals(tmp_path: Path, edit) -> dict[str, int]:
    """The data tests over a warehouse of 2 committed runs, the second run's manifest's
    totals edited by `edit` (a dict -> None)."""
    root = committed_warehouse(tmp_path / "wh", runs=2)
    path = root / "manifests" / "20240102T000000Z-000001.json"
    manifest = json.loads(path.read_text())
    edit(manifest)
    path.write_text(json.dumps(manifest))
    return run_data_tests(build_views(root))


def test_a_run_without_any_total_fails_runs_conserve_records(tmp_path):
    # before: 0 failing rows, the run's conservation taken as shown
    failing = _data_tests_with_totals(tmp_path, lambda m: m.pop("totals"))
    assert failing["runs_conserve_records"] == 1
    assert [name for name, n in failing.items() if n] == ["runs_conserve_records"]


def test_a_run_whose_totals_are_all_null_fails_it_too(tmp_path):
    failing = _data_tests_with_totals(
        tmp_path, lambda m: m.update(totals=dict.fromkeys(m["totals"])))
    assert failing["runs_conserve_records"] == 1


def test_whole_totals_pass_and_one_missing_total_fails_as_before(tmp_path):
    # near misses, on the start too: whole totals that add up pass; one missing fails
    assert _data_tests_with_totals(tmp_path / "a", lambda m: None)["runs_conserve_records"] == 0
    failing = _data_tests_with_totals(tmp_path / "b", lambda m: m["totals"].pop("skipped"))
    assert failing["runs_conserve_records"] == 1
