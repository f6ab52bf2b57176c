"""Extraction in a fresh process: what a script, a worker or a harness that starts Python,
imports and reads N pages pays, beside plain trafilatura doing the same.

bench_extract.py warms both sides up before its clock; a fresh process also pays the
imports, the language model and the first use of every cache. Each side runs in its own
process, the sides alternated round by round (this machine is noisy):

    ours          extract + clean (the pipeline's stages) of N dev pages, from `import`
    ours-unpack   the same, loading py3langid's model as py3langid does (the baseline of
                  tasks/common/langmodel.py's unpacked copy)
    trafilatura   trafilatura.extract(include_comments=False) of the same pages

    .venv/bin/python bench/bench_cold_start.py --corpus ../shared/corpus/dev --pages 181 --rounds 5

The figures are CPU seconds of the whole process after reading the pages (imports
included) and the wall time; the ratio is trafilatura's seconds over ours (docs/s, as
bench_extract.py reports it). The language model's copy in the user's cache is made by
a first, untimed run.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SIDES = ("ours", "ours-unpack", "trafilatura")


def _pages(corpus: Path, n: int) -> tuple[list[dict], dict[str, bytes]]:
    """n pages spread over the corpus (every k-th), read before the clock starts."""
    expected = [json.loads(line) for line in open(corpus / "expected.jsonl", encoding="utf-8")]
    items = expected[::max(1, len(expected) // n)][:n]
    return items, {e["id"]: gzip.open(corpus / "pages" / f"{e['id']}.html.gz").read()
                   for e in items}


def child(side: str, corpus: Path, n: int) -> dict:
    items, pages = _pages(corpus, n)
    cpu, wall = time.process_time(), time.perf_counter()
    if side == "trafilatura":
        import trafilatura

        texts = [trafilatura.extract(pages[e["id"]], include_comments=False) for e in items]
    else:
        sys.path.insert(0, str(REPO))
        from datetime import UTC, datetime

        from bench.bench_extract import doc_table
        from tasks import clean, extract
        from tasks.common import text
        from tasks.common.settings import Settings, settings_slice

        if side == "ours-unpack":
            text._lang_identifier = _unpacked_identifier
        settings = Settings()
        table = doc_table(items, pages, datetime.now(UTC))
        ex = extract.run(table, settings_slice(extract.ExtractConfig, settings), "bench")
        cl = clean.run(ex.table, settings_slice(clean.CleanConfig, settings), "bench")
        texts = cl.table.column("text").to_pylist()
    return {"side": side, "pages": len(items), "texts": sum(1 for t in texts if t),
            "cpu_s": time.process_time() - cpu, "wall_s": time.perf_counter() - wall}


@functools.lru_cache(maxsize=1)
def _unpacked_identifier():
    """py3langid's model loaded as py3langid loads it, at the first call only: the
    stand-in for tasks.common.text._lang_identifier, cached and imported lazily as that
    one is, so the two sides differ in the model's loading alone."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "dev")
    ap.add_argument("--pages", type=int, default=181)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--child", choices=SIDES, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.corpus, args.pages)))
        return 0
    sys.path.insert(0, str(Path(__file__).parent))
    from fresh_process import alternate

    def argv(side):
        return [sys.executable, __file__, "--corpus", str(args.corpus),
                "--pages", str(args.pages), "--child", side]

    alternate({"ours": argv("ours")}, 1)  # untimed: makes the model's copy in the cache
    runs = alternate({side: argv(side) for side in SIDES}, args.rounds)
    medians = {side: {k: statistics.median(r[k] for r in rs) for k in ("cpu_s", "wall_s")}
               for side, rs in runs.items()}
    print(f"{args.pages} pages, {args.rounds} rounds, medians of fresh processes")
    for side, m in medians.items():
        rounds = " ".join(f"{r['cpu_s']:.2f}" for r in runs[side])
        print(f"  {side:12} cpu {m['cpu_s']:.3f} s  wall {m['wall_s']:.3f} s   (cpu: {rounds})")
    base = medians["trafilatura"]
    for side in ("ours", "ours-unpack"):
        print(f"  {side} speed vs trafilatura: cpu {base['cpu_s'] / medians[side]['cpu_s']:.3f}x"
              f"  wall {base['wall_s'] / medians[side]['wall_s']:.3f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
