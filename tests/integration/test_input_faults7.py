"""Fault round 7: the other ways data enters a run (local files and folders, WARC
records) and the warehouse it leaves in. Whole `ingest` flows under the session's
Prefect harness, over real files in tmp_path; every run's ledger is checked by the
flow itself and by the data test `runs_conserve_records`."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tasks.common.settings import Settings
from tasks.storage.report import connect_views
from tests.site import ARTICLES, render

pytestmark = pytest.mark.integration

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_a88de07e7e5ec5c5.txt"


def _dump(url: str) -> str:
    """The seed article under another URL: long enough to pass every filter."""
    _header, rest = SEED.read_text("utf-8").split("\n", 1)
    return f" date 2024-04-04 {url}\n{rest}"


def _warc(pages: dict[str, str]) -> bytes:
    """Response records of the test site's articles, under the given URLs."""
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=False)
    for url, path in pages.items():
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(render(path)),
                                            http_headers=http))
    return buf.getvalue()


def _os_name(raw: bytes) -> str:
    """A file name of raw bytes as Python hands it over (lone surrogates for no UTF-8)."""
    return os.fsdecode(raw)


def _table(warehouse: Path, sql: str) -> list[tuple]:
    con = connect_views(warehouse / "pressroom.duckdb")
    try:
        return sorted(con.execute(sql).fetchall())
    finally:
        con.close()


def test_a_folder_of_odd_names_and_odd_files_is_read_and_every_entry_accounted_for(
        prefect_harness, tmp_path, warehouse) -> None:
    """A folder whose own name has a space and an accent, holding a dump and a WARC whose
    names are no UTF-8 (latin-1 `\\xe9`), a named pipe, a link to nothing and a loop of
    links. On main the names ended the run (SchemaError: surrogates not allowed, at
    discover) and the pipe and links were dropped without a reject; now the two files
    are read (their names stored as `\\xe9` escapes), the three others are rejects with
    their reason, and the run conserves."""
    from flows.ingest import ingest

    folder = tmp_path / "in put é"
    folder.mkdir()
    (folder / "plain.txt").write_text(_dump("https://dumps.example/plain.html"), "utf-8")
    (folder / _os_name(b"caf\xe9.txt")).write_text(_dump("https://dumps.example/cafe.html"),
                                                   "utf-8")
    page = "/news/harbour-bridge-reopens.html"
    (folder / _os_name(b"arch\xe9.warc")).write_bytes(_warc({"https://warc.example/a": page}))
    os.mkfifo(folder / "pipe.txt")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")

    manifest = ingest(inputs=[str(folder)], settings=Settings(warehouse=warehouse))

    here = str(folder)
    assert _table(warehouse, "SELECT url, source FROM articles") == [
        ("https://dumps.example/cafe.html", f"{here}/caf\\xe9.txt"),
        ("https://dumps.example/plain.html", f"{here}/plain.txt"),
        ("https://warc.example/a", f"{here}/arch\\xe9.warc"),
    ]
    assert _table(warehouse, "SELECT source, reason FROM rejects") == [
        (f"{here}/dangling.txt", "not_found"),
        (f"{here}/loop-a.txt", "unreadable"),
        (f"{here}/loop-b.txt", "unreadable"),
        (f"{here}/pipe.txt", "not_a_file"),
    ]
    [discover] = [s for s in manifest["stages"] if s["stage"] == "discover"]
    assert discover["rejected"] == 4
    assert manifest["totals"]["kept"] == 3
    assert manifest["data_tests"]["runs_conserve_records"] == 0
    assert all(n == 0 for n in manifest["data_tests"].values()), manifest["data_tests"]
    # a second run over the same folder adds nothing and conserves again
    again = ingest(inputs=[str(folder)], settings=Settings(warehouse=warehouse))
    assert again["totals"]["kept"] == 0
    assert len(_table(warehouse, "SELECT url FROM articles")) == 3
    assert all(n == 0 for n in again["data_tests"].values()), again["data_tests"]


def _raw_response(url: str, record_id: str, http: bytes, type_line: str) -> bytes:
    head = (f"WARC/1.0\r\n{type_line}WARC-Record-ID: {record_id}\r\n"
            f"WARC-Date: 2024-05-06T07:00:00Z\r\nWARC-Target-URI: {url}\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n")
    return head.encode() + http + b"\r\n\r\n"


