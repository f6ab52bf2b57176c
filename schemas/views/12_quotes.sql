-- Who said what: one row per direct quotation.
CREATE OR REPLACE VIEW quotes AS
SELECT a.article_id,
       a.day,
       a.source_name,
       a.url,
       q.speaker,
       q.quote
FROM enriched_articles a, UNNEST(a.quotes) AS t(q);
