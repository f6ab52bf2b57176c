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
