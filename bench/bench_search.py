"""Search benchmark: index build rate, query latency (p50/p95) and size on disk over
synthetic articles (tasks/storage/search.py, tantivy).

    .venv/bin/python bench/bench_search.py --docs 1000000 --commit-size 10000

Articles are generated with a fixed seed: a 50,000-word synthetic vocabulary drawn with a
Zipf law (s = 1.1, like word frequencies in news text), titles of 6-12 words, bodies of
about 380 words (log-normal, 60-2,000) in paragraphs of ~60 words, 300 outlets, two years
of dates, 90% "en" / 10% "de". The index is built the way runs build it: one
`index_commit` per commit of `--commit-size` articles (each article deleted by id and
added, a tantivy commit per warehouse commit). Queries go through `search()` as
`pressroom search` calls it (open the index, catch-up check, parse, search, 10 hits with
snippets), a mix of common and rare words, AND, OR, NOT, phrases taken from indexed
texts, and date/outlet/language filters; each query is run once (cold-ish) and the
figures are over all of them.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tasks.storage import search  # noqa: E402
from tasks.storage.publish import publish_run  # noqa: E402

SYLLABLES = ["ka", "lo", "mi", "ten", "ra", "su", "vel", "or", "an", "is", "pe", "do", "ri",
             "nu", "sta", "gor", "el", "fa", "ju", "ber", "ti", "mon", "ha", "qui", "zen"]


def vocabulary(rng: np.random.Generator, size: int) -> np.ndarray:
    words = set()
    while len(words) < size:
        n = rng.integers(1, 5)
        words.add("".join(rng.choice(SYLLABLES, n)))
    return np.array(sorted(words), dtype=object)


class Generator:
    def __init__(self, seed: int, vocab_size: int = 50_000) -> None:
        self.rng = np.random.default_rng(seed)
        self.vocab = vocabulary(self.rng, vocab_size)
        self.rng.shuffle(self.vocab)  # rank order independent of spelling
        ranks = np.arange(1, vocab_size + 1)
        p = 1.0 / ranks**1.1
        self.cdf = np.cumsum(p / p.sum())
        self.domains = [f"outlet{i:03d}.example" for i in range(300)]
        self.start = datetime(2023, 1, 1, tzinfo=UTC)

    def words(self, n: int) -> np.ndarray:
        return self.vocab[np.searchsorted(self.cdf, self.rng.random(n))]

    def chunk(self, first: int, n: int, run_id: str) -> pa.Table:
        rng = self.rng
        lengths = np.clip(rng.lognormal(5.8, 0.5, n).astype(int), 60, 2000)
        title_lengths = rng.integers(6, 13, n)
        body = self.words(int(lengths.sum()))
        titles = self.words(int(title_lengths.sum()))
        rows = {k: [] for k in ("article_id", "url", "title", "text", "published_at",
                                "domain", "language", "cluster_id", "revision", "run_id",
                                "source_name")}
        pos = tpos = 0
        for i in range(n):
            words = body[pos: pos + lengths[i]]
            pos += lengths[i]
            paragraphs = [" ".join(words[j: j + 60]) for j in range(0, len(words), 60)]
            title = " ".join(titles[tpos: tpos + title_lengths[i]])
            tpos += title_lengths[i]
            aid = f"{first + i:012x}"
            domain = self.domains[int(rng.integers(0, len(self.domains)))]
            rows["article_id"].append(aid)
            rows["url"].append(f"https://{domain}/news/{aid}")
            rows["title"].append(title.capitalize())
            rows["text"].append("\n\n".join(paragraphs))
            rows["published_at"].append(self.start + timedelta(minutes=int(rng.integers(
                0, 2 * 365 * 24 * 60))))
            rows["domain"].append(domain)
            rows["language"].append("de" if rng.random() < 0.1 else "en")
            rows["cluster_id"].append(aid if rng.random() < 0.9 else f"{first:012x}")
            rows["revision"].append(1)
            rows["run_id"].append(run_id)
            rows["source_name"].append(None)
        return pa.table({**rows, "published_at": pa.array(rows["published_at"],
                                                           pa.timestamp("us", tz="UTC")),
                         "revision": pa.array(rows["revision"], pa.int32())})


def queries(gen: Generator, samples: list[str], n: int, seed: int) -> list[tuple[str, dict]]:
    """A fixed mix of query shapes; phrases come from indexed texts so that they match."""
    rng = np.random.default_rng(seed)
    common = gen.vocab[:200]
    mid = gen.vocab[1000:10000]
    rare = gen.vocab[20000:]
    out: list[tuple[str, dict]] = []
    for i in range(n):
        kind = i % 8
        if kind == 0:
            out.append((str(rng.choice(common)), {}))
        elif kind == 1:
            out.append((str(rng.choice(rare)), {}))
        elif kind == 2:
            out.append((f"{rng.choice(mid)} {rng.choice(mid)}", {}))
        elif kind == 3:
            out.append((f"{rng.choice(mid)} OR {rng.choice(rare)}", {}))
        elif kind == 4:
            out.append((f"{rng.choice(common)} AND NOT {rng.choice(mid)}", {}))
        elif kind == 5:
            words = samples[int(rng.integers(0, len(samples)))].split()
            j = int(rng.integers(0, max(1, len(words) - 3)))
            out.append(('"' + " ".join(words[j: j + 3]) + '"', {}))
        elif kind == 6:
            day = datetime(2023, 1, 1) + timedelta(days=int(rng.integers(0, 600)))
            out.append((str(rng.choice(mid)), {"since": day.date(),
                                               "until": (day + timedelta(days=90)).date()}))
        else:
            out.append((f"{rng.choice(mid)} {rng.choice(common)}",
                        {"lang": "de", "outlet": gen.domains[int(rng.integers(0, 300))]}))
    return out


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.array(values), q))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--commit-size", type=int, default=10_000)
    ap.add_argument("--queries", type=int, default=400)
    ap.add_argument("--seed", type=int, default=20240501)
    ap.add_argument("--out", type=Path, default=Path("/tmp/pressroom-bench-search"))
    ap.add_argument("--keep", action="store_true", help="keep the index (reuse: --skip-build)")
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--simple-tokenizer", action="store_true",
                    help="read titles and texts with tantivy's simple tokenizer, as before "
                         "search.WORDS_TOKENIZER (its cost, in alternation)")
    args = ap.parse_args()
    if args.simple_tokenizer:
        import tantivy

        search._words_analyzer = lambda: (
            tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.remove_long(40)).filter(tantivy.Filter.lowercase()).build())

    root = args.out
    gen = Generator(args.seed)
    samples: list[str] = []
    gen_s = index_s = 0.0
    if not args.skip_build:
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir(parents=True)
        for first in range(0, args.docs, args.commit_size):
            n = min(args.commit_size, args.docs - first)
            t0 = time.perf_counter()
            table = gen.chunk(first, n, f"run{first // args.commit_size:05d}")
            t1 = time.perf_counter()
            run_id = f"run{first // args.commit_size:05d}"
            search.index_commit(root, table, run_id)
            t2 = time.perf_counter()
            # a manifest naming the commit (no Parquet: the articles are only indexed):
            # search() takes an index holding commits the warehouse does not list for
            # stale, and makes it again from the warehouse (fault round 42)
            publish_run(root, {}, {"run_id": run_id, "started_at": run_id})
            gen_s += t1 - t0
            index_s += t2 - t1
            samples += table.column("text").slice(0, 20).to_pylist()
            done = first + n
            print(f"  {done:>9,} docs indexed  {done / index_s:,.0f} docs/s", flush=True)
    else:
        samples = gen.chunk(0, 200, "run00000").column("text").to_pylist()
    docs = search.document_count(root)
    size = search.size_on_disk(root)
    qs = queries(gen, samples, args.queries, args.seed + 1)
    search.search(root, "warmup")
    lat: dict[str, list[float]] = {}
    totals = []
    for q, kw in qs:
        t0 = time.perf_counter()
        result = search.search(root, q, limit=10, **kw)
        ms = (time.perf_counter() - t0) * 1000
        shape = ("filtered" if kw else "phrase" if q.startswith('"') else
                 "OR" if " OR " in q else "NOT" if "NOT" in q else
                 "AND" if " " in q else "word")
        lat.setdefault(shape, []).append(ms)
        lat.setdefault("all", []).append(ms)
        totals.append(result.total)
    print(f"\ndocs in index: {docs:,}  size on disk: {size / 1e9:.2f} GB "
          f"({size / max(docs, 1) / 1024:.2f} KB/doc)")
    if index_s:
        print(f"build: {index_s:,.1f} s indexing ({args.docs / index_s:,.0f} docs/s, commits of "
              f"{args.commit_size:,}); generating the articles took {gen_s:,.1f} s more")
    print(f"queries: {len(qs)}  median matches {statistics.median(totals):,.0f}")
    print("| queries | n | p50 ms | p95 ms | max ms |\n| --- | ---: | ---: | ---: | ---: |")
    for shape, values in lat.items():
        print(f"| {shape} | {len(values)} | {percentile(values, 50):.1f} | "
              f"{percentile(values, 95):.1f} | {max(values):.1f} |")
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
