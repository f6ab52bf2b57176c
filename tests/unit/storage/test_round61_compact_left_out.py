"""`pressroom compact` over a table with a damaged committed file (fault round 61): it
merged the readable files and said "rejects: 2 files -> 1", exit 0, naming no file left
out (round 60's known item). Now a note on standard error names it; the compaction
itself is unchanged."""

from __future__ import annotations

from typer.testing import CliRunner

from flows.cli import app
from tests.reliability.warehouses import committed_warehouse


def _compact(root):
    return CliRunner().invoke(app, ["compact", "--min-files", "2", "--warehouse", str(root)])


def test_compact_names_the_damaged_file_it_left_out(tmp_path) -> None:
    root = committed_warehouse(tmp_path / "wh", runs=3)
    cut = sorted((root / "rejects").glob("*.parquet"))[1]
    cut.write_bytes(cut.read_bytes()[:100])  # no footer
    out = _compact(root)
    assert out.exit_code == 0, out.output
    assert "rejects: 2 files -> 1" in out.stdout  # the readable files are merged, as before
    assert f"rejects/{cut.name}" in out.stderr
    assert "LEFT OUT of the compaction" in out.stderr
    assert cut.exists()  # kept for its restore
    again = _compact(root)  # nothing left to merge: the file is still named
    assert "nothing to compact" in again.stdout and f"rejects/{cut.name}" in again.stderr


def test_a_sound_warehouse_gets_no_note(tmp_path) -> None:
    root = committed_warehouse(tmp_path / "wh", runs=3)
    out = _compact(root)
    assert out.exit_code == 0, out.output
    assert "rejects: 3 files -> 1" in out.stdout
    assert "LEFT OUT" not in out.output


def test_the_note_names_three_files_and_counts_the_rest() -> None:
    from tasks.storage.compact import left_out_note  # (new: the two above run on cd54e8ca)

    problems = [{"file": f"rejects/f{i}.parquet", "detail": "missing"} for i in range(5)]
    note = left_out_note(problems)
    assert note.startswith("5 committed file(s) LEFT OUT")
    assert "rejects/f2.parquet" in note and "rejects/f3.parquet" not in note
    assert "and 2 more" in note
    assert left_out_note([]) is None
