"""Extraction quality and speed on the dev corpus: pressroom's extract+clean against plain
trafilatura, measured in the same run, interleaved.

    .venv/bin/python bench/bench_extract.py [--corpus DIR] [--step K] [--limit N]
                                            [--batch B] [--meta-baseline] [--predictions DIR]
    .venv/bin/python bench/bench_extract.py --meta-only [--extensive-dates] [--rounds R]

The corpus (../shared/corpus/dev relative to the repo, or $DEV_CORPUS, or
--corpus) holds pages/<id>.html.gz, expected.jsonl and its scorer score_dev.py. When it is
missing the benchmark says so and exits 0 (users and a fresh CI do not have it).

What is compared, batch by batch (B pages; which side goes first alternates per batch, so
both see the same CPU contention from the other processes on the machine):
  baseline  : trafilatura.extract(html, include_comments=False) for each page
  precision : (--precision-baseline) the same with favor_precision=True, timed in the same
              batches (the order of the three sides rotates per batch)
  pressroom : tasks.extract.run then tasks.clean.run on the same pages
              as a DOCUMENTS table (Arrow conversion, metadata, boilerplate, filters included)

Scores (score_dev.py's own `score`): snippet recall, precision proxy, harmonic mean.
"pipeline" counts a page rejected by a quality filter as an empty text (what the warehouse
would hold); "text" scores the same extraction with the filters off (min_words=0), the
like-for-like comparison of the text. Speed: docs/s of each side over the whole run and
the median of the per-batch time ratios. Note: this is the corpus's *snippet* measure, not
an article-body token F1 (the corpus has no full reference texts). Metadata: title / date /
author accuracy of pressroom's articles against the annotations (and of trafilatura's
extract_metadata with --meta-baseline, untimed), for the whole corpus and for its halves.

Halves: two fixed splits by a hash of the page id, each chosen before its rules were
written. Text (`text_half`, sha256 hex[:8] % 2): line rules are written looking at half 0
only; half 1 is the check on unseen pages. Metadata (`meta_half`, sha256 first byte
even/odd): rules are developed on the "tuning" half only, the "held" half tells whether a
rule generalises (one that helps only the tuning half is overfitting).

--meta-only: metadata alone. Each page is parsed once; then, page by page and alternating
which goes first, `page_metadata` on the parsed tree and `trafilatura.extract` on the bytes
are timed (R rounds, medians per page summed): the metadata's time as a share of a plain
trafilatura extraction, the budget the metadata must stay within (~5% of extraction time
for changes). Then the accuracy table by half.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import os
import re
import statistics
import sys
import time
import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyarrow as pa
import trafilatura
from lxml import etree
from lxml import html as lxml_html

from schemas import DOCUMENTS, conform
from tasks import clean, extract
from tasks.common.charset import sniff_encoding
from tasks.common.settings import Settings, settings_slice
from tasks.extract.jsonld import jsonld_article_body, jsonld_body_scripts
from tasks.extract.selectors import trafilatura_own

REPO = Path(__file__).resolve().parent.parent

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "dev"


class BenchSettings(Settings):
    """Settings plus the proposed `extract_extensive_dates` knob (read with getattr)."""

    extract_extensive_dates: bool = False
_TOKENS = re.compile(r"\w+")


def corpus_dir(arg: str | None) -> Path:
    return Path(arg or os.environ.get("DEV_CORPUS") or DEFAULT_CORPUS)


def load_scorer(corpus: Path):
    spec = importlib.util.spec_from_file_location("score_dev", corpus / "score_dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Whole-body references: the held-out benchmark scores token F1 over each page's whole
# article body, the dev corpus only snippets. Where a page's own JSON-LD articleBody holds
# every `with` snippet and no `without` one, it is taken as the page's whole body, and the
# text is scored against it as the public article-extraction-benchmark scores (shingles of
# four `\w+` tokens, case kept, precision and recall averaged per page). A check on a few
# pages (23 of 990), written by the sites, not by annotators: some bodies lack a
# subheading or hold a teaser the page does not show.
BODY_MIN_CHARS = 400
_TOKEN = re.compile(r"\w+")


def whole_body_references(expected: list[dict], pages: dict[str, bytes], norm) -> dict[str, str]:
    """page id -> its JSON-LD articleBody, on the pages where that body is whole (above)."""
    refs = {}
    for e in expected:
        body = pages[e["id"]]
        if b"articleBody" not in body:
            continue
        try:
            tree = lxml_html.fromstring(body)
        except (ValueError, etree.ParserError):
            continue
        text = jsonld_article_body(jsonld_body_scripts(tree))
        if not text or len(text) < BODY_MIN_CHARS:
            continue
        whole = norm(text)
        if all(norm(s) in whole for s in e["with"]) and not any(
                norm(s) in whole for s in e["without"]):
            refs[e["id"]] = text
    return refs


def _shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return {tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))} if tokens else set()


def shingle_f1(refs: dict[str, str], texts: dict) -> tuple[float, float, float]:
    """(precision, recall, F1) of `texts` against `refs`: per-page precision and recall of
    4-token shingles averaged (precision over the pages with a text), F1 of the means."""
    precisions, recalls = [], []
    for page_id, ref in refs.items():
        got, want = _shingles(texts.get(page_id) or ""), _shingles(ref)
        hit = len(got & want)
        if got:
            precisions.append(hit / len(got))
        recalls.append(hit / len(want) if want else 0.0)
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_corpus(corpus: Path, step: int, limit: int | None) -> tuple[list[dict], dict[str, bytes]]:
    expected = [json.loads(line) for line in open(corpus / "expected.jsonl", encoding="utf-8")]
    expected = expected[::step][:limit] if limit else expected[::step]
    pages = {}
    for e in expected:
        with gzip.open(corpus / "pages" / f"{e['id']}.html.gz") as f:
            pages[e["id"]] = f.read()
    return expected, pages


def doc_table(items: list[dict], pages: dict[str, bytes], fetched_at: datetime) -> pa.Table:
    rows = []
    for e in items:
        # 5 pages have no URL: a placeholder that no rule treats specially
        url = e["url"] or f"https://dev-corpus.invalid/{e['id']}"
        body = pages[e["id"]]
        rows.append({
            "input_key": e["id"], "url": url, "source_kind": "url", "source": "dev-corpus",
            "final_url": url, "status": 200, "content_type": "text/html",
            # what the fetch stage records (no HTTP header here: BOM, <meta>, detection)
            "encoding": sniff_encoding(body, "text/html")[0],
            "body": body, "fetched_at": fetched_at,
        })
    return conform(rows, DOCUMENTS, "documents")


def text_half(page_id: str) -> int:
    """The text rules' fixed split (half 1 is never read). Not the metadata split
    (`meta_half`): each was fixed before its rules were written, so each stays."""
    return int(hashlib.sha256(page_id.encode()).hexdigest()[:8], 16) % 2


def by_half(scorer, expected: list[dict], texts: dict) -> str:
    out = []
    for h in (0, 1):
        s = scorer.score([e for e in expected if text_half(e["id"]) == h], texts)
        out.append(f"half {h}: R {s['snippet_recall']:.4f} P {s['precision_proxy']:.4f} "
                   f"HM {s['harmonic_mean']:.4f}")
    return "; ".join(out)


def norm_words(s: str | None) -> str:
    return " ".join(_TOKENS.findall(unicodedata.normalize("NFC", s or "").casefold()))


# Separators of several names in one annotated author string ("A und B", "A, B & C").
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:;|,|/|&|\bund\b|\band\b|\by\b|\bet\b)\s*", re.I)


def same_people(want: str, got: str | None) -> bool:
    """The same set of names, however joined: the annotation writes 'A und B', the warehouse
    keeps a list ['A', 'B'] (joined with '; ' here)."""
    def names(s):
        return sorted(filter(None, (norm_words(x) for x in _AUTHOR_SEPARATORS.split(s or ""))))
    return names(want) == names(got)


def meta_accuracy(expected: list[dict], got: dict[str, dict]) -> dict[str, tuple[int, int]]:
    """(correct, annotated) for title, author (normalised words; and as a set of names) and
    date (the page's own calendar day; and within one day)."""
    acc = {"title": [0, 0], "author": [0, 0], "author_names": [0, 0], "date": [0, 0],
           "date_pm1": [0, 0]}
    for e in expected:
        g = got.get(e["id"], {})
        if e.get("title"):
            acc["title"][1] += 1
            acc["title"][0] += norm_words(g.get("title")) == norm_words(e["title"])
        if e.get("author"):
            acc["author"][1] += 1
            acc["author"][0] += norm_words(g.get("author")) == norm_words(e["author"])
            acc["author_names"][1] += 1
            acc["author_names"][0] += same_people(e["author"], g.get("author"))
        if e.get("date"):
            have = g.get("date")
            acc["date"][1] += 1
            acc["date_pm1"][1] += 1
            acc["date"][0] += have is not None and have.isoformat() == e["date"]
            try:  # one annotation is not a valid date ('2022-29-11'): exact match only
                want = datetime.strptime(e["date"], "%Y-%m-%d").date()
            except ValueError:
                continue
            acc["date_pm1"][0] += have is not None and abs(have - want) <= timedelta(days=1)
    return {k: (v[0], v[1]) for k, v in acc.items()}


def meta_half(page_id: str) -> str:
    """'tuning' or 'held': the metadata rules' fixed split by a hash of the page id."""
    return "tuning" if hashlib.sha256(page_id.encode()).digest()[0] % 2 == 0 else "held"


def print_meta_by_half(expected: list[dict], ours: dict[str, dict],
                       reference: dict[str, dict] | None) -> None:
    """Accuracy per field for the whole corpus and each half, ours beside the reference."""
    groups = {"whole": expected}
    for name in ("tuning", "held"):
        groups[name] = [e for e in expected if meta_half(e["id"]) == name]
    cols = [(g, "pressroom") for g in groups] + (
        [(g, "trafilatura") for g in groups] if reference is not None else [])
    print("| field | " + " | ".join(f"{who} {g} ({len(groups[g])})" for g, who in cols) + " |")
    print("| --- |" + " ---: |" * len(cols))
    tables = {}
    for g, items in groups.items():
        tables[(g, "pressroom")] = meta_accuracy(items, ours)
        if reference is not None:
            tables[(g, "trafilatura")] = meta_accuracy(items, reference)
    for field in tables[("whole", "pressroom")]:
        cells = []
        for col in cols:
            ok, tot = tables[col][field]
            cells.append(f"{ok / tot:.3f} ({ok}/{tot})" if tot else "-")
        print(f"| {field} | " + " | ".join(cells) + " |")


def trafilatura_metadata(expected: list[dict], pages: dict[str, bytes]) -> dict[str, dict]:
    """trafilatura's own extract_metadata (untimed), in the shape meta_accuracy reads."""
    from trafilatura.metadata import extract_metadata
    from trafilatura.utils import load_html

    got = {}
    for e in expected:
        m = extract_metadata(load_html(pages[e["id"]]), e["url"])
        d = datetime.strptime(m.date, "%Y-%m-%d").date() if m.date else None
        got[e["id"]] = {"title": m.title, "author": m.author, "date": d}
    return got


def run_meta_only(args, expected: list[dict], pages: dict[str, bytes]) -> int:
    """Metadata alone: its time beside trafilatura.extract's, and its accuracy by half."""
    from trafilatura.utils import load_html

    from tasks.common.charset import decode
    from tasks.extract.metadata import page_metadata
    from tasks.extract.pages import _XML_DECLARATION

    fetched_at = datetime.now(UTC)
    trees, ours = {}, {}
    for e in expected:  # decoded and parsed as extract_html does, outside the clock
        body = pages[e["id"]]
        enc = sniff_encoding(body, "text/html")[0]
        text = _XML_DECLARATION.sub("", decode(body, enc), count=1) if enc else body
        trees[e["id"]] = load_html(text)
    url_of = {e["id"]: e["url"] or f"https://dev-corpus.invalid/{e['id']}" for e in expected}
    # warm-up: imports, regex compilation, htmldate caches (and dateparser with extensive)
    for e in expected[:5]:
        page_metadata(trees[e["id"]], url_of[e["id"]], now=fetched_at,
                      extensive_dates=args.extensive_dates)
        trafilatura.extract(pages[e["id"]], include_comments=False)
    # --meta-against FILE: another metadata.py (e.g. `git show main:tasks/extract/metadata.py`)
    # timed and scored in the same run, interleaved with this one
    other = None
    if args.meta_against:
        spec = importlib.util.spec_from_file_location("other_metadata", args.meta_against)
        other = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = other  # dataclasses look their module up while defined
        spec.loader.exec_module(other)
    sides = {"meta": page_metadata, "traf": None}
    if other is not None:
        sides["other"] = other.page_metadata
        for e in expected[:5]:
            other.page_metadata(trees[e["id"]], url_of[e["id"]], now=fetched_at)
    times: dict[str, dict[str, list[float]]] = {
        side: {e["id"]: [] for e in expected} for side in sides}
    theirs: dict[str, dict] = {}
    for r in range(args.rounds):
        for n, e in enumerate(expected):
            order = list(sides)
            shift = (n + r) % len(order)  # each side goes first in turn
            for side in order[shift:] + order[:shift]:
                t0 = time.perf_counter()
                if side == "traf":
                    with trafilatura_own():  # trafilatura as published (selectors.py)
                        trafilatura.extract(pages[e["id"]], include_comments=False)
                else:
                    m = sides[side](trees[e["id"]], url_of[e["id"]], now=fetched_at,
                                    extensive_dates=args.extensive_dates)
                times[side][e["id"]].append(time.perf_counter() - t0)
                if side != "traf":
                    (ours if side == "meta" else theirs)[e["id"]] = {
                        "title": m.title, "author": "; ".join(m.authors),
                        "date": m.published_date, "source": m.published_at_source}
    ms = {side: 1000 * sum(statistics.median(v) for v in t.values()) / len(expected)
          for side, t in times.items()}
    print(f"pages: {len(expected)}  rounds: {args.rounds}  extensive dates: "
          f"{args.extensive_dates}  trafilatura {trafilatura.__version__}, python "
          f"{sys.version.split()[0]}, {os.cpu_count()} cpus (shared)")
    print(f"page_metadata: {ms['meta']:.2f} ms/page; trafilatura.extract: {ms['traf']:.2f} "
          f"ms/page; metadata / extraction = {ms['meta'] / ms['traf']:.3f}")
    if other is not None:
        print(f"{args.meta_against}: {ms['other']:.2f} ms/page, / extraction = "
              f"{ms['other'] / ms['traf']:.3f}; this one costs "
              f"{(ms['meta'] - ms['other']) / ms['traf']:+.3f} of an extraction more")
    sources: dict[str, int] = {}
    for m in ours.values():
        sources[m["source"] or "none"] = sources.get(m["source"] or "none", 0) + 1
    print(f"published_at_source: {dict(sorted(sources.items(), key=lambda kv: -kv[1]))}")
    print()
    reference = trafilatura_metadata(expected, pages) if args.meta_baseline else None
    print_meta_by_half(expected, ours, reference)
    if other is not None:
        print(f"\n{args.meta_against}:")
        print_meta_by_half(expected, theirs, None)
    return 0


def extract_and_clean(table: pa.Table, settings: BenchSettings):
    """pressroom's side of a batch: extract, then clean, as the pipeline runs them
    (also timed alone by extract_cpu.py)."""
    ex = extract.run(table, settings_slice(extract.ExtractConfig, settings), "bench")
    cl = clean.run(ex.table, settings_slice(clean.CleanConfig, settings), "bench")
    return ex, cl


def run(args) -> int:
    corpus = corpus_dir(args.corpus)
    if not (corpus / "expected.jsonl").is_file():
        print(f"SKIP bench_extract: dev corpus not found at {corpus} "
              "(set DEV_CORPUS or pass --corpus DIR)")
        return 0
    scorer = load_scorer(corpus)
    expected, pages = load_corpus(corpus, args.step, args.limit)
    if args.meta_only:
        return run_meta_only(args, expected, pages)
    settings = BenchSettings(min_words=args.min_words, extract_extensive_dates=args.extensive_dates)
    fetched_at = datetime.now(UTC)
    batches = [expected[i:i + args.batch] for i in range(0, len(expected), args.batch)]
    tables = [doc_table(b, pages, fetched_at) for b in batches]

    # the plain-trafilatura sides run on trafilatura's own XPaths, not on the selectors
    # that extract.run installs for itself (tasks/extract/selectors.py)
    def baseline(items):
        with trafilatura_own():
            return {e["id"]: trafilatura.extract(pages[e["id"]], include_comments=False)
                    for e in items}

    def precision(items):
        with trafilatura_own():
            return {e["id"]: trafilatura.extract(pages[e["id"]], include_comments=False,
                                                 favor_precision=True)
                    for e in items}

    def pressroom(table):
        return extract_and_clean(table, settings)

    # warm-up outside the clock: imports, regex compilation, langid model, htmldate caches
    baseline(batches[0][:3])
    pressroom(tables[0].slice(0, 3))

    base_text: dict[str, str | None] = {}
    prec_text: dict[str, str | None] = {}
    t_prec = 0.0
    ratios_prec: list[float] = []
    sides = ["ours", "base"] + (["prec"] if args.precision_baseline else [])
    ours_text: dict[str, str] = {}
    ours_meta: dict[str, dict] = {}
    rejects: dict[str, int] = {}
    fallbacks = 0
    t_base = t_ours = 0.0
    ratios = []
    for n, (items, table) in enumerate(zip(batches, tables, strict=True)):
        order = sides[n % len(sides):] + sides[:n % len(sides)]
        spent = {}
        for side in order:
            t0 = time.perf_counter()
            if side == "base":
                out_b = baseline(items)
            elif side == "prec":
                prec_text.update(precision(items))
            else:
                out_e, out_c = pressroom(table)
            spent[side] = time.perf_counter() - t0
        t_base += spent["base"]
        t_ours += spent["ours"]
        t_prec += spent.get("prec", 0.0)
        if "prec" in spent:
            ratios_prec.append(spent["prec"] / spent["ours"])
        ratios.append(spent["base"] / spent["ours"])
        base_text.update(out_b)
        for row in out_c.table.to_pylist():
            ours_text[row["input_key"]] = row["text"]
            ours_meta[row["input_key"]] = {
                "title": row["title"], "author": "; ".join(row["authors"] or []),
                "date": row["published_date"],
                "source": row["published_at_source"],
            }
        for row in out_e.table.to_pylist():
            fallbacks += (row["extractor"] or "").endswith("+fallback")
            ours_meta.setdefault(row["input_key"], {
                "title": row["title"], "author": "; ".join(row["authors"] or []),
                "date": row["published_date"],
                "source": row["published_at_source"],
            })
        for r in out_e.rejects + out_c.rejects:
            key = f"{r['stage']}:{r['reason']}"
            rejects[key] = rejects.get(key, 0) + 1

    # the same extraction with the filters off: the like-for-like text comparison
    text_view = dict(ours_text)
    if rejects:
        rejected = {e["id"] for e in expected} - set(ours_text)
        lenient = Settings(min_words=0)
        redo = [e for e in expected if e["id"] in rejected]
        if redo:
            ex = extract.run(doc_table(redo, pages, fetched_at),
                             settings_slice(extract.ExtractConfig, lenient), "bench")
            cl = clean.run(ex.table, settings_slice(clean.CleanConfig, lenient), "bench")
            for row in cl.table.to_pylist():
                text_view[row["input_key"]] = row["text"]

    n_docs = len(expected)
    s_base = scorer.score(expected, base_text)
    s_pipe = scorer.score(expected, ours_text)
    s_text = scorer.score(expected, text_view)
    dps_base, dps_ours = n_docs / t_base, n_docs / t_ours

    print(f"corpus: {corpus}  pages: {n_docs} (step {args.step})  batch: {args.batch}  "
          f"min_words: {settings.min_words}")
    print(f"trafilatura {trafilatura.__version__}, python {sys.version.split()[0]}, "
          f"{os.cpu_count()} cpus (shared)")
    print()
    print("| run | snippet recall | precision proxy | harmonic mean | docs/s |")
    print("| --- | --- | --- | --- | --- |")
    print(f"| trafilatura.extract(include_comments=False) | {s_base['snippet_recall']:.4f} | "
          f"{s_base['precision_proxy']:.4f} | {s_base['harmonic_mean']:.4f} | {dps_base:.1f} |")
    if args.precision_baseline:
        s_prec = scorer.score(expected, prec_text)
        print(f"| trafilatura.extract(favor_precision=True) | {s_prec['snippet_recall']:.4f} | "
              f"{s_prec['precision_proxy']:.4f} | {s_prec['harmonic_mean']:.4f} | "
              f"{n_docs / t_prec:.1f} |")
    print(f"| pressroom extract+clean, text (filters off) | {s_text['snippet_recall']:.4f} | "
          f"{s_text['precision_proxy']:.4f} | {s_text['harmonic_mean']:.4f} | |")
    print(f"| pressroom extract+clean, pipeline (rejects empty) | {s_pipe['snippet_recall']:.4f}"
          f" | {s_pipe['precision_proxy']:.4f} | {s_pipe['harmonic_mean']:.4f} | "
          f"{dps_ours:.1f} |")
    print()
    if len(ratios) >= 2:
        q1, _, q3 = statistics.quantiles(ratios, n=4)
        print(f"speed ratio pressroom/baseline: overall {dps_ours / dps_base:.3f}, "
              f"median per batch {statistics.median(ratios):.3f} (IQR {q1:.3f}-{q3:.3f})")
    if args.precision_baseline:
        print(f"speed ratio pressroom/favor_precision: overall {t_prec / t_ours:.3f}, "
              f"median per batch {statistics.median(ratios_prec):.3f}")
    print(f"by half, trafilatura: {by_half(scorer, expected, base_text)}")
    if args.precision_baseline:
        print(f"by half, favor_precision: {by_half(scorer, expected, prec_text)}")
    print(f"by half, pressroom text: {by_half(scorer, expected, text_view)}")
    print(f"by half, pressroom pipeline: {by_half(scorer, expected, ours_text)}")
    hm_base = s_base["harmonic_mean"]
    print(f"harmonic mean pressroom - baseline: text {s_text['harmonic_mean'] - hm_base:+.4f}, "
          f"pipeline {s_pipe['harmonic_mean'] - hm_base:+.4f}")
    print(f"fallback to the full cascade used on {fallbacks} pages; rejects: {rejects or 'none'}")
    refs = whole_body_references(expected, pages, scorer.norm)
    if refs:
        for name, texts in (("trafilatura", base_text), ("pressroom pipeline", ours_text)):
            p, r, f1 = shingle_f1(refs, texts)
            print(f"whole-body shingle F1 against JSON-LD articleBody ({len(refs)} pages), "
                  f"{name}: P {p:.4f} R {r:.4f} F1 {f1:.4f}")
    acc = meta_accuracy(expected, ours_meta)
    print()
    print("| metadata (pressroom) | correct | annotated | accuracy |")
    print("| --- | --- | --- | --- |")
    for k, (ok, tot) in acc.items():
        print(f"| {k} | {ok} | {tot} | {ok / tot:.3f} |" if tot else f"| {k} | 0 | 0 | - |")
    sources: dict[str, int] = {}
    for m in ours_meta.values():
        sources[m["source"] or "none"] = sources.get(m["source"] or "none", 0) + 1
    print(f"published_at_source: {dict(sorted(sources.items(), key=lambda kv: -kv[1]))}")

    print()
    print_meta_by_half(expected, ours_meta,
                       trafilatura_metadata(expected, pages) if args.meta_baseline else None)
    if args.meta_baseline:
        print("(trafilatura: its extract_metadata, untimed)")

    if args.predictions:
        out = Path(args.predictions)
        out.mkdir(parents=True, exist_ok=True)
        for name, texts in (("baseline", base_text), ("pressroom", ours_text),
                            ("pressroom_text", text_view)):
            with open(out / f"{name}.jsonl", "w", encoding="utf-8") as f:
                for e in expected:
                    f.write(json.dumps({"id": e["id"], "text": texts.get(e["id"])}) + "\n")
        print(f"predictions written to {out} (score them with score_dev.py)")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", help="dev corpus folder (default $DEV_CORPUS or "
                    "../shared/corpus/dev)")
    ap.add_argument("--step", type=int, default=1, help="every K-th page (quick runs)")
    ap.add_argument("--limit", type=int, default=None, help="at most N pages")
    ap.add_argument("--batch", type=int, default=10, help="pages per interleaved batch")
    ap.add_argument("--min-words", type=int, default=Settings().min_words)
    ap.add_argument("--extensive-dates", action="store_true",
                    help="htmldate's extensive search when nothing else gives a date (slower)")
    ap.add_argument("--meta-baseline", action="store_true",
                    help="also score trafilatura's extract_metadata (untimed)")
    ap.add_argument("--precision-baseline", action="store_true",
                    help="also time and score trafilatura with favor_precision=True")
    ap.add_argument("--predictions", help="write baseline/pressroom JSONL predictions here")
    ap.add_argument("--meta-only", action="store_true",
                    help="metadata alone: its time beside trafilatura.extract, accuracy by half")
    ap.add_argument("--rounds", type=int, default=3, help="timing rounds with --meta-only")
    ap.add_argument("--meta-against", metavar="FILE",
                    help="with --meta-only: also time and score this metadata.py, e.g. "
                    "`git show main:tasks/extract/metadata.py > /tmp/m.py`")
    return run(ap.parse_args())


if __name__ == "__main__":
    sys.exit(main())
