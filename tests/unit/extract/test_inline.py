"""Inline elements trafilatura deletes with their text (`<time>`, `<output>`, `<blink>`,
`<marquee>`): kept as the words of their sentence, never as a date stamp (round 18)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from lxml.html import HtmlElement, fromstring

from tasks.extract.inline import drop_caps_into_their_paragraph, keep_inline_text
from tasks.extract.pages import extract_html

STORY = "".join(
    f"<p>The harbour council debated the bridge plan for the {n}th time on Tuesday, and "
    f"member {n + 2} said it would cost {n + 4} million euros over {n + 1} years.</p>"
    for n in range(1, 7))


def page(body: str, head: str = "") -> str:
    return (f"<html><head><title>Bridge</title>{head}</head><body><article><h1>Bridge</h1>"
            f"{body}{STORY}</article></body></html>")


@pytest.mark.parametrize("tag", ["time", "output", "blink", "marquee", "label"])
def test_an_inline_element_trafilatura_deletes_stays_in_its_sentence(tag):
    """"The council met on <time>May 1</time> and voted" was stored "The council met on
    and voted": trafilatura deletes every <time> (and <output>, ...), its tail kept."""
    got = extract_html(page(f"<p>The council met on <{tag}>May 1</{tag}> and voted for the "
                            "plan at last.</p>"), "https://news.example/a")
    assert "The council met on May 1 and voted for the plan at last." in got.text


def test_a_time_in_a_sentence_keeps_its_text_and_its_date_for_the_metadata():
    got = extract_html(page(
        '<p>The bridge closed on <time datetime="2022-03-01">1 March 2022</time>, and the '
        'ferries ran <time datetime="PT2H">every two hours</time> since then.</p>'),
        "https://news.example/a", fetched_at=datetime(2024, 5, 3, tzinfo=UTC))
    assert ("The bridge closed on 1 March 2022, and the ferries ran every two hours since "
            "then.") in got.text
    # the metadata read the <time> before the pass took it out of the tree
    assert got.meta.published_at == datetime(2022, 3, 1, tzinfo=UTC)


@pytest.mark.parametrize("stamp", [
    '<p><time datetime="2024-05-02">2 May 2024</time></p>',
    '<p>Published <time datetime="2024-05-02">2 May 2024</time></p>',
    '<p>By Anna Berg | <time datetime="2024-05-02">2 May 2024, 10:00</time></p>',
    '<p class="article-date">Last updated at <time>2 May 2024, 10:00</time> by the '
    'desk of the city</p>',
    '<div class="byline"><p>Written by the city desk staff on <time>2 May 2024</time>'
    '</p></div>',
    '<div><time datetime="2024-05-02">2 May 2024</time> The city desk</div>',
    # from the dev corpus: a related headline's age, an Instagram embed's caption, a
    # Drupal node's "saved by", a story list's label
    '<ul><li><a href="/x"><section><h6>Harbour news: the ferries and the bridge plan in '
    'the city</h6><time><small>2 May 2024</small></time></section></a></li></ul>',
    '<blockquote class="instagram-media"><p><a href="/p">A post shared by Kira '
    '(@kira)</a> on <time datetime="2024-05-02">2 May 2024</time></p></blockquote>',
    '<p class="submitted"><span>Saved by <span>human</span> am <time>2 May 2024</time>'
    '</span></p>',
    '<li><div class="label"><a href="/z">Ekstraliga news of the week</a> '
    '<time>2 May 2024</time> <span>3</span></div></li>',
    # the same stamps without a telling class: short lines that close on the <time>
    '<blockquote><p><a href="/p">A post shared by Kira Berg Lind (@kira.lind)</a> on '
    '<time datetime="2024-05-02">2 May 2024</time></p></blockquote>',
    '<p>Gespeichert von <span>human</span> am <time>2 May 2024</time></p>',
])
def test_a_date_stamp_stays_out_of_the_text(stamp):
    got = extract_html(page(stamp), "https://news.example/a")
    assert "2 May 2024" not in got.text
    assert "the 6th time" in got.text


