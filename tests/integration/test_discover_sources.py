"""Discovery from feeds and sitemaps served by a loopback HTTP server.

The server plays one news site: an RSS feed, an Atom feed, a sitemap index pointing to a
gzip'd sitemap, a plain one and a nested index, a Google News sitemap, and the failure
shapes (404 sitemap, an HTML page where a feed should be, broken XML). The fetcher is a
small loopback-only stand-in for tasks/fetch/client.py with the same contract:
fetch_urls(urls) -> (bodies by URL, one FETCH_LOG row per URL).
"""

from __future__ import annotations

import gzip
import http.server
import threading
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest

from schemas.tables import DOCUMENTS, FETCH_LOG, REJECTS, conform
from tasks.discover.remote import RemoteLimits, discover_remote
from tests.site import answer

NOW = datetime(2024, 4, 10, 12, 0, tzinfo=UTC)
RUN = "run-test"


def config(**overrides):
    """The discover stage's slice of the Settings."""
    from tasks.common.settings import Settings, settings_slice
    from tasks.discover import DiscoverConfig

    return settings_slice(DiscoverConfig, Settings(**overrides))


def site(base: str) -> dict[str, tuple[int, str, bytes]]:
    """path -> (status, content type, body) for the fake outlet at `base`."""
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Site</title>
<item><title>Feed story one</title><link>{base}/news/one</link>
<pubDate>Mon, 08 Apr 2024 09:00:00 GMT</pubDate></item>
<item><title>Feed story two</title><link>{base}/news/two</link></item>
<item><title>No link at all</title></item>
</channel></rss>""".encode()
    atom = f"""<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id>
<entry><title>Atom story</title><id>urn:3</id><link href="{base}/news/three"/>
<updated>2024-04-09T00:00:00Z</updated></entry></feed>""".encode()
    index = f"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{base}/sm/april.xml.gz</loc><lastmod>2024-04-09</lastmod></sitemap>
<sitemap><loc>{base}/sm/march.xml</loc><lastmod>2024-03-31</lastmod></sitemap>
<sitemap><loc>{base}/sm/nested-index.xml</loc><lastmod>2024-04-08</lastmod></sitemap>
<sitemap><loc>{base}/sm/2019.xml</loc><lastmod>2019-12-31</lastmod></sitemap>
<sitemap><loc>{base}/sm/missing.xml</loc><lastmod>2024-04-01</lastmod></sitemap>
<sitemap><loc>{base}/sitemap-index.xml</loc></sitemap>
</sitemapindex>""".encode()
    april = f"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{base}/news/one</loc><lastmod>2024-04-08T10:00:00Z</lastmod></url>
<url><loc>{base}/news/april-only</loc><lastmod>2024-04-07</lastmod></url>
</urlset>""".encode()
    march = f"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{base}/news/march</loc></url></urlset>""".encode()
    nested = f"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{base}/sm/deep.xml</loc></sitemap></sitemapindex>""".encode()
    deep = f"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{base}/news/deep</loc></url></urlset>""".encode()
    old = f"""<urlset><url><loc>{base}/news/2019</loc></url></urlset>""".encode()
    news = f"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>{base}/news/two</loc><news:news><news:publication><news:name>S</news:name>
