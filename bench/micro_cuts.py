"""Issue 10, CPU cuts measured alone (process CPU, medians of --rounds), on the pages of a
WARC made by bench_throughput.py / bench_memory.py.

Session 21 (`--cuts staging byline`):

- staging: a batch of pages written to Parquet as `stage_warc` does (4 row groups) and read
  back, per codec and dictionary choice;
- the byline candidates' XPath: the element-wise form (main before) and the attribute form,
  and whether both select the same elements in the same order on every page.

Round 3 (`--cuts parse quotes keywords`), each against the code it replaced, kept here, and
checked to give the same result on every page:

- parse: trafilatura's `load_html` (lxml.html's Python element-class lookup, the control-
  character regex over every page) and `tasks.extract.pages.parse_html`, then a walk over
  every element and an XPath, as the stages do; its repair of the string alone as well;
- quotes: the straight-quote pass (str.translate before, str.replace after) and the marks'
  offsets (a character loop before, str.find after), over each page's body text;
- keywords: `candidates` (a finditer loop before, one regex split after), over the same texts.

    .venv/bin/python bench/micro_cuts.py pages-1000.warc.gz --pages 500
    .venv/bin/python bench/micro_cuts.py pages-990.warc.gz --pages 990 --cuts parse quotes keywords
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import time
from collections import Counter
from datetime import UTC, datetime

import pyarrow.parquet as pq
from lxml import etree
from lxml.etree import XPath
from trafilatura.utils import INVALID_XML_CHARS, load_html, repair_faulty_html

from schemas.tables import DOCUMENTS, conform
from tasks.discover.warc import read_warc
from tasks.enrich import keywords, quotes
from tasks.extract import pages
from tasks.extract.bylines import byline_candidates

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
    same = all(byline_candidates(t) == ELEMENT_WISE(t) for t in trees)
    print(f"byline XPath on {len(trees)} pages, CPU ms per page (median of {rounds}); "
          f"same elements, same order on every page: {same}")
    for name, xp in (("element-wise (before)", ELEMENT_WISE), ("attributes (after)",
                                                                byline_candidates)):
        ms = statistics.median(cpu_ms(lambda xp=xp: [xp(t) for t in trees], len(trees))
                               for _ in range(rounds))
        print(f"  {name:22s} {ms:6.3f} ms")


def median_ms(fn, n: int, rounds: int) -> float:
    return statistics.median(cpu_ms(fn, n) for _ in range(rounds))


_ANY_ELEMENT = XPath("//div|//p|//a|//span")


def parse(bodies: list[bytes], rounds: int) -> None:
    def use(tree) -> None:  # what the stages do with a tree: walk it, ask XPaths
        if tree is not None:
            for _ in tree.iter():
                pass
            _ANY_ELEMENT(tree)

    same = all((a is None and b is None) or (a is not None and b is not None
                                             and etree.tostring(a) == etree.tostring(b))
               for a, b in ((load_html(x), pages.parse_html(x)) for x in bodies))
    print(f"parse {len(bodies)} pages + walk every element + one XPath, CPU ms per page "
          f"(median of {rounds}); same trees on every page: {same}")
    for name, fn in (("trafilatura load_html (before)", load_html),
                     ("parse_html (after)", pages.parse_html)):
        ms = median_ms(lambda fn=fn: [use(fn(x)) for x in bodies], len(bodies), rounds)
        print(f"  {name:32s} {ms:6.3f} ms")
    htmls = [pages.decode_file(x) for x in bodies]
    same = all(repair_faulty_html(h, h[:50].lower()) == pages._repair_faulty_html(
        h, h[:50].lower()) for h in htmls)
    print(f"  the string's repair alone; same strings: {same}; pages with an invalid "
          f"character: {sum(bool(INVALID_XML_CHARS.search(h)) for h in htmls)}")
    for name, fn in (("repair_faulty_html (before)", repair_faulty_html),
                     ("_repair_faulty_html (after)", pages._repair_faulty_html)):
        ms = median_ms(lambda fn=fn: [fn(h, h[:50].lower()) for h in htmls], len(htmls), rounds)
        print(f"  {name:32s} {ms:6.3f} ms")


_TRANSLATE = str.maketrans(dict.fromkeys(quotes._OPEN_CLOSE, '"'))


def _spans_before(paragraph: str) -> list[tuple[int, int]]:
    """quotes._quote_spans as it was: the marks found by a loop over every character."""
    marks = [i for i, ch in enumerate(paragraph) if ch == '"']
    return [(marks[i], marks[i + 1]) for i in range(0, len(marks) - 1, 2)]


def _candidates_before(text: str, lang: str | None) -> Counter[str]:
    """keywords.candidates as it was: a finditer loop, a match object per word."""
    stop = keywords.stopwords(lang)
    counts: dict[str, int] = {}
    prev, prev_end = None, 0
    for match in keywords._WORD.finditer(text):
        w = match.group().lower()
        if w.endswith(keywords._POSSESSIVE_ENDS):
            w = w[:-2]
        start, end = match.span()
        if len(w) >= keywords.MIN_WORD_CHARS and w not in stop:
            counts[w] = counts.get(w, 0) + 1
            if prev is not None and text[prev_end:start].isspace():
                phrase = prev + " " + w
                counts[phrase] = counts.get(phrase, 0) + 1
            prev = w
        else:
            prev = None
        prev_end = end
    return Counter(counts)


def page_texts(bodies: list[bytes]) -> list[str]:
    """Each page's body text (scripts included): text of every kind and length."""
    trees = (pages.parse_html(x) for x in bodies)
    return [b.text_content() for t in trees if t is not None
            for b in [t.find("body")] if b is not None]


