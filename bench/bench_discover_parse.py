"""Parse speed of discovery inputs: sitemaps (ours vs a whole-tree lxml baseline) and feeds.

  sitemap  a 50,000-URL Google News sitemap (the sitemaps.org maximum), ~12 MB:
           pressroom  tasks.discover.sitemaps.parse_sitemap (streaming iterparse, dates, titles)
           baseline   lxml.etree.fromstring + findall + findtext on the whole tree,
                      the same fields, no date parsing (a lower bound for a tree parser)
  feed     a 100-item RSS 2.0 feed through tasks.discover.feeds.parse_feed (feedparser)

Medians of `--repeats` interleaved rounds of CPU time. Run:
    python bench/bench_discover_parse.py
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time

from lxml import etree

from tasks.discover.feeds import parse_feed
from tasks.discover.sitemaps import parse_sitemap

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def news_sitemap(n: int) -> bytes:
    head = (b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/'
            b'schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">')
    rows = (
        f"<url><loc>https://news.example/2024/04/{i % 28 + 1}/story-{i}.html</loc>"
        f"<lastmod>2024-04-02T10:00:00Z</lastmod><news:news><news:publication>"
        f"<news:name>Example</news:name><news:language>en</news:language></news:publication>"
        f"<news:publication_date>2024-04-02T10:{i % 60:02d}:00+02:00</news:publication_date>"
        f"<news:title>Story number {i} &amp; more</news:title></news:news></url>\n"
        for i in range(n)
    )
    return head + "".join(rows).encode() + b"</urlset>"


def rss(n: int) -> bytes:
    items = "".join(
        f"<item><title>Story {i}</title><link>https://news.example/{i}</link>"
        f"<pubDate>Tue, 02 Apr 2024 10:00:00 GMT</pubDate>"
        f"<description>Some text about story {i}.</description></item>"
        for i in range(n)
    )
    return f'<rss version="2.0"><channel><title>x</title>{items}</channel></rss>'.encode()


def baseline_tree(data: bytes) -> int:
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, huge_tree=True))
    n = 0
    for url in root.iterfind(f"{NS}url"):
        url.findtext(f"{NS}loc")
        url.findtext(f"{NS}lastmod")
        url.findtext(f"{NEWS}news/{NEWS}publication_date")
        url.findtext(f"{NEWS}news/{NEWS}title")
        n += 1
    return n


def ours(data: bytes) -> int:
    return len(parse_sitemap(data, "https://news.example/sitemap.xml").entries)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--urls", type=int, default=50_000)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    print(f"# {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    data = news_sitemap(args.urls)
    times: dict[str, list[float]] = {"pressroom parse_sitemap": [], "baseline lxml tree": []}
    for _ in range(args.repeats):
        for name, fn in (("pressroom parse_sitemap", ours), ("baseline lxml tree", baseline_tree)):
            t = time.process_time()
            assert fn(data) == args.urls
            times[name].append(time.process_time() - t)
    base = statistics.median(times["baseline lxml tree"])
    size = len(data) / 1e6
    print(f"\n## news sitemap, {args.urls} URLs, {size:.1f} MB, median of {args.repeats}")
    print("| parser | CPU s | URLs/s | µs/URL | time vs baseline |")
    print("|---|---:|---:|---:|---:|")
    for name in times:
        m = statistics.median(times[name])
        print(f"| {name} | {m:.3f} | {args.urls / m:,.0f} | {1e6 * m / args.urls:.1f} | "
              f"{m / base:.2f}x |")

    feed = rss(100)
    ft = []
    for _ in range(args.repeats * 4):
        t = time.process_time()
        assert len(parse_feed(feed, "https://news.example/rss").items) == 100
        ft.append(time.process_time() - t)
    print(f"\n## RSS 2.0 feed, 100 items, {len(feed) / 1e3:.0f} KB: parse_feed (feedparser) "
          f"median {1000 * statistics.median(ft):.1f} ms CPU "
          f"({1000 * statistics.median(ft) / 100:.2f} ms/item)")


if __name__ == "__main__":
    main()
