"""Mutation seed 78: the metadata rules of rounds 6-7 through `page_metadata`, each with
the page that decides it: a date drawn from an empty element's aria-label, a page whose
headline stands in no element (its first line is the headline's place), the author of
an `article:author` profile URL on the site itself, a bio sentence after a byline's name,
and a section's name in the <h1> over the headline in an <h2>."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from lxml.html import fromstring

from tasks.extract.metadata import page_metadata

NOW = datetime(2026, 12, 4, 6, 0, tzinfo=UTC)
URL = "https://www.riversidepost.com/news/wind-farm-7"
HEADLINE = "Council plans wind farm by the river"
P = ("<p>The council met for the third time this month and agreed on a plan for the "
     "new wind farm after long debates with the neighbours.</p>")


def page(top: str = "", *, head: str = "", h1: str = f"<h1>{HEADLINE}</h1>", nav: str = "",
         title: str = "Council plans wind farm | Riverside Post") -> str:
    return (f'<html lang="en"><head><title>{title}</title>{head}</head><body>{nav}<main>'
            f'<article>{h1}{top}<div class="article-body">{P * 3}</div></article></main>'
            "</body></html>")


def meta(html: str, url: str | None = URL):
    return page_metadata(fromstring(html), url, now=NOW)


# --- a date a script draws from an aria-label -------------------------------------------

@pytest.mark.parametrize("line", [
    '<div class="gnt_ar_dt" aria-label="Published 9:40 p.m. ET March 5, 2026 | Updated '
    '10:00 a.m. ET March 6, 2026"></div>',
    '<div class="story-date" aria-label="March 5, 2026"></div>',
    '<div class="meta" aria-label="Published March 5, 2026"></div>'])
def test_an_empty_elements_aria_label_dates_the_page(line: str) -> None:
    m = meta(page(line))
    assert (m.published_date, m.published_at_source) == (date(2026, 3, 5), "headline")


@pytest.mark.parametrize("line", [
    '<div class="x" aria-label="March 5, 2026"></div>',  # no label, no date class
    '<div class="story-date" aria-label="Updated March 6, 2026 Published March 5, 2026">'
    "</div>",  # the label opens with the update
    '<div class="story-date" aria-label="Updated March 6, 2026"></div>',
    '<div class="meta" aria-label="Published March 5, 2026">Share</div>',  # text shown
    '<div class="meta" aria-label="Published March 5, 2026"><i></i></div>'])
def test_an_aria_label_that_is_no_shown_publication_date_is_not_read(line: str) -> None:
    assert meta(page(line)).published_date is None


# --- a headline in no element: the story's first line stands in for it -------------------

def test_the_first_line_of_a_story_with_no_headline_element_is_read_as_its_top() -> None:
    m = meta(page('<p class="byline">By Laura Reynolds, March 5, 2026</p>', h1=""))
    assert (m.published_date, m.published_at_source) == (date(2026, 3, 5), "headline")
    assert m.authors == ["Laura Reynolds"]


@pytest.mark.parametrize("wrap", [
    "<aside><article>{}</article></aside>", '<article class="teaser-card">{}</article>'])
def test_a_teasers_article_does_not_count_against_the_only_story(wrap: str) -> None:
    teaser = wrap.format("<p>Ferries return, June 1, 2025</p>")
    html = page('<p class="byline">By Laura Reynolds, March 5, 2026</p>', h1="").replace(
        "</main>", f"</main>{teaser}")
    assert meta(html).published_at_source == "headline"


def test_a_page_of_two_stories_has_no_first_line_to_read() -> None:
    two = page('<p class="byline">By Laura Reynolds, March 5, 2026</p>', h1="").replace(
        "</main>", "<article><p>Ferries return, June 1, 2025</p></article></main>")
    assert meta(two).published_at_source != "headline"


# --- the author of a profile URL on the site itself ---------------------------------------

@pytest.mark.parametrize("profile, name", [
    ("https://www.riversidepost.com/author/laura-reynolds", "Laura Reynolds"),
    ("https://riversidepost.com/autorin/laura-van-reynolds/", "Laura van Reynolds"),
    ("https://www.riversidepost.com/profiles/Anna-Maria-de-Vos", "Anna Maria de Vos"),
    (" https://www.riversidepost.com/journalisten/eva-berg ", "Eva Berg"),
    ("http://www.riversidepost.com/author/laura-reynolds", "Laura Reynolds")])
def test_an_article_author_profile_on_the_site_names_the_author(profile, name) -> None:
    head = f'<meta property="article:author" content="{profile}">'
    assert meta(page(head=head)).authors == [name]


@pytest.mark.parametrize("profile", [
    "https://www.facebook.com/author/laura-reynolds", "https://www.riversidepost.com/author/staff-12",
    "https://www.riversidepost.com/author/laura", "https://www.riversidepost.com/author/a-b-c-d-e",
    "https://www.riversidepost.com/news/laura-reynolds"])
def test_a_profile_elsewhere_or_no_persons_slug_names_nobody(profile: str) -> None:
    head = f'<meta property="article:author" content="{profile}">'
    assert meta(page(head=head)).authors == []


def test_a_profile_url_names_nobody_without_the_pages_url() -> None:
    head = ('<meta property="article:author" '
            'content="https://www.riversidepost.com/author/laura-reynolds">')
    assert meta(page(head=head), None).authors == []


def test_the_first_profile_on_the_site_is_read_after_one_elsewhere() -> None:
    head = ('<meta property="article:author" content="https://www.facebook.com/lauraposts">'
            '<meta property="article:author" '
            'content="https://www.riversidepost.com/author/laura-reynolds">')
    assert meta(page(head=head)).authors == ["Laura Reynolds"]


# --- the headline under a section's <h1> ------------------------------------------------

NAV = '<nav><a href="/politics">Politics</a><a href="/local">Local politics</a></nav>'


@pytest.mark.parametrize("top, nav", [
    (f'<h1 class="section-name">Politics</h1><h2>{HEADLINE}</h2>', ""),
    (f'<h1 class="kicker">Politics</h1><h3>{HEADLINE}</h3>', ""),
    (f"<h1>Politics</h1><h2>{HEADLINE}</h2>", NAV),
    (f"<h1>Local politics</h1><h2>{HEADLINE}</h2>", NAV),
    ("<h1>Politics</h1><h2>Council plans farm</h2>", NAV)])
def test_a_sections_h1_gives_way_to_the_headline_under_it(top: str, nav: str) -> None:
    below = fromstring(top).xpath("string(//h2|//h3)")
    assert meta(page(h1=top, nav=nav, title="Riverside Post")).title == below


@pytest.mark.parametrize("top, nav", [
    (f"<h1>Politics</h1><h2>{HEADLINE}</h2>", ""),  # no link, no class: a short headline
    (f"<h1>Local politics news</h1><h2>{HEADLINE}</h2>",
     '<nav><a href="/p">Local politics news</a></nav>'),  # three words
    ("<h1>Politics</h1><h2>Council plans</h2>", NAV),  # two words below
    ("<h1>Politics</h1><h2>am Werkeln seit 1994</h2>", NAV),  # a motto in lower case
    (f"<h1>Politics</h1><p>x</p><h2>{HEADLINE}</h2>", NAV),  # not right after
    (f"<h1>Politics</h1><h4>{HEADLINE}</h4>", NAV)])
def test_an_h1_that_is_the_headline_stays(top: str, nav: str) -> None:
    h1 = fromstring(top).xpath("string(//h1)")
    assert meta(page(h1=top, nav=nav, title="Riverside Post")).title == h1


def test_the_h1s_own_link_does_not_make_it_a_section() -> None:
    top = f'<h1><a href="/p">Politics</a></h1><h2>{HEADLINE}</h2>'
    assert meta(page(h1=top, title="Riverside Post")).title == "Politics"


# --- the aria-label's bounds and languages ---------------------------------------------

def _fr(line: str) -> str:
    return page(line).replace('<html lang="en">', '<html lang="fr">')


@pytest.mark.parametrize("line", [
    '<div class="x" aria-label="Publié le 05/03/2026 à 10h00"></div>',  # day first, French
    '<div class="x" aria-label="Publié le 5 mars 2026 à 10h"></div>',  # a label not ASCII
    '<div class="date" aria-label="05/03/2026 10:00"></div>'])
def test_a_french_aria_label_reads_day_first(line: str) -> None:
    m = meta(_fr(line), "https://www.lepost.fr/a")
    assert (m.published_date, m.published_at_source) == (date(2026, 3, 5), "headline")


def test_an_aria_label_of_a_class_cue_not_in_ascii_is_read() -> None:
    html = page('<div class="fecha-publicación" aria-label="5 de marzo de 2026"></div>')
    m = meta(html.replace('<html lang="en">', '<html lang="es">'), "https://www.elpost.es/a")
    assert (m.published_date, m.published_at_source) == (date(2026, 3, 5), "headline")


def test_an_aria_label_of_the_date_text_bound_is_a_paragraph() -> None:
    from tasks.extract.headline_area import MAX_DATE_TEXT
    lead = "Published March 5, 2026 "
    short = f'<div class="x" aria-label="{lead}{"x" * (MAX_DATE_TEXT - 1 - len(lead))}"></div>'
    assert meta(page(short)).published_date == date(2026, 3, 5)
    at = f'<div class="x" aria-label="{lead}{"x" * (MAX_DATE_TEXT - len(lead))}"></div>'
    assert meta(page(at)).published_date is None


def test_an_aria_label_whose_only_day_is_the_updates_gives_no_publication() -> None:
    line = '<div class="x" aria-label="Published 9:40 p.m. ET | Updated March 6, 2026"></div>'
    assert meta(page(line)).published_date is None


# --- what counts as the page's only story --------------------------------------------------

BYLINE = '<p class="byline">By Laura Reynolds, March 5, 2026</p>'


def test_an_article_inside_the_story_does_not_count_as_a_second_story() -> None:
    html = page(BYLINE, h1="").replace(
        "</div></article>", "</div><article><p>Ferries return, June 1, 2025</p></article>"
        "</article>")
    assert meta(html).published_at_source == "headline"


def test_a_story_holding_a_refused_heading_has_no_first_line_anchor() -> None:
    html = page(BYLINE, h1="").replace("</div></article>", "</div><h3>Related</h3></article>")
    assert meta(html).published_at_source != "headline"


# --- a bio sentence after the byline's name ---------------------------------------------

@pytest.mark.parametrize("line", [
    "By Laura Reynolds is a senior reporter at the Post",
    "Laura Reynolds is a senior reporter covering the city.",
    "Laura Reynolds is the chief correspondent of the Post",
    "Laura Reynolds is a staff writer at the Post"])
@pytest.mark.parametrize("cls", ["byline", "author-bio"])
def test_a_bio_after_the_name_leaves_the_name(line: str, cls: str) -> None:
    html = page(f'<div class="{cls}">{line}</div>')
    assert meta(html).authors == ["Laura Reynolds"]
