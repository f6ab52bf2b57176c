"""A zstd body, alone or in layers (`gzip, zstd`), whose Content-Length counts the page
before compression (fault round 53, round 52's known item): the watch that reads such a
body as the page (`codings.page_length_watch`) did not read zstd, so the body was waited
on to its length and recorded `truncated` after its attempts, the page lost."""

from __future__ import annotations

import gzip

import brotli
import pytest
from backports import zstd

from tests.integration.faultserver import story
from tests.unit.fetch.test_length_of_the_page_before_compression import _fetch as raw_fetch

PAGE = story("zstdpage", "Harbour zstd codings story").encode()
# (Content-Encoding, the page in those codings, applied in the order listed)
CODED = {
    "zstd": ("zstd", zstd.compress(PAGE)),
    "gzip-zstd": ("gzip, zstd", zstd.compress(gzip.compress(PAGE))),
    "zstd-br": ("zstd, br", brotli.compress(zstd.compress(PAGE))),
}
HOST = "127.0.0.56"  # this round's own address: politeness state kept per host


NOT_FOUND = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


def _response(coding: str, data: bytes, length: int) -> bytes:
    return (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Content-Encoding: %s\r\nContent-Length: %d\r\nConnection: close\r\n\r\n"
            % (coding.encode(), length)) + data


# Each case's path and what the server sends: the body at the page's length (what the
# fault is), at its own, and cut in half at its own.
RESPONSES = {f"/{case}/{name}": _response(coding, sent, length)
             for name, (coding, data) in CODED.items()
             for case, sent, length in (("page", data, len(PAGE)), ("own", data, len(data)),
                                        ("cut", data[:len(data) // 2], len(data)))}


def _fetch(paths: list[str]) -> tuple[dict, list[str], object]:
    """{path: its fetch_log row}, the paths the server was asked for, the fetch result."""
    hits: list[str] = []
    base, result = raw_fetch(paths, hits, lambda path: (RESPONSES.get(path, NOT_FOUND), True),
                             HOST)
    return {r["url"][len(base):]: r for r in result.fetch_log}, hits, result


@pytest.mark.parametrize("name", list(CODED))
def test_zstd_of_the_pages_length_is_the_page(name):
    paths = [f"/page/{name}", f"/own/{name}"]
    rows, hits, result = _fetch(paths)
    assert [(rows[p]["status"], rows[p]["error"], hits.count(p)) for p in paths] == \
        [(200, None, 1)] * 2, rows
    assert [PAGE in bytes(b) for b in result.table["body"].to_pylist()] == [True, True]


@pytest.mark.parametrize("name", ["zstd", "gzip-zstd"])
def test_zstd_cut_short_is_still_cut(name):
    """The guard: the zstd data cut in half is a transfer that ended early."""
    rows, _, result = _fetch([f"/cut/{name}"])
    assert (rows[f"/cut/{name}"]["error"], result.table.num_rows) == ("truncated", 0)
