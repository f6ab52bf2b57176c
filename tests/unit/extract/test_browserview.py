"""Fault round 17: markup that libxml2 or trafilatura read otherwise than browsers show it
(tasks/extract/browserview.py), each through `extract_html` as a page and on its pass."""

from __future__ import annotations

import pytest
from lxml import etree
from lxml.html import fromstring

from tasks.extract.browserview import (
    NOFRAMES_MIN_WORDS,
    _noframes_as_body,
    _unprefix_xhtml,
    _xmp_as_pre,
    centers_as_blocks,
    headings_by_role,
    marked_roles,
    unwrap_quotations,
)
from tasks.extract.pages import extract_html

URL = "https://news.example/2024/05/story"


def paragraphs(slug: str, tag: str = "p") -> str:
    return "".join(
        f"<{tag}>The council debated the {slug} plan for the {j + 1}th time on Tuesday, and "
        f"member {j + 3} said it would cost {j + 5} million euros over {j + 2} years.</{tag}>"
        for j in range(8))


def whole_story(text: str, slug: str) -> bool:
    return all(f"the {slug} plan for the {j}th time" in text for j in (1, 8))


# --- <xmp> ------------------------------------------------------------------------------

def test_the_text_of_an_xmp_block_is_kept_as_written() -> None:
    """Round 16's known item: browsers show an `<xmp>` block's text as written (markup
    included); trafilatura left it out of the article ("if (a < b)" missing)."""
    page = ("<html><head><title>Code</title></head><body><article><h1>Code</h1>"
            f"{paragraphs('xmp')}<xmp>if (a < b) {{ print(\"<b>bold</b> more\"); }}"
            "</xmp><p>After the sample the council said more about its plans.</p>"
            "</article></body></html>")
    x = extract_html(page.encode(), URL)
    assert whole_story(x.text, "xmp")
    assert 'if (a < b) { print("<b>bold</b> more"); }' in x.text
    assert "After the sample" in x.text


def test_html_inside_an_xmp_block_is_its_text_not_the_pages_markup() -> None:
    """A sample of HTML in an `<xmp>` (`</html>`, `<title>`) was read as the page's own
    markup by the passes after it (two roots, an unclosed title)."""
    sample = "<html><head><title>Hello</title></head><body><h1>Hi</h1></body></html>"
    page = ("<html><head><title>HTML lesson</title></head><body><article><h1>HTML lesson"
            f"</h1>{paragraphs('lesson')}<xmp>{sample}</xmp></article></body></html>")
    x = extract_html(page.encode(), URL)
    assert whole_story(x.text, "lesson")
    assert sample in x.text
    assert x.meta.title == "HTML lesson"


def test_xmp_pass_leaves_scripts_unclosed_blocks_and_other_pages_alone() -> None:
    plain = "<p>no sample here</p>"
    assert _xmp_as_pre(plain) is plain
    unclosed = "<body><xmp>a < b"
    assert _xmp_as_pre(unclosed) is unclosed
    script = "<script>var s = '<xmp>x</xmp>';</script><XMP>1 < 2</XMP>"
    assert _xmp_as_pre(script) == "<script>var s = '<xmp>x</xmp>';</script><pre>1 &lt; 2</pre>"


# --- XHTML with a namespace prefix --------------------------------------------------------

def prefixed(prefix: str, slug: str, ns: str = "http://www.w3.org/1999/xhtml") -> str:
    p = paragraphs(slug, f"{prefix}:p")
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<{prefix}:html xmlns:{prefix}="{ns}">'
            f"<{prefix}:head><{prefix}:title>Story {slug}</{prefix}:title></{prefix}:head>"
            f"<{prefix}:body><{prefix}:h1>Story {slug}</{prefix}:h1>{p}</{prefix}:body>"
            f"</{prefix}:html>")


@pytest.mark.parametrize("prefix", ["h", "html", "x-1"])
def test_xhtml_written_with_a_namespace_prefix_is_read(prefix: str) -> None:
    """Round 16's known item: `<h:html xmlns:h="http://www.w3.org/1999/xhtml"><h:body>
    <h:p>` gave no text ("no main text found"): libxml2's HTML parser knows no `h:p`."""
    x = extract_html(prefixed(prefix, "prefix").encode(), URL)
    assert x.error is None
    assert whole_story(x.text, "prefix")
    assert x.meta.title == "Story prefix"


