"""A file of several dumps over MAX_DUMP_BYTES (session 61; fault round 64's known item): it
was refused whole as `too_large`, every article in it lost with it. Now it is read up to
MAX_DUMPS_FILE_BYTES and each article is held to MAX_DUMP_BYTES on its own."""

from __future__ import annotations

from pathlib import Path

import pytest

import tasks.discover.inputs as inputs
from tasks.discover.inputs import MAX_DUMP_BYTES, read_dumps


def article(n: int, words: int) -> bytes:
    body = " ".join(["The ferry ran again on the river route after the repairs."] * words)
    return f" date 2024-04-0{n % 9 + 1} https://dump.example/a{n}\nStory {n}\n{body}\n".encode()


def test_an_export_of_many_articles_over_5_mb_is_read_article_by_article(tmp_path: Path):
    # 120 articles of ~58 KB: ~7 MB, each far under the limit
    path = tmp_path / "export.txt"
    path.write_bytes(b"".join(article(n, 1000) for n in range(120)))
    assert path.stat().st_size > MAX_DUMP_BYTES
    docs, rejects = read_dumps(path, "run-61")
    assert rejects == []
    assert [d["url"] for d in docs] == [f"https://dump.example/a{n}" for n in range(120)]
    assert len({d["input_key"] for d in docs}) == 120


def test_one_article_too_large_is_rejected_and_the_others_kept(tmp_path: Path):
    path = tmp_path / "export.txt"
    huge = article(1, MAX_DUMP_BYTES // 58 + 10)  # one article over 5 MB
    path.write_bytes(article(0, 50) + huge + article(2, 50))
    docs, [reject] = read_dumps(path, "run-61")
    assert [d["url"] for d in docs] == ["https://dump.example/a0", "https://dump.example/a2"]
    assert reject["reason"] == "too_large"
    assert reject["url"] == "https://dump.example/a1"
    assert reject["detail"].startswith("article 2 of 3: ")
    assert reject["input_key"].endswith("#2")


def test_a_single_article_over_5_mb_is_refused_as_before(tmp_path: Path):
    path = tmp_path / "one.txt"
    path.write_bytes(article(1, MAX_DUMP_BYTES // 58 + 10))
    size = path.stat().st_size
    docs, [reject] = read_dumps(path, "run-61")
    assert docs == []
    assert (reject["reason"], reject["input_key"], reject["detail"]) == (
        "too_large", f"dump:{path}:{size}", f"{size} bytes > {MAX_DUMP_BYTES}")


@pytest.mark.parametrize("opening", [b"not a dump header\n", b"\x00\x01\x02binary"])
def test_a_large_file_that_does_not_open_as_a_dump_is_refused_unread(
        tmp_path: Path, monkeypatch, opening: bytes):
    monkeypatch.setattr(inputs, "MAX_DUMP_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_bytes(opening + article(1, 50) * 3)
    docs, [reject] = read_dumps(path, "run-61")
    assert docs == [] and reject["reason"] == "too_large"


def test_a_file_of_dumps_over_the_file_bound_is_refused_unread(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(inputs, "MAX_DUMP_BYTES", 1000)
    monkeypatch.setattr(inputs, "MAX_DUMPS_FILE_BYTES", 5000)
    path = tmp_path / "big.txt"
    path.write_bytes(article(1, 5) * 60)
    assert path.stat().st_size > 5000
    docs, [reject] = read_dumps(path, "run-61")
    assert docs == [] and reject["reason"] == "too_large"
    # at the bound it is read
    monkeypatch.setattr(inputs, "MAX_DUMPS_FILE_BYTES", path.stat().st_size)
    docs, rejects = read_dumps(path, "run-61")
    assert len(docs) == 60 and rejects == []


def test_an_article_of_exactly_the_limit_is_read(tmp_path: Path, monkeypatch):
    raw = article(0, 40) + article(1, 60)
    longest = max(len(p) for p in inputs.split_dumps(raw.decode()))
    path = tmp_path / "export.txt"
    path.write_bytes(raw)
    monkeypatch.setattr(inputs, "MAX_DUMP_BYTES", longest)
    docs, rejects = read_dumps(path, "run-61")
    assert len(docs) == 2 and rejects == []
    monkeypatch.setattr(inputs, "MAX_DUMP_BYTES", longest - 1)
    docs, [reject] = read_dumps(path, "run-61")
    assert [d["url"] for d in docs] == ["https://dump.example/a0"]
    assert reject["reason"] == "too_large" and reject["url"] == "https://dump.example/a1"
