"""Furniture of big news publishers' own templates of 2017-2021, through extract and the
line rules (`bench/bench_text_templates.py --cms D`, held out, session 55): the credit
lines under wire stories (Reuters' "Reporting by …; Editing by …", USA Today's
"Contributing: …", AP's "… contributed to this report."), a tail bio naming the paper
("X is a San Francisco Chronicle staff writer"), captions carried as a `<p>` after the
picture and credited "(Photo: X, AP)" or "X/The Star", and a story written in CNN's
`zn-body__paragraph` `<div>`s beside a reader comment thread of `<p>`s (the first
reading held the comments and none of the story). Each fails on the session's start; the
near-misses (story prose opening with the same words) stay."""

from __future__ import annotations

import pytest

from tasks.clean.boilerplate import classify_line
from tests.unit.clean.test_cms_furniture import text_of
from tests.unit.clean.test_modern_furniture import MORE
from tests.unit.extract.test_pages import PARAGRAPHS


def wire_story(inside: str = "", after: str = "", at: int = 2) -> bytes:
    """A wire story in a publisher's article-body container: `inside` after the first `at`
    paragraphs, `after` closing the body (where the sites put their credit lines)."""
    paras = [f'<p class="story-paragraph">{p}</p>' for p in PARAGRAPHS]
    body = "".join(paras[:at]) + inside + "".join(paras[at:]) + after
    return (
        '<html lang="en"><head><title>Harbour bridge reopens | Gazette</title></head><body>'
        '<header class="site-header"><nav><a href="/">Home</a> <a href="/news/">News</a></nav>'
        '</header><main id="main"><article class="story"><h1 class="headline">Harbour bridge '
        'reopens</h1><div class="byline">By <a href="/staff/maria">Maria Lopez</a></div><div '
        f'class="article-body">{body}</div></article></main></body></html>'
    ).encode()


CREDIT_LINES = [
    "Reporting by Anna Berger in Hamburg; Additional reporting by Tom Becker; Editing by "
    "Lea Schmitt",
    "Contributing: Tom Becker and Anna Berger, USA TODAY",
    "Associated Press writer Tom Becker in Washington contributed to this report.",
    "The Associated Press contributed to this report.",
    "Anna Berger contributed reporting.",
]


@pytest.mark.parametrize("line", CREDIT_LINES)
def test_a_credit_line_of_the_copy_goes(line: str) -> None:
    text = text_of(wire_story(after=f"<p>{line}</p>"))
    assert line[:25] not in text
    assert PARAGRAPHS[-1] in text


def test_a_tail_bio_that_names_the_paper_goes() -> None:
    bio = ("<p><em>Tom Becker is a San Francisco Chronicle staff writer. Email: "
           "tbecker@sfchronicle.com Twitter: @tombecker</em></p>")
    text = text_of(wire_story(after=bio))
    assert "staff writer" not in text
    assert PARAGRAPHS[-1] in text


CAPTIONS = [
    "Workers fix the last cable on the bridge on Monday. (Photo: Tom Becker, AP)",
    "Workers fix the last cable on the bridge on Monday. Tom Becker/The Star",
]


@pytest.mark.parametrize("caption", CAPTIONS)
def test_a_credited_caption_paragraph_after_the_picture_goes(caption: str) -> None:
    pic = f'<p><img src="/p1.jpg" alt="" width="640"></p><p><em>{caption}</em></p>'
    text = text_of(wire_story(inside=pic))
    assert "last cable" not in text
    assert PARAGRAPHS[2] in text


def test_a_paragraph_after_a_picture_naming_a_border_stays() -> None:
    """No credit: the sentence ends on a lower-case word after the slash."""
    line = ("Trucks waited for hours at the crossing on the US/Mexico border, drivers said "
            "on Tuesday.")
    pic = f'<p><img src="/p1.jpg" alt="" width="640"></p><p>{line}</p>'
    assert line in text_of(wire_story(inside=pic))


# A reader's comment thread below the story, longer than it, in <p>s; CNN's story in
# <div>s (the paragraph divs of browserview.paragraph_divs, beside a tail bio's <p>)
COMMENTS = "".join(
    f'<li class="vf-item"><div class="vf-user">Reader {i}</div><p>{s}</p><span>{i} minutes '
    'ago</span></li>'
    for i, s in enumerate([
        "I drove over it this morning and the new surface is much quieter than before, "
        "which my neighbours on the quay will be glad to hear after two long years.",
        "Forty million euros for a repaint and some cables seems a lot to me, and nobody has "
        "explained why the work took twice as long as the council first promised us.",
        "The ferry was the best part of the closure, honestly; I hope they keep it running "
        "in the summer for the tourists and for the people who live on the islands.",
        "My shop on the east bank lost a third of its customers and we got no help at all "
        "from the city during the whole time the bridge was closed to traffic.",
        "Good to see it open again, but the cycle lane is still too narrow for the number of "
        "people who use it every morning to get to the offices in the old town.",
        "Will the tolls come back? That is what everyone here wants to know before the vote "
        "in September, and the mayor still has not given anyone a straight answer.",
    ], 1))


def test_a_story_in_paragraph_divs_beside_a_comment_thread_is_read() -> None:
    story = PARAGRAPHS + MORE  # (the story outweighs the thread, as a news story does)
    divs = "".join(f'<div class="zn-body__paragraph speakable">{p}</div>' for p in story)
    page = (
        '<html lang="en"><head><title>Harbour bridge reopens - CNN</title></head><body><main>'
        '<article class="story"><h1 class="headline">Harbour bridge reopens</h1><section '
        f'id="body-text" class="zn zn-body-text"><div class="l-container">{divs}<p><em>Maria '
        'Lopez is a reporter covering the city. Reach Maria at maria@example.com.</em></p>'
        '</div></section></article><div id="vf-conversations"><h3>Conversation 12 Comments'
        f'</h3><ul>{COMMENTS}</ul></div></main></body></html>'
    ).encode()
    text = text_of(page)
    for p in story[1:]:
        assert p in text
    assert "cycle lane" not in text


NEAR_MISSES = [
    "Reporting by the local newspaper in 2015 first revealed that the contracts had been "
    "awarded without a public tender, prosecutors said.",
    "Contributing to the delay, officials said, was a shortage of the steel beams needed for "
    "the second span of the bridge.",
    "Copyright lawyers for the photographer argued that the museum had used the images for "
    "years without paying any licence fee.",
    "Three agencies contributed to the report, which the minister will present to "
    "parliament on Tuesday.",
    "Garcia, who is a reporter covering the courts for a rival paper, testified that she had "
    "received the documents by mail.",
]


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_story_prose_opening_with_a_credit_s_words_stays(line: str) -> None:
    assert classify_line(line) is None
    assert line in text_of(wire_story(inside=f"<p>{line}</p>", at=3))


@pytest.mark.parametrize("line", [
    "Copyright 2020 The Associated Press. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed.",
    "Copyright by Anna Berger, all rights reserved.",
])
def test_a_copyright_notice_still_goes(line: str) -> None:
    assert classify_line(line) == "legal"
