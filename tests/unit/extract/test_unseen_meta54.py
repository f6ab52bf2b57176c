"""Session 54, round 6: family F of `bench/bench_meta_generated.py --unseen` made a tuning
set (family G is held out). The German label for both genders ("Autor/in:"), the Dutch
newsroom's label before a name ("Redactie:"), a report's credit ("Reportage de X"); an
<h1> naming the section over the story's headline in the next heading; and a page that
sets its headline in no element, whose byline and date lines atop its only <article>
are read as the lines beside the headline. Each page goes through `page_metadata` whole;
beside every rule, the near-miss it must leave."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.extract.article_pages import german_story, metadata_of

STORY = german_story("Kosten")
URL_DE = "https://www.rheinbote.de/region/haushalt-7"
URL_NL = "https://www.dagbladoost.nl/region/begroting-7"
URL_FR = "https://www.voixdusud.fr/region/budget-7"


def story_page(top: str, *, site: str = "Rheinbote", lang: str = "de",
               title: str = "Kreisklinik verschiebt den Hochwasserschutz", head: str = "",
               nav: str = "", after: str = "") -> str:
    """A story page: `top` opens the <article> (a heading and a meta line, or the meta line
    alone), `nav` in the site's header, `after` after <main>."""
    return (f'<html lang="{lang}"><head><title>{title} | {site}</title>'
            f'<meta property="og:site_name" content="{site}">{head}</head><body>'
            f'<header class="site-header"><a class="logo" href="/">{site}</a>{nav}</header>'
            f'<main><article>{top}<div class="article-body">{STORY}</div></article></main>'
            f"{after}<footer><p>© 2026 {site}</p></footer></body></html>")


def meta(html: str, url: str = URL_DE):
    return metadata_of(html, url)


def with_headline(line: str, headline: str = "Kreisklinik verschiebt den Hochwasserschutz"):
    return f'<h1>{headline}</h1><div class="article-info">{line}</div>'


# --- bylines -------------------------------------------------------------------------------

@pytest.mark.parametrize("label", ["Autor/in:", "Autor:in:", "Autor*in:", "Autor/innen:"])
def test_the_label_for_both_genders_opens_a_byline(label: str) -> None:
    line = f'<p class="article-meta">{label} Anna Brandt</p>'
    assert meta(story_page(with_headline(line))).authors == ["Anna Brandt"]


def test_the_gendered_label_before_no_name_names_nobody() -> None:
    # near miss: "Autor/in gesucht" (a job advert's line) has no capitalised name after it
    line = '<p class="article-meta">Autor/in gesucht für unsere Lokalredaktion</p>'
    assert meta(story_page(with_headline(line))).authors == []


def test_the_dutch_newsroom_label_before_a_name() -> None:
    line = '<p class="article-meta">Redactie: Eva van der Vos</p>'
    page = story_page(with_headline(line, "Boeren in Drenthe stellen de begroting uit"),
                      site="Dagblad Oost", lang="nl")
    assert meta(page, URL_NL).authors == ["Eva van der Vos"]


def test_the_dutch_newsroom_label_before_a_desk_names_nobody() -> None:
    # near miss: the desk's one word is no reporter
    line = '<p class="article-meta">Redactie: Binnenland</p>'
    page = story_page(with_headline(line, "Boeren in Drenthe stellen de begroting uit"),
                      site="Dagblad Oost", lang="nl")
    assert meta(page, URL_NL).authors == []


def test_a_reports_credit_names_its_reporter() -> None:
    line = '<p class="article-meta">Reportage de Léa Lambert</p>'
    page = story_page(with_headline(line, "L'hôpital régional reporte la digue du port"),
                      site="La Voix du Sud", lang="fr")
    assert meta(page, URL_FR).authors == ["Léa Lambert"]


@pytest.mark.parametrize("line", ["Reportage de guerre à Kiev", "Reportage de Kiev"])
def test_a_report_about_a_thing_or_a_place_names_nobody(line: str) -> None:
    # near misses: a genre and its subject in lower case; one capitalised word, a place
    page = story_page(with_headline(f'<p class="article-meta">{line}</p>',
                                    "L'hôpital régional reporte la digue du port"),
                      site="La Voix du Sud", lang="fr")
    assert meta(page, URL_FR).authors == []


# --- the section's <h1> over the headline ------------------------------------------------

