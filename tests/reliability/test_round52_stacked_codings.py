"""Stacked content codings (`Content-Encoding: gzip, br`: gzip applied first, then
brotli, RFC 9110 8.4) whose Content-Length counts the page before compression (fault
round 52, round 51's known item): the watch that reads such a body as the page read one
coding, so the body was waited on to its length and recorded `truncated` after three
attempts. And a coding no one can undo over binary data said only "content-encoding
'x-bzip2'"."""

from __future__ import annotations

import gzip
import zlib

import brotli
import pytest

from tests.integration.faultserver import story
from tests.unit.fetch.test_length_of_the_page_before_compression import _fetch as raw_fetch

PAGE = story("stacked", "Harbour stacked codings story").encode()
# (Content-Encoding, the page in those codings, applied in the order listed)
STACKED = {
    "gzip-br": ("gzip, br", brotli.compress(gzip.compress(PAGE))),
    "deflate-gzip": ("deflate, gzip", gzip.compress(zlib.compress(PAGE))),
    "br-gzip": ("br, gzip", gzip.compress(brotli.compress(PAGE))),
    "two-lines": ("gzip\r\nContent-Encoding: br", brotli.compress(gzip.compress(PAGE))),
}
HOST = "127.0.0.52"  # this round's own address: politeness state kept per host


def _answer(path: str) -> bytes:
    _, case, name = (path.split("/") + ["", ""])[:3]
    if case == "unknown":
        coding, data = "x-bzip2", bytes(range(256)) * 4
    elif name in STACKED:
        coding, data = STACKED[name]
    else:
        return b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    length = {"page": len(PAGE), "cut": len(data), "own": len(data)}.get(case, len(data))
    sent = data[:len(data) // 2] if case == "cut" else data
    return (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Content-Encoding: %s\r\nContent-Length: %d\r\nConnection: close\r\n\r\n"
            % (coding.encode(), length)) + sent


def _fetch(paths: list[str]) -> tuple[dict, list[str], object]:
    hits: list[str] = []
    base, result = raw_fetch(paths, hits, lambda path: (_answer(path), True), HOST)
    return {r["url"][len(base):]: r for r in result.fetch_log}, hits, result


@pytest.mark.parametrize("name", list(STACKED))
def test_stacked_codings_of_the_pages_length_are_the_page(name):
    rows, hits, result = _fetch([f"/page/{name}", f"/own/{name}"])
    for path in (f"/page/{name}", f"/own/{name}"):
        assert (rows[path]["status"], rows[path]["error"]) == (200, None), rows[path]
        assert hits.count(path) == 1, hits
    assert [PAGE in bytes(b) for b in result.table["body"].to_pylist()] == [True, True]


@pytest.mark.parametrize("name", ["gzip-br", "br-gzip"])
def test_stacked_codings_cut_short_are_still_cut(name):
    """The guard: the layered data cut in half is a transfer that ended early."""
    rows, _, result = _fetch([f"/cut/{name}"])
    assert rows[f"/cut/{name}"]["error"] == "truncated", rows[f"/cut/{name}"]
    assert result.table.num_rows == 0


def test_an_unknown_coding_says_what_pressroom_reads():
    rows, _, _ = _fetch(["/unknown/x"])
    row = rows["/unknown/x"]
    assert row["error"] == "unsupported_encoding"
    assert row["error_detail"].startswith(
        "content-encoding 'x-bzip2' is no coding pressroom can undo (it reads gzip, deflate, br")
