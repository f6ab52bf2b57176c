"""WARC writing/reading round trips and capped content decoding, without a network."""

from __future__ import annotations

import gzip
import zlib
from datetime import UTC, datetime

import brotli
import pytest
from warcio.archiveiterator import ArchiveIterator

from tasks.common.codings import CodingError, decode_body
from tasks.fetch.client import http_request_head, http_response_head
from tasks.storage.archive import (
    WarcWriter,
    archived_documents,
    iter_responses,
    read_response_at,
)

PAGE = ("<html><head><meta charset='utf-8'><title>Łódź</title></head><body>"
        + "<p>Zażółć gęślą jaźń.</p>" * 200 + "</body></html>").encode()


def test_decode_body_layers_and_caps() -> None:
    assert decode_body(gzip.compress(PAGE), "gzip", 1 << 20)[0] == PAGE
    assert decode_body(zlib.compress(PAGE), "deflate", 1 << 20)[0] == PAGE
    raw = zlib.compressobj(6, zlib.DEFLATED, -15)
    assert decode_body(raw.compress(PAGE) + raw.flush(), "deflate", 1 << 20)[0] == PAGE
    two = gzip.compress(gzip.compress(PAGE))
    assert decode_body(two, "gzip, gzip", 1 << 20)[0] == PAGE
    body, undone = decode_body(two, "gzip", 1 << 20)  # declared once, sent twice
    assert body == PAGE and undone == ["gzip", "gzip(undeclared)"]
    members = gzip.compress(PAGE[:100]) + gzip.compress(PAGE[100:])
    assert decode_body(members, "gzip", 1 << 20)[0] == PAGE
    assert decode_body(PAGE, None, 1 << 20)[0] == PAGE


def test_brotli() -> None:
    assert decode_body(brotli.compress(PAGE), "br", 1 << 20)[0] == PAGE
    with pytest.raises(CodingError) as info:
        decode_body(brotli.compress(bytes(5 << 20)), "br", 1 << 20)
    assert info.value.kind == "decompressed_too_large"


@pytest.mark.parametrize("coding", ["gzip", "deflate"])
def test_bombs_stop_at_the_cap(coding: str) -> None:
    data = (gzip.compress if coding == "gzip" else zlib.compress)(bytes(20 << 20))
    with pytest.raises(CodingError) as info:
        decode_body(data, coding, 1 << 20)
    assert info.value.kind == "decompressed_too_large"


def test_corrupt_and_unknown_codings() -> None:
    with pytest.raises(CodingError) as info:
        decode_body(b"\x1f\x8b\x07\x00 not gzip at all", "gzip", 1 << 20)  # method 7
    assert info.value.kind == "bad_compression"
    with pytest.raises(CodingError) as info:
        decode_body(b"\x1f\x9d\x90" + bytes(range(256)), "compress", 1 << 20)  # LZW bytes
    assert info.value.kind == "unsupported_encoding"


def _write(tmp_path, n=3, **kw):
    writer = WarcWriter(tmp_path, "run/1", **kw)
    pointers = []
    for i in range(n):
        req = http_request_head("GET", f"/a/{i}", [("Host", "news.example"), ("X", "1\r\nEvil: 1")])
        head = http_response_head("1.1", 200, "OK", [
            (b"Content-Type", b"text/html; charset=utf-8"), (b"Content-Encoding", b"gzip"),
            (b"Transfer-Encoding", b"chunked"), (b"ETag", b'"e1"')])
        pointers.append(writer.write_exchange(
            f"https://news.example/a/{i}\r\nWARC-Type: x", req, head, gzip.compress(PAGE),
            when=datetime.now(UTC), ip="192.0.2.1", encoded=True))
    writer.write_exchange("https://news.example/failed", req, None, None,
                          when=datetime.now(UTC))
    writer.close()
    return writer, pointers


