-- Where the news happens, per day, counting each story once.
CREATE OR REPLACE VIEW unique_places_by_day AS
SELECT a.day,
       p.iso2,
       COUNT(DISTINCT p.article_id) AS articles,
       SUM(p.count) AS mentions
FROM places p
JOIN enriched_articles a ON a.article_id = p.article_id AND a.run_id = p.run_id
GROUP BY ALL;
