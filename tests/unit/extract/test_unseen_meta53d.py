"""Session 53, round 3: family C of `bench/bench_meta_generated.py --unseen` made a tuning
set (family D is held out). A weekday and day with no year and a wire dateline with no
year are dated by the fetch; an epoch in a `data-*` date attribute beside the headline is
read; a teaser's `<time>` and a "Last reviewed" line do not date a page nothing else
dates; the Italian "Ultimo aggiornamento" is an update; "Reportage:/Interview:" open a
byline; the photographer of "X (Text) und Y (Fotos)" is no author. Each page goes
through `page_metadata` whole; beside every rule, the near-miss it must leave."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tests.unit.extract.article_pages import NOW, article_page, english_story, metadata_of

# a Friday, 06:00 UTC
BODY = english_story("the cost and the timetable of the work")
URL_DE = "https://www.rheinbote.de/news/haushalt-7"
URL_EN = "https://www.northernecho.co.uk/news/budget-7"


def page(meta_line: str, *, lead: str = "", body_end: str = "", lang: str = "en",
         aside: str = "", site: str = "Rheinbote") -> str:
    return article_page(meta_line, headline="Council approves the budget", site=site,
                        lang=lang, body=f"<p>{lead}The vote was close.</p>{BODY}",
                        footer=f"© 2026 {site}", body_end=body_end, aside=aside)


def meta(html: str, url: str, now: datetime = NOW):
    return metadata_of(html, url, now)


TEASER = ('<aside class="related"><h3>Read more</h3><article class="teaser"><a href="/n/1">'
          '<h4>Port plans a new quay</h4></a><p class="byline">By James Sullivan</p>'
          '<time datetime="2024-11-29T09:00:00">Nov. 29, 2024</time></article></aside>')


# --- a weekday and a day, no year: the latest such day not after the fetch ------------

@pytest.mark.parametrize(("shown", "lang", "url", "want"), [
    ("Thursday 3 December", "en", URL_EN, date(2026, 12, 3)),
    ("Montag, 30. November", "de", URL_DE, date(2026, 11, 30)),
    ("jeudi 3 décembre", "fr", "https://www.voixdusud.fr/news/budget-7", date(2026, 12, 3)),
    ("Thursday, December 3, 2:05 p.m.", "en", URL_EN, date(2026, 12, 3)),
])
def test_a_yearless_day_beside_the_headline_is_dated_by_the_fetch(shown, lang, url,
                                                                   want) -> None:
    m = meta(page(f'<span class="date">{shown}</span>', lang=lang, aside=TEASER), url)
    assert m.published_date == want


def test_a_yearless_day_after_the_fetch_is_last_year_s() -> None:
    # fetched on 2 December 2026, 5 December is last year's: a Friday in 2025
    m = meta(page('<span class="date">Thursday 5 December</span>'), URL_EN,
             now=datetime(2026, 12, 2, 6, 0, tzinfo=UTC))
    assert m.published_date is None  # 2025-12-05 is a Friday: the weekday refuses it
    m = meta(page('<span class="date">Friday 5 December</span>'), URL_EN,
             now=datetime(2026, 12, 2, 6, 0, tzinfo=UTC))
    assert m.published_date == date(2025, 12, 5)


def test_a_weekday_that_disagrees_refuses_the_day() -> None:
    # near-miss: 3 December 2026 is a Thursday, not a Monday
    m = meta(page('<span class="date">Monday 3 December</span>'), URL_EN)
    assert m.published_date is None


def test_a_day_and_month_in_a_sentence_date_nothing() -> None:
    # near-miss: not a date element, and a word before the day that is no weekday
    m = meta(page('<span class="date">Stand 3. Dezember</span>',
                  lead="Am 3. Dezember stimmte der Rat ab. ", lang="de"), URL_DE)
    assert m.published_date is None


# --- the wire dateline with no year -----------------------------------------------------

@pytest.mark.parametrize(("lead", "want"), [
    ("BERLIN, Dec. 3 (Reuters) - ", date(2026, 12, 3)),
    ("WASHINGTON, Mar 30 (AP) — ", date(2026, 3, 30)),
    ("BERLIN, May 12 (Reuters) - ", date(2026, 5, 12)),
    ("PARIS, Dec. 5 (AFP) - ", date(2025, 12, 5)),  # after the fetch: last year's
])
def test_a_wire_dateline_is_dated_by_the_fetch(lead, want) -> None:
    m = meta(page("", lead=lead, aside=TEASER), URL_EN)
    assert m.published_date == want


def test_a_dateline_without_the_agency_credit_dates_nothing() -> None:
    # near-miss: "BERLIN, Dec. 3 - " with no wire credit may be a column's place line
    m = meta(page("", lead="BERLIN, Dec. 3 - "), URL_EN)
    assert m.published_date is None


# --- an epoch in a data-* date attribute ------------------------------------------------

@pytest.mark.parametrize(("attr", "value"), [
    ("data-timestamp", "1764770700"),        # 2025-12-03T14:05Z, seconds
    ("data-published", "1764770700000"),     # milliseconds
])
def test_an_epoch_date_attribute_beside_the_headline(attr, value) -> None:
    m = meta(page(f'<span class="article-time" {attr}="{value}"></span>', aside=TEASER),
             URL_DE)
    assert m.published_date == date(2025, 12, 3)


@pytest.mark.parametrize(("attr", "value"), [
    ("data-timestamp", "1900000000"),   # 2030: after the fetch
    ("data-id", "1764770700"),           # an id, not a date attribute
    ("data-timestamp", "176477070"),     # nine digits: no epoch of this century
])
def test_other_numbers_in_attributes_date_nothing(attr, value) -> None:
    m = meta(page(f'<span class="article-time" {attr}="{value}"></span>'), URL_DE)
    assert m.published_date is None


# --- a page nothing dates: a teaser's <time>, a "Last reviewed" line ---------------------

def test_a_teaser_time_does_not_date_the_page() -> None:
    m = meta(page('<figure><img src="https://cdn.example.com/wp-content/uploads/2026/11/'
                  'photo-1.jpg" alt=""></figure>', aside=TEASER), URL_EN)
    assert m.published_date is None


def test_the_same_time_in_the_story_dates_it() -> None:
    # near-miss: a <time> of that day in the story itself still counts
    m = meta(page('<p class="info">Nov. 29, 2024 '
                  '<time datetime="2024-11-29T09:00:00"></time></p>', aside=TEASER), URL_EN)
    assert m.published_date == date(2024, 11, 29)


@pytest.mark.parametrize(("line", "lang"), [("Last reviewed: Dec 3, 2026", "en"),
                                            ("Zuletzt geprüft: 03.12.2026", "de")])
def test_a_review_line_does_not_date_the_page(line, lang) -> None:
    m = meta(page("", body_end=f'<p class="reviewed">{line}</p>', lang=lang), URL_DE)
    assert m.published_date is None


def test_a_plain_date_line_in_the_text_still_dates_it() -> None:
    # near-miss: the last-resort first date in the text, without a review label
    m = meta(page("", body_end='<p class="x">Berlin, 02.12.2026</p>', lang="de"), URL_DE)
    assert m.published_date == date(2026, 12, 2)


# --- the Italian update label -----------------------------------------------------------

def test_ultimo_aggiornamento_is_the_update() -> None:
    m = meta(page('<div class="dates"><span>Ultimo aggiornamento: 8 agosto 2025</span> '
                  "<span>Data di pubblicazione: 31 luglio 2025</span></div>", lang="it"),
             "https://www.lagazzetta.it/news/bilancio-7")
    assert m.published_date == date(2025, 7, 31)


# --- "Reportage:/Interview:" ------------------------------------------------------------

@pytest.mark.parametrize(("line", "lang"), [
    ("Reportage: Julia Becker", "de"), ("Interview: Julia Becker", "de"),
    ("Reportage : Julia Becker", "fr"), ("Propos recueillis par Julia Becker", "fr"),
])
def test_a_genre_label_opens_the_byline(line, lang) -> None:
    m = meta(page(f'<p class="article-meta">{line}</p>', lang=lang), URL_DE)
    assert m.authors == ["Julia Becker"]


def test_interview_with_names_the_subject_not_the_author() -> None:
    # near-miss: "Interview mit X" (no colon) is about X
    m = meta(page('<p class="article-meta">Interview mit Angela Keller</p>', lang="de"),
             URL_DE)
    assert m.authors == []


# --- "(Text) und (Fotos)" ---------------------------------------------------------------

@pytest.mark.parametrize(("line", "lang"), [
    ("Anna Keller (Text) und Jonas Weber (Fotos)", "de"),
    ("Anna Keller (texte) et Xavier-Jean de Beaumont (photos)", "fr"),
])
def test_the_photographer_is_no_author(line, lang) -> None:
    m = meta(page(f'<p class="credits">{line}</p>', lang=lang), URL_DE)
    assert m.authors == ["Anna Keller"]


def test_two_writers_stay_two() -> None:
    # near-miss: no picture role, both names are authors
    m = meta(page('<p class="credits">Anna Keller und Jonas Weber</p>', lang="de"), URL_DE)
    assert m.authors == ["Anna Keller", "Jonas Weber"]
