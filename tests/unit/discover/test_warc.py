"""WARC input: CC-NEWS style response records -> DOCUMENTS rows; bad records -> rejects."""

from __future__ import annotations

import contextlib
import gzip
import http.server
import io
import socket
import threading
import zlib
from datetime import UTC, datetime
from pathlib import Path

import brotli
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from schemas.tables import DOCUMENTS, REJECTS, conform
from tasks.common.charset import sniff_encoding
from tasks.common.netguard import AddressGuard
from tasks.discover.httpmessage import RecordReject, dechunk, decode_content, split_http
from tasks.discover.warc import (
    _Originals,
    http_block_start,
    is_warc_path,
    iter_warc,
    read_warc,
    truncated_payload,
)
from tasks.discover.warcopen import http_opener

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
CAP = 1_000_000


def _response(w: WARCWriter, url: str, body: bytes, headers: list[tuple[str, str]],
              status: str = "200 OK", date: str = "2024-04-04T10:00:00Z") -> None:
    h = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    rec = w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=h,
                               warc_headers_dict={"WARC-Date": date})
    w.write_record(rec)


def write_cc_news_like(path: Path, gz: bool = True) -> None:
    """warcinfo, then request + response + metadata for three pages, one of them chunked
    and one gzip-encoded (as a crawler that keeps raw transfer bytes writes them)."""
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "test"}))
        pages = [
            ("https://news.example/a", b"<html><p>plain</p></html>",
             [("Content-Type", "text/html; charset=UTF-8")]),
            ("https://news.example/b", b"6\r\n<html>\r\n7\r\nchunked\r\n0\r\n\r\n",
             [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")]),
            ("https://news.example/c", gzip.compress(b"<html>zipped</html>"),
             [("Content-Type", "text/html; charset=iso-8859-1"), ("Content-Encoding", "gzip")]),
        ]
        for url, body, headers in pages:
            req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")],
                                   is_http_request=True)
            w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                http_headers=req))
            _response(w, url, body, headers)
            w.write_record(w.create_warc_record(url, "metadata", payload=io.BytesIO(b"x: 1\r\n"),
                                                warc_content_type="application/warc-fields"))


def raw_record(uri: str | None, http: bytes, length: int | None = None,
               record_id: str = "<urn:uuid:00000000-0000-0000-0000-000000000001>") -> bytes:
    """A hand-made uncompressed WARC response record, for shapes no writer produces."""
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: {record_id}\r\nWARC-Date: 2024-01-02T03:04:05Z\r\n"
        + (f"WARC-Target-URI: {uri}\r\n" if uri else "")
        + "Content-Type: application/http; msgtype=response\r\n"
        + f"Content-Length: {len(http) if length is None else length}\r\n\r\n"
    )
    return head.encode() + http + b"\r\n\r\n"


GOOD = raw_record("https://ok.example/1", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\nok",
                  record_id="<urn:uuid:good>")


def run(data: bytes) -> tuple[list[dict], list[dict], dict]:
    stats: dict[str, int] = {}
    rows, rejects = [], []
    for row, rej in iter_warc(io.BytesIO(data), "mem.warc", "run-1", NOW, CAP, stats):
        (rows if row is not None else rejects).append(row if row is not None else rej)
    conform(rows, DOCUMENTS, "documents")  # every row fits the declared schema
    conform(rejects, REJECTS, "rejects")
    return rows, rejects, stats


