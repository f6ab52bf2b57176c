"""Experiment, not adopted: the learned block scorer with DOM features, cross-validated.

    .venv/bin/python bench/dom_scorer_experiment.py --corpus /path/to/corpus/dev \
        [--folds 5] [--c 0.3] [--cache FILE] [--workers 2]

`line_scorer_experiment.py` measured a scorer over features of the text alone (ROC AUC
~0.73, no gain) and named what it lacked: evidence from the page's DOM. This script adds
it. Each block the line rules keep is looked up in the page it came from (the deepest
element whose whitespace-normalised text is the block, as trafilatura copies paragraphs
whole), and described by:

- the element's tag, the set of its ancestors' tags (figure, aside, nav, li, a, h2, ...),
  its depth;
- its link density (characters inside <a> over all; 1 when it sits inside a link);
- the class and id tokens of the element and its ancestors (lower-cased runs of letters:
  "related", "caption", "author", "sidebar", ...);
- a flag for blocks with no such element (a block trafilatura joined from inline pieces).

With the text features of `line_scorer_experiment.block_features` beside them, a
logistic regression (sparse, class-balanced) is trained and its threshold picked on the
training folds, exactly as there; the held-out folds are scored with score_dev.py. The
text-only model is run in the same process for the comparison. Needs scikit-learn (the
`bench` extra). Result and reading in BENCHMARKS.md ("article text, round 8").
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from bench_extract import corpus_dir, load_scorer  # a sibling script: bench/ is on sys.path
from line_scorer_experiment import (
    FEATURES,
    MAX_WORDS_DROPPED,
    block_features,
    extract_all,
    fmt,
    fold_of,
)

from tasks.clean.text import normalise_text

_WS = re.compile(r"\s+")
_CLASS_TOKEN = re.compile(r"[a-z]+")
MAX_ELEMENT_CHARS = 5000  # longer elements are containers, never one block


def _ws(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def element_by_text(tree) -> dict:
    """Whitespace-normalised text -> the deepest element of the body with exactly that text."""
    index = {}
    body = tree.find("body")
    if body is None:
        return index
    for el in body.iter():  # document order: a descendant with the same text comes later
        if isinstance(el.tag, str):
            text = _ws(el.text_content())
            if text and len(text) <= MAX_ELEMENT_CHARS:
                index[text] = el
    return index


def dom_features(el) -> dict[str, float]:
    """The DOM evidence of one block's element (see the module docstring)."""
    if el is None:
        return {"no_element": 1.0}
    text_chars = len(_ws(el.text_content())) or 1
    link_chars = sum(len(_ws(a.text_content())) for a in el.iter("a"))
    out: dict[str, float] = {"tag=" + el.tag: 1.0}
    depth = 0
    in_link = False
    node = el
    while node is not None and isinstance(node.tag, str):
        if node is not el:
            out["anc=" + node.tag] = 1.0
            in_link = in_link or node.tag == "a"
        for attr in ("class", "id"):
            for token in _CLASS_TOKEN.findall((node.get(attr) or "").lower()):
                out["tok=" + token] = 1.0
        node = node.getparent()
        depth += 1
    out["link_density"] = 1.0 if in_link else min(1.0, link_chars / text_chars)
    out["depth"] = min(depth, 40) / 40
    return out


def _extract_one(args: tuple[str, str | None, str]) -> tuple[str, dict]:
    """One page as the pipeline sees it: its blocks after the line rules, with DOM evidence."""
    from tasks.clean.boilerplate import remove_boilerplate
    from tasks.common.charset import decode, sniff_encoding
    from tasks.extract import pages

    page_id, url, path = args
    body = gzip.open(path).read()
    enc = sniff_encoding(body, "text/html")[0]
    x = pages.extract_html(body, url or f"https://dev-corpus.invalid/{page_id}", encoding=enc)
    text = remove_boilerplate(x.text, authors=x.meta.authors or (), title=x.meta.title).text
    blocks = [b for b in text.split("\n\n") if b]
    html = pages._XML_DECLARATION.sub("", decode(body, enc), count=1) if enc else body
    tree = pages.parse_html(html)
    index = element_by_text(tree) if tree is not None else {}
    dom = [dom_features(index.get(_ws(b))) for b in blocks]
    return page_id, {"blocks": blocks, "dom": dom, "title": x.meta.title}


