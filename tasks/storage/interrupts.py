"""Ctrl-C inside a DuckDB query, as whoever reads the warehouse must recognise it.

DuckDB catches the SIGINT that arrives while a query runs, stops the query and raises its
own exception in place of Python's KeyboardInterrupt (fault rounds 56-57): the commands
(`sql`, `report`, `search`, a run's closing report) tell that Ctrl-C from a failed query
with `query_interrupted`."""

from __future__ import annotations


def query_interrupted(exc: BaseException) -> bool:
    """Whether `exc` is Ctrl-C: Python's KeyboardInterrupt, or DuckDB's own word for the
    SIGINT it caught in a query (its Python client raises a plain RuntimeError, in 2.0;
    InterruptException elsewhere)."""
    import duckdb  # (here, not at the top: the CLI imports this before any query)

    return (isinstance(exc, KeyboardInterrupt | duckdb.InterruptException)
            or (type(exc) is RuntimeError and str(exc) == "Query interrupted"))


# How long a stopped query may take to end after its interrupt, before the worker is left
# to the process's exit (a daemon thread: it cannot hold the exit up).
STOP_GRACE_SECONDS = 10.0
_INTERRUPT_EVERY_SECONDS = 0.1


def interruptible(cursor, call):
    """`call()` (a query on `cursor`, a connection of its own: `con.cursor()`) run in a
    worker thread while the main thread waits, so that Ctrl-C reaches Python whatever
    DuckDB is doing. Left to DuckDB's own check of signals, which runs between pieces of
    its work on the main thread, the SIGINT was lost at random: 4 runs of `pressroom sql`
    in 8 ran on 60 s after it (fault round 60). A wait on a thread is woken by the signal:
    the KeyboardInterrupt interrupts the cursor (DuckDB takes `interrupt()` from another
    thread on the connection the query runs on; on the parent connection it stopped
    nothing) and is raised again once the query ended. The interrupt is repeated until
    then, because one that lands before the query started is forgotten when it starts."""
    import threading

    outcome: dict = {}
    # the worker's end, as an event: after a wait on `join()` was interrupted, Python
    # 3.11 may call the thread stopped (is_alive() False) while it still runs
    ended = threading.Event()

    def work() -> None:
        try:
            outcome["value"] = call()
        except BaseException as exc:  # handed to the main thread, raised there
            outcome["error"] = exc
        finally:
            ended.set()

    try:
        # start() waits for the thread to run: a Ctrl-C there is one in the query too
        threading.Thread(target=work, name="pressroom-query", daemon=True).start()
        ended.wait()
    except KeyboardInterrupt:
        for _ in range(int(STOP_GRACE_SECONDS / _INTERRUPT_EVERY_SECONDS)):
            cursor.interrupt()
            if ended.wait(_INTERRUPT_EVERY_SECONDS):
                break
        raise
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")
