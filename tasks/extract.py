"""Extract stage: article text and metadata from fetched HTML, in one parse.

Strategy (measured on the dev corpus, figures in bench/results/feat-extract.md):

1. Parse once (trafilatura's `load_html`: charset detection, repair of broken markup).
2. Text: trafilatura in *fast* mode (no readability/jusText comparison). On the dev corpus
   fast mode keeps nearly all of the default mode's recall and precision at ~70% of its
   cost; the time saved pays for metadata, which plain `extract()` does not compute at all.
3. Fallback: when the fast result is shorter than FALLBACK_MIN_CHARS, the page is re-run
   through trafilatura's full cascade (readability + jusText comparison, recall escalation)
   and the longer text wins. Short fast results are where the comparison adds text; on
   longer ones it changes almost nothing, so paying for it everywhere is wasted time.
4. Metadata from `tasks.metadata.page_metadata` on the same tree (date with provenance).
5. Language by py3langid on the text (ISO 639-1 plus a normalised probability).

Cleaning (boilerplate lines, paragraph blank lines) and quality filters run in clean.
For `source_kind == 'dump'` rows there is no HTML: the article is built from dump_text and
hint_title, and the dump header's date is the published date.
"""

from __future__ import annotations

import hashlib
import logging
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache

import pyarrow as pa
import trafilatura
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.utils import load_html

from tasks.metadata import PageMetadata, page_metadata

LOG = logging.getLogger(__name__)

EXTRACTOR = "trafilatura"
EXTRACTOR_VERSION = f"{trafilatura.__version__}+pressroom.1"

# Below this many characters the fast result is re-checked by the full cascade. 1000 chars is
# about 150 words: on the dev corpus it recovered most of the recall the full cascade adds
# (a sweep 250..3000 in the results file) while re-running only ~12% of pages.
FALLBACK_MIN_CHARS = 1000

# py3langid needs some text to be reliable; below this we trust <html lang> instead.
LANGID_MIN_CHARS = 200
LANGID_MAX_CHARS = 1000  # a few paragraphs decide; cost grows with length (9% of the stage at 3000)

# Silence trafilatura's per-page WARNING/ERROR lines ("discarding data"): rejects carry them.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


@dataclass
class Extracted:
    """The result of extracting one HTML page (text not yet cleaned)."""

    text: str
    meta: PageMetadata
    language: str | None = None
    language_score: float | None = None
    used_fallback: bool = False
    error: str | None = None  # set when nothing usable came out
    notes: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _lang_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, html_lang: str | None = None) -> tuple[str | None, float | None]:
    """ISO 639-1 code and probability; the page's <html lang> when the text is too short."""
    if len(text) >= LANGID_MIN_CHARS:
        lang, prob = _lang_identifier().classify(text[:LANGID_MAX_CHARS])
        return lang, float(prob)
    if html_lang:
        return html_lang.split("-")[0].split("_")[0].lower()[:3] or None, None
    return None, None


def _run_trafilatura(tree: HtmlElement, url: str | None, fast: bool) -> str:
    """Text of the main content, one block per line ('' when trafilatura finds nothing)."""
    doc = bare_extraction(
        tree, url=url, fast=fast, include_comments=False, include_tables=True,
        include_formatting=False, with_metadata=False,
    )
    return (doc.text or "") if doc is not None else ""


def extract_html(
    body: bytes | str,
    url: str | None = None,
    *,
    hint_published_at: datetime | None = None,
    hint_published_source: str | None = None,
    fetched_at: datetime | None = None,
    fallback_min_chars: int = FALLBACK_MIN_CHARS,
) -> Extracted:
    """Extract text (fast mode + full-cascade fallback) and metadata from one HTML page."""
    try:
        tree = load_html(body)
    except Exception as exc:  # noqa: BLE001 -- any parser failure is a per-page reject
        return Extracted("", PageMetadata(), error=f"unparsable HTML: {type(exc).__name__}")
    if tree is None:
        return Extracted("", PageMetadata(), error="unparsable HTML")
    try:
        text = _run_trafilatura(tree, url, fast=True)
        used_fallback = False
        if len(text) < fallback_min_chars:
            full = _run_trafilatura(tree, url, fast=False)
            if len(full) > len(text):
                text, used_fallback = full, True
    except Exception as exc:  # noqa: BLE001 -- a library bug on one page must not stop a batch
        LOG.debug("trafilatura failed on %s", url, exc_info=True)
        return Extracted("", PageMetadata(), error=f"trafilatura: {type(exc).__name__}: {exc}")
    text = unicodedata.normalize("NFC", text)
    try:
        meta = page_metadata(
            tree, url, hint_published_at=hint_published_at,
            hint_published_source=hint_published_source, now=fetched_at,
        )
    except Exception:  # noqa: BLE001 -- metadata is best effort; the text is the product
        LOG.debug("metadata failed on %s", url, exc_info=True)
        meta = PageMetadata()
    language, score = detect_language(text, meta.html_lang)
    return Extracted(
        text, meta, language, score, used_fallback,
        error=None if text.strip() else "no main text found",
    )


def content_hash(text: str) -> str:
    """sha256 of the text with whitespace collapsed and case folded (dedup's exact key)."""
    return hashlib.sha256(" ".join(text.casefold().split()).encode("utf-8")).hexdigest()


def now_utc() -> datetime:
    return datetime.now(UTC)


__all__ = ["Extracted", "extract_html", "detect_language", "content_hash", "pa"]