@pytest.mark.parametrize("gz", [True, False])
def test_reads_response_records_into_documents(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("news.warc.gz" if gz else "news.warc")
    write_cc_news_like(path, gz)
    result = read_warc(str(path), "run-1", NOW, CAP)
    assert result.rejects == []
    assert [r["url"] for r in result.rows] == [
        "https://news.example/a", "https://news.example/b", "https://news.example/c"]
    assert [r["body"] for r in result.rows] == [
        b"<html><p>plain</p></html>", b"<html>chunked", b"<html>zipped</html>"]
    a = result.rows[0]
    assert a["source_kind"] == "warc" and a["source"] == str(path)
    assert a["status"] == 200 and a["content_type"] == "text/html" and a["encoding"] == "utf-8"
    # the label as browsers (and the fetcher) read it: iso-8859-1 is windows-1252
    assert result.rows[2]["encoding"] == "cp1252"
    assert a["fetched_at"] == datetime(2024, 4, 4, 10, 0, tzinfo=UTC)  # the WARC-Date
    assert a["input_key"].startswith("<urn:uuid:")
    assert len({r["input_key"] for r in result.rows}) == 3
    # request, metadata and warcinfo records are skipped, not rejected
    assert result.stats["skipped_request"] == 3 and result.stats["skipped_metadata"] == 3
    assert result.stats["skipped_warcinfo"] == 1 and result.stats["kept"] == 3
    conform(result.rows, DOCUMENTS, "documents")


def test_non_200_responses_keep_their_status(tmp_path: Path) -> None:
    path = tmp_path / "x.warc.gz"
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        _response(w, "https://news.example/gone", b"", [("Content-Length", "0")], "404 Not Found")
    rows = read_warc(str(path), "r", NOW, CAP).rows
    assert rows[0]["status"] == 404 and rows[0]["body"] == b""


def test_truncated_record_is_rejected_and_earlier_records_kept() -> None:
    data = GOOD + raw_record("https://t.example/2", b"HTTP/1.1 200 OK\r\n\r\n" + b"x" * 100)[:-60]
    rows, rejects, _ = run(data)
    assert [r["url"] for r in rows] == ["https://ok.example/1"]
    assert [(r["reason"], r["url"]) for r in rejects] == [("warc_truncated", "https://t.example/2")]
    assert "of 119 bytes" in rejects[0]["detail"]


def test_truncated_gzip_member_is_a_reject_not_a_traceback() -> None:
    data = gzip.compress(GOOD) + gzip.compress(GOOD.replace(b"good", b"next"))[:-25]
    rows, rejects, _ = run(data)
    assert len(rows) == 1
    assert len(rejects) == 1 and rejects[0]["reason"] in ("warc_truncated", "warc_unreadable")


def test_garbage_between_records_is_one_reject_and_reading_goes_on() -> None:
    second = GOOD.replace(b"ok.example/1", b"ok.example/2")
    rows, rejects, stats = run(GOOD + b"NOT A WARC HEADER\r\n\r\n" + second)
    assert [r["url"] for r in rows] == ["https://ok.example/1", "https://ok.example/2"]
    assert [r["reason"] for r in rejects] == ["warc_unreadable"]
    assert "after the record at offset 0" in rejects[0]["detail"]
    assert stats["resynced"] == 1


def test_not_a_warc_at_all() -> None:
    rows, rejects, _ = run(b"<html>" * 100)
    assert rows == [] and rejects[0]["reason"] == "warc_unreadable"
    assert "at the start" in rejects[0]["detail"]


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        (raw_record(None, b"HTTP/1.1 200 OK\r\n\r\nx"), "warc_no_target_uri"),
        (raw_record("ftp://x.example/f", b"HTTP/1.1 200 OK\r\n\r\nx"), "bad_url"),
        (raw_record("https://x.example/", b"no http message here"), "bad_http"),
        (raw_record("https://x.example/", b"GARBAGE 200\r\n\r\nx"), "bad_http"),
        (raw_record("https://x.example/",
                    b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n\x1f\x8b\x07\x00not gzip"),
         "bad_content_encoding"),
        (raw_record("https://x.example/",
                    b"HTTP/1.1 200 OK\r\nContent-Encoding: compress\r\n\r\n\x1f\x9d\x90\x00\xff"),
         "unsupported_content_encoding"),
        (raw_record("https://x.example/",
                    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab"),
         "bad_chunking"),
    ],
)
def test_bad_record_is_rejected_and_the_next_one_read(record: bytes, reason: str) -> None:
    rows, rejects, stats = run(record + GOOD)
    assert [r["url"] for r in rows] == ["https://ok.example/1"]
    assert [r["reason"] for r in rejects] == [reason]
    assert rejects[0]["stage"] == "discover" and rejects[0]["source_kind"] == "warc"
    assert stats[f"rejected_{reason}"] == 1


def test_gzip_bomb_payload_stops_at_the_cap() -> None:
    bomb = gzip.compress(b"\0" * (20 * CAP))  # 20 MB of zeros in ~20 KB
    rec = raw_record("https://bomb.example/",
                     b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + bomb)
    rows, rejects, _ = run(rec + GOOD)
    assert len(rows) == 1 and [r["reason"] for r in rejects] == ["too_large"]


def test_a_zstd_coded_record_is_read_and_a_zstd_bomb_stops_at_the_cap() -> None:
    """Fault round 36: a page a proxy archived behind a browser that offered zstd keeps
    `Content-Encoding: zstd`; it was an `unsupported_content_encoding` reject (round 33's
    known item). Now read, and a zstd bomb is `too_large` as a gzip one is."""
    from tasks.common.codings import zstd

    page = b"<html><head><title>Tram</title></head><body><p>The tram line opens.</p></html>"
    coded = raw_record("https://zstd.example/a", b"HTTP/1.1 200 OK\r\nContent-Type: text/html"
                       b"\r\nContent-Encoding: zstd\r\n\r\n" + zstd.compress(page))
    bomb = raw_record("https://zstd.example/bomb", b"HTTP/1.1 200 OK\r\nContent-Encoding: "
                      b"zstd\r\n\r\n" + zstd.compress(b"\0" * (20 * CAP)),
                      record_id="<urn:uuid:bomb>")
    rows, rejects, _ = run(coded + bomb + GOOD)
    assert [r["url"] for r in rows] == ["https://zstd.example/a", "https://ok.example/1"]
    assert rows[0]["body"] == page
    assert [r["reason"] for r in rejects] == ["too_large"]


def test_oversized_record_is_skipped_unread() -> None:
    big = raw_record("https://big.example/", b"HTTP/1.1 200 OK\r\n\r\n" + b"x" * (2 * CAP))
    rows, rejects, _ = run(big + GOOD)
    assert len(rows) == 1 and rejects[0]["reason"] == "too_large"


def test_missing_file_is_one_reject(tmp_path: Path) -> None:
    result = read_warc(str(tmp_path / "nope.warc.gz"), "r", NOW, CAP)
    assert result.rows == []
    assert result.rejects[0]["reason"] == "warc_unreadable"
    assert "No such file" in result.rejects[0]["detail"]


def test_split_http_accepts_bare_lf_and_joins_repeated_headers() -> None:
    status, headers, body = split_http(b"HTTP/1.0 301 Moved\nA: 1\nA: 2\nB:x\n\nbody")
    assert status == 301 and headers == {"a": "1, 2", "b": "x"} and body == b"body"


def test_dechunk_passes_through_an_already_decoded_body() -> None:
    assert dechunk(b"<html>not chunked</html>", CAP) == b"<html>not chunked</html>"
    assert dechunk(b"3;ext=1\r\nabc\r\n0\r\n\r\n", CAP) == b"abc"


def test_chunk_sizes_are_hexadecimal() -> None:
    """RFC 9112 7.1: a chunk size is hex; "10" is 16 bytes and "1a" 26, not a bad size."""
    body = b"a" * 16 + b"b" * 26 + b"c" * 255
    chunked = (b"10\r\n" + body[:16] + b"\r\n1a\r\n" + body[16:42]
               + b"\r\nFF\r\n" + body[42:] + b"\r\n0\r\n\r\n")
    assert dechunk(chunked, CAP) == body


def test_decode_content_deflate_raw_and_zlib_and_stacked() -> None:
    raw = zlib.compressobj(wbits=-15)
    raw_deflated = raw.compress(b"hello") + raw.flush()
    assert decode_content(zlib.compress(b"hello"), "deflate", CAP) == b"hello"
    assert decode_content(raw_deflated, "deflate", CAP) == b"hello"
    assert decode_content(gzip.compress(gzip.compress(b"hi")), "gzip, gzip", CAP) == b"hi"
    with pytest.raises(RecordReject):
        decode_content(gzip.compress(b"x" * 100), "gzip", 10)


def test_is_warc_path() -> None:
    assert is_warc_path("a/b/CC-NEWS-2024.warc.gz") and is_warc_path("x.WARC")
    assert is_warc_path("https://data.example/x.warc.gz?sig=1")
    assert not is_warc_path("seeds/urls.txt") and not is_warc_path("x.warc.gz.txt")
    # a URL urlsplit refuses raised ValueError here, and the discover task failed
    assert is_warc_path("http://[::1/x.warc.gz?sig=1") and not is_warc_path("http://[::1/x")


class _FileHandler(http.server.BaseHTTPRequestHandler):
    payload = b""

    def do_GET(self) -> None:  # noqa: N802
        if self.path == "/moved.warc.gz":
            self.send_response(302)
            self.send_header("Location", "/news.warc.gz")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/warc")
        self.send_header("Content-Length", str(len(self.payload)))
        self.end_headers()
        if self.path == "/broken.warc.gz":  # the connection breaks at 60% of the file
            self.wfile.write(self.payload[:len(self.payload) * 6 // 10])
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.wfile.write(self.payload)

    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def served_warc(tmp_path: Path, name: str):
    """A CC-NEWS-like WARC served by _FileHandler on loopback: yields its URL."""
    path = tmp_path / "news.warc.gz"
    write_cc_news_like(path)
    _FileHandler.payload = path.read_bytes()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _FileHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/{name}"
    finally:
        server.shutdown()
        server.server_close()


def test_reads_a_warc_streamed_over_http_from_loopback(tmp_path: Path) -> None:
    with served_warc(tmp_path, "moved.warc.gz") as url:
        opener = http_opener("pressroom-test", 10.0, AddressGuard(allow_private=True))
        result = read_warc(url, "r", NOW, CAP, opener=opener)
        assert len(result.rows) == 3 and result.rejects == []
        assert result.rows[0]["source"] == url
        # Without the loopback permission the guard refuses before connecting.
        refused = read_warc(url, "r", NOW, CAP, opener=http_opener("t", 10.0))
        assert refused.rows == [] and refused.rejects[0]["reason"] == "warc_unreadable"
        assert "127.0.0.1 (loopback)" in refused.rejects[0]["detail"]
        # The same guard as the fetcher: an allowed network (PRESSROOM_ALLOWED_NETWORKS)
        # lets it through without allowing every private address.
        guard = AddressGuard.from_settings(False, ["127.0.0.0/8"])
        allowed = read_warc(url, "r", NOW, CAP, opener=http_opener("t", 10.0, guard))
        assert len(allowed.rows) == 3 and allowed.rejects == []


def test_brotli_payload_and_brotli_bomb() -> None:
    assert decode_content(brotli.compress(b"<html>br</html>"), "br", CAP) == b"<html>br</html>"
    bomb = brotli.compress(b"\0" * (50 * CAP))
    with pytest.raises(RecordReject) as info:
        decode_content(bomb, "br", CAP)
    assert info.value.reason == "too_large"
    with pytest.raises(RecordReject) as info:
        decode_content(brotli.compress(b"x" * 1000)[:-3], "br", CAP)
    assert info.value.reason == "bad_content_encoding"


def test_warc_batches_bound_the_rows_held(tmp_path: Path) -> None:
    from tasks.discover.warc import warc_batches

    path = tmp_path / "many.warc.gz"
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        for i in range(7):
            _response(w, f"https://news.example/{i}", b"<p>x</p>", [("Content-Type", "text/html")])
    stats: dict[str, int] = {}
    sizes = [len(rows) for rows, _ in warc_batches(str(path), "r", NOW, CAP, 3, stats=stats)]
    assert sizes == [3, 3, 1] and stats["kept"] == 7
    assert list(warc_batches(str(tmp_path / "none.warc"), "r", NOW, CAP, 3))[0][1][0][
        "reason"] == "warc_unreadable"


def test_a_target_uri_in_angle_brackets_is_unwrapped() -> None:
    # WARC/1.1 drafts (and some writers since) put the URI in <...>
    rec = raw_record("<https://ok.example/wrapped>",
                     b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\nok")
    rows, rejects, _ = run(rec)
    assert rejects == [] and [r["url"] for r in rows] == ["https://ok.example/wrapped"]


def test_a_record_without_header_end_says_why() -> None:
    rows, [rej], _ = run(raw_record("https://x.example/", b"no http message here"))
    assert rows == [] and rej["reason"] == "bad_http" and "HTTP headers" in rej["detail"]


def test_an_unreadable_warc_is_counted_and_rejected_as_a_warc(tmp_path: Path) -> None:
    from tasks.discover.warc import warc_batches

    stats: dict[str, int] = {}
    source = str(tmp_path / "gone.warc.gz")
    [(rows, [rej])] = list(warc_batches(source, "run-8", NOW, CAP, 3, stats=stats))
    assert rows == [] and stats == {"rejected_warc_unreadable": 1}
    assert (rej["source_kind"], rej["source"], rej["input_key"], rej["url"], rej["run_id"],
            rej["rejected_at"]) == ("warc", source, source, None, "run-8", NOW)
    [(_, [remote])] = list(warc_batches("s3://bucket/x.warc.gz", "r", NOW, CAP, 3))
    assert remote["url"] == "s3://bucket/x.warc.gz" and remote["reason"] == "warc_unreadable"
    # the detail says why, for the person reading the rejects: the scheme is not read
    assert remote["detail"] == ("s3://bucket/x.warc.gz: only local paths and http(s) URLs "
                                "are read")
    assert "No such file" in rej["detail"] and rej["detail"].startswith(source)


def test_iter_stream_seeks_forward_only() -> None:
    from tasks.discover.warcopen import IterStream

    closed = []
    s = IterStream(iter([b"abc", b"defg", b"hij"]), lambda: closed.append(True))
    assert s.seek(2) == 2 and s.read(3) == b"c"  # a raw read may be short: one chunk
    assert s.seek(2, io.SEEK_CUR) == 5 and s.read(10) == b"fg"
    assert s.tell() == 7 and s.read(10) == b"hij"
    with pytest.raises(io.UnsupportedOperation):
        s.seek(1)  # backwards
    with pytest.raises(io.UnsupportedOperation):
        s.seek(0, io.SEEK_END)
    s.close()
    assert closed == [True]
    # a forward seek past the end stops at the end
    t = IterStream(iter([b"ab"]), lambda: None)
    assert t.seek(10) == 2 and t.read(1) == b""


def test_stage_warc_writes_one_parquet_file_per_batch(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from tasks.discover.warc import stage_warc

    path = tmp_path / "many.warc"
    data = b"".join(raw_record(f"https://news.example/{i}",
                               b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\nx",
                               record_id=f"<urn:uuid:{i}>") for i in range(5))
    path.write_bytes(data + raw_record(None, b"HTTP/1.1 200 OK\r\n\r\nx"))
    stats: dict[str, int] = {}
    staged = stage_warc(str(path), tmp_path / "staged", "run-1", NOW, CAP, 2, stats=stats)
    # streamed: the first file is written and handed out before the rest is read
    first, rows, rejects = next(staged)
    assert rows == 2 and pq.read_table(first).num_rows == 2 and rejects == []
    assert stats["records"] == 2 and len(list((tmp_path / "staged").iterdir())) == 1
    rest = list(staged)
    files = [first] + [p for p, _, _ in rest if p is not None]
    assert [pq.read_table(f).num_rows for f in files] == [2, 2, 1]
    assert [n for _, n, _ in rest] == [2, 1]
    assert len({f.name for f in files}) == 3 and all(f.parent == tmp_path / "staged"
                                                     for f in files)
    assert pq.read_table(files[0]).schema == DOCUMENTS
    assert [r["reason"] for _, _, rejs in rest for r in rejs] == ["warc_no_target_uri"]
    assert stats["kept"] == 5


def test_a_staged_file_is_written_in_row_groups_of_stage_row_group_pages(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Staging holds at most STAGE_ROW_GROUP pages as Python objects before it writes
    them: a batch of 5 pages with a row group of 2 is written as groups of 2, 2 and 1."""
    import pyarrow.parquet as pq

    from tasks.discover import warc
    from tasks.discover.warc import stage_warc

    monkeypatch.setattr(warc, "STAGE_ROW_GROUP", 2)
    path = tmp_path / "five.warc"
    path.write_bytes(b"".join(raw_record(f"https://news.example/{i}",
                                         b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\nx",
                                         record_id=f"<urn:uuid:{i}>") for i in range(5)))
    [(staged, rows, _)] = list(stage_warc(str(path), tmp_path / "staged", "run-1", NOW, CAP, 10))
    meta = pq.ParquetFile(staged).metadata
    assert rows == 5
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [2, 2, 1]


def test_staged_bodies_are_lz4_without_a_dictionary(tmp_path: Path) -> None:
    """Staged files are read back once by the same run: a cheap codec, and no dictionary
    tried on the HTML bodies (all distinct); the short columns keep theirs."""
    import pyarrow.parquet as pq

    from tasks.discover.warc import stage_warc

    path = tmp_path / "two.warc"
    path.write_bytes(b"".join(raw_record(f"https://news.example/{i}",
                                         b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
                                         + b"<p>page %d</p>" % i * 50,
                                         record_id=f"<urn:uuid:{i}>") for i in range(2)))
    [(staged, rows, _)] = list(stage_warc(str(path), tmp_path / "staged", "run-1", NOW, CAP, 10))
    meta = pq.ParquetFile(staged).metadata.row_group(0)
    columns = {meta.column(i).path_in_schema: meta.column(i) for i in range(meta.num_columns)}
    assert rows == 2 and pq.read_table(staged).column("body").to_pylist()[1].endswith(
        b"<p>page 1</p>")
    assert {c.compression for c in columns.values()} == {"LZ4"}
    assert not columns["body"].has_dictionary_page
    assert columns["url"].has_dictionary_page


@pytest.mark.parametrize("gz", [True, False])
def test_a_file_cut_anywhere_in_its_last_record_says_so(gz: bool) -> None:
    """A download cut short, or a crawler killed while writing: wherever the file ends
    inside its last record, that record is one reject and the earlier ones are kept (the
    reader itself stops quietly when the cut falls inside a header or a gzip member)."""
    pack = gzip.compress if gz else (lambda b: b)
    first, last = pack(GOOD), pack(GOOD.replace(b"good", b"next"))
    # Plain records end with two CRLFs that belong to no block: a cut there loses nothing.
    for cut in range(1, len(last) - (0 if gz else 4)):
        rows, rejects, _ = run(first + last[:cut])
        assert rows[0]["input_key"] == "<urn:uuid:good>", cut
        # the cut record is a reject, or (cut in the gzip trailer) a whole row: never lost
        assert len(rows) + len(rejects) == 2, (cut, rejects)
        assert all(r["body"] == b"ok" for r in rows), cut
        assert len(rejects) == 1 or cut > len(last) - 16, cut
    rows, rejects, _ = run(first + last)
    assert len(rows) == 2 and rejects == []
    if not gz:  # blank lines after the last record are not a cut
        rows, rejects, _ = run(first + last + b"\r\n\n")
        assert len(rows) == 2 and rejects == []


def test_iter_warc_counts_for_itself_when_not_given_a_dict() -> None:
    got = list(iter_warc(io.BytesIO(GOOD), "mem.warc", "run-1", NOW, CAP))
    assert [row["input_key"] for row, _ in got] == ["<urn:uuid:good>"]


def test_a_reject_names_the_warc_file_it_came_from() -> None:
    rows, rejects, _ = run(raw_record("https://x.example/", b"GARBAGE 200\r\n\r\nx") + GOOD)
    assert len(rows) == 1
    assert [(r["reason"], r["source"]) for r in rejects] == [("bad_http", "mem.warc")]


def test_http_headers_past_the_fetchers_head_limit_are_a_bad_record() -> None:
    # the end of the head is looked for as far as the fetcher reads a head (8 MiB): a
    # record whose head runs on past it is refused, not read as a page
    from tasks.common.httplimits import MAX_HEAD_BYTES

    huge = (b"HTTP/1.1 200 OK\r\nSet-Cookie: " + b"a" * (MAX_HEAD_BYTES + 10)
            + b"\r\nContent-Type: text/html\r\n\r\nbody")
    rows, rejects, _ = run(raw_record("https://big-head.example/", huge) + GOOD)
    assert [r["url"] for r in rows] == ["https://ok.example/1"]
    assert [(r["reason"], r["detail"]) for r in rejects] == [
        ("bad_http", f"no end of HTTP headers in the first {MAX_HEAD_BYTES // 1024} KiB")]


@pytest.mark.parametrize("cookies", [
    [b"c%d=" % i + b"v" * 4000 for i in range(20)],  # 20 cookies of 4 KB: 80 KB
    [b"consent=" + b"a" * 70_000],  # one of 70 KB
])
def test_an_http_head_over_64_kib_as_the_fetcher_reads_and_archives_is_read(cookies) -> None:
    """Fault round 23 (round 22's known item): the fetcher reads header lines up to 64 KiB
    (128 of them), and archives the head whole; the WARC reader looked for its end in the
    first 64 KiB. Before: `bad_http` "no end of HTTP headers in the first 64 KiB", the
    page lost from a WARC the fetcher wrote itself."""
    head = b"HTTP/1.1 200 OK\r\n" + b"".join(b"Set-Cookie: %s\r\n" % c for c in cookies)
    page = b"<html><body><p>The harbour budget.</p></body></html>"
    block = head + b"Content-Type: text/html\r\n\r\n" + page
    assert len(head) > 64 * 1024
    rows, rejects, _ = run(raw_record("https://big-head.example/", block) + GOOD)
    assert rejects == []
    assert [r["url"] for r in rows] == ["https://big-head.example/", "https://ok.example/1"]
    assert rows[0]["body"] == page


def test_an_unexpected_error_inside_one_record_is_a_reject_and_the_next_is_read(
        monkeypatch) -> None:
    # a reader error other than our own rejects (a library bug, a panic in a decoder)
    from tasks.discover import warc

    real, calls = warc._record_to_row, []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("decoder panic")
        return real(*args, **kwargs)

    monkeypatch.setattr(warc, "_record_to_row", flaky)
    bad = raw_record("https://x.example/", b"HTTP/1.1 200 OK\r\n\r\nx",
                     record_id="<urn:uuid:bad>")
    rows, rejects, stats = run(bad + GOOD)
    assert [r["url"] for r in rows] == ["https://ok.example/1"]
    assert [(r["reason"], r["detail"]) for r in rejects] == [
        ("warc_bad_record", "RuntimeError: decoder panic")]
    assert stats["rejected_warc_bad_record"] == 1


def _good(n: int) -> bytes:
    return raw_record(f"https://ok.example/{n}",
                      b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\nok" + str(n).encode(),
                      record_id=f"<urn:uuid:g{n}>")


LIE_HTTP = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + b"x" * 100


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gz"])
@pytest.mark.parametrize("claimed, url", [
    (len(LIE_HTTP) + 300, "https://lie.example/longer"),   # runs into the next records
    (len(LIE_HTTP) - 60, "https://lie.example/shorter"),   # stops inside its own body
])
def test_a_lying_content_length_is_rejected_and_the_next_records_read(gz, claimed, url):
    pack = gzip.compress if gz else (lambda b: b)
    lie = raw_record(url, LIE_HTTP, length=claimed, record_id="<urn:uuid:lie>")
    data = b"".join(pack(r) for r in (_good(1), lie, _good(2), _good(3), _good(4)))
    rows, rejects, _ = run(data)
    assert [r["url"] for r in rows] == [f"https://ok.example/{n}" for n in (1, 2, 3, 4)]
    assert [(r["reason"], r["url"], r["input_key"]) for r in rejects] == [
        ("warc_bad_length", url, "<urn:uuid:lie>")]
    assert "Content-Length" in rejects[0]["detail"]


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gz"])
def test_a_content_length_longer_than_the_file_is_a_bad_length(gz):
    pack = gzip.compress if gz else (lambda b: b)
    lie = raw_record("https://lie.example/eof", LIE_HTTP, length=len(LIE_HTTP) + 100_000)
    rows, rejects, _ = run(pack(_good(1)) + pack(lie))
    assert [r["url"] for r in rows] == ["https://ok.example/1"]
    assert [(r["reason"], r["url"]) for r in rejects] == [("warc_bad_length",
                                                          "https://lie.example/eof")]


@pytest.mark.parametrize("data", [b"", b"\r\n\r\n"], ids=["empty", "blank"])
def test_an_empty_warc_is_one_reject(data, tmp_path: Path):
    rows, rejects, stats = run(data)
    assert rows == [] and [r["reason"] for r in rejects] == ["warc_empty"]
    assert stats["rejected_warc_empty"] == 1
    path = tmp_path / "empty.warc.gz"
    path.write_bytes(data)
    result = read_warc(str(path), "r", NOW, CAP)
    assert [r["reason"] for r in result.rejects] == ["warc_empty"]


@pytest.mark.parametrize("data", [
    gzip.compress(b""),                              # `gzip -c /dev/null > x.warc.gz`
    gzip.compress(b"\r\n\r\n"),                      # a member of blank lines
    gzip.compress(b"") + gzip.compress(b""),         # two empty members
], ids=["empty-member", "blank-member", "two-empty-members"])
def test_a_warc_gz_of_empty_members_is_empty_not_truncated(data, tmp_path: Path) -> None:
    """Fault round 5: a .warc.gz whose gzip holds nothing was `warc_truncated` "the file
    ends inside a record: 20 bytes after the start are not whole": no record was cut."""
    path = tmp_path / "empty.warc.gz"
    path.write_bytes(data)
    result = read_warc(str(path), "r", NOW, CAP)
    assert [(r["reason"], r["detail"]) for r in result.rejects] == [
        ("warc_empty", "the file holds no WARC record")]
    path.write_bytes(gzip.compress(_good(1)) + data)  # blank members after a record
    result = read_warc(str(path), "r", NOW, CAP)
    assert [r["url"] for r in result.rows] == ["https://ok.example/1"] and not result.rejects
    cut = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")[:-9]  # a cut member
    path.write_bytes(data + cut)
    assert [r["reason"] for r in read_warc(str(path), "r", NOW, CAP).rejects] == [
        "warc_truncated"]


def test_a_warc_download_that_breaks_keeps_the_whole_records_read(tmp_path: Path) -> None:
    with served_warc(tmp_path, "broken.warc.gz") as url:
        opener = http_opener("pressroom-test", 10.0, AddressGuard(allow_private=True))
        result = read_warc(url, "r", NOW, CAP, opener=opener)
    # the two pages whose records came whole before the break are kept ...
    assert [r["url"] for r in result.rows] == ["https://news.example/a", "https://news.example/b"]
    # ... and the break is one reject saying where and why, never a traceback
    (rej,) = [r for r in result.rejects if r["reason"] == "warc_unreadable"]
    assert rej["detail"].startswith("the download broke after ")
    assert "RemoteProtocolError" in rej["detail"]


def test_a_corrupt_gzip_member_in_the_middle_is_one_reject_and_reading_goes_on() -> None:
    """A multi-member .warc.gz whose second member's deflate data is damaged: the records
    before and after it are kept, the damage is one warc_unreadable reject."""
    big = raw_record("https://ok.example/big",
                     b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + bytes(range(256)) * 40,
                     record_id="<urn:uuid:big>")
    damaged = bytearray(gzip.compress(big))
    for i in range(40, 80):
        damaged[i] ^= 0x55
    data = b"".join([gzip.compress(_good(1)), bytes(damaged), gzip.compress(_good(2)),
                     gzip.compress(_good(3))])
    rows, rejects, _ = run(data)
    assert [r["url"] for r in rows] == [f"https://ok.example/{n}" for n in (1, 2, 3)]
    assert [r["reason"] for r in rejects] == ["warc_unreadable"]
    assert "decompression" in rejects[0]["detail"]


def _with_digest(record: bytes, digest: str) -> bytes:
    return record.replace(b"WARC-Date:", f"WARC-Payload-Digest: {digest}\r\nWARC-Date:".encode(), 1)


def revisit_record(uri: str, *, record_id: str, refers_to: str | None = None,
                   digest: str | None = None, refers_uri: str | None = None,
                   date: str = "2024-02-03T04:05:06Z") -> bytes:
    """A revisit record as Heritrix and warcio write one: the HTTP head, no payload."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    head = ("WARC/1.1\r\nWARC-Type: revisit\r\n"
            f"WARC-Record-ID: {record_id}\r\nWARC-Date: {date}\r\n"
            f"WARC-Target-URI: {uri}\r\n"
            "WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest\r\n"
            + (f"WARC-Refers-To: {refers_to}\r\n" if refers_to else "")
            + (f"WARC-Refers-To-Target-URI: {refers_uri}\r\n" if refers_uri else "")
            + ("WARC-Refers-To-Date: 2024-01-02T03:04:05Z\r\n" if refers_uri else "")
            + (f"WARC-Payload-Digest: {digest}\r\n" if digest else "")
            + "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n")
    return head.encode() + http + b"\r\n\r\n"


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gz"])
def test_a_revisit_of_a_record_in_the_file_is_read_as_its_page(gz: bool, tmp_path: Path
                                                              ) -> None:
    """Fault round 5: a revisit record (a deduplicating crawler's capture of a page whose
    payload an earlier record holds) was skipped, counted only: its URL lost without a
    reject. Now it is that page, under its own URL, key and date; found by WARC-Refers-To
    or by the payload digest."""
    pack = gzip.compress if gz else (lambda b: b)
    records = [_with_digest(_good(1), "sha1:AAAA"), _good(2),
               revisit_record("https://mirror.example/1", record_id="<urn:uuid:r1>",
                              digest="sha1:AAAA", refers_uri="https://ok.example/1"),
               revisit_record("https://ok.example/2?amp", record_id="<urn:uuid:r2>",
                              refers_to="<urn:uuid:g2>"),
               _good(3)]
    rows, rejects, stats = run(b"".join(pack(r) for r in records))
    assert rejects == []
    assert [(r["url"], r["input_key"], r["body"]) for r in rows] == [
        ("https://ok.example/1", "<urn:uuid:g1>", b"ok1"),
        ("https://ok.example/2", "<urn:uuid:g2>", b"ok2"),
        ("https://mirror.example/1", "<urn:uuid:r1>", b"ok1"),
        ("https://ok.example/2?amp", "<urn:uuid:r2>", b"ok2"),
        ("https://ok.example/3", "<urn:uuid:g3>", b"ok3")]
    assert rows[2]["final_url"] == "https://mirror.example/1"
    assert rows[2]["fetched_at"] == datetime(2024, 2, 3, 4, 5, 6, tzinfo=UTC)
    assert (stats["revisits"], stats["revisits_read"]) == (2, 2)
    # from a file, with records after them (the reader goes on where it was)
    path = tmp_path / ("rev.warc.gz" if gz else "rev.warc")
    path.write_bytes(b"".join(pack(r) for r in records + [_good(4), _good(5)]))
    result = read_warc(str(path), "r", NOW, CAP)
    assert [r["url"] for r in result.rows][2:] == [
        "https://mirror.example/1", "https://ok.example/2?amp", "https://ok.example/3",
        "https://ok.example/4", "https://ok.example/5"] and result.rejects == []


def test_a_revisit_read_over_http_is_unresolved_not_lost(tmp_path: Path) -> None:
    """A WARC streamed over HTTP cannot be read again: a revisit there is a reject
    saying where its payload is (its original read before it is still kept)."""
    original = _with_digest(_good(1), "sha1:AAAA")
    rev = revisit_record("https://mirror.example/1", record_id="<urn:uuid:r1>",
                         digest="sha1:AAAA", refers_uri="https://ok.example/1")
    with served_warc(tmp_path, "rev.warc") as url:
        _FileHandler.payload = original + rev + _good(2)
        opener = http_opener("pressroom-test", 10.0, AddressGuard(allow_private=True))
        result = read_warc(url, "r", NOW, CAP, opener=opener)
    assert [r["url"] for r in result.rows] == ["https://ok.example/1", "https://ok.example/2"]
    assert [(r["reason"], r["url"]) for r in result.rejects] == [
        ("warc_revisit_unresolved", "https://mirror.example/1")]


def test_a_revisit_whose_payload_is_elsewhere_is_a_reject_saying_where() -> None:
    """A revisit of a capture in another file (an earlier crawl): a reject naming the
    capture it points at, not a silent skip; the records around it read."""
    rev = revisit_record("https://ok.example/9", record_id="<urn:uuid:r9>",
                         digest="sha1:ELSEWHERE", refers_uri="https://ok.example/9")
    rows, rejects, stats = run(_good(1) + rev + _good(2))
    assert [r["url"] for r in rows] == ["https://ok.example/1", "https://ok.example/2"]
    [rej] = rejects
    assert (rej["reason"], rej["url"], rej["input_key"]) == (
        "warc_revisit_unresolved", "https://ok.example/9", "<urn:uuid:r9>")
    assert "https://ok.example/9 of 2024-01-02T03:04:05Z" in rej["detail"]
    assert "identical-payload-digest" in rej["detail"]
    no_uri = revisit_record("https://x.example/", record_id="<urn:uuid:r0>").replace(
        b"WARC-Target-URI: https://x.example/\r\n", b"")
    assert [r["reason"] for r in run(no_uri)[1]] == ["warc_no_target_uri"]


def test_the_originals_kept_for_revisits_are_bounded() -> None:
    originals = _Originals(cap=3)
    originals.add(10, "<urn:a>", "sha1:A")
    assert originals.find(None, "sha1:A") == 10
    originals.add(20, "<urn:b>", None)  # three names: all kept
    originals.add(30, "sha1:C")  # a fourth: the oldest goes
    assert originals.find("<urn:a>") is None and originals.find("sha1:A") == 10
    assert originals.find("<urn:b>", "sha1:C") == 20


def test_interim_1xx_heads_before_the_final_response_are_skipped() -> None:
    """Some crawlers store the 100 Continue (or 103 Early Hints) they got before the
    response: the record's status is the final one, its body the final body (it was
    status 100 with the 200's head as its body, so extract rejected it as http_100)."""
    block = (b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </s.css>\r\n\r\n"
             b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>final</html>")
    assert split_http(block) == (200, {"content-type": "text/html"}, b"<html>final</html>")
    rows, rejects, _ = run(raw_record("https://ok.example/1xx", block) + _good(2))
    assert [(r["status"], r["body"]) for r in rows][0] == (200, b"<html>final</html>")
    assert rejects == []


def test_a_101_upgrade_is_the_final_status_of_its_record() -> None:
    # 101 ends HTTP on that connection: what follows is no HTTP response to read
    block = b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n\x81\x05hello"
    assert split_http(block)[0] == 101



@pytest.mark.parametrize(("encoding", "body"), [
    ("gzip", gzip.compress(gzip.compress(b"<html>twice</html>"))),  # declared once, done twice
    (None, gzip.compress(b"<html>twice</html>")),  # gzip, declared nowhere
], ids=["declared-once-done-twice", "undeclared"])
def test_an_undeclared_gzip_layer_of_an_html_record_is_undone(encoding, body) -> None:
    """As the fetcher does for pages: a browser shows what is inside; left as it was, the
    page reached extraction as binary and was lost."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
    if encoding:
        head += b"Content-Encoding: " + encoding.encode() + b"\r\n"
    rows, rejects, _ = run(raw_record("https://ok.example/gz", head + b"\r\n" + body))
    assert rejects == [] and rows[0]["body"] == b"<html>twice</html>"


def test_a_gzip_file_archived_as_such_stays_compressed() -> None:
    data = gzip.compress(b"<urlset/>")
    block = b"HTTP/1.1 200 OK\r\nContent-Type: application/gzip\r\n\r\n" + data
    rows, _, _ = run(raw_record("https://ok.example/sitemap.xml.gz", block))
    assert rows[0]["body"] == data


def test_a_warc_gz_cut_inside_its_last_record_header_says_so() -> None:
    """Fault round 3: every cut inside the last record of a .warc.gz (a download or a
    crawler stopped) keeps the two whole records and gives one reject for the third.
    Cut inside the record's WARC header (its Content-Length, or its value, not yet
    there) the reader hands over an empty record: that was a `bad_http` reject ("no end
    of HTTP headers in the first 64 KiB") naming no cut."""
    data, ends = _three_records(gz=True)
    header_cuts = 0
    for cut in range(ends[1] + 1, len(data) - 8):  # a cut in the gzip trailer loses nothing
        rows, rejects, _ = run(data[:cut])
        urls = [r["url"] for r in rows]
        assert urls[:2] == ["https://cut.example/0", "https://cut.example/1"]
        if len(urls) == 3:  # cut after the block (in the record's closing CRLFs): whole
            assert rejects == [], cut
            continue
        assert len(rejects) == 1, cut
        # a cut inside the member's first line too (round 4: it was warc_unreadable)
        assert rejects[0]["reason"] == "warc_truncated", (cut, rejects)
        if "inside the WARC header" in rejects[0]["detail"]:
            header_cuts += 1
            assert rejects[0]["reason"] == "warc_truncated"
    assert header_cuts > 0


def test_a_206_record_holding_a_slice_is_partial_content() -> None:
    """Fault round 3: a 206 record (a crawler that sent Range, a cache) holding part of
    the page was extracted and kept as if it were the whole article."""
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=False)
    page = b"<html><body><p>" + b"Text of the story. " * 40 + b"</p></body></html>"
    _response(w, "https://p.example/slice", page[:100],
              [("Content-Type", "text/html"), ("Content-Range", f"bytes 0-99/{len(page)}")],
              status="206 Partial Content")
    _response(w, "https://p.example/whole", page,
              [("Content-Type", "text/html"),
               ("Content-Range", f"bytes 0-{len(page) - 1}/{len(page)}")],
              status="206 Partial Content")
    _response(w, "https://p.example/norange", page[:100], [("Content-Type", "text/html")],
              status="206 Partial Content")
    rows, rejects, _ = run(buf.getvalue())
    assert [(r["url"], r["status"]) for r in rows] == [("https://p.example/whole", 206)]
    assert [(r["url"], r["reason"]) for r in rejects] == [
        ("https://p.example/slice", "partial_content"),
        ("https://p.example/norange", "partial_content")]
    assert "not the whole page" in rejects[0]["detail"]


def test_a_200_record_holding_the_part_its_content_range_names_is_partial_content() -> None:
    """Fault round 21: a 200 whose Content-Range names a part and whose body is that
    part (a cache or proxy that filled itself by ranges) was extracted and kept as the
    article: the page cut at byte 100, or its middle without a head. A stale
    Content-Range beside the whole page, or one whose total is unknown, leaves the
    page."""
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=False)
    page = b"<html><body><p>" + b"Text of the story. " * 40 + b"</p></body></html>"
    total = len(page)
    for slug, body, value in (
            ("head", page[:100], f"bytes 0-99/{total}"),
            ("middle", page[100:300], f"bytes 100-299/{total}"),
            ("stale", page, f"bytes 0-99/{total}"),       # the whole page: the header lies
            ("unknown", page[:100], "bytes 0-99/*"),      # no total: nothing to measure
            ("whole", page, f"bytes 0-{total - 1}/{total}")):
        _response(w, f"https://p.example/{slug}", body,
                  [("Content-Type", "text/html"), ("Content-Range", value)])
    rows, rejects, _ = run(buf.getvalue())
    assert [r["url"].rsplit("/", 1)[1] for r in rows] == ["stale", "unknown", "whole"]
    assert [(r["url"].rsplit("/", 1)[1], r["reason"]) for r in rejects] == [
        ("head", "partial_content"), ("middle", "partial_content")]
    assert "bytes 100-299 of " in rejects[1]["detail"] and "HTTP 200" in rejects[1]["detail"]


def test_an_archived_page_under_a_content_type_browsers_cannot_read_is_a_page() -> None:
    """Fault round 21: a record whose Content-Type is no MIME type (`text/html
    charset=utf-8`) or an unknown one (`*/*`) was stored under that label and rejected
    by the extraction (`unsupported_content_type`); it is a page to sniff, as the
    fetcher takes its own."""
    from tasks.common.settings import Settings, settings_slice
    from tasks.extract.pages import ExtractConfig, archived_response_problem

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=False)
    page = b"<html><body><p>" + b"Text of the story. " * 40 + b"</p></body></html>"
    for slug, value in (("php", "text/html charset=utf-8"), ("any", "*/*"),
                        ("valid", "text/html; charset=utf-8")):
        _response(w, f"https://p.example/{slug}", page, [("Content-Type", value)])
    rows, rejects, _ = run(buf.getvalue())
    assert rejects == []
    assert [(r["url"].rsplit("/", 1)[1], r["content_type"], r["encoding"]) for r in rows] == [
        ("php", None, "utf-8"), ("any", None, "utf-8"), ("valid", "text/html", "utf-8")]
    allowed = settings_slice(ExtractConfig, Settings()).allowed_content_types
    assert [archived_response_problem(r, allowed) for r in rows] == [None, None, None]


def test_a_response_record_without_an_http_message_is_skipped_and_counted() -> None:
    # Heritrix archives its DNS look-ups as response records of type text/dns
    dns = b"20240102030405\nnews.example.\t300\tIN\tA\t192.0.2.7\n"
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:dns>\r\n"
            "WARC-Date: 2024-01-02T03:04:05Z\r\nWARC-Target-URI: dns:news.example\r\n"
            f"Content-Type: text/dns\r\nContent-Length: {len(dns)}\r\n\r\n").encode()
    rows, rejects, stats = run(head + dns + b"\r\n\r\n" + GOOD)
    assert [r["url"] for r in rows] == ["https://ok.example/1"] and rejects == []
    assert (stats["skipped_non_http_response"], stats["responses"]) == (1, 1)


def test_round3_warc_records_already_handled() -> None:
    """Fault round 3, already handled: a request with no response after it, conversion,
    metadata and resource records are skipped and counted (no page to fetch or extract
    in them as a response); an HTTP/2 status line and one without a reason phrase are
    read."""
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    w.write_record(w.create_warc_record(
        "https://r.example/req", "request", payload=io.BytesIO(b"GET /req HTTP/1.1\r\n\r\n"),
        warc_content_type="application/http; msgtype=request"))
    for kind, ctype in (("conversion", "text/plain"), ("metadata", "application/warc-fields"),
                        ("resource", "image/png")):  # an HTML resource is a page: round 4
        w.write_record(w.create_warc_record(f"https://r.example/{kind}", kind,
                                            payload=io.BytesIO(b"x: 1\r\n"),
                                            warc_content_type=ctype))
    page = b"<html><body><p>text</p></body></html>"
    for url, proto, status in (("https://r.example/h2", "HTTP/2", "200"),
                               ("https://r.example/h20", "HTTP/2.0", "200 OK")):
        h = StatusAndHeaders(status, [("Content-Type", "text/html")], protocol=proto)
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(page),
                                            http_headers=h))
    rows, rejects, stats = run(buf.getvalue())
    assert [(r["url"], r["status"]) for r in rows] == [("https://r.example/h2", 200),
                                                       ("https://r.example/h20", 200)]
    assert rejects == []
    assert {k: stats[k] for k in ("skipped_request", "skipped_conversion", "skipped_metadata",
                                  "skipped_resource", "kept")} == {
        "skipped_request": 1, "skipped_conversion": 1, "skipped_metadata": 1,
        "skipped_resource": 1, "kept": 2}


def test_stage_warc_rejects_an_unreadable_warc_and_stages_into_a_new_folder(
        tmp_path: Path) -> None:
    from tasks.discover.warc import stage_warc

    stats: dict[str, int] = {}
    source = str(tmp_path / "gone.warc.gz")
    [(path, rows, [rej])] = list(stage_warc(source, tmp_path / "staged", "run-8", NOW, CAP, 3,
                                            stats=stats))
    assert (path, rows, stats) == (None, 0, {"rejected_warc_unreadable": 1})
    assert (rej["reason"], rej["source_kind"], rej["input_key"], rej["run_id"]) == \
        ("warc_unreadable", "warc", source, "run-8")
    # the staging folder, parents included, is made when the first page comes
    warc = tmp_path / "one.warc"
    warc.write_bytes(raw_record("https://news.example/1",
                                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\nx"))
    folder = tmp_path / "run" / "staged" / "warcs"
    [(staged, rows, _)] = list(stage_warc(str(warc), folder, "run-8", NOW, CAP, 3))
    assert rows == 1 and staged.parent == folder


def test_a_page_without_a_declared_charset_is_detected_and_a_declared_one_is_kept() -> None:
    """(Fault round 9: the charset is decided as the fetcher decides it; a page with none
    declared was None, left to the HTML parser, which read its bytes as UTF-8.)"""
    rows, _, _ = run(GOOD + raw_record(
        "https://ok.example/2",
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; Charset=\"ISO-8859-2\"\r\n\r\nok",
        record_id="<urn:uuid:00000000-0000-0000-0000-000000000002>"))
    assert [(r["url"], r["encoding"]) for r in rows] == [
        ("https://ok.example/1", "utf-8"), ("https://ok.example/2", "iso8859-2")]


def test_a_bad_chunk_size_names_itself_and_where_it_is() -> None:
    rows, [rej], _ = run(raw_record(
        "https://x.example/",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\nzz\r\nab\r\n0\r\n\r\n"))
    assert rows == [] and rej["reason"] == "bad_chunking"
    assert rej["detail"] == "bad chunk size b'zz' at byte 7"


def _three_records(gz: bool) -> tuple[bytes, list[int]]:
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    ends = []
    for i in range(3):
        _response(w, f"https://cut.example/{i}", b"<html><body><p>text</p></body></html>",
                  [("Content-Type", "text/html")])
        ends.append(buf.tell())
    return buf.getvalue(), ends


@pytest.mark.parametrize("gz", [True, False])
def test_a_file_cut_inside_the_first_line_of_its_last_record_is_truncated(gz: bool) -> None:
    """Fault round 4: a file that ends inside "WARC/1.0" of its last record (in a .warc.gz,
    a last member cut while its text is that far) was `warc_unreadable` "Invalid WARC
    header", as garbage is. The bytes left are a prefix of a version line and nothing
    follows: a cut, `warc_truncated`, naming where the record starts."""
    data, ends = _three_records(gz)
    seen = set()
    for cut in range(ends[1] + 1, len(data)):
        text = (zlib.decompressobj(31).decompress(data[ends[1]:cut]) if gz
                else data[ends[1]:cut])
        if not text or b"\n" in text:
            continue  # before any text of the member, or past its first line
        seen.add(text)
        rows, rejects, _ = run(data[:cut])
        assert [r["url"] for r in rows] == ["https://cut.example/0", "https://cut.example/1"]
        assert [(r["reason"], r["detail"]) for r in rejects] == [
            ("warc_truncated", f"the file ends inside the WARC header of the record at "
                               f"offset {ends[1]}")], (cut, text)
    # deflate hands out the text in steps, so a .warc.gz's cuts reach some prefixes only
    assert len(seen) >= (3 if gz else 9) and any(t.startswith(b"WARC/1") for t in seen)


@pytest.mark.parametrize("gz", [True, False])
def test_junk_at_the_end_of_a_file_is_still_unreadable_not_a_cut(gz: bool) -> None:
    data, ends = _three_records(gz)
    junk = gzip.compress(b"WARX/1.0\r\n")[:20] if gz else b"WARX/1"
    rows, rejects, _ = run(data[:ends[1]] + junk)
    assert len(rows) == 2
    assert [r["reason"] for r in rejects] == ["warc_unreadable"]


def test_html_resource_records_are_read_as_pages() -> None:
    """Fault round 4: a `resource` record holding an HTML page (wget's --warc-file over a
    mirror, Webrecorder, a browser's saved WARC) has no HTTP message around the page; it
    was skipped (counted as skipped_resource) and the page lost. Now read as a response
    with status 200, the WARC Content-Type as the page's (its charset too); a resource
    that is no HTML (an image) is still skipped, one without a target URI rejected."""
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    page = "<html><head><title>Zürich</title></head><body><p>text</p></body></html>"
    w.write_record(w.create_warc_record(
        "https://res.example/page", "resource", payload=io.BytesIO(page.encode("latin-1")),
        warc_content_type="text/html; charset=iso-8859-1",
        warc_headers_dict={"WARC-Date": "2024-04-04T10:00:00Z"}))
    w.write_record(w.create_warc_record(
        "https://res.example/logo.png", "resource", payload=io.BytesIO(b"\x89PNG\r\n"),
        warc_content_type="image/png"))
    w.write_record(w.create_warc_record(
        "https://res.example/zipped", "resource",
        payload=io.BytesIO(gzip.compress(page.encode("latin-1"))),
        warc_content_type="text/html"))
    nouri = w.create_warc_record("", "resource", payload=io.BytesIO(page.encode()),
                                 warc_content_type="text/html")
    w.write_record(nouri)
    rows, rejects, stats = run(buf.getvalue())
    # the labelled charset as browsers read it (windows-1252); the unlabelled page's
    # charset detected, as the fetcher would (since fault round 9)
    assert [(r["url"], r["status"], r["content_type"]) for r in rows] == [
        ("https://res.example/page", 200, "text/html"),
        ("https://res.example/zipped", 200, "text/html")]
    assert rows[0]["encoding"] == "cp1252"
    assert rows[1]["encoding"] == sniff_encoding(rows[1]["body"], "text/html")[0]
    assert rows[0]["body"] == page.encode("latin-1")
    assert rows[1]["body"] == page.encode("latin-1")  # the undeclared gzip undone
    assert rows[0]["fetched_at"] == datetime(2024, 4, 4, 10, tzinfo=UTC)
    assert [r["reason"] for r in rejects] == ["warc_no_target_uri"]
    assert stats["resources"] == 3 and stats["skipped_resource"] == 1


def test_a_lowercase_http_status_line_is_read() -> None:
    """Fault round 4: "http/1.1 200 ok" (a writer that lower-cased the head) was
    `bad_http` "not an HTTP status line"; the response is there, as curl reads it."""
    page = b"<html><body><p>text</p></body></html>"
    data = (raw_record("https://low.example/1", b"http/1.1 200 ok\r\nContent-Type: text/html"
                       b"\r\n\r\n" + page, record_id="<urn:uuid:low1>")
            + raw_record("https://low.example/2", b"http/1.1 100 continue\r\n\r\n"
                         b"Http/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page,
                         record_id="<urn:uuid:low2>")
            + raw_record("https://low.example/3", b"ftp/1.1 200 OK\r\n\r\n" + page,
                         record_id="<urn:uuid:low3>"))
    rows, rejects, _ = run(data)
    assert [(r["url"], r["status"], r["body"]) for r in rows] == [
        ("https://low.example/1", 200, page), ("https://low.example/2", 200, page)]
    assert [(r["url"], r["reason"]) for r in rejects] == [("https://low.example/3", "bad_http")]


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gz"])
def test_a_target_uri_with_bytes_that_are_no_utf8_keeps_its_address(gz: bool) -> None:
    """Fault round 5: a WARC-Target-URI holding a raw latin-1 byte (a latin-1 server, old
    crawls) came out of the reader with U+FFFD in its place: the article was stored under
    caf%EF%BF%BD, an address that is not the page's. Now the byte is percent-encoded (the
    address the crawler asked for); a UTF-8 IRI stays as it was."""
    pack = gzip.compress if gz else (lambda b: b)
    latin1 = _good(7).replace(b"https://ok.example/7", b"https://ok.example/caf\xe9?q=\xe9t\xe9")
    iri = _good(8).replace(b"https://ok.example/8", "https://ok.example/café".encode())
    rows, rejects, _ = run(pack(latin1) + pack(iri) + pack(_good(9)))
    assert [r["url"] for r in rows] == ["https://ok.example/caf%E9?q=%E9t%E9",
                                        "https://ok.example/café", "https://ok.example/9"]
    assert rows[0]["final_url"] == rows[0]["url"] and rejects == []


def test_a_warc_whose_file_name_is_no_utf8_is_read_and_named_with_escapes(tmp_path: Path
                                                                          ) -> None:
    """Fault round 7: a WARC named b"arch\\xe9.warc" (latin-1) reaches Python as a lone
    surrogate; staging it raised UnicodeEncodeError (its stem), and its rows and rejects
    could not be stored (SchemaError). Read by its real name, named with an escape."""
    import os

    import pyarrow.parquet as pq

    from tasks.discover.warc import read_warc, stage_warc

    source = str(tmp_path / os.fsdecode(b"arch\xe9.warc"))
    Path(source).write_bytes(GOOD + b"junk that is no record\r\n")
    label = f"{tmp_path}/arch\\xe9.warc"
    [(staged, rows, rejects)] = list(stage_warc(source, tmp_path / "s", "r7", NOW, CAP, 5))
    assert rows == 1
    assert pq.read_table(staged).column("source").to_pylist() == [label]
    assert [(r["reason"], r["source"]) for r in conform(rejects, REJECTS, "rejects")
            .to_pylist()] == [("warc_unreadable", label)]
    whole = read_warc(source, "r7", NOW, CAP)
    assert [r["source"] for r in whole.rows + whole.rejects] == [label, label]
    gone = read_warc(str(tmp_path / os.fsdecode(b"gon\xe9.warc")), "r7", NOW, CAP)
    [rej] = conform(gone.rejects, REJECTS, "rejects").to_pylist()
    assert (rej["reason"], rej["input_key"]) == ("warc_unreadable", f"{tmp_path}/gon\\xe9.warc")


_PAGE = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><p>x</p></html>"
_SECOND = raw_record("https://ok.example/2", _PAGE, record_id="<urn:uuid:2>")
_THIRD = raw_record("https://ok.example/3", _PAGE, record_id="<urn:uuid:3>")


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("header", ["twice", "lower"])
def test_a_header_the_reader_misreads_is_one_clear_reject_and_the_next_record_is_read(
        gz: bool, header: str) -> None:
    """Fault round 7: a WARC-Type given twice, or header names in lower case: FastWARC
    takes the block for 0 bytes and fails inside it. It was a `bad_http` "no end of HTTP
    headers" reject plus a `warc_unreadable`, and in a plain file the record after it was
    lost too (reading resumed one byte past its start)."""
    bad = (_SECOND.replace(b"WARC-Type: response", b"WARC-Type: response\r\nWARC-Type: response")
           if header == "twice" else
           _SECOND.replace(b"WARC-Type:", b"warc-type:").replace(b"Content-Length:",
                                                                 b"content-length:"))
    records = [GOOD, bad, _THIRD]
    data = b"".join(gzip.compress(r) for r in records) if gz else b"".join(records)
    rows, rejects, _ = run(data)
    assert [r["url"] for r in rows] == ["https://ok.example/1", "https://ok.example/3"]
    [rej] = rejects
    why = ("WARC-Type given more than once" if header == "twice"
           else "header names in lower case (warc-type, content-length)")
    assert (rej["reason"], rej["input_key"], rej["url"]) == (
        "warc_bad_header", "<urn:uuid:2>", "https://ok.example/2")
    assert f"({why}): the reader took its block for 0 bytes, not the 65 declared" in \
        rej["detail"]


def _read_with_second_length(length: str, gz: bool) -> tuple[list[dict], list[dict]]:
    """Three records, the second's Content-Length replaced by `length`: rows and rejects."""
    bad = _SECOND.replace(b"Content-Length: 65", f"Content-Length: {length}".encode())
    records = [GOOD, bad, _THIRD]
    data = b"".join(gzip.compress(r) for r in records) if gz else b"".join(records)
    rows, rejects, _ = run(data)
    return rows, rejects


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("length", ["\u00b2", "\u0666\u0665"])
def test_a_content_length_in_digits_other_than_ascii_is_a_bad_header_not_a_crash(
        gz: bool, length: str) -> None:
    """str.isdigit takes a superscript two and Arabic-Indic digits: the first made int()
    raise, a ValueError out of the reader that ended the whole discover run; the reader
    takes neither for a length. One warc_bad_header reject, and the next record read."""
    rows, rejects = _read_with_second_length(length, gz)
    assert [r["url"] for r in rows] == ["https://ok.example/1", "https://ok.example/3"]
    [rej] = rejects
    assert (rej["reason"], rej["input_key"]) == ("warc_bad_header", "<urn:uuid:2>")
    assert f"(a Content-Length of {length!r}, not in ASCII digits)" in rej["detail"]


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("length", ["0x41", "65 bytes", "-5"])
def test_a_content_length_that_is_no_number_is_a_bad_header_and_the_next_record_read(
        gz: bool, length: str) -> None:
    """A Content-Length that is there but is no number was `warc_truncated` ("the file
    ends inside the WARC header": nothing is cut), and the reader then failed on the next
    record, lost with a `warc_unreadable`. One warc_bad_header reject; reading goes on."""
    rows, rejects = _read_with_second_length(length, gz)
    assert [r["url"] for r in rows] == ["https://ok.example/1", "https://ok.example/3"]
    [rej] = rejects
    assert (rej["reason"], rej["input_key"], rej["url"]) == (
        "warc_bad_header", "<urn:uuid:2>", "https://ok.example/2")
    assert f"has a Content-Length of {length!r}, no number" in rej["detail"]


def test_reading_on_after_a_bad_record_in_a_plain_file_keeps_the_record_right_after_it(
        ) -> None:
    """The resync after a failure inside a record looked for the next record from one
    byte past that record's end: the record starting right there was skipped, without
    a reject (a .warc.gz was looked for from its member's end less one: kept)."""
    from tasks.discover.warcrepair import failed_after

    data = GOOD + _SECOND + _THIRD
    assert failed_after(io.BytesIO(data), len(GOOD)) == len(GOOD) + len(_SECOND) - 1


@pytest.mark.parametrize("type_line", [b"", b"WARC-Type: \r\n", b"WARC-Type: reponse\r\n"])
def test_a_record_with_no_known_type_holding_an_http_response_is_that_response(
        type_line: bytes) -> None:
    """Fault round 7: no WARC-Type (a writer's bug), a blank one or a misspelt one, over
    a block whose Content-Type says `application/http; msgtype=response`: skipped
    (`skipped_unknown` in the stats only), the page lost without a reject. Now read as
    the response it says it is; an untyped record of another content stays skipped."""
    untyped = _SECOND.replace(b"WARC-Type: response\r\n", type_line)
    other = untyped.replace(b"application/http; msgtype=response", b"text/plain").replace(
        b"ok.example/2", b"ok.example/other")
    rows, rejects, stats = run(GOOD + untyped + other + _THIRD)
    assert [r["url"] for r in rows] == [
        "https://ok.example/1", "https://ok.example/2", "https://ok.example/3"]
    assert rows[1]["body"] == b"<html><p>x</p></html>" and rejects == []
    assert stats["untyped_responses"] == 1
    assert sum(v for k, v in stats.items() if k.startswith("skipped_")) == 1


@pytest.mark.parametrize("gz", [True, False])
def test_a_warc_whose_lines_end_in_a_bare_lf_says_so(gz: bool, tmp_path: Path) -> None:
    """Fault round 7 left it: a WARC rewritten with LF line ends (a text tool, a git
    checkout) was `warc_truncated` "the file ends inside the WARC header", a wrong reason
    (nothing is cut). The reader finds no end of the header; the reject says why."""
    data, _ = _three_records(gz=False)
    data = data.replace(b"\r\n", b"\n")
    path = tmp_path / ("lf.warc.gz" if gz else "lf.warc")
    path.write_bytes(gzip.compress(data) if gz else data)
    result = read_warc(str(path), "r", NOW, CAP)
    assert [r["reason"] for r in result.rejects] == ["warc_bad_header"]
    assert "bare LF" in result.rejects[0]["detail"] and not result.rows
    # a header cut short with CRLF line ends stays a cut
    cut = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://cut.example/9\r\n"
    path.write_bytes(gzip.compress(cut) if gz else cut)
    result = read_warc(str(path), "r", NOW, CAP)
    assert [r["reason"] for r in result.rejects] == ["warc_truncated"]


# --- fault round 9: an archived page's charset, decided as the fetcher decides it -------

def _story(charset_meta: str = "utf-8") -> str:
    paragraph = ("Zürich’s council voted on Tuesday to extend the tram line to the northern "
                 "districts; residents said the works would take two years. ")
    body = "".join(f"<p>{paragraph}({i})</p>" for i in range(12))
    return (f'<!DOCTYPE html><html><head><meta charset="{charset_meta}"><title>Zürich '
            f"tram</title></head><body><article><h1>Zürich tram</h1>{body}</article>"
            "</body></html>")


@pytest.mark.parametrize("gz", [True, False])
def test_an_archived_page_s_charset_is_decided_as_the_fetcher_decides_it(gz: bool) -> None:
    """The WARC reader took the record's charset label alone, where the fetcher weighs
    it against the bytes (round 3): an iso-8859-1 header over UTF-8 text was extracted
    as "ZÃ¼richâ€™s council", a utf-8 header (and meta) over windows-1252 as
    "Z\ufffdrich\ufffds council", a utf-16le header over a UTF-8 page as CJK characters
    ("unparsable or empty HTML": the page lost), a UTF-16 meta likewise."""
    from tasks.extract.pages import extract_html

    cases = {
        "latin1-label-over-utf8": ("text/html; charset=iso-8859-1", _story().encode()),
        "utf8-label-over-cp1252": ("text/html; charset=utf-8", _story().encode("cp1252")),
        "utf16-label-over-utf8": ("text/html; charset=utf-16le", _story().encode()),
        "utf16-meta-over-utf8": ("text/html", _story("utf-16le").encode()),
        "utf8-as-labelled": ("text/html; charset=utf-8", _story().encode()),
    }
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for name, (ctype, body) in cases.items():
        _response(w, f"https://charset.example/{name}", body, [("Content-Type", ctype)])
    rows, rejects, _ = run(buf.getvalue())
    assert rejects == [] and len(rows) == len(cases)
    for row in rows:
        got = extract_html(row["body"], row["url"], encoding=row["encoding"], archived=True)
        assert got.error is None, (row["url"], row["encoding"], got.error)
        assert "Zürich’s council voted on Tuesday" in got.text, (row["url"], got.text[:80])
        assert got.meta.title == "Zürich tram"


# --- fault round 9: a WARC-Date no capture can have -------------------------------------

@pytest.mark.parametrize("gz", [True, False])
def test_a_warc_date_no_capture_can_have_leaves_the_capture_time_unknown(gz: bool) -> None:
    """A crawler whose clock was unset (1970-01-01) or wrong (2999, 9999) writes that
    WARC-Date; taken as the fetch time, 1970 made every date on the page a future one
    and the article was dated 1970-01-01 00:00, and 9999-12-31 overflowed the date
    checks: the page lost its title, date and authors without a word. Now such a row's
    fetched_at is unknown (None, counted in the stats), and the page's own metadata
    stands; a plausible date (and one a few hours ahead: clock skew) is kept."""
    from tasks.extract.pages import extract_html

    page = (b'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Tram</title>'
            b'<meta property="article:published_time" content="2025-03-01T10:00:00Z">'
            b'<meta name="author" content="Ann Writer"></head><body><article><h1>Tram</h1>'
            + b"<p>The council voted on Tuesday to extend the tram line to the northern "
              b"districts; residents said the works would take two years.</p>" * 12
            + b"</article></body></html>")
    dates = {"epoch": "1970-01-01T00:00:00Z", "far": "9999-12-31T23:59:59Z",
             "future": "2999-01-01T00:00:00Z", "early": "1990-06-01T00:00:00Z",
             "good": "2025-03-02T08:00:00Z", "skew": "2026-01-02T10:00:00Z"}
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for name, date in dates.items():
        _response(w, f"https://dates.example/{name}", page,
                  [("Content-Type", "text/html; charset=utf-8")], date=date)
    rows, rejects, stats = run(buf.getvalue())
    assert rejects == []
    got = {r["url"].rsplit("/", 1)[1]: r["fetched_at"] for r in rows}
    assert got == {"epoch": None, "far": None, "future": None, "early": None,
                   "good": datetime(2025, 3, 2, 8, tzinfo=UTC),
                   "skew": datetime(2026, 1, 2, 10, tzinfo=UTC)}  # NOW + 7 h
    assert stats["dates_implausible"] == 4
    for row in rows:
        meta = extract_html(row["body"], row["url"], fetched_at=row["fetched_at"] or NOW,
                            encoding=row["encoding"], archived=True).meta
        assert (meta.title, meta.authors) == ("Tram", ["Ann Writer"]), row["url"]
        assert meta.published_at == datetime(2025, 3, 1, 10, tzinfo=UTC), row["url"]


# --- fault round 9: a WARC served with Content-Encoding: gzip ---------------------------

class _EncodedHandler(http.server.BaseHTTPRequestHandler):
    """/<coding>/<what>: `what` (plain: the WARC, gz: the .warc.gz) sent under
    Content-Encoding `coding`, as `bodies` holds it."""

    bodies: dict[str, bytes] = {}

    def do_GET(self) -> None:  # noqa: N802
        coding, what = self.path.strip("/").split("/")
        body = self.bodies[self.path]
        self.send_response(200)
        self.send_header("Content-Type", "application/warc")
        self.send_header("Content-Encoding", coding)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def test_a_warc_served_with_content_encoding_gzip_keeps_every_record(tmp_path: Path) -> None:
    """A .warc.gz (a gzip member per record) labelled `Content-Encoding: gzip` (S3
    objects uploaded with that metadata, nginx gzip_static): httpx's decoder stopped at
    the end of the first member, so the reader saw the warcinfo record alone and ended
    there: 0 pages, no reject. Now every member is decoded; a .warc.gz gzipped once more,
    a plain WARC gzipped for the transfer, one under a gzip label it does not have, and
    brotli over a plain WARC are read too."""
    gz, plain = tmp_path / "n.warc.gz", tmp_path / "n.warc"
    write_cc_news_like(gz)
    write_cc_news_like(plain, gz=False)
    _EncodedHandler.bodies = {
        "/gzip/gz": gz.read_bytes(),                      # the label over the file
        "/x-gzip/gz": gz.read_bytes(),
        "/gzip/gz-again": gzip.compress(gz.read_bytes()),  # really compressed once more
        "/gzip/plain": gzip.compress(plain.read_bytes()),
        "/gzip/plain-lying": plain.read_bytes(),          # the label, no compression
        "/br/plain": brotli.compress(plain.read_bytes()),
    }
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _EncodedHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    opener = http_opener("pressroom-test", 10.0, AddressGuard(allow_private=True))
    try:
        for path in _EncodedHandler.bodies:
            url = f"http://127.0.0.1:{server.server_port}{path}"
            result = read_warc(url, "r", NOW, CAP, opener=opener)
            assert [r["url"] for r in result.rows] == [
                "https://news.example/a", "https://news.example/b",
                "https://news.example/c"], (path, result.rejects, result.stats)
            assert result.rejects == [], path
    finally:
        server.shutdown()
        server.server_close()


def test_gunzip_members_decodes_every_member_and_drops_padding() -> None:
    from tasks.discover.warcopen import gunzip_members

    members = gzip.compress(b"one ") + gzip.compress(b"two ") + gzip.compress(b"three")
    for size in (1, 7, 1000):
        chunks = [members[i:i + size] for i in range(0, len(members), size)]
        assert b"".join(gunzip_members(chunks)) == b"one two three"
        assert b"".join(gunzip_members([*chunks, b"\0" * 40])) == b"one two three"
    assert b"".join(gunzip_members([b"WARC/1.0\r\n", b"rest"])) == b"WARC/1.0\r\nrest"
    assert b"".join(gunzip_members([b"\x1f", b"\x8b", gzip.compress(b"x")[2:]])) == b"x"
    assert b"".join(gunzip_members([])) == b""
    cut = gzip.compress(b"one ") + gzip.compress(b"two " * 100)[:30]
    assert b"".join(gunzip_members([cut])).startswith(b"one two")


def test_a_revisit_of_an_html_resource_record_is_read_as_that_page() -> None:
    """A resource record holds the page without an HTTP message (wget --warc-file): a
    revisit of it is read again as a resource, its block the page, not as a response
    whose HTTP head would be missing."""
    page = b"<html><body><p>The harbour bridge reopened.</p></body></html>"
    head = ("WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:res1>\r\n"
            "WARC-Date: 2024-01-02T03:04:05Z\r\nWARC-Target-URI: https://ok.example/page\r\n"
            "WARC-Payload-Digest: sha1:RESOURCE\r\n"
            f"Content-Type: text/html\r\nContent-Length: {len(page)}\r\n\r\n").encode()
    rev = revisit_record("https://mirror.example/page", record_id="<urn:uuid:rr>",
                         refers_to="<urn:uuid:res1>", digest="sha1:RESOURCE")
    rows, rejects, stats = run(head + page + b"\r\n\r\n" + rev + _good(2))
    assert rejects == []
    assert [(r["url"], r["status"], r["body"]) for r in rows] == [
        ("https://ok.example/page", 200, page), ("https://mirror.example/page", 200, page),
        ("https://ok.example/2", 200, b"ok2")]
    assert stats["revisits_read"] == 1


def test_a_206_reject_names_the_content_range_it_holds() -> None:
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=False)
    _response(w, "https://p.example/slice", b"<html><body><p>Text of",
              [("Content-Type", "text/html"), ("Content-Range", "bytes 0-21/4000")],
              status="206 Partial Content")
    _, rejects, _ = run(buf.getvalue())
    assert [(r["reason"], r["detail"]) for r in rejects] == [
        ("partial_content", "HTTP 206 with Content-Range 'bytes 0-21/4000': not the whole page")]


@pytest.mark.parametrize(("ctype_lines", "encoding"), [
    (b"Content-Type: text/html\r\nContent-Type: text/html; charset=iso-8859-2\r\n",
     "iso8859-2"),
    (b"Content-Type: application/octet-stream, text/html; charset=iso-8859-2\r\n",
     "iso8859-2"),
])
def test_a_record_with_two_content_types_is_the_page_a_browser_shows(ctype_lines, encoding):
    """Fault round 11: two Content-Type headers (joined by split_http) or one of folded
    values were read as one type, "text/html, text/html; charset=iso-8859-2": no page
    type, so the extraction refused the record (`unsupported_content_type`). Now the last
    valid value, as browsers take it (Fetch, "extract a MIME type")."""
    body = "<html><body><p>Zak\u0142ad w \u0141odzi</p></body></html>".encode("iso-8859-2")
    http = b"HTTP/1.1 200 OK\r\n" + ctype_lines + b"\r\n" + body
    (row,), rejects, _ = run(raw_record("https://ok.example/two", http))
    assert rejects == []
    assert (row["content_type"], row["encoding"]) == ("text/html", encoding)


# --- fault round 15: records as other tools write them -------------------------------------

R15_PAGE = b"<html><head><title>T</title></head><body><p>" + b"council budget " * 40 + b"</p>"


def r15_record(uri: str, block: bytes, ctype: str | None = "application/http; msgtype=response",
               extra: str = "", rid: str = "<urn:uuid:r15>") -> bytes:
    """A response record whose WARC Content-Type is `ctype` (None: no such header) and
    whose other WARC headers are `extra` (CRLF-ended lines)."""
    head = ("WARC/1.1\r\nWARC-Type: response\r\n"
            f"WARC-Record-ID: {rid}\r\nWARC-Date: 2024-01-02T03:04:05Z\r\n"
            f"WARC-Target-URI: {uri}\r\n{extra}"
            + (f"Content-Type: {ctype}\r\n" if ctype is not None else "")
            + f"Content-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


HTTP_PAGE = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + R15_PAGE


@pytest.mark.parametrize("ctype", [None, "", "text/html", "application/octet-stream"])
def test_a_response_record_without_the_http_content_type_is_still_its_response(ctype) -> None:
    """Round 15: a response record whose WARC Content-Type is missing (a writer that left
    it out), blank, or another than `application/http` (the page's own type written
    there) was skipped as a non-HTTP response (`skipped_non_http_response`, counted in
    the stats only): the page lost without a reject. Its block starts with an HTTP
    status line: it is that response."""
    rows, rejects, stats = run(r15_record("https://ok.example/r15", HTTP_PAGE, ctype) + GOOD)
    assert [r["url"] for r in rows] == ["https://ok.example/r15", "https://ok.example/1"]
    assert rows[0]["status"] == 200 and rows[0]["body"] == R15_PAGE
    assert rejects == [] and stats["responses_mislabelled"] == 1
    assert "skipped_non_http_response" not in stats


def test_a_response_record_holding_a_bare_html_page_is_read_as_a_resource() -> None:
    """A response record typed `text/html` whose block is the page itself (no HTTP
    head): read as round 4 reads resource records, where it was skipped unseen. One of
    no page type holding no HTTP message (Heritrix's text/dns look-ups) is still skipped."""
    rows, rejects, stats = run(r15_record("https://ok.example/bare", R15_PAGE, "text/html")
                               + r15_record("dns:ok.example", b"20240102\nok.example.\tA\n",
                                            "text/dns", rid="<urn:uuid:dns>"))
    assert [(r["url"], r["status"], r["body"]) for r in rows] == [
        ("https://ok.example/bare", 200, R15_PAGE)]
    assert rejects == [] and stats["skipped_non_http_response"] == 1


def test_a_revisit_of_a_response_record_holding_a_bare_page_resolves() -> None:
    """The revisit's original is read again as iter_warc read it (a resource)."""
    original = r15_record("https://ok.example/bare", R15_PAGE, "text/html", rid="<urn:uuid:o>")
    revisit = (b"WARC/1.1\r\nWARC-Type: revisit\r\nWARC-Record-ID: <urn:uuid:v>\r\n"
               b"WARC-Date: 2024-01-03T03:04:05Z\r\nWARC-Target-URI: https://ok.example/again\r\n"
               b"WARC-Refers-To: <urn:uuid:o>\r\nWARC-Profile: http://netpreserve.org/warc/1.1/"
               b"revisit/identical-payload-digest\r\nContent-Length: 0\r\n\r\n\r\n\r\n")
    rows, rejects, _ = run(original + revisit)
    assert [(r["url"], r["body"]) for r in rows] == [("https://ok.example/bare", R15_PAGE),
                                                     ("https://ok.example/again", R15_PAGE)]
    assert rejects == []


def test_a_payload_the_crawler_cut_is_read_as_far_as_it_goes() -> None:
    """`WARC-Truncated: length` (Common Crawl cuts at 1 MiB; Heritrix, browsertrix at
    their limits): the head of the page. A chunked body cut inside a chunk was
    `bad_chunking` "chunk of N bytes runs past the body" and a cut brotli stream
    `bad_content_encoding`: the page lost under a reason that blamed the server. Now the
    chunks (and brotli data) that arrived are the body, counted as `truncated_payloads`.
    Without the header the same cut is still `bad_chunking`."""
    whole = R15_PAGE * 3
    chunked = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
               + b"%x\r\n" % 40 + whole[:40] + b"\r\n" + b"%x\r\n" % (len(whole) - 40)
               + whole[40:700])
    varied = b"".join(b"<p>council budget item %d of the year</p>" % i for i in range(20000))
    br = brotli.compress(varied, quality=5)
    brotlied = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\n"
                + br[: len(br) // 2])
    cut = "WARC-Truncated: length\r\n"
    rows, rejects, stats = run(r15_record("https://ok.example/c", chunked, extra=cut,
                                          rid="<urn:uuid:c>")
                               + r15_record("https://ok.example/b", brotlied, extra=cut,
                                            rid="<urn:uuid:b>"))
    assert rejects == []
    assert rows[0]["body"] == whole[:700]
    assert len(rows[1]["body"]) > 100_000 and varied.startswith(rows[1]["body"])
    assert stats["truncated_payloads"] == 2
    assert [r["payload_truncated"] for r in rows] == ["length", "length"]
    rows, rejects, _ = run(r15_record("https://ok.example/c", chunked))
    assert rows == [] and [r["reason"] for r in rejects] == ["bad_chunking"]


def test_the_reason_a_payload_was_cut_goes_with_its_row_and_a_whole_one_has_none() -> None:
    """An article read from a cut payload is the page's head: its row says so (the
    `payload_truncated` column, through to `articles`), with the crawler's reason."""
    page = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + R15_PAGE)
    rows, rejects, stats = run(
        r15_record("https://ok.example/t", page, extra="WARC-Truncated: time\r\n",
                   rid="<urn:uuid:t>")
        + r15_record("https://ok.example/w", page, rid="<urn:uuid:w>"))
    assert rejects == []
    assert [(r["url"], r["payload_truncated"]) for r in rows] == [
        ("https://ok.example/t", "time"), ("https://ok.example/w", None)]
    assert stats["truncated_payloads"] == 1


def test_dechunk_of_a_cut_body_keeps_the_chunks_that_arrived() -> None:
    assert dechunk(b"3\r\nabc\r\n5\r\nde", 100, cut=True) == b"abcde"
    assert dechunk(b"3\r\nabc\r\n", 100, cut=True) == b"abc"
    assert dechunk(b"3\r\nabc\r\n5\r\ndefgh\r\n0\r\n\r\n", 100, cut=True) == b"abcdefgh"
    with pytest.raises(RecordReject):
        dechunk(b"3\r\nabc\r\n5\r\nde", 100)


def _reject_of(call) -> tuple[str, str]:
    with pytest.raises(RecordReject) as info:
        call()
    return info.value.reason, info.value.detail


def test_dechunk_rejects_name_the_fault_and_where_it_is() -> None:
    """Seed 48: each `bad_chunking` and `too_large` detail, and the byte offsets in them
    (from 0: the first chunk's offset is 0)."""
    assert _reject_of(lambda: dechunk(b"5\r\nab", CAP)) == (
        "bad_chunking", "chunk of 5 bytes runs past the body at 0")
    # a chunk that ends at the body's end, with no CRLF after it: the size line missing
    assert _reject_of(lambda: dechunk(b"3\r\nabc", CAP)) == (
        "bad_chunking", "chunk size line missing at byte 6")
    assert _reject_of(lambda: dechunk(b"3\r\nabc\r\n", 100)) == (
        "bad_chunking", "chunk size line missing at byte 8")
    assert _reject_of(lambda: dechunk(b"3\r\nabc\r\n" + b"z" * 30 + b"\r\n", CAP)) == (
        "bad_chunking", "bad chunk size b'" + "z" * 20 + "' at byte 8")
    assert _reject_of(lambda: dechunk(b"3\r\nabc\r\n0\r\n\r\n", 2)) == (
        "too_large", "body over 2 bytes once dechunked")
    assert dechunk(b"3\r\nabc\r\n0\r\n\r\n", 3) == b"abc"  # exactly the cap


def test_dechunk_reads_the_first_size_line_as_hex_up_to_its_first_extension() -> None:
    assert dechunk(b"a\r\n0123456789\r\n0\r\n\r\n", CAP) == b"0123456789"
    assert dechunk(b"3;a=1;b=2\r\nabc\r\n0\r\n\r\n", CAP) == b"abc"
    # not a chunk-size line (a word, or hex and more on the line): the body as it is
    for body in (b"g1\r\nfoo\r\n0\r\n\r\n", b"10 minutes\r\nof the news"):
        assert dechunk(body, CAP) == body


def test_dechunk_of_a_cut_chunk_keeps_one_byte_over_the_cap_for_the_caller() -> None:
    """The cut chunk is kept up to max_bytes + 1, so that the caller's `too_large`
    check sees the body is over the cap (and no more is copied)."""
    assert dechunk(b"f\r\n0123456789", 4, cut=True) == b"01234"
    assert dechunk(b"2\r\nab\r\nf\r\n0123456789", 4, cut=True) == b"ab01234"


def test_decode_content_keeps_an_undeclared_gzip_layer_unless_told() -> None:
    gz = gzip.compress(b"<p>x</p>")
    assert decode_content(gz, None, CAP) == gz
    assert decode_content(gz, None, CAP, undeclared_gzip=True) == b"<p>x</p>"


def test_decode_content_rejects_with_the_decoders_detail() -> None:
    assert _reject_of(lambda: decode_content(brotli.compress(b"x" * 1000)[:-3], "br", CAP)) == (
        "bad_content_encoding", "br: truncated brotli stream")


def test_truncated_payload_and_http_block_start() -> None:
    assert truncated_payload({"WARC-Truncated": " length "}) == "length"
    assert truncated_payload({"WARC-Truncated": " "}) is None
    assert truncated_payload({}) is None
    assert http_block_start(b"HTTP/1.1 200 OK\r\n") and http_block_start(b"http/1.0 200")
    assert http_block_start(b"HTTP/")
    assert not http_block_start(b"HTTP") and not http_block_start(b"<html>HTTP/")
    assert not http_block_start(b" HTTP/1.1 200 OK")


def _revisit_of(rid: str) -> bytes:
    return (b"WARC/1.1\r\nWARC-Type: revisit\r\nWARC-Record-ID: <urn:uuid:v>\r\n"
            b"WARC-Date: 2024-01-03T03:04:05Z\r\nWARC-Target-URI: https://ok.example/again\r\n"
            b"WARC-Refers-To: " + rid.encode() + b"\r\nWARC-Profile: http://netpreserve.org/"
            b"warc/1.1/revisit/identical-payload-digest\r\nContent-Length: 0\r\n\r\n\r\n\r\n")


@pytest.mark.parametrize(("block", "ctype"), [
    (HTTP_PAGE, None),  # a response record without its Content-Type: an HTTP message
    # application/http whose message starts with a space: split_http reads it, and
    # http_block_start does not (the WARC Content-Type decides, not the block)
    (b" " + HTTP_PAGE, "application/http; msgtype=response"),
    (b" " + HTTP_PAGE, "Application/HTTP; msgtype=response"),
])
def test_a_revisit_reads_its_original_as_a_response_as_iter_warc_did(block, ctype) -> None:
    """Seed 48: `_original_row` decides response or resource as iter_warc does. A
    response read as a resource would give the HTTP head as the page."""
    original = r15_record("https://ok.example/r", block, ctype, rid="<urn:uuid:o>")
    rows, rejects, _ = run(original + _revisit_of("<urn:uuid:o>"))
    assert rejects == []
    assert [(r["url"], r["body"], r["source"]) for r in rows] == [
        ("https://ok.example/r", R15_PAGE, "mem.warc"),
        ("https://ok.example/again", R15_PAGE, "mem.warc")]


def test_a_revisit_of_a_payload_the_crawler_cut_reads_it_as_far_as_it_goes() -> None:
    whole = R15_PAGE * 3
    chunked = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
               + b"%x\r\n" % (len(whole)) + whole[:700])
    original = r15_record("https://ok.example/c", chunked, extra="WARC-Truncated: length\r\n",
                          rid="<urn:uuid:o>")
    rows, rejects, stats = run(original + _revisit_of("<urn:uuid:o>"))
    assert rejects == [] and stats["revisits_read"] == 1
    assert [(r["url"], r["body"]) for r in rows] == [("https://ok.example/c", whole[:700]),
                                                     ("https://ok.example/again", whole[:700])]


# --- fault round 17: WARC-Dates in the forms converters write ------------------------------

@pytest.mark.parametrize(("written", "meant"), [
    ("20240102030405", datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)),  # ARC, CDX, Wayback
    ("202401020304", datetime(2024, 1, 2, 3, 4, tzinfo=UTC)),
    ("20240102", datetime(2024, 1, 2, tzinfo=UTC)),
    ("2024-01-02", datetime(2024, 1, 2, tzinfo=UTC)),  # W3C-DTF's day
    ("2024-01", datetime(2024, 1, 1, tzinfo=UTC)),
    ("2024-01-02 03:04:05", datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)),
    ("2024-01-02 03:04:05+02:00", datetime(2024, 1, 2, 1, 4, 5, tzinfo=UTC)),
    ("Tue, 02 Jan 2024 03:04:05 GMT", datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)),
])
def test_a_warc_date_in_a_converters_form_is_the_capture_time(written: str,
                                                                meant: datetime) -> None:
    """Round 15's known item: FastWARC reads WARC's own form alone (W3C-DTF to the
    second); an ARC-style `20240102030405`, a day alone, a space for the T or an HTTP
    date gave the page no capture time (fetched_at None)."""
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
            b"<html><body><p>The council met.</p></body></html>")
    data = raw_record("https://dates.example/a", http).replace(
        b"WARC-Date: 2024-01-02T03:04:05Z", f"WARC-Date: {written}".encode())
    rows, rejects, _ = run(data)
    assert rejects == []
    assert rows[0]["fetched_at"] == meant


