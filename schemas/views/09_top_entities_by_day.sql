-- Who is mentioned most, per day: one row per day, normalised entity and label.
CREATE OR REPLACE VIEW top_entities_by_day AS
SELECT a.day,
       COALESCE(e.normalized, e.text) AS entity,
       e.label,
       SUM(e.count) AS mentions,
       COUNT(DISTINCT e.article_id) AS articles
FROM entities e
-- The row of the article's current revision (rows before schema 6 carry no revision:
-- they were one per article and run).
JOIN enriched_articles a ON a.article_id = e.article_id
  AND (e.revision = a.revision OR (e.revision IS NULL AND a.run_id = e.run_id))
GROUP BY ALL;
