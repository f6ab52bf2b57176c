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
    write_ccnews(folder)
    (folder / "warc.paths").write_text("\n".join(FILES))
    return folder


def write_ccnews(folder: Path) -> None:
    """FILES as tiny CC-NEWS-named WARCs in `folder`, distinct pages in each."""
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
    from prefect.exceptions import FailedRun

    from flows.backfill import backfill
    from tasks.common.settings import Settings

    with pytest.raises(FailedRun, match="cannot read the backfill source: .*127.0.0.1"):
        # loopback is not allowed...
        backfill(listing, date(2024, 5, 1), date(2024, 5, 31), Settings(warehouse=warehouse))
    settings = Settings(warehouse=warehouse, cpu_workers=1, allowed_networks=["127.0.0.0/8"])
    done = backfill(listing, date(2024, 5, 2), date(2024, 5, 5), settings)  # ...unless listed
    assert done["files"] == [listing + n for n in list(FILES)[1:]]
    assert _sources(warehouse) == [(listing + n, FILES[n]) for n in list(FILES)[1:]]
    # a warc.paths list works as well, and everything is already ingested
    again = backfill(listing + "warc.paths", date(2024, 5, 1), date(2024, 5, 5), settings)
    assert [m["inputs_given"] for m in again["runs"]] == [[listing + list(FILES)[0]]]


def test_a_listing_that_does_not_answer_ends_the_backfill_with_one_sentence(listing, tmp_path):
    """Fault round 46: a listing answered 404 (or refused, or over its cap) ended
    `pressroom backfill` with the task's and the flow's tracebacks, then typer's: 268
    lines for one sentence. A real `pressroom backfill` process against a loopback
    listing: the flow fails with the sentence, the command prints it alone, exit 1."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root), "PREFECT_HOME": str(tmp_path / "prefect"),
           "PRESSROOM_ALLOWED_NETWORKS": '["127.0.0.0/8"]', "COLUMNS": "200"}
    done = subprocess.run(
        [sys.executable, "-m", "flows.cli", "backfill", listing + "nothere.paths", "--from",
         "2024-05-01", "--to", "2024-05-02", "-w", str(tmp_path / "wh")],
        cwd=root, env=env, capture_output=True, text=True, timeout=300)
    said = done.stdout + done.stderr
    assert done.returncode == 1, said[-3000:]
    assert (f"cannot read the backfill source: cannot fetch {listing}nothere.paths: HTTP 404"
            in said), said[-3000:]
    assert "Traceback" not in said, said[-3000:]


def test_a_backfill_source_that_is_no_folder_is_refused_before_a_run(tmp_path):
    """Fault round 46: a mistyped folder (or a file named) ended with 268 lines of
    tracebacks once Prefect's server had started; now refused at once, exit 2."""
    from typer.testing import CliRunner

    from flows.cli import app

    (tmp_path / "warc.paths").write_text("CC-NEWS-20240501080000-00001.warc.gz\n")
    for source, why in ((tmp_path / "cc-nwes", "no such file or folder"),
                        (tmp_path / "warc.paths", "a backfill reads a folder of")):
        res = CliRunner().invoke(app, ["backfill", str(source), "--from", "2024-05-01",
                                       "--to", "2024-05-02", "-w", str(tmp_path / "wh")])
        said = " ".join(res.output.split())
        assert res.exit_code == 2, said
        assert f"cannot read the backfill source: {source}: not a folder" in said, said
        assert why in said and not (tmp_path / "wh").exists()


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
