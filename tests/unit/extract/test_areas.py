"""Which area of a page an element sits in (tasks/extract/areas.py): the article's, or
another one whose dates and names are not the story's. Seed 54 ran every mutant of the
module; these are the cases its survivors showed no test asked."""

from __future__ import annotations

from lxml.html import HtmlElement, fragment_fromstring, fromstring

from tasks.extract.areas import in_byline_card_or_other_area, in_other_area


def page(body: str, html_attrs: str = "", body_attrs: str = "",
         head: str = "") -> HtmlElement:
    return fromstring(f"<html{html_attrs}><head><title>Story</title>{head}</head>"
                      f"<body{body_attrs}>{body}</body></html>")


def by_id(tree: HtmlElement, name: str) -> HtmlElement:
    return tree.get_element_by_id(name)


def test_the_classes_of_body_and_html_say_nothing() -> None:
    """Themes class the whole page ("single show-comments has-sidebar", "js
    comments-open"): the climb stops at <body> (and at <html>, for an element in the
    head) before reading them."""
    tree = page("<article><p id='byline'>By Anna Keller</p></article>",
                html_attrs=" class='js comments-open'",
                body_attrs=" class='single show-comments related-posts'",
                head="<meta id='date' itemprop='datePublished' content='2024-05-01'>")
    assert in_other_area(by_id(tree, "byline")) is False
    assert in_other_area(by_id(tree, "date")) is False


def test_a_figure_a_nav_and_a_time_are_other_areas_without_a_class() -> None:
    tree = page("<article><figure><img src='harbour.jpg'><span id='credit'>Anna Keller"
                "</span></figure><nav><span id='menu'>By Ben Ott</span></nav>"
                "<time datetime='2024-05-01'><span id='in-time'>1 May 2024</span></time>"
                "<p id='byline'>By Carl Berg</p></article>")
    for name in ("credit", "menu", "in-time"):
        assert in_other_area(by_id(tree, name)) is True, name
    assert in_other_area(by_id(tree, "byline")) is False


def test_a_script_link_wrapping_a_block_is_no_teaser() -> None:
    """A link that runs a script (the author's box opened in place) is no card of another
    article; a link to another page wrapping a block is."""
    for href, other in (("javascript:void(0)", False), ("JavaScript:openAuthor(3)", False),
                        ("mailto:anna@news.example", False), ("/politik/other-story", True)):
        tree = page(f"<article><a href='{href}'><div><span id='who'>Von: Anna Keller</span>"
                    "</div></a></article>")
        assert in_other_area(by_id(tree, "who")) is other, href


def test_a_container_named_just_title_or_date_is_another_area() -> None:
    """A container whose class or id is "title" or "date" and nothing more holds a
    heading's or a stamp's text, not the byline; a longer name is read by the patterns."""
    tree = page("<article><div id='title'><span id='a'>Anna Keller</span></div>"
                "<div class='date'><span id='b'>Anna Keller</span></div>"
                "<div class='title'><span id='c'>Anna Keller</span></div>"
                "<div id='date'><span id='d'>Anna Keller</span></div>"
                "<div class='story-title'><span id='e'>Anna Keller</span></div></article>")
    for name, other in (("a", True), ("b", True), ("c", True), ("d", True), ("e", False)):
        assert in_other_area(by_id(tree, name)) is other, name


def test_an_element_outside_any_body_is_in_no_other_area() -> None:
    """The climb ends without meeting <body> or <html> for the root itself or an element
    of a fragment: no area said otherwise."""
    tree = page("<p>By Anna Keller</p>")
    assert in_other_area(tree) is False
    fragment = fragment_fromstring("<div class='story'><p>By Anna Keller</p></div>")
    assert in_other_area(fragment.find("p")) is False


def test_the_storys_own_footer_and_sidebar_whatever_the_case_of_their_names() -> None:
    """The patterns of the post's own footer and sidebar ignore case, and so do their
    quick tests: "article-sideBar" and "POST-FOOTER" are the story's, as "article-sidebar"
    and "post-footer" are; a page's "sideBar" or "FOOTER" stays another area."""
    for kind, other in (("article-sidebar", False), ("article-sideBar", False),
                        ("c--article-SideBar", False), ("main with-sideBar", False),
                        ("post-footer", False), ("POST-FOOTER", False),
                        ("entry__FOOTER", False),
                        ("sideBar", True), ("FOOTER", True), ("site-Footer", True)):
        tree = page(f"<article><div class='{kind}'><p id='who'>Eingestellt von Anna Keller"
                    "</p></div></article>")
        assert in_other_area(by_id(tree, "who")) is other, kind


def test_a_profile_card_stands_for_the_element_inside_it() -> None:
    """Only a link to an author's profile makes a card the byline box; a link without an
    address is no card, and the element inside it is judged as it is."""
    tree = page("<article><a href='/autoren/anna-keller'><div><span id='card'>von Anna "
                "am 20.09.2020</span></div></a><a name='top'><div class='teaser'><span "
                "id='anchor'>von Ben am 21.09.2020</span></div></a></article>")
    assert in_other_area(by_id(tree, "card")) is True  # a link wrapping a block
    assert in_byline_card_or_other_area(by_id(tree, "card")) is False
    assert in_byline_card_or_other_area(by_id(tree, "anchor")) is True  # in a teaser