<news:language>en</news:language></news:publication>
<news:publication_date>2024-04-09T08:00:00+00:00</news:publication_date>
<news:title>Two, from the news sitemap</news:title></news:news></url>
<url><loc>{base}/news/breaking</loc><news:news>
<news:publication_date>2024-04-10T07:30:00Z</news:publication_date>
<news:title>Breaking &amp; live</news:title></news:news></url>
</urlset>""".encode()
    return {
        "/rss.xml": (200, "application/rss+xml; charset=utf-8", rss),
        "/atom.xml": (200, "application/atom+xml", atom),
        "/sitemap-index.xml": (200, "application/xml", index),
        "/sm/april.xml.gz": (200, "application/x-gzip", gzip.compress(april)),
        "/sm/march.xml": (200, "application/xml", march),
        "/sm/nested-index.xml": (200, "application/xml", nested),
        "/sm/deep.xml": (200, "application/xml", deep),
        "/sm/2019.xml": (200, "application/xml", old),
        "/news-sitemap.xml": (200, "text/xml", news),
        "/html-not-feed": (200, "text/html", b"<!doctype html><html><body>hi</body></html>"),
        "/broken-sitemap.xml": (200, "application/xml", b"<?xml version='1.0'?><<<"),
    }


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


@pytest.fixture()
def outlet() -> Iterator[tuple[str, Counter]]:
    hits: Counter = Counter()
    routes: dict[str, tuple[int, str, bytes]] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            hits[self.path] += 1
            status, ctype, body = routes.get(self.path, (404, "text/plain", b"not found"))
            answer(self, body, ctype, status)

        def log_message(self, *args) -> None:
            pass

    server = _Server(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_port}"
    routes.update(site(base))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield base, hits
    finally:
        server.shutdown()
        server.server_close()


def loopback_fetcher(calls: list[list[str]]):
    """Same contract as the project's fetcher; refuses anything but 127.0.0.0/8."""

    def fetch_urls(urls: list[str]) -> tuple[dict[str, bytes], list[dict]]:
        calls.append(list(urls))
        bodies, log = {}, []
        with httpx.Client(timeout=5.0) as client:
            for url in urls:
                assert httpx.URL(url).host.startswith("127."), url
                resp = client.get(url)
                ok = resp.status_code == 200
                if ok:
                    bodies[url] = resp.content
                log.append({
                    "url": url, "final_url": str(resp.url), "status": resp.status_code,
                    "error": None if ok else f"http_{resp.status_code}",
                    "bytes": len(resp.content), "content_type": resp.headers.get("content-type"),
                    "attempts": 1, "fetched_at": NOW, "run_id": RUN,
                })
        return bodies, log

    return fetch_urls


def test_feeds_sitemap_index_and_news_sitemap(outlet) -> None:
    base, hits = outlet
    calls: list[list[str]] = []
    result = discover_remote(
        feeds=[f"{base}/rss.xml", f"{base}/atom.xml", f"{base}/html-not-feed"],
        sitemaps=[f"{base}/sitemap-index.xml", f"{base}/news-sitemap.xml",
                  f"{base}/broken-sitemap.xml", f"{base}/no-such-sitemap.xml"],
        fetch_urls=loopback_fetcher(calls),
        run_id=RUN,
        now=NOW,
        limits=RemoteLimits(max_depth=1, max_child_age_days=365),
    )
    docs = conform(result.rows, DOCUMENTS, "documents")
    conform(result.rejects, REJECTS, "rejects")
    conform(result.fetch_log, FETCH_LOG, "fetch_log")

    by_url = {r["url"].removeprefix(base): r for r in docs.to_pylist()}
    assert set(by_url) == {
        "/news/one", "/news/two", "/news/three",  # feeds
        "/news/april-only", "/news/march",  # index -> gzip'd and plain sitemaps
        "/news/breaking",  # news sitemap
    }
    one = by_url["/news/one"]  # in the RSS feed and the April sitemap: one row, feed first
    assert (one["source_kind"], one["source"]) == ("feed", f"{base}/rss.xml")
    assert one["input_key"] == one["url"]
    assert one["hint_published_at"] == datetime(2024, 4, 8, 9, 0, tzinfo=UTC)
    assert (one["hint_published_source"], one["hint_title"]) == ("feed", "Feed story one")
    two = by_url["/news/two"]  # the feed has no date; the news sitemap fills it
    assert two["hint_title"] == "Feed story two"
    assert two["hint_published_at"] == datetime(2024, 4, 9, 8, 0, tzinfo=UTC)
    assert two["hint_published_source"] == "sitemap"
    breaking = by_url["/news/breaking"]
    assert (breaking["source_kind"], breaking["source"]) == ("sitemap", f"{base}/news-sitemap.xml")
    assert breaking["hint_title"] == "Breaking & live"
    assert breaking["hint_published_at"] == datetime(2024, 4, 10, 7, 30, tzinfo=UTC)
    april = by_url["/news/april-only"]
    assert april["source"] == f"{base}/sm/april.xml.gz"
    assert april["hint_published_source"] == "sitemap_lastmod"
    assert by_url["/news/march"]["hint_published_at"] is None
    assert by_url["/news/three"]["hint_published_at"] == datetime(2024, 4, 9, tzinfo=UTC)

    reasons = Counter(r["reason"] for r in result.rejects)
    assert reasons == Counter({
        "feed_item_no_url": 1,
        "not_a_feed": 1,  # the HTML page
        "sitemap_bad_xml": 1,
        "sitemap_child_too_old": 1,  # 2019.xml: not fetched
        "sitemap_depth_cap": 1,  # nested-index.xml's child deep.xml: not fetched
    })
    assert all(r["stage"] == "discover" and r["run_id"] == RUN for r in result.rejects)

    # Every URL fetched has exactly one fetch_log row; the failures are there, not rejects.
    logged = Counter(r["url"].removeprefix(base) for r in result.fetch_log)
    assert all(n == 1 for n in logged.values())
    assert {u for u, n in logged.items()} == {
        "/rss.xml", "/atom.xml", "/html-not-feed", "/sitemap-index.xml", "/news-sitemap.xml",
        "/broken-sitemap.xml", "/no-such-sitemap.xml", "/sm/april.xml.gz", "/sm/march.xml",
        "/sm/nested-index.xml", "/sm/missing.xml",
    }
    failed = {r["url"].removeprefix(base): r["error"] for r in result.fetch_log if r["error"]}
    assert failed == {"/no-such-sitemap.xml": "http_404", "/sm/missing.xml": "http_404"}
    kinds = {r["url"].removeprefix(base): r["source_kind"] for r in result.fetch_log}
    assert kinds["/rss.xml"] == "feed" and kinds["/sm/march.xml"] == "sitemap"

    # From the server's side: nothing fetched twice (the index lists itself), nothing
    # skipped was fetched, and one fetch batch per sitemap level.
    assert hits["/sitemap-index.xml"] == 1
    assert hits["/sm/2019.xml"] == 0 and hits["/sm/deep.xml"] == 0
    assert len(calls) == 2
    assert calls[1][0].endswith("/sm/april.xml.gz")  # newest child first


