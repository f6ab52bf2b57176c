"""Proposed ARTICLES columns from the extract stage (not yet in schemas/tables.py).

The extract stage knows every claim a page makes about its publication date (JSON-LD,
meta tags, <time>, URL, the feed or sitemap hint, htmldate's guess) and flags the
suspicious ones. ARTICLES keeps only the chosen date and its source; these two nullable
columns keep the rest, so a reader can see *why* a date was chosen and find pages whose
sources disagree. `tasks.extract.article_row` fills them as soon as ARTICLES declares them
(it checks `ARTICLES.names`), so adding them is a schema-only change (SCHEMA_VERSION bump).
"""

from __future__ import annotations

import pyarrow as pa

from schemas.tables import UTC_TS

DATE_CANDIDATE = pa.struct([pa.field("source", pa.string()), pa.field("value", UTC_TS)])

ARTICLE_DATE_COLUMNS = [
    # every distinct date claim, in the order the sources are preferred
    pa.field("published_at_alternatives", pa.list_(DATE_CANDIDATE)),
    # 'future' (after fetch + 1 day), 'implausible' (before 1995), 'disagree' (sources differ)
    pa.field("published_at_flags", pa.list_(pa.string())),
]
