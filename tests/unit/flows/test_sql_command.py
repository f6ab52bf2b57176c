"""The `pressroom sql` command on queries that hold no statement (fault round 11)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from flows.cli import app


@pytest.mark.parametrize("query", ["", "   ", ";", "-- only a comment", "/* nothing */ ;"])
def test_a_query_of_no_statement_is_a_sql_error_not_a_traceback(warehouse, query):
    """DuckDB answers such a query with None (no cursor): on main the command read its
    `description` and ended in "AttributeError: 'NoneType' object has no attribute
    'description'" (exit 1 with a traceback)."""
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "--", query])
    assert out.exit_code == 1, out.output
    assert out.exception is None or isinstance(out.exception, SystemExit), out.exception
    assert "the query holds no SQL statement" in out.output


def test_a_query_still_answers(warehouse):
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "-f", "csv", "SELECT 41 + 1 AS n"])
    assert out.exit_code == 0, out.output
    assert "n\n42\n" in out.output.replace("\r\n", "\n")


def test_json_output_holds_no_nan_or_infinity(warehouse):
    """Fault round 11 left it: `-f json` wrote a NaN as `NaN`, which is no JSON."""
    import json

    def no_constants(name):
        raise AssertionError(f"{name} in the output")

    query = ("SELECT 'nan'::DOUBLE AS x, 1.5::DOUBLE AS y, ['inf'::DOUBLE, 2.0] AS z, "
             "{'a': '-inf'::DOUBLE, 'b': 'text'} AS s")
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "-f", "json", query])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output, parse_constant=no_constants)
    assert rows == [{"x": None, "y": 1.5, "z": [None, 2.0], "s": {"a": None, "b": "text"}}]


def test_json_output_keeps_every_column_of_a_join(warehouse):
    """Fault round 12: a join's `SELECT *` has two `id` and two `v` columns; a JSON
    object keeps one value per key, so `-f json` kept the last of each and dropped the
    others without a word ({"id": 1, "v": "y"}). Each repeated name now gets a suffix."""
    import json

    query = ("SELECT * FROM (SELECT 1 AS id, 'x' AS v) t1 "
             "JOIN (SELECT 1 AS id, 'y' AS v, 3 AS v_1) t2 ON t1.id = t2.id")
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "-f", "json", query])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output) == [{"id": 1, "v": "x", "id_1": 1, "v_2": "y", "v_1": 3}]
    csv_out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "-f", "csv", query])
    assert csv_out.output.splitlines()[0] == "id,v,id,v,v_1"  # CSV headers may repeat


def test_json_output_of_a_three_way_join_gives_each_repeat_its_own_suffix(warehouse):
    """Three tables joined with `SELECT *` have three `id` columns: the second is `id_1`
    and the third `id_2`, not a second `id_1` (which would drop the second's value)."""
    import json

    query = ("SELECT t1.*, t2.*, t3.* FROM (SELECT 1 AS id) t1, (SELECT 2 AS id) t2, "
             "(SELECT 3 AS id) t3")
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "-f", "json", query])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output) == [{"id": 1, "id_1": 2, "id_2": 3}]


@pytest.mark.parametrize("width", ["0", "-5"])
def test_a_cell_width_below_one_is_refused(warehouse, width):
    """Fault round 12: `--max-width 0` showed "abcde…" for "abcdef" (cut to width - 1
    from the end), `-5` showed "…" alone: values altered without a word."""
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "--max-width", width,
                                   "SELECT 'abcdef' AS s"])
    assert out.exit_code == 2, out.output
    assert "abcde…" not in out.output
    one = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "--max-width", "1",
                                   "SELECT 'abcdef' AS s"])
    assert one.exit_code == 0 and "…" in one.output


