"""Cleaning filters: too short and wrong language."""

from __future__ import annotations

from tasks.clean.filters import too_short, wrong_language
from tests.unit.prose import ARTICLE


def test_too_short_counts_words_against_min_words() -> None:
    assert too_short("Just a caption under a photo.", 50).reason == "too_short"
    assert too_short(ARTICLE, 50) is None
    assert too_short("one two three", 3) is None


def test_too_short_counts_chinese_and_japanese_by_characters() -> None:
    chinese = "国务院新闻办公室今天举行新闻发布会介绍疫情防控和经济社会发展情况。" * 4
    assert len(chinese.split()) == 1
    assert too_short(chinese, 50) is None
    assert too_short("国务院新闻办公室", 50).reason == "too_short"


# A Thai brief of about 70 words as Thai news writes it: a space ends a phrase, none
# stands between words (fault round 43).
THAI_BRIEF = (
    "นายกรัฐมนตรีเดินทางไปเยือนจังหวัดเชียงใหม่เมื่อวันจันทร์เพื่อติดตามสถานการณ์น้ำท่วม"
    "ที่ส่งผลกระทบต่อประชาชนหลายพันครัวเรือน โดยได้สั่งการให้หน่วยงานที่เกี่ยวข้องเร่งให้"
    "ความช่วยเหลือผู้ประสบภัยอย่างเร่งด่วน พร้อมทั้งจัดสรรงบประมาณฉุกเฉินเพื่อฟื้นฟูพื้นที่"
    "ที่ได้รับความเสียหาย ทั้งนี้กรมอุตุนิยมวิทยาคาดการณ์ว่าจะมีฝนตกหนักต่อเนื่องไปอีกหลายวัน")


def test_too_short_counts_thai_lao_khmer_and_myanmar_by_letters() -> None:
    from tasks.common.text import word_count

    assert len(THAI_BRIEF.split()) == 4
    assert 55 <= word_count(THAI_BRIEF) <= 80
    assert too_short(THAI_BRIEF, 25) is None
    assert too_short("ข่าวด่วน", 25).reason == "too_short"
    khmer = "រដ្ឋាភិបាលកម្ពុជាបានប្រកាសពីគោលនយោបាយសេដ្ឋកិច្ចថ្មីនៅថ្ងៃនេះ។"
    assert word_count(khmer) >= 10
    # Latin, Chinese and mixed texts are counted as before
    assert word_count("one two three") == 3
    assert word_count("国务院新闻办公室 today") == 5


def test_wrong_language_only_when_targets_are_set_and_language_known() -> None:
    assert wrong_language("de", ["en"], 0.99).reason == "wrong_language"
    assert wrong_language("de", ["de", "en"]) is None
    assert wrong_language("en", ["EN-gb"]) is None  # region and case ignored
    assert wrong_language("de", []) is None  # no target: any language
    assert wrong_language(None, ["en"]) is None  # unknown: keep


def test_wrong_language_without_a_score_says_so_plainly() -> None:
    from tasks.clean.filters import wrong_language

    v = wrong_language("de", ["en", "en-GB"])
    assert (v.reason, v.detail) == ("wrong_language", "de not in ['en']")
    assert wrong_language("DE", ["de-AT"]) is None
    assert wrong_language(None, ["en"]) is None and wrong_language("de", []) is None


def test_too_short_says_how_short_against_which_minimum() -> None:
    assert too_short("Just a caption under a photo.", 50).detail == "6 words < min_words=50"


def test_opted_out_names_every_signal_found_once_in_order() -> None:
    from tasks.clean.filters import opted_out

    signals = ["noai", "noimageai", "tdm-reservation"]
    v = opted_out(["tdm-reservation", "noai", "noarchive", "noai"], "skip", signals)
    assert (v.reason, v.detail) == ("opted_out", "the page says noai, tdm-reservation")