def test_prefixes_bound_to_other_namespaces_are_left_alone() -> None:
    page = prefixed("h", "other", ns="http://example.org/not-xhtml")
    assert _unprefix_xhtml(page) is page
    mixed = ('<html xmlns:svg="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/'
             'xhtml"><x:p>a</x:p><svg:rect/></html>')
    assert _unprefix_xhtml(mixed).endswith("<p>a</p><svg:rect/></html>")
    plain = "<html><p>a</p></html>"
    assert _unprefix_xhtml(plain) is plain


# --- <noframes> ---------------------------------------------------------------------------

def frameset(noframes: str, after: bool = False) -> str:
    frames = "<frame src='menu.html'><frame src='story.html'>"
    block = f"<noframes>{noframes}</noframes>"
    return ("<html><head><title>Gazette</title></head><frameset cols='20%,80%'>"
            + (f"{frames}</frameset>{block}" if after else f"{frames}{block}</frameset>")
            + "</html>")


@pytest.mark.parametrize("after", [False, True])
def test_a_framesets_noframes_text_is_the_pages_text(after: bool) -> None:
    """Round 16's known item: libxml2 keeps a `<noframes>` as raw text, its markup
    escaped; a frameset page whose `<noframes>` holds the story was a reject naming
    its frames. Inside the frameset or after it."""
    story = f"<body><article><h1>Story frames</h1>{paragraphs('frames')}</article></body>"
    x = extract_html(frameset(story, after).encode(), URL)
    assert x.error is None
    assert whole_story(x.text, "frames")
    assert "<p>" not in x.text and "&lt;" not in x.text


def test_a_noframes_notice_leaves_the_frameset_reject_naming_its_frames() -> None:
    """The usual notice is shorter than NOFRAMES_MIN_WORDS: the page stays round 16's
    reject that names the frames to extract, not a `too_short` of the notice."""
    notice = "<p>This site uses frames, but your browser does not support them.</p>"
    assert len(notice.split()) < NOFRAMES_MIN_WORDS
    page = frameset(notice)
    assert _noframes_as_body(page) is page
    x = extract_html(page.encode(), URL)
    assert x.text == ""
    assert "frameset" in x.error and "story.html" in x.error


def test_a_noframes_on_a_page_without_frames_is_left_hidden() -> None:
    """A browser with frames hides a `<noframes>`; only a frameset page's is its text."""
    page = (f"<html><body><p>Story.</p><noframes>{paragraphs('hidden')}</noframes>"
            "<p>frameset is a word here</p></body></html>")
    assert _noframes_as_body(page) is page


# --- <q> ----------------------------------------------------------------------------------

def test_an_inline_quotation_stays_in_its_sentence_in_quotation_marks() -> None:
    """trafilatura read `<q>` as a block quotation: "She said", "we will build it",
    "on Tuesday." on three lines, the marks lost (two dev pages, bsi.de and bka.de,
    lost their quotes to the quote step so)."""
    page = ("<html><head><title>Q</title></head><body><article><h1>Q</h1>"
            f"<p>The mayor said <q>we will build it <q>soon</q></q> on Tuesday.</p>"
            f"{paragraphs('q')}</article></body></html>")
    x = extract_html(page.encode(), URL)
    assert "The mayor said “we will build it ‘soon’” on Tuesday." in x.text.split("\n")
    assert whole_story(x.text, "q")


def test_a_quotation_the_page_already_marks_gets_no_more_marks() -> None:
    """German pages write their own „…“ around the element (bsi.de on the dev corpus)."""
    page = ("<html><head><title>Q</title></head><body><article><h1>Q</h1>"
            "<p>Das Projekt startet. „<q>Wer optimal schützen will, muss wissen, wie "
            "Angreifer vorgehen</q>“, sagt Dr. Georg Schneider.</p>"
            f"{paragraphs('de')}</article></body></html>")
    x = extract_html(page.encode(), URL)
    assert ("Das Projekt startet. „Wer optimal schützen will, muss wissen, wie Angreifer "
            "vorgehen“, sagt Dr. Georg Schneider.") in x.text.split("\n")


