"""Fault round 33: the bytes a page's encoding and opt-out signals are read from. One
whole `ingest` flow under the session's Prefect harness, over a fault server of the
round's own on 127.0.0.1 (no other address), and a WARC file of two records:
- `/r33/comment-charset`: a windows-1251 story whose template kept its old declaration
  in a comment above the new one (`<!-- <meta charset="iso-8859-1"> -->`), no charset in
  the header (on main read as windows-1252: "Ñîâåò" for "Совет");
- `/r33/comment-robots`: a story whose staging robots meta is commented out
  (`<!-- <meta name="robots" content="noai, noarchive"> -->`; on main its `rights`
  `noai, noarchive`, the text withheld and the archived body omitted);
- `/r33/og-charset`: a KOI8-R story with an `og:title` reading "charset=latin1
  explained" before its `<meta charset="koi8-r">` (on main windows-1252);
- `/r33/long-head`: a UTF-8 story after a 160 KB inlined stylesheet, under
  `charset=iso-8859-1` (on main the label believed: "ZÃ¼rich");
- `/r33/long-head-1251`: a windows-1251 story after the same stylesheet, no label
  anywhere, its title Cyrillic (on main windows-1250: every letter wrong);
- `/r33/te-cl`: a chunked page that also sends a Content-Length (`protocol_error`:
  aiohttp's parser refused it before the response was handed over; known and left, then
  read by its chunked framing since round 36, `tasks/fetch/framing.py`);
- `pages.urls` holds one junk line (`bad_url`);
- `records.warc`: the commented charset and robots metas in one archived record
  (`https://archive.example/r33/w-comment`), the long head under a latin-1 label in
  another (`.../w-long`).
"""

from __future__ import annotations

import pytest

from tests.integration.faultserver import FaultServer, assert_run_conserves
from tests.integration.test_fetch_faults import settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on
ROBOTS = "User-agent: *\nDisallow: /nothing-here\n"
STYLE = "<style>" + ".a{color:red;margin:0 auto;padding:1px}\n" * 4000 + "</style>"
GERMAN = "Zürich"
RUSSIAN = "Совет района"


def german_story(slug: str) -> str:
    return "".join(
        f"<p>In {GERMAN} hat der Stadtrat am Dienstag zum {j + 1}. Mal über den Plan "
        f"{slug} beraten; Mitglied {j + 3} sagte, er koste {j + 5} Millionen Franken über "
        f"{j + 2} Jahre, laut den Zahlen, die die Stadt veröffentlicht hat.</p>"
        for j in range(8))


def russian_story(slug: str) -> str:
    return "".join(
        f"<p>{RUSSIAN} {slug} обсудил план в {j + 1}-й раз во вторник, и депутат "
        f"{j + 3} сказал, что он обойдётся в {j + 5} миллионов рублей за {j + 2} года, "
        "согласно цифрам, которые город опубликовал на своём сайте.</p>" for j in range(8))


def html(title: str, head: str, body: str) -> str:
    return (f"<!DOCTYPE html><html><head>{head}<title>{title}</title></head><body>"
            f"<article><h1>{title}</h1>{body}</article></body></html>")


PAGES: dict[str, tuple[bytes, str]] = {
    "comment-charset": (html("Совет", '<!-- <meta charset="iso-8859-1"> -->'
                             '<meta charset="windows-1251">', russian_story("cc"))
                        .encode("cp1251"), "text/html"),
    "comment-robots": (html("Staging", '<meta charset="utf-8"><!-- <meta name="robots" '
                            'content="noai, noarchive"> -->', german_story("cr"))
                       .encode(), "text/html"),
    "og-charset": (html("Совет", '<meta property="og:title" content="charset=latin1 '
                        'explained"><meta charset="koi8-r">', russian_story("og"))
                   .encode("koi8_r"), "text/html"),
    "long-head": (html("Stadtrat", STYLE, german_story("lh")).encode(),
                  "text/html; charset=iso-8859-1"),
    "long-head-1251": (html("Совет", STYLE, russian_story("lr")).encode("cp1251"),
                       "text/html"),
}


