"""Dumps and URL lists saved compressed (gzip, bzip2, xz, zstd) are read as the file each
holds (tasks/discover/packed.py): by their first bytes, whatever their name says, each
layer capped, a cut stream refused. Real files in a folder, read by the discover stage."""

from __future__ import annotations

import bz2
import gzip
import lzma
from pathlib import Path

import pytest

from tasks.common.codings import zstd
from tasks.discover.inputs import (
    MAX_DUMP_BYTES,
    discover,
    read_dumps,
    read_url_list,
    unknown_input,
)
from tasks.discover.packed import UnpackError, packing, unpack, unpacked_name
from tests.unit.discover.test_inputs import CONFIG, NOW

DUMP = (" date 2024-04-04 https://dump.example/packed\nÜber den Fluss\n"
        "Die Fähre fährt wieder. Der Fluss ist ruhig.\n").encode()
LIST = b"# two stories\nhttps://list.example/1\nhttps://list.example/2\n"

PACKERS = {
    "gz": gzip.compress,
    "bz2": bz2.compress,
    "xz": lzma.compress,
    "zst": zstd.compress,
}


@pytest.mark.parametrize("suffix", sorted(PACKERS))
def test_a_compressed_dump_and_list_in_a_folder_are_read_as_the_files_they_hold(
        tmp_path: Path, suffix: str) -> None:
    """`story.txt.gz` was a note, "not a recognised input", and its article lost."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"story.txt.{suffix}").write_bytes(PACKERS[suffix](DUMP))
    (folder / f"links.URLS.{suffix}").write_bytes(PACKERS[suffix](LIST))
    found = discover([str(folder)], "run-52", CONFIG, now=NOW)
    rows = found.docs.to_pylist()
    assert sorted(r["url"] for r in rows) == [
        "https://dump.example/packed", "https://list.example/1", "https://list.example/2"]
    [dump] = [r for r in rows if r["source_kind"] == "dump"]
    assert dump["hint_title"] == "Über den Fluss"
    assert dump["dump_text"].startswith("Die Fähre fährt wieder.")
    assert found.rejects == [] and found.notes == []


def test_a_dump_keeps_the_key_of_its_text_compressed_or_not(tmp_path: Path) -> None:
    """A re-run skips a dump it has read by its key: the same article saved plain and
    compressed is one input, not two."""
    plain, packed = tmp_path / "a.txt", tmp_path / "a.txt.gz"
    plain.write_bytes(DUMP)
    packed.write_bytes(gzip.compress(DUMP))
    [first], _ = read_dumps(plain, "run-52")
    [second], _ = read_dumps(packed, "run-52")
    assert first["input_key"] == second["input_key"]
    assert (first["dump_text"], first["hint_title"]) == (second["dump_text"],
                                                          second["hint_title"])


def test_a_compressed_file_under_its_old_name_is_read_by_its_first_bytes(
        tmp_path: Path) -> None:
    """`gzip -S .txt`, or a download a server compressed: round 45 refused it with its
    compression named; it is read now. A `.gz` name over plain text is read as text."""
    dump = tmp_path / "story.txt"
    dump.write_bytes(lzma.compress(DUMP))
    [doc], rejects = read_dumps(dump, "run-52")
    assert rejects == [] and doc["url"] == "https://dump.example/packed"
    plain_named_gz = tmp_path / "list.urls.gz"
    plain_named_gz.write_bytes(LIST)
    docs, rejects = read_url_list(plain_named_gz, "run-52")
    assert [d["url"] for d in docs] == ["https://list.example/1", "https://list.example/2"]
    assert rejects == []


def test_several_streams_of_one_file_are_all_read(tmp_path: Path) -> None:
    """`cat a.gz b.gz`, pbzip2 and `xz` of appended files write several streams: the
    lines of every one of them are the list's."""
    more = b"https://list.example/3\n"
    for name, pack in PACKERS.items():
        listed = tmp_path / f"l.urls.{name}"
        listed.write_bytes(pack(LIST) + pack(more))
        docs, rejects = read_url_list(listed, "run-52")
        assert [d["url"] for d in docs] == [
            "https://list.example/1", "https://list.example/2", "https://list.example/3"], name
        assert rejects == []


@pytest.mark.parametrize("suffix", sorted(PACKERS))
def test_a_cut_compressed_dump_is_a_reject_saying_so_not_half_an_article(
        tmp_path: Path, suffix: str) -> None:
    """A download stopped midway: the article's first half stored as if whole would be
    worse than a reject that says the file was cut."""
    body = DUMP + "Noch ein Satz über die Fähre und den Fluss.\n".encode() * 400
    packed = PACKERS[suffix](body)
    dump = tmp_path / f"cut.txt.{suffix}"
    dump.write_bytes(packed[: len(packed) * 2 // 3])
    docs, [reject] = read_dumps(dump, "run-52")
    assert docs == []
    assert reject["reason"] == "bad_compression"
    assert reject["source"].endswith(f"cut.txt.{suffix}")


@pytest.mark.parametrize("suffix", sorted(PACKERS))
def test_a_compressed_dump_expanding_past_the_cap_is_refused_before_it_is_held(
        tmp_path: Path, suffix: str) -> None:
    """A few KB that expand to 40 MB: a dump is read up to MAX_DUMP_BYTES, as a plain
    dump of that size is refused (`too_large`)."""
    bomb = PACKERS[suffix](DUMP + b"a" * (8 * MAX_DUMP_BYTES))
    assert len(bomb) < MAX_DUMP_BYTES // 50
    dump = tmp_path / f"bomb.txt.{suffix}"
    dump.write_bytes(bomb)
    docs, [reject] = read_dumps(dump, "run-52")
    assert docs == [] and reject["reason"] == "too_large"
    assert f"{MAX_DUMP_BYTES} bytes" in reject["detail"]
    with pytest.raises(UnpackError) as info:
        unpack(bomb, MAX_DUMP_BYTES)
    assert info.value.reason == "too_large"
    # under the cap the same file is whole
    assert unpack(PACKERS[suffix](DUMP), len(DUMP)) == DUMP


def test_a_damaged_stream_is_a_bad_compression_reject(tmp_path: Path) -> None:
    packed = bytearray(bz2.compress(DUMP * 20))
    packed[40:60] = b"\x00" * 20
    dump = tmp_path / "broken.txt.bz2"
    dump.write_bytes(bytes(packed))
    docs, [reject] = read_dumps(dump, "run-52")
    assert docs == [] and reject["reason"] == "bad_compression"
    assert reject["detail"].startswith("bzip2")


def test_names_and_first_bytes() -> None:
    assert unpacked_name("Story.TXT.gz") == "story.txt"
    assert unpacked_name("links.urls.zst") == "links.urls"
    assert unpacked_name("crawl.warc") == "crawl.warc"
    assert [packing(pack(b"x")) for pack in PACKERS.values()] == ["gzip", "bzip2", "xz", "zstd"]
    assert packing(b"BZh0 is no bzip2 block size") is None
    assert packing(b" date 2024-04-04 https://a.example/\n") is None
    # the preflight takes what the folder walk reads, and still names what it does not
    assert unknown_input("story.txt.xz") is None and unknown_input("l.urls.gz") is None
    assert unknown_input("story.html.gz") is not None
