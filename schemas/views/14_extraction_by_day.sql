-- Extraction health per outlet and published day: the share of articles with a title, a
-- date found on the page (not only the feed's or sitemap's or the URL's), an author and a
-- full body (100+ words, not a teaser), and the median length. A publisher's template
-- change shows as a drop on the day it happens.
CREATE OR REPLACE VIEW extraction_by_day AS
SELECT domain,
       coalesce(any_value(source_name), domain) AS outlet,
       CAST(timezone('UTC', published_at) AS DATE) AS day,
       count(*) AS articles,
       round(avg(CASE WHEN coalesce(title, '') <> '' THEN 1 ELSE 0 END), 3) AS title_share,
       round(avg(CASE WHEN coalesce(published_at_source, '') NOT IN ('', 'feed', 'sitemap', 'sitemap_lastmod', 'url')
                      THEN 1 ELSE 0 END), 3) AS date_share,
       round(avg(CASE WHEN coalesce(len(authors), 0) > 0 THEN 1 ELSE 0 END), 3) AS author_share,
       round(avg(CASE WHEN word_count >= 100 THEN 1 ELSE 0 END), 3) AS body_share,
       median(word_count) AS median_words
FROM articles
WHERE published_at IS NOT NULL
GROUP BY domain, day;
