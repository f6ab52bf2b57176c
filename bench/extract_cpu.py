"""CPU seconds of pressroom's extract+clean alone over the dev corpus, in this process:
the pipeline's side of `bench_extract.py` without trafilatura's, to tell whether a change
in the speed ratio is ours or the baseline's (the ratio moves ±2% with the machine).

    PYTHONPATH=. .venv/bin/python bench/extract_cpu.py [--corpus DIR] [--rounds R]

Run it from two trees in turn (e.g. a worktree of the session's start and main), a few
processes each, and compare the medians. Same tables, batches and settings as
bench_extract.py's pressroom side; `process_time`, so other processes' load counts less.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_extract as be  # noqa: E402 -- the bench folder is not a package


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=None)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch", type=int, default=50)
    args = parser.parse_args()
    corpus = be.corpus_dir(args.corpus)
    if not (corpus / "expected.jsonl").is_file():
        print(f"SKIP extract_cpu: dev corpus not found at {corpus}")
        return 0
    expected, pages = be.load_corpus(corpus, 1, None)
    settings = be.BenchSettings(min_words=be.BenchSettings().min_words)
    fetched_at = datetime.now(UTC)
    tables = [be.doc_table(expected[i:i + args.batch], pages, fetched_at)
              for i in range(0, len(expected), args.batch)]

    def pressroom(table):
        be.extract_and_clean(table, settings)

    pressroom(tables[0].slice(0, 3))  # warm-up: imports, regexes, the language model
    spent = []
    for _ in range(args.rounds):
        start = time.process_time()
        for table in tables:
            pressroom(table)
        spent.append(time.process_time() - start)
    print(f"extract+clean CPU s over {len(expected)} pages:",
          " ".join(f"{s:.2f}" for s in spent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
