"""Fault round 6: what round 5 left of cut discovery inputs, then new faults of the fetch
stage, against a fault server of its own on 127.0.0.1 (no other address).

Round 5 handed over what arrived of a sitemap or feed whose transfer was cut, except
under `Content-Encoding: br` (taken for a stream without a usable prefix), except when
the chunked framing broke (`bad_chunking` was no cut), and only the last attempt's part.
Each such source was lost whole. Here each comes to discover with its whole entries, one
failed fetch and one `*_truncated` reject each, and the ledger of both stages balances;
then the same through a whole `ingest` flow. `Round6Server` adds the round's routes to
the shared `FaultServer` (tests/integration/faultserver.py) and falls back to it.
"""

from __future__ import annotations

import asyncio

import brotli
import pytest

from schemas.tables import DOCUMENTS, conform
from tasks import discover
from tasks.common.settings import settings_slice
from tests.integration.faultserver import (
    CUT_ENTRIES,
    FaultServer,
    assert_cut_sources_conserve,
    cut_document,
    cut_tag,
)
from tests.integration.test_fetch_faults import (
    by_url,
    documents,
    fetch,
    settings,
)

HOST = 1  # 127.0.0.1: the one address this round's server listens on
# path -> (kind of discovery input, the reject naming its cut, the fetch_log error)
CUT_SOURCES = {
    # under Content-Encoding: br, the transfer cut inside the 4th entry ...
    "/brcut/sitemap.txt": ("sitemap", "sitemap_truncated", "truncated"),
    "/brcut/sitemap.xml": ("sitemap", "sitemap_truncated", "truncated"),
    "/brcut/feed.xml": ("feed", "feed_truncated", "truncated"),
    # ... or the brotli data cut there in a whole transfer
    "/brstop/sitemap.xml": ("sitemap", "sitemap_truncated", "truncated"),
    # cut on the first attempt (sooner on the second), then a 503 or no headers at all
    "/cut-then-503/sitemap.txt": ("sitemap", "sitemap_truncated", "http_503"),
    "/cut-then-503/feed.xml": ("feed", "feed_truncated", "http_503"),
    "/cut-then-hang/sitemap.txt": ("sitemap", "sitemap_truncated", "timeout_headers"),
    # chunked, the chunk framing broken inside the 4th entry
    "/badchunk-src/sitemap.txt": ("sitemap", "sitemap_truncated", "bad_chunking"),
    "/badchunk-src/feed.xml": ("feed", "feed_truncated", "bad_chunking"),
    # the part before the cut, then silence until the deadline (handled since round 5)
    "/stall-src/sitemap.xml": ("sitemap", "sitemap_truncated", "timeout_body"),
}
# Short enough that the hanging attempts do not drag on, long for a loopback page.
DEADLINE = 1.5


def brotli_cut(text: bytes, at: int) -> tuple[bytes, bytes]:
    """(the whole brotli stream of `text`, its part up to a flush at `at`): the part
    decodes to exactly text[:at], as round 5's gzip cuts do with a sync flush."""
    comp = brotli.Compressor()
    sent = comp.process(text[:at]) + comp.flush()
    return sent + comp.process(text[at:]) + comp.finish(), sent