HEADLINE = "Kreisklinik verschiebt den Hochwasserschutz"
NAV = ('<nav><ul><li><a href="/politik">Politik</a></li><li><a href="/sport">Sport</a></li>'
       "</ul></nav>")


def test_a_section_class_h1_over_the_headline_in_an_h2() -> None:
    top = ('<h1 class="section">Politique</h1><h2>L&#x27;hôpital régional reporte la digue'
           ' du port</h2><div class="article-info"><p class="byline">Par Léa Fontaine</p>'
           "</div>")
    page = story_page(top, site="La Voix du Sud", lang="fr", title="Politique")
    assert meta(page, URL_FR).title == "L'hôpital régional reporte la digue du port"


def test_an_h1_that_is_a_menu_link_over_the_headline() -> None:
    top = f"<h1>Politik</h1><h2>{HEADLINE}</h2>"
    assert meta(story_page(top, title="Politik", nav=NAV)).title == HEADLINE


def test_a_one_word_h1_with_no_sign_of_a_section_stays() -> None:
    # near miss: no section class and no link of that name: the <h1> is the title
    top = f"<h1>Politik</h1><h2>{HEADLINE}</h2>"
    assert meta(story_page(top, title="Politik")).title == "Politik"


def test_a_motto_under_a_page_title_is_no_headline() -> None:
    # near miss (fairkom.eu's about page): the heading under the menu-named <h1> opens in
    # lower case, a motto
    nav = '<nav><a href="/about">Über uns</a></nav>'
    top = "<h1>Über uns</h1><h2>am Werkeln seit 1994</h2>"
    assert meta(story_page(top, title="Über uns", nav=nav)).title == "Über uns"


def test_a_headline_over_its_deck_keeps_the_headline() -> None:
    # near miss: an <h1> of three words and more is the headline, the <h2> its deck
    top = ('<h1 class="section-title">Klinik stoppt Bauprojekt</h1><h2>Der Kreistag will '
           "die Pläne im Januar neu beraten</h2>")
    assert meta(story_page(top, title="Klinik stoppt Bauprojekt")).title == (
        "Klinik stoppt Bauprojekt")


# --- a page with no headline element ------------------------------------------------------

def test_the_byline_atop_a_story_with_no_headline_element() -> None:
    top = ('<div class="article-info"><p class="article-meta">Redactie: Joris Hendriks</p> '
           '<span class="date">2025/04/10 11:22</span></div>')
    page = story_page(top, site="Dagblad Oost", lang="nl",
                      head=f'<meta property="og:title" content="{HEADLINE}">')
    m = meta(page, URL_NL)
    assert m.authors == ["Joris Hendriks"]
    assert m.published_date == date(2025, 4, 10)


def test_a_date_attribute_that_opens_a_story_with_no_headline_element() -> None:
    # (the related teaser's <time> is the only other date: htmldate's, and no story's)
    top = ('<div class="article-info"><span class="timestamp" '
           'data-date="2025-06-08T19:50:00+01:00">19:50</span></div>')
    teaser = ('<aside class="related"><article class="teaser"><h4>Mehr zum Thema</h4>'
              '<time datetime="2025-04-12T09:00:00">12. April 2025</time></article></aside>')
    assert meta(story_page(top, after=teaser)).published_date == date(2025, 6, 8)


def test_a_page_of_several_stories_has_no_story_top() -> None:
    # near miss: two <article>s and no headline: which story's line would it be?
    card = ('<article><div class="article-info"><p class="article-meta">Redactie: Joris '
            'Hendriks</p></div><p>Korte samenvatting van het verhaal.</p></article>')
    page = (f'<html lang="nl"><head><title>Dagblad Oost</title></head><body><main>{card}'
            f"{card.replace('Joris Hendriks', 'Eva de Vos')}</main></body></html>")
    assert meta(page, URL_NL).authors == []


def test_a_teaser_article_does_not_hide_the_story_top() -> None:
    top = '<div class="article-info"><p class="article-meta">Redactie: Joris Hendriks</p></div>'
    teaser = ('<aside class="related"><article class="teaser"><h4>Ander nieuws</h4>'
              '<p class="byline">Door Bram Peters</p></article></aside>')
    page = story_page(top, site="Dagblad Oost", lang="nl", after=teaser)
    assert meta(page, URL_NL).authors == ["Joris Hendriks"]
