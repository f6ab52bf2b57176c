"""An article body split into sibling containers, joined after trafilatura read its first.

News templates cut the story into several containers of the same kind around the ads,
promotions and sign-up boxes set between its paragraphs: `<div class="article-body">`
four paragraphs `</div><div class="ad">...</div><div class="article-body">` four more
`</div>`. trafilatura's fast mode takes the first element its body expressions match
(`BODY_XPATH`, each `[1]`) and stops there: the story came out as its first part (4 of
12 paragraphs), where the full cascade's comparison with other extractors would have
found the rest. So after the fast pass, the container its text was read from (the
classed ancestor of its first paragraph that has siblings of its tag and class) takes
in those siblings, in their order, and the page is read again; what stood between them
(the ad, the sign-up box) stays outside.

Not for a short text, which goes to the full cascade as before: there the first match
may be no story at all (a list of `<div class="post">` teasers on chemie.de, short, which
the cascade passed over for the story), and joined it would have been long enough to be
taken. A later container of under MIN_PART_CHARS is a note after the story, not a part
of it (fluter.de's licence line in a second `articleBody`). The joining stops where
another story may start: at a sibling holding a headline (`<h1>`, `<h2>`) or an
`<article>`, or after a block between them with more text than an ad or a promotion
holds (MAX_BETWEEN_CHARS): a page that renders the next story below the first gives it a
container of the same class. No page of the dev corpus is joined.
"""

from __future__ import annotations

import re

from lxml.etree import XPath
from lxml.html import HtmlElement

# More text than this between two containers of the story is no ad or promotion: a
# section of its own (comments, another story), and the joining stops before it.
MAX_BETWEEN_CHARS = 300
# A part of the story is at least a paragraph's length.
MIN_PART_CHARS = 200
# Paragraphs shorter than this say little about where a text came from.
MIN_PARAGRAPH_CHARS = 40
# How far above the story's first paragraph its container is looked for.
CONTAINER_LEVELS = 3
_HEADLINES = ("h1", "h2", "article")
# The paragraphs whose text starts so, found by libxml2 (a Python loop over every <p> and
# its text cost a millisecond on long pages).
_PARAGRAPH_STARTING = XPath("//p[starts-with(normalize-space(.), $start)]")
_WORD = re.compile(r"\w+")


def _container_read(tree: HtmlElement, taken: str) -> tuple[HtmlElement, HtmlElement] | None:
    """The container the fast pass's text was read from: the nearest of its first
    paragraph's CONTAINER_LEVELS ancestors that has a class and a later sibling of its tag
    and class, with that paragraph; None when there is none. (Looked up from the text,
    not by running trafilatura's body expressions again: those cost 1-3 ms a page.)"""
    first = next((_squashed(line) for line in taken.splitlines()
                  if len(line) >= MIN_PARAGRAPH_CHARS), None)
    if first is None:
        return None
    found = _PARAGRAPH_STARTING(tree, start=first[:MIN_PARAGRAPH_CHARS])
    paragraph = next((p for p in found if _squashed(p.text_content()) == first), None)
    if paragraph is None:
        return None
    for level, container in enumerate(paragraph.iterancestors()):
        if level == CONTAINER_LEVELS:
            return None
        kind = container.get("class")
        if kind and any(s.get("class") == kind for s in container.itersiblings(container.tag)):
            return container, paragraph
    return None


def _same_place(part: HtmlElement, path: list[tuple[str, str | None]]) -> HtmlElement | None:
    """The element of `part` at `path` (the tags and classes from the container down to
    the paragraphs' parent: wired.com's `grid > div.article__body` in every chunk), or
    None when the part is built otherwise."""
    node = part
    for tag, kind in path:
        node = next((c for c in node.iterchildren(tag) if c.get("class") == kind), None)
        if node is None:
            return None
    return node


def _starts_a_story(elem: HtmlElement) -> bool:
    return elem.tag in _HEADLINES or next(elem.iter(*_HEADLINES), None) is not None


def _squashed(text: str) -> str:
    return " ".join(text.split())


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text))


def join_split_body(tree: HtmlElement, taken: str) -> int:
    """Move the later siblings that share the tag and class of the container `taken` (the
    fast pass's text) was read from into it (see the module's docstring); how many."""
    found = _container_read(tree, taken)
    if found is None or not found[0].get("class").strip():
        return 0
    first, paragraph = found
    body = paragraph.getparent()  # where the story's paragraphs are read from
    path = [(a.tag, a.get("class")) for a in paragraph.iterancestors()]
    path = path[:path.index((first.tag, first.get("class")))][::-1]
    kind = (first.tag, first.get("class"))
    parts: list[HtmlElement] = []
    between = 0
    for sibling in first.itersiblings():
        if not isinstance(sibling.tag, str):
            continue  # a comment or processing instruction
        if (sibling.tag, sibling.get("class")) == kind:
            if _starts_a_story(sibling):
                break
            if len(sibling.text_content().strip()) >= MIN_PART_CHARS:
                parts.append(sibling)
                between = 0
                continue
        between += len(sibling.text_content().strip())
        if between > MAX_BETWEEN_CHARS or _starts_a_story(sibling):
            break
    read = _words(taken)  # words only: the text's list markers ("- ") are no page text
    if not parts or any(_words(part.text_content())[:MIN_PARAGRAPH_CHARS] in read
                        for part in parts):
        # the fast pass read a container above them all: the parts are in its text
        # already, and moved they would come after what stands between them
        return 0
    places = [_same_place(part, path) for part in parts]
    if any(place is None for place in places):
        return 0
    for place in places:
        if place.text and place.text.strip():
            loose = body.makeelement("p")
            loose.text, place.text = place.text, None
            body.append(loose)
        for child in list(place):
            body.append(child)  # with its tail: the text after it moves along
    return len(parts)
