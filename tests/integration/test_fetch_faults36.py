"""Fault round 36: content codings and message framing on download. The fetch stage, and
one whole `ingest` flow under the session's Prefect harness, over a raw-socket server of
the round's own on 127.0.0.1 (no other address), each response written byte for byte:
- `/r36/zstd`: a page under `Content-Encoding: zstd` (offered since this round);
  `/r36/zstd-gzip` gzip then zstd; `/r36/zstd-bomb` 64 MiB in a few KB;
  `/r36/zstd-window` a frame naming a 128 MiB window; `/r36/zstd-cut` a whole transfer
  of zstd data that stops early;
- `/r36/te-cl`, `/r36/te-cl-wrong`, `/r36/te-cl0`: chunked beside a Content-Length (the
  right one, a wrong one, 0); `/r36/te-identity-cl`: `Transfer-Encoding: identity`
  beside one; `/r36/te-cl-hints`: the same after a 103 Early Hints, the head trickled
  in 7-byte writes; `/r36/te-cl-http10`: both in an HTTP/1.0 head (still refused);
- `/r36/ce-two-lines`: `Content-Encoding: br` and `Content-Encoding: gzip` on two lines.
"""

from __future__ import annotations

import asyncio
import gzip

import brotli
import pytest

from tasks.common.codings import zstd
from tests.integration.faultserver import FaultServer, assert_run_conserves
from tests.integration.test_fetch_faults import by_url, documents, fetch, settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on
ROBOTS = "User-agent: *\nDisallow: /nothing-here\n"


def page(slug: str) -> bytes:
    paragraphs = "".join(
        f"<p>The council met for the {j + 1}th time on the tram plan {slug}; member {j + 3}"
        f" said it would cost {j + 5} million over {j + 2} years, going by the figures the"
        " city published on its website this week.</p>" for j in range(8))
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Tram plan {slug}"
            f"</title></head><body><article><h1>Tram plan {slug}</h1>{paragraphs}"
            "</article></body></html>").encode()


def chunked(body: bytes) -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 500]), body[i:i + 500])
                    for i in range(0, len(body), 500)) + b"0\r\n\r\n"


