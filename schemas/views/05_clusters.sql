-- Near-duplicate clusters of two or more articles: size, outlets, first and last seen.
CREATE OR REPLACE VIEW clusters AS
WITH art AS (
    SELECT article_id, any_value(domain) AS domain,
           min(coalesce(fetched_at, published_at)) AS seen
    FROM articles GROUP BY article_id
)
SELECT c.cluster_id, count(*) AS size, count(DISTINCT art.domain) AS outlets,
       list(DISTINCT art.domain ORDER BY art.domain) AS domains,
       min(art.seen) AS first_seen, max(art.seen) AS last_seen
FROM article_clusters c JOIN art USING (article_id)
GROUP BY c.cluster_id
HAVING count(*) > 1;
