"""The raw archive's files and the reads built on them: file names, record framing, the
fetch_log rows reprocess picks, and the small pieces of the report around them."""

from __future__ import annotations

import gzip
import re
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import duckdb

from schemas import REJECTS, conform
from tasks.fetch.client import http_request_head, http_response_head
from tasks.storage.archive import WarcWriter, archived_documents, article_fetches
from tasks.storage.publish import publish_commit
from tasks.storage.report import build_views
from tasks.storage.warehouse import manifests, run_manifests, scan_table

NOW = datetime(2024, 5, 3, 12, 0, tzinfo=UTC)
HEAD = http_response_head("1.1", 200, "OK", [(b"Content-Type", b"text/html; charset=utf-8")])
REQ = http_request_head("GET", "/a", [("Host", "a.example")])


def test_warc_files_are_named_by_run_and_utc_time_and_records_are_framed(tmp_path) -> None:
    day = datetime.now(UTC)
    writer = WarcWriter(tmp_path, "run/1 x.y")
    writer.write_exchange("https://a.example/a", REQ, HEAD, b"<p>x</p>", when=NOW)
    writer.close()
    [rel] = writer.files
    m = re.fullmatch(r"raw/run_1_x\.y/(\d{8})T(\d{6})-[0-9a-f]{8}\.warc\.gz", rel)
    assert m, rel
    assert m[1] in {day.strftime("%Y%m%d"), datetime.now(UTC).strftime("%Y%m%d")}
    raw = gzip.decompress((tmp_path / rel).read_bytes())
    records = raw.split(b"WARC/1.1\r\n")[1:]
    assert len(records) == 3  # warcinfo, request, response
    assert all(r.endswith(b"\r\n\r\n") for r in records)
    # every record ends with the block's end and the two CRLFs WARC puts after it
    assert records[-1].endswith(b"<p>x</p>\r\n\r\n")
    assert b"isPartOf: run_1_x.y\r\n" in records[0]


def test_article_fetches_picks_the_latest_archived_page_per_url() -> None:
    settings = SimpleNamespace(allowed_content_types=["text/html"])

    def row(url, at, **kw):
        return {"url": url, "fetched_at": at, "error": None, "warc_file": "raw/f.warc.gz",
                "warc_offset": 0, "content_type": "text/html", "run_id": "r1", **kw}

    log = [row("https://a.example/1", NOW),
           row("https://a.example/1", NOW + timedelta(hours=1), warc_offset=10),
           row("https://a.example/1", NOW - timedelta(hours=1), warc_offset=20),
           row("https://a.example/feed", NOW, content_type="application/rss+xml"),
           row("https://a.example/failed", NOW, error="http_500"),
           row("https://a.example/unarchived", NOW, warc_file=None),
           row("https://a.example/no-offset", NOW, warc_offset=None),
           row("https://a.example/untyped", NOW, content_type=None),
           row("https://a.example/other-run", NOW, run_id="r2")]
    got = article_fetches(log, settings)
    assert sorted((r["url"], r["warc_offset"]) for r in got) == [
        ("https://a.example/1", 10), ("https://a.example/other-run", 0)]
    only = article_fetches(log, settings, run_ids=["r2"])
    assert [r["url"] for r in only] == ["https://a.example/other-run"]
    import pyarrow as pa

    table = pa.Table.from_pylist(log)
    assert sorted(r["url"] for r in article_fetches(table, settings)) == [
        "https://a.example/1", "https://a.example/other-run"]


def test_archived_documents_default_to_url_inputs(tmp_path) -> None:
    writer = WarcWriter(tmp_path, "r")
    f, o = writer.write_exchange("https://a.example/a", REQ, HEAD, b"<p>x</p>", when=NOW)
    writer.close()
    [doc] = archived_documents(tmp_path, [{"url": "https://a.example/a", "error": None,
                                           "warc_file": f, "warc_offset": o}]
                                 ).table.to_pylist()
    assert (doc["source_kind"], doc["source"], doc["status"]) == ("url", None, 200)


