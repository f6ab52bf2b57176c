-- Which outlets (and from which country, of which type) write about which countries.
CREATE OR REPLACE VIEW places_by_source AS
SELECT a.source_name,
       a.source_country,
       a.source_type,
       p.iso2,
       COUNT(DISTINCT p.article_id) AS articles
FROM places p
-- The row of the article's current revision (rows before schema 6 carry no revision:
-- they were one per article and run).
JOIN enriched_articles a ON a.article_id = p.article_id
  AND (p.revision = a.revision OR (p.revision IS NULL AND a.run_id = p.run_id))
GROUP BY ALL;
