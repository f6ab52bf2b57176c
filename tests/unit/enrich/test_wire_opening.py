"""The dateline in the text's opening window, read as strictly as a later paragraph's:
agencies alone in the bracket, a place and a date before it (tasks/enrich/wire.py
`dateline_credits`). A caption's or a sentence's bracket there is no credit."""

from __future__ import annotations

import pytest

from tasks.enrich.wire import DATELINE_CHARS, dateline_credits, wire_credits

BODY = " The minister said the talks would go on." * 6
HEADLINE = "Fed raises rates again as prices climb"


@pytest.mark.parametrize("opening", [
    # a photo's caption and its credit opening the text
    "Firefighters at the scene on Monday. (AP Photo/John Minchillo) - The fire spread",
    "(AP Photo/John Minchillo) - The fire spread",
    "Firefighters at the scene on Monday (AP Photo) - The fire spread",
    "(AP Photo) — The fire spread",
    "Protesters in Paris (Reuters/Jane Doe) - The crowd grew",  # a photographer's credit
    "(Reuters/Jane Doe) - The crowd grew",
    "Berlin (AFP/file) - Eine Demonstration im Oktober",
    "Smoke rises (Reuters graphic) - How the rates rose since 2022",
    "Der Brand in der Nacht (dpa-Bildfunk) - Die Feuerwehr",
    "(Photo: AP) - The fire spread",
    # a bracket inside a sentence of the opening
    "The minister (AP reported earlier) - said the talks would go on",
    "The minister (AP) - said the talks would go on",  # agencies alone, a sentence before
    "Smoke rises over Gaza City (Reuters) - file photo from October.",
    "FILE - In this photo (AP) — the president waves.",
    "He said the wire (Reuters) - had it wrong.",
    # the same after a headline line: the dateline is read per line
    HEADLINE + "\n\nFirefighters at the scene. (AP Photo/John Minchillo) - The fire",
    HEADLINE + "\n\n(Reuters graphic) - How the rates rose since 2022",
])
def test_a_caption_or_a_sentence_bracket_in_the_opening_is_no_credit(opening):
    text = opening + BODY
    # (the bracket sits inside the opening window)
    assert text.index(")") < DATELINE_CHARS
    assert dateline_credits(text) == set()
    assert wire_credits(text, None) == []


@pytest.mark.parametrize("opening, credited", [
    ("WASHINGTON (AP) — The Senate voted", {"AP"}),
    ("BERLIN, Dec 2 (Reuters) - Germany's economy", {"Reuters"}),
    ("WASHINGTON, Dec. 2 (Reuters) - The Fed", {"Reuters"}),  # "Dec." is no sentence end
    ("ST. LOUIS (AP) — A jury found", {"AP"}),
    ("New Delhi [India], June 3 (ANI): The government", {"ANI"}),
    # ANI names the state in round brackets before the country in square ones
    ("Srinagar (Jammu and Kashmir) [India], June 3 (ANI): The government", {"ANI"}),
    ("Berlin (dpa/AFP) - Die Bundesregierung", {"dpa", "AFP"}),
    ("Kyiv (dpa/lno) - Die Regierung", {"dpa"}),  # dpa's regional desk
    ("Berlin/Frankfurt (dpa) - Immer mehr junge Menschen", {"dpa"}),
    ("Frankfurt/Main (dpa-AFX) - Der Dax", {"AFX"}),
    ("(Reuters) - The Federal Reserve", {"Reuters"}),  # the place in another element
    # a site's intro merged into the paragraph of copy that left its place out
    ("Residents will feel the change, the county said. (Reuters) - The Fed", {"Reuters"}),
    ("(EFE).- Nicaragua cerró 2021", {"EFE"}),
    ("Ciudad de México, 3 jun (EFE).- El presidente", {"EFE"}),
    ("SAN JUAN, Puerto Rico (AP) — The governor", {"AP"}),
    ("BEIJING, Dec. 5 (Xinhua) -- China's exports", {"Xinhua"}),
    ("(ANSA) - ROMA, 3 GIU - Il governo", {"ANSA"}),
    # a headline line (or a label) before the dateline in the opening window
    (HEADLINE + "\n\nWASHINGTON (Reuters) - The Fed", {"Reuters"}),
    (HEADLINE + "\n(Reuters) - The Fed", {"Reuters"}),
    ("UPDATE 1-" + HEADLINE + "\nWASHINGTON, Dec 2 (Reuters) - The Fed", {"Reuters"}),
    ("Breaking: BERLIN (dpa) - Die Regierung", {"dpa"}),
    # a caption line with its credit, then the dateline: the dateline's agency only
    ("Firefighters at the scene. (AP Photo/John Minchillo)\nNEW YORK (AP) — The fire",
     {"AP"}),
    ("Smoke over the port (Reuters/Jane Doe)\n\nBERLIN (dpa) - Der Brand", {"dpa"}),
])
def test_an_opening_dateline_credits_its_agency(opening, credited):
    assert dateline_credits(opening + BODY) == credited


@pytest.mark.parametrize("dateline, credited", [
    ("ANKARA (Anadolu Agency) – Turkish officials", {"Anadolu"}),
    ("BEIJING, Dec. 5 (Xinhua News Agency) - China's exports", {"Xinhua"}),
    ("SEOUL (Yonhap News Agency) - North Korea", {"Yonhap"}),
])
def test_an_agency_named_in_several_words_is_the_brackets_whole_credit(dateline, credited):
    # (its one-word spelling, "Anadolu", matched first left " Agency" in the bracket,
    # which then held more than agencies: no credit, in the opening or after an intro)
    assert dateline_credits(dateline + BODY) == credited
    intro = "Residents will feel the change, the county said on Tuesday. " * 5
    assert len(intro) > DATELINE_CHARS
    assert dateline_credits(f"{intro}\n\n{dateline}{BODY}") == credited
