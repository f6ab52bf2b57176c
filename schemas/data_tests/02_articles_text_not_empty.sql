-- articles.text is never empty: an empty text is an extraction failure, a reject. Except
-- a page that opted out (its rights name a signal) under opt_out_action = "metadata",
-- whose text enrich withholds.
SELECT article_id FROM articles WHERE length(text) = 0 AND coalesce(len(rights), 0) = 0
