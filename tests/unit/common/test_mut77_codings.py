"""Seed 77: the page-length watch over a zstd body (session 53, fault round 53), asked
where unit runs read it: its only test was a reliability one over a loopback server. A
zstd page is whole at its end only, at its own length only; bytes after its frame (a
second frame, junk) and a damaged checksum are never whole; a page decoding to more
than one step of 1 MiB; zstd under and over gzip."""

from __future__ import annotations

import gzip
import random

import pytest

from tasks.common.codings import page_length_watch, zstd

pytestmark = pytest.mark.skipif(zstd is None, reason="no zstd module")

PAGE = random.Random(77).randbytes(100_000)


def _is_whole(coding: str, body: bytes, size: int) -> bool:
    return page_length_watch(coding, size).feed(body)


def test_a_zstd_body_is_whole_at_its_end_and_its_own_length_only():
    body = zstd.compress(PAGE)
    watch = page_length_watch("zstd", len(PAGE))
    assert [watch.feed(body[:end]) for end in (1, 4, len(body) // 2, len(body) - 1)] == \
        [False] * 4
    assert watch.feed(body)
    assert not _is_whole("zstd", body, len(PAGE) + 1)
    assert not _is_whole("zstd", body, len(PAGE) - 1)


def test_a_zstd_body_fed_as_it_arrives_in_small_pieces_is_whole_at_its_end():
    body = zstd.compress(PAGE)
    watch = page_length_watch("zstd", len(PAGE))
    answers = [watch.feed(body[:end]) for end in range(1000, len(body), 1000)]
    assert not any(answers) and watch.feed(body)


def test_a_zstd_page_of_several_mebibytes_is_whole():
    big = random.Random(7).randbytes(3 << 20)
    assert _is_whole("zstd", zstd.compress(big), len(big))


@pytest.mark.parametrize("after", [b"\n", b"junk"])
def test_bytes_after_the_zstd_frame_are_never_whole(after):
    body = zstd.compress(PAGE)
    assert not _is_whole("zstd", body + after, len(PAGE))
    assert not _is_whole("zstd", body + after, len(PAGE) + len(after))


def test_a_second_zstd_frame_counts_only_with_its_own_length():
    # (fault round 54: the watch reads frame after frame; the first frame's length alone
    # is not the page when a second frame follows)
    body = zstd.compress(PAGE) + zstd.compress(b"more")
    assert not _is_whole("zstd", body, len(PAGE))
    assert _is_whole("zstd", body, len(PAGE) + 4)
    assert not _is_whole("zstd", body, len(PAGE) + 5)


def test_a_zstd_frame_with_a_damaged_checksum_is_not_whole():
    body = bytearray(zstd.compress(PAGE, options={zstd.CompressionParameter.checksum_flag: 1}))
    body[-1] ^= 0xFF
    assert not _is_whole("zstd", bytes(body), len(PAGE))


@pytest.mark.parametrize("coding, body", [
    ("zstd, gzip", gzip.compress(zstd.compress(PAGE)) if zstd else b""),
    ("gzip, zstd", zstd.compress(gzip.compress(PAGE)) if zstd else b""),
])
def test_zstd_in_layers_with_gzip_is_whole_at_its_end(coding, body):
    assert _is_whole(coding, body, len(PAGE))
    assert not _is_whole(coding, body[:-1], len(PAGE))


def test_bytes_arriving_after_a_whole_zstd_frame_end_the_watch():
    body = zstd.compress(PAGE)
    watch = page_length_watch("zstd", len(PAGE))
    assert watch.feed(body)
    assert not watch.feed(body + b"\n")
    assert not watch.feed(body + b"\n" + zstd.compress(b"more"))


def test_a_zstd_layer_decoding_several_mebibytes_hands_them_whole_to_the_next():
    # more than one step of 1 MiB out of the outer zstd layer: the gzip layer under it is
    # fed every piece, in order, and nothing between them
    big = random.Random(8).randbytes(3 << 20)
    body = zstd.compress(gzip.compress(big, compresslevel=1))
    assert _is_whole("gzip, zstd", body, len(big))
