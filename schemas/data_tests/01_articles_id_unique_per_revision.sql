-- articles.article_id is unique per revision: a re-run must never add a row twice.
SELECT article_id, revision, count(*) AS n FROM articles
GROUP BY ALL HAVING count(*) > 1
