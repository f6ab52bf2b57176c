CREATE OR REPLACE VIEW enriched_articles AS
SELECT *, CAST(timezone('UTC', COALESCE(published_at, fetched_at)) AS DATE) AS day
FROM unique_articles;
