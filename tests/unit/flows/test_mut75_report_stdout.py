"""Mutation seed 75: `pressroom report --out -` (flows/cli.py), in the cases its hand
mutants were not asked: every line for people goes to standard error (a run that did
not finish, a data test that fails), the page alone to standard output; and
`--out` naming a folder is still refused before any work."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from flows.cli import app
from tests.unit.flows.test_report_command import KILLED, _batch
from tests.unit.flows.test_report_out_stdout import _report
from tests.unit.storage.test_search import _article, _commit


def _page_alone(stdout: bytes) -> str:
    page = stdout.decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>"), page[:200]
    return page


def test_the_note_of_a_run_that_did_not_finish_goes_to_standard_error(warehouse, tmp_path):
    _batch(warehouse, KILLED)
    done = _report(tmp_path, warehouse, "--out", "-")
    assert done.returncode == 0, done.stderr.decode()
    assert "River floods valley" in _page_alone(done.stdout)
    said = " ".join(done.stderr.decode().split())
    assert f"note: no run has finished; {KILLED} stopped before its end" in said


def test_a_failing_data_test_is_said_on_standard_error(search_wh, tmp_path):
    # a committed file emptied on disk: the readable-files data test fails (exit 1),
    # and says so beside the page, not in it
    _commit(search_wh, "r2", [_article("a3", "Floods again", "The river floods.", "r2")])
    next(search_wh.glob("articles/r2-*.parquet")).write_bytes(b"")
    done = _report(tmp_path, search_wh, "--out", "-")
    assert done.returncode == 1, done.stderr.decode()
    page = _page_alone(done.stdout)
    said = " ".join(done.stderr.decode().split())
    assert "data test: committed_files_readable: 1 failing row(s)" in said, said
    assert "data test:" not in page


def test_out_naming_a_folder_is_refused_before_any_work(search_wh, tmp_path: Path):
    folder = tmp_path / "reports"
    folder.mkdir()
    done = CliRunner().invoke(app, ["report", "--out", str(folder), "-w", str(search_wh)])
    assert done.exit_code == 2, done.output
    said = " ".join(done.output.split())
    assert f"cannot write the report: --out {folder} is a folder" in said
    assert list(folder.iterdir()) == [] and not (search_wh / "reports").exists()
