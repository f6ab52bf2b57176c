"""Fault round 15: WARC files as other tools write them, and a feed listed twice. One
whole `ingest` flow under the session's Prefect harness, over WARC files written here and
a fault server of the round's own on 127.0.0.1 (no other address).

- `wget.warc.gz` (wget `--warc-file` style: a request record before each response,
  WARC/1.0): a response record with no WARC Content-Type (skipped as a non-HTTP
  response on main: the page lost without a reject); one whose Content-Type is the page's
  own `text/html` over a whole HTTP message; one over a bare HTML page; a Heritrix
  `dns:` record (skipped, no input).
- `crawler.warc` (WARC/1.1, fractional WARC-Dates, `HTTP/2 200` status lines, a
  WARC-Target-URI in angle brackets): a payload the crawler cut (`WARC-Truncated:
  length`) inside a chunk (`bad_chunking` on main); a revisit of the bare page above's
  copy in this file; pages whose HTML has two `<html>` roots, a byte-order mark in the
  middle, and a `<base>` inside `<body>` (already read on main).
- a `sources.toml` whose two outlets list one feed in three spellings (as written, with
  a fragment, with the scheme in capitals): fetched three times on main (its relative
  link one article here, as urljoin lowers the scheme and drops the fragment; spellings
  of the host or its default port gave an article each, `test_remote.py`).

On main: inputs 6 = kept 4 + rejected 2 (`bad_chunking` for the cut page,
`warc_revisit_unresolved` for the revisit of a page skipped) + failed 0; the three wget
pages and the original of the revisit skipped unseen, the feed fetched three times.
"""

from __future__ import annotations

import gzip

import pytest

from tests.integration.faultserver import FaultServer, assert_run_conserves, story, story_paragraphs
from tests.integration.test_fetch_faults import settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on


def http(html: str, status: str = "HTTP/1.1 200 OK", extra: str = "") -> bytes:
    return (f"{status}\r\nContent-Type: text/html; charset=utf-8\r\n{extra}\r\n").encode() \
        + html.encode()


