"""Issue 10, dedup memory at 1M prior articles: one dedup batch of 500 new articles
against a warehouse holding 1M, with the per-batch queries of `load_prior` versus the old
approach (the whole latest_signatures table read into memory), in the same run.

    .venv/bin/python bench/bench_dedup_prior.py --prior 1000000 --repeat 2 [--root DIR]

Build (once per root, reused when it exists): 1M prior articles committed as Parquet +
manifests the way publish does it (zstd, 10k-row groups, files of 50k rows: the layout
after compaction). 999k signatures are RANDOM uint32 MinHash rows (right dtype, width and
band keys from `signing.band_keys`; signing 1M generated texts would cost minutes and
gigabytes of texts here for nothing: random rows share no band key). The first 1,000 are
real: generated texts signed by `signing.sign_counted`, so the batch has real neighbours.
Each commit also carries its containment keys and shingle counts (random counts for the
random rows) and its `band_index` file, as publish writes them. The
`articles` table is minimal (article_id, content_hash, revision, text; text is short
except for the 1,000 real ones).

The batch of 500: 250 near-copies of real prior articles (3 words changed), 50 new
revisions of real prior articles (same article_id, other text), 200 unrelated new texts.

Issue 13 (containment banding): `--loose 64x2` (the default) builds and runs with the
stage's banding; `--compare ROOT=42x3` builds a second warehouse with the banding before
and runs its `new` variant interleaved (`--compare ROOT=64x2` on a 42x3 warehouse: today's
code on rows of the earlier banding, found through their own keys). `--same-topic K` plants
K prior articles per unrelated batch article whose signatures agree with it in a random
10% of positions (MinHash Jaccard ~0.1, a same-topic story: random rows share nothing,
a real warehouse does), so the cost of the looser banding's extra candidates shows;
`prior_rows_fetched` counts the signature rows the lookup returned.

    .venv/bin/python bench/bench_dedup_prior.py --prior 1000000 --repeat 3 --root /tmp/w64 \
        --compare /tmp/w42=42x3 --compare /tmp/w42=64x2 --same-topic 10 --variants none,new

Each variant runs in its own subprocess, alternating; peak RSS is the child's VmHWM from
/proc/self/status (not ru_maxrss: Linux carries the parent's high-water mark across exec):
  none  dedup.run with no prior at all (the floor: imports + batch + signing)
  new   load_prior(root) + dedup.run (per-batch queries; keys looked up in band_index)
  unnest  the same, but keys looked up as before the index: unnest(band_keys) of every
        persisted row (Jaccard keys only, as on main before issue 13's containment keys)
  unnest_all  the same with both key lists unnested (what containment would cost
        without the index)
  old   SELECT * FROM latest_signatures over all files + all (article_id, content_hash,
        revision, text) rows, in memory, then dedup.run against them (prior_from_tables)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from schemas import ARTICLES, SIGNATURES, conform
from tasks import dedup
from tasks.common.settings import Settings, settings_slice
from tasks.common.text import content_hash
from tasks.dedup import minhash as nd
from tasks.dedup import rules as dedup_rules
from tasks.dedup import signing as sg
from tasks.storage.band_index import band_index_rows
from tasks.storage.publish import commit_manifest, parquet_options, row_group_size_of

CFG = settings_slice(dedup.DedupConfig, Settings())
_STAGE_PARAMS = dedup_rules.minhash_params  # before `one` swaps in another banding
REAL = 1000  # prior articles with real (signed) texts
FILE_ROWS = 50_000
T0 = datetime(2025, 1, 1, tzinfo=UTC)
VOCAB = [f"w{i}" for i in range(20_000)]


def text_of(seed: int, words: int = 220) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(VOCAB) for _ in range(words))


def edited(text: str, seed: int, changes: int = 3) -> str:
    rng = random.Random(seed)
    words = text.split()
    for _ in range(changes):
        words[rng.randrange(len(words))] = rng.choice(VOCAB)
    return " ".join(words)


def loose_params(loose: str) -> sg.MinHashParams:
    """The stage's MinHashParams with the containment banding `loose` ("64x2")."""
    from dataclasses import replace

    bands, rows = map(int, loose.split("x"))
    return replace(_STAGE_PARAMS(CFG), loose_bands=bands, loose_rows=rows)


