"""Each language of dates._DAY_FIRST_LANGUAGES reads an ambiguous slashed date on the
page's own date line, day first. htmldate reads such a date day first too, so a language
dropped from the set still gave the right day on these pages (seed 83's survivor DF1): what
changes is where the day comes from, htmldate's guess over the whole page instead of the
line under the headline, so the source is what these tests pin."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.extract.dates import _DAY_FIRST_LANGUAGES

from .article_pages import article_page, metadata_of

STORY = "<p>Keputusan itu diumumkan setelah rapat panjang di balai kota.</p>" * 3


def dated_by(meta_line: str, lang: str):
    html = article_page(meta_line, headline="Pemerintah kota menyetujui jalur trem baru",
                        site="Example News", lang=lang, body=STORY, footer="© 2026 Example News")
    got = metadata_of(html, f"https://www.example.com/news/trem-{lang}-12")
    return got.published_date, got.published_at_source


@pytest.mark.parametrize("lang", sorted(_DAY_FIRST_LANGUAGES))
def test_a_day_first_language_reads_its_slashed_date_line_day_first(lang):
    assert dated_by('<div class="time">3/8/2025 20:10</div>', lang) == (date(2025, 8, 3),
                                                                        "headline")


def test_the_set_holds_the_languages_whose_press_writes_the_day_first():
    # the parametrised test above runs over the set itself: pin that the set still holds
    # the languages rounds 4, 14 and 15 added it for, so emptying it fails too
    pressed = {"fr", "es", "pt", "it", "nl", "pl", "ru", "tr", "vi", "id", "ms"}
    assert pressed <= _DAY_FIRST_LANGUAGES


def test_a_regional_form_of_a_day_first_language_reads_day_first_too():
    assert dated_by('<div class="time">3/8/2025 20:10</div>', "id-ID") == (date(2025, 8, 3),
                                                                          "headline")


def test_english_with_no_region_on_a_com_host_does_not_read_the_line_day_first():
    # near miss: nothing says the day comes first, so the line alone dates nothing and
    # the day, if any, is htmldate's guess, not the line's
    assert dated_by('<div class="time">3/8/2025 20:10</div>', "en")[1] != "headline"


def test_an_american_clock_on_an_english_page_reads_month_first():
    assert dated_by('<div class="time">3/8/2025 8:10 PM</div>', "en")[0] == date(2025, 3, 8)