class Round6Server(FaultServer):
    """The round's routes; any other path is the shared fault server's."""

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        path = target.split("?", 1)[0]
        base = f"http://{ip}:{self.port}"
        name = path.split("/", 2)[2] if path.count("/") >= 2 else ""
        if path.startswith(("/brcut/", "/brstop/")):
            # cut_document's plain text, then brotli (flushed at the cut) over it
            ctype, whole_text, plain, _ = cut_document(name, base, cut_tag(path))
            whole, sent = brotli_cut(whole_text, len(plain))
            declared = len(whole) if path.startswith("/brcut/") else len(sent)
            writer.write(self._head("200 OK", [("Content-Type", ctype),
                                               ("Content-Length", str(declared)),
                                               ("Content-Encoding", "br")]) + sent)
            await writer.drain()
            writer.close()
        elif path.startswith(("/cut-then-503/", "/cut-then-hang/")):
            n = self._count(f"{ip}{target}")
            ctype, whole, sent, _ = cut_document(name, base, cut_tag(path))
            if n <= 2:  # the first attempt cut in the 4th entry, the second in the 2nd
                part = sent if n == 1 else sent[:len(sent) // 3]
                writer.write(self._head("200 OK", [("Content-Type", ctype),
                                                   ("Content-Length", str(len(whole)))])
                             + part)
                await writer.drain()
                writer.close()
            elif path.startswith("/cut-then-503/"):
                await self._send(writer, "503 Service Unavailable", b"busy", "text/plain")
            else:
                await asyncio.sleep(3600)
        elif path.startswith("/badchunk-src/"):
            # The text up to the cut as one good chunk, then (in a later segment, as
            # round 1's /badchunk) a chunk-size line that is no number.
            ctype, _, sent, _ = cut_document(name, base, cut_tag(path))
            writer.write(self._head("200 OK", [("Content-Type", ctype),
                                               ("Transfer-Encoding", "chunked")])
                         + b"%x\r\n" % len(sent) + sent + b"\r\n")
            await writer.drain()
            await asyncio.sleep(0.1)
            writer.write(b"ZZZ\r\nxx\r\n0\r\n\r\n")
            await writer.drain()
        elif path.startswith("/stall-src/"):  # the part before the cut, then silence
            ctype, whole, sent, _ = cut_document(name, base, cut_tag(path))
            writer.write(self._head("200 OK", [("Content-Type", ctype),
                                               ("Content-Length", str(len(whole)))]) + sent)
            await writer.drain()
            await asyncio.sleep(3600)
        elif path in ("/backslash/relative", "/backslash/absolute"):
            # an IIS-style Location with backslashes
            loc = {"relative": "\\ok\\back-relative?q=a\\b",
                   "absolute": f"{base}\\ok\\back-absolute"}[path.rsplit("/", 1)[1]]
            await self._send(writer, "302 Found", b"", extra=[("Location", loc)])
        elif path == "/te-and-cl":  # Transfer-Encoding: chunked beside a Content-Length
            page = b"<html><body><p>" + b"x" * 500 + b"</p></body></html>"
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 10\r\n"
                         b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                         + b"%x\r\n" % len(page) + page + b"\r\n0\r\n\r\n")
            await writer.drain()
        else:
            await super()._respond(ip, target, headers, writer)


@pytest.fixture(scope="module")
def server6():
    srv = Round6Server([HOST]).start()
    yield srv
    srv.stop()


def _url(server6, path: str, run: str = "") -> str:
    """A source's address; `run` (a query) makes the attempts-counting routes start
    over for each test."""
    return server6.url(HOST, path + (f"?run={run}" if run else ""))


def _arrived(server6, path: str) -> bytes:
    """The decoded text of the longest part that arrived (the first attempt's)."""
    base = f"http://127.0.0.{HOST}:{server6.port}"
    return cut_document(path.split("/", 2)[2], base, cut_tag(path))[2]


def _whole_entries(server6, path: str) -> list[str]:
    return [server6.url(HOST, f"/ok/{cut_tag(path)}-{i}") for i in range(1, CUT_ENTRIES)]


def _cfg(tmp_path):
    return settings(tmp_path, request_timeout_s=DEADLINE)


def test_the_fetch_stage_hands_over_what_arrived_of_every_cut_source(server6, tmp_path) -> None:
    """Each source: one failed fetch with its own error (the last attempt's), counted once;
    what arrived, decoded, in cut_sources: under br (it was refused: nothing), of a broken
    chunked body (bad_chunking was no cut: nothing), and the first attempt's part where
    later attempts got less or nothing (only the last attempt's was kept: nothing)."""
    urls = {p: _url(server6, p, "fetch") for p in CUT_SOURCES}
    docs = conform([{"input_key": u, "url": u, "source_kind": CUT_SOURCES[p][0], "source": u}
                    for p, u in urls.items()], DOCUMENTS, "documents")
    result = fetch(docs, _cfg(tmp_path), "run6-fetch")

    log = by_url(result.fetch_log)
    assert {p: log[u]["error"] for p, u in urls.items()} == {
        p: error for p, (_, _, error) in CUT_SOURCES.items()}
    assert result.table.num_rows == 0
    assert result.counts == {"received": len(urls), "passed": 0, "rejected": 0,
                             "failed": len(urls), "skipped": 0}
    cut = {d["url"]: d for d in result.cut_sources.to_pylist()}
    assert sorted(cut) == sorted(urls.values())
    for path, url in urls.items():
        assert cut[url]["body"] == _arrived(server6, path), path
        assert cut[url]["source_kind"] == CUT_SOURCES[path][0]
        assert log[url]["error_detail"].endswith("read for the entries before the cut"), path
        if path.startswith("/cut-then-"):
            assert log[url]["attempts"] == 3
            assert "; attempt 1 of 3 was cut (truncated): the " in log[url]["error_detail"]


