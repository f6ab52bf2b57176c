"""Wire datelines after a local intro: a dateline opening one of the text's first
paragraphs, past the opening window (tasks/enrich/wire.py `_later_paragraph_datelines`)."""

from __future__ import annotations

import pytest

from tasks.enrich.wire import (
    DATELINE_CHARS,
    LATER_DATELINE_CHARS,
    LATER_DATELINE_PARAGRAPHS,
    dateline_credits,
    wire_credits,
)

# A regional site's own intro: two paragraphs, together longer than the opening window,
# so that whatever follows them is read only as a later paragraph.
INTRO = ("Residents of Springfield will feel the change from next month, the county "
         "said on Tuesday, as the new rates reach the first households.\n\n"
         "The county's finance office expects most families to pay about twelve "
         "dollars more a month, a spokeswoman said in a statement.")
BODY = " The minister said the talks would go on." * 6
ZH_INTRO = "本市居民下个月起将感受到这一变化，市政府周二表示。" * 10
ZH_BODY = "国务院今天发布了新的规定，要求各地加快推进有关工作。" * 4


def after_intro(paragraph: str, intro: str = INTRO) -> str:
    return f"{intro}\n\n{paragraph}"


def test_the_intro_is_past_the_opening_window():
    # (else these tests would pass on the opening window alone)
    assert len(INTRO) > DATELINE_CHARS and len(ZH_INTRO) > DATELINE_CHARS


@pytest.mark.parametrize("dateline, credited", [
    ("WASHINGTON, Dec 2 (Reuters) - The Federal Reserve", {"Reuters"}),
    ("WASHINGTON, Dec. 2 (Reuters) - The Federal Reserve", {"Reuters"}),
    ("KYIV, Ukraine (AP) — Russian forces shelled", {"AP"}),
    ("ST. LOUIS (AP) — A jury found", {"AP"}),
    ("New Delhi [India], June 3 (ANI): The government", {"ANI"}),
    ("Berlin (dpa) - Die Bundesregierung", {"dpa"}),
    ("Frankfurt am Main (dpa) - Die Börse", {"dpa"}),
    ("Hamburg (dpa/lno) – Der Senat", {"dpa"}),  # dpa's regional desk
    ("Berlin (dpa/AFP) - Die Bundesregierung", {"dpa", "AFP"}),
    ("Ciudad de México, 3 jun (EFE).- El presidente", {"EFE"}),
    ("MADRID, 3 Jun. (EUROPA PRESS) - El Gobierno", {"Europa Press"}),
    ("SEOUL, Dec. 2 (Yonhap) -- North Korea", {"Yonhap"}),
    ("КИЇВ (Укрінформ) - Уряд", {"Ukrinform"}),
    ("(Reuters) - The Federal Reserve", {"Reuters"}),  # the place left in another element
])
def test_a_dateline_after_a_local_intro_credits_its_agency(dateline, credited):
    text = after_intro(dateline + BODY)
    assert dateline_credits(text) == credited
    assert wire_credits(text, None) == sorted(credited)


@pytest.mark.parametrize("dateline, credited", [
    ("新华社北京12月5日电（记者 王晓）", {"Xinhua"}),
    ("（中央社記者王小明台北5日電）", {"Central News Agency"}),
    ("【ワシントン共同】", {"Kyodo"}),
    ("【パリAFP時事】", {"AFP", "Jiji"}),
    ("(서울=연합뉴스) 김철수 기자 = ", {"Yonhap"}),
    ("（北京＝共同）", {"Kyodo"}),
])
def test_a_cjk_dateline_after_a_local_intro_credits_its_agency(dateline, credited):
    assert dateline_credits(after_intro(dateline + ZH_BODY, ZH_INTRO)) == credited


@pytest.mark.parametrize("dateline, credited", [
    ("МОСКВА, 5 декабря. /ТАСС/. Президент", {"TASS"}),
    ("КИЕВ, 5 декабря /Укринформ/. Правительство", {"Ukrinform"}),
    ("МОСКВА, 5 дек — РИА Новости. Президент", {"RIA Novosti"}),
])
def test_a_russian_dateline_after_a_local_intro_credits_its_agency(dateline, credited):
    assert dateline_credits(after_intro(dateline + BODY)) == credited


def test_a_headline_line_and_two_intro_paragraphs_before_the_dateline():
    # the dateline opens the LATER_DATELINE_PARAGRAPHS-th paragraph: still read
    paragraphs = ["Fed raises rates again", *INTRO.split("\n\n")]
    assert len(paragraphs) == LATER_DATELINE_PARAGRAPHS - 1
    text = "\n\n".join([*paragraphs, "WASHINGTON (Reuters) - The Fed" + BODY])
    assert dateline_credits(text) == {"Reuters"}
    # paragraphs separated by one line break are paragraphs too
    assert dateline_credits(text.replace("\n\n", "\n")) == {"Reuters"}


def test_a_dateline_past_the_paragraph_bound_is_not_read():
    paragraphs = ["Fed raises rates again", *INTRO.split("\n\n"), "A short note."]
    assert len(paragraphs) == LATER_DATELINE_PARAGRAPHS
    text = "\n\n".join([*paragraphs, "WASHINGTON (Reuters) - The Fed" + BODY])
    assert dateline_credits(text) == set()


