CREATE OR REPLACE VIEW fetch_health AS
SELECT regexp_extract(url, '^[a-zA-Z]+://([^/:?#]+)', 1) AS host,
       count(*) AS attempts,
       count(*) FILTER (WHERE error IS NULL) AS ok,
       count(*) FILTER (WHERE error IS NOT NULL) AS failed,
       round(100.0 * count(*) FILTER (WHERE error IS NULL) / count(*), 1) AS ok_pct,
       mode(error) FILTER (WHERE error IS NOT NULL) AS top_error,
       round(median(elapsed_ms), 1) AS median_ms,
       sum(bytes) AS bytes
FROM fetch_log
GROUP BY host;
