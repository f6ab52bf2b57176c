"""Extraction filters: each returns a Verdict (a reject reason) or None.

Every filter is deliberately conservative: a rejected page is lost to the warehouse, and a
wrong reject costs more than keeping a weak page (the dedup and report stages can still
flag it). So a filter only fires on clear evidence, and `not_article` needs two independent
signals (a listing URL or page type, *and* a text that looks like a list of teasers),
because either alone also matches real articles (poems, lyrics, FAQs, live tickers).

Reason codes (the REJECTS.reason column):
    extraction_failed  nothing usable came out of the page
    out_of_memory      the process's memory ran out while the page was extracted
    not_article        an index, tag, category, author, archive or search page
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from tasks.common.result import Verdict
from tasks.common.text import word_count

# Path segments of listing pages in the CMSs that carry most news (WordPress, Drupal, Arc,
# Typo3...) in the languages we ingest. A whole segment must match, so '/tagesschau/' or
# '/category-leader-wins.html' do not.
_LISTING_SEGMENT = re.compile(
    r"^(?:tags?|topics?|themen|thema|category|categories|kategorie|kategorien|rubrik"
    r"|schlagw(?:o|ö)rt(?:er)?|stichw(?:o|ö)rt|author|authors|autor|autoren|autorin|archives?"
    r"|archiv|search|suche|buscar|busqueda|recherche|etiqueta|etiquetas|categoria|categorie"
    r"|tema|temas|tagi?|kategoria|page|seite|pagina)$",
    re.IGNORECASE,
)
_SEARCH_QUERY = re.compile(r"(?:^|&)(?:s|q|query|search|suche|keyword|keywords)=", re.I)
_LISTING_PAGE_TYPES = {"collectionpage", "searchresultspage", "itemlist", "profilepage"}

# A teaser list: most blocks are short (a headline, a date, "Read more") and none is a
# real paragraph. 60% / 60 words keep articles with a few short headings or list items.
LISTING_SHORT_BLOCK_WORDS = 12
LISTING_SHORT_SHARE = 0.6
LISTING_MAX_BLOCK_WORDS = 60


def extraction_failed(text: str, error: str | None = None) -> Verdict | None:
    """Nothing usable: the extractor errored or returned no text."""
    if error:
        return Verdict("extraction_failed", error[:300])
    if not text.strip():
        return Verdict("extraction_failed", "no main text found")
    return None


def out_of_memory(exc: MemoryError, body_bytes: int, limit: int | None, run_id: str) -> Verdict:
    """A page whose extraction ran out of memory: the process's limit (RLIMIT_AS, `ulimit
    -v`, a batch system's) is named, and how to get the page back, since it is no fault of
    the page's. Under `ulimit -v` of 2 GiB every page of a batch was `extraction_failed`
    "MemoryError: Unable to allocate 37.4 MiB ...", as if the pages had no text (fault
    round 37); the fetch of each is settled, so no later run fetches it again, and only
    `reprocess` brings it back from the raw archive."""
    limit_words = (f"this process may use {limit / 2**30:.1f} GiB (ulimit -v)" if limit
                   else "no limit was set on this process's memory")
    return Verdict("out_of_memory",
                   f"{type(exc).__name__}: {str(exc)[:80]} (a page of {body_bytes:,} bytes; "
                   f"{limit_words}): raise the limit, then `pressroom reprocess --run "
                   f"{run_id}` extracts it from the archive")


def is_listing_url(url: str | None) -> bool:
    """A site's front page, or a tag/category/author/archive/search/pagination URL."""
    if not url:
        return False
    parts = urlsplit(url)
    path = parts.path
    # A path of slashes only ("", "/", "//": servers fold them) is the front page.
    if not path.strip("/") or re.fullmatch(r"/(?:index|default|home)\.\w{2,5}", path, re.I):
        return not parts.query or bool(_SEARCH_QUERY.search(parts.query))
    if _SEARCH_QUERY.search(parts.query or ""):
        return True
    return any(_LISTING_SEGMENT.match(s) for s in path.split("/") if s)


def looks_like_listing(text: str) -> bool:
    """Mostly short blocks and no real paragraph: a list of teasers, not an article."""
    blocks = [b for b in re.split(r"\n\s*\n|\n", text) if b.strip()]
    if len(blocks) < 5:
        return False
    sizes = [word_count(b) for b in blocks]
    short = sum(n <= LISTING_SHORT_BLOCK_WORDS for n in sizes) / len(sizes)
    return short >= LISTING_SHORT_SHARE and max(sizes) < LISTING_MAX_BLOCK_WORDS


def not_article(text: str, url: str | None, page_type: str | None = None) -> Verdict | None:
    """An index, tag, category, author, archive or search page (two signals required)."""
    typed = (page_type or "").lower().replace("schema:", "") in _LISTING_PAGE_TYPES
    if (typed or is_listing_url(url)) and looks_like_listing(text):
        why = f"page type {page_type}" if typed else f"listing URL {url}"
        return Verdict("not_article", f"{why} and a teaser-list text")
    return None
