"""Story clusters under harder copies and harder traps than `bench_syndication.py`'s set:
where a held-out syndication set could differ from ours (session 50).

    .venv/bin/python bench/bench_syndication_stress.py --corpus ../shared/corpus/dev \
        [--seeds 21,22,23] [--variants all] [--pages] [--out F.json]

Each variant is a set of its own, built from the same real bodies as bench_syndication's
(`usable(bodies(...))`, imported, not copied) with a fixed seed:

- STORIES originals, each published as the original plus 2-4 copies made by the
  variant's copy kinds (recall variants), or by bench_syndication's six kinds
  (precision variants: their copies give precision a denominator);
- for precision variants, TRAPS groups of *different* stories that share a trap (a long
  quote, two quotes, an outlet's boilerplate paragraph), each its own story;
- the remaining bodies unrelated, one story each.

Copies and traps (see COPY_KINDS and TRAP_KINDS): cut to 40-50% of paragraphs; an intro of
3-4 sentences of another body; every 2nd or 3rd sentence dropped; a headline line, a wire
dateline ("BERLIN (dpa) – ") and closing credit ("— Reuters") added; paragraphs re-split at
sentences or merged; short stories (150-250 words) as originals or carriers; quotes of
exactly 100, 150 or 200 words; the same outlet's "About" paragraph and correction notice.

Measured per variant, as in BENCHMARKS.md's tables: pairwise precision / recall of
`tasks.dedup.run` in batches of BATCH against the earlier batches, the rule ceiling
(every pair of a story checked by dedup's own exact check, `minhash._ExactCheck`: Jaccard,
containment, the 3-word recheck and the shared-lead condition; no LSH, no prefilter),
and for the traps the exact figures of each trap pair (containment on 5- and 3-word
shingles, whether the rule would join it if it were a candidate). Then the wire origin:
the `stories` view (schemas/views/18_stories.sql, run in DuckDB over the clustered rows,
with `tasks.enrich.wire.wire_credits` per copy) against the planted truth per story:
origin = the original (published first), wire credits = the planted ones, copies and
independent outlets (some copies on a "www." host of another copy's outlet).
`--pages`: the `hard_mix` variant again through pages on bench_syndication_pages'
five templates (extract -> clean -> dedup).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_syndication import (  # noqa: E402 -- the bench folder is not a package
    BATCH,
    VARIANTS,
    bodies,
    cluster,
    components,
    cut,
    pairwise,
    sentences,
    thin_every,
    usable,
    variant,
    words_of,
)

from schemas import ARTICLES, conform  # noqa: E402
from schemas.sql import view_sql  # noqa: E402
from tasks import dedup  # noqa: E402
from tasks.common.settings import Settings, settings_slice  # noqa: E402
from tasks.common.text import content_hash  # noqa: E402
from tasks.dedup import minhash as nd  # noqa: E402
from tasks.dedup import rules as dedup_rules  # noqa: E402
from tasks.dedup import signing as sg  # noqa: E402
from tasks.enrich.wire import wire_credits  # noqa: E402

STORIES = 120
TRAPS = 40
DONORS = 100
MAX_CHARS_PER_WORD = 12
INTRO_WORDS_PER_SENTENCE = 25
T0 = datetime(2025, 6, 1, tzinfo=UTC)
CITIES = ("BERLIN", "WASHINGTON", "PARIS", "LONDON", "BRUSSELS", "GENEVA")
AGENCIES = ("dpa", "AP", "Reuters", "AFP")
# the spelling `wire_credits` returns for each planted one
CANONICAL = {"dpa": "dpa", "AP": "AP", "Reuters": "Reuters", "AFP": "AFP"}


# ---- copies -------------------------------------------------------------------------

def flat_sentences(paras: list[str]) -> list[str]:
    return [s for p in sentences(paras) for s in p]


def intro_n(paras: list[str], donor: list[str], n: int) -> list[str]:
    """A local intro of `n` sentences of another body before the text, at most
    INTRO_WORDS_PER_SENTENCE words a sentence (a body whose sentences the splitter
    cannot part gave a 380-word "intro")."""
    words = " ".join(flat_sentences(donor)[:n]).split()[: n * INTRO_WORDS_PER_SENTENCE]
    return [" ".join(words), *paras]


def resplit(paras: list[str], rnd: random.Random) -> list[str]:
    """Paragraphs re-split at sentences (one or two per paragraph) or merged in pairs."""
    if rnd.random() < 0.5:
        out = []
        for sents in sentences(paras):
            step = rnd.choice([1, 2])
            out += [" ".join(sents[i : i + step]) for i in range(0, len(sents), step)]
        return out
    return [" ".join(paras[i : i + 2]) for i in range(0, len(paras), 2)]


def shorten(paras: list[str], rnd: random.Random) -> list[str]:
    """A short story: the body's first 150-250 words, whole sentences, paragraphs kept."""
    target = rnd.randint(150, 250)
    out, n = [], 0
    for sents in sentences(paras):
        kept = []
        for s in sents:
            if n >= target:
                break
            kept.append(s)
            n += len(s.split())
        if kept:
            out.append(" ".join(kept))
        if n >= target:
            break
    return out


