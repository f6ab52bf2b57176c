"""Mutation seed 76: `tasks/discover/packed.py`'s cap over every stream of a file
together, what a refusal says, and that a bomb is refused without being held whole."""

from __future__ import annotations

import bz2
import lzma
import tracemalloc

import pytest

from tasks.discover.packed import UnpackError, packing, unpack

TEXT = b"https://list.example/story\n" * 40  # 1080 bytes


@pytest.mark.parametrize("name, pack", [("bzip2", bz2.compress), ("xz", lzma.compress)])
def test_the_cap_counts_every_stream_of_a_file_together(name, pack) -> None:
    two = pack(TEXT) + pack(TEXT)  # pbzip2, `cat a.xz b.xz`: each stream under the cap
    assert unpack(two, 2 * len(TEXT)) == TEXT * 2
    with pytest.raises(UnpackError) as refused:
        unpack(two, 2 * len(TEXT) - 1)
    assert refused.value.reason == "too_large"
    assert refused.value.detail == f"{name} data expanding beyond {2 * len(TEXT) - 1} bytes"


def test_a_bomb_is_refused_holding_little_more_than_the_cap() -> None:
    bomb = bz2.compress(bytes(64 << 20))  # 64 MiB of zeros in a few KB
    tracemalloc.start()
    try:
        with pytest.raises(UnpackError):
            unpack(bomb, 1 << 20)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20


def test_a_cut_stream_says_how_much_it_decoded_and_the_error_is_its_detail() -> None:
    cut = bz2.compress(TEXT)[:-10]
    with pytest.raises(UnpackError) as refused:
        unpack(cut, 1 << 20)
    assert refused.value.reason == "bad_compression"
    assert refused.value.detail.startswith("bzip2: the compressed data stops before its end (")
    assert refused.value.detail.endswith(" bytes decoded): the file was cut")
    assert str(refused.value) == refused.value.detail  # what a traceback would show


@pytest.mark.parametrize("pack", [bz2.compress, lzma.compress])
def test_the_zero_padding_tape_and_block_tools_leave_is_read_past(pack) -> None:
    assert unpack(pack(TEXT) + bytes(512), 1 << 20) == TEXT


def test_an_empty_bzip2_file_is_bzip2_and_holds_nothing() -> None:
    """Its stream's end follows the block size digit at once: no block's "1AY&SY"."""
    assert packing(bz2.compress(b"")) == "bzip2"
    assert unpack(bz2.compress(b""), 100) == b""
