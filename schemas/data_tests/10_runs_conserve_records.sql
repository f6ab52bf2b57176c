-- Conservation per run: every input is kept, rejected, failed or skipped, exactly once.
SELECT run_id, inputs, kept, rejected, failed, skipped FROM runs
WHERE inputs IS DISTINCT FROM kept + rejected + failed + skipped
