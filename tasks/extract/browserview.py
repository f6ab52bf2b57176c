"""Markup that libxml2 or trafilatura read otherwise than a browser shows it, rewritten
into what the reader sees.

libxml2's HTML parser knows HTML 4 and its own habits; these forms it reads otherwise
than a browser does, and the page's text was lost or left out (fault round 17):
- `<xmp>` (an obsolete element for code samples, still shown by every browser: its text
  as written, markup included) is read by libxml2 as elements, then left out by
  trafilatura: `_xmp_as_pre`;
- XHTML written with a namespace prefix (`<h:html xmlns:h="http://www.w3.org/1999/xhtml">
  <h:body><h:p>`, a generator's output, valid XML) is no element libxml2's HTML parser
  knows (`h:p`): no text at all. Browsers reading it as XML show it as XHTML:
  `_unprefix_xhtml`;
- a frameset page's `<noframes>` (the page's own text for a reader without frames) is
  raw text to libxml2, its markup escaped and its text never read: `_noframes_as_body`.

Each is a pure str -> str pass, run on the decoded page before `parse_html` parses it,
and returns the page itself (the same object) when it has nothing to rewrite. One more
pass works on the parsed tree:
- an inline quotation, `<q>`, which browsers show in quotation marks inside its
  sentence, trafilatura takes for a block quotation: the sentence cut into three
  paragraphs and the marks lost (`unwrap_quotations`).
"""

from __future__ import annotations

import bisect
import re
from html import escape

from lxml.etree import XPath
from lxml.html import HtmlElement

# --- <xmp> -----------------------------------------------------------------------------

_XMP = re.compile(r"<xmp\b[^>]*>(.*?)</xmp\s*>", re.IGNORECASE | re.DOTALL)
# The end tag in any case ("</xmp>", "</XMP>", "</Xmp>"): one search, quicker over a page
# than two substring tests (77 against 195 µs over a 215 KB page).
_XMP_END = re.compile(r"</xmp", re.IGNORECASE)
_SCRIPT_TAG = re.compile(r"<(/?)script\b", re.IGNORECASE)


def script_bounds(html: str) -> list[int]:
    """Where each script's code starts and ends, in turn (an even count of positions
    before a place: outside any script); a script never closed runs to the end."""
    bounds: list[int] = []
    for m in _SCRIPT_TAG.finditer(html):
        if bool(m.group(1)) == (len(bounds) % 2 == 1):  # </script in one, <script out
            bounds.append(m.start())
    return bounds


def _xmp_as_pre(html: str) -> str:
    """`html` with each closed `<xmp>` block written as a `<pre>` of its text, escaped.

    Browsers show what an `<xmp>` holds as text, exactly as written (HTML's raw text, the
    one tag that ends it `</xmp>`), in a monospaced block, as they show a `<pre>`. libxml2
    parsed it as markup and trafilatura then left the block out: a story's code sample
    (`if (a < b) ...`) was missing from its text, and a sample of HTML inside it
    (`<html><title>...</html>`) was read as the page's own markup. An `<xmp>` never
    closed, or one inside a script's code, is left as it is."""
    if not _XMP_END.search(html):  # only a closed block is rewritten
        return html
    scripts: list[int] | None = None
    parts, last = [], 0
    for m in _XMP.finditer(html):
        if scripts is None:
            scripts = script_bounds(html)
        if bisect.bisect_right(scripts, m.start()) % 2:
            continue  # in a script's code: its text, not the page's markup
        parts += (html[last:m.start()], "<pre>", escape(m.group(1), quote=False), "</pre>")
        last = m.end()
    if not parts:
        return html
    parts.append(html[last:])
    return "".join(parts)


# --- XHTML with a namespace prefix --------------------------------------------------------

_XHTML_PREFIX = re.compile(
    r"""xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']\s*http://www\.w3\.org/1999/xhtml\s*["']""")