def test_discovery_keeps_the_whole_entries_of_every_cut_source_and_conserves(
        server6, tmp_path) -> None:
    """discover.run through the fetcher as the discover task wires it: the 3 whole entries
    of each source, each cut named once (a text sitemap's cut line is no URL, also when
    the retries ended in a 503 or a header timeout), each source one failed fetch; the
    pages then fetched, and the ledger of both stages balances."""
    cfg = _cfg(tmp_path)
    run_id = "run6-discover"
    fetch_urls = discover.fetch_urls_via(lambda docs: fetch(docs, cfg, run_id))
    urls = {p: _url(server6, p, "discover") for p in CUT_SOURCES}
    found = discover.run([f"{CUT_SOURCES[p][0]}:{u}" for p, u in urls.items()],
                         settings_slice(discover.DiscoverConfig, cfg), run_id,
                         fetch_urls=fetch_urls)

    expected = sorted(u for p in CUT_SOURCES for u in _whole_entries(server6, p))
    assert sorted(found.table["url"].to_pylist()) == expected
    assert sorted((r["source"], r["reason"]) for r in found.rejects) == sorted(
        (urls[p], reason) for p, (_, reason, _) in CUT_SOURCES.items())
    log = by_url(found.fetch_log)
    assert {p: log[u]["error"] for p, u in urls.items()} == {
        p: error for p, (_, _, error) in CUT_SOURCES.items()}
    assert len(found.fetch_log) == len(CUT_SOURCES)
    assert any(f"{len(CUT_SOURCES)} of them cut short and read up to the cut" in n
               for n in found.notes)

    pages = fetch(found.table, cfg, run_id)
    assert_cut_sources_conserve(found, pages, len(expected), len(CUT_SOURCES))


def test_framing_faults_are_named_in_words(server6, tmp_path) -> None:
    """A head with Transfer-Encoding: chunked and a Content-Length was `bad_chunking`
    ("ClientResponseError: 400, message=\\"Transfer-Encoding can't be present with
    Content-Length ...": no chunk was read, and no server sent a 400); a broken chunk
    was `bad_chunking` with aiohttp's text ("HttpProcessingError: 400, message: Invalid
    character in chunk size: b'ZZZ' ^"). Both in words now."""
    urls = [_url(server6, "/te-and-cl"), _url(server6, "/badchunk")]
    log = by_url(fetch(documents(urls), _cfg(tmp_path), "run6-framing").fetch_log)
    # Since round 36 the chunked framing wins (RFC 9112 6.3; tasks/fetch/framing.py): the
    # page, where it was protocol_error "... both Transfer-Encoding and Content-Length".
    assert (log[urls[0]]["error"], log[urls[0]]["error_detail"]) == (None, None)
    assert log[urls[0]]["bytes"] == len(b"<html><body><p>" + b"x" * 500 + b"</p></body></html>")
    assert (log[urls[1]]["error"], log[urls[1]]["error_detail"]) == (
        "bad_chunking", "while reading the body: malformed chunked body: "
        "Invalid character in chunk size")