@pytest.mark.parametrize("gz", [False, True])
def test_an_ingest_of_a_warc_with_untyped_and_misread_records_keeps_every_page_it_can(
        prefect_harness, tmp_path, warehouse, gz) -> None:
    """A WARC of four responses: a normal one, one with no WARC-Type, one whose WARC-Type
    is given twice (FastWARC misreads it), and a normal one right after that. On main the
    untyped page was skipped without a reject, the misread one was a `bad_http` and a
    `warc_unreadable` reject, and in the plain file the page after it was lost without a
    reject; now three pages are articles and one record a `warc_bad_header` reject, and
    the run conserves."""
    import gzip

    from flows.ingest import ingest

    pages = list(ARTICLES)[:3]
    http = [b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + render(p)
            for p in pages]
    records = [
        _raw_response("https://warc.example/typed", "<urn:uuid:1>", http[0],
                      "WARC-Type: response\r\n"),
        _raw_response("https://warc.example/untyped", "<urn:uuid:2>", http[1], ""),
        _raw_response("https://warc.example/twice", "<urn:uuid:3>", http[2],
                      "WARC-Type: response\r\nWARC-Type: response\r\n"),
        _raw_response("https://warc.example/after", "<urn:uuid:4>", http[2],
                      "WARC-Type: response\r\n"),
    ]
    warc = tmp_path / ("mixed.warc.gz" if gz else "mixed.warc")
    warc.write_bytes(b"".join(gzip.compress(r) for r in records) if gz else b"".join(records))
    manifest = ingest(inputs=[str(warc)], settings=Settings(warehouse=warehouse))
    assert _table(warehouse, "SELECT url FROM articles") == [
        ("https://warc.example/after",), ("https://warc.example/typed",),
        ("https://warc.example/untyped",)]
    assert _table(warehouse, "SELECT url, reason FROM rejects") == [
        ("https://warc.example/twice", "warc_bad_header")]
    assert manifest["totals"]["kept"] == 3
    assert all(n == 0 for n in manifest["data_tests"].values()), manifest["data_tests"]


OBSTACLES = {
    # name: (make it, the path named)
    "search-file": (lambda wh: (wh / "search").write_text("x"), "search"),
    "lock-folder": (lambda wh: (wh / ".writer.lock").mkdir(), ".writer.lock"),
    "duckdb-folder": (lambda wh: (wh / "pressroom.duckdb").mkdir(), "pressroom.duckdb"),
    "db-lock-folder": (lambda wh: (wh / ".pressroom.duckdb.lock").mkdir(),
                       ".pressroom.duckdb.lock"),
    "latest-report-folder": (lambda wh: (wh / "reports" / "latest.html").mkdir(parents=True),
                             "reports/latest.html"),
}


@pytest.mark.parametrize("case", sorted(OBSTACLES))
def test_a_file_or_folder_in_the_place_of_the_other_is_refused_before_the_run(
        tmp_path, warehouse, case) -> None:
    """`pressroom ingest` on a warehouse where a run's folder is a file or one of its files
    a folder. On main each ended in a traceback: `.writer.lock` before any work, the
    others after the batch had committed (`search`: FileExistsError at the index task,
    and again on every later run; the database, its lock and the latest report:
    IsADirectoryError). Now the command stops first, exit 2, naming the path."""
    from typer.testing import CliRunner

    from flows.cli import app

    make, name = OBSTACLES[case]
    make(warehouse)
    (tmp_path / "a.txt").write_text(_dump("https://dumps.example/a.html"), "utf-8")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "-w", str(warehouse)])
    out = " ".join(result.output.split())
    assert result.exit_code == 2, out
    kind = "a folder but is a file" if case == "search-file" else "a file but is a folder"
    assert f"{warehouse / name} should be {kind}" in out, out
    assert "Traceback" not in out
    assert not (warehouse / "manifests").exists()  # nothing committed


def test_once_the_obstacle_is_gone_the_run_goes_through(prefect_harness, tmp_path,
                                                        warehouse) -> None:
    """The refusal above changed nothing: with the file named `search` moved away, the
    same input is ingested and the run conserves."""
    from flows.ingest import ingest

    (warehouse / "search").write_text("x")
    from tasks.storage.preflight import warehouse_problem

    assert "should be a folder" in warehouse_problem(warehouse, write=True)
    (warehouse / "search").unlink()
    (tmp_path / "a.txt").write_text(_dump("https://dumps.example/a.html"), "utf-8")
    manifest = ingest(inputs=[str(tmp_path / "a.txt")], settings=Settings(warehouse=warehouse))
    assert manifest["totals"]["kept"] == 1
    assert all(n == 0 for n in manifest["data_tests"].values()), manifest["data_tests"]
