"""Fault round 8, local inputs and outputs: what round 7 left (a dump header with its
fields swapped, a `.urls` list read whole whatever its size) and the report's `--out`
path, with real files in `tmp_path`, a whole `ingest` flow under the session's Prefect
harness and the CLI for the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks.common.settings import Settings
from tests.integration.test_input_faults7 import _dump, _table

pytestmark = pytest.mark.integration

BIG_LIST = 33 * 1024 * 1024  # over the 32 MB a URL list is read at once


def test_an_ingest_names_a_swapped_header_and_an_oversized_list(
        prefect_harness, tmp_path, warehouse) -> None:
    """A folder of a good dump, a dump whose header reads ` date URL DATE` and a 33 MB
    `.urls` file (sparse: a URL, then NULs). On main the list was read into memory and
    its NUL line became a bad_url reject beside its one URL, and the swapped header said
    only "header date 'https://...' is not a valid YYYY-MM-DD". Now: one article, a
    reject each saying what is wrong, and the run conserves."""
    from flows.ingest import ingest

    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "good.txt").write_text(_dump("https://dumps.example/good.html"), "utf-8")
    (inputs / "swapped.txt").write_text(
        _dump("https://dumps.example/swapped.html").replace(
            " date 2024-04-04 https://dumps.example/swapped.html",
            " date https://dumps.example/swapped.html 2024-04-04", 1), "utf-8")
    with (inputs / "export.urls").open("wb") as f:
        f.write(b"https://dumps.example/listed.html\n")
        f.truncate(BIG_LIST)

    manifest = ingest(inputs=[str(inputs)], settings=Settings(warehouse=warehouse))
    assert _table(warehouse, "SELECT url FROM articles") == [("https://dumps.example/good.html",)]
    rejects = dict(((r, d) for r, d in _table(warehouse, "SELECT reason, detail FROM rejects")))
    assert rejects == {
        "bad_date": "the header's date and URL are swapped: 'date "
                    "https://dumps.example/swapped.html 2024-04-04' should read "
                    "' date 2024-04-04 https://dumps.example/swapped.html'",
        "too_large": f"a URL list of {BIG_LIST} bytes, over the {32 * 1024 * 1024} read at "
                     "once: not read; split it into smaller .urls files"}
    discover = next(s for s in manifest["stages"] if s["stage"] == "discover")
    assert (discover["received"], discover["passed"], discover["rejected"]) == (3, 1, 2)
    assert manifest["totals"]["kept"] == 1
    assert all(n == 0 for n in manifest["data_tests"].values()), manifest["data_tests"]


def test_a_report_out_path_that_cannot_be_a_file_is_refused_with_a_sentence(
        prefect_harness, tmp_path, warehouse) -> None:
    """`pressroom report --out` a folder, or a path under a file: on main a traceback after
    the views were built and the data tests run (IsADirectoryError, FileExistsError), a
    `<out>.tmp` left behind. Now exit 2 with a sentence, nothing written; a file path
    writes the report."""
    from typer.testing import CliRunner

    from flows.cli import app
    from flows.ingest import ingest

    (tmp_path / "a.txt").write_text(_dump("https://dumps.example/a.html"), "utf-8")
    ingest(inputs=[str(tmp_path / "a.txt")], settings=Settings(warehouse=warehouse))
    folder, a_file = tmp_path / "reports-here", tmp_path / "a-file"
    folder.mkdir()
    a_file.write_text("x")
    for out, says in ((folder, f"--out {folder} is a folder: name the report's file "
                               f"(e.g. {folder / 'report.html'})"),
                      (a_file / "r.html", f"--out {a_file / 'r.html'} cannot be written: "
                                          f"{a_file} is a file, not a folder")):
        result = CliRunner().invoke(app, ["report", "-w", str(warehouse), "--out", str(out)])
        text = " ".join(result.output.split())
        assert result.exit_code == 2, text
        assert f"cannot write the report: {says}" in text, text
        assert "Traceback" not in text
    assert list(folder.iterdir()) == [] and a_file.read_text() == "x"
    assert not Path(f"{folder}.tmp").exists()

    good = tmp_path / "out" / "report.html"
    result = CliRunner().invoke(app, ["report", "-w", str(warehouse), "--out", str(good)])
    assert result.exit_code == 0, result.output
    assert good.read_bytes().startswith(b"<!DOCTYPE html>")
