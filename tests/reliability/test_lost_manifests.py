"""A warehouse whose manifests/ folder was lost (fault round 48): copied or synced
without it (`rsync --exclude manifests`, a backup of the data folders only), or cleaned
away as metadata. Before: `pressroom sql "SELECT count(*) FROM articles"` answered 0
with no word why, and the next `pressroom ingest` moved every run's files to _orphans/
("moved uncommitted articles/...") and fetched its inputs again as new."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from schemas import ARTICLES, conform
from tasks.storage.preflight import warehouse_problem
from tasks.storage.publish import publish_run, write_table
from tasks.storage.warehouse import LostCommits, quarantine_orphans
from tests.unit.storage.test_search import _article

TEXT = "The council passed the budget on Tuesday.\n\nThe river tax was dropped."


def _run(root: Path, run_id: str, article_id: str) -> None:
    rows = [_article(article_id, f"Story {article_id}", TEXT, run_id)]
    publish_run(root, {"articles": conform(rows, ARTICLES, "articles")},
                {"run_id": run_id, "started_at": run_id})


@pytest.fixture
def lost(warehouse: Path) -> Path:
    """Two committed runs whose manifests/ is gone."""
    _run(warehouse, "20240101T000000Z-aaaaaa", "a1")
    _run(warehouse, "20240102T000000Z-bbbbbb", "a2")
    shutil.rmtree(warehouse / "manifests")
    return warehouse


def _data_files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.parquet"))


def test_a_run_into_a_warehouse_that_lost_its_manifests_is_refused(lost, tmp_path):
    before = _data_files(lost)
    dump = tmp_path / "d.txt"
    dump.write_text("date 2024-01-03 https://n.example/a\nTitle\nText\n")
    out = CliRunner().invoke(app, ["ingest", str(dump), "-w", str(lost)])
    assert out.exit_code == 2, out.output
    text = " ".join(out.output.split())
    assert "2 data file(s) of 2 run(s) that committed" in text, text
    assert "manifests/ is missing" in text and "Restore manifests/" in text, text
    with pytest.raises(LostCommits):  # a deployment's run, which no command line checked
        quarantine_orphans(lost)
    assert _data_files(lost) == before  # nothing set aside


def test_a_query_of_such_a_warehouse_says_why_it_counts_nothing(lost):
    out = CliRunner().invoke(app, ["sql", "-f", "csv", "SELECT count(*) AS n FROM articles",
                                   "-w", str(lost)])
    assert out.exit_code == 0, out.output
    text = " ".join(out.output.split())
    assert "note: warehouse" in text and "listed by no commit manifest" in text, text


def test_a_run_with_a_report_but_no_manifest_committed_once(warehouse):
    """One run's files, but its report was written (after its run manifest): its
    manifest was lost, not its commit killed."""
    _run(warehouse, "20240101T000000Z-aaaaaa", "a1")
    (warehouse / "manifests" / "20240101T000000Z-aaaaaa.json").unlink()
    (warehouse / "reports").mkdir()
    (warehouse / "reports" / "20240101T000000Z-aaaaaa.html").write_text("<html></html>")
    problem = warehouse_problem(warehouse, write=True)
    assert problem and "1 run(s) that committed (20240101T000000Z-aaaaaa)" in problem
    assert "manifests/ holds no manifest" in problem, problem


def test_one_killed_runs_files_are_still_set_aside(warehouse):
    """The guard: a commit killed before its manifest (files of one run, no report) is
    moved to _orphans/ by the next run, beside a committed run, as before."""
    _run(warehouse, "20240101T000000Z-aaaaaa", "a1")
    rows = [_article("a9", "Story a9", TEXT, "20240102T000000Z-killed")]
    write_table(warehouse, "articles", conform(rows, ARTICLES, "articles"),
                "20240102T000000Z-killed.b00001")
    assert warehouse_problem(warehouse, write=True) is None
    notes = quarantine_orphans(warehouse)
    assert len(notes) == 1 and "moved uncommitted articles/20240102T000000Z-killed" in notes[0]


def test_files_of_two_killed_commands_beside_commits_are_set_aside(warehouse):
    """The guard of the rule's other side: an `ingest` killed before its manifest, then a
    `compact` killed before its own (neither clears what the other left: only a run
    does, at its start), leave unlisted files of two runs in a warehouse that still has
    its commits. Its manifests were not lost: the next run sets both aside."""
    _run(warehouse, "20240101T000000Z-aaaaaa", "a1")
    for run_id, article in (("20240102T000000Z-killed", "a8"),
                            ("20240103T000000Z-compac", "a9")):
        rows = [_article(article, f"Story {article}", TEXT, run_id)]
        write_table(warehouse, "articles", conform(rows, ARTICLES, "articles"), run_id)
    assert warehouse_problem(warehouse, write=True) is None
    notes = quarantine_orphans(warehouse)
    assert len(notes) == 2, notes
    assert all("moved uncommitted articles/" in n for n in notes), notes
