"""Seed 80: metadata rounds 9-11 (session 55) where seed 80's run b left mutants alive:
the JSON-LD headlines read past a script without one, the heading named by a guessed
title (any of <h1>-<h3>, only the one so named), a blog's entry title under the page's
label <h1>, an author box's bold name, a day alone under a "Datum" term or after a
place, and a "First published" note searched in the story's <article> only."""

from __future__ import annotations

import json
from datetime import date

import pytest
from lxml import html

from tasks.extract.bylines import _about_box_name
from tasks.extract.headline_area import _day_only_line, _first_published_note
from tasks.extract.jsonld import jsonld_headlines
from tasks.extract.titles import _entry_title_under_page_label, heading_named

TITLE = "Harbour bridge reopens after two years of repairs"


@pytest.mark.parametrize("first", [
    '{"@context": "https://schema.org", "@type": "Organization", "name": "Gazette"}',
    '{"@type": "NewsArticle", "headline": "cut off by the CMS',  # a broken record
])
def test_headlines_are_read_past_a_script_without_one(first):
    record = json.dumps({"@type": "NewsArticle", "headline": TITLE})
    assert jsonld_headlines([first, record]) == [TITLE]


@pytest.mark.parametrize("tag", ["h1", "h2", "h3"])
def test_the_heading_named_by_the_title_is_found_at_each_level(tag):
    tree = html.fromstring(f"<html><body><main><{tag} class='t'>{TITLE}</{tag}>"
                           "<p>The bridge reopened on Monday.</p></main></body></html>")
    assert heading_named(tree, TITLE).tag == tag


def test_only_the_heading_worded_as_the_title_is_named():
    tree = html.fromstring(f"<html><body><main><h2>Aktuelles</h2><h3>{TITLE}</h3>"
                           "</main></body></html>")
    assert heading_named(tree, TITLE).tag == "h3"


def blog(label: str, article: str) -> html.HtmlElement:
    """A blog theme's page: the page's label as its <h1>, the post in an <article>."""
    tree = html.fromstring(f"<html><body><div class='page-header'><h1 class='page-title'>"
                           f"{label}</h1></div><main>{article}</main></body></html>")
    return tree.find(".//h1")


POST = f"<article><h2 class='entry-title'>{TITLE}</h2><p>The bridge reopened.</p></article>"


@pytest.mark.parametrize("label", ["Blog", "Unser Blog"])  # up to MAX_SECTION_WORDS words
def test_the_post_title_under_a_short_page_label(label):
    assert _entry_title_under_page_label(blog(label, POST)).text == TITLE


def test_no_post_title_under_a_long_first_heading():
    # three words are a headline of their own, not a page's label
    assert _entry_title_under_page_label(blog("Harbour bridge reopens", POST)) is None


def test_no_post_title_when_the_h1_is_inside_an_article():
    tree = html.fromstring(f"<html><body><article><h1>Blog</h1>{POST}</article></body></html>")
    assert _entry_title_under_page_label(tree.find(".//h1")) is None


def test_a_sidebar_title_before_the_post_is_passed_over():
    article = ("<article><aside class='sidebar'><h3 class='widget-title'>Neueste Beiträge "
               f"im Überblick</h3></aside><h2 class='entry-title'>{TITLE}</h2></article>")
    assert _entry_title_under_page_label(blog("Blog", article)).text == TITLE


def test_a_three_word_post_title_is_a_headline():
    article = "<article><h2 class='entry-title'>Harbour bridge reopens</h2></article>"
    assert _entry_title_under_page_label(blog("Blog", article)).text == "Harbour bridge reopens"


def box(heading_tag: str, bold: str = "strong", name: str = "Anna Berger") -> html.HtmlElement:
    return html.fromstring(
        f"<div class='author-box'><{heading_tag}>Über die Autorin</{heading_tag}><p><{bold}>"
        f"{name}</{bold}> schreibt seit 2015 über Verkehr und Stadtplanung und lebt mit "
        "ihrer Familie in Hamburg.</p></div>")


@pytest.mark.parametrize("tag", ["h2", "h3", "h4", "h5", "h6", "p", "div"])
def test_the_author_box_heading_at_any_level(tag):
    assert _about_box_name(box(tag)) == "Anna Berger"


def test_the_author_box_name_in_b():
    assert _about_box_name(box("h3", "b")) == "Anna Berger"


def test_a_five_word_name_is_a_name():
    assert _about_box_name(box("h3", name="Ana María de la Cruz")) == "Ana María de la Cruz"


def test_a_bold_sentence_is_no_name():
    elem = html.fromstring(
        "<div class='author-box'><h3>About the author</h3><p><strong>Our guest writes here "
        "every month</strong></p><p><b>Tom Becker</b> covers transport.</p></div>")
    assert _about_box_name(elem) == "Tom Becker"


def dd_of(term: str, value: str) -> html.HtmlElement:
    return html.fromstring(f"<dl><dt>{term}</dt><dd>{value}</dd></dl>").find(".//dd")


def test_a_day_under_datum_is_read_in_the_pages_order():
    assert _day_only_line(dd_of("Datum", "03/12/2026"), "03/12/2026", True) == date(2026, 12, 3)


def test_a_dd_without_a_term_is_no_date():
    dd = html.fromstring("<dl><dd>03.12.2026</dd></dl>").find(".//dd")
    assert _day_only_line(dd, "03.12.2026", True) is None


def test_a_long_description_under_datum_is_no_date_line():
    text = ("Die Veranstaltung findet am 03.12.2026 im großen Saal des Rathauses statt; "
            "der Einlass beginnt eine Stunde vorher, Karten gibt es an der Abendkasse und "
            "im Vorverkauf.")
    assert len(text) >= 150
    assert _day_only_line(dd_of("Datum", text), text, True) is None


def test_a_place_and_day_opening_the_story():
    p = html.fromstring("<p>Berlin, 3. Dezember 2026 – Die Stadtwerke haben am Montag den "
                        "neuen Tarif vorgestellt.</p>")
    assert _day_only_line(p, p.text, True) == date(2026, 12, 3)


def article_page(note_place: str) -> html.HtmlElement:
    """A story whose date line shows the update; the "First published" note at `note_place`."""
    note = "<p>First published 03/12/2026</p>"
    tree = html.fromstring(
        "<html><body><article><header><h1>T</h1><p class='date'>Updated 09/12/2026</p>"
        f"</header><div class='body'><p>Text.</p></div>"
        f"{note if note_place == 'article' else ''}</article>"
        f"{note if note_place == 'page' else ''}</body></html>")
    return tree.find(".//p")


def test_the_first_published_note_anywhere_in_the_story_is_read():
    # the note in the story's footer, not under the date line's own parent
    assert _first_published_note(article_page("article"), date(2026, 12, 9), True) == date(
        2026, 12, 3)


def test_a_first_published_note_outside_the_story_is_not_its():
    tree = html.fromstring(
        "<html><body><div class='wrap'><h1>T</h1><p class='date'>Updated December 9, 2026</p>"
        "</div><div class='other'><p>First published December 3, 2026</p></div></body></html>")
    assert _first_published_note(tree.find(".//p"), date(2026, 12, 9)) is None