def test_a_page_archived_without_its_body_is_a_reject_for_reprocess(tmp_path) -> None:
    """noarchive: the exchange is archived, its body is not; reprocess cannot extract it
    again and says why instead of failing on an empty page."""
    writer = WarcWriter(tmp_path, "r")
    kept = writer.write_exchange("https://a.example/a", REQ, HEAD, b"<p>x</p>", when=NOW)
    left = writer.write_exchange("https://a.example/b", REQ, HEAD, b"", when=NOW,
                                 truncated="unspecified", omitted="noarchive")
    writer.close()
    log = [{"url": u, "error": None, "warc_file": f, "warc_offset": o, "source": "s.urls",
            "source_kind": "sitemap"}
           for u, (f, o) in zip(["https://a.example/a", "https://a.example/b"], [kept, left],
                                strict=True)]
    result = archived_documents(tmp_path, log, run_id="rp")
    assert result.table.column("url").to_pylist() == ["https://a.example/a"]
    [reject] = result.rejects
    assert (reject["url"], reject["stage"], reject["reason"], reject["run_id"]) == (
        "https://a.example/b", "reprocess", "not_archived", "rp")
    assert "noarchive" in reject["detail"] and reject["input_key"] == "https://a.example/b"
    assert (reject["source_kind"], reject["source"]) == ("sitemap", "s.urls")  # its input's
    assert result.counts["received"] == 2 and result.counts["rejected"] == 1


def test_a_batch_commit_is_a_batch_manifest_not_a_run(tmp_path) -> None:
    rejects = conform([{"input_key": "k", "stage": "clean", "reason": "too_short",
                        "rejected_at": NOW, "run_id": "r1"}], REJECTS, "rejects")
    m = publish_commit(tmp_path, {"rejects": rejects},
                       {"run_id": "r1", "started_at": NOW.isoformat()}, 3)
    assert (m["kind"], m["batch"], m["name"]) == ("batch", 3, "r1.b00003.json")
    assert [x["kind"] for x in manifests(tmp_path)] == ["batch"]
    assert run_manifests(tmp_path) == []
    assert scan_table(tmp_path, "rejects").column("input_key").to_pylist() == ["k"]
    assert scan_table(tmp_path, "articles").num_rows == 0


def test_views_of_an_empty_warehouse_answer_with_no_rows(tmp_path) -> None:
    db = build_views(tmp_path)
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM runs").fetchone() == (0,)
        assert [d[0] for d in con.execute("SELECT * FROM runs").description] == [
            "run_id", "started_at", "finished_at", "status", "inputs", "kept", "rejected",
            "failed", "skipped"]
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (0,)
    finally:
        con.close()


def test_warc_records_are_dated_at_the_fetch_in_utc_and_the_file_names_its_software(
        tmp_path) -> None:
    from datetime import timezone

    writer = WarcWriter(tmp_path, "r")
    # 14:00:00.250 at UTC+2 is 12:00:00.250 UTC
    when = datetime(2024, 5, 3, 14, 0, 0, 250_000, tzinfo=timezone(timedelta(hours=2)))
    writer.write_exchange("https://a.example/a", REQ, HEAD, b"<p>x</p>", when=when)
    writer.close()
    raw = gzip.decompress((tmp_path / writer.files[0]).read_bytes())
    warcinfo, request, response = raw.split(b"WARC/1.1\r\n")[1:]
    assert b"software: pressroom\r\n" in warcinfo
    for record in (request, response):
        assert b"WARC-Date: 2024-05-03T12:00:00.250000Z\r\n" in record


def test_a_page_archived_without_its_body_does_not_stop_the_pages_after_it(tmp_path) -> None:
    writer = WarcWriter(tmp_path, "r")
    left = writer.write_exchange("https://a.example/b", REQ, HEAD, b"", when=NOW,
                                 truncated="unspecified", omitted="noarchive")
    kept = [writer.write_exchange(f"https://a.example/{i}", REQ, HEAD, b"<p>x</p>", when=NOW)
            for i in range(2)]
    writer.close()
    log = [{"url": u, "error": None, "warc_file": f, "warc_offset": o}
           for u, (f, o) in zip(["https://a.example/b", "https://a.example/0",
                                 "https://a.example/1"], [left, *kept], strict=True)]
    result = archived_documents(tmp_path, log, run_id="rp")
    assert result.table.column("url").to_pylist() == ["https://a.example/0", "https://a.example/1"]
    assert [r["url"] for r in result.rejects] == ["https://a.example/b"]