def _unprefix_xhtml(html: str) -> str:
    """`html` with the tags of each namespace prefix bound to XHTML's namespace written
    without it (`<h:p>` as `<p>`, `</h:p>` as `</p>`).

    `<h:html xmlns:h="http://www.w3.org/1999/xhtml"><h:body><h:p>` is valid XHTML, which
    browsers render as they render `<html><body><p>`. libxml2's HTML parser takes `h:p`
    for an unknown element: trafilatura found no paragraph, and the page was
    `extraction_failed` "no main text found". Tags of other prefixes (`<svg:rect>`,
    `<m:math>`) and the declarations themselves are left as they are."""
    prefixes, at = set(), html.find("xmlns:")
    while at >= 0:  # a declaration's few places, not a regex over the page (0.8 ms)
        if m := _XHTML_PREFIX.match(html, at):
            prefixes.add(m.group(1))
        at = html.find("xmlns:", at + 6)
    if not prefixes:
        return html
    names = "|".join(map(re.escape, sorted(prefixes)))
    tag = re.compile(rf"<(/?)(?:{names}):(?=[A-Za-z])")
    return tag.sub(r"<\1", html)


# --- <noframes> -------------------------------------------------------------------------

_NOFRAMES = re.compile(r"<noframes\b[^>]*>(.*?)</noframes\s*>", re.IGNORECASE | re.DOTALL)
_NOFRAMES_END = re.compile(r"</noframes", re.IGNORECASE)
_FRAMESET_START = re.compile(r"<frameset\b", re.IGNORECASE)
_FRAMESET_END = re.compile(r"</frameset\s*>", re.IGNORECASE)
_BODY_TAG = re.compile(r"</?body\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")
# A `<noframes>` of fewer words than this is the usual notice ("This site uses frames,
# but your browser does not support them. View the menu."): left alone, so that the
# page stays the frameset reject that names its frames (round 16), not a `too_short`
# reject of the notice. 25 is the clean stage's default min_words: a text of fewer
# would be rejected anyway.
NOFRAMES_MIN_WORDS = 25


def _noframes_as_body(html: str) -> str:
    """`html` with the text of a frameset page's `<noframes>` put in a `<body>` after
    the frameset, where libxml2 reads it as markup; the frameset itself stays.

    A `<frameset>` page shows other pages; its `<noframes>` is the page's own text, what
    a reader without frames (a text browser, a search engine) is shown: often the whole
    story, or the site's front page. libxml2 keeps it as raw text (its markup escaped),
    trafilatura never reads it, and the page was a reject naming its frames while its
    own text was there. Only the first `<noframes>` of at least NOFRAMES_MIN_WORDS
    words; pages without a `<frameset>` are untouched (a browser with frames hides a
    `<noframes>`)."""
    if not _NOFRAMES_END.search(html) or not _FRAMESET_START.search(html):
        return html
    for m in _NOFRAMES.finditer(html):
        inner = _BODY_TAG.sub("", m.group(1))
        if len(_ANY_TAG.sub(" ", inner).split()) < NOFRAMES_MIN_WORDS:
            continue
        rest = html[:m.start()] + html[m.end():]
        ends = list(_FRAMESET_END.finditer(rest))
        at = ends[-1].end() if ends else m.start()
        return f"{rest[:at]}<body>{inner}</body>{rest[at:]}"
    return html


def read_as_browsers_show(html: str) -> str:
    """`html` after the three passes above (`<xmp>` first: the HTML of a code sample is
    the sample's text, never the page's markup)."""
    return _noframes_as_body(_unprefix_xhtml(_xmp_as_pre(html)))


# --- <q> ----------------------------------------------------------------------------------

