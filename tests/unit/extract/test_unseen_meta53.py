"""Dates and bylines in conventions the rules were first written without (session 53,
`bench/bench_meta_generated.py --unseen A`): a live blog's later entries, "Gestern,
14:05" beside the headline, "written by" in other languages, a microdata Person's name
beside its job title, a city after the name, a byline written all in lower case. Each
page goes through `page_metadata` whole; beside every rule, the near-miss it must leave."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from tasks.extract.bylines import clean_authors
from tests.unit.extract.article_pages import NOW, article_page, german_story, metadata_of

URL = "https://www.rheinbote.de/news/stadtrat-plant-windpark-7"
BODY = german_story("Kosten und zum Zeitplan")


def page(meta_line: str, *, head: str = "", body_end: str = "", aside: str = "",
         lang: str = "de") -> str:
    return article_page(meta_line, headline="Stadtrat plant Windpark", site="Rheinbote",
                        lang=lang, body=BODY, footer="Impressum", head=head,
                        body_end=body_end, aside=aside)


def meta(html: str, url: str = URL, now: datetime | None = NOW):
    return metadata_of(html, url, now)


def jsonld(record: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(record)}</script>'


# --- a live blog: its entries' times are updates, not its publication -----------------

def _live_page(kind: str) -> str:
    record = {"@context": "https://schema.org", "@type": kind, "headline": "Stadtrat",
              "datePublished": "2026-11-20T08:59:00+01:00"}
    entries = "".join(
        f'<div class="live-entry"><time datetime="2026-11-{d}T10:00:00+01:00">{d}. November '
        f"2026</time><p>Neue Wortmeldung im Rat zum Windpark.</p></div>" for d in (23, 22, 21))
    return page("", head=jsonld(record), body_end=entries)


def test_a_live_blog_is_dated_by_its_record_not_its_latest_entry() -> None:
    m = meta(_live_page("LiveBlogPosting"))
    assert m.published_date == date(2026, 11, 20)
    assert m.published_at_source == "jsonld"


def test_an_article_keeps_the_date_it_shows_beside_its_headline() -> None:
    # near-miss: the same markup in a NewsArticle; its shown date is still a claim
    m = meta(_live_page("NewsArticle"))
    assert any(c.source == "headline" and c.day == date(2026, 11, 23)
               for c in m.date_candidates)


# --- "Gestern, 14:05" beside the headline, a related story's date elsewhere -----------

RELATED = ('<aside class="related"><h3>Mehr zum Thema</h3><article class="teaser">'
           '<a href="/news/x"><h4>Kreisklinik feiert Jubiläum</h4></a>'
           '<time datetime="2026-10-23T09:00:00">23. Oktober 2026</time></article></aside>')


@pytest.mark.parametrize("stamp, lang", [("Gestern, 14:05 Uhr", "de"),
                                         ("Yesterday, 9:12 p.m.", "en"),
                                         ("Hier à 8h40", "fr")])
def test_yesterday_beside_the_headline_beats_a_related_storys_date(stamp, lang) -> None:
    m = meta(page(f'<span class="date">{stamp}</span>', aside=RELATED, lang=lang))
    assert m.published_date == date(2026, 12, 3)
    assert m.published_at_source == "relative"


def test_yesterday_in_the_story_text_dates_nothing() -> None:
    # near-miss: "Gestern" opening a paragraph is the story's word, not a date element
    m = meta(page("", body_end="<p>Gestern, 14:05 Uhr, tagte der Rat erneut.</p>",
                  aside=RELATED))
    assert m.published_at_source != "relative"
    assert m.published_date != date(2026, 12, 3)


# --- "written by" in other languages ---------------------------------------------------

@pytest.mark.parametrize("line, lang, name", [
    ("Écrit par Léa Moreau", "fr", "Léa Moreau"),
    ("Escrito por Pablo Moreno", "es", "Pablo Moreno"),
    ("Scritto da Chiara Greco", "it", "Chiara Greco"),
    ("Geschreven door Bram Visser", "nl", "Bram Visser"),
    ("Napisane przez Ewa Nowak", "pl", "Ewa Nowak"),
])
def test_written_by_in_other_languages(line, lang, name) -> None:
    m = meta(page(f'<p class="article-meta">{line}</p>', lang=lang))
    assert m.authors == [name]


def test_a_line_from_a_city_is_no_byline() -> None:
    # near-miss: Italian "da" ("from") alone before a capital is a place, not a byline
    m = meta(page('<p class="article-meta">Da Bruxelles Nord</p>', lang="it"))
    assert m.authors == []


# --- a microdata Person: its name, not its job title ----------------------------------

def test_microdata_author_reads_the_persons_name() -> None:
    line = ('<div class="author-info" itemprop="author" itemscope '
            'itemtype="https://schema.org/Person"><span itemprop="name">Inês Oliveira</span> '
            '<span itemprop="jobTitle">correspondente em Bruxelas</span></div>')
    assert meta(page(line, lang="pt")).authors == ["Inês Oliveira"]


def test_an_author_element_without_a_person_keeps_its_text() -> None:
    # near-miss: itemprop=author with no itemscope holds the name as its text
    line = '<span itemprop="author">Inês Oliveira</span>'
    assert meta(page(line, lang="pt")).authors == ["Inês Oliveira"]


# --- a city after the name -------------------------------------------------------------

@pytest.mark.parametrize("raw, want", [
    ("Pablo Moreno en Bruselas", ["Pablo Moreno"]),
    ("Anna Berg aus Brüssel", ["Anna Berg"]),
    ("Inês Oliveira em Bruxelas", ["Inês Oliveira"]),
    ("Alessandro De Ferrari da", ["Alessandro De Ferrari"]),  # its city cut off before
    # near-misses: a particle and the surname after it are the name's
    ("Ana Maria da Silva", ["Ana Maria da Silva"]),
    ("Bram van der Visser", ["Bram van der Visser"]),
    ("Jan en Bruselas", ["Jan en Bruselas"]),  # one word of a name: nothing is cut
    # two reporters in one city: the city is no third name that would keep them joined
    ("Ana Pérez y Luis Gil en Madrid", ["Ana Pérez", "Luis Gil"]),
    ("Por Ana Pérez y Luis Gil en Madrid", ["Ana Pérez", "Luis Gil"]),
])
def test_a_city_after_the_name_goes(raw, want) -> None:
    assert clean_authors(raw, set()) == want


def test_a_city_in_a_written_byline() -> None:
    m = meta(page('<p class="article-meta">Por Sergio Fernández en Bruselas</p>', lang="es"))
    assert m.authors == ["Sergio Fernández"]


# --- a byline written all in lower case ------------------------------------------------

@pytest.mark.parametrize("line, want", [
    ("by sarah sullivan", ["Sarah Sullivan"]),
    ("by daniel a. hughes", ["Daniel A Hughes"]),  # (bylines drop an initial's period)
    ("door bram van der visser", ["Bram van der Visser"]),
    ("autor: joanna kamińska", ["Joanna Kamińska"]),
])
def test_a_lower_case_byline_is_read_as_a_name(line, want) -> None:
    assert meta(page(f'<p class="article-meta">{line}</p>', lang="en")).authors == want


@pytest.mark.parametrize("line", ["by the numbers", "by our staff", "by car and train",
                                  "by design", "von der redaktion"])
def test_lower_case_words_after_by_are_no_name(line) -> None:
    assert meta(page(f'<p class="article-meta">{line}</p>', lang="en")).authors == []
