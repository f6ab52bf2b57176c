"""Wire credits from datelines, bylines and closing credit lines (tasks/enrich/wire.py)."""

from __future__ import annotations

import pytest

from tasks.enrich.wire import (
    agencies,
    byline_credits,
    closing_credits,
    dateline_credits,
    wire_credits,
)

BODY = " The minister said the talks would go on. " * 10


@pytest.mark.parametrize("opening, credited", [
    ("KYIV, Ukraine (AP) — Russian forces shelled", {"AP"}),
    ("BERLIN, June 3 (Reuters) - Germany's economy", {"Reuters"}),
    ("New Delhi [India], June 3 (ANI): The government", {"ANI"}),
    ("Berlin (dpa/AFP) - Die Bundesregierung", {"dpa", "AFP"}),
    ("MADRID, 3 Jun. (EUROPA PRESS) - El Gobierno", {"Europa Press"}),
    ("ANKARA (Anadolu Agency) – Turkish officials", {"Anadolu"}),
    ("SEOUL, Dec. 2 (Yonhap) -- North Korea", {"Yonhap"}),
    ("Wien (APA) - Die Regierung", {"APA"}),
    # a roundup of two wire reports, both datelines in the opening window
    ("GENEVA (AP) — The talks ended. BERLIN (dpa) — Germany said", {"AP", "dpa"}),
])
def test_the_dateline_credit_is_found(opening, credited):
    assert dateline_credits(opening + BODY) == credited


@pytest.mark.parametrize("text", [
    "The minister told Reuters that talks would go on." + BODY,  # a source, not a credit
    "Officials (who spoke to AP) declined to comment." + BODY,  # brackets, no dateline dash
    BODY * 3 + " BERLIN (dpa) - a dateline quoted far down the body",
    "The map (apparently) — showed the front." + BODY,  # 'ap' inside a word
    "WASHINGTON — The Senate voted" + BODY,  # a dateline without a credit
])
def test_agencies_named_elsewhere_are_not_credits(text):
    assert dateline_credits(text) == set()


def test_bylines_credit_agencies_at_word_boundaries_as_written():
    assert byline_credits(["By The Associated Press"]) == {"AP"}
    assert byline_credits(["Jane Doe, REUTERS", "John Roe"]) == {"Reuters"}
    assert byline_credits(["agence france-presse"]) == {"AFP"}  # long names in any case
    # Short forms only as written: a name or a word that merely contains them is not one.
    assert byline_credits(["Pa Kim", "Tapas Das", "Apar Gupta", "Dpa Reader"]) == set()
    assert byline_credits(None) == set() and byline_credits([None, ""]) == set()


def test_the_written_byline_credits_the_agency_cleaning_dropped():
    # the cleaned authors keep the reporter only; the byline as written names the agency
    assert byline_credits(["Jane Doe"], "Jane Doe; Reuters") == {"Reuters"}
    assert byline_credits(["Jane Doe", "Tom Roe"],
                          "Jane Doe; Tom Roe; Associated Press") == {"AP"}
    assert byline_credits(["Jane Doe"], "Jane Doe") == set()
    assert byline_credits(["Jane Doe"], None) == set()


@pytest.mark.parametrize("entry", ["Photo: AP", "Photos AFP", "Photograph: Reuters",
                                   "Foto: dpa", "Bild: dpa", "Image: Reuters",
                                   "Pictures: PA", "Video: Reuters", "Graphic: AFP",
                                   "(Photo: EFE)"])
def test_a_picture_credit_in_the_byline_is_no_wire_credit(entry):
    assert byline_credits(["Jane Doe"], f"Jane Doe; {entry}") == set(), entry
    assert byline_credits([entry]) == set(), entry


STORY = "A storm hit the coast on Monday.\n\nThe harbour closed for two days, officials said."