def test_csv_cells_of_lists_structs_and_blobs_are_no_python_reprs(warehouse):
    """Fault round 12 left it: `-f csv` wrote ['a', 'b'], b'\\x00' and Decimal('1.5')."""
    import csv
    import io
    import json

    query = (r"SELECT ['a', 'b'] AS l, {'k': [1, 2], 'd': 1.5::DECIMAL(4,2)} AS s, "
             r"'\xAAa\x5Cb\x00'::BLOB AS b, CAST('\xAAa\x5Cb\x00'::BLOB AS VARCHAR) AS as_duckdb,"
             r" 7 AS n, 'plain' AS t")
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "-f", "csv", query])
    assert out.exit_code == 0, out.output
    header, row = list(csv.reader(io.StringIO(out.output)))
    assert header == ["l", "s", "b", "as_duckdb", "n", "t"]
    assert json.loads(row[0]) == ["a", "b"]
    assert json.loads(row[1]) == {"k": [1, 2], "d": "1.50"}
    assert row[2] == row[3] == r"\xAAa\x5Cb\x00"  # a blob as DuckDB itself writes it
    assert row[4:] == ["7", "plain"]


@pytest.mark.parametrize("n", [0, 1, 3, 7])
def test_csv_and_json_are_written_batch_by_batch_and_whole(warehouse, monkeypatch, n):
    """Rows are fetched SQL_BATCH_ROWS at a time (fault round 12: the whole result was
    read into memory first); every row arrives once, in order, across batch edges."""
    import csv
    import io
    import json

    import flows.cli

    monkeypatch.setattr(flows.cli, "SQL_BATCH_ROWS", 3)
    query = f"SELECT i, 'row ' || i AS label FROM range({n}) t(i) ORDER BY i"
    js = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "-f", "json", query])
    assert js.exit_code == 0, js.output
    assert json.loads(js.output) == [{"i": i, "label": f"row {i}"} for i in range(n)]
    cs = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "-f", "csv", query])
    assert list(csv.reader(io.StringIO(cs.output))) == [["i", "label"]] + [
        [str(i), f"row {i}"] for i in range(n)]


@pytest.mark.parametrize(("n", "max_rows"), [(0, 1), (1, 1), (2, 1), (7, 3), (7, 7), (7, 8)])
def test_the_table_shows_at_most_max_rows_and_counts_the_rest(warehouse, monkeypatch, n,
                                                               max_rows):
    """Fault round 12 left it: the table format read every row before printing one (a
    `SELECT * FROM articles` of a big warehouse held the whole result twice, as rows and
    as rich cells). It now keeps the first `--max-rows`, counts the rest across batch
    edges, and says how to get them all."""
    import re

    import flows.cli

    monkeypatch.setattr(flows.cli, "SQL_BATCH_ROWS", 2)
    query = f"SELECT 'r' || i AS label FROM range({n}) t(i) ORDER BY i"
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "--max-rows", str(max_rows),
                                   query])
    assert out.exit_code == 0, out.output
    shown = re.findall(r"\br(\d+)\b", out.output)
    assert shown == [str(i) for i in range(min(n, max_rows))]
    if n > max_rows:
        assert f"{max_rows:,} of {n:,} rows shown (--max-rows); -f csv or -f json" \
            in out.output
    else:
        assert f"{n} row(s)" in out.output and "rows shown" not in out.output


def test_max_rows_below_one_is_refused_and_the_default_is_a_thousand(warehouse):
    import flows.cli

    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "--max-rows", "0",
                                   "SELECT 1"])
    assert out.exit_code == 2, out.output
    n = flows.cli.SQL_TABLE_ROWS + 5
    big = CliRunner().invoke(app, ["sql", "-w", str(warehouse),
                                   f"SELECT i FROM range({n}) t(i)"])
    assert big.exit_code == 0, big.output
    assert f"{flows.cli.SQL_TABLE_ROWS:,} of {n:,} rows shown" in big.output


@pytest.mark.parametrize("statement", [
    "COPY articles TO '{out}/x.csv'",
    "COPY (SELECT 1 AS n) TO '{out}/x.parquet' (FORMAT parquet)",
    "EXPORT DATABASE '{out}/x'",
    "SELECT 1; COPY (SELECT 2 AS n) TO '{out}/x.csv'",
    "ATTACH '{out}/x.duckdb' AS x",
    "INSTALL httpfs",
    "LOAD '{out}/x.duckdb_extension'",
    # a statement type the Python binding has no name for: a ValueError traceback when
    # its type was read, outside the refusal's try (the binding raised it there, not in
    # extract_statements)
    "UPDATE EXTENSIONS", "SELECT 1; UPDATE EXTENSIONS",
])
def test_a_statement_that_writes_files_is_refused(warehouse, tmp_path, statement):
    """Fault round 19 (round 18's known item): the connection is read-only for the
    database, not for the filesystem, so `pressroom sql "COPY articles TO '/tmp/x.csv'"`
    wrote the file and EXPORT DATABASE a folder, the command meant for queries; INSTALL
    reached for the network."""
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    query = statement.format(out=out_dir)
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), query])
    assert out.exit_code == 1, out.output
    assert "SQL refused" in out.output and "only queries" in out.output, out.output
    assert "-f csv" in out.output  # the way to save rows
    assert list(out_dir.iterdir()) == []


