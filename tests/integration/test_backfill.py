"""`pressroom backfill`: dated CC-NEWS-named WARC files from a local folder or a loopback
HTTP listing, file by file, oldest first, resumable."""

from __future__ import annotations

import functools
import io
import random
import threading
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.integration.test_crash_resume import _page, _paragraphs

pytestmark = pytest.mark.integration

# (file name, its pages): three days, the middle day with two files
FILES = {"CC-NEWS-20240501080000-00001.warc.gz": 2,
         "CC-NEWS-20240502080000-00002.warc.gz": 1,
         "CC-NEWS-20240502200000-00003.warc.gz": 2,
         "CC-NEWS-20240505080000-00004.warc.gz": 1}


@pytest.fixture(scope="module")
def ccnews(tmp_path_factory) -> Path:
    """A folder of tiny CC-NEWS-named WARCs (distinct pages in each), and a non-WARC."""
    folder = tmp_path_factory.mktemp("cc-news")
    rng = random.Random(3)
    for name, pages in FILES.items():
        with open(folder / name, "wb") as fh:
            w = WARCWriter(fh, gzip=True)
            for i in range(pages):
                http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                        protocol="HTTP/1.1")
                w.write_record(w.create_warc_record(
                    f"https://outlet.example/{name[8:22]}/{i}.html", "response",
                    payload=io.BytesIO(_page(f"Story {name[8:22]} {i}", _paragraphs(rng, 5))),
                    http_headers=http))
    (folder / "warc.paths").write_text("\n".join(FILES))
    return folder


def _sources(warehouse: Path) -> list[tuple[str, int]]:
    from tasks.storage.report import build_views, connect_views

    con = connect_views(build_views(warehouse))
    try:
        return con.execute("SELECT source, count(*) FROM articles GROUP BY 1 ORDER BY 1"
                           ).fetchall()
    finally:
        con.close()


def test_a_folder_backfill_goes_file_by_file_and_resumes(prefect_harness, ccnews, warehouse):
    from flows.backfill import backfill
    from tasks.common.settings import Settings
    from tasks.storage.warehouse import run_manifests

    settings = Settings(warehouse=warehouse, cpu_workers=1)
    first = backfill(str(ccnews), date(2024, 5, 1), date(2024, 5, 2), settings)
    names = [Path(f).name for f in first["files"]]
    assert names == list(FILES)[:3]  # the 5th of May is out of range; oldest first
    assert [m["inputs_given"] for m in first["runs"]] == [[f] for f in first["files"]]
    assert _sources(warehouse) == [(str(ccnews / n), FILES[n]) for n in names]

    # Resumed, then widened: the files already ingested are skipped, not re-read.
    again = backfill(str(ccnews), date(2024, 5, 1), date(2024, 5, 2), settings)
    assert again["runs"] == [] and again["skipped"] == first["files"]
    wider = backfill(str(ccnews), date(2024, 5, 1), date(2024, 5, 31), settings)
    assert [Path(m["inputs_given"][0]).name for m in wider["runs"]] == [list(FILES)[3]]
    assert len(run_manifests(warehouse)) == 4
    assert sum(n for _, n in _sources(warehouse)) == sum(FILES.values())


def test_a_file_whose_run_did_not_finish_is_ingested_again(prefect_harness, ccnews,
                                                           warehouse):
    from flows.backfill import backfill
    from tasks.common.settings import Settings

    settings = Settings(warehouse=warehouse, cpu_workers=1)
    first = backfill(str(ccnews), date(2024, 5, 2), date(2024, 5, 2), settings)
    # As if the last file's run had been killed after its batches committed: no run
    # manifest names it, so the next backfill runs it again, and it adds nothing twice.
    last = first["runs"][-1]["run_id"]
    (warehouse / "manifests" / f"{last}.json").unlink()
    again = backfill(str(ccnews), date(2024, 5, 2), date(2024, 5, 2), settings)
    assert [Path(m["inputs_given"][0]).name for m in again["runs"]] == [list(FILES)[2]]
    assert sum(n for _, n in _sources(warehouse)) == FILES[list(FILES)[1]] + FILES[list(FILES)[2]]


@pytest.fixture
def listing(ccnews):
    """The folder served on 127.0.0.1 (http.server's directory index is the listing)."""
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(ccnews))
    handler.log_message = lambda *a: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def test_an_http_listing_is_backfilled_through_the_address_guard(prefect_harness, listing,
                                                                 warehouse):
    from flows.backfill import backfill
    from tasks.common.settings import Settings
    from tasks.discover.warcopen import WarcReadError

    with pytest.raises(WarcReadError, match="127.0.0.1"):  # loopback is not allowed...
        backfill(listing, date(2024, 5, 1), date(2024, 5, 31), Settings(warehouse=warehouse))
    settings = Settings(warehouse=warehouse, cpu_workers=1, allowed_networks=["127.0.0.0/8"])
    done = backfill(listing, date(2024, 5, 2), date(2024, 5, 5), settings)  # ...unless listed
    assert done["files"] == [listing + n for n in list(FILES)[1:]]
    assert _sources(warehouse) == [(listing + n, FILES[n]) for n in list(FILES)[1:]]
    # a warc.paths list works as well, and everything is already ingested
    again = backfill(listing + "warc.paths", date(2024, 5, 1), date(2024, 5, 5), settings)
    assert [m["inputs_given"] for m in again["runs"]] == [[listing + list(FILES)[0]]]


# Last in the file: a flow run inside CliRunner leaves Prefect's console log handler
# writing to CliRunner's closed stdout (see test_ingest_warc.py).
def test_backfill_from_the_command_line(prefect_harness, ccnews, warehouse):
    from typer.testing import CliRunner

    from flows.cli import app

    args = ["backfill", str(ccnews), "--from", "2024-05-05", "--to", "2024-05-05",
            "--warehouse", str(warehouse)]
    res = CliRunner().invoke(app, [*args[:3], "2024-05-06", *args[4:]])
    assert res.exit_code == 2 and "is before --from" in res.output
    # One flow run per CliRunner and file (see above): resuming is tested on the flow.
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0, res.output
    assert "1 file(s) in range: 1 ingested now, 0 already ingested" in res.output
    assert "CC-NEWS-20240505080000-00004.warc.gz" in res.output