@pytest.mark.parametrize("closing, credited", [
    ("The Associated Press contributed to this report.", {"AP"}),
    ("— Associated Press writer Jane Doe contributed.", {"AP"}),
    ("AP writers John Roe and Jane Doe contributed to this story.", {"AP"}),
    ("Reuters contributed reporting.", {"Reuters"}),
    ("With AFP", {"AFP"}),
    ("(with Reuters)", {"Reuters"}),
    ("(Con información de AFP, EFE y Reuters)", {"AFP", "EFE", "Reuters"}),
    ("Mit Material von dpa", {"dpa"}),
    ("(avec AFP)", {"AFP"}),
    # a sentence of the story naming an agency, a closing line that names none
    ("With the bridge closed, AP said traffic would move to the ferry. It did.", set()),
    ("Reuters reported that the harbour would reopen on Friday.", set()),
    ("With the harbour closed", set()),
])
def test_a_closing_credit_line_credits_its_agencies(closing, credited):
    assert closing_credits(f"{STORY}\n\n{closing}") == credited
    assert closing_credits(f"{STORY}\n\n{closing}\n\nCorrection: an earlier version misspelt "
                           "a name.") == credited  # a note after it
    # far from the end it is a paragraph of the story
    assert closing_credits(f"{closing}\n\n{STORY}\n\nMore.\n\nAnd more.") == set()


def test_a_long_line_is_no_credit_line():
    from tasks.enrich.wire import MAX_CREDIT_LINE_CHARS

    line = "With " + "the harbour and the bridge " * 8 + "(Reuters)"
    assert len(line) > 200 and closing_credits(f"{STORY}\n\n{line}") == set()
    assert closing_credits(None) == set() and closing_credits("") == set()
    # a paragraph that says "contributed" is a credit line only up to the limit
    credit = "Reuters contributed reporting."
    at_limit = "x" * (MAX_CREDIT_LINE_CHARS - len(credit) - 1) + " " + credit
    assert len(at_limit) == MAX_CREDIT_LINE_CHARS
    assert closing_credits(f"{STORY}\n\n{at_limit}") == {"Reuters"}
    assert closing_credits(f"{STORY}\n\nx{at_limit}") == set()


def test_a_credit_line_counts_among_the_last_three_lines_only():
    tail = [f"Note {i}: the harbour office answers questions by phone." for i in range(4)]
    for after, credited in ((2, {"AFP"}), (3, set())):
        text = "\n\n".join([STORY, "With AFP", *tail[:after]])
        assert closing_credits(text) == credited, after


def test_credits_union_both_places_sorted():
    assert wire_credits("LONDON (PA) - A storm" + BODY, ["Staff and AFP"]) == ["AFP", "PA"]
    assert wire_credits(None, None) == []
    assert wire_credits("LONDON (PA) - A storm" + BODY + "\n\nWith AFP", None) == ["AFP", "PA"]


def test_every_listed_agency_has_a_name_and_a_pattern():
    names = [name for name, _ in agencies()]
    assert len(names) == len(set(names)) >= 17
    for required in ("AP", "Reuters", "AFP", "dpa", "ANI", "PTI", "Xinhua", "TASS"):
        assert required in names


def test_the_enrich_stage_fills_wire_credits():
    from schemas import ARTICLES, conform
    from tasks import enrich
    from tasks.common.settings import Settings, settings_slice

    rows = [{"article_id": f"a{i}", "url": f"https://x.example/{i}",
             "canonical_url": f"https://x.example/{i}", "domain": "x.example",
             "source_kind": "url", "text": text, "word_count": len(text.split()),
             "content_hash": f"h{i}", "run_id": "r1", "authors": authors}
            for i, (text, authors) in enumerate([
                ("PARIS (AFP) - Le gouvernement" + BODY, None),
                ("A local story." + BODY, ["Kim Lee, The Canadian Press"]),
                ("A local story." + BODY, ["Kim Lee"]),
                ("A local story." + BODY, ["Kim Lee"])])]
    rows[3]["byline"] = "Kim Lee; Reuters"  # the agency the cleaned authors dropped
    result = enrich.run(conform(rows, ARTICLES, "articles"),
                        settings_slice(enrich.EnrichConfig, Settings()), "r1")
    assert result.table.column("wire_credits").to_pylist() == [
        ["AFP"], ["Canadian Press"], [], ["Reuters"]]


