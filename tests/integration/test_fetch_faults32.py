"""Fault round 32: discovery documents that name their stories otherwise than a plain
link, and an outlet registry written otherwise than the articles' domains. One whole
`ingest` flow under the session's Prefect harness, over the shared feed server with a
video sitemap added, on 127.0.0.1 (no other address):
- `/r32/home1`, `/r32/home2`: RSS items whose `<link>` is the site's home page, the story
  only in the permalink guid (on main both the home page, one fetch: `http_404`, the
  shared server has no page at `/`);
- `/r32/amp?id=1&cat=2`: an item naming its page only in a guid inside CDATA, escaped
  there (`&amp;`); the server has the page at that query alone, any other a 404 (on main
  fetched at `?id=1&amp;cat=2`: `http_404`);
- `/r32/smamp?id=2&cat=2`: a sitemap `<loc>` escaped twice (`&amp;amp;`; on main
  `http_404` the same way);
- `/r32/video`: a page dating itself nowhere, listed by a video sitemap with its
  `<video:publication_date>` (2 May 2024, 10:00 UTC) and a later `<lastmod>` (4 May; on
  main the page was dated by the lastmod);
- a Media RSS item (`media:content` alone): a `feed_item_no_url` reject that says so (on
  main "no link");
- `/r32/gone`: a 404, the run's one failed fetch.
The outlet registry keys the server's site by its homepage's URL, country "UK": every
article is that outlet's, in GB (on main none was).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.integration.faultserver import FeedRoundServer, assert_run_conserves, story_paragraphs
from tests.integration.test_fetch_faults import settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on
ROBOTS = "User-agent: *\nDisallow: /nothing-here\n"
SLUGS = ("home1", "home2", "amp", "smamp", "video")
# The one query each page is served at: any other is the site's 404, as a CMS that reads
# `amp;cat` as a parameter of its own answers.
QUERIES = {"amp": "id=1&cat=2", "smamp": "id=2&cat=2"}


def feed(base: str) -> str:
    root = base.removesuffix("/r32")
    items = "".join(
        f"<item><title>Item {slug}</title><link>{root}/</link>"
        f'<guid isPermaLink="true">{base}/{slug}</guid></item>' for slug in ("home1", "home2"))
    items += (f"<item><title>Item amp</title><guid><![CDATA[{base}/amp?id=1&amp;cat=2]]>"
              "</guid></item>"
              "<item><title>Clip</title><media:content url=\"https://cdn.invalid/clip.mp4\" "
              'type="video/mp4"/></item>'
              f"<item><title>Item gone</title><link>{base}/gone</link></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
            'xmlns:media="http://search.yahoo.com/mrss/"><channel>'
            f"<title>R32</title><link>{root}/</link>{items}</channel></rss>")


def sitemap(base: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset '
            'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:video="http://www.google.com/schemas/sitemap-video/1.1">'
            f"<url><loc>{base}/smamp?id=2&amp;amp;cat=2</loc></url>"
            f"<url><loc>{base}/video</loc><lastmod>2024-05-04T09:00:00Z</lastmod>"
            "<video:video><video:title>Story video</video:title>"
            "<video:content_loc>https://cdn.invalid/v.mp4</video:content_loc>"
            "<video:publication_date>2024-05-02T12:00:00+02:00</video:publication_date>"
            "</video:video></url></urlset>")


class Round32Server(FeedRoundServer):
    """The shared feed server, with the round's sitemap at /r32/sitemap.xml and two pages
    served at one query only."""

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        path, _, query = target.partition("?")
        slug = path.removeprefix("/r32/")
        if target == "/r32/sitemap.xml":
            body = sitemap(f"http://{ip}:{self.port}/r32").encode()
            await self._send(writer, "200 OK", body, "application/xml")
        elif slug in QUERIES and query != QUERIES[slug]:
            await self._send(writer, "404 Not Found", b"<html><body>Not found</body></html>")
        else:
            await super()._respond(ip, target, headers, writer)


def page(slug: str) -> str:
    title = f"Story {slug}"
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>{title}</title></head><body><article><h1>{title}</h1>"
            f"{story_paragraphs(slug)}</article></body></html>")


@pytest.fixture(scope="module")
def server32():
    srv = Round32Server([HOST], "r32", feed, page, SLUGS, robots={HOST: ROBOTS}).start()
    yield srv
    srv.stop()


def test_an_ingest_of_stories_named_otherwise_than_by_a_link_fetches_each(
        prefect_harness, server32, tmp_path, warehouse) -> None:
    """Now: the five stories kept under their own addresses, the video page dated by its
    video sitemap, every article the registry's outlet in GB. On main (measured, main's
    files put back): see RELIABILITY.md, round 32."""
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    def u(path: str) -> str:
        return server32.url(HOST, path)

    outlets = tmp_path / "outlets.toml"
    outlets.write_text(f'[outlets."{u("/")}"]\nname = "R32 Outlet"\ncountry = "UK"\n'
                       'type = "newspaper"\n', encoding="utf-8")
    manifest = ingest(inputs=[f"feed:{u('/r32/feed.xml')}", f"sitemap:{u('/r32/sitemap.xml')}"],
                      settings=settings(warehouse, per_host_delay_s=0.0, outlets_file=outlets))

    rows = _table(warehouse, "SELECT url, published_at, source_name, source_country "
                             "FROM articles ORDER BY url")
    failed = _table(warehouse, "SELECT url, error FROM fetch_log WHERE error IS NOT NULL")
    rejects = _table(warehouse, "SELECT stage, reason, detail FROM rejects")
    print(manifest["totals"])
    print(rows)
    print(failed)
    print(rejects)
    assert [url for url, *_ in rows] == sorted(
        [u("/r32/home1"), u("/r32/home2"), u("/r32/amp?id=1&cat=2"),
         u("/r32/smamp?id=2&cat=2"), u("/r32/video")])
    dated = {url.rsplit("/", 1)[-1]: when for url, when, *_ in rows}
    assert dated["video"].astimezone(UTC) == datetime(2024, 5, 2, 10, tzinfo=UTC)
    assert {(name, country) for *_, name, country in rows} == {("R32 Outlet", "GB")}
    assert [(url, error) for url, error in failed] == [(u("/r32/gone"), "http_404")]
    assert [(stage, reason) for stage, reason, _ in rejects] == [
        ("discover", "feed_item_no_url")]
    assert "only Media RSS content (video/mp4: https://cdn.invalid/clip.mp4)" in rejects[0][2]
    assert_run_conserves(manifest, 5, 1, 1)
