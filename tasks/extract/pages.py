"""Extract: fetched HTML -> article text and metadata from one parse; text dumps -> articles
directly (they are already extracted).

Strategy (measured on the dev corpus; figures and the sweep in bench/results/extract.md
and BENCHMARKS.md):

1. Parse once (trafilatura's `load_html` steps: charset detection, repair of broken markup,
   with a parser of our own, `parse_html`); text and metadata both read that tree.
2. Text: trafilatura in *fast* mode (no readability/jusText comparison). On the dev corpus
   fast mode loses ~1 point of snippet recall against the default mode and costs ~70% of
   its time; the saved time pays for the metadata, which plain `extract()` does not compute.
3. Fallback: when the fast text is shorter than FALLBACK_MIN_CHARS (and a small share of
   the page's text, FALLBACK_MAX_PAGE_SHARE), the page goes through
   trafilatura's full cascade (readability + jusText comparison, recall escalation) and the
   longer text wins. Short fast results are where the comparison adds text; on longer ones
   it changes almost nothing, so paying for it on every page is wasted time. The sweep:
   250 chars recovers little, 1000 recovers almost all of the full mode's recall, above
   1000 only the cost grows. A text still short then is checked against the page's one
   <article> read alone (`_longer_from_the_article`: trafilatura deletes an <aside> whole,
   a story in a layout's aside with it).
4. Metadata from `tasks.extract.metadata.page_metadata` on the same tree (date with provenance,
   alternatives and flags; cheap byline search), read before step 5 changes the tree.
5. Furniture pruning (`tasks.extract.furniture`) before trafilatura: related-article blocks,
   author boxes and share rows named so in their class/id, which trafilatura's own
   discard rules miss (measured by halves of the dev corpus, BENCHMARKS.md issue 13 round 2).
   Then the loose text trafilatura would drop around a container of blocks is hung from a
   <br> of its own (`_keep_loose_text`, BENCHMARKS.md issue 13 session 36).
6. The lead (`tasks.extract.lead`): the standfirst under the headline, which trafilatura
   often leaves in the page's header block, goes in front of the text when the text lacks it
   (BENCHMARKS.md issue 13 round 4).
7. Language by py3langid on the text (`tasks.common.quality.detect_language`).
8. `not_article` and `extraction_failed` are decided here, where the page type and the
   extractor's error are known; boilerplate lines, too_short and wrong_language in clean.
"""

from __future__ import annotations

import bisect
import copy
import logging
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from urllib.parse import urlsplit

import pyarrow as pa
import trafilatura
from lxml import etree
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HtmlProcessingInstruction,
    document_fromstring,
    fromstring,
)
from trafilatura import bare_extraction
from trafilatura.utils import (
    DOCTYPE_TAG,
    FAULTY_HTML,
    INVALID_XML_CHARS,
    decode_file,
    is_dubious_html,
)

from schemas import ARTICLES, conform
from tasks.common.blockpage import block_page
from tasks.common.charset import decode
from tasks.common.result import StageResult, Verdict, reject_record
from tasks.common.sniff import GENERIC_PAGE_TYPES, binary_body_kind, is_blank, opens_as_html
from tasks.common.text import content_hash, detect_language, word_count
from tasks.common.urls import BadURL, article_id_for, canonical_url, domain_of, joined_url
from tasks.extract import joiners, selectors
from tasks.extract.browserview import (
    centers_as_blocks,
    fonts_holding_blocks_as_divs,
    headings_by_role,
    marked_roles,
    paragraph_divs,
    read_as_browsers_show,
    script_bounds,
    unwrap_quotations,
)
from tasks.extract.callouts import prune_callouts
from tasks.extract.container import (
    name_the_headlined_story,
    name_the_story_container,
    reads_more,
)
from tasks.extract.dates import EARLIEST_PLAUSIBLE, FUTURE_TOLERANCE, as_utc
from tasks.extract.filters import extraction_failed, not_article, out_of_memory
from tasks.extract.furniture import (
    drop_link_list_labels,
    drop_link_list_lines,
    menu_link_lists,
    prune_furniture,
    site_link_lists,
)
from tasks.extract.inline import (
    INLINE_TAGS,
    UNSHOWN_TAGS,
    drop_caps_into_their_paragraph,
    keep_inline_text,
)
from tasks.extract.jsonld import jsonld_article_body, jsonld_body_scripts
from tasks.extract.lead import find_lead, with_lead
from tasks.extract.metadata import PageMetadata, page_metadata
from tasks.extract.notfound import not_found_claim
from tasks.extract.splitbody import join_split_body

STAGE = "extract"
EXTRACTOR = "trafilatura"
EXTRACTOR_VERSION = f"{trafilatura.__version__}+pressroom.fast-fallback.6"
DUMP_EXTRACTOR = "text-dump"

# Below this many characters the fast result is re-checked by the full cascade (see the
# module docstring). ~150 words: shorter than any real news article body.
FALLBACK_MIN_CHARS = 1000
# ... but only when the fast text is also a small share of all the text on the page (body
# text_content, scripts included, 0.3 ms). When the fast text already covers most of the
# page, the full cascade cannot find more: on the dev corpus every fallback that added a
# snippet had a share < 0.11, and gating at 0.05 skipped 40% of the fallback runs (-25% of
# their time) for the same snippet gain (sweep in bench/results/extract.md).
FALLBACK_MAX_PAGE_SHARE = 0.05
# A page whose markup holds next to none of its story (a script renders it: scmp.com's
# body gave trafilatura one photo caption) while its JSON-LD carries the article's
# `articleBody`: that body is the text when the extracted text is shorter than
# LD_BODY_RESCUE_BELOW characters and the body at least LD_BODY_MIN_RATIO times longer
# (on the dev corpus 1 page of the 60 with an articleBody; some are a teaser's few lines,
# one another article's, so it never replaces a text of any length).
LD_BODY_RESCUE_BELOW = 500
LD_BODY_MIN_RATIO = 4

# lxml refuses a str that still carries an XML encoding declaration.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")

# Nesting depth. libxml2's HTML parser stops descending at 256 levels and drops what lies
# deeper without an error (a page of 300 nested <div> around its article came out with
# no text: "no main text found", which says nothing of why). Its XML_PARSE_HUGE mode
# (lxml's huge_tree) goes to MAX_DEPTH = 2048 levels, so a page past 256 is parsed again
# in that mode; one past 2048 is refused as `too_deep` (a generated or hostile page, not
# an article: the dev corpus's deepest page has 42 levels, its 99th percentile 31).
# Measured: extraction of a 2,000-level page takes ~0.3 s, with no recursion error.
MAX_DEPTH = 2048
_DEPTH_ERROR = "Excessive depth in document"

# Elements. trafilatura's extraction grows with the square of the text pieces inside a
# page's paragraphs (its `//p//text()` XPath, in libxml2, after it strips the inline tags
# and leaves their text as adjacent nodes): 20,000 <p> extract in 1.5 s, 40,000 in 5.5 s,
# 80,000 in 18 s; one <p> of 10,000 <span> in 5.5 s, of 45,000 in minutes. A page of short
# paragraphs under the 10 MB body cap (a million of them) would hold a worker for hours,
# beyond any deadline (the time is spent in C). So a page is refused as
# `too_many_elements` before any extraction when it has more than MAX_ELEMENTS elements,
# or more than MAX_PARAGRAPH_NODES paragraphs and elements inside paragraphs: a generated
# or hostile page, not an article. The dev corpus's largest pages have 10,106 elements
# and 1,347 paragraph nodes (99th percentiles 3,108 and 439). Counting is count() in
# libxml2, no Python object per element: 0.16 ms for a dev page (mean of the 990, median
# of 5 rounds; ~0.5% of an extraction), 0.06 s at a million elements.
MAX_ELEMENTS = 50_000
MAX_PARAGRAPH_NODES = 10_000
_COUNT_ELEMENTS = "count(//*)"
_COUNT_PARAGRAPH_NODES = "count(//p) + count(//p//*)"

