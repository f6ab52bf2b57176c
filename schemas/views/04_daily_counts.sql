CREATE OR REPLACE VIEW daily_counts AS
-- A day is a UTC day: a TIMESTAMPTZ cast to DATE takes the reading session's zone (its
-- TZ), so the same warehouse counted other days in Kathmandu than in UTC (round 37).
SELECT CAST(timezone('UTC', coalesce(published_at, fetched_at)) AS DATE) AS day,
       source_kind, domain,
       count(*) AS articles, sum(word_count) AS words
FROM articles
GROUP BY ALL;
