"""A reader that stops reading a run's summary (`pressroom ingest x.warc.gz | head -1`,
fault round 61): rich's console answered the closed pipe with SystemExit(1) from inside
its print, so the command exited 1 after its run had committed, a failure to a script
under `set -o pipefail`. Now the summary of a committed run ends quietly with the run's
own status (0); a read command's closed pipe stays click's (exit 1, nothing said).

A real pipe whose reading end is closed: every write into it fails with EPIPE."""

from __future__ import annotations

import io
import os
import sys

import pytest
from rich.console import Console

import flows.cli as cli

# the console of standard output (rich's own at cd54e8ca: so the tests run there too)
OUTPUT_CONSOLE = getattr(cli, "OutputConsole", Console)

MANIFEST = {
    "run_id": "20261207T000000Z-000001",
    "stages": [{"stage": "fetch", "received": 24, "passed": 24, "rejected": 0, "failed": 0,
                "skipped": 0}],
    "totals": {"inputs": 24, "kept": 24, "rejected": 0, "failed": 0, "skipped": 0},
    "database": "/wh/pressroom.duckdb", "report": "/wh/reports/r.html",
}


@pytest.fixture
def closed_pipe(monkeypatch):
    """The command's console on a pipe nobody reads any more (standard output is set to
    it in the test itself: pytest's capture puts its own back after the setup)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    stream = open(write_end, "w")  # noqa: SIM115 - closed below
    monkeypatch.setattr(cli, "console", OUTPUT_CONSOLE(file=stream, width=100))
    yield stream
    try:
        stream.close()
    except BrokenPipeError:
        pass


def test_a_committed_runs_summary_into_a_closed_pipe_ends_quietly(closed_pipe, tmp_path,
                                                                  monkeypatch):
    monkeypatch.setattr(sys, "stdout", closed_pipe)
    cli.print_summary(MANIFEST, tmp_path)  # before: SystemExit(1), from rich's print
    closed_pipe.write("x" * 100_000)
    closed_pipe.flush()  # the exit's flush: standard output now goes to /dev/null


def test_a_closed_pipe_elsewhere_is_still_a_closed_pipe(closed_pipe, monkeypatch):
    """The near miss: outside a run's summary (`sql ... | head -1`), the closed pipe is
    raised for click to end the command (exit 1, nothing said), not swallowed."""
    monkeypatch.setattr(sys, "stdout", closed_pipe)
    with pytest.raises(BrokenPipeError):
        cli.console.print("a row")


def test_another_failed_write_of_the_summary_is_not_swallowed(monkeypatch, tmp_path):
    """A full disk under the summary is no reader that went away: CheckedOutput's
    sentence (fault round 59) still ends the command."""
    class Full(io.StringIO):
        def write(self, data):
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli, "console", OUTPUT_CONSOLE(file=Full(), width=100))
    with pytest.raises(OSError) as caught:
        cli.print_summary(MANIFEST, tmp_path)
    assert caught.value.errno == 28