@pytest.mark.parametrize("statement", [
    "SET log_query_path = '{out}/q.log'",
    "PRAGMA enable_profiling = 'json'; SET profiling_output = '{out}/p.json'",
])
def test_a_setting_that_makes_later_queries_write_files_is_refused(warehouse, tmp_path,
                                                                    statement):
    """`SET log_query_path` made every later statement of the query append to a file."""
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    query = statement.format(out=out_dir) + "; SELECT 1 AS n"
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), query])
    assert out.exit_code == 1, out.output
    assert "configuration has been locked" in out.output
    assert "changes no other DuckDB setting than" in out.output
    assert list(out_dir.iterdir()) == []


def test_a_setting_after_the_allowed_ones_is_still_refused(warehouse, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    query = f"SET threads = 1; SET log_query_path = '{out_dir}/q.log'; SELECT 1 AS n"
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), query])
    assert out.exit_code == 1 and "configuration has been locked" in out.output, out.output
    assert list(out_dir.iterdir()) == []


@pytest.mark.parametrize(("opening", "setting", "value"), [
    ("SET threads = 1", "threads", "1"),
    ("PRAGMA threads = 1", "threads", "1"),
    ("SET GLOBAL threads TO 1", "threads", "1"),
    ("SET memory_limit = '300MB'; SET threads = 1", "memory_limit", "286.1 MiB"),
    ("SET TimeZone = 'America/Bogota'", "TimeZone", "America/Bogota"),
    ("SET preserve_insertion_order = false", "preserve_insertion_order", "false"),
])
def test_a_query_may_open_with_settings_of_threads_memory_and_time_zone(warehouse, opening,
                                                                       setting, value):
    """Round 19's known item: the lock refused `SET threads = 1` too, which a query run
    beside another job needs and which writes nothing."""
    query = f"{opening}; SELECT current_setting('{setting}')::VARCHAR AS v, 41 + 1 AS n"
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "-f", "csv", query])
    assert out.exit_code == 0, out.output
    assert out.output.replace("\r\n", "\n").splitlines() == ["v,n", f"{value},42"]


def test_a_query_of_settings_only_says_so(warehouse):
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "SET threads = 1"])
    assert out.exit_code == 1, out.output
    assert "no SQL statement after its settings" in out.output



def test_queries_still_read_the_warehouse_and_other_files(tmp_path):
    """Reading stays allowed: the views read the warehouse's Parquet files, a query may
    join a CSV of the user's own, SET VARIABLE is no setting, and a syntax error is still
    DuckDB's own."""
    from tests.unit.storage.test_forget import _warehouse

    root = tmp_path / "wh"
    root.mkdir()
    _warehouse(root)
    mine = tmp_path / "mine.csv"
    mine.write_text("url,note\nhttps://a.example/1,checked\n")
    query = (f"SET VARIABLE x = 1; SELECT a.url, m.note, getvariable('x') AS x "
             f"FROM articles a LEFT JOIN read_csv('{mine}') m USING (url) ORDER BY a.url")
    out = CliRunner().invoke(app, ["sql", "-w", str(root), "-f", "csv", query])
    assert out.exit_code == 0, out.output
    assert out.output.replace("\r\n", "\n").endswith(
        "url,note,x\nhttps://a.example/1,checked,1\nhttps://b.example/2,,1\n")
    bad = CliRunner().invoke(app, ["sql", "-w", str(root), "SELEC 1"])
    assert bad.exit_code == 1 and "SQL error" in bad.output and "syntax error" in bad.output