# trafilatura and htmldate log a WARNING/ERROR line per discarded page; rejects carry that.
# Only when nobody configured those loggers: an explicit logging config wins.
for _name in ("trafilatura", "htmldate"):
    if logging.getLogger(_name).level == logging.NOTSET:
        logging.getLogger(_name).setLevel(logging.CRITICAL)
LOG = logging.getLogger(__name__)

# trafilatura's parser options (trafilatura.utils.HTML_PARSER), but every element is a plain
# HtmlElement chosen by lxml's C lookup. lxml.html's own lookup is a Python callback that
# lxml calls each time it hands out an element (every XPath result, every iteration step,
# every copy: trafilatura copies the tree up to three times) only to give <form>, <input>,
# <select>, <textarea> and <label> classes of their own, whose form methods nothing here nor
# in trafilatura calls: ~7% of extraction's CPU (BENCHMARKS.md, "Throughput cuts, round 3").
# Still HtmlElement: trafilatura accepts no other tree, and text_content() / drop_tree() are
# used on it.
_PARSER = etree.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                           remove_comments=True, remove_pis=True)
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))
# The same parser with huge_tree (MAX_DEPTH above): the same tree otherwise.
_DEEP_PARSER = etree.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                remove_comments=True, remove_pis=True, huge_tree=True)
_DEEP_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))


def _fromstring_bytes(html: str) -> HtmlElement | None:
    try:
        return fromstring(html.encode("utf8", "surrogatepass"), parser=_PARSER)
    except Exception:  # noqa: BLE001 -- as trafilatura: an unparsable page is None
        return None


# INVALID_XML_CHARS's characters below U+0080, as bytes: the same in UTF-8 as in the str.
_CONTROL_BYTES = bytes(range(0x20)).translate(None, b"\t\n\r")


def _has_invalid_xml_chars(html: str) -> bool:
    """Whether INVALID_XML_CHARS occurs in `html`. Its regex scans every character in
    Python's regex engine (~0.6 ms on a 144 kB page, 3 of the 990 dev pages have one); this
    is a UTF-8 copy and a C byte table (~0.2 ms), and the regex then runs only where it has
    something to delete."""
    if "\ufffe" in html or "\uffff" in html:
        return True
    raw = html.encode("utf-8", "surrogatepass")
    return len(raw.translate(None, _CONTROL_BYTES)) != len(raw)


def _repair_faulty_html(html: str, beginning: str) -> str:
    """trafilatura.utils.repair_faulty_html, its control-character pass done only when
    there is one (_has_invalid_xml_chars)."""
    if _has_invalid_xml_chars(html):
        html = INVALID_XML_CHARS.sub("", html)
    if "doctype" in beginning:  # libxml2 and a doctype with a slash: lxml bug 1955915
        end = html.find("\n")
        firstline = html if end < 0 else html[:end]
        fixed = DOCTYPE_TAG.sub("", firstline, count=1)
        # (the page is copied only when its first line changes: most pages' doctype needs
        # nothing, and two copies of a 150 kB page cost ~0.1 ms)
        if end < 0:
            html = fixed + "\n"
        elif fixed != firstline:
            html = fixed + html[end:]
    for line in html[:4096].splitlines()[:4]:  # a self-closing <html/> in the first lines
        if "<html" in line and line.endswith("/>"):
            html = FAULTY_HTML.sub(r"\1>", html, count=1)
            break
    return html


# An opening or closing heading tag: <h2 ...>, </H3>; not <header>, <hr> or <h1-x>.
_HEADING_TAG = re.compile(r"<(/?)[hH]([1-6])(?=[\s/>])")


def _close_headings_as_browsers_do(html: str) -> str:
    """`html` with each heading end tag renamed to the heading it closes.

    In HTML's parsing rules any heading end tag closes the open heading: browsers read
    `<h2 class="excerpt">Lead.</h3><div>story</div>` as an h2 holding "Lead." and the
    story after it. libxml2 closes an h2 only with </h2>, so that h2 holds the rest of
    the page: the lead under the headline is then a heading of thousands of characters,
    which find_lead rejects, and trafilatura sees the story inside a heading. It lost a
    news page's lead on the dev corpus (thelocal.se). 3 of its 990 pages have such a tag.
    """
    open_levels: list[str] = []
    fixes: list[tuple[int, str]] = []  # (position of the end tag's digit, the right one)
    for m in _HEADING_TAG.finditer(html):
        level = m.group(2)
        if not m.group(1):
            open_levels.append(level)
        elif open_levels:  # an end tag with no heading open is ignored by both parsers
            innermost = open_levels.pop()
            if innermost != level:
                fixes.append((m.start(2), innermost))
    if not fixes:
        return html
    parts, last = [], 0
    for pos, level in fixes:
        parts += (html[last:pos], level)
        last = pos + 1
    parts.append(html[last:])
    return "".join(parts)


# The end of a document: `</html>`, and `</body>` with it (HTML's "after body" modes).
_DOCUMENT_END = re.compile(r"</html\s*>", re.IGNORECASE)
_BODY_OR_HTML_END = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)


def _join_roots_as_browsers_do(html: str) -> str:
    """`html` without its `</body>` and `</html>` end tags when markup or text follows the
    first `</html>`.

    libxml2 stops reading at the first `</html>`: a page of two documents (a CMS that
    joins a template and the article, an error page printed before the page, two files
    joined by `cat`) kept the first one's text alone, an error notice in place of the
    story. Browsers read on: what follows `</html>` goes into the body, a second
    `<html>`, `<head>` or `<body>` tag adds nothing of its own (HTML's "after after body"
    insertion mode), which libxml2 does too once no end tag stops it."""
    m = _DOCUMENT_END.search(html)
    if m is None or not html[m.end():].strip():
        return html
    return _BODY_OR_HTML_END.sub("", html)


# Elements whose text runs to their end tag whatever it holds (HTML's RCDATA): a start
# tag (not one written closed, `<title/>`, as inside an SVG icon), and an end tag of each.
# Their names match in any ASCII case, as HTML and libxml2 read tag names: Unicode
# IGNORECASE also matched "<tıtle>" (dotless ı, U+0131), whose `lower()` names no element
# here, and the page was an `extraction_failed` reject, "unparsable HTML: KeyError".
_RCDATA_START = re.compile(r"<((?ai:title|textarea))\b[^>]*(?<!/)>")
_RCDATA_END = {name: re.compile(rf"</(?ai:{name})\s*>") for name in ("title", "textarea")}


