"""Fault round 21: a cache's slice under a 200, a charset inside another parameter's
quotes, one server under two spellings of its name, URLs pasted from sentences, and a
dump header glued to a body line with an unpadded date. One whole `ingest` flow under
the session's Prefect harness, over a fault server of the round's own on 127.0.0.1 (no
other address; the names `r21.example` and `r21.example.` are made to resolve to it in
this process, nothing is looked up):
- `/r21/slice`: a 200 holding the first 1,000 bytes of the page and the Content-Range of
  that part, as a cache that fills itself by ranges answers (on main kept as the page,
  the story cut);
- `/r21/koi8`: a Russian story under `text/html; profile="...;charset=iso-8859-1";
  charset=koi8-r` (on main read as windows-1252: every letter wrong);
- `/r21/c` and `/r21/d` under `r21.example` and `r21.example.` (on main two hosts: two
  robots.txt, no delay between them);
- a URL list whose lines end in a full stop or sit in brackets, pasted from notes (on
  main fetched as other pages: the 404s);
- a file of two dumps whose second header is glued to the first's last body line, its
  date unpadded (on main the second article glued into the first's text);
- `/r21/php`: a story under `Content-Type: text/html charset=utf-8` (PHP's classic, the
  semicolon forgotten; on main `unsupported_content_type`);
- `sitemap:/r21/sitemap.xml`: a news sitemap whose `<loc>` holds `caf&eacute;` and whose
  news title holds `&eacute;` (on main the address cut at the reference: a 404);
- `/r21/gone`: the site's "Page not found" page served with a 200 for a removed story (a
  soft 404; on main kept as an article of its apology and "most read" teasers);
- `feed:/r21/feed.xml`: an RSS item dated "Fri, 03 May 2024 10:00:00 CEST" for a page
  that shows no date of its own (on main 10:00 UTC, two hours late).
"""

from __future__ import annotations

import socket
from datetime import UTC, datetime

import pytest

from tests.integration.faultserver import FaultServer, assert_run_conserves, story_paragraphs
from tests.integration.test_fetch_faults import settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on
RU_LINE = "Городской совет встретился в пятницу и обсудил бюджет порта."
BODY = ("The council met on Tuesday and debated the budget for the harbour at length. "
        "Members asked how the new quay would be paid for, and the treasurer said the city "
        "would borrow half of it over twenty years at a fixed rate.")


SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>BASE/caf&eacute;</loc><news:news><news:publication><news:name>R21</news:name>
<news:language>fr</news:language></news:publication>
<news:publication_date>2024-05-03</news:publication_date>
<news:title>Le caf&eacute; du port rouvre</news:title></news:news></url>
</urlset>"""


FEED = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>R21</title>
<link>BASE/</link><item><title>Story e</title><link>BASE/e</link>
<pubDate>Fri, 03 May 2024 10:00:00 CEST</pubDate></item></channel></rss>"""
GONE = ("<html><head><title>Page not found | The Gazette</title></head><body><header><nav>"
        "<a href='/'>Home</a></nav></header><main><h1>Sorry, we couldn't find that page</h1>"
        "<p>The page you are looking for may have been moved, deleted, or may never have "
        "existed. Try searching our site or start again from the home page.</p><h2>Most read"
        "</h2><ul>" + "".join(
            f"<li><a href='/2024/05/story-{i}.html'>Story {i}: the council debates the harbour"
            f" budget for the {i}th time</a><p>Members of the council met again on Tuesday to "
            f"discuss plan {i}, which would cost {i + 3} million euros over {i + 2} years.</p>"
            "</li>" for i in range(10)) + "</ul></main><footer>Gazette</footer></body></html>")


def page(slug: str, lead: str = "") -> str:
    return (f"<html><head><title>Story {slug}</title></head><body><article><h1>Story {slug}"
            f"</h1><p>{lead}</p>{story_paragraphs(slug)}</article></body></html>")


