-- No article is published more than a day after we fetched it (clock or time-zone errors).
SELECT article_id, url, published_at, fetched_at FROM articles
WHERE published_at > fetched_at + INTERVAL 1 DAY
