"""Dedup: URL identity, revisions, exact and near duplicates (MinHash + LSH, verified on
exact shingle Jaccard) across the whole warehouse, with stable cluster ids.

Entry point: `run(articles, DedupConfig, run_id, prior) -> StageResult`; the wrapper reads
`prior` (tasks.common.state.PriorArticles) from the warehouse.
"""

from tasks.dedup.rules import DedupConfig, run, settings_problem

__all__ = ["DedupConfig", "run", "settings_problem"]
