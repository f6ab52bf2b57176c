"""Furniture pruning before trafilatura: related-article blocks, author boxes and share rows
named so in their class or id go; the article itself stays even when its container carries
such a token; metadata still reads the unpruned page."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from tasks.extract.furniture import prune_furniture
from tasks.extract.pages import extract_html
from tests.unit.extract.test_pages import FETCHED, PARAGRAPHS, page

URL = "https://gazette.example/news/bridge.html"

# Each block survives trafilatura on its own (checked: the test fails without the pruning).
AUTHOR_BOX = (
    '<div class="saboxplugin-wrap"><div class="saboxplugin-desc"><p>Anna Weber photographs '
    "harbours and bridges for the paper and runs a small portrait studio in the old town."
    "</p></div></div>"
)
# camel case as sites write it: tokens match whatever the case
NEXT_STORY = (
    '<div class="NextStory"><div class="story-card"><p>Ferry operator announces a new '
    "timetable for the summer season on all routes, with more boats at the weekend.</p></div></div>"
)
SHARE_ROW = (
    '<div id="jp-post-flair" class="sharedaddy sd-sharing-enabled"><p>Teilen mit: Twitter, '
    "Facebook, E-Mail</p><p>Rate this story and tell your friends about the harbour bridge "
    "reopening today.</p></div>"
)

# a newsletter sign-up box inside the article block, with the form's messages as text
NEWSLETTER_BOX = (
    '<div class="newsletter newsletter--inline"><p>Bitte geben Sie Ihre E-Mail-Adresse ein, '
    "damit wir Ihnen jeden Freitag die Nachrichten vom Hafen schicken können.</p><p>Sie "
    "erhalten von uns umgehend eine E-Mail mit einem Bestätigungslink für Ihre Anmeldung."
    "</p></div>"
)


def elementor_page(block: str) -> bytes:
    """An article in a page builder's widget container: trafilatura's own discard rules
    match the container ("widget"), so its guard leaves the whole page unpruned."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2]) + block
    body += "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:])
    return (
        "<html><body><main><h1>Harbour bridge reopens</h1>"
        f'<div class="elementor-widget-container">{body}</div></main></body></html>'
    ).encode()


@pytest.mark.parametrize(
    ("block", "furniture"),
    [(AUTHOR_BOX, ["Anna Weber photographs"]), (NEXT_STORY, ["Ferry operator announces"]),
     (SHARE_ROW, ["Teilen mit", "Rate this story"]),
     (NEWSLETTER_BOX, ["Bitte geben Sie", "Bestätigungslink"])],
    ids=["author-box", "next-story", "share-row", "newsletter-box"],
)
def test_furniture_named_in_class_or_id_is_pruned(block: str, furniture: list[str]) -> None:
    for html in (page(extra_body=block), elementor_page(block)):
        x = extract_html(html, URL, fetched_at=FETCHED)
        assert all(p in x.text for p in PARAGRAPHS)
        assert not [f for f in furniture if f in x.text]


def test_the_article_container_is_kept_whatever_its_class_says() -> None:
    # a CMS names the article block after a plugin ("related-posts-enabled"): it holds the
    # <h1> and most of the text, so it is the content, not a related-links box
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    tree = lxml_html.fromstring(
        '<html><body><div class="nav">Home</div>'
        f'<div class="single-post related-posts-enabled"><h1>Bridge reopens</h1>{body}'
        '<div class="related-posts"><a href="/a">Ferry timetable</a></div></div>'
        "</body></html>"
    )
    assert prune_furniture(tree) == 1
    text = tree.text_content()
    assert all(p in text for p in PARAGRAPHS)
    assert "Ferry timetable" not in text


def test_a_block_holding_most_of_the_page_text_is_kept_without_an_h1() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    tree = lxml_html.fromstring(
        f'<html><body><div class="post-content recommended-read">{body}</div>'
        '<div class="recommended"><a href="/a">Ferry timetable</a></div></body></html>'
    )
    assert prune_furniture(tree) == 1
    assert all(p in tree.text_content() for p in PARAGRAPHS)
    assert "Ferry timetable" not in tree.text_content()


def test_metadata_reads_the_author_box_before_it_is_pruned() -> None:
    html = page(byline="").replace(b'"author": {"@type": "Person", "name": "Maria Lopez"}, ', b"")
    html = html.replace(
        b'<p class="byline"></p>',
        b'<div class="author-box"><a rel="author" href="/authors/tom">Tom Becker</a></div>',
    )
    x = extract_html(html, URL, fetched_at=FETCHED)
    assert x.meta.authors == ["Tom Becker"]
    assert "Tom Becker" not in x.text


