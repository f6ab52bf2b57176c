"""Fault round 19: sources listed under the wrong kind, addresses written without a
scheme, and an input file no reader takes. One whole `ingest` flow under the session's
Prefect harness, over a fault server of the round's own on 127.0.0.1 (no other address):
- `feed:/r19/news-sitemap.xml`: a news sitemap listed as a feed (on main `not_a_feed` "no
  RSS or Atom root element", its stories lost); one `<loc>` written without a scheme
  (`127.0.0.1:PORT/r19/b`: on main joined as `/r19/127.0.0.1:PORT/r19/b`, a 404);
- `sitemap:/r19/rss`: an RSS feed listed as a sitemap (on main `not_a_sitemap` "root
  element <rss>");
- `feed:/r19/feed.json`: a JSON Feed whose item `url` has no scheme (on main a 404);
- `urls.csv`: a list of URLs saved as CSV (on main a note "ignored", uncounted).
"""

from __future__ import annotations

import json

import pytest

from tests.integration.faultserver import FaultServer, assert_run_conserves, story_paragraphs
from tests.integration.test_fetch_faults import settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on
PAGES = ("a", "b", "c", "d")


def page(slug: str) -> bytes:
    return (f"<html><head><title>Story {slug}</title></head><body><article><h1>Story {slug}"
            f"</h1>{story_paragraphs(slug)}</article></body></html>").encode()


class Round19Server(FaultServer):
    """The round's routes under /r19/; any other path is the shared fault server's."""

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        path = target.partition("?")[0]
        base = f"http://{ip}:{self.port}"
        if path == "/r19/news-sitemap.xml":
            body = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns='
                    '"http://www.sitemaps.org/schemas/sitemap/0.9">'
                    f"<url><loc>{base}/r19/a</loc></url>"
                    f"<url><loc>{ip}:{self.port}/r19/b</loc></url></urlset>")
            await self._send(writer, "200 OK", body.encode(), "application/xml")
        elif path == "/r19/rss":
            body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>r19</title>'
                    f"<item><title>C</title><link>{base}/r19/c</link></item></channel></rss>")
            await self._send(writer, "200 OK", body.encode(), "application/rss+xml")
        elif path == "/r19/feed.json":
            feed = {"version": "https://jsonfeed.org/version/1.1", "title": "Round 19",
                    "items": [{"id": "d", "title": "D", "url": f"{ip}:{self.port}/r19/d"}]}
            await self._send(writer, "200 OK", json.dumps(feed).encode(),
                             "application/feed+json")
        elif path in {f"/r19/{slug}" for slug in PAGES}:
            await self._send(writer, "200 OK", page(path.rsplit("/", 1)[-1]))
        elif path.startswith("/r19/"):
            await self._send(writer, "404 Not Found", b"<html><body>Not found</body></html>")
        else:
            await super()._respond(ip, target, headers, writer)


@pytest.fixture(scope="module")
def server19():
    srv = Round19Server([HOST]).start()
    yield srv
    srv.stop()


def test_an_ingest_of_the_rounds_inputs_loses_nothing(
        prefect_harness, server19, tmp_path, warehouse) -> None:
    """Now: the four stories kept, the CSV an `unknown_input` reject saying what to do;
    inputs = kept + rejected + failed, every data test at 0. On main (measured, main's
    files put back): see RELIABILITY.md, round 19."""
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    def u(path: str) -> str:
        return server19.url(HOST, path)

    (tmp_path / "urls.csv").write_text(f"url\n{u('/r19/a')}\n")
    manifest = ingest(inputs=[f"feed:{u('/r19/news-sitemap.xml')}", f"sitemap:{u('/r19/rss')}",
                              f"feed:{u('/r19/feed.json')}", str(tmp_path / "urls.csv")],
                      settings=settings(warehouse))

    texts = dict(_table(warehouse, "SELECT url, text FROM articles"))
    assert set(texts) == {u(f"/r19/{s}") for s in PAGES}
    for url, text in texts.items():
        assert "for the 8th time" in text, url
    rejects = sorted(_table(warehouse, "SELECT reason, detail FROM rejects"))
    assert [r for r, _ in rejects] == ["unknown_input"]
    assert "save the URLs as one" in rejects[0][1]
    errors = [e for (e,) in _table(warehouse, "SELECT error FROM fetch_log") if e]
    assert errors == []
    assert_run_conserves(manifest, 4, 1, 0)
