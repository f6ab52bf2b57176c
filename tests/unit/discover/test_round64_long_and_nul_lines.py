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


# Dump files (the seed text-dump format) of several articles, one with a NUL line.
def _dump(n: int, body: str = "A body of the article, long enough to be read.") -> str:
    return f" date 2024-04-0{n} https://a.example/{n}.html\nTitle {n}\n{body}\n"


def test_a_nul_line_in_one_article_of_a_dump_file_rejects_that_article_alone(tmp_path):
    path = tmp_path / "three.txt"
    path.write_text(_dump(1) + _dump(2, "Its body.\nA line \x00 with a NUL.") + _dump(3))
    docs, rejects = read_dumps(path, "r1")
    # before: the whole file `binary_content`, articles 1 and 3 lost with it
    assert [d["url"] for d in docs] == ["https://a.example/1.html", "https://a.example/3.html"]
    [reject] = rejects
    assert (reject["reason"], reject["url"]) == ("binary_content", "https://a.example/2.html")
    assert reject["detail"] == ("article 2 of 3: its text contains NUL bytes (its line 4): "
                                "not text")
    assert reject["input_key"].endswith("#2")


def test_many_nul_bytes_in_one_article_still_cost_only_that_article(tmp_path):
    # (more than the 8 control characters that make a file binary)
    path = tmp_path / "two.txt"
    path.write_text(_dump(1, "A line " + "\x00" * 50 + " and its end.") + _dump(2))
    docs, rejects = read_dumps(path, "r1")
    assert [d["url"] for d in docs] == ["https://a.example/2.html"]
    assert [(r["reason"], r["url"]) for r in rejects] == [
        ("binary_content", "https://a.example/1.html")]


def test_a_binary_file_and_a_one_article_dump_with_a_nul_are_refused_as_before(tmp_path):
    # near misses, on the start too: a file that does not begin with a dump's header is
    # binary whole; a one-article dump keeps its reason, detail and key
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00\x01" * 100)
    assert [(r["reason"], r["detail"]) for r in read_dumps(png, "r1")[1]] == [
        ("binary_content", "file contains NUL bytes: not text")]
    one = tmp_path / "one.txt"
    one.write_text(_dump(1, "A line \x00 with a NUL."))
    docs, rejects = read_dumps(one, "r1")
    assert docs == [] and [(r["reason"], r["detail"]) for r in rejects] == [
        ("binary_content", "file contains NUL bytes: not text")]
