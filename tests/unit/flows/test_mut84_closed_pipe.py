"""Seed 84 (session 59): the closed pipe after a committed run (fault round 61). Two hand
mutants lived: the summary's guard that did not flush standard output inside it (what
was buffered before the summary then met the closed pipe at the exit, outside the guard:
exit 1 again), and the console that did not go quiet after the closed pipe (its next
print raised again). A real pipe whose reading end is closed, as round 61's tests."""

from __future__ import annotations

import io
import os
import sys

import pytest

import flows.cli as cli
from flows.terminal import OutputConsole
from tests.unit.flows.test_round61_closed_pipe_after_a_run import MANIFEST


@pytest.fixture
def closed_stream():
    read_end, write_end = os.pipe()
    os.close(read_end)
    stream = open(write_end, "w")  # noqa: SIM115 - closed below
    yield stream
    try:
        stream.close()
    except BrokenPipeError:
        pass


def test_what_was_buffered_before_the_summary_meets_the_pipe_inside_it(
        closed_stream, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "stdout", closed_stream)
    monkeypatch.setattr(cli, "console", OutputConsole(file=io.StringIO(), width=100))
    closed_stream.write("a progress line printed during the run\n")  # still buffered
    cli.print_summary(MANIFEST, tmp_path)
    closed_stream.flush()  # the exit's flush: standard output goes to /dev/null now


def test_the_console_is_quiet_after_the_closed_pipe(closed_stream):
    console = OutputConsole(file=closed_stream, width=100)
    with pytest.raises(BrokenPipeError):
        console.print("a row")
    console.print("the rest goes nowhere")  # no second BrokenPipeError
    assert console.quiet


def test_the_commands_standard_output_is_that_console():
    # rich's own Console would answer the closed pipe with SystemExit(1) again
    assert isinstance(cli.console, OutputConsole)
