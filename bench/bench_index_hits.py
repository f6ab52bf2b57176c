"""Memory of dedup's band-key index lookup (`warehouse.index_hits_in_files`) when every
new article's story already has many copies: each key of a story is then held by every
copy, and the matches grow with the copies (issue 10, bounded memory).

    .venv/bin/python bench/bench_index_hits.py [--copies 36] [--batch 500] [--repeat 3]

Writes `--copies` index files (one per earlier batch, as per-batch commits do) in which
`--batch` stories each have one copy holding 80 keys (16 band + 64 containment keys), then
looks up one new batch's keys (the same stories: every key matches one row per file).
Each lookup runs in a fresh process; reported: peak RSS of that process above its RSS
before the call (ru_maxrss), and CPU seconds, for today's lookup (article ids made
distinct inside DuckDB) and for the earlier one that fetched every match's (file, row)
as Python tuples and then read the ids with pyarrow (kept here as the baseline),
interleaved.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
from fresh_process import alternate, measured  # bench/ is sys.path[0]

KEYS_PER_ARTICLE = 80


def write_index(folder: Path, copies: int, batch: int) -> list[str]:
    rng = np.random.default_rng(7)
    story_keys = rng.integers(1, 2**63, size=(batch, KEYS_PER_ARTICLE), dtype=np.uint64)
    files = []
    for c in range(copies):
        ids = np.repeat([f"copy{c:03d}-story{s:04d}-{'x' * 16}" for s in range(batch)],
                        KEYS_PER_ARTICLE)
        keys = story_keys.ravel()
        order = np.argsort(keys, kind="stable")
        path = folder / f"band_index-{c:03d}.parquet"
        pq.write_table(pa.table({"key": pa.array(keys[order], pa.uint64()),
                                 "article_id": pa.array(ids[order])}),
                       path, row_group_size=262_144, use_dictionary=["article_id"])
        files.append(str(path))
    np.save(folder / "want.npy", np.unique(story_keys))
    return files


def tuples_lookup(files, keys):
    """The lookup before: matches fetched as Python (file, row) tuples."""
    import duckdb

    from tasks.storage.warehouse import rows_at

    con = duckdb.connect()
    con.register("want_keys", pa.table({"k": pa.array(keys, pa.uint64())}))
    found = con.execute(
        "SELECT file_index, file_row_number FROM read_parquet($files, "
        "file_row_number=true) WHERE key IN (SELECT k FROM want_keys) ORDER BY 1, 2",
        {"files": files}).fetchall()
    con.close()
    out: set[str] = set()
    for part in rows_at(files, found, ["article_id"]):
        out.update(part.column(0).to_pylist())
    return sorted(out)


def child(variant: str, folder: str) -> None:
    from tasks.storage.warehouse import index_hits_in_files

    files = sorted(str(p) for p in Path(folder).glob("band_index-*.parquet"))
    keys = np.load(Path(folder) / "want.npy")
    fn = index_hits_in_files if variant == "distinct" else tuples_lookup
    fn(files[:1], keys[:10])  # imports and first-use allocations before the baseline
    hits, figures = measured(fn, files, keys)
    print(json.dumps({"variant": variant, "hits": len(hits), **figures}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=36)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        files = write_index(Path(tmp), args.copies, args.batch)
        print(f"{len(files)} index files, {args.batch} stories x {KEYS_PER_ARTICLE} keys each: "
              f"{args.copies * args.batch * KEYS_PER_ARTICLE:,} matches per lookup")
        got = alternate({v: [sys.executable, __file__, "--child", v, tmp]
                         for v in ("tuples", "distinct")}, args.repeat)
        for variant, runs in got.items():
            print(f"{variant:7s} hits {runs[0]['hits']:,}  peak above start "
                  f"{statistics.median(r['peak_above_mb'] for r in runs):7.1f} MB  CPU "
                  f"{statistics.median(r['cpu_s'] for r in runs):.2f} s  (median of {len(runs)}; "
                  f"{[round(r['peak_above_mb']) for r in runs]} MB)")


if __name__ == "__main__":
    main()
