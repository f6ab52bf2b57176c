"""Story clusters (issue 13): pairwise precision and recall of dedup's clusters on a
syndication set built from real article bodies, and signing speed against datasketch.

    .venv/bin/python bench/bench_syndication.py --corpus ../shared/corpus/dev [--seed 13]

The set: article bodies extracted with trafilatura from the development corpus (pages of
at least MIN_WORDS words in at least MIN_PARAS paragraphs; pages whose bodies overlap
already, by an independent Python check on 5-word shingle sets, are dropped so the truth
is clean). Then, with a fixed seed:

- stories: ORIGINALS bodies, each published as the original plus 2-4 copies, each copy
  one of: cut to ~55% of its paragraphs; a local intro (two sentences of another body)
  before the whole text; a local intro before the first 70%; sentences thinned (every
  3rd or 4th dropped); thinned and cut; intro, thinned and cut;
- shared quotes: QUOTE_PAIRS pairs of *different* bodies that carry the same long quote
  (a 50-90 word passage of a third body, in quotation marks) in the middle: each is its
  own story;
- unrelated: the remaining bodies, one story each.

Each document gets its own outlet and URL and a first-seen time; they go through
`tasks.dedup.run` in shuffled batches of BATCH against the earlier batches
(`prior_from_tables`, as the pipeline does per commit), and once as one batch (the two
must give the same clusters). Pairwise precision / recall: over all pairs of documents,
"same cluster" against "same story". Reported beside the same run with containment off
(the Jaccard-only clustering before issue 13). Speed: `signing.sign_counted` (what dedup
calls) against datasketch MinHash(num_perm=128) on the same texts, CPU seconds of this
process, interleaved 3 times, medians.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import platform
import random
import re
import statistics
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa

from schemas import ARTICLES, conform
from tasks import dedup
from tasks.common.settings import Settings, settings_slice
from tasks.common.text import content_hash
from tasks.dedup import minhash as nd
from tasks.dedup import signing as sg
from tasks.storage.warehouse import prior_from_tables

MIN_WORDS = 250
MIN_PARAS = 5
ORIGINALS = 150
QUOTE_PAIRS = 40
BATCH = 100
K = 5
T0 = datetime(2025, 6, 1, tzinfo=UTC)
_SENT = re.compile(r"(?<=[.!?…])\s+(?=[\"'“„«A-ZÄÖÜÀ-Ý0-9])")


def words_of(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def shingle_set(text: str) -> set[tuple[str, ...]]:
    w = words_of(text)
    return {tuple(w[i : i + K]) for i in range(max(1, len(w) - K + 1))}


def bodies(corpus: Path, cache: Path) -> list[str]:
    """Main texts of the corpus pages (trafilatura, no comments), cached."""
    if cache.exists():
        return json.loads(cache.read_text("utf-8"))
    import trafilatura

    out = []
    for page in sorted((corpus / "pages").glob("*.html.gz")):
        html = gzip.decompress(page.read_bytes())
        text = trafilatura.extract(html, include_comments=False, include_tables=False)
        if text:
            out.append(text)
    if not out:
        raise SystemExit(f"no pages under {corpus}/pages")
    cache.write_text(json.dumps(out), "utf-8")
    return out


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def usable(texts: list[str]) -> list[list[str]]:
    """Bodies long enough, without any pair already overlapping (containment > 0.3 of
    5-word shingles, checked on Python sets): the corpus's own near-copies would blur
    the truth."""
    cand = [paragraphs(t) for t in texts]
    cand = [p for p in cand if len(p) >= MIN_PARAS and len(words_of(" ".join(p))) >= MIN_WORDS]
    sets = [shingle_set(" ".join(p)) for p in cand]
    drop = set()
    # Invert on shingles: only pairs sharing a shingle are compared.
    by_shingle: dict[tuple, list[int]] = {}
    for i, s in enumerate(sets):
        for sh in s:
            by_shingle.setdefault(sh, []).append(i)
    shared = Counter()
    for ids in by_shingle.values():
        if 1 < len(ids) < 50:
            for a, b in itertools.combinations(ids, 2):
                shared[a, b] += 1
    for (a, b), n in shared.items():
        if n / min(len(sets[a]), len(sets[b])) > 0.3 and a not in drop:
            drop.add(b)
    return [p for i, p in enumerate(cand) if i not in drop]


def sentences(paras: list[str]) -> list[list[str]]:
    return [_SENT.split(p) for p in paras]


def cut(paras, share=0.55):
    return paras[: max(2, round(len(paras) * share))]


def thin(paras, rnd: random.Random):
    return thin_every(paras, rnd.choice([3, 4]))


def thin_every(paras, every: int, split=sentences, joiner: str = " ") -> list[str]:
    """Every `every`-th sentence dropped (counted across paragraphs; `split` gives a
    paragraph's sentences, `joiner` glues the kept ones)."""
    out, k = [], 0
    for sents in split(paras):
        kept = []
        for s in sents:
            k += 1
            if k % every:
                kept.append(s)
        if kept:
            out.append(joiner.join(kept))
    return out


def intro(paras, donor: list[str]):
    sents = [s for p in sentences(donor) for s in p]
    return [" ".join(sents[:2]), *paras]


VARIANTS = ("cut", "intro", "intro_cut", "thin", "thin_cut", "intro_thin_cut")


def variant(kind: str, paras, donor, rnd):
    if kind == "cut":
        return cut(paras, rnd.uniform(0.5, 0.6))
    if kind == "intro":
        return intro(paras, donor)
    if kind == "intro_cut":
        return intro(cut(paras, 0.7), donor)
    if kind == "thin":
        return thin(paras, rnd)
    if kind == "thin_cut":
        return thin(cut(paras, 0.6), rnd)
    return intro(thin(cut(paras, 0.6), rnd), donor)


def build(texts: list[list[str]], seed: int) -> list[dict]:
    """Documents: {text, story, kind}."""
    rnd = random.Random(seed)
    order = list(range(len(texts)))
    rnd.shuffle(order)
    n_orig = min(ORIGINALS, len(order) // 3)
    originals, rest = order[:n_orig], order[n_orig:]
    docs = []
    for s, i in enumerate(originals):
        docs.append({"text": "\n\n".join(texts[i]), "story": f"s{s}", "kind": "original"})
        for kind in rnd.sample(VARIANTS, rnd.randint(2, 4)):
            donor = texts[rnd.choice(rest)]
            docs.append({"text": "\n\n".join(variant(kind, texts[i], donor, rnd)),
                         "story": f"s{s}", "kind": kind})
    n_quote = min(QUOTE_PAIRS, len(rest) // 3)
    for q in range(n_quote):
        a, b, src = rest[3 * q], rest[3 * q + 1], rest[3 * q + 2]
        words = " ".join(texts[src]).split()
        length = rnd.randint(50, 90)
        start = rnd.randrange(max(1, len(words) - length))
        quote = "“" + " ".join(words[start : start + length]) + "”"
        for i, tag in ((a, "qa"), (b, "qb")):
            p = list(texts[i])
            p.insert(len(p) // 2, quote)
            docs.append({"text": "\n\n".join(p), "story": f"{tag}{q}", "kind": "shared_quote"})
    for j, i in enumerate(rest[3 * n_quote :]):
        docs.append({"text": "\n\n".join(texts[i]), "story": f"u{j}", "kind": "unrelated"})
    return docs


def rows(docs: list[dict], seed: int) -> list[dict]:
    rnd = random.Random(seed + 1)
    out = []
    for n, d in enumerate(docs):
        url = f"https://outlet{n}.example/news/{n}"
        out.append({"article_id": f"a{n:05d}", "url": url, "canonical_url": url,
                    "domain": f"outlet{n}.example", "source_kind": "url", "text": d["text"],
                    "word_count": len(d["text"].split()), "content_hash": content_hash(d["text"]),
                    "fetched_at": T0 + timedelta(minutes=rnd.randrange(100_000)),
                    "run_id": "bench"})
    rnd.shuffle(out)
    return out


def cluster(rs: list[dict], cfg, batch: int) -> tuple[dict[str, str], float]:
    arts, sigs = [], []
    t = time.perf_counter()
    for i in range(0, len(rs), batch):
        prior = prior_from_tables(pa.concat_tables(arts), pa.concat_tables(sigs)) if arts \
            else None
        res = dedup.run(conform(rs[i : i + batch], ARTICLES, "articles"), cfg, f"r{i}", prior)
        arts.append(res.table)
        sigs.append(res.outputs["signatures"])
    elapsed = time.perf_counter() - t
    # Current membership: the latest signature row per article.
    latest: dict[str, tuple] = {}
    for r in pa.concat_tables(sigs).to_pylist():
        latest[r["article_id"]] = (r["recorded_at"], r["cluster_id"])
    return {a: c for a, (_, c) in latest.items()}, elapsed


def pairwise(docs_by_id: dict[str, dict], got: dict[str, str]) -> dict:
    story_members: dict[str, list[str]] = {}
    cluster_members: dict[str, list[str]] = {}
    for a, d in docs_by_id.items():
        story_members.setdefault(d["story"], []).append(a)
        cluster_members.setdefault(got[a], []).append(a)
    true_pairs = {frozenset(p) for m in story_members.values()
                  for p in itertools.combinations(m, 2)}
    found = {frozenset(p) for m in cluster_members.values() for p in itertools.combinations(m, 2)}
    tp = len(true_pairs & found)
    missed = Counter()
    for p in true_pairs - found:
        kinds = sorted(docs_by_id[a]["kind"] for a in p)
        missed["+".join(kinds)] += 1
    wrong = Counter()
    for p in found - true_pairs:
        wrong["+".join(sorted(docs_by_id[a]["kind"] for a in p))] += 1
    return {"true_pairs": len(true_pairs), "found_pairs": len(found), "tp": tp,
            "precision": round(tp / max(1, len(found)), 4),
            "recall": round(tp / max(1, len(true_pairs)), 4),
            "missed_by_kinds": dict(missed.most_common(8)),
            "false_by_kinds": dict(wrong.most_common(8))}


def components(n: int, joins: Iterable[tuple[int, int]]) -> list[int]:
    """Union-find over items 0..n-1: each item's component (a root item), once every
    pair (i, j) of `joins` is joined, in that order. The rule ceilings' clustering (here,
    in bench_syndication_stress.py and containment_words_experiment.py)."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]  # path halving: chains stay short
            x = parent[x]
        return x

    for i, j in joins:
        parent[find(i)] = find(j)
    return [find(k) for k in range(n)]


def rule_ceiling(docs_by_id: dict[str, dict], threshold: float, containment: float,
                 min_shingles: int, containment_words: int | None = None) -> dict:
    """Recall if every pair of a story were compared exactly (no LSH, no prefilter): what
    the edge rule itself allows, so the rest of a miss is candidate generation's.
    `containment_words`: containment measured again on shingles of that many words when
    the K-word figure misses (dedup's recheck, `nd.CONTAINMENT_SHINGLE_WORDS`)."""
    from tasks.dedup.signing import shingle_sets

    members: dict[str, list[str]] = {}
    for a, d in docs_by_id.items():
        members.setdefault(d["story"], []).append(a)
    got: dict[str, str] = {}
    for ids in members.values():
        sets = shingle_sets([docs_by_id[a]["text"] for a in ids], K)
        sets_k = shingle_sets([docs_by_id[a]["text"] for a in ids], containment_words) \
            if containment_words else None
        joins = []
        for i, j in itertools.combinations(range(len(ids)), 2):
            inter = len(set(sets[i].tolist()) & set(sets[j].tolist()))
            small = min(len(sets[i]), len(sets[j]))
            jac = inter / max(1, len(sets[i]) + len(sets[j]) - inter)
            joined = jac >= threshold or (small >= min_shingles
                                          and inter / max(1, small) >= containment)
            if not joined and sets_k is not None and small >= min_shingles:
                inter_k = len(set(sets_k[i].tolist()) & set(sets_k[j].tolist()))
                joined = inter_k / max(1, min(len(sets_k[i]), len(sets_k[j]))) >= containment
            if joined:
                joins.append((i, j))
        for a, root in zip(ids, components(len(ids), joins), strict=True):
            got[a] = f"{docs_by_id[a]['story']}/{root}"
    return {"recall": pairwise(docs_by_id, got)["recall"]}


def speed(texts: list[str]) -> dict:
    from datasketch import MinHash

    def ds():
        for t in texts:
            w = words_of(t)
            m = MinHash(num_perm=128)
            m.update_batch([" ".join(w[i : i + K]).encode() for i in range(len(w) - K + 1)])

    params = sg.MinHashParams()
    ds_t, ours_t, plain_t = [], [], []
    for _ in range(3):
        c = time.process_time()
        ds()
        ds_t.append(time.process_time() - c)
        c = time.process_time()
        sig, _ = sg.sign_counted(texts, params)
        sg.band_keys(sig, params)
        sg.containment_keys(sig, params)
        ours_t.append(time.process_time() - c)
        c = time.process_time()
        sg.band_keys(sg.sign(texts, params), params)
        plain_t.append(time.process_time() - c)
    ds_m, ours_m, plain_m = map(statistics.median, (ds_t, ours_t, plain_t))
    from importlib.metadata import version

    # datasketch 2.0 signs ~1.9x faster than 1.6.5 (BENCHMARKS.md): the ratio names its version
    return {"docs": len(texts), "datasketch_version": version("datasketch"),
            "datasketch_cpu_s": round(ds_m, 3),
            "ours_sign_counted_and_both_keys_cpu_s": round(ours_m, 3),
            "ours_sign_and_band_keys_cpu_s": round(plain_m, 3),
            "speedup_vs_datasketch": round(ds_m / ours_m, 1),
            "speedup_vs_datasketch_without_containment": round(ds_m / plain_m, 1)}


def candidate_volume(texts: list[str]) -> dict:
    """Candidate pairs of the two bandings over the whole set (one batch)."""
    params = sg.MinHashParams()
    sig = sg.sign(texts, params)
    strict = nd.candidate_pairs(sg.band_keys(sig, params))
    loose = nd.candidate_pairs(sg.containment_keys(sig, params))
    return {"docs": len(texts), "jaccard_16x8_candidates": int(len(strict)),
            f"containment_{params.loose_bands}x{params.loose_rows}_candidates": int(len(loose))}


def candidate_recall(docs: list[dict], threshold: float, containment: float,
                     min_shingles: int) -> dict:
    """Candidate generation alone, over the whole set as one batch: of the pairs the edge
    rule joins when compared exactly (same story, Jaccard >= threshold or containment >=
    `containment` with >= min_shingles shingles), how many each way of finding candidates
    finds, and how many pairs of *different* stories it makes candidates. Ways: 16x8
    band keys plus loose banding b x r (any shared key), and counting the equal values
    of the first m signature positions (>= t of m: P = P[Binomial(m, J) >= t])."""
    from scipy.stats import binom

    texts = [d["text"] for d in docs]
    story = np.array([d["story"] for d in docs])
    n = len(texts)
    sig = sg.sign(texts)
    sets = sg.shingle_sets(texts, K)
    rule, rule_j = set(), []
    for i, j in itertools.combinations(range(n), 2):
        if story[i] != story[j]:
            continue
        inter = np.intersect1d(sets[i], sets[j], assume_unique=True).size
        small = min(sets[i].size, sets[j].size)
        jac = inter / max(1, sets[i].size + sets[j].size - inter)
        if jac >= threshold or (small >= min_shingles and inter / max(1, small) >= containment):
            rule.add((i, j))
            rule_j.append(jac)
    rule_j = np.array(rule_j)
    iu = np.triu_indices(n, 1)
    other = story[iu[0]] != story[iu[1]]
    out = {"rule_pairs": len(rule), "all_pairs": len(other),
           "rule_pairs_lowest_jaccard": sorted(round(float(x), 3) for x in rule_j)[:5]}
    strict = {tuple(p) for p in nd.candidate_pairs(sg.band_keys(sig)).tolist()}
    for bands, rows in ((42, 3), (64, 2)):
        params = sg.MinHashParams(loose_bands=bands, loose_rows=rows)
        found = strict | {tuple(p) for p in
                          nd.candidate_pairs(sg.containment_keys(sig, params)).tolist()}
        p_of = 1 - (1 - rule_j ** rows) ** bands
        out[f"bands_{bands}x{rows}"] = {
            "rule_pairs_found": len(rule & found),
            "expected_found": round(float(p_of.sum()), 1),
            "candidates": len(found),
            "other_story_candidates": sum(story[i] != story[j] for i, j in found)}
    for m in (64, 128):
        equal = np.zeros((n, n), np.int16)
        for k in range(m):
            equal += sig[:, k][:, None] == sig[:, k][None, :]
        per_pair = equal[iu]
        for t in ((6, 7, 8) if m == 64 else (12, 14, 16)):
            found = per_pair >= t
            out[f"count_{t}_of_{m}"] = {
                "rule_pairs_found": int(sum(equal[i, j] >= t for i, j in rule)),
                "expected_found": round(float(binom.sf(t - 1, m, rule_j).sum()), 1),
                "candidates": int(found.sum()),
                "other_story_candidates": int((found & other).sum())}
        out[f"pairs_with_one_equal_position_of_{m}_other_story"] = int(
            ((per_pair >= 1) & other).sum())
    return out


def _loose_banding(bands: int, rows: int):
    """Run dedup with another containment banding (the baseline of the same run);
    returns the function that restores the default."""
    from tasks.dedup import rules

    default = rules.minhash_params
    rules.minhash_params = lambda cfg: replace(default(cfg), loose_bands=bands,
                                               loose_rows=rows)

    def restore() -> None:
        rules.minhash_params = default
    return restore


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", required=True,
                    help="the development corpus folder (pages/*.html.gz)")
    ap.add_argument("--cache", default="/tmp/pressroom-syndication-bodies.json")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", help="write the JSON result here too")
    args = ap.parse_args()
    print(f"# {platform.node()} cpus={os.cpu_count()} load={os.getloadavg()}", flush=True)
    texts = usable(bodies(Path(args.corpus), Path(args.cache)))
    docs = build(texts, args.seed)
    rs = rows(docs, args.seed)
    by_id = {r["article_id"]: docs[int(r["article_id"][1:])] for r in rs}
    kinds = Counter(d["kind"] for d in docs)
    print(f"# {len(texts)} usable bodies -> {len(docs)} documents {dict(kinds)}", flush=True)

    cfg = settings_slice(dedup.DedupConfig, Settings())
    jaccard_only = replace(cfg, neardup_containment=1.0,
                           neardup_containment_min_shingles=10**9)
    result = {"documents": len(docs), "kinds": dict(kinds)}
    got, secs = cluster(rs, cfg, BATCH)
    one, _ = cluster(rs, cfg, len(rs))
    result["containment"] = {**pairwise(by_id, got), "seconds": round(secs, 1),
                             "batches_equal_one_run": got == one}
    before = _loose_banding(42, 3)
    try:
        got_42x3, secs_42x3 = cluster(rs, cfg, BATCH)
    finally:
        before()
    result["loose_banding_42x3_before"] = {**pairwise(by_id, got_42x3),
                                           "seconds": round(secs_42x3, 1)}
    words = nd.CONTAINMENT_SHINGLE_WORDS
    nd.CONTAINMENT_SHINGLE_WORDS = None  # containment on the signature's 5-word shingles alone
    try:
        got_5, secs_5 = cluster(rs, cfg, BATCH)
    finally:
        nd.CONTAINMENT_SHINGLE_WORDS = words
    result["containment_5_word_only_before"] = {
        **pairwise(by_id, got_5), "seconds": round(secs_5, 1),
        "rule_ceiling_recall": rule_ceiling(by_id, cfg.neardup_threshold,
                                            cfg.neardup_containment,
                                            cfg.neardup_containment_min_shingles)["recall"]}
    old, secs_old = cluster(rs, jaccard_only, BATCH)
    result["jaccard_only"] = {**pairwise(by_id, old), "seconds": round(secs_old, 1)}
    result["rule_ceiling"] = rule_ceiling(by_id, cfg.neardup_threshold, cfg.neardup_containment,
                                          cfg.neardup_containment_min_shingles, words)
    estimate = replace(cfg, neardup_verify="estimate")
    est, _ = cluster(rs, estimate, BATCH)
    result["containment_estimate_mode"] = pairwise(by_id, est)
    for level in (0.8, 0.6):
        other = replace(cfg, neardup_containment=level)
        got_l, _ = cluster(rs, other, BATCH)
        result[f"containment_{level}"] = {
            **pairwise(by_id, got_l),
            "rule_ceiling_recall": rule_ceiling(by_id, cfg.neardup_threshold, level,
                                                cfg.neardup_containment_min_shingles,
                                                words)["recall"]}
    result["candidates"] = candidate_volume([r["text"] for r in rs])
    result["candidate_recall"] = candidate_recall(docs, cfg.neardup_threshold,
                                                  cfg.neardup_containment,
                                                  cfg.neardup_containment_min_shingles)
    result["speed"] = speed([r["text"] for r in rs][:1000])
    print(json.dumps(result, indent=1))
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=1), "utf-8")


if __name__ == "__main__":
    main()
