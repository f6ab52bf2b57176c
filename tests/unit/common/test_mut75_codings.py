"""Mutation seed 75: `page_length_watch` (tasks/common/codings.py), the watch over a
compressed body whose Content-Length counts the page before compression, in the cases
its mutants were not asked: a body arriving a byte at a time, a page of several MiB,
x-gzip, an empty member of the coding list, the smallest lengths."""

from __future__ import annotations

import gzip
import random
import zlib

import brotli
import pytest

from tasks.common.codings import page_length_watch
from tests.unit.fetch.test_length_of_the_page_before_compression import CODED, PAGE


def _said(coding: str, data: bytes, size: int, step: int) -> list[bool]:
    watch = page_length_watch(coding, size)
    return [watch.feed(data[:end]) for end in range(step, len(data) + step, step)]


@pytest.mark.parametrize("name", list(CODED))
def test_a_body_arriving_a_byte_at_a_time_is_whole_at_its_last_byte_only(name):
    coding, data = CODED[name]
    said = _said(coding, data, len(PAGE), step=1)
    assert said[-1] and not any(said[:-1])


def _large_page() -> bytes:
    # a page decoding to 3 MiB, more than the watch decodes in one step (1 MiB), of
    # words that compress about as a page's do
    rng = random.Random(75)
    words = [f"word{n}" for n in range(5000)]
    text = " ".join(rng.choice(words) for _ in range(600_000)).encode()
    return text[:3 << 20]


@pytest.mark.parametrize("coding, compress", [
    ("deflate", zlib.compress), ("br", brotli.compress)])
def test_a_page_of_several_mib_is_decoded_to_its_end(coding, compress):
    page = _large_page()
    data = compress(page)
    assert page_length_watch(coding, len(page)).feed(data)  # all at once
    said = _said(coding, data, len(page), step=len(data) // 3 + 1)
    assert said[-1] and not any(said[:-1])


def test_x_gzip_and_an_empty_member_of_the_list_are_watched():
    body = gzip.compress(PAGE)
    assert page_length_watch("x-gzip", len(PAGE)).feed(body)
    assert page_length_watch("X-GZIP", len(PAGE)).feed(body)
    # an empty list member is no coding (RFC 9110 5.6.1): one coding, watched
    assert page_length_watch(" , gzip", len(PAGE)).feed(body)
    assert page_length_watch("deflate,", len(PAGE)).feed(zlib.compress(PAGE))


def test_the_smallest_lengths():
    assert page_length_watch("deflate", 0) is None  # nothing to wait for
    assert page_length_watch("gzip", -1) is None
    assert page_length_watch("deflate", 1).feed(zlib.compress(b"a"))
    assert page_length_watch("br", 1).feed(brotli.compress(b"a"))
