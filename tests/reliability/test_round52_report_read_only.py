"""`pressroom report` over a warehouse this process cannot write (fault round 52, round
51's known item): a read-only mount (a backup, a snapshot, a container's volume) or
another user's warehouse. It was refused ("bad warehouse: warehouse W is not writable
(Read-only file system)", exit 2) even with `--out -` or `--out` elsewhere, because it
built the views database in the warehouse; `sql` answers from the same warehouse. The
real command, on a read-only bind mount in a mount namespace of its own (as root), or on
folders without write permission (as another user)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.read_only import run_read_only
from tests.unit.storage.test_search import _article, _commit

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def story_wh(warehouse: Path) -> Path:
    """A warehouse of one committed run of one story."""
    _commit(warehouse, "r1", [_article("a2", "Storm floods coast",
                                       "A storm flooded the coast overnight.", "r1")])
    return warehouse


def _report_read_only(warehouse: Path, here: Path, *args: str) -> subprocess.CompletedProcess:
    """`pressroom report ARGS` run in `here`, the warehouse read-only."""
    command = [sys.executable, "-m", "flows.cli", "report", *args, "-w", str(warehouse)]
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "200"}
    return run_read_only(warehouse, command, cwd=here, env=env, capture_output=True,
                         timeout=300)


def _listing(warehouse: Path) -> list[str]:
    return sorted(str(p.relative_to(warehouse)) for p in warehouse.rglob("*"))


def test_report_to_standard_output_reads_a_warehouse_it_cannot_write(story_wh, tmp_path):
    before = _listing(story_wh)
    here = tmp_path / "here"
    here.mkdir()
    done = _report_read_only(story_wh, here, "--out", "-")
    said = " ".join(done.stderr.decode().split())
    assert done.returncode == 0, said
    page = done.stdout.decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Storm floods coast" in page, page[:300]
    assert "data test: articles_text_not_empty: ok" in said and "Traceback" not in said
    assert "DuckDB: none written (the warehouse cannot be written" in said
    assert _listing(story_wh) == before  # nothing written into the warehouse
    assert list(here.iterdir()) == []  # no file named "-"


def test_report_to_a_file_elsewhere_reads_it_too(story_wh, tmp_path):
    done = _report_read_only(story_wh, tmp_path, "--out", str(tmp_path / "r.html"))
    assert done.returncode == 0, done.stderr.decode()
    assert b"Storm floods coast" in (tmp_path / "r.html").read_bytes()


def test_a_report_into_the_warehouse_is_refused_with_the_way_out(story_wh, tmp_path):
    """The guard: with no --out the report goes into the warehouse, which cannot be
    written: refused as before, the sentence now saying how to read it anyway."""
    done = _report_read_only(story_wh, tmp_path)
    said = " ".join(done.stderr.decode().split())
    assert done.returncode == 2, said
    assert "is not writable" in said and "--out - for standard output" in said, said
