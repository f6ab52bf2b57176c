"""Mutation seed 78: how the discover stage tells a user to convert a dump that is no
UTF-8 (fault round 54): windows-1252's iconv line when the bytes beyond ASCII mostly
stand alone, a line with the encoding to fill in otherwise; and the run's note naming
how many files and the first one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks.discover.inputs import DumpError, decode_dump, discover
from tests.unit.discover.test_inputs import CONFIG, NOW

HEADER = b" date 2024-04-04 https://news.example/a.html\nTitle\n"
WESTERN = "reads as windows-1252 (or latin-1)"


def detail(body: bytes, name: str = "FILE") -> str:
    with pytest.raises(DumpError) as caught:
        decode_dump(HEADER + body, name)
    assert caught.value.reason == "bad_encoding"
    return caught.value.detail


@pytest.mark.parametrize("body", [
    b"Caf\xe9 cr\xe8me\n",  # two lone bytes
    b"Caf\xe9 \xe8\xe9 cr\xe8me\n",  # lone 1 + 1, a run of 2: half the bytes stand alone
])
def test_mostly_lone_bytes_read_as_windows_1252(body: bytes) -> None:
    assert WESTERN in detail(body)


@pytest.mark.parametrize("body", [
    b"Caf\xe9 \xe8\xe9\xe8 cr\xe8me\n",  # one lone byte, a run of three
    b"\x93\x8c\x8b\x9e\x82\xcc\n",  # Shift_JIS pairs
    b"Caf\xe9 \x81 cr\xe8me\n",  # 0x81: no character of windows-1252
])
def test_runs_or_a_byte_windows_1252_leaves_undefined_name_no_encoding(body: bytes) -> None:
    said = detail(body, "export.txt")
    assert WESTERN not in said
    assert said.endswith("save it as UTF-8 from the encoding it was written in: `iconv -f "
                         "ENCODING -t UTF-8 export.txt > export.txt.utf8` (ENCODING e.g. "
                         "SHIFT_JIS, GBK, BIG5, EUC-KR, ISO-8859-5)")


def test_the_western_line_names_the_file() -> None:
    assert detail(b"Caf\xe9\n", "'my dump.txt'").endswith(
        "convert it with `iconv -f WINDOWS-1252 -t UTF-8 'my dump.txt' > 'my dump.txt'.utf8` "
        "and ingest that file")


def test_the_runs_note_counts_the_files_and_names_the_first(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(HEADER + b"Caf\xe9\n")
    (tmp_path / "b.txt").write_bytes(HEADER + b"\x93\x8c\x8b\x9e\x82\xcc\n")
    (tmp_path / "c.txt").write_bytes(HEADER + "Café\n".encode())
    found = discover([str(tmp_path)], "run-78", CONFIG, now=NOW)
    notes = [n for n in found.notes if "UTF-8" in n]
    assert notes == [
        f"2 input file(s) not in UTF-8 (bad_encoding rejects), e.g. {tmp_path / 'a.txt'}: it "
        "reads as windows-1252 (or latin-1): convert it with `iconv -f WINDOWS-1252 -t UTF-8 "
        "a.txt > a.txt.utf8` and ingest that file; pressroom sql \"SELECT source, detail FROM "
        "rejects WHERE reason = 'bad_encoding'\" lists them"]


def test_a_run_of_utf8_files_notes_nothing_on_encodings(tmp_path: Path) -> None:
    (tmp_path / "c.txt").write_bytes(HEADER + "Café\n".encode())
    found = discover([str(tmp_path)], "run-78", CONFIG, now=NOW)
    assert not [n for n in found.notes if "UTF-8" in n]
