-- Entity and place views are in enrich_views.sql (they count each story once).
-- Views over the base relations articles, rejects, fetch_log, entities, places, runs
-- (those are created by tasks/report.py from the committed Parquet files and manifests).
-- Written against schemas/tables.py; a column change there bumps SCHEMA_VERSION.

-- The current row of every article's near-duplicate state (signatures is append-only).
CREATE OR REPLACE VIEW latest_signatures AS
SELECT * EXCLUDE (rn) FROM (
    SELECT *, row_number() OVER (PARTITION BY article_id ORDER BY recorded_at DESC,
                                 run_id DESC) AS rn
    FROM signatures
) WHERE rn = 1;

-- Cluster membership as of now: articles.cluster_id is as of the run that wrote the row,
-- and a cluster can gain an earlier member later; the latest signature row knows.
CREATE OR REPLACE VIEW article_clusters AS
SELECT a.article_id,
       coalesce(s.cluster_id, any_value(a.cluster_id)) AS cluster_id,
       CASE WHEN s.article_id IS NOT NULL THEN s.duplicate_of
            ELSE any_value(a.duplicate_of) END AS duplicate_of
FROM articles a LEFT JOIN latest_signatures s USING (article_id)
GROUP BY a.article_id, s.article_id, s.cluster_id, s.duplicate_of;

-- One row per story: the latest revision of each cluster's representative.
CREATE OR REPLACE VIEW unique_articles AS
SELECT * EXCLUDE (rn) FROM (
    SELECT a.*, row_number() OVER (PARTITION BY a.article_id
                                   ORDER BY coalesce(a.revision, 1) DESC, a.run_id DESC) AS rn
    FROM articles a JOIN article_clusters c USING (article_id)
    WHERE c.duplicate_of IS NULL
) WHERE rn = 1;

CREATE OR REPLACE VIEW daily_counts AS
SELECT CAST(coalesce(published_at, fetched_at) AS DATE) AS day, source_kind, domain,
       count(*) AS articles, sum(word_count) AS words
FROM articles
GROUP BY ALL;

-- Near-duplicate clusters of two or more articles: size, outlets, first and last seen.
CREATE OR REPLACE VIEW clusters AS
WITH art AS (
    SELECT article_id, any_value(domain) AS domain,
           min(coalesce(fetched_at, published_at)) AS seen
    FROM articles GROUP BY article_id
)
SELECT c.cluster_id, count(*) AS size, count(DISTINCT art.domain) AS outlets,
       list(DISTINCT art.domain ORDER BY art.domain) AS domains,
       min(art.seen) AS first_seen, max(art.seen) AS last_seen
FROM article_clusters c JOIN art USING (article_id)
GROUP BY c.cluster_id
HAVING count(*) > 1;

CREATE OR REPLACE VIEW fetch_health AS
SELECT regexp_extract(url, '^[a-zA-Z]+://([^/:?#]+)', 1) AS host,
       count(*) AS attempts,
       count(*) FILTER (WHERE error IS NULL) AS ok,
       count(*) FILTER (WHERE error IS NOT NULL) AS failed,
       round(100.0 * count(*) FILTER (WHERE error IS NULL) / count(*), 1) AS ok_pct,
       mode(error) FILTER (WHERE error IS NOT NULL) AS top_error,
       round(median(elapsed_ms), 1) AS median_ms,
       sum(bytes) AS bytes
FROM fetch_log
GROUP BY host;

CREATE OR REPLACE VIEW extraction_health AS
WITH outcomes AS (
    SELECT domain, 'kept' AS outcome, NULL AS reason FROM articles
    UNION ALL
    SELECT regexp_extract(url, '^[a-zA-Z]+://(?:www\.)?([^/:?#]+)', 1), 'rejected', reason
    FROM rejects WHERE stage IN ('extract', 'clean')
)
SELECT domain, count(*) FILTER (WHERE outcome = 'kept') AS kept,
       count(*) FILTER (WHERE outcome = 'rejected') AS rejected,
       round(100.0 * count(*) FILTER (WHERE outcome = 'kept') / count(*), 1) AS kept_pct,
       mode(reason) AS top_reject_reason
FROM outcomes GROUP BY domain;
