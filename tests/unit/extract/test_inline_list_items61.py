"""A `<time>` opening a list item (session 61): kept when the item goes on in the story's
own sentence (a timeline's years), left to trafilatura's reading — which deletes it —
when the item is a stamp, a headline link or a teaser card."""

from __future__ import annotations

import pytest
from lxml.html import fromstring

from tasks.extract.inline import keep_inline_text
from tasks.extract.pages import extract_html

STORY = "".join(
    f"<p>The harbour council debated the bridge plan for the {n}th time on Tuesday, and "
    f"member {n + 2} said it would cost {n + 4} million euros over {n + 1} years.</p>"
    for n in range(1, 7))


def page(block: str) -> str:
    return (f"<html><head><title>Bridge</title></head><body><article><h1>Bridge</h1>"
            f"{STORY[:400]}<p>How the plan came about:</p>{block}{STORY[400:]}"
            "</article></body></html>")


def kept(block: str) -> int:
    """How many `<time>`s the pass replaces by their text in `block`."""
    return keep_inline_text(fromstring(f"<div>{block}</div>"))


def test_a_timeline_in_the_story_keeps_its_years():
    """"<li><time>1998</time> The first survey …" was stored "- The first survey …"."""
    got = extract_html(page(
        '<ol><li><time datetime="1998">1998</time> The first survey of the northern '
        'harbours was carried out.</li><li><time datetime="2004">2004</time> A second '
        "survey covered the southern coast and the islands.</li></ol>"),
        "https://news.example/a")
    assert "1998 The first survey of the northern harbours was carried out." in got.text
    assert "2004 A second survey covered the southern coast and the islands." in got.text
    assert "the 6th time" in got.text


@pytest.mark.parametrize("item", [
    "<li><strong><time>March 2019</time></strong> The council first voted on a bridge.</li>",
    "<li><time>1998</time>: the first survey of the harbours began.</li>",
    # a list named a timeline is the story's own ("time" in "timeline" names no stamp)
    '<li class="timeline-item"><time>1998</time> The first survey of the harbours.</li>',
    # a link inside the sentence does not make it a headline
    '<li><time>2004</time> A second survey by the <a href="/p">port authority</a> covered '
    "the coast.</li>",
])
def test_a_time_opening_an_item_of_the_story_is_kept(item):
    assert kept(f"<ul>{item}</ul>") == 1


@pytest.mark.parametrize("item", [
    # a latest-news list: the item's other words are a headline link's
    '<li><time>11:31</time> <a href="/n/1">Harbour council votes on the bridge plan at '
    "last</a></li>",
    # a teaser card: blocks in the item
    '<li><time>2 May 2024</time><div><h3>The bridge plan</h3><p>The council voted on the '
    "plan at last.</p></div></li>",
    # a stamp's list or item, named so
    '<li class="posted-on"><time>2 May 2024</time> by the city desk of the paper</li>',
    '<li class="meta-item"><time>2 May 2024</time> in Harbour news and City news</li>',
    # too few words after it for a sentence (MIN_WORDS_AROUND)
    "<li><time>2 May 2024</time> Harbour news today</li>",
    # something before it in the item: _in_a_sentence's case, not this one
    "<li><span>Updated</span><time>2 May 2024</time> the plan was changed again by the "
    "council.</li>",
    # alone in its item
    "<li><time>2 May 2024</time></li>",
])
def test_a_time_opening_a_stamp_or_headline_item_is_left_to_trafilatura(item):
    assert kept(f"<ul>{item}</ul>") == 0


def test_a_stamp_list_is_told_by_the_list_and_its_holders_too():
    item = "<li><time>2 May 2024</time> the plan was changed again by the council.</li>"
    assert kept(f"<ul>{item}</ul>") == 1
    assert kept(f'<ul class="article-date">{item}</ul>') == 0
    assert kept(f'<div class="byline"><ul>{item}</ul></div>') == 0
    assert kept(f'<div class="timestamp"><div><ul>{item}</ul></div></div>') == 0


def test_only_a_time_opens_an_item_so():
    # a form's label opening an item is no date of the story
    assert kept('<ul><li><label for="m">E-mail</label> Enter the address we should '
                'write to</li></ul>') == 0


def test_the_item_stays_out_of_the_text_when_it_is_a_headline():
    got = extract_html(page(
        '<ul class="latest"><li><time>11:31</time> <a href="/n/1">Harbour council votes '
        'on the bridge plan at last</a></li></ul>'), "https://news.example/a")
    assert "11:31" not in got.text


def test_four_words_after_it_make_a_sentence_three_do_not():
    # MIN_WORDS_AROUND at its edge: four words outside links
    assert kept("<ul><li><time>1998</time> The survey began there.</li></ul>") == 1
    assert kept("<ul><li><time>1998</time> The survey began.</li></ul>") == 0
    assert kept('<ul><li><time>1998</time> The survey began <a href="/s">there</a>.</li>'
                "</ul>") == 0

