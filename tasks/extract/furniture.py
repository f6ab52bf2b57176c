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
"""

from __future__ import annotations

import re
from pathlib import Path

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
    if not blocks:
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
    return len(deleted)


def _is_content(elem: HtmlElement, page_chars: int) -> bool:
    """The article itself (or a wrapper of it), whatever its class says."""
    return (len(elem.text_content()) > MAX_CONTENT_SHARE * page_chars
            or elem.find(".//h1") is not None)
