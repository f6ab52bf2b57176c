"""The `signatures` table: persisted MinHash state of near-duplicate detection.

One row per article per change: the dedup stage appends a row for every new article (or
new revision), and a row again for an older article whose cluster got a new
representative (two clusters merged, or a member that sorts first arrived late). The
current state is the latest row per article_id (`LATEST_SIGNATURES_SQL`); older rows
are history. Nothing here is ever rewritten: the table is append-only like the others.

A run compares its new articles with the latest rows only, so old texts are never signed
again. `params` names the hash family (tasks.neardup.MinHashParams.fingerprint); rows
made with other parameters are not comparable and the stage refuses to mix them.
"""

from __future__ import annotations

import pyarrow as pa

# Same type as schemas.tables.UTC_TS; not imported so that tables.py can import this
# module to register the table in TABLES without an import cycle.
UTC_TS = pa.timestamp("us", tz="UTC")

SIGNATURES_SCHEMA_VERSION = 1

SIGNATURES = pa.schema(
    [
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("content_hash", pa.string(), nullable=False),  # the revision that was signed
        pa.field("cluster_id", pa.string(), nullable=False),  # = article_id of the first seen
        pa.field("duplicate_of", pa.string()),  # null for the representative / a singleton
        pa.field("first_seen", UTC_TS, nullable=False),  # the order key with article_id
        pa.field("signature", pa.binary(), nullable=False),  # num_perm x uint32, little-endian
        pa.field("band_keys", pa.list_(pa.uint64()), nullable=False),  # one per LSH band
        pa.field("params", pa.string(), nullable=False),  # MinHashParams.fingerprint
        pa.field("recorded_at", UTC_TS, nullable=False),  # latest row per article wins
        pa.field("run_id", pa.string(), nullable=False),
    ]
)

# The current row of every article. `{src}` is a relation over the signatures Parquet
# files, e.g. read_parquet('warehouse/signatures/*.parquet', union_by_name = true).
LATEST_SIGNATURES_SQL = """
SELECT * EXCLUDE (rn) FROM (
    SELECT *, row_number() OVER (
        PARTITION BY article_id ORDER BY recorded_at DESC, run_id DESC) AS rn
    FROM {src}
) WHERE rn = 1
"""

# Proposed `clusters` view (size, outlets, first and last seen): articles' cluster_id is
# as of the run that wrote them, so cluster membership is taken from the latest signatures.
CLUSTERS_VIEW_SQL = """
CREATE OR REPLACE VIEW clusters AS
WITH latest AS ({latest}),
     art AS (SELECT article_id, any_value(domain) AS domain FROM articles GROUP BY article_id)
SELECT l.cluster_id,
       count(*) AS size,
       count(DISTINCT a.domain) AS outlets,
       list(DISTINCT a.domain ORDER BY a.domain) AS domains,
       min(l.first_seen) AS first_seen,
       max(l.first_seen) AS last_seen
FROM latest l LEFT JOIN art a USING (article_id)
GROUP BY l.cluster_id
HAVING count(*) > 1
"""
