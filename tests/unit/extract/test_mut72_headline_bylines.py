"""Seed 72: the edges of session 49's headline-area and byline changes that its mutants
showed no test deciding: the folded twin of a pattern, a byline word before text that is
not ASCII, a labelled date's segment bounds and day order, an element whose id alone says
'author', a link text of exactly 80 characters."""

from __future__ import annotations

import re
from datetime import date

import pytest
from lxml import html

from tasks.extract.bylines import author_link_byline, author_link_spelling, byline_candidates
from tasks.extract.headline_area import _lead_byline_word, folded_twin, labelled_date, search_folded
from tasks.extract.jsonld import jsonld_texts


def test_a_folded_twin_drops_the_case_flag_and_keeps_the_others():
    pattern = re.compile(r"pub lished \s+ on", re.IGNORECASE | re.VERBOSE)
    twin = folded_twin(pattern)
    assert not twin.flags & re.IGNORECASE and twin.flags & re.VERBOSE
    assert twin.search("published  on") and not twin.search("PUBLISHED on")
    # search_folded reads ASCII text by the twin, lowercased; other text by the pattern
    found = search_folded(pattern, twin, "PUBLISHED  ON 3 May")
    assert found.span() == (0, 13) and found.group() == "published  on"  # of the lowercased
    assert search_folded(pattern, twin, "PUBLISHED ON 3 März").group() == "PUBLISHED ON"


@pytest.mark.parametrize(("lead", "is_byline"), [
    ("Von Jürgen Maier", True), ("Por José Pérez", True), ("By Ann Lee", True),
    ("Über uns", False), ("Byline", False), ("bye Jürgen", False)])
def test_a_byline_word_opens_ascii_and_other_text_alike(lead, is_byline):
    assert _lead_byline_word(lead) is is_byline


def _page(body: str):
    return html.fromstring(f"<html><body><h1>Bridge</h1>{body}</body></html>")


def test_a_labelled_date_segment_of_100_characters_is_read_and_of_101_not():
    label = "Published: 1 January 2020"
    at_100 = "x" * (100 - len(label) - 1) + " " + label
    assert len(at_100) == 100
    latest = date(2024, 1, 1)
    assert labelled_date(_page(f"<p>{at_100}</p>"), latest) == date(2020, 1, 1)
    assert labelled_date(_page(f"<p>x{at_100}</p>"), latest) is None


def test_a_slashed_date_after_a_label_alone_is_read_day_first_only_when_asked():
    page = _page("<p>Published: <b>05/03/2023</b></p>")
    latest = date(2024, 1, 1)
    assert labelled_date(page, latest) is None  # 5 March or May 3: not guessed
    assert labelled_date(page, latest, day_first=True) == date(2023, 3, 5)
    assert labelled_date(page, latest, False) is None


def test_an_element_whose_id_alone_says_author_is_a_byline_candidate():
    tree = html.fromstring("<html><body><div id='post-author'>Jane Doe</div>"
                           "<div id='main'>Text</div><span class='byline'>B</span>"
                           "</body></html>")
    assert [e.get("id") or e.get("class") for e in byline_candidates(tree)] == [
        "post-author", "byline"]


@pytest.mark.parametrize(("first", "read"), [
    ("Anna Bergen", "Anna Bergen; Jan Kowalski; Maria Lopez; Kathrin Führes; Ole Hansen; "
                    "Eva Nowak"),
    ("Anna Bergman", None)])
def test_an_author_link_of_80_characters_is_a_byline_and_of_81_not(first, read):
    text = f"{first}, Jan Kowalski, Maria Lopez, Kathrin Führes, Ole Hansen and Eva Nowak"
    assert len(text) == (80 if read else 81)
    tree = html.fromstring("<html><body><article><h1>Bridge</h1>"
                           f"<a href='/autoren/team'>{text}</a><p>T.</p></article></body></html>")
    assert author_link_byline(tree, tree.find(".//h1")) == read


@pytest.mark.parametrize(("href", "read"), [
    ("/autoren/", None), ("/author/?page=2", None), ("/autoren/anna-berg", "Anna Berg")])
def test_a_link_to_the_list_of_all_authors_names_no_one(href, read):
    tree = html.fromstring("<html><body><article><h1>Bridge</h1>"
                           f"<a href='{href}'>Anna Berg</a><p>T.</p></article></body></html>")
    assert author_link_byline(tree, tree.find(".//h1")) == read


@pytest.mark.parametrize(("link", "recorded", "spelled"), [
    ("ANNA BERG", "anna berg", "Anna Berg"),  # a link in capitals: the name's usual case
    ("ANNA BERG", "ANNA BERG", "ANNA BERG"),  # recorded in capitals too: kept so
    ("Herr_Rein", "Herr Rein", "Herr_Rein")])
def test_an_author_links_spelling_in_capitals_is_read_in_the_names_case(link, recorded, spelled):
    tree = html.fromstring(f"<html><body><a href='/author/x'>{link}</a></body></html>")
    assert author_link_spelling(tree, [recorded]) == [spelled]


def test_only_scripts_hold_json_ld():
    tree = html.fromstring(
        '<html><head><script type="application/ld+json">{"a": 1}</script></head><body>'
        '<div type="application/ld+json">{"author": "X"}</div>'
        '<script type="Application/LD+JSON; charset=utf-8">{"b": 2}</script></body></html>')
    assert jsonld_texts(tree) == ['{"a": 1}', '{"b": 2}']