def test_a_sentence_that_ends_on_a_time_keeps_it():
    """Round 18's known item: "... again on <time>Monday</time>" with nothing after it was
    stored "... again on": a stamp closes its line too, so a closing <time> is a word of
    the sentence only after more words than a stamp line holds (MIN_WORDS_BEFORE_AN_END)."""
    sentence = ("The new harbour bridge, closed for two years of repairs, opens to traffic "
                "again on <time>Monday</time>")
    got = extract_html(page(f"<p>{sentence}</p>"), "https://news.example/a")
    assert sentence.replace("<time>", "").replace("</time>", "") in got.text
    edge = fromstring("<div><p>The harbour bridge, closed for two years of repairs, opens "
                      "on <time>Monday</time></p><p>The harbour bridge, closed for two years "
                      "of repairs, opens again on <time>Tuesday</time></p></div>")
    # 11 and 12 words before the <time>: the first is still a stamp line's length
    assert keep_inline_text(edge) == 1
    assert [t.text for t in edge.iter("time")] == ["Monday"]


def test_a_form_label_stays_out_of_the_text():
    # a form's label beside its field is no word of a sentence (round 18's known item
    # was a <label> inside one: "Press <label>Send</label> once the form is filled")
    got = extract_html(page('<p><label for="m">Your e-mail address for the harbour '
                            'newsletter</label> <input id="m"></p>'), "https://news.example/a")
    assert "harbour newsletter" not in got.text
    assert "the 6th time" in got.text


def test_the_pass_leaves_blocks_and_long_contents_alone():
    tree = fromstring(
        "<div><p>The team met in the hall <time><div>a block</div></time> and left.</p>"
        f"<p>The results were read out: <output>{'x' * 100}</output> by the clerk.</p>"
        "<p>The council met on <time>May 1</time> and voted.</p></div>")
    assert keep_inline_text(tree) == 1
    assert [e.tag for e in tree.iter("time", "output")] == ["time", "output"]


def test_the_pass_counts_each_element_it_replaces():
    # seed 51: the count is of the elements replaced, two here
    tree = fromstring("<div><p>The council met on <time>May 1</time> and voted.</p>"
                      "<p>The vote was held on <time>May 2</time> at noon.</p></div>")
    assert keep_inline_text(tree) == 2
    assert list(tree.iter("time")) == []


@pytest.mark.parametrize("block", [
    "<p><time>May 1</time> and voted for the plan.</p>",          # first in its block
    "<p><b>Update</b><time>May 1</time> and voted for the plan.</p>",  # right after a tag
])
def test_an_element_with_no_words_right_before_it_is_no_word_of_a_sentence(block):
    # seed 51: with nothing written before it, it opens its line as a stamp does
    tree = fromstring(f"<div>{block}</div>")
    assert keep_inline_text(tree) == 0
    assert [e.text for e in tree.iter("time")] == ["May 1"]


def _nested(stamp_at: int, attr: str = "class") -> HtmlElement:
    """A sentence's <time> inside an <em> inside a <p>, under four <div>s; the one
    `stamp_at` levels above the <p> named as a stamp's (by `attr`)."""
    html = ("<p>The council met <em>on <time>May 1</time> again</em> and voted for the "
            "plan.</p>")
    for level in range(1, 5):
        named = f' {attr}="story-meta"' if level == stamp_at else ' class="wrap"'
        html = f"<div{named}>{html}</div>"
    return fromstring(html)


def test_a_stamp_is_told_by_the_block_and_three_elements_above_it_no_further():
    # seed 52: the names looked at are the element's own, its inline parents', its
    # block's and the three above that block, however deep the element lies in it
    for stamp_at in (1, 2, 3):
        tree = _nested(stamp_at)
        assert keep_inline_text(tree) == 0, stamp_at
        assert [e.text for e in tree.iter("time")] == ["May 1"]
    far = _nested(4)
    assert keep_inline_text(far) == 1
    assert list(far.iter("time")) == []
    assert keep_inline_text(_nested(0)) == 1  # no stamp anywhere


def test_an_id_alone_can_say_stamp():
    # seed 52: <div id="story-meta"> as <div class="story-meta">
    tree = _nested(1, attr="id")
    assert keep_inline_text(tree) == 0
    assert [e.text for e in tree.iter("time")] == ["May 1"]


