"""What the command line prints, fitted to the terminal it prints to (fault round 15).

Two things a terminal can lack: width and characters. A rich table wider than the
terminal has its columns shrunk, down to nothing: at `COLUMNS=20` a twelve-column
`pressroom sql` answer showed every value as blank, the `runs` table cut every column
after the run id. And a terminal whose encoding is not UTF-8 (`LANG=C` where Python does
not switch to UTF-8, a latin-1 locale, `PYTHONIOENCODING=ascii`, a Windows code page)
cannot take every character of a title: printing one was a UnicodeEncodeError traceback.
"""

from __future__ import annotations

import codecs
import errno
import os
from collections.abc import Callable
from typing import NoReturn, TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table

# Characters a column needs to show its values as values (a date, a count, a word), and
# a table's frame around each column: a border and a space of padding on either side.
MIN_COLUMN_CHARS = 8
COLUMN_FRAME = 3


def console_width(columns: str | None, is_terminal: bool, terminal_columns: int | None,
                  piped: int | None = None) -> int | None:
    """The width to give a rich Console (None: rich's own choice, which reads COLUMNS).

    `piped`: the width of a stream that is not a terminal (160 for stdout: CI logs and
    `| less` get wide tables). rich takes COLUMNS=0 as a width of 0 and prints nothing at
    all, on a terminal or not: `pressroom sql` showed no row and an error such as "bad
    warehouse: ..." went unsaid, exit 2 without a word (fault round 37; a container's or a
    CI runner's environment may carry COLUMNS=0 from a terminal that reported no size).
    Such a COLUMNS is passed over: the terminal's own width, else rich's default 80.
    Other values rich reads itself (it ignores what is not digits)."""
    if not is_terminal and piped is not None:
        return piped
    if columns is not None and columns.isdigit() and int(columns) == 0:
        return terminal_columns or 80
    return None


def terminal_columns(fd: int) -> int | None:
    """The width the terminal on `fd` reports (None: not a terminal)."""
    try:
        return os.get_terminal_size(fd).columns
    except (OSError, ValueError):
        return None


def is_utf(encoding: str | None) -> bool:
    """Whether text in this encoding can hold every character (UTF-8, -16, -32)."""
    try:
        return codecs.lookup(encoding or "utf-8").name.startswith("utf")
    except LookupError:
        return False


def table_needs(table: Table) -> int:
    """The width a table needs for every column to show its values: all of a column that
    does not wrap, up to MIN_COLUMN_CHARS of one that folds its values onto more lines."""
    need = 1
    for col in table.columns:
        natural = max([cell_len(str(col.header))] + [cell_len(str(c)) for c in col.cells])
        natural = max(natural, col.min_width or 0)
        need += (natural if col.no_wrap else min(natural, MIN_COLUMN_CHARS)) + COLUMN_FRAME
    return need


def table_fits(table: Table, width: int) -> bool:
    return table_needs(table) <= width


def as_records(table: Table) -> list[list[tuple[str, object]]]:
    """The table's rows as records of (column name, cell), for a terminal too narrow for
    the table: each value on a line of its own, under its column's name."""
    names = [str(col.header) for col in table.columns]
    cells = [list(col.cells) for col in table.columns]
    return [list(zip(names, row, strict=True)) for row in zip(*cells, strict=True)]


def tolerant(stream: TextIO) -> None:
    """A stream for people (tables, messages) whose encoding lacks characters writes
    them as escapes (`\\xe9`, `\\u2603`) instead of ending the command in a traceback."""
    if not is_utf(getattr(stream, "encoding", None)) and hasattr(stream, "reconfigure"):
        stream.reconfigure(errors="backslashreplace")


def utf8_data(stream: TextIO) -> None:
    """A stream for data (`-f csv`, `-f json`) is UTF-8 whatever the terminal's encoding:
    the files they fill are read as UTF-8, and no character may be lost or escaped."""
    if not is_utf(getattr(stream, "encoding", None)) and hasattr(stream, "reconfigure"):
        stream.flush()
        stream.reconfigure(encoding="utf-8", errors="strict")


def summary_line(doc: str | None) -> str | None:
    """A command's docstring's first paragraph as one line. Typer's command list prints
    that paragraph with the docstring's own line breaks, so a summary wrapped at 88
    columns in the source broke mid-sentence ("... oldest" / "first.") on any terminal."""
    if not doc or not doc.strip():
        return None
    first = doc.strip().split("\n\n", 1)[0]
    return " ".join(first.split())


class CheckedOutput:
    """Standard output whose writes that fail end the command through `on_failure(exc)`
    (which says so and exits), for any stream error but a closed pipe.

    A command whose output went to a full disk or past a file-size limit (`pressroom sql
    -f csv > export.csv`, `pressroom ingest > run.log`) ended in a traceback from rich or
    the csv module, after its run had committed; `report --out -` and `compact` said
    "the disk is full (writing to <the warehouse>) ... free some space", blaming the
    warehouse, which was fine (fault round 59). A closed pipe (`| head`) is left to
    click, which ends the command quietly: its reader chose to stop. The wrapper holds
    the stream and hands every other attribute to it."""

    def __init__(self, stream, on_failure: Callable[[OSError], NoReturn]) -> None:
        self._stream = stream
        self._on_failure = on_failure

    def _failed(self, exc: OSError) -> NoReturn:
        if exc.errno == errno.EPIPE:
            raise exc
        self._on_failure(exc)

    def write(self, data):
        try:
            return self._stream.write(data)
        except OSError as exc:
            self._failed(exc)

    def writelines(self, lines) -> None:
        try:
            self._stream.writelines(lines)
        except OSError as exc:
            self._failed(exc)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            self._failed(exc)

    @property
    def buffer(self):  # `report --out -` writes the page's bytes there
        return CheckedOutput(self._stream.buffer, self._on_failure)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def output_name(fd: int) -> str | None:
    """What descriptor `fd` writes to, as the system names it (a file's path, `pipe:[n]`),
    for a message; None where the system does not say (no /proc)."""
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return None


def names_standard_output(path: str) -> bool:
    """Whether `path` is the file standard output writes to (`--out /dev/stdout`,
    `/dev/fd/1`): then it is `-`, and the lines for people go to standard error instead of
    after the page (fault round 59)."""
    try:
        named, out = os.stat(path), os.fstat(1)
    except (OSError, ValueError):
        return False
    return (named.st_dev, named.st_ino) == (out.st_dev, out.st_ino)


class OutputConsole(Console):
    """The console of standard output. rich's own answer to a closed pipe
    (`Console.on_broken_pipe`) is SystemExit(1), raised from inside any print: nothing
    around the print could tell a reader that stopped reading from a failure, and
    `ingest ... | head -1` exited 1 after its run committed (fault round 61). Here the
    console goes quiet and the closed pipe is raised as the BrokenPipeError it is: click
    ends a read command on it as before (exit 1, nothing said), and a run's summary
    (`cli._summary_of_committed_runs`) ends with the run's own status."""

    def on_broken_pipe(self) -> None:
        self.quiet = True  # the rest of what this command prints goes nowhere
        raise BrokenPipeError(errno.EPIPE, "the reader of standard output closed it")
