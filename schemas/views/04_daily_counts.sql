CREATE OR REPLACE VIEW daily_counts AS
SELECT CAST(coalesce(published_at, fetched_at) AS DATE) AS day, source_kind, domain,
       count(*) AS articles, sum(word_count) AS words
FROM articles
GROUP BY ALL;