def cut_hard(paras, rnd):
    return cut(paras, rnd.uniform(0.4, 0.5))


def thin_hard(paras, rnd):
    return thin_every(paras, rnd.choice([2, 3]))


def headline(paras: list[str]) -> str:
    return " ".join(flat_sentences(paras[:1])[0].split()[:10])


# Copy kinds: name -> f(paras, donor, rnd) -> paras. Every kind keeps the original's
# words in order (a copy, not a rewrite); a credit line is added after cutting (a site
# adds it to what it runs).
COPY_KINDS = {
    "cut40": lambda p, d, r: cut_hard(p, r),
    "intro34": lambda p, d, r: intro_n(p, d, r.choice([3, 4])),
    "intro34_cut": lambda p, d, r: intro_n(cut(p, 0.7), d, r.choice([3, 4])),
    "thin2": lambda p, d, r: thin_every(p, 2),
    "thin3": lambda p, d, r: thin_every(p, 3),
    "thin23_cut": lambda p, d, r: thin_hard(cut(p, 0.6), r),
    "cut40_thin23": lambda p, d, r: thin_hard(cut_hard(p, r), r),
    "intro34_thin23_cut": lambda p, d, r: intro_n(thin_hard(cut(p, 0.6), r), d,
                                                  r.choice([3, 4])),
    "credited": lambda p, d, r: [headline(p), *cut(p, 0.55), "— Reuters"],
    "credited_intro": lambda p, d, r: [headline(p), *intro_n(cut(p, 0.55), d, 2),
                                       "(AFP)"],
    "resplit": lambda p, d, r: resplit(p, r),
    "resplit_cut": lambda p, d, r: resplit(cut(p, 0.55), r),
    "heldout": lambda p, d, r: intro_n(thin_every(cut(p, 0.55), r.choice([3, 4])), d, 2),
    "worst": lambda p, d, r: [headline(p), *resplit(intro_n(
        thin_hard(cut_hard(p, r), r), d, r.choice([3, 4])), r), "— Reuters"],
}


# ---- traps --------------------------------------------------------------------------

def passage(rnd: random.Random, src: list[str], length: int) -> str:
    words = " ".join(src).split()
    start = rnd.randrange(max(1, len(words) - length))
    return " ".join(words[start : start + length])


def about(rnd: random.Random, src: list[str], outlet: str) -> list[str]:
    """An outlet's boilerplate: an "About" paragraph (60-100 words of real prose) and a
    correction notice, as one outlet closes every story."""
    return [f"About {outlet}: " + passage(rnd, src, rnd.randint(60, 100)),
            "Correction: An earlier version of this article misstated a figure and the "
            "date of the meeting. We regret the error and have updated the text."]


def insert_at(paras: list[str], share: float, text: str) -> list[str]:
    out = list(paras)
    out.insert(max(1, round(len(out) * share)), text)
    return out


