"""Seed 85 (session 61): hand mutants of fault round 63's `_flush_standard_output` that
no test killed: a command ending by its own Exit(0) (CL3) and the buffer sent to
/dev/null once the pipe is found closed (CL4)."""

from __future__ import annotations

import sys

import pytest

import flows.cli as cli
from tests.unit.flows.test_round63_read_commands_closed_pipe import (  # noqa: F401 - fixture
    unwritten_output,
)


def test_a_command_ending_by_exit_0_over_a_closed_pipe_raises_it_for_click(
        unwritten_output, monkeypatch):  # noqa: F811
    # CL3: Exit(0) is an ordinary end (`typer.Exit()`): the closed pipe is the exit's, 1
    monkeypatch.setattr(sys, "stdout", unwritten_output)
    with pytest.raises(BrokenPipeError):
        try:
            raise cli.typer.Exit(0)
        except BaseException:
            cli._flush_standard_output()  # as click's context closes while Exit goes by


def test_what_is_left_in_the_buffer_then_goes_nowhere(unwritten_output, monkeypatch):  # noqa: F811
    # CL4: after the closed pipe is raised, standard output is /dev/null, so the exit's own
    # flush of the buffer writes it there: no "Exception ignored ... BrokenPipeError"
    monkeypatch.setattr(sys, "stdout", unwritten_output)
    with pytest.raises(BrokenPipeError):
        cli._flush_standard_output()
    unwritten_output.flush()  # (on the mutant: BrokenPipeError again, as at the exit)
