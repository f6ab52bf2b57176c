-- The columns a reader relies on are never null (schemas/tables.py declares them NOT NULL;
-- this checks the files as DuckDB reads them, older ones included).
SELECT 'articles' AS tbl, article_id AS id FROM articles
WHERE article_id IS NULL OR url IS NULL OR canonical_url IS NULL OR domain IS NULL
   OR source_kind IS NULL OR text IS NULL OR word_count IS NULL OR content_hash IS NULL
   OR run_id IS NULL
UNION ALL
SELECT 'rejects', input_key FROM rejects
WHERE input_key IS NULL OR stage IS NULL OR rejected_at IS NULL OR run_id IS NULL
UNION ALL
SELECT 'fetch_log', url FROM fetch_log WHERE url IS NULL OR fetched_at IS NULL OR run_id IS NULL
UNION ALL
SELECT 'entities', article_id FROM entities
WHERE article_id IS NULL OR text IS NULL OR label IS NULL OR count IS NULL
UNION ALL
SELECT 'places', article_id FROM places WHERE article_id IS NULL OR iso2 IS NULL OR count IS NULL