# the three models compared: the text alone, with the DOM's structure, with its class names
DOM_SETS = {
    "text features only": (),
    "text + DOM structure (tags, link density)": ("tag=", "anc=", "link_density", "depth",
                                                  "no_element"),
    "text + DOM structure + class/id tokens": ("tag=", "anc=", "link_density", "depth",
                                               "no_element", "tok="),
}


def feature_dicts(page: dict, dom_kinds: tuple[str, ...]) -> list[dict[str, float]]:
    rows = []
    for text_row, dom in zip(block_features(page["blocks"], page["title"]), page["dom"],
                             strict=True):
        row = dict(zip(FEATURES, text_row, strict=True))
        row.update((k, v) for k, v in dom.items() if k.startswith(dom_kinds) and dom_kinds)
        rows.append(row)
    return rows


def labels(expected: dict, blocks: list[str], norm) -> list[int]:
    """1 boilerplate (holds a `without` snippet), 0 content (a `with` one), -1 neither/both."""
    withs = [norm(s) for s in expected["with"]]
    withouts = [norm(s) for s in expected["without"]]
    out = []
    for block in blocks:
        n = norm(block)
        good, bad = any(s in n for s in withs), any(s in n for s in withouts)
        out.append(int(bad) if good != bad else -1)
    return out


THRESHOLDS = [round(t, 2) for t in np.arange(0.30, 0.96, 0.05)]


class Scorer:
    """Train on some pages, drop blocks on others, score with score_dev.py."""

    def __init__(self, raw, expected, norm, scorer, dom_kinds: tuple[str, ...], c: float):
        from sklearn.feature_extraction import DictVectorizer

        self.raw, self.scorer, self.c = raw, scorer, c
        self.by_id = {e["id"]: e for e in expected}
        self.rows = {p: feature_dicts(r, dom_kinds) for p, r in raw.items()}
        self.y = {p: labels(self.by_id[p], r["blocks"], norm) for p, r in raw.items()}
        self.vec = DictVectorizer().fit([row for rows in self.rows.values() for row in rows])

    def fit(self, pages: list[str]):
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import MaxAbsScaler

        xs = [row for p in pages for row, y in zip(self.rows[p], self.y[p], strict=True) if y >= 0]
        ys = [y for p in pages for y in self.y[p] if y >= 0]
        x = self.vec.transform(xs)
        scale = MaxAbsScaler().fit(x)
        clf = LogisticRegression(C=self.c, class_weight="balanced", max_iter=5000)
        clf.fit(scale.transform(x), ys)
        return scale, clf

    def probabilities(self, model, page: str) -> np.ndarray:
        scale, clf = model
        if not self.rows[page]:
            return np.zeros(0)
        return clf.predict_proba(scale.transform(self.vec.transform(self.rows[page])))[:, 1]

    def texts(self, model, threshold: float | None, pages: list[str]) -> dict[str, str]:
        out = {}
        for p in pages:
            blocks = self.raw[p]["blocks"]
            if threshold is not None and len(blocks) > 1:
                probs = self.probabilities(model, p)
                longest = max(range(len(blocks)), key=lambda i: len(blocks[i]))
                blocks = [b for i, (b, pr) in enumerate(zip(blocks, probs, strict=True))
                          if pr < threshold or i == longest
                          or len(b.split()) > MAX_WORDS_DROPPED]
            out[p] = normalise_text("\n".join(blocks))
        return out

    def score(self, pages: list[str], texts: dict[str, str]) -> dict:
        return self.scorer.score([self.by_id[p] for p in pages], texts)

    def train(self, pages: list[str]):
        model = self.fit(pages)
        hm, threshold = max(
            (self.score(pages, self.texts(model, t, pages))["harmonic_mean"], t)
            for t in THRESHOLDS)
        return model, threshold