def test_a_block_named_only_by_its_id_is_pruned() -> None:
    # many themes name the related-posts block by id alone (<div id="related-posts">)
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    tree = lxml_html.fromstring(
        f"<html><body><h1>Bridge reopens</h1>{body}"
        '<div id="related-posts"><a href="/a">Ferry timetable</a></div></body></html>'
    )
    assert prune_furniture(tree) == 1
    assert "Ferry timetable" not in tree.text_content()
    assert all(p in tree.text_content() for p in PARAGRAPHS)


def test_the_furniture_tokens_file_is_read_as_lower_case_patterns() -> None:
    # The loader runs once at import; called here so that its reading of the data file
    # (comments and blank lines skipped, every line a pattern) is checked on its own.
    # Attributes are lower-cased before matching, so an upper-case token would never match.
    import re

    from tasks.extract.furniture import _load_tokens

    tokens = _load_tokens()
    assert "related" in tokens and "recommend" in tokens
    assert all(t and t == t.lower() and not t.startswith("#") for t in tokens)
    assert all(re.compile(t) for t in tokens)


# Teaser cards: a headline that is nothing but a link to another story.
TEASER_AROUND = (
    '<div><a href="/news/ferry-timetable.html"><h3>Ferry operator announces a new summer '
    "timetable</h3></a><p>More boats will sail at the weekend from the old quay.</p></div>"
)
TEASER_INSIDE = (
    '<h2 class="entry-title"><a href="https://gazette.example/news/ferry-timetable.html">Ferry '
    "operator announces a new summer timetable</a></h2>"
)


@pytest.mark.parametrize("card", [TEASER_AROUND, TEASER_INSIDE], ids=["a>h3", "h2>a"])
def test_a_teaser_card_headline_is_pruned(card: str) -> None:
    # between the article's paragraphs, where trafilatura keeps a heading
    html = page().replace(
        f"<p>{PARAGRAPHS[2]}</p>".encode(), f"{card}<p>{PARAGRAPHS[2]}</p>".encode()
    )
    x = extract_html(html, URL, fetched_at=FETCHED)
    assert all(p in x.text for p in PARAGRAPHS)
    assert "Ferry operator announces" not in x.text


@pytest.mark.parametrize(
    "heading",
    [
        # linked to the page itself (a blog theme links its own title) or to an anchor on it
        '<h2><a href="https://gazette.example/news/bridge.html">Ferry operator announces a '
        "new summer timetable</a></h2>",
        '<h2><a href="#timetable">Ferry operator announces a new summer timetable</a></h2>',
        # a named anchor (no href): a place on the page, not a link to another
        '<h2><a name="timetable">Ferry operator announces a new summer timetable</a></h2>',
        # a link on part of the heading only: a section heading naming its source
        '<h3>Ferry operator announces a <a href="/ferries">new summer timetable</a></h3>',
        # two words: a section label, left to the clean stage's cue words
        '<h3><a href="/ferries">Ferry timetables</a></h3>',
    ],
    ids=["self", "anchor", "named-anchor", "partial-link", "short-label"],
)
def test_a_heading_that_is_no_teaser_stays(heading: str) -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    tree = lxml_html.fromstring(
        '<html><head><link rel="canonical" href="https://gazette.example/news/bridge.html">'
        f"</head><body><article><h1>Bridge reopens</h1>{heading}{body}</article></body></html>"
    )
    before = " ".join(tree.text_content().split())
    assert prune_furniture(tree) == 0
    assert " ".join(tree.text_content().split()) == before


def test_a_teaser_card_is_pruned_up_to_its_title_wrapper_only() -> None:
    # the wrappers whose whole text is the headline go with it; the card's teaser text is
    # left to trafilatura and the line rules, and the article around it stays
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    tree = lxml_html.fromstring(
        f"<html><body><article><h1>Bridge reopens</h1>{body}"
        '<div class="card"><div class="title"><a href="/news/ferry.html"><h3>Ferry operator '
        "announces a new summer timetable</h3></a></div><p>More boats at the weekend.</p>"
        "</div></article></body></html>"
    )
    assert prune_furniture(tree) == 1
    text = tree.text_content()
    assert "Ferry operator" not in text
    assert "More boats at the weekend." in text
    assert tree.find(".//div[@class='title']") is None
    assert all(p in text for p in PARAGRAPHS)


