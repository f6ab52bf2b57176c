"""Bytes after the end of a compressed dump's stream (fault round 53, session 52's known
item): a bzip2 or xz file with a line appended after its stream was a `bad_compression`
reject, its article lost, while gzip and zstd files with the same tail were read. One
policy now, the one `gzip -d` and `bzip2 -d` follow: what trails the last whole stream
and opens no other is ignored; a second stream is read, and a damaged or cut one refused.
Real files read by the discover stage."""

from __future__ import annotations

import bz2
import gzip
import lzma
from pathlib import Path

import pytest

from tasks.common.codings import zstd
from tasks.discover.inputs import read_dumps

DUMP = (b" date 2024-04-04 https://dump.example/trailing\nHarbour ferry returns\n"
        b"The ferry runs again after the winter. The river is calm.\n")
SECOND = (b" date 2024-04-05 https://dump.example/second\nSecond ferry story\n"
          b"A second ferry joins the line in spring. Tickets are cheaper.\n")
PACKERS = {"gz": gzip.compress, "bz2": bz2.compress, "xz": lzma.compress, "zst": zstd.compress}
TAILS = {"a-line": b"\nEOF marker appended by a transfer tool\n", "zeros": b"\x00" * 7,
         "a-byte": b"\n"}


def _read(tmp_path: Path, name: str, data: bytes) -> tuple[list, list]:
    path = tmp_path / name
    path.write_bytes(data)
    return read_dumps(path, "run-53")


@pytest.mark.parametrize("tail", sorted(TAILS))
@pytest.mark.parametrize("suffix", sorted(PACKERS))
def test_bytes_after_the_stream_are_ignored_as_gzip_and_bzip2_ignore_them(
        tmp_path: Path, suffix: str, tail: str) -> None:
    docs, rejects = _read(tmp_path, f"story.txt.{suffix}", PACKERS[suffix](DUMP) + TAILS[tail])
    assert rejects == []
    assert [d["url"] for d in docs] == ["https://dump.example/trailing"]
    assert docs[0]["hint_title"] == "Harbour ferry returns"


@pytest.mark.parametrize("suffix", ["bz2", "xz"])
def test_a_second_stream_is_read_and_a_cut_one_refused(tmp_path: Path, suffix: str) -> None:
    """The guards: `cat a.xz b.xz` is both files' text; a second stream cut short held part
    of the data, so the file is refused, not read in part."""
    one, two = PACKERS[suffix](DUMP), PACKERS[suffix](b"\n" + SECOND)
    docs, rejects = _read(tmp_path, f"two.txt.{suffix}", one + two)
    assert rejects == [] and [d["url"] for d in docs] == [
        "https://dump.example/trailing", "https://dump.example/second"]
    docs, [reject] = _read(tmp_path, f"cut.txt.{suffix}", one + two[: len(two) // 2])
    assert docs == [] and reject["reason"] == "bad_compression", reject
