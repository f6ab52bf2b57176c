"""The byline candidates' XPath is written over attributes, and over word stems its
Python filter narrows, for speed: byline_candidates must select the same elements, in
document order, as the element-wise predicate it replaced."""

from __future__ import annotations

from lxml.etree import XPath
from trafilatura.utils import load_html

from tasks.extract.bylines import byline_candidates

# The element-wise form (main before 2026-12-02 session 21): the reference semantics.
ELEMENT_WISE = XPath(
    "//*[contains(@class, 'author') or contains(@class, 'byline') or contains(@class, 'Author')"
    " or contains(@class, 'autor') or contains(@class, 'Byline') or contains(@id, 'author')"
    " or @rel='author' or @itemprop='author']"
)

PAGE = """<html><body class="single post-author-box">
<div id="main"><article>
  <h1 class="entry-title">Title</h1>
  <div class="meta byline"><span class="Author-Name" id="x-author">Anna Keller</span>
    <a rel="author" href="/a/anna" class="url">Anna</a>
    <a rel="author nofollow" href="/a/b">not exactly rel=author</a></div>
  <p class="content-left-autor">Von Jan Graf</p>
  <span itemprop="author" itemscope><span itemprop="name">Jo</span></span>
  <span itemprop="Author">not exactly itemprop=author</span>
  <div id="Author">id is matched lower-case only</div>
  <div class="BylineBox"><em class="authorname" id="author-1">Eva</em></div>
  <p class="authority">contains 'author'</p>
  <p class="AUTHOR">upper case: no match</p>
  <div class="skyline">a stem of the XPath, no byline word</div>
  <div class="layout button">the other stem, no byline word</div>
  <div class="coauthors">a stem and a word</div>
  <div class="bauthorx">'author' inside a word</div>
  <div id="CoAuthor">'Author' in an id: ids match lower-case only</div>
</article></div></body></html>"""


def test_byline_xpath_selects_what_the_element_wise_predicate_does_in_order():
    tree = load_html(PAGE)
    got = byline_candidates(tree)
    assert got == ELEMENT_WISE(tree)
    assert [e.tag for e in got] == ["body", "div", "span", "a", "p", "span", "div", "em", "p",
                                    "div", "div"]
    assert [e.get("class") for e in got if e.tag in ("body", "p")] == [
        "single post-author-box", "content-left-autor", "authority"]
    assert [e.get("class") for e in got][-2:] == ["coauthors", "bauthorx"]


def test_author_page_links_are_the_four_path_forms_in_order_and_the_first_twenty():
    from tasks.extract.bylines import MAX_AUTHOR_LINKS, author_page_links
    hrefs = ["/author/anna", "/autorin/eva",  # the XPath's stem, no author page
             "/autor/tim", "/autoren/jo", "/autoren-liste", "/AUTHOR/x", "/authors/y"]
    tree = load_html("<html><body>" + "".join(
        f'<a href="{h}">{h}</a>' for h in hrefs) + '<p href="/author/p">not a link</p>'
        + "</body></html>")
    assert [a.get("href") for a in author_page_links(tree)] == [
        "/author/anna", "/autor/tim", "/autoren/jo", "/autoren-liste"]
    many = load_html("<html><body>" + "".join(
        f'<a href="/autorin/{i}">x</a><a href="/author/{i}">{i}</a>' for i in range(30))
        + "</body></html>")
    got = author_page_links(many)
    assert len(got) == MAX_AUTHOR_LINKS
    assert got[-1].get("href") == f"/author/{MAX_AUTHOR_LINKS - 1}"


def test_post_author_and_submitted_username_paths_select_as_before():
    # both written over attributes (and the submitted one with a plain contains() first):
    # the same elements as the element-wise forms they replaced
    from tasks.extract.bylines import _POST_AUTHOR_COMMENT
    from tasks.extract.headline_area import _SUBMITTED_USERNAME
    page = load_html("""<html><body><ol>
      <li class="comment bypostauthor comment-author-anna">x</li>
      <li class="comment">y</li><li class="xbypostauthorx">z</li></ol>
      <div class="node submitted">By <span class="username">tim</span></div>
      <div class="unsubmitted"><span class="username">no</span></div>
      <div class="submitted-by"><span class="username">no</span></div>
      <p class=" submitted ">x <b class="user username">jo</b></p></body></html>""")
    assert _POST_AUTHOR_COMMENT(page) == XPath(
        "//*[contains(@class, 'bypostauthor')]")(page)
    assert len(_POST_AUTHOR_COMMENT(page)) == 2
    old = XPath("//@class[contains(concat(' ', normalize-space(.), ' '), ' submitted ')]/.."
                "//*[contains(concat(' ', normalize-space(@class), ' '), ' username ')]")
    assert _SUBMITTED_USERNAME(page) == old(page)
    assert [e.text for e in _SUBMITTED_USERNAME(page)] == ["tim", "jo"]