def test_the_end_of_a_line_that_starts_before_the_read_window_is_no_credit_line():
    # seed 56: a story's last paragraph ending "in a phone call with AFP", cut by the
    # window to " with AFP", was read as a credit line; a line is read whole or not at all
    from tasks.enrich.wire import CLOSING_CHARS

    story = "The minister spoke for an hour. " * 70 + "He said so in a phone call with AFP"
    for pad in range(80):
        note = "Correction: an earlier version misspelt a name" + "." * (
            CLOSING_CHARS - 80 + pad)
        text = f"{story}\n{note}"
        assert closing_credits(text) == set(), pad
    # a credit line is read while it starts within the window: at CLOSING_CHARS
    # characters from the end, after any line break, and not one character further back
    credit = "With AFP"
    for brk in ("\n\n", "\r\n", "\u2028", "\x85"):
        for shift in range(-2, 3):
            note = "." * (CLOSING_CHARS + shift - len(credit) - 1)
            text = f"{story}{brk}{credit}\n{note}"
            assert len(text) - text.rindex(credit) == CLOSING_CHARS + shift
            assert closing_credits(text) == ({"AFP"} if shift <= 0 else set()), (brk, shift)
    # nor is the end of a short line that starts just before it ("mit with AFP" alone
    # would be a German credit line)
    text = f"{story}\nAmit with AFP\n" + "." * (CLOSING_CHARS - len("mit with AFP") - 1)
    assert closing_credits(text) == set()
    # a text of exactly CLOSING_CHARS characters is read whole
    text = f"{credit}\n" + "." * (CLOSING_CHARS - len(credit) - 1)
    assert len(text) == CLOSING_CHARS and closing_credits(text) == {"AFP"}


def test_every_credit_line_among_the_last_lines_adds_its_agencies():
    # seed 56: two credit lines at the end, each naming its own agency
    assert closing_credits(f"{STORY}\n\nWith AFP\n\nReuters contributed reporting.") == {
        "AFP", "Reuters"}


# Round 35: credits as agencies write them in their own languages and house styles.

@pytest.mark.parametrize("opening, credited", [
    # EFE's house style closes the dateline with ".-" (and Europa Press copies it)
    ("MADRID, 3 jun (EFE).- El Gobierno aprobó hoy", {"EFE"}),
    ("Bogotá (EFE).- La Fiscalía colombiana imputó", {"EFE"}),
    ("Ciudad de México, 3 jun (EFE). - El presidente", {"EFE"}),
])
def test_a_dateline_closed_by_a_full_stop_and_a_dash_is_read(opening, credited):
    assert dateline_credits(opening + BODY) == credited


@pytest.mark.parametrize("text", [
    'He said: "I read it on the wire (Reuters) - and it was false," and left.' + BODY,
    '"We will not (AP) - comment," said Jane Doe.' + BODY,
    "Sie sagte: „Das stand so bei (dpa) - und war falsch“, und ging." + BODY,
    "Il a dit: « J'ai lu (AFP) - que c'était faux », puis est parti." + BODY,
])
def test_a_credit_inside_a_quotation_is_no_dateline(text):
    assert dateline_credits(text) == set()


def test_a_dateline_before_a_quotation_is_still_read():
    assert dateline_credits('BERLIN (dpa) - "Wir schaffen das", sagte sie.' + BODY) == {"dpa"}
    assert dateline_credits("BERLIN (dpa) - „Wir schaffen das“, sagte sie." + BODY) == {"dpa"}


