"""The command line on terminals that lack width or characters (fault round 15): a
narrow terminal (`COLUMNS=20`), an encoding that is not UTF-8 (`LANG=C` where Python
keeps ASCII, a latin-1 locale, `PYTHONIOENCODING=ascii`), and values that look like
rich markup."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from rich.table import Table
from typer.testing import CliRunner

import flows.cli as cli
from flows.cli import app
from flows.terminal import (
    as_records,
    console_width,
    is_utf,
    summary_line,
    table_fits,
    table_needs,
    tolerant,
    utf8_data,
)

TWELVE = ", ".join(f"'v{i:02d}' AS c{i:02d}" for i in range(12))


def test_a_value_that_looks_like_markup_is_shown_as_stored(warehouse):
    """`pressroom sql`'s table cells went through rich markup: "[update] Mayor [en] x"
    was shown as " Mayor  x", and a value holding "[/]" ended the command in a
    MarkupError traceback."""
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse),
                                   "SELECT '[update] Mayor [en] x' AS v, 'a[/]b' AS \"[w]\""])
    assert out.exit_code == 0, out.output
    assert "[update] Mayor [en] x" in out.output and "a[/]b" in out.output
    assert "[w]" in out.output


def test_a_warehouse_path_that_looks_like_markup_is_printed_whole(tmp_path):
    """The `runs` table's title named the warehouse through markup: "/tmp/[b]wh" was
    shown as "/tmp/wh"."""
    root = tmp_path / "[b]wh"
    (root / "manifests").mkdir(parents=True)
    (root / "manifests" / "20240101T000000Z-abcdef.json").write_text(json.dumps(
        {"run_id": "20240101T000000Z-abcdef", "finished_at": "2024-01-01T00:00:05",
         "totals": {"inputs": 1, "kept": 1, "rejected": 0, "failed": 0, "skipped": 0}}))
    out = CliRunner().invoke(app, ["runs", "-w", str(root)])
    assert out.exit_code == 0, out.output
    assert "[b]wh" in out.output.replace("\n", "")


@pytest.mark.parametrize("width", [20, 40])
def test_a_table_too_wide_for_the_terminal_shows_every_value(warehouse, monkeypatch, width):
    """rich shrinks the columns of a table wider than the terminal down to nothing: at
    20 columns every value of a twelve-column answer was blank, at 40 eight of the
    twelve. Each row is now a record, one line per column."""
    monkeypatch.setattr(cli, "console", Console(width=width))
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), f"SELECT {TWELVE}"])
    assert out.exit_code == 0, out.output
    for i in range(12):
        assert f"c{i:02d}  v{i:02d}" in out.output
    assert "1 row(s)" in out.output


def test_a_table_that_fits_is_still_a_table(warehouse, monkeypatch):
    monkeypatch.setattr(cli, "console", Console(width=160))
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), f"SELECT {TWELVE}"])
    assert out.exit_code == 0, out.output
    assert "┃ c00" in out.output and "-- row 1 --" not in out.output


def test_a_column_that_does_not_wrap_needs_its_whole_width():
    """The `runs` table's run id does not wrap: at 20 columns rich cut it and dropped
    every column after it."""
    t = Table()
    t.add_column("run_id", no_wrap=True, min_width=23)
    t.add_column("kept", justify="right")
    t.add_row("20240101T000000Z-abcdef", "1")
    assert not table_fits(t, 30) and table_fits(t, 34)
    assert as_records(t) == [[("run_id", "20240101T000000Z-abcdef"), ("kept", "1")]]


def test_is_utf():
    assert is_utf("utf-8") and is_utf("UTF8") and is_utf("utf-16-le")
    assert not is_utf("ascii") and not is_utf("latin-1") and not is_utf("cp1252")
    assert not is_utf("no-such-codec")
    assert is_utf(None) and is_utf("")  # a stream that names no encoding: Python's UTF-8


def test_table_needs_counts_headers_cells_and_frames():
    """Seed 48: one border, then per column its width (a column that wraps: at most
    MIN_COLUMN_CHARS) and a frame of 3."""
    t = Table()
    t.add_column("a heading of 21 chars", no_wrap=True)
    t.add_row("x")
    assert table_needs(t) == 1 + 21 + 3
    t = Table()
    t.add_column("h", no_wrap=True)
    t.add_row("a cell of 14 c")
    assert table_needs(t) == 1 + 14 + 3
    t = Table()
    t.add_column("h")  # wraps: 8 of its 20
    t.add_row("x" * 20)
    assert table_needs(t) == 1 + 8 + 3
    t = Table()
    t.add_column("", no_wrap=True)  # nothing to show: no width, only its frame
    assert table_needs(t) == 1 + 0 + 3


def test_as_records_refuses_a_table_whose_columns_lack_cells():
    """A column added after the rows holds no cell for them: an error, not the
    records cut to the shortest column (none)."""
    t = Table()
    t.add_column("a")
    t.add_row("x")
    t.add_column("b")
    with pytest.raises(ValueError):
        as_records(t)


def _stream(encoding: str, errors: str = "strict") -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors=errors)


class _NoEncoding:
    """A stream object without `encoding` (a test double, a logging adapter)."""

    def write(self, text: str) -> int:
        return len(text)


def test_a_utf_stream_is_left_as_it_is():
    """Seed 48: only a stream that cannot hold every character is reconfigured."""
    s = _stream("utf-8")
    tolerant(s)
    assert s.errors == "strict"
    s = _stream("utf-16")
    utf8_data(s)
    assert (s.encoding, s.errors) == ("utf-16", "strict")
    tolerant(_NoEncoding())  # no encoding named, nothing to reconfigure: no error
    utf8_data(_NoEncoding())


def test_a_data_stream_is_utf8_and_strict_after_a_tolerant_one():
    s = _stream("ascii", "backslashreplace")
    utf8_data(s)
    s.write("Zürich ☃")
    s.flush()
    assert s.buffer.getvalue() == "Zürich ☃".encode()
    with pytest.raises(UnicodeEncodeError):  # strict: a lone surrogate is an error
        s.write("\ud800")
        s.flush()


@pytest.mark.parametrize("charset", ["ascii", "latin-1"])
def test_a_terminal_that_is_not_utf8_gets_escapes_not_a_traceback(warehouse, charset):
    """A title holding "é☃" printed to an ASCII (or latin-1) stdout ended the command in
    "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9'" (exit 1). The
    table now shows what the terminal cannot as escapes."""
    out = CliRunner(charset=charset).invoke(
        app, ["sql", "-w", str(warehouse), "SELECT 'Zürich ☃' AS x"])
    assert out.exit_code == 0, out.output
    assert "\\u2603" in out.output and "1 row(s)" in out.output


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_data_written_to_a_terminal_that_is_not_utf8_is_utf8(warehouse, fmt):
    """`-f csv` and `-f json` are data: written in UTF-8 whatever the terminal's
    encoding, every character whole (they were the same traceback)."""
    out = CliRunner(charset="ascii").invoke(
        app, ["sql", "-w", str(warehouse), "-f", fmt, "SELECT 'Zürich ☃' AS x"])
    assert out.exit_code == 0, out.output
    assert "Zürich ☃".encode() in out.stdout_bytes


@pytest.mark.parametrize(("doc", "line"), [
    ("Ingest the files, oldest\n    first. Run it again to resume.\n\n    More detail.",
     "Ingest the files, oldest first. Run it again to resume."),
    ("One line.", "One line."),
    ("\n    Opens on a blank line\n    and goes on.\n", "Opens on a blank line and goes on."),
    ("   \n  ", None),
    (None, None),
])
def test_a_commands_summary_is_its_first_paragraph_on_one_line(doc, line):
    assert summary_line(doc) == line


def test_the_command_list_does_not_break_a_summary_mid_sentence():
    """Typer listed each command with its docstring's own line breaks: `backfill` read
    "... file by file, oldest" and "first. Run it again ..." on the next line."""
    out = CliRunner().invoke(app, ["--help"], terminal_width=250, env={"COLUMNS": "250"})
    assert out.exit_code == 0, out.output
    assert "file by file, oldest first. Run it again to resume" in out.output
    assert "without the network." in out.output
    for command in app.registered_commands:
        assert "\n" not in command.short_help


# -- fault round 37: COLUMNS=0 ----------------------------------------------------------


@pytest.mark.parametrize(("columns", "is_terminal", "terminal", "piped", "width"), [
    ("0", True, 120, 160, 120),   # the terminal's own width
    ("0", True, None, 160, 80),   # a terminal that reports none: rich's default
    ("00", False, None, None, 80),  # stderr to a file
    ("0", False, None, 160, 160),  # piped stdout: as before
    ("100", True, 120, 160, None),  # a width: rich reads it
    ("abc", True, 120, 160, None),  # not digits: rich passes it over itself
    (None, True, 120, 160, None),
    (None, False, None, 160, 160),
])
def test_columns_of_zero_is_no_width(columns, is_terminal, terminal, piped, width):
    assert console_width(columns, is_terminal, terminal, piped) == width


def test_an_error_message_is_printed_under_columns_of_zero(tmp_path):
    """rich took COLUMNS=0 as a width of 0: `pressroom sql -w <no warehouse>` exited 2
    and wrote nothing to stderr (on a terminal, a query's table was not shown either)."""
    root = Path(__file__).resolve().parents[3]
    env = {**os.environ, "COLUMNS": "0", "PYTHONPATH": str(root)}
    out = subprocess.run([sys.executable, "-m", "flows.cli", "sql", "-w",
                          str(tmp_path / "none"), "SELECT 1"],
                         env=env, cwd=root, capture_output=True, text=True, timeout=120)
    assert out.returncode == 2
    assert "bad warehouse: no warehouse at" in " ".join(out.stderr.split())
