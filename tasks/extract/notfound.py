"""Pages that say they are not there: a site's "page not found" page served with a 200.

Many news CMSs answer a removed or mistyped article with their 404 template and status
200 (a "soft 404"). Fetched, it was a page like any other, and its text (the apology and
the "most read" teasers under it, some 380 words) was kept as an article titled "Page
not found" or "404" (fault round 21). The template says so where a reader looks first:
the `<title>` (beside the site's name) or the first `<h1>`. The phrases are data
(data/not_found_phrases.txt); a phrase counts only as a whole title segment or the
whole heading, so a headline about an error 404 is no such page.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from lxml.html import HtmlElement

# What sits between a title's parts: "Page not found | The Gazette", "404 - Site",
# "Seite nicht gefunden – Der Anzeiger", "Site » Not found".
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-–—·•»/:]{1,2})\s+|\s*[|·•»]\s*")
_NOT_A_LETTER = re.compile(r"[\W_]+")
# A title or heading longer than this is a sentence of some story, not a template's.
_MAX_CHARS = 120
# The longest part of a title beside the claim: the site's name, or its slogan.
SITE_NAME_MAX_WORDS = 5


def _words(text: str) -> str:
    """`text` as the phrases are compared: NFKC, lower case, every run of characters other
    than letters and digits one space (apostrophes and "!" included)."""
    return _NOT_A_LETTER.sub(" ", unicodedata.normalize("NFKC", text).lower()).strip()


def _load_phrases() -> frozenset[str]:
    path = Path(__file__).parent / "data" / "not_found_phrases.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(_words(line) for line in lines if line.strip() and not line.startswith("#"))


PHRASES = _load_phrases()


def _says_not_found(text: str, *, segments: bool) -> bool:
    text = " ".join(text.split())
    if not text or len(text) > _MAX_CHARS:
        return False
    if _words(text) in PHRASES:
        return True
    if not segments:
        return False
    parts = [p for p in _TITLE_SEPARATOR.split(text) if p.strip()]
    if len(parts) < 2:
        return False
    # the site's name is on one side: the claim is the first part or the last, and what
    # else the title holds is a name ("| The Gazette | News from the harbour"), not a
    # headline's second half ("Not found – the story of a submarine lost in 1968")
    for claim, rest in ((parts[0], parts[1:]), (parts[-1], parts[:-1])):
        if _words(claim) in PHRASES and all(
                len(_words(part).split()) <= SITE_NAME_MAX_WORDS for part in rest):
            return True
    return False


def _headline_opening_with_a_claim(heading: str) -> bool:
    """The `<h1>` is a story's headline whose first part is a phrase and a subtitle
    follows ("Not found – Oslo's missing statue"): the `<title>` segment that repeats
    that first part is the headline's, not a 404 template's claim (whose `<h1>` is the
    phrase alone, or an apology)."""
    parts = [p for p in _TITLE_SEPARATOR.split(" ".join(heading.split())) if p.strip()]
    return len(parts) > 1 and _words(parts[0]) in PHRASES


def not_found_claim(tree: HtmlElement) -> str | None:
    """Why the page is its site's "not found" page (None: nothing says so): its `<title>`
    (a whole segment of it) or its first `<h1>` is one of `PHRASES`."""
    heading = next(tree.iter("h1"), None)
    heading_text = (heading.text_content() if heading is not None else "") or ""
    title = tree.find(".//title")
    title_text = (title.text_content() if title is not None else "") or ""
    if _says_not_found(title_text, segments=True) and not _headline_opening_with_a_claim(
            heading_text):
        return (f"the page's <title> {' '.join(title_text.split())[:_MAX_CHARS]!r} says it is "
                "not there: a site's 404 page served with status 200")
    if _says_not_found(heading_text, segments=False):
        return (f"the page's <h1> {' '.join(heading_text.split())[:_MAX_CHARS]!r} says it is "
                "not there: a site's 404 page served with status 200")
    return None
