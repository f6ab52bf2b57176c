"""sha256 of every warehouse table, rows sorted, with what differs between two runs of the
same input left out (run ids, the clock of the run): two warehouses built from the same
WARC by two code trees print the same digests exactly when their output is the same.

    .venv/bin/python bench/table_digest.py WAREHOUSE [WAREHOUSE2]
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pyarrow.parquet as pq

TABLES = ("articles", "rejects", "entities", "places", "signatures", "band_index",
          "fetch_log")
# Set by the run, not by the input: its id and the times it recorded things.
RUN_COLUMNS = {"run_id", "rejected_at", "recorded_at", "first_seen"}


def digest(root: Path, table: str) -> tuple[int, str]:
    files = sorted((root / table).rglob("*.parquet"))
    rows: list[str] = []
    for f in files:
        t = pq.read_table(f)
        t = t.drop_columns([c for c in t.column_names if c in RUN_COLUMNS])
        rows += (json.dumps(r, sort_keys=True, default=repr) for r in t.to_pylist())
    rows.sort()
    h = hashlib.sha256()
    for r in rows:
        h.update(r.encode())
        h.update(b"\n")
    return len(rows), h.hexdigest()


def main() -> None:
    roots = [Path(a) for a in sys.argv[1:]]
    same = True
    for table in TABLES:
        found = [digest(r, table) for r in roots]
        same &= len(set(found)) == 1
        print(f"{table:11s} " + "  ".join(f"{n:6d} rows {h[:16]}" for n, h in found))
    if len(roots) > 1:
        print("identical" if same else "DIFFERENT")


if __name__ == "__main__":
    main()