def test_a_q_holding_blocks_is_left_as_it_is() -> None:
    tree = fromstring("<html><body><q class=box><p>Read also: another story</p></q>"
                      "<p>a <q>b<i>c</i></q> d</p></body></html>")
    assert unwrap_quotations(tree) == 1
    assert etree.tostring(tree.find("body"), encoding="unicode") == (
        '<body><q class="box"><p>Read also: another story</p></q>'
        "<p>a “b<i>c</i>” d</p></body>")


def test_a_page_parsed_again_for_its_depth_is_read_the_same_way() -> None:
    """A page nested past libxml2's 256 levels is parsed again (`_parse_deep`): the
    passes run there too (an `<xmp>` sample, a `<q>`, prefixed XHTML)."""
    inner = ("<h1>Deep</h1><p>The mayor said <q>we will build it</q> on Tuesday.</p>"
             f"{paragraphs('deep')}<xmp>if (a < b) {{ go(); }}</xmp>")
    page = ("<html><head><title>Deep</title></head><body>" + "<div>" * 300 + inner
            + "</div>" * 300 + "</body></html>")
    x = extract_html(page.encode(), URL)
    assert whole_story(x.text, "deep")
    assert "The mayor said “we will build it” on Tuesday." in x.text.split("\n")
    assert "if (a < b) { go(); }" in x.text
    deep_xhtml = prefixed("h", "deepx").replace(
        "<h:body>", "<h:body>" + "<h:div>" * 300).replace("</h:body>", "</h:div>" * 300
                                                          + "</h:body>")
    x = extract_html(deep_xhtml.encode(), URL)
    assert whole_story(x.text, "deepx")


def test_a_text_only_element_with_the_heading_role_is_a_heading_of_its_level() -> None:
    tree = fromstring(
        "<html><body><div role='heading' aria-level='3' class='heading-h3'>More Great "
        "WIRED Stories</div><span role='heading'>Hotels</span>"
        "<div role='heading' aria-level='9'>Odd level</div>"
        "<div role='heading'><p>A box that holds a paragraph</p></div>"
        "<h2 role='heading' aria-level='4'>Already one</h2></body></html>")
    assert headings_by_role(marked_roles(tree)["heading"]) == 3
    assert [(e.tag, e.text_content()) for e in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")
            ] == [("h3", "More Great WIRED Stories"), ("h2", "Hotels"), ("h2", "Odd level"),
                  ("h2", "Already one")]
    assert tree.find(".//div[@role='heading']/p") is not None  # a block stays a block


def test_a_subheading_by_role_is_a_line_of_the_text() -> None:
    """ad-magazin.de: each hotel of the story is named by a `div role="heading"`, which
    trafilatura dropped (its paragraphs stayed, nameless)."""
    paras = "".join(f"<div role='heading' aria-level='2'>Hotel number {i}, Meran</div>"
                    f"<p>The {i}th hotel of the list has a spa on its roof and a pool in the "
                    "garden, and its rooms look over the valley towards the mountains.</p>"
                    for i in range(1, 7))
    got = extract_html(f"<html><body><article><h1>Spa hotels</h1>{paras}</article></body></html>",
                       "https://news.example/a").text
    assert all(f"Hotel number {i}, Meran" in got for i in range(1, 7))


# --- <center> ---------------------------------------------------------------------------

def test_a_center_of_text_is_a_paragraph_and_one_of_blocks_a_div() -> None:
    tree = fromstring(
        "<html><body><center>A notice <b>in bold</b></center>"
        "<center><table><tr><td>A cell</td></tr></table></center>"
        "<center><p>A paragraph</p></center></body></html>")
    assert centers_as_blocks(tree) == 3
    assert [e.tag for e in tree.find("body")] == ["p", "div", "div"]
    assert tree.find("body/p/b").text == "in bold"  # what it holds stays as it was
    assert centers_as_blocks(fromstring("<html><body><p>x</p></body></html>")) == 0


