"""Seed 77: what session 53 added to the inputs (tasks/discover/inputs.py), asked where
unit runs read it (its tests were reliability ones, through the command line): a WARC
piped in is saved under the name of its compression (fault round 53: it was a URL list,
every line a `bad_url`); an input whose name the system will not look at is missing,
unreachable with the system's reason, and no traceback; a stray windows-1252 byte in a
UTF-8 file is read as one, runs of them as a double-byte legacy encoding are not."""

from __future__ import annotations

import bz2
import gzip
import lzma
from pathlib import Path

import pytest

from tasks.common.codings import zstd
from tasks.discover.inputs import (
    broken_link,
    missing_inputs,
    piped_input,
    unknown_inputs,
    unreachable_input,
)

WARC = (b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n"
        b"WARC/1.0\r\nWARC-Type: response\r\n")
PACKERS = {"none": lambda b: b, "gzip": gzip.compress, "bzip2": bz2.compress,
           "xz": lzma.compress}
if zstd is not None:
    PACKERS["zstd"] = zstd.compress
NAMES = {"none": "stdin.warc", "gzip": "stdin.warc.gz", "bzip2": "stdin.warc.bz2",
         "xz": "stdin.warc.xz", "zstd": "stdin.warc.zst"}


@pytest.mark.parametrize("packed", sorted(PACKERS))
def test_a_warc_piped_in_is_saved_under_its_compression_s_name(tmp_path: Path, packed):
    raw = PACKERS[packed](WARC)
    path = piped_input(raw, tmp_path)
    assert path == tmp_path / NAMES[packed] and path.read_bytes() == raw


@pytest.mark.parametrize("packed", sorted(PACKERS))
def test_a_list_that_mentions_warc_later_is_no_warc(tmp_path: Path, packed):
    raw = PACKERS[packed](b"https://n.example/a\nWARC/1.0\n")
    assert piped_input(raw, tmp_path).name == "stdin.urls"
    # a "warc/" in lower case, or the word without its slash, opens no WARC record
    assert piped_input(PACKERS[packed](b"warc/1.0 https://n.example/a\n"),
                       tmp_path).name == "stdin.urls"
    assert piped_input(PACKERS[packed](b"WARC 1.0 https://n.example/a\n"),
                       tmp_path).name == "stdin.urls"


def test_a_damaged_bzip2_warc_is_left_to_the_dump_reader(tmp_path: Path):
    # cut: its first record cannot be read, so it is no WARC that can be named; the dump
    # reader says what is wrong with it
    raw = bz2.compress(WARC * 50)[:-30]
    assert piped_input(raw, tmp_path).name == "stdin.txt"


def test_a_name_the_system_will_not_look_at_is_missing_and_unreachable(tmp_path: Path):
    long = str(tmp_path / ("a" * 300 + ".txt"))
    assert missing_inputs([long, str(tmp_path)]) == [long]
    assert unknown_inputs([long]) == []
    assert broken_link(long) is None
    assert unreachable_input(long) == ("the system cannot look at this path: File name too "
                                       "long (a name of 304 bytes)")
    # a name merely missing, or found, is looked at: no reason
    assert unreachable_input(str(tmp_path / "missing.txt")) is None
    assert unreachable_input(str(tmp_path)) is None


def test_a_found_file_of_no_kind_is_still_judged(tmp_path: Path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    assert [item for item, _ in unknown_inputs([str(tmp_path / "notes.pdf")])] == [
        str(tmp_path / "notes.pdf")]
    assert missing_inputs([str(tmp_path / "notes.pdf")]) == []


@pytest.mark.parametrize("raw, read", [
    # a Word paragraph's stray quotes and accent, each a byte of its own: read
    (b"caf\xc3\xa9 \x93q\x94 na\xefve", True),
    # half of them alone, half a pair side by side: still read (the edge)
    (b"caf\xc3\xa9 \x93q\x94 \x93\x94", True),
    # runs of two, as a double-byte legacy encoding writes every character: refused
    (b"caf\xc3\xa9 \x93\x94\x93\x94", False),
    (b"caf\xc3\xa9 \x93 \x93\x94", False),  # fewer than half alone
    ("東京の新しい駅".encode("shift_jis") + " café".encode(), False),
])
def test_stray_bytes_alone_are_windows_1252_and_runs_of_them_are_not(raw, read):
    from tasks.discover.inputs import DumpError, decode_dump

    if read:
        assert "café" in decode_dump(raw) and "\ufffd" not in decode_dump(raw)
    else:
        with pytest.raises(DumpError) as info:
            decode_dump(raw)
        assert info.value.reason == "bad_encoding"


@pytest.mark.parametrize("packed", ["gzip", "zstd"])
def test_a_warc_expanding_past_the_lists_cap_is_still_named_a_warc(tmp_path: Path, packed):
    """A CC-NEWS WARC is about 1 GB unpacked: gzip's and zstd's heads are decoded alone,
    where a list is read whole up to its cap."""
    from tasks.discover.inputs import MAX_PIPED_BYTES

    if packed == "zstd" and zstd is None:
        pytest.skip("no zstd module")
    big = WARC + b"\0" * (MAX_PIPED_BYTES + 1)
    raw = gzip.compress(big, compresslevel=1) if packed == "gzip" else zstd.compress(big)
    assert piped_input(raw, tmp_path).name == NAMES[packed]
