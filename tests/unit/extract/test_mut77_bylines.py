"""Seed 77: the bylines session 53 taught the extraction (issue 13's families), each
asked with the line or page that decides it: an agency and the reporter's role after the
name, a particle left at the end, photographers' credits, a JSON-LD Person listing its
co-authors, a microdata Person's name beside its job title, lower-case bylines, a
helper's credit after the author, and a credit line's length."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from lxml.html import fromstring

from tasks.extract.bylines import clean_authors, normalize_byline
from tasks.extract.metadata import page_metadata

NOW = datetime(2026, 12, 4, 6, 0, tzinfo=UTC)
URL = "https://www.riversidepost.co.uk/news/wind-farm-7"
P = ("<p>The council met for the third time this month and agreed on a plan for the "
     "new wind farm after long debates with the neighbours.</p>")


def page(top: str = "", *, head: str = "", lang: str = "en") -> str:
    return (f'<html lang="{lang}"><head><title>Council plans wind farm | Riverside Post'
            f"</title>{head}</head><body><main><article><h1>Council plans wind farm</h1>"
            f'{top}<div class="article-body">{P * 3}</div></article></main></body></html>')


def authors(html: str) -> list[str]:
    return page_metadata(fromstring(html), URL, now=NOW).authors


@pytest.mark.parametrize("raw, names", [
    ("Anna Keller AP Writer", ["Anna Keller"]),
    ("Anna Keller AP Business Writer", ["Anna Keller"]),
    ("Anna Keller AP Senior Business Writer", ["Anna Keller"]),
    ("Anna Keller Associated Press Senior Writer", ["Anna Keller"]),
    ("Anna Keller Agence France Presse", ["Anna Keller"]),
    ("Anna Keller Agence France Presse Correspondent", ["Anna Keller"]),
    ("Ana Keller Reuters Chief Political Correspondent", ["Ana Keller"]),
    ("Anna Maria Keller dpa", ["Anna Maria Keller"]),
    ("Jo Lee AP", ["Jo Lee"]),
])
def test_an_agency_and_the_role_after_the_name_are_no_part_of_it(raw, names):
    assert clean_authors(raw, set()) == names


@pytest.mark.parametrize("raw, names", [
    ("Marco Rossi da", ["Marco Rossi"]),  # the particle of a city the byline cut off
    ("Alessandro De Ferrari da", ["Alessandro De Ferrari"]),
    ("Ana Pérez y Luis Gil en Madrid", ["Ana Pérez", "Luis Gil"]),
    ("Ana Pérez y Luis Gil", ["Ana Pérez", "Luis Gil"]),
    ("Ana Pérez", ["Ana Pérez"]),
])
def test_a_particle_or_a_city_after_the_names_is_no_name(raw, names):
    assert clean_authors(raw, set()) == names


@pytest.mark.parametrize("raw, byline", [
    ("Anna Keller (Text) und Jonas Weber (Fotos)", "Anna Keller"),
    ("Jonas Weber (Fotos)", "Jonas Weber"),  # the photographer alone: still the credit
    ("Jonas Weber (Fotos);", "Jonas Weber"),
])
def test_a_photographer_s_credit_beside_the_writer_s_is_dropped(raw, byline):
    assert normalize_byline(raw) == byline


def jsonld(record: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(record)}</script>'


def test_a_person_listing_its_co_authors_gives_each_and_one_name_stays_one():
    record = {"@context": "https://schema.org", "@type": "NewsArticle",
              "headline": "Council plans wind farm",
              "author": {"@type": "Person", "name": ["Ana Ruiz", "Jo Lee"]}}
    assert authors(page(head=jsonld(record))) == ["Ana Ruiz", "Jo Lee"]
    record["author"] = {"@type": "Person", "name": ["Ana Ruiz"]}
    assert authors(page(head=jsonld(record))) == ["Ana Ruiz"]


def test_a_microdata_author_s_name_is_read_without_its_job_title():
    line = ('<div itemprop="author" itemscope itemtype="https://schema.org/Person">'
            '<span itemprop="name">Ana Ruiz</span> <span itemprop="jobTitle">Chief Political'
            ' Correspondent and Head of the Parliament Desk</span></div>')
    assert authors(page(line)) == ["Ana Ruiz"]


@pytest.mark.parametrize("line, names", [
    ("<p>por lucía de la cruz</p>", ["Lucía de la Cruz"]),
    ("<p>by sarah sullivan</p>", ["Sarah Sullivan"]),
    ("<p>by anna la cruz</p>", []),  # an article after no particle
    ("<p>by sunset tomorrow everyone leaves town quickly</p>", []),  # a sentence
])
def test_a_byline_in_lower_case_is_read_in_the_case_of_a_name(line, names):
    assert authors(page(line)) == names


@pytest.mark.parametrize("credit, names", [
    # the photographer's name made it long: read without it
    ('<div class="credit">Anna Keller (Text) und Jonas Weberhausen-Schmidt-Lange (Fotos)'
     "</div>", ["Anna Keller"]),
    # a sentence, no credit
    ('<div class="credit">With material from Anna Keller and further colleagues in Berlin'
     "</div>", []),
])
def test_a_credit_line_is_read_up_to_sixty_characters(credit, names):
    assert authors(page(credit)) == names


def test_a_credit_line_of_exactly_sixty_characters_is_read_and_one_more_is_not():
    names = "Anna Keller, Jonas Weber, Lena Vogt, Paul Roth und Eva Brand"
    assert len(names) == 60
    assert authors(page(f'<div class="credit">{names}</div>')) == [
        "Anna Keller", "Jonas Weber", "Lena Vogt", "Paul Roth", "Eva Brand"]
    assert authors(page(f'<div class="credit">{names}t</div>')) == []


@pytest.mark.parametrize("line, names", [
    ("<p>Interview: Tom Lenz</p>", ["Tom Lenz"]),  # the genre's label and its colon
    ("<p>Reportage: Anna Keller</p>", ["Anna Keller"]),
    ("<p>Interview Tom Lenz</p>", []),  # no colon: the word opens a title
    ("<p>Von unserem Korrespondenten Anna Keller</p>", ["Anna Keller"]),
    ("<p>Propos recueillis par Marie Durand</p>", ["Marie Durand"]),
    ("<p>Écrit par Léa Moreau</p>", ["Léa Moreau"]),
    ("<p>Marco Rossi con la collaborazione di Anna Neri</p>", ["Marco Rossi"]),
    ("<p>By Jo Roe, Special to the Globe</p>", ["Jo Roe"]),
    ("<p>by a bridge keeper</p>", []),  # an article after "by": no name in lower case
])
def test_a_byline_s_label_in_other_languages_and_conventions(line, names):
    assert authors(page(line)) == names


@pytest.mark.parametrize("byline, names", [
    ("Von Anna Berg, Rom", ["Anna Berg"]),  # a city of three letters after a full name
    ("Von Anna Berg, Bo", ["Anna Berg", "Bo"]),  # two letters: a name, no place
    ("Von Anna Berg, McDonald", ["Anna Berg", "McDonald"]),  # a capital inside: a surname
])
def test_one_word_after_a_full_name_is_a_place_only_when_it_is_written_as_one(byline, names):
    assert authors(page(f'<p class="byline">{byline}</p>', lang="de")) == names


@pytest.mark.parametrize("end, names", [
    ("<p>(dpa/jsn)</p>", ["dpa"]),  # the desk's initials name nobody
    ("<p></p><p><em>(AFP/mba)</em></p>", ["AFP"]),  # in an inline child, after an empty line
    ("<p>(jsn/Reuters)</p>", ["Reuters"]),
    ("<p>(dpa/jsn)</p><p>(AFP)</p>", ["AFP"]),  # the story's last credit
    ("<p>(jsn)</p>", []),
])
def test_an_agency_s_bracketed_sign_off_closing_the_story_is_its_byline(end, names):
    html = page().replace("</div></article>", f"{end}</div></article>")
    assert authors(html) == names
