-- articles.text is never empty: an empty text is an extraction failure, a reject.
SELECT article_id FROM articles WHERE length(text) = 0
