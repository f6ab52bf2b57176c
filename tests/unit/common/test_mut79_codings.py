"""Seed 79: the zstd page-length watch reading frame after frame (fault round 54), as
layers: a zstd layer over gzip ("gzip, zstd") fed as the body arrives, in pieces that
end inside a frame, hands each piece's decoded bytes to the gzip layer under it, and
the page is whole at its end, in one frame or in several."""

from __future__ import annotations

import gzip
import random

import pytest

from tasks.common.codings import page_length_watch, zstd

pytestmark = pytest.mark.skipif(zstd is None, reason="no zstd module")

PAGE = random.Random(79).randbytes(60_000)


def _fed_in_pieces(coding: str, body: bytes, size: int, step: int) -> list[bool]:
    watch = page_length_watch(coding, size)
    return [watch.feed(body[:end]) for end in [*range(step, len(body), step), len(body)]]


@pytest.mark.parametrize("step", [1000, 4096])
def test_zstd_over_gzip_fed_in_pieces_is_whole_at_its_end_only(step: int) -> None:
    body = zstd.compress(gzip.compress(PAGE, compresslevel=1))
    answers = _fed_in_pieces("gzip, zstd", body, len(PAGE), step)
    assert answers[-1] is True
    assert not any(answers[:-1])


def test_zstd_over_gzip_in_two_frames_fed_in_pieces_is_whole_at_its_end() -> None:
    inner = gzip.compress(PAGE, compresslevel=1)
    half = len(inner) // 2
    body = zstd.compress(inner[:half]) + zstd.compress(inner[half:])
    answers = _fed_in_pieces("gzip, zstd", body, len(PAGE), 3000)
    assert answers[-1] is True
    assert not any(answers[:-1])


def test_a_second_zstd_frame_whose_first_bytes_arrive_one_by_one_is_whole_at_its_end() -> None:
    # the bytes after the first frame are held until four of them tell another frame
    first, second = zstd.compress(PAGE[:30_000]), zstd.compress(PAGE[30_000:])
    body = first + second
    watch = page_length_watch("zstd", len(PAGE))
    ends = [len(first), *range(len(first) + 1, len(first) + 6), len(body) - 1]
    assert not any(watch.feed(body[:end]) for end in ends)
    assert watch.feed(body)