def _close_unclosed_rcdata(html: str) -> str:
    """`html` with an end tag put before the first `<` after each `<title>` or
    `<textarea>` start tag that no end tag of its name follows.

    Such an element's text runs to its end tag, whatever lies between; with none, libxml2
    (and a browser) reads the rest of the page as its text: a page whose `<title>` was
    never closed had the whole page, markup included, as its title and no text; an
    unclosed `<textarea>` (a comment form before the story) made the story's markup text
    (`</form><article><p>...`). An author's missing end tag ends, in all likelihood,
    where the next tag starts. A start tag inside a script's code (`$('<textarea/>')`,
    two pages of the dev corpus) is the script's text, left alone. One pass over the
    page (a page of 16,000 such tags took 2 s when each looked for its end anew)."""
    parts, last, pos = [], 0, 0
    scripts: list[int] | None = None
    no_end_after = {"title": len(html) + 1, "textarea": len(html) + 1}
    while (m := _RCDATA_START.search(html, pos)) is not None:
        name = m.group(1).lower()
        if m.start() < no_end_after[name]:
            closing = _RCDATA_END[name].search(html, m.end())
            if closing is not None:
                pos = closing.end()  # closed: its text is no markup
                continue
            no_end_after[name] = m.start()  # nor is any later one closed
        if scripts is None:
            scripts = script_bounds(html)
        cut = html.find("<", m.end())
        if cut < 0:
            break
        if not bisect.bisect_right(scripts, m.start()) % 2:  # not in a script's code
            parts += (html[last:cut], f"</{name}>")
            last = cut
        pos = cut
    if not parts:
        return html
    parts.append(html[last:])
    return "".join(parts)


# A script start tag written as if it closed itself: `<script type="text/javascript"/>`
# (attribute values may hold ">" or "/").
_SELF_CLOSED_SCRIPT = re.compile(
    r"""<script\b((?:[^>"'/]|/(?!\s*>)|"[^"]*"|'[^']*')*)/\s*>""", re.IGNORECASE)
_SCRIPT_END = re.compile(r"</script\s*>", re.IGNORECASE)


def _open_self_closed_scripts(html: str) -> str:
    """`html` with each `<script .../>` written `<script ...>` when a `</script>` follows.

    HTML ignores the self-closing slash on a script: browsers read what follows, up to the
    next </script>, as its code. libxml2 may close the script at once (it did inside a
    box after a child element, with the code on the tag's line), and the code became page
    text: a recipe page's text opened with "(function() { document.addEventListener(
    'DOMContentLoaded', ..." (bettycrocker.com, 6 such tags). With no </script> after it a
    browser would hide the rest of the page; there the tag stays closed, as libxml2 reads
    it, and the text is kept."""
    if "/>" not in html:
        return html
    parts, last = [], 0
    for m in _SELF_CLOSED_SCRIPT.finditer(html):
        if not _SCRIPT_END.search(html, m.end()):
            break  # nor has any later tag one
        # "<script" as written, its attributes, and ">" for the slash
        parts += (html[last:m.start() + 7], m.group(1).rstrip(), ">")
        last = m.end()
    if not parts:
        return html
    parts.append(html[last:])
    return "".join(parts)


# What opens any markup: a tag, an end tag, a comment, a doctype, a processing instruction.
_ANY_MARKUP = re.compile(r"<[A-Za-z!/?]")
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# Control characters no text holds: binary data, whatever its label.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _plain_text_as_html(html: str) -> str:
    """A page of plain text with no markup at all (a server that labels every file
    `text/html`, a story pasted into a CMS field served raw) as the document a browser
    makes of it, its text in the body, one paragraph to each run of lines between blank
    lines (the text's own paragraphs; a browser runs them together). It was no HTML to
    trafilatura's test for a fragment: an `extraction_failed` reject, "unparsable or
    empty HTML", where browsers show the story (fault round 23, round 22's known item).
    JSON (an API's answer under the wrong label) and bytes holding control characters
    stay what they were: no page."""
    if (_ANY_MARKUP.search(html) or not html.strip() or html.lstrip()[:1] in ("{", "[")
            or _CONTROL.search(html)):
        return html
    paragraphs = (p.strip() for p in _BLANK_LINES.split(html.replace("\r\n", "\n")))
    return "<html><body>" + "".join(
        f"<p>{escape(p)}</p>" for p in paragraphs if p) + "</body></html>"


