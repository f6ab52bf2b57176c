"""Metadata rules found on generated pages (bench/bench_meta_generated.py): each is a page
convention of many sites, written here as the smallest page that shows it."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from lxml.html import fromstring

from tasks.extract import dates
from tasks.extract.bylines import clean_author_name
from tasks.extract.headline_area import parse_visible_date
from tasks.extract.metadata import page_metadata

NOW = datetime(2024, 5, 3, 12, 0, tzinfo=UTC)
TEXT = "<p>" + "The council met for the third time this month to discuss the plan. " * 4 + "</p>"


def page(head: str = "", body: str = "", url: str = "https://www.example.com/news/story",
         lang: str = "en"):
    tree = fromstring(f"<html lang={lang}><head>{head}</head><body><main><article>{body}{TEXT}"
                      "</article></main></body></html>")
    return page_metadata(tree, url, now=NOW)


def jsonld(**fields) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", **fields}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


HEADLINE = "<h1>City council approves the new tram line</h1>"
TITLE = "<title>City council approves the new tram line | Courier</title>"


# --- dates -------------------------------------------------------------------------------

def test_a_date_line_with_the_update_beside_the_publication_gives_the_publication() -> None:
    # the line's container is the date element nearest the headline; read whole, its
    # first date the parser knows was the update's ("april" is, "maart" is not), and
    # beside the headline that outvoted the JSON-LD
    for line in (
        '<time datetime="2024-03-24T09:00:00+01:00">24 maart 2024</time> '
        '<span class="updated">Bijgewerkt op: 12 april 2024</span>',
        "<span>Gepubliceerd op 24 maart 2024</span> <span>Bijgewerkt op 12 april 2024</span>",
    ):
        md = page(TITLE + jsonld(datePublished="2024-03-24T09:12:00+01:00"),
                  f'{HEADLINE}<div class="article-info">{line}</div>')
        assert md.published_date == date(2024, 3, 24), line


def test_a_date_line_showing_only_the_update_still_dates_the_page() -> None:
    # the dev corpus's annotators take the day such a line shows (cnn.com, tagesanzeiger.ch)
    md = page(TITLE + jsonld(datePublished="2024-04-03T09:12:00+02:00"),
              f'{HEADLINE}<div class="article-info"><span class="updated">Updated: 20 April'
              " 2024</span></div>")
    assert md.published_date == date(2024, 4, 20)


def test_a_slashed_date_whose_day_and_month_are_equal_is_no_ambiguity() -> None:
    assert parse_visible_date("02/02/2024") == date(2024, 2, 2)
    assert parse_visible_date("Publicado el: 11/11/2023") == date(2023, 11, 11)
    assert parse_visible_date("03/04/2024") is None  # either order: no day


@pytest.mark.parametrize(("shown", "day"), [
    ("Published 5/1/2024 10:00 AM", date(2024, 5, 1)),
    ("5/1/2024 at 10:00 a.m.", date(2024, 5, 1)),
    ("05/01/2024, 3:45 PM ET", date(2024, 5, 1)),
    ("5/1/2024 | 10:00AM CDT", date(2024, 5, 1)),
    ("05/01/2024 14:00 EDT", date(2024, 5, 1)),
    # no American clock: either order, no day
    ("05/01/2024 10:00 AM IST", None),
    ("5/1/2024 10:00 AM GMT", None),
    ("05/01/2024 10:00", None),
    ("5/1/2024 10:00 Amsterdam", None),
    ("5/1/2024", None),
])
def test_an_american_clock_after_an_ambiguous_slashed_date_reads_it_month_first(shown, day):
    """US local news writes "Published 5/1/2024 10:00 AM EDT": left as no date, the page
    fell to htmldate, which read the 5th of January."""
    assert parse_visible_date(shown) == day
    # a page whose language writes the day first keeps its order; a machine field is
    # read without the clock (El Universal's meta "10/05/2022 05:22 pm", a Spanish page)
    assert parse_visible_date(shown, day_first=True) == date(2024, 1, 5)
    assert parse_visible_date(shown, by_clock=False) is None


def test_an_american_byline_date_is_the_page_date_and_a_machine_field_is_not_read_by_clock():
    body = (f'{HEADLINE}<div class="article-info"><span class="date">Published 5/1/2024 '
            "10:00 AM EDT</span></div>")
    assert page(TITLE, body, lang="en-US").published_date == date(2024, 5, 1)
    assert dates.parse_date("10/05/2022 05:22 pm") is None


@pytest.mark.parametrize(("lang", "stamp", "day"), [
    ("en-US", "Updated: 5/3/2024 2:15 PM EDT", date(2024, 5, 3)),
    ("en", "Last updated 05/03/2024 at 9:05 a.m.", date(2024, 5, 3)),
    # a language that writes the day first keeps htmldate's reading, its clock or not
    ("en-GB", "Updated: 5/3/2024 2:15 pm", date(2024, 3, 5)),
    # no American clock and no en-US (which on a .com reads month first, round 53's
    # family D): htmldate's day-first reading stands
    ("en", "Updated: 5/3/2024", date(2024, 3, 5)),
    ("en-US", "Updated: 5/3/2024", date(2024, 5, 3)),
])
def test_an_update_stamp_left_to_htmldate_is_read_month_first_by_its_american_clock(
        lang, stamp, day) -> None:
    """An update stamp alone is no date beside the headline, so the page fell to htmldate,
    which read "5/3/2024 2:15 PM EDT" as the 5th of March."""
    md = page(TITLE, f'{HEADLINE}<div class="date">{stamp}</div>', lang=lang)
    assert (md.published_date, md.published_at_source) == (day, "htmldate")


@pytest.mark.parametrize(("text", "read", "american"), [
    ("Updated: 5/3/2024 2:15 PM EDT", date(2024, 3, 5), date(2024, 5, 3)),
    ("Posted 12/11/2023 - 10:00 am", date(2023, 11, 12), date(2023, 12, 11)),
    ("Updated: 5/3/2024 2:15 PM EDT", date(2023, 3, 5), None),  # another year
    ("Updated: 5/3/2024 2:15 PM EDT", date(2024, 5, 3), None),  # already month first
    ("Updated: 5/3/2024 14:15", date(2024, 3, 5), None),  # no American clock
    ("Updated: 5/5/2024 2:15 PM EDT", date(2024, 5, 5), None),  # the same day either way
    ("Updated: 2024-03-05 2:15 PM EDT", date(2024, 3, 5), None),  # not slashed
    ("Updated: 13/5/2024 2:15 PM EDT", date(2024, 5, 13), None),  # the 13th is no month
])
def test_the_month_first_reading_of_a_slashed_date_needs_the_same_numbers_and_a_clock(
        text, read, american) -> None:
    from tasks.extract.headline_area import month_first_reading

    assert month_first_reading(text, read) == american


def _bare_page(body: str):
    return fromstring(f"<html><head><title>Council</title></head><body><article>{body}{TEXT}"
                      "</article></body></html>")


def test_htmldate_reads_the_pages_url_and_stops_at_the_day_after_now() -> None:
    # a date only in the address; a page date after NOW's next day is no date (htmldate's
    # own limit is the machine's today)
    assert dates.htmldate_date(_bare_page(""), "https://www.example.com/2024/04/30/council",
                               NOW, extensive=False) == "2024-04-30"
    future = _bare_page('<p class="date">Updated: September 1, 2024</p>')
    assert dates.htmldate_date(future, "https://www.example.com/news/council", NOW,
                               extensive=False) is None


@pytest.mark.parametrize(("body", "day_first", "found"), [
    # the date and its clock in two elements: one text, read month first
    ("<p class=date>Updated: 5/3/2024<b>2:15 PM EDT</b></p>", False, "2024-05-03"),
    ("<p class=date>Updated: 12/11/2023 9:30 a.m.</p>", False, "2023-12-11"),
    ("<p class=date>Updated: 5/3/2024 2:15 PM EDT</p>", True, "2024-03-05"),
])
def test_htmldate_reads_an_american_clocks_slashed_date_month_first(
        body, day_first, found) -> None:
    tree = _bare_page(body)
    url = "https://www.example.com/news/council"
    assert dates.htmldate_date(tree, url, NOW, extensive=False, day_first=day_first) == found
    if not day_first:  # by default, too
        assert dates.htmldate_date(tree, url, NOW, extensive=False) == found


def test_an_ambiguous_slashed_date_is_read_day_first_where_the_language_writes_so() -> None:
    assert parse_visible_date("06/11/2023", day_first=True) == date(2023, 11, 6)
    assert parse_visible_date("06/11/2023") is None
    reads_day_first = dates.reads_day_first
    assert reads_day_first(("fr-FR", None)) and reads_day_first((None, "it_IT"))
    assert reads_day_first(("en-GB", None)) and reads_day_first(("nl", "en_US"))
    # American English, and German pages (JavaScript frameworks show US dates there)
    assert not reads_day_first(("en", "en_US")) and not reads_day_first(("de", None))
    assert not reads_day_first((None, None))
    # beside the headline of a French page it outvotes a bare "date" meta tag; on an
    # English page of no region it stays no date
    head = TITLE + '<meta name="date" content="2023-11-20">'
    body = f'{HEADLINE}<div class="article-info"><span class="date">06/11/2023</span></div>'
    assert page(head, body, lang="fr").published_date == date(2023, 11, 6)
    assert page(head, body, lang="en").published_date == date(2023, 11, 20)


def test_a_page_its_own_record_dates_after_the_fetch_is_refused_not_guessed() -> None:
    # the JSON-LD says September (a scheduled page or a CMS bug): no publication date, and
    # the comment's date below is no stand-in for it
    md = page(TITLE + jsonld(datePublished="2024-09-01T10:00:00+02:00"),
              f'{HEADLINE}<section class="comments"><div class="comment">'
              '<span class="comment-date">02.05.2024 18:30</span><p>Great news.</p></div>'
              "</section>")
    assert md.published_date is None
    assert "future" in md.date_flags


def test_a_page_with_no_date_anywhere_gets_none() -> None:
    md = page(TITLE, HEADLINE)
    assert md.published_date is None and md.published_at is None


# --- bylines -----------------------------------------------------------------------------

def test_dutch_polish_and_italian_text_labels_open_a_byline() -> None:
    for label in ("Tekst:", "Testo:", "Texto:"):
        assert clean_author_name(f"{label} Thijs Jansen") == "Thijs Jansen"
    md = page(TITLE, f'{HEADLINE}<p class="credits">Tekst: Agnieszka Wójcik</p>')
    assert md.authors == ["Agnieszka Wójcik"]


def test_an_agency_of_two_letters_is_a_byline() -> None:
    md = page(TITLE, f'{HEADLINE}<div class="author">AP</div>')
    assert md.authors == ["AP"]


# --- a headline in no heading ------------------------------------------------------------

def test_a_title_classed_element_is_the_headline_where_no_heading_holds_it() -> None:
    # the date and the byline beside it are found as beside an <h1>: the visible date
    # outvotes a bare "date" meta tag, the byline names the reporter
    md = page(TITLE + '<meta name="date" content="2024-04-20">',
              '<div class="lead-title">City council approves the new tram line</div>'
              '<div class="article-info"><span class="author-line">Von Anna Keller</span>'
              ' <span class="date">3. April 2024</span></div>'
              '<aside class="related"><h3>More</h3></aside>')
    assert md.published_date == date(2024, 4, 3)
    assert md.authors == ["Anna Keller"]
    assert md.title == "City council approves the new tram line"


def test_the_site_name_in_a_title_classed_element_is_no_headline() -> None:
    md = page("<title>Davor und Danach | ICON Magazine</title>"
              '<meta property="og:site_name" content="ICON Magazine">',
              '<div class="site-title-small">ICON</div><p class="intro">Davor und Danach</p>',
              url="https://www.iconmagazine.de/story")
    assert md.title != "ICON"


# --- round 2 of the generator: datelines, August in French, story lists, role labels ---

def test_french_august_is_a_month() -> None:
    assert parse_visible_date("Publié le : 9 août 2025 à 10h19") == date(2025, 8, 9)
    assert parse_visible_date("31 aout 2021") == date(2021, 8, 31)


def test_a_dateline_may_carry_its_weekday_a_slashed_day_a_spanish_de_or_the_time() -> None:
    from tasks.extract.headline_area import dateline_date

    def opening(text: str, day_first: bool = False):
        tree = fromstring(f"<html><body><article><p>{text} La decisión llegó tras meses de "
                          "debate en el pleno.</p></article></body></html>")
        return dateline_date(tree, date(2026, 12, 4), lambda e: False, day_first)

    assert opening("LONDON, Monday, Nov. 24, 2025 –") == date(2025, 11, 24)
    assert opening("LONDON, March 18, 2025, 7:49 a.m. –") == date(2025, 3, 18)
    assert opening("MADRID, 15 de febrero de 2026 –") == date(2026, 2, 15)
    assert opening("LISBOA, quarta-feira, 17 de junho de 2026 às 8h33 –") == date(2026, 6, 17)
    assert opening("PARIS, 06/08/2026 –", day_first=True) == date(2026, 8, 6)
    assert opening("BERLIN, 3. März 2022, 14:30 Uhr –") == date(2022, 3, 3)
    # a span of hours is an event's, not a report's dateline
    assert opening("Sa., 22.01.2022, 9:00 – 17:00 Uhr") is None


def test_a_news_ticker_above_the_article_does_not_date_it() -> None:
    md = page(TITLE + '<meta property="article:published_time" content="2024-03-24T09:12:00Z">',
              '<div class="news-ticker"><ul><li><span class="ticker-date">2. Mai 2024</span>'
              ' <a href="/other">Another story</a></li></ul></div>' + HEADLINE)
    assert md.published_date == date(2024, 3, 24)


def test_an_article_of_the_newsticker_post_type_keeps_its_wire_credit() -> None:
    # WordPress classes the post by its type ("newsticker type-newsticker"): no story list
    tree = fromstring("<html><body><article class='newsticker type-newsticker ticker'>"
                      "<p>Hamburg (dpa/lno) – Trotz eines Gesprächs zwischen den Parteien "
                      f"bleibt der Streit.</p>{TEXT}</article></body></html>")
    assert page_metadata(tree, "https://www.example.de/a", now=NOW).authors == ["dpa/lno"]


def test_a_reporters_role_as_the_label_opens_the_byline() -> None:
    for label in ("Reporter:", "Redakteurin:", "Journaliste :", "Verslaggever:", "Redaktor:"):
        md = page(TITLE, f'{HEADLINE}<p class="article-meta">{label} Sanne Jansen</p>')
        assert md.authors == ["Sanne Jansen"], label


def test_a_name_particle_is_read_whole() -> None:
    md = page(TITLE, f'{HEADLINE}<p class="credits">Tekst: Lotte van der Mulder</p>')
    assert md.authors == ["Lotte van der Mulder"]
