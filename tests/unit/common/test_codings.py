"""Content codings undone, each capped: what is refused, what is kept of a cut stream, and
the cheap look at a body's head (sitemaps and archive readers are tested where they are)."""

from __future__ import annotations

import zlib

import pytest

from tasks.common import codings
from tasks.common.codings import CodingError, accept_encoding, decode_body, decode_one, decoded_head

PAGE = b"<html><head><meta name='robots' content='noai'></head><body>" + b"x" * 2000 + b"</body>"


def test_accept_encoding_offers_brotli_only_when_it_can_be_undone(monkeypatch):
    assert accept_encoding() == ("gzip, deflate, br" if codings.brotli else "gzip, deflate")
    monkeypatch.setattr(codings, "brotli", None)
    assert "br" not in accept_encoding().split(", ")
    with pytest.raises(CodingError) as err:
        decode_one(b"\x0b\x02\x80hello\x03", "br", 100)
    assert err.value.kind == "unsupported_encoding"


def test_a_cut_deflate_stream_keeps_what_decoded():
    whole = zlib.compress(PAGE)
    got = decode_one(whole[: len(whole) // 2], "deflate", 10_000)
    assert got and PAGE.startswith(got)


def test_a_deflate_body_over_the_cap_is_refused_by_name():
    with pytest.raises(CodingError) as err:
        decode_one(zlib.compress(PAGE), "deflate", 100)
    assert err.value.kind == "decompressed_too_large"
    assert err.value.detail.startswith("deflate ")


def test_identity_and_none_are_no_coding_to_undo():
    assert decode_body(PAGE, "identity, none", 10_000) == (PAGE, [])
    assert decode_body(PAGE, "None", 10_000) == (PAGE, [])


def test_the_head_of_an_unknown_coding_is_empty_even_if_it_is_brotli():
    brotli = pytest.importorskip("brotli")
    packed = brotli.compress(PAGE)
    assert decoded_head(packed, "br", 60) == PAGE[:60]
    assert decoded_head(packed, "zstd", 60) == b""  # not undone: nothing to look at
