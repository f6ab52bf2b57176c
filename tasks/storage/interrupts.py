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
