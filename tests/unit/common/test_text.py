"""Shared text measures: language detection; text a string column can hold."""

from __future__ import annotations

import os

import pytest

from tasks.common.text import (
    capped_text,
    detect_language,
    iso_letters_in_capitals,
    not_utf8_problem,
    storable_text,
    unescaped_bytes,
)
from tests.unit.prose import ARTICLE, GERMAN


def test_detect_language_from_text_and_from_html_lang_for_short_text() -> None:
    lang, score = detect_language(GERMAN)
    assert lang == "de" and score > 0.9
    assert detect_language(ARTICLE)[0] == "en"
    assert detect_language("Kurz.", "de-AT") == ("de", None)
    assert detect_language("Kurz.") == (None, None)


def test_storable_text_escapes_the_bytes_behind_lone_surrogates() -> None:
    """A file name or header byte that is no UTF-8 reaches Python as a lone surrogate
    (surrogateescape), which no Arrow string holds: it is written as its \\xNN byte, the
    rest of the text kept as it is."""
    import pyarrow as pa

    name = b"caf\xe9-\xc3\xa9t\xc3\xa9.warc".decode("utf-8", "surrogateescape")
    stored = storable_text(name)
    assert stored == "caf\\xe9-été.warc"
    pa.array([stored], pa.string())  # would raise on the surrogate
    assert storable_text("plain été") == "plain été" and storable_text(None) is None


def test_storable_text_escapes_a_surrogate_no_byte_stands_for() -> None:
    """Only U+DC80..U+DCFF stand for bytes; a text with another lone surrogate (a JSON
    escape "\\ud83d" without its pair) has each of its surrogates written as its code
    point."""
    assert storable_text("x\ud83dy\udce9") == "x\\ud83dy\\udce9"


# --- fault round 9: a comment after a URL, found in linear time --------------------------

def test_an_inline_comment_is_removed_as_the_regex_removed_it() -> None:
    import random
    import re

    from tasks.common.text import without_inline_comment

    regex = re.compile(r"\s+#.*$")
    rng = random.Random(9)
    for _ in range(50_000):
        line = "".join(rng.choice(["#", " ", "\t", "a", "/", "\u00a0", "\u3000"])
                       for _ in range(rng.randint(0, 10)))
        assert without_inline_comment(line) == regex.sub("", line), repr(line)
    assert without_inline_comment("https://a.example/x  # from the desk") == \
        "https://a.example/x"
    assert without_inline_comment("https://a.example/#top") == "https://a.example/#top"


def test_lines_padded_with_spaces_are_read_in_linear_time() -> None:
    """A URL list or text sitemap line padded with spaces (a fixed-width export): the
    regex `\\s+#.*$` scanned the run of spaces from each of its places, 1.3 s for 40,000
    spaces, minutes for a megabyte; both readers now take milliseconds. The deadline only
    turns a regression into a failure (a child process, killed at it)."""
    import subprocess
    import sys

    code = ("from tasks.discover.inputs import url_list_lines\n"
            "from tasks.discover.sitemaps import parse_sitemap\n"
            "raw = b'https://a.example/x' + b' ' * 2_000_000 + b'y\\nhttps://a.example/z\\n'\n"
            "lines = url_list_lines(raw)\n"
            "assert [why is None for _, _, why in lines] == [False, True], lines[1]\n"
            "r = parse_sitemap(raw, 'https://a.example/s.txt')\n"
            "assert [e.url for e in r.entries] == ['https://a.example/z'], r.entries\n")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=30)


LETTERLESS = {
    "emoji": "😀🎉🔥 " * 300,
    "digits": "1234 5678 90 " * 40,
    "punctuation": "!!! ??? ... --- *** " * 20,
    "a results table": "2024-05-01 | 12:00 | 3.5% | +4 | -2 | 1:0\n" * 20,
    "Arabic-Indic digits": "١٢٣٤٥ ٦٧٨٩٠ " * 40,
    "symbols": "★☆♥♦ → ← ✓ ✗ € $ £ " * 30,
    "spaces": "\u00a0\u2003 \t\n" * 100,
}


