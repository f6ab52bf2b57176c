"""Experiment, not adopted: a learned block scorer after the line rules, cross-validated.

    .venv/bin/python bench/line_scorer_experiment.py --corpus /path/to/corpus/dev \
        [--folds 5] [--c 1.0] [--cache FILE] [--workers 2]

Needs scikit-learn (in the `bench` extra, which `make bench` installs; not a dependency of
the package, since the scorer was not adopted). Issue 13 asked to measure a small learned
scorer for blocks; this is that measurement, kept so it can be re-run when the features
change. Result (BENCHMARKS.md, "Issue 13 -- article text"): with language-independent
features of the text alone (length, punctuation, position, neighbours, digits, capitals,
title overlap) a logistic regression separates the annotated boilerplate blocks from
content with a cross-validated ROC AUC of only ~0.73, and dropping blocks by it lowers the
held-out harmonic mean. DOM features (class/id tokens, tag path, link density of the
source element) were added in `dom_scorer_experiment.py` (round 8): they lowered the
held-out AUC (0.721 -> 0.706 / 0.656) and gained nothing either.

1. Every dev page is extracted as the pipeline does (`tasks.extract.pages.extract_html`)
   and its text run through the line rules (`remove_boilerplate`): the blocks left are
   what a scorer would see in production. (`--cache FILE` keeps the extraction between runs.)
2. Labels from the corpus annotations: a block holding a `with` snippet is content (0),
   one holding a `without` snippet is boilerplate (1); blocks with neither are not used
   for training, blocks with both are skipped.
3. k-fold cross-validation, folds by a fixed hash of the page id (sha256 % k): train the
   logistic regression on k-1 folds, pick its threshold on those same folds (best snippet
   harmonic mean), score the held-out fold with score_dev.py. The concatenated held-out
   texts give the cross-validated figure, beside the rules alone on the same pages.
   Also the two halves (hash % 2) each way: train on one, score the other.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import pickle
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from bench_extract import corpus_dir, load_scorer  # a sibling script: bench/ is on sys.path

from tasks.clean.boilerplate import remove_boilerplate
from tasks.clean.text import normalise_text

# --- the block features and the model (kept here: the scorer was measured, not adopted) ---

_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?\"”“»«)]\s*$")
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])\s*$")
_LINKISH = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|de|org|net|ch|at|fr|es|pl|info)\b|@\w")
_SENTENCE_SPLIT = re.compile(r"[.!?…]\s+\S")

# Blocks this long are prose whatever their place: never dropped by the model. Author bios
# and teaser boxes are shorter; the cap keeps a mistake from costing a whole paragraph of
# an article. ~60 words is a long newsletter box.
MAX_WORDS_DROPPED = 60

FEATURES = (
    "log_words", "ends_sentence", "ends_ellipsis", "ends_colon", "rel_pos", "is_first",
    "is_last", "log_lines_after", "share_after", "share_before", "rel_len", "digit_ratio",
    "upper_ratio", "capitalised_words", "has_pipe", "list_item", "linkish", "log_sentences",
    "prev_log_words", "next_log_words", "prev_ends_sentence", "next_ends_sentence",
    "in_short_tail", "title_overlap", "log_blocks", "share_of_page",
)


def _ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def _is_short(words: int, line: str) -> bool:
    """A teaser or label: a few words without a sentence end."""
    return words <= 15 and not _ends_sentence(line)


def block_features(lines: list[str], title: str | None = None) -> list[list[float]]:
    """One feature vector (in FEATURES order) per block of an article's text."""
    n = len(lines)
    words = [len(_WORD.findall(ln)) for ln in lines]
    chars = [len(ln) for ln in lines]
    total = sum(chars) or 1
    median = sorted(words)[n // 2] if n else 0
    title_words = {w.casefold() for w in _WORD.findall(title or "")}
    # the run of short blocks that ends the text (teaser lists, tags, credits)
    tail_start = n
    while tail_start > 0 and _is_short(words[tail_start - 1], lines[tail_start - 1]):
        tail_start -= 1
    before = 0
    out = []
    for i, line in enumerate(lines):
        w = words[i]
        letters = [c for c in line if c.isalpha()]
        tokens = _WORD.findall(line)
        after = total - before - chars[i]
        out.append([
            math.log1p(w),
            float(_ends_sentence(line)),
            float(bool(_ELLIPSIS_END.search(line))),
            float(line.rstrip().endswith(":")),
            i / (n - 1) if n > 1 else 0.0,
            float(i == 0),
            float(i == n - 1),
            math.log1p(n - 1 - i),
            after / total,
            before / total,
            math.log1p(w) - math.log1p(median),
            sum(c.isdigit() for c in line) / (len(line) or 1),
            sum(c.isupper() for c in letters) / (len(letters) or 1),
            sum(t[0].isupper() for t in tokens) / (len(tokens) or 1),
            float("|" in line),
            float(line.startswith(("- ", "• ", "* "))),
            float(bool(_LINKISH.search(line))),
            math.log1p(len(_SENTENCE_SPLIT.findall(line))),
            math.log1p(words[i - 1]) if i > 0 else 0.0,
            math.log1p(words[i + 1]) if i + 1 < n else 0.0,
            float(_ends_sentence(lines[i - 1])) if i > 0 else 1.0,
            float(_ends_sentence(lines[i + 1])) if i + 1 < n else 1.0,
            float(i >= tail_start),
            (sum(t.casefold() in title_words for t in tokens) / len(tokens))
            if tokens and title_words else 0.0,
            math.log1p(n),
            chars[i] / total,
        ])
        before += chars[i]
    return out


@dataclass(frozen=True)
class LineModel:
    """A logistic regression over standardised FEATURES, and the threshold that drops."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probabilities(self, rows: list[list[float]]) -> list[float]:
        """P(boilerplate) of each feature row."""
        out = []
        for row in rows:
            z = self.bias + sum(
                w * (x - m) / s
                for w, x, m, s in zip(self.weights, row, self.mean, self.scale, strict=True)
            )
            out.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))))
        return out


def drop_scored_blocks(
    lines: list[str], title: str | None, model: LineModel
) -> tuple[list[str], int]:
    """The blocks the model does not take for furniture, and how many it dropped.

    A block of more than MAX_WORDS_DROPPED words always stays, and so does the text's
    longest block: the scorer trims an article, it never empties one.
    """
    if len(lines) < 2:
        return lines, 0
    probs = model.probabilities(block_features(lines, title))
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    kept = [
        line for i, (line, p) in enumerate(zip(lines, probs, strict=True))
        if p < model.threshold or i == longest
        or len(_WORD.findall(line)) > MAX_WORDS_DROPPED
    ]
    return kept, len(lines) - len(kept)


# --- training and cross-validation ----------------------------------------------------

THRESHOLDS = [round(t, 2) for t in np.arange(0.30, 0.96, 0.05)]


def fold_of(page_id: str, k: int) -> int:
    """A fixed split: the same page lands in the same fold on every machine and run."""
    return int(hashlib.sha256(page_id.encode()).hexdigest()[:8], 16) % k


def _extract_one(args: tuple[str, str | None, str]) -> tuple[str, dict]:
    from tasks.common.charset import sniff_encoding
    from tasks.extract.pages import extract_html

    page_id, url, path = args
    body = gzip.open(path).read()
    x = extract_html(body, url or f"https://dev-corpus.invalid/{page_id}",
                     encoding=sniff_encoding(body, "text/html")[0])
    return page_id, {"text": x.text, "authors": x.meta.authors, "title": x.meta.title}


def extract_all(corpus: Path, expected: list[dict], workers: int, cache: Path | None,
                one=_extract_one) -> dict:
    """`one((page id, url, path))` -> (page id, what it read) over every page, in `workers`
    processes (`cache`, when given, keeps the result between runs)."""
    if cache and cache.is_file():
        return pickle.loads(cache.read_bytes())
    jobs = [(e["id"], e["url"], str(corpus / "pages" / f"{e['id']}.html.gz")) for e in expected]
    with ProcessPoolExecutor(workers) as pool:
        raw = dict(pool.map(one, jobs, chunksize=10))
    if cache:
        cache.write_bytes(pickle.dumps(raw))
    return raw


def ruled_blocks(r: dict) -> list[str]:
    """The blocks left by the line rules: what the scorer sees in the pipeline."""
    text = remove_boilerplate(r["text"], authors=r["authors"] or (), title=r["title"]).text
    return [b for b in text.split("\n\n") if b]


def labelled(expected: list[dict], blocks: dict[str, list[str]], norm) -> dict[str, list]:
    """Per page: (features, labels) of the blocks that hold exactly one kind of snippet."""
    out = {}
    for e in expected:
        lines = blocks[e["id"]]
        feats = block_features(lines, e.get("_title"))
        withs = [norm(s) for s in e["with"]]
        withouts = [norm(s) for s in e["without"]]
        xs, ys = [], []
        for line, f in zip(lines, feats, strict=True):
            n = norm(line)
            good = any(s in n for s in withs)
            bad = any(s in n for s in withouts)
            if good != bad:
                xs.append(f)
                ys.append(int(bad))
        out[e["id"]] = (xs, ys)
    return out


def fit(pages: list[str], data: dict, c: float) -> LineModel:
    from sklearn.linear_model import LogisticRegression

    x = np.array([f for p in pages for f in data[p][0]], dtype=float)
    y = np.array([v for p in pages for v in data[p][1]])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
    clf.fit((x - mean) / scale, y)
    return LineModel(tuple(mean), tuple(scale), tuple(clf.coef_[0]), float(clf.intercept_[0]),
                     0.5)


def texts_with(model: LineModel | None, pages: list[str], blocks: dict, titles: dict) -> dict:
    out = {}
    for p in pages:
        lines = blocks[p]
        if model is not None:
            lines, _ = drop_scored_blocks(lines, titles[p], model)
        out[p] = normalise_text("\n".join(lines))
    return out


def best_threshold(model: LineModel, pages: list[str], blocks, titles, expected, scorer):
    exp = [e for e in expected if e["id"] in set(pages)]
    best = (-1.0, 0.5)
    for t in THRESHOLDS:
        m = LineModel(model.mean, model.scale, model.weights, model.bias, t)
        hm = scorer.score(exp, texts_with(m, pages, blocks, titles))["harmonic_mean"]
        best = max(best, (hm, t))
    return LineModel(model.mean, model.scale, model.weights, model.bias, best[1])


def train(pages, data, blocks, titles, expected, scorer, c) -> LineModel:
    return best_threshold(fit(pages, data, c), pages, blocks, titles, expected, scorer)


def fmt(s: dict) -> str:
    return (f"R {s['snippet_recall']:.4f}  P {s['precision_proxy']:.4f}  "
            f"HM {s['harmonic_mean']:.4f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    ap.add_argument("--cache", type=Path, help="keep the extracted texts in this file")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()

    corpus = corpus_dir(args.corpus)
    if not (corpus / "expected.jsonl").is_file():
        print(f"SKIP: dev corpus not found at {corpus}")
        return 0
    scorer = load_scorer(corpus)
    expected = [json.loads(line) for line in open(corpus / "expected.jsonl", encoding="utf-8")]
    raw = extract_all(corpus, expected, args.workers, args.cache)
    blocks = {p: ruled_blocks(r) for p, r in raw.items()}
    titles = {p: r["title"] for p, r in raw.items()}
    for e in expected:
        e["_title"] = titles[e["id"]]
    data = labelled(expected, blocks, scorer.norm)
    n_lab = sum(len(v[1]) for v in data.values())
    n_bad = sum(sum(v[1]) for v in data.values())
    print(f"{len(expected)} pages, {sum(map(len, blocks.values()))} blocks after the rules, "
          f"{n_lab} labelled ({n_bad} boilerplate); features: {len(FEATURES)}; C={args.c}")

    ids = [e["id"] for e in expected]
    rules_only = texts_with(None, ids, blocks, titles)
    held_out: dict[str, str] = {}
    probs, truth = [], []
    for f in range(args.folds):
        test = [p for p in ids if fold_of(p, args.folds) == f]
        trn = [p for p in ids if fold_of(p, args.folds) != f]
        model = train(trn, data, blocks, titles, expected, scorer, args.c)
        held_out.update(texts_with(model, test, blocks, titles))
        for p in test:
            probs += model.probabilities(data[p][0])
            truth += data[p][1]
        exp_f = [e for e in expected if e["id"] in set(test)]
        print(f"fold {f}: threshold {model.threshold:.2f}  rules "
              f"{fmt(scorer.score(exp_f, rules_only))}  ->  scorer "
              f"{fmt(scorer.score(exp_f, held_out))}")
    from sklearn.metrics import roc_auc_score

    print(f"{args.folds}-fold CV, all pages held out once (held-out ROC AUC of the labelled "
          f"blocks {roc_auc_score(truth, probs):.3f}):")
    print(f"  rules only        {fmt(scorer.score(expected, rules_only))}")
    print(f"  rules + scorer    {fmt(scorer.score(expected, held_out))}")
    for h in (0, 1):
        trn = [p for p in ids if fold_of(p, 2) == h]
        test = [p for p in ids if fold_of(p, 2) != h]
        model = train(trn, data, blocks, titles, expected, scorer, args.c)
        exp_h = [e for e in expected if e["id"] in set(test)]
        print(f"train half {h} -> test half {1 - h}: threshold {model.threshold:.2f}  rules "
              f"{fmt(scorer.score(exp_h, rules_only))}  ->  scorer "
              f"{fmt(scorer.score(exp_h, texts_with(model, test, blocks, titles)))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
