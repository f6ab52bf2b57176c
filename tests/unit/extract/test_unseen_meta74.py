"""Session 61, family Z's dates (`bench/bench_meta_generated.py --unseen Z`), which round 24
measured held out (0.808): month names no rule read. Catalan elides its "de" before a
month opening on a vowel ("3 d'octubre de 2026", "d’abril") and its "gener" and "juny"
share no stem with the Romance names read before; Albanian writes its months in lower case
("3 dhjetor 2026"); Malay has its own spellings beside Indonesian's ("3 Ogos 2026", "3
Disember 2026", "3 Mac 2026"). Each was no date. Near misses: words that open like the
new names ("generacions", "MacBooks", "Macintosh") and an elided article that
is no month stay no date; the months read before read the same. Each page goes through
`page_metadata` whole."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.extract.headline_area import parse_visible_date
from tests.unit.extract.article_pages import article_page, metadata_of

STORIES = {
    "ca": ("<p>Les xifres es revisaran el mes vinent i els veïns de la costa demanen una "
           "audiència pública abans de signar cap contracte.</p>") * 3,
    "sq": ("<p>Shifrat do të rishikohen muajin e ardhshëm dhe banorët e bregut kërkojnë "
           "një dëgjesë publike para nënshkrimit të çdo kontrate.</p>") * 3,
    "ms": ("<p>Pegawai berkata angka itu akan dikaji semula bulan depan dan penduduk "
           "pesisir meminta perbicaraan awam sebelum sebarang kontrak ditandatangani.</p>") * 3,
    "en": ("<p>Officials said the figures would be reviewed again next month, and residents "
           "along the shore asked for a public hearing before any contract.</p>") * 3,
}
URLS = {"ca": "https://www.diarideldelta.cat/news/00017.html",
        "sq": "https://www.gazetaebregut.al/news/00017.html",
        "ms": "https://www.wartapelabuhan.my/news/00017.html",
        "en": "https://www.quaysidecourier.com/news/00017.html"}


def published_day(date_line: str, lang: str) -> date | None:
    """The day read from a page with no meta tag and no JSON-LD whose only date is the
    visible `date_line` under the headline."""
    html = article_page(f'<p class="date">{date_line}</p>', headline="El port ajorna el "
                        "dragatge", site="Diari", lang=lang, body=STORIES[lang],
                        footer="© Diari")
    return metadata_of(html, URLS[lang]).published_date


@pytest.mark.parametrize("line, lang, day", [
    ("Dijous, 3 d'octubre de 2026 · 14:05", "ca", date(2026, 10, 3)),
    ("Divendres, 3 d’abril de 2026 · 09:10", "ca", date(2026, 4, 3)),  # typographic ’
    ("12 d'agost de 2025", "ca", date(2025, 8, 12)),
    ("Dimarts, 13 de gener de 2026 · 08:00", "ca", date(2026, 1, 13)),
    ("3 de juny de 2026", "ca", date(2026, 6, 3)),
    ("3 dhjetor 2026, 14:05", "sq", date(2026, 12, 3)),
    ("20 qershor 2025, 16:27", "sq", date(2025, 6, 20)),
    ("7 nëntor 2024", "sq", date(2024, 11, 7)),
    ("15 gusht 2026", "sq", date(2026, 8, 15)),
    ("Khamis, 3 Disember 2026 @ 2:05pm", "ms", date(2026, 12, 3)),
    ("Sabtu, 8 Ogos 2026 @ 10:40am", "ms", date(2026, 8, 8)),
    ("Jumaat, 21 Mac 2025 @ 3:10am", "ms", date(2025, 3, 21)),
])
def test_month_names_of_catalan_albanian_and_malay_are_read(line, lang, day):
    assert published_day(line, lang) == day


@pytest.mark.parametrize("line, lang, day", [
    # read before: Catalan's "de" months with a stem of their own, Indonesian spellings
    ("Dijous, 3 de desembre de 2026 · 14:05", "ca", date(2026, 12, 3)),
    ("9 de juliol de 2026", "ca", date(2026, 7, 9)),
    ("12 Jun 2026 @ 3:10am", "ms", date(2026, 6, 12)),
    ("3 mars 2026", "sq", date(2026, 3, 3)),
    ("3 d'ocubre de 2026", "ca", None),  # a misspelt month is no month
])
def test_near_misses_read_as_before(line, lang, day):
    assert published_day(line, lang) == day


@pytest.mark.parametrize("text", [
    "3 generacions 2026",  # "gener" only as the whole word
    "3 MacBooks 2024",  # "Mac" only as the whole word
    "3 Macintosh 2024",
    "3 d'autres 2024",  # an elided article before a word that is no month
    "3 junys 2026",
])
def test_words_opening_like_the_new_names_are_no_month(text):
    assert parse_visible_date(text) is None
