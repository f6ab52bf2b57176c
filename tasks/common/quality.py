"""Quality filters: each returns a reject reason code or None.

Every filter is deliberately conservative: a rejected page is lost to the warehouse, and a
wrong reject costs more than keeping a weak page (the dedup and report stages can still
flag it). So a filter only fires on clear evidence, and `not_article` needs two independent
signals (a listing URL or page type, *and* a text that looks like a list of teasers),
because either alone also matches real articles (poems, lyrics, FAQs, live tickers).

Reason codes (the REJECTS.reason column):
    extraction_failed  nothing usable came out of the page
    too_short          fewer words than settings.min_words after cleaning
    wrong_language     detected language not in settings.target_languages (when set)
    not_article        an index, tag, category, author, archive or search page
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

_WORD = re.compile(r"\w+")

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


@dataclass(frozen=True)
class Verdict:
    """A reject: a reason code and a detail for a person."""

    reason: str
    detail: str


# Chinese and Japanese are written without spaces: a whitespace count sees a whole
# paragraph as one "word". ~2 characters per word is the usual rule of thumb for both.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CJK_CHARS_PER_WORD = 2


def word_count(text: str) -> int:
    """ARTICLES.word_count, also what the length filter counts: whitespace tokens, plus
    CJK characters / 2 for scripts without spaces (a Chinese article is not 'too short',
    and its reading time is not a few seconds)."""
    cjk = len(_CJK.findall(text))
    if not cjk:
        return len(text.split())
    return len(_CJK.sub(" ", text).split()) + cjk // CJK_CHARS_PER_WORD


def extraction_failed(text: str, error: str | None = None) -> Verdict | None:
    """Nothing usable: the extractor errored or returned no text."""
    if error:
        return Verdict("extraction_failed", error[:300])
    if not text.strip():
        return Verdict("extraction_failed", "no main text found")
    return None


def too_short(text: str, min_words: int) -> Verdict | None:
    """Teasers, captions, paywall stubs and error pages are shorter than a news article."""
    n = word_count(text)
    if n < min_words:
        return Verdict("too_short", f"{n} words < min_words={min_words}")
    return None


def wrong_language(
    language: str | None, target_languages: Sequence[str], score: float | None = None
) -> Verdict | None:
    """Reject a confidently detected language outside the configured targets.

    An unknown language (too little text, no <html lang>) is kept: a filter must not drop
    what it cannot judge.
    """
    if not target_languages or not language:
        return None
    targets = {t.lower().split("-")[0] for t in target_languages}
    if language.lower() not in targets:
        conf = f" (p={score:.2f})" if score is not None else ""
        return Verdict("wrong_language", f"{language}{conf} not in {sorted(targets)}")
    return None


def is_listing_url(url: str | None) -> bool:
    """A site's front page, or a tag/category/author/archive/search/pagination URL."""
    if not url:
        return False
    parts = urlsplit(url)
    path = parts.path or "/"
    if path in ("/", "") or re.fullmatch(r"/(?:index|default|home)\.\w{2,5}", path, re.I):
        return not parts.query or bool(_SEARCH_QUERY.search(parts.query))
    if _SEARCH_QUERY.search(parts.query or ""):
        return True
    segments = [s for s in path.split("/") if s]
    return any(_LISTING_SEGMENT.match(s) for s in segments[:-1]) or bool(
        _LISTING_SEGMENT.match(segments[-1]) if segments else False
    )


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


# py3langid needs some text to be reliable; below this we trust <html lang> instead.
LANGID_MIN_CHARS = 200
# A few paragraphs decide; cost grows with length (at 3000 chars it was 9% of the stage).
LANGID_MAX_CHARS = 1000


@lru_cache(maxsize=1)
def _lang_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, html_lang: str | None = None) -> tuple[str | None, float | None]:
    """ISO 639-1 code and probability; the page's <html lang> (no score) for short texts."""
    if len(text) >= LANGID_MIN_CHARS:
        lang, prob = _lang_identifier().classify(text[:LANGID_MAX_CHARS])
        return lang, float(prob)
    if html_lang:
        code = html_lang.replace("_", "-").split("-")[0].lower()
        return (code if code.isalpha() and 2 <= len(code) <= 3 else None), None
    return None, None
