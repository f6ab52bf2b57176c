-- Drift alarms: per outlet, published day and measure, the day's articles against the
-- outlet's own baseline, the 14 days before it. A field (title, page date, author, full
-- body) alarms when its share was at least 0.6 and falls by 0.5 or more; the median
-- length alarms when it falls below half the baseline's. Too few articles never alarm:
-- the day needs 2 (3 for the median), the baseline 8. An outlet that never had authors
-- does not alarm; one that loses them does, from the day of the change until its new
-- pages dominate the baseline.
CREATE OR REPLACE VIEW extraction_drift AS
WITH a AS (
    SELECT domain, source_name, CAST(timezone('UTC', published_at) AS DATE) AS day,
           CASE WHEN coalesce(title, '') <> '' THEN 1 ELSE 0 END AS title,
           CASE WHEN coalesce(published_at_source, '') NOT IN ('', 'feed', 'sitemap', 'sitemap_lastmod', 'url')
                THEN 1 ELSE 0 END AS page_date,
           CASE WHEN coalesce(len(authors), 0) > 0 THEN 1 ELSE 0 END AS author,
           CASE WHEN word_count >= 100 THEN 1 ELSE 0 END AS body,
           word_count
    FROM articles WHERE published_at IS NOT NULL
),
days AS (SELECT DISTINCT domain, day FROM a),
windows AS (
    SELECT d.domain, d.day, a.day = d.day AS recent, a.*  EXCLUDE (domain, day)
    FROM days d JOIN a ON a.domain = d.domain
                     AND a.day BETWEEN d.day - INTERVAL 14 DAY AND d.day
),
stats AS (
    SELECT domain, day, coalesce(any_value(source_name), domain) AS outlet,
           count(*) FILTER (WHERE recent) AS recent_articles,
           count(*) FILTER (WHERE NOT recent) AS baseline_articles,
           avg(title) FILTER (WHERE recent) AS title_r, avg(title) FILTER (WHERE NOT recent) AS title_b,
           avg(page_date) FILTER (WHERE recent) AS date_r,
           avg(page_date) FILTER (WHERE NOT recent) AS date_b,
           avg(author) FILTER (WHERE recent) AS author_r,
           avg(author) FILTER (WHERE NOT recent) AS author_b,
           avg(body) FILTER (WHERE recent) AS body_r, avg(body) FILTER (WHERE NOT recent) AS body_b,
           median(word_count) FILTER (WHERE recent) AS words_r,
           median(word_count) FILTER (WHERE NOT recent) AS words_b
    FROM windows GROUP BY domain, day
),
measures AS (
    SELECT domain, outlet, day, recent_articles, baseline_articles, m.*
    FROM stats, (VALUES ('title', title_b, title_r), ('date', date_b, date_r),
                        ('author', author_b, author_r), ('body', body_b, body_r),
                        ('median_words', words_b, words_r)) AS m(measure, baseline, recent)
)
SELECT domain, outlet, day, measure, recent_articles, baseline_articles,
       round(baseline, 3) AS baseline, round(recent, 3) AS recent,
       CASE WHEN baseline_articles < 8 OR baseline IS NULL OR recent IS NULL THEN false
            WHEN measure = 'median_words'
                THEN recent_articles >= 3 AND recent < 0.5 * baseline
            ELSE recent_articles >= 2 AND baseline >= 0.6 AND baseline - recent >= 0.5
       END AS alarm
FROM measures;
