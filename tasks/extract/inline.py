"""Inline elements that trafilatura deletes with their text, kept as the words of their
sentence.

trafilatura removes every `<time>` (and `<output>`, `<blink>`, `<marquee>`, `<label>`)
as page furniture, keeping only its tail: "The council met on <time>May 1</time> and
voted" was stored "The council met on and voted". These passes run in `extract_html` after the
metadata has read the tree (it reads `<time datetime>` for the page's dates), and leave a
`<time>` alone when it is a date stamp rather than a word of a sentence: alone in its
block or with a word or three around it ("Published <time>...</time>", "By Anna Berg |
<time>...</time>"), closing a short line (a headline's "3 hours ago", an embed's "A post
shared by ... on <time>"), in a `<div>` or `<section>` rather than a paragraph, or
inside an element whose class or id names a date, a byline or an embed. On the 990 dev
pages (380 hold a `<time>`, 612 a `<label>`) no element passes: the pass changes none
of them.

A `<time>` that opens a list item is kept too when the item goes on in a sentence of the
story's own words: a timeline in the story ("<li><time>1998</time> The first survey of
the harbours …") lost its years, so the list read "- The first survey …". An item whose
other words are a link's (a "latest news" list: "<li><time>11:31</time><a>headline</a>")
or that holds blocks (a teaser card) keeps trafilatura's reading, and so does a list
whose class or id names a date or a byline ("posted-on", "article-date") — but not one
named a timeline, which is the story's. The 22 dev pages with a `<time>` opening a list
item hold only stamps and headline lists: none passes.

A drop cap set apart from its paragraph (`<span class="dropcap">T</span><p>urkey and
...`, the Evening Standard's and the Independent's template) is put back as the first
letter of its word: trafilatura reads the `<span>` and the `<p>` as two blocks and drops
the lone letter, so the story opened "urkey and".
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

# Inline elements trafilatura's MANUALLY_CLEANED deletes with their text.
INLINE_DELETED = ("time", "output", "blink", "marquee", "label")
# The blocks a sentence is written in.
_SENTENCE_BLOCKS = frozenset(("p", "li", "dd", "blockquote", "td"))
# An inline element's text only: one holding a block is page furniture, not a word.
_INLINE_ONLY = frozenset((
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn", "em", "i", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "u", "var", "wbr"))
# Phrasing content: the elements a browser lays out in the lines of the block around
# them (the story's own text written beside them belongs to that block).
INLINE_TAGS = frozenset((
    "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "dfn", "em", "font",
    "i", "img", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub",
    "sup", "time", "tt", "u", "var", "wbr"))
# Elements whose text no reader sees in place: a noscript's is shown only without scripts.
UNSHOWN_TAGS = ("noscript", "script", "style", "template")
# At least this many words of the sentence around it: a dateline has one to three
# ("Published", "Updated on", "By Anna Berg |"), a sentence more.
MIN_WORDS_AROUND = 4
# A stamp that closes its line is a short line ("A post shared by Kira (@kira) on", six
# words; "Gespeichert von human am"); a sentence ending on a date or a day is longer.
MIN_WORDS_BEFORE_AN_END = 12
# Longer is no date or count within a sentence.
MAX_INLINE_CHARS = 80
_STAMP = re.compile(r"date|time|byline|author|meta|posted|publish|updated|stamp|submitted"
                    r"|instagram|tweet|embed",
                    re.IGNORECASE)
# A list item's stamp names its date or byline; a "timeline" is the story's own list.
_LIST_STAMP = re.compile(r"date|time(?!line)|byline|author|meta|posted|publish|updated|stamp"
                         r"|submitted", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")
# How far up the element's class and id are looked at (the block and three above).
_STAMP_LEVELS = 4


def keep_inline_text(tree: HtmlElement) -> int:
    """Replace each `<time>` (`<output>`, `<blink>`, `<marquee>`, `<label>`) that is a word
    of a sentence by its text, so that trafilatura keeps it; how many were replaced."""
    kept = 0
    for elem in list(tree.iter(*INLINE_DELETED)):
        if _in_a_sentence(elem) or (elem.tag == "time" and _opens_a_list_item(elem)):
            elem.drop_tag()
            kept += 1
    return kept


def _in_a_sentence(elem: HtmlElement) -> bool:
    text = elem.text_content()
    if not text.strip() or len(text) > MAX_INLINE_CHARS:
        return False
    if any(child.tag not in _INLINE_ONLY for child in elem.iterdescendants()
           if isinstance(child.tag, str)):
        return False
    # words of the same sentence right before it and something (a word, a full stop)
    # right after it: a stamp closes its line ("Hace 3 horas" after a headline, "A
    # post shared by ... on <time>" in an Instagram embed, "Gespeichert von human am
    # <time>" in a Drupal node's header). A sentence may end on it too ("... opens to
    # traffic again on <time>Monday</time>"), when more words come before it in its
    # block than a stamp line holds.
    previous = elem.getprevious()
    before = previous.tail if previous is not None else elem.getparent().text
    if not _WORD.search(before or ""):
        return False
    closing = not (elem.tail or "").strip()
    block, levels = elem.getparent(), 0
    while block is not None and block.tag not in _SENTENCE_BLOCKS:
        if block.tag not in _INLINE_ONLY:  # a <div> or <section> of its own: no sentence
            return False
        block, levels = block.getparent(), levels + 1
    if block is None:
        return False
    node = elem
    for _ in range(levels + _STAMP_LEVELS + 1):
        if node is None:
            break
        if _STAMP.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return False
        node = node.getparent()
    around = len(_WORD.findall(block.text_content())) - len(_WORD.findall(text))
    return around >= (MIN_WORDS_BEFORE_AN_END if closing else MIN_WORDS_AROUND)


def _opens_a_list_item(elem: HtmlElement) -> bool:
    """Whether `elem` is the first thing in its `<li>` (through inline wrappers such as a
    `<strong>`) and the item goes on in at least MIN_WORDS_AROUND words outside links."""
    text = elem.text_content()
    if not text.strip() or len(text) > MAX_INLINE_CHARS:
        return False
    node, item = elem, elem.getparent()
    while item is not None:
        if node.getprevious() is not None or (item.text or "").strip():
            return False  # something comes before it in the item
        if item.tag == "li":
            break
        if item.tag not in _INLINE_ONLY:
            return False
        node, item = item, item.getparent()
    if item is None or any(child.tag not in INLINE_TAGS for child in item.iterdescendants()
                           if isinstance(child.tag, str)):
        return False
    node = elem
    while node is not None and node is not item:
        if _LIST_STAMP.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return False
        node = node.getparent()
    for _ in range(_STAMP_LEVELS):  # the item, its list and the list's holders
        if node is None:
            break
        if _LIST_STAMP.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return False
        node = node.getparent()
    linked = sum(len(_WORD.findall(link.text_content())) for link in item.iter("a"))
    around = len(_WORD.findall(item.text_content())) - len(_WORD.findall(text)) - linked
    return around >= MIN_WORDS_AROUND


def drop_caps_into_their_paragraph(tree: HtmlElement) -> int:
    """Move each drop cap standing before its paragraph (above) into that paragraph's
    first word; how many were moved."""
    moved = 0
    for para in list(tree.iter("p")):
        cap = para.getprevious()
        if cap is None or not isinstance(cap.tag, str) or (cap.tail or "").strip():
            continue
        letter = cap.text_content().strip()
        if not (len(letter) == 1 and letter.isupper()) or any(
                child.tag not in INLINE_TAGS for child in cap.iterdescendants()
                if isinstance(child.tag, str)):
            continue
        first = _first_text_holder(para)
        if first is None:
            continue
        holder, attr = first
        rest = getattr(holder, attr).lstrip()
        # a word's next letter in lower case, not the letter again: a forum's avatar
        # initial "Y" stands before its user "yellowkitty", a drop cap's "T" before "urkey"
        if not rest[:1].islower() or rest[:1] == letter.lower():
            continue
        setattr(holder, attr, letter + rest)
        cap.getparent().remove(cap)  # (its tail is blank: nothing of the text goes with it)
        moved += 1
    return moved


def _first_text_holder(elem: HtmlElement) -> tuple[HtmlElement, str] | None:
    """The element and attribute ("text" or "tail") holding `elem`'s first visible words."""
    if (elem.text or "").strip():
        return elem, "text"
    for child in elem:
        if isinstance(child.tag, str) and child.tag not in UNSHOWN_TAGS:
            found = _first_text_holder(child)
            if found is not None:
                return found
        if (child.tail or "").strip():
            return child, "tail"
    return None
