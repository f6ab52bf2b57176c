"""Fault round 5: a discovery input (sitemap, feed, list of URLs) whose transfer is cut.

The fault server sends the head of each document, cut inside its 4th entry, under a
Content-Length of the whole (then closes the connection), or a whole transfer of gzip
data that stops there. The fetch stage keeps each such fetch a failure (`truncated` in
fetch_log, counted once) and hands what arrived to discover on a channel of its own
(`StageResult.cut_sources`); discover keeps the 3 whole entries and names the cut in a
`*_truncated` reject. An article page cut the same way stays an error and never reaches
extraction. Run through the wrapper's own wiring (fetch_documents, fetch_urls_via), then
through a whole `ingest` flow. Beside them: a header byte that is no UTF-8 (it failed the
commit of the run) and `Content-Encoding: gzip, gzip`.
"""

from __future__ import annotations

import zlib

import pytest

from schemas.tables import DOCUMENTS, FETCH_LOG, conform
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
    NORMAL_HOSTS,
    by_url,
    documents,
    fetch,
    settings,
)

HOST = NORMAL_HOSTS[0]
# path -> (kind of discovery input, the reject that names its cut)
CUT_SOURCES = {
    "/cut/sitemap.txt": ("sitemap", "sitemap_truncated"),   # a list of URLs, cut in a line
    "/cut/sitemap.xml": ("sitemap", "sitemap_truncated"),
    "/cut/feed.xml": ("feed", "feed_truncated"),
    "/cut/index.xml": ("sitemap", "sitemap_truncated"),     # an index: its whole children
    "/cut/sitemap.xml.gz": ("sitemap", "sitemap_truncated"),  # a gzip file, cut transfer
    "/cut/sitemap-ce.xml": ("sitemap", "sitemap_truncated"),  # Content-Encoding: gzip
    "/gzcut/sitemap-ce.xml": ("sitemap", "sitemap_truncated"),  # whole transfer, gzip cut
}


@pytest.fixture(scope="module")
def server5():
    srv = FaultServer(NORMAL_HOSTS).start()
    yield srv
    srv.stop()


def _url(server5, path: str) -> str:
    return server5.url(HOST, path)


def _whole_entries(server5, path: str) -> list[str]:
    """The pages a cut document lists before its cut (an index: those of its children)."""
    tag = cut_tag(path)
    middle = "-child" if path.endswith("index.xml") else ""
    return [server5.url(HOST, f"/ok/{tag}{middle}-{i}") for i in range(1, CUT_ENTRIES)]


def _sources(server5) -> list[dict]:
    return [{"input_key": _url(server5, p), "url": _url(server5, p), "source_kind": kind,
             "source": _url(server5, p)} for p, (kind, _) in CUT_SOURCES.items()]


def test_the_fetch_stage_hands_a_cut_source_over_apart_and_counts_it_failed(
        server5, tmp_path) -> None:
    """Each cut source: one fetch_log row with `truncated`, not among the pages passed on,
    counted once (failed); its body, decoded up to the cut, in cut_sources. The same cut
    document fetched as an article, and a cut article page, give nothing but the error."""
    base = f"http://127.0.0.{HOST}:{server5.port}"
    pages = [_url(server5, "/cut/sitemap.txt?as=page"), _url(server5, "/short")]
    docs = conform(_sources(server5) + [
        {"input_key": u, "url": u, "source_kind": "url", "source": "test"} for u in pages],
        DOCUMENTS, "documents")
    result = fetch(docs, settings(tmp_path), "run-cut-fetch")

    log = by_url(result.fetch_log)
    assert {u: log[u]["error"] for u in log} == {u: "truncated" for u in docs["url"].to_pylist()}
    assert result.table.num_rows == 0
    assert result.counts == {"received": 9, "passed": 0, "rejected": 0, "failed": 9,
                             "skipped": 0}
    cut = {d["url"]: d for d in result.cut_sources.to_pylist()}
    assert sorted(cut) == sorted(_url(server5, p) for p in CUT_SOURCES)  # no page among them
    for path in CUT_SOURCES:
        url = _url(server5, path)
        _, _, sent, _ = cut_document(path.split("/", 2)[2], base, cut_tag(path))
        expected = sent if path.endswith(".gz") else (  # a .gz file is data: kept as such
            zlib.decompressobj(31).decompress(sent) if "-ce" in path else sent)
        assert cut[url]["body"] == expected, path
        assert cut[url]["status"] == 200 and cut[url]["source_kind"] == CUT_SOURCES[path][0]
        assert "read for the entries before the cut" in log[url]["error_detail"], path
    for url in pages:
        assert "before the cut" not in (log[url]["error_detail"] or "")


