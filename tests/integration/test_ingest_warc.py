"""`pressroom ingest x.warc.gz`: a CC-NEWS-style WARC through the whole flow, offline."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from flows import progress
from flows.cli import app
from tasks.storage.report import connect_views
from tests.site import ARTICLES, render

pytestmark = pytest.mark.integration


def _write_warc(path: Path) -> None:
    """The test site's articles as response records (one gzip-encoded, as crawlers
    keep them), plus a 404 response that must not become an article."""
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i, page in enumerate(ARTICLES):
            body, headers = render(page), [("Content-Type", "text/html; charset=utf-8")]
            if i == 0:
                body, headers = gzip.compress(body), [*headers, ("Content-Encoding", "gzip")]
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(
                f"https://gazette.example{page}", "response", payload=io.BytesIO(body),
                http_headers=http, warc_headers_dict={"WARC-Date": "2024-05-06T07:00:00Z"}))
        http = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")],
                                protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(
            "https://gazette.example/missing", "response", payload=io.BytesIO(b"<h1>404</h1>"),
            http_headers=http))


def test_a_warc_is_streamed_in_staged_batches(prefect_harness, tmp_path, warehouse,
                                              monkeypatch):
    import threading

    from flows.ingest import ingest
    from tasks.common.settings import Settings
    from tasks.discover import inputs as discover_inputs

    staged_sizes = []
    first_fetched = threading.Event()
    read_on_before_a_fetch = []
    real_stage = discover_inputs.stage_warc

    def spy(*args, **kwargs):
        for path, rows, rejects in real_stage(*args, **kwargs):
            if path is not None:
                staged_sizes.append(pq.read_metadata(path).num_rows)
            yield path, rows, rejects
            # The WARC is not read whole before the pipeline starts: the first batch is
            # fetched while the reader waits here (a run that staged everything first
            # would wait in vain, and say so below).
            if not first_fetched.wait(timeout=60):
                read_on_before_a_fetch.append(path)

    def listen(event, stage, count):
        heard.append((event, stage, count))
        if (event, stage) == ("advance", "fetch"):
            first_fetched.set()

    monkeypatch.setattr(discover_inputs, "stage_warc", spy)
    warc = tmp_path / "news.warc.gz"
    _write_warc(warc)
    heard: list[tuple] = []
    with progress.listening(listen):
        manifest = ingest(inputs=[str(warc)],
                          settings=Settings(warehouse=warehouse, batch_size=2))
    assert read_on_before_a_fetch == []
    # the progress display hears the run's size (growing as the WARC is staged, to all
    # 5 records) and every stage's count, per batch
    received = {s["stage"]: s["received"] for s in manifest["stages"]}
    totals = [n for e, _, n in heard if e == "expect"]
    assert totals == sorted(totals) and totals[-1] == 5
    for stage in progress.STAGES:
        assert sum(n for e, st, n in heard if st == stage) == received[stage], stage
    assert manifest["commits"] == [f"{manifest['run_id']}.b{i:05d}.json" for i in (1, 2, 3)]

    assert staged_sizes == [2, 2, 1]  # never more than one batch of pages in a file
    assert manifest["totals"] == {"inputs": 5, "kept": 4, "rejected": 1, "failed": 0,
                                  "skipped": 0}
    assert not (warehouse / "_staging").exists() or not any((warehouse / "_staging").iterdir())
    again = ingest(inputs=[str(warc)], settings=Settings(warehouse=warehouse, batch_size=2))
    assert again["totals"] == {"inputs": 5, "kept": 0, "rejected": 0, "failed": 0,
                               "skipped": 5}


def _page(place: str, n: int) -> bytes:
    body = " ".join(f"Paragraph {i} of the harbour story: talks in {place} went on late "
                    f"into the night and delegates from Japan met again." for i in range(n))
    return (f"<html><head><title>Harbour talks</title></head><body><article>"
            f"<h1>Harbour talks</h1><p>{body}</p></article></body></html>").encode()


def test_an_article_revised_twice_in_one_run_keeps_one_row_per_revision(
        prefect_harness, tmp_path, warehouse):
    """Three captures of one URL with changed text (rev 1 and 2 in the first batch, 3 in
    the second): every revision is kept, entities/places rows name their revision, the
    data tests pass, and the views count the article once, with its latest text."""
    from flows.ingest import ingest
    from tasks.common.settings import Settings

    warc = tmp_path / "revised.warc.gz"
    with open(warc, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for hour, (place, n) in enumerate([("France", 6), ("Germany", 7), ("Kenya", 8)]):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                    protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(
                "https://gazette.example/harbour-talks", "response",
                payload=io.BytesIO(_page(place, n)), http_headers=http,
                warc_headers_dict={"WARC-Date": f"2024-05-06T0{hour + 1}:00:00Z"}))
    manifest = ingest(inputs=[str(warc)], settings=Settings(warehouse=warehouse, batch_size=2))
    assert manifest["totals"]["kept"] == 3  # data tests ran after the commits and passed

    con = connect_views(Path(warehouse / "pressroom.duckdb"))
    assert con.execute("SELECT revision, places FROM articles ORDER BY revision").fetchall() \
        == [(1, ["FR", "JP"]), (2, ["DE", "JP"]), (3, ["JP", "KE"])]
    # Japan is in every revision: one row each (one per article and run was a duplicate)
    assert con.execute("SELECT revision, iso2 FROM places ORDER BY revision, iso2"
                       ).fetchall() == [(1, "FR"), (1, "JP"), (2, "DE"), (2, "JP"),
                                        (3, "JP"), (3, "KE")]
    by_revision = con.execute("SELECT revision, count(*) FROM entities GROUP BY revision "
                              "ORDER BY revision").fetchall()
    assert [r for r, _ in by_revision] == [1, 2, 3]
    assert con.execute("SELECT iso2, articles, mentions FROM unique_places_by_day "
                       "ORDER BY iso2").fetchall() == [("JP", 1, 8), ("KE", 1, 8)]
    con.close()


# Last in the file on purpose: a flow run inside CliRunner leaves Prefect's console log
# handler writing to CliRunner's (then closed) stdout, which breaks later flows' logging.
def test_ingest_a_warc_file_from_the_command_line(prefect_harness, tmp_path, warehouse):
    warc = tmp_path / "news.warc.gz"
    _write_warc(warc)
    res = CliRunner().invoke(app, ["ingest", str(warc), "--warehouse", str(warehouse)])
    assert res.exit_code == 0, res.output
    assert "inputs 5 = kept 4 + rejected 1" in res.output

    con = connect_views(Path(warehouse / "pressroom.duckdb"))
    rows = con.execute("SELECT source_kind, source, title, fetched_at FROM articles "
                       "ORDER BY title").fetchall()
    assert {r[2] for r in rows} == {a["title"] for a in ARTICLES.values()}
    assert all(kind == "warc" and source == str(warc) for kind, source, *_ in rows)
    assert all(at.year == 2024 for *_, at in rows)  # WARC-Date, not the time of the run
    assert con.execute("SELECT url, stage, reason FROM rejects").fetchall() == [
        ("https://gazette.example/missing", "extract", "http_404")]
    # Nothing was fetched: the run never touched the network.
    assert con.execute("SELECT count(*) FROM fetch_log").fetchone()[0] == 0
    con.close()