@pytest.mark.integration
def test_an_ingest_of_cut_sources_of_every_kind_keeps_their_whole_entries(
        prefect_harness, server6, warehouse) -> None:
    """The whole flow over a cut brotli sitemap, a feed cut then answered 503, and a
    sitemap whose chunking breaks: their whole entries are articles, each cut one reject,
    each source one failed fetch; every data test (the run's conservation among them)
    passes, and the flow's own ledger check did not fail."""
    from flows.ingest import ingest
    from tasks.storage.report import connect_views

    paths = ["/brcut/sitemap.xml", "/cut-then-503/feed.xml", "/badchunk-src/sitemap.txt"]
    urls = {p: _url(server6, p, "ingest") for p in paths}
    manifest = ingest(inputs=[f"{CUT_SOURCES[p][0]}:{u}" for p, u in urls.items()],
                      settings=_cfg(warehouse))
    con = connect_views(warehouse / "pressroom.duckdb")
    try:
        articles = sorted(r[0] for r in con.execute("SELECT url FROM articles").fetchall())
        rejects = sorted(con.execute("SELECT source, reason FROM rejects").fetchall())
        log = sorted(con.execute("SELECT url, error FROM fetch_log WHERE error IS NOT NULL")
                     .fetchall())
    finally:
        con.close()
    assert articles == sorted(u for p in paths for u in _whole_entries(server6, p))
    assert rejects == sorted((urls[p], CUT_SOURCES[p][1]) for p in paths)
    assert log == sorted((urls[p], CUT_SOURCES[p][2]) for p in paths)
    assert manifest["totals"]["failed"] == len(paths)
    assert manifest["totals"]["kept"] == len(articles)
    assert manifest["data_tests"]["runs_conserve_records"] == 0
    assert all(n == 0 for n in manifest["data_tests"].values()), manifest["data_tests"]


@pytest.mark.integration
def test_a_first_ingest_whose_every_source_fails_commits_and_the_next_runs(
        prefect_harness, server6, warehouse) -> None:
    """A fresh warehouse, a first run whose sitemap is a 404 and whose feed stays 503: it
    failed in its search-index task (FileNotFoundError: warehouse/search/indexed.json.tmp,
    no index folder yet) after committing, and so did every later run on that warehouse,
    one with a good page included. Now the failures are committed as such (fetch_log,
    conservation) and the next run keeps its page."""
    from flows.ingest import ingest
    from tasks.storage.report import connect_views

    cfg = _cfg(warehouse)
    down = {_url(server6, "/404"): "http_404", _url(server6, "/503"): "http_503"}
    first = ingest(inputs=[f"sitemap:{_url(server6, '/404')}", f"feed:{_url(server6, '/503')}"],
                   settings=cfg)
    assert first["totals"]["kept"] == 0 and first["totals"]["failed"] == 2
    assert all(n == 0 for n in first["data_tests"].values()), first["data_tests"]
    page = _url(server6, "/ok/after-a-failed-first-run")
    second = ingest(inputs=[page], settings=cfg)
    assert second["totals"]["kept"] == 1
    con = connect_views(warehouse / "pressroom.duckdb")
    try:
        assert con.execute("SELECT url FROM articles").fetchall() == [(page,)]
        assert dict(con.execute("SELECT url, error FROM fetch_log WHERE error IS NOT NULL")
                    .fetchall()) == down
    finally:
        con.close()


def test_a_location_with_backslashes_is_read_as_browsers_read_it(server6, tmp_path) -> None:
    """`Location: \\ok\\back-relative?q=a\\b` was requested as
    `/backslash/%5Cok%5Cback-relative` (http_404, the page lost); `http://host\\ok\\...` was
    a bad_redirect. Browsers read those backslashes as slashes (the query keeps its own):
    the page, under the address they would request."""
    urls = [_url(server6, "/backslash/relative"), _url(server6, "/backslash/absolute")]
    server6.reset_log()
    result = fetch(documents(urls), _cfg(tmp_path), "run6-backslash")
    log = by_url(result.fetch_log)
    assert [log[u]["error"] for u in urls] == [None, None]
    assert [log[u]["final_url"] for u in urls] == [
        server6.url(HOST, "/ok/back-relative?q=a\\b"), server6.url(HOST, "/ok/back-absolute")]
    assert result.table.num_rows == 2
    paths = [h.path.split("?")[0] for h in server6.hits_for(HOST)]
    assert "/ok/back-relative" in paths and "/ok/back-absolute" in paths
    assert not any("%5C" in p for p in paths)
