"""WARC read speed: records/s for FastWARC vs warcio on the same synthetic WARC, same run.

Builds a CC-NEWS-like WARC.gz (warcinfo, then request + response + metadata per page,
HTML payloads of ~`--page-kb` KB of varied text, one gzip member per record) in a temp
folder, then times, interleaved over `--repeats` rounds (medians reported):

  warcio          warcio.ArchiveIterator, content_stream().read() of each response
                  (the baseline: decodes chunking and Content-Encoding like ours)
  fastwarc-auto   FastWARC, parse_http=True, auto_decode='all', reader.read()
  pressroom       tasks.discover.warc.iter_warc: FastWARC raw blocks + our HTTP split,
                  checks and DOCUMENTS row dicts (what discover actually runs)

Both compressed (.warc.gz) and uncompressed (.warc) files are measured. CPU time is
process time (single-threaded readers), so other load on the machine inflates wall time
but not much the CPU figures. Run:  python bench/bench_warc_read.py [--records 3000]
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from fastwarc.warc import ArchiveIterator, WarcRecordType
from warcio.archiveiterator import ArchiveIterator as WarcioIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tasks.discover.warc import iter_warc

WORDS = ("minister said parliament election border talks agreement report economy "
         "government police city market energy price war peace court vote").split()


def make_page(rng: random.Random, kb: int) -> bytes:
    parts = ["<html><head><title>News</title></head><body>"]
    size = 0
    while size < kb * 1024:
        p = " ".join(rng.choice(WORDS) for _ in range(60))
        parts.append(f"<p>{p}.</p>\n")
        size += len(p) + 8
    parts.append("</body></html>")
    return "".join(parts).encode()


def build_warc(path: Path, records: int, kb: int, gz: bool, seed: int = 7) -> int:
    rng = random.Random(seed)
    pages = [make_page(rng, kb) for _ in range(50)]  # reused bodies: generation is slow
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "bench"}))
        for i in range(records):
            url = f"https://news{i % 97}.example/{i}/article.html"
            req = StatusAndHeaders(f"GET /{i}/article.html HTTP/1.1",
                                   [("Host", f"news{i % 97}.example")], is_http_request=True)
            w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                http_headers=req))
            body = pages[i % len(pages)]
            resp = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                               ("Content-Length", str(len(body)))],
                                    protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                http_headers=resp))
            w.write_record(w.create_warc_record(url, "metadata",
                                                payload=io.BytesIO(b"fetchTimeMs: 120\r\n"),
                                                warc_content_type="application/warc-fields"))
    return records


def read_warcio(path: Path) -> int:
    n = 0
    with open(path, "rb") as f:
        for rec in WarcioIterator(f):
            if rec.rec_type == "response":
                rec.content_stream().read()
                n += 1
    return n


def read_fastwarc_auto(path: Path) -> int:
    n = 0
    with open(path, "rb") as f:
        for rec in ArchiveIterator(f, record_types=WarcRecordType.response,
                                   parse_http=True, auto_decode="all"):
            rec.reader.read()
            n += 1
    return n


def read_pressroom(path: Path) -> int:
    n = 0
    now = datetime.now(UTC)
    with open(path, "rb") as f:
        for row, _ in iter_warc(f, str(path), "bench", now, 10 * 1024 * 1024):
            n += row is not None
    return n


READERS = {"warcio": read_warcio, "fastwarc-auto": read_fastwarc_auto,
           "pressroom": read_pressroom}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=3000)
    ap.add_argument("--page-kb", type=int, default=40)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    print(f"# {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        for gz in (True, False):
            path = Path(tmp) / ("bench.warc.gz" if gz else "bench.warc")
            build_warc(path, args.records, args.page_kb, gz)
            size_mb = path.stat().st_size / 1e6
            cpu: dict[str, list[float]] = {k: [] for k in READERS}
            wall: dict[str, list[float]] = {k: [] for k in READERS}
            for _ in range(args.repeats):
                for name, fn in READERS.items():  # interleaved: load drifts hit all alike
                    c0, w0 = time.process_time(), time.perf_counter()
                    n = fn(path)
                    cpu[name].append(time.process_time() - c0)
                    wall[name].append(time.perf_counter() - w0)
                    assert n == args.records, (name, n)
            base = statistics.median(cpu["warcio"])
            print(f"\n## {path.name}: {args.records} responses ({3 * args.records + 1} records),"
                  f" {args.page_kb} KB pages, {size_mb:.1f} MB, median of {args.repeats}")
            print("| reader | responses/s (CPU) | responses/s (wall) | CPU ms/response | "
                  "speed-up vs warcio (CPU) |")
            print("|---|---:|---:|---:|---:|")
            for name in READERS:
                c = statistics.median(cpu[name])
                w = statistics.median(wall[name])
                print(f"| {name} | {args.records / c:,.0f} | {args.records / w:,.0f} | "
                      f"{1000 * c / args.records:.3f} | {base / c:.2f}x |")


if __name__ == "__main__":
    main()