def test_warc_round_trip_and_random_access(tmp_path) -> None:
    writer, pointers = _write(tmp_path)
    assert len(writer.files) == 1 and not list(tmp_path.rglob("*.tmp"))
    path = tmp_path / writer.files[0]
    responses = list(iter_responses(path))
    assert [r.url for r in responses] == [
        f"https://news.example/a/{i}%0D%0AWARC-Type: x" for i in range(3)]
    assert all(r.body == PAGE and r.status == 200 for r in responses)
    assert responses[0].headers["x-crawler-transfer-encoding"] == "chunked"
    assert "transfer-encoding" not in responses[0].headers
    assert "%0D%0A" in responses[0].url  # CR/LF in a URL cannot inject WARC headers
    one = read_response_at(path, pointers[1][1])
    assert one.url.startswith("https://news.example/a/1") and one.headers["etag"] == '"e1"'


def test_warcio_reads_our_files(tmp_path) -> None:
    writer, _ = _write(tmp_path)
    with open(tmp_path / writer.files[0], "rb") as fh:
        kinds = [rec.rec_type for rec in ArchiveIterator(fh)]
    assert kinds == ["warcinfo"] + ["request", "response"] * 3 + ["request"]


def test_rotation_keeps_pointers_valid(tmp_path) -> None:
    writer, pointers = _write(tmp_path, n=6, max_file_bytes=4000)
    assert len(writer.files) > 1
    for file, offset in pointers:
        assert read_response_at(tmp_path / file, offset).body == PAGE


def test_archived_documents_for_reprocess(tmp_path) -> None:
    writer, pointers = _write(tmp_path)
    log = [{"url": f"https://news.example/a/{i}", "error": None, "warc_file": f, "warc_offset": o,
            "source_kind": "url", "source": "seeds/x.urls", "fetched_at": datetime.now(UTC)}
           for i, (f, o) in enumerate(pointers)]
    log.append({"url": "https://news.example/failed", "error": "timeout_headers",
                "warc_file": pointers[0][0], "warc_offset": 0})
    result = archived_documents(tmp_path, log)
    docs = result.table
    # the failed fetch has no response to reprocess
    assert result.counts == {"received": 3, "passed": 3, "rejected": 0, "failed": 0,
                             "skipped": 0}
    assert docs.column("url").to_pylist() == [f"https://news.example/a/{i}" for i in range(3)]
    row = docs.to_pylist()[0]
    assert row["body"] == PAGE and row["encoding"] == "utf-8"
    assert row["content_type"] == "text/html" and row["input_key"] == row["url"]


def test_a_response_record_and_its_request_name_each_other(tmp_path) -> None:
    # seed 50: WARC-Concurrent-To of each record is the other's WARC-Record-ID, and a
    # truncated body is marked with the field as WARC 1.1 spells it
    writer = WarcWriter(tmp_path, "r")
    req = http_request_head("GET", "/a", [("Host", "news.example")])
    head = http_response_head("1.1", 200, "OK", [(b"Content-Type", b"text/html")])
    writer.write_exchange("https://news.example/a", req, head, PAGE[:100],
                          when=datetime.now(UTC), truncated="length")
    writer.close()
    path = tmp_path / writer.files[0]
    with open(path, "rb") as fh:
        records = {rec.rec_type: rec.rec_headers for rec in ArchiveIterator(fh)}
    request, response = records["request"], records["response"]
    assert request.get_header("WARC-Concurrent-To") == response.get_header("WARC-Record-ID")
    assert response.get_header("WARC-Concurrent-To") == request.get_header("WARC-Record-ID")
    assert b"\r\nWARC-Truncated: length\r\n" in gzip.decompress(path.read_bytes())
    [back] = iter_responses(path)
    assert (back.truncated, back.body) == ("length", PAGE[:100])


