"""Extract: fetched HTML -> article text and metadata from one parse; text dumps -> articles
directly (they are already extracted).

Strategy (measured on the dev corpus; figures and the sweep in bench/results/extract.md
and BENCHMARKS.md):

1. Parse once (trafilatura's `load_html`: charset detection, repair of broken markup); text
   and metadata both read that tree.
2. Text: trafilatura in *fast* mode (no readability/jusText comparison). On the dev corpus
   fast mode loses ~1 point of snippet recall against the default mode and costs ~70% of
   its time; the saved time pays for the metadata, which plain `extract()` does not compute.
3. Fallback: when the fast text is shorter than FALLBACK_MIN_CHARS (and a small share of
   the page's text, FALLBACK_MAX_PAGE_SHARE), the page goes through
   trafilatura's full cascade (readability + jusText comparison, recall escalation) and the
   longer text wins. Short fast results are where the comparison adds text; on longer ones
   it changes almost nothing, so paying for it on every page is wasted time. The sweep:
   250 chars recovers little, 1000 recovers almost all of the full mode's recall, above
   1000 only the cost grows.
4. Metadata from `tasks.extract.metadata.page_metadata` on the same tree (date with provenance,
   alternatives and flags; cheap byline search), read before step 5 changes the tree.
5. Furniture pruning (`tasks.extract.furniture`) before trafilatura: related-article blocks,
   author boxes and share rows named so in their class/id, which trafilatura's own
   discard rules miss (measured by halves of the dev corpus, BENCHMARKS.md issue 13 round 2).
6. Language by py3langid on the text (`tasks.common.quality.detect_language`).
7. `not_article` and `extraction_failed` are decided here, where the page type and the
   extractor's error are known; boilerplate lines, too_short and wrong_language in clean.
"""

from __future__ import annotations

import logging
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin

import pyarrow as pa
import trafilatura
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.utils import load_html

from schemas import ARTICLES, conform
from tasks.common.charset import decode
from tasks.common.result import StageResult, Verdict, reject_record
from tasks.common.sniff import binary_body_kind
from tasks.common.text import content_hash, detect_language, word_count
from tasks.common.urls import BadURL, article_id_for, canonical_url, domain_of
from tasks.extract.filters import extraction_failed, not_article
from tasks.extract.furniture import prune_furniture
from tasks.extract.metadata import PageMetadata, page_metadata

STAGE = "extract"
EXTRACTOR = "trafilatura"
EXTRACTOR_VERSION = f"{trafilatura.__version__}+pressroom.fast-fallback.3"
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

# lxml refuses a str that still carries an XML encoding declaration.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")

# trafilatura and htmldate log a WARNING/ERROR line per discarded page; rejects carry that.
# Only when nobody configured those loggers: an explicit logging config wins.
for _name in ("trafilatura", "htmldate"):
    if logging.getLogger(_name).level == logging.NOTSET:
        logging.getLogger(_name).setLevel(logging.CRITICAL)
LOG = logging.getLogger(__name__)


@dataclass
class Extracted:
    """The result of extracting one HTML page (text not yet cleaned: one block per line)."""

    text: str
    meta: PageMetadata
    language: str | None = None
    language_score: float | None = None
    used_fallback: bool = False
    error: str | None = None  # set when nothing usable came out


def _run_trafilatura(tree: HtmlElement, url: str | None, fast: bool) -> str:
    """Text of the main content, one block per line ('' when trafilatura finds nothing).

    trafilatura copies the tree it is given, so `tree` stays intact for the next reader.
    """
    doc = bare_extraction(
        tree, url=url, fast=fast, include_comments=False, include_tables=True,
        include_formatting=False, with_metadata=False,
    )
    return (doc.text or "") if doc is not None else ""


