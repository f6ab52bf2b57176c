"""Mutation seed 76: the reject rows a URL list is refused with whole (over the cap, not
readable, compressed past the cap or damaged, no text at all), each field as the rejects
table stores it, and the preflight's sentence for a file no reader takes."""

from __future__ import annotations

import gzip

import pytest

import tasks.discover.inputs as inputs
from tasks.discover.inputs import INPUT_KINDS, read_url_list, unknown_input
from tasks.discover.packed import UnpackError, unpack

LIST = b"https://list.example/1\nhttps://list.example/2\n"  # 46 bytes


def _row(reject: dict) -> tuple:
    return (reject["source_kind"], reject["source"], reject["input_key"], reject["reason"],
            reject["run_id"])


@pytest.fixture
def small_cap(monkeypatch) -> int:
    monkeypatch.setattr(inputs, "MAX_URL_LIST_BYTES", len(LIST))
    return len(LIST)


def test_a_list_at_the_cap_is_read_one_byte_more_is_refused_whole(tmp_path, small_cap):
    at_cap = tmp_path / "at.urls"
    at_cap.write_bytes(LIST)
    docs, rejects = read_url_list(at_cap, "run-76")
    assert [d["url"] for d in docs] == ["https://list.example/1", "https://list.example/2"]
    assert rejects == []
    over = tmp_path / "over.urls"
    over.write_bytes(LIST + b"\n")
    docs, [reject] = read_url_list(over, "run-76")
    assert docs == [] and _row(reject) == (
        "url", str(over), f"urls:{over}:{small_cap + 1}", "too_large", "run-76")


def test_a_list_that_cannot_be_read_is_one_unreadable_reject(tmp_path):
    folder = tmp_path / "folder.urls"  # a folder of a list's name: stat works, reading not
    folder.mkdir()
    docs, [reject] = read_url_list(folder, "run-76")
    assert docs == [] and _row(reject) == ("url", str(folder), f"urls:{folder}", "unreadable",
                                           "run-76")
    assert "Is a directory" in reject["detail"]


def test_a_compressed_list_past_the_cap_says_to_split_it(tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "MAX_URL_LIST_BYTES", 100)
    packed = tmp_path / "big.urls.gz"
    packed.write_bytes(gzip.compress(LIST * 10))  # under the cap packed, past it unpacked
    assert packed.stat().st_size <= 100
    docs, [reject] = read_url_list(packed, "run-76")
    assert docs == [] and _row(reject) == ("url", str(packed), f"urls:{packed}", "too_large",
                                           "run-76")
    assert reject["detail"].endswith(": split it into smaller .urls files")


def test_a_damaged_compressed_list_says_what_is_wrong_and_nothing_of_splitting(tmp_path):
    cut = tmp_path / "cut.urls.gz"
    cut.write_bytes(gzip.compress(LIST * 40)[:-12])
    docs, [reject] = read_url_list(cut, "run-76")
    assert docs == [] and _row(reject) == ("url", str(cut), f"urls:{cut}", "bad_compression",
                                           "run-76")
    with pytest.raises(UnpackError) as unpacked:  # the compression's own words, alone
        unpack(cut.read_bytes(), inputs.MAX_URL_LIST_BYTES)
    assert reject["detail"] == unpacked.value.detail and "split" not in reject["detail"]


def test_a_list_of_no_text_at_all_is_refused_whole(tmp_path):
    binary = tmp_path / "photo.urls"
    binary.write_bytes(bytes(range(256)) * 4)
    docs, [reject] = read_url_list(binary, "run-76")
    assert docs == [] and _row(reject) == ("url", str(binary), f"urls:{binary}",
                                           "binary_content", "run-76")


def test_a_name_no_reader_takes_is_one_sentence_with_a_hint_only_when_there_is_one():
    assert unknown_input("notes.docx") == f"not a recognised input ({INPUT_KINDS})"
    hinted = unknown_input("crawl.warc.zst")
    assert hinted.startswith(f"not a recognised input ({INPUT_KINDS}): ")


DUMP = b" date 2024-04-04 https://dump.example/a\nTitle\nThe ferry runs again today.\n"


def test_a_dump_refused_whole_says_so_in_each_field(tmp_path, monkeypatch):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    _, [unreadable] = inputs.read_dumps(folder, "run-76")
    assert _row(unreadable) == ("dump", str(folder), f"dump:{folder}", "unreadable", "run-76")
    monkeypatch.setattr(inputs, "MAX_DUMP_BYTES", 200)
    # (a file of several dumps is read whole up to MAX_DUMPS_FILE_BYTES since session 61)
    monkeypatch.setattr(inputs, "MAX_DUMPS_FILE_BYTES", 200)
    big = tmp_path / "big.txt"
    big.write_bytes(DUMP * 3)
    _, [too_big] = inputs.read_dumps(big, "run-76")
    assert _row(too_big) == ("dump", str(big), f"dump:{big}:{len(DUMP) * 3}", "too_large",
                             "run-76")
    assert too_big["detail"] == f"{len(DUMP) * 3} bytes > 200"


def test_a_compressed_dump_refused_keys_its_packed_bytes(tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "MAX_DUMP_BYTES", 200)
    packed = tmp_path / "big.txt.gz"
    raw = gzip.compress(DUMP * 5)
    packed.write_bytes(raw)
    _, [reject] = inputs.read_dumps(packed, "run-76")
    assert _row(reject) == ("dump", str(packed), f"dump:{inputs.content_key(raw)}",
                            "too_large", "run-76")
    assert reject["detail"].endswith(" (a dump is read up to 200 bytes)")
    cut = tmp_path / "cut.txt.gz"
    short = gzip.compress(DUMP)[:-9]
    cut.write_bytes(short)
    _, [reject] = inputs.read_dumps(cut, "run-76")
    assert _row(reject) == ("dump", str(cut), f"dump:{inputs.content_key(short)}",
                            "bad_compression", "run-76")
    assert "read up to" not in reject["detail"]


def test_a_dump_of_no_text_and_a_dump_that_is_a_list(tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    _, [reject] = inputs.read_dumps(binary, "run-76")
    assert _row(reject)[:2] == ("dump", str(binary)) and reject["run_id"] == "run-76"
    assert reject["input_key"].startswith("dump:")
    listed = tmp_path / "urls.txt"
    listed.write_bytes(LIST + b"https://[::1/\n")  # an address no host can have
    docs, [bad] = inputs.read_dumps(listed, "run-76")
    assert [d["url"] for d in docs] == ["https://list.example/1", "https://list.example/2"]
    assert bad["reason"] == "bad_url" and bad["run_id"] == "run-76"