@pytest.mark.parametrize("written", ["", "junk", "2024", "99999999999999", "2024-13-45",
                                     "20241345000000", "Tue, 99 Foo 2024"])
def test_a_warc_date_no_form_reads_is_still_no_capture_time(written: str) -> None:
    from tasks.discover.warc import warc_date_fallback

    assert warc_date_fallback(written) is None
    assert warc_date_fallback(None) is None


def test_a_final_response_whose_body_reads_like_an_http_message_keeps_it_as_its_body():
    # seed 50: only a 1xx head (not 101) is skipped; a 200 or a 101 whose body starts with
    # "HTTP/" (a page quoting a raw response, bytes after an upgrade) keeps that body
    inner = b"HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\n\r\ngone"
    assert split_http(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" + inner) == (
        200, {"content-type": "text/plain"}, inner)
    assert split_http(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n" + inner) == (
        101, {"upgrade": "h2c"}, inner)


def test_the_resync_looks_no_further_than_its_scan_limit(monkeypatch) -> None:
    # seed 51: past RESYNC_SCAN_BYTES of junk the search gives up (a huge damaged file
    # is not read to its end for a record that may not be there)
    from tasks.discover import warcrepair

    junk = b"x" * ((1 << 20) + 4096)
    data = GOOD + junk + b"\n" + _SECOND
    at = len(GOOD) + len(junk) + 1
    assert warcrepair.next_record_start(io.BytesIO(data), len(GOOD)) == at
    monkeypatch.setattr(warcrepair, "RESYNC_SCAN_BYTES", 1 << 19)
    assert warcrepair.next_record_start(io.BytesIO(data), len(GOOD)) is None


