-- A fetch answered with 4xx/5xx carries its error kind.
SELECT url FROM fetch_log WHERE status >= 400 AND error IS NULL