def test_a_text_with_no_letters_is_in_no_language() -> None:
    """Fault round 12: py3langid classifies any bytes, so a text of no letters got a
    language (a million emoji `sr`, Arabic-Indic digits `sdh` at 0.96, a results table
    `vo`), and a short one the page's <html lang>. It is in none: (None, None)."""
    for name, text in LETTERLESS.items():
        assert detect_language(text) == (None, None), name
        assert detect_language(text[:50], "de") == (None, None), name
    # one letter is enough to be read as before (by the page's lang when short)
    assert detect_language("12:0 Müller", "de") == ("de", None)
    assert detect_language(ARTICLE + " 😀" * 500)[0] == "en"


def test_a_text_over_its_cap_is_cut_at_a_space_with_an_ellipsis():
    assert capped_text(None, 10) is None
    assert capped_text("exactly ten", 11) == "exactly ten"  # at the cap: untouched
    title = "Council votes to rebuild the harbour wall " * 40
    cut = capped_text(title, 100)
    assert len(cut) <= 100 and cut.endswith("…")
    assert title.startswith(cut[:-1]) and cut[-2] != " " and title[len(cut) - 1] == " "
    # one long word: no space in the final fifth, so a hard cut
    assert capped_text("x" * 500, 100) == "x" * 99 + "…"


def test_the_cut_is_at_the_last_space_of_the_final_fifth_else_hard():
    # spaces at 84 and 94 (both in the final fifth of 100): the later one
    text = "a" * 84 + " " + "b" * 9 + " " + "c" * 50
    assert capped_text(text, 100) == "a" * 84 + " " + "b" * 9 + "…"
    # the only space at 70, before the final fifth (and within a sixth's reach): hard cut
    text = "a" * 70 + " " + "b" * 100
    assert capped_text(text, 100) == text[:99] + "…"
    # spaces only near the start: no cut back to the first word
    assert capped_text("word " + "x" * 200, 100) == "word " + "x" * 94 + "…"
    # a run of spaces before the cut is trimmed, not kept before the ellipsis
    text = "a" * 88 + "   " + "b" * 50
    assert capped_text(text, 100) == "a" * 88 + "…"


# Fault round 22: UTF-16 surrogates written into XML and JSON (tasks/common/surrogates.py).
def test_references_to_surrogates_are_the_pairs_character_or_a_replacement() -> None:
    from tasks.common.surrogates import surrogate_references_as_characters as fix

    assert fix(b"a &#55357;&#56832; b") == b"a &#x1F600; b"
    assert fix(b"&#xD83D;&#XDE00;&#x0d83d;") == b"&#x1F600;&#xFFFD;"
    assert fix(b"&#xDE00;&#xD83D;&#xDE00;") == b"&#xFFFD;&#x1F600;"  # a low half, a pair
    assert fix(b"&#xD83D; &#xDE00;") == b"&#xFFFD; &#xFFFD;"  # not adjacent: two halves
    # not surrogates: left as written
    for same in (b"&#55000; &#57344; &#xD7FF; &#xE000; &#x1F600; &amp; &#xD83D", b"plain"):
        assert fix(same) == same


def test_lone_surrogates_in_a_decoded_json_document_are_replacement_characters() -> None:
    import json

    from tasks.common.surrogates import json_may_hold_surrogates, without_lone_surrogates

    text = '{"a": ["x\\ud83d", {"b\\udc00": "\\ud83d\\ude00"}], "c": 1, "d": "\\ud800"}'
    assert json_may_hold_surrogates(text) and not json_may_hold_surrogates('{"a": "\\u00e9"}')
    assert without_lone_surrogates(json.loads(text)) == {
        "a": ["x\ufffd", {"b\ufffd": "\U0001F600"}], "c": 1, "d": "\ufffd"}
    deep = json.loads("[" * 900 + '"\\ud83d"' + "]" * 900)  # no recursion
    inner = without_lone_surrogates(deep)
    for _ in range(900):
        inner = inner[0]
    assert inner == "\ufffd"