# Marks that open or close a quotation in the languages of the corpus; a page that
# writes them around its <q> itself (`„<q>...</q>“`, as German pages do) gets no more.
_QUOTE_MARKS = frozenset("\"'“”„‟«»‹›‘’‚「」『』")
# A <q> holding blocks is a box a layout named so (mondediplo's "Lire aussi" box, a
# `<q class="lire_aussi">` around a paragraph), not a quotation in a sentence: left.
_BLOCKS = ("p", "div", "section", "article", "aside", "header", "footer", "nav", "ul", "ol",
           "li", "dl", "table", "blockquote", "figure", "pre", "form", "h1", "h2", "h3", "h4",
           "h5", "h6")
# What browsers show around a <q> (the CSS `quotes` of English: outer and nested pairs).
_MARKS = (("“", "”"), ("‘", "’"))


def unwrap_quotations(tree: HtmlElement) -> int:
    """Replace each `<q>` element by its content in quotation marks, as browsers show
    it; how many were unwrapped.

    trafilatura reads `<q>` as it reads `<blockquote>`, a block of its own: "she said
    <q>we will build it</q> on Tuesday" came out as three lines, "she said", "we will
    build it", "on Tuesday.", and without the marks; the quote step (tasks.enrich.quotes
    pairs marks within a paragraph) then found neither quote nor speaker. On the dev
    corpus two German agency pages (bsi.de, bka.de) lost their quotes that way:
    "„\n\nWer optimal schützen will, ...\n\n“, sagt Dr. Georg Schneider". Marks are added
    only where the page writes none of its own right around the element; a `<q>` that
    holds blocks (a layout's box) is left as it is."""
    quotes = [(q, sum(1 for _ in q.iterancestors("q"))) for q in tree.iter("q")
              if next(q.iter(*_BLOCKS), None) is None]
    for q, depth in quotes:  # depths first: unwrapping an outer <q> changes them
        opening, closing = _MARKS[depth % 2]
        before = _text_before(q).rstrip()
        inner_start = (q.text or "").lstrip()
        if not (before[-1:] in _QUOTE_MARKS or inner_start[:1] in _QUOTE_MARKS):
            q.text = opening + (q.text or "")
            if len(q):
                q[-1].tail = (q[-1].tail or "") + closing
            else:
                q.text += closing
        q.drop_tag()
    return len(quotes)


def _text_before(elem: HtmlElement) -> str:
    """The text right before `elem` in its parent (its previous sibling's tail, or the
    parent's own text)."""
    prev = elem.getprevious()
    if prev is not None:
        return prev.tail or ""
    parent = elem.getparent()
    return (parent.text or "") if parent is not None else ""


# Elements a page marks as headings for assistive technology: `<div role="heading"
# aria-level="3">More Great WIRED Stories</div>`. trafilatura reads tags, not roles, and
# dropped such a text-only <div> in the article block; as a heading it is a line of the
# text (a subheading of the story, or the label the clean stage reads before a list of
# teasers). Inline or block containers only: a real <h2> keeps its own level.
_ROLE_HEADING_TAGS = frozenset({"div", "span", "p"})
DEFAULT_ARIA_LEVEL = 2  # ARIA's implicit level of a role="heading"
# in libxml2, from the attributes: ElementPath's `.//*[@role='heading']` tests each element
# in Python (0.50 ms a dev page, mean of 990; this 0.22 ms; `descendant::*[...]` 0.33 ms).
# The roles the extract stage reads, in one pass: a heading, and a region complementary
# to the main content (ARIA's <aside>: callouts.prune_callouts).
_MARKED_ROLES = XPath("//@role[.='heading' or .='complementary']/..")


def marked_roles(tree: HtmlElement) -> dict[str, list[HtmlElement]]:
    """The elements `role="heading"` and `role="complementary"` mark, by role."""
    found: dict[str, list[HtmlElement]] = {"heading": [], "complementary": []}
    for elem in _MARKED_ROLES(tree):
        found[elem.get("role")].append(elem)
    return found