def _page_share(text: str, tree: HtmlElement) -> float:
    """Length of the extracted text relative to all the text in the page's body."""
    body = tree.find("body")
    page_chars = len(body.text_content()) if body is not None else 0
    return len(text) / page_chars if page_chars else 1.0


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
    if isinstance(body, bytes) and encoding:
        body = _XML_DECLARATION.sub("", decode(body, encoding), count=1)
    try:
        tree = load_html(body)
    except Exception as exc:  # noqa: BLE001 -- any parser failure is a per-page reject
        return Extracted("", PageMetadata(), error=f"unparsable HTML: {type(exc).__name__}")
    if tree is None:
        return Extracted("", PageMetadata(), error="unparsable or empty HTML")
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
        prune_furniture(tree)
        text = _run_trafilatura(tree, url, fast=True)
        used_fallback = False
        if len(text) < fallback_min_chars and _page_share(text, tree) < FALLBACK_MAX_PAGE_SHARE:
            full = _run_trafilatura(tree, url, fast=False)
            if len(full) > len(text):
                text, used_fallback = full, True
    except Exception as exc:  # noqa: BLE001 -- a library bug on one page must not stop a batch
        LOG.debug("trafilatura failed on %s", url, exc_info=True)
        return Extracted("", PageMetadata(), error=f"trafilatura: {type(exc).__name__}: {exc}")
    text = unicodedata.normalize("NFC", text)
    language, score = detect_language(text, meta.html_lang)
    return Extracted(text, meta, language, score, used_fallback)


# Long enough for the language model to be used (tasks.common.text.LANGID_MIN_CHARS).
_WARM_TEXT = "The minister said on Tuesday that the council would meet again next week. " * 4


def warm_up(_docs: pa.Table | None = None) -> int:
    """Load now what the first pages of a run would load: the language model (~1 s) and
    trafilatura's merged jusText stop list of its fallback cascade (~0.4 s). `pressroom
    ingest` calls it, in each process that will extract, while Prefect's temporary server
    starts: there it costs nothing. Same results either way: both are cached as loaded.
    (`_docs`: so that a worker pool can map it over a table like a stage's `run`.)"""
    from trafilatura import external

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


def article_from_dump(doc: dict, run_id: str) -> dict:
    """A text dump is already extracted: header date, title line and body."""
    canonical = canonical_url(doc["url"])
    text = doc["dump_text"] or ""
    return {
        **_base_row(doc, doc["url"], canonical, run_id),
        "published_at": doc.get("hint_published_at"),
        "published_at_source": doc.get("hint_published_source"),
        "published_date": doc["hint_published_at"].date() if doc.get("hint_published_at") else None,
        "title": doc.get("hint_title"),
        "text": text,
        "word_count": word_count(text),
        "content_hash": content_hash(text),
        "extractor": DUMP_EXTRACTOR,
        "extractor_version": None,
    }


def _page_canonical(url: str, page_url: str | None) -> str:
    """The page's own rel=canonical / og:url names the article when it is on the same site."""
    canonical = canonical_url(url)
    if page_url:
        try:
            page_canonical = canonical_url(urljoin(url, page_url))
            if domain_of(page_canonical) == domain_of(canonical):
                return page_canonical
        except BadURL:
            pass
    return canonical


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
        "site_name": m.site_name,
        "description": m.description,
        "categories": m.categories or None,
        "tags": m.tags or None,
        "top_image": urljoin(url, m.top_image) if m.top_image else None,
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
    ctype = (doc.get("content_type") or "").split(";")[0].strip().lower()
    if ctype and ctype not in allowed_content_types:
        return Verdict("unsupported_content_type", f"archived response is {ctype}")
    binary = binary_body_kind(doc.get("body") or b"")
    if binary is not None:
        return Verdict("unsupported_content_type",
                       f"archived response is {ctype or 'unlabelled'}, but the body is {binary}")
    return None


def run(docs: pa.Table, config: ExtractConfig, run_id: str) -> StageResult:
    """Documents -> article rows; a page with no text or that is a listing is a reject."""
    rows, rejects = [], []
    now = datetime.now(UTC)
    for doc in docs.to_pylist():
        try:
            if doc["source_kind"] == "dump":
                rows.append(article_from_dump(doc, run_id))
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
            verdict = extraction_failed(x.text, x.error) or not_article(
                x.text, url, x.meta.page_type
            )
            if verdict:
                rejects.append(_reject(doc, verdict, now, run_id))
                continue
            rows.append(article_row(doc, x, run_id))
        except Exception as exc:  # noqa: BLE001 - one bad page must not stop the batch
            verdict = Verdict("extraction_failed", f"{type(exc).__name__}: {exc}")
            rejects.append(_reject(doc, verdict, now, run_id))
    return StageResult(STAGE, conform(rows, ARTICLES, "articles"), docs.num_rows, rejects)


def _safe_id(url: str | None) -> str | None:
    try:
        return article_id_for(canonical_url(url)) if url else None
    except BadURL:
        return None