# Mutation seed 57: the edges of the surrogate range and of a pair's halves.
@pytest.mark.parametrize(("written", "read"), [
    (b"&#xD800;", b"&#xFFFD;"), (b"&#55296;", b"&#xFFFD;"),  # the first high half
    (b"&#xDFFF;", b"&#xFFFD;"), (b"&#57343;", b"&#xFFFD;"),  # the last low half
    (b"&#xD800;&#xDC00;", b"&#x10000;"), (b"&#xDBFF;&#xDFFF;", b"&#x10FFFF;"),  # the ends
    (b"&#xD83D;&#xDC00;", b"&#x1F400;"),  # a low half of DC00 completes a pair
    (b"&#xDC00;&#xDC00;", b"&#xFFFD;&#xFFFD;"),  # a low half first is no pair's start
    (b"&#xDBFF;&#xDBFF;", b"&#xFFFD;&#xFFFD;"),  # nor is a high half second its end
    (b"&#55295;&#57344;", b"&#55295;&#57344;"),  # either side of the range: as written
])
def test_references_at_the_edges_of_the_surrogate_range(written, read) -> None:
    from tasks.common.surrogates import surrogate_references_as_characters

    assert surrogate_references_as_characters(written) == read


def test_a_repaired_key_keeps_its_place_among_its_objects_keys() -> None:
    import json

    from tasks.common.surrogates import without_lone_surrogates

    doc = without_lone_surrogates(json.loads('{"a": 1, "b\\ud83d": 2, "c": [{"d\\udc00": 3, '
                                             '"e": 4}]}'))
    assert list(doc) == ["a", "b\ufffd", "c"] and list(doc["c"][0]) == ["d\ufffd", "e"]


@pytest.mark.parametrize(("written", "read"), [
    ("2024-05-03t10:00:00z", "2024-05-03T10:00:00Z"),
    ("2024-05-03t10:00:00+02:00", "2024-05-03T10:00:00+02:00"),  # a t alone
    ("2024-05-03T10:00z", "2024-05-03T10:00Z"),  # a z alone
    ("2024-05-03T10:00:00Z", "2024-05-03T10:00:00Z"),
    ("Sat, 03 May 2024 10:00:00 GMT", "Sat, 03 May 2024 10:00:00 GMT"),
    ("the tz of 2024-05-03", "the tz of 2024-05-03"),  # letters that are no date's
])
def test_rfc3339s_lower_case_letters_are_written_in_capitals(written, read) -> None:
    # seed 61: round 27's helper was tested only through the feed, sitemap and page
    # readers, whose tests are not this module's
    assert iso_letters_in_capitals(written) == read


@pytest.mark.parametrize(("written", "ascii"), [
    ("٢٠٢٤-٠٥-٠٣T10:00:00+03:00", "2024-05-03T10:00:00+03:00"),  # Arabic-Indic
    ("۱۴۰۳/۰۲/۱۴", "1403/02/14"),  # Persian
    ("２０２４年５月３日", "2024年5月3日"),  # fullwidth
    ("२०२४-०५-०३", "2024-05-03"),  # Devanagari
    ("2024-05-03", "2024-05-03"), ("café ½ ²", "café ½ ²"),  # no decimal digit of another script
])
def test_other_scripts_digits_are_written_as_ascii_digits(written, ascii) -> None:
    # seed 62: ascii_digits was tested only through the date readers' tests
    from tasks.common.text import ascii_digits

    assert ascii_digits(written) == ascii


@pytest.mark.parametrize(("written", "gregorian"), [
    ("令和6年5月3日", "2024年5月3日"), ("令和元年5月1日", "2019年5月1日"),
    ("平成31年4月30日", "2019年4月30日"), ("昭和 64 年 1 月 7 日", "1989年 1 月 7 日"),
    ("令和6年と平成2年", "2024年と1990年"), ("2024年5月3日", "2024年5月3日"),
    ("令和6", "令和6"),
])
def test_a_japanese_era_year_is_written_as_its_gregorian_year(written, gregorian) -> None:
    from tasks.common.text import gregorian_era_years

    assert gregorian_era_years(written) == gregorian


