"""`pressroom forget`: one article leaves no trace anywhere under the warehouse folder
(Parquet decoded, WARC decompressed, every other file as bytes), every view still
answers, the data tests pass, and a later run refuses the article."""

from __future__ import annotations

import zlib
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from flows.cli import app
from schemas import views
from tasks.common.settings import Settings
from tasks.storage.report import build_views, connect_views, run_data_tests
from tests.site import ARTICLES

pytestmark = pytest.mark.integration

FORGOTTEN = "/news/harbour-bridge-reopens.html"
# Phrases only that article has: its title and a sentence of its body.
TRACES = [ARTICLES[FORGOTTEN]["title"], "replaced the steel cables"]
KEPT = "/news/library-turns-100.html"


def _texts_of(path: Path) -> list[bytes]:
    """Every form a file's content can be read in: raw bytes, each gzip member
    decompressed, each Parquet value."""
    raw = path.read_bytes()
    out = [raw]
    if path.name.endswith(".gz"):
        pos = 0
        while pos < len(raw):
            d = zlib.decompressobj(31)
            out.append(d.decompress(raw[pos:]))
            pos = len(raw) - len(d.unused_data)
            if not d.eof:
                break
    if path.suffix == ".parquet":
        table = pq.read_table(path)
        out.append(repr(table.to_pylist()).encode("utf-8", "replace"))
    return out


def traces(root: Path) -> list[str]:
    found = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        for text in _texts_of(path):
            for trace in TRACES:
                if trace.encode() in text:
                    found.append(f"{path.relative_to(root)}: {trace}")
    return sorted(set(found))


def test_forget_leaves_no_trace_and_later_runs_refuse_it(prefect_harness, tmp_path, warehouse,
                                                         news_site):
    from flows.ingest import ingest

    urls = tmp_path / "site.urls"
    urls.write_text(f"{news_site}{FORGOTTEN}\n{news_site}{KEPT}\n", encoding="utf-8")
    settings = Settings(warehouse=warehouse, allowed_networks=["127.0.0.0/8"], min_words=40,
                        per_host_delay_s=0.0)
    first = ingest(inputs=[str(urls)], settings=settings)
    assert first["totals"]["kept"] == 2
    assert traces(warehouse)  # the text is there: in Parquet, the WARC, the report...

    res = CliRunner().invoke(app, ["forget", "--url", f"{news_site}{FORGOTTEN}",
                                   "--reason", "legal request", "--warehouse", str(warehouse)])
    assert res.exit_code == 0, res.output
    assert traces(warehouse) == []

    db = build_views(warehouse)
    con = connect_views(db)
    try:
        for name, _ in views():  # every view still answers
            con.execute(f"SELECT count(*) FROM {name}").fetchone()
        assert con.execute("SELECT url FROM articles").fetchall() == [(f"{news_site}{KEPT}",)]
        (row,) = con.execute("SELECT url, reason, rows_removed, warc_records_removed "
                             "FROM takedowns").fetchall()
        assert row[0] == f"{news_site}{FORGOTTEN}" and row[1] == "legal request"
        assert row[2] > 0 and row[3] >= 2  # request and response records
    finally:
        con.close()
    assert set(run_data_tests(db).values()) == {0}
    # the kept article's archived page still reads at its (moved) WARC offset
    res = CliRunner().invoke(app, ["reprocess", "--warehouse", str(warehouse)])
    assert traces(warehouse) == []

    again = ingest(inputs=[str(urls)], settings=settings.model_copy(update={"refresh": True}))
    con = connect_views(Path(again["database"]))
    try:
        reasons = con.execute("SELECT reason FROM rejects WHERE url = ?",
                              [f"{news_site}{FORGOTTEN}"]).fetchall()
    finally:
        con.close()
    assert reasons == [("taken_down",)]
    assert traces(warehouse) == []