def test_a_document_rebuilt_from_the_archive_keeps_its_fetch_and_its_rights(tmp_path) -> None:
    head = http_response_head("1.1", 200, "OK", [
        (b"Content-Type", b"Text/HTML; charset=ISO-8859-1"), (b"X-Robots-Tag", b"noai")])
    writer = WarcWriter(tmp_path, "r")
    f, o = writer.write_exchange("https://a.example/a", REQ, head,
                                 "<p>café</p>".encode("latin-1"), when=NOW)
    writer.close()
    [doc] = archived_documents(tmp_path, [{
        "url": "https://a.example/a", "error": None, "warc_file": f, "warc_offset": o,
        "source_kind": "feed", "source": "https://a.example/rss", "fetched_at": NOW,
        "final_url": "https://a.example/a?x=1"}]).table.to_pylist()
    assert (doc["source_kind"], doc["source"], doc["fetched_at"]) == (
        "feed", "https://a.example/rss", NOW)
    assert (doc["content_type"], doc["encoding"], doc["final_url"]) == (
        "text/html", "cp1252", "https://a.example/a?x=1")
    assert doc["body"] == "<p>café</p>".encode("latin-1") and doc["rights"] == ["noai"]


def test_warc_members_are_compressed_at_the_fastest_level_by_default(tmp_path) -> None:
    # Level 1 costs ~1/4 of level 6's CPU (settings.warc_gzip_level's default). zlib marks
    # the level in each gzip member's header: XFL (byte 8) is 4 for the fastest level
    # only (0 for levels 2-8, 2 for level 9).
    writer = WarcWriter(tmp_path, "r")
    writer.write_exchange("https://a.example/a", REQ, HEAD, b"<p>x</p>" * 50, when=NOW)
    writer.close()
    data = (tmp_path / writer.files[0]).read_bytes()
    assert data[:3] == b"\x1f\x8b\x08" and data[8] == 4
    slow = WarcWriter(tmp_path / "slow", "r", gzip_level=9)
    slow.write_exchange("https://a.example/a", REQ, HEAD, b"<p>x</p>" * 50, when=NOW)
    slow.close()
    assert (tmp_path / "slow" / slow.files[0]).read_bytes()[8] == 2


def test_request_and_response_records_are_typed_as_the_warc_spec_writes_them(tmp_path) -> None:
    writer = WarcWriter(tmp_path, "r")
    writer.write_exchange("https://a.example/a", REQ, HEAD, b"<p>x</p>", when=NOW)
    writer.close()
    raw = gzip.decompress((tmp_path / writer.files[0]).read_bytes())
    _, request, response = raw.split(b"WARC/1.1\r\n")[1:]
    assert b"WARC-Type: request\r\n" in request
    assert b"Content-Type: application/http;msgtype=request\r\n" in request
    assert b"WARC-Type: response\r\n" in response
    assert b"Content-Type: application/http;msgtype=response\r\n" in response


def test_views_are_built_in_a_warehouse_folder_whose_parents_do_not_exist_yet(tmp_path) -> None:
    root = tmp_path / "data" / "news" / "warehouse"
    db = build_views(root)
    assert db.parent == root and db.exists()
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (0,)
    finally:
        con.close()


def test_an_archived_response_reads_back_with_its_warc_date(tmp_path) -> None:
    from tasks.storage.archive import iter_responses, read_response_at

    writer = WarcWriter(tmp_path, "r")
    _, offset = writer.write_exchange("https://a.example/a", REQ, HEAD, b"<p>x</p>", when=NOW)
    writer.close()
    path = tmp_path / writer.files[0]
    assert read_response_at(path, offset).date == "2024-05-03T12:00:00.000000Z"
    assert [r.date for r in iter_responses(path)] == ["2024-05-03T12:00:00.000000Z"]


def test_the_runs_that_archived_no_article_page_are_named() -> None:
    from tasks.common.settings import Settings
    from tasks.storage.archive import runs_without_pages

    def row(run_id, **kw):
        return {"run_id": run_id, "url": f"https://a.example/{run_id}", "error": None,
                "warc_file": "raw/x.warc.gz", "warc_offset": 0, "content_type": "text/html",
                **kw}

    log = [row("archived"),
           row("failed", error="http_404"),
           row("unarchived", warc_file=None),
           row("no-offset", warc_offset=None),
           row("feeds-only", content_type="application/rss+xml"),
           row("archived-too"), row("archived-too", error="timeout")]
    runs = ["archived", "failed", "unarchived", "no-offset", "feeds-only", "archived-too",
            "never-fetched"]
    assert runs_without_pages(log, Settings(), runs) == [
        "failed", "unarchived", "no-offset", "feeds-only", "never-fetched"]
    assert runs_without_pages([], Settings(), []) == []