# Trap kinds: name -> (carriers are short, f(carrier paras list, third bodies, rnd) ->
# texts). Each trap joins len(carriers) different stories.
def _quote_placed(length, place):
    """A trap of one quotation of `length` words, put in each carrier by `place(carrier,
    quote)`."""
    def make(carriers, src, rnd):
        q = "“" + passage(rnd, src[0], length) + "”"
        return [place(c, q) for c in carriers]
    return make


def _quote(length):
    # the quote in the middle of both stories
    return _quote_placed(length, lambda c, q: insert_at(c, 0.5, q))


def _quote_lead(length):
    # the quote opens both stories (so their leads are shared: only containment parts them)
    return _quote_placed(length, lambda c, q: [q, *c])


def _quote_second(length):
    # the quote right after the story's first paragraph: a short first paragraph leaves
    # the quote's first words in the 30-word lead, so the leads may be shared
    return _quote_placed(length, lambda c, q: insert_at(c, 0, q))


def _two_quotes(carriers, src, rnd):
    q1 = "“" + passage(rnd, src[0], rnd.randint(60, 100)) + "”"
    q2 = "“" + passage(rnd, src[1], rnd.randint(60, 100)) + "”"
    return [insert_at(insert_at(c, 0.66, q2), 0.33, q1) for c in carriers]


def _boilerplate(carriers, src, rnd):
    tail = about(rnd, src[0], "Outlet Zeitung")
    return [[*c, *tail] for c in carriers]


TRAP_KINDS = {
    "quote100": (False, _quote(100)),
    "quote150": (False, _quote(150)),
    "quote200": (False, _quote(200)),
    "short_quote100": (True, _quote(100)),
    "short_quote150": (True, _quote(150)),
    "short_quote200": (True, _quote(200)),
    "short_quote_lead150": (True, _quote_lead(150)),
    "short_quote_lead200": (True, _quote_lead(200)),
    "short_quote_second150": (True, _quote_second(150)),
    "short_quote_second200": (True, _quote_second(200)),
    "two_quotes": (False, _two_quotes),
    "short_two_quotes": (True, _two_quotes),
    "boilerplate": (False, _boilerplate),
    "short_boilerplate": (True, _boilerplate),
}

# Variant sets: name -> (copy kinds of the stories, trap kind or None, short originals).
# The recall variants plant no trap; the precision ones copy their stories as
# bench_syndication does.
SETS = {
    "cut40": (["cut40"], None, False),
    "intro34": (["intro34", "intro34_cut"], None, False),
    "thin23": (["thin2", "thin3", "thin23_cut"], None, False),
    "cut40_thin23": (["cut40_thin23"], None, False),
    "intro34_thin23_cut": (["intro34_thin23_cut"], None, False),
    "credited": (["credited", "credited_intro"], None, False),
    "resplit": (["resplit", "resplit_cut"], None, False),
    "short_copies": (list(VARIANTS), None, True),
    "short_heldout": (["cut40", "heldout", "thin3"], None, True),
    "worst": (["worst"], None, False),
    "heldout_like": (["heldout", "cut40", "intro34_cut", "thin3"], "quote150", False),
    "hard_mix": (list(COPY_KINDS), "short_quote200", False),
    **{t: (list(VARIANTS), t, False) for t in TRAP_KINDS},
}


def _copy(kind: str, paras, donor, rnd):
    if kind in COPY_KINDS:
        return COPY_KINDS[kind](paras, donor, rnd)
    return variant(kind, paras, donor, rnd)  # bench_syndication's six kinds


