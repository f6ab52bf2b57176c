"""The story's container, named for trafilatura when the page names none.

trafilatura looks for the article in a list of containers it knows (`<article>`,
`itemprop=articleBody`, classes such as "entry-content" or "story-body": its BODY_XPATH).
A page with none of them (a site whose classes are generated, "css-1q2w3e", or an old
template of bare `<div>`s; 44 of the 990 dev pages) goes to its fallback in fast mode,
which gathers the page's `<p>` elements one by one and leaves out what is no paragraph: a
story's bulleted lists, its block quotes and the text of a `<div>`. Named `<article>`, the
element that holds most of the page's paragraph text is read like any article, lists and
all, with trafilatura's own pruning of what sits inside it.
"""

from __future__ import annotations

from lxml.html import HtmlElement
from trafilatura.xpaths import BODY_XPATH

# The elements that may be renamed: block containers with no meaning of their own (a
# table cell or a list item renamed would break its table or list).
_RENAMEABLE = ("div", "section", "main")


# trafilatura's container searches, the cheap one first: most pages that have a
# container have an <article>, and that search needs no regular expression (1.7 ms a
# page for all of them; the <article> alone is a tenth of that).
_CONTAINER_SEARCHES = sorted(BODY_XPATH, key=lambda expr: "(.//article)[1]" not in expr.path)


def _trafilatura_finds_a_container(tree: HtmlElement) -> bool:
    return any(next(iter(expr(tree)), None) is not None for expr in _CONTAINER_SEARCHES)


def story_container(body: HtmlElement) -> HtmlElement | None:
    """The element whose child paragraphs hold the most text of the page's paragraphs."""
    weight: dict[HtmlElement, int] = {}
    for para in body.iter("p"):
        parent = para.getparent()
        if parent is not None:
            weight[parent] = weight.get(parent, 0) + len(para.text_content())
    return max(weight, key=weight.__getitem__) if weight else None


# What trafilatura's paragraph-gathering fallback leaves out of a container: a story
# whose container holds one of these (with this much text) is worth a second reading.
_BLOCKS_BEYOND_PARAGRAPHS = ("ul", "ol", "blockquote", "dl", "table")
MIN_BLOCK_CHARS = 40


def _holds_more_than_paragraphs(container: HtmlElement) -> bool:
    return any(len(block.text_content().strip()) >= MIN_BLOCK_CHARS
               for block in container.iterchildren(*_BLOCKS_BEYOND_PARAGRAPHS))


def name_the_story_container(tree: HtmlElement) -> tuple[HtmlElement, str] | None:
    """Rename the story's container to <article> when trafilatura would find no
    container on the page and the story holds blocks other than paragraphs; the element
    renamed and its tag before, to put back when the reading gains nothing."""
    body = tree.find("body")
    if body is None or body.find(".//article") is not None:  # (the cheapest search first)
        return None
    best = story_container(body)
    if (best is None or best.tag not in _RENAMEABLE or not _holds_more_than_paragraphs(best)
            or _trafilatura_finds_a_container(tree)):
        return None
    tag, best.tag = best.tag, "article"
    return best, tag


# The reading inside the named container is taken only when it keeps this share of the
# first reading's text: the container holds most paragraphs, not always all of them
# (a story in two <div>s, a lead outside), and losing text is worse than missing a list.
MIN_KEPT_SHARE = 0.95


def reads_more(inside: str, before: str) -> bool:
    """Whether the container's reading is longer and keeps the first reading's lines."""
    if len(inside) <= len(before):
        return False
    lines = [line.strip() for line in before.splitlines() if line.strip()]
    total = sum(len(line) for line in lines)
    kept = sum(len(line) for line in lines if line in inside)
    return total == 0 or kept >= MIN_KEPT_SHARE * total