def test_pages_whose_archive_is_gone_or_damaged_are_rejects_and_the_others_reprocessed(
        tmp_path) -> None:
    """Fault round 42: a raw WARC deleted to free space (raw/ is most of a warehouse's
    bytes), cut short by an interrupted copy, damaged on disk, or a fetch_log pointer
    that names no record: `archived_documents` raised FileNotFoundError, OSError
    ("Gzip decompression error: data error", "Invalid WARC header") or LookupError out
    of the reprocess task, and `pressroom reprocess` ended in a traceback with no page
    processed. Each such page is now an `archive_unreadable` reject naming the file and
    the error, and every page still readable goes on."""
    page = b"<html><body><p>" + b"An archived page. " * 40 + b"</p></body></html>"
    kept, gone, cut = (WarcWriter(tmp_path, f"run-{n}") for n in ("kept", "gone", "cut"))
    pointers = {}
    for name, writer in (("kept", kept), ("gone", gone), ("cut", cut)):
        for i in range(2):
            pointers[f"{name}{i}"] = writer.write_exchange(
                f"https://a.example/{name}/{i}", REQ, HEAD, page + bytes([65 + i]), when=NOW)
        writer.close()
    (tmp_path / gone.files[0]).unlink()
    cut_file = tmp_path / cut.files[0]
    cut_file.write_bytes(cut_file.read_bytes()[:pointers["cut1"][1] + 40])
    log = [{"url": f"https://a.example/{key[:-1]}/{key[-1]}", "error": None, "warc_file": f,
            "warc_offset": o, "source_kind": "url", "fetched_at": NOW}
           for key, (f, o) in pointers.items()]
    log.append({**log[0], "url": "https://a.example/off", "warc_offset": pointers["kept0"][1] + 7})
    result = archived_documents(tmp_path, log, run_id="r2")
    assert sorted(result.table.column("url").to_pylist()) == [
        "https://a.example/cut/0", "https://a.example/kept/0", "https://a.example/kept/1"]
    assert result.counts["received"] == 7 and result.counts["rejected"] == 4
    reasons = {r["url"]: (r["reason"], r["detail"]) for r in result.rejects}
    assert {u: why[0] for u, why in reasons.items()} == {
        "https://a.example/gone/0": "archive_unreadable",
        "https://a.example/gone/1": "archive_unreadable",
        "https://a.example/cut/1": "archive_unreadable",
        "https://a.example/off": "archive_unreadable"}
    assert gone.files[0] in reasons["https://a.example/gone/0"][1]
    assert "No such file" in reasons["https://a.example/gone/0"][1]
    conform(result.rejects, REJECTS, "rejects")


def test_an_unreadable_archive_reject_names_the_error_and_keeps_the_pages_input(
        tmp_path) -> None:
    # seed 69: the detail's exception type and message, whole; the reject's input
    writer = WarcWriter(tmp_path, "r")
    f, o = writer.write_exchange("https://a.example/a", REQ, HEAD, b"<p>x</p>", when=NOW)
    writer.close()
    end = (tmp_path / f).stat().st_size
    log = [{"url": "https://a.example/gone", "error": None, "warc_file": "gone.warc.gz",
            "warc_offset": 0, "source_kind": "sitemap", "source": "s.urls"},
           {"url": "https://a.example/past", "error": None, "warc_file": f, "warc_offset": end}]
    result = archived_documents(tmp_path, log)
    assert [(r["url"], r["reason"], r["detail"], r["source_kind"], r["source"], r["run_id"])
            for r in result.rejects] == [
        ("https://a.example/gone", "archive_unreadable",
         "the archived response gone.warc.gz at byte 0 cannot be read (FileNotFoundError: "
         "No such file or directory): nothing to process again", "sitemap", "s.urls", ""),
        ("https://a.example/past", "archive_unreadable",
         f"the archived response {f} at byte {end} cannot be read (LookupError: no response "
         f"record at {tmp_path / f}:{end}): nothing to process again", "url", None, "")]
    assert result.stage == "reprocess"


