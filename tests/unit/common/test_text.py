"""Shared text measures: language detection; text a string column can hold."""

from __future__ import annotations

from tasks.common.text import detect_language, storable_text
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
