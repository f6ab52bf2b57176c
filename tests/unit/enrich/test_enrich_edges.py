"""Enrich's bookkeeping and tie rules that reach the warehouse: which step failed (the
enrich_error column), one keyword corpus per batch, place order on ties, the speaker
rules and offsets of quotes, and the default language of place matching."""

from __future__ import annotations

from collections import Counter

import pytest

from tasks.enrich import annotate as enrich_mod
from tasks.enrich import gazetteer, keywords, ner, outlets
from tasks.enrich.quotes import MAX_QUOTE_CHARS, extract_quotes
from tests.unit.enrich.test_annotate import enrich_batch, make_articles, settings  # noqa: F401

TEXT = ("Poland and Germany agreed on Tuesday to build a new bridge over the Oder river, "
        "the ministers of both countries said in Warsaw after a meeting.")


def _boom(*args, **kwargs):
    raise ValueError("boom")


def test_a_failing_step_is_named_in_enrich_error_and_the_article_kept(settings,  # noqa: F811
                                                                      monkeypatch) -> None:
    monkeypatch.setattr(enrich_mod, "detect_language", _boom)
    monkeypatch.setattr(outlets, "lookup", _boom)
    result = enrich_batch(make_articles([TEXT]), settings, "r1")
    (row,) = result.table.to_pylist()
    assert row["enrich_error"] is not None
    assert "language: ValueError: boom" in row["enrich_error"]
    assert "source: ValueError: boom" in row["enrich_error"]
    assert row["places"] and "PL" in row["places"]  # the other steps still ran


def test_ner_errors_land_on_their_article(settings, monkeypatch) -> None:  # noqa: F811
    settings = settings.model_copy(update={"spacy_model": "fake-model"})
    class Fake:
        pipes = ("ner",)

    monkeypatch.setattr(ner, "load_ner", lambda name: Fake())
    monkeypatch.setattr(ner, "tag_batch", lambda m, texts, *a: (
        [None] * len(texts), [None, "ner: ValueError: too long"]))
    result = enrich_batch(make_articles([TEXT, TEXT + " Again."]), settings, "r1")
    errors = result.table.column("enrich_error").to_pylist()
    assert errors[0] is None
    assert "ner: ValueError: too long" in errors[1]
    assert "spaCy NER: model 'fake-model', pipes ['ner']" in result.notes


def test_keywords_are_computed_on_the_batch_as_one_corpus(settings,  # noqa: F811
                                                          monkeypatch) -> None:
    calls = []
    real = keywords.keywords_batch

    def spy(texts, langs, method, top_k):
        calls.append(len(texts))
        return real(texts, langs, method, top_k)

    monkeypatch.setattr(keywords, "keywords_batch", spy)
    enrich_batch(make_articles([TEXT, TEXT + " Berlin.", "Short text about Poland."]),
                 settings, "r1")
    assert calls == [3]


def test_places_tie_on_count_in_code_order() -> None:
    p = gazetteer.Places(counts=Counter({"PL": 2, "DE": 2, "UA": 3, "AT": 1}))
    assert p.codes() == ["UA", "DE", "PL", "AT"]


def test_place_matching_defaults_to_english() -> None:
    assert gazetteer.find_mentions(TEXT) == gazetteer.find_mentions(TEXT, "en")
    assert [m.term.iso2 for m in gazetteer.places_in(TEXT).mentions][:2] == ["PL", "DE"]


def test_quote_offsets_count_from_the_start_of_the_text() -> None:
    text = ('"First line of the speech was long enough here," Anna Nowak said.\n'
            '"Second one also long enough to count here," Anna Nowak said.')
    starts = [q.start for q in extract_quotes(text)]
    assert starts == [0, text.index('"Second')]


