"""Every metadata mismatch on one half of the dev corpus, to read: expected vs pressroom vs
trafilatura's extract_metadata, missing vs wrong, and what each source said.

    .venv/bin/python bench/meta_failures.py [--corpus DIR] [--half tuning|held|whole]
                                            [--field title|author|date|all] [--sources]
    .venv/bin/python bench/meta_failures.py --summary --dump NEW.jsonl
    .venv/bin/python bench/meta_failures.py --diff OLD.jsonl NEW.jsonl [--field F]

Rules are developed by reading the "tuning" half only (bench_extract.meta_half); the held
half is scored, not read. --sources adds, per field, each source's own accuracy on the half
(which source to trust when they disagree). Also listed: what the byline searches that run
when nothing is recorded (label/value pair, signature, wire dateline) say.

--diff compares two --dump files (two versions of the rules): every page whose value
changed, gained (+), lost (-) or still wrong (~), with its content for the tuning half and
only its id for the held half (held pages are scored, not read), and the count of changed
pages that have no annotation (a rule's side effects, to read).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import UTC, datetime

from bench_extract import (  # a sibling script: bench/ is on sys.path
    corpus_dir,
    load_corpus,
    meta_half,
    norm_words,
    print_meta_by_half,
    same_people,
    trafilatura_metadata,
)
from trafilatura.metadata import examine_meta, extract_meta_json
from trafilatura.utils import load_html

from tasks.common.charset import decode, sniff_encoding
from tasks.extract import bylines, titles
from tasks.extract import metadata as M
from tasks.extract.areas import in_other_area
from tasks.extract.headline_area import (
    labelled_byline,
    paragraph_byline,
    signature_byline,
    text_byline,
    wire_credit,
)
from tasks.extract.pages import _XML_DECLARATION


def parse(body: bytes):
    enc = sniff_encoding(body, "text/html")[0]
    text = _XML_DECLARATION.sub("", decode(body, enc), count=1) if enc else body
    return load_html(text)


def right(theirs: str | None, want: str) -> str:
    return "  (traf right)" if norm_words(theirs) == norm_words(want) else ""


def author_sources(tree, url: str, headline) -> dict[str, str | None]:
    """What each author source says on its own (before cleaning)."""
    md = examine_meta(tree)
    meta_only = md.author
    try:
        md = extract_meta_json(tree, md)
    except Exception:  # noqa: BLE001
        pass
    return {
        "meta": meta_only, "meta+jsonld": md.author, "label": bylines.labelled_author(tree),
        "byline_el": bylines.find_byline_author(tree, headline),
        "text_byline": text_byline(headline, in_other_area),
        "para_byline": paragraph_byline(tree, in_other_area),
        "label_value": labelled_byline(tree, in_other_area),
        "signature": signature_byline(tree, in_other_area),
        "wire": wire_credit(tree, in_other_area),
        "post_author_login": bylines.post_author_login(tree),
    }


def diff_dumps(old_path: str, new_path: str, corpus, fields: tuple[str, ...]) -> None:
    """What changed between two --dump files, per field and half (see the module doc)."""
    expected = {}
    with open(corpus / "expected.jsonl", encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            expected[e["id"]] = e

    def load(path):
        with open(path, encoding="utf-8") as f:
            return {row["id"]: row for row in map(json.loads, f)}

    old, new = load(old_path), load(new_path)
    for fld in fields:
        moved = {"tuning": Counter(), "held": Counter()}
        unannotated = []
        for pid, e in expected.items():
            was, now = old[pid][fld], new[pid][fld]
            if was == now:
                continue
            half = meta_half(pid)
            if not e.get(fld):
                unannotated.append(f"  {pid} ({half}): {was!r} -> {now!r}")
                continue
            ok_was = norm_words(was) == norm_words(e[fld]) if fld != "date" else was == e[fld]
            ok_now = norm_words(now) == norm_words(e[fld]) if fld != "date" else now == e[fld]
            mark = "+" if ok_now and not ok_was else "-" if ok_was and not ok_now else "~"
            moved[half][mark] += 1
            if half == "tuning":
                print(f"{fld} tuning {mark} {pid}: want {e[fld]!r}\n    was {was!r}\n"
                      f"    now {now!r}")
            else:
                print(f"{fld} held {mark} {pid}")
        print(f"## {fld}: tuning +{moved['tuning']['+']} -{moved['tuning']['-']}, held "
              f"+{moved['held']['+']} -{moved['held']['-']}; {len(unannotated)} unannotated "
              "pages changed:")
        print("\n".join(unannotated))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus")
    ap.add_argument("--half", default="tuning", choices=("tuning", "held", "whole"))
    ap.add_argument("--field", default="all", choices=("title", "author", "date", "all"))
    ap.add_argument("--sources", action="store_true", help="per-source accuracy tables")
    ap.add_argument("--summary", action="store_true",
                    help="only the accuracy table of both halves (no listing, no trafilatura)")
    ap.add_argument("--dump", help="with --summary: write each page's title/author/date here")
    ap.add_argument("--diff", nargs=2, metavar=("OLD", "NEW"),
                    help="compare two --dump files (changed pages, gained/lost per half)")
    args = ap.parse_args()
    corpus = corpus_dir(args.corpus)
    if not (corpus / "expected.jsonl").is_file():
        print(f"SKIP: no dev corpus at {corpus}")
        return 0
    if args.diff:
        diff_dumps(*args.diff, corpus,
                   ("title", "author", "date") if args.field == "all" else (args.field,))
        return 0
    expected, pages = load_corpus(corpus, 1, None)
    if args.summary:
        now = datetime.now(UTC)
        ours = {}
        for e in expected:
            url = e["url"] or f"https://dev-corpus.invalid/{e['id']}"
            m = M.page_metadata(parse(pages[e["id"]]), url, now=now)
            ours[e["id"]] = {"title": m.title, "author": "; ".join(m.authors),
                             "date": m.published_date}
        print_meta_by_half(expected, ours, None)
        if args.dump:  # per-page results, to diff two versions of the rules
            with open(args.dump, "w", encoding="utf-8") as f:
                for e in expected:
                    o = ours[e["id"]]
                    f.write(json.dumps({"id": e["id"], "half": meta_half(e["id"]),
                                        "title": o["title"], "author": o["author"],
                                        "date": o["date"] and o["date"].isoformat()},
                                       ensure_ascii=False) + "\n")
        return 0
    if args.half != "whole":
        expected = [e for e in expected if meta_half(e["id"]) == args.half]
    theirs = trafilatura_metadata(expected, pages)
    now = datetime.now(UTC)
    fields = ("title", "author", "date") if args.field == "all" else (args.field,)
    misses: dict[str, list[str]] = {f: [] for f in fields}
    kinds: dict[str, Counter] = {f: Counter() for f in fields}
    src_ok: Counter = Counter()
    src_n: Counter = Counter()
    for e in expected:
        url = e["url"] or f"https://dev-corpus.invalid/{e['id']}"
        tree = parse(pages[e["id"]])
        m = M.page_metadata(tree, url, now=now)
        t = theirs[e["id"]]
        head = f"{e['id']}  {url}"
        if "title" in fields and e.get("title"):
            if norm_words(m.title) != norm_words(e["title"]):
                kind = "missing" if not m.title else "wrong"
                kinds["title"][kind] += 1
                misses["title"].append(
                    f"{head}\n  want: {e['title']!r}\n  ours: {m.title!r} ({kind})\n"
                    f"  traf: {t['title']!r}{right(t['title'], e['title'])}")
        if "author" in fields and e.get("author"):
            got = "; ".join(m.authors)
            if args.sources:
                md = examine_meta(tree)
                md = extract_meta_json(tree, md)
                for name, val in (("meta+jsonld", md.author),):
                    src_n[("author", name)] += val is not None
                    src_ok[("author", name)] += val is not None and same_people(
                        e["author"], "; ".join(bylines.clean_authors(val, set())))
            if norm_words(got) != norm_words(e["author"]):
                kind = "missing" if not got else (
                    "same-names" if same_people(e["author"], got) else "wrong")
                kinds["author"][kind] += 1
                outlets = titles.outlet_names(None, url)
                headline = titles.choose_headline(
                    tree, [examine_meta(tree).title, tree.findtext(".//head/title")], outlets)
                srcs = author_sources(tree, url, headline)
                lines = "".join(f"\n    {k}: {v!r}" for k, v in srcs.items() if v)
                misses["author"].append(
                    f"{head}\n  want: {e['author']!r}\n  ours: {got!r} ({kind})\n"
                    f"  traf: {t['author']!r}{right(t['author'], e['author'])}"
                    f"{lines}")
        if "date" in fields and e.get("date"):
            got = m.published_date.isoformat() if m.published_date else None
            for c in m.date_candidates:
                src_n[("date", c.source)] += 1
                src_ok[("date", c.source)] += c.day.isoformat() == e["date"]
            if got != e["date"]:
                kind = "missing" if not got else "wrong"
                kinds["date"][kind] += 1
                cands = ", ".join(f"{c.source}:{c.day}" + (f"(w{c.weight})" if c.weight else "")
                                  for c in m.date_candidates)
                mod = m.modified_at.date().isoformat() if m.modified_at else None
                td = t["date"].isoformat() if t["date"] else None
                misses["date"].append(
                    f"{head}\n  want: {e['date']}  ours: {got} [{m.published_at_source}] "
                    f"({kind})  traf: {td}{'  (traf right)' if td == e['date'] else ''}\n"
                    f"  candidates: {cands}  modified: {mod}  flags: {m.date_flags}")
    for f in fields:
        print(f"===== {f}: {len(misses[f])} misses {dict(kinds[f])} =====")
        for block in misses[f]:
            print(block)
        print()
    if args.sources:
        print("source accuracy (right / claims):")
        for key in sorted(src_n):
            print(f"  {key[0]} {key[1]}: {src_ok[key]}/{src_n[key]}"
                  f" = {src_ok[key] / src_n[key]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
