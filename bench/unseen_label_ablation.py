"""How much of the `--unseen` gain rests on the multilingual label lists: the pages of one
family scored with the lists of tasks/extract/callouts.py and tasks/clean/notes.py cut
down to family A's own words (what a rule writer who had seen only family A would list).

    PYTHONPATH=. .venv/bin/python bench/unseen_label_ablation.py [--family B] [--seed 5]
                                        [--corpus ../shared/corpus/dev]

The lists are module constants; this bench swaps them in the running process (the
pipeline's code is unchanged). Session 52 (BENCHMARKS.md): family B scored 0.9254 with
A's words only, the session start's figure, against 0.9910 with the lists.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_text_templates as templates  # noqa: E402 -- bench/ is not a package
from bench_syndication import bodies  # noqa: E402

from tasks.clean import notes  # noqa: E402
from tasks.extract import callouts  # noqa: E402


def _any_of(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in words)


def cut_lists_to_family_a() -> None:
    """Replace the label lists by family A's labels, buttons and notes."""
    a = templates.UNSEEN_LABELS["A"]
    calls = [*a["newsletter_button"], *a["promo_button"], *a["paywall_button"]]
    callouts._CALL = re.compile(rf"^(?:{_any_of(calls)})\s*[!.…→›»>]*$", re.I)
    callouts._AI_SUMMARY_LABEL = re.compile(_any_of(a["ai"]), re.I)
    credits = _any_of([c.rstrip(":. ") for c in a["caption"]])
    callouts._CREDIT_END = re.compile(
        rf"(?:^|[\s(\[])(?i:{credits})\s*[:.]?\s*"
        r"[A-ZÀ-ÝĄĆĘŁŃÓŚŹŻ][\w.'’-]*(?:\s+[A-ZÀ-ÝĄĆĘŁŃÓŚŹŻ][\w.'’-]*){0,3}"
        r"(?:\s*/\s*[\w.&' -]{1,30})?[)\]]?\s*$")
    notes._ORIGIN = re.compile(_any_of([n[:25] for n in a["origin"]]), re.I)
    notes._AI_NOTE = re.compile(_any_of([n[:20] for n in a["ai_note"]]), re.I)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=os.environ.get("DEV_CORPUS", "../shared/corpus/dev"))
    ap.add_argument("--cache", default="/tmp/pressroom-syndication-bodies.json")
    ap.add_argument("--family", choices=("A", "B"), default="B")
    ap.add_argument("--pages", type=int, default=400)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    if not (Path(args.corpus) / "pages").is_dir():
        print(f"no corpus at {args.corpus}: skipped")
        return
    pages = templates.build_pages(bodies(Path(args.corpus), Path(args.cache)), args.pages,
                                  args.seed, family=args.family)
    cut_lists_to_family_a()
    print(args.family, "lists cut to A's words",
          json.dumps(templates.score(pages, templates.pressroom_texts(pages))))


if __name__ == "__main__":
    main()
