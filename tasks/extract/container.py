"""The story's container, named for trafilatura when the page names none.

trafilatura looks for the article in a list of containers it knows (`<article>`,
`itemprop=articleBody`, classes such as "entry-content" or "story-body": its BODY_XPATH).
A page with none of them (a site whose classes are generated, "css-1q2w3e", or an old
template of bare `<div>`s; 44 of the 990 dev pages) goes to its fallback in fast mode,
which gathers every `<p>` of the page one by one: the next story appended below and a
sidebar's summaries come in, a story's bulleted lists, block quotes and the text of a
`<div>` stay out.

So on such a page the headline's story is named `<article>` before trafilatura reads it
(`name_the_headlined_story`): the headline's nearest wrapper that holds the story's
paragraphs. On the dev corpus that reads 19 pages differently: +8 `with` snippets (+10, −2), +4
`without` (BENCHMARKS.md, session 42). A page without a headline found is read again in
its densest container when that holds lists, quotes or an opening text of its own before
its first block, and the second reading is kept only when it keeps the first one's text
(`name_the_story_container`, `reads_more`).
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement
from trafilatura import xpaths as _xpaths
from trafilatura.xpaths import BODY_XPATH

from tasks.extract.inline import INLINE_TAGS

# The elements that may be renamed: block containers with no meaning of their own (a
# table cell or a list item renamed would break its table or list).
_RENAMEABLE = ("div", "section", "main")


# trafilatura's container searches (BODY_XPATH) test class and id names with EXSLT
# regular expressions, which lxml runs through Python once per element: 2.7 ms on a
# page without an <article> (1.1 ms a page over the dev corpus, ~4 % of an extraction).
# The same tests in Python's `re` over the same token lists take a tenth of that; the
# XPath stays the reference (a unit test holds the two together) and the fallback when a
# trafilatura release renames its token lists.
_CONTAINER_TAGS = ("article", "div", "main", "section")


def _alternation(*names: str) -> re.Pattern | None:
    tokens = [getattr(_xpaths, name, None) for name in names]
    if any(not isinstance(t, tuple) or not t for t in tokens):
        return None
    return re.compile("|".join(tok for group in tokens for tok in group))


_ID_NAMES = _alternation("_ARTICLE_CONTENT_ID_TOKENS", "_STORY_ID_TOKENS",
                         "_MAIN_CONTENT_ID_TOKENS")
_CLASS_NAMES = _alternation("_ARTICLE_CONTENT_CLASS_TOKENS", "_STORY_CLASS_TOKENS",
                            "_MAIN_CONTENT_CLASS_TOKENS")
_FULLTEXT = re.compile("fulltext", re.IGNORECASE)
_EXACT_CLASSES = frozenset({"post", "entry", "postarea", "art-postcontent", "text", "cell",
                            "story", "content"})
_EXACT_IDS = frozenset({"articleContent", "article", "story", "content"})


def _names_a_container(elem: HtmlElement) -> bool:
    """BODY_XPATH's attribute tests on one element (a container tag)."""
    cls, ident, role = elem.get("class"), elem.get("id"), elem.get("role")
    if elem.get("itemprop") == "articleBody" or role == "article":
        return True
    if role is not None and role.startswith("main"):
        return True
    if ident is not None and (ident in _EXACT_IDS or _ID_NAMES.search(ident)
                              or ident.startswith("main")
                              or "main-content" in ident.replace("C", "c").replace("M", "m")):
        return True
    return cls is not None and (
        cls in _EXACT_CLASSES or bool(_CLASS_NAMES.search(cls)) or bool(_FULLTEXT.search(cls))
        or cls.startswith("main") or "main-content" in cls.replace("C", "c").replace("M", "m")
        or "page-content" in cls.replace("C", "c").replace("P", "p"))


def _trafilatura_finds_a_container(tree: HtmlElement) -> bool:
    """Whether one of trafilatura's container searches finds an element on the page."""
    if _ID_NAMES is None or _CLASS_NAMES is None:  # token lists renamed: ask the XPath
        return _xpath_finds_a_container(tree)
    if next(tree.iter("article", "main"), None) is not None:
        return True
    return any(_names_a_container(elem) for elem in tree.iter(*_CONTAINER_TAGS))


