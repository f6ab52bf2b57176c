"""Seed 72: the edges of expand_inputs and local_source_problem that session 49's
mutants showed no test deciding (blank inputs beside others, the notes' exact words)."""

from __future__ import annotations

import os
from pathlib import Path

from tasks.discover import inputs as inputs_module
from tasks.discover.ccnews import local_source_problem
from tasks.discover.inputs import BLANK_INPUT, Unusable, expand_inputs, path_label


def test_a_blank_input_is_a_reject_of_its_own_text_and_the_inputs_after_it_are_read(
        tmp_path: Path) -> None:
    a = tmp_path / "a.urls"
    a.write_text("https://a.example/1\n")
    items, notes = expand_inputs(["  ", str(a), ""])
    assert items == [Unusable("  ", "not_found", BLANK_INPUT), a,
                     Unusable("", "not_found", BLANK_INPUT)]
    assert notes == [f"input '  ': {BLANK_INPUT}: skipped", f"input '': {BLANK_INPUT}: skipped"]


def test_the_inputs_after_the_warehouse_are_read(tmp_path: Path) -> None:
    wh = tmp_path / "warehouse"
    wh.mkdir()
    a = tmp_path / "a.urls"
    a.write_text("https://a.example/1\n")
    items, _ = expand_inputs([str(wh), str(a)], pass_over=(wh,))
    assert items == [a]


def test_the_warehouse_passed_over_inside_a_folder_keeps_the_notes_before_it(
        tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "warehouse").mkdir(parents=True)
    items, notes = expand_inputs(["", str(folder)], pass_over=(folder / "warehouse",))
    assert notes == [f"input '': {BLANK_INPUT}: skipped",
                     f"input {str(folder)!r}: the warehouse {str(folder / 'warehouse')!r} "
                     "inside it passed over (its files are no input)"]


def test_a_file_named_twice_or_inside_a_folder_also_named_is_read_once_with_its_note(
        tmp_path: Path) -> None:
    a = tmp_path / "a.urls"
    a.write_text("https://a.example/1\n")
    items, notes = expand_inputs([str(a), str(a)])
    assert items == [a]
    assert notes == [f"input {str(a)!r} named twice: read once"]
    link = tmp_path.parent / f"{tmp_path.name}-link.urls"
    link.symlink_to(a)
    items, notes = expand_inputs([str(tmp_path), str(link)])
    assert items == [a]
    assert notes == [f"input {path_label(link)!r} is {str(a)!r} again "
                     "(named twice, or inside a folder also named): read once"]


def test_five_hidden_names_are_all_shown_without_dots_six_with_them(tmp_path: Path) -> None:
    for n in range(5):
        (tmp_path / f".h{n}").write_text("x")
    _, notes = expand_inputs([str(tmp_path)])
    assert notes == [f"input {str(tmp_path)!r}: 5 hidden file(s) or folder(s) passed over "
                     "(.h0, .h1, .h2, .h3, .h4): name one on the command line to read it"]
    (tmp_path / ".h5").write_text("x")
    _, notes = expand_inputs([str(tmp_path)])
    assert notes == [f"input {str(tmp_path)!r}: 6 hidden file(s) or folder(s) passed over "
                     "(.h0, .h1, .h2, .h3, .h4, ...): name one on the command line to read it"]


def test_a_pipe_inside_a_folder_is_a_reject_with_a_note(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    items, notes = expand_inputs([str(tmp_path)])
    assert len(items) == 1 and isinstance(items[0], Unusable)
    why = items[0]
    assert notes == [f"input {why.path!r} cannot be read: skipped ({why.detail})"]


def test_a_missing_input_is_a_not_found_reject_with_its_detail(tmp_path: Path) -> None:
    gone = tmp_path / "gone.urls"
    items, notes = expand_inputs([str(gone)])
    assert items == [Unusable(str(gone), "not_found", "no such file or folder")]
    assert notes == [f"input {str(gone)!r} does not exist: skipped"]


def test_a_file_listed_then_gone_is_kept_for_its_reader_to_reject(tmp_path, monkeypatch):
    """first_time: what cannot be looked at (a file removed between the folder's listing
    and the check) is passed on, as before, to be rejected when read."""
    gone = tmp_path / "gone.warc.gz"
    monkeypatch.setattr(inputs_module, "walk_files",
                        lambda folder, hidden, passed, skip: ([gone], []))
    items, _ = expand_inputs([str(tmp_path)])
    assert items == [gone]


def test_an_http_or_https_listing_is_no_local_source_problem() -> None:
    assert local_source_problem("http://data.example/crawl-data/CC-NEWS/") is None
    assert local_source_problem("https://data.example/crawl-data/CC-NEWS/") is None
    assert "reads a local folder" in local_source_problem("HTTP://data.example/x/")


def test_a_pipe_named_is_a_reject_with_a_note(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    items, notes = expand_inputs([str(tmp_path / "pipe")])
    assert len(items) == 1 and isinstance(items[0], Unusable)
    assert notes == [f"input {items[0].path!r} cannot be read: skipped ({items[0].detail})"]
