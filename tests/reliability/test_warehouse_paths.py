"""A warehouse kept at a path that holds glob characters (fault round 38): a folder named
`news [2026]` or `star*q`, as people name year folders and exports. The runs view reads
the manifests through a glob under the warehouse's own path, which DuckDB expanded: under
`news [2026]` every query failed ("IO Error: No files found that match the pattern"), and
under `star*q` every read (views, known inputs, dedup's prior copies) also took the files
of a sibling warehouse `starXq`."""

from __future__ import annotations

import shutil
from datetime import timedelta

import pytest
from typer.testing import CliRunner

from flows.cli import app
from tasks.storage.report import build_views
from tests.reliability.warehouses import committed_warehouse


def _sql(root, query):
    out = CliRunner().invoke(app, ["sql", query, "-w", str(root), "--format", "csv"])
    assert out.exit_code == 0, out.output
    return out.output.strip().splitlines()[1:]


@pytest.mark.parametrize("folder", ["news [2026]", "star*q", "a[b]c ü é"])
def test_a_warehouse_under_a_path_with_glob_characters_reads_its_own_runs(tmp_path, folder):
    root = committed_warehouse(tmp_path / folder / "wh")
    # a sibling warehouse the glob `star*q` matched: its run must not show
    other = committed_warehouse(tmp_path / "starXq" / "wh", runs=1)
    shutil.copy(next((other / "manifests").glob("*.json")),
                other / "manifests" / "19990101T000000Z-other.json")
    assert _sql(root, "SELECT count(*) FROM runs") == ["2"]
    assert _sql(root, "SELECT count(*) FROM rejects") == ["6"]
    build_views(root)  # the database a run leaves, read again
    assert _sql(root, "SELECT count(*) FROM runs") == ["2"]


def test_known_inputs_are_the_warehouses_own_under_a_path_with_a_star(tmp_path):
    """Before: the sibling's rejects were this warehouse's known inputs, so a run here
    would have skipped them as "already in warehouse"."""
    from tasks.storage.warehouse import known_inputs

    root = committed_warehouse(tmp_path / "star*q" / "wh", runs=1)
    other = tmp_path / "starXq" / "wh"
    committed_warehouse(other, runs=1, rows=5)  # the same file names, k0-0 ... k0-4
    known = known_inputs(root, timedelta(hours=1))
    assert known.rejected_keys == {"k0-0", "k0-1", "k0-2"}  # not k0-3, k0-4


@pytest.mark.parametrize("command", [["compact", "--min-files", "0"],
                                     ["forget", "--domain", "e.com"]])
def test_a_warehouse_under_a_path_with_a_question_mark_is_refused_with_a_sentence(
        tmp_path, command):
    """Fault round 39: DuckDB reads `?` in a database path as options and put the views
    database's log at `star*q.wal?/...`: every build of the views failed ("Cannot open
    file"), after a run's whole work or a compaction's commit. Now one sentence before
    any work; queries still answer (views in memory)."""
    root = committed_warehouse(tmp_path / "star*q?" / "wh", runs=1)
    before = sorted(p.name for p in (root / "manifests").iterdir())
    out = CliRunner().invoke(app, [*command, "-w", str(root)])
    assert out.exit_code == 2, out.output
    assert "holding '?'" in out.output and "Rename the folder" in out.output
    assert not (root / "pressroom.duckdb").exists()
    assert sorted(p.name for p in (root / "manifests").iterdir()) == before
    assert _sql(root, "SELECT count(*) FROM rejects") == ["3"]


def test_a_link_without_a_question_mark_to_such_a_folder_is_refused_too(tmp_path):
    from tasks.storage.preflight import warehouse_problem

    root = committed_warehouse(tmp_path / "q?" / "wh", runs=1)
    link = tmp_path / "plain"
    link.symlink_to(root)
    assert "holding '?'" in warehouse_problem(link, write=True)
    assert warehouse_problem(link, write=False, existing=True) is None
    assert warehouse_problem(tmp_path / "plain-ok", write=True) is None