def test_discovery_keeps_the_whole_entries_of_a_cut_source_and_conserves(
        server5, tmp_path) -> None:
    """discover.run through the fetcher as the discover task wires it: every whole entry
    of every cut source found, each cut named once, each source one failed fetch; the
    documents then fetched, and the ledger of both stages balances."""
    cfg = settings(tmp_path)
    run_id = "run-cut-discover"
    fetch_urls = discover.fetch_urls_via(lambda docs: fetch(docs, cfg, run_id))
    inputs = [f"{kind}:{_url(server5, p)}" for p, (kind, _) in CUT_SOURCES.items()]
    found = discover.run(inputs, settings_slice(discover.DiscoverConfig, cfg), run_id,
                         fetch_urls=fetch_urls)

    expected = sorted(u for p in CUT_SOURCES for u in _whole_entries(server5, p))
    assert sorted(found.table["url"].to_pylist()) == expected
    assert sorted((r["source"], r["reason"]) for r in found.rejects) == sorted(
        (_url(server5, p), reason) for p, (_, reason) in CUT_SOURCES.items())
    assert all("cut" in r["detail"] for r in found.rejects)
    log = by_url(found.fetch_log)
    assert {_url(server5, p): log[_url(server5, p)]["error"] for p in CUT_SOURCES} == {
        _url(server5, p): "truncated" for p in CUT_SOURCES}
    children = [u for u in log if "/whole-child/" in u]
    assert len(children) == CUT_ENTRIES - 1 and all(log[u]["error"] is None for u in children)
    assert len(found.fetch_log) == len(CUT_SOURCES) + len(children)  # one row per URL
    assert any("7 of them cut short and read up to the cut" in n for n in found.notes)

    pages = fetch(found.table, cfg, run_id)
    assert_cut_sources_conserve(found, pages, len(expected), len(CUT_SOURCES))


def test_header_bytes_that_are_no_utf8_reach_fetch_log_as_escapes(server5, tmp_path) -> None:
    """A Content-Type with a byte that is no UTF-8 (b"text/h\\xe9ml"): aiohttp hands it over
    as a lone surrogate, which the error detail quoted; no Arrow string holds one, so the
    batch's fetch_log could not be written (SchemaError: the run ended). Round 5 made the
    byte an escape in an `unsupported_content_type` detail; since round 21 such a value is
    no MIME type at all (é is no token character), so it supplies no type and the body is
    sniffed as browsers sniff it: an HTML page, kept as text/html, its row writable.
    `Content-Encoding: gzip, gzip` (both applied) is the page."""
    urls = [_url(server5, "/ctype-raw-byte"), _url(server5, "/gzip-gzip")]
    result = fetch(documents(urls), settings(tmp_path), "run-raw-header")
    log = by_url(result.fetch_log)
    assert (log[urls[0]]["error"], log[urls[0]]["content_type"]) == (None, "text/html")
    conform(result.fetch_log, FETCH_LOG, "fetch_log")  # raised SchemaError before
    assert log[urls[1]]["error"] is None
    pages = {p["url"]: p for p in result.table.to_pylist()}
    assert sorted(pages) == sorted(urls)
    assert all(p["body"].endswith(b"</html>") for p in pages.values())


@pytest.mark.integration
def test_an_ingest_of_cut_sources_keeps_their_whole_entries(
        prefect_harness, server5, warehouse) -> None:
    """The whole flow: a cut sitemap and a cut feed; their whole entries are articles,
    each cut one reject, each source one failed fetch; the run's ledger balanced (the
    flow fails loudly otherwise). A page whose Content-Type holds a byte that is no UTF-8
    beside them: its row committed (the commit raised SchemaError); since round 21 the
    value is no MIME type, the body is sniffed, and the page is an article."""
    from flows.ingest import ingest
    from tasks.storage.report import connect_views

    paths = ["/cut/sitemap.xml", "/cut/feed.xml"]
    raw = _url(server5, "/ctype-raw-byte")  # its fetch_log row ended the run at commit
    cfg = settings(warehouse)
    manifest = ingest(inputs=[f"{CUT_SOURCES[p][0]}:{_url(server5, p)}" for p in paths]
                      + [raw], settings=cfg)
    con = connect_views(warehouse / "pressroom.duckdb")
    try:
        urls = sorted(r[0] for r in con.execute("SELECT url FROM articles").fetchall())
        rejects = sorted(con.execute("SELECT source, reason FROM rejects").fetchall())
        log = con.execute("SELECT url, error FROM fetch_log").fetchall()
        raw_row = con.execute("SELECT error, error_detail FROM fetch_log WHERE url = ?",
                              [raw]).fetchall()
    finally:
        con.close()
    assert urls == sorted([raw] + [u for p in paths for u in _whole_entries(server5, p)])
    assert rejects == sorted((_url(server5, p), CUT_SOURCES[p][1]) for p in paths)
    sources = [(u, e) for u, e in log if "/cut/" in u]
    assert sorted(sources) == sorted((_url(server5, p), "truncated") for p in paths)
    assert raw_row == [(None, None)]
    assert manifest["totals"]["failed"] == len(paths)
    assert manifest["totals"]["kept"] == len(urls)
    # every data test passes, the run's conservation among them
    assert manifest["data_tests"]["runs_conserve_records"] == 0
    assert all(n == 0 for n in manifest["data_tests"].values()), manifest["data_tests"]
