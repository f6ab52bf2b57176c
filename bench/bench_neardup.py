"""Benchmark near-duplicate detection on synthetic news-like texts with planted duplicates.

    .venv/bin/python bench/bench_neardup.py --sizes 100000 1000000

For each size: generate ~3 KB texts (Zipf-distributed pseudo-words), where a share of them
belong to planted groups: a base text plus 1-3 variants edited (substitutions, insertions,
deletions, a cut tail) towards a target Jaccard level. The true Jaccard of every pair in a
group is computed exactly on Python sets of 5-word tuples (independent of our hashing).
Then: signing time (tasks.dedup.signing.sign), LSH time (band keys, candidate self-join by sort,
verification, clustering), peak RSS, precision/recall, and the datasketch MinHash baseline
on a subsample of the same texts in the same process (the machine is shared: only ratios
measured in one run mean anything). Each size runs in its own subprocess so that peak RSS
is per size.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import time

import numpy as np

from tasks.dedup import minhash as nd
from tasks.dedup import signing as sg

LEVELS = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0]
K = 5
WORDS_PER_DOC = 480  # ~3 KB with the vocabulary below


def make_vocab(rng: np.random.Generator, size: int = 60_000) -> np.ndarray:
    syll = ["ka", "to", "ri", "men", "sa", "lo", "pre", "ion", "ter", "na", "co", "de", "vi",
            "stra", "ul", "per", "an", "the", "is", "ment"]
    n_syll = rng.integers(1, 4, size)
    words = {"".join(rng.choice(syll, k)) + str(i % 7 if i % 11 == 0 else "") for i, k in
             enumerate(n_syll)}
    return np.array(sorted(words))


def words_of(text: str) -> list[str]:
    return re.findall(r"[0-9a-z]+", text.lower())


def shingle_set(words: list[str]) -> set[tuple[str, ...]]:
    if len(words) < K:
        return {tuple(words)}
    return {tuple(words[i : i + K]) for i in range(len(words) - K + 1)}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def mutate(words: list[str], target: float, rng: np.random.Generator, vocab: np.ndarray
           ) -> list[str]:
    """Edit a copy towards Jaccard `target` with the base (5-word shingles)."""
    w = list(words)
    if target >= 1.0:
        return w
    s = len(w) - K + 1
    affected = s * (1 - target) / (1 + target)  # shingles to break: J = (S-a)/(S+a)
    edits = max(1, int(round(affected / K * 1.08)))  # ~K shingles per scattered edit
    kind = rng.integers(0, 4)
    if kind == 3 and edits * K < len(w) // 2:
        # A cut tail (AMP/teaser copies) plus a few edits.
        cut = int(affected * 0.5)
        w = w[: len(w) - cut]
        edits = max(1, int(round(affected * 0.5 / K / 2)))
    for pos in rng.choice(len(w), min(edits, len(w)), replace=False):
        op = rng.integers(0, 3)
        if op == 0:
            w[pos] = str(rng.choice(vocab))
        elif op == 1:
            w[pos] = w[pos] + " " + str(rng.choice(vocab))
        else:
            w[pos] = ""
    return " ".join(x for x in w if x).split()


def generate(n: int, seed: int, batch: int = 2000, group_share: float = 0.3):
    """Yield (texts, groups) per batch; groups: list of lists of global doc indices, plus
    exact pair Jaccards {(i, j): J}."""
    rng = np.random.default_rng(seed)
    vocab = make_vocab(rng)
    probs = 1.0 / np.arange(1, len(vocab) + 1) ** 1.05
    probs /= probs.sum()
    made = 0
    while made < n:
        m = min(batch, n - made)
        texts: list[str] = []
        truth: dict[tuple[int, int], float] = {}
        while len(texts) < m:
            ids = rng.choice(len(vocab), WORDS_PER_DOC + rng.integers(-80, 80), p=probs)
            base = vocab[ids].tolist()
            if rng.random() < group_share and m - len(texts) >= 4:
                members = [base]
                for _ in range(rng.integers(1, 4)):
                    members.append(mutate(base, float(rng.choice(LEVELS)), rng, vocab))
                start = made + len(texts)
                sets = [shingle_set(x) for x in members]
                for a in range(len(members)):
                    for b in range(a + 1, len(members)):
                        truth[(start + a, start + b)] = jaccard(sets[a], sets[b])
                texts.extend(_render(x, rng) for x in members)
            else:
                texts.append(_render(base, rng))
        made += len(texts)
        yield texts, truth


def _render(words: list[str], rng: np.random.Generator) -> str:
    """Words -> prose-like text: capitals, commas, full stops, paragraphs (the tokenizer
    must see through them)."""
    out = []
    for i, w in enumerate(words):
        if i % 17 == 0:
            w = w.capitalize()
        out.append(w)
        if i % 17 == 16:
            out[-1] += "."
        elif i % 7 == 3:
            out[-1] += ","
    text = " ".join(out)
    return text.replace(". ", ".\n\n", 3)


def _datasketch_version() -> str:
    from importlib.metadata import version
    return version("datasketch")


def datasketch_sign(texts: list[str]) -> None:
    from datasketch import MinHash

    for t in texts:
        w = words_of(t)
        m = MinHash(num_perm=128)
        m.update_batch([" ".join(w[i : i + K]).encode() for i in range(len(w) - K + 1)])


def duckdb_join_seconds(keys: np.ndarray) -> float:
    """The same candidate generation as a DuckDB band-key self-join, for comparison."""
    import duckdb
    import pyarrow as pa

    n, bands = keys.shape
    tbl = pa.table({"doc": np.repeat(np.arange(n, dtype=np.int32), bands),
                    "key": keys.ravel()})
    con = duckdb.connect()
    con.register("k", tbl)
    t = time.perf_counter()
    con.sql("""SELECT count(*) FROM (SELECT DISTINCT a.doc AS i, b.doc AS j FROM k a
               JOIN k b ON a.key = b.key AND a.doc < b.doc)""").fetchall()
    return round(time.perf_counter() - t, 2)


def run_size(n: int, seed: int, ds_sample: int, exact: bool, inc_new: int = 0,
             containment: float | None = 0.8, loose: str = "64x2") -> dict:
    bands, rows = map(int, loose.split("x"))
    params = sg.MinHashParams(loose_bands=bands, loose_rows=rows)
    gen_s = sign_s = sign_cpu = 0.0
    sigs, counts = [], []
    all_texts: list[str] = []  # kept for the exact verification (~3 GB at 1M)
    truth: dict[tuple[int, int], float] = {}
    sample: list[str] = []
    text_bytes = 0
    t = time.perf_counter()
    for texts, tr in generate(n, seed):
        gen_s += time.perf_counter() - t
        if len(sample) < ds_sample:
            sample.extend(texts[: ds_sample - len(sample)])
        text_bytes += sum(len(x) for x in texts)
        t, c = time.perf_counter(), time.process_time()
        # What the dedup stage calls: signatures and shingle counts (for containment).
        sig_part, count_part = sg.sign_counted(texts, params)
        sigs.append(sig_part)
        counts.append(count_part)
        sign_s += time.perf_counter() - t
        sign_cpu += time.process_time() - c
        truth.update(tr)
        if exact:
            all_texts.extend(texts)
        t = time.perf_counter()
    sig = np.concatenate(sigs)
    shingles = np.concatenate(counts)
    del sigs

    # Baseline and ours on the same subsample, interleaved 3 times (shared machine).
    # CPU time of this process (time.process_time): "per core" on a machine whose other
    # cores and time slices are busy with other agents' work.
    ds_t, ours_t = [], []
    for _ in range(3):
        t = time.process_time()
        datasketch_sign(sample)
        ds_t.append(time.process_time() - t)
        t = time.process_time()
        sg.sign_counted(sample, params)
        ours_t.append(time.process_time() - t)

    ids = [f"d{i:08d}" for i in range(n)]
    c0 = time.process_time()
    t0 = time.perf_counter()
    keys = sg.band_keys(sig, params)
    t1 = time.perf_counter()
    pairs = nd.candidate_pairs(keys)
    t2 = time.perf_counter()
    kept, est = nd.verify_pairs(pairs, sig, 0.8)
    t3 = time.perf_counter()
    res = nd.cluster_incremental(ids, np.arange(n, dtype=np.int64), sig, params=params,
                                 new_texts=all_texts if exact else None,
                                 new_counts=shingles, containment=containment,
                                 containment_shingle_words=nd.CONTAINMENT_SHINGLE_WORDS)
    t4 = time.perf_counter()
    loose_candidates = (len(nd.candidate_pairs(sg.containment_keys(sig, params)))
                        if containment is not None else 0)
    c4 = time.process_time()
    duck_s = duckdb_join_seconds(keys) if n <= 1_000_000 else None
    if exact:  # the pipeline's verification: exact Jaccard of the shingle sets
        by_index = {x: i for i, x in enumerate(ids)}
        kept = np.array([(by_index[a], by_index[b]) for a, b, _ in res.pairs],
                        dtype=np.int64).reshape(-1, 2)
        est = np.array([j for _, _, j in res.pairs])

    # Incremental: the last `inc_new` documents arrive in a later run against everything
    # before them (persisted keys and clusters); they must get the one-run clusters.
    inc = {}
    if inc_new:
        m = n - inc_new
        tc, tw = time.process_time(), time.perf_counter()
        first = nd.cluster_incremental(ids[:m], np.arange(m, dtype=np.int64), sig[:m],
                                       params=params, new_texts=all_texts[:m] if exact else None,
                                       new_counts=shingles[:m], containment=containment,
                                       containment_shingle_words=nd.CONTAINMENT_SHINGLE_WORDS)
        base_cpu = time.process_time() - tc
        tc, tw = time.process_time(), time.perf_counter()
        later = nd.cluster_incremental(
            ids[m:], np.arange(m, n, dtype=np.int64), sig[m:], ids[:m],
            np.arange(m, dtype=np.int64), first.new_cluster, keys[:m], lambda ix: sig[ix],
            params, new_texts=all_texts[m:] if exact else None,
            prior_texts=(lambda ix: [all_texts[i] for i in ix.tolist()]) if exact else None,
            new_counts=shingles[m:], prior_counts=shingles[:m],
            prior_loose_keys=sg.containment_keys(sig[:m], params), containment=containment,
            containment_shingle_words=nd.CONTAINMENT_SHINGLE_WORDS)
        inc_cpu, inc_wall = time.process_time() - tc, time.perf_counter() - tw
        state = dict(zip(ids[:m], first.new_cluster, strict=True))
        state.update(later.changed_prior)
        state.update(zip(ids[m:], later.new_cluster, strict=True))
        same = sum(state[i] == c for i, c in zip(ids, res.new_cluster, strict=True))
        inc = {"incremental_new_docs": inc_new, "incremental_prior_docs": m,
               "incremental_run_cpu_s": round(inc_cpu, 2),
               "incremental_run_wall_s": round(inc_wall, 2),
               "prior_build_cpu_s": round(base_cpu, 2),
               "incremental_equals_one_run": same == n}

    # Quality. Pairs not planted have true Jaccard ~0 (independent Zipf texts); any such
    # reported pair counts as a false positive.
    found = {(int(a), int(b)) for a, b in kept}
    cluster = np.array(res.new_cluster, dtype=object)
    buckets: dict[str, list[int]] = {}
    for (a, b), j in truth.items():
        lo = max(x for x in [0.0, *LEVELS] if x <= j + 1e-9) if j < 1 else 1.0
        key = f"{lo:.2f}"
        got = buckets.setdefault(key, [0, 0, 0])
        got[0] += 1
        got[1] += (a, b) in found
        got[2] += cluster[a] == cluster[b]
    pos85 = [(p, j) for p, j in truth.items() if j >= 0.85]
    recall_edge = sum(p in found for p, _ in pos85) / max(1, len(pos85))
    recall_cluster = sum(cluster[a] == cluster[b] for (a, b), _ in pos85) / max(1, len(pos85))
    true_j = [truth.get(p, 0.0) for p in found]
    precision_08 = sum(j >= 0.8 for j in true_j) / max(1, len(found))
    precision_075 = sum(j >= 0.75 for j in true_j) / max(1, len(found))
    err = np.array([e - truth[p] for p, e in zip(map(tuple, kept.tolist()), est, strict=True)
                    if p in truth])
    # MinHash estimate vs truth over *all* planted pairs (no selection by the threshold).
    tp = np.array(list(truth.keys()), dtype=np.int64).reshape(-1, 2)
    tj = np.array(list(truth.values()))
    ej = nd.estimated_jaccard(sig[tp[:, 0]], sig[tp[:, 1]]) if len(tp) else np.empty(0)
    sel = (tj >= 0.7) & (tj < 0.9)
    bias = {"estimate_minus_true_mean_all_planted": round(float((ej - tj).mean()), 4),
            "estimate_minus_true_sd_j_0.7_0.9": round(float((ej - tj)[sel].std()), 4),
            "binomial_sd_expected_j_0.8": round(float(np.sqrt(0.8 * 0.2 / params.num_perm)), 4)}
    ds_rate = len(sample) / statistics.median(ds_t)
    ours_rate = len(sample) / statistics.median(ours_t)
    return {
        "n": n,
        "avg_text_bytes": round(text_bytes / n),
        "generate_s": round(gen_s, 1),
        "sign_wall_s": round(sign_s, 2),
        "sign_cpu_s": round(sign_cpu, 2),
        "sign_docs_per_cpu_s": round(n / sign_cpu),
        "datasketch_docs_per_cpu_s_sample": round(ds_rate),
        "ours_docs_per_cpu_s_sample": round(ours_rate),
        "speedup_vs_datasketch": round(ours_rate / ds_rate, 1),
        # datasketch 2.0 signs ~1.9x faster than 1.6.5 did (same texts, same process
        # settings; BENCHMARKS.md, "Signing against datasketch 2.0"): the ratio names its version
        "datasketch_version": _datasketch_version(),
        "band_keys_s": round(t1 - t0, 2),
        "candidates_s": round(t2 - t1, 2),
        "verify_s": round(t3 - t2, 2),
        "verification": "exact shingle Jaccard" if exact else "MinHash estimate",
        "cluster_incremental_s (candidates+verify+cluster again)": round(t4 - t3, 2),
        "lsh_total_wall_s": round(t4 - t0, 2),
        "lsh_total_cpu_s": round(c4 - c0, 2),
        "duckdb_band_self_join_wall_s": duck_s,
        "sign_plus_lsh_wall_s": round(sign_s + t4 - t0, 1),
        "sign_plus_lsh_cpu_s": round(sign_cpu + c4 - c0, 1),
        "candidates": int(len(pairs)),
        "containment": containment,
        f"containment_{loose}_candidates": int(loose_candidates),
        "verified": int(len(kept)),
        "planted_pairs": len(truth),
        "pairs_j_ge_085": len(pos85),
        "recall_j_ge_085_pairs": round(recall_edge, 4),
        "recall_j_ge_085_same_cluster": round(recall_cluster, 4),
        "precision_true_j_ge_080": round(precision_08, 4),
        "precision_true_j_ge_075": round(precision_075, 4),
        # Every planted pair is a copy of its group's base (edited towards a Jaccard
        # level); a reported pair outside the groups is a join of two unrelated texts.
        "reported_pairs_not_planted": sum(p not in truth for p in found),
        "reported_minus_true_mean": round(float(err.mean()), 4) if len(err) else None,
        "by_true_jaccard_bucket [pairs, found, same cluster]": dict(sorted(buckets.items())),
        **inc,
        **bias,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "signature_mb": round(sig.nbytes / 2**20),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--ds-sample", type=int, default=2000)
    ap.add_argument("--no-exact", action="store_true", help="verify by MinHash estimate only")
    ap.add_argument("--incremental", type=int, default=0, metavar="N",
                    help="also time a later run of the last N documents against the rest")
    ap.add_argument("--no-containment", action="store_true",
                    help="Jaccard edges only (as before issue 13)")
    ap.add_argument("--loose", default="64x2",
                    help="containment banding (bands x rows; 42x3 before 2026-12-02)")
    ap.add_argument("--containment-words", type=int, default=nd.CONTAINMENT_SHINGLE_WORDS,
                    help="shingle words of dedup's containment recheck (0: none, the 5-word "
                         "measure alone, as before session 33)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    nd.CONTAINMENT_SHINGLE_WORDS = args.containment_words or None
    if args.one:
        print(json.dumps(run_size(args.one, args.seed, args.ds_sample, not args.no_exact,
                                  args.incremental,
                                  None if args.no_containment else 0.8, args.loose)))
        return
    print(f"# {platform.node()} {platform.processor() or platform.machine()} "
          f"cpus={os.cpu_count()} load={os.getloadavg()} python={platform.python_version()} "
          f"numpy={np.__version__}", flush=True)
    for n in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--seed", str(args.seed),
             "--ds-sample", str(args.ds_sample), "--incremental", str(args.incremental),
             "--loose", args.loose, "--containment-words", str(args.containment_words)]
            + (["--no-exact"] if args.no_exact else [])
            + (["--no-containment"] if args.no_containment else []),
            check=True, capture_output=True, text=True,
        )
        print(json.dumps(json.loads(out.stdout.strip().splitlines()[-1]), indent=1), flush=True)
        print(f"# load after: {os.getloadavg()}", flush=True)


if __name__ == "__main__":
    main()
