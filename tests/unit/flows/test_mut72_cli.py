"""Seed 72: the command-line checks session 49 added (fault round 46), at the edges its
mutants showed no test deciding: an outlet's name with no near match, an outlet beside a
URL, a warehouse option of spaces, a blank input beside a missing one, `--min-files 0`."""

from __future__ import annotations

from typer.testing import CliRunner

from flows.cli import app
from tasks.storage import search as search_index
from tests.unit.storage.test_search import _article, _commit

TEXT = "Heavy rain flooded the river valley overnight.\n\nThe mayor ordered an evacuation."


def _wh(warehouse):
    rows = [_article("a1", "River floods valley", TEXT, "r1", domain="news.example",
                     source_name="Daily Post"),
            _article("a2", "Rain floods town", TEXT, "r1", domain="other.example",
                     source_name="Evening Star")]
    search_index.index_commit(warehouse, _commit(warehouse, "r1", rows), "r1")
    return warehouse


def _said(out) -> str:
    return " ".join(out.output.split())


def test_an_outlet_with_no_near_name_is_refused_with_the_count_of_names(warehouse):
    wh = _wh(warehouse)
    out = CliRunner().invoke(app, ["forget", "--outlet", "Zzyzx", "-w", str(wh)])
    assert out.exit_code == 1, _said(out)
    assert _said(out) == (
        f"no article of an outlet named 'Zzyzx' in {wh}: nothing taken down (2 outlet "
        "name(s) in it; pressroom sql \"SELECT DISTINCT source_name FROM articles\" lists "
        "them; --domain takes a site)")
    assert not (wh / "takedowns").exists()


def test_near_names_are_listed_up_to_three(warehouse):
    rows = [_article(f"a{i}", "River floods valley", TEXT, "r1", domain=f"d{i}.example",
                     source_name=name)
            for i, name in enumerate(["Daily Post", "Daily Posts", "Dally Post", "Daily Pest",
                                      "Weekly Star"])]
    search_index.index_commit(warehouse, _commit(warehouse, "r1", rows), "r1")
    out = CliRunner().invoke(app, ["forget", "--outlet", "Daily Pots", "-w", str(warehouse)])
    assert out.exit_code == 1
    said = _said(out)
    assert said.endswith("nothing taken down (did you mean 'Daily Posts', 'Daily Post', "
                         "'Dally Post'?)"), said  # three of the four near ones


def test_an_outlet_in_other_capitals_is_taken_down_not_refused(warehouse):
    wh = _wh(warehouse)
    out = CliRunner().invoke(app, ["forget", "--outlet", "daily post", "-w", str(wh)])
    assert out.exit_code == 0, _said(out)
    assert "articles 1" in out.output


def test_an_outlet_beside_a_url_is_not_refused_for_having_no_article(warehouse):
    wh = _wh(warehouse)
    out = CliRunner().invoke(app, ["forget", "--url", "https://other.example/a2",
                                   "--outlet", "Nobody", "-w", str(wh)])
    assert out.exit_code == 0, _said(out)
    assert "articles 1" in out.output


def test_a_warehouse_option_of_spaces_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(app, ["sql", "SELECT 1", "-w", "  "])
    assert out.exit_code == 2
    assert "--warehouse is empty: give the warehouse folder (an unset shell variable? for "\
           "the current folder, write -w .)" in _said(out)
    assert list(tmp_path.iterdir()) == []


def test_a_blank_input_and_a_missing_one_are_both_named(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(app, ["ingest", " ", "gone.urls", "-w", str(tmp_path / "wh")])
    assert out.exit_code == 2
    assert _said(out) == (
        "no such input: ' ': an empty input names no file, folder or URL (to read the "
        "current folder, name it: .); an unset shell variable? no such input: gone.urls")


def test_no_count_of_files_to_compact_is_taken(warehouse):
    (warehouse / "manifests").mkdir()
    out = CliRunner().invoke(app, ["compact", "--min-files", "0", "-w", str(warehouse)])
    assert out.exit_code == 0, out.output


def test_the_refusals_are_one_line_each_however_long(tmp_path, monkeypatch):
    """soft_wrap: a sentence longer than the terminal is one line, to copy or grep, not
    broken at the terminal's width."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "urls.csv").write_text("url\nhttps://a.example/1\n")
    runner = CliRunner()
    out = runner.invoke(app, ["sql", "SELECT 1", "-w", ""])
    assert ("--warehouse is empty: give the warehouse folder (an unset shell variable? for "
            "the current folder, write -w .)\n") in out.output, out.output
    out = runner.invoke(app, ["ingest", "", "-w", str(tmp_path / "wh")])
    assert ("no such input: '': an empty input names no file, folder or URL (to read the "
            "current folder, name it: .); an unset shell variable?\n") in out.output, out.output


def test_a_file_no_reader_takes_is_named_with_why_and_the_inputs_after_it_too(tmp_path,
                                                                              monkeypatch):
    from tasks.discover.inputs import unknown_input

    monkeypatch.chdir(tmp_path)
    for name in ("urls.csv", "notes.docx"):
        (tmp_path / name).write_text("x\n")
    out = CliRunner().invoke(app, ["ingest", "urls.csv", "notes.docx", "-w", str(tmp_path / "wh")])
    assert out.exit_code == 2
    lines = [line for line in out.output.splitlines() if line.startswith("not an input")]
    assert lines == [f"not an input: urls.csv: {unknown_input('urls.csv')}",
                     f"not an input: notes.docx: {unknown_input('notes.docx')}"], out.output
    assert not (tmp_path / "wh" / "manifests").exists()
