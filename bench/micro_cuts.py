"""Issue 10, the two CPU cuts of session 21 measured alone (process CPU, medians of
--rounds), on the pages of a WARC made by bench_throughput.py / bench_memory.py:

- staging: a batch of pages written to Parquet as `stage_warc` does (4 row groups) and read
  back, per codec and dictionary choice;
- the byline candidates' XPath: the element-wise form (main before) and the attribute form,
  and whether both select the same elements in the same order on every page.

    .venv/bin/python bench/micro_cuts.py pages-1000.warc.gz --pages 500
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import time
from datetime import UTC, datetime

import pyarrow.parquet as pq
from lxml.etree import XPath
from trafilatura.utils import load_html

from schemas.tables import DOCUMENTS, conform
from tasks.discover.warc import read_warc
from tasks.extract.metadata import _BYLINE_XPATH

ELEMENT_WISE = XPath(
    "//*[contains(@class, 'author') or contains(@class, 'byline') or contains(@class, 'Author')"
    " or contains(@class, 'autor') or contains(@class, 'Byline') or contains(@id, 'author')"
    " or @rel='author' or @itemprop='author']"
)
NO_BODY_DICT = [c for c in DOCUMENTS.names if c not in ("body", "dump_text")]
CODECS = {
    "zstd, dictionary on all columns (before)": {"compression": "zstd"},
    "zstd, no dictionary on bodies": {"compression": "zstd", "use_dictionary": NO_BODY_DICT},
    "lz4, dictionary on all columns": {"compression": "lz4"},
    "lz4, no dictionary on bodies (after)": {"compression": "lz4",
                                             "use_dictionary": NO_BODY_DICT},
    "none, no dictionary on bodies": {"compression": "none", "use_dictionary": NO_BODY_DICT},
}


def cpu_ms(fn, n: int) -> float:
    t = time.process_time()
    fn()
    return (time.process_time() - t) / n * 1000


def staging(table, rounds: int) -> None:
    n = table.num_rows
    print(f"staging {n} pages: write / read back, CPU ms per page (median of {rounds}), size")
    for name, kw in CODECS.items():
        writes, reads = [], []
        for _ in range(rounds):
            buf = io.BytesIO()

            def write(buf=buf, kw=kw):
                with pq.ParquetWriter(buf, DOCUMENTS, **kw) as out:
                    for i in range(0, n, 125):
                        out.write_table(table.slice(i, 125))
            writes.append(cpu_ms(write, n))
            buf.seek(0)
            reads.append(cpu_ms(lambda buf=buf: pq.read_table(buf, schema=DOCUMENTS), n))
        w, r = statistics.median(writes), statistics.median(reads)
        print(f"  {name:42s} {w:6.3f} + {r:6.3f} = {w + r:6.3f} ms  "
              f"{len(buf.getvalue()) / 1e6:6.1f} MB")


def byline(bodies: list[bytes], rounds: int) -> None:
    trees = [t for t in (load_html(b) for b in bodies) if t is not None]
    same = all(_BYLINE_XPATH(t) == ELEMENT_WISE(t) for t in trees)
    print(f"byline XPath on {len(trees)} pages, CPU ms per page (median of {rounds}); "
          f"same elements, same order on every page: {same}")
    for name, xp in (("element-wise (before)", ELEMENT_WISE), ("attributes (after)",
                                                                _BYLINE_XPATH)):
        ms = statistics.median(cpu_ms(lambda xp=xp: [xp(t) for t in trees], len(trees))
                               for _ in range(rounds))
        print(f"  {name:22s} {ms:6.3f} ms")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("warc")
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()}", flush=True)
    rows = read_warc(args.warc, "bench", datetime.now(UTC), 10 << 20).rows[:args.pages]
    staging(conform(rows, DOCUMENTS, "documents"), args.rounds)
    byline([r["body"] for r in rows], args.rounds)


if __name__ == "__main__":
    main()