class _CountingReads(io.BytesIO):
    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.sizes: list[int | None] = []

    def read(self, size: int | None = -1) -> bytes:
        self.sizes.append(size)
        return super().read(size)


def test_checking_a_gzip_member_reads_the_file_in_bounded_pieces() -> None:
    # seed 51: the resync checks each candidate member to its end; reading the rest of
    # the file at once would hold a multi-gigabyte WARC in memory
    import random

    noise = random.Random(51).randbytes(3 << 20)  # does not compress: 3 MiB on disk
    big = raw_record("https://ok.example/big", b"HTTP/1.1 200 OK\r\n\r\n" + noise,
                     record_id="<urn:uuid:big>")
    first = gzip.compress(GOOD)
    stream = _CountingReads(first + gzip.compress(big) + gzip.compress(_THIRD))
    from tasks.discover.warcrepair import next_record_start

    assert next_record_start(stream, 0) == len(first)
    assert all(isinstance(n, int) and 0 <= n <= 1 << 20 for n in stream.sizes), stream.sizes


def test_a_warc_server_that_never_answers_is_given_up_after_the_timeout() -> None:
    # seed 51: the opener's timeout is what ends a download from a server that accepts
    # the connection and then sends nothing (without it the run waited for ever)
    from tasks.discover.warcopen import WarcReadError

    listener = socket.create_server(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/stalled.warc.gz"
    outcome: list[BaseException | object] = []

    def fetch() -> None:
        try:
            outcome.append(http_opener("t", 0.3, AddressGuard(allow_private=True))(url))
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome.append(exc)

    worker = threading.Thread(target=fetch, daemon=True)
    try:
        worker.start()
        worker.join(10)
        assert not worker.is_alive(), "the opener waited past its timeout"
    finally:
        listener.close()
    assert isinstance(outcome[0], WarcReadError) and "Timeout" in str(outcome[0])


@pytest.mark.parametrize("data", [b"W", b"WAR", b"WARC/1", b"WARC/1."])
def test_a_plain_file_cut_inside_its_very_first_line_is_truncated_at_offset_0(data) -> None:
    # seed 52: with no whole record before the cut, the bytes looked at start at the
    # file's first byte; from the second on they are no prefix of a version line
    rows, rejects, _ = run(data)
    assert rows == []
    assert [(r["reason"], r["detail"], r["input_key"]) for r in rejects] == [
        ("warc_truncated", "the file ends inside the WARC header of the record at offset 0",
         "mem.warc@0#truncated")]


def test_a_misread_header_with_nothing_else_to_name_is_a_header_the_reader_does_not_take(
        ) -> None:
    # seed 52: the words name what is wrong; a Content-Length in ASCII digits is not it
    from types import SimpleNamespace

    from tasks.discover.warcrepair import misread_words

    record = SimpleNamespace(headers=[("WARC-Type", "response"), ("Content-Length", "65")],
                             stream_pos=120, content_length=0)
    assert misread_words(record, "65") == (
        "the WARC header of the record at offset 120 cannot be read (a header it does not "
        "take): the reader took its block for 0 bytes, not the 65 declared; the record is "
        "skipped, reading goes on after it")
    why = misread_words(record, "6\u00b2")
    assert "(a Content-Length of '6\u00b2', not in ASCII digits)" in why


def test_a_stream_that_cannot_say_whether_it_seeks_is_not_rewound() -> None:
    # seed 52: a closed file raises on seekable(); the reader must not seek back in it
    from tasks.discover.warcopen import as_rewindable

    closed = io.BytesIO(b"WARC/1.1\r\n")
    closed.close()
    assert as_rewindable(closed) is False
    assert as_rewindable(io.BytesIO(b"WARC/1.1\r\n")) is True


def test_the_warc_opener_sends_its_user_agent() -> None:
    # seed 52: servers (Common Crawl's among them) refuse or throttle a client that
    # does not say who it is; the opener names the configured agent
    seen: list[str | None] = []
    # (compressed once: gzip's header holds the second it was made, so two compressions a
    # second apart differ; the fresh-clone CI of session 58 met that)
    served = gzip.compress(GOOD)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server name
            seen.append(self.headers.get("User-Agent"))
            body = served
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        opener = http_opener("pressroom-test/5.2 (+https://ops.example/bot)", 10.0,
                             AddressGuard(allow_private=True))
        stream = opener(f"http://127.0.0.1:{server.server_address[1]}/a.warc.gz")
        try:
            assert stream.read() == served
        finally:
            stream.close()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)
    assert seen == ["pressroom-test/5.2 (+https://ops.example/bot)"]