def same_topic_rows(params: sg.MinHashParams, per_doc: int, jaccard: float = 0.1
                    ) -> np.ndarray:
    """Signatures of `per_doc` prior articles per unrelated batch article that agree with
    it in a random `jaccard` share of positions (a same-topic story, or shared
    boilerplate: MinHash Jaccard ~0.1): what a real warehouse has and random rows lack.
    The 200 unrelated batch articles, in batch order."""
    texts = [text_of(50_000_000 + j) for j in range(300, 500)]
    sig = sg.sign(texts, params)
    rng = np.random.default_rng(7)
    out = rng.integers(0, 2**32 - 1, (len(texts) * per_doc, params.num_perm), dtype=np.uint32)
    agree = rng.random(out.shape) < jaccard
    base = np.repeat(sig, per_doc, axis=0)
    out[agree] = base[agree]
    return out


def build(root: Path, n: int, loose: str = "64x2", same_topic: int = 0) -> None:
    params = loose_params(loose)
    rng = np.random.default_rng(1)
    planted = same_topic_rows(params, same_topic) if same_topic else np.empty((0, 0))
    run_id = "20250101T000000Z-bench0"
    for b, start in enumerate(range(0, n, FILE_ROWS)):
        stop = min(n, start + FILE_ROWS)
        ids = [f"prior-{i:07d}" for i in range(start, stop)]
        texts = [text_of(i) if i < REAL else f"short prior article {i}"
                 for i in range(start, stop)]
        hashes = [content_hash(t) for t in texts]
        sig = rng.integers(0, 2**32 - 1, (stop - start, params.num_perm), dtype=np.uint32)
        counts = rng.integers(150, 900, stop - start).astype(np.int32)
        real = [k for k, i in enumerate(range(start, stop)) if i < REAL]
        if real:
            sig[real], counts[real] = sg.sign_counted([texts[k] for k in real], params)
        # The same-topic rows follow the real ones (and are random elsewhere).
        near = [k for k, i in enumerate(range(start, stop)) if REAL <= i < REAL + len(planted)]
        if near:
            sig[near] = planted[[start + k - REAL for k in near]]
        first = [T0 + timedelta(seconds=i) for i in range(start, stop)]
        sigs = pa.table({
            "article_id": ids, "content_hash": hashes, "cluster_id": ids,
            "duplicate_of": pa.nulls(len(ids), pa.string()),
            "first_seen": pa.array(first, SIGNATURES.field("first_seen").type),
            "signature": nd.signatures_to_arrow(sig),
            "band_keys": nd.keys_to_arrow(sg.band_keys(sig, params)),
            "params": [params.fingerprint] * len(ids),
            "recorded_at": pa.array(first, SIGNATURES.field("recorded_at").type),
            "run_id": [run_id] * len(ids), "shingle_count": pa.array(counts, pa.int32()),
            "containment_keys": nd.keys_to_arrow(sg.containment_keys(sig, params))},
            schema=SIGNATURES)
        arts = pa.table({"article_id": ids, "content_hash": hashes,
                         "revision": pa.array([1] * len(ids), pa.int32()), "text": texts},
                        schema=pa.schema([ARTICLES.field(c) for c in
                                          ("article_id", "content_hash", "revision", "text")]))
        stem = f"{run_id}.b{b:05d}"
        files = {}
        for name, table in (("articles", arts), ("signatures", sigs),
                            ("band_index", band_index_rows(sigs))):
            (root / name).mkdir(parents=True, exist_ok=True)
            rel = f"{name}/{stem}-0000.parquet"
            pq.write_table(table, root / rel, row_group_size=row_group_size_of(name),
                           **parquet_options(name))
            files[name] = [rel]
        commit_manifest(root, stem, {"run_id": run_id, "kind": "batch", "batch": b,
                                     "started_at": T0.isoformat(), "files": files,
                                     "rows": {"articles": len(ids), "signatures": len(ids)}})
        print(f"  built {stop:,} prior articles", flush=True)