def evidence_table(raw: dict, expected: list[dict], norm) -> None:
    """How often each kind of DOM evidence sits on boilerplate and on content blocks."""
    counts: dict[str, Counter] = {}
    totals = Counter()
    for e in expected:
        r = raw[e["id"]]
        for dom, y in zip(r["dom"], labels(e, r["blocks"], norm), strict=True):
            if y < 0:
                continue
            totals[y] += 1
            keys = [k for k in dom if k.startswith(("tag=", "anc=", "no_element"))]
            if dom.get("link_density", 0) >= 0.8:
                keys.append("link_density>=0.8")
            for k in keys:
                counts.setdefault(k, Counter())[y] += 1
    print(f"labelled blocks: {totals[1]} boilerplate, {totals[0]} content")
    print("evidence                 boilerplate  content")
    # the evidence whose share differs most between the two kinds first
    for k, c in sorted(counts.items(),
                       key=lambda kv: -abs(kv[1][1] / totals[1] - kv[1][0] / totals[0]))[:20]:
        print(f"  {k:24} {c[1]:5} ({c[1] / totals[1]:5.1%})  {c[0]:5} ({c[0] / totals[0]:5.1%})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--c", type=float, default=0.3, help="inverse regularisation strength")
    ap.add_argument("--cache", type=Path, help="keep the extracted blocks in this file")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()

    corpus = corpus_dir(args.corpus)
    if not (corpus / "expected.jsonl").is_file():
        print(f"SKIP: dev corpus not found at {corpus}")
        return 0
    from sklearn.metrics import roc_auc_score

    scorer = load_scorer(corpus)
    expected = [json.loads(line) for line in open(corpus / "expected.jsonl", encoding="utf-8")]
    raw = extract_all(corpus, expected, args.workers, args.cache, one=_extract_one)
    ids = [e["id"] for e in expected]
    n_blocks = sum(len(r["blocks"]) for r in raw.values())
    found = sum("no_element" not in d for r in raw.values() for d in r["dom"])
    print(f"{len(ids)} pages, {n_blocks} blocks after the rules, {found} found as one element")
    evidence_table(raw, expected, scorer.norm)

    for name, dom_kinds in DOM_SETS.items():
        s = Scorer(raw, expected, scorer.norm, scorer, dom_kinds, args.c)
        held_out: dict[str, str] = {}
        probs, truth = [], []
        for f in range(args.folds):
            test = [p for p in ids if fold_of(p, args.folds) == f]
            model, threshold = s.train([p for p in ids if fold_of(p, args.folds) != f])
            held_out.update(s.texts(model, threshold, test))
            for p in test:
                for pr, y in zip(s.probabilities(model, p), s.y[p], strict=True):
                    if y >= 0:
                        probs.append(pr)
                        truth.append(y)
        print(f"{name}: {args.folds}-fold CV, held-out ROC AUC {roc_auc_score(truth, probs):.3f}")
        print(f"  rules only        {fmt(s.score(ids, s.texts(None, None, ids)))}")
        print(f"  rules + scorer    {fmt(s.score(ids, held_out))}")
        for h in (0, 1):
            test = [p for p in ids if fold_of(p, 2) != h]
            model, threshold = s.train([p for p in ids if fold_of(p, 2) == h])
            print(f"  train half {h} -> half {1 - h}: threshold {threshold:.2f}  rules "
                  f"{fmt(s.score(test, s.texts(None, None, test)))}  ->  scorer "
                  f"{fmt(s.score(test, s.texts(model, threshold, test)))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