def head(headers: list[tuple[str, object]], status: str = "200 OK",
         version: str = "1.1") -> bytes:
    lines = [f"HTTP/{version} {status}", "Content-Type: text/html; charset=utf-8",
             *(f"{k}: {v}" for k, v in headers), "Connection: close"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _zstd_window(data: bytes, window_log: int) -> bytes:
    packer = zstd.ZstdCompressor(options={zstd.CompressionParameter.window_log: window_log})
    return packer.compress(data) + packer.flush()


def responses(slug: str) -> list[bytes]:
    """The writes of a route's response (a write after the first waits 50 ms)."""
    p = page(slug)
    if slug == "zstd":
        body = zstd.compress(p)
        return [head([("Content-Encoding", "zstd"), ("Content-Length", len(body))]) + body]
    if slug == "zstd-gzip":
        body = zstd.compress(gzip.compress(p))
        return [head([("Content-Encoding", "gzip, zstd"), ("Content-Length", len(body))])
                + body]
    if slug == "zstd-bomb":
        body = zstd.compress(b"<p>" + b"a" * (64 << 20), 19)
        return [head([("Content-Encoding", "zstd"), ("Content-Length", len(body))]) + body]
    if slug == "zstd-window":
        body = _zstd_window(p, 27)
        return [head([("Content-Encoding", "zstd"), ("Content-Length", len(body))]) + body]
    if slug == "zstd-cut":
        body = _zstd_window(p * 40, 23)[:-40]
        return [head([("Content-Encoding", "zstd"), ("Content-Length", len(body))]) + body]
    if slug == "te-cl":
        return [head([("Content-Length", len(p)), ("Transfer-Encoding", "chunked")])
                + chunked(p)]
    if slug == "te-cl-wrong":
        return [head([("Content-Length", 10), ("Transfer-Encoding", "chunked")]) + chunked(p)]
    if slug == "te-cl0":
        return [head([("Transfer-Encoding", "chunked"), ("Content-Length", 0)]) + chunked(p)]
    if slug == "te-identity-cl":
        return [head([("Content-Length", len(p)), ("Transfer-Encoding", "identity")]) + p]
    if slug == "te-cl-hints":
        whole = (b"HTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\n\r\n"
                 + head([("Content-Length", 7), ("Transfer-Encoding", "chunked")]))
        return [whole[i:i + 7] for i in range(0, len(whole), 7)] + [chunked(p)]
    if slug == "te-cl-http10":
        return [head([("Content-Length", len(p)), ("Transfer-Encoding", "chunked")],
                     version="1.0") + chunked(p)]
    if slug == "ce-two-lines":
        body = gzip.compress(brotli.compress(p))
        return [head([("Content-Encoding", "br"), ("Content-Encoding", "gzip"),
                      ("Content-Length", len(body))]) + body]
    raise KeyError(slug)


PAGES = ["zstd", "zstd-gzip", "te-cl", "te-cl-wrong", "te-cl0", "te-identity-cl",
         "te-cl-hints", "ce-two-lines"]
FAILED = {"zstd-bomb": "decompressed_too_large", "zstd-window": "bad_compression",
          "zstd-cut": "truncated", "te-cl-http10": "protocol_error"}


class Round36Server(FaultServer):
    """The round's routes under /r36/; any other path is the shared fault server's."""

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        slug = target.partition("?")[0].removeprefix("/r36/")
        if target.startswith("/r36/"):
            for i, part in enumerate(responses(slug)):
                if i:
                    await asyncio.sleep(0.05)
                writer.write(part)
                await writer.drain()
        else:
            await super()._respond(ip, target, headers, writer)


@pytest.fixture(scope="module")
def server36():
    srv = Round36Server([HOST], robots={HOST: ROBOTS}).start()
    yield srv
    srv.stop()


def test_codings_and_framings_browsers_read_are_read(server36, tmp_path) -> None:
    """Before: zstd `unsupported_encoding` (never offered); each head with both framings
    `protocol_error` "both Transfer-Encoding and Content-Length headers"; the codings of
    two header lines read from the last alone, a layer left on (`unsupported_content_type`
    "... the body is binary data"). Now each page whole; a bomb, a window over 8 MiB, a
    stream cut short and an HTTP/1.0 head with both stay failures, each named."""
    urls = {slug: server36.url(HOST, f"/r36/{slug}") for slug in [*PAGES, *FAILED]}
    result = fetch(documents(list(urls.values())), settings(tmp_path, max_retries=0),
                   "run36-fetch")
    log = by_url(result.fetch_log)
    docs = {r["url"]: r for r in result.table.to_pylist()}
    assert {s: log[u]["error"] for s, u in urls.items()} == {
        **dict.fromkeys(PAGES), **FAILED}
    for slug in PAGES:
        assert docs[urls[slug]]["body"] == page(slug), slug
    detail = {s: log[urls[s]]["error_detail"] for s in FAILED}
    assert detail["zstd-bomb"] == "zstd expands beyond 524288 bytes"
    assert "RFC 9659" in detail["zstd-window"]
    assert detail["zstd-cut"].startswith("zstd: the compressed data stops before its end")
    assert detail["te-cl-http10"].endswith(
        "malformed response: both Transfer-Encoding and Content-Length headers")
    hits = [h for h in server36.hits if h.path == "/r36/zstd"]
    assert hits[0].headers["accept-encoding"] == "gzip, deflate, br, zstd"


def test_the_archive_keeps_the_length_the_server_sent_under_another_name(
        server36, tmp_path) -> None:
    """The WARC record of a chunked page beside a Content-Length: the body as read, the
    two framing headers renamed (X-Crawler-Transfer-Encoding as before, and the losing
    X-Crawler-Content-Length), so no reader frames the archived body by either."""
    from warcio.archiveiterator import ArchiveIterator

    url = server36.url(HOST, "/r36/te-cl-wrong")
    fetch(documents([url]), settings(tmp_path, max_retries=0), "run36-archive")
    records = []
    for path in sorted((tmp_path / "raw").rglob("*.warc.gz")):
        with path.open("rb") as fh:
            records += [(r.rec_headers.get_header("WARC-Target-URI"),
                         r.http_headers.to_str(), r.content_stream().read())
                        for r in ArchiveIterator(fh) if r.rec_type == "response"]
    [(_, http_head, body)] = [r for r in records if r[0] == url]
    assert "X-Crawler-Content-Length: 10" in http_head
    assert "X-Crawler-Transfer-Encoding: chunked" in http_head
    assert "\nContent-Length" not in http_head and body == page("te-cl-wrong")


def test_an_ingest_of_the_rounds_pages_keeps_them_and_names_each_failure(
        prefect_harness, server36, tmp_path, warehouse) -> None:
    from tests.integration.test_input_faults7 import _table

    slugs = [*PAGES, *FAILED]
    urls = {s: server36.url(HOST, f"/r36/{s}") for s in slugs}
    (tmp_path / "pages.urls").write_text("".join(f"{u}\n" for u in urls.values()))
    from flows.ingest import ingest

    manifest = ingest(inputs=[str(tmp_path / "pages.urls")],
                      settings=settings(warehouse, per_host_delay_s=0.0, max_retries=0))
    kept = {u for (u,) in _table(warehouse, "SELECT url FROM articles")}
    failed = dict(_table(warehouse, "SELECT url, error FROM fetch_log "
                                    "WHERE error IS NOT NULL"))
    assert kept == {urls[s] for s in PAGES}
    assert failed == {urls[s]: error for s, error in FAILED.items()}
    assert_run_conserves(manifest, len(PAGES), 0, len(FAILED))
