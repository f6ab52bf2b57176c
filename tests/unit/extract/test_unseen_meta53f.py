"""Session 53, round 5: family E of `bench/bench_meta_generated.py --unseen` made a tuning
set (family F is held out). "Mis à jour le X … Publié le Y" on one line is published Y;
"X con la collaborazione di Y" is X's story (Y contributed, no co-author); a JSON-LD
Person whose "name" lists plain strings names every one; a headline set in an element
classed as the title beats the page's only heading when that heading agrees with no
declared title (a teaser's <h2>). Each page goes through `page_metadata` whole; beside
every rule, the near-miss it must leave."""

from __future__ import annotations

import json
from datetime import date

from tests.unit.extract.article_pages import english_story, metadata_of

# a Friday, 06:00 UTC
BODY = english_story("the cost and the timetable of the work")
URL_US = "https://www.dailycourier.com/news/budget-7"
URL_FR = "https://www.lepetitcourrier.fr/news/budget-7"
URL_IT = "https://www.corrierelocale.it/news/bilancio-7"
URL_ES = "https://www.diariodelnorte.es/news/presupuesto-7"


def page(meta_line: str, *, head: str = "", lang: str = "en", site: str = "Daily Courier",
         h1: str = "<h1>Council approves the budget</h1>", after: str = "",
         title: str = "Council approves the budget") -> str:
    return (f'<html lang="{lang}"><head><title>{title} | {site}</title>'
            f'<meta property="og:site_name" content="{site}">{head}</head><body>'
            f'<header class="site-header"><a class="logo" href="/">{site}</a></header>'
            f'<main><article>{h1}<div class="article-info">'
            f'{meta_line}</div><div class="article-body"><p>The vote was close.</p>'
            f"{BODY}</div></article>{after}</main>"
            f"<footer><p>© 2026 {site}</p></footer></body></html>")


def meta(html: str, url: str):
    return metadata_of(html, url)


def jsonld(record: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(record)}</script>'


# --- "Mis à jour le X … Publié le Y" on one line -----------------------------------------

def test_update_then_publication_on_one_line_is_the_publication() -> None:
    line = ('<p class="dates">Mis à jour le 8 septembre 2026 à 13h32 Publié le 1 septembre '
            "2026 à 17h25</p>")
    m = meta(page(line, lang="fr", site="Le Petit Courrier"), URL_FR)
    assert m.published_date == date(2026, 9, 1)


def test_english_updated_then_published_pair() -> None:
    line = '<p class="dates">Updated Sept. 8, 2026 Published Sept. 1, 2026</p>'
    assert meta(page(line), URL_US).published_date == date(2026, 9, 1)


def test_an_update_line_alone_still_dates_the_page() -> None:
    # near miss: an update and no publication on the line: the update's day stands
    line = '<p class="dates">Mis à jour le 8 septembre 2026 à 13h32</p>'
    m = meta(page(line, lang="fr", site="Le Petit Courrier"), URL_FR)
    assert m.published_date == date(2026, 9, 8)


def test_publication_then_update_keeps_the_first() -> None:
    # near miss: the usual order, the publication first
    line = ('<p class="dates">Publié le 1 septembre 2026 à 17h25, mis à jour le 8 septembre '
            "2026 à 13h32</p>")
    m = meta(page(line, lang="fr", site="Le Petit Courrier"), URL_FR)
    assert m.published_date == date(2026, 9, 1)


# --- "X con la collaborazione di Y" --------------------------------------------------------

def test_the_helper_of_a_collaboration_credit_is_no_author() -> None:
    line = '<p class="article-meta">Davide Colombo con la collaborazione di Anna Neri</p>'
    m = meta(page(line, lang="it", site="Corriere Locale"), URL_IT)
    assert m.authors == ["Davide Colombo"]


def test_a_bare_name_line_without_credit_is_no_byline() -> None:
    # near miss: a line naming two people in a sentence is no byline
    line = '<p class="article-meta">Davide Colombo incontra Anna Neri a Roma</p>'
    m = meta(page(line, lang="it", site="Corriere Locale"), URL_IT)
    assert m.authors == []


# --- JSON-LD Person whose name is a list ---------------------------------------------------

def test_every_name_of_a_listed_name_is_an_author() -> None:
    head = jsonld({"@context": "https://schema.org", "@type": "NewsArticle",
                   "headline": "Council approves the budget",
                   "author": {"@type": "Person", "name": ["Emily Sullivan", "Olivia Palmer"]}})
    assert meta(page("", head=head), URL_US).authors == ["Emily Sullivan", "Olivia Palmer"]


def test_a_name_in_several_languages_stays_one_author() -> None:
    # near miss: language-tagged values spell one name
    head = jsonld({"@context": "https://schema.org", "@type": "NewsArticle",
                   "headline": "Council approves the budget",
                   "author": {"@type": "Person", "name": [
                       {"@value": "Emily Sullivan", "@language": "en"},
                       {"@value": "Emily Sullivan", "@language": "de"}]}})
    assert meta(page("", head=head), URL_US).authors == ["Emily Sullivan"]


# --- a titled element beats another story's only heading -----------------------------------

TEASER = ('<article class="next-story"><h2><a href="/news/next-2">El sindicato docente '
          "prepara la reforma escolar</a></h2></article>")


def test_a_titled_element_beats_a_teaser_s_only_heading() -> None:
    headline = "Los agricultores aplazan el presupuesto anual"
    head = f'<meta property="og:title" content="{headline} - Diario del Norte">'
    html = page("", head=head, lang="es", site="Diario del Norte", after=TEASER,
                h1=f'<div class="headline">{headline}</div>', title=headline)
    assert meta(html, URL_ES).title == headline


def test_the_only_heading_stands_when_no_titled_element_agrees() -> None:
    # near miss: declared titles that are only a slogan, the only <h2> the headline
    head = '<meta property="og:title" content="Diario del Norte - Noticias de Navarra">'
    html = page("", head=head, lang="es", site="Diario del Norte", after="",
                h1="<h2>Los agricultores aplazan el presupuesto anual</h2>",
                title="Noticias de Navarra")
    assert meta(html, URL_ES).title == "Los agricultores aplazan el presupuesto anual"
