"""Mutation seed 76: `piped_input` (tasks/discover/inputs.py), which file standard
input's bytes become: its only tests were the reliability ones, which the discover
stage's mutants do not run. Real files in a real folder."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tasks.discover.inputs import piped_input

HEADER = " date 2024-04-04 https://n.example/a"


@pytest.mark.parametrize("data, name", [
    (f"{HEADER}\nTitle\nBody.\n".encode(), "stdin.txt"),
    (f"\n  \n{HEADER}\nTitle\nBody.\n".encode(), "stdin.txt"),  # blank lines before it
    (b" date 2024-04-04https://n.example/a\nTitle\nBody.\n", "stdin.txt"),  # glued
    (f"{HEADER}\nCaf\xe9 Europa\nBody.\n".encode("latin-1"), "stdin.txt"),  # no UTF-8
    (gzip.compress(f"{HEADER}\nTitle\nBody.\n".encode()), "stdin.txt"),  # judged unpacked
    (gzip.compress(b"x" * 100)[:20], "stdin.txt"),  # damaged: the dump reader says so
    (b"https://n.example/a\nnot a link\n", "stdin.urls"),
    (b"\n\nhttps://n.example/a\n", "stdin.urls"),
    (gzip.compress(b"https://n.example/a\n"), "stdin.urls"),
    (b"Caf\xe9 links\nhttps://n.example/a\n", "stdin.urls"),
])
def test_standard_input_is_saved_as_the_file_its_first_line_says(tmp_path: Path, data: bytes,
                                                                 name: str) -> None:
    path = piped_input(data, tmp_path)
    assert path == tmp_path / name and path.read_bytes() == data


def test_blank_lines_alone_make_a_list_and_only_the_first_4096_bytes_are_read(tmp_path):
    assert piped_input(b"\n \n", tmp_path).name == "stdin.urls"
    # a header whose URL begins at byte 4097: the head read ends before it
    line = b" date" + b" " * (4096 - 5 - 11) + b"2024-04-04 https://n.example/a\nT\nBody.\n"
    assert line.index(b"https") == 4096
    (tmp_path / "long").mkdir()
    assert piped_input(line, tmp_path / "long").name == "stdin.urls"