@pytest.mark.parametrize("closing, credited", [
    ("(dpa)", {"dpa"}),
    ("dpa/AFP", {"dpa", "AFP"}),
    ("(ANSA).", {"ANSA"}),
    ("sda/dpa", {"Keystone-SDA", "dpa"}),
    ("Riproduzione riservata © Copyright ANSA", {"ANSA"}),
    ("Copyright 2024 The Associated Press. All rights reserved.", {"AP"}),
    ("© Agencia EFE", {"EFE"}),
    # still none: a picture's credit, a line naming no agency, a sentence
    ("Photo © Reuters", set()),
    ("(Archive)", set()),
    ("Copyright 2024 Example Daily. All rights reserved.", set()),
    ("AFP said the harbour would reopen.", set()),
])
def test_a_closing_line_of_credits_alone_or_a_copyright_credits_its_agencies(
        closing, credited):
    assert closing_credits(f"{STORY}\n\n{closing}") == credited


def test_an_agency_named_inside_a_longer_agency_name_is_not_credited():
    # the Associated Press of Pakistan (APP) is not the Associated Press
    assert byline_credits(["Associated Press of Pakistan"]) == {"APP"}
    assert wire_credits("ISLAMABAD, June 3 (APP): The cabinet met" + BODY, None) == ["APP"]
    assert closing_credits(f"{STORY}\n\nWith Associated Press of Pakistan") == {"APP"}
    # the Associated Press beside it is still credited
    assert byline_credits(["Associated Press of Pakistan", "The Associated Press"]) == {
        "APP", "AP"}


# Seed 63: the quotation marks and copyright signs round 35 reads.

_RUNNING = " and it went on" * 20  # a quotation still open where the opening window ends


@pytest.mark.parametrize("text", [
    "He said: “I read it on the wire (Reuters) - and it was false,” and left." + BODY,
    'He said: "I read it on the wire (Reuters) - ' + _RUNNING + '," and left.' + BODY,
    "He said: “I read it on the wire (Reuters) - " + _RUNNING + ",” and left." + BODY,
    "Sie sagte: „Das stand so bei (dpa) - " + _RUNNING + "“, und ging." + BODY,
    "Il a dit: « J'ai lu (AFP) - " + _RUNNING + " », puis est parti." + BODY,
])
def test_a_credit_inside_a_curly_or_unclosed_quotation_is_no_dateline(text):
    assert dateline_credits(text) == set()


@pytest.mark.parametrize("opening, credited", [
    # a quoted line before the dateline closes where its own closer is
    ("„Wir schaffen das“: BERLIN (dpa) - Die Kanzlerin", {"dpa"}),
    ("„Wir schaffen das”: BERLIN (dpa) - Die Kanzlerin", {"dpa"}),
    ("“We will win”: KYIV (AP) — The president", {"AP"}),
    ("«Nous gagnerons»: PARIS (AFP) - Le président", {"AFP"}),
    ('"We will win": KYIV (AP) — The president', {"AP"}),
])
def test_a_dateline_after_a_closed_quotation_is_read(opening, credited):
    assert dateline_credits(opening + BODY) == credited


@pytest.mark.parametrize("closing, credited", [
    ("© AFP 2024", {"AFP"}),
    ("© 2024 Reuters", {"Reuters"}),
    ("copyright 2024 dpa", {"dpa"}),
])
def test_a_copyright_sign_or_word_with_a_year_credits_its_agency(closing, credited):
    assert closing_credits(f"{STORY}\n\n{closing}") == credited


def test_an_agency_named_at_the_end_or_past_the_start_of_a_longer_name_is_not_credited():
    # seed 63: the Australian Associated Press (AAP) ends as the Associated Press's name
    # does; the Associated Press of Pakistan named after a reporter's name
    assert byline_credits(["Australian Associated Press"]) == {"AAP"}
    assert byline_credits(["Jane Doe, Associated Press of Pakistan"]) == {"APP"}


