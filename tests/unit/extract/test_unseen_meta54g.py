"""Session 54, round 6: family G of `bench/bench_meta_generated.py --unseen` measured held
out, then tuned on. A plural author label ("Autori:", "Autorzy:", "Auteurs :"); a
reporter's bio read as the byline ("X ist Redakteurin bei Y"); the Dutch "mrt."; Parse.ly's
`parsely-page` JSON; a Next.js page's `__NEXT_DATA__` story record; an `article:author`
that only links the author's profile on the site. Each page goes through `page_metadata`
whole; beside every rule, the near-miss it must leave."""

from __future__ import annotations

import json
from datetime import date
from html import escape

import pytest

from tests.unit.extract.article_pages import article_page, english_story, metadata_of

HEADLINE = "City council rejects the budget for next year"
STORY = english_story("the cost of the work")
URL = "https://www.dailycourier.com/news/budget-7"


def story_page(line: str = "", *, head: str = "", lang: str = "en", end: str = "",
               headline: str = HEADLINE, site: str = "Daily Courier", after: str = "") -> str:
    return article_page(line, headline=headline, site=site, lang=lang, body=STORY,
                        footer=f"© 2026 {site}", head=head, body_end=end, aside=after)


def meta(html: str, url: str = URL):
    return metadata_of(html, url)


# --- the plural label ------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "line", "names"), [
    ("it", "Autori: Alessandro Greco e Giulia Rossi", ["Alessandro Greco", "Giulia Rossi"]),
    ("pl", "Autorzy: Ewa Nowak i Jan Kowalski", ["Ewa Nowak", "Jan Kowalski"]),
    ("fr", "Auteurs : Léa Martin, Hugo Petit", ["Léa Martin", "Hugo Petit"]),
    ("es", "Autores: Ana Ruiz y Pablo Gómez", ["Ana Ruiz", "Pablo Gómez"]),
])
def test_a_plural_label_opens_a_byline_of_several(lang: str, line: str,
                                                  names: list[str]) -> None:
    page = story_page(f'<p class="article-meta">{line}</p>', lang=lang)
    assert meta(page).authors == names


def test_a_plural_label_before_no_name_names_nobody() -> None:
    # near miss: "Autori: vari" (various) is no name
    page = story_page('<p class="article-meta">Autori: vari</p>', lang="it")
    assert meta(page).authors == []


# --- a bio read as the byline ------------------------------------------------------------

@pytest.mark.parametrize(("lang", "bio", "name"), [
    ("de", "Tobias-Jonas Brandt ist Redakteurin bei Rheinbote.", "Tobias-Jonas Brandt"),
    ("fr", "Thomas de Moreau est journaliste pour Le Petit Courrier.", "Thomas de Moreau"),
    ("en", "Laura Reynolds is a reporter for the Daily Courier.", "Laura Reynolds"),
    # a role after an adjective, and what a bio calls a writer besides a newsroom's roles
    # ("Autorin" is no role of is_role: it is the label before a byline's name)
    ("de", "Laura Reynolds ist freie Autorin in Berlin.", "Laura Reynolds"),
    ("fr", "Thomas de Moreau est jeune journaliste pour Le Petit Courrier.", "Thomas de Moreau"),
    ("en", "Laura Reynolds is an author and critic.", "Laura Reynolds"),
])
def test_the_bio_at_the_end_names_its_reporter(lang: str, bio: str, name: str) -> None:
    page = story_page(lang=lang, end=f'<p class="author-bio"><em>{bio}</em></p>')
    assert meta(page).authors == [name]


def test_a_sentence_about_no_reporter_is_no_bio() -> None:
    # near miss (an author box's "Martin is a full-stack engineer", a customer's quote):
    # after the verb no reporter's role: the bio rule leaves the line as it was read
    page = story_page(end='<p class="author-bio"><em>Anna Berg is a keen gardener in '
                          "Leeds.</em></p>")
    assert meta(page).authors != ["Anna Berg"]


