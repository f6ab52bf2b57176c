"""Cost of the line rules (tasks/clean/boilerplate.py) against another revision of the same
file, both timed in one process, alternating, over the dev corpus's extracted texts.

    .venv/bin/python bench/bench_boilerplate.py --corpus DIR [--against main] [--rounds 5]
                                                [--limit N]

The texts are what the pipeline hands to clean (tasks.extract.pages.extract_html on every
page, done once before timing). The other revision's file is read with `git show REV:path`
and loaded as its own module, so the two versions run side by side on the same texts.
Prints ms per document (median of the rounds) and the ratio.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tasks.clean import boilerplate
from tasks.common.charset import sniff_encoding
from tasks.extract.pages import extract_html

REPO = Path(__file__).resolve().parent.parent
RULES = "tasks/clean/boilerplate.py"


def load_revision(rev: str):
    source = subprocess.run(["git", "show", f"{rev}:{RULES}"], cwd=REPO, check=True,
                            capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp()) / "boilerplate_other.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("boilerplate_other", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def texts(corpus: Path, limit: int | None) -> list[tuple[str, list[str], str | None]]:
    expected = [json.loads(line) for line in open(corpus / "expected.jsonl", encoding="utf-8")]
    out = []
    for e in expected[:limit]:
        body = gzip.open(corpus / "pages" / f"{e['id']}.html.gz").read()
        x = extract_html(body, e["url"], encoding=sniff_encoding(body, "text/html")[0])
        out.append((x.text, x.meta.authors, x.meta.title))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", required=True, help="the dev corpus folder")
    ap.add_argument("--against", default="main", help="git revision to compare with")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    other = load_revision(args.against)
    docs = texts(Path(args.corpus), args.limit)
    spent: dict[str, list[float]] = {"this": [], args.against: []}
    sides = [("this", boilerplate), (args.against, other)]
    for r in range(args.rounds):
        for name, module in sides if r % 2 else sides[::-1]:
            t0 = time.perf_counter()
            for text, authors, title in docs:
                module.remove_boilerplate(text, authors=authors, title=title)
            spent[name].append(time.perf_counter() - t0)
    this = statistics.median(spent["this"]) * 1000 / len(docs)
    base = statistics.median(spent[args.against]) * 1000 / len(docs)
    print(f"remove_boilerplate, {len(docs)} dev texts, median of {args.rounds} rounds: "
          f"this tree {this:.3f} ms/doc, {args.against} {base:.3f} ms/doc, ratio {this / base:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
