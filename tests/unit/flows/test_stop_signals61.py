"""The writing commands' stop signals (session 61): `_interrupted_command_is_a_sentence`
says its sentence for a SIGTERM's SystemExit too and exits 128 + the signal; any other
SystemExit passes through. `_stop_signals_are_exits` wraps the unraisable hook once per
process: called by every command run in one process (the tests' CliRunner), it wrapped
the hook again each time, a chain as deep as the calls. (The real commands with a real
SIGTERM: tests/reliability/test_stop_signals_of_writing_commands61.py.)"""

from __future__ import annotations

import signal
import sys

import pytest
import typer

from flows import cli


def test_a_stop_signals_exit_is_the_commands_sentence_and_128_plus_it(monkeypatch, capsys):
    monkeypatch.setattr(cli, "_stop_signal", signal.SIGTERM)
    with pytest.raises(typer.Exit) as stopped, \
            cli._interrupted_command_is_a_sentence("the rebuild was stopped"):
        raise SystemExit(128 + signal.SIGTERM)
    assert stopped.value.exit_code == 143
    said = " ".join(capsys.readouterr().err.split())
    assert "stopped (signal 15): the rebuild was stopped" in said


def test_an_exit_no_signal_raised_passes_through(monkeypatch, capsys):
    monkeypatch.setattr(cli, "_stop_signal", None)
    with pytest.raises(SystemExit) as exited, \
            cli._interrupted_command_is_a_sentence("the rebuild was stopped"):
        raise SystemExit(3)
    assert exited.value.code == 3
    assert "stopped" not in capsys.readouterr().err


def test_the_unraisable_hook_is_wrapped_once(monkeypatch):
    monkeypatch.setattr(sys, "unraisablehook", sys.__unraisablehook__)
    monkeypatch.setattr(signal, "signal", lambda *_: None)  # leave this process's handlers
    cli._stop_signals_are_exits()
    once = sys.unraisablehook
    assert once is not sys.__unraisablehook__
    cli._stop_signals_are_exits()
    cli._stop_signals_are_exits()
    assert sys.unraisablehook is once
