"""How `page_metadata` puts a page's metadata together: which claim it reads where, in
which order, and against which clock. Each test is a page written for one of its paths
(found by mutation testing the function: a path no test walked was free to break)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from lxml.html import fromstring

from tasks.extract.metadata import _cut_at_a_quote, page_metadata

NOW = datetime(2024, 5, 3, 12, 0, tzinfo=UTC)
URL = "https://gazette.example/2024/story"
FRENCH = ' lang="fr"'  # a language that writes numeric dates day first
LD_MAY_1 = ('<script type="application/ld+json">{"@context": "https://schema.org", '
            '"@type": "NewsArticle", "datePublished": "2024-05-01"}</script>')


def tree(head: str = "", body: str = "<p>x</p>", html_attrs: str = ""):
    return fromstring(f"<html{html_attrs}><head>{head}</head><body>{body}</body></html>")


def meta(head: str = "", body: str = "<p>x</p>", html_attrs: str = "", url: str = URL,
         **kw):
    return page_metadata(tree(head, body, html_attrs), url, **{"now": NOW, **kw})


# --- the page's declarations ------------------------------------------------------------

def test_the_canonical_link_and_og_type_are_read_as_declared() -> None:
    m = meta('<link rel="alternate" href="https://gazette.example/amp">'
             '<link rel="Canonical" href="https://gazette.example/c">'
             '<link rel="canonical" href="https://gazette.example/second">'
             '<meta property="og:type" content=" Article ">')
    assert (m.canonical_url, m.page_type) == ("https://gazette.example/c", "article")
    # a canonical link without an address is no canonical; an og:type of white space none
    m = meta('<link rel="canonical" href=""><meta property="og:type" content="  ">')
    assert (m.canonical_url, m.page_type) == (None, None)
    assert meta().canonical_url is None and meta().page_type is None


def test_the_json_ld_record_gives_title_site_section_and_type() -> None:
    m = meta('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
             '"NewsArticle", "headline": "Bridge reopens", "articleSection": "Politics", '
             '"publisher": {"@type": "Organization", "name": "Harbour Gazette"}}</script>')
    assert (m.title, m.site_name, m.categories, m.page_type) == (
        "Bridge reopens", "Harbour Gazette", ["Politics"], "newsarticle")
    # og:type first, the record's type after it
    m = meta('<meta property="og:type" content="article"><script type="application/ld+json">'
             '{"@context": "https://schema.org", "@type": "NewsArticle"}</script>')
    assert m.page_type == "article"


def test_a_site_name_written_in_the_title_is_the_site_name() -> None:
    m = meta("<title>Bridge reopens after two years - harbour-gazette.com</title>",
             url="https://other.example/a")
    assert (m.title, m.site_name) == ("Bridge reopens after two years", "harbour-gazette.com")


def test_the_site_name_found_in_the_title_is_no_author() -> None:
    m = meta("<title>Bridge reopens - Harbour Bells Gazette.com</title>"
             '<meta name="author" content="Harbour Bells Gazette.com; Jane Doe">',
             url="https://other.example/a")
    assert m.authors == ["Jane Doe"]


def test_the_declared_site_name_leaves_the_title() -> None:
    m = meta('<meta property="og:title" content="Bridge reopens after two years | The Harbour '
             'Bugle"><meta property="og:site_name" content="The Harbour Bugle">',
             url="https://other.example/a")
    assert (m.title, m.site_name) == ("Bridge reopens after two years", "The Harbour Bugle")


def test_the_address_names_the_site_a_title_ends_with() -> None:
    m = meta('<meta property="og:title" content="Bridge reopens after two years | The Harbour '
             'Bugle">', url="https://harbourbugle.example/a")
    assert m.title == "Bridge reopens after two years"


def test_a_title_cut_at_a_quote_needs_a_cut_of_one_character_or_more() -> None:
    assert _cut_at_a_quote("A", 'A "x"')
    assert not _cut_at_a_quote("A", "A")


# --- authors ----------------------------------------------------------------------------

def test_a_byline_naming_only_the_site_stands_when_nothing_names_a_person() -> None:
    m = meta(body="<article><h1>Bridge reopens after two years</h1><p class='byline'>By "
             "Harbour Gazette</p><p>Text of the story goes on here.</p></article>",
             url="https://harbourgazette.example/a")
    assert (m.authors, m.byline) == (["Harbour Gazette"], "Harbour Gazette")


def test_no_author_no_byline() -> None:
    m = meta('<meta name="author" content="Jane Doe">')
    assert (m.authors, m.byline) == (["Jane Doe"], "Jane Doe")
    assert meta().byline is None


# --- dates: the page's language and the fetch clock -------------------------------------

@pytest.mark.parametrize("body", [
    "<p>10/04/2024</p><p>Publié le : 03/05/2024</p><p>Texte.</p>",  # labelled
    "<p>PARIS, 03/05/2024 - Le conseil a voté mardi soir le budget de la ville.</p>",
    "<div class='post-date'>03/05/2024</div><p>Texte.</p>",  # the template's date field
    "<div class='author'>von Marianne<br>am 03/05/2024</div><p>Texte.</p>",  # bylined
    "<p>Texte.</p><p>03/05/2024</p>",  # the first date in the text
], ids=["labelled", "dateline", "post-date", "bylined", "first-in-text"])
def test_a_numeric_date_on_a_day_first_page_is_read_day_first(body) -> None:
    """On a French page 03/05/2024 is the 3rd of May, found by the body's own reading;
    on a page of no declared language it is no day those readings take."""
    assert (meta(body=body, html_attrs=FRENCH).published_date,
            meta(body=body, html_attrs=FRENCH).published_at_source) == (date(2024, 5, 3), "text")
    assert meta(body=body, html_attrs=' xml:lang="fr"').published_date == date(2024, 5, 3)
    assert meta(body=body).published_at_source != "text"


@pytest.mark.parametrize("body", [
    "<p>Publié le : 04/05/2024</p><p>Texte.</p>", "<p>Texte.</p><p>04/05/2024</p>"])
def test_a_date_the_day_after_the_fetch_is_still_the_pages(body) -> None:
    # the fetch at noon UTC on the 3rd; the page's zone may already be on the 4th
    assert meta(body=body, html_attrs=FRENCH).published_date == date(2024, 5, 4)
    assert meta(body=body, html_attrs=FRENCH,
                now=NOW - timedelta(days=1)).published_date is None


def test_a_weak_claim_gives_way_to_the_date_the_page_labels_as_its_publication() -> None:
    m = meta(LD_MAY_1, "<p>Publié le : 03/05/2024</p><p>Texte.</p>", FRENCH)
    assert (m.published_date, m.published_at_source) == (date(2024, 5, 3), "text")
    assert m.published_at == datetime(2024, 5, 3, tzinfo=UTC)
    assert ("text", date(2024, 5, 3)) in [(c.source, c.day) for c in m.date_candidates]
    # the labelled day after the fetch's is still taken; two days after is not
    m = meta(LD_MAY_1, "<p>Publié le : 04/05/2024</p><p>Texte.</p>", FRENCH)
    assert m.published_date == date(2024, 5, 4)
    m = meta(LD_MAY_1, "<p>Publié le : 05/05/2024</p><p>Texte.</p>", FRENCH)
    assert (m.published_date, m.published_at_source) == (date(2024, 5, 1), "jsonld")
    # a meta tag's claim (weight 1.0) is no weak one
    m = meta('<meta property="article:published_time" content="2024-05-01">',
             "<p>Publié le : 03/05/2024</p><p>Texte.</p>", FRENCH)
    assert (m.published_date, m.published_at_source) == (date(2024, 5, 1), "meta")


def test_without_a_fetch_time_the_clock_is_now_in_utc() -> None:
    m = page_metadata(tree('<meta property="article:published_time" '
                           'content="2024-05-02T10:00:00+00:00">'), URL)
    assert (m.published_date, m.published_at_source) == (date(2024, 5, 2), "meta")
    m = page_metadata(tree(body="<p>Publié le : 03/05/2024</p><p>Texte.</p>",
                           html_attrs=FRENCH), URL)
    assert m.published_date == date(2024, 5, 3)


# --- modified_at --------------------------------------------------------------------------

@pytest.mark.parametrize(("modified", "kept"), [
    (NOW + timedelta(days=1), True),  # a day after the fetch: the page's zone may be there
    (NOW + timedelta(days=1, seconds=1), False),  # later: a template's artefact
    (NOW - timedelta(days=1, seconds=1), True),
    (datetime(2024, 5, 1, tzinfo=UTC), True),  # the publication's own instant
    (datetime(2024, 4, 30, 23, 59, tzinfo=UTC), False),  # before it
])
def test_modified_at_is_kept_between_the_publication_and_a_day_after_the_fetch(modified,
                                                                               kept) -> None:
    m = meta('<meta property="article:published_time" content="2024-05-01T00:00:00+00:00">'
             f'<meta property="article:modified_time" content="{modified.isoformat()}">')
    assert m.published_at == datetime(2024, 5, 1, tzinfo=UTC)
    assert (m.modified_at == modified) is kept
    assert (m.modified_at is None) is not kept


def test_og_locale_says_the_language_when_the_html_element_does_not() -> None:
    body = "<p>Publié le : 03/05/2024</p><p>Texte.</p>"
    assert meta('<meta property="og:locale" content="fr_FR">', body).published_date == date(
        2024, 5, 3)
    assert meta(body=body).published_date is None  # no language declared: no reading


def test_the_servers_clock_is_no_date_however_hard_htmldate_looks() -> None:
    """A meta date within minutes of the fetch is the server's clock (`fetch_time`, never a
    vote); htmldate then reads the same clock back, in its fast and its extensive search:
    neither is taken for the publication date."""
    for extensive in (False, True):
        m = meta('<meta name="date" content="2024-05-03T11:58:00+00:00">',
                 "<p>Some text here without dates.</p>", extensive_dates=extensive)
        assert [(c.source, c.day) for c in m.date_candidates] == [
            ("fetch_time", date(2024, 5, 3))], extensive


# --- the byline shown against the authors recorded ----------------------------------------

def test_a_byline_in_the_headlines_column_spells_out_a_one_word_author() -> None:
    # the theme calls the article's column "sidebar": the headline in it makes it the
    # article's area, where the byline is read
    body = ("<div class='content-area sidebar'><h1>Bridge reopens after two years</h1>"
            "<span class='author'>Todd Bates</span><p>Text of the story.</p></div>")
    m = meta('<meta property="og:title" content="Bridge reopens after two years">'
             '<meta name="author" content="Todd">', body)
    assert (m.authors, m.byline) == (["Todd Bates"], "Todd Bates")


def test_a_recorded_full_name_is_not_replaced_by_a_longer_byline() -> None:
    body = ("<article><h1>Bridge reopens after two years</h1><p class='byline'>By Jane "
            "Doe-Smith</p><p>Text of the story.</p></article>")
    m = meta('<meta name="author" content="Jane Doe">', body)
    assert m.authors == ["Jane Doe"]


def test_og_url_is_the_canonical_address_when_no_canonical_link_names_one() -> None:
    m = meta('<meta property="og:url" content="https://gazette.example/og">')
    assert m.canonical_url == "https://gazette.example/og"
    m = meta('<meta property="og:url" content="https://gazette.example/og">'
             '<link rel="canonical" href="https://gazette.example/c">')
    assert m.canonical_url == "https://gazette.example/c"


@pytest.mark.parametrize(("guessed", "authors"), [
    ("St. Ives Harbour Bell", ["Jane Doe"]),  # up to 4 words: the site's name
    ("St. Ives Old Harbour Bell", ["St Ives Old Harbour Bell", "Jane Doe"]),  # 5: no name
])
def test_a_site_name_guessed_from_the_title_is_an_outlet_up_to_four_words(guessed,
                                                                          authors) -> None:
    """trafilatura guesses the site's name from a <title> segment (one with a dot), at times
    the headline's half: a guess of more than 4 words names no outlet, so it drops nobody
    from the byline."""
    m = meta(f"<title>Bridge reopens - {guessed}</title>"
             f'<meta name="author" content="{guessed}; Jane Doe">', url="https://other.example/a")
    assert m.site_name == guessed
    assert m.authors == authors


def test_a_site_segment_goes_by_the_declared_name_or_the_address() -> None:
    title = '<meta property="og:title" content="Bridge reopens after two years - Bugle">'
    # a one-word segment is no site name by its form: the declaration or the address says so
    assert meta(title + '<meta property="og:site_name" content="Bugle">',
                url="https://other.example/a").title == "Bridge reopens after two years"
    assert meta(title, url="https://bugle.example/a").title == "Bridge reopens after two years"
    assert meta(title, url="https://other.example/a").title == (
        "Bridge reopens after two years - Bugle")


def test_a_og_type_without_content_is_no_type() -> None:
    assert meta('<meta property="og:type">').page_type is None


def test_a_byline_that_cleans_to_no_author_is_not_kept() -> None:
    m = meta('<meta name="author" content="Photograph by Ed Marshall; Redonda Restoration">')
    assert (m.authors, m.byline) == ([], None)


def test_a_labelled_byline_is_read_for_a_one_word_author_only() -> None:
    """The label/value byline ("Autoren: ...") is looked for only when the record holds a
    single word (rare, so cheap): a recorded full name stands as it is."""
    body = ("<article><h1>Bridge reopens after two years</h1><dl><dt>Autor</dt><dd>{}</dd>"
            "</dl><p>Text of the story goes on here.</p></article>")
    assert meta('<meta name="author" content="Jane Doe">',
                body.format("Jane Doe und Tom Roe")).authors == ["Jane Doe"]
    m = meta('<meta name="author" content="Jane">', body.format("Jane Doe"))
    assert (m.authors, m.byline) == (["Jane Doe"], "Jane Doe")


def test_a_labelled_date_is_no_tie_breaker_for_a_claim_of_full_weight() -> None:
    """The labelled date is read only when the chosen day's claims weigh less than a meta
    tag's: here the meta tag alone (1.0) against the JSON-LD record (0.5) on another day;
    the label would have tipped it."""
    m = meta('<meta property="article:published_time" content="2024-05-01">'
             '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
             '"NewsArticle", "datePublished": "2024-05-03"}</script>',
             "<p>Publié le : 03/05/2024</p><p>Texte.</p>", FRENCH)
    assert (m.published_date, m.published_at_source) == (date(2024, 5, 1), "meta")


def test_the_labelled_claim_kept_among_the_alternatives_is_an_instant_in_utc() -> None:
    m = meta(LD_MAY_1, "<p>Publié le : 03/05/2024</p><p>Texte.</p>", FRENCH)
    assert ("text", datetime(2024, 5, 3, tzinfo=UTC), date(2024, 5, 3)) in [
        (c.source, c.value, c.day) for c in m.date_candidates]


def test_a_dateline_is_read_day_first_before_any_other_date_in_the_text() -> None:
    body = ("<p>10/04/2024</p><p>PARIS, 03/05/2024 - Le conseil a voté mardi soir le budget "
            "de la ville pour la nouvelle année.</p>")
    m = meta(body=body, html_attrs=FRENCH)
    assert (m.published_date, m.published_at_source) == (date(2024, 5, 3), "text")


def test_without_a_fetch_time_the_clock_is_utc_whatever_the_machines_zone(monkeypatch) -> None:
    """The fallback clock is the aware UTC now: a naive local one, on a machine 12 hours
    behind UTC, would refuse a date 20 hours ahead of UTC as more than a day in the future."""
    import time

    ahead = datetime.now(UTC) + timedelta(hours=20)
    monkeypatch.setenv("TZ", "Etc/GMT+12")  # (POSIX sign: 12 hours behind UTC)
    time.tzset()
    try:
        m = page_metadata(tree('<meta property="article:published_time" '
                               f'content="{ahead.isoformat()}">'), URL)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert (m.published_at_source, "future" in m.date_flags) == ("meta", False)