def _xpath_finds_a_container(tree: HtmlElement) -> bool:
    return any(next(iter(expr(tree)), None) is not None for expr in BODY_XPATH)


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
    # its opening text before its first block too, a paragraph written as a `<div>` of
    # text ("<p>..</p><div>..</div><div>..</div>", as editors paste it) and a line after
    # a <br> (where `pages._keep_loose_text` hangs a <section>'s opening text): the
    # gathering of `<p>`s leaves them out
    return len(_opening_text(container).strip()) >= MIN_BLOCK_CHARS or any(
        len(block.text_content().strip()) >= MIN_BLOCK_CHARS
        for block in container.iterchildren(*_BLOCKS_BEYOND_PARAGRAPHS)) or any(
        len((block.text or "").strip()) >= MIN_BLOCK_CHARS
        for block in container.iterchildren("div")) or any(
        len((line_break.tail or "").strip()) >= MIN_BLOCK_CHARS
        for line_break in container.iterchildren("br"))


def _opening_text(container: HtmlElement) -> str:
    """The text `container` opens with before its first block: its own, and that of the
    inline elements it starts with ("<b>Berlin.</b> The council ...")."""
    parts = [container.text or ""]
    for child in container:
        if not isinstance(child.tag, str) or child.tag not in INLINE_TAGS or child.tag == "br":
            break
        parts += [child.text_content(), child.tail or ""]
    return "".join(parts)


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


def _headline(body: HtmlElement, title: str | None) -> HtmlElement | None:
    """The <h1> whose text is in the page's title or holds it (the longest such: a logo's
    "Gazette" is in "Bridge reopens | Gazette" too), else the first <h1>; on a page
    without one, such an <h2> (a blog's post title)."""
    norm = " ".join((title or "").split()).lower()
    for tag in ("h1", "h2"):
        found = [(h, " ".join(h.text_content().split()).lower()) for h in body.iter(tag)]
        found = [(h, text) for h, text in found if text]
        named = [(len(text), h) for h, text in found if norm and (text in norm or norm in text)]
        if named:
            return max(named, key=lambda pair: pair[0])[1]
        if tag == "h1" and found:
            return found[0][0]
    return None


# A headline's wrapper holds its story when it holds this much paragraph text, and either
# the page's densest paragraphs, or this share of all its paragraph text, or a block beside
# it is another story (`_another_story_beside`): a header with a long standfirst is not
# the story, a story followed by a longer next one is.
MIN_STORY_CHARS = 500
MIN_STORY_SHARE = 0.2


def name_the_headlined_story(tree: HtmlElement, title: str | None
                             ) -> tuple[HtmlElement, str] | None:
    """Rename the headline's story to <article> on a page trafilatura finds no container
    in: the headline's nearest wrapper that holds MIN_STORY_CHARS of paragraph text. Its
    fast reading would gather every `<p>` of the page (the next story appended below, a
    sidebar's summaries) and none of the story's lists. The element renamed and its tag
    before, or None."""
    body = tree.find("body")
    if body is None or body.find(".//article") is not None:  # (the cheapest search first)
        return None
    head = _headline(body, title)
    densest = story_container(body)
    if head is None or densest is None:
        return None
    page_chars = sum(len(p.text_content()) for p in body.iter("p"))
    for wrapper in head.iterancestors():
        if wrapper is body or wrapper.tag in ("body", "html"):
            return None
        chars = sum(len(p.text_content()) for p in wrapper.iter("p"))
        if chars >= MIN_STORY_CHARS and (chars >= MIN_STORY_SHARE * page_chars or any(
                anc is wrapper for anc in densest.iterancestors())
                or _another_story_beside(wrapper, head.tag)):
            break
    else:
        return None
    if wrapper.tag not in _RENAMEABLE or _trafilatura_finds_a_container(tree):
        return None
    tag, wrapper.tag = wrapper.tag, "article"
    return wrapper, tag


def _another_story_beside(wrapper: HtmlElement, headline_tag: str) -> bool:
    """Whether the next wrapper up would take in another story: a block beside `wrapper`
    holding a headline of the story's own tag (the template's, an `<h1>` again) and
    MIN_STORY_CHARS of paragraph text. The next story an endless page appends below a
    short one holds more text than it, so neither the share nor the densest paragraphs
    tell the short story's wrapper; a story's own subheadings are of a lower rank."""
    parent = wrapper.getparent()
    if parent is None:
        return False
    for block in parent.iterchildren():
        if block is wrapper or not isinstance(block.tag, str):
            continue
        if next(block.iter(headline_tag), None) is not None and sum(
                len(p.text_content()) for p in block.iter("p")) >= MIN_STORY_CHARS:
            return True
    return False
