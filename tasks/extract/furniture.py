"""Prune page furniture from the parsed page before trafilatura reads it.

trafilatura drops boilerplate by class/id tokens (share, newsletter, sidebar, ...), but only
inside the block it picked as the article, only on some tags, and not at all on a page where
one match would take most of the text (its guard is all or nothing). What slips through on
the dev corpus is DOM-evident: related-article blocks, author boxes and share rows named as
such in their class or id. The tokens are data (data/furniture_tokens.txt).

The guard is per element: a match is kept when it holds the page's <h1> or more than
MAX_CONTENT_SHARE of the page's text, because then it is (or wraps) the article itself
("single-post related-posts-enabled": a class naming a plugin); the blocks inside it are
judged on their own.

Teaser cards ("related story" cards placed inside the article body, or in a blog module
beside it) carry no telling class; what gives them away is the headline: an h2-h4 that is
nothing but a link to another page (`<a href=...><h3>Title</h3></a>` or
`<h3><a href=...>Title</a></h3>`). The link and the wrappers whose whole text it is go, or
the card's whole `<article>`/`<li>` box when it holds that one headline and a teaser's text
(its date and summary); a heading linked to the page itself (a blog's own title) or to an
anchor on it stays.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from lxml.html import HtmlElement
from trafilatura.htmlprocessing import delete_element

# A matched block holding more than this share of the page's text is the article (or wraps
# it), not furniture. Without the guard the dev corpus loses `with` snippets on both halves
# (BENCHMARKS.md, issue 13 round 2).
MAX_CONTENT_SHARE = 0.4

# Block containers only: a token on an <a>, <p> or <span> more often names a style
# (and trafilatura drops <figure>, <nav> and <aside> on its own).
_TAGS = ("div", "section", "ul", "ol")


def _load_tokens() -> list[str]:
    path = Path(__file__).parent / "data" / "furniture_tokens.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


# lower-case tokens against lower-cased attributes: a third of the time of re.IGNORECASE
_FURNITURE = re.compile("|".join(_load_tokens()))


def _furniture_blocks(body: HtmlElement) -> list[HtmlElement]:
    """Blocks whose class or id names furniture: a loop over lxml's tag-filtered iterator
    (~1 ms a page; the same test as an EXSLT regex XPath takes ~4 ms)."""
    return [
        elem for elem in body.iter(_TAGS)
        if _FURNITURE.search(f"{elem.get('class') or ''} {elem.get('id') or ''}".lower())
    ]


def prune_furniture(tree: HtmlElement) -> int:
    """Delete furniture blocks from `tree` in place (their tail text stays); how many."""
    body = tree.find("body")
    if body is None:
        return 0
    blocks = _furniture_blocks(body)
    cards = _teaser_cards(body, _page_paths(tree))
    if not blocks and not cards:
        return 0
    page_chars = len(body.text_content())
    deleted: set[HtmlElement] = set()
    # document order, so a block comes before the blocks inside it: those go with it, or,
    # when it is the article (kept), are judged on their own
    for elem in blocks:
        if any(a in deleted for a in elem.iterancestors()):
            continue
        if _is_content(elem, page_chars):
            continue
        delete_element(elem)
        deleted.add(elem)
    for card in cards:
        if any(a in deleted for a in card.iterancestors()):
            continue
        delete_element(card)
        deleted.add(card)
    return len(deleted)


_HEADINGS = ("h2", "h3", "h4")
# A headline of fewer words is a section label ("Mehr", "Temas relacionados"), which the
# line rules of the clean stage judge with their cue words.
MIN_TEASER_WORDS = 3


def _norm(text: str) -> str:
    return " ".join(text.split())


def _page_paths(tree: HtmlElement) -> set[str]:
    """The paths the page declares as its own (canonical, og:url), for the self-link test."""
    paths = set()
    for elem in tree.iterfind(".//head/link[@rel='canonical']"):
        paths.add(urlsplit(elem.get("href") or "").path.rstrip("/"))
    for elem in tree.iterfind(".//head/meta[@property='og:url']"):
        paths.add(urlsplit(elem.get("content") or "").path.rstrip("/"))
    return paths - {""}


def _teaser_link(heading: HtmlElement) -> HtmlElement | None:
    """The link that is the whole headline: an <a> around the heading or the heading's only
    text; None when the heading holds more than a link."""
    text = _norm(heading.text_content())
    if len(text.split()) < MIN_TEASER_WORDS:
        return None
    for anc in heading.iterancestors("a"):
        return anc if _norm(anc.text_content()) == text else None
    for link in heading.iter("a"):
        if _norm(link.text_content()) == text:
            return link
    return None


def _points_elsewhere(link: HtmlElement, own_paths: set[str]) -> bool:
    href = (link.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:")):
        return False
    return urlsplit(href).path.rstrip("/") not in own_paths


def _teaser_cards(body: HtmlElement, own_paths: set[str]) -> list[HtmlElement]:
    """The linked headlines, each widened to the outermost wrapper whose whole text it is
    (the heading, the link, a title <div>): the card's headline goes, its other parts are
    left to trafilatura and the line rules."""
    cards = []
    for heading in body.iter(_HEADINGS):
        link = _teaser_link(heading)
        if link is None or not _points_elsewhere(link, own_paths):
            continue
        card = heading if link in heading.iterdescendants() else link
        parent = card.getparent()
        while parent is not None and parent is not body and _holds_only(parent, card):
            card, parent = parent, parent.getparent()
        box = _whole_card(card)
        cards.append(card if box is None else box)
    return cards


def _holds_only(parent: HtmlElement, child: HtmlElement) -> bool:
    """Whether `child` is all the text of `parent`. Reads the other children only up to their
    first text (a parent's whole text_content, up to the page body, cost ~1 ms a page)."""
    if (parent.text or "").strip() or (child.tail or "").strip():
        return False
    for other in parent:
        if other is child:
            continue
        if (other.tail or "").strip():
            return False
        if isinstance(other.tag, str) and any(t.strip() for t in other.itertext()):
            return False
    return True


# A teaser card's own box: its headline, a date and a summary of a sentence or two.
MAX_CARD_CHARS = 600


def _whole_card(headline: HtmlElement) -> HtmlElement | None:
    """The <article> or <li> box around a teaser headline (its picture, date and summary go
    with it), when the box holds that one headline and no more than a teaser's text."""
    for depth, anc in enumerate(headline.iterancestors()):
        if depth >= 3:
            return None
        if anc.tag in ("article", "li"):
            headings = sum(1 for _ in anc.iter("h1", *_HEADINGS))
            if headings == 1 and len(_norm(anc.text_content())) <= MAX_CARD_CHARS:
                return anc
            return None
    return None


def _is_content(elem: HtmlElement, page_chars: int) -> bool:
    """The article itself (or a wrapper of it), whatever its class says."""
    return (len(elem.text_content()) > MAX_CONTENT_SHARE * page_chars
            or elem.find(".//h1") is not None)