def test_sitemap_count_cap_keeps_the_newest(outlet) -> None:
    base, hits = outlet
    result = discover_remote([], [f"{base}/sitemap-index.xml"], loopback_fetcher([]), RUN, NOW,
                             RemoteLimits(max_sitemaps=2, max_child_age_days=None))
    # the root counts as one; only the newest child (april) fits under the cap of 2
    assert hits["/sm/april.xml.gz"] == 1 and hits["/sm/nested-index.xml"] == 0
    cap = [r for r in result.rejects if r["reason"] == "sitemap_count_cap"]
    assert len(cap) == 1 and cap[0]["detail"].startswith("4 child sitemap(s) not fetched")


def test_fetcher_that_forgets_a_url_still_leaves_a_trace() -> None:
    def forgetful(urls: list[str]) -> tuple[dict[str, bytes], list[dict]]:
        return {}, []

    result = discover_remote(["http://127.0.0.1:9/feed"], [], forgetful, RUN, NOW)
    assert result.rows == []
    assert [(r["url"], r["error"]) for r in result.fetch_log] == [
        ("http://127.0.0.1:9/feed", "not_fetched")]
    conform(result.fetch_log, FETCH_LOG, "fetch_log")


def test_sources_file_drives_discovery(outlet, tmp_path) -> None:
    from tasks.discover.inputs import discover

    base, hits = outlet
    path = tmp_path / "sources.toml"
    path.write_text(f"""
[[source]]
name = "Loopback News"
feeds = ["{base}/atom.xml"]
sitemaps = ["{base}/news-sitemap.xml"]
urls = ["{base}/news/hand-picked"]
[[source]]
name = "Switched off"
enabled = false
feeds = ["{base}/rss.xml"]
""")
    result = discover([str(path)], RUN, config(), loopback_fetcher([]), now=NOW)
    rows = result.docs.to_pylist()
    kinds = {r["url"].removeprefix(base): r["source_kind"] for r in rows}
    assert kinds == {"/news/three": "feed", "/news/two": "sitemap", "/news/breaking": "sitemap",
                     "/news/hand-picked": "url"}
    assert hits["/rss.xml"] == 0  # the disabled source is not fetched
    assert result.stats["sources_enabled"] == 1


@pytest.mark.parametrize(
    ("arg", "kind"),
    [
        ("https://sputnikglobe.com/export/rss2/archive/index.xml", "feed"),
        ("https://sputnikglobe.com/sitemap_article_index.xml", "sitemap"),
        ("https://feeds.bbci.co.uk/news/rss.xml", "feed"),
        ("https://www.theguardian.com/world/rss", "feed"),
        ("https://www.theguardian.com/sitemaps/news.xml", "sitemap"),
        ("https://x.example/?format=rss", "feed"),
        ("feed:https://x.example/latest", "feed"),
        ("sitemap:https://x.example/pages.xml", "sitemap"),
        ("https://news.example/2024/04/02/story.html", None),
        ("https://x.example/news/rss-is-dead-article.html", None),
        ("https://x.example/feedback", None),
    ],
)
def test_classify_remote(arg: str, kind: str | None) -> None:
    from tasks.discover.remote import classify_remote

    got, url = classify_remote(arg)
    assert got == kind and url.startswith("https://")


