-- Per outlet: how many pages extraction kept and rejected, each page counted once by its
-- latest outcome. `rejects` is every run's log and `articles` keeps every revision: a page
-- a reprocess rejected again, or an article fetched again after an update, is one page
-- (RELIABILITY.md round 61), and a page rejected once and kept by a later run (a fixed
-- extractor's reprocess) counts as kept. A page is its URL as discovered; run ids sort by
-- time (flows/pipeline.new_run_id); in one run a kept row wins over a reject.
CREATE OR REPLACE VIEW extraction_health AS
WITH outcomes AS (
    SELECT url AS page, domain, 'kept' AS outcome, NULL AS reason, run_id FROM articles
    UNION ALL
    SELECT coalesce(url, input_key),
           regexp_extract(url, '^[a-zA-Z]+://(?:www\.)?([^/:?#]+)', 1), 'rejected', reason,
           run_id
    FROM rejects WHERE stage IN ('extract', 'clean')
), latest AS (
    SELECT * FROM outcomes
    QUALIFY row_number() OVER (PARTITION BY page
                               ORDER BY run_id DESC, outcome = 'kept' DESC) = 1
)
SELECT domain, count(*) FILTER (WHERE outcome = 'kept') AS kept,
       count(*) FILTER (WHERE outcome = 'rejected') AS rejected,
       round(100.0 * count(*) FILTER (WHERE outcome = 'kept') / count(*), 1) AS kept_pct,
       mode(reason) AS top_reject_reason
FROM latest GROUP BY domain;
