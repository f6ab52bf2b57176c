"""A dump wholly in windows-1252 or latin-1 (a Western newsroom's export, an old CMS),
round 53's known item, fault round 54: a `bad_encoding` reject, as round 3 chose, whose
detail named a byte ("not valid UTF-8 at byte 51: b'\\xfcrich ca'") and no way out, and
the command said nothing but a count of rejects. The detail and a note of the run now
say how to convert the file: the iconv line for windows-1252 when every byte beyond
ASCII stands alone, a line with the encoding to fill in otherwise. Real files read by
the discover stage."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks.discover.inputs import discover, read_dumps
from tests.unit.discover.test_inputs import CONFIG, NOW

HEADER = " date 2024-04-04 https://news.example/{}.html\n"
ZURICH = ("Zürich café reopens\nThe café by the Zürich river reopens after a long winter, "
          "its owner said. «We waited», she said – and the naïve plan worked.\n")
TOKYO = "東京の新しいフェリー\n東京湾を渡るフェリーが毎日運航を再開しました。\n"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_a_western_dump_says_how_to_convert_it(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "zürich story.txt"
    path.write_bytes((HEADER.format("zurich") + ZURICH.replace("–", "-")).encode(encoding))
    docs, [reject] = read_dumps(path, "run-54")
    assert docs == [] and reject["reason"] == "bad_encoding"
    assert reject["detail"].endswith(
        "it reads as windows-1252 (or latin-1): convert it with `iconv -f WINDOWS-1252 -t "
        "UTF-8 'zürich story.txt' > 'zürich story.txt'.utf8` and ingest that file"), reject


def test_a_double_byte_dump_names_no_encoding_it_cannot_tell(tmp_path: Path) -> None:
    path = tmp_path / "tokyo.txt"
    path.write_bytes((HEADER.format("tokyo") + TOKYO).encode("shift_jis"))
    docs, [reject] = read_dumps(path, "run-54")
    assert reject["reason"] == "bad_encoding"
    assert "`iconv -f ENCODING -t UTF-8 tokyo.txt > tokyo.txt.utf8`" in reject["detail"]
    assert "WINDOWS-1252" not in reject["detail"]


def test_the_run_notes_the_files_and_the_way_out(tmp_path: Path) -> None:
    (tmp_path / "zurich.txt").write_bytes((HEADER.format("zurich") + ZURICH).encode("cp1252"))
    (tmp_path / "fine.txt").write_bytes((HEADER.format("fine") + ZURICH).encode())
    found = discover([str(tmp_path)], "run-54", CONFIG, now=NOW)
    assert found.docs.num_rows == 1 and len(found.rejects) == 1
    [note] = [n for n in found.notes if "UTF-8" in n]
    assert note.startswith(f"1 input file(s) not in UTF-8 (bad_encoding rejects), e.g. "
                           f"{tmp_path / 'zurich.txt'}: it reads as windows-1252"), note
    assert "iconv -f WINDOWS-1252 -t UTF-8 zurich.txt > zurich.txt.utf8" in note
