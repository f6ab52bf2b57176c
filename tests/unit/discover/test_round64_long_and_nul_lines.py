"""URL list lines of 10 MB, or holding NUL bytes (fault round 64). A 10 MB line was a
document: carried through the run, refused only at the fetch (`url_too_long`) and kept
whole as a fetch_log row's url. Each is now a `bad_url` reject of its line, with a short
detail; the list's other URLs are read as before."""

from __future__ import annotations

from pathlib import Path

from tasks.common.netguard import MAX_URL_CHARS
from tasks.discover.inputs import read_dumps, read_url_list

GOOD = ["https://a.example/1", "https://a.example/2"]
TEN_MB = "https://a.example/" + "x" * (10 * 1024 * 1024)


def _read(path: Path, lines: list[str]) -> tuple[list[dict], list[dict]]:
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogateescape") + b"\n")
    return (read_dumps if path.suffix == ".txt" else read_url_list)(path, "r1")


def test_a_line_of_10_mb_is_a_bad_url_reject_with_a_short_detail(tmp_path):
    docs, rejects = _read(tmp_path / "list.urls", [GOOD[0], TEN_MB, GOOD[1]])
    assert [d["url"] for d in docs] == GOOD  # before: the 10 MB line a third document
    [reject] = rejects
    assert reject["reason"] == "bad_url" and reject["input_key"].endswith("/list.urls:2")
    assert f"{len(TEN_MB)} characters, over the {MAX_URL_CHARS}" in reject["detail"]
    assert len(reject["detail"]) < 300 and not reject["url"]  # nothing of it kept whole


def test_a_urls_txt_with_a_line_too_long_is_still_read_as_a_url_list(tmp_path):
    # (a .txt is read up to 5 MB; a list of URLs in it is a URL list, not a dump)
    docs, rejects = _read(tmp_path / "urls.txt",
                          [GOOD[0], "https://a.example/" + "y" * MAX_URL_CHARS, GOOD[1]])
    assert [d["url"] for d in docs] == GOOD
    assert [r["reason"] for r in rejects] == ["bad_url"]
    assert "over the 8000 a URL may have" in rejects[0]["detail"]


def test_a_url_of_the_longest_length_fetch_takes_is_still_a_document(tmp_path):
    # near miss, on the start too: MAX_URL_CHARS characters pass, as the fetch takes them
    longest = "https://a.example/" + "z" * (MAX_URL_CHARS - len("https://a.example/"))
    docs, rejects = _read(tmp_path / "list.urls", [GOOD[0], longest])
    assert [d["url"] for d in docs] == [GOOD[0], longest] and rejects == []


def test_a_line_with_nul_bytes_is_a_bad_url_reject_and_the_others_are_read(tmp_path):
    # already handled before the round (round 13's junk bytes), pinned here beside the
    # long line: a NUL inside a URL, and a 10 MB line of NULs
    docs, rejects = _read(tmp_path / "list.urls",
                          [GOOD[0], "https://a.example/\x00x", "\x00" * (10 * 1024 * 1024) + "x",
                           GOOD[1]])
    assert [d["url"] for d in docs] == GOOD
    assert [(r["reason"], r["input_key"].rsplit("/", 1)[1]) for r in rejects] == [
        ("bad_url", "list.urls:2"), ("bad_url", "list.urls:3")]
    assert all(len(r["detail"]) < 300 for r in rejects)