def parse_html(body: bytes | str) -> HtmlElement | None:
    """The page's tree as trafilatura's `load_html` makes it (same decoding, repairs,
    fallbacks and rejection of non-HTML), from `_PARSER`, with heading end tags,
    self-closed scripts and <template> read as browsers read them
    (`_close_headings_as_browsers_do`, `_open_self_closed_scripts`, `_drop_templates`);
    None when it is not HTML."""
    html = _plain_text_as_html(decode_file(body))
    beginning = html[:50].lower()
    dubious = is_dubious_html(beginning)
    html = read_as_browsers_show(html)  # <xmp>, prefixed XHTML, <noframes> (browserview.py)
    html = _close_headings_as_browsers_do(_repair_faulty_html(html, beginning))
    html = _open_self_closed_scripts(_close_unclosed_rcdata(_join_roots_as_browsers_do(html)))
    tree, bytes_tried = None, False
    try:
        tree = fromstring(html, parser=_PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree, bytes_tried = _fromstring_bytes(html), True
    except Exception:  # noqa: BLE001, S110 -- as trafilatura: the bytes are tried next
        pass
    if (tree is None or len(tree) < 1) and not bytes_tried:
        tree = _fromstring_bytes(html)
    if tree is not None and dubious and len(tree) < 2:
        return None  # a fragment or not HTML at all (trafilatura's rejection test)
    if tree is not None:
        _tree_as_browsers_show(tree)
    return tree


def _tree_as_browsers_show(tree: HtmlElement) -> None:
    """The passes on the parsed page: <template> dropped, inline quotations in their marks
    (browserview.py), <noscript> and srcdoc documents read where nothing else shows.

    Each pass runs only on a tree that holds its elements, found by lxml's own walk of
    the tree (~0.2 ms a page for all four). Testing the page's text for their tags, as
    before, scanned its ~144,000 characters once for each spelling ("<q" or "<Q", ...):
    ~0.8 ms a page, 3% of the stage's CPU. The tree also finds `<iframe SRCDOC=...>`,
    which the text test (lower case only) missed and browsers read."""
    found = {elem.tag for elem in tree.iter("template", "q", "noscript")}
    if "template" in found:
        _drop_templates(tree)
    if "q" in found:
        unwrap_quotations(tree)
    if "noscript" in found:
        _noscript_when_nothing_else_shows(tree)
    # (after the noscript pass, which may turn a <noscript>'s text into elements)
    if next(tree.iter("iframe"), None) is not None:
        _srcdoc_when_nothing_else_shows(tree)



def _noscript_when_nothing_else_shows(tree: HtmlElement) -> None:
    """A page whose body shows nothing but what its <noscript> elements hold (a script
    renders the story, the server writes it into <noscript> for readers without one:
    crawlers, reader modes), with each <noscript> read as the blocks it holds. trafilatura
    deletes noscript elements whole, and its fallback read the body as one run of text:
    the headline and every paragraph glued into one line (round 24). A body with any
    letter of its own keeps its noscripts to trafilatura (a tracking pixel, "enable
    JavaScript")."""
    body = tree.find("body")
    if body is None or body.find(".//noscript") is None or _shows_text(body, UNSHOWN_TAGS):
        return
    for noscript in list(body.iter("noscript")):
        if not any(a.tag in UNSHOWN_TAGS for a in noscript.iterancestors()):
            noscript.drop_tag()


def _shows_text(body: HtmlElement, unshown: tuple[str, ...]) -> bool:
    """Whether any letter of `body` shows outside the elements named in `unshown`: in the
    text of an element not inside one of them, or in a tail (its parent's text) there.
    One walk that does not enter them (asking each element for its ancestors instead took
    0.1 s of a page whose story sat in <noscript>s)."""
    if _LETTER.search(body.text or ""):
        return True
    stack = [body]
    while stack:
        for child in stack.pop():
            if _LETTER.search(child.tail or ""):
                return True
            # (a comment's text is no text; a tail is its parent's, checked above)
            if isinstance(child.tag, str) and child.tag not in unshown:
                if _LETTER.search(child.text or ""):
                    return True
                stack.append(child)
    return False


def _srcdoc_when_nothing_else_shows(tree: HtmlElement) -> None:
    """A page whose body shows nothing but iframes showing documents written into the
    page (`<iframe srcdoc="...">`: a CMS sandboxing its story's markup, an embed builder),
    with each such document's body in place of its iframe, as a browser shows it. The
    story was lost: "no main text found" (round 24's known item, fault round 30). A page
    with any letter of its own keeps its iframes out of the text, as before (an ad, a
    widget)."""
    body = tree.find("body")
    frames = [] if body is None else [f for f in body.iter("iframe") if f.get("srcdoc")]
    if not frames or _shows_text(body, (*UNSHOWN_TAGS, "iframe")):
        return
    for frame in frames:
        try:
            shown = document_fromstring(frame.get("srcdoc"), parser=_PARSER).find("body")
        except Exception:  # noqa: BLE001 -- an unreadable frame is one not shown
            continue
        if shown is None or frame.getparent() is None:
            continue
        shown.tag, shown.tail = "div", frame.tail
        frame.getparent().replace(frame, shown)


def _drop_templates(tree: HtmlElement) -> None:
    """Remove every <template> element with what it holds (its tail stays).

    A template's content is inert: browsers never render it, scripts clone it. libxml2
    parses it as ordinary elements, so trafilatura took it for text: on the dev corpus a
    recipe page's text held a mustache template ("{{/title}} {{#text}} {{{text}}}") and a
    shop page's held its payment terms from a checkout template.

    A declarative shadow root (`<template shadowrootmode="open">`, and the
    `shadowroot` attribute Chrome read before it) is no such template: browsers render
    what it holds in place of the template, so it stays as the text it holds; a web
    component's page whose story is in one lost all of it."""
    for template in list(tree.iter("template")):
        if template.get("shadowrootmode") is not None or template.get("shadowroot") is not None:
            template.drop_tag()
        else:
            template.drop_tree()


# Containers whose tail text trafilatura loses when they hold blocks of their own
# (measured tag by tag: after a <footer>, <aside>, <nav>, <form>, <figure> or an inline
# element the text is kept) ...
_TAIL_LOST = ("div", "section", "article", "main", "header", "center", "details")
# ... and those whose own text before their first block it loses (a <div>'s it keeps).
_TEXT_LOST = frozenset(("section", "article", "main", "header", "center"))
_LETTER = re.compile(r"[^\W\d_]")
_HTML_SPACES = re.compile(r"[ \t\r\n\f]+")


def _keep_loose_text(tree: HtmlElement) -> int:
    """Hang the loose text around a container of blocks from a line break of its own;
    how many texts were moved.

    trafilatura drops the tail of a <div> (or <section>, ...) that holds a <p>, a heading
    or a list, in both its modes: in `<div class="img_box"><img><p>Photo: X</p></div>
    Anchor: After heavy downpours ...<br>`, a KBS World story lost its first paragraph.
    It drops the text a <section> (or <article>, ...) opens with before its first block
    too. The same texts after a <br> are kept, and a browser shows them on a line of
    their own either way."""
    moved = 0
    for elem in list(tree.iter(*_TAIL_LOST)):
        if len(elem) == 0:
            continue
        if _is_loose(elem.tail):
            line_break = _line_break_before(elem.tail, elem)
            elem.tail = None
            elem.addnext(line_break)
            moved += 1
        if elem.tag in _TEXT_LOST and _is_loose(elem.text):
            elem.insert(0, _line_break_before(elem.text, elem))
            elem.text = None
            moved += 1
    return moved


# A run of the body's own text mostly of links is a menu or a breadcrumb, not the story.
_MAX_LOOSE_LINK_SHARE = 0.5


def _loose_body_text_as_paragraphs(tree: HtmlElement) -> int:
    """Wrap each run of text and inline elements directly in `<body>` in a `<p>`; how many
    runs were wrapped.

    A browser shows such a run as a block of its own (an anonymous block box); an old
    page or a hand-written one keeps its story so, between its headline and a paragraph or
    two. trafilatura's fast reading drops the body's own text once the page holds a `<p>`:
    "<h1>..</h1>Two sentences<br><br>Two more<p>The rest</p>" gave only the rest. Runs
    whose own text (outside their inline elements) holds no letter, and runs mostly of
    links, stay as they were."""
    body = tree.find("body")
    if body is None:
        return 0
    wrapped = 0
    run: list[HtmlElement] = []
    before: HtmlElement | None = None  # the block the run follows (None: the body's start)
    for child in [*list(body), None]:
        if child is not None and isinstance(child.tag, str) and child.tag in INLINE_TAGS:
            run.append(child)
            continue
        wrapped += _wrap_run(body, before, run)
        run, before = [], child
    return wrapped


def _is_a_text_run(lead: str | None, run: list[HtmlElement], min_chars: int = 0) -> bool:
    """Whether a run of text (`lead`) and inline elements is words of a text: the
    container's own words, not only its inline elements' (a row of tooltips or buttons,
    <span>s straight in a video page's body, is no story written there), at least
    `min_chars`, mostly outside links (a menu's links between separators are none)."""
    if not _is_loose((lead or "") + "".join(e.tail or "" for e in run)):
        return False
    words = ((lead or "") + "".join(e.text_content() + (e.tail or "") for e in run)).strip()
    linked = sum(len(a.text_content()) for e in run for a in e.iter("a"))
    return len(words) >= min_chars and linked <= _MAX_LOOSE_LINK_SHARE * len(words)


def _wrap_run(container: HtmlElement, before: HtmlElement | None,
              run: list[HtmlElement]) -> int:
    """Move the text after `before` (the container's own text without it) and the inline
    elements of `run` into a new `<p>` in their place; 1 if they were moved."""
    lead = container.text if before is None else before.tail
    if not _is_a_text_run(lead, run):
        return 0
    paragraph = container.makeelement("p")
    paragraph.text = lead
    if before is None:
        container.text = None
        container.insert(0, paragraph)
    else:
        before.tail = None
        before.addnext(paragraph)
    paragraph.extend(run)  # (moves them, tails and all)
    return 1


# Containers whose runs of text and inline elements between their blocks trafilatura
# loses once they hold a `<p>`: it reads their `<p>`s then, and the lines around them went
# ("<div><b>Berlin.</b> The council ...<p>...</p>", a story's first paragraph;
# "<div>line<br><br><p>Read more: ...</p>line<br><br>...", every line but one).
_RUN_CONTAINERS = ("div", "section", "article", "main", "td")
# ... a paragraph's length at least: a label or a button between the blocks is none
MIN_RUN_CHARS = 80


def _text_runs(tree: HtmlElement
               ) -> list[tuple[HtmlElement, HtmlElement | None, list[HtmlElement]]]:
    """Each run of text and inline elements (`_is_a_text_run`, MIN_RUN_CHARS) of a
    container that holds a `<p>` of its own: (the container, the block the run follows or
    None at its start, the run's inline elements), as `_wrap_run` takes them."""
    found = []
    # the parents of the page's <p>s, in document order: one pass over the <p>s, cheaper
    # than asking every <div> for a child <p>
    containers = {id(p.getparent()): p.getparent() for p in tree.iter("p")}
    for container in containers.values():
        if container is None or container.tag not in _RUN_CONTAINERS:
            continue
        before, run = None, []
        for child in [*container, None]:
            if child is not None and isinstance(child.tag, str) and child.tag in INLINE_TAGS:
                run.append(child)
                continue
            lead = container.text if before is None else before.tail
            if _is_a_text_run(lead, run, MIN_RUN_CHARS):
                found.append((container, before, run))
            before, run = child, []
    return found


def _is_loose(text: str | None) -> bool:
    # a text without a letter is a stray counter or separator ("0", "|"), not the story's
    return bool(text) and _LETTER.search(text) is not None


def _line_break_before(text: str, elem: HtmlElement) -> HtmlElement:
    line_break = elem.makeelement("br")
    # as a browser collapses it: trafilatura keeps the source's line breaks in a text
    # hung from a <br>, which would cut its sentences into lines
    line_break.tail = _HTML_SPACES.sub(" ", text)
    return line_break


@dataclass
class Extracted:
    """The result of extracting one HTML page (text not yet cleaned: one block per line)."""

    text: str
    meta: PageMetadata
    language: str | None = None
    language_score: float | None = None
    used_fallback: bool = False
    error: str | None = None  # set when nothing usable came out
    reason: str = "extraction_failed"  # the reject reason of an `error` (too_deep, ...)


def _run_trafilatura(tree: HtmlElement, url: str | None, fast: bool) -> str:
    """Text of the main content, one block per line ('' when trafilatura finds nothing).

    trafilatura copies the tree it is given, so `tree` stays intact for the next reader.
    """
    doc = bare_extraction(
        tree, url=url, fast=fast, include_comments=False, include_tables=True,
        include_formatting=False, with_metadata=False,
    )
    return (doc.text or "") if doc is not None else ""


def _hit_depth_limit(parser: etree.HTMLParser) -> bool:
    """Whether the parser's last run stopped descending (its depth limit), dropping what
    lay below. The error log is the parser's record of its last run in this thread."""
    return any(_DEPTH_ERROR in e.message for e in parser.error_log)


def _parse_deep(body: bytes | str) -> HtmlElement | None:
    """The page parsed again with libxml2's depth limit raised to MAX_DEPTH (the same
    decoding and repair as trafilatura's load_html); None when even that is too shallow
    for it."""
    text = body if isinstance(body, str) else decode_file(body)
    text = read_as_browsers_show(text)  # as parse_html reads the page
    text = _close_headings_as_browsers_do(_repair_faulty_html(text, text[:50].lower()))
    text = _close_unclosed_rcdata(_join_roots_as_browsers_do(text))
    try:
        tree = fromstring(text, parser=_DEEP_PARSER)
    except ValueError:  # a str with an encoding declaration: as bytes, as load_html does
        tree = fromstring(text.encode("utf-8", "surrogatepass"), parser=_DEEP_PARSER)
    if _hit_depth_limit(_DEEP_PARSER):
        return None
    found = {elem.tag for elem in tree.iter("template", "q")}  # (see _tree_as_browsers_show)
    if "template" in found:
        _drop_templates(tree)
    if "q" in found:
        unwrap_quotations(tree)
    return tree


def _page_share(text: str, tree: HtmlElement) -> float:
    """Length of the extracted text relative to all the text in the page's body."""
    body = tree.find("body")
    page_chars = len(body.text_content()) if body is not None else 0
    return len(text) / page_chars if page_chars else 1.0


def _too_many_elements(tree: HtmlElement) -> str | None:
    """Why the page has too many elements to extract in bounded time (see MAX_ELEMENTS),
    or None."""
    elements = int(tree.xpath(_COUNT_ELEMENTS))
    if elements > MAX_ELEMENTS:
        return (f"{elements:,} HTML elements, more than {MAX_ELEMENTS:,}: too many to "
                "extract in bounded time (an article page has a few thousand)")
    if elements <= MAX_PARAGRAPH_NODES:
        return None  # paragraph nodes are elements: the second count cannot pass either
    in_paragraphs = int(tree.xpath(_COUNT_PARAGRAPH_NODES))
    if in_paragraphs > MAX_PARAGRAPH_NODES:
        return (f"{in_paragraphs:,} paragraphs and elements inside paragraphs, more than "
                f"{MAX_PARAGRAPH_NODES:,}: too many to extract in bounded time (an article "
                "has a few hundred)")
    return None


# A run of line breaks, and the most of it a page keeps (a blank line between two texts).
_BLANK_LINES_KEPT = 2
_COUNT_LINE_BREAKS = "count(//br)"


def _collapse_line_breaks(tree: HtmlElement) -> int:
    """Drop each `<br>` that follows `_BLANK_LINES_KEPT` others with nothing but white
    space between them; how many were dropped. Only on a page over the element limits
    (MAX_ELEMENTS), where `<br>` is most of its elements.

    A page padded with line breaks (a template's spacer loop, an editor's pasted blank
    lines: 100,000 `<br>` around a story) was a `too_many_elements` reject, its story
    lost; the run shows as one blank line, and a browser shows the same text."""
    if int(tree.xpath(_COUNT_LINE_BREAKS)) * 2 < MAX_ELEMENTS:
        return 0  # not the bulk of the page: collapsing them cannot bring it under
    dropped = 0
    for parent in {br.getparent() for br in tree.iter("br")}:
        run = 0
        for child in list(parent):
            if child.tag != "br":
                run = 0
                continue
            run += 1
            prev = child.getprevious()
            if run > _BLANK_LINES_KEPT and prev is not None and not (prev.tail or "").strip():
                prev.tail = child.tail  # white space, or the text after the run
                parent.remove(child)
                dropped += 1
            if (child.tail or "").strip():
                run = 0
    return dropped


def extract_html(
    body: bytes | str,
    url: str | None = None,
    *,
    hint_published_at: datetime | None = None,
    hint_published_source: str | None = None,
    fetched_at: datetime | None = None,
    encoding: str | None = None,
    fallback_min_chars: int = FALLBACK_MIN_CHARS,
    extensive_dates: bool = False,
    archived: bool = False,
) -> Extracted:
    """Extract text (fast mode + full-cascade fallback) and metadata from one HTML page.

    `encoding` is the fetch stage's verdict (BOM, HTTP header, <meta>, detection, the order
    browsers use); trafilatura on its own sees only the bytes and guesses. Without it the
    bytes go to trafilatura's own detection.
    """
    joiners.ensure_kept()  # before trafilatura's first line (a flag's test after: joiners.py)
    if isinstance(body, bytes) and encoding:
        body = _XML_DECLARATION.sub("", decode(body, encoding), count=1)
    try:
        tree = parse_html(body)
    except Exception as exc:  # noqa: BLE001 -- any parser failure is a per-page reject
        return Extracted("", PageMetadata(), error=f"unparsable HTML: {type(exc).__name__}")
    if tree is None:
        return Extracted("", PageMetadata(), error="unparsable or empty HTML")
    if _hit_depth_limit(_PARSER):
        try:
            tree = _parse_deep(body)
        except Exception as exc:  # noqa: BLE001 -- any parser failure is a per-page reject
            return Extracted("", PageMetadata(),
                             error=f"unparsable HTML: {type(exc).__name__}")
        if tree is None:
            return Extracted("", PageMetadata(), reason="too_deep",
                             error=f"elements nested more than {MAX_DEPTH} levels deep")
    too_many = _too_many_elements(tree)
    if too_many and _collapse_line_breaks(tree):
        too_many = _too_many_elements(tree)
    if too_many:
        return Extracted("", PageMetadata(), reason="too_many_elements", error=too_many)
    gone = not_found_claim(tree)
    if gone:  # a soft 404: its apology and teasers were kept as an article (round 21)
        return Extracted("", PageMetadata(), reason="not_found_page", error=gone)
    # metadata first: it reads the bylines and author boxes that the pruning below removes
    try:
        meta = page_metadata(
            tree, url, hint_published_at=hint_published_at,
            hint_published_source=hint_published_source, now=fetched_at,
            extensive_dates=extensive_dates, archived=archived,
        )
    except Exception:  # noqa: BLE001 -- metadata is best effort; the text is the product
        LOG.debug("metadata failed on %s", url, exc_info=True)
        meta = PageMetadata()
    try:
        # after the metadata, which reads the dates of <time> elements: a <time> in a
        # sentence is its words, which trafilatura would delete ("met on and voted")
        keep_inline_text(tree)
        drop_caps_into_their_paragraph(tree)
        roles = marked_roles(tree)
        headings_by_role(roles["heading"])
        prune_furniture(tree, url, meta.authors)
        # (boxes no class names: buttons, AI summaries, credits, complementary regions)
        prune_callouts(tree, roles["complementary"])
        fonts_holding_blocks_as_divs(tree)  # (then its text around its blocks is loose)
        _keep_loose_text(tree)  # (a <center>'s own text before its blocks among them)
        _loose_body_text_as_paragraphs(tree)
        centers_as_blocks(tree)
        drop_link_list_labels(tree, url)
        link_lists = site_link_lists(tree, url)
        tree, text = _read_as_a_browser_shows(tree, url, _read_the_story(tree, url, meta.title))
        used_fallback = False
        short = len(text) < fallback_min_chars and _page_share(text, tree) < FALLBACK_MAX_PAGE_SHARE
        if text and not short and join_split_body(tree, text):
            # the rest of a story cut around its ads (a short text goes to the full
            # cascade, which compares it with other extractors' reading instead)
            text = _run_trafilatura(tree, url, fast=True)
        if short:
            full = _run_trafilatura(tree, url, fast=False)
            if len(full) > len(text):
                text, used_fallback = full, True
            alone = _longer_from_the_article(text, tree, url)
            if len(alone) > len(text):
                text, used_fallback = alone, True
        text = drop_link_list_lines(text, link_lists + menu_link_lists(tree, text))
        text = _with_jsonld_body(text, tree)
        if text:  # the lead under the headline, which trafilatura often leaves out
            text = with_lead(text, find_lead(tree, meta.title), meta.title)
    except Exception as exc:  # noqa: BLE001 -- a library bug on one page must not stop a batch
        LOG.debug("trafilatura failed on %s", url, exc_info=True)
        return Extracted("", PageMetadata(), error=f"trafilatura: {type(exc).__name__}: {exc}")
    if not text.strip():
        why = _frames_of(tree) or _script_rendered_of(tree)
        if why is not None:
            return Extracted("", meta, error=why)
    text = unicodedata.normalize("NFC", text)
    language, score = detect_language(text, meta.html_lang)
    return Extracted(text, meta, language, score, used_fallback)


def _read_the_story(tree: HtmlElement, url: str | None, title: str | None) -> str:
    """trafilatura's fast reading; on a page that names no container trafilatura knows,
    with the headline's story named `<article>` first (container.py), or, on such a page
    without a headline found, read again in its densest container when that holds lists,
    quotes or an opening text of its own."""
    named = name_the_headlined_story(tree, title)
    text = _run_trafilatura(tree, url, fast=True)
    if named is None:
        return _read_in_a_named_container(tree, url, text)
    if not text.strip():  # nothing in the named story: read the page as it came
        elem, tag = named
        elem.tag = tag
        text = _run_trafilatura(tree, url, fast=True)
    return text


def _read_as_a_browser_shows(tree: HtmlElement, url: str | None, text: str
                             ) -> tuple[HtmlElement, str]:
    """The page read again with the blocks a browser shows that trafilatura does not
    read: `<div>`s of sentences beside a container's `<p>`s as paragraphs
    (browserview.paragraph_divs; trafilatura reads a container's `<div>`s only while its
    `<p>`s hold little text, so "<p>..</p><div>..</div><div>..</div>" gave the first
    paragraph alone), and the runs of text between the blocks of a container holding a
    `<p>` as paragraphs of their own (`_text_runs`: "<b>Berlin.</b> The council ...<p>"
    lost the story's first paragraph, lines parted by <br>s around a "Read more" `<p>`
    all but one). Done on a copy, and the copy and its reading taken only
    when that reading keeps the first one's lines (container.reads_more): more
    paragraphs in one container can make trafilatura take that one for the story and
    leave another (a recipe lost its ingredients, a seminar page its programme)."""
    if not paragraph_divs(tree) and not _text_runs(tree):
        return tree, text
    shown = copy.deepcopy(tree)
    divs = paragraph_divs(shown)
    for div in divs:
        div.tag = "p"
    for container, before, run in _text_runs(shown):
        _wrap_run(container, before, run)
    again = _run_trafilatura(shown, url, fast=True)
    if reads_more(again, text) or _found_the_missed_story(divs, text, again):
        return shown, again
    return tree, text


# (half: a comment thread or teaser grid under a short story can outweigh it)
MISSED_STORY_SHARE = 0.5


def _found_the_missed_story(divs: list[HtmlElement], before: str, again: str) -> bool:
    """Whether the first reading missed the paragraph `<div>`s' story that the second one
    reads: none of them is in the first reading, they say at least MISSED_STORY_SHARE of
    its length, and most are in the second. A story written in `<div>`s (CNN's
    "zn-body__paragraph") beside a comment thread or a teaser grid of `<p>`s: trafilatura
    read the `<p>`s and none of the story, and the guard of `reads_more` (keep the first
    reading's lines) kept that reading."""
    texts = [" ".join(div.text_content().split()) for div in divs]
    if (sum(map(len, texts)) < MISSED_STORY_SHARE * len(before)
            or any(t[:60] in before for t in texts)):
        return False
    return sum(t[:60] in again for t in texts) >= 0.8 * len(texts)


def _read_in_a_named_container(tree: HtmlElement, url: str | None, text: str) -> str:
    """On a page trafilatura finds no container in, its fast reading gathers the `<p>`s and
    drops the story's lists and quotes: read again with the story's container named
    `<article>`, and keep that reading when it keeps the first one's text
    (container.py). The tree keeps the name only then."""
    named = name_the_story_container(tree)
    if named is None:
        return text
    inside = _run_trafilatura(tree, url, fast=True)
    if reads_more(inside, text):
        return inside
    elem, tag = named
    elem.tag = tag
    return text


def _frames_of(tree: HtmlElement) -> str | None:
    """Why a page of frames has no text, naming its frames (a `<frameset>` page shows
    other pages, each a URL of its own; its text is theirs), or None for other pages."""
    frameset = tree.find(".//frameset")
    if frameset is None:
        return None
    sources = [f.get("src") for f in frameset.iter("frame") if f.get("src")]
    shown = ", ".join(sources[:5]) + (f" and {len(sources) - 5} more" if len(sources) > 5 else "")
    return ("a frameset page: its text is in the pages its frames show "
            f"({shown or 'no frame names one'}); extract those URLs")


# What a page rendered by its scripts carries in place of its text: the data of a
# framework's app (its script turns it into the page's markup in a browser), by the id of
# the script element or the global it sets, or a template a script fills in.
_APP_DATA_IDS = {"__NEXT_DATA__": "Next.js", "__NUXT_DATA__": "Nuxt"}
_APP_STATE = re.compile(
    r"\bwindow\.(__NUXT__|__NEXT_DATA__|__INITIAL_STATE__|__PRELOADED_STATE__|"
    r"__APOLLO_STATE__|__INITIAL_DATA__)\s*=")
_APP_STATE_NAMES = {"__NUXT__": "Nuxt", "__NEXT_DATA__": "Next.js"}
_TEMPLATE_SCRIPT = re.compile(r"text/(?:x-)?(?:template|handlebars(?:-template)?|"
                              r"mustache|ng-template|x-jsrender|html)", re.I)


def _script_rendered_of(tree: HtmlElement) -> str | None:
    """Why a page with no text has none, when a script renders it: the data of a Next.js
    or Nuxt app (`__NEXT_DATA__`, `window.__NUXT__`, a store's initial state) or a template
    script (`<script type="text/x-template">`) is all the page holds, which a browser turns
    into markup and the pipeline does not run (fault round 30: "no main text found", which
    said nothing of why); None for other pages. A JSON-LD articleBody would have been
    read before this is asked (`_with_jsonld_body`)."""
    for script in tree.iter("script"):
        kind = (script.get("type") or "").strip()
        found = _APP_DATA_IDS.get(script.get("id") or "")
        if found:
            found = f"a {found} app's data, <script id={script.get('id')}>"
        elif _TEMPLATE_SCRIPT.fullmatch(kind) and _LETTER.search(script.text or ""):
            found = f'a template a script fills in, <script type="{kind}">'
        elif not kind or "javascript" in kind:
            state = _APP_STATE.search(script.text or "")
            if state:
                app = _APP_STATE_NAMES.get(state.group(1))
                found = (f"{'a ' + app + ' app' if app else 'an app'}'s data, "
                         f"window.{state.group(1)}")
        if found:
            return (f"a script-rendered page: its markup holds no text, only {found}, which "
                    "a browser's script renders and extraction does not run; take the "
                    "site's feed or a rendered copy (its JSON-LD gives no articleBody)")
    return None


def _longer_from_the_article(text: str, tree: HtmlElement, url: str | None) -> str:
    """The text of the page's one outermost <article> read alone, when that is longer
    than `text` (a short text, after the fallback); `text` otherwise.

    trafilatura deletes some containers whole before it looks for the article (an
    <aside>, a <footer>), whatever they hold: onlinemarketing.de's story sits in
    an <aside class="sidebar"> of its layout, and came out as the site's slogan, twice
    ("Dein wichtigster Touchpoint zur Digitalbranche."), in both modes. Read alone, the
    <article> is the story. (On the dev corpus, reading the <article> alone in place of
    longer texts lost more annotated snippets than it found: hence only for short ones.)"""
    articles = [a for a in tree.iter("article")
                if not any(anc.tag == "article" for anc in a.iterancestors())]
    if len(articles) != 1:
        return text
    alone = tree.makeelement("html")
    body = etree.SubElement(alone, "body")
    body.append(copy.deepcopy(articles[0]))
    own = _run_trafilatura(alone, url, fast=True)
    return own if len(own) > len(text) else text


def _with_jsonld_body(text: str, tree: HtmlElement) -> str:
    """The page's JSON-LD articleBody in place of a text of next to nothing (see
    LD_BODY_RESCUE_BELOW); `text` otherwise. (trafilatura leaves `tree` as it was.)"""
    if len(text) >= LD_BODY_RESCUE_BELOW:
        return text
    body = jsonld_article_body(jsonld_body_scripts(tree))
    if body and len(body) >= LD_BODY_MIN_RATIO * max(len(text), 1):
        return body
    return text


# Long enough for the language model to be used (tasks.common.text.LANGID_MIN_CHARS).
_WARM_TEXT = "The minister said on Tuesday that the council would meet again next week. " * 4


def warm_up(_docs: pa.Table | None = None) -> int:
    """Load now what the first pages of a run would load: the language model (~1 s the
    first time on a machine, ~0.1 s from its unpacked copy in the user's cache) and
    trafilatura's merged jusText stop list of its fallback cascade (~0.4 s). `pressroom
    ingest` calls it, in each process that will extract, while Prefect's temporary server
    starts: there it costs nothing. Same results either way: both are cached as loaded.
    (`_docs`: so that a worker pool can map it over a table like a stage's `run`.)"""
    from trafilatura import external

    selectors.ensure_installed()
    detect_language(_WARM_TEXT)
    # what trafilatura's try_justext loads on first use (left alone if that ever changes)
    if getattr(external, "JT_STOPLIST", ()) is None:
        external.jt_stoplist_init()
    return os.getpid()


def _base_row(doc: dict, url: str, canonical: str, run_id: str) -> dict:
    return {
        "article_id": article_id_for(canonical),
        "url": doc["url"] or url,
        "canonical_url": canonical,
        "domain": domain_of(canonical),
        "source_kind": doc["source_kind"],
        "source": doc["source"],
        "input_key": doc["input_key"],
        "fetched_at": doc.get("fetched_at"),
        "run_id": run_id,
    }


def article_from_dump(doc: dict, run_id: str, now: datetime | None = None) -> dict:
    """A text dump is already extracted: header date, title line and body. Its header
    date is held to the rule of every page's date: one after `now` (the fetch time, or
    the run's) plus a day, or before 1995, is no publication date: left out and flagged
    (`future` / `implausible`). Taken as it was, a dump dated 2999 failed the run (the
    search index refuses dates past 2262; data test 11 fails any future one)."""
    canonical = canonical_url(doc["url"])
    text = doc["dump_text"] or ""
    published, flags = doc.get("hint_published_at"), None
    if published is not None:
        published = as_utc(published)
        latest = as_utc(doc.get("fetched_at") or now or datetime.now(UTC)) + FUTURE_TOLERANCE
        if published > latest:
            published, flags = None, ["future"]
        elif published < EARLIEST_PLAUSIBLE:
            published, flags = None, ["implausible"]
    return {
        **_base_row(doc, doc["url"], canonical, run_id),
        "published_at": published,
        "published_at_source": doc.get("hint_published_source") if published else None,
        "published_at_flags": flags,
        "published_date": published.date() if published else None,
        "title": doc.get("hint_title"),
        "text": text,
        "word_count": word_count(text),
        "content_hash": content_hash(text),
        "extractor": DUMP_EXTRACTOR,
        "extractor_version": None,
    }


def _page_canonical(url: str, page_url: str | None) -> str:
    """The page's own rel=canonical / og:url names the article when it is on the same site,
    and is not the site's home page named by a page that is not (a template's default:
    every story then shared the home page's id, and dedup kept them as its revisions)."""
    canonical = canonical_url(url)
    declared = joined_url(url, page_url) if page_url else None
    if declared:
        try:
            page_canonical = canonical_url(declared)
            if domain_of(page_canonical) == domain_of(canonical) and not (
                    _is_home_page(page_canonical) and not _is_home_page(canonical)):
                return page_canonical
        except BadURL:
            pass
    return canonical


def _is_home_page(url: str) -> bool:
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


def article_row(doc: dict, x: Extracted, run_id: str) -> dict:
    """An ARTICLES row (text still raw: clean normalises it) from one extraction."""
    url = doc.get("final_url") or doc["url"]
    m = x.meta
    row = {
        **_base_row(doc, url, _page_canonical(url, m.canonical_url), run_id),
        "published_at": m.published_at,
        "published_at_source": m.published_at_source,
        "published_date": m.published_date,
        "published_at_confidence": m.published_at_confidence,
        "modified_at": m.modified_at,
        "title": m.title or doc.get("hint_title"),
        "authors": m.authors or None,
        "byline": m.byline,  # as the page wrote it: enrich reads agency credits from it
        "site_name": m.site_name,
        "description": m.description,
        "categories": m.categories or None,
        "tags": m.tags or None,
        "top_image": joined_url(url, m.top_image) if m.top_image else None,
        "language": x.language,
        "language_score": x.language_score,
        "text": x.text,
        "word_count": word_count(x.text),
        "content_hash": content_hash(x.text),
        "extractor": EXTRACTOR + ("+fallback" if x.used_fallback else ""),
        "extractor_version": EXTRACTOR_VERSION,
        "published_at_alternatives": [
            {"source": c.source, "value": c.value} for c in m.date_candidates
        ] or None,
        "published_at_flags": m.date_flags or None,
        "rights": doc.get("rights"),  # opt-out signals found by fetch (tasks.common.rights)
        "payload_truncated": doc.get("payload_truncated"),  # the archive kept the head only
    }
    return row


@dataclass(frozen=True)
class ExtractConfig:
    """What the extract stage uses of Settings (see there for each value's reason)."""

    allowed_content_types: list[str]
    extract_extensive_dates: bool


def _reject(doc: dict, verdict: Verdict, now: datetime, run_id: str) -> dict:
    return reject_record(doc, STAGE, verdict, run_id, at=now,
                         article_id=_safe_id(doc.get("final_url") or doc["url"]))


def archived_response_problem(doc: dict, allowed_content_types: list[str]) -> Verdict | None:
    """A reject verdict when a document that came with its body (a WARC record) is not a
    page to extract: an error status, or a content type the fetcher would refuse. Our own
    fetcher never passes such pages on; archives written by others hold all of them."""
    status = doc.get("status")
    if status is not None and not 200 <= status < 300:
        return Verdict(f"http_{status}", f"the archived response has status {status}")
    if status in (204, 205):  # the fetcher's kind for them; a 204 was "unparsable or
        # empty HTML", a 205 with a body extracted as a page (round 21)
        reason = "No Content" if status == 204 else "Reset Content: no document"
        return Verdict("no_content", f"the archived response has status {status} ({reason})")
    if status == 202:  # the fetcher's kind for it (round 20): crawls hold AWS WAF's
        # challenge pages, kept as articles or rejected as "no main text found"
        return Verdict("http_202", "the archived response has status 202 (Accepted): the "
                       "server sent no page (a bot check such as AWS WAF's challenge, or a "
                       "page still being made)")
    if "body" in doc and is_blank(doc.get("body") or b""):  # as the fetcher names it
        return Verdict("empty_body", "the archived response has no body")
    ctype = (doc.get("content_type") or "").split(";")[0].strip().lower()
    if ctype in GENERIC_PAGE_TYPES and ctype not in allowed_content_types:
        # a generic label over an HTML page is the page, as the fetcher takes it
        if not opens_as_html(doc.get("body") or b""):
            return Verdict("unsupported_content_type",
                           f"archived response is {ctype}, and the body is no HTML page")
    elif ctype and ctype not in allowed_content_types:
        return Verdict("unsupported_content_type", f"archived response is {ctype}")
    binary = binary_body_kind(doc.get("body") or b"")
    if binary is not None:
        return Verdict("unsupported_content_type",
                       f"archived response is {ctype or 'unlabelled'}, but the body is {binary}")
    blocked = block_page(doc.get("body") or b"")
    if blocked is not None:  # the fetcher's kind for it (round 51): crawls hold them too
        return Verdict("blocked_page", f"the archived response is {blocked}, not the page")
    return None


def run(docs: pa.Table, config: ExtractConfig, run_id: str) -> StageResult:
    """Documents -> article rows; a page with no text or that is a listing is a reject."""
    selectors.ensure_installed()  # same text, ~17% less CPU per page (selectors.py)
    rows, rejects = [], []
    now = datetime.now(UTC)
    for doc in docs.to_pylist():
        try:
            if doc["source_kind"] == "dump":
                rows.append(article_from_dump(doc, run_id, now))
                continue
            unusable = archived_response_problem(doc, config.allowed_content_types)
            if unusable:
                rejects.append(_reject(doc, unusable, now, run_id))
                continue
            url = doc.get("final_url") or doc["url"]
            x = extract_html(
                doc["body"] or b"", url,
                hint_published_at=doc.get("hint_published_at"),
                hint_published_source=doc.get("hint_published_source"),
                fetched_at=doc.get("fetched_at"),
                encoding=doc.get("encoding"),
                extensive_dates=config.extract_extensive_dates,
                # a WARC record's date is a (weak) claim of its own: the archive's crawl day
                archived=doc["source_kind"] == "warc",
            )
            verdict = (Verdict(x.reason, x.error) if x.error and x.reason != "extraction_failed"
                       else extraction_failed(x.text, x.error)) or not_article(
                x.text, url, x.meta.page_type
            )
            if verdict:
                rejects.append(_reject(doc, verdict, now, run_id))
                continue
            rows.append(article_row(doc, x, run_id))
        except MemoryError as exc:  # the process's limit, not the page's fault (round 37)
            verdict = out_of_memory(exc, len(doc.get("body") or b""), memory_limit(), run_id)
            rejects.append(_reject(doc, verdict, now, run_id))
        except Exception as exc:  # noqa: BLE001 - one bad page must not stop the batch
            verdict = Verdict("extraction_failed", f"{type(exc).__name__}: {exc}")
            rejects.append(_reject(doc, verdict, now, run_id))
    return StageResult(STAGE, conform(rows, ARTICLES, "articles"), docs.num_rows, rejects)


def memory_limit() -> int | None:
    """The process's limit of address space in bytes (RLIMIT_AS; None: none, or not POSIX)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return None
    soft, _hard = resource.getrlimit(resource.RLIMIT_AS)
    return None if soft == resource.RLIM_INFINITY else soft


def _safe_id(url: str | None) -> str | None:
    try:
        return article_id_for(canonical_url(url)) if url else None
    except BadURL:
        return None
