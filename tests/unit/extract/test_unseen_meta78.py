"""Session 61, round 27: family AC of `bench/bench_meta_generated.py --unseen` (title
conventions no earlier family wrote, on an American, a German and a Spanish site), held
out, then tuned on. The one miss AC showed on the branch's start, fixed in a general way: a
section label written as the `<h1>`'s own text before a bar, a colon or a dash ("Analysis |
X", "Lokales | X"), which the site's declared titles (og:title, `<title>`) leave out, was
kept in the title. Near misses that must keep their reading sit beside it: a label the
declared titles carry too ("EXCLUSIVE: X | Site", the dev gold's "VIDEO: ..."), a headline
that opens with a quotation or a topic the site declares, a rest too short to be a
headline, a label too long to be one, and the other AC shapes read right on the start (a
dialog's `<h1>` first, JSON-LD's headline cut at 110 characters, " - " in a headline with
no `<h1>`). Each page goes through `page_metadata` whole."""

from __future__ import annotations

import json

import pytest

from tests.unit.extract.article_pages import metadata_of

# the page rounds 23 and 25 draw (its English, German and Spanish stories)
from tests.unit.extract.test_unseen_meta75 import DATED, HEADLINE, STORY, URL


def page(heading: str, doc_title: str, *, head: str = "", before: str = "",
         lang: str = "en") -> str:
    """A story page: `heading` (the headline's element) atop the article, `doc_title` in
    <title>, `head` after it, `before` ahead of the site's header."""
    return (f'<html lang="{lang}"><head><title>{doc_title}</title>'
            f'<meta property="og:site_name" content="Example">{head}</head><body>{before}'
            '<header class="site-header"><a class="logo" href="/">Example</a></header>'
            f'<main><article>{heading}<p class="byline">By Anna Berg</p>{DATED}'
            f'<div class="article-body">{STORY[lang]}</div></article></main>'
            "<footer><p>© 2026 Example</p></footer></body></html>")


def title_of(heading: str, doc_title: str, **kw) -> str | None:
    return metadata_of(page(heading, doc_title, **kw), URL).title


def og(title: str) -> str:
    return f'<meta property="og:title" content="{title}">'


# --- a section label in the <h1>'s text, which the declared titles leave out -------------

@pytest.mark.parametrize(("heading", "doc_title", "head", "lang", "want"), [
    (f"<h1>Analysis | {HEADLINE}</h1>", f"{HEADLINE} | Example", "", "en", HEADLINE),
    (f"<h1>Local News | {HEADLINE}</h1>", f"{HEADLINE} | Example", og(HEADLINE), "en",
     HEADLINE),
    (f"<h1>Opinion: {HEADLINE}</h1>", "Example", og(HEADLINE), "en", HEADLINE),
    (f"<h1>Analysis – {HEADLINE}</h1>", f"{HEADLINE} – Example", "", "en", HEADLINE),
    ("<h1>Lokales | Stadtrat vertagt Entscheidung über das Wohngebiet</h1>",
     "Stadtrat vertagt Entscheidung über das Wohngebiet | Example", "", "de",
     "Stadtrat vertagt Entscheidung über das Wohngebiet"),
    ("<h1>Opinión | El ayuntamiento aplaza la votación del plan</h1>",
     "El ayuntamiento aplaza la votación del plan | Example", "", "es",
     "El ayuntamiento aplaza la votación del plan"),
])
def test_a_label_the_site_does_not_declare_is_no_part_of_the_title(
        heading, doc_title, head, lang, want):
    assert title_of(heading, doc_title, head=head, lang=lang) == want


def test_the_rule_reads_the_heading_text_against_the_declared_titles():
    from tasks.extract.titles import without_undeclared_label

    assert without_undeclared_label(f"Analysis | {HEADLINE}", [None, f"{HEADLINE} | Site"]) \
        == HEADLINE
    # the label in the declared title: the site calls it part of the headline
    assert without_undeclared_label(f"Analysis | {HEADLINE}",
                                    [f"Analysis | {HEADLINE}", None]) == f"Analysis | {HEADLINE}"
    # no declared title to vouch for the rest
    assert without_undeclared_label(f"Analysis | {HEADLINE}", [None, None]) \
        == f"Analysis | {HEADLINE}"


# --- near misses: the heading stays whole ------------------------------------------------

@pytest.mark.parametrize(("heading", "doc_title", "head", "want"), [
    # a kicker in capitals the <title> writes too (the dev gold's "VIDEO: Voting on ...")
    (f"<h1>EXCLUSIVE: {HEADLINE}</h1>", f"EXCLUSIVE: {HEADLINE} | Example", "",
     f"EXCLUSIVE: {HEADLINE}"),
    (f"<h1>VIDEO: {HEADLINE}</h1>", "Example", og(f"VIDEO: {HEADLINE}"), f"VIDEO: {HEADLINE}"),
    # a topic the site declares with the headline
    ("<h1>Brexit: what happens next for the ferries</h1>",
     "Brexit: what happens next for the ferries | Example", "",
     "Brexit: what happens next for the ferries"),
    # a quotation before the colon, the declared title without it: the headline's own
    ('<h1>"Pure Leere": Marita Kramer verpasst die Spiele</h1>',
     "Marita Kramer verpasst die Spiele | Example", "",
     '"Pure Leere": Marita Kramer verpasst die Spiele'),
    # fewer than three words after the bar: no headline to stand alone
    ("<h1>Analysis | Rates rise</h1>", "Rates rise | Example", "", "Analysis | Rates rise"),
    # four words before the colon: a headline's first half, no label
    (f"<h1>After the long vote: {HEADLINE}</h1>", f"{HEADLINE} | Example", "",
     f"After the long vote: {HEADLINE}"),
    # dashes a headline writes itself
    ("<h1>Rock - Paper - Scissors: how the board picked its chair</h1>",
     "Rock - Paper - Scissors: how the board picked its chair - Example", "",
     "Rock - Paper - Scissors: how the board picked its chair"),
    # a plain <h1> beside its standfirst
    (f'<header><h1>{HEADLINE}</h1><p class="dek">Residents say it moves too slowly.</p>'
     "</header>", f"{HEADLINE} | Example", og(HEADLINE), HEADLINE),
])
def test_headings_that_keep_their_reading(heading, doc_title, head, want):
    assert title_of(heading, doc_title, head=head) == want


def test_a_dialogs_h1_before_the_story_is_not_the_title():
    modal = ('<div class="modal" role="dialog"><h1>Subscribe to our newsletter</h1>'
             '<form><input type="email"><button>OK</button></form></div>')
    assert title_of(f"<h1>{HEADLINE}</h1>", f"{HEADLINE} | Example", before=modal) == HEADLINE


def test_a_json_ld_headline_cut_at_110_characters_leaves_the_h1_whole():
    long = ("State inspectors order repairs to four aging bridges on the county's busiest "
            "commuter routes before the first snowfall arrives")
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                     "headline": long[:110]})
    head = f'<script type="application/ld+json">{ld}</script>'
    assert title_of(f"<h1>{long}</h1>", f"{long[:56]}… | Example", head=head) == long


def test_a_headline_with_its_own_dashes_and_no_h1_keeps_them():
    dashed = "Lakers 98 - 101 Celtics: late three sinks the home side"
    assert title_of(f'<div class="headline">{dashed}</div>', f"{dashed} - Example") == dashed
