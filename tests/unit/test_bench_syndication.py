"""The union-find the syndication benchmarks' rule ceilings cluster with
(bench/bench_syndication.py's `components`, shared by bench_syndication_stress.py and
containment_words_experiment.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from bench_syndication import components  # noqa: E402 -- bench/ is not a package


def _groups(roots: list[int]) -> set[frozenset[int]]:
    by_root: dict[int, set[int]] = {}
    for item, root in enumerate(roots):
        by_root.setdefault(root, set()).add(item)
    return {frozenset(g) for g in by_root.values()}


def test_components_joins_pairs_transitively_and_leaves_the_rest_alone():
    # a chain joined out of order (0-1, 2-3, then 1-3) is one component
    roots = components(7, [(0, 1), (2, 3), (1, 3), (5, 6), (6, 5)])
    assert _groups(roots) == {frozenset({0, 1, 2, 3}), frozenset({4}), frozenset({5, 6})}
    assert all(roots[r] == r for r in roots)  # each root is an item of its own component


def test_components_of_a_long_chain_and_of_no_pairs():
    n = 500
    roots = components(n, ((i, i + 1) for i in range(n - 1)))  # any iterable of pairs
    assert len(set(roots)) == 1
    assert components(3, []) == [0, 1, 2]