def test_a_story_written_in_center_paragraphs_keeps_its_paragraphs() -> None:
    """Round 17's item: the paragraphs came out glued into one line ("...over 4
    years.The council debated...") with the headline at its start."""
    got = extract_html("<html><body><article><h1>Harbour bridge plan</h1>"
                       f"{paragraphs('bridge', 'center')}</article></body></html>", URL).text
    assert whole_story(got, "bridge")
    lines = got.split("\n")
    assert sum(line.startswith("The council debated the bridge plan") for line in lines) == 8
    assert not any(line.startswith("Harbour bridge plan The council") for line in lines)


# --- seed 54: every mutant of browserview.py ------------------------------------------------

def test_an_xmp_block_written_in_capitals_is_kept_as_written() -> None:
    """Pages of HTML 4's time write their tags in capitals (`<XMP>...</XMP>`), with no
    `</xmp` in lower case anywhere on the page."""
    page = ("<HTML><HEAD><TITLE>Code</TITLE></HEAD><BODY><ARTICLE><H1>Code</H1>"
            f"{paragraphs('caps')}<XMP>if (a < b) {{ go(); }}</XMP></ARTICLE></BODY></HTML>")
    assert _xmp_as_pre(page).endswith("<pre>if (a &lt; b) { go(); }</pre></ARTICLE></BODY></HTML>")
    x = extract_html(page.encode(), URL)
    assert whole_story(x.text, "caps")
    assert "if (a < b) { go(); }" in x.text


def test_an_xhtml_prefix_declared_between_other_namespaces_is_read() -> None:
    """The XHTML declaration among others (SVG before it, MathML after it), as generators
    write them all on the root: every declaration is read, not the first or last one."""
    page = prefixed("h", "between").replace(
        'xmlns:h="http://www.w3.org/1999/xhtml"',
        'xmlns:svg="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml" '
        'xmlns:m="http://www.w3.org/1998/Math/MathML"')
    x = extract_html(page.encode(), URL)
    assert x.error is None
    assert whole_story(x.text, "between")
    assert x.meta.title == "Story between"


def test_two_prefixes_bound_to_xhtml_are_both_read() -> None:
    """A page put together from two generators' fragments, each with its own prefix for
    XHTML (`h:` on the page, `x:` on an embedded section)."""
    section = ('<x:div xmlns:x="http://www.w3.org/1999/xhtml"><x:p>The embedded section '
               "holds its own paragraph about the harbour.</x:p></x:div>")
    page = prefixed("h", "twoprefix").replace("</h:body>", section + "</h:body>")
    out = _unprefix_xhtml(page)
    assert "<h:" not in out and "<x:" not in out
    assert "<div xmlns:x=" in out and "<p>The embedded section" in out and "</p></div>" in out
    x = extract_html(page.encode(), URL)
    assert whole_story(x.text, "twoprefix")
    assert "The embedded section holds its own paragraph about the harbour." in x.text


def story_words(n: int) -> str:
    return " ".join(f"word{i}" for i in range(n))


def test_a_frameset_page_written_in_capitals_gives_its_noframes_text() -> None:
    """`<FRAMESET>` ... `<NOFRAMES>` in capitals, no lower-case `</noframes` on the page."""
    story = f"<BODY><ARTICLE><H1>Story frames</H1>{paragraphs('capsframes')}</ARTICLE></BODY>"
    page = ("<HTML><HEAD><TITLE>Gazette</TITLE></HEAD><FRAMESET COLS='20%,80%'>"
            f"<FRAME SRC='menu.html'><NOFRAMES>{story}</NOFRAMES></FRAMESET></HTML>")
    x = extract_html(page.encode(), URL)
    assert x.error is None
    assert whole_story(x.text, "capsframes")


def test_the_noframes_text_goes_in_one_body_after_the_frameset() -> None:
    """The frameset stays where it is; the text, without the `<body>` tags it was written
    with, goes in one `<body>` after the frameset's end."""
    inner = f"<p>{story_words(NOFRAMES_MIN_WORDS)}</p>"
    page = ("<html><head><title>Gazette</title></head><frameset cols='20%,80%'>"
            f"<frame src='menu.html'><noframes><body>{inner}</body></noframes>"
            "<frame src='story.html'></frameset></html>")
    assert _noframes_as_body(page) == (
        "<html><head><title>Gazette</title></head><frameset cols='20%,80%'>"
        "<frame src='menu.html'><frame src='story.html'></frameset>"
        f"<body>{inner}</body></html>")


