"""Feeds and sitemaps named in a `.urls` list (fault round 48): the command line reads
`https://site/feed.xml` (and `feed:URL`) as a feed, but a list fetched each line as a
page: `unsupported_content_type` "content-type application/rss+xml", every item of the
feed lost, and a `feed:` line was a `bad_url`. A feed at an address no rule names (met
as a page) now says how to name it."""

from __future__ import annotations

from dataclasses import replace
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from schemas import DOCUMENTS, conform
from tasks.common.settings import Settings, settings_slice
from tasks.discover.inputs import DiscoverConfig, discover, fetch_urls_via, read_url_list
from tasks.fetch import FetchConfig, run
from tests.integration.faultserver import story
from tests.site import answer, serving

# A loopback address of this file's own: the fetch stage keeps per-host politeness
# (Retry-After, Crawl-delay) for the whole process, and earlier tests share 127.0.0.1.
HOST = "127.0.0.46"


def _handler(base: list[str]):
    def feed() -> bytes:
        b = base[0]
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
                f"<item><title>Alpha</title><link>{b}/a</link></item>"
                f"<item><title>Beta</title><link>{b}/b</link></item></channel></rss>").encode()

    def sitemap() -> bytes:
        return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.'
                f'org/schemas/sitemap/0.9"><url><loc>{base[0]}/c</loc></url></urlset>').encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server API
            pages = {"/feed.xml": ("application/rss+xml", feed),
                     "/latest": ("application/rss+xml", feed),
                     "/sitemap.xml": ("application/xml", sitemap)}
            for slug in "abcd":
                pages[f"/{slug}"] = ("text/html", lambda s=slug: story(s, f"Story {s}").encode())
            if self.path not in pages:
                self.send_error(404)
                return
            ctype, make = pages[self.path]
            answer(self, make(), ctype)

        def log_message(self, *args) -> None:
            pass

    return Handler


def _fetch_config() -> FetchConfig:
    return replace(settings_slice(FetchConfig, Settings()), allowed_networks=["127.0.0.0/8"],
                   per_host_delay_s=0.0)


def test_a_url_list_of_feeds_and_sitemaps_reads_their_items(tmp_path: Path) -> None:
    base: list[str] = []
    with serving(_handler(base), HOST) as url:
        base.append(url)
        listing = tmp_path / "outlets.urls"
        listing.write_text(f"{url}/feed.xml\nfeed:{url}/latest\nsitemap:{url}/sitemap.xml\n"
                           f"{url}/d\n")
        config = replace(settings_slice(DiscoverConfig, Settings()), allow_private_hosts=True,
                         allowed_networks=["127.0.0.0/8"])
        fetch_urls = fetch_urls_via(lambda docs: run(docs, _fetch_config(), "r48f"))
        found = discover([str(listing)], "r48f", config, fetch_urls=fetch_urls)
    urls = sorted(d["url"][len(url):] for d in found.docs.to_pylist())
    assert urls == ["/a", "/b", "/c", "/d"], (urls, found.rejects)
    assert not [r for r in found.rejects if r["reason"] == "bad_url"], found.rejects


def test_a_url_list_without_sources_reads_every_line_as_a_page(tmp_path: Path) -> None:
    """The guards: `read_url_list` alone (no list for sources) is as before, and a story
    whose address holds "sitemap" but names no sitemap's file stays a page."""
    listing = tmp_path / "a.urls"
    story_url = "https://n.example/blog/how-we-built-our-sitemap"
    listing.write_text(f"https://n.example/feed.xml\n{story_url}\n")
    docs, rejects = read_url_list(listing, "r48")
    assert [d["url"] for d in docs] == ["https://n.example/feed.xml", story_url]
    named: list[tuple[str, str]] = []
    docs, rejects = read_url_list(listing, "r48", named)
    assert named == [("feed", "https://n.example/feed.xml")]
    assert [d["url"] for d in docs] == [story_url] and rejects == []


def test_a_feed_met_as_a_page_says_how_to_name_it() -> None:
    base: list[str] = []
    with serving(_handler(base), HOST) as url:
        base.append(url)
        docs = conform([{"input_key": "k", "url": f"{url}/latest", "source_kind": "url",
                         "source": "t"}], DOCUMENTS, "documents")
        result = run(docs, _fetch_config(), "r48f")
    (row,) = result.fetch_log
    assert row["error"] == "unsupported_content_type", row
    assert row["error_detail"] == (
        f"content-type application/rss+xml: a feed, not an article page; to read its "
        f"links, name it as feed:{url}/latest"), row["error_detail"]
