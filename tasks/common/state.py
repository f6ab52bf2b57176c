"""What the warehouse already holds, as the stages need it.

Built by `tasks.storage.warehouse` (the only code that reads warehouse paths) and passed
to a stage by its Prefect wrapper: a stage never reads the warehouse itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pyarrow as pa


@dataclass(frozen=True)
class KnownInputs:
    """What earlier runs settled, so a re-run neither re-fetches nor re-adds."""

    article_ids: frozenset[str] = frozenset()
    rejected_keys: frozenset[str] = frozenset()  # inputs rejected at any stage
    recently_failed_urls: frozenset[str] = frozenset()
    # Inputs rejected for what they are (a malformed dump, a bad URL): a refresh cannot
    # change that, while a page rejected later (too short, no text) may have changed.
    input_rejected_keys: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PriorArticles:
    """What the warehouse already holds, for cross-run dedup.

    ids / by_hash: every kept article_id, and content_hash -> article_id.
    latest: article_id -> (content_hash, revision) of its latest revision (when absent,
        a known id counts as revision 1 and is compared through by_hash).
    signatures: the latest `signatures` row of every article (schemas.SIGNATURES).
    texts: loads the latest text of the given article ids (exact verification needs it
        only for the few earlier articles that candidate pairs touch).
    """

    ids: frozenset[str] = frozenset()
    by_hash: dict[str, str] | None = None
    latest: dict[str, tuple[str, int]] | None = None
    signatures: pa.Table | None = None
    texts: Callable[[list[str]], dict[str, str]] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class FetchHistory:
    """The latest fetch of a URL in the warehouse, and the validators of its archived
    response (If-None-Match / If-Modified-Since) for a conditional GET under --refresh."""

    status: int | None
    error: str | None
    fetched_at: object  # datetime (UTC) or None
    validators: dict[str, str] = field(default_factory=dict)
