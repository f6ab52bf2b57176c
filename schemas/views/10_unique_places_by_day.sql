-- Where the news happens, per day, counting each story once.
CREATE OR REPLACE VIEW unique_places_by_day AS
SELECT a.day,
       p.iso2,
       COUNT(DISTINCT p.article_id) AS articles,
       SUM(p.count) AS mentions
FROM places p
-- The row of the article's current revision (rows before schema 6 carry no revision:
-- they were one per article and run).
JOIN enriched_articles a ON a.article_id = p.article_id
  AND (p.revision = a.revision OR (p.revision IS NULL AND a.run_id = p.run_id))
GROUP BY ALL;
