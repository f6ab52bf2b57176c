"""Enrich: language, word count, reading time.

Walking-skeleton version; places, entities, quotes, keywords and the source registry come
with issue 6. An enrichment failure is recorded on the article, which is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa

from schemas import ARTICLES, conform
from tasks.clean import word_count
from tasks.config import Settings


@dataclass
class EnrichResult:
    table: pa.Table
    entities: list[dict] = field(default_factory=list)
    places: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


_identifier = None


def detect_language(text: str) -> tuple[str | None, float | None]:
    """ISO 639-1 code and a normalised probability, from py3langid's bundled model."""
    global _identifier
    if _identifier is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        _identifier = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
    if not text.strip():
        return None, None
    lang, prob = _identifier.classify(text[:5000])
    return lang, float(prob)


def enrich_record(row: dict, words_per_minute: int) -> dict:
    lang, score = detect_language(row["text"])
    words = word_count(row["text"])
    return {**row, "language": lang, "language_score": score, "word_count": words,
            "reading_time_min": round(words / words_per_minute, 1)}


def enrich_batch(articles: pa.Table, settings: Settings, run_id: str) -> EnrichResult:
    """Add language and reading figures to every article; failures are kept, recorded."""
    rows = []
    for row in articles.to_pylist():
        try:
            rows.append(enrich_record(row, settings.words_per_minute))
        except Exception as exc:  # noqa: BLE001 - keep the article, record why
            rows.append({**row, "enrich_error": f"{type(exc).__name__}: {exc}"[:500]})
    return EnrichResult(conform(rows, ARTICLES, "articles"))

