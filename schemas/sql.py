"""The SQL shipped beside the table schemas: views and data tests, one per file.

`schemas/views/NN_<view>.sql` holds one `CREATE OR REPLACE VIEW <view>` each, run in file
name order (a view may build on any view with a smaller number). `schemas/data_tests/
NN_<test>.sql` holds one query each that returns the failing rows: a healthy warehouse
returns none. Both are written against the declared tables in schemas/tables.py.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def _files(folder: str) -> list[tuple[str, str]]:
    root = resources.files("schemas").joinpath(folder)
    found = sorted((p.name, p.read_text("utf-8")) for p in root.iterdir()
                   if p.name.endswith(".sql"))
    # "07_extraction_health.sql" -> "extraction_health": the number only orders.
    return [(name[:-4].split("_", 1)[1], sql) for name, sql in found]


@cache
def views() -> tuple[tuple[str, str], ...]:
    """(view name, CREATE VIEW statement), in the order they must be created."""
    return tuple(_files("views"))


@cache
def data_tests() -> tuple[tuple[str, str], ...]:
    """(test name, query returning the failing rows), in file order."""
    return tuple(_files("data_tests"))


def view_sql(name: str) -> str:
    """The CREATE VIEW statement of one view (e.g. to build it over an in-memory table)."""
    for view, sql in views():
        if view == name:
            return sql
    raise KeyError(f"no view named {name!r} in schemas/views/")