class Round21Server(FaultServer):
    """The round's routes under /r21/; any other path is the shared fault server's."""

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        path = target.partition("?")[0]
        if path == "/r21/slice":
            whole = page("slice").encode()
            await self._send(writer, "200 OK", whole[:1000],
                             extra=[("Content-Range", f"bytes 0-999/{len(whole)}")])
        elif path == "/r21/koi8":
            await self._send(writer, "200 OK", page("koi8", RU_LINE).encode("koi8-r"),
                             'text/html; profile="https://r21.example/p;charset=iso-8859-1";'
                             " charset=koi8-r")
        elif path in ("/r21/a", "/r21/b", "/r21/c", "/r21/d"):
            await self._send(writer, "200 OK", page(path[-1]).encode())
        elif path == "/r21/php":
            await self._send(writer, "200 OK", page("php").encode(), "text/html charset=utf-8")
        elif path == "/r21/sitemap.xml":
            base = f"http://{ip}:{self.port}/r21"
            await self._send(writer, "200 OK", SITEMAP.replace("BASE", base).encode(),
                             "application/xml")
        elif path == "/r21/feed.xml":
            base = f"http://{ip}:{self.port}/r21"
            await self._send(writer, "200 OK", FEED.replace("BASE", base).encode(),
                             "application/rss+xml")
        elif path == "/r21/e":
            await self._send(writer, "200 OK", page("e").encode())
        elif path == "/r21/gone":
            await self._send(writer, "200 OK", GONE.encode())
        elif path == "/r21/caf%C3%A9":
            await self._send(writer, "200 OK", page("cafe").encode())
        elif path.startswith("/r21/"):
            await self._send(writer, "404 Not Found", b"<html><body>Not found</body></html>")
        else:
            await super()._respond(ip, target, headers, writer)


@pytest.fixture(scope="module")
def server21():
    srv = Round21Server([HOST]).start()
    yield srv
    srv.stop()


def test_an_ingest_of_the_rounds_inputs_loses_nothing(
        prefect_harness, server21, tmp_path, warehouse, monkeypatch) -> None:
    """Now: eight stories (the feed's dated in its zone) and the two dumps kept whole, the
    slice one failed fetch (`partial_content`), the soft 404 one reject
    (`not_found_page`); inputs = kept + rejected + failed, every data test at 0. On main
    (measured, main's files put back): see RELIABILITY.md, round 21."""
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    real = socket.getaddrinfo

    def loopback(host, *args, **kwargs):  # r21.example (either spelling) is the server
        name = host.decode() if isinstance(host, bytes) else host
        return real("127.0.0.1" if name in ("r21.example", "r21.example.") else host,
                    *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", loopback)

    def u(slug: str) -> str:
        return server21.url(HOST, f"/r21/{slug}")

    named = {"c": f"http://r21.example:{server21.port}/r21/c",
             "d": f"http://r21.example.:{server21.port}/r21/d"}
    (tmp_path / "pasted.urls").write_text(
        f"{u('slice')}\n{u('koi8')}\n{u('a')}.\n({u('b')})\n{named['c']}\n{named['d']},\n"
        f"{u('php')}\n{u('gone')}\n")
    (tmp_path / "two.txt").write_text(
        " date 2024-05-01 https://dumps.example/one\nOne\n\n" + BODY
        + " date 2024-5-3 https://dumps.example/two\nTwo\n\n" + BODY.replace("Tues", "Fri"))

    manifest = ingest(inputs=[str(tmp_path / "pasted.urls"), str(tmp_path / "two.txt"),
                              f"sitemap:{u('sitemap.xml')}", f"feed:{u('feed.xml')}"],
                      settings=settings(warehouse, per_host_delay_s=0.3,
                                        per_host_concurrency=1))

    texts = dict(_table(warehouse, "SELECT url, text FROM articles"))
    assert set(texts) == {u("koi8"), u("a"), u("b"), *named.values(), u("php"), u("café"), u("e"),
                          "https://dumps.example/one", "https://dumps.example/two"}
    assert RU_LINE in texts[u("koi8")]
    assert texts["https://dumps.example/one"] == BODY  # the second not glued on
    assert "Friday" in texts["https://dumps.example/two"]
    assert _table(warehouse, "SELECT url, reason FROM rejects") == [(u("gone"), "not_found_page")]
    failures = _table(warehouse, "SELECT url, status, error, error_detail FROM fetch_log "
                                 "WHERE error IS NOT NULL")
    assert [(url, status, error) for url, status, error, _ in failures] == [
        (u("slice"), 200, "partial_content")]
    assert "a part of the page (bytes 0-999 of" in failures[0][3]
    named_hits = sorted((h.start, h.path) for h in server21.hits_for(HOST)
                        if h.headers.get("host", "").startswith("r21.example"))
    assert [p for _, p in named_hits].count("/robots.txt") == 1  # one server, one file
    starts = [t for t, p in named_hits if p in ("/r21/c", "/r21/d")]
    assert len(starts) == 2 and abs(starts[1] - starts[0]) >= 0.15  # the delay kept
    assert _table(warehouse, f"SELECT published_at FROM articles WHERE url = '{u('e')}'") == [
        (datetime(2024, 5, 3, 8, tzinfo=UTC),)]  # 10:00 CEST
    assert_run_conserves(manifest, 10, 1, 1)
