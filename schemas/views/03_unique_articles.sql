-- One row per story: the latest revision of each cluster's representative.
CREATE OR REPLACE VIEW unique_articles AS
SELECT * EXCLUDE (rn) FROM (
    SELECT a.*, row_number() OVER (PARTITION BY a.article_id
                                   ORDER BY coalesce(a.revision, 1) DESC, a.run_id DESC) AS rn
    FROM articles a JOIN article_clusters c USING (article_id)
    WHERE c.duplicate_of IS NULL
) WHERE rn = 1;
