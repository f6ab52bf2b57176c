"""page_metadata alone on the dev corpus: its CPU time per page, and every page's whole
PageMetadata written out, to compare two versions of the code (a speed change must leave
every field as it was).

    .venv/bin/python bench/meta_speed.py time [--corpus DIR] [--rounds 3]
    .venv/bin/python bench/meta_speed.py dump OUT.txt [--corpus DIR]

`time` parses every page first (tasks.extract.pages.parse_html, outside the clock), warms
up on 20 pages, then prints each round's `time.process_time()` over all pages in ms per
page. For an A/B, run it in alternating processes from two work trees (the version under
test and its base, e.g. `git worktree add --detach ../base main`) and compare the medians.
`dump` writes, per page, `repr` of every field three times: a first call, a second call
on the same tree (what a cache keeps must not change an answer), and a call with a feed's
hint and `archived=True`; `cmp` or `diff` two dumps. A fixed fetch time makes the dumps
comparable across days.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import time
from datetime import UTC, datetime
from pathlib import Path

from tasks.extract.metadata import page_metadata
from tasks.extract.pages import parse_html

NOW = datetime(2026, 12, 6, 12, tzinfo=UTC)
HINT = datetime(2020, 1, 2, tzinfo=UTC)


def load(corpus: Path) -> list[tuple[str, object, str]]:
    pages = []
    for line in (corpus / "expected.jsonl").read_text(encoding="utf-8").splitlines():
        e = json.loads(line)
        body = gzip.decompress((corpus / "pages" / f"{e['id']}.html.gz").read_bytes())
        pages.append((e["id"], parse_html(body), e["url"] or f"https://dev-corpus.invalid/{e['id']}"))
    return pages


def dump(pages, out: Path) -> None:
    with out.open("w", encoding="utf-8") as f:
        for page_id, tree, url in pages:
            if tree is None:
                f.write(f"{page_id}\tNONE\n")
                continue
            for label, kwargs in (("1", {}), ("2", {}), ("hint", {
                    "hint_published_at": HINT, "hint_published_source": "feed",
                    "archived": True})):
                m = page_metadata(tree, url, now=NOW, **kwargs)
                f.write(f"{page_id}\t{label}\t{dataclasses.asdict(m)!r}\n")


def timed(pages, rounds: int) -> list[float]:
    trees = [(tree, url) for _, tree, url in pages if tree is not None]
    for tree, url in trees[:20]:
        page_metadata(tree, url, now=NOW)
    out = []
    for _ in range(rounds):
        start = time.process_time()
        for tree, url in trees:
            page_metadata(tree, url, now=NOW)
        out.append((time.process_time() - start) / len(pages) * 1000)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("time", "dump"))
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus/dev"))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    pages = load(args.corpus)
    if args.mode == "dump":
        if args.out is None:
            parser.error("dump needs OUT")
        dump(pages, args.out)
    else:
        print(" ".join(f"{ms:.3f}" for ms in timed(pages, args.rounds)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
