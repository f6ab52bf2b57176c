"""The selectors of tasks/extract/selectors.py against the trafilatura XPaths they replace,
on the pages of a WARC (bench_memory.make_warc's real pages), in one process:

1. each expression alone: ms per page with the XPath and with the selector on the same
   parsed pages, and whether every page got the same elements in the same order;
2. `extract_html` on every page with the selectors and with trafilatura's XPaths (CPU
   time, `time.process_time`), in rounds that alternate which goes first, and whether
   every page's text, metadata and fallback flag came out the same.

    .venv/bin/python bench/bench_selectors.py [WARC] [--pages 1000] [--rounds 2]

Without WARC, one of --pages pages is made first (bench_memory.make_warc: the dev corpus's
pages with distinct URLs; `make bench` runs it so).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def warc_pages(path: str, limit: int) -> list[tuple[str, bytes]]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    pages = []
    with open(path, "rb") as fh:
        for rec in ArchiveIterator(fh, record_types=WarcRecordType.response, parse_http=True):
            pages.append((rec.headers.get("WARC-Target-URI"), rec.reader.read()))
            if len(pages) >= limit:
                break
    return pages


def per_expression(pages: list[tuple[str, bytes]]) -> None:
    from tasks.extract import selectors
    from tasks.extract.pages import parse_html

    trees = [t for t in (parse_html(body) for _, body in pages) if t is not None]
    print(f"\n{len(trees)} parsed pages\n")
    print("| expression | XPath ms/page | selector ms/page | ratio | same elements |")
    print("|---|--:|--:|--:|---|")
    with selectors.trafilatura_own():
        for name, *_ in selectors.SPECS:
            xpath = selectors._get(*selectors._locate(name))
            selector = selectors.build(name, xpath)
            t0 = time.process_time()
            want = [xpath(t) for t in trees]
            t1 = time.process_time()
            got = [selector(t) for t in trees]
            t2 = time.process_time()
            same = all(len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))
                       for a, b in zip(want, got, strict=True))
            print(f"| {name} | {1000 * (t1 - t0) / len(trees):.3f} | "
                  f"{1000 * (t2 - t1) / len(trees):.3f} | {(t1 - t0) / (t2 - t1):.1f}x | "
                  f"{'yes' if same else 'NO'} |")


def whole_extraction(pages: list[tuple[str, bytes]], rounds: int) -> None:
    from tasks.extract import selectors
    from tasks.extract.pages import extract_html, warm_up

    warm_up()

    def run() -> tuple[float, list]:
        t0 = time.process_time()
        out = [extract_html(body, url) for url, body in pages]
        return time.process_time() - t0, [(e.text, e.meta, e.used_fallback, e.error)
                                          for e in out]

    cpu: dict[str, list[float]] = {"xpath": [], "selectors": []}
    outputs: dict[str, list] = {}
    for r in range(rounds):
        for side in (("xpath", "selectors") if r % 2 == 0 else ("selectors", "xpath")):
            if side == "xpath":
                with selectors.trafilatura_own():
                    spent, outputs[side] = run()
            else:
                selectors.install()
                spent, outputs[side] = run()
            cpu[side].append(spent)
    differ = sum(a != b for a, b in zip(outputs["xpath"], outputs["selectors"], strict=True))
    x, s = (statistics.median(cpu[k]) for k in ("xpath", "selectors"))
    n = len(pages)
    print(f"\nextract_html, {n} pages, {rounds} rounds (median CPU):")
    print(f"  trafilatura's XPaths {1000 * x / n:.2f} ms/page, selectors {1000 * s / n:.2f} "
          f"ms/page: {s / x:.3f} of the time; pages with a different result: {differ}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("warc", nargs="?")
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    if args.warc is None:
        import tempfile

        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from bench_memory import make_warc

        tmp = tempfile.TemporaryDirectory()
        args.warc = str(Path(tmp.name) / "pages.warc")
        make_warc(Path(args.warc), args.pages, gzip=False)
    pages = warc_pages(args.warc, args.pages)
    per_expression(pages[:400])
    whole_extraction(pages, args.rounds)


if __name__ == "__main__":
    main()
