"""Fault round 14: documents written in UTF-16 or UTF-32 wherever documents enter (a feed,
a sitemap, a URL list and a dump saved without a byte-order mark, the sources file as
Notepad saves "Unicode"), a `<base href>` holding character references, a dump whose
title sits on its header line and whose body carries terminal colour codes, URL list
lines between delimiters, and a Location header carrying invisible characters as raw
UTF-8 bytes. Served by a fault server of the round's own on 127.0.0.1 (no other
address), through one whole `ingest` flow under the session's Prefect harness.

- `/r14/feed16.xml`: an RSS feed in UTF-16 (`charset=utf-16`), one link opening with a
  zero-width space, one relative link ending in a word joiner. Every item was lost as
  one `feed_truncated` reject ("kept the 0 entries before the cut").
- `/r14/dotnet.xml`: a UTF-8 feed declaring `encoding="utf-16"` (.NET's XmlWriter over a
  StringWriter): `not_a_feed` "not well-formed (invalid token)".
- `/r14/sitemap32.xml`: a sitemap in UTF-32 with its BOM (`not_a_sitemap`).
- `/r14/based`: a page whose `<base href="/r14/news&amp;more/">` and a meta refresh to
  "d": w3lib hands the href over as written, the refresh went to `/r14/news&amp;more/d`.
- `/r14/zw-location`: a 302 whose Location carries a zero-width space at both ends as raw
  UTF-8 bytes (round 13's known item; aiohttp hands it over as text: already trimmed).
- a `.urls` list in UTF-16LE without a BOM, its lines `<https://...>` and `"https://..."`;
- a `sources.toml` in UTF-16 (`bad_sources_file` on main);
- a dump file in UTF-16BE without a BOM holding two dumps whose titles sit on their
  header lines, one body in terminal colours.
"""

from __future__ import annotations

import pytest

from tests.integration.faultserver import PROSE, FaultServer, assert_run_conserves, story
from tests.integration.test_fetch_faults import settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on
ZW, WJ = "\u200b", "\u2060"


class Round14Server(FaultServer):
    """The round's routes under /r14/; any other path is the shared fault server's."""

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        path = target.split("?", 1)[0]
        base = self.url(HOST, "")
        if path == "/r14/feed16.xml":
            items = (f"<item><title>A</title><link>{ZW}{base}/r14/a</link></item>"
                     f"<item><title>B</title><link>/r14/b{WJ}</link></item>")
            body = (f'<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel>'
                    f"<title>Round 14</title>{items}</channel></rss>")
            await self._send(writer, "200 OK", body.encode("utf-16"),
                             "application/rss+xml; charset=utf-16")
        elif path == "/r14/dotnet.xml":
            body = ('<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel>'
                    f"<title>.NET</title><item><title>I</title><link>{base}/r14/i</link>"
                    "</item></channel></rss>")
            await self._send(writer, "200 OK", body.encode(), "application/rss+xml")
        elif path == "/r14/sitemap32.xml":
            body = ('<?xml version="1.0" encoding="utf-32"?><urlset xmlns="http://www.'
                    f'sitemaps.org/schemas/sitemap/0.9"><url><loc>{base}/r14/c</loc></url>'
                    "</urlset>")
            await self._send(writer, "200 OK", body.encode("utf-32"), "application/xml")
        elif path == "/r14/based":
            head = ('<base href="/r14/news&amp;more/">'
                    '<meta http-equiv="refresh" content="0; url=d">')
            await self._send(writer, "200 OK", story("based", "Based", head).encode())
        elif path == "/r14/zw-location":
            writer.write(b"HTTP/1.1 302 Found\r\nLocation: " + f"{ZW}/r14/e{ZW}".encode()
                         + b"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            await writer.drain()
        elif path.startswith("/r14/") and not any(c in path for c in "%;\u200b\u2060"):
            slug = path.rsplit("/", 1)[-1]
            await self._send(writer, "200 OK", story(slug, f"Story {slug}").encode())
        elif path.startswith("/r14/"):
            await self._send(writer, "404 Not Found", b"no such page", "text/plain")
        else:
            await super()._respond(ip, target, headers, writer)


@pytest.fixture(scope="module")
def server14():
    srv = Round14Server([HOST]).start()
    yield srv
    srv.stop()


def test_an_ingest_of_the_rounds_faults_loses_nothing(
        prefect_harness, server14, tmp_path, warehouse) -> None:
    """Now: every article the inputs name is kept under its own address, nothing is a
    reject or a failed fetch; inputs = kept + rejected + failed, every data test at 0.
    On main (measured, main's files put back): see RELIABILITY.md, round 14."""
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    u = lambda p: server14.url(HOST, p)  # noqa: E731
    urls = tmp_path / "export.urls"
    urls.write_bytes(f"<{u('/r14/f')}>\r\n\"{u('/r14/g')}\"\r\n".encode("utf-16-le"))
    sources = tmp_path / "sources.toml"
    sources.write_bytes(f'[[source]]\r\nname = "Desk"\r\ndelay_s = 0\r\nurls = ["{u("/r14/h")}"]'
                        "\r\n".encode("utf-16"))
    dumps = tmp_path / "titled.txt"
    dumps.write_bytes(
        (" date 2024-05-28 https://dumps.example/2024/05/one.html Council backs the budget\n"
         f"\x1b[1;31m{PROSE}\x1b[0m The vote was close.\n"
         " date 2024-05-29 https://dumps.example/2024/05/two.html Mayor answers\n"
         f"{PROSE}The second article's body.\n").encode("utf-16-be"))
    manifest = ingest(inputs=[f"feed:{u('/r14/feed16.xml')}", f"feed:{u('/r14/dotnet.xml')}",
                              f"sitemap:{u('/r14/sitemap32.xml')}", u("/r14/based"),
                              u("/r14/zw-location"), str(urls), str(sources), str(dumps)],
                      settings=settings(warehouse))

    kept = {url for (url,) in _table(warehouse, "SELECT url FROM articles")}
    assert kept == {*(u(f"/r14/{s}") for s in "abcfghi"), u("/r14/based"),
                    u("/r14/zw-location"), "https://dumps.example/2024/05/one.html",
                    "https://dumps.example/2024/05/two.html"}
    final = dict(_table(warehouse, "SELECT url, final_url FROM fetch_log"))
    assert final[u("/r14/based")] == u("/r14/news&more/d")
    assert final[u("/r14/zw-location")] == u("/r14/e")
    rows = {url: (title, text) for url, title, text in _table(
        warehouse, "SELECT url, title, text FROM articles WHERE url LIKE 'https://dumps.%'")}
    one_title, one_text = rows["https://dumps.example/2024/05/one.html"]
    assert one_title == "Council backs the budget"
    assert "\x1b" not in one_text and "[1;31m" not in one_text and "[0m" not in one_text
    assert rows["https://dumps.example/2024/05/two.html"][0] == "Mayor answers"
    rejects = sorted(_table(warehouse, "SELECT reason, detail FROM rejects"))
    assert rejects == []
    errors = [e for (e,) in _table(warehouse, "SELECT error FROM fetch_log") if e]
    assert errors == []
    assert_run_conserves(manifest, len(kept), 0, 0)
