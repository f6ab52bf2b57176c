"""HTML pages keep the zero-width joiners their scripts spell with (fault round 28's known
item): Persian's ZWNJ, a Hindi half form's ZWJ, an emoji family's ZWJs. trafilatura
dropped them as unprintable; the clean stage still drops the stray ones."""

from __future__ import annotations

from trafilatura import utils as trafilatura_utils

from tasks import clean, extract
from tasks.extract import joiners
from tasks.extract.pages import extract_html
from tests.unit.extract.test_pages import CLEAN, EXTRACT, FETCHED, docs_table

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
PERSIAN = ("شهرداری تهران اعلام کرد که شبکه\u200cی مترو را در سال آینده گسترش می\u200cدهد. "
           "شهردار گفت خط\u200cهای جدید شرق و غرب شهر را به هم وصل می\u200cکنند و "
           f"ایستگاه\u200cهای تازه در همه\u200cی محله\u200cها ساخته می\u200cشوند {FAMILY}.")
HINDI = ("दिल्ली मेट्रो के नए स्टेशन हर ज़िले में बनेंगे और किराया नहीं बढ़ेगा, "
         "मुख्यमंत्री ने कहा कि नई लाइनें शहर को जोड़ेंगी और यह क्‍ष तस्‍वीर बदलेगी।")
URL = "https://news.example/2024/05/metro.html"


def _page(lang: str, paragraph: str, title: str = "مترو") -> str:
    body = "".join(f"<p>{paragraph}</p>" for _ in range(4))
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}'
            f"</title></head><body><article><h1>{title}</h1>{body}</article></body></html>")


def test_a_persian_page_keeps_its_zwnjs_and_an_emoji_family_its_zwjs() -> None:
    x = extract_html(_page("fa", PERSIAN), URL, fetched_at=FETCHED)
    assert "می\u200cدهد" in x.text and "خط\u200cهای" in x.text and FAMILY in x.text
    assert "میدهد" not in x.text


def test_a_hindi_half_form_keeps_its_zwj() -> None:
    x = extract_html(_page("hi", HINDI), URL, fetched_at=FETCHED)
    assert "क्\u200dष" in x.text and "तस्\u200dवीर" in x.text


def test_the_article_keeps_them_and_clean_drops_the_stray_ones() -> None:
    latin = ("The council met on Tuesday and voted for the new metro line through the "
             "old town, which opens next spring after two years of build\u200cing work. ")
    docs = docs_table([
        {"input_key": "fa", "url": URL, "source_kind": "url",
         "body": _page("fa", PERSIAN).encode()},
        {"input_key": "en", "url": "https://news.example/en.html", "source_kind": "url",
         "body": _page("en", latin * 2).encode()},
    ])
    rows = {r["input_key"]: r for r in
            clean.run(extract.run(docs, EXTRACT, "r").table, CLEAN, "r").table.to_pylist()}
    assert "می\u200cدهد" in rows["fa"]["text"] and FAMILY in rows["fa"]["text"]
    assert "building work" in rows["en"]["text"] and "\u200c" not in rows["en"]["text"]


def test_a_title_keeps_its_scripts_joiners_and_loses_the_stray_ones() -> None:
    persian = "گسترش خط‌های مترو"
    docs = docs_table([
        {"input_key": "fa", "url": URL, "source_kind": "url",
         "body": _page("fa", PERSIAN, persian).encode()},
        {"input_key": "en", "url": "https://news.example/en.html", "source_kind": "url",
         "body": _page("en", PERSIAN, "Metro line re\u200copens").encode()},
    ])
    rows = {r["input_key"]: r for r in
            clean.run(extract.run(docs, EXTRACT, "r").table, CLEAN, "r").table.to_pylist()}
    assert rows["fa"]["title"] == persian and rows["en"]["title"] == "Metro line reopens"


def test_installing_clears_lines_trafilatura_read_before(monkeypatch) -> None:
    # a process that read a line before the filter was in place must not serve it from
    # trafilatura's line cache without its joiners
    monkeypatch.setattr(joiners, "_installed", False)
    monkeypatch.setattr(trafilatura_utils, "return_printables_and_spaces", _original_filter())
    trafilatura_utils.line_processing.cache_clear()
    assert trafilatura_utils.line_processing("می\u200cدهد و") == "میدهد و"
    assert joiners.ensure_kept() is True and joiners.ensure_kept() is True
    assert trafilatura_utils.line_processing("می\u200cدهد و") == "می\u200cدهد و"
    assert trafilatura_utils.return_printables_and_spaces("\x07") == ""  # others as before


def _original_filter():
    def printables_and_spaces(char: str) -> str:
        return char if char.isprintable() or char.isspace() else ""
    return printables_and_spaces


def test_a_trafilatura_without_the_filter_is_left_as_it_is(monkeypatch) -> None:
    monkeypatch.setattr(joiners, "_installed", False)
    monkeypatch.delattr(trafilatura_utils, "return_printables_and_spaces")
    assert joiners.ensure_kept() is False
    assert not hasattr(trafilatura_utils, "return_printables_and_spaces")


def test_a_process_reading_many_pages_installs_the_filter_once(monkeypatch) -> None:
    # seed 62: extract_html asks on every page; wrapped again each time, the filter was
    # one call deeper per page read, and past Python's recursion limit every line failed
    monkeypatch.setattr(joiners, "_installed", False)
    monkeypatch.setattr(trafilatura_utils, "return_printables_and_spaces", _original_filter())
    for _ in range(3000):
        assert joiners.ensure_kept() is True
    assert trafilatura_utils.return_printables_and_spaces("a") == "a"
    assert trafilatura_utils.return_printables_and_spaces("\x07") == ""
    assert trafilatura_utils.return_printables_and_spaces("\u200d") == "\u200d"


def test_a_trafilatura_without_the_line_cache_still_keeps_the_joiners(monkeypatch) -> None:
    # a release that reads lines without lru_cache, or has no line_processing at all
    for cache in ("plain function", "absent"):
        monkeypatch.setattr(joiners, "_installed", False)
        monkeypatch.setattr(trafilatura_utils, "return_printables_and_spaces",
                            _original_filter())
        if cache == "absent":
            monkeypatch.delattr(trafilatura_utils, "line_processing")
        else:
            monkeypatch.setattr(trafilatura_utils, "line_processing", lambda line: line)
        assert joiners.ensure_kept() is True
        assert trafilatura_utils.return_printables_and_spaces("\u200c") == "\u200c"


def test_a_trafilatura_whose_filter_is_no_function_is_left_as_it_is(monkeypatch) -> None:
    monkeypatch.setattr(joiners, "_installed", False)
    monkeypatch.setattr(trafilatura_utils, "return_printables_and_spaces", "not callable")
    assert joiners.ensure_kept() is False
    assert trafilatura_utils.return_printables_and_spaces == "not callable"


def test_a_title_keeps_a_hindi_half_forms_zwj_and_an_emoji_familys() -> None:
    # seed 63: the title's invisible marks are the soft hyphen, ZWSP, WJ and BOM; ZWJ too
    # was dropped before round 28
    title = f"मेट्रो की नई तस्\u200dवीर {FAMILY}"
    x = extract_html(_page("hi", HINDI, title), URL, fetched_at=FETCHED)
    assert x.meta.title == title