def test_a_frameset_never_closed_gets_its_noframes_text_where_it_stood() -> None:
    inner = f"<p>{story_words(30)}</p>"
    page = ("<html><head><title>Gazette</title></head><frameset cols='20%,80%'>"
            f"<frame src='menu.html'><noframes>{inner}</noframes></html>")
    assert _noframes_as_body(page) == (
        "<html><head><title>Gazette</title></head><frameset cols='20%,80%'>"
        f"<frame src='menu.html'><body>{inner}</body></html>")


def test_a_noframes_of_exactly_the_least_words_is_the_pages_text() -> None:
    exact, short = story_words(NOFRAMES_MIN_WORDS), story_words(NOFRAMES_MIN_WORDS - 1)
    assert f"<body><p>{exact}</p></body>" in _noframes_as_body(frameset(f"<p>{exact}</p>"))
    page = frameset(f"<p>{short}</p>")
    assert _noframes_as_body(page) is page


def test_the_first_noframes_long_enough_is_taken_after_a_notice() -> None:
    """A frameset whose first `<noframes>` is the usual notice and a later one the page's
    text: the notice is passed over, not the end of the search."""
    notice = "<p>This site uses frames, but your browser does not support them.</p>"
    story = f"<p>{story_words(40)}</p>"
    page = ("<html><head><title>Gazette</title></head><frameset cols='20%,80%'>"
            f"<frame src='menu.html'><noframes>{notice}</noframes><frame src='story.html'>"
            f"<noframes>{story}</noframes></frameset></html>")
    out = _noframes_as_body(page)
    assert out.endswith(f"</frameset><body>{story}</body></html>")
    assert f"<noframes>{notice}</noframes>" in out


def unwrapped(body: str) -> str:
    tree = fromstring(f"<html><body>{body}</body></html>")
    unwrap_quotations(tree)
    return etree.tostring(tree.find("body"), encoding="unicode")[len("<body>"):-len("</body>")]


def test_quotations_nested_three_deep_alternate_their_marks() -> None:
    assert unwrapped("<p>He said <q>she told me <q>they wrote <q>never</q> twice</q></q>.</p>"
                     ) == "<p>He said “she told me ‘they wrote “never” twice’”.</p>"


def test_a_pages_own_marks_with_spaces_around_them_are_its_marks() -> None:
    """French pages set « and » apart from the words by a (no-break) space, outside the
    element or inside it; German ones may open the mark inside the element."""
    assert unwrapped("<p>Il a dit « <q>nous le ferons</q> » hier.</p>"
                     ) == "<p>Il a dit « nous le ferons » hier.</p>"
    assert unwrapped("<p>Il a dit <q>\xa0«\xa0nous le ferons\xa0»</q> hier.</p>"
                     ) == "<p>Il a dit \xa0«\xa0nous le ferons\xa0» hier.</p>"
    assert unwrapped("<p>Er sagte <q>„Wir bauen es“</q> am Dienstag.</p>"
                     ) == "<p>Er sagte „Wir bauen es“ am Dienstag.</p>"


def test_the_mark_before_a_quotation_is_read_after_the_element_before_it() -> None:
    """The text right before the `<q>` is the tail of the element before it, not the
    paragraph's first words."""
    assert unwrapped("<p>Laut <b>Dr. Schneider</b> „<q>Wer schützen will</q>“.</p>"
                     ) == "<p>Laut <b>Dr. Schneider</b> „Wer schützen will“.</p>"
    assert unwrapped("<p>Laut <b>Dr. Schneider</b><q>Wer schützen will</q>.</p>"
                     ) == "<p>Laut <b>Dr. Schneider</b>“Wer schützen will”.</p>"


def test_a_quotation_opening_with_an_element_gets_its_marks_around_it() -> None:
    assert unwrapped("<p>She said <q><em>Never</em> again</q>.</p>"
                     ) == "<p>She said “<em>Never</em> again”.</p>"