def test_csv_rows_end_in_a_newline_alone(warehouse):
    """Fault round 34: Python's csv writer ends each row in CRLF, so every last cell of
    `pressroom sql -f csv` carried a CR into the next command (`... | while read url; do
    pressroom diff "$url"; done`: "no article with URL or id '...html\\r'"), and the
    file differed from what DuckDB's own COPY ... TO writes (LF), which round 19 sent
    people to -f csv for. A newline inside a cell still stays inside its quotes."""
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "-f", "csv",
                                   "SELECT 'https://e.example/a' AS url, 'x\ny' AS two"])
    assert out.exit_code == 0, out.output
    # the bytes written (click's Result.output turns CRLF into LF)
    assert out.stdout_bytes == b'url,two\nhttps://e.example/a,"x\ny"\n'


def test_search_csv_rows_end_in_a_newline_alone(warehouse):
    # seed 63: `pressroom search -f csv` writes through the same LF writer as sql (fault
    # round 34; its end-to-end test is an integration test)
    from tasks.storage import search as S
    from tests.unit.storage.test_search import FLOOD, _article, _commit

    rows = [_article("a1", "River floods valley", FLOOD, "r1", day=1)]
    S.index_commit(warehouse, _commit(warehouse, "r1", rows), "r1")
    out = CliRunner().invoke(app, ["search", "river", "-w", str(warehouse), "-f", "csv"])
    assert out.exit_code == 0, out.output
    # (the snippet's own newline stays inside its quotes)
    written = out.stdout_bytes
    assert written.startswith(b"score,title,url,") and b"https://e.com/a1" in written
    assert written.endswith(b'"\n') and b"\r" not in written


def test_blobs_are_written_in_duckdbs_text_form_in_json_and_inside_csv_cells(warehouse):
    """Fault round 42: round 12 wrote a blob cell of `-f csv` as DuckDB does, but `-f json`
    (and a blob inside a list or struct of either format) went through json's
    default=str: Python's repr, "b'\\xaaa\\\\b\\x00'", which nothing but Python reads.
    `signatures.signature` is such a column."""
    import csv
    import io
    import json

    blob = r"'\xAAa\x5Cb\x00'::BLOB"
    duckdb_form = r"\xAAa\x5Cb\x00"
    query = f"SELECT {blob} AS b, [{blob}] AS l, {{'k': {blob}}} AS s"
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "-f", "json", query])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output) == [{"b": duckdb_form, "l": [duckdb_form],
                                       "s": {"k": duckdb_form}}]
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "-f", "csv", query])
    _, row = list(csv.reader(io.StringIO(out.output)))
    assert [row[0], json.loads(row[1]), json.loads(row[2])] == [
        duckdb_form, [duckdb_form], {"k": duckdb_form}]
    # the terminal table too, for a blob cell and one inside a list or a struct
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), f"SELECT {blob} AS b"])
    assert "b'" not in out.output and duckdb_form in out.output
    for inside in (f"[{blob}]", f"{{'k': {blob}}}"):
        out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), f"SELECT {inside} AS x"])
        assert out.exit_code == 0, out.output
        assert "b'" not in out.output and json.dumps(duckdb_form)[1:-1] in out.output


def test_a_blobs_text_form_keeps_the_space_and_escapes_delete_and_backslash() -> None:
    # seed 69: printable ASCII is 0x20 (the space) to 0x7E; DEL and "\" are escaped
    from flows.cli import _blob_text, _cell, _csv_cell

    assert _blob_text(b" ~\x7f\\a\x1f") == " ~\\x7F\\x5Ca\\x1F"
    # a list's text in a csv cell and in the terminal table keeps its letters
    assert _csv_cell(["café", b"\x00"]) == '["café", "\\\\x00"]'
    assert _cell(["café"], 40) == '["café"]'


def test_a_terminal_table_cell_is_cut_to_its_width_with_an_ellipsis() -> None:
    # seed 69: a cell of exactly its width stays whole; one longer ends in "…" at the width;
    # a date inside a list is its text, as in a csv cell
    from datetime import date

    from flows.cli import _cell

    assert (_cell("abcde", 5), _cell("abcdef", 5)) == ("abcde", "abcd…")
    assert _cell([date(2024, 5, 3)], 40) == '["2024-05-03"]'
    assert _cell({"k": "é" * 10}, 12) == '{"k": "éééé…'