def batch() -> pa.Table:
    rows = []
    for j in range(500):
        if j < 250:  # near-copy of a real prior article, new URL
            aid, text = f"new-{j:04d}", edited(text_of(j * 3), 10_000 + j)
        elif j < 300:  # a new revision of a real prior article
            aid, text = f"prior-{j * 3 + 1:07d}", edited(text_of(j * 3 + 1), 20_000 + j, 30)
        else:
            aid, text = f"new-{j:04d}", text_of(50_000_000 + j)
        url = f"https://bench.example/{aid}"
        rows.append({"article_id": aid, "url": url, "canonical_url": url,
                     "domain": "bench.example", "source_kind": "warc", "text": text,
                     "run_id": "20260101T000000Z-bench1",
                     "word_count": len(text.split()), "content_hash": content_hash(text),
                     "fetched_at": datetime(2026, 1, 1, tzinfo=UTC) + timedelta(seconds=j)})
    return conform(rows, ARTICLES, "articles")


def vm_hwm_mb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    return -1


def timed(prior):
    """The same PriorArticles with each query timed (seconds per answer kind)."""
    from dataclasses import replace

    spent: dict[str, float] = {}

    def wrap(name, fn):
        def call(*a):
            t0 = time.perf_counter()
            try:
                return fn(*a)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t0
        return call

    return replace(prior, **{n: wrap(n, getattr(prior, n))
                             for n in ("latest", "signatures", "fingerprints", "texts")
                             if getattr(prior, n) is not None}), spent


def unnest_prior(root: Path, containment: bool):
    """load_prior without the band-key index: the batch's keys joined with the unnested
    key lists of every persisted row. containment=False: band_keys only (16 per row, the
    query on main before issue 13; rows presented as pre-schema-6 ones, so `_prior` takes
    its legacy path); True: band_keys and containment_keys (58 per row: what the lookup
    would cost without the index)."""
    import duckdb

    from tasks.storage.warehouse import _prior, committed_files

    art = [str(p) for p in committed_files(root, "articles")]
    sig = [str(p) for p in committed_files(root, "signatures")]

    def connect():
        con = duckdb.connect()
        con.read_parquet(art, union_by_name=True).create_view("prior_articles")
        con.sql(f"""SELECT * {"" if containment else "EXCLUDE (shingle_count, containment_keys)"}
                    FROM read_parquet({sig!r})""").create_view("prior_signatures")
        return con

    def unnest_hits(keys: np.ndarray) -> list[str]:
        con = duckdb.connect()
        try:
            con.register("want_keys", pa.table({"k": pa.array(keys, pa.uint64())}))
            return [r[0] for r in con.sql(f"""SELECT DISTINCT article_id FROM (
                SELECT article_id, unnest(list_concat(band_keys, containment_keys)) AS k
                FROM read_parquet({sig!r})) JOIN want_keys USING (k)""").fetchall()]
        finally:
            con.close()

    return _prior(connect, True, unnest_hits if containment else None)