def test_the_words_right_before_it_are_those_after_the_element_before_it():
    # seed 66: a sentence whose words before the <time> follow a <b>, not the block's
    # opening text, keeps it; opening words cut off from it by a tag do not count
    tree = fromstring("<div><p><b>The council</b> met on <time>May 1</time> and voted for the "
                      "plan.</p></div>")
    assert keep_inline_text(tree) == 1
    assert list(tree.iter("time")) == []
    tree = fromstring("<div><p>The council met on <b>Update</b><time>May 1</time> and voted "
                      "for the plan.</p></div>")
    assert keep_inline_text(tree) == 0
    assert [e.text for e in tree.iter("time")] == ["May 1"]


def test_a_drop_cap_before_its_paragraph_opens_the_story_again():
    """The Evening Standard's template: `<span class="dropcap">T</span><p><a>urkey</a>,
    Poland...`: trafilatura read two blocks and dropped the letter: "urkey, Poland"."""
    cap = ('<span class="dropcap">T</span><p><a href="/topic/turkey">urkey</a>, Poland and '
           "the Caribbean islands of Bonaire have been removed from the list of travel "
           "corridors, the transport secretary said on Thursday.</p>")
    text = extract_html(page(cap), "https://news.example/a").text
    assert "Turkey, Poland and the Caribbean islands" in text
    assert "urkey" not in text.replace("Turkey", "")


@pytest.mark.parametrize("html, moved, first", [
    ('<div><b>T</b>\n<p>  <em>he</em> council met.</p></div>', 1, "The council met."),
    ('<div><span>T</span><p><script>var a;</script>he council met.</p></div>', 1,
     "var a;The council met."),
    # a forum's avatar initial before its user's name, written with the same letter
    ('<div><div class="avatar">Y</div><p>yellowkitty wrote on Monday.</p></div>', 0,
     "Yyellowkitty wrote on Monday."),
    # a capitalised first word after it: the letter is a label of its own
    ('<div><span>A</span><p>The council met.</p></div>', 0, "AThe council met."),
    ('<div><span>t</span><p>he council met.</p></div>', 0, "the council met."),
    ('<div><span>T</span> and <p>he council met.</p></div>', 0, "T and he council met."),
    ('<div><span>Th</span><p>e council met.</p></div>', 0, "The council met."),
    ('<div><span><div>T</div></span><p>he council met.</p></div>', 0, "The council met."),
])
def test_only_a_lone_capital_standing_right_before_its_word_is_a_drop_cap(html, moved, first):
    tree = fromstring(html)
    assert drop_caps_into_their_paragraph(tree) == moved
    assert tree.text_content().replace("\n", "").strip() == first


def test_each_paragraph_is_asked_for_its_drop_cap_and_each_cap_counts():
    # seed 70: a paragraph without a cap before it (the first child, one after a heading,
    # a capital before a capitalised word, a paragraph holding no text) is passed over,
    # not the end of the pass; two caps moved count two
    tree = fromstring(
        "<div><p>The first paragraph.</p><h2>Heading</h2><p>After a heading.</p>"
        "<span>A</span><p>The capital's own word.</p><span>S</span><p><img src='x.jpg'></p>"
        "<span>T</span><p>he council met.</p><span>W</span><p>hen it voted.</p></div>")
    assert drop_caps_into_their_paragraph(tree) == 2
    assert [p.text for p in tree.iter("p")][-2:] == ["The council met.", "When it voted."]
    assert [e.text for e in tree.iter("span")] == ["A", "S"]


def test_only_a_paragraph_takes_a_drop_cap_back():
    # seed 70: a capital before a <div> or a heading written in lower case is no drop cap
    for block in ("div", "h2", "li"):
        tree = fromstring(f"<div><span>T</span><{block}>he council met.</{block}></div>")
        assert drop_caps_into_their_paragraph(tree) == 0, block
        assert tree.text_content() == "The council met."


@pytest.mark.parametrize("html, first", [
    # the paragraph's opening blanks go (a template's line break before the word)
    ("<div><span>T</span><p>\n  he council met.</p></div>", "The council met."),
    # a word's second letter may be a capital ("McDonald's")
    ("<div><span>M</span><p>cDonald's opened a store.</p></div>", "McDonald's opened a store."),
    # an element without text or tail before the word is passed over
    ("<div><span>T</span><p><img src='x.jpg'><em>he</em> council met.</p></div>",
     "The council met."),
])
def test_a_drop_caps_word_is_found_past_blanks_and_empty_elements(html, first):
    tree = fromstring(html)
    assert drop_caps_into_their_paragraph(tree) == 1
    assert tree.text_content() == first
