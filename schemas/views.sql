-- Views over the base relations articles, rejects, fetch_log, entities, places, runs
-- (those are created by tasks/report.py from the committed Parquet files and manifests).
-- Written against schemas/tables.py; a column change there bumps SCHEMA_VERSION.

-- One row per article: its latest revision, and only cluster representatives.
CREATE OR REPLACE VIEW unique_articles AS
SELECT * EXCLUDE (rn) FROM (
    SELECT *, row_number() OVER (PARTITION BY article_id ORDER BY coalesce(revision, 1) DESC,
                                 run_id DESC) AS rn
    FROM articles
) WHERE rn = 1 AND duplicate_of IS NULL;

CREATE OR REPLACE VIEW daily_counts AS
SELECT CAST(coalesce(published_at, fetched_at) AS DATE) AS day, source_kind, domain,
       count(*) AS articles, sum(word_count) AS words
FROM articles
GROUP BY ALL;

CREATE OR REPLACE VIEW duplicate_clusters AS
SELECT cluster_id, count(*) AS size, count(DISTINCT domain) AS outlets,
       list(DISTINCT domain ORDER BY domain) AS domains,
       min(coalesce(fetched_at, published_at)) AS first_seen,
       max(coalesce(fetched_at, published_at)) AS last_seen
FROM articles
WHERE cluster_id IS NOT NULL
GROUP BY cluster_id
HAVING count(*) > 1;

CREATE OR REPLACE VIEW top_entities AS
SELECT CAST(coalesce(a.published_at, a.fetched_at) AS DATE) AS day, e.label,
       coalesce(e.normalized, e.text) AS entity, sum(e.count) AS mentions,
       count(DISTINCT e.article_id) AS articles
FROM entities e JOIN articles a USING (article_id)
GROUP BY ALL;

CREATE OR REPLACE VIEW fetch_health AS
SELECT regexp_extract(url, '^[a-zA-Z]+://([^/:?#]+)', 1) AS host,
       count(*) AS attempts,
       count(*) FILTER (WHERE error IS NULL) AS ok,
       count(*) FILTER (WHERE error IS NOT NULL) AS failed,
       round(100.0 * count(*) FILTER (WHERE error IS NULL) / count(*), 1) AS ok_pct,
       mode(error) FILTER (WHERE error IS NOT NULL) AS top_error,
       median(elapsed_ms) AS median_ms,
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

CREATE OR REPLACE VIEW places_by_day AS
SELECT CAST(coalesce(a.published_at, a.fetched_at) AS DATE) AS day, p.iso2,
       count(DISTINCT p.article_id) AS articles, sum(p.count) AS mentions
FROM places p JOIN articles a USING (article_id)
GROUP BY ALL;