def chunked(body: bytes) -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 500]), body[i:i + 500])
                    for i in range(0, len(body), 500)) + b"0\r\n\r\n"


class Round33Server(FaultServer):
    """The round's routes under /r33/; any other path is the shared fault server's."""

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        slug = target.partition("?")[0].removeprefix("/r33/")
        if slug in PAGES:
            body, ctype = PAGES[slug]
            await self._send(writer, "200 OK", body, ctype)
        elif slug == "te-cl":
            body = html("Both", "", german_story("te")).encode()
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                         b"Content-Length: %d\r\nTransfer-Encoding: chunked\r\n"
                         b"Connection: close\r\n\r\n" % len(body) + chunked(body))
            await writer.drain()
        elif target.startswith("/r33/"):
            await self._send(writer, "404 Not Found", b"<html><body>Not found</body></html>")
        else:
            await super()._respond(ip, target, headers, writer)


def warc_record(uri: str, n: int, body: bytes, ctype: str) -> bytes:
    block = (f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\n"
             f"Content-Length: {len(body)}\r\n\r\n").encode() + body
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            "WARC-Date: 2024-05-06T07:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:5b1d0c9e-23a3-4f43-9d6b-00000000033{n}>\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


@pytest.fixture(scope="module")
def server33():
    srv = Round33Server([HOST], robots={HOST: ROBOTS}).start()
    yield srv
    srv.stop()


def test_an_ingest_reads_each_page_in_its_encoding_and_no_commented_signal(
        prefect_harness, server33, tmp_path, warehouse) -> None:
    """Now: the five pages and both archived records kept, each text in its letters, no
    opt-out signal read from a comment; the chunked page with a Content-Length the one
    failed fetch, the junk line the one reject. On main (measured, main's files put
    back): see RELIABILITY.md, round 33."""
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    def u(slug: str) -> str:
        return server33.url(HOST, f"/r33/{slug}")

    slugs = [*PAGES, "te-cl"]
    (tmp_path / "pages.urls").write_text("".join(f"{u(s)}\n" for s in slugs) + "ht!tp://x\n")
    w_comment = html("Совет", '<!--<meta http-equiv="Content-Type" content="text/html; '
                     'charset=iso-8859-1"><meta name="robots" content="noai">-->'
                     '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">',
                     russian_story("wc")).encode("koi8_r")
    w_long = html("Stadtrat", STYLE, german_story("wl")).encode()
    (tmp_path / "records.warc").write_bytes(
        warc_record("https://archive.example/r33/w-comment", 1, w_comment, "text/html")
        + warc_record("https://archive.example/r33/w-long", 2, w_long,
                      "text/html; charset=iso-8859-1"))

    manifest = ingest(inputs=[str(tmp_path / "pages.urls"), str(tmp_path / "records.warc")],
                      settings=settings(warehouse, per_host_delay_s=0.0))

    rows = {url: (title, text, rights) for url, title, text, rights in _table(
        warehouse, "SELECT url, title, text, rights FROM articles")}
    failed = _table(warehouse, "SELECT url, error, error_detail FROM fetch_log "
                               "WHERE error IS NOT NULL")
    rejects = _table(warehouse, "SELECT stage, reason, detail FROM rejects")
    print(manifest["totals"])
    for url, (title, text, rights) in sorted(rows.items()):
        print(url, title, rights, (text or "")[:80])
    print(failed)
    print(rejects)
    archived = ["https://archive.example/r33/w-comment", "https://archive.example/r33/w-long"]
    # `te-cl` read by its chunked framing since round 36 (it was protocol_error)
    assert set(rows) == {*(u(s) for s in PAGES), u("te-cl"), *archived}
    for url, (title, text, rights) in rows.items():
        russian = "1251" in url or "charset" in url or "w-comment" in url
        assert (RUSSIAN if russian else GERMAN) in (text or ""), (url, title, text)
        assert rights == [], (url, rights)
    assert failed == []
    assert [(stage, reason) for stage, reason, _ in rejects] == [("discover", "bad_url")]
    assert_run_conserves(manifest, 8, 1, 0)