def test_a_teaser_cards_article_or_list_box_goes_whole() -> None:
    # an <article>/<li> box holding one linked headline and a teaser's text is the card:
    # its date and summary go with the headline
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    card = (
        '<li><a href="/news/ferry.html"><h3>Ferry operator announces a new summer '
        "timetable</h3></a><p>21 April 2024</p><p>More boats will sail at the weekend.</p></li>"
    )
    tree = lxml_html.fromstring(
        f"<html><body><article><h1>Bridge reopens</h1>{body}<ul>{card}</ul></article>"
        "</body></html>"
    )
    assert prune_furniture(tree) == 1
    text = tree.text_content()
    assert "Ferry operator" not in text
    assert "21 April 2024" not in text
    assert "More boats" not in text
    assert all(p in text for p in PARAGRAPHS)


def test_a_long_box_around_a_linked_headline_keeps_its_text() -> None:
    # past MAX_CARD_CHARS the box is a story of its own with a linked title: the headline
    # goes, its paragraphs stay
    from tasks.extract.furniture import MAX_CARD_CHARS

    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    assert len(" ".join(PARAGRAPHS)) > MAX_CARD_CHARS
    tree = lxml_html.fromstring(
        "<html><body><main><h1>Harbour news</h1><article><h2><a href='/news/bridge.html'>"
        f"Harbour bridge reopens after two years</a></h2>{story}</article></main></body></html>"
    )
    assert prune_furniture(tree) == 1
    text = tree.text_content()
    assert "Harbour bridge reopens" not in text
    assert all(p in text for p in PARAGRAPHS)


def test_text_beside_a_linked_headline_keeps_its_wrapper() -> None:
    # the card's teaser line after a picture is bare text of the wrapper (the picture's
    # tail): the wrapper is more than the headline, so only the headline's link goes
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    tree = lxml_html.fromstring(
        f"<html><body><article><h1>Bridge reopens</h1>{body}"
        '<div class="card"><a href="/news/ferry.html"><h3>Ferry operator announces a new '
        'summer timetable</h3></a><img src="/ferry.jpg">More boats at the weekend.</div>'
        "</article></body></html>"
    )
    assert prune_furniture(tree) == 1
    text = tree.text_content()
    assert "Ferry operator" not in text
    assert "More boats at the weekend." in text
    assert tree.find(".//div[@class='card']") is not None


def test_the_count_is_of_the_blocks_removed_from_the_page() -> None:
    # two boxes apart count two; a teaser card inside a box that goes goes with it, once
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    card = ('<li><a href="/news/ferry.html"><h3>Ferry operator announces a new summer '
            "timetable</h3></a></li>")
    tree = lxml_html.fromstring(
        f"<html><body><article><h1>Bridge reopens</h1>{body}{AUTHOR_BOX}{SHARE_ROW}"
        "</article></body></html>"
    )
    assert prune_furniture(tree) == 2
    tree = lxml_html.fromstring(
        f"<html><body><article><h1>Bridge reopens</h1>{body}"
        f'<div class="related-posts"><ul>{card}</ul></div></article></body></html>'
    )
    assert prune_furniture(tree) == 1
    assert "Ferry operator" not in tree.text_content()


def test_a_card_box_of_exactly_the_teaser_length_goes_whole() -> None:
    from tasks.extract.furniture import MAX_CARD_CHARS

    headline = "Ferry operator announces a new summer timetable"
    summary = "More boats will sail at the weekend. " * 20
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)

    def pruned(chars: int) -> str:
        text = summary[:chars - len(headline) - 1].strip()
        card = (f'<li><a href="/news/ferry.html"><h3>{headline}</h3></a> <p>{text}</p></li>')
        tree = lxml_html.fromstring(
            f"<html><body><article><h1>Bridge reopens</h1>{body}<ul>{card}</ul></article>"
            "</body></html>")
        li = tree.find(".//li")
        assert len(" ".join(li.text_content().split())) == chars
        prune_furniture(tree)
        return tree.text_content()

    assert "More boats" not in pruned(MAX_CARD_CHARS)
    assert "More boats" in pruned(MAX_CARD_CHARS + 1)  # a story of its own: the text stays


def test_an_empty_icon_beside_a_linked_headline_goes_with_its_wrapper() -> None:
    # an icon element without text (and nothing after it) is no text of the wrapper
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    tree = lxml_html.fromstring(
        f"<html><body><article><h1>Bridge reopens</h1>{body}"
        '<div class="card"><div class="title"><span class="icon-arrow"></span>'
        '<a href="/news/ferry.html"><h3>Ferry operator announces a new summer timetable</h3>'
        "</a></div><p>More boats at the weekend.</p></div></article></body></html>"
    )
    assert prune_furniture(tree) == 1
    assert tree.find(".//div[@class='title']") is None
    assert "More boats at the weekend." in tree.text_content()
