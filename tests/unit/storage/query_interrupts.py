"""What the Ctrl-C tests of long DuckDB queries share (`sql`, `report`, `diff`, `search`):
a query no test's patience sees end, and a real SIGINT sent to the main thread once the
query's worker thread (`interrupts.interruptible`) runs.

Deterministic: the query cannot end by itself (hours of work); the test checks that the
query was stopped by the Ctrl-C, not how fast. On code that runs the query on the main
thread no worker ever appears: the signaller then stops the query itself after a while
(`stop_it`), so the test fails instead of hanging."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable

# a query of hours: its predicate is one DuckDB cannot prove false
NEVER = "SELECT count(*) FROM range(100000000000000) a WHERE a.range % 1000003 = 1000004 - 2"
WORKER = "pressroom-query"  # interruptible's worker thread


def query_workers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == WORKER and t.is_alive()]


def ctrl_c_once_a_query_worker_runs(stop_it: Callable[[], None],
                                    patience: float = 20.0) -> dict:
    """Start the signaller; the dict it returns says {"worker": True} once it saw the
    worker and sent the SIGINT. With no worker within `patience`, `stop_it()` ends the
    query on the main thread and "worker" stays unset."""
    seen: dict = {}

    def signaller() -> None:
        deadline = time.monotonic() + patience
        while time.monotonic() < deadline:
            if query_workers():
                seen["worker"] = True
                time.sleep(0.3)  # inside DuckDB's work by now (interruptible repeats anyway)
                signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)
                return
            time.sleep(0.02)
        stop_it()

    threading.Thread(target=signaller, daemon=True).start()
    return seen


def no_query_worker_left() -> bool:
    """The query itself was stopped, not only the wait for it."""
    for worker in query_workers():
        worker.join(timeout=15)
    return not query_workers()
