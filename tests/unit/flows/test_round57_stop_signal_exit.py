"""A run that received SIGTERM or SIGHUP exits 128 + the signal's number whatever happened
after the handler's SystemExit (fault round 57): a library that catches every exception
(aiohttp's response parser, in the discover stage's feed fetch in the main thread) could
swallow it, and the run went on to the end and exited 0. `_a_stop_signal_is_the_exit`
around the flow makes the exit the signal's."""

from __future__ import annotations

import asyncio
import signal

import pytest

from flows import cli


def test_a_run_that_ends_normally_after_a_sigterm_exits_143(monkeypatch) -> None:
    monkeypatch.setattr(cli, "_stop_signal", signal.SIGTERM)
    with pytest.raises(SystemExit) as caught, cli._a_stop_signal_is_the_exit():
        pass  # the flow went on and finished: the swallowed exit
    assert caught.value.code == 143


def test_a_run_whose_fetches_were_stopped_exits_as_the_signal_says(monkeypatch) -> None:
    monkeypatch.setattr(cli, "_stop_signal", signal.SIGHUP)
    with pytest.raises(SystemExit) as caught, cli._a_stop_signal_is_the_exit():
        raise asyncio.CancelledError("the run is stopping")  # FetchesStopped's kind
    assert caught.value.code == 128 + signal.SIGHUP


def test_without_a_stop_signal_a_run_ends_as_it_ends(monkeypatch) -> None:
    monkeypatch.setattr(cli, "_stop_signal", None)
    with cli._a_stop_signal_is_the_exit():
        pass
    with pytest.raises(ValueError, match="a failure"), cli._a_stop_signal_is_the_exit():
        raise ValueError("a failure")


def test_the_handler_records_its_signal_before_it_exits(monkeypatch) -> None:
    monkeypatch.setattr(cli, "_stop_signal", None)
    # (tasks.fetch.client is not imported by this test's process unless another test did:
    # the handler then stops its fetches, a process-wide flag; keep it out of sight)
    monkeypatch.delitem(__import__("sys").modules, "tasks.fetch.client", raising=False)
    monkeypatch.delitem(__import__("sys").modules, "tasks.common.parallel", raising=False)
    with pytest.raises(SystemExit) as caught:
        cli._exit_on_sigterm(signal.SIGTERM, None)
    assert caught.value.code == 143 and cli._stop_signal == signal.SIGTERM
