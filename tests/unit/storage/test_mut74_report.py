"""Mutation seed 74: how `pressroom sql` names the statements of a query whose rows no
one would see (tasks/storage/report.py `unshown_statements`), on the case its mutants
were not asked."""

from __future__ import annotations

from tasks.storage.report import query_statements, unshown_statements


def test_an_unshown_statement_is_named_without_its_semicolon_only():
    # only the closing `;` and the spaces around it go: a name in capitals ending the
    # statement stays whole
    assert unshown_statements(query_statements("SELECT 41 AS X; SELECT 42 AS n")) == [
        "SELECT 41 AS X"]