def one(variant: str, root: Path, loose: str = "64x2") -> None:
    """Run one variant in this process; print a JSON line. `loose`: the containment
    banding dedup runs with (the warehouse must have been built with it)."""
    from tasks.common.state import PriorArticles
    from tasks.dedup import rules
    from tasks.storage.warehouse import committed_files, load_prior, prior_from_tables

    rules.minhash_params = lambda cfg: loose_params(loose)
    new = batch()
    t0 = time.perf_counter()
    c0 = time.process_time()  # all threads of this process: DuckDB's included
    if variant == "new":
        prior = load_prior(root)
    elif variant in ("unnest", "unnest_all"):
        prior = unnest_prior(root, containment=variant == "unnest_all")
    elif variant == "old":
        import duckdb

        from schemas import view_sql

        con = duckdb.connect()
        con.read_parquet([str(p) for p in committed_files(root, "signatures")]
                         ).create_view("signatures")
        con.execute(view_sql("latest_signatures"))
        sig = con.sql("SELECT * FROM latest_signatures").to_arrow_table()
        arts = con.read_parquet([str(p) for p in committed_files(root, "articles")]
                                ).select("article_id, content_hash, revision, text"
                                         ).to_arrow_table()
        con.close()
        prior = prior_from_tables(arts, sig.select(SIGNATURES.names).cast(SIGNATURES))
    else:
        prior = PriorArticles()
    prior, spent = timed(prior)
    fetched = [0]
    if prior.signatures is not None:
        answer = prior.signatures

        def counted(ids, keys):
            got = answer(ids, keys)
            fetched[0] += 0 if got is None else got.num_rows
            return got
        from dataclasses import replace

        prior = replace(prior, signatures=counted)
    t_load = time.perf_counter() - t0
    res = dedup.run(new, CFG, "20260101T000000Z-bench1", prior)
    elapsed = time.perf_counter() - t0
    clusters = res.table.select(["article_id", "cluster_id", "duplicate_of", "revision"])
    digest = hashlib.sha1(json.dumps(sorted(map(str, clusters.to_pylist()))).encode()
                          ).hexdigest()[:12]
    dups = sum(1 for d in clusters.column("duplicate_of").to_pylist() if d)
    print(json.dumps({
        "variant": variant, "loose": loose, "root": str(root), "seconds": round(elapsed, 2),
        "cpu_s": round(time.process_time() - c0, 2), "load_s": round(t_load, 2),
        "peak_rss_mb": vm_hwm_mb(), "prior_calls_s": {k: round(v, 2) for k, v in spent.items()},
        "kept": res.table.num_rows, "near_duplicates": dups,
        "revisions": sum(1 for r in clusters.column("revision").to_pylist() if r and r > 1),
        "signature_rows": res.outputs["signatures"].num_rows, "clusters_digest": digest,
        "prior_rows_fetched": fetched[0]}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--prior", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--root", default="/tmp/pressroom-bench-1m")
    ap.add_argument("--loose", default="64x2",
                    help="containment banding the warehouse is built and dedup run with")
    ap.add_argument("--compare", metavar="ROOT=BANDING", action="append", default=[],
                    help="another warehouse built with another containment banding (e.g. "
                         "/tmp/w42=42x3): its `new` variant runs interleaved with ours")
    ap.add_argument("--same-topic", type=int, default=0,
                    help="prior articles per unrelated batch article with MinHash Jaccard "
                         "~0.1 to it (same-topic neighbours; 0: random rows only)")
    ap.add_argument("--variants", default="none,new,unnest,unnest_all,old")
    ap.add_argument("--one", choices=["none", "new", "unnest", "unnest_all", "old"],
                    help=argparse.SUPPRESS)
    args = ap.parse_args()
    root = Path(args.root)
    if args.one:
        return one(args.one, root, args.loose)
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()}", flush=True)
    runs = [(v, root, args.loose) for v in args.variants.split(",")]
    for spec in args.compare:
        other, banding = spec.split("=")
        runs.append(("new", Path(other), banding))
    for where, banding in sorted({(r, b) for _, r, b in runs}):
        if not (where / "manifests").is_dir():
            t0 = time.perf_counter()
            build(where, args.prior, banding, args.same_topic)
            print(f"built {args.prior:,} prior articles ({banding}) in "
                  f"{time.perf_counter() - t0:.0f} s", flush=True)
        for table in ("signatures", "band_index"):
            size = sum(p.stat().st_size for p in (where / table).glob("*.parquet"))
            print(f"warehouse {where} ({banding}): {table} {size / 2**20:.0f} MB", flush=True)
    for r in range(args.repeat):
        for variant, where, banding in runs:
            out = subprocess.run([sys.executable, __file__, "--one", variant, "--root",
                                  str(where), "--loose", banding],
                                 capture_output=True, text=True, check=True).stdout
            print(f"repeat {r}: {out.strip()}  load average {os.getloadavg()[0]:.1f}",
                  flush=True)


if __name__ == "__main__":
    main()
