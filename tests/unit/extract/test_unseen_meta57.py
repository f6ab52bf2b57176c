"""Session 57, round 9: family K of `bench/bench_meta_generated.py --unseen` (pages crowded
with competing dates and names), held out, then tuned on. The misses K showed on the
branch's start, each fixed in a general way: a related teaser's <h2> taken as the headline
of a story set in a classed <div>; a "Top stories" teaser repeating the story's headline
in a link above it, anchoring the date search there; a story whose headline only a
heading holds (<title> the site's name) read with no anchor, so a template's stale
`article:published_time` won over the day under the headline; an "Updated ..." line shown
alone beside a "First published ..." note in small print. Near-misses that must keep
their reading sit beside each. Each page goes through `page_metadata` whole."""

from __future__ import annotations

from datetime import date

from tests.unit.extract.article_pages import article_page, english_story, metadata_of

HEADLINE = "Regional hospital approves the flood defences"
STORY = english_story("the cost of the work")
URL = "https://www.dailycourier.com/local/flood-defences-12"
RECORD = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
          f'"NewsArticle", "headline": "{HEADLINE}"}}</script>')


def meta(html: str, url: str = URL):
    return metadata_of(html, url)


def crowded_page(story: str, *, title: str = "Daily Courier", head: str = "",
                 above: str = "", after: str = "") -> str:
    """A page with `above` in <main> before the story's <article> (`story`: its inside),
    `after` after it."""
    return (f'<html lang="en"><head><title>{title}</title>{head}</head><body>'
            f'<header><a class="logo" href="/">Daily Courier</a></header><main>{above}'
            f'<article class="story">{story}</article>{after}</main>'
            "<footer><p>© 2026 Daily Courier</p></footer></body></html>")


def teaser(headline: str, day: str, tag: str = "h2") -> str:
    return (f'<article class="teaser"><a href="/news/other"><{tag}>{headline}</{tag}></a>'
            f'<time datetime="{day}T09:00">{day}</time></article>')


def titled_story(day: str | None, *, head: str,
                 teasers: str = teaser("Council delays the budget", "2026-11-30")) -> str:
    """The story under `<h2 class="article-title">`, its date line showing `day` (none
    for None), below a "Top stories" section of `teasers`."""
    line = f'<div class="article-info"><span class="date">{day}</span></div>' if day else ""
    return crowded_page(f'<h2 class="article-title">{HEADLINE}</h2>{line}'
                        f'<div class="article-body">{STORY}</div>', head=head,
                        above=f'<section class="top-stories"><h2>Top stories</h2>{teasers}'
                              "</section>")


# --- titles: a related teaser's heading after a story set in no heading -----------------

def test_teaser_heading_after_a_story_in_a_classed_div_is_not_the_title():
    # the teaser shares two words with the record's headline: enough for a heading, but
    # the element classed as the headline says it whole
    headline = "Regional hospital approves flood defences"
    record = RECORD.replace(HEADLINE, headline)
    html = crowded_page(f'<div class="headline">{headline}</div>'
                        f'<div class="article-body">{STORY}</div>', head=record,
                        after='<section class="related"><h3>Read more</h3>'
                              + teaser("Regional hospital rejects school reform", "2026-11-02")
                              + "</section>")
    assert meta(html).title == headline


def test_lower_heading_alone_still_taken_when_nothing_classed_agrees_better():
    # near miss: the <h2> is the page's only candidate and agrees in part: kept
    html = crowded_page(f"<h2>Regional hospital approves flood defences plan</h2>"
                        f'<div class="article-body">{STORY}</div>', head=RECORD)
    assert meta(html).title == "Regional hospital approves flood defences plan"


# --- a teaser repeating the story's headline in a link, above it ------------------------

def test_story_heading_preferred_to_a_linked_teaser_with_the_same_words():
    # "Top stories" lists the story itself above it: its date line is the story's
    top = teaser(HEADLINE, "2026-11-30") + teaser("Council delays the budget", "2026-12-01")
    got = meta(titled_story("February 9, 2026", head=RECORD, teasers=top))
    assert got.title == HEADLINE
    assert got.published_date == date(2026, 2, 9)


def test_a_heading_linking_to_its_own_page_is_still_the_headline():
    # near miss: WordPress's entry title links to the page itself; no other heading
    html = crowded_page(f'<h1 class="entry-title"><a href="{URL}">{HEADLINE}</a></h1>'
                        '<div class="article-info"><span class="date">February 9, 2026'
                        f'</span></div><div class="article-body">{STORY}</div>',
                        title=f"{HEADLINE} – Daily Courier")
    got = meta(html)
    assert got.title == HEADLINE
    assert got.published_date == date(2026, 2, 9)


# --- the headline only a heading holds: the date line beside it --------------------------

STALE = '<meta property="article:published_time" content="2025-03-13T00:00:00Z">'


def test_day_under_a_heading_found_from_the_title_beats_a_stale_template_tag():
    # <title> names the site only, no og:title, no record: the title is guessed from the
    # story's <h2>, and the date line beside it is read there
    got = meta(titled_story("9 February 2026", head=STALE))
    assert got.title == HEADLINE
    assert got.published_date == date(2026, 2, 9)


def test_stale_tag_kept_when_no_day_stands_under_the_heading():
    # near miss: nothing visible dates the story: the tag's day, not a teaser's
    assert meta(titled_story(None, head=STALE)).published_date == date(2025, 3, 13)


# --- "Updated ..." shown alone, "First published ..." in small print -------------------

def updated_page(note: str, *, lang: str = "en", line: str = "Updated December 9, 2026",
                 after: str = "") -> str:
    return article_page(f'<p class="updated">{line}</p>', headline=HEADLINE,
                        site="Daily Courier", lang=lang, body=STORY, body_end=note,
                        footer="© 2026 Daily Courier", aside=after)


def test_first_published_note_in_small_print_gives_the_day():
    html = updated_page('<p class="first-published"><small>First published December 3, '
                        "2026</small></p>")
    assert meta(html).published_date == date(2026, 12, 3)


def test_first_published_note_in_french():
    html = updated_page("<p><small>Première publication le 3 décembre 2026</small></p>",
                        lang="fr", line="Mis à jour le 9 décembre 2026")
    assert meta(html, "https://www.lepetitcourrier.fr/news/x-1").published_date == \
        date(2026, 12, 3)


def test_a_note_after_the_update_is_no_first_publication():
    # near miss: a "first published" day after the update shown is no earlier
    # publication: the update's line keeps its day
    html = updated_page("<p><small>First published December 12, 2026</small></p>",
                        line="Updated: December 9, 2026 at 8:10 a.m.")
    assert meta(html).published_date != date(2026, 12, 12)


def test_a_note_outside_the_story_is_not_its_first_publication():
    # near miss: a related story's note, after the <article>: not this story's
    after = ('<aside class="related"><p><small>First published June 1, 2026</small></p>'
             "</aside>")
    assert meta(updated_page("", after=after)).published_date != date(2026, 6, 1)
