"""Keywords per article: corpus TF-IDF over the batch (default) or YAKE.

Both were measured on the 990-page dev corpus (bench/bench_enrich.py; figures in
bench/results/enrich.md). No keyword gold exists offline, so the quality proxy is
the article's own title: how often a top-5 keyword shares a word with it (hit rate) and
what share of the top 5 do (precision). TF-IDF (with a lead boost): hit rate 0.759,
precision 0.304, 26-33x faster than YAKE: 0.671, 0.312. YAKE alone would cost more per
article than extraction (55-82 ms vs 18-48 ms), so TF-IDF is the default: a batch of hundreds
of articles is itself the corpus that makes a word distinctive. YAKE stays available
(`keywords_method="yake"`) for runs of a few articles, where a batch is too small to be
a corpus (with one article, IDF is constant and TF-IDF is plain term frequency).

Stop words come from the lists YAKE ships (34 languages), so both methods share them.
Candidates are words and two-word phrases with no stop word or number at either end.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

TOP_K = 10
# A word must occur this often in an article to be its keyword; a phrase twice.
MIN_TERM_FREQ = 1
MIN_PHRASE_FREQ = 2
# Phrases are scored like words (a boost was measured: 1.5x and 2x lowered the proxy).
PHRASE_BOOST = 1.0
MIN_WORD_CHARS = 3
# A "word" longer than this is no keyword: words may hold hyphens and apostrophes, so a
# run of "Warsaw-Warsaw-..." (a text's separators glued, a slug, base64 in the text) was
# one word of 1.4 MB, stored among the keywords as it was. German compounds in news stay
# under ~40 characters ("Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz",
# the longest ever in use, has 63).
MAX_WORD_CHARS = 64
# Terms of the opening lines (news puts the point first) count double. Measured on the
# dev corpus' title proxy: boost 0 -> 0.688 title hit rate, 1.0 over 250 chars -> 0.755.
LEAD_CHARS = 250
LEAD_BOOST = 1.0


def _mark_ranges() -> str:
    """The combining marks (Unicode's Mn, Mc, Me) as the ranges of a character class."""
    ranges: list[list[int]] = []
    for code in range(0x300, 0x10000):
        if unicodedata.category(chr(code)) in ("Mn", "Mc", "Me"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                   for a, b in ranges)


# A word: a letter, then letters, digits, marks, apostrophes or hyphens, ending in a
# letter, digit or mark. Combining marks are no `\w` to Python's re, and the scripts of
# India, South-East Asia and vocalised Arabic or Hebrew write their vowels with them:
# every Hindi, Bengali, Tamil or Thai word was cut at each vowel sign ("मंगलवार" gave
# "गलव"), and the keywords of such a text were shards (fault round 28). A ZWNJ or ZWJ
# inside a word (Persian "می‌دهد", which clean keeps) is part of it too.
# Only the BMP's marks: sre keeps a class within it as a bitmap, and one reaching past it
# as a list of ranges tried one by one (candidates over 990 dev texts took 1.2-1.8 s for
# 0.4-0.5 s); no script of the news writes its vowels beyond it.
_MARKS = _mark_ranges()
_WORD = re.compile(rf"[^\W\d_][\w'’\-{_MARKS}\u200c\u200d]*[\w{_MARKS}](?<!_)")
# The same words as a split with a capturing group: the text between two words and the words
# alternate in one list made in C (gap, word, gap, word, ..., gap), with no match object per
# word (bench/micro_cuts.py: ~20% less CPU than a finditer loop with the same counts).
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")
_POSSESSIVE_ENDS = ("'s", "’s")
# ISO 639-1 -> the suffix YAKE uses for its stop-word file, where it differs.
_YAKE_LANG = {"cs": "cz"}


@lru_cache(maxsize=64)
def stopwords(lang: str | None) -> frozenset[str]:
    """Stop words for `lang` from YAKE's lists; English for a language without a list
    (YAKE's "noLang" list is empty, and English is the web's commonest second language;
    for the rest, the batch IDF still discounts function words)."""
    import yake  # imported here: only the stop-word files are needed on the TF-IDF path

    base = Path(yake.__file__).parent / "core" / "StopwordsList"
    code = _YAKE_LANG.get(lang or "", lang or "")
    path = base / f"stopwords_{code}.txt"
    if not path.exists():
        path = base / "stopwords_en.txt"
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip())


