"""A stop signal whose exception Python swallowed in a finalizer is delivered again
(flows/cli.ctrl_c_in_a_finalizer_again; session 59). The KeyboardInterrupt of a Ctrl-C is
raised in whatever the main thread runs; raised in a `__del__`, Python printed "Exception
ignored in ..." and went on, and a run whose fetches were stalled exited 1 with a traceback
(fault round 56's test, 3 runs in 5). Real signals to this process, a real finalizer."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from flows import cli


class CtrlCInItsFinalizer:
    """An object whose finalizer is where the Ctrl-C's KeyboardInterrupt is raised."""

    def __del__(self) -> None:
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.5)  # interrupted here: the KeyboardInterrupt leaves the __del__


def test_a_ctrl_c_swallowed_by_a_finalizer_is_delivered_again(ctrl_c_raises, monkeypatch):
    seen = []
    monkeypatch.setattr(sys, "unraisablehook",
                        cli.ctrl_c_in_a_finalizer_again(seen.append))
    with pytest.raises(KeyboardInterrupt):
        CtrlCInItsFinalizer()  # freed at once: its finalizer runs here
        time.sleep(10)  # the Ctrl-C sent again lands here, outside the finalizer
    assert seen == []  # said nothing: no "Exception ignored in ..." traceback


def test_without_the_hook_the_finalizer_swallows_the_ctrl_c(ctrl_c_raises, monkeypatch):
    # the failure the hook mends, shown on Python itself (a near miss of the test above)
    seen = []
    monkeypatch.setattr(sys, "unraisablehook", seen.append)
    CtrlCInItsFinalizer()
    time.sleep(0.3)  # nothing is raised: the run would go on as if no Ctrl-C came
    assert [u.exc_type for u in seen] == [KeyboardInterrupt]


def test_other_unraisable_exceptions_go_to_the_hook_before(monkeypatch):
    seen = []
    hook = cli.ctrl_c_in_a_finalizer_again(seen.append)
    broken = SimpleNamespace(exc_type=ValueError)
    hook(broken)
    # a SystemExit that no stop signal raised (no SIGTERM came) is not a stop either
    monkeypatch.setattr(cli, "_stop_signal", None)
    exited = SimpleNamespace(exc_type=SystemExit)
    hook(exited)
    assert seen == [broken, exited]


def test_a_batchs_fetches_stopped_by_the_signal_end_the_run_as_its_ctrl_c():
    # the stop's own cancellation reaching the flow, where the signal's KeyboardInterrupt
    # did not: the run's sentence and 130, not a traceback and exit 1
    import typer

    from tasks.fetch.client import FetchesStopped

    with pytest.raises(typer.Exit) as ended:
        with cli._interrupted_run_is_a_sentence():
            raise FetchesStopped("the run is stopping")
    assert ended.value.exit_code == 130


def test_another_cancellation_is_not_taken_for_a_ctrl_c():
    import asyncio

    with pytest.raises(asyncio.CancelledError):
        with cli._interrupted_run_is_a_sentence():
            raise asyncio.CancelledError


def test_prefects_termination_signal_swallowed_by_a_finalizer_is_sent_again(monkeypatch):
    # during a flow, Prefect's SIGTERM handler raises TerminationSignal (no Exception):
    # swallowed in a finalizer, the SIGTERM is sent again (here to a handler of the test's)
    from prefect.exceptions import TerminationSignal

    got = []
    old = signal.signal(signal.SIGTERM, lambda signum, frame: got.append(signum))
    try:
        seen = []
        hook = cli.ctrl_c_in_a_finalizer_again(seen.append)
        hook(SimpleNamespace(exc_type=TerminationSignal,
                             exc_value=TerminationSignal(signal.SIGTERM)))
        for _ in range(100):
            if got:
                break
            time.sleep(0.02)
    finally:
        signal.signal(signal.SIGTERM, old)
    assert got == [signal.SIGTERM] and seen == []


def test_a_generator_exit_in_a_finalizer_is_no_stop():
    seen = []
    hook = cli.ctrl_c_in_a_finalizer_again(seen.append)
    closing = SimpleNamespace(exc_type=GeneratorExit, exc_value=GeneratorExit())
    hook(closing)
    assert seen == [closing]


def test_the_run_sentence_leaves_the_fetch_client_unloaded_for_runs_that_never_fetch():
    # `reprocess` and `backfill` run inside it and never fetch: the check for FetchesStopped
    # must not import the fetch client (aiohttp) into them
    import subprocess

    probe = ("import sys, flows.cli as c\n"
             "with c._interrupted_run_is_a_sentence(): pass\n"
             "print('tasks.fetch.client' in sys.modules, 'aiohttp' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[3])
    assert out.stdout.split() == ["False", "False"]
