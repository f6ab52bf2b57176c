"""Views resolve Parquet paths relative to the database's folder (issue 11, item 11): a
copied warehouse reads its own files, a moved one works without `pressroom report`."""

from __future__ import annotations

import shutil

import duckdb
from typer.testing import CliRunner

from flows.cli import app
from tasks.storage.report import DB_NAME, build_views
from tests.reliability.warehouses import committed_warehouse


def _sql(root, query):
    out = CliRunner().invoke(app, ["sql", query, "-w", str(root), "--format", "csv"])
    assert out.exit_code == 0, out.output
    return out.output.strip().splitlines()[1:]


def test_a_copied_warehouse_reads_its_own_files_after_the_original_is_gone(tmp_path):
    original = committed_warehouse(tmp_path / "original")
    build_views(original)
    copy = tmp_path / "elsewhere" / "copy"
    shutil.copytree(original, copy)
    shutil.rmtree(original)
    assert _sql(copy, "SELECT count(*) FROM rejects") == ["6"]
    assert _sql(copy, "SELECT count(*) FROM runs") == ["2"]


def test_a_copy_never_reads_the_original_files(tmp_path):
    original = committed_warehouse(tmp_path / "original", runs=1)
    build_views(original)
    copy = tmp_path / "copy"
    shutil.copytree(original, copy)
    # The copy's only Parquet file is replaced by one with other rows: the copy's views
    # must show these, not the original's.
    part = next((copy / "rejects").glob("*.parquet"))
    con = duckdb.connect()
    con.execute(f"COPY (SELECT * REPLACE ('copy-' || input_key AS input_key) "
                f"FROM read_parquet('{part}')) TO '{part}.new' (FORMAT parquet)")
    con.close()
    part.with_name(part.name + ".new").replace(part)
    keys = _sql(copy, "SELECT input_key FROM rejects ORDER BY 1")
    assert keys == ["copy-k0-0", "copy-k0-1", "copy-k0-2"]


def test_the_stored_database_holds_no_absolute_path(tmp_path):
    from tasks.storage.report import connect_views

    root = committed_warehouse(tmp_path / "wh")
    db = build_views(root)
    con = connect_views(db)
    sqls = " ".join(r[0] for r in con.execute("SELECT sql FROM duckdb_views() "
                                              "WHERE NOT internal").fetchall())
    con.close()
    assert "rejects/" in sqls and str(tmp_path) not in sqls
    assert str(tmp_path).encode() not in (root / DB_NAME).read_bytes()


def test_another_client_reads_the_views_from_inside_the_warehouse(tmp_path, monkeypatch):
    """Without pressroom's variable the paths are plain relative ones: a DuckDB client
    started in the warehouse folder (or with file_search_path) reads them."""
    root = committed_warehouse(tmp_path / "wh")
    build_views(root)
    monkeypatch.chdir(root)
    con = duckdb.connect(DB_NAME, read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM rejects").fetchone()[0] == 6
    finally:
        con.close()
