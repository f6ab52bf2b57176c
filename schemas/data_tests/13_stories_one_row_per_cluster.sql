-- The stories view has exactly one row per current cluster: a story counted twice (or a
-- cluster with no story) would skew every "how many outlets ran it" answer.
SELECT story_id AS cluster_id, count(*) AS rows_in_stories
FROM stories GROUP BY story_id HAVING count(*) <> 1
UNION ALL
SELECT c.cluster_id, 0
FROM (SELECT DISTINCT cluster_id FROM article_clusters WHERE cluster_id IS NOT NULL) c
LEFT JOIN stories s ON s.story_id = c.cluster_id
WHERE s.story_id IS NULL;
