"""Fault round 17: markup read otherwise than browsers show it, WARC-Dates in converters'
forms, and inputs as a deployment or a person names them. One whole `ingest` flow under
the session's Prefect harness, over a fault server of the round's own on 127.0.0.1 (no
other address), a `.txt` list of its pages named under `~`, and a WARC file written here.
- `/r17/xhtml-prefix`: XHTML written with a namespace prefix (`<h:html><h:body><h:p>`:
  `extraction_failed` "no main text found" on main);
- `/r17/noframes`: a frameset page whose `<noframes>` holds the story (on main a reject
  naming its frames, the story never read);
- `/r17/xmp`: a story with a code sample in `<xmp>` (the sample left out on main);
- `/r17/q`: a story quoting its mayor in `<q>` (on main the sentence cut into three
  lines, the marks lost, and no quote found by the quote step);
- `pages.txt`, named `~/pages.txt` (HOME is the test's folder): the URL list of the four
  pages, saved as `.txt` (on main one `missing_header` reject: every URL lost; and `~`
  a `not_found` reject, no shell having expanded it);
- `converted.warc`: two pages whose WARC-Dates are ARC's 14 digits and a day alone (kept
  on main, with no capture time).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.integration.faultserver import FaultServer, assert_run_conserves, story_paragraphs
from tests.integration.test_fetch_faults import settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on


def page(slug: str) -> bytes:
    """The body of the page at /r17/<slug> (text/html; charset=utf-8)."""
    paragraphs = story_paragraphs(slug)
    if slug == "xhtml-prefix":
        p = paragraphs.replace("<p>", "<h:p>").replace("</p>", "</h:p>")
        return ('<?xml version="1.0" encoding="utf-8"?>\n<h:html xmlns:h="http://www.w3.org/'
                f'1999/xhtml"><h:head><h:title>Story {slug}</h:title></h:head><h:body>'
                f"<h:h1>Story {slug}</h:h1>{p}</h:body></h:html>").encode()
    if slug == "noframes":
        return (f"<html><head><title>Story {slug}</title></head><frameset cols='20%,80%'>"
                "<frame src='menu.html'><frame src='main.html'><noframes><body><h1>Story "
                f"{slug}</h1>{paragraphs}</body></noframes></frameset></html>").encode()
    if slug == "xmp":
        return (f"<html><head><title>Story {slug}</title></head><body><article><h1>Story "
                f"{slug}</h1>{paragraphs}<xmp>if (votes < quorum) {{ adjourn(); }}</xmp>"
                "</article></body></html>").encode()
    if slug == "q":
        return (f"<html><head><title>Story {slug}</title></head><body><article><h1>Story "
                f"{slug}</h1><p>The line opens in May. <q>We will build it on time and on "
                "budget, whatever the weather</q>, said Mayor Anna Berg.</p>"
                f"{paragraphs}</article></body></html>").encode()
    raise KeyError(slug)


SLUGS = ["xhtml-prefix", "noframes", "xmp", "q"]


def warc_record(uri: str, date: str, n: int) -> bytes:
    block = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
             + (f"<html><head><title>Archived {n}</title></head><body><article><h1>"
                f"Archived {n}</h1>{story_paragraphs(f'archived-{n}')}</article></body>"
                "</html>").encode())
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:r17-{n}>\r\n"
            f"WARC-Date: {date}\r\nWARC-Target-URI: {uri}\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


class Round17Server(FaultServer):
    """The round's routes under /r17/; any other path is the shared fault server's."""

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        path = target.split("?", 1)[0]
        if path.startswith("/r17/"):
            await self._send(writer, "200 OK", page(path.rsplit("/", 1)[-1]))
        else:
            await super()._respond(ip, target, headers, writer)


@pytest.fixture(scope="module")
def server17():
    srv = Round17Server([HOST]).start()
    yield srv
    srv.stop()


def test_an_ingest_of_the_rounds_inputs_loses_nothing(
        prefect_harness, server17, tmp_path, warehouse, monkeypatch) -> None:
    """Now: every page kept with its whole story as a browser shows it, the archived
    pages with their capture times; inputs = kept + rejected + failed, every data test
    at 0. On main (measured, main's files put back): see RELIABILITY.md, round 17."""
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    def u(slug: str) -> str:
        return server17.url(HOST, f"/r17/{slug}")

    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "pages.txt").write_text("# today's pages\n" + "".join(
        f"{u(slug)}\n" for slug in SLUGS))
    (tmp_path / "converted.warc").write_bytes(
        warc_record("https://arc.example/one", "20240502030405", 1)
        + warc_record("https://arc.example/two", "2024-05-03", 2))
    manifest = ingest(inputs=["~/pages.txt", str(tmp_path / "converted.warc")],
                      settings=settings(warehouse))

    texts = dict(_table(warehouse, "SELECT url, text FROM articles"))
    assert set(texts) == {*map(u, SLUGS), "https://arc.example/one", "https://arc.example/two"}
    for slug in SLUGS:
        text = texts[u(slug)]
        assert all(f"the {slug} plan for the {j}th time" in text for j in (1, 8)), slug
        assert "<p>" not in text and "&lt;" not in text, slug
    assert "if (votes < quorum) { adjourn(); }" in texts[u("xmp")]
    assert ("The line opens in May. “We will build it on time and on budget, whatever the "
            "weather”, said Mayor Anna Berg.") in texts[u("q")]
    titles = dict(_table(warehouse, "SELECT url, title FROM articles"))
    assert titles[u("xhtml-prefix")] == "Story xhtml-prefix"
    quotes = dict(_table(warehouse, "SELECT url, quotes FROM articles"))
    assert [q["speaker"] for q in quotes[u("q")] or []] == ["Anna Berg"]
    fetched = dict(_table(warehouse, "SELECT url, fetched_at FROM articles"))
    assert fetched["https://arc.example/one"] == datetime(2024, 5, 2, 3, 4, 5, tzinfo=UTC)
    assert fetched["https://arc.example/two"] == datetime(2024, 5, 3, tzinfo=UTC)
    rejects = sorted(_table(warehouse, "SELECT url, reason, detail FROM rejects"))
    assert rejects == []
    errors = [e for (e,) in _table(warehouse, "SELECT error FROM fetch_log") if e]
    assert errors == []
    assert_run_conserves(manifest, len(SLUGS) + 2, 0, 0)
