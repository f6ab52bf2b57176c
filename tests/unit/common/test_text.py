"""Shared text measures: language detection."""

from __future__ import annotations

from tasks.common.text import detect_language
from tests.unit.prose import ARTICLE, GERMAN


def test_detect_language_from_text_and_from_html_lang_for_short_text() -> None:
    lang, score = detect_language(GERMAN)
    assert lang == "de" and score > 0.9
    assert detect_language(ARTICLE)[0] == "en"
    assert detect_language("Kurz.", "de-AT") == ("de", None)
    assert detect_language("Kurz.") == (None, None)