def test_iter_stream_peeks_across_chunks_without_reading() -> None:
    # seed 52: peek gathers as many chunks as the bytes asked for need, and the bytes
    # are still there for the next read; at the end it gives what is left
    from tasks.discover.warcopen import IterStream

    s = IterStream(iter([b"ab", b"cd", b"efg"]), lambda: None)
    assert s.peek(5) == b"abcde" and s.tell() == 0
    assert s.read(3) == b"abc" and s.peek(10) == b"defg"
    assert s.tell() == 3 and s.read(10) == b"defg" and s.peek(1) == b""


# --- seed 55: the media type and charset of an archived response's Content-Type ----------

@pytest.mark.parametrize(("content_type", "parsed"), [
    ('text/html; charset="UTF-8"', ("text/html", "utf-8")),
    ("text/html;charset='iso-8859-1'", ("text/html", "iso-8859-1")),
    ("Text/HTML; format=flowed; CHARSET = X-SJIS ", ("text/html", "x-sjis")),
    ("text/html; charset=", ("text/html", None)),  # an empty label is none
    # the value is all after the first "=", as a browser's MIME parser reads it: a label
    # no codec names, so the page's bytes decide, not a guess at what was meant
    ("text/html; charset==utf-8", ("text/html", "=utf-8")),
    ("text/html", ("text/html", None)),
    ("text/html charset=utf-8", (None, None)),  # no MIME type: sniffed, and no parameter
    (None, (None, None)),
])
def test_an_archived_content_types_media_type_and_charset(content_type, parsed) -> None:
    from tasks.discover.httpmessage import media_type

    assert media_type(content_type) == parsed