def candidates(text: str, lang: str | None) -> Counter[str]:
    """Term frequencies of candidate words and two-word phrases (lower-cased).

    The hottest loop of enrich (one step per word of every article, twice for the lead):
    a plain dict and local names, one regex split for the whole text (bench/bench_throughput.py,
    "Issue 10"; BENCHMARKS.md, "Throughput cuts, round 3").
    """
    stop = stopwords(lang)
    counts: dict[str, int] = {}
    get = counts.get
    prev: str | None = None
    parts = _WORD_SPLIT.split(text)
    # each word with the text between it and the word before it (the last gap has no word)
    for gap, word in zip(parts[0::2], parts[1::2], strict=False):
        w = word.lower()
        # "club's" and "club" are one term; possessives would otherwise split counts.
        if w.endswith(_POSSESSIVE_ENDS):
            w = w[:-2]
        if MIN_WORD_CHARS <= len(w) <= MAX_WORD_CHARS and w not in stop:
            counts[w] = get(w, 0) + 1
            # A phrase never spans punctuation: "...NATO. Sikorski" is not "nato sikorski".
            if prev is not None and gap.isspace():
                phrase = prev + " " + w
                counts[phrase] = get(phrase, 0) + 1
            prev = w
        else:
            prev = None
    return Counter(counts)


def tfidf_keywords(
    texts: list[str], langs: list[str | None], top_k: int = TOP_K
) -> list[list[str]]:
    """Top keywords of each text, IDF taken over `texts` (the batch is the corpus).

    Scores are sublinear TF (1 + log tf) times smoothed IDF; a phrase is kept only when
    it recurs, and a word already inside a chosen phrase is not repeated.
    """
    per_doc = [candidates(t or "", lang) for t, lang in zip(texts, langs, strict=True)]
    leads = [
        set(candidates((t or "")[:LEAD_CHARS], lang)) if LEAD_BOOST else set()
        for t, lang in zip(texts, langs, strict=True)
    ]
    df: Counter[str] = Counter()
    for counts in per_doc:
        df.update(counts.keys())
    n = len(per_doc)
    out = []
    for counts, lead in zip(per_doc, leads, strict=True):
        scored = []
        for term, tf in counts.items():
            phrase = " " in term
            if tf < (MIN_PHRASE_FREQ if phrase else MIN_TERM_FREQ):
                continue
            idf = math.log((1 + n) / (1 + df[term])) + 1.0
            score = (1.0 + math.log(tf)) * idf * (PHRASE_BOOST if phrase else 1.0)
            if term in lead:
                score *= 1.0 + LEAD_BOOST
            scored.append((-score, -phrase, term))  # on a tie the phrase goes first
        scored.sort()
        chosen: list[str] = []
        covered: set[str] = set()
        for _, _, term in scored:
            if len(chosen) >= top_k:
                break
            parts = term.split(" ")
            if len(parts) == 1:
                if term not in covered:
                    chosen.append(term)
                    covered.add(term)
                continue
            # A phrase replaces a chosen word of it when it accounts for at least half of
            # that word's uses ("bank" -> "central bank", but "nato" stays "nato").
            replaced = {c for c in chosen if c in parts and 2 * counts[term] >= counts[c]}
            if not replaced:
                chosen.append(term)
            else:
                at = min(i for i, c in enumerate(chosen) if c in replaced)
                chosen = [
                    term if i == at else c
                    for i, c in enumerate(chosen)
                    if i == at or c not in replaced
                ]
            covered.update(parts)
        out.append(chosen)
    return out


@lru_cache(maxsize=64)
def _yake_extractor(lang: str, top_k: int):
    import yake

    return yake.KeywordExtractor(lan=_YAKE_LANG.get(lang, lang), n=2, top=top_k, dedupLim=0.7)


def yake_keywords(text: str, lang: str | None, top_k: int = TOP_K) -> list[str]:
    """Top keywords of one text by YAKE (statistical, per document, no corpus)."""
    if not text or not text.strip():
        return []
    extractor = _yake_extractor(lang or "en", top_k)
    return [kw.lower() for kw, _score in extractor.extract_keywords(text)]


def keywords_batch(
    texts: list[str], langs: list[str | None], method: str = "tfidf", top_k: int = TOP_K
) -> list[list[str]]:
    """Keywords for a batch by `method`: 'tfidf' (default), 'yake' or 'none'."""
    if method == "none":
        return [[] for _ in texts]
    if method == "yake":
        return [yake_keywords(t, lang, top_k) for t, lang in zip(texts, langs, strict=True)]
    if method == "tfidf":
        return tfidf_keywords(texts, langs, top_k)
    raise ValueError(f"unknown keywords method {method!r} (tfidf, yake or none)")
