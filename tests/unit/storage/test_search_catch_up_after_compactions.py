"""A run killed after its Parquet commit and before its indexing, then compacted twice
(`pressroom compact` from cron, or `ingest`'s own compaction at its end): the second
compaction deletes the files the first merged, the run's among them (fault round 47)."""

from __future__ import annotations

from tasks.storage import search as S
from tasks.storage.compact import compact
from tests.unit.storage.test_search import BUDGET, FLOOD, STORM, _article, _commit


def test_a_commit_the_index_lacked_is_found_where_compactions_moved_its_files(warehouse):
    """Before: the catch-up found none of r2's files, read no row, recorded r2 as indexed;
    a compaction adds no article to the index: "Budget passes" was never found."""
    S.index_commit(warehouse, _commit(warehouse, "r1", [
        _article("a1", "River floods", FLOOD, "r1"),
        _article("a3", "Storm on the coast", STORM, "r1", revision=1)]), "r1")
    _commit(warehouse, "r2", [_article("a2", "Budget passes", BUDGET, "r2")])  # not indexed
    assert compact(warehouse, min_files=0) is not None
    # a later revision of a3, indexed: the merged file's older one must not come back
    S.index_commit(warehouse, _commit(warehouse, "r3", [
        _article("a3", "Harbour closed", STORM, "r3", revision=2)]), "r3")
    compact(warehouse, min_files=0)  # deletes the files the first merged
    assert not list((warehouse / "articles").glob("r2-*"))
    result = S.search(warehouse, "budget OR river OR storm")
    assert result.caught_up == ["r2"]
    assert {h.article_id: h.title for h in result.hits} == {
        "a1": "River floods", "a2": "Budget passes", "a3": "Harbour closed"}
    assert S.search(warehouse, "budget").total == 1  # once, after another catch-up