def record(rtype: str, uri: str, block: bytes, rid: str, *, version: str = "1.0",
           ctype: str | None = "application/http; msgtype=response", extra: str = "",
           date: str = "2024-05-01T10:00:00Z") -> bytes:
    head = (f"WARC/{version}\r\nWARC-Type: {rtype}\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\n"
            f"WARC-Date: {date}\r\nWARC-Target-URI: {uri}\r\n{extra}"
            + (f"Content-Type: {ctype}\r\n" if ctype is not None else "")
            + f"Content-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


def request(uri: str, rid: str) -> bytes:
    path = "/" + uri.split("/", 3)[3]
    block = f"GET {path} HTTP/1.1\r\nHost: w.example\r\nUser-Agent: Wget/1.21\r\n\r\n".encode()
    return record("request", uri, block, rid, ctype="application/http; msgtype=request")


def wget_warc() -> bytes:
    """Each record its own gzip member, as wget writes them."""
    bare = story("bare", "A bare page")
    records = [
        request("https://w.example/untyped", "q1"),
        record("response", "https://w.example/untyped", http(story("untyped", "Untyped")),
               "r1", ctype=None),
        request("https://w.example/own-type", "q2"),
        record("response", "https://w.example/own-type", http(story("own", "Own type")),
               "r2", ctype="text/html"),
        record("response", "https://w.example/bare", bare.encode(), "r3", ctype="text/html"),
        record("response", "dns:w.example", b"20240501100000\nw.example.\t300\tIN\tA\t"
               b"192.0.2.7\n", "d1", ctype="text/dns"),
    ]
    return b"".join(gzip.compress(r) for r in records)


def crawler_warc() -> bytes:
    whole = story("cut", "Cut by the crawler")
    chunked = (b"HTTP/2 200\r\ncontent-type: text/html\r\ntransfer-encoding: chunked\r\n\r\n"
               + b"%x\r\n" % len(whole) + whole.encode()[: len(whole) * 2 // 3])
    two_roots = story("first", "First root") + story("second", "Second root")
    bom = story("bom", "A mark inside",
                body=story_paragraphs("bom") + "\ufeff" + story_paragraphs("more"))
    based = story("based", "Based in body",
                  body='<base href="https://elsewhere.example/x/">' + story_paragraphs("based"))
    date = "2024-05-01T10:00:00.123456Z"
    return b"".join([
        record("response", "<https://c.example/cut>", chunked, "c1", version="1.1",
               extra="WARC-Truncated: length\r\n", date=date),
        record("response", "https://c.example/orig", http(story("orig", "Original"),
                                                          "HTTP/2 200"), "c2", version="1.1",
               ctype="text/html", date=date),
        record("revisit", "https://c.example/again", b"", "c3", version="1.1", ctype=None,
               extra="WARC-Refers-To: <urn:uuid:c2>\r\nWARC-Profile: http://netpreserve.org/"
               "warc/1.1/revisit/identical-payload-digest\r\n", date=date),
        record("response", "https://c.example/two-roots", http(two_roots), "c4",
               version="1.1", date=date),
        record("response", "https://c.example/bom", http(bom), "c5", version="1.1", date=date),
        record("response", "https://c.example/based", http(based), "c6", version="1.1",
               date=date),
    ])


class Round15Server(FaultServer):
    """The round's routes under /r15/; any other path is the shared fault server's."""

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        path = target.split("?", 1)[0]
        if path == "/r15/feed.xml":
            self.feed_fetches = getattr(self, "feed_fetches", 0) + 1
            body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Round 15</title>'
                    "<item><title>Listed</title><link>/r15/listed</link></item>"
                    "</channel></rss>")
            await self._send(writer, "200 OK", body.encode(), "application/rss+xml")
        elif path.startswith("/r15/"):
            slug = path.rsplit("/", 1)[-1]
            await self._send(writer, "200 OK", story(slug, f"Story {slug}").encode())
        else:
            await super()._respond(ip, target, headers, writer)


@pytest.fixture(scope="module")
def server15():
    srv = Round15Server([HOST]).start()
    yield srv
    srv.stop()


def test_an_ingest_of_the_rounds_faults_loses_nothing(
        prefect_harness, server15, tmp_path, warehouse) -> None:
    """Now: every page the WARC files hold and the feed's one article kept, nothing a
    reject or a failed fetch; inputs = kept + rejected + failed, every data test at 0.
    On main (measured, main's files put back): see RELIABILITY.md, round 15."""
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    feed = server15.url(HOST, "/r15/feed.xml")
    spelled = feed.replace("http://127.0.0.1:", "HTTP://127.0.0.1:")
    (tmp_path / "wget.warc.gz").write_bytes(wget_warc())
    (tmp_path / "crawler.warc").write_bytes(crawler_warc())
    (tmp_path / "sources.toml").write_text(
        f'[[source]]\nname = "Desk"\ndelay_s = 0\nfeeds = ["{feed}", "{feed}#latest"]\n'
        f'[[source]]\nname = "Desk again"\ndelay_s = 0\nfeeds = ["{spelled}"]\n')
    manifest = ingest(inputs=[str(tmp_path / "wget.warc.gz"), str(tmp_path / "crawler.warc"),
                              str(tmp_path / "sources.toml")], settings=settings(warehouse))

    kept = {url for (url,) in _table(warehouse, "SELECT url FROM articles")}
    assert kept == {"https://w.example/untyped", "https://w.example/own-type",
                    "https://w.example/bare", "https://c.example/cut", "https://c.example/orig",
                    "https://c.example/again", "https://c.example/two-roots",
                    "https://c.example/bom", "https://c.example/based",
                    server15.url(HOST, "/r15/listed")}
    assert server15.feed_fetches == 1
    texts = dict(_table(warehouse, "SELECT url, text FROM articles"))
    assert "the cut plan for the 1th time" in texts["https://c.example/cut"]
    # the article read from the crawler's cut payload says it is the page's head only
    cut = dict(_table(warehouse, "SELECT url, payload_truncated FROM articles"))
    assert {u: why for u, why in cut.items() if why} == {"https://c.example/cut": "length"}
    assert "\ufeff" not in texts["https://c.example/bom"]
    assert "the more plan" in texts["https://c.example/bom"]
    rejects = sorted(_table(warehouse, "SELECT reason, detail FROM rejects"))
    assert rejects == []
    errors = [e for (e,) in _table(warehouse, "SELECT error FROM fetch_log") if e]
    assert errors == []
    assert_run_conserves(manifest, len(kept), 0, 0)
