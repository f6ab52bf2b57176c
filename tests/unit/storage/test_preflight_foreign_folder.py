"""A command that reads a warehouse, pointed at a folder that is none (fault round 48):
`pressroom sql -w seeds` answered "count 0" as from an empty warehouse, exit 0, and left a
536 KB pressroom.duckdb and its lock among the seeds."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from flows.cli import app
from tasks.storage.preflight import warehouse_problem


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "a.txt").write_text("date 2024-01-02 https://n.example/a\nTitle\nText\n")
    (folder / "urls.urls").write_text("https://n.example/b\n")
    (folder / "notes").mkdir()
    return folder


@pytest.mark.parametrize("command", [
    ["sql", "SELECT count(*) FROM articles"], ["runs"], ["search", "budget"],
    ["diff", "https://n.example/a"], ["reindex"]])
def test_a_folder_of_other_files_is_no_warehouse_to_read(seeds, command):
    before = sorted(p.name for p in seeds.iterdir())
    out = CliRunner().invoke(app, [*command, "-w", str(seeds)])
    assert out.exit_code == 2, out.output
    text = " ".join(out.output.split())
    assert f"no warehouse at {seeds}: the folder holds 3 other file(s)" in text, text
    assert "a.txt, notes, urls.urls" in text, text
    assert sorted(p.name for p in seeds.iterdir()) == before  # nothing left in it


def test_an_empty_folder_or_a_warehouse_is_read_as_before(tmp_path, warehouse):
    """The guard: a folder no run wrote yet (empty, or hidden files only, as a `.DS_Store`),
    and a warehouse (any folder of its own) are warehouses to read."""
    (warehouse / ".DS_Store").write_bytes(b"\0")
    assert warehouse_problem(warehouse, write=False, existing=True) is None
    out = CliRunner().invoke(app, ["sql", "-f", "csv", "SELECT count(*) AS n FROM articles",
                                   "-w", str(warehouse)])
    assert out.exit_code == 0 and "n\n0\n" in out.output.replace("\r\n", "\n"), out.output
    (warehouse / "notes.txt").write_text("mine")  # a file of the user's beside its own
    assert warehouse_problem(warehouse, write=False, existing=True) is None
    assert warehouse_problem(tmp_path, write=True) is None  # a run may make one anywhere
