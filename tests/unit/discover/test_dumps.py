"""Text-dump parsing and glued-paragraph repair."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from tasks.clean.text import clean_record, normalise_text, repair_glued_paragraphs
from tasks.discover.inputs import (
    DumpError,
    content_key,
    decode_dump,
    parse_dump,
    read_dump,
    read_dumps,
    split_dumps,
)

GLUED = re.compile(r"[a-z][.!?][\"\u201c]?[A-Z]")


def test_seed_dump_parses(seed_dump):
    dump = parse_dump(decode_dump(seed_dump.read_bytes()))
    assert dump.published == datetime(2024, 4, 4, tzinfo=UTC)
    assert dump.url.startswith("https://sputnikglobe.com/20240404/nato-establishes")
    assert dump.title == "NATO Establishes Joint Mission in Ukraine - Polish Foreign Minister"
    assert dump.body.startswith("NATO countries have established a joint mission")


def test_seed_paragraphs_are_repaired(seed_dump):
    body = parse_dump(decode_dump(seed_dump.read_bytes())).body
    assert GLUED.search(body)  # the raw seed really is glued
    paragraphs = repair_glued_paragraphs(body)
    assert len(paragraphs) >= 8
    assert not any(GLUED.search(p) for p in paragraphs)
    assert "Sikorski added that more Ukrainian troops will undergo training in Poland." in (
        paragraphs)
    assert any(p.startswith("Meanwhile, alliance's Secretary General") for p in paragraphs)
    assert any(p.startswith('"Fundamentally there are two possible scenarios') for p in
               paragraphs)
    assert any(p.endswith('said Sikorski.') for p in paragraphs)
    # Nothing is lost or reordered: the words are the same.
    assert "".join(paragraphs).replace(" ", "") == body.replace("\n", "").replace(" ", "")


@pytest.mark.parametrize(
    "text",
    [
        "Officials in the U.S. Senate said so.",
        "Growth was 3.5 percent last year, up from 2.9 percent.",
        "The story was first published on sputnikglobe.com and copied.",
        "The Lord of the Rings by J.R.R. Tolkien sold well.",
        "Chanel No.5 is a perfume.",
        "Mr.Smith and Dr.Jones met St.Peter at the gate.",
        "Read more at https://www.example.com/News/Story.Html today.",
        "Write to press.office@Example.Org for details.",
        "Shares of Amazon.Com rose.",
        "The event begins at 10 a.m. on Monday.",
    ],
)
def test_repair_spares_abbreviations_numbers_and_addresses(text):
    assert repair_glued_paragraphs(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in Poland.Meanwhile, the alliance met.",
         ["in Poland.", "Meanwhile, the alliance met."]),
        ('including Kiev\'s defeat."Fundamentally there are two," he said.',
         ["including Kiev's defeat.", '"Fundamentally there are two," he said.']),
        ('He said: "We agree."Then he left.', ['He said: "We agree."', "Then he left."]),
        ("Is it over?Nobody knows!Wait and see.", ["Is it over?", "Nobody knows!",
                                                    "Wait and see."]),
        ("Prices rose 5%.Analysts expect more.", ["Prices rose 5%.", "Analysts expect more."]),
        ("Line one.\nLine two.", ["Line one.", "Line two."]),
    ],
)
def test_repair_splits_glued_boundaries(text, expected):
    assert repair_glued_paragraphs(text) == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty_file"),
        (b"NATO title\nbody\n", "missing_header"),
        (b" date 2024-13-45 https://example.com/a\nTitle\nBody\n", "bad_date"),
        (b" date 2024-04-04 ftp://example.com/a\nTitle\nBody\n", "bad_url"),
        (b" date 2024-04-04 https://example.com/a\nTitle\n\n\n", "empty_body"),
        (b" date 2024-04-04 https://example.com/a\n", "missing_title"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary_content"),
        (" date 2024-04-04 https://example.com/a\nTitre\nCaf\xe9 cr\xe8me\n".encode("latin-1"),
         "bad_encoding"),
    ],
)
def test_malformed_dumps_are_rejected_with_a_reason(tmp_path, raw, reason):
    path = tmp_path / "dump.txt"
    path.write_bytes(raw)
    doc, reject = read_dump(path, "run-1")
    assert doc is None
    assert reject["reason"] == reason
    assert reject["stage"] == "discover" and reject["detail"]
    assert reject["input_key"].startswith("dump:")


def test_parse_dump_error_carries_reason():
    with pytest.raises(DumpError) as info:
        parse_dump("hello\nworld")
    assert info.value.reason == "missing_header"


def test_bom_and_crlf_are_accepted(tmp_path):
    path = tmp_path / "d.txt"
    path.write_bytes(b"\xef\xbb\xbf date 2024-04-04 https://example.com/a\r\nTitle\r\nBody.\r\n")
    doc, reject = read_dump(path, "r")
    assert reject is None and doc["hint_title"] == "Title" and doc["dump_text"] == "Body."


def test_normalise_text_unicode_and_whitespace():
    text = "Cafe\u0301  au\u00a0lait\u200b.\r\n\r\n\r\nSecond   para."
    assert normalise_text(text) == "Caf\u00e9 au lait.\n\nSecond para."


def test_clean_record_recomputes_hash_and_count():
    row = {"text": "One.Two words here", "source_kind": "dump", "title": " T\u200b ",
           "site_name": None, "description": None}
    out = clean_record(row)
    assert out["text"] == "One.\n\nTwo words here"
    assert out["word_count"] == 4 and out["title"] == "T"
    same = clean_record({**row, "text": "One.\n\nTwo  words here"})
    assert out["content_hash"] == same["content_hash"]


def test_word_count_of_a_chinese_article_counts_characters():
    text = "国务院新闻办公室今天举行新闻发布会。" * 4  # 68 Han characters, no spaces
    row = clean_record({"text": text, "source_kind": "url", "title": None, "site_name": None,
                        "description": None, "language": "zh"})
    # ~2 characters a word (+ the full stops between): not 1, so reading time and the
    # length filter stay sensible.
    assert 34 <= row["word_count"] <= 40


def test_only_the_first_8_kib_are_sniffed_for_nul_bytes():
    head = b" date 2024-04-04 https://example.com/a\nTitle\n"
    text = head + b"x" * (8192 - len(head))
    assert len(decode_dump(text + b"\x00 late")) == 8192 + 6  # past the window: kept
    with pytest.raises(DumpError) as info:
        decode_dump(text[:-2] + b"\x00x")  # (text after it: a NUL at the end is padding)
    assert info.value.reason == "binary_content"
    assert info.value.detail == "file contains NUL bytes: not text"


def test_a_dump_full_of_control_characters_says_how_many() -> None:
    head = b" date 2024-04-04 https://example.com/a\nTitle\n"
    with pytest.raises(DumpError) as info:
        decode_dump(head + b"Body \x01\x02\x03\x04\x05\x06\x07\x08\x0b text")
    assert info.value.reason == "binary_content"
    assert info.value.detail == "9 control characters in the first 8 KB"


def test_eight_control_characters_in_the_first_8_kib_are_text() -> None:
    head = b" date 2024-04-04 https://e.com/a\nTitle\nBody \x01\x02\x03\x04\x05\x06\x07\x08"
    text = head + b"x" * (8192 - len(head))
    assert decode_dump(text + b"\x0b late") == (text + b"\x0b late").decode()  # a 9th past


def test_a_dump_that_is_not_utf8_names_the_byte_and_what_follows() -> None:
    latin1 = " date 2024-04-04 https://e.com/a\nTitre\nCafé crème brûlée\n".encode("latin-1")
    at, eight = latin1.index(b"\xe9"), b"\xe9 cr\xe8me "
    with pytest.raises(DumpError) as info:
        decode_dump(latin1)
    assert info.value.reason == "bad_encoding"
    # and, since fault round 54, how to convert it
    assert info.value.detail == (f"not valid UTF-8 at byte {at}: {eight!r}; it reads as "
                                 "windows-1252 (or latin-1): convert it with `iconv -f "
                                 "WINDOWS-1252 -t UTF-8 FILE > FILE.utf8` and ingest that file")


# -- fault round 3 ------------------------------------------------------------------------

def test_a_file_of_several_dumps_gives_each_article(tmp_path):
    """Dumps concatenated into one file: the second article used to be read as the
    first one's body (its header, title and text glued on), and was lost."""
    path = tmp_path / "several.txt"
    path.write_bytes(b" date 2024-04-04 https://example.com/a1\r\nFirst\r\nBody one.\r\n"
                     b" date 2024-04-05 https://example.com/a2\r\nSecond\r\n\r\n"
                     b" date 2024-04-06 https://example.com/a3\r\nThird\r\nBody three.\r\n")
    docs, rejects = read_dumps(path, "run-1")
    assert [(d["url"], d["hint_title"], d["dump_text"]) for d in docs] == [
        ("https://example.com/a1", "First", "Body one."),
        ("https://example.com/a3", "Third", "Body three.")]
    # the empty one in the middle is rejected on its own, saying which it is
    [empty] = rejects
    assert empty["reason"] == "empty_body" and empty["detail"].startswith("article 2 of 3: ")
    assert empty["url"] == "https://example.com/a2" and empty["article_id"]  # which one
    keys = [d["input_key"] for d in docs] + [empty["input_key"]]
    assert len(set(keys)) == 3 and all(k.startswith("dump:") for k in keys)
    # a file of one article keeps the key it always had (re-runs skip it)
    one = tmp_path / "one.txt"
    one.write_bytes(b" date 2024-04-04 https://example.com/a1\nFirst\nBody one.\n")
    assert read_dump(one, "r")[0]["input_key"] == f"dump:{content_key(one.read_bytes())}"