def test_a_dateline_starting_past_the_character_bound_is_not_read():
    long_intro = "Residents of Springfield will feel the change, the county said. " * 30
    # the dateline's paragraph starts 20 characters past the bound
    past = long_intro[:LATER_DATELINE_CHARS + 18]
    assert dateline_credits(after_intro("BERLIN (dpa) - Die" + BODY, past)) == set()
    # the same paragraph starting just inside the bound is read
    inside = long_intro[:LATER_DATELINE_CHARS - 10]
    assert dateline_credits(after_intro("BERLIN (dpa) - Die" + BODY, inside)) == {"dpa"}


@pytest.mark.parametrize("paragraph", [
    "(AP Photo/Evan Vucci) - President Biden speaks in the Rose Garden.",
    "Smoke rises over Gaza City (Reuters) - file photo from October.",
    "(Reuters graphic) - How the rates rose since 2022.",
    "BERLIN (Reuters graphic) - How the rates rose since 2022.",
    "FILE - In this photo (AP) — the president waves.",
    "Berlin (AFP/file) - Eine Demonstration im Oktober.",
    "UPDATE: BERLIN (dpa) - Die Regierung hat entschieden.",  # a label, not a place
    "1. Berlin (dpa) - Die Regierung hat entschieden.",  # a list's items
    "- Berlin (dpa) - Die Regierung hat entschieden.",
    "• WASHINGTON (AP) — The Senate voted.",
    'He said the wire (Reuters) - had it wrong.',  # words of a sentence before
    '"I read it (Reuters) - and it was false," he said.',  # a quotation
    "“WASHINGTON (AP) — The Senate voted,” the post said.",
    "The minister told Reuters that talks would go on.",  # a source, not a credit
    "See https://example.com/Reuters/pictures for more.",
    "The feed at reuters.com/AP/ shows it.",
    "Protesters gathered outside parliament on Tuesday — AFP.",
])
def test_a_body_paragraph_with_a_credit_like_bracket_is_no_dateline(paragraph):
    assert dateline_credits(after_intro(paragraph + BODY)) == set()


@pytest.mark.parametrize("paragraph", [
    "据新华社报道，" + ZH_BODY,  # "as Xinhua reports": a source the story cites
    "快讯，新华社北京12月5日电（记者 王晓）" + ZH_BODY,  # the dateline not opening it
    "【速報】" + ZH_BODY,  # a bracketed label, no agency
    "本报讯 【ワシントン共同】" + ZH_BODY,
    "(서울=한국경제) " + ZH_BODY,  # a paper, no agency, after the "="
])
def test_a_cjk_body_paragraph_naming_an_agency_is_no_dateline(paragraph):
    assert dateline_credits(after_intro(paragraph, ZH_INTRO)) == set()


def test_a_dateline_inside_a_quotation_of_several_paragraphs_is_not_read():
    # a quotation going on into a paragraph opens it with a mark again
    quoted = ("“We will hold the line.\n\n“WASHINGTON (AP) — is how the memo opened,” "
              "she said.")
    assert dateline_credits(after_intro(quoted + BODY)) == set()
    quoted = "„Wir halten durch.\n\n„BERLIN (dpa) - So begann das Schreiben“, sagte sie."
    assert dateline_credits(after_intro(quoted + BODY)) == set()
    quoted = "«Nous tiendrons.\n\n« PARIS (AFP) - Ainsi commençait la note», dit-elle."
    assert dateline_credits(after_intro(quoted + BODY)) == set()


@pytest.mark.parametrize("intro", [
    INTRO + ' "We will pay," one resident said.',  # a closed quotation
    INTRO + " “Because the rates rose, many will pay more,” Gov. “And it is fair.",
    INTRO + ' The new screens measure 55" across.',  # an inch sign
])
def test_a_dateline_after_an_intro_with_a_quotation_closed_or_left_open_is_read(intro):
    # a mark left open in the intro runs to its paragraph's end, not over the dateline
    assert dateline_credits(after_intro("BERLIN (dpa) - Die" + BODY, intro)) == {"dpa"}


def test_a_dateline_far_down_the_body_is_still_no_credit():
    paragraphs = [f"Paragraph {n} of the story, with a sentence or two." for n in range(8)]
    text = "\n\n".join([*paragraphs, "BERLIN (dpa) - a dateline quoted far down"])
    assert dateline_credits(text) == set()


def test_a_dateline_is_read_within_its_own_paragraph():
    # a caption's credit ending one line and a list's dash opening the next are no
    # dateline; the same on one line is
    caption = "Die Kanzlerin in Berlin (dpa)\n\n- Erster Punkt der Tagesordnung"
    assert dateline_credits(after_intro(caption + BODY)) == set()
    assert dateline_credits(after_intro("Berlin (dpa) - Erster Punkt" + BODY)) == {"dpa"}


def test_a_credit_inside_a_quotation_in_a_later_paragraph_is_no_dateline():
    # a paragraph opening in capitals, its dash and agency inside a quotation: none, as
    # in the opening
    quoted = "НАТО: «Мы ответим — РИА Новости.» Так заявил генсек."
    assert dateline_credits(quoted + BODY) == set()
    assert dateline_credits(after_intro(quoted + BODY)) == set()