def test_http_headers_without_an_end_within_the_head_limit_say_so() -> None:
    # seed 56: the reject's words, as the other `bad_http` details are asked whole (the
    # limit is the fetcher's, round 23: 8256 KiB)
    from tasks.common.httplimits import MAX_HEAD_BYTES

    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Long: " + b"a" * MAX_HEAD_BYTES
    assert _reject_of(lambda: split_http(block)) == (
        "bad_http", f"no end of HTTP headers in the first {MAX_HEAD_BYTES // 1024} KiB")


def test_an_unencoded_page_over_the_cap_is_too_large_by_its_own_length() -> None:
    # seed 56: a page without Content-Encoding (and no gzip magic) goes through no
    # decoder; the cap is checked on its bytes as they are, with the record's words
    for body in (b"x" * (CAP + 1), b"<html>" + b"y" * CAP):
        big = raw_record("https://big.example/",
                         b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body)
        rows, rejects, _ = run(big + GOOD)
        assert [r["url"] for r in rows] == ["https://ok.example/1"]
        assert [(r["reason"], r["detail"]) for r in rejects] == [
            ("too_large", f"body of {len(body)} bytes over the {CAP} cap")]


def test_stage_warc_adds_each_unreadable_warc_to_the_count_it_is_handed(
        tmp_path: Path) -> None:
    # seed 56: the stats dict is the caller's, kept across inputs: one more per file
    from tasks.discover.warc import stage_warc

    stats = {"rejected_warc_unreadable": 2, "kept": 5}
    for name in ("gone.warc.gz", "gone.warc"):
        list(stage_warc(str(tmp_path / name), tmp_path / "staged", "run-9", NOW, CAP, 3,
                        stats=stats))
    assert stats == {"rejected_warc_unreadable": 4, "kept": 5}