def test_a_body_line_that_starts_with_date_is_no_new_article():
    text = " date 2024-04-04 https://example.com/a\nTitle\ndate 2024-04-04 was set.\nMore."
    assert split_dumps(text) == [text]


def test_a_header_with_the_date_glued_to_the_url_is_read():
    dump = parse_dump(" date 2024-04-04https://example.com/glued\nTitle\nBody.\n")
    assert (dump.url, dump.title, dump.published.day) == ("https://example.com/glued", "Title", 4)


def test_a_utf16_dump_with_its_bom_is_text(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes(" date 2024-04-04 https://example.com/z\nZürich\nCafé.\n".encode("utf-16"))
    doc, reject = read_dump(path, "r")
    assert reject is None and (doc["hint_title"], doc["dump_text"]) == ("Zürich", "Café.")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32"])
def test_a_dump_in_utf16_without_a_bom_or_in_utf32_is_text(tmp_path, codec):
    """Round 14: `binary_content` "file contains NUL bytes": the article lost."""
    path = tmp_path / "u16.txt"
    path.write_bytes(" date 2024-04-04 https://example.com/z\r\nZürich\r\nCafé.\r\n"
                     .encode(codec))
    doc, reject = read_dump(path, "r")
    assert reject is None and (doc["hint_title"], doc["dump_text"]) == ("Zürich", "Café.")


def test_control_characters_past_the_sniffed_head_do_not_reach_the_text():
    head = b" date 2024-04-04 https://example.com/a\nTitle\n"
    text = decode_dump(head + b"x" * 8192 + b" Late\x00\x00 NUL\x07 bytes.\x0bEnd.")
    out = clean_record({"text": parse_dump(text).body, "source_kind": "dump", "title": "T",
                        "site_name": None, "description": None})
    assert out["text"].endswith("x Late NUL bytes.\n\nEnd.")  # (a glued paragraph repaired)


@pytest.mark.parametrize("raw", [
    b" date 2024-04-04 https://example.com/a\rTitle\rBody.\r",              # old Mac line ends
    b" date\t2024-04-04\thttps://example.com/a\nTitle\nBody.\n",            # tabs between
    b"\n\n date 2024-04-04 https://example.com/a\r\n\r\nTitle\r\n\r\nBody.\r\n",  # blank lines
])
def test_round3_dump_line_ends_and_separators_already_handled(tmp_path, raw):
    path = tmp_path / "d.txt"
    path.write_bytes(raw)
    doc, reject = read_dump(path, "r")
    assert reject is None
    assert (doc["url"], doc["hint_title"], doc["dump_text"]) == (
        "https://example.com/a", "Title", "Body.")


def test_a_header_with_its_date_and_url_swapped_says_so(tmp_path):
    """` date https://... 2024-04-04` was `bad_date` "header date 'https://...' is not a
    valid YYYY-MM-DD" (fault round 7 left it): true, but it did not say what was wrong.
    The reject now says the fields are swapped, shows the header as it should read, and
    names the URL; a date that is simply wrong keeps its message."""
    path = tmp_path / "swapped.txt"
    path.write_bytes(b" date https://example.com/b.html 2024-04-04\nA title\nA body.\n")
    doc, reject = read_dump(path, "run-8")
    assert doc is None
    assert (reject["reason"], reject["url"]) == ("bad_date", "https://example.com/b.html")
    assert reject["detail"] == (
        "the header's date and URL are swapped: 'date https://example.com/b.html "
        "2024-04-04' should read ' date 2024-04-04 https://example.com/b.html'")
    with pytest.raises(DumpError) as info:
        parse_dump(" date 2024-13-04 https://example.com/b.html\nT\nbody")
    assert info.value.detail == "header date '2024-13-04' is not a valid YYYY-MM-DD"


# --- fault round 9: headers with what editors and `cat` leave before "date" -------------

_A = " date 2024-04-04 https://dumps.example/a.html\nTitle A\nBody of article A.\n"
_B = " date 2024-04-05 https://dumps.example/b.html\nTitle B\nBody of article B.\n"


@pytest.mark.parametrize(("name", "raw"), [
    # two files saved with a byte-order mark, joined by `cat`
    ("utf-8 BOMs", ("\ufeff" + _A + "\ufeff" + _B).encode()),
    ("utf-8 BOMs, CRLF", ("\ufeff" + _A + "\ufeff" + _B).replace("\n", "\r\n").encode()),
    ("utf-16 files", ("\ufeff" + _A).encode("utf-16-le") + ("\ufeff" + _B).encode("utf-16-le")),
    # a header indented by a tab, two spaces or a no-break space; in capitals
    ("tab", (_A + "\t" + _B.lstrip()).encode()),
    ("two spaces", (_A + " " + _B).encode()),
    ("no-break space", (_A + "\u00a0" + _B.lstrip()).encode()),
    ("capitals", (_A + _B.replace("date", "DATE")).encode()),
])
def test_a_second_header_with_a_bom_or_odd_indent_starts_its_own_article(tmp_path, name, raw):
    """Dumps joined into one file each keep their article (round 3), but a header that
    began with the byte-order mark of the file appended (or a tab, two spaces, a no-break
    space) was no header: the second article (header, title and body) was stored as the
    end of the first one's text, without a reject; in capitals it was split, then
    `missing_header`."""
    path = tmp_path / "joined.txt"
    path.write_bytes(raw)
    docs, rejects = read_dumps(path, "run-9")
    assert rejects == []
    assert [(d["url"], d["hint_title"], d["dump_text"]) for d in docs] == [
        ("https://dumps.example/a.html", "Title A", "Body of article A."),
        ("https://dumps.example/b.html", "Title B", "Body of article B.")], name


@pytest.mark.parametrize("lead", ["\t", "   ", "\u00a0", "\ufeff\ufeff "])
def test_a_first_header_with_an_odd_indent_is_read(tmp_path, lead):
    path = tmp_path / "one.txt"
    path.write_bytes((lead + _A.lstrip()).encode())
    [doc], rejects = read_dumps(path, "run-9")
    assert rejects == [] and doc["url"] == "https://dumps.example/a.html"


def test_a_body_line_that_mentions_a_date_and_a_url_is_still_body(tmp_path):
    path = tmp_path / "one.txt"
    body = ("Body of article A.\nThe date 2024-04-05 and https://dumps.example/b.html were "
            "named in court.\nSee date: 2024-04-05 https://dumps.example/c.html\n")
    path.write_bytes((_A.rsplit("\n", 2)[0] + "\n" + body).encode())
    [doc], rejects = read_dumps(path, "run-9")
    assert rejects == [] and doc["dump_text"] == body.strip()


def test_a_dump_header_url_with_invisible_edges_is_its_url() -> None:
    """Round 13: a zero-width space pasted after the header's URL was part of it."""
    dump = parse_dump(" date 2024-04-04 \u200bhttps://example.com/path.html\u200b\u2060\n"
                      "Title\nBody text.\n")
    assert dump.url == "https://example.com/path.html"


def test_a_dump_header_whose_host_holds_a_bidi_override_is_its_domains_url() -> None:
    """Round 45: the article was stored under the domain "news\u202e.example" (an outlet
    of its own, its URL shown reversed in `pressroom sql`)."""
    dump = parse_dump(" date 2024-04-04 https://news\u202e.example/path.html\nTitle\n"
                      "Body text.\n")
    assert dump.url == "https://news.example/path.html"


def test_a_dump_of_utf8_with_stray_windows_1252_bytes_is_read() -> None:
    """Round 13: one paragraph pasted from a Word document (\\x93quoted\\x94, caf\\xe9) in
    an otherwise UTF-8 dump cost the whole article a `bad_encoding` reject."""
    raw = (" date 2024-04-04 https://example.com/c.html\nZürich council\n"
           "The council said “no”.".encode() + b" Then \x93quoted\x94 at the caf\xe9.\n")
    dump = parse_dump(decode_dump(raw))
    assert dump.body == "The council said “no”. Then “quoted” at the café."
    latin1 = " date 2024-04-04 https://example.com/a\nTitre\nCafé crème\n".encode("latin-1")
    with pytest.raises(DumpError, match="not valid UTF-8"):
        decode_dump(latin1)  # nothing says it is UTF-8: refused, as round 3 chose


def test_a_next_header_glued_to_the_end_of_a_body_line_starts_an_article(tmp_path) -> None:
    """Round 13: a dump written without a final newline, then `cat`ed with the next: the
    second article (header, title, body) was stored as the end of the first one's text."""
    path = tmp_path / "two.txt"
    path.write_text(" date 2024-04-04 https://example.com/f.html\nTitle F\nBody f."
                    " date 2024-04-05 https://example.com/g.html\nTitle G\nBody g.\n",
                    encoding="utf-8")
    docs, rejects = read_dumps(path, "run-13")
    assert rejects == []
    assert [(d["url"], d["hint_title"], d["dump_text"]) for d in docs] == [
        ("https://example.com/f.html", "Title F", "Body f."),
        ("https://example.com/g.html", "Title G", "Body g.")]
    # a sentence that only mentions a date and an address is no header: no title follows
    path.write_text(" date 2024-04-04 https://example.com/f.html\nTitle F\n"
                    "See the archive date 2024-04-05 https://example.com/g.html\n",
                    encoding="utf-8")
    docs, rejects = read_dumps(path, "run-13")
    assert len(docs) == 1 and docs[0]["dump_text"].endswith("https://example.com/g.html")


def test_a_glued_header_then_a_blank_line_then_its_title_starts_an_article() -> None:
    """The title after a glued header is the next non-blank line: a dump that parts its
    title and paragraphs with blank lines is split as one without them."""
    text = (" date 2024-04-04 https://example.com/f.html\nTitle F\n\nBody f."
            " date 2024-04-05 https://example.com/g.html\n\nTitle G\n\nBody g.\n")
    parts = split_dumps(text)
    assert [(parse_dump(p).url, parse_dump(p).title, parse_dump(p).body) for p in parts] == [
        ("https://example.com/f.html", "Title F", "Body f."),
        ("https://example.com/g.html", "Title G", "Body g.")]


def test_a_glued_header_is_unglued_by_the_title_right_after_it_even_with_no_body() -> None:
    """The line right after the glued header is its title: the next article ends the
    first one's body there, though it has no body of its own (its reject is parse_dump's
    `empty_body`), rather than being stored as the end of the first one's text."""
    text = (" date 2024-04-04 https://example.com/f.html\nTitle F\nBody f."
            " date 2024-04-05 https://example.com/g.html\nTitle G\n")
    first, second = split_dumps(text)
    assert parse_dump(first).body == "Body f."
    assert second == " date 2024-04-05 https://example.com/g.html\nTitle G\n"
    with pytest.raises(DumpError, match="no body"):
        parse_dump(second)


def test_only_body_lines_are_unglued_not_the_title_line() -> None:
    """A header shape at the end of the title line is part of the title: cut off, the
    article would have a title and no body, and the rest no title, two `empty_body`
    rejects for one readable article."""
    header = " date 2024-04-04 https://example.com/f.html\n"
    # the title is the first line after the header that parse_dump takes for it: right
    # after the header, after a blank line, or after a copy of the header
    for between, end in (("", "\n"), ("\n", "\n"), ("\n" + header, "\n"),
                         (header + "\n", "\n"), ("", "")):
        text = (header + between +
                "Archive date 2024-04-05 https://example.com/g.html\nBody f." + end)
        assert split_dumps(text) == [text], repr(between + end)
        dump = parse_dump(text)
        assert (dump.title, dump.body) == (
            "Archive date 2024-04-05 https://example.com/g.html", "Body f.")


def test_a_header_line_written_twice_is_one_article(tmp_path) -> None:
    """Round 13: the first copy was an article of its own, a `missing_title` reject."""
    path = tmp_path / "twice.txt"
    path.write_text(" date 2024-04-04 https://example.com/a.html\n"
                    "date 2024-04-04 https://example.com/a.html\nTitle A\nBody of a.\n",
                    encoding="utf-8")
    docs, rejects = read_dumps(path, "run-13")
    assert rejects == [] and [d["hint_title"] for d in docs] == ["Title A"]


def test_a_repeated_header_stays_in_the_file_of_several_dumps() -> None:
    """The copy of a header is not lost from the text, only not an article of its own."""
    text = (" date 2024-04-04 https://example.com/a.html\n date 2024-04-04 "
            "https://example.com/a.html\nTitle A\nBody a.\n"
            " date 2024-04-05 https://example.com/b.html\nTitle B\nBody b.\n")
    parts = split_dumps(text)
    assert "\n".join(parts) == text and len(parts) == 2
    assert [parse_dump(p).title for p in parts] == ["Title A", "Title B"]


@pytest.mark.parametrize("header", [
    " date 2024-04-04 https://example.com/a.html Council backs the budget",
    "date 2024-04-04\thttps://example.com/a.html   Council backs the budget  ",
    "\ufeff date 2024-04-04 https://example.com/a.html Council backs the budget",
])
def test_a_title_on_the_header_line_is_the_title(header: str) -> None:
    """Round 14 (round 13's known item): "date 2024-04-04 URL Title" was
    `missing_header`: the article lost. A URL holds no space: the title is what follows
    the first one after the address; the body starts on the next line (the title written
    there too is no paragraph)."""
    for text in (f"{header}\nBody line one.\nBody line two.\n",
                 f"{header}\n\nCouncil backs the budget\nBody line one.\nBody line two.\n"):
        dump = parse_dump(text)
        assert (dump.url, dump.title, dump.body) == (
            "https://example.com/a.html", "Council backs the budget",
            "Body line one.\nBody line two.")


@pytest.mark.parametrize("rest", ["story.html", "b/c.html", "?q=1", "#part", "x=1&y=2 More"])
def test_what_may_be_the_rest_of_a_url_on_the_header_line_is_refused_saying_so(rest):
    """A raw space in the address ("https://example.com/my story.html") cannot be told
    from a title there: read as one, the article would be stored under another address.
    Still `missing_header`, the detail naming what follows the URL and both readings."""
    with pytest.raises(DumpError) as info:
        parse_dump(f" date 2024-04-04 https://example.com/my {rest}\nTitle\nBody.\n")
    assert info.value.reason == "missing_header"
    assert repr(rest) in info.value.detail and "%20" in info.value.detail


def test_dumps_whose_headers_hold_their_titles_are_split_at_each_header(tmp_path) -> None:
    """A file of such dumps (`cat`) is split at each titled header; where the first
    header holds no title, such a line is a sentence of the body (spared, as before)."""
    path = tmp_path / "titled.txt"
    path.write_text(" date 2024-04-04 https://example.com/a.html Title A\nBody of a.\n"
                    " date 2024-04-05 https://example.com/b.html Title B\nBody of b.\n",
                    encoding="utf-8")
    docs, rejects = read_dumps(path, "run-14")
    assert rejects == []
    assert [(d["url"], d["hint_title"]) for d in docs] == [
        ("https://example.com/a.html", "Title A"), ("https://example.com/b.html", "Title B")]
    plain = (" date 2024-04-04 https://example.com/a.html\nTitle A\n"
             "date 2024-04-05 https://example.com/b.html was the day it began.\n")
    assert split_dumps(plain) == [plain]


@pytest.mark.parametrize(("raw", "text"), [
    # one UTF-8 letter beside two stray windows-1252 quotes, one pair of them side by side
    (b"caf\xc3\xa9 \x93q\x94 \x93\x94", "café “q” “”"),
    # a BOM is no text; a byte cp1252 leaves undefined stays that code point
    (b"\xef\xbb\xbfcaf\xc3\xa9 \x93q\x94 \x81", "café “q” \x81"),
    # U+0080 written in UTF-8 is a character beyond ASCII
    (b"\xc2\x80 \x93", "\x80 “"),
    # no UTF-8 beyond ASCII (DEL is ASCII): no way to tell the encoding
    (b"\x7f \x93q\x94", None),
    (b"caf\xe9", None),
])
def test_utf8_with_stray_windows_1252_bytes_reads_only_utf8_text(raw, text) -> None:
    from tasks.discover.inputs import _utf8_with_stray_cp1252

    assert _utf8_with_stray_cp1252(raw) == text


def test_a_titled_header_is_looked_for_only_where_date_opens_the_line(monkeypatch) -> None:
    """split_dumps asks of every line whether it is a titled header: the regex is tried
    only where "date" is among a line's first 40 characters (a header's lead is spaces)."""
    from tasks.discover import inputs

    titled = "date 2024-04-04 https://example.com/a Title"
    assert inputs._is_titled_header(" " * 36 + titled)
    assert not inputs._is_titled_header(" " * 37 + titled)  # its "date" past the 40th

    class Unused:
        def match(self, line):
            raise AssertionError(f"the titled-header regex ran over {line!r}")

    monkeypatch.setattr(inputs, "_TITLED_HEADER", Unused())
    assert not inputs._is_titled_header("The council met on Tuesday. 2024-04-04 https://e.x/a b")


def test_a_header_compares_without_the_space_and_bom_around_it() -> None:
    from tasks.discover.inputs import _header_text

    assert _header_text(" \ufeff URL: https://x.example/X \n") == "URL: https://x.example/X"


def test_a_header_glued_to_the_first_body_line_of_a_titled_header_starts_an_article() -> None:
    """Round 14 reads a title on the header line; then the next line is the body's first,
    and a header glued to its end (round 13) starts the next article there too."""
    text = ("date 2024-05-01 https://s.example/a Harbour bridge reopens\n"
            "The bridge reopened on Thursday. date 2024-05-02 https://s.example/b\n"
            "Ferry strike ends\nThe strike ended on Friday.\n")
    parts = [parse_dump(p) for p in split_dumps(text)]
    assert [(d.url, d.title, d.body) for d in parts] == [
        ("https://s.example/a", "Harbour bridge reopens", "The bridge reopened on Thursday."),
        ("https://s.example/b", "Ferry strike ends", "The strike ended on Friday.")]


# Round 20: a later header whose date is written otherwise than YYYY-MM-DD.
BODY20 = "The council met on Tuesday and debated the budget for the harbour at length.\n"


def test_a_later_header_with_an_unpadded_date_starts_its_article(tmp_path) -> None:
    """strptime reads the first header's "2024-5-3"; a later header written so was no
    header to the split: the second article (header, title, body) stored as the end of
    the first one's text, without a reject."""
    path = tmp_path / "two.txt"
    path.write_text(" date 2024-05-01 https://d.example/one\nOne\n\n" + BODY20
                    + "\n date 2024-5-3 https://d.example/two\nTwo\n\n" + BODY20)
    docs, rejects = read_dumps(path, "r")
    assert rejects == []
    assert [(d["url"], d["hint_published_at"]) for d in docs] == [
        ("https://d.example/one", datetime(2024, 5, 1, tzinfo=UTC)),
        ("https://d.example/two", datetime(2024, 5, 3, tzinfo=UTC))]
    assert all("d.example/two" not in d["dump_text"] for d in docs)
    # the same date first in a file, and with the title on the header line
    assert parse_dump(" date 2024-5-3 https://d.example/t Two\n" + BODY20).title == "Two"


@pytest.mark.parametrize("date", ["2024/05/03", "03.05.2024"])
def test_a_later_header_with_a_date_of_another_form_is_its_own_reject(tmp_path, date) -> None:
    """Before: the article glued into the one before it. Now a `bad_date` reject naming
    its URL, as the same header first in a file is; the first article whole. (An ISO
    date-time, `2024-05-03T10:00Z`, was one of these forms; since round 27 it is read:
    `test_a_dump_header_dated_with_an_iso_date_time_is_read`.)"""
    path = tmp_path / "two.txt"
    path.write_text(" date 2024-05-01 https://d.example/one\nOne\n\n" + BODY20
                    + f"\n date {date} https://d.example/two\nTwo\n\n" + BODY20)
    docs, rejects = read_dumps(path, "r")
    assert [d["url"] for d in docs] == ["https://d.example/one"]
    assert docs[0]["dump_text"] == BODY20.strip()
    assert [(r["reason"], r["url"]) for r in rejects] == [("bad_date", "https://d.example/two")]
    assert f"header date {date!r} is not a valid YYYY-MM-DD" in rejects[0]["detail"]


def test_a_body_line_that_merely_starts_with_date_stays_text() -> None:
    text = (" date 2024-05-01 https://d.example/one\nOne\n\n" + BODY20
            + "date 2024 was set for the vote, see https://d.example/x\n"
            + "date 5/3 https://d.example/y and more words\n")
    assert len(split_dumps(text)) == 1


@pytest.mark.parametrize("date, day", [("2024-5-3", 3), ("2024-05-3", 3), ("2024-5-03", 3)])
def test_a_header_with_an_unpadded_date_glued_to_a_body_line_starts_its_article(
        tmp_path, date, day) -> None:
    """Fault round 21 (round 20's known item): the newline before a later header lost
    (a file without one at its end, then `cat`ed) and its date unpadded. Before: the
    glued header stayed body text, and the next article (header, title, body) was stored
    as the end of the first one's text, without a reject."""
    path = tmp_path / "two.txt"
    path.write_text(" date 2024-05-01 https://d.example/one\nOne\n\n" + BODY20.strip()
                    + f" date {date} https://d.example/two\nTwo\n\n" + BODY20)
    docs, rejects = read_dumps(path, "r")
    assert rejects == []
    assert [(d["url"], d["hint_published_at"]) for d in docs] == [
        ("https://d.example/one", datetime(2024, 5, 1, tzinfo=UTC)),
        ("https://d.example/two", datetime(2024, 5, day, tzinfo=UTC))]
    assert docs[0]["dump_text"] == BODY20.strip()


def test_a_sentence_ending_in_another_dates_form_and_an_address_stays_text() -> None:
    """Only the ISO order is a glued header: "Save the date 03.05.2024 https://..." at
    the end of a body line is the sentence it reads as."""
    text = (" date 2024-05-01 https://d.example/one\nOne\n\n" + BODY20.strip()
            + " Save the date 03.05.2024 https://d.example/fair\nMore of the story.\n")
    (only,) = split_dumps(text)
    assert "Save the date 03.05.2024 https://d.example/fair" in parse_dump(only).body


def test_a_dump_followed_by_nul_padding_is_its_text(tmp_path):
    """Fault round 22: a dump whose file ends in zeroed blocks (a machine stopped before
    the file's size was written: ext4's delayed allocation, XFS; or a copy padded to its
    block size by `dd conv=sync`). Before: `binary_content` "file contains NUL bytes",
    the article lost."""
    body = ("The council met on Tuesday and debated the budget for the harbour at length. "
            "Members asked how the new quay would be paid for, and the treasurer said the "
            "city would borrow half of it over twenty years at a fixed rate.")
    path = tmp_path / "padded.txt"
    path.write_bytes(f" date 2024-05-01 https://dumps.example/one\nOne\n\n{body}\n".encode()
                     + b"\x00" * 4096)
    docs, rejects = read_dumps(path, "r22")
    assert rejects == []
    assert [(d["url"], d["hint_title"], d["dump_text"]) for d in docs] == [
        ("https://dumps.example/one", "One", body)]


def test_a_file_of_nul_bytes_alone_says_so():
    with pytest.raises(DumpError) as info:
        decode_dump(b"\x00" * 4096)
    assert (info.value.reason, info.value.detail) == (
        "binary_content", "the file holds 4096 NUL bytes and no text (zeroed blocks: its "
        "text never reached the disk)")


@pytest.mark.parametrize("end", ["\u2028", "\u2029", "\u2029\u2029", "\x85"])
def test_a_dump_whose_lines_end_in_unicode_separators_is_read(tmp_path, end):
    """Fault round 23 (round 22's known item): a dump written by JavaScript or exported
    from InDesign, its lines ended by U+2028 (line separator) or U+2029 (paragraph
    separator) alone. Before: the whole file one line, `empty_body`, the article lost.
    Two articles so written are two, as with LF line ends."""
    first = "The council met on Tuesday.", "The harbour budget was debated at length."
    second = "Members asked how the quay would be paid for."
    path = tmp_path / "separated.txt"
    path.write_text(end.join([" date 2024-05-01 https://dumps.example/one", "One", "",
                              *first, " date 2024-05-02 https://dumps.example/two", "Two",
                              second, ""]), encoding="utf-8")
    docs, rejects = read_dumps(path, "r23")
    assert rejects == []
    assert [(d["url"], d["hint_title"], d["dump_text"]) for d in docs] == [
        ("https://dumps.example/one", "One", "\n".join(first)),
        ("https://dumps.example/two", "Two", second)]


def test_a_line_separator_inside_a_paragraph_of_lf_lines_stays():
    """A soft line break inside a paragraph of a file of LF lines is no line end there."""
    for soft in ("\u2028", "\x85"):
        text = decode_dump(f" date 2024-05-01 https://dumps.example/one\nOne\n\nA line{soft}"
                           "broken softly.\n".encode())
        assert parse_dump(text).body == f"A line{soft}broken softly.", repr(soft)


# Mutation seed 57: decode_dump's NUL padding, the cases its mutants were not asked.
def test_nul_padding_is_stripped_and_nothing_else() -> None:
    # the text's last letter (a capital X here) is no padding
    assert decode_dump(b"The speech of Malcolm X" + b"\x00" * 512) == "The speech of Malcolm X"


def test_a_file_of_blank_lines_and_nul_padding_counts_the_nuls_alone() -> None:
    with pytest.raises(DumpError) as info:
        decode_dump(b" \n\n" + b"\x00" * 100)
    assert (info.value.reason, info.value.detail) == (
        "binary_content", "the file holds 100 NUL bytes and no text (zeroed blocks: its "
        "text never reached the disk)")


def test_a_dump_header_dated_with_an_iso_date_time_is_read(tmp_path):
    """Fault round 27: an exporter that writes every date as an instant
    (`date 2024-04-04T10:00:00Z https://...`). Before: `bad_date` "header date
    '2024-04-04T10:00:00Z' is not a valid YYYY-MM-DD", each article lost (a file of
    several was already split at such headers). Now its instant in UTC; an hour that is
    no hour is still `bad_date`."""
    path = tmp_path / "timed.txt"
    path.write_bytes(b" date 2024-04-04T10:00:00Z https://example.com/t1\nFirst\nBody one.\n"
                     b" date 2024-04-05t12:30+02:00 https://example.com/t2\nSecond\nTwo.\n"
                     b" date 2024-04-06T25:00 https://example.com/t3\nThird\nThree.\n")
    docs, rejects = read_dumps(path, "run-1")
    assert [(d["url"], d["hint_published_at"]) for d in docs] == [
        ("https://example.com/t1", datetime(2024, 4, 4, 10, tzinfo=UTC)),
        ("https://example.com/t2", datetime(2024, 4, 5, 10, 30, tzinfo=UTC))]
    assert [(r["reason"], r["url"]) for r in rejects] == [("bad_date", "https://example.com/t3")]


def test_a_dump_header_with_its_time_after_a_space_is_read(tmp_path):
    """Fault round 28 (round 27's known item): the day and the time apart, as `date` and
    SQL write an instant (`date 2024-04-04 10:00 https://...`). Before: three fields where
    the format has two, `missing_header` "first line is not ' date YYYY-MM-DD URL'", the
    article lost; a second header so written in a file of several was no header, its
    article stored as the end of the first one's text. Now the instant, in UTC (no zone
    is UTC); an hour that is no hour is still `bad_date`."""
    path = tmp_path / "spaced.txt"
    path.write_bytes(b" date 2024-04-04 10:00 https://example.com/s1\nFirst\nBody one.\n"
                     b" date 2024-04-05 9:30:15 +02:00 https://example.com/s2\nSecond\nTwo.\n"
                     b" date 2024-04-06 23:00 UTC https://example.com/s3\nThird\nThree.\n"
                     b" date 2024-04-07 25:00 https://example.com/s4\nFourth\nFour.\n")
    docs, rejects = read_dumps(path, "run-1")
    assert [(d["url"], d["hint_published_at"], d["hint_title"]) for d in docs] == [
        ("https://example.com/s1", datetime(2024, 4, 4, 10, tzinfo=UTC), "First"),
        ("https://example.com/s2", datetime(2024, 4, 5, 7, 30, 15, tzinfo=UTC), "Second"),
        ("https://example.com/s3", datetime(2024, 4, 6, 23, tzinfo=UTC), "Third")]
    assert [(r["reason"], r["url"]) for r in rejects] == [("bad_date", "https://example.com/s4")]


def test_a_dump_header_time_in_gmt_is_utc(tmp_path):
    # seed 61: GMT after the time is UTC, as UTC is (only "UTC" was asked)
    path = tmp_path / "gmt.txt"
    path.write_bytes(b" date 2024-04-05 9:30 GMT https://example.com/g1\nFirst\nBody.\n"
                     b" date 2024-04-06 18:45 gmt https://example.com/g2\nSecond\nTwo.\n")
    docs, rejects = read_dumps(path, "run-1")
    assert [(d["url"], d["hint_published_at"]) for d in docs] == [
        ("https://example.com/g1", datetime(2024, 4, 5, 9, 30, tzinfo=UTC)),
        ("https://example.com/g2", datetime(2024, 4, 6, 18, 45, tzinfo=UTC))]
    assert rejects == []


@pytest.mark.parametrize("zone", ["XYZ+5", "XYZ-5"])  # POSIX: 5 hours west, 5 hours east
@pytest.mark.parametrize("header", ["2024-04-04T10:00:00", "2024-04-04 10:00"])
def test_a_dump_header_time_without_a_zone_is_utc_whatever_the_machines_zone(
        monkeypatch, zone, header):
    # seed 61: a time written without a zone is UTC, not the machine's wall clock, and the
    # date is given in UTC (the docstring's promise, whatever zone the machine is in)
    import time

    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        dump = parse_dump(f" date {header} https://example.com/a\nTitle\nBody.\n")
    finally:
        monkeypatch.undo()
        time.tzset()
    assert dump.published == datetime(2024, 4, 4, 10, tzinfo=UTC)
    assert dump.published.utcoffset().total_seconds() == 0


def test_a_dump_with_no_title_line_is_a_reject_naming_its_url(tmp_path) -> None:
    # seed 66: the header was read, so the reject says which article lost its title
    path = tmp_path / "no-title.txt"
    path.write_bytes(b" date 2024-04-04 https://example.com/untitled\n")
    doc, reject = read_dump(path, "r")
    assert doc is None
    assert (reject["reason"], reject["url"]) == ("missing_title", "https://example.com/untitled")
    with pytest.raises(DumpError) as info:
        parse_dump(" date 2024-04-04 https://example.com/untitled\n")
    assert (info.value.reason, info.value.url) == (
        "missing_title", "https://example.com/untitled")


@pytest.mark.parametrize("pack, words", [
    # a zip is an archive of files, not one compressed file: still refused, with its tool
    (lambda b: _zipped(b), "a zip file, not text: decompress it (unzip)"),
    # compressed twice (`gzip` of a .gz): the outer layer is read, the inner one is told
    (lambda b: __import__("gzip").compress(__import__("bz2").compress(b)),
     "a bzip2-compressed file, not text: decompress it (bunzip2)"),
])
def test_a_packed_dump_or_list_no_reader_opens_says_how_it_is_packed(
        tmp_path, pack, words) -> None:
    """Round 45: a dump or a URL list packed under its old name was `binary_content` "file
    contains NUL bytes: not text", the packing unsaid. gzip, bzip2, xz and zstd files are
    read since session 52 (test_packed_inputs.py); a zip, or a file compressed twice,
    still says what it is."""
    from tasks.discover.inputs import read_url_list

    dump = tmp_path / "story.txt"
    dump.write_bytes(pack(b" date 2024-04-04 https://example.com/a\nTitle\nBody text.\n"))
    _, [reject] = read_dumps(dump, "run-45")
    assert reject["reason"] == "binary_content"
    assert reject["detail"].startswith(words)
    listed = tmp_path / "list.urls"
    listed.write_bytes(pack(b"https://example.com/a\nhttps://example.com/b\n"))
    docs, [reject] = read_url_list(listed, "run-45")
    assert docs == [] and reject["reason"] == "binary_content"
    assert reject["detail"].startswith(words)


def _zipped(data: bytes) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("story.txt", data)
    return out.getvalue()
