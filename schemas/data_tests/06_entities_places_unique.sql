-- Unique keys of the long tables: one entities row per article revision, run, mention
-- and label, one places row per article revision, run and country (rows before schema 6
-- have no revision: one per article and run).
SELECT 'entities' AS tbl, article_id, run_id, text || ' / ' || label AS key, count(*) AS n
FROM entities GROUP BY article_id, revision, run_id, text, label, normalized HAVING count(*) > 1
UNION ALL
SELECT 'places', article_id, run_id, iso2, count(*)
FROM places GROUP BY article_id, revision, run_id, iso2 HAVING count(*) > 1
