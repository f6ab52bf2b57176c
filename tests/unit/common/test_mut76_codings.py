"""Mutation seed 76: the watch over a body of stacked codings (`gzip, br`, session 52's
layers in `tasks/common/codings.py`), in the cases its mutants were not asked: a gzip
layer under brotli whose compressed bytes come out of brotli in several pieces, and the
two layers the other way round."""

from __future__ import annotations

import gzip
import random
import zlib

import brotli
import pytest

from tasks.common.codings import page_length_watch

# Text that compresses little, so the gzip layer is larger than one piece brotli hands
# over in a call (~32 KiB with brotli 1.2).
PAGE = random.Random(76).randbytes(100_000)
# A small page of the same: its gzip layer is longer than the page (a header and a
# trailer around stored bytes), within the room a layer under another has (2 x + 1 KiB).
SMALL = random.Random(76).randbytes(300)


@pytest.mark.parametrize("coding, body", [
    ("gzip, br", brotli.compress(gzip.compress(PAGE))),
    ("br, gzip", gzip.compress(brotli.compress(PAGE))),
], ids=["gzip-then-br", "br-then-gzip"])
def test_a_body_of_two_layers_is_whole_at_its_end_only(coding: str, body: bytes) -> None:
    watch = page_length_watch(coding, len(PAGE))
    assert [watch.feed(body[:end]) for end in (len(body) // 2, len(body) - 1)] == [False] * 2
    assert watch.feed(body)
    # and of another length, never whole
    other = page_length_watch(coding, len(PAGE) + 1)
    assert not other.feed(body)


def test_x_gzip_under_brotli_is_the_same_layer() -> None:
    body = brotli.compress(gzip.compress(PAGE))
    assert page_length_watch("x-gzip, br", len(PAGE)).feed(body)


def test_an_outer_deflate_layer_arriving_a_byte_at_a_time() -> None:
    """Its first byte alone cannot tell zlib from raw deflate: nothing goes to the layer
    under it until the second byte does."""
    body = zlib.compress(brotli.compress(PAGE))
    watch = page_length_watch("br, deflate", len(PAGE))
    assert [watch.feed(body[:end]) for end in (1, 2, 3)] == [False] * 3
    assert watch.feed(body)


@pytest.mark.parametrize("coding", ["deflate", "gzip, br"])
def test_bytes_after_the_stream_make_the_body_no_page_of_that_size(coding: str) -> None:
    """At once (left over by the decoder) or in a later chunk (after the stream's end):
    the watch answers no, and stops watching."""
    page = b"<p>harbour</p>" * 500
    body = zlib.compress(page) if coding == "deflate" else brotli.compress(gzip.compress(page))
    assert not page_length_watch(coding, len(page)).feed(body + b"\x00junk")
    watch = page_length_watch(coding, len(page))
    assert watch.feed(body)
    assert not watch.feed(body + b"\x00junk")


@pytest.mark.parametrize("coding", ["gzip, br", "br, gzip"])
def test_a_small_page_of_two_layers_whose_inner_layer_is_longer_than_it(coding) -> None:
    inner = gzip.compress(SMALL) if coding == "gzip, br" else brotli.compress(SMALL)
    body = brotli.compress(inner) if coding == "gzip, br" else gzip.compress(inner)
    assert len(inner) > len(SMALL)
    assert page_length_watch(coding, len(SMALL)).feed(body)


@pytest.mark.parametrize("coding", ["gzip, identity, br", "none, gzip, br"])
def test_identity_and_none_among_the_layers_are_no_layer(coding: str) -> None:
    body = brotli.compress(gzip.compress(SMALL))
    assert page_length_watch(coding, len(SMALL)).feed(body)


def test_an_outer_layer_decoding_more_than_a_mib_at_once_hands_it_on_whole() -> None:
    """Its output comes in pieces of at most 1 MiB a call: joined, they are the inner
    layer's bytes as they were."""
    page = random.Random(7).randbytes(5 << 19)  # 2.5 MiB that brotli cannot shrink
    body = gzip.compress(brotli.compress(page, quality=1))
    assert page_length_watch("br, gzip", len(page)).feed(body)