def _cut_gzip_member(size: int) -> bytes:
    """A gzip member of `size` bytes cut inside "WARC/1." (its text so far), its header
    padded with a file name (FNAME) as a writer may store one."""
    deflate = zlib.compressobj(wbits=-15)
    data = deflate.compress(b"WARC/1.") + deflate.flush(zlib.Z_SYNC_FLUSH)
    name = b"n" * (size - 10 - 1 - len(data))
    return b"\x1f\x8b\x08\x08" + b"\0\0\0\0" + b"\0\xff" + name + b"\0" + data


def test_a_cut_member_is_looked_for_in_the_last_4_kib_and_no_further() -> None:
    # seed 56: a cut member of 4,096 bytes (header included) is found; one of 4,097 is
    # more than a first line can be, and the reader's own error stands
    from tasks.discover.warcrepair import cut_in_version_line

    assert zlib.decompressobj(31).decompress(_cut_gzip_member(4096)) == b"WARC/1."
    assert cut_in_version_line(io.BytesIO(_cut_gzip_member(4096)), None) == 0
    assert cut_in_version_line(io.BytesIO(_cut_gzip_member(4097)), None) is None


# --- seed 59 ----------------------------------------------------------------------------

def test_warc_batches_adds_an_unopened_warc_to_the_count_it_is_handed(tmp_path: Path) -> None:
    # seed 59: the stats dict is the flow's, kept across sources: one more per source
    # that cannot be opened, the other counts kept
    from tasks.discover.warc import warc_batches

    stats = {"rejected_warc_unreadable": 2, "kept": 5}
    for name in ("gone.warc.gz", "gone.warc"):
        batches = list(warc_batches(str(tmp_path / name), "r", NOW, CAP, 3, stats=stats))
        assert [rej["reason"] for _, rejects in batches for rej in rejects] == [
            "warc_unreadable"]
    assert stats == {"rejected_warc_unreadable": 4, "kept": 5}


