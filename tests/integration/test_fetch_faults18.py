"""Fault round 18: a date inside a sentence, feeds whose entries name no page or name it
escaped for HTML, and inputs named by a variable no shell expanded. One whole `ingest`
flow under the session's Prefect harness, over a fault server of the round's own on
127.0.0.1 (no other address), a URL list named `$PAGES/pages.urls`, and a JSON Feed.
- `/r18/time`: a story whose sentence holds a `<time>` ("The line opened on <time>May
  1</time> and ..."; on main "The line opened on and ...");
- `/r18/feed.json`: a JSON Feed of three items: a permalink escaped for HTML
  (`/r18/page?id=7&amp;lang=en`: on main the page fetched was `amp;lang`'s, a 404 here,
  a `http_404` fetch failure), and a podcast episode with only an attachment (its
  `feed_item_no_url` reject said "item 'Episode 12'" and nothing of why);
- `$PAGES/pages.urls` (PAGES set to the test's folder): on main a `not_found` reject of a
  file that exists, its pages never fetched.
"""

from __future__ import annotations

import json

import pytest

from tests.integration.faultserver import FaultServer, assert_run_conserves, story_paragraphs
from tests.integration.test_fetch_faults import settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on


def page(slug: str) -> bytes:
    """The body of the page at /r18/<slug> (text/html; charset=utf-8)."""
    lead = ""
    if slug == "time":
        lead = ('<p>The new tram line opened on <time datetime="2024-05-01">1 May</time> and '
                "carried its first riders to the harbour before noon.</p>")
    return (f"<html><head><title>Story {slug}</title></head><body><article><h1>Story {slug}"
            f"</h1>{lead}{story_paragraphs(slug)}</article></body></html>").encode()


class Round18Server(FaultServer):
    """The round's routes under /r18/; any other path is the shared fault server's."""

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        path, _, query = target.partition("?")
        if path == "/r18/feed.json":
            base = f"http://{ip}:{self.port}"
            feed = {"version": "https://jsonfeed.org/version/1.1", "title": "Round 18",
                    "items": [
                        {"id": "1", "title": "Escaped",
                         "url": f"{base}/r18/page?id=7&amp;lang=en"},
                        {"id": "2", "title": "Episode 12", "attachments": [
                            {"url": f"{base}/r18/ep12.mp3", "mime_type": "audio/mpeg"}]},
                        {"id": "3", "title": "Plain", "url": f"{base}/r18/plain"}]}
            await self._send(writer, "200 OK", json.dumps(feed).encode(),
                             "application/feed+json")
        elif path == "/r18/page":
            if query == "id=7&lang=en":
                await self._send(writer, "200 OK", page("escaped"))
            else:
                await self._send(writer, "404 Not Found", b"<html><body>Not found</body></html>")
        elif path.startswith("/r18/"):
            await self._send(writer, "200 OK", page(path.rsplit("/", 1)[-1]))
        else:
            await super()._respond(ip, target, headers, writer)


@pytest.fixture(scope="module")
def server18():
    srv = Round18Server([HOST]).start()
    yield srv
    srv.stop()


def test_an_ingest_of_the_rounds_inputs_loses_nothing(
        prefect_harness, server18, tmp_path, warehouse, monkeypatch) -> None:
    """Now: every page kept with its whole text, the escaped permalink's page fetched at
    its address, the episode's reject saying why; inputs = kept + rejected + failed,
    every data test at 0. On main (measured, main's files put back): see RELIABILITY.md,
    round 18."""
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    def u(path: str) -> str:
        return server18.url(HOST, path)

    monkeypatch.setenv("PAGES", str(tmp_path))
    (tmp_path / "pages.urls").write_text(f"{u('/r18/time')}\n{u('/r18/other')}\n")
    manifest = ingest(inputs=["$PAGES/pages.urls", f"feed:{u('/r18/feed.json')}"],
                      settings=settings(warehouse))

    texts = dict(_table(warehouse, "SELECT url, text FROM articles"))
    assert set(texts) == {u("/r18/time"), u("/r18/other"), u("/r18/page?id=7&lang=en"),
                          u("/r18/plain")}
    for url, text in texts.items():
        assert "for the 8th time" in text, url
    assert ("The new tram line opened on 1 May and carried its first riders to the harbour "
            "before noon.") in texts[u("/r18/time")]
    rejects = sorted(_table(warehouse, "SELECT reason, detail FROM rejects"))
    assert rejects == [("feed_item_no_url", (
        f"item 'Episode 12': no url, only an attachment (audio/mpeg: {u('/r18/ep12.mp3')}), "
        "a media file no text is read from"))]
    errors = [e for (e,) in _table(warehouse, "SELECT error FROM fetch_log") if e]
    assert errors == []
    assert_run_conserves(manifest, 4, 1, 0)
