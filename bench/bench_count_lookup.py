"""Issue 13, a measurement: would counting equal signature positions make a better prior
lookup than the 64x2 containment banding dedup uses?

    .venv/bin/python bench/bench_count_lookup.py --root /tmp/w64 [--positions 64 --at-least 7]

For MinHash, P[h_i(A) = h_i(B)] = J(A, B), so the number of equal values among m fixed
signature positions is Binomial(m, J): ">= t of m equal" separates J ~0.2 copies from
J ~0.05-0.1 neighbours better than any banding with the same number of keys
(bench_syndication.py reports both on the syndication set). In a warehouse the catch is
the lookup: a band key shared is a candidate by itself (a semi-join), while a position key
shared is one vote that must be counted per (earlier article, batch article), so the
article of every single-position match is needed.

`--root` is a warehouse built by bench_dedup_prior.py (1M prior articles, 1,000 real, and
with `--same-topic` the planted neighbours at Jaccard ~0.1). This builds beside it, once,
an index of position keys (`(tag(position) << 32) | value` for the first m positions: one
uint64 per position, 64M rows at 1M articles), laid out as `band_index` is (sorted by key,
key column plain, article ids dictionary-encoded, 256k-row groups, files of 50k articles).
Then, each in its own subprocess, alternating, for the batch of bench_dedup_prior.py:

  banding   the `band_index` lookup dedup does (`warehouse.index_hits_in_files`)
  counting  DuckDB semi-joins the position-key column with the batch's keys and returns
            (file, row, key) of every match; pyarrow reads the article ids of the row
            groups holding them; numpy counts matches per (article, batch article) and
            keeps the articles with >= t.

Figures: CPU seconds (DuckDB's threads included), peak RSS (VmHWM), matches, candidates,
and how many of the batch's true neighbours (the 1,000 real prior articles it copies or
revises) each finds.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
from bench_dedup_prior import CFG, batch, vm_hwm_mb

from tasks.dedup import minhash as nd
from tasks.dedup import signing as sg
from tasks.dedup.rules import minhash_params
from tasks.storage.publish import parquet_options, row_group_size_of
from tasks.storage.warehouse import committed_files, index_hits_in_files, rows_at

PARAMS = minhash_params(CFG)


def position_keys(signatures: np.ndarray, m: int) -> np.ndarray:
    """(n, m) uint64: a salted tag of the position in the high 32 bits, the value below."""
    tag = sg.fmix64(np.arange(m, dtype=np.uint64) + np.uint64(PARAMS.seed)) \
        & np.uint64(0xFFFFFFFF00000000)
    return tag[None, :] | signatures[:, :m].astype(np.uint64)


def build_index(root: Path, out: Path, m: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for n, f in enumerate(committed_files(root, "signatures")):
        t = pq.read_table(f, columns=["article_id", "signature"])
        sig = nd.arrow_to_signatures(t["signature"], PARAMS.num_perm)
        keys = position_keys(sig, m)
        rows = np.repeat(np.arange(t.num_rows), m)
        flat = keys.ravel()
        order = np.argsort(flat, kind="stable")
        table = pa.table({"key": pa.array(flat[order], pa.uint64()),
                          "article_id": t["article_id"].take(pa.array(rows[order]))})
        pq.write_table(table, out / f"part-{n:05d}.parquet",
                       row_group_size=row_group_size_of("band_index"),
                       **parquet_options("band_index"))


def batch_signatures() -> np.ndarray:
    return sg.sign(batch()["text"].to_pylist(), PARAMS)


def counting(files: list[str], sig: np.ndarray, m: int, at_least: int) -> dict:
    import duckdb

    keys = position_keys(sig, m)
    want_key = keys.ravel()
    want_doc = np.repeat(np.arange(len(sig)), m)
    order = np.argsort(want_key, kind="stable")
    want_key, want_doc = want_key[order], want_doc[order]
    con = duckdb.connect()
    con.register("want_keys", pa.table({"k": pa.array(np.unique(want_key), pa.uint64())}))
    found = con.execute(
        "SELECT file_index, file_row_number, key FROM read_parquet($files, "
        "file_row_number=true) WHERE key IN (SELECT k FROM want_keys) ORDER BY 1, 2",
        {"files": files}).fetchall()
    con.close()
    locs = [(f, r) for f, r, _ in found]
    matched = np.array([k for _, _, k in found], np.uint64)
    ids = []
    for part in rows_at(files, locs, ["article_id"]):
        ids.extend(part.column(0).to_pylist())
    # Every match is a vote for each batch article holding that key.
    lo = np.searchsorted(want_key, matched, "left")
    hi = np.searchsorted(want_key, matched, "right")
    per = hi - lo
    match_row = np.repeat(np.arange(len(matched)), per)
    doc = want_doc[np.concatenate([np.arange(a, b) for a, b in zip(lo, hi, strict=True)])
                   ] if len(matched) else np.empty(0, np.int64)
    names, article = np.unique(np.asarray(ids, dtype=object), return_inverse=True)
    code = article[match_row].astype(np.int64) * len(sig) + doc
    pair, votes = np.unique(code, return_counts=True)
    hit = np.unique(pair[votes >= at_least] // len(sig))
    return {"matches": len(matched), "candidates": sorted(names[hit].tolist())}


def one(variant: str, root: Path, index_dir: Path, m: int, at_least: int) -> None:
    sig = batch_signatures()
    c0, t0 = time.process_time(), time.perf_counter()
    if variant == "banding":
        want = np.unique(np.concatenate([sg.band_keys(sig, PARAMS),
                                         sg.containment_keys(sig, PARAMS)], axis=1).ravel())
        got = {"matches": None, "candidates": index_hits_in_files(
            [str(p) for p in committed_files(root, "band_index")], want)}
    else:
        got = counting(sorted(str(p) for p in index_dir.glob("*.parquet")), sig, m, at_least)
    cpu, wall = time.process_time() - c0, time.perf_counter() - t0
    cand = got["candidates"]
    real = sum(1 for a in cand if a.startswith("prior-") and int(a[6:]) < 1000)
    print(json.dumps({"variant": variant, "cpu_s": round(cpu, 2), "wall_s": round(wall, 2),
                      "peak_rss_mb": vm_hwm_mb(), "matches": got["matches"],
                      "candidates": len(cand), "real_prior_neighbours_found": real}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", required=True, help="a warehouse built by bench_dedup_prior.py")
    ap.add_argument("--positions", type=int, default=64)
    ap.add_argument("--at-least", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--one", choices=["banding", "counting"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    root = Path(args.root)
    index_dir = root.parent / f"{root.name}-position-index-{args.positions}"
    if args.one:
        return one(args.one, root, index_dir, args.positions, args.at_least)
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()}", flush=True)
    if not index_dir.is_dir():
        t0 = time.perf_counter()
        build_index(root, index_dir, args.positions)
        print(f"built {index_dir} in {time.perf_counter() - t0:.0f} s", flush=True)
    for name, files in (("band_index", committed_files(root, "band_index")),
                        ("position index", sorted(index_dir.glob("*.parquet")))):
        size = sum(p.stat().st_size for p in files)
        rows = sum(pq.ParquetFile(p).metadata.num_rows for p in files)
        print(f"{name}: {size / 2**20:.0f} MB, {rows:,} rows", flush=True)
    for r in range(args.repeat):
        for variant in ("banding", "counting"):
            out = subprocess.run([sys.executable, __file__, "--one", variant, "--root",
                                  str(root), "--positions", str(args.positions),
                                  "--at-least", str(args.at_least)],
                                 capture_output=True, text=True, check=True).stdout
            print(f"repeat {r}: {out.strip()}  load average {os.getloadavg()[0]:.1f}",
                  flush=True)


if __name__ == "__main__":
    main()