def build_set(texts: list[list[str]], name: str, seed: int) -> list[dict]:
    """Documents {text, story, kind, credits, outlet, published}: the variant `name`."""
    kinds, trap, short = SETS[name]
    rnd = random.Random(f"{seed}/{name}")
    # (lengths here are counted in words between spaces: the 2 bodies of mostly
    # Chinese text, > MAX_CHARS_PER_WORD characters a "word", made a "200-word quote"
    # of thousands of letters, and a "short story" of a long one)
    order = [i for i, t in enumerate(texts)
             if len(" ".join(t)) <= MAX_CHARS_PER_WORD * len(" ".join(t).split())]
    rnd.shuffle(order)
    # Intros are sentences of bodies kept out of the set, each used once: an intro that
    # is the lead of a body in the set (bench_syndication's donors), or that two copies
    # share, makes a copy of 3-4 intro sentences and a thinned remnant a copy of *that*
    # body or copy too (seed 21: 5 false pairs), and no local outlet writes its intros so.
    donors, order = order[:DONORS], order[DONORS:]
    pool = iter([s for i in donors for s in flat_sentences(texts[i])
                 if 5 <= len(s.split()) <= 40 and len(s) <= 300])
    n_orig = min(STORIES, len(order) // 3)
    originals, rest = order[:n_orig], order[n_orig:]
    docs = []
    for s, i in enumerate(originals):
        paras = shorten(texts[i], rnd) if short else list(texts[i])
        # the agency copy opens with its dateline (half the stories): kept by every copy
        # that does not put an intro before it
        agency = rnd.choice(AGENCIES) if rnd.random() < 0.5 else None
        if agency:
            paras = [f"{rnd.choice(CITIES)} ({agency}) – {paras[0]}", *paras[1:]]
        # (never at midnight: the view reads a 00:00 time as a date without a time)
        published = T0 + timedelta(hours=3 * s, minutes=7)
        docs.append({"paras": paras, "story": f"s{s}", "kind": "original",
                     "outlet": f"wire{s}.example", "published": published})
        outlets = [f"wire{s}.example"]
        for c, kind in enumerate(rnd.choices(kinds, k=rnd.randint(2, 4))):
            donor = [" ".join(next(pool) for _ in range(4))]
            # one copy in five runs on another copy's outlet, on its "www." host
            outlet = (f"www.{rnd.choice(outlets)}" if c and rnd.random() < 0.2
                      else f"o{s}-{c}.example")
            outlets.append(outlet.removeprefix("www."))
            docs.append({"paras": _copy(kind, paras, donor, rnd), "story": f"s{s}",
                         "kind": kind, "outlet": outlet,
                         "published": published + timedelta(minutes=rnd.randint(5, 2880))})
    used = 0
    if trap:
        short_carriers, make = TRAP_KINDS[trap]
        per = 3 if "two" in trap else 2  # carriers of the trap, then its third bodies
        for q in range(min(TRAPS, len(rest) // (per + 2))):
            group = rest[used : used + per + 2]
            used += per + 2
            carriers = [shorten(texts[i], rnd) if short_carriers else list(texts[i])
                        for i in group[:2]]
            srcs = [texts[i] for i in group[2:]]
            for k, paras in enumerate(make(carriers, srcs, rnd)):
                # boilerplate traps: both stories by the same outlet
                outlet = f"trap{q}.example" if "boilerplate" in trap else f"t{q}-{k}.example"
                docs.append({"paras": paras, "story": f"t{q}-{k}", "kind": trap,
                             "outlet": outlet, "published": T0 + timedelta(hours=5 * q)})
    for j, i in enumerate(rest[used:]):
        docs.append({"paras": list(texts[i]), "story": f"u{j}", "kind": "unrelated",
                     "outlet": f"u{j}.example", "published": T0 + timedelta(hours=j)})
    for d in docs:
        d["text"] = "\n\n".join(d.pop("paras"))
        d["planted_credits"] = planted(d["text"])
    return docs


def planted(text: str) -> list[str]:
    """The agencies a copy credits by construction: a dateline anywhere in its first
    three paragraphs (after a headline line or a local intro too) or a closing credit
    line. (What `wire_credits` should find, where it reads.)"""
    found = set()
    paras = text.split("\n\n")
    for p in paras[:3]:
        for a in AGENCIES:
            if any(p.startswith(f"{c} ({a}) – ") for c in CITIES):
                found.add(CANONICAL[a])
    if paras[-1] == "— Reuters":
        found.add("Reuters")
    if paras[-1] == "(AFP)":
        found.add("AFP")
    return sorted(found)


def rows_of(docs: list[dict], seed: int) -> list[dict]:
    rnd = random.Random(seed + 1)
    out = []
    for n, d in enumerate(docs):
        url = f"https://{d['outlet']}/news/{n}"
        out.append({"article_id": f"a{n:05d}", "url": url, "canonical_url": url,
                    "domain": d["outlet"], "source_kind": "url", "text": d["text"],
                    "word_count": len(d["text"].split()), "content_hash": content_hash(d["text"]),
                    "published_at": d["published"], "title": headline(d["text"].split("\n\n")),
                    # first seen in shuffled order (as bench_syndication's rows)
                    "fetched_at": T0 + timedelta(minutes=rnd.randrange(100_000)),
                    "run_id": "bench"})
    rnd.shuffle(out)
    return out


# ---- measures -----------------------------------------------------------------------

def checker(texts: list[str], cfg) -> nd._ExactCheck:
    """Dedup's own exact check (the edge rule, the 3-word recheck, the shared lead)."""
    rule = nd.EdgeRule(cfg.neardup_threshold, cfg.neardup_containment,
                       cfg.neardup_containment_min_shingles)
    return nd._ExactCheck(rule, cfg.neardup_shingle_words, 0, texts, None,
                          containment_words=nd.CONTAINMENT_SHINGLE_WORDS)


def rule_ceiling(by_id: dict[str, dict], cfg) -> dict:
    """Recall and precision if every pair of a story, and every trap pair, were checked
    exactly: what the rule allows; the rest of a miss is candidate generation's."""
    groups: dict[str, list[str]] = {}
    for a, d in by_id.items():
        key = d["story"] if d["story"][0] == "s" else d["story"].split("-")[0]
        groups.setdefault(key, []).append(a)
    got: dict[str, str] = {}
    for key, ids in groups.items():
        texts = [by_id[a]["text"] for a in ids]
        pairs = np.array(list(itertools.combinations(range(len(ids)), 2)), np.int64)
        joined = pairs[checker(texts, cfg)(pairs)[0]].tolist() if len(pairs) else []
        for a, root in zip(ids, components(len(ids), joined), strict=True):
            got[a] = f"{key}/{root}"
    p = pairwise(by_id, got)
    return {"recall": p["recall"], "precision": p["precision"],
            "false_pairs": p["found_pairs"] - p["tp"]}


def containment(a: str, b: str, k: int) -> float:
    sa, sb = (set(x.tolist()) for x in sg.shingle_sets([a, b], k))
    return len(sa & sb) / max(1, min(len(sa), len(sb)))


def trap_figures(docs: list[dict], cfg) -> dict:
    """Per trap pair: containment on 5- and 3-word shingles, and the rule's verdict."""
    by_trap: dict[str, list[str]] = {}
    for d in docs:
        if d["story"][0] == "t":
            by_trap.setdefault(d["story"].split("-")[0], []).append(d["text"])
    c5, c3, joined, words = [], [], 0, []
    for texts in by_trap.values():
        pairs = np.array(list(itertools.combinations(range(len(texts)), 2)), np.int64)
        j, _ = checker(texts, cfg)(pairs)
        joined += int(j.sum())
        for a, b in pairs.tolist():
            c5.append(containment(texts[a], texts[b], 5))
            c3.append(containment(texts[a], texts[b], 3))
        words += [len(words_of(t)) for t in texts]
    if not c5:
        return {}
    return {"trap_pairs": len(c5), "carrier_words_median": int(np.median(words)),
            "containment_5_max": round(max(c5), 3),
            "containment_5_median": round(float(np.median(c5)), 3),
            "containment_3_max": round(max(c3), 3),
            "containment_3_median": round(float(np.median(c3)), 3),
            "rule_joins_if_candidate": joined}


def stories_view(rs: list[dict], got: dict[str, str]) -> duckdb.DuckDBPyConnection:
    """The `stories` view over the clustered rows, each copy's wire credits read by
    `tasks.enrich.wire.wire_credits` (no byline: the copies carry their credits in the
    text)."""
    arts = [{**r, "cluster_id": got[r["article_id"]], "revision": 1,
             "wire_credits": wire_credits(r["text"], None)} for r in rs]
    con = duckdb.connect()
    con.register("_articles", conform(arts, ARTICLES, "articles"))
    con.execute("CREATE TABLE articles AS SELECT * FROM _articles")
    # what the views read of `signatures`: the latest cluster per article
    sigs = pa.table({"article_id": [r["article_id"] for r in rs],
                     "cluster_id": [got[r["article_id"]] for r in rs],
                     "duplicate_of": pa.nulls(len(rs), pa.string()),
                     "recorded_at": [T0] * len(rs), "run_id": ["bench"] * len(rs)})
    con.register("_signatures", sigs)
    con.execute("CREATE TABLE signatures AS SELECT * FROM _signatures")
    for view in ("latest_signatures", "article_clusters", "stories"):
        con.execute(view_sql(view))
    return con


def wire_origin(docs: list[dict], rs: list[dict], got: dict[str, str]) -> dict:
    """The stories view's fields for each planted story (the cluster of its original)
    against the planted truth; and the copies' own credits against the planted ones."""
    con = stories_view(rs, got)
    view = {r[0]: r[1:] for r in con.execute(
        "SELECT story_id, origin_article_id, wire_credits, copies, independent_outlets "
        "FROM stories").fetchall()}
    doc_of = {r["article_id"]: docs[int(r["article_id"][1:])] for r in rs}
    members: dict[str, list[str]] = {}
    for a, d in doc_of.items():
        members.setdefault(d["story"], []).append(a)
    found_in = {r["article_id"]: wire_credits(r["text"], None) for r in rs}
    ok = Counter()
    stories = 0
    for story, ids in members.items():
        if story[0] != "s":
            continue
        stories += 1
        orig = next(a for a in ids if doc_of[a]["kind"] == "original")
        origin, credits, copies, outlets = view[got[orig]]
        # the union of what each copy credits when read alone (the planted datelines and
        # credit lines, and any the real body carries: "Hamburg (dpa/lno) –"); whether
        # a copy's planted credits are found is counted below
        want_credits = sorted({c for a in ids for c in found_in[a]})
        want_outlets = len({doc_of[a]["outlet"].removeprefix("www.") for a in ids})
        ok["origin"] += origin == orig
        ok["credits"] += sorted(credits) == want_credits
        ok["copies"] += copies == len(ids)
        ok["outlets"] += outlets == want_outlets
        ok["all"] += (origin == orig and sorted(credits) == want_credits
                      and copies == len(ids) and outlets == want_outlets)
        # a copy split off is a story of its own whose origin is that copy
        ok["split_off_rows"] += len({got[a] for a in ids}) - 1
    per_copy = Counter()
    for r in rs:
        d = doc_of[r["article_id"]]
        if d["story"][0] != "s":
            continue
        found = found_in[r["article_id"]]
        for a in d["planted_credits"]:
            per_copy["planted"] += 1
            per_copy["found"] += a in found
            if a not in found:
                per_copy[f"missed_in_{d['kind']}"] += 1
        for a in set(found) - set(d["planted_credits"]):
            per_copy[f"extra_{a}_in_{d['kind']}"] += 1
    return {"stories": stories, **{f"{k}_right": v for k, v in ok.items()
                                   if k != "split_off_rows"},
            "split_off_rows": ok["split_off_rows"], "per_copy_credits": dict(per_copy)}


def run_set(texts, name: str, seed: int, cfg, pages: bool = False) -> dict:
    docs = build_set(texts, name, seed)
    rs = rows_of(docs, seed)
    by_id = {r["article_id"]: docs[int(r["article_id"][1:])] for r in rs}
    t = time.perf_counter()
    got, _ = cluster(rs, cfg, BATCH)
    out = {"documents": len(docs), "kinds": dict(Counter(d["kind"] for d in docs)),
           **pairwise(by_id, got), "seconds": round(time.perf_counter() - t, 1),
           "rule_ceiling": rule_ceiling(by_id, cfg), "traps": trap_figures(docs, cfg),
           "wire_origin": wire_origin(docs, rs, got)}
    if pages:
        out["pages"] = through_pages(docs, rs, texts, seed, cfg)
    return out


def through_pages(docs, rs, texts, seed, cfg) -> dict:
    """The same set rendered on bench_syndication_pages' templates, extracted, cleaned,
    clustered."""
    from bench_syndication_pages import pages as render_pages
    from bench_syndication_pages import through_pipeline

    # rows_of's URLs carry the outlet's host: the page of document n must carry its URL
    rendered = render_pages(docs, texts, seed)
    url_of = {f"a{n:05d}": None for n in range(len(docs))}
    for r in rs:
        url_of[r["article_id"]] = r["url"]
    for n, p in enumerate(rendered):
        p["url"] = url_of[f"a{n:05d}"]
    piped, rejected = through_pipeline(rendered, rs)
    got, _ = cluster(piped, cfg, BATCH)
    kept = {r["article_id"] for r in piped}
    by_id = {r["article_id"]: docs[int(r["article_id"][1:])] for r in rs
             if r["article_id"] in kept}
    return {"rejected": dict(rejected), **pairwise(by_id, got),
            "wire_origin": wire_origin(docs, piped, got)}


def cost(texts, cfg, rounds: int) -> dict:
    """CPU seconds of clustering bench_syndication's own set (seed 13, batches of BATCH)
    with session 50's two measures (the opening, the failed 5-word lead measured again)
    off and on, interleaved `rounds` times in this process; medians, and how many
    articles the two put in other clusters."""
    from bench_syndication import build
    from bench_syndication import rows as syndication_rows

    rs = syndication_rows(build(texts, 13), 13)
    default = nd.OPENING_SHINGLES, nd.RECHECK_FAILED_LEADS
    times: dict[str, list[float]] = {"off": [], "on": []}
    got = {}
    try:
        for _ in range(rounds):
            for name, level in (("off", (0, False)), ("on", default)):
                nd.OPENING_SHINGLES, nd.RECHECK_FAILED_LEADS = level
                # a cold memo each time, as in a new process
                dedup_rules.SHINGLE_SETS = nd.ShingleSetMemo(
                    dedup_rules.SHINGLE_SETS.max_hashes)
                t = time.process_time()
                got[name], _ = cluster(rs, cfg, BATCH)
                times[name].append(time.process_time() - t)
    finally:
        nd.OPENING_SHINGLES, nd.RECHECK_FAILED_LEADS = default
    off, on = (float(np.median(times[k])) for k in ("off", "on"))
    return {"rounds": rounds, "cpu_s_off": [round(x, 2) for x in times["off"]],
            "cpu_s_on": [round(x, 2) for x in times["on"]], "median_off": round(off, 2),
            "median_on": round(on, 2), "ratio": round(on / off, 3),
            "changed_articles": sum(got["on"][a] != got["off"][a] for a in got["on"])}


def summary(before: dict, after: dict) -> str:
    """Markdown rows: per set, P / R (rule ceiling R) before and after, per seed; then
    the traps' figures and the wire origin (after)."""
    lines = ["| set | before: P / R (ceiling R), seeds " + ", ".join(
        next(iter(after["sets"].values()))) + " | after | lowest P after |",
        "| --- | --- | --- | ---: |"]
    for name, seeds in after["sets"].items():
        def cell(runs, name=name):
            return "; ".join(f"{r['precision']:.3f} / {r['recall']:.3f} "
                             f"({r['rule_ceiling']['recall']:.3f})"
                             for r in runs[name].values())
        low = min(r["precision"] for r in seeds.values())
        lines.append(f"| {name} | {cell(before['sets'])} | **{cell(after['sets'])}** | "
                     f"{low:.3f} |")
    lines += ["", "| trap set | carrier words (median) | 3-word containment max, before "
              "seeds | rule would join (of 40 per seed) before / after |",
              "| --- | ---: | --- | --- |"]
    for name, seeds in after["sets"].items():
        t = [r["traps"] for r in seeds.values() if r["traps"]]
        if t:
            tb = [r["traps"] for r in before["sets"][name].values()]
            lines.append(f"| {name} | {t[0]['carrier_words_median']} | "
                         + ", ".join(f"{x['containment_3_max']:.2f}" for x in tb) + " | "
                         + ", ".join(str(x["rule_joins_if_candidate"]) for x in tb) + " / "
                         + ", ".join(str(x["rule_joins_if_candidate"]) for x in t) + " |")
    lines += ["", "| set | stories whose view row is right in every field, before / after "
              "(of 120 per seed) | origin / credits / copies / outlets right, after | "
              "copies' planted credits found |", "| --- | --- | --- | --- |"]
    for name, seeds in after["sets"].items():
        wb = [r["wire_origin"] for r in before["sets"][name].values()]
        wa = [r["wire_origin"] for r in seeds.values()]
        parts = ", ".join("/".join(str(w[f"{k}_right"]) for k in
                                   ("origin", "credits", "copies", "outlets")) for w in wa)
        found = ", ".join(f"{w['per_copy_credits'].get('found', 0)} of "
                          f"{w['per_copy_credits'].get('planted', 0)}" for w in wa)
        lines.append(f"| {name} | " + ", ".join(str(w["all_right"]) for w in wb) + " / "
                     + ", ".join(str(w["all_right"]) for w in wa) + f" | {parts} | {found} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", required=True, help="the development corpus folder")
    ap.add_argument("--cache", default="/tmp/pressroom-syndication-bodies.json")
    ap.add_argument("--seeds", default="21,22,23")
    ap.add_argument("--variants", default="all", help="comma-separated names of SETS")
    ap.add_argument("--pages", action="store_true",
                    help="also run hard_mix and heldout_like through pages")
    ap.add_argument("--opening-shingles", type=int,
                    help="set minhash.OPENING_SHINGLES (0: the unmatched-opening "
                         "measure off, the code before session 50)")
    ap.add_argument("--no-lead-recheck", action="store_true",
                    help="set minhash.RECHECK_FAILED_LEADS = False (the 5-word lead decides)")
    ap.add_argument("--cost-rounds", type=int, default=0,
                    help="only time clustering bench_syndication's set, the opening "
                         "measure off and on, this many interleaved rounds")
    ap.add_argument("--summary", nargs=2, metavar=("BEFORE", "AFTER"),
                    help="print the markdown tables of two results and stop")
    ap.add_argument("--out", help="write the JSON result here too")
    args = ap.parse_args()
    if args.summary:
        print(summary(*(json.loads(Path(f).read_text("utf-8")) for f in args.summary)))
        return
    if args.opening_shingles is not None:
        nd.OPENING_SHINGLES = args.opening_shingles
    if args.no_lead_recheck:
        nd.RECHECK_FAILED_LEADS = False
    print(f"# {platform.node()} cpus={os.cpu_count()} load={os.getloadavg()}", flush=True)
    texts = usable(bodies(Path(args.corpus), Path(args.cache)))
    cfg = settings_slice(dedup.DedupConfig, Settings())
    if args.cost_rounds:
        found = {"load_start": os.getloadavg(), "cost": cost(texts, cfg, args.cost_rounds),
                 "load_end": os.getloadavg()}
        print(json.dumps(found, indent=1))
        if args.out:
            Path(args.out).write_text(json.dumps(found, indent=1), "utf-8")
        return
    names = list(SETS) if args.variants == "all" else args.variants.split(",")
    result: dict = {"usable_bodies": len(texts), "load_start": os.getloadavg(),
                    "opening_shingles": getattr(nd, "OPENING_SHINGLES", None), "sets": {}}
    for name in names:
        for seed in map(int, args.seeds.split(",")):
            r = run_set(texts, name, seed, cfg,
                        pages=args.pages and name in ("hard_mix", "heldout_like"))
            result["sets"].setdefault(name, {})[seed] = r
            rc, wo = r["rule_ceiling"], r["wire_origin"]
            print(f"{name:22s} seed {seed}: P {r['precision']:.3f} R {r['recall']:.3f} "
                  f"(ceiling P {rc['precision']:.3f} R {rc['recall']:.3f}) "
                  f"missed {r['missed_by_kinds']} false {r['false_by_kinds']} "
                  f"traps {r['traps']} wire {wo['all_right']}/{wo['stories']}"
                  + (f" pages P {r['pages']['precision']:.3f} R {r['pages']['recall']:.3f}"
                     if "pages" in r else ""), flush=True)
    result["load_end"] = os.getloadavg()
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=1, default=str), "utf-8")


if __name__ == "__main__":
    main()