def test_a_closing_line_of_two_agencies_the_first_of_two_letters_credits_both():
    # seed 63: each agency's spelling is blanked where it stands, whatever the other's
    # length
    assert closing_credits(f"{STORY}\n\n(AP/Reuters)") == {"AP", "Reuters"}


ZH_BODY = "国务院今天发布了新的规定，要求各地加快推进有关工作。" * 6


@pytest.mark.parametrize("opening, credited", [
    # Chinese agency copy: agency, place, day, 电, then the reporter or a space
    ("新华社北京12月5日电（记者 王晓）", {"Xinhua"}),
    ("新華社香港12月5日電（記者 王曉）", {"Xinhua"}),  # traditional characters
    ("中央社台北5日電 ", {"Central News Agency"}),
    ("中新社香港12月5日电 ", {"China News Service"}),
    ("新华社北京电 ", {"Xinhua"}),
    # Japanese copy: the place and the agency in lenticular brackets
    ("【ワシントン共同】", {"Kyodo"}),
    ("【ロンドン時事】", {"Jiji"}),
    ("【ニューヨーク＝ロイター】", {"Reuters"}),
    ("【パリAFP時事】", {"AFP", "Jiji"}),
    # Russian: the agency between slashes, or after a dash
    ("МОСКВА, 5 декабря. /ТАСС/. ", {"TASS"}),
    ("МОСКВА, 5 дек — РИА Новости. ", {"RIA Novosti"}),
    ("КИЇВ (Укрінформ) - ", {"Ukrinform"}),
    # Korean: the place and the agency joined by "=" in brackets
    ("(서울=연합뉴스) 홍길동 기자 = ", {"Yonhap"}),
    ("(워싱턴=연합뉴스) ", {"Yonhap"}),
    ("(서울=뉴시스) ", {"Newsis"}),
    ("(서울=뉴스1) ", {"News1"}),
    ("【ソウル聯合ニュース】", {"Yonhap"}),  # Yonhap in Japanese (fault round 43's item)
])
def test_datelines_of_chinese_japanese_and_russian_copy_credit_their_agency(opening,
                                                                             credited):
    assert dateline_credits(opening + ZH_BODY) == credited


@pytest.mark.parametrize("opening, credited", [
    # the Central News Agency's dateline, whole in brackets with the reporter's name
    ("（中央社記者王小明台北5日電）", {"Central News Agency"}),
    ("（中央社台北5日電）", {"Central News Agency"}),
    ("(中央社記者王小明台北5日電)", {"Central News Agency"}),
    ("新华社北京12月5日电：", {"Xinhua"}),  # a colon after 电
])
def test_a_chinese_dateline_closed_by_a_bracket_or_a_colon_credits_its_agency(opening,
                                                                              credited):
    assert dateline_credits(opening + ZH_BODY) == credited


KO_BODY = ("정부는 5일 새로운 경제 대책을 발표했다. "
           "물가 상승에 대응하기 위해 지원금을 지급한다. ") * 4


@pytest.mark.parametrize("opening, credited", [
    # Yonhap's dateline: place and agency joined by "=", then the reporter and "="
    ("(서울=연합뉴스) 김철수 기자 = ", {"Yonhap"}),
    ("(워싱턴=연합뉴스) 김철수 특파원 = ", {"Yonhap"}),
    ("（北京＝共同）", {"Kyodo"}),
    ("(서울=연합뉴스 김철수 기자) ", set()),  # more than the agency in the bracket
    ("(x=1) ", set()),
])
def test_a_korean_dateline_of_place_and_agency_joined_by_equals_credits_it(opening,
                                                                          credited):
    assert dateline_credits(opening + KO_BODY) == credited