def test_an_overlong_quote_is_no_quote() -> None:
    long = " ".join(["word"] * (MAX_QUOTE_CHARS // 5 + 10))
    assert extract_quotes(f'"{long}," Anna Nowak said.') == []
    ok = " ".join(["word"] * 20)
    assert [q.speaker for q in extract_quotes(f'"{ok}," Anna Nowak said.')] == ["Anna Nowak"]


@pytest.mark.parametrize("speaker", ["The Mayor", "An Official", "A Spokesman"])
def test_a_described_speaker_is_the_last_named_one(speaker: str) -> None:
    text = ('"We will rebuild the bridge before the winter comes," Anna Nowak said. '
            f'"It will cost more than planned this year," {speaker} said.')
    assert [q.speaker for q in extract_quotes(text)] == ["Anna Nowak", "Anna Nowak"]


def test_german_adjective_stems_expand_to_their_inflections() -> None:
    # curated_de.tsv lists "~russisch" and the like: stems, not literal forms
    text = "Die russische Regierung und polnische Minister trafen sich."
    assert gazetteer.places_in(text, "de").codes() == ["PL", "RU"]


def test_a_failing_keyword_batch_is_retried_per_article(settings,  # noqa: F811
                                                      monkeypatch) -> None:
    real = keywords.keywords_batch

    def fails_on_the_poison(texts, langs, method, top_k):
        if any("POISON" in t for t in texts):
            raise ValueError("poison")
        return real(texts, langs, method, top_k)

    monkeypatch.setattr(keywords, "keywords_batch", fails_on_the_poison)
    result = enrich_batch(make_articles([TEXT, "POISON " + TEXT]), settings, "r1")
    good, bad = result.table.to_pylist()
    assert good["keywords"] and good["enrich_error"] is None
    assert bad["keywords"] == []
    assert bad["enrich_error"] == "keywords: ValueError: poison"


def test_a_run_of_glued_words_is_no_keyword(settings) -> None:  # noqa: F811
    """Fault round 11: words may hold hyphens and apostrophes, so "Warsaw-Warsaw-..."
    (20,000 of them: 140 KB) or a 100,000-letter token was one word, and the batch's
    keywords stored it whole (on main: a keyword of 139,999 characters, beside "warsaw")."""
    glued = "-".join(["Warsaw"] * 20_000)
    texts = [f"The bridge opened in Warsaw on Tuesday. {glued}",
             f"The bridge opened on Tuesday. {'x' * 100_000} was built.",
             "The bridge opened on Tuesday. " + "'".join(["Oder"] * 30_000)]
    rows = enrich_batch(make_articles(texts), settings, "r1").table.to_pylist()
    for row in rows:
        words = [w for k in row["keywords"] for w in k.split(" ")]
        assert max(map(len, words)) <= keywords.MAX_WORD_CHARS, [k[:80] for k in row["keywords"]]
        assert "bridge" in row["keywords"]
    # A long compound is still a word
    compound = "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz"
    assert compound.lower() in keywords.candidates(f"Das {compound} und das {compound}.", "de")


def test_an_article_of_no_letters_gets_no_language(settings) -> None:  # noqa: F811
    """Fault round 12: an article of emoji, digits and punctuation alone was given a
    language by enrich's detector (`sr`, `vo`); the column is nullable, and null is
    what a text in no language has. A letter-bearing article beside it is unchanged."""
    texts = ["😀🎉🔥 " * 300, "2024-05-01 | 12:00 | 3.5% | +4 | -2 | 1:0\n" * 20,
             "١٢٣٤٥ ٦٧٨٩٠ " * 40, TEXT * 3]
    rows = enrich_batch(make_articles(texts), settings, "r1").table.to_pylist()
    assert [(r["language"], r["language_score"]) for r in rows[:3]] == [(None, None)] * 3
    assert rows[3]["language"] == "en" and rows[3]["language_score"] > 0.5
    assert all(r["enrich_error"] is None for r in rows)


def test_keyword_candidates_leave_out_the_texts_own_stop_words() -> None:
    # seed 51: a German text drops German function words, which the English list lacks
    got = keywords.candidates("Die Brücke und die Fähre wurden über Nacht gesperrt.", "de")
    assert {"und", "die", "über"}.isdisjoint(got) and "brücke" in got
    assert "und" in keywords.candidates("Die Brücke und die Fähre.", "en")


def test_a_term_in_every_text_of_the_batch_weighs_its_frequency_alone() -> None:
    # seed 51: smoothed IDF, log((1 + n) / (1 + df)) + 1: in all 9 texts "council" has
    # IDF 1 and scores 1 + ln 25 = 4.22; "harbour", twice in one text, scores
    # (1 + ln 2)(1 + ln 5) = 4.42 and goes first (both are in the lead, boosted alike)
    first = "The harbour and the council. The harbour. " + "And the council. " * 24
    texts = [first] + ["It was the council that met today."] * 8
    assert keywords.tfidf_keywords(texts, ["en"] * 9)[0][:2] == ["harbour", "council"]


def test_a_word_in_the_lead_counts_double_not_more() -> None:
    # seed 52: the lead boost doubles a score (1 + LEAD_BOOST): "bridge", once in the
    # lead, scores 2; "ferry", five times after it, 1 + ln 5 = 2.61 and goes first (a
    # triple boost would put "bridge" first with 3)
    text = "The bridge." + " " * keywords.LEAD_CHARS + " Ferry." * 5
    assert keywords.tfidf_keywords([text], ["en"]) == [["ferry", "bridge"]]


# Fault round 28: words whose vowels are combining marks, and a ZWNJ inside a word.
HINDI = ("दिल्ली सरकार ने मंगलवार को घोषणा की कि अगले साल मेट्रो नेटवर्क का विस्तार किया "
         "जाएगा। मुख्यमंत्री ने कहा कि नई लाइनें शहर के पूर्व और पश्चिम को जोड़ेंगी।")
TAMIL = ("சென்னை மாநகராட்சி செவ்வாய்க்கிழமை அடுத்த ஆண்டு மெட்ரோ வலையமைப்பை "
         "விரிவுபடுத்துவதாக அறிவித்தது.")
ARABIC = "أَعْلَنَتْ بَلَدِيَّةُ القَاهِرَةِ يَوْمَ الثُّلَاثَاءِ تَوْسِيعَ شَبَكَةِ المِتْرُو."
PERSIAN = "شهردار گفت خط\u200cهای جدید شهر را به هم وصل می\u200cکنند."


@pytest.mark.parametrize(("text", "lang", "words"), [
    (HINDI, "hi", {"मंगलवार", "मेट्रो", "नेटवर्क", "दिल्ली", "सरकार", "पश्चिम"}),
    (TAMIL, "ta", {"சென்னை", "மாநகராட்சி", "மெட்ரோ"}),
    (ARABIC, "ar", {"بَلَدِيَّةُ", "القَاهِرَةِ", "المِتْرُو"}),
    (PERSIAN, "fa", {"خط\u200cهای", "می\u200cکنند"}),
])
def test_a_word_written_with_combining_vowel_signs_is_one_word(text, lang, words) -> None:
    """Fault round 28: Python's `\\w` holds no combining mark, and Indic scripts and
    vocalised Arabic write their vowels with them: "मंगलवार" was cut into "गलव", the
    keywords of a Hindi, Tamil or Bengali story were shards ("अगल", "गलव", "टवर"), and a
    Persian word was cut at its ZWNJ. Now the marks and joiners belong to the word."""
    found = set(keywords.candidates(text, lang))
    assert words <= found, sorted(found)
    assert not {"गलव", "टवर", "अगल", "الث", "الق"} & found


def test_words_without_marks_are_read_as_before() -> None:
    text = "The mayor's plan-B and the council’s 2024 budget_x a b7 é2 Oder-"
    assert keywords.candidates(text, "en") == Counter(
        {"mayor": 1, "plan-b": 1, "mayor plan-b": 1, "council": 1, "budget_x": 1, "oder": 1})


def test_the_mark_class_holds_every_combining_mark_of_the_bmp_and_nothing_else() -> None:
    # seed 61: _mark_ranges runs once when keywords is imported (where no mutant is
    # switched on): called here, its class is every Mn, Mc and Me character below U+10000
    import re
    import unicodedata

    from tasks.enrich.keywords import _mark_ranges

    marks = re.compile(f"[{_mark_ranges()}]")
    wrong = [hex(code) for code in range(0x10000)
             if bool(marks.fullmatch(chr(code)))
             != (unicodedata.category(chr(code)) in ("Mn", "Mc", "Me"))]
    assert wrong == []
