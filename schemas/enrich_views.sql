-- Views over the enrichment tables (articles, entities, places).
-- Run after schemas/views.sql: they build on its unique_articles (latest revision, no
-- duplicates), so that syndicated copies and old revisions do not inflate counts.
-- The day of an article is its publication date, else the day we fetched it.

CREATE OR REPLACE VIEW enriched_articles AS
SELECT *, CAST(COALESCE(published_at, fetched_at) AS DATE) AS day
FROM unique_articles;

-- Who is mentioned most, per day: one row per day, normalised entity and label.
CREATE OR REPLACE VIEW top_entities_by_day AS
SELECT a.day,
       COALESCE(e.normalized, e.text) AS entity,
       e.label,
       SUM(e.count) AS mentions,
       COUNT(DISTINCT e.article_id) AS articles
FROM entities e
JOIN enriched_articles a ON a.article_id = e.article_id AND a.run_id = e.run_id
GROUP BY ALL;

-- Where the news happens, per day, counting each story once.
CREATE OR REPLACE VIEW unique_places_by_day AS
SELECT a.day,
       p.iso2,
       COUNT(DISTINCT p.article_id) AS articles,
       SUM(p.count) AS mentions
FROM places p
JOIN enriched_articles a ON a.article_id = p.article_id AND a.run_id = p.run_id
GROUP BY ALL;

-- Which outlets (and from which country, of which type) write about which countries.
CREATE OR REPLACE VIEW places_by_source AS
SELECT a.source_name,
       a.source_country,
       a.source_type,
       p.iso2,
       COUNT(DISTINCT p.article_id) AS articles
FROM places p
JOIN enriched_articles a ON a.article_id = p.article_id AND a.run_id = p.run_id
GROUP BY ALL;

-- Who said what: one row per direct quotation.
CREATE OR REPLACE VIEW quotes AS
SELECT a.article_id,
       a.day,
       a.source_name,
       a.url,
       q.speaker,
       q.quote
FROM enriched_articles a, UNNEST(a.quotes) AS t(q);

-- Enrichment health: articles whose enrichment partly failed, by domain.
CREATE OR REPLACE VIEW enrich_health_by_domain AS
SELECT domain,
       COUNT(*) AS articles,
       COUNT(enrich_error) AS with_enrich_error,
       COUNT(*) FILTER (WHERE len(places) > 0) AS with_places,
       COUNT(*) FILTER (WHERE len(quotes) > 0) AS with_quotes,
       COUNT(*) FILTER (WHERE source_name IS NULL) AS outlet_unknown
FROM articles
GROUP BY domain;
