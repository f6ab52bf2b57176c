-- Republished copies per published day: articles that are a near or exact copy of an
-- earlier one (duplicate_of set), and their share of the day's articles.
CREATE OR REPLACE VIEW duplicates_by_day AS
SELECT CAST(timezone('UTC', coalesce(a.published_at, a.fetched_at)) AS DATE) AS day,
       count(DISTINCT a.article_id) AS articles,
       count(DISTINCT a.article_id) FILTER (WHERE c.duplicate_of IS NOT NULL) AS copies,
       round(count(DISTINCT a.article_id) FILTER (WHERE c.duplicate_of IS NOT NULL)
             / count(DISTINCT a.article_id), 3) AS copy_share
FROM articles a JOIN article_clusters c USING (article_id)
GROUP BY day;
