"""Mutation seed 74: the datelines of other scripts, the words of a later paragraph's
dateline and the agencies-alone test (tasks/enrich/wire.py), each case its mutants were
not asked."""

from __future__ import annotations

import pytest

from tasks.enrich.wire import (
    DASHED_DATELINE_CHARS,
    DATELINE_CHARS,
    _dateline_words,
    _only_agencies,
    dateline_credits,
)
from tests.unit.enrich.test_wire_intro import INTRO, ZH_INTRO

# test_wire_intro.py's intros are longer than the opening window: what follows them is
# read as a later paragraph only (`at_start`), never by the opening's scan of its first
# DATELINE_CHARS.
KO_INTRO = "시민들은 다음 달부터 이 변화를 느끼게 될 것이라고 시 당국이 화요일 밝혔다. " * 6


def after(intro: str, paragraph: str) -> str:
    assert len(intro) > DATELINE_CHARS
    return f"{intro}\n\n{paragraph}"


def test_the_central_news_agencys_dateline_in_ascii_brackets_opens_a_later_paragraph():
    # the Central News Agency's whole dateline in brackets, written with ASCII ones
    text = after(ZH_INTRO, "(中央社記者王小明台北5日電)行政院今天通過新的規定。")
    assert dateline_credits(text) == {"Central News Agency"}
    # the same words after a sentence of the paragraph: a source it cites
    assert dateline_credits(after(ZH_INTRO, "有报道说(中央社記者王小明台北5日電)行政院通過。")) \
        == set()


def test_an_agency_named_later_in_the_paragraph_does_not_hide_the_one_opening_it():
    # Xinhua comes before China News Service in the agencies' list: its span, not at the
    # paragraph's start, is passed over and the opening one still read
    text = after(ZH_INTRO, "中新社香港12月5日电 据新华社报道，特区政府今天公布了新的措施。")
    assert dateline_credits(text) == {"China News Service"}


def test_a_place_equals_agency_bracket_inside_a_later_paragraph_is_no_dateline():
    opening = after(KO_INTRO, "(서울=연합뉴스) 김철수 기자 = 정부는 오늘 새 규정을 발표했다.")
    assert dateline_credits(opening) == {"Yonhap"}
    inside = after(KO_INTRO, "정부 관계자는 (서울=연합뉴스) 기자에게 새 규정을 설명했다.")
    assert dateline_credits(inside) == set()


def test_slashes_in_a_later_paragraph_count_only_after_a_place_in_capitals():
    # a picture credit's slashes in a paragraph that opens with no place in capitals
    assert dateline_credits(after(INTRO, "Photo: Jane Doe /dpa/ shows the bridge.")) == set()
    assert dateline_credits(after(INTRO, "КИЕВ, 5 декабря /Укринформ/. Власти сообщили.")) \
        == {"Ukrinform"}


def test_slashes_in_a_later_paragraph_count_only_close_to_its_place():
    near = "MOSCOW, December 5. /TASS/. The council met on Tuesday."
    assert dateline_credits(after(INTRO, near)) == {"TASS"}
    far = ("MOSCOW, December 5. The council met on Tuesday, the mayor said, and the "
           "picture /TASS/ shows the hall.")
    assert far.index("/TASS/") > DASHED_DATELINE_CHARS
    assert dateline_credits(after(INTRO, far)) == set()


def test_the_openings_slashes_count_anywhere_in_its_window():
    # the opening's dateline may run past DASHED_DATELINE_CHARS before its credit
    text = ("PETROPAVLOVSK-KAMCHATSKY, December 5, 2024, 10:32 local time (01:32 Moscow "
            "time). /TASS/. The volcano erupted again.")
    assert DASHED_DATELINE_CHARS < text.index("/TASS/") < DATELINE_CHARS
    assert dateline_credits(text) == {"TASS"}
    # ... and from its very first character
    assert dateline_credits("/ТАСС/. Президент подписал указ.") == {"TASS"}


def test_only_agencies_names_agencies_and_nothing_else():
    assert _only_agencies("dpa/AFP")
    assert not _only_agencies("")
    assert not _only_agencies("Smoke rises")
    # a regional desk after the agency only where asked for (a later paragraph's bracket)
    assert not _only_agencies("dpa/lno")
    assert _only_agencies("dpa/lno", desks=True)


@pytest.mark.parametrize(("part", "date", "expected"), [
    ("Santa Cruz de Tenerife", False, True),  # four words
    ("Berlin", False, True),
    ("Smoke Rises Over The City", False, False),  # five
    ("Ciudad del Este", False, True),  # a particle of three letters
    ("Rio over Main", False, False),  # a word of four in lower case is no particle
    ("District 9", False, True),  # a number of one digit
    ("Smoke rises 5", False, False),  # a number makes no place a date
    ("said the minister", True, False),  # no number: no date
    ("Dec. 2", True, True),
    ("5 декабря", True, True),
])
def test_the_words_of_a_datelines_part(part, date, expected):
    assert _dateline_words(part, date=date) is expected
