"""Seed 84 (session 59): the hand mutants of metadata rounds 18–19's byline rules that the
rounds' own tests left alive: the simplified Chinese "本报" and the traditional "記者"
before a name (the tests wrote the other forms), a Chinese credit's names after its label
listed in one byline field (not only on the reporters' line under the headline), "记者"
followed by a word that is no name, the Egyptian "el-" in the name pattern's own reading,
and initials without stops before a name (no name in capitals)."""

from __future__ import annotations

import pytest
from lxml import html

from tasks.extract.bylines import clean_authors, without_cjk_labels
from tasks.extract.headline_area import _element_byline, _without_cased_words_after_capitals
from tests.unit.extract.article_pages import article_page, metadata_of
from tests.unit.extract.test_unseen_meta67 import DATED, HEADLINE, STORY, URL, credit_authors


@pytest.mark.parametrize(("entry", "name"), [
    ("本报记者张静", "张静"),  # our paper's reporter, simplified
    ("本報記者王小明", "王小明"),  # traditional
    ("記者王小明", "王小明"),
    ("文在寅", "文在寅"),  # the near miss: "文" a family name, no colon after it
])
def test_a_cjk_label_glued_before_the_name_goes(entry, name):
    assert without_cjk_labels(entry) == name


def test_a_chinese_credits_names_after_its_label_are_two_people():
    # one byline field (a meta tag's, a JSON-LD author's) holding the whole credit
    assert clean_authors("本报记者 张静 刘丽娟", set()) == ["张静", "刘丽娟"]
    # the near miss: a Japanese name's own space, no label before it
    assert clean_authors("山田 太郎", set()) == ["山田 太郎"]


def test_a_press_conference_is_no_reporters_line():
    # "记者招待会" (a press conference) opens with "记者" with no separator after it
    assert _element_byline(html.fromstring("<p>记者招待会</p>")) is None
    assert _element_byline(html.fromstring("<p>记者 张伟 李娜</p>")) == "张伟, 李娜"


def test_an_egyptian_el_particle_is_read_as_al_is():
    assert credit_authors("By María Okonkwo-Hart and Pieter el-Rashid") == [
        "María Okonkwo-Hart", "Pieter el-Rashid"]


def test_initials_without_stops_are_no_name_in_capitals():
    # "T J" are one-letter initials: nothing after them is cut as an agency
    assert _without_cased_words_after_capitals("T J Holmes") == "T J Holmes"
    assert _without_cased_words_after_capitals("JANE DOE Associated") == "JANE DOE"


def related_story_authors(aside_paragraph: str) -> list[str]:
    """The authors of a Japanese page with no credit whose related-stories box after the
    story holds `aside_paragraph`."""
    html = article_page(DATED, headline=HEADLINE["ja"], site="Example", lang="ja",
                        body=STORY["ja"], footer="© 2026 Example",
                        aside=f'<aside class="related-articles"><h2>関連記事</h2>'
                              f"<p>{aside_paragraph}</p></aside>")
    return metadata_of(html, URL).authors


def test_a_related_storys_bracketed_dateline_names_no_one_here():
    # the teaser's reporter wrote the other story; this page names no one
    assert related_story_authors("【北京＝佐藤花子】中国政府は3日、新たな方針を発表した。") == []
