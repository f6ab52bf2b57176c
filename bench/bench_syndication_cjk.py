"""Story clusters of Chinese and Japanese copies, built from the dev corpus's own bodies
in those scripts (issue 13; BENCHMARKS.md, "Chinese and Japanese copies").

    .venv/bin/python bench/bench_syndication_cjk.py --corpus ../shared/corpus/dev \
        [--seeds 1 2 3] [--min-words 250] [--against OTHER/tasks/dedup/signing.py]

bench_syndication.py's set keeps bodies of MIN_WORDS space-separated words, which leaves
almost no Chinese or Japanese one, and splits sentences before a capital letter, which
these scripts lack. Here: the bodies (trafilatura's text of the dev pages, the same cache)
mostly written in kana and CJK ideographs, of bench_syndication's MIN_PARAS paragraphs
and MIN_WORDS words counted as `word_count` counts them (two letters a word; `--min-words`
lowers it), sentences split after 。！？,
and per seed every body published as the original and the six copies of
bench_syndication.VARIANTS (a local intro: the first two sentences of another of these
bodies). They go through `tasks.dedup.run` in shuffled batches; pairwise precision and
recall as bench_syndication reports them.

Also printed: per body, how much of a thinned copy (every 3rd or 4th sentence dropped)
is contained in its original on 5- and 3-token shingles, and their Jaccard, by this
tree's signing and, with `--against`, another version's (`git show REV:tasks/dedup/
signing.py > /tmp/signing_before.py`).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import sys
from pathlib import Path

import bench_syndication as syndication  # a sibling script: bench/ is on sys.path
import numpy as np

from tasks.common.settings import Settings, settings_slice
from tasks.common.text import CJK_LETTER, word_count
from tasks.dedup import signing as sg
from tasks.dedup.rules import DedupConfig

_SENTENCE_END = re.compile(r"(?<=[。！？])")
BATCH = 10


def sentences(paras: list[str]) -> list[list[str]]:
    return [[s for s in _SENTENCE_END.split(p) if s] for p in paras]


def thin(paras: list[str], every: int) -> list[str]:
    return syndication.thin_every(paras, every, sentences, "")


def intro(paras: list[str], donor: list[str]) -> list[str]:
    return ["".join([s for p in sentences(donor) for s in p][:2]), *paras]


def variant(kind: str, paras: list[str], donor: list[str], rnd: random.Random) -> list[str]:
    cut = syndication.cut
    return {"cut": lambda: cut(paras, rnd.uniform(0.5, 0.6)),
            "intro": lambda: intro(paras, donor),
            "intro_cut": lambda: intro(cut(paras, 0.7), donor),
            "thin": lambda: thin(paras, rnd.choice([3, 4])),
            "thin_cut": lambda: thin(cut(paras, 0.6), rnd.choice([3, 4])),
            "intro_thin_cut": lambda: intro(thin(cut(paras, 0.6), rnd.choice([3, 4])),
                                            donor)}[kind]()


def cjk_bodies(corpus: Path, cache: Path, min_words: int) -> list[list[str]]:
    """The bodies at least half of whose letters are kana or CJK ideographs, long enough."""
    out = []
    for text in syndication.bodies(corpus, cache):
        letters = sum(map(str.isalpha, text))
        paras = syndication.paragraphs(text)
        if (len(CJK_LETTER.findall(text)) * 2 >= letters and word_count(text) >= min_words
                and len(paras) >= syndication.MIN_PARAS):
            out.append(paras)
    return out


def documents(bodies: list[list[str]], seed: int) -> list[dict]:
    rnd = random.Random(seed)
    docs = []
    for s, paras in enumerate(bodies):
        docs.append({"text": "\n\n".join(paras), "story": f"s{s}", "kind": "original"})
        for kind in syndication.VARIANTS:
            donor = bodies[rnd.choice([i for i in range(len(bodies)) if i != s])]
            docs.append({"text": "\n\n".join(variant(kind, paras, donor, rnd)),
                         "story": f"s{s}", "kind": kind})
    return docs


def _signing_of(path: str):
    spec = importlib.util.spec_from_file_location("other_signing", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["other_signing"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def overlap(signing, a: str, b: str, k: int) -> tuple[float, float]:
    """(containment of the smaller set, Jaccard) of two texts' k-token shingle sets."""
    sa, sb = signing.shingle_sets([a, b], k)
    inter = np.intersect1d(sa, sb).size
    return inter / max(1, min(sa.size, sb.size)), inter / max(1, sa.size + sb.size - inter)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--cache", default="/tmp/pressroom-syndication-bodies.json")
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    ap.add_argument("--min-words", type=int, default=syndication.MIN_WORDS)
    ap.add_argument("--against", help="another signing.py for the containment table")
    args = ap.parse_args()
    bodies = cjk_bodies(Path(args.corpus), Path(args.cache), args.min_words)
    print(f"# {len(bodies)} bodies of >= {args.min_words} words: "
          f"{[sum(map(len, b)) for b in bodies]} characters")
    sides = [("this tree", sg)] + ([("against", _signing_of(args.against))]
                                   if args.against else [])
    for paras in bodies:
        original = "\n\n".join(paras)
        for every in (3, 4):
            copy = "\n\n".join(thin(paras, every))
            cells = []
            for name, signing in sides:
                c5, jac = overlap(signing, original, copy, 5)
                c3, _ = overlap(signing, original, copy, 3)
                cells.append(f"{name}: contained {c5:.2f} (5) {c3:.2f} (3), Jaccard {jac:.2f}")
            print(f"{original[:12]!r} thinned 1 in {every}: " + " | ".join(cells))
    cfg = settings_slice(DedupConfig, Settings())
    for seed in args.seeds:
        docs = documents(bodies, seed)
        rows = syndication.rows(docs, seed)
        by_id = {r["article_id"]: docs[int(r["article_id"][1:])] for r in rows}
        got, _ = syndication.cluster(rows, cfg, BATCH)
        result = syndication.pairwise(by_id, got)
        print(json.dumps({"seed": seed, **{k: result[k] for k in (
            "true_pairs", "found_pairs", "tp", "precision", "recall", "false_by_kinds")}}))


if __name__ == "__main__":
    main()
