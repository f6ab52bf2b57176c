"""Seed 80: the fetch stage's stop (fault round 56): `stop_fetches` cancels the batches in
flight and refuses those not started (`FetchesStopped`, a cancellation), and
`fetches_stop_on_signals` makes SIGTERM and SIGINT do so before the handler that was
there. The stop's flag is process-wide and never cleared, so every test that stops runs
in a child process; a batch here is a coroutine waiting on nothing (what a stalled
server's fetch is to `_run_sync`), the signals real ones sent to the child."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tasks.fetch import client
from tasks.fetch.client import _run_sync
from tests.reliability.signals import ctrl_c_reaches_it

ROOT = Path(__file__).resolve().parents[3]

# A stalled batch in a thread, and a way to know it is waiting: what the children share.
PRELUDE = """
import asyncio, inspect, json, os, signal, sys, threading
from tasks.fetch import client
from tasks.fetch.client import (FetchesStopped, _run_sync, fetches_stop_on_signals,
                                stop_fetches)

started = threading.Event()
outcome = {}

async def stalled():
    started.set()
    await asyncio.Event().wait()

def batch():
    try:
        _run_sync(stalled())
        outcome["batch"] = "returned"
    except FetchesStopped as exc:
        outcome["batch"] = "stopped"
        outcome["cancellation"] = isinstance(exc, asyncio.CancelledError)
    except BaseException as exc:
        outcome["batch"] = type(exc).__name__

def stalled_batch():
    t = threading.Thread(target=batch, daemon=True)  # a batch never stopped: no hang
    t.start()
    assert started.wait(60)
    return t
"""


def child(body: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run PRELUDE and `body` in a new interpreter (the stop's flag stays there)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # (SIGINT at its default, as at a terminal: CI's shell starts the tests with it ignored,
    # which the child would inherit, and a test's Ctrl-C would do nothing)
    return subprocess.run([sys.executable, "-c", PRELUDE + textwrap.dedent(body)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=timeout,
                          preexec_fn=ctrl_c_reaches_it)


def result_of(proc: subprocess.CompletedProcess) -> dict:
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_a_batch_runs_to_its_value_when_nothing_stops() -> None:
    async def answer():
        return 42
    assert _run_sync(answer()) == 42
    assert client._live == {}  # the finished batch's loop is not held


def test_a_batch_started_inside_a_running_loop_gets_a_loop_of_its_own() -> None:
    async def loop_of():
        return asyncio.get_running_loop()

    async def caller():
        return asyncio.get_running_loop(), _run_sync(loop_of())

    outer, inner = asyncio.run(caller())
    assert inner is not outer


def test_a_cancellation_that_is_no_stop_stays_a_plain_cancellation() -> None:
    async def cancelled():
        raise asyncio.CancelledError
    with pytest.raises(asyncio.CancelledError) as caught:
        _run_sync(cancelled())
    assert not isinstance(caught.value, client.FetchesStopped)


def test_a_stop_cancels_the_batch_in_flight_and_refuses_the_next() -> None:
    out = result_of(child("""
        t = stalled_batch()
        stop_fetches()
        t.join(30)
        later = stalled()
        try:
            _run_sync(later)
            outcome["next"] = "ran"
        except FetchesStopped:
            outcome["next"] = "refused"
        outcome["next_closed"] = inspect.getcoroutinestate(later) == "CORO_CLOSED"
        outcome["alive"] = t.is_alive()
        outcome["live"] = len(client._live)
        print(json.dumps(outcome))
    """))
    assert out == {"batch": "stopped", "cancellation": True, "next": "refused",
                   "next_closed": True, "alive": False, "live": 0}


def test_sigterm_stops_the_fetches_then_runs_the_handler_that_was_there() -> None:
    out = result_of(child("""
        seen = []
        signal.signal(signal.SIGTERM, lambda signum, frame: seen.append(signum))
        before = signal.getsignal(signal.SIGTERM)
        with fetches_stop_on_signals():
            t = stalled_batch()
            os.kill(os.getpid(), signal.SIGTERM)
            t.join(30)
        outcome["handler_ran"] = seen == [signal.SIGTERM]
        outcome["restored"] = signal.getsignal(signal.SIGTERM) is before
        print(json.dumps(outcome))
    """))
    assert out == {"batch": "stopped", "cancellation": True, "handler_ran": True,
                   "restored": True}


def test_ctrl_c_stops_the_fetches_then_is_a_keyboard_interrupt() -> None:
    out = result_of(child("""
        try:
            with fetches_stop_on_signals():
                t = stalled_batch()
                os.kill(os.getpid(), signal.SIGINT)
                t.join(30)
        except KeyboardInterrupt:
            outcome["interrupt"] = True
        t.join(30)
        outcome["restored"] = signal.getsignal(signal.SIGINT) is signal.default_int_handler
        print(json.dumps(outcome))
    """))
    assert out == {"batch": "stopped", "cancellation": True, "interrupt": True,
                   "restored": True}


def test_sigterm_without_a_handler_stops_the_fetches_and_ends_the_process() -> None:
    proc = child("""
        with fetches_stop_on_signals():
            t = stalled_batch()
            os.kill(os.getpid(), signal.SIGTERM)
            t.join(30)
        print("went on")
    """)
    assert proc.returncode == -signal.SIGTERM
    assert "went on" not in proc.stdout


def test_an_ignored_signal_stays_ignored() -> None:
    # as CI starts jobs: SIGINT ignored, so Ctrl-C is no stop there
    out = result_of(child("""
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        with fetches_stop_on_signals():
            outcome["during"] = signal.getsignal(signal.SIGINT) is signal.SIG_IGN
            t = stalled_batch()
            os.kill(os.getpid(), signal.SIGINT)
            outcome["still_fetching"] = t.is_alive()
            stop_fetches()
            t.join(30)
        outcome["after"] = signal.getsignal(signal.SIGINT) is signal.SIG_IGN
        print(json.dumps(outcome))
    """))
    assert out == {"during": True, "still_fetching": True, "batch": "stopped",
                   "cancellation": True, "after": True}


def test_outside_the_main_thread_no_handler_is_set() -> None:
    out = result_of(child("""
        before = signal.getsignal(signal.SIGTERM)
        def elsewhere():
            with fetches_stop_on_signals():
                outcome["during"] = signal.getsignal(signal.SIGTERM) is before
        w = threading.Thread(target=elsewhere)
        w.start()
        w.join(60)
        print(json.dumps(outcome))
    """))
    assert out == {"during": True}


def test_a_handler_set_inside_is_left_in_place() -> None:
    # the command's own handler, set while fetching, is not undone by the exit
    out = result_of(child("""
        def mine(signum, frame):
            pass
        with fetches_stop_on_signals():
            signal.signal(signal.SIGTERM, mine)
        outcome["kept"] = signal.getsignal(signal.SIGTERM) is mine
        print(json.dumps(outcome))
    """))
    assert out == {"kept": True}


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_the_test_process_was_never_stopped() -> None:
    # the tests above stopped their children only: a batch still runs here
    async def answer():
        return signal.SIGTERM
    assert _run_sync(answer()) == signal.SIGTERM
