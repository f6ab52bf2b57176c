-- Every entities and places row belongs to an article the warehouse holds.
SELECT 'entities' AS tbl, e.article_id, e.run_id FROM entities e
WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = e.article_id)
UNION ALL
SELECT 'places', p.article_id, p.run_id FROM places p
WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = p.article_id)
