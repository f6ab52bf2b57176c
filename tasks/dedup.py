"""Dedup: one row per article across the whole warehouse.

Walking-skeleton rules: the same canonical URL (article_id) or the same content hash as
an article already kept - in this run or in the warehouse - is a duplicate. Exact copies
under another URL are rejected with `duplicate_of` in the detail; near-duplicates and
revisions come with issue 5.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pyarrow as pa

from schemas import ARTICLES, conform
from tasks.clean import StageResult
from tasks.config import Settings

STAGE = "dedup"


@dataclass(frozen=True)
class PriorArticles:
    """What the warehouse already holds, for cross-run dedup."""

    ids: frozenset[str] = frozenset()
    by_hash: dict[str, str] | None = None  # content_hash -> article_id


def _order_key(row: dict) -> tuple:
    # First-seen order that does not depend on input order.
    return (row["fetched_at"] or row["published_at"] or datetime.max.replace(tzinfo=UTC),
            row["article_id"])


def dedup_batch(articles: pa.Table, prior: PriorArticles, settings: Settings, run_id: str
                ) -> StageResult:
    """Keep one article per article_id and per content hash; the rest are rejects."""
    seen_ids = set(prior.ids)
    seen_hash = dict(prior.by_hash or {})
    kept, rejects = [], []
    now = datetime.now(UTC)
    for row in sorted(articles.to_pylist(), key=_order_key):
        reason = detail = None
        if row["article_id"] in seen_ids:
            reason, detail = "duplicate_url", "canonical URL already kept"
        elif row["content_hash"] in seen_hash:
            reason = "duplicate_content"
            detail = f"same text as article {seen_hash[row['content_hash']]}"
        if reason:
            rejects.append({
                "article_id": row["article_id"], "url": row["url"],
                "source_kind": row["source_kind"], "source": row["source"],
                "input_key": row["input_key"] or row["url"], "stage": STAGE, "reason": reason,
                "detail": detail, "rejected_at": now, "run_id": run_id,
            })
            continue
        seen_ids.add(row["article_id"])
        seen_hash[row["content_hash"]] = row["article_id"]
        kept.append({**row, "cluster_id": row["article_id"], "revision": 1})
    return StageResult(conform(kept, ARTICLES, "articles"), rejects)
