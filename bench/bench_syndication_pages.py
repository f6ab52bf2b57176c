"""Story clusters through the whole page path: the syndication set of
`bench_syndication.py`, each document rendered as an HTML page on one of several site
templates, then extract -> clean -> dedup as a run does them.

    .venv/bin/python bench/bench_syndication_pages.py --corpus ../shared/corpus/dev [--seed 13]

Why: the held-out syndication set is "real bodies on different templates", so a copy's
text is what extraction and cleaning make of its page, not the body itself. Boilerplate a
template adds (related links, a most-read box, captions, a dateline, comments) lowers
containment between copies; a template that loses paragraphs lowers it too. This bench
measures pairwise precision / recall of the clusters on the texts the pipeline produces,
beside the same documents clustered on their bodies (what `bench_syndication.py`
measures), in the same run.

Templates (chosen per document by the seed, so copies of a story mostly sit on different
ones): a classic article page (nav, byline, related-links list, newsletter box, footer);
a page with a most-read sidebar of teasers; a regional page (wire dateline on the first
paragraph, advertisement and read-more lines between paragraphs, a photo with caption); a
blog (no <article>, a comments section); a wire-service page (agency credit, tags, share
line). Teasers and comments are sentences of *other* bodies of the set, as on real sites,
where a sidebar names other stories.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import platform
import random
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_syndication import (  # noqa: E402 -- the bench folder is not a package
    BATCH,
    bodies,
    build,
    cluster,
    pairwise,
    rows,
    sentences,
    usable,
)

from schemas import DOCUMENTS, conform  # noqa: E402
from tasks import clean, dedup, extract  # noqa: E402
from tasks.common.settings import Settings, settings_slice  # noqa: E402
from tasks.common.text import content_hash  # noqa: E402

FETCHED = datetime(2025, 9, 1, 12, tzinfo=UTC)
TEMPLATES = ("classic", "sidebar", "regional", "blog", "wire")
WIRE_CITIES = ("WASHINGTON", "BERLIN", "LONDON", "NEW DELHI", "PARIS", "TOKYO")


def _p(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


def _teasers(rnd: random.Random, pool: list[list[str]], n: int) -> list[str]:
    """Headline-like teasers: the first sentence of other bodies, cut to 12 words."""
    out = []
    for paras in rnd.sample(pool, n):
        first = sentences(paras[:1])[0][0]
        out.append(" ".join(first.split()[:12]))
    return out


def _headline(paras: list[str]) -> str:
    return " ".join(sentences(paras[:1])[0][0].split()[:14])


def render(kind: str, paras: list[str], headline: str, rnd: random.Random,
           pool: list[list[str]], outlet: str) -> str:
    """One HTML page of template `kind` carrying `paras` as its article body."""
    title = html.escape(headline)
    day = (FETCHED - timedelta(days=rnd.randrange(1, 30))).date().isoformat()
    links = "".join(f'<li><a href="/news/{rnd.randrange(10**6)}">{html.escape(t)}</a></li>'
                    for t in _teasers(rnd, pool, 5))
    nav = ('<header><nav><a href="/">Home</a> <a href="/politics">Politics</a> '
           '<a href="/business">Business</a> <a href="/sport">Sport</a></nav></header>')
    foot = (f"<footer><p>© 2025 {outlet}. All rights reserved.</p>"
            '<p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></p></footer>')
    head = f"<head><meta charset='utf-8'><title>{title} | {outlet}</title></head>"
    if kind == "classic":
        body = "".join(_p(p) for p in paras)
        main = (f'<article><h1>{title}</h1><p class="byline">By {outlet} staff | {day}</p>'
                f'{body}<aside class="related"><h2>Related stories</h2><ul>{links}</ul></aside>'
                '<div class="newsletter"><p>Sign up for our daily newsletter: the '
                "news you need, in your inbox every morning.</p></div></article>")
        return f"<!DOCTYPE html><html>{head}<body>{nav}<main>{main}</main>{foot}</body></html>"
    if kind == "sidebar":
        teasers = "".join(
            f'<div class="teaser"><a href="/a/{i}"><h3>{html.escape(t)}</h3></a></div>'
            for i, t in enumerate(_teasers(rnd, pool, 6)))
        body = "".join(_p(p) for p in paras)
        return (f"<!DOCTYPE html><html>{head}<body>{nav}<div class='wrap'>"
                f"<div class='content'><h1>{title}</h1><time datetime='{day}'>{day}</time>"
                f"{body}</div><aside class='sidebar'><h2>Most read</h2>{teasers}</aside>"
                f"</div>{foot}</body></html>")
    if kind == "regional":
        city = rnd.choice(WIRE_CITIES)
        parts = []
        for i, p in enumerate(paras):
            parts.append(_p(f"{city} (AP) — {p}" if i == 0 else p))
            if i == 1:
                parts.append('<figure><img src="/img/1.jpg"><figcaption>'
                             f"{html.escape(_teasers(rnd, pool, 1)[0])} (Photo: AP)"
                             "</figcaption></figure>")
            if i % 3 == 2:
                parts.append('<div class="ad">Advertisement</div>')
            if i == 3:
                parts.append(_p(f"Read more: {_teasers(rnd, pool, 1)[0]}"))
        return (f"<!DOCTYPE html><html>{head}<body>{nav}<main><article><h1>{title}</h1>"
                f"{''.join(parts)}</article></main>{foot}</body></html>")
    if kind == "blog":
        body = "".join(_p(p) for p in paras)
        comments = "".join(
            f'<div class="comment"><span class="author">reader{i}</span>{_p(t)}</div>'
            for i, t in enumerate(_teasers(rnd, pool, 3)))
        return (f"<!DOCTYPE html><html>{head}<body>{nav}<div class='post'><h2 class='post-title'>"
                f"{title}</h2><div class='post-body'>{body}</div></div>"
                f"<div id='comments'><h3>3 comments</h3>{comments}</div>{foot}</body></html>")
    body = "".join(_p(p) for p in paras)
    return (f"<!DOCTYPE html><html>{head}<body>{nav}<main><article><h1>{title}</h1>"
            f"<p class='credit'>{outlet} / Reuters</p>{body}"
            "<p class='tags'>Tags: world, politics, economy</p>"
            "<p class='share'>Share this article: Facebook Twitter Email</p>"
            f"</article></main>{foot}</body></html>")


def pages(docs: list[dict], texts: list[list[str]], seed: int) -> list[dict]:
    """{url, html, template} per document, in the documents' order."""
    rnd = random.Random(seed + 7)
    headlines: dict[str, str] = {}
    out = []
    for n, d in enumerate(docs):
        paras = [p for p in d["text"].split("\n\n") if p.strip()]
        # copies of a story carry the original's headline (sites rewrite some; not modelled)
        headline = headlines.setdefault(d["story"], _headline(paras))
        kind = rnd.choice(TEMPLATES)
        outlet = f"Outlet {n}"
        out.append({"url": f"https://outlet{n}.example/news/{n}", "template": kind,
                    "html": render(kind, paras, headline, rnd, texts, outlet)})
    return out


