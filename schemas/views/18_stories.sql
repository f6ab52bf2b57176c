-- One row per story: a near-duplicate cluster as of now (article_clusters; a singleton is
-- a story of one copy). Its wire origin is the earliest published copy (published_at,
-- else first seen; ties by first seen, then article_id), with that copy's headline, URL
-- and outlet. A date written without a time of day (a dump's or a page's "2024-05-03",
-- a URL's day) is stored at midnight UTC: it says the day, not that the copy came before
-- the copies timed later that day, so within its day it ranks after them (fault round
-- 44: a republisher dating its copy by the day alone was the origin of AP's 14:00 story); wire_credits is the union of the agencies its copies credit in datelines,
-- bylines and closing credit lines (articles.wire_credits); independent_outlets counts distinct outlets: the
-- registry's name where the domain is registered, else the domain without a www./m./amp.
-- host label (outlets on several domains count once only when registered), kept where it
-- is the name itself (`mobile.de`, `amp.dev`: "de" and "dev" are no outlets; round 44).
-- The registry's name is the one the domain's latest enriched copy got: a copy enriched
-- before its outlet was registered has no source_name, and was counted as an outlet of
-- its own beside the registered name (fault round 44).
CREATE OR REPLACE VIEW stories AS
WITH latest AS (
    SELECT * EXCLUDE (rn) FROM (
        SELECT a.*, row_number() OVER (PARTITION BY a.article_id
                                       ORDER BY coalesce(a.revision, 1) DESC, a.run_id DESC) AS rn
        FROM articles a
    ) WHERE rn = 1
), seen AS (
    SELECT article_id, min(coalesce(fetched_at, published_at)) AS first_seen
    FROM articles GROUP BY article_id
), named AS (
    SELECT domain, arg_max(source_name, run_id) AS source_name
    FROM articles WHERE source_name IS NOT NULL GROUP BY domain
), copies AS (
    SELECT c.cluster_id, l.article_id, l.url, l.title, l.published_at, l.wire_credits,
           coalesce(n.source_name, l.source_name,
                    regexp_replace(l.domain, '^(www[0-9]?|m|amp|mobile)\.([^.]+\..)', '\2')) AS outlet,
           s.first_seen,
           row_number() OVER (PARTITION BY c.cluster_id
                              ORDER BY CAST(timezone('UTC', coalesce(l.published_at, s.first_seen))
                                                AS DATE) NULLS LAST,
                                       CAST(timezone('UTC', l.published_at) AS TIME) = '00:00'
                                           NULLS FIRST,
                                       coalesce(l.published_at, s.first_seen),
                                       s.first_seen NULLS LAST, l.article_id) AS origin_rank
    FROM article_clusters c JOIN latest l USING (article_id) JOIN seen s USING (article_id)
         LEFT JOIN named n ON n.domain = l.domain
    WHERE c.cluster_id IS NOT NULL
), story AS (
    SELECT cluster_id,
           list_sort(list_distinct(flatten(list(coalesce(wire_credits, []::VARCHAR[])))))
               AS wire_credits,
           count(*) AS copies,
           count(DISTINCT outlet) AS independent_outlets,
           min(first_seen) AS first_seen,
           max(first_seen) AS last_seen
    FROM copies GROUP BY cluster_id
)
SELECT o.cluster_id AS story_id,
       o.title AS headline,
       o.article_id AS origin_article_id,
       o.url AS origin_url,
       o.outlet AS origin_outlet,
       o.published_at AS origin_published_at,
       s.wire_credits,
       s.copies,
       s.independent_outlets,
       s.first_seen,
       s.last_seen
FROM copies o JOIN story s USING (cluster_id)
WHERE o.origin_rank = 1;
