"""The story's container named for trafilatura on pages that name none (container.py,
used by pages._read_in_a_named_container): a story's lists and quotes come through, the
name is kept only when the second reading keeps the first one's text, and a page with a
container trafilatura knows is left as it is."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from tasks.extract.container import (
    MIN_BLOCK_CHARS,
    MIN_STORY_CHARS,
    _another_story_beside,
    _holds_more_than_paragraphs,
    name_the_headlined_story,
    name_the_story_container,
    reads_more,
    story_container,
)
from tasks.extract.pages import _read_the_story, extract_html
from tests.unit.extract.test_pages import FETCHED, PARAGRAPHS

URL = "https://gazette.example/news/bridge.html"
ITEMS = ["Engineers replaced the steel cables and resurfaced the whole deck.",
         "The mayor expects about 30,000 vehicles a day from next week on.",
         "Ferries added during the closure run on until the end of summer."]
LIST = "<ul>" + "".join(f"<li>{i}</li>" for i in ITEMS) + "</ul>"
QUOTE = ("<blockquote>We waited two long years for this bridge, and it is finally ours "
         "again, said a commuter.</blockquote>")


def _page(container_class: str, inner: str = LIST + QUOTE) -> str:
    story = f"<p>{PARAGRAPHS[0]}</p>{inner}" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:])
    return (f"<html><body><div class='css-top'><h1>Bridge reopens</h1>"
            f"<div class='{container_class}'>{story}</div></div></body></html>")


def test_a_storys_lists_and_quotes_come_through_on_a_page_naming_no_container() -> None:
    x = extract_html(_page("css-8l7m41"), URL, fetched_at=FETCHED)
    assert all(p in x.text for p in PARAGRAPHS)
    assert all(i in x.text for i in ITEMS)
    assert "We waited two long years" in x.text


def test_a_container_trafilatura_knows_is_not_renamed() -> None:
    tree = lxml_html.fromstring(_page("entry-content"))
    assert name_the_story_container(tree) is None
    assert tree.find(".//article") is None


def test_only_a_container_with_blocks_beyond_paragraphs_is_renamed() -> None:
    tree = lxml_html.fromstring(_page("css-b", inner=""))
    assert name_the_story_container(tree) is None  # nothing the first reading would drop
    tree = lxml_html.fromstring(_page("css-b"))
    elem, tag = name_the_story_container(tree)
    assert (elem.tag, tag, elem.get("class")) == ("article", "div", "css-b")


def test_the_container_is_the_parent_of_most_paragraph_text() -> None:
    tree = lxml_html.fromstring(
        "<html><body><div id='a'><p>short one</p><p>short two</p></div>"
        f"<div id='b'><p>{PARAGRAPHS[0]}</p></div></body></html>"
    )
    assert story_container(tree.find("body")).get("id") == "b"
    assert story_container(lxml_html.fromstring("<html><body><div>x</div></body></html>")
                           .find("body")) is None


def test_a_second_reading_counts_only_when_it_is_longer_and_keeps_the_first() -> None:
    before = "First paragraph of the story.\nSecond paragraph of the story."
    assert reads_more(before + "\n- a list item the first reading lost", before)
    assert not reads_more(before, before)  # not longer
    assert not reads_more("Second paragraph of the story.\n" + "x" * 200, before)  # lost one
    assert reads_more("anything at all", "")


def test_a_reading_that_loses_the_first_ones_text_is_not_taken() -> None:
    # two paragraphs of the story sit outside the container with the list: naming that
    # container would leave them out, so the page keeps its first reading
    inside = "".join(f"<p>{p} {p}</p>" for p in PARAGRAPHS[:3])
    html = ("<html><body><div class='css-top'><h1>Bridge reopens</h1>"
            f"<div class='css-a'>{inside}{LIST}</div>"
            f"<div class='css-z'><p>{PARAGRAPHS[3]}</p></div></div></body></html>")
    tree = lxml_html.fromstring(html)
    assert name_the_story_container(tree)[0].get("class") == "css-a"  # it is tried
    x = extract_html(html, URL, fetched_at=FETCHED)
    assert PARAGRAPHS[3] in x.text


NEXT = ["The council also approved a new cycle lane along the river, to open next spring "
        "after a year of planning and two public consultations in the old town hall.",
        "Shop owners on the quay asked for more parking, which the council said it would "
        "study over the summer before any decision on the car park by the station."]


def _two_stories(first_heading: str = "") -> str:
    """A story and the site's next one appended below it, in <div>s named by no class
    trafilatura knows."""
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    nxt = "".join(f"<p>{p}</p>" for p in NEXT * 2)
    return ("<html><head><title>Bridge reopens | Gazette</title></head><body>"
            f"{first_heading}<div class='css-w'><div class='css-s'><h1>Bridge reopens</h1>"
            f"<div class='css-b'>{story}</div></div><div class='css-s2'><h2>Council "
            f"approves cycle lane</h2><div class='css-b2'>{nxt}</div></div></div></body></html>")


def test_the_next_story_appended_below_stays_out() -> None:
    x = extract_html(_two_stories(), URL, fetched_at=FETCHED)
    assert all(p in x.text for p in PARAGRAPHS)
    assert not any(p in x.text for p in NEXT)


def test_the_headline_is_the_one_the_title_names() -> None:
    # a site's logo set in an <h1> of its own comes first: the story's headline is the
    # <h1> whose text the page's title holds
    tree = lxml_html.fromstring(_two_stories("<div class='css-logo'><h1>Gazette</h1></div>"))
    elem, tag = name_the_headlined_story(tree, "Bridge reopens | Gazette")
    assert (elem.get("class"), tag) == ("css-s", "div")
    tree = lxml_html.fromstring(_two_stories())
    assert name_the_headlined_story(tree, None)[0].get("class") == "css-s"  # the first <h1>


def test_a_page_with_a_container_trafilatura_knows_keeps_its_markup() -> None:
    page = _two_stories().replace("css-s'", "entry-content'", 1)
    assert name_the_headlined_story(lxml_html.fromstring(page), "Bridge reopens") is None
    page = _two_stories().replace("<div class='css-s'>", "<article>", 1).replace(
        "</div><div class='css-s2'>", "</article><div class='css-s2'>", 1)
    assert name_the_headlined_story(lxml_html.fromstring(page), "Bridge reopens") is None
    # a headline whose wrappers hold too little paragraph text up to <body>: no story found
    short = "<html><body><div><h1>Bridge reopens</h1><p>Short.</p></div></body></html>"
    assert name_the_headlined_story(lxml_html.fromstring(short), "Bridge reopens") is None


def test_a_header_with_a_long_standfirst_is_not_the_story() -> None:
    # the headline's own header holds a long standfirst, the story sits beside it: the
    # header holds little of the page's paragraph text, so the story's wrapper is named
    dek = ("A long standfirst that tells the whole story in one paragraph before it "
           "starts, as magazines write them, with every detail the reader needs. ") * 4
    story = "".join(f"<p>{p} {p}</p>" for p in PARAGRAPHS) * 3
    tree = lxml_html.fromstring(
        f"<html><body><div class='css-page'><div class='css-head'><h1>Bridge reopens</h1>"
        f"<p>{dek}</p></div><div class='css-body'>{story}</div></div></body></html>"
    )
    elem, _ = name_the_headlined_story(tree, "Bridge reopens")
    assert elem.get("class") == "css-page"


# Session 42's mutation run (TESTING.md): the edges of the container's rules.


def test_the_container_is_the_one_holding_most_text_not_the_longest_paragraph() -> None:
    # four paragraphs of the story in one <div> outweigh one longer paragraph elsewhere
    tree = lxml_html.fromstring(
        "<html><body><div id='aside'><p>" + " ".join(PARAGRAPHS[:2]) + "</p></div>"
        "<div id='story'>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div></body></html>"
    )
    assert story_container(tree.find("body")).get("id") == "story"


def test_a_list_of_exactly_min_block_chars_is_worth_a_second_reading() -> None:
    item = "x" * MIN_BLOCK_CHARS
    tree = lxml_html.fromstring(_page("css-b", inner=f"<ul><li>{item}</li></ul>"))
    assert name_the_story_container(tree) is not None
    tree = lxml_html.fromstring(_page("css-b", inner=f"<ul><li>{item[1:]}</li></ul>"))
    assert name_the_story_container(tree) is None


def test_a_second_reading_keeping_exactly_the_share_is_taken() -> None:
    # 95 of 100 characters of the first reading kept: enough; a first reading of one
    # character (a lone page number) that the second drops is not kept
    before = "a" * 95 + "\n" + "b" * 5
    assert reads_more("a" * 95 + "\n" + "c" * 20, before)
    assert not reads_more("a" * 94 + "\n" + "c" * 20, before)
    assert not reads_more("a longer reading without it", "7")


def test_a_blog_post_title_in_an_h2_is_its_headline() -> None:
    page = _two_stories().replace("<h1>Bridge reopens</h1>", "<h2>Bridge reopens</h2>")
    elem, _ = name_the_headlined_story(lxml_html.fromstring(page), "Bridge reopens | Gazette")
    assert elem.get("class") == "css-s"


def test_a_longer_h1_the_title_does_not_name_is_not_the_headline() -> None:
    page = _two_stories().replace("<h2>Council approves cycle lane</h2>",
                                  "<h1>Council approves cycle lane</h1>")
    elem, _ = name_the_headlined_story(lxml_html.fromstring(page), "Bridge reopens | Gazette")
    assert elem.get("class") == "css-s"


def test_an_h1_holding_the_title_is_the_headline_not_the_logo() -> None:
    page = _two_stories("<div class='css-logo'><h1>Gazette</h1></div>").replace(
        "<h1>Bridge reopens</h1>", "<h1>Bridge reopens after two years</h1>")
    elem, _ = name_the_headlined_story(lxml_html.fromstring(page), "Bridge reopens")
    assert elem.get("class") == "css-s"


def test_a_headline_set_twice_is_read_from_its_first_place() -> None:
    # a share bar's copy of the headline below the stories: as long as the story's own,
    # the first one is the headline
    page = _two_stories().replace(
        "</body>", "<div class='css-share'><h1>Bridge reopens</h1><p>Share</p></div></body>")
    elem, _ = name_the_headlined_story(lxml_html.fromstring(page), "Bridge reopens | Gazette")
    assert elem.get("class") == "css-s"


# pages._read_the_story and _read_in_a_named_container, read through extract_html


def test_a_storys_list_comes_through_on_a_page_without_a_headline() -> None:
    # no <h1> and no title: the densest container is named instead of the headline's story
    page = _page("css-8l7m41").replace("<h1>Bridge reopens</h1>", "")
    x = extract_html(page, URL, fetched_at=FETCHED)
    assert all(p in x.text for p in PARAGRAPHS)
    assert all(i in x.text for i in ITEMS)


def test_a_storys_opening_text_before_its_first_paragraph_comes_through() -> None:
    # seed 61's question: a story <div> that opens with its own text, then <p>s, on a page
    # naming no container: the gathering of <p>s lost the first line (7 of 8 came through)
    opening = ("The harbour bridge reopened on Thursday morning, and the first cars crossed "
               "it at six o'clock.")
    html = ("<html><head><title>T</title></head><body><div class='css-s'>"
            f"{opening}{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}</div></body></html>")
    x = extract_html(html, URL, fetched_at=FETCHED)
    assert opening in x.text and all(p in x.text for p in PARAGRAPHS)
    # a few characters of its own are no opening (a stray counter): no second reading
    short = html.replace(opening, "x" * (MIN_BLOCK_CHARS - 1))
    assert name_the_story_container(lxml_html.fromstring(short)) is None
    assert name_the_story_container(lxml_html.fromstring(
        html.replace(opening, "x" * MIN_BLOCK_CHARS))) is not None


def test_without_a_headline_a_reading_that_loses_text_leaves_the_tree_as_it_was() -> None:
    inside = "".join(f"<p>{p} {p}</p>" for p in PARAGRAPHS[:3])
    html = (f"<html><body><div class='css-top'><div class='css-a'>{inside}{LIST}</div>"
            f"<div class='css-z'><p>{PARAGRAPHS[3]}</p></div></div></body></html>")
    x = extract_html(html, URL, fetched_at=FETCHED)
    assert PARAGRAPHS[3] in x.text
    tree = lxml_html.fromstring(html)
    text = _read_the_story(tree, URL, None)
    assert PARAGRAPHS[3] in text
    assert tree.find(".//article") is None  # the container's name is put back


def test_the_title_tells_the_headline_when_a_logo_comes_first() -> None:
    page = _two_stories("<div class='css-logo'><h1>Gazette</h1></div>").replace(
        "<head>", "<head><meta property='og:title' content='Bridge reopens'>")
    x = extract_html(page, URL, fetched_at=FETCHED)
    assert all(p in x.text for p in PARAGRAPHS)
    assert not any(p in x.text for p in NEXT)


def test_a_headlined_story_that_reads_nothing_is_no_failure_and_keeps_its_tag() -> None:
    # the headline and the story each in an <aside>, which trafilatura drops: nothing is
    # read inside the named story, and the page is read as it came (nothing either)
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = ("<html><body><div class='css-s'><aside><h1>Bridge reopens</h1></aside>"
            f"<aside>{story}</aside></div></body></html>")
    tree = lxml_html.fromstring(html)
    assert _read_the_story(tree, URL, "Bridge reopens") == ""
    assert tree.find(".//article") is None and tree.find(".//div").get("class") == "css-s"
    x = extract_html(html, URL, fetched_at=FETCHED)
    assert x.error is None and x.text == ""


def _story_and_next(story: str, nxt: str) -> str:
    return ("<html><body><div class='css-w'><div class='css-s'><h1>Bridge reopens</h1>"
            f"<div class='css-b'>{story}</div></div><div class='css-s2'><h2>Council approves "
            f"cycle lane</h2><div class='css-b2'>{nxt}</div></div></div></body></html>")


def test_a_story_followed_by_a_longer_next_one_is_named_alone() -> None:
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    nxt = "".join(f"<p>{p}</p>" for p in NEXT * 4)  # the densest paragraphs are the next's
    elem, _ = name_the_headlined_story(lxml_html.fromstring(_story_and_next(story, nxt)),
                                       "Bridge reopens")
    assert elem.get("class") == "css-s"


def test_a_story_of_exactly_the_minimum_and_exactly_the_share_is_named() -> None:
    from tasks.extract.container import MIN_STORY_CHARS, MIN_STORY_SHARE
    story = f"<p>{'s' * MIN_STORY_CHARS}</p>"
    nxt = f"<p>{'n' * round(MIN_STORY_CHARS * (1 - MIN_STORY_SHARE) / MIN_STORY_SHARE)}</p>"
    assert MIN_STORY_CHARS == MIN_STORY_SHARE * (MIN_STORY_CHARS * 5)  # (the share exactly)
    elem, _ = name_the_headlined_story(lxml_html.fromstring(_story_and_next(story, nxt)),
                                       "Bridge reopens")
    assert elem.get("class") == "css-s"
    short = story.replace("s<", "<", 1)  # one character short of the minimum
    named = name_the_headlined_story(lxml_html.fromstring(_story_and_next(short, nxt)),
                                     "Bridge reopens")
    assert named is None or named[0].get("class") != "css-s"


def test_a_short_story_before_a_much_longer_next_one_of_its_template_is_named_alone() -> None:
    # an endless page: the next story, set in the same template (its headline an <h1> too),
    # holds four fifths of the page's paragraphs, so neither the share nor the densest
    # paragraphs tell the short story's wrapper (bench_text_templates --seed 8's pages)
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    nxt = "".join(f"<p>{p}</p>" for p in NEXT * 10)
    html = _story_and_next(story, nxt).replace("<h2>Council approves cycle lane</h2>",
                                               "<h1>Council approves cycle lane</h1>")
    elem, _ = name_the_headlined_story(lxml_html.fromstring(html), "Bridge reopens")
    assert elem.get("class") == "css-s"
    x = extract_html(html, URL, fetched_at=FETCHED)
    assert all(p in x.text for p in PARAGRAPHS) and not any(p in x.text for p in NEXT)
    # under a heading of lower rank the long block beside is no other story (a story's own
    # later section could be): the climb goes on, as it did before the rule
    lower = _story_and_next(story, nxt)
    elem, _ = name_the_headlined_story(lxml_html.fromstring(lower), "Bridge reopens")
    assert elem.get("class") == "css-w"


def test_another_story_holds_at_least_the_minimum_of_paragraph_text() -> None:
    def beside(chars: int) -> bool:
        tree = lxml_html.fromstring(
            "<html><body><div><div id='s'><h1>Bridge reopens</h1><p>s</p></div>"
            f"<div><div><h1>Next</h1></div><p>{'n' * chars}</p></div><p>x</p></div>"
            "</body></html>")
        return _another_story_beside(tree.get_element_by_id("s"), "h1")
    assert beside(MIN_STORY_CHARS) and not beside(MIN_STORY_CHARS - 1)


def test_a_storys_own_sections_under_lower_headings_are_not_another_story() -> None:
    # long-form: the headline's wrapper holds the opening, and each later section of the
    # story sits in a block of its own under an <h2>: the whole story is named
    opening = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    sections = "".join(f"<section><h2>Part {n}</h2>{''.join(f'<p>{p}</p>' for p in NEXT * 5)}"
                       "</section>" for n in (2, 3))
    html = ("<html><body><div class='css-w'><div class='css-s'><h1>Bridge reopens</h1>"
            f"{opening}</div>{sections}</div></body></html>")
    elem, _ = name_the_headlined_story(lxml_html.fromstring(html), "Bridge reopens")
    assert elem.get("class") == "css-w"


@pytest.mark.parametrize("attrs", [
    'class="post"', 'class="entry"', 'itemprop="articleBody"', 'id="articleContent"',
    'id="entry-content"', 'id="article__body"', 'class="post-text x"', 'class="x entry-content"',
    'class="articleBody"', 'role="article"', 'id="story"', 'class="cell"',
    'id="primary-col"', 'class="FullText"', 'class="article main"', 'class="story-content"',
    'id="content"', 'class="content"', 'id="content-main"', 'class="content__body"',
    'id="Main-Content"', 'class="page-Content"', 'class="mainbox"', 'id="main1"',
    'role="main"', "",
    # none of trafilatura's names
    'class="css-1q2w3e"', 'id="wrapper"', 'class="contents"', 'class="my-article"',
    'id="sidebar"', 'class="sc-bdfBwQ"', 'id="xprimary"', 'class="text-muted"',
])
@pytest.mark.parametrize("tag", ["div", "section", "span"])
def test_the_container_test_agrees_with_trafilaturas_own_searches(attrs: str, tag: str) -> None:
    from tasks.extract.container import _trafilatura_finds_a_container, _xpath_finds_a_container

    tree = lxml_html.fromstring(f"<html><body><{tag} {attrs}><p>Text.</p></{tag}></body></html>")
    assert _trafilatura_finds_a_container(tree) == _xpath_finds_a_container(tree)


def test_the_container_test_knows_the_main_element_and_an_article() -> None:
    from tasks.extract.container import _trafilatura_finds_a_container

    for page in ("<main><p>Text.</p></main>", "<article><p>Text.</p></article>"):
        tree = lxml_html.fromstring(f"<html><body>{page}</body></html>")
        assert _trafilatura_finds_a_container(tree)
    assert not _trafilatura_finds_a_container(
        lxml_html.fromstring("<html><body><div class='x'><p>Text.</p></div></body></html>"))


def test_without_trafilaturas_token_lists_the_xpath_decides(monkeypatch) -> None:
    # a trafilatura release that renames its token lists leaves the Python test without
    # its names: the XPath searches answer instead, so the answer stays trafilatura's
    from tasks.extract import container

    monkeypatch.setattr(container, "_ID_NAMES", None)
    page = "<html><body><div class='x entry-content'><p>Text.</p></div></body></html>"
    assert container._trafilatura_finds_a_container(lxml_html.fromstring(page))
    monkeypatch.setattr(container, "_xpath_finds_a_container", lambda tree: False)
    assert not container._trafilatura_finds_a_container(lxml_html.fromstring(page))


# --- session 44: paragraphs written as <div>s ----------------------------------------------

def test_paragraphs_written_as_divs_after_a_first_p_are_read() -> None:
    # an editor's paste: the first paragraph a <p>, the rest <div>s of text, on a page
    # with no container trafilatura knows; its fast reading gathered the <p> alone
    divs = "".join(f"<div>{p}</div>" for p in PARAGRAPHS[1:])
    html = ("<html><head><title>Harbour bridge reopens</title></head><body>"
            "<div class='nav'><a href='/'>Home</a></div><h1>Harbour bridge reopens</h1>"
            f"<div class='css-1x'><p>{PARAGRAPHS[0]}</p>{divs}</div>"
            "<div class='css-2y'>© Gazette</div></body></html>")
    x = extract_html(html, URL, fetched_at=FETCHED)
    assert all(p in x.text for p in PARAGRAPHS), x.text
    assert "Gazette" not in x.text


@pytest.mark.parametrize("child, holds", [
    (f"<div>{'x' * MIN_BLOCK_CHARS}</div>", True),
    (f"<div>{'x' * (MIN_BLOCK_CHARS - 1)}</div>", False),
    # a box of blocks is no paragraph: its own text is what counts
    (f"<div><span>{'x' * MIN_BLOCK_CHARS}</span></div>", False),
    (f"<section>{'x' * MIN_BLOCK_CHARS}</section>", False),
])
def test_a_div_of_its_own_text_counts_as_more_than_paragraphs(child, holds) -> None:
    container = lxml_html.fromstring(f"<div><p>{PARAGRAPHS[0]}</p>{child}</div>")
    assert _holds_more_than_paragraphs(container) is holds


@pytest.mark.parametrize("story", [
    # a <section> opening with its own text, then paragraphs and text between them
    f"<section>{PARAGRAPHS[0]}<p>{PARAGRAPHS[1]}</p>{PARAGRAPHS[2]}<p>{PARAGRAPHS[3]}</p>"
    "</section>",
    # a <div> opening with a bold dateline's sentence, then paragraphs
    f"<div><b>{PARAGRAPHS[0]}</b> {PARAGRAPHS[1]}<p>{PARAGRAPHS[2]}</p><p>{PARAGRAPHS[3]}"
    "</p></div>",
])
def test_a_storys_opening_text_before_its_paragraphs_is_read(story) -> None:
    # trafilatura's fast reading (and its whole cascade) lost the first two paragraphs
    html = ("<html><head><title>Harbour bridge reopens</title></head><body>"
            f"<h1>Harbour bridge reopens</h1>{story}</body></html>")
    x = extract_html(html, URL, fetched_at=FETCHED)
    assert all(p in x.text for p in PARAGRAPHS), x.text


@pytest.mark.parametrize("child, holds", [
    (f"<b>{'x' * 20}</b>{'y' * 20}<p>z</p>", True),  # inline element and tail: 40
    (f"<b>{'x' * 20}</b>{'y' * 19}<p>z</p>", False),
    (f"<i><b>{'x' * 20}</b></i><span>{'y' * 20}</span><p>z</p>", True),
    # a line break ends the opening (the line after it is counted on its own)
    (f"<b>{'x' * 20}</b><br>{'y' * 20}<p>z</p>", False),
    (f"<p>z</p><br>{'y' * MIN_BLOCK_CHARS}", True),
    (f"<p>z</p><br>{'y' * (MIN_BLOCK_CHARS - 1)}", False),
    # a block first: no opening text
    (f"<p>z</p><b>{'x' * MIN_BLOCK_CHARS}</b>", False),
])
def test_an_opening_text_counts_its_inline_elements_and_a_line_counts_alone(
        child, holds) -> None:
    container = lxml_html.fromstring(f"<div>{child}</div>")
    assert _holds_more_than_paragraphs(container) is holds


@pytest.mark.parametrize("child, holds", [
    # (seed 64) an inline element without a tail adds its own text only
    (f"<b>{'x' * 20}</b><i>{'y' * 19}</i><p>z</p>", False),
    (f"<b>{'x' * 20}</b><i>{'y' * 20}</i><p>z</p>", True),
    # after a block: neither an inline element's text nor the text after it counts
    (f"<p>z</p><b>x</b>{'y' * MIN_BLOCK_CHARS}", False),
])
def test_an_opening_text_is_its_elements_text_and_tails_and_nothing_after_a_block(
        child, holds) -> None:
    container = lxml_html.fromstring(f"<div>{child}</div>")
    assert _holds_more_than_paragraphs(container) is holds