def test_archived_documents_read_a_fetch_log_table_with_its_types_and_meta_rights(
        tmp_path) -> None:
    # seed 69: a pyarrow Table of fetch_log rows; the content type as the page gave it
    # (its parameters dropped, none: text/html), and the page's own robots meta read
    import pyarrow as pa

    writer = WarcWriter(tmp_path, "r")
    xhtml = b"Application/XHTML+XML; charset=utf-8; q=1"
    pages = [("https://a.example/x", [(b"Content-Type", xhtml)], b"<p>x</p>"),
             ("https://a.example/n", [(b"X-Robots-Tag", b"noarchive")],
              b'<meta name="robots" content="noai"><p>x</p>')]
    log = []
    for url, headers, body in pages:
        f, o = writer.write_exchange(url, REQ, http_response_head("1.1", 200, "OK", headers),
                                     body, when=NOW)
        log.append({"url": url, "error": None, "warc_file": f, "warc_offset": o})
    writer.close()
    docs = archived_documents(tmp_path, pa.Table.from_pylist(log)).table.to_pylist()
    assert [(d["url"], d["content_type"], d["rights"]) for d in docs] == [
        ("https://a.example/x", "application/xhtml+xml", []),
        ("https://a.example/n", "text/html", ["noai", "noarchive"])]


def test_archived_documents_decode_a_body_no_further_than_the_cap(tmp_path) -> None:
    # seed 69: the cap given reaches the archived response's decoding (past it, the
    # body is the archived bytes as they are: _to_response's CodingError)
    coded = gzip.compress(b"<p>" + b"y" * 5000 + b"</p>")
    head = http_response_head("1.1", 200, "OK", [(b"Content-Type", b"text/html"),
                                                 (b"Content-Encoding", b"gzip")])
    writer = WarcWriter(tmp_path, "r")
    f, o = writer.write_exchange("https://a.example/g", REQ, head, coded, when=NOW)
    writer.close()
    log = [{"url": "https://a.example/g", "error": None, "warc_file": f, "warc_offset": o}]
    whole = archived_documents(tmp_path, log).table.to_pylist()
    capped = archived_documents(tmp_path, log, cap=100).table.to_pylist()
    assert (len(whole[0]["body"]), capped[0]["body"]) == (5007, coded)


def test_an_archived_response_reads_back_at_its_offset_with_its_header_lines(tmp_path) -> None:
    # seed 69: the offset read from, and the header lines as archived beside the joined
    from tasks.storage.archive import read_response_at

    head = http_response_head("1.1", 200, "OK", [(b"X-Robots-Tag", b"googlebot: noindex"),
                                                 (b"X-Robots-Tag", b"noai")])
    writer = WarcWriter(tmp_path, "r")
    writer.write_exchange("https://a.example/0", REQ, HEAD, b"<p>x</p>", when=NOW)
    _, offset = writer.write_exchange("https://a.example/a", REQ, head, b"<p>y</p>", when=NOW)
    writer.close()
    got = read_response_at(tmp_path / writer.files[0], offset)
    assert (got.url, got.offset, got.status, got.body) == (
        "https://a.example/a", offset, 200, b"<p>y</p>")
    assert got.headers["x-robots-tag"] == "googlebot: noindex, noai"
    assert [v for k, v in got.header_lines if k.lower() == "x-robots-tag"] == [
        "googlebot: noindex", "noai"]


def test_a_page_archived_without_its_body_from_a_url_input_is_rejected_as_one(tmp_path) -> None:
    # seed 69: a fetch_log row without source_kind is a URL input's, its reject too
    writer = WarcWriter(tmp_path, "r")
    f, o = writer.write_exchange("https://a.example/b", REQ, HEAD, b"", when=NOW,
                                 truncated="unspecified", omitted="noarchive")
    writer.close()
    result = archived_documents(tmp_path, [{"url": "https://a.example/b", "error": None,
                                            "warc_file": f, "warc_offset": o}])
    assert [(r["reason"], r["source_kind"], r["source"]) for r in result.rejects] == [
        ("not_archived", "url", None)]