def test_discover_dispatches_warc_sources_file_and_feed_urls(outlet, tmp_path) -> None:
    """tasks.discover.inputs.discover over a folder (sources.toml, a WARC, a URL list) and a
    feed URL on the command line: one table, local rows first, duplicates rejected."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from tasks.discover.inputs import discover

    base, hits = outlet
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "sources.toml").write_text(f"""
[[source]]
name = "Loopback News"
feeds = ["{base}/rss.xml"]
sitemaps = ["{base}/news-sitemap.xml"]
""")
    with open(folder / "crawl.warc.gz", "wb") as f:
        w = WARCWriter(f, gzip=True)
        body = b"<html><body><p>From the archive.</p></body></html>"
        h = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"{base}/news/one", "response",
                                            payload=io.BytesIO(body), http_headers=h))
    (folder / "list.urls").write_text(f"{base}/news/listed\n")
    calls: list[list[str]] = []
    result = discover([str(folder), f"feed:{base}/atom.xml"], RUN,
                      config(allow_private_hosts=True),
                      fetch_urls=loopback_fetcher(calls), now=NOW)

    docs = result.docs.to_pylist()
    got = [(d["url"].removeprefix(base), d["source_kind"]) for d in docs]
    # the WARC copy of /news/one comes first and keeps its body; the feed's copy is a dup
    assert got[:2] == [("/news/one", "warc"), ("/news/listed", "url")]
    assert set(got[2:]) == {("/news/two", "feed"), ("/news/three", "feed"),
                            ("/news/breaking", "sitemap")}
    assert docs[0]["body"].startswith(b"<html>") and docs[0]["fetched_at"] is not None
    dups = [r for r in result.rejects if r["reason"] == "duplicate_url"]
    assert [(r["url"].removeprefix(base), r["source_kind"]) for r in dups] == [
        ("/news/one", "feed")]
    assert {r["url"].removeprefix(base) for r in result.fetch_log} == {
        "/rss.xml", "/news-sitemap.xml", "/atom.xml"}
    assert len(calls) == 1  # feeds and sitemaps in one batch
    assert any(n.startswith("discovery: 2 of 2 feed(s) fetched, 1 sitemap file(s) read")
               for n in result.notes)
    assert result.stats["warc_kept"] == 1 and result.stats["sources_enabled"] == 1


def test_discover_reports_a_malformed_sources_file(tmp_path) -> None:
    from tasks.discover.inputs import discover

    bad = tmp_path / "sources.toml"
    bad.write_text('[[source]]\nname = "A"\nfeeds = ["ftp://nope"]\n')

    def never(urls):  # nothing valid to fetch
        raise AssertionError(urls)

    result = discover([str(bad)], RUN, config(), fetch_urls=never, now=NOW)
    assert result.docs.num_rows == 0
    assert [r["reason"] for r in result.rejects] == ["bad_sources_file"]
    assert "#1 ('A') feeds: not an absolute http(s) URL" in result.notes[0]


def test_fetch_urls_via_adapts_a_batch_fetcher() -> None:
    import pyarrow as pa

    from tasks.common.result import StageResult
    from tasks.discover.inputs import fetch_urls_via

    def fake_fetch_batch(docs: pa.Table):
        out, log = [], []
        for d in docs.to_pylist():
            ok = d["url"].endswith("/ok")
            if ok:
                out.append({**d, "body": b"<rss/>"})
            log.append({"url": d["url"], "error": None if ok else "connection",
                        "fetched_at": NOW, "run_id": RUN, "source_kind": d["source_kind"]})
        return StageResult("fetch", conform(out, DOCUMENTS, "documents"), docs.num_rows,
                           fetch_log=log, failed=docs.num_rows - len(out))

    fetch_urls = fetch_urls_via(fake_fetch_batch)
    bodies, log = fetch_urls(["http://127.0.0.1:9/ok", "http://127.0.0.1:9/down"])
    assert bodies == {"http://127.0.0.1:9/ok": b"<rss/>"}
    assert [r["error"] for r in log] == [None, "connection"]
