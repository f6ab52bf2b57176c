-- articles.source_kind is one of the accepted values (schemas/tables.py).
SELECT article_id, source_kind FROM articles
WHERE source_kind NOT IN ('feed', 'sitemap', 'url', 'warc', 'dump')
