"""Fault round 13: invisible characters at the edges of URLs wherever URLs enter (a feed
link, a sitemap <loc>, a URL list line, a meta refresh), a feed of more items than a
feed is read for, and text dumps with stray windows-1252 bytes or with the next
article's header glued to a body line. Served by a fault server of the round's own on
127.0.0.1 (no other address), through one whole `ingest` flow under the session's
Prefect harness.

- `/r13/feed.xml`: an RSS feed whose links carry a zero-width space before
  "https://...", a word joiner after the address, a left-to-right mark around a relative
  link (`&#8203;` among them), and one item with no link. feedparser joined the first
  to the feed's folder (`/r13/\u200bhttps:/...`, a 404), the others were other pages.
- `/r13/sitemap.xml`: a `<loc>` with a zero-width space before the address (made
  relative: a 404) and a bidi mark after one (another page).
- `/r13/moved`: a page whose meta refresh names "\u200bhttps://..." (w3lib encodes it
  and joins it to the page's folder: a 404).
- `/r13/big.xml`: a feed of more items than the cap (patched to 4 here; 10,000 in use).
- a `.urls` list whose lines carry invisible characters at their ends (a leading one was
  a `bad_url` reject, a trailing one another page);
- a dump with a `\x93quote\x94` in windows-1252 (a `bad_encoding` reject of the
  article), and a file of two dumps where the newline before the second header was lost
  (the second article stored inside the first's text).
"""

from __future__ import annotations

import pytest

from tests.integration.faultserver import PROSE, FaultServer, assert_run_conserves, story
from tests.integration.test_fetch_faults import settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on
ZW, WJ, LRM = "\u200b", "\u2060", "\u200e"
CAP = 4  # MAX_FEED_ITEMS for this test


class Round13Server(FaultServer):
    """The round's routes under /r13/; any other path is the shared fault server's."""

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        path = target.split("?", 1)[0]
        base = self.url(HOST, "")
        xml = "application/xml"
        if path == "/r13/feed.xml":
            items = (f"<item><title>A</title><link>{ZW}{base}/r13/a</link></item>"
                     f"<item><title>B</title><link>{base}/r13/b{WJ}</link></item>"
                     f"<item><title>C</title><link>{LRM}/r13/c&#8203;</link></item>"
                     "<item><title>No link</title><description>x</description></item>")
            body = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                    f"<title>Round 13</title>{items}</channel></rss>")
            await self._send(writer, "200 OK", body.encode(), "application/rss+xml")
        elif path == "/r13/sitemap.xml":
            body = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/'
                    f'sitemap/0.9"><url><loc>{ZW}{base}/r13/d</loc></url>'
                    f"<url><loc>{base}/r13/e{LRM}</loc></url></urlset>")
            await self._send(writer, "200 OK", body.encode(), xml)
        elif path == "/r13/big.xml":
            items = "".join(f"<item><title>Big {i}</title><link>{base}/r13/big/{i}</link>"
                            "</item>" for i in range(CAP + 3))
            body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>'
                    f"{items}</channel></rss>")
            await self._send(writer, "200 OK", body.encode(), "application/rss+xml")
        elif path == "/r13/moved":
            head = f'<meta http-equiv="refresh" content="0; url={ZW}{base}/r13/f">'
            await self._send(writer, "200 OK", story("moved", "Moved", head).encode())
        elif path.startswith("/r13/") and "\u200b" not in path and "%" not in path:
            slug = path.rsplit("/", 1)[-1]
            await self._send(writer, "200 OK", story(slug, f"Story {slug}").encode())
        elif path.startswith("/r13/"):
            await self._send(writer, "404 Not Found", b"no such page", "text/plain")
        else:
            await super()._respond(ip, target, headers, writer)


@pytest.fixture(scope="module")
def server13():
    srv = Round13Server([HOST]).start()
    yield srv
    srv.stop()


def test_an_ingest_of_the_rounds_faults_loses_nothing(
        prefect_harness, server13, tmp_path, warehouse, monkeypatch) -> None:
    """Now: every article the inputs name is kept under its own address, the feed's item
    without a link and the big feed's items past the cap are named in `rejects`, nothing
    is a 404; inputs = kept + rejected + failed, every data test at 0. On main (measured,
    main's files put back): see RELIABILITY.md, round 13."""
    import tasks.discover.feeds as feeds
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    monkeypatch.setattr(feeds, "MAX_FEED_ITEMS", CAP, raising=False)
    u = lambda p: server13.url(HOST, p)  # noqa: E731
    urls = tmp_path / "pasted.urls"
    urls.write_text(f"{ZW}{u('/r13/g')}\n{u('/r13/h')}{WJ}\n{LRM}{u('/r13/i')}{ZW} # desk\n",
                    encoding="utf-8")
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes(" date 2024-05-28 https://dumps.example/2024/05/cafe.html\n"
                      f"Zürich café\n{PROSE}The council said “no” on Tuesday.".encode()
                      + b" Then the mayor said \x93we will see\x94 at the caf\xe9.\n")
    glued = tmp_path / "glued.txt"
    glued.write_text(" date 2024-05-28 https://dumps.example/2024/05/one.html\nOne\n"
                     f"{PROSE}The first article's body ends here."
                     " date 2024-05-29 https://dumps.example/2024/05/two.html\nTwo\n"
                     f"{PROSE}The second article's body.\n", encoding="utf-8")
    manifest = ingest(inputs=[f"feed:{u('/r13/feed.xml')}", f"sitemap:{u('/r13/sitemap.xml')}",
                              f"feed:{u('/r13/big.xml')}", u("/r13/moved"), str(urls),
                              str(mixed), str(glued)],
                      settings=settings(warehouse))

    kept = {url for (url,) in _table(warehouse, "SELECT url FROM articles")}
    assert kept == {*(u(f"/r13/{s}") for s in "abcdeghi"), u("/r13/moved"),
                    *(u(f"/r13/big/{i}") for i in range(CAP)),
                    "https://dumps.example/2024/05/cafe.html",
                    "https://dumps.example/2024/05/one.html",
                    "https://dumps.example/2024/05/two.html"}
    # the refresh was followed to its own address
    final = dict(_table(warehouse, "SELECT url, final_url FROM fetch_log"))
    assert final[u("/r13/moved")] == u("/r13/f")
    texts = dict(_table(warehouse, "SELECT url, text FROM articles WHERE url LIKE "
                                   "'https://dumps.example/%'"))
    assert "“we will see” at the café" in texts["https://dumps.example/2024/05/cafe.html"]
    assert "date 2024" not in texts["https://dumps.example/2024/05/one.html"]
    rejects = sorted(_table(warehouse, "SELECT reason, detail FROM rejects"))
    assert [r for r, _ in rejects] == ["feed_item_cap", "feed_item_no_url"], rejects
    errors = [e for (e,) in _table(warehouse, "SELECT error FROM fetch_log") if e]
    assert errors == []
    assert_run_conserves(manifest, len(kept), 2, 0)
