-- Conservation per run: every input is kept, rejected, failed or skipped, exactly once.
-- A run without its totals (a manifest edited or written by another tool: pressroom's
-- runs always record them) fails too: its conservation cannot be shown, as a NULL in a
-- required column fails 07. (NULL inputs against a NULL sum were not DISTINCT: round 64.)
SELECT run_id, inputs, kept, rejected, failed, skipped FROM runs
WHERE inputs IS NULL OR inputs IS DISTINCT FROM kept + rejected + failed + skipped
