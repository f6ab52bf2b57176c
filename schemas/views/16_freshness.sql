-- Freshness per source (outlet domain): how long after publication we first fetched an
-- article (median and p90, hours), and what it cost: requests (every attempt of every
-- fetch of the host: feeds, sitemaps, pages, failures) per stored article.
CREATE OR REPLACE VIEW freshness AS
WITH first_fetch AS (
    SELECT article_id, any_value(domain) AS domain, any_value(source_name) AS source_name,
           min(published_at) AS published_at, min(fetched_at) AS fetched_at
    FROM articles WHERE fetched_at IS NOT NULL GROUP BY article_id
),
lag AS (
    SELECT domain, coalesce(any_value(source_name), domain) AS outlet,
           count(*) AS stored_articles,
           round(median(epoch(fetched_at) - epoch(published_at)) / 3600, 1) AS median_lag_h,
           round(quantile_cont(epoch(fetched_at) - epoch(published_at), 0.9) / 3600, 1)
               AS p90_lag_h
    FROM first_fetch GROUP BY domain
),
requests AS (
    SELECT regexp_replace(lower(regexp_extract(url, '^[a-zA-Z]+://([^/:?#]+)', 1)),
                          '^(www|m|mobile|amp)\.(.+\..+)$', '\2') AS domain,
           sum(coalesce(attempts, 1)) AS requests
    FROM fetch_log GROUP BY 1
)
SELECT coalesce(l.domain, r.domain) AS domain, coalesce(l.outlet, r.domain) AS outlet,
       coalesce(l.stored_articles, 0) AS stored_articles, l.median_lag_h, l.p90_lag_h,
       coalesce(r.requests, 0) AS requests,
       CASE WHEN coalesce(l.stored_articles, 0) > 0
            THEN round(coalesce(r.requests, 0) / l.stored_articles, 2) END
           AS requests_per_article
FROM lag l FULL OUTER JOIN requests r ON l.domain = r.domain;
