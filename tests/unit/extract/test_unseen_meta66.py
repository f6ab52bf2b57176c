"""Session 59, round 18: family T of `bench/bench_meta_generated.py --unseen` (publication
days in the scripts, digits and calendars of Chinese, Japanese, Korean, Thai, Arabic,
Hindi, Bengali, Ukrainian, Bulgarian, Serbian, Lithuanian, Latvian and Hebrew sites, the
story's visible line its only day), held out, then tuned on. The misses T showed on the
branch's start, each fixed in a general way: Arabic-Indic, Devanagari and Bengali digits
not read as digits; Egyptian and Levantine Arabic, Hindi, Bengali and Hebrew month names
unknown; Bulgarian and Serbian Cyrillic months unknown; the Baltic year-first forms
("2026 m. lapkričio 7 d.", "2026. gada 7. novembrī"); a Thai Buddhist-era year of two
digits ("7 พ.ย. 69").
Near-misses that must keep their reading sit beside each. Each page goes through
`page_metadata` whole."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.extract.article_pages import article_page, metadata_of

STORY = "<p>Officials said the figures would be reviewed again next month.</p>" * 3
SEVENTH = date(2026, 11, 7)


def day_of(line: str, lang: str) -> date | None:
    """The publication day of a page whose only date is `line` in a <span class="date">
    under the headline (no meta tag, no JSON-LD, no day in the URL)."""
    html = article_page(f'<span class="date">{line}</span>', headline="Harbor plan stalls",
                        site="Example", lang=lang, body=STORY, footer="Example")
    return metadata_of(html, "https://www.example.com/news/104729.html").published_date


# --- digits of other scripts ------------------------------------------------------------

@pytest.mark.parametrize(("line", "lang"), [
    ("السبت، ٧ نوفمبر ٢٠٢٦ ١٠:١١ ص", "ar"),  # Egyptian months, Arabic-Indic digits
    ("٧ تشرين الثاني ٢٠٢٦ | 10:11", "ar"),  # Levantine months (two words), the same digits
    ("७ नवंबर २०२६, १०:११", "hi"),  # Devanagari digits
    ("প্রকাশ: ৭ নভেম্বর ২০২৬, ১০:১১", "bn"),  # Bengali digits
])
def test_a_day_in_another_scripts_digits_is_read(line, lang):
    assert day_of(line, lang) == SEVENTH


# --- month names htmldate does not read ------------------------------------------------

@pytest.mark.parametrize(("line", "lang"), [
    ("7 نوفمبر 2026 - 10:11", "ar"),
    ("7 تشرين الثاني 2026 | 10:11", "ar"),  # November; "تشرين الأول" is October
    ("प्रकाशित: 07 नवंबर 2026, 10:11 AM (IST)", "hi"),
    ("פורסם: 7 בנובמבר 2026, 10:11", "he"),  # "in November"
    ("07 ноември 2026 | 10:11", "bg"),
    ("7. новембра 2026. 10:11", "sr"),  # Serbian Cyrillic, genitive
])
def test_a_month_name_of_these_languages_is_read(line, lang):
    assert day_of(line, lang) == SEVENTH


def test_the_levantine_october_is_not_november():
    assert day_of("7 تشرين الأول 2026 | 10:11", "ar") == date(2026, 10, 7)


# --- the Baltic year-first forms ----------------------------------------------------

@pytest.mark.parametrize(("line", "lang"), [
    ("2026 m. lapkričio 7 d. 10:11", "lt"),
    ("Publicēts: 2026. gada 7. novembrī 10:11", "lv"),
])
def test_a_baltic_year_first_date_is_read(line, lang):
    assert day_of(line, lang) == SEVENTH


# --- a Thai Buddhist-era year of two digits ----------------------------------------

def test_a_thai_two_digit_buddhist_year_is_read():
    assert day_of("ส. 7 พ.ย. 69 10:11", "th") == SEVENTH  # 2569 BE is 2026


# --- near misses: what must keep its reading ------------------------------------------

def test_a_thai_four_digit_buddhist_year_still_reads():
    assert day_of("7 พฤศจิกายน 2569 เวลา 10:11 น.", "th") == SEVENTH


def test_a_thai_day_and_month_with_a_clock_and_no_year_is_no_date():
    assert day_of("7 พ.ย. 10:11 น.", "th") is None  # "10" is the hour, not a year


def test_an_arabic_day_and_month_without_a_year_is_no_date():
    assert day_of("٧ نوفمبر", "ar") is None


def test_a_persian_solar_year_is_no_gregorian_year():
    # 1405 is no Gregorian year: 16 Aban 1405 is the Solar Hijri day, 7 November 2026
    # (round 20 reads the month's name; before it, the line was no date at all)
    assert day_of("۱۶ آبان ۱۴۰۵", "fa") == SEVENTH


def test_a_latvian_year_without_a_day_is_no_date():
    assert day_of("2026. gada budžets", "lv") is None


def test_the_russian_genitive_still_reads():
    assert day_of("7 ноября 2026, 10:11", "ru") == SEVENTH


def test_the_ukrainian_genitive_still_reads():
    assert day_of("7 листопада 2026, 10:11", "uk") == SEVENTH


# --- authors: the Hebrew "מאת" (by) ------------------------------------------------------

def authors_of(credit: str) -> list[str]:
    """The authors of a Hebrew page whose credit is `credit` in a <p class="author">."""
    html = article_page(f'<p class="author">{credit}</p>'
                        '<span class="date">פורסם: 7 בנובמבר 2026, 10:11</span>',
                        headline="תוכנית חפירת הנמל נעצרה", site="Example", lang="he",
                        body=STORY, footer="Example")
    return metadata_of(html, "https://www.example.co.il/news/104729.html").authors


def test_the_hebrew_by_is_a_label_before_the_name():
    assert authors_of("מאת יוסי כהן") == ["יוסי כהן"]


def test_a_hebrew_name_alone_stays():
    assert authors_of("יוסי כהן") == ["יוסי כהן"]


def test_a_hebrew_word_that_opens_with_the_label_is_no_label():
    assert authors_of("מאתיים כהן") == ["מאתיים כהן"]  # "two hundred": no "by" in it


# --- authors: a Chinese paper's "记者" (reporter) line --------------------------------------

def chinese_authors(line: str, body_end: str = "") -> list[str]:
    """The authors of a Chinese page whose line `line` is a <p class="source"> under the
    headline, and `body_end` after the story."""
    html = article_page(f'<p class="source">{line}</p>'
                        '<span class="date">2026年11月07日 10:11</span>',
                        headline="港口疏浚计划因成本上升而搁置", site="Example", lang="zh",
                        body=STORY, footer="Example", body_end=body_end)
    return metadata_of(html, "https://www.example.cn/news/104729.html").authors


@pytest.mark.parametrize(("line", "names"), [
    ("记者 张伟 李娜", ["张伟", "李娜"]),
    ("本报记者：张伟、李娜", ["张伟", "李娜"]),
    ("记者 刘洋", ["刘洋"]),
])
def test_the_chinese_reporters_line_names_them(line, names):
    assert chinese_authors(line, "<p>（责任编辑：王芳）</p>") == names


def test_a_press_conference_is_no_reporters_line():
    assert chinese_authors("记者会上宣布新计划") == []  # "记者会": a press conference


def test_the_desk_editor_alone_is_no_author():
    assert chinese_authors("来源：华东日报", "<p>（责任编辑：王芳）</p>") == []
