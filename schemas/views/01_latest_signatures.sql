-- The current row of every article's near-duplicate state (signatures is append-only).
CREATE OR REPLACE VIEW latest_signatures AS
SELECT * EXCLUDE (rn) FROM (
    SELECT *, row_number() OVER (PARTITION BY article_id ORDER BY recorded_at DESC,
                                 run_id DESC) AS rn
    FROM signatures
) WHERE rn = 1;