def test_heading_roles_of_every_aria_level_and_after_one_left() -> None:
    """aria-level 1 to 6 are the heading's level, 7 is none (the default 2); an element
    left as it is (a real `<h2>`, a box of blocks) does not end the search."""
    tree = fromstring(
        "<html><body><h2 role='heading' aria-level='4'>Already one</h2>"
        "<div role='heading'><p>A box that holds a paragraph</p></div>"
        "<div role='heading' aria-level='1'>Level one</div>"
        "<div role='heading' aria-level='6'>Level six</div>"
        "<div role='heading' aria-level='7'>Level seven</div></body></html>")
    assert headings_by_role(marked_roles(tree)["heading"]) == 3
    assert [(e.tag, e.text) for e in tree.find("body")] == [
        ("h2", "Already one"), ("div", None), ("h1", "Level one"), ("h6", "Level six"),
        ("h2", "Level seven")]


def test_an_xmp_block_and_a_noframes_written_in_mixed_case_are_read() -> None:
    """`<Xmp>...</Xmp>` and `<NoFrames>...</NoFrames>` (editors that capitalise a tag's
    first letter): the pre-checks looked for the lower- and upper-case end tags only."""
    page = ("<html><head><title>Code</title></head><body><article><h1>Code</h1>"
            f"{paragraphs('mixed')}<Xmp>if (a < b) {{ go(); }}</Xmp></article></body></html>")
    assert "<pre>if (a &lt; b) { go(); }</pre>" in _xmp_as_pre(page)
    story = f"<body><article><h1>Story mixed</h1>{paragraphs('mixedframes')}</article></body>"
    frames = ("<html><head><title>Gazette</title></head><frameset cols='20%,80%'>"
              f"<frame src='menu.html'><NoFrames>{story}</NoFrames></frameset></html>")
    x = extract_html(frames.encode(), URL)
    assert x.error is None and whole_story(x.text, "mixedframes")


# --- session 44: <div>s of text as paragraphs ---------------------------------------------

SENTENCE = ("The council voted on Tuesday to reopen the old bridge after two years of "
            "repairs, the mayor said.")


def _divs(body: str) -> list[str]:
    from lxml import html as lxml_html

    from tasks.extract.browserview import paragraph_divs
    tree = lxml_html.fromstring(f"<html><body>{body}</body></html>")
    return [d.get("id") for d in paragraph_divs(tree)]


def test_divs_of_sentences_beside_a_paragraph_are_paragraphs() -> None:
    body = (f"<div><p>First.</p><div id='a'>{SENTENCE}</div><div id='b'><b>Berlin.</b> "
            f"{SENTENCE}”</div><div id='c'>{SENTENCE[:-1]}</div></div>")
    assert _divs(body) == ["a", "b"]  # c ends with no sentence's end


@pytest.mark.parametrize("body", [
    # one such <div> alone: a caption, a source line, a disclaimer
    f"<div><p>First.</p><div>{SENTENCE}</div></div>",
    # no <p> of the container's own (its paragraphs are read as <div>s anyway)
    f"<div><div>{SENTENCE}</div><div>{SENTENCE}</div><section><p>x</p></section></div>",
    # a <div> holding a block; a short one
    f"<div><p>First.</p><div><p>{SENTENCE}</p></div><div>{SENTENCE}</div></div>",
    f"<div><p>First.</p><div>{SENTENCE}</div><div>Short. Too short.</div></div>",
])
def test_a_div_alone_without_paragraphs_or_holding_blocks_stays_a_div(body) -> None:
    assert _divs(body) == []


def test_a_paragraph_div_is_at_least_the_minimum_long() -> None:
    from tasks.extract.browserview import MIN_TEXT_DIV_CHARS
    exact = "x" * (MIN_TEXT_DIV_CHARS - 1) + "."
    body = f"<div><p>First.</p><div id='a'>{exact}</div><div id='b'>{exact}</div></div>"
    assert _divs(body) == ["a", "b"]
    assert _divs(body.replace("x.", ".")) == []


def test_a_font_around_blocks_is_a_div_and_one_around_words_stays() -> None:
    from tasks.extract.browserview import fonts_holding_blocks_as_divs
    tree = fromstring("<html><body><font face='Arial'>line<br><div>box</div>line</font>"
                      "<p>A <font color='red'>red</font> word.</p></body></html>")
    assert fonts_holding_blocks_as_divs(tree) == 1
    assert [e.tag for e in tree.find("body")] == ["div", "p"]
    assert tree.find("body/p/font") is not None