def quote_marks(texts: list[str], rounds: int) -> None:
    straight = [t.translate(_TRANSLATE) for t in texts]
    same = straight == [quotes._straight_quotes(t) for t in texts]
    same_marks = all(_spans_before(t) == quotes._quote_spans(t) for t in straight)
    print(f"quotes on {len(texts)} page texts, CPU ms per text (median of {rounds}); same "
          f"strings: {same}, same marks: {same_marks}")
    for name, fn in (("str.translate (before)", lambda t: t.translate(_TRANSLATE)),
                     ("str.replace per mark (after)", quotes._straight_quotes)):
        ms = median_ms(lambda fn=fn: [fn(t) for t in texts], len(texts), rounds)
        print(f"  {name:32s} {ms:6.3f} ms")
    for name, fn in (("marks by character loop (before)", _spans_before),
                     ("marks by str.find (after)", quotes._quote_spans)):
        ms = median_ms(lambda fn=fn: [fn(t) for t in straight], len(straight), rounds)
        print(f"  {name:32s} {ms:6.3f} ms")


def keyword_candidates(texts: list[str], rounds: int) -> None:
    same = all(list(_candidates_before(t, lang).items()) ==
               list(keywords.candidates(t, lang).items()) for t in texts for lang in ("en", "de"))
    print(f"keyword candidates of {len(texts)} page texts, CPU ms per text (median of "
          f"{rounds}); same counts in the same order (en and de stop words): {same}")
    for name, fn in (("finditer loop (before)", _candidates_before),
                     ("one regex split (after)", keywords.candidates)):
        ms = median_ms(lambda fn=fn: [fn(t, "de") for t in texts], len(texts), rounds)
        print(f"  {name:32s} {ms:6.3f} ms")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("warc")
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--cuts", nargs="+", default=["staging", "byline"],
                    choices=["staging", "byline", "parse", "quotes", "keywords"])
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()}", flush=True)
    rows = read_warc(args.warc, "bench", datetime.now(UTC), 10 << 20).rows[:args.pages]
    bodies = [r["body"] for r in rows]
    if "staging" in args.cuts:
        staging(conform(rows, DOCUMENTS, "documents"), args.rounds)
    if "byline" in args.cuts:
        byline(bodies, args.rounds)
    if "parse" in args.cuts:
        parse(bodies, args.rounds)
    texts = page_texts(bodies) if {"quotes", "keywords"} & set(args.cuts) else []
    if "quotes" in args.cuts:
        quote_marks(texts, args.rounds)
    if "keywords" in args.cuts:
        keyword_candidates(texts, args.rounds)


if __name__ == "__main__":
    main()