@pytest.mark.parametrize("coding", ["br", "deflate"])
def test_an_archived_body_is_read_back_with_its_declared_coding_undone(tmp_path, coding):
    # seed 50: only gzip is recognised without its header (by its magic); brotli and
    # deflate are undone because the archived response declares them
    data = brotli.compress(PAGE) if coding == "br" else zlib.compress(PAGE)
    writer = WarcWriter(tmp_path, "r")
    req = http_request_head("GET", "/a", [("Host", "news.example")])
    head = http_response_head("1.1", 200, "OK", [(b"Content-Type", b"text/html"),
                                                 (b"Content-Encoding", coding.encode())])
    _, offset = writer.write_exchange("https://news.example/a", req, head, data,
                                      when=datetime.now(UTC), encoded=True)
    writer.close()
    got = read_response_at(tmp_path / writer.files[0], offset)
    assert (got.body, got.headers["content-encoding"]) == (PAGE, coding)


def test_the_writer_counts_every_record_it_wrote(tmp_path) -> None:
    # seed 52: the warcinfo record, then a request and a response per exchange (a
    # request alone for a fetch that got no response)
    writer, _ = _write(tmp_path)
    with open(tmp_path / writer.files[0], "rb") as fh:
        kinds = [rec.rec_type for rec in ArchiveIterator(fh)]
    assert writer.records == len(kinds) == 8


def test_a_request_without_a_response_names_no_concurrent_record(tmp_path) -> None:
    # seed 59: an exchange that got no response archives its request alone, and the
    # request then points at no record (a WARC-Concurrent-To naming a record that is not
    # in the file)
    writer = WarcWriter(tmp_path, "r")
    req = http_request_head("GET", "/a", [("Host", "news.example")])
    _, offset = writer.write_exchange("https://news.example/a", req, None, None,
                                      when=datetime.now(UTC))
    writer.close()
    with open(tmp_path / writer.files[0], "rb") as fh:
        records = [(rec.rec_type, rec.rec_headers) for rec in ArchiveIterator(fh)
                   if rec.rec_type != "warcinfo"]
    assert [kind for kind, _ in records] == ["request"]
    assert records[0][1].get_header("WARC-Concurrent-To") is None


def test_headers_repeated_in_an_archived_response_are_all_read_back(tmp_path) -> None:
    """Fault round 42: the archive reader kept the last line of a repeated header
    (`{k.lower(): v for k, v in http.items()}`). A page sent with `Content-Encoding: br`
    and then `Content-Encoding: gzip` (a proxy adding its layer in a line of its own: the
    fetcher reads both since round 36) came back from `pressroom reprocess` with the
    gzip layer undone and brotli bytes left as the page; and of two X-Robots-Tag lines
    only the last counted, so the page's noai was lost on reprocess and its text mined."""
    writer = WarcWriter(tmp_path, "r")
    req = http_request_head("GET", "/a", [("Host", "news.example")])
    head = http_response_head("1.1", 200, "OK", [
        (b"Content-Type", b"text/html; charset=utf-8"), (b"X-Robots-Tag", b"noai"),
        (b"Content-Encoding", b"br"), (b"Content-Encoding", b"gzip"),
        (b"X-Robots-Tag", b"googlebot: noindex"), (b"Content-Type", b"text/html")])
    _, offset = writer.write_exchange("https://news.example/a", req, head,
                                      gzip.compress(brotli.compress(PAGE)),
                                      when=datetime.now(UTC), encoded=True)
    writer.close()
    got = read_response_at(tmp_path / writer.files[0], offset)
    assert got.body == PAGE
    assert got.headers["content-encoding"] == "br, gzip"
    log = [{"url": "https://news.example/a", "error": None, "warc_file": writer.files[0],
            "warc_offset": offset, "source_kind": "url", "fetched_at": datetime.now(UTC)}]
    [row] = archived_documents(tmp_path, log).table.to_pylist()
    assert row["body"] == PAGE
    assert row["rights"] == ["noai"]
    # two Content-Type lines, joined now, stand for the one value a browser takes
    assert (row["content_type"], row["encoding"]) == ("text/html", "utf-8")
