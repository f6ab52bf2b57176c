"""Experiment, not adopted: a paragraph-level vote between extractors on the dev corpus.

    .venv/bin/python bench/extractor_vote_experiment.py --corpus /path/to/corpus/dev

Needs resiliparse (in the `bench` extra, not a dependency of the package, since the vote
was not adopted); jusText comes with trafilatura. Issue 13 asked whether a vote between
different extractors beats a single one (Bevendorff et al., SIGIR 2023, found ensembles
ahead of every single extractor). This script measures that, so it can be run again when
the rules change. The result is in BENCHMARKS.md, "Issue 13 -- article text, round 7".

1. Every dev page goes through the pipeline's extract and clean stages, as in
   bench_extract.py. Its text is the base that the votes edit.
2. The same page through resiliparse's main-content extraction and through jusText
   (trafilatura's merged stop list). Each one's time per page is measured.
3. Two kinds of vote:
   - **veto**: a line of the pipeline's text of at most N words goes when too few of its
     word n-grams are in the other extractor's text. It is asked only on pages where the
     other extractor agrees with the pipeline on most of the text (`--cover`), so that a
     page the other extractor missed whole does not veto everything.
   - **union**: a paragraph of the other extractor's text of at least N words, barely
     present in the pipeline's text, is added (for recall).
   Both are scored with the corpus scorer, on the whole corpus and on each half.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from datetime import UTC, datetime

import justext
from bench_extract import (  # a sibling script: bench/ is on sys.path
    BenchSettings,
    corpus_dir,
    doc_table,
    load_corpus,
    load_scorer,
    text_half,
)
from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.encoding import bytes_to_str, detect_encoding
from resiliparse.parse.html import HTMLTree
from trafilatura.external import jt_stoplist_init

from tasks import clean, extract
from tasks.common.settings import settings_slice

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def grams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def all_grams(tokens: list[str]) -> set[tuple[str, ...]]:
    """Uni-, bi- and trigrams: a line of one or two words is looked up at its own length."""
    return grams(tokens, 1) | grams(tokens, 2) | grams(tokens, 3)


def share_present(tokens: list[str], other: set[tuple[str, ...]]) -> float:
    line = grams(tokens, min(3, len(tokens)))
    return len(line & other) / len(line)


def agreement(text: str, other: set[tuple[str, ...]]) -> float:
    """How much of the pipeline's text (trigrams) the other extractor has."""
    own = grams(words(text), 3)
    return len(own & other) / max(1, len(own))


def veto(ours: dict, other: dict, max_words: int, keep_share: float, cover: float) -> dict:
    out = {}
    for pid, text in ours.items():
        theirs = all_grams(words(other.get(pid) or ""))
        if not text or agreement(text, theirs) < cover:
            out[pid] = text
            continue
        kept = []
        for line in text.split("\n"):
            tokens = words(line)
            if (not tokens or len(tokens) > max_words
                    or share_present(tokens, theirs) >= keep_share):
                kept.append(line)
        out[pid] = "\n".join(kept)
    return out


def union(ours: dict, other: dict, min_words: int, max_share: float, cover: float) -> dict:
    out = {}
    for pid, text in ours.items():
        own = grams(words(text or ""), 3)
        theirs = other.get(pid) or ""
        if not text or agreement(theirs, own) < cover:
            out[pid] = text
            continue
        added = [line for line in theirs.split("\n")
                 if len(tokens := words(line)) >= min_words
                 and len(grams(tokens, 3) & own) / len(grams(tokens, 3)) <= max_share]
        out[pid] = "\n".join([text, *added]) if added else text
    return out


def resiliparse_text(html: bytes) -> str:
    tree = HTMLTree.parse(bytes_to_str(html, detect_encoding(html)))
    return extract_plain_text(tree, main_content=True, preserve_formatting=True)


def justext_text(html: bytes, stoplist) -> str:
    try:
        paragraphs = justext.justext(html, stoplist)
    except Exception:  # noqa: BLE001 -- a page jusText cannot parse votes with no text
        return ""
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def timed(fn, pages: dict[str, bytes]) -> tuple[dict[str, str], float]:
    out, t0 = {}, time.perf_counter()
    for pid, html in pages.items():
        out[pid] = fn(html)
    return out, (time.perf_counter() - t0) / max(1, len(pages)) * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus")
    args = ap.parse_args()
    corpus = corpus_dir(args.corpus)
    if not (corpus / "expected.jsonl").is_file():
        print(f"SKIP: dev corpus not found at {corpus}")
        return 0
    scorer = load_scorer(corpus)
    expected, pages = load_corpus(corpus, 1, None)
    settings = BenchSettings()
    fetched_at = datetime.now(UTC)

    ours: dict[str, str] = {}
    t0 = time.perf_counter()
    for i in range(0, len(expected), 10):
        table = doc_table(expected[i:i + 10], pages, fetched_at)
        ex = extract.run(table, settings_slice(extract.ExtractConfig, settings), "vote")
        cl = clean.run(ex.table, settings_slice(clean.CleanConfig, settings), "vote")
        ours.update({r["input_key"]: r["text"] or "" for r in cl.table.to_pylist()})
    ms_ours = (time.perf_counter() - t0) / len(expected) * 1000
    others = {}
    others["resiliparse"], ms_rp = timed(resiliparse_text, pages)
    stoplist = jt_stoplist_init()
    others["justext"], ms_jt = timed(lambda html: justext_text(html, stoplist), pages)
    print(f"{len(expected)} pages; ms/page: pressroom extract+clean {ms_ours:.1f}, "
          f"resiliparse {ms_rp:.1f}, jusText {ms_jt:.1f}", file=sys.stderr)

    def row(name: str, texts: dict) -> str:
        cells = []
        for part in (expected, *([e for e in expected if text_half(e["id"]) == h] for h in (0, 1))):
            s = scorer.score(part, texts)
            cells += [f"{s['snippet_recall']:.4f}", f"{s['precision_proxy']:.4f}",
                      f"{s['harmonic_mean']:.4f}"]
        return f"| {name} | " + " | ".join(cells) + " |"

    print("| run | R | P | HM | half 0 R | P | HM | half 1 R | P | HM |")
    print("| --- |" + " ---: |" * 9)
    print(row("pressroom pipeline", ours))
    for name, texts in others.items():
        print(row(f"{name} alone", texts))
        for max_words in (3, 5, 10, 20, 10_000):
            print(row(f"{name} veto, lines <= {max_words} words, keep >= 0.5, cover >= 0.8",
                      veto(ours, texts, max_words, 0.5, 0.8)))
        for min_words in (30, 60):
            print(row(f"{name} union, paragraphs >= {min_words} words, <= 0.5 present, "
                      "cover >= 0.8", union(ours, texts, min_words, 0.5, 0.8)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
