"""The article's lead (standfirst): the summary paragraph between the headline and the body.

trafilatura often leaves it out: it sits in the page's header block beside the headline
rather than in the body block trafilatura picks, or its class names it a "teaser", which
trafilatura's discard rules drop. On the dev corpus's half 0 it was the largest single
class of missing `with` snippets (BENCHMARKS.md, issue 13 round 4). It is the article's
own text, so when the extracted text lacks it, it goes in front.

What makes an element the lead, each test against a way it went wrong on half 0:
- it follows the page's headline (the first <h1>, which must agree with the title the
  metadata chose: on a blog front page the <h1> is the site name, and the "lead" after it
  the site's motto) within the next MAX_ELEMENTS_AFTER_H1 elements;
- its class or id names a lead (`_LEAD`), or it is a paragraph of the <header> that holds
  the headline, and its class or id does not name a byline, date, caption, comment or
  sidebar (`_NOT_LEAD`);
- it is a block of prose: MIN_CHARS to MAX_CHARS of text ending like a sentence, mostly
  not link text, with no script inside (ad and tracking snippets sit in "intro" boxes),
  not inside a link, list, figure, navigation or aside (teaser cards and captions).
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

# The lead's class/id, in the page-builder and CMS spellings met on news sites
# (Vorspann/Anriss in German, chapeau in French, entradilla/bajada/sumario in Spanish).
_LEAD = re.compile(
    r"lead|intro|excerpt|teaser|abstract|standfirst|preface|summary|description|deck"
    r"|subline|sub-?title|subhead|vorspann|anriss|chapeau|entradilla|bajada|sumario"
)
# ... unless it names what sits beside the lead in the header (the byline, the date, the
# photo's caption) or a box of its own.
_NOT_LEAD = re.compile(r"author|byline|date|meta|copyright|credit|caption|comment|widget|sidebar")
_LEAD_TAGS = frozenset({"p", "div", "h2", "h3", "span", "section", "strong"})
_NOT_INSIDE = frozenset({"a", "ul", "ol", "li", "nav", "aside", "figure", "figcaption",
                         "footer", "form", "button"})
_CODE_TAGS = ("script", "style", "noscript", "iframe")

# The lead comes right after the headline: a kicker, a date, a share row and a picture
# in between are some 10-30 elements; further down, a "summary" is another story's.
MAX_ELEMENTS_AFTER_H1 = 40
# A sentence at least, and no more than a long paragraph (a whole article in an
# "intro" wrapper is the body, which trafilatura has).
MIN_CHARS = 40
MAX_CHARS = 1000
_SENTENCE_END = re.compile(r"[.!?…:;\"“”»«)]$")
# How much of the lead's start (without spaces) must be found in the text for it to count
# as present.
_PRESENT_PREFIX = 60


def _norm(text: str) -> str:
    return " ".join(text.split())


# What may differ between the lead read from the tree and trafilatura's copy of it: the
# spaces between inline elements ("15:30 Uhr" / "15:30 UhrAm") and the soft hyphens and
# zero-width marks trafilatura removes. The presence test ignores them, so that a lead the
# text already has is not added twice.
_INVISIBLE = re.compile(r"[\s\u00ad\u200b-\u200d\u2060\ufeff]+")
_WORD = re.compile(r"\w+")


def _squash(text: str) -> str:
    return _INVISIBLE.sub("", text)


def _agrees_with_title(h1: HtmlElement, title: str | None) -> bool:
    """The <h1> is the article's headline: most of its words are the title's (or of the
    title's words, when the title is the shorter)."""
    if not title:
        return True
    h1_words = set(_norm(h1.text_content()).lower().split())
    title_words = set(title.lower().split())
    return len(h1_words & title_words) >= 0.6 * min(len(h1_words), len(title_words))


def _is_lead_block(elem: HtmlElement, header: HtmlElement | None) -> bool:
    """Named a lead in its class/id, or a paragraph of the headline's own <header> (the
    dek under the <h1>, which needs no class to say what it is)."""
    marks = f"{elem.get('class') or ''} {elem.get('id') or ''}".lower()
    if _NOT_LEAD.search(marks):
        return False
    if elem.tag in _LEAD_TAGS and _LEAD.search(marks):
        return True
    return elem.tag == "p" and header is not None and any(
        anc is header for anc in elem.iterancestors("header"))


def _lead_text(elem: HtmlElement) -> str | None:
    """The element's text when it reads as a lead paragraph, else None."""
    if any(anc.tag in _NOT_INSIDE for anc in elem.iterancestors()):
        return None
    if any(True for _ in elem.iter(*_CODE_TAGS)):
        return None
    text = _norm(elem.text_content())
    if not MIN_CHARS <= len(text) <= MAX_CHARS or not _SENTENCE_END.search(text):
        return None
    link_chars = sum(len(_norm(a.text_content())) for a in elem.iter("a"))
    return None if link_chars > 0.5 * len(text) else text


def find_lead(tree: HtmlElement, title: str | None = None) -> str | None:
    """The text of the lead paragraph under the page's headline, or None."""
    body = tree.find("body")
    if body is None:
        return None
    h1 = next((h for h in body.iter("h1") if len(h.text_content().split()) >= 2), None)
    if h1 is None or not _agrees_with_title(h1, title):
        return None
    header = next(h1.iterancestors("header"), None)
    inside_h1 = set(h1.iter())
    started, after = False, 0
    for elem in body.iter():
        if elem is h1:
            started = True
        if not started or elem in inside_h1 or not isinstance(elem.tag, str):
            continue
        after += 1
        if after > MAX_ELEMENTS_AFTER_H1:
            return None
        if _is_lead_block(elem, header):
            text = _lead_text(elem)
            if text is not None:
                return text
    return None


def _words(text: str) -> str:
    """Words only, case-folded: the headline line against the title."""
    return " ".join(_WORD.findall(text.casefold()))


def with_lead(text: str, lead: str | None, title: str | None = None) -> str:
    """`text` (one block a line) with the lead in front, unless it has it: after the
    headline when the text opens with it (the clean stage drops a first block equal to the
    title, which has its own column), else as the first block. An empty text stays empty:
    a lead alone is no article (the page's filters decide)."""
    if not lead or not text or _squash(lead)[:_PRESENT_PREFIX] in _squash(text):
        return text
    first, _, rest = text.partition("\n")
    if title and rest and _words(first) == _words(title):
        return f"{first}\n{lead}\n{rest}"
    return f"{lead}\n{text}"
