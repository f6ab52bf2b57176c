"""A Content-Length sent twice with the same value (two header lines, or `N, N` in one:
a framework and a proxy each setting it), fault round 53 (round 52's known item): llhttp
refuses the head, so the page was a `protocol_error` "two Content-Length headers", lost,
where browsers and curl read it (RFC 9110 8.6 lets a recipient take the one value). The
head is made one before the parser reads it (`framing.reframe_head`)."""

from __future__ import annotations

import pytest

from tasks.fetch.framing import reframe_head
from tests.integration.faultserver import story
from tests.unit.fetch.test_length_of_the_page_before_compression import _fetch as raw_fetch

PAGE = story("twolengths", "Harbour twice told length story").encode()
HOST = "127.0.0.57"  # this round's own address: politeness state kept per host
LENGTHS = {
    "two-lines": [b"Content-Length: %d" % len(PAGE)] * 2,
    "two-lines-apart": [b"Content-Length: %d" % len(PAGE), b"Server: t",
                        b"content-length:%d" % len(PAGE)],
    "a-list": [b"Content-Length: %d, %d" % (len(PAGE), len(PAGE))],
    # the guards: lengths that disagree, and a list of one length and a word
    "disagree": [b"Content-Length: %d" % len(PAGE), b"Content-Length: %d" % (len(PAGE) - 9)],
    "not-a-number": [b"Content-Length: %d, x" % len(PAGE)],
}


def _answer(path: str) -> tuple[bytes, bool]:
    if path.strip("/") not in LENGTHS:
        return b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", True
    lines = LENGTHS[path.strip("/")]
    return (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            + b"".join(line + b"\r\n" for line in lines)
            + b"Connection: close\r\n\r\n" + PAGE), True


def _fetch(paths: list[str]) -> tuple[dict, list[str], object]:
    hits: list[str] = []
    base, result = raw_fetch(paths, hits, _answer, HOST)
    return {r["url"][len(base):]: r for r in result.fetch_log}, hits, result


@pytest.mark.parametrize("name", ["two-lines", "two-lines-apart", "a-list"])
def test_one_length_sent_twice_is_the_page(name):
    rows, hits, result = _fetch([f"/{name}"])
    assert (rows[f"/{name}"]["status"], rows[f"/{name}"]["error"], hits.count(f"/{name}")) \
        == (200, None, 1), (rows, hits)
    assert [bytes(b) for b in result.table["body"].to_pylist()] == [PAGE]


@pytest.mark.parametrize("name", ["disagree", "not-a-number"])
def test_lengths_that_disagree_are_still_refused(name):
    """The guards: two values, or a list holding a word, are no one length."""
    rows, _, result = _fetch([f"/{name}"])
    assert (rows[f"/{name}"]["error"], result.table.num_rows) == ("protocol_error", 0), rows


def test_the_archive_still_shows_what_the_server_sent():
    head = b"HTTP/1.1 200 OK\r\nContent-Length: 7\r\nServer: t\r\nContent-Length: 7\r\n\r\n"
    assert reframe_head(head) == (
        b"HTTP/1.1 200 OK\r\nContent-Length: 7\r\nX-Crawler-Content-Length: 7\r\n"
        b"Server: t\r\nX-Crawler-Content-Length: 7\r\n\r\n")
