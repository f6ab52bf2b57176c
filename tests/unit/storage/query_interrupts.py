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
from types import ModuleType

import duckdb

# a query of hours: its predicate is one DuckDB cannot prove false
NEVER = "SELECT count(*) FROM range(100000000000000) a WHERE a.range % 1000003 = 1000004 - 2"
WORKER = "pressroom-query"  # interruptible's worker thread
# every column a scan of the articles files selects, over hours of rows: its values come
# from the rows (constants were folded into the key's filter, and the scan ended at once),
# and so does the predicate, NEVER's
ENDLESS_ARTICLES = ("SELECT x.range::VARCHAR AS article_id, x.range::VARCHAR AS url, "
                    "x.range::VARCHAR AS canonical_url, 1 AS revision, 'r' AS run_id, "
                    "'t' AS text FROM range(100000000000000) x "
                    "WHERE x.range % 1000003 = 1000004 - 2")
# what a stopped query raises, by the way it was stopped
QUERY_STOPPED = (KeyboardInterrupt, RuntimeError, duckdb.InterruptException)


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


def ctrl_c_during_endless_reads(monkeypatch, module: ModuleType) -> dict:
    """Make `module`'s reads of the declared files (`read_declared`) endless, and send the
    Ctrl-C once the query's worker runs (see ctrl_c_once_a_query_worker_runs: with no
    worker, the connections read on are interrupted from here, and the test fails)."""
    read_on: list = []

    def endless(con, files, table, **_):
        read_on.append(con)
        return con.sql(ENDLESS_ARTICLES)

    monkeypatch.setattr(module, "read_declared", endless)
    return ctrl_c_once_a_query_worker_runs(lambda: [con.interrupt() for con in read_on])