def headings_by_role(marked: list[HtmlElement]) -> int:
    """Make each text-only `role="heading"` element of `marked` an `<h1>`-`<h6>` of its
    aria-level; how many were made."""
    made = 0
    for elem in marked:
        if elem.tag not in _ROLE_HEADING_TAGS or next(
                elem.iterdescendants(*_BLOCKS), None) is not None:
            continue
        level = (elem.get("aria-level") or "").strip()
        level = int(level) if level.isdigit() and 1 <= int(level) <= 6 else DEFAULT_ARIA_LEVEL
        elem.tag = f"h{level}"
        made += 1
    return made


# `<center>`, obsolete but still shown by every browser as a block of its own (a `<div>`
# centred). trafilatura knows no such tag: it reads its text as loose text of the
# parent, so a page written as `<center>` paragraphs came out glued into one
# ("...over years.The council debated...") with its headline in it. A `<center>` of
# text only is a paragraph; one holding blocks (a table, paragraphs) a `<div>`. Dev
# corpus: 39 pages hold a `<center>`, one text changed (a centred "Empfohlen" label
# became a line, which the clean stage drops as a teaser heading).
def centers_as_blocks(tree: HtmlElement) -> int:
    """Retag each `<center>` as the block browsers show: `<p>` when it holds no block,
    else `<div>`; how many."""
    centers = list(tree.iter("center"))
    for elem in centers:
        elem.tag = "div" if next(elem.iterdescendants(*_BLOCKS), None) is not None else "p"
    return len(centers)


# A `<font>` around blocks: old pages (and editors' pastes) wrap a whole story, its
# `<br>`-parted lines and the boxes between them, in one `<font face=...>`. Browsers lay
# the blocks out as blocks whatever the inline element around them; trafilatura reads a
# `<font>` as inline text and lost the lines around the boxes ("<font>line<br><br><div>
# box</div>line<br><br>...</font>": the story's first lines went).
def fonts_holding_blocks_as_divs(tree: HtmlElement) -> int:
    """Retag as `<div>` each `<font>` that holds a block; how many."""
    fonts = [elem for elem in tree.iter("font")
             if next(elem.iterdescendants(*_BLOCKS), None) is not None]
    for elem in fonts:
        elem.tag = "div"
    return len(fonts)


# `<div>`s of text beside the `<p>`s of their container are paragraphs as a browser shows
# them: an editor's paste or an older CMS writes a story's first paragraph as a `<p>` and
# the rest as `<div>`s ("<p>..</p><div>..</div><div>..</div>"). trafilatura reads a
# container's `<div>`s only when its `<p>`s hold little text (under three times its
# minimum size), so such a story kept its first paragraph alone. Two such `<div>`s at
# least, each a sentence's end and MIN_TEXT_DIV_CHARS long: one `<div>` of text beside
# paragraphs is a caption, a source line, a disclaimer or a box's pitch (dev corpus: a
# picture's "(REUTERS/...)" captions, "Quelle: ... Foto: ...", "Tags: ...").
MIN_TEXT_DIV_CHARS = 80
MIN_TEXT_DIVS = 2
_SENTENCE_END = re.compile(r"[.!?…][\"”»’']?$")


def paragraph_divs(tree: HtmlElement) -> list[HtmlElement]:
    """The `<div>`s holding text and inline elements only (sentences of MIN_TEXT_DIV_CHARS)
    of each container that holds a `<p>` of its own and MIN_TEXT_DIVS such `<div>`s, to
    read as paragraphs."""
    containers = {id(p.getparent()): p.getparent() for p in tree.iter("p")
                  if p.getparent() is not None}
    found = []
    for container in containers.values():
        divs = [child for child in container.iterchildren("div") if _is_a_paragraph(child)]
        if len(divs) >= MIN_TEXT_DIVS:
            found += divs
    return found


def _is_a_paragraph(div: HtmlElement) -> bool:
    if next(div.iterdescendants(*_BLOCKS), None) is not None:
        return False
    text = div.text_content().strip()
    return len(text) >= MIN_TEXT_DIV_CHARS and _SENTENCE_END.search(text) is not None
