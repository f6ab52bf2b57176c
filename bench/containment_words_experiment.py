"""Containment on shingles of 5, 4 and 3 words, compared exactly on the syndication set:
how many same-story pairs each leaves under a level, how contained the other-story pairs
that share most words get, and the rule ceiling (every candidate pair compared exactly,
clusters by union-find) at containment 0.6-0.75. The measurement behind dedup's 3-word
containment recheck (BENCHMARKS.md, "Story clusters", round 4).

    .venv/bin/python bench/containment_words_experiment.py --corpus ../shared/corpus/dev \
        [--seeds 13 14 15]

Candidates here are all pairs of each story plus, per document, the 5 other-story
documents sharing most 3-word shingles with it (the hard negatives: the shared-quote
pairs and same-topic bodies). Slow (pure Python sets): a few minutes per seed.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_syndication import bodies, build, components, usable  # noqa: E402

from tasks.dedup.signing import shingle_sets  # noqa: E402


def hard_negatives(docs: list[dict], sets3: list[set[int]], per_doc: int = 5) -> set:
    """Per document, the `per_doc` other-story documents sharing most 3-word shingles."""
    holders: dict[int, list[int]] = {}
    for i, s in enumerate(sets3):
        for h in s:
            holders.setdefault(h, []).append(i)
    out = set()
    for i, s in enumerate(sets3):
        shared: dict[int, int] = {}
        for h in s:
            for j in holders[h]:
                if j != i:
                    shared[j] = shared.get(j, 0) + 1
        for j, _ in sorted(shared.items(), key=lambda x: -x[1])[:per_doc]:
            if docs[i]["story"] != docs[j]["story"]:
                out.add((min(i, j), max(i, j)))
    return out


def containment(a: set, b: set) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def ceiling(docs, cand, truth, sets5, sets_k, level: float) -> tuple[float, float]:
    """(precision, recall) of clusters joined by Jaccard5 >= 0.8 or containment >= level
    (5-word, or k-word when the 5-word one misses) with >= 50 5-word shingles."""
    def joined(i: int, j: int) -> bool:
        a, b = sets5[i], sets5[j]
        inter = len(a & b)
        small = min(len(a), len(b))
        jac = inter / max(1, len(a) + len(b) - inter)
        if jac >= 0.8 or (small >= 50 and inter / max(1, small) >= level):
            return True
        return small >= 50 and containment(sets_k[i], sets_k[j]) >= level

    comp: dict[int, list[int]] = {}
    for i, root in enumerate(components(len(docs), (p for p in cand if joined(*p)))):
        comp.setdefault(root, []).append(i)
    found = {(min(i, j), max(i, j)) for m in comp.values()
             for i, j in itertools.combinations(m, 2)}
    tp = len(found & truth)
    return tp / max(1, len(found)), tp / len(truth)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--cache", default="/tmp/pressroom-syndication-bodies.json")
    ap.add_argument("--seeds", type=int, nargs="+", default=[13, 14, 15])
    args = ap.parse_args()
    texts = usable(bodies(Path(args.corpus), Path(args.cache)))
    for seed in args.seeds:
        docs = build(texts, seed)
        words = [d["text"] for d in docs]
        sets = {k: [set(x.tolist()) for x in shingle_sets(words, k)] for k in (5, 4, 3)}
        story: dict[str, list[int]] = {}
        for i, d in enumerate(docs):
            story.setdefault(d["story"], []).append(i)
        truth = {(i, j) for m in story.values() for i, j in itertools.combinations(m, 2)}
        negatives = hard_negatives(docs, sets[3])
        for k in (5, 4, 3):
            pos = [containment(sets[k][i], sets[k][j]) for i, j in truth]
            neg = sorted(containment(sets[k][i], sets[k][j]) for i, j in negatives)
            print(f"seed {seed} k{k}: same-story pairs under 0.7: "
                  f"{sum(c < 0.7 for c in pos)} of {len(pos)}; other-story max "
                  f"{neg[-1]:.3f}, top 5 {[round(c, 3) for c in neg[-5:]]}")
        cand = sorted(truth | negatives)
        for k in (5, 3):
            for level in (0.6, 0.65, 0.7, 0.75):
                p, r = ceiling(docs, cand, truth, sets[5], sets[k], level)
                print(f"seed {seed} ceiling containment {level} on {k}-word recheck: "
                      f"P {p:.4f} R {r:.4f}")


if __name__ == "__main__":
    main()