@pytest.mark.parametrize("text", [
    "据新华社报道，" + ZH_BODY,  # "as Xinhua reports": a source the story cites
    "新华社记者日前在北京采访时了解到电动汽车" + ZH_BODY,  # 电 starting a word
    "据新华社消息，电力公司" + ZH_BODY,  # 电 after the sentence went on
    "共同体の会議が開かれた。" + ZH_BODY,  # 共同, "joint", outside a dateline
    "【速報】" + ZH_BODY,  # a bracketed label, no agency
    "See https://example.com/Reuters/pictures for more." + BODY,  # a path segment
    "МОСКВА, 5 декабря. /Москва и область/. " + BODY,  # slashes around no agency
    "(서울=한국경제) " + ZH_BODY,  # a paper, no agency, after the "="
    "The ratio (a=AP) held. " + BODY,  # a formula, not a dateline: 'a=AP' is no place
])
def test_those_agencies_named_elsewhere_are_not_credits(text):
    assert dateline_credits(text) == set()


@pytest.mark.parametrize("text", [
    # a picture credit opening the text: the agencies of the photo, not of the copy
    "Foto: picture alliance/dpa/AFP/John Doe. Berlin - Die Regierung hat am Montag "
    "beschlossen, die Steuern zu senken. " + BODY,
    "Bild: EPA/AFP/Keystone. Zürich - Die Nationalbank hat am Donnerstag " + BODY,
    "The agency's feed at reuters.com/AP/ shows it. " + BODY,  # a path segment
    "Protesters gathered outside parliament on Tuesday — AFP. " + BODY,  # a caption
    "The company said so in a statement - Reuters. " + BODY,
])
def test_slashes_and_dashes_outside_a_dateline_credit_nothing(text):
    assert dateline_credits(text) == set()


@pytest.mark.parametrize("opening, credited", [
    ("САНКТ-ПЕТЕРБУРГ, 15 декабря — РИА Новости. ", {"RIA Novosti"}),
    ("КИЕВ, 5 декабря /Укринформ/. ", {"Ukrinform"}),
    ("МОСКВА, 5 декабря - Интерфакс. ", {"Interfax"}),
])
def test_a_russian_dateline_still_credits_its_agency(opening, credited):
    assert dateline_credits(opening + BODY) == credited


def test_chinese_and_japanese_bylines_and_closing_lines_credit_their_agency():
    assert byline_credits(["新华社记者 张三"]) == {"Xinhua"}
    assert byline_credits(["路透社"]) == {"Reuters"}
    assert closing_credits(ZH_BODY + "\n（来源：新华社）") == {"Xinhua"}
    assert closing_credits(ZH_BODY + "\n来源：新华网") == set()  # a website, no agency
    assert closing_credits(ZH_BODY + "\n（共同）") == {"Kyodo"}
    assert closing_credits(ZH_BODY + "\n共同") == set()


# seed 69: the datelines of other scripts, each found beside another


@pytest.mark.parametrize(("text", "want"), [
    # a Chinese dateline after a clause: read from the agency's name, not the text's start
    ("快讯，新华社北京12月5日电（记者 王晓）今天", {"Xinhua"}),
    ("北京电（记者 王晓）据新华社报道，今天", set()),  # 电 before the agency: a source cited
    # two datelines of two scripts: each one's agency kept
    ("新华社北京12月5日电 【ワシントン共同】米国", {"Xinhua", "Kyodo"}),
    ("【ワシントン共同】（北京＝時事）米国", {"Kyodo", "Jiji"}),
    ("【ワシントン共同】(서울=연합뉴스) 김철수 기자", {"Kyodo", "Yonhap"}),
    ("(서울=연합뉴스) МОСКВА, 5 декабря. /ТАСС/. Текст", {"Yonhap", "TASS"}),
    # a dash's credit past DASHED_DATELINE_CHARS is no dateline's
    ("WASHINGTON " + "x" * 60 + " — AP. more", set()),
])
def test_datelines_of_other_scripts_beside_one_another(text, want) -> None:
    assert dateline_credits(text) == want
