"""Mutation seed 76: the command line's session-52 sentences and standard input, read in
process. Standard input is a real pipe; the sentences are what a person reads on
standard error (`_standard_input`, `_interrupted_run_is_a_sentence`,
`_failed_run_is_a_sentence`, `flows.pipeline.data_tests_failed`)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
import typer
from prefect.exceptions import FailedRun

import tasks.discover.inputs
from flows import cli
from flows.pipeline import data_tests_failed

MANIFEST = {"run_id": "r-76", "totals": {"inputs": 11, "kept": 5, "rejected": 2, "failed": 1,
                                         "skipped": 3}}


def test_a_failed_data_test_sentence_names_each_test_the_totals_and_the_report() -> None:
    said = data_tests_failed(MANIFEST, {"article_ids_unique": 2, "dates_in_range": 1},
                             Path("/wh/report.html"))
    assert said == (
        "data tests failed after run r-76: article_ids_unique (2 failing row(s)), "
        "dates_in_range (1 failing row(s)). The run committed its work (inputs 11 = kept 5 "
        "+ rejected 2 + failed fetches 1 + already in warehouse 3); the report lists the "
        "failing rows: /wh/report.html")


def test_an_unreadable_committed_file_names_the_query_that_lists_it() -> None:
    said = data_tests_failed(MANIFEST, {"committed_files_readable": 1}, Path("r.html"))
    assert said.endswith("the report lists the failing rows: r.html; `pressroom sql "
                         "\"SELECT * FROM file_problems\"` names the committed files every "
                         "view leaves out")


def _joined(text: str) -> str:
    return " ".join(text.split())


def test_ctrl_c_in_a_run_exits_130_saying_what_is_kept(capsys) -> None:
    with pytest.raises(typer.Exit) as stop, cli._interrupted_run_is_a_sentence():
        raise KeyboardInterrupt
    assert stop.value.exit_code == 130
    assert _joined(capsys.readouterr().err) == (
        "interrupted: the batches this run committed are kept (a commit is whole or "
        "absent); run the same command again to go on: inputs already in the warehouse "
        "are skipped")


def test_a_failed_run_exits_1_with_its_own_message(capsys) -> None:
    with pytest.raises(typer.Exit) as stop, cli._failed_run_is_a_sentence():
        raise FailedRun("data tests failed after run r-76: [x] (1 failing row(s))")
    assert stop.value.exit_code == 1
    # the message as written, brackets too (escaped, not read as markup)
    assert _joined(capsys.readouterr().err) == \
        "data tests failed after run r-76: [x] (1 failing row(s))"


def test_a_run_that_ends_well_passes_through_both() -> None:
    with cli._interrupted_run_is_a_sentence(), cli._failed_run_is_a_sentence():
        done = "ran"
    assert done == "ran"


@pytest.fixture
def piped(monkeypatch):
    """Set standard input to a real pipe holding the bytes given."""
    opened = []

    def pipe(data: bytes) -> None:
        read, write = os.pipe()
        os.write(write, data)
        os.close(write)
        opened.append(open(read, encoding="utf-8"))  # noqa: SIM115
        monkeypatch.setattr(sys, "stdin", opened[-1])
    yield pipe
    for stream in opened:
        stream.close()


def test_standard_input_named_twice_is_one_file_removed_after_the_run(piped) -> None:
    piped(b"https://n.example/a\n")
    with cli._standard_input(["x.urls", "-", "y.txt", "-"]) as named:
        saved = Path(named[1])
        assert named == ["x.urls", str(saved), "y.txt"]
        assert saved.name == "stdin.urls" and saved.read_bytes() == b"https://n.example/a\n"
    assert not saved.exists() and not saved.parent.exists()


def test_inputs_without_a_dash_are_left_as_they_are_and_stdin_unread(piped) -> None:
    piped(b"https://n.example/a\n")
    with cli._standard_input(["a.urls", "b.txt"]) as named:
        assert named == ["a.urls", "b.txt"]
    assert sys.stdin.buffer.read() == b"https://n.example/a\n"


def test_exactly_the_cap_is_read_one_byte_more_is_refused(piped, monkeypatch, capsys) -> None:
    monkeypatch.setattr(tasks.discover.inputs, "MAX_PIPED_BYTES", 40)
    line = b"https://n.example/" + b"a" * 21 + b"\n"  # 40 bytes
    piped(line)
    with cli._standard_input(["-"]) as named:
        assert Path(named[0]).read_bytes() == line
    piped(line + b"b")
    with pytest.raises(typer.Exit) as stop, cli._standard_input(["-"]):
        pass
    assert stop.value.exit_code == 2
    assert _joined(capsys.readouterr().err) == (
        "too much piped in: standard input holds more than 40 bytes: save it to files "
        "(.urls lists, .txt dumps) and ingest their folder")


def test_blank_or_absent_standard_input_is_refused(piped, monkeypatch, capsys) -> None:
    piped(b" \n\t\n")
    with pytest.raises(typer.Exit) as stop, cli._standard_input(["-"]):
        pass
    assert stop.value.exit_code == 2
    assert _joined(capsys.readouterr().err) == \
        "nothing piped in: standard input (the input -) held no text"
    monkeypatch.setattr(sys, "stdin", None)  # started with standard input closed
    with pytest.raises(typer.Exit) as stop, cli._standard_input(["-"]):
        pass
    assert stop.value.exit_code == 2
    assert "is a terminal here: pipe a URL list, a text dump or a WARC in" in \
        _joined(capsys.readouterr().err)
