-- One row per consecutive pair of revisions of an article: which fields changed, how many
-- paragraphs were added and removed, and whether the new revision added a correction
-- notice. `pressroom diff URL` shows the paragraphs themselves (tasks/common/revisions.py,
-- which holds the same correction pattern: a test checks they agree).
CREATE OR REPLACE VIEW revisions AS
WITH r AS (
    SELECT article_id, url, coalesce(revision, 1) AS revision, run_id, title, published_at,
           authors, description, content_hash, word_count, text,
           list_filter(list_transform(string_split(text, chr(10) || chr(10)), lambda p: trim(p)),
                       lambda p: p <> '') AS paras,
           len(regexp_extract_all(text, '(?i)(^|\n)\s*\W{0,3}(correction|corrections|clarification|editor''s note|editor’s note|update|updated)\s*(\([^)\n]{0,40}\))?\s*[:\-–—]|this (article|story|report|post) (has been|was) (updated|corrected|amended|changed)|an earlier version of this (article|story|report|post)')) AS notices
    FROM articles
)
SELECT n.article_id, n.url,
       o.revision AS from_revision, n.revision AS to_revision,
       o.run_id AS from_run_id, n.run_id AS to_run_id,
       o.title IS DISTINCT FROM n.title AS title_changed,
       o.title AS old_title, n.title AS new_title,
       o.published_at IS DISTINCT FROM n.published_at AS published_at_changed,
       o.published_at AS old_published_at, n.published_at AS new_published_at,
       list_sort(coalesce(o.authors, []))
           IS DISTINCT FROM list_sort(coalesce(n.authors, [])) AS authors_changed,
       o.authors AS old_authors, n.authors AS new_authors,
       o.description IS DISTINCT FROM n.description AS description_changed,
       o.content_hash <> n.content_hash AS text_changed,
       len(list_filter(n.paras, lambda p: NOT list_contains(o.paras, p))) AS paragraphs_added,
       len(list_filter(o.paras, lambda p: NOT list_contains(n.paras, p))) AS paragraphs_removed,
       n.word_count - o.word_count AS word_count_delta,
       n.notices > o.notices AS correction_added
FROM r n JOIN r o ON o.article_id = n.article_id AND o.revision = n.revision - 1;
