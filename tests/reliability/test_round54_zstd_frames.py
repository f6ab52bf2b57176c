"""A zstd body of two frames (or more) whose Content-Length counts the page before
compression (round 53's known item, fault round 54): a server compressing as it writes
sends a frame a write. The watch that reads such a body as the page
(`codings.page_length_watch`) read one frame and gave up at the second, so the body was
waited on to its length and recorded `truncated`, the page lost. It reads frame after
frame now, each by a decoder of its own, as the whole body is decoded. On round 48's
raw loopback server."""

from __future__ import annotations

import gzip

import pytest
from backports import zstd

from tests.integration.faultserver import story
from tests.reliability.test_round53_zstd_codings import NOT_FOUND, _response
from tests.unit.fetch.test_length_of_the_page_before_compression import _fetch as raw_fetch

PAGE = story("zstdframes", "Harbour zstd frames story").encode()
HALF = len(PAGE) // 2
FRAMES = zstd.compress(PAGE[:HALF]) + zstd.compress(PAGE[HALF:])
# a skippable frame (magic 0x184D2A50, 4 bytes of nothing) between the two
SKIP = b"\x50\x2a\x4d\x18" + (4).to_bytes(4, "little") + b"note"
CODED = {
    "two": ("zstd", FRAMES),
    "three": ("zstd", zstd.compress(PAGE[:100]) + SKIP + zstd.compress(PAGE[100:HALF])
              + zstd.compress(PAGE[HALF:])),
    "gzip-two": ("gzip, zstd", zstd.compress(gzip.compress(PAGE)[:300])
                 + zstd.compress(gzip.compress(PAGE)[300:])),
}
HOST = "127.0.0.57"  # this round's own address: politeness state kept per host


RESPONSES = {f"/{case}/{name}": _response(coding, sent, length)
             for name, (coding, data) in CODED.items()
             for case, sent, length in (("page", data, len(PAGE)), ("own", data, len(data)),
                                        ("cut", data[:-5], len(data)),
                                        ("junk", data + b"junk!", len(PAGE)))}


def _fetch(paths: list[str]) -> tuple[dict, list[str], object]:
    """{path: its fetch_log row}, the paths asked for, the fetch result."""
    hits: list[str] = []
    base, result = raw_fetch(paths, hits, lambda p: (RESPONSES.get(p, NOT_FOUND), True), HOST)
    return {r["url"][len(base):]: r for r in result.fetch_log}, hits, result


@pytest.mark.parametrize("name", list(CODED))
def test_frames_of_the_pages_length_are_the_page(name):
    rows, hits, result = _fetch([f"/page/{name}", f"/own/{name}"])
    got = {path: (row["status"], row["error"], hits.count(path)) for path, row in rows.items()}
    assert got == {f"/page/{name}": (200, None, 1), f"/own/{name}": (200, None, 1)}, rows
    bodies = [bytes(b) for b in result.table["body"].to_pylist()]
    assert len(bodies) == 2 and all(PAGE in body for body in bodies)


@pytest.mark.parametrize("case", ["cut", "junk"])
def test_frames_cut_or_followed_by_junk_are_no_page_of_that_length(case):
    """The guards: the last frame cut short is a transfer that ended early; bytes after
    the frames that open no frame mean the body is not the page's length's."""
    rows, _, result = _fetch([f"/{case}/two"])
    assert (rows[f"/{case}/two"]["error"], result.table.num_rows) == ("truncated", 0), rows