# -- seed 64: CAPITALS, built when the module is imported (out of mutmut's reach) ----------
def test_a_character_class_writes_runs_as_ranges_and_the_rest_alone() -> None:
    from tasks.common.text import _class_of

    assert _class_of([]) == ""
    assert _class_of(["A"]) == "A"
    assert _class_of(["A", "B"]) == "A-B"
    assert _class_of(["A", "B", "C", "E", "G", "H"]) == "A-CEG-H"
    assert _class_of(["-", ".", "]"]) == r"\--\.\]"  # escaped, as a class needs them


def test_capitals_are_every_capital_letter_below_u2000_and_nothing_else() -> None:
    import re

    from tasks.common.text import CAPITALS, _class_of

    capitals = re.compile(f"[{CAPITALS}]")
    for code in range(0x2000):
        char = chr(code)
        assert bool(capitals.fullmatch(char)) is (char.isupper() and code >= 0x41), hex(code)
    for name in ("Šimon", "Željko", "Şule", "Ștefan", "Иван", "Ευάγγελος", "Արամ", "Ნინო"):
        assert capitals.match(name), name
    # built again here (mutmut switches its mutants on after the import)
    assert _class_of([chr(c) for c in range(0x41, 0x2000) if chr(c).isupper()]) == CAPITALS


# --- fault round 41: command-line text that is no UTF-8 (mutation seed 68) ---------------


def test_a_value_with_bytes_that_are_no_utf8_is_refused_in_a_sentence() -> None:
    """A latin-1 terminal hands "Zürich" over as "Z" + the lone surrogate of byte 0xFC:
    the sentence names the argument and shows the value with that byte as \\xfc, and
    says how to give it in UTF-8; text that is UTF-8, and no value, pass."""
    zurich = b"Z\xfcrich".decode("utf-8", "surrogateescape")
    assert not_utf8_problem("query", zurich) == (
        "query 'Z\\xfcrich' holds bytes that are no UTF-8 (each written \\xNN here): "
        "the terminal or script that gave it writes another encoding; give it in "
        "UTF-8 (a UTF-8 locale, e.g. LANG=C.UTF-8, or `iconv -t UTF-8`)")
    assert not_utf8_problem("query", "Zürich") is None
    assert not_utf8_problem("--outlet", None) is None


def test_a_long_value_is_shown_up_to_200_characters() -> None:
    """The value is shown as written with its escapes: whole up to 200 characters, past
    that its first 199 and an ellipsis."""
    byte = b"\xfc".decode("utf-8", "surrogateescape")  # shown as 4 characters, \\xfc

    def shown(problem: str) -> str:
        return problem.split("'", 2)[1]

    assert shown(not_utf8_problem("q", "Z" + byte + "a" * 195)) == "Z\\xfc" + "a" * 195
    assert shown(not_utf8_problem("q", "Z" + byte + "a" * 196)) == "Z\\xfc" + "a" * 194 + "…"


def test_escaped_bytes_are_the_surrogates_of_a_file_names_bytes_again() -> None:
    """`unescaped_bytes` undoes `storable_text` for the bytes 0x80..0xFF (either case of
    hex), so the OS gets the name's own bytes; an escape below 0x80 is a name's own
    backslash and x, kept."""
    name = b"/data/d\xe9p\x80\xff/a.txt".decode("utf-8", "surrogateescape")
    label = storable_text(name)
    assert label == "/data/d\\xe9p\\x80\\xff/a.txt"
    assert unescaped_bytes(label) == name
    assert os.fsencode(unescaped_bytes(label)) == b"/data/d\xe9p\x80\xff/a.txt"
    assert unescaped_bytes("d\\xE9p") == "d\udce9p"
    assert unescaped_bytes("a\\x41\\x7f") == "a\\x41\\x7f"
