"""Shared text measures: language detection."""

from __future__ import annotations

from tasks.common.text import detect_language

ARTICLE = "\n\n".join([
    "The harbour bridge reopened to traffic on Thursday after two years of repairs that "
    "cost the city more than 40 million euros, officials said at a ceremony on the quay.",
    "Engineers replaced the steel cables, resurfaced the deck and installed new sensors "
    "that measure the strain on the structure every few seconds, the city said.",
    "Local businesses on both banks welcomed the reopening, saying the closure had cut the "
    "number of customers crossing from the old town by almost a third.",
])
TEASERS = "\n".join(
    f"Headline number {i} about the council\n12 May 2024" for i in range(8)
)
GERMAN = (
    "Die Bundesregierung hat am Mittwoch neue Maßnahmen gegen die steigenden Energiepreise "
    "beschlossen. Die Entlastungen sollen vor allem Familien mit kleinen Einkommen helfen, "
    "sagte der Minister nach der Sitzung des Kabinetts in Berlin."
)




def test_detect_language_from_text_and_from_html_lang_for_short_text() -> None:
    lang, score = detect_language(GERMAN)
    assert lang == "de" and score > 0.9
    assert detect_language(ARTICLE)[0] == "en"
    assert detect_language("Kurz.", "de-AT") == ("de", None)
    assert detect_language("Kurz.") == (None, None)
