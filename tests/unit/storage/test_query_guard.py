"""What `pressroom sql` runs (tasks/storage/report.py): the statements it refuses, the
settings a query may open with, and the lock on every other setting, on a real DuckDB
connection."""

from __future__ import annotations

import duckdb
import pytest

from tasks.storage.report import (
    QUERY_SETTINGS,
    lock_for_queries,
    query_refusal,
    query_statements,
    split_query_settings,
)


def refusal_of(query: str) -> str | None:
    return query_refusal(query_statements(query))


@pytest.mark.parametrize(("query", "why"), [
    ("COPY (SELECT 1) TO '/tmp/x.csv'", "COPY writes a file"),
    ("SELECT 1; EXPORT DATABASE '/tmp/x'", "EXPORT DATABASE writes a folder"),
    ("ATTACH '/tmp/x.duckdb' AS x", "ATTACH opens, and may create"),
    ("DETACH x", "DETACH closes"),
    ("INSTALL httpfs", "INSTALL and LOAD"),
    ("LOAD httpfs", "INSTALL and LOAD"),
])
def test_statements_that_write_files_or_run_extensions_are_refused(query, why):
    refusal = refusal_of(query)
    assert refusal is not None and refusal.startswith(why), refusal
    assert "pressroom sql only queries" in refusal


@pytest.mark.parametrize("query", [
    "PREPARE p AS COPY (SELECT 42 AS x) TO '{f}'; EXECUTE p",
    "EXPLAIN ANALYZE COPY (SELECT 42 AS x) TO '{f}'",
    "explain (analyze, format json) copy (select 42 as x) to '{f}'",
    "EXPLAIN ANALYSE PREPARE /* c */ \"my p\" -- c\n AS COPY (SELECT 42) TO '{f}';"
    " EXECUTE \"my p\"",
])
def test_a_copy_inside_prepare_or_explain_is_refused_as_copy_is(query, tmp_path):
    # fault round 44: DuckDB types these PREPARE and EXPLAIN, and both wrote the file
    query = query.format(f=tmp_path / "out.csv")
    refusal = refusal_of(query)
    assert refusal is not None and refusal.startswith("COPY writes a file"), refusal
    con = duckdb.connect()
    try:  # what the refusal spares: DuckDB runs each and writes the file
        for statement in duckdb.extract_statements(query):
            con.execute(statement.query)
    finally:
        con.close()
    assert (tmp_path / "out.csv").exists()
    # (an EXPLAIN of a COPY without ANALYZE writes nothing, and is refused all the same)
    assert refusal_of("EXPLAIN (FORMAT json) COPY (SELECT 1) TO 'x.csv'").startswith("COPY")


@pytest.mark.parametrize("query", ["PREPARE p AS SELECT 1; EXECUTE p", "EXPLAIN SELECT 1",
                                   "EXPLAIN ANALYZE SELECT * FROM range(3)",
                                   "EXPLAIN (FORMAT json) SELECT 1"])
def test_prepare_and_explain_of_a_query_are_run(query):
    assert refusal_of(query) is None


def test_a_refusal_quotes_the_statement_cut_to_sixty_characters():
    long = "COPY (SELECT 1 AS a_rather_long_column_name_here) TO '/tmp/x.csv' (HEADER);"
    assert repr(long[:59] + "…") + ";" in refusal_of(long)
    exact = "COPY (SELECT 1 AS a_rather_long_column_name_here) TO 'x.csv'"  # 60 characters
    assert repr(exact) + ";" in refusal_of(exact + " ;")
    longer = "COPY (SELECT 1 AS a_rather_long_column_name_heres) TO 'x.csv'"  # 61
    assert repr(longer[:59] + "…") + ";" in refusal_of(longer)
    assert repr("COPY (SELECT 1) TO 'x.csv'") + ";" in refusal_of(
        "COPY  (SELECT 1)\n TO 'x.csv';")  # spaces collapsed, the semicolon dropped
    assert repr("DETACH X") + ";" in refusal_of("DETACH X ;")  # only ';' and spaces go


@pytest.mark.parametrize("query", ["SELECT 1", "SELECT * FROM read_csv('x.csv')",
                                   "SET VARIABLE x = 1; SELECT 1", "SELEC 1", ""])
def test_queries_and_unparsable_text_are_not_refused(query):
    assert refusal_of(query) is None


