"""Extract: fetched HTML -> article text and metadata in one trafilatura pass; text dumps
-> articles directly (they are already extracted)."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urljoin

import pyarrow as pa
import trafilatura

from schemas import ARTICLES, conform
from tasks.clean import StageResult, content_hash, word_count
from tasks.config import Settings
from tasks.urls import BadURL, article_id_for, canonical_url, domain_of

STAGE = "extract"
EXTRACTOR = "trafilatura"
EXTRACTOR_VERSION = trafilatura.__version__
DUMP_EXTRACTOR = "text-dump"


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    for fmt in ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M:%S"):
        try:
            parsed = datetime.strptime(value[: len(value)], fmt)
        except ValueError:
            continue
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


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
        "title": doc.get("hint_title"),
        "text": text,
        "word_count": word_count(text),
        "content_hash": content_hash(text),
        "extractor": DUMP_EXTRACTOR,
        "extractor_version": None,
    }


def article_from_html(doc: dict, run_id: str) -> dict | None:
    """One trafilatura pass for text and metadata; None when no main text was found."""
    url = doc.get("final_url") or doc["url"]
    result = trafilatura.bare_extraction(
        doc["body"], url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if result is None or not (result.text or "").strip():
        return None
    # The page's own rel=canonical / og:url names the article when it is on the same site.
    canonical = canonical_url(url)
    if result.url:
        try:
            page_canonical = canonical_url(urljoin(url, result.url))
            if domain_of(page_canonical) == domain_of(canonical):
                canonical = page_canonical
        except BadURL:
            pass
    text = "\n\n".join(line for line in result.text.split("\n") if line.strip())
    published = _parse_date(result.date)
    return {
        **_base_row(doc, url, canonical, run_id),
        "published_at": published or doc.get("hint_published_at"),
        "published_at_source": "page" if published else doc.get("hint_published_source"),
        "title": result.title or doc.get("hint_title"),
        "authors": [a.strip() for a in (result.author or "").split(";") if a.strip()] or None,
        "site_name": result.sitename,
        "description": result.description,
        "categories": list(result.categories or []) or None,
        "tags": list(result.tags or []) or None,
        "top_image": result.image,
        "text": text,
        "word_count": word_count(text),
        "content_hash": content_hash(text),
        "extractor": EXTRACTOR,
        "extractor_version": EXTRACTOR_VERSION,
    }


def extract_batch(docs: pa.Table, settings: Settings, run_id: str) -> StageResult:
    """Documents -> article rows; a page with no extractable text is a reject."""
    rows, rejects = [], []
    now = datetime.now(UTC)
    for doc in docs.to_pylist():
        try:
            if doc["source_kind"] == "dump":
                row = article_from_dump(doc, run_id)
            else:
                row = article_from_html(doc, run_id)
            reason, detail = "no_main_text", "the extractor found no article text"
        except Exception as exc:  # noqa: BLE001 - one bad page must not stop the batch
            row, reason, detail = None, "extraction_failed", f"{type(exc).__name__}: {exc}"
        if row is None:
            rejects.append({
                "article_id": _safe_id(doc["url"]), "url": doc["url"],
                "source_kind": doc["source_kind"], "source": doc["source"],
                "input_key": doc["input_key"], "stage": STAGE, "reason": reason,
                "detail": detail[:500], "rejected_at": now, "run_id": run_id,
            })
            continue
        rows.append(row)
    return StageResult(conform(rows, ARTICLES, "articles"), rejects)


def _safe_id(url: str | None) -> str | None:
    try:
        return article_id_for(canonical_url(url)) if url else None
    except BadURL:
        return None
