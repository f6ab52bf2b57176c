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