def test_iter_stream_peek_takes_no_chunk_beyond_the_bytes_asked() -> None:
    # seed 59: a peek that the buffer already answers reads nothing more from the
    # download (over HTTP a further chunk may be a wait, or the break of the connection)
    from tasks.discover.warcopen import IterStream

    taken: list[bytes] = []

    def chunks():
        for chunk in (b"WARC", b"/1.1\r\n", b"rest"):
            taken.append(chunk)
            yield chunk

    s = IterStream(chunks(), lambda: None)
    assert s.peek(4) == b"WARC" and taken == [b"WARC"]
    assert s.peek(10) == b"WARC/1.1\r\n" and taken == [b"WARC", b"/1.1\r\n"]
    assert s.peek(10) == b"WARC/1.1\r\n" and len(taken) == 2 and s.error is None
    assert s.read(100) == b"WARC/1.1\r\n" and s.read(100) == b"rest"


class _LocationOn200Handler(http.server.BaseHTTPRequestHandler):
    payload = b""

    def do_GET(self) -> None:  # noqa: N802
        if self.path != "/news.warc.gz":
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        # a Location beside a 200 (RFC 9110 10.2.2: it means no redirect there)
        self.send_response(200)
        self.send_header("Location", "/elsewhere.warc.gz")
        self.send_header("Content-Type", "application/warc")
        self.send_header("Content-Length", str(len(self.payload)))
        self.end_headers()
        self.wfile.write(self.payload)

    def log_message(self, *args) -> None:
        pass


def test_a_location_header_on_a_200_is_no_redirect(tmp_path: Path) -> None:
    # seed 59: only a redirect status with a Location is followed; the body of a 200 is
    # the file, whatever other headers come with it
    path = tmp_path / "news.warc.gz"
    write_cc_news_like(path)
    _LocationOn200Handler.payload = path.read_bytes()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _LocationOn200Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/news.warc.gz"
        opener = http_opener("pressroom-test", 10.0, AddressGuard(allow_private=True))
        result = read_warc(url, "r", NOW, CAP, opener=opener)
    finally:
        server.shutdown()
        server.server_close()
    assert len(result.rows) == 3 and result.rejects == []


def test_a_revisit_of_no_http_page_is_a_bad_url_reject_naming_it() -> None:
    # seed 66: the reject of a revisit's target URI says which URI it was
    rev = revisit_record("ftp://ok.example/9", record_id="<urn:uuid:r8>",
                         digest="sha1:ELSEWHERE", refers_uri="ftp://ok.example/9")
    rows, rejects, _ = run(_good(1) + rev + _good(2))
    assert [r["url"] for r in rows] == ["https://ok.example/1", "https://ok.example/2"]
    assert [(r["reason"], r["url"], r["input_key"]) for r in rejects] == [
        ("bad_url", "ftp://ok.example/9", "<urn:uuid:r8>")]


@pytest.mark.parametrize("tail", [b"X", b"XX\r\n", b"\r\nX\x00"])
def test_a_tail_of_letters_after_the_last_record_is_no_padding(tail: bytes) -> None:
    # seed 66: the padding after the last record is blank lines, spaces, tabs and NULs;
    # any other byte (a capital X here) is part of a record the file cut
    from tasks.discover.warcrepair import cut_tail

    good = _good(1)
    assert cut_tail(io.BytesIO(good + b"\r\n\t \x00" * 3), 0, True) is None
    assert cut_tail(io.BytesIO(good + tail), 0, True) == (
        f"the file ends inside a record: {len(tail)} bytes after the record at offset 0 "
        "are not whole")


@pytest.mark.parametrize(("lines", "want"), [
    # a CDN's line for every crawler after the site's line for Google
    ([b"X-Robots-Tag: googlebot: noindex", b"X-Robots-Tag: noai"], ["noai"]),
    ([b"X-Robots-Tag: otherbot: noarchive", b"X-Robots-Tag: noarchive, noai"],
     ["noai", "noarchive"]),
    # the agent of a line still scopes its own line
    ([b"X-Robots-Tag: noai", b"X-Robots-Tag: googlebot: noarchive"], ["noai"]),
])
def test_each_x_robots_tag_line_of_a_record_is_read_on_its_own(lines, want) -> None:
    """Fault round 42: split_http joins repeated header lines with ', ', and the rights
    were read from the joined value, where the first line's agent prefix
    ("googlebot:") scoped the next line's directives too: a WARC input's noai was lost
    (`rights` []), while the fetcher, reading its own responses line by line, kept it."""
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + b"\r\n".join(lines)
            + b"\r\n\r\n<p>ok</p>")
    rows, rejects, _ = run(raw_record("https://ok.example/r42", http))
    assert not rejects
    assert rows[0]["rights"] == want


# seed 69: split_http's and _record_to_row's edges no test decided


def test_blank_lines_between_an_interim_head_and_the_final_response_are_skipped() -> None:
    block = (b"HTTP/1.1 100 Continue\r\n\r\n\r\n"
             b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\nfinal")
    assert split_http(block) == (200, {"content-type": "text/html"}, b"final")


def test_a_header_value_holding_colons_and_headers_after_a_junk_line_are_kept() -> None:
    status, headers, body = split_http(
        b"HTTP/1.1 301 Moved\r\nno colon here\r\nLocation: https://a.example:8443/x\r\n\r\n")
    assert (status, dict(headers), body) == (301, {"location": "https://a.example:8443/x"}, b"")
    assert headers.lines == [("location", "https://a.example:8443/x")]


def test_a_bare_lf_head_ends_at_its_first_blank_line() -> None:
    assert split_http(b"HTTP/1.0 200 OK\nA: 1\n\nline 1\n\nline 2") == (
        200, {"a": "1"}, b"line 1\n\nline 2")


def test_a_bare_lf_head_past_the_fetchers_head_limit_is_a_bad_record() -> None:
    from tasks.common.httplimits import MAX_HEAD_BYTES

    block = b"HTTP/1.1 200 OK\nSet-Cookie: " + b"a" * MAX_HEAD_BYTES + b"\n\nbody"
    with pytest.raises(RecordReject) as info:
        split_http(block)
    assert (info.value.reason, info.value.detail) == (
        "bad_http", f"no end of HTTP headers in the first {MAX_HEAD_BYTES // 1024} KiB")


def test_a_status_line_that_is_no_http_is_named_in_the_reject_cut_at_100() -> None:
    line = "GARBAGE " + "x" * 150
    with pytest.raises(RecordReject) as info:
        split_http(line.encode() + b"\r\nA: 1\r\n\r\nbody")
    assert (info.value.reason, info.value.detail) == (
        "bad_http", f"not an HTTP status line: {line[:100]!r}")


@pytest.mark.parametrize("kind", ["response", "resource"])
def test_a_record_without_a_target_uri_names_its_kind(kind) -> None:
    http = b"HTTP/1.1 200 OK\r\n\r\nx" if kind == "response" else b"<html>x</html>"
    record = raw_record(None, http)
    if kind == "resource":
        record = record.replace(b"WARC-Type: response", b"WARC-Type: resource").replace(
            b"application/http; msgtype=response", b"text/html")
    _, rejects, _ = run(record)
    assert [(r["reason"], r["detail"]) for r in rejects] == [
        ("warc_no_target_uri", f"{kind} record without WARC-Target-URI")]


def test_a_record_whose_empty_body_ends_before_its_content_length_is_a_bad_length() -> None:
    # the head's own blank line (bare LF) is the last byte before the record's terminator
    http = b"HTTP/1.1 204 No Content\n\n"
    _, rejects, _ = run(raw_record("https://lie.example/204", http, length=len(http) + 100))
    assert [(r["reason"], r["detail"]) for r in rejects] == [(
        "warc_bad_length",
        f"Content-Length {len(http) + 100}, but the file ends {len(http) + 4} bytes into "
        "the block")]


def test_a_206_reject_names_its_content_range_cut_at_100() -> None:
    wide = "bytes 0-1/" + "9" * 120
    for head, shown in ((b"", ""), (f"Content-Range: {wide}\r\n".encode(), wide[:100])):
        http = b"HTTP/1.1 206 Partial Content\r\n" + head + b"\r\nok"
        _, rejects, _ = run(raw_record("https://part.example/", http))
        assert [(r["reason"], r["detail"]) for r in rejects] == [(
            "partial_content", f"HTTP 206 with Content-Range {shown!r}: not the whole page")]


def test_a_3xx_with_a_content_range_is_no_partial_page() -> None:
    http = b"HTTP/1.1 300 Multiple Choices\r\nContent-Range: bytes 0-1/10\r\n\r\nok"
    rows, rejects, _ = run(raw_record("https://choices.example/", http))
    assert (rejects, [r["status"] for r in rows]) == ([], [300])


def test_a_body_of_exactly_the_cap_is_kept() -> None:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + b"a" * CAP
    rows, rejects, _ = run(raw_record("https://cap.example/", http))
    assert (rejects, [len(r["body"]) for r in rows]) == ([], [CAP])


def test_an_empty_body_keeps_the_charset_its_header_names() -> None:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n"
    rows, _, _ = run(raw_record("https://empty.example/", http))
    assert [r["encoding"] for r in rows] == ["iso-8859-1"]


def test_a_records_meta_robots_signals_are_its_rights() -> None:
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Robots-Tag: noarchive\r\n\r\n"
            b'<html><head><meta name="robots" content="noai"></head><p>ok</p></html>')
    rows, _, _ = run(raw_record("https://meta.example/", http))
    assert [r["rights"] for r in rows] == [["noai", "noarchive"]]
