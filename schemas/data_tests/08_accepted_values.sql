-- Columns with a closed set of values hold only those: reject stages, date sources,
-- ISO 3166 alpha-2 shapes, positive counts.
SELECT 'rejects.stage' AS col, stage AS value FROM rejects
WHERE stage NOT IN ('discover', 'reprocess', 'fetch', 'extract', 'clean', 'dedup', 'enrich')
UNION ALL
SELECT 'articles.published_at_source', published_at_source FROM articles
WHERE published_at_source NOT IN ('meta', 'jsonld', 'time', 'headline', 'feed', 'sitemap',
                                  'sitemap_lastmod', 'url', 'htmldate', 'text', 'relative', 'dump',
                                  'fetch_time', 'warc')
UNION ALL
SELECT 'places.iso2', iso2 FROM places WHERE NOT regexp_full_match(iso2, '[A-Z]{2}')
UNION ALL
SELECT 'places.count', CAST(count AS VARCHAR) FROM places WHERE count < 1
UNION ALL
SELECT 'entities.count', CAST(count AS VARCHAR) FROM entities WHERE count < 1
