"""Session 53, round 2: family B of `bench/bench_meta_generated.py --unseen` made a tuning
set (family C is held out). "3 hours ago" is a day in the page's own zone, "Special to
the <outlet>" is no second name, "Von unserem Korrespondenten X" is a role before the
name, and "(dpa/jsn)" closing the story credits the agency, not the desk's initials.
Each page goes through `page_metadata` whole; beside every rule, the near-miss it must
leave."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.extract.article_pages import article_page, english_story, metadata_of

# 06:00 UTC: the evening before in Mexico City, the morning in Berlin
BODY = english_story("the cost and the timetable of the work")


def page(meta_line: str, *, body_end: str = "", lang: str = "en",
         site: str = "Valley Tribune", aside: str = "") -> str:
    return article_page(meta_line, headline="Council approves the budget", site=site,
                        lang=lang, body=BODY, footer=f"© 2026 {site}", body_end=body_end,
                        aside=aside)


def meta(html: str, url: str):
    return metadata_of(html, url)


# --- "3 hours ago": counted back from the fetch, dated in the page's zone ---------------

@pytest.mark.parametrize(("stamp", "lang", "url"), [
    ("hace 3 horas", "es", "https://www.elheraldo.com.mx/news/presupuesto-5"),
    ("2 hours ago", "en", "https://www.heraldo.com.mx/news/budget-5"),
])
def test_hours_ago_on_an_american_page_is_the_evening_before(stamp, lang, url) -> None:
    # 06:00Z less 2-3 hours is 03:00-04:00Z, the 3rd's evening in Mexico City
    m = meta(page(f'<span class="date">{stamp}</span>', lang=lang), url)
    assert m.published_date == date(2026, 12, 3)
    assert m.published_at_source == "relative"


def test_hours_ago_on_a_european_page_is_the_fetch_day() -> None:
    # near-miss: the same count in Berlin (07:00 on the 4th) stays the 4th
    m = meta(page('<span class="date">vor 3 Stunden</span>', lang="de"),
             "https://www.rheinbote.de/news/haushalt-5")
    assert m.published_date == date(2026, 12, 4)


# --- "Special to the <outlet>" ----------------------------------------------------------

def test_special_to_the_outlet_is_no_second_author() -> None:
    m = meta(page('<p class="article-meta">By Hannah Bennett, Special to the Valley '
                  "Tribune</p>"), "https://www.valleytribune.com/news/budget-5")
    assert m.authors == ["Hannah Bennett"]


def test_a_second_name_after_the_comma_stays_an_author() -> None:
    # near-miss: a comma before another reporter's name joins two authors
    m = meta(page('<p class="article-meta">By Hannah Bennett, Robert Carter</p>'),
             "https://www.valleytribune.com/news/budget-5")
    assert m.authors == ["Hannah Bennett", "Robert Carter"]


# --- a role before the name: "Von unserem Korrespondenten X" ---------------------------

@pytest.mark.parametrize(("line", "lang", "name"), [
    ("Von unserem Korrespondenten Julia Becker", "de", "Julia Becker"),
    ("Von unserer Brüssel-Korrespondentin Anna Zimmermann", "de", "Anna Zimmermann"),
    ("De notre correspondant Thomas Chevalier", "fr", "Thomas Chevalier"),
    ("De nuestro corresponsal Andrés Ortega", "es", "Andrés Ortega"),
    ("Dal nostro corrispondente Marco Ricci", "it", "Marco Ricci"),
])
def test_our_correspondent_before_the_name(line, lang, name) -> None:
    m = meta(page(f'<p class="article-meta">{line}</p>', lang=lang),
             "https://www.allgaeuer-anzeiger.de/news/haushalt-9")
    assert m.authors == [name]


@pytest.mark.parametrize("line", ["Von unserer Redaktion",
                                  "Von unserem Korrespondenten in Brüssel"])
def test_our_newsroom_without_a_name_names_nobody(line) -> None:
    # near-miss: the newsroom, or the correspondent's city, with no reporter named
    m = meta(page(f'<p class="article-meta">{line}</p>', lang="de"),
             "https://www.allgaeuer-anzeiger.de/news/haushalt-9")
    assert m.authors == []


# --- "(dpa/jsn)": the agency, not the desk's initials ----------------------------------

@pytest.mark.parametrize(("credit", "agency"), [
    ("(dpa/jsn)", "dpa"), ("(AFP/mba)", "AFP"), ("(Reuters)", "Reuters"),
    ("(jsn/dpa)", "dpa"),
])
def test_an_agency_credit_closing_the_story_is_the_byline(credit, agency) -> None:
    m = meta(page("", body_end=f"<p>{credit}</p>", lang="de"),
             "https://www.allgaeuer-anzeiger.de/news/haushalt-9")
    assert m.authors == [agency]


@pytest.mark.parametrize("credit", ["(jsn)", "(Foto: dpa)", "(AP Photo)"])
def test_initials_or_a_picture_credit_name_nobody(credit) -> None:
    # near-miss: a desk's initials alone, a photo's credit
    m = meta(page("", body_end=f"<p>{credit}</p>", lang="de"),
             "https://www.allgaeuer-anzeiger.de/news/haushalt-9")
    assert m.authors == []


def test_a_named_reporter_wins_over_the_agency_credit() -> None:
    m = meta(page('<p class="article-meta">Von Julia Becker</p>', body_end="<p>(dpa/jsn)</p>",
                  lang="de"), "https://www.allgaeuer-anzeiger.de/news/haushalt-9")
    assert m.authors == ["Julia Becker"]


def test_a_teasers_agency_credit_is_not_the_storys() -> None:
    aside = ('<aside class="related"><article class="teaser"><h4>Anderes Thema</h4>'
             "<p>(dpa/jsn)</p></article></aside>")
    m = meta(page("", lang="de", aside=aside),
             "https://www.allgaeuer-anzeiger.de/news/haushalt-9")
    assert m.authors == []