def test_only_the_allowed_settings_that_open_the_query_are_split_off():
    def split(query: str) -> tuple[list[str], list[str]]:
        return split_query_settings(query_statements(query))

    assert QUERY_SETTINGS == {"threads", "worker_threads", "memory_limit", "max_memory",
                              "timezone", "default_order", "default_null_order",
                              "preserve_insertion_order"}
    assert split("SET threads = 2; SELECT 1") == (
        ["SET threads = 2;"], [" SELECT 1"])
    assert split("SET threads = 2; PRAGMA memory_limit = '1GB'; SELECT 1") == (
        ["SET threads = 2;", " PRAGMA memory_limit = '1GB';"], [" SELECT 1"])
    assert split("SET SESSION TimeZone = 'UTC'; SELECT 1")[0] == [
        "SET SESSION TimeZone = 'UTC';"]
    assert split("SELECT 1; SET threads = 1") == (
        [], ["SELECT 1;", " SET threads = 1"])  # after a query: not opening it
    assert split("SET VARIABLE threads = 1; SELECT 1")[0] == []
    assert split("SET threads = 2; SET temp_directory = '/x'; SELECT 1") == (
        ["SET threads = 2;"], [" SET temp_directory = '/x';", " SELECT 1"])
    assert split("SET threadsx = 2; SELECT 1")[0] == []  # whole names only
    assert split("SELEC 1") == ([], [])
    assert split("SELECT 1") == ([], ["SELECT 1"])
    # settings alone: all taken, nothing after them
    assert split("SET threads = 2; SET memory_limit = '1GB'") == (
        ["SET threads = 2;", " SET memory_limit = '1GB'"], [])


def test_the_lock_applies_the_opening_settings_then_refuses_every_other():
    con = duckdb.connect()
    try:
        lock_for_queries(con, ["SET threads = 1;", "SET TimeZone = 'America/Bogota';"])
        assert con.execute("SELECT current_setting('threads'), "
                           "current_setting('TimeZone')").fetchone() == (1, "America/Bogota")
        assert con.execute("SELECT current_setting('autoinstall_known_extensions')"
                           ).fetchone() == (False,)
        with pytest.raises(duckdb.Error, match="configuration has been locked"):
            con.execute("SET threads = 2")
        con.execute("SET VARIABLE x = 3")  # a variable is no configuration
        assert con.execute("SELECT getvariable('x')").fetchone() == (3,)
    finally:
        con.close()
    con = duckdb.connect()
    try:
        lock_for_queries(con)  # no settings
        with pytest.raises(duckdb.Error, match="configuration has been locked"):
            con.execute("SET threads = 1")
    finally:
        con.close()


def test_a_query_stores_no_persistent_secret(tmp_path):
    # fault round 44: CREATE PERSISTENT SECRET (DuckDB types it CREATE) wrote the token to
    # a file under ~/.duckdb/stored_secrets, kept after the query
    folder = tmp_path / "secrets"
    con = duckdb.connect()
    try:
        con.execute(f"SET secret_directory = '{folder}'")  # the home folder's, elsewhere
        lock_for_queries(con)
        for query in ("CREATE PERSISTENT SECRET s (TYPE http, BEARER_TOKEN 'tok')",
                      "CREATE SECRET s2 IN LOCAL_FILE (TYPE http, BEARER_TOKEN 'tok')"):
            with pytest.raises(duckdb.Error, match="Persistent secrets are disabled"):
                con.execute(query)
        con.execute("CREATE SECRET s3 (TYPE http)")  # one in memory, gone with the query
    finally:
        con.close()
    assert not folder.exists() or not any(folder.iterdir())


@pytest.mark.parametrize("query", [
    "UPDATE EXTENSIONS", "SELECT 1; UPDATE EXTENSIONS",
    # refused as unnamed before the COPY is read, as when the query's parse ended there
    "COPY (SELECT 1) TO 'x.csv'; UPDATE EXTENSIONS",
])
def test_a_statement_the_binding_has_no_type_name_for_is_refused(query):
    # DuckDB splits it; its type, read from the Python binding, is a ValueError
    statements = query_statements(query)
    assert [st.kind for st in statements][-1] == ""
    refusal = refusal_of(query)
    assert refusal is not None and refusal.startswith(
        "the query holds a statement pressroom sql does not run (UPDATE EXTENSIONS or the "
        "like: "), refusal
    assert "is not a valid StatementType" in refusal and "pressroom sql only queries" in refusal
