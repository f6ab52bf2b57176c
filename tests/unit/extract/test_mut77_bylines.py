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