def extract_and_clean(page_rows: list[dict]) -> tuple[dict[str, str], Counter]:
    """What extract + clean with the default settings make of each page ({url, html}):
    the cleaned text by URL, and the rejects counted by reason."""
    settings = Settings()
    docs = conform([{"input_key": p["url"], "url": p["url"], "final_url": p["url"],
                     "source": "bench", "source_kind": "url", "status": 200,
                     "content_type": "text/html", "fetched_at": FETCHED,
                     "body": p["html"].encode(), "encoding": "utf-8"}
                    for p in page_rows], DOCUMENTS, "documents")
    ex = extract.run(docs, settings_slice(extract.ExtractConfig, settings), "bench")
    cl = clean.run(ex.table, settings_slice(clean.CleanConfig, settings), "bench")
    reasons = Counter(r["reason"] for r in [*ex.rejects, *cl.rejects])
    return dict(zip(cl.table.column("url").to_pylist(), cl.table.column("text").to_pylist(),
                    strict=True)), reasons


def through_pipeline(page_rows: list[dict], text_rows: list[dict]) -> tuple[list[dict], Counter]:
    """The text rows with `text` replaced by what extract + clean make of each page; the
    pages extract or clean reject are left out (counted by reason)."""
    text_of, reasons = extract_and_clean(page_rows)
    by_url = {r["url"]: r for r in text_rows}
    out = []
    for url, text in text_of.items():
        r = dict(by_url[url])
        r["text"] = text
        r["word_count"] = len(text.split())
        r["content_hash"] = content_hash(text)
        out.append(r)
    order = {r["url"]: i for i, r in enumerate(text_rows)}
    out.sort(key=lambda r: order[r["url"]])
    return out, reasons


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", required=True, help="the development corpus folder")
    ap.add_argument("--cache", default="/tmp/pressroom-syndication-bodies.json")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", help="write the JSON result here too")
    ap.add_argument("--dump", help="write each page's template and texts here (JSON lines)")
    args = ap.parse_args()
    print(f"# {platform.node()} cpus={os.cpu_count()} load={os.getloadavg()}", flush=True)
    texts = usable(bodies(Path(args.corpus), Path(args.cache)))
    docs = build(texts, args.seed)
    text_rows = rows(docs, args.seed)
    page_rows = pages(docs, texts, args.seed)
    by_url = {p["url"]: p for p in page_rows}
    doc_of = {r["article_id"]: docs[int(r["article_id"][1:])] for r in text_rows}
    cfg = settings_slice(dedup.DedupConfig, Settings())

    on_bodies, _ = cluster(text_rows, cfg, BATCH)
    piped, rejected = through_pipeline(page_rows, text_rows)
    on_pages, _ = cluster(piped, cfg, BATCH)
    kept = {r["article_id"] for r in piped}
    result = {
        "documents": len(docs),
        "templates": dict(Counter(p["template"] for p in page_rows)),
        "rejected_by_extract_or_clean": dict(rejected),
        "bodies": pairwise(doc_of, on_bodies),
        # pairs among the pages the pipeline kept; a rejected page is no pair at all
        "pages": pairwise({a: d for a, d in doc_of.items() if a in kept}, on_pages),
        "bodies_same_documents": pairwise({a: d for a, d in doc_of.items() if a in kept},
                                          {a: c for a, c in on_bodies.items() if a in kept}),
    }
    print(json.dumps(result, indent=1))
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=1), "utf-8")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            for r in piped:
                d = doc_of[r["article_id"]]
                f.write(json.dumps({"id": r["article_id"], "story": d["story"], "kind": d["kind"],
                                    "template": by_url[r["url"]]["template"],
                                    "cluster": on_pages[r["article_id"]], "body": d["text"],
                                    "text": r["text"]}) + "\n")


if __name__ == "__main__":
    main()