def test_a_bio_with_no_name_before_its_verb_names_nobody() -> None:
    # near miss: "The author is ..." opens with no name
    page = story_page(end='<p class="author-bio"><em>The author is a reporter for the '
                          "Daily Courier.</em></p>")
    assert meta(page).authors == []


# --- dates ---------------------------------------------------------------------------------

def test_the_dutch_abbreviation_of_march() -> None:
    page = story_page('<span class="date">9 mrt. 2026 om 14:39 uur</span>', lang="nl",
                      headline="De gemeenteraad verwerpt de begroting", site="De Stedenkrant")
    assert meta(page, "https://www.stedenkrant.nl/news/begroting-7").published_date == (
        date(2026, 3, 9))


# a related story's teaser, whose <time> is the only date htmldate finds in the page's
# markup (and is dropped as a teaser's): the story's record must date it
TEASER = ('<aside class="related"><article class="teaser"><h4>Energy prices plan a tram '
          'extension</h4><time datetime="2025-08-24T09:00:00">August 24, 2025</time>'
          "</article></aside>")


def parsely(record: dict) -> str:
    return f'<meta name="parsely-page" content="{escape(json.dumps(record))}">'


def test_parsely_page_json_dates_the_story() -> None:
    head = parsely({"title": HEADLINE, "type": "post", "pub_date": "2025-09-12T17:36:00Z"})
    assert meta(story_page(head=head, after=TEASER)).published_date == date(2025, 9, 12)


@pytest.mark.parametrize("content", [
    json.dumps({"title": HEADLINE, "type": "post"}),  # no pub_date
    '{"title": "unterminated',  # not JSON
])
def test_parsely_page_without_a_date_dates_nothing(content: str) -> None:
    head = f'<meta name="parsely-page" content="{escape(content)}">'
    assert meta(story_page(head=head)).published_date is None


def next_data(*articles: dict) -> str:
    data = {"props": {"pageProps": {"article": articles[0], "related": list(articles[1:])}},
            "page": "/[section]/[slug]"}
    return f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>'


def test_next_data_dates_the_story_by_its_title() -> None:
    blob = next_data({"title": HEADLINE, "publishedAt": "2025-12-16T12:28:00.000Z",
                      "updatedAt": "2025-12-19T18:50:00.000Z"},
                     {"title": "Energy prices plan a tram extension",
                      "publishedAt": "2025-11-02T08:00:00.000Z"})
    assert meta(story_page(end=blob, after=TEASER)).published_date == date(2025, 12, 16)


def test_next_data_of_other_stories_only_dates_nothing() -> None:
    # near miss: the page's JSON holds only a related story's record; no record claim
    # (htmldate's guess from the script's text may remain, as on the session's start)
    blob = next_data({"title": "Energy prices plan a tram extension",
                      "publishedAt": "2025-11-02T08:00:00.000Z"})
    m = meta(story_page(end=blob))
    assert "jsonld" not in [c.source for c in m.date_candidates]


# --- the author's profile URL ------------------------------------------------------------

def test_an_author_tag_linking_the_profile_on_the_site() -> None:
    head = '<meta property="article:author" content="https://www.dailycourier.com/author/laura-reynolds">'
    assert meta(story_page(head=head)).authors == ["Laura Reynolds"]


@pytest.mark.parametrize("link", [
    "https://www.facebook.com/dailycourier",  # a profile elsewhere
    "https://www.dailycourier.com/author/staff-12",  # a desk's number
    "https://www.dailycourier.com/author/admin",  # one word
])
def test_other_author_links_name_nobody(link: str) -> None:
    head = f'<meta property="article:author" content="{link}">'
    assert meta(story_page(head=head)).authors == []


def test_a_written_byline_beats_the_profile_link() -> None:
    head = '<meta property="article:author" content="https://www.dailycourier.com/author/laura-reynolds">'
    page = story_page('<p class="byline">By Daniel Hayes</p>', head=head)
    assert meta(page).authors == ["Daniel Hayes"]
