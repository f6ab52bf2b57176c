-- Cluster membership as of now: articles.cluster_id is as of the run that wrote the row,
-- and a cluster can gain an earlier member later; the latest signature row knows.
CREATE OR REPLACE VIEW article_clusters AS
SELECT a.article_id,
       coalesce(s.cluster_id, any_value(a.cluster_id)) AS cluster_id,
       CASE WHEN s.article_id IS NOT NULL THEN s.duplicate_of
            ELSE any_value(a.duplicate_of) END AS duplicate_of
FROM articles a LEFT JOIN latest_signatures s USING (article_id)
GROUP BY a.article_id, s.article_id, s.cluster_id, s.duplicate_of;
