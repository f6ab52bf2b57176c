"""Fault round 9: pages and sitemaps whose labels, codings and preambles mislead, and
archived and local inputs joined or labelled wrongly, against a fault server of its own
on 127.0.0.1 (no other address), real WARC and dump files in `tmp_path`, and one whole
`ingest` flow under the session's Prefect harness.

- An opt-out meta (`noai`, `noarchive`) in a page sent as two gzip members, gzipped
  twice under one label, labelled gzip but sent plain, or written in UTF-16: the
  fetcher's look at the head (`decoded_head`, `meta_signals`) did not read it, while the
  page decode did: the page was archived whole and its text mined.
- A `charset=utf-16le` label (header or meta) over a UTF-8 page: read as UTF-16, the page
  was CJK characters, and the extraction's "unparsable or empty HTML".
- A PHP warning printed before a sitemap's XML: `not_a_sitemap` (root `<br>`), or each
  `<url>` line fetched as a path.
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tasks import discover
from tasks.common.settings import settings_slice
from tasks.storage.archive import read_response_at
from tests.integration.faultserver import FaultServer, article
from tests.integration.test_fetch_faults import by_url, documents, fetch, settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on
RESERVED = article("Reserved").replace(
    "<head>", '<head><meta name="robots" content="noai, noarchive">', 1).encode()
# path -> (body, Content-Type, Content-Encoding) of the same reserved page
RIGHTS = {
    "/rights/members": (gzip.compress(RESERVED[:15]) + gzip.compress(RESERVED[15:]),
                        "text/html; charset=utf-8", "gzip"),
    "/rights/double-gzip": (gzip.compress(gzip.compress(RESERVED)),
                            "text/html; charset=utf-8", "gzip"),
    "/rights/gzip-plain": (RESERVED, "text/html; charset=utf-8", "gzip"),
    "/rights/utf16": (RESERVED.decode().replace('charset="utf-8"', 'charset="utf-16"')
                      .encode("utf-16"), "text/html; charset=utf-16", None),
    "/rights/plain": (RESERVED, "text/html; charset=utf-8", None),  # read on main too
}
# All ASCII: a page with non-ASCII text was already read as UTF-8 whatever its label
# (round 3's flawless-UTF-8 rule); an English page has nothing to tell it by.
ENGLISH = article("Council tram")
CHARSETS = {
    "/charset/utf16-label": (ENGLISH.encode(), "text/html; charset=utf-16le"),
    "/charset/utf16-meta": (ENGLISH.replace('charset="utf-8"', 'charset="utf-16le"').encode(),
                            "text/html"),
}
PHP_HTML = ("<br />\n<b>Warning</b>:  Cannot modify header information - headers already "
            "sent by (output started at /var/www/wp-content/plugins/x.php:12) in "
            "<b>/var/www/wp-includes/pluggable.php</b> on line <b>1435</b><br />\n")
PHP_TEXT = "PHP Notice:  Undefined index: page in /var/www/sitemap.php on line 3\n"
SITEMAPS = {"/php/sitemap.xml": PHP_HTML, "/php-text/sitemap.xml": PHP_TEXT}


def tag(path: str) -> str:
    return path.strip("/").replace("/", "_").replace(".", "_").replace("-", "_")


def urlset(base: str, path: str, n: int = 2) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "".join(f"<url><loc>{base}/ok/{tag(path)}-{i}</loc></url>\n"
                      for i in range(1, n + 1)) + "</urlset>\n")


class Round9Server(FaultServer):
    """The round's routes; any other path is the shared fault server's. `tdmrep`: the
    origin's /.well-known/tdmrep.json (None: a 404)."""

    tdmrep: bytes | None = None

    async def _respond(self, ip: str, target: str, headers: dict[str, str], writer) -> None:
        path = target.split("?", 1)[0]
        base = f"http://{ip}:{self.port}"
        if path == "/.well-known/tdmrep.json" and self.tdmrep is not None:
            await self._send(writer, "200 OK", self.tdmrep, "application/json")
        elif path in RIGHTS:
            body, ctype, coding = RIGHTS[path]
            await self._send(writer, "200 OK", body, ctype,
                             extra=[("Content-Encoding", coding)] if coding else [])
        elif path in CHARSETS:
            body, ctype = CHARSETS[path]
            await self._send(writer, "200 OK", body, ctype)
        elif path in SITEMAPS:
            await self._send(writer, "200 OK", (SITEMAPS[path] + urlset(base, path)).encode(),
                             "application/xml")
        else:
            await super()._respond(ip, target, headers, writer)


@pytest.fixture(scope="module")
def server9():
    srv = Round9Server([HOST]).start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def deep_tdmrep_server():
    """Another origin (its own port on 127.0.0.1) whose tdmrep.json is "[[[[..." nested
    100,000 deep: 200 KB, under the 256 KiB the fetcher reads of it."""
    srv = Round9Server([HOST])
    srv.tdmrep = b"[" * 100_000 + b"]" * 100_000
    srv.start()
    yield srv
    srv.stop()


def test_a_tdmrep_file_nested_too_deep_costs_no_page(deep_tdmrep_server, tmp_path) -> None:
    """On main json.loads raised RecursionError out of the page's fetch: both pages were
    `internal_error` ("RecursionError: maximum recursion depth exceeded ..."), lost. Now
    the file says nothing we can read, and the pages are fetched with no rights."""
    urls = [deep_tdmrep_server.url(HOST, f"/ok/tdm-{i}") for i in (1, 2)]
    result = fetch(documents(urls), settings(tmp_path), "run9-tdmrep")
    log = by_url(result.fetch_log)
    assert {u: (log[u]["error"], log[u]["error_detail"]) for u in urls} == {
        u: (None, None) for u in urls}
    assert result.table["rights"].to_pylist() == [[], []]
    assert any(h.path == "/.well-known/tdmrep.json" for h in deep_tdmrep_server.hits)


def test_an_opt_out_meta_is_seen_however_the_page_is_coded(server9, tmp_path) -> None:
    """Each page carries `<meta name="robots" content="noai, noarchive">`. On main only
    the plain one had its rights ([] for the other four): their bodies were archived
    whole and their text would be mined. Now every one has both signals, and the
    archive keeps their headers only (noarchive)."""
    urls = {p: server9.url(HOST, p) for p in RIGHTS}
    result = fetch(documents(list(urls.values())), settings(tmp_path), "run9-rights")
    log = by_url(result.fetch_log)
    assert {p: log[u]["error"] for p, u in urls.items()} == {p: None for p in RIGHTS}
    rights = dict(zip(result.table["url"].to_pylist(), result.table["rights"].to_pylist(),
                      strict=True))
    assert {p: rights[u] for p, u in urls.items()} == {p: ["noai", "noarchive"]
                                                        for p in RIGHTS}
    for path, url in urls.items():
        archived = read_response_at(tmp_path / log[url]["warc_file"], log[url]["warc_offset"])
        assert archived.url == url and archived.body == b"", path


def test_a_utf16_label_over_a_utf8_page_is_not_believed(server9, tmp_path) -> None:
    """On main the fetcher recorded utf-16-le for both (English, all-ASCII) pages and the
    text decoded to CJK characters; now utf-8, and the page reads as written."""
    from tasks.common.charset import decode

    urls = {p: server9.url(HOST, p) for p in CHARSETS}
    result = fetch(documents(list(urls.values())), settings(tmp_path), "run9-charset")
    rows = {r["url"]: r for r in result.table.to_pylist()}
    for path, url in urls.items():
        assert rows[url]["encoding"] == "utf-8", path
        assert "<h1>Council tram</h1><p>The council voted on Tuesday" in decode(
            rows[url]["body"], rows[url]["encoding"])


def test_a_sitemap_behind_a_php_warning_gives_its_entries(server9, tmp_path) -> None:
    """On main the HTML warning made the sitemap `not_a_sitemap` ("root element <br>,
    expected <urlset> or <sitemapindex>": 0 URLs), and the text one was read as a list of
    URLs (2 URLs of the form .../php-text/<url><loc>http:/127.0.0.1:.../ok/...</loc></url>
    and 4 sitemap_bad_loc rejects). Now each gives its 2 pages, no reject, and the stats
    name each sitemap read past a preamble and what it said."""
    cfg = settings(tmp_path)
    run_id = "run9-php"
    fetch_urls = discover.fetch_urls_via(lambda docs: fetch(docs, cfg, run_id))
    sources = [server9.url(HOST, p) for p in SITEMAPS]
    found = discover.run([f"sitemap:{u}" for u in sources],
                         settings_slice(discover.DiscoverConfig, cfg), run_id,
                         fetch_urls=fetch_urls)
    assert sorted(found.table["url"].to_pylist()) == sorted(
        server9.url(HOST, f"/ok/{tag(p)}-{i}") for p in SITEMAPS for i in (1, 2))
    assert found.rejects == []
    for url, junk in zip(sources, SITEMAPS.values(), strict=True):
        assert (f"sitemap {url}: {len(junk.encode())} bytes before the XML were not read "
                f"(a server's error message?): {junk.strip()[:200]!r}") in found.notes
    assert {r["error"] for r in found.fetch_log} == {None}


def _story(title: str) -> str:
    paragraph = ("Zürich’s council voted on Tuesday to extend the tram line to the northern "
                 "districts; residents said the works would take two years, and the mayor "
                 "promised compensation to the shops along the route. ")
    body = "".join(f"<p>{paragraph}({i})</p>" for i in range(12))
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>'
            f"</head><body><article><h1>{title}</h1>{body}</article></body></html>")


def _warc(path: Path, pages: dict[str, tuple[str, bytes]]) -> None:
    with path.open("wb") as f:
        w = WARCWriter(f, gzip=True)
        for url, (ctype, body) in pages.items():
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=http,
                warc_headers_dict={"WARC-Date": "2024-04-04T10:00:00Z"}))


def _dump(url: str, title: str) -> str:
    return (f" date 2024-04-04 {url}\n{title}\n" + "".join(
        f"{title}: the council voted on day {i} to extend the tram line to district {i}. "
        f"Residents of street {i} said the works would take {i + 1} years.\n"
        for i in range(1, 7)))


@pytest.mark.integration
def test_an_ingest_of_misleading_labels_and_joined_files_keeps_every_article(
        prefect_harness, server9, tmp_path, warehouse) -> None:
    """The whole flow over: a sitemap behind a PHP warning (2 pages), a page under a
    UTF-16 label, a reserved page sent as two gzip members, a WARC whose records' charset
    labels lie (iso-8859-1 and utf-16le over UTF-8), and two dumps joined by `cat`, each
    saved with a BOM. On main (measured): inputs 6 = kept 3 + rejected 3: the sitemap one
    `not_a_sitemap` reject, the UTF-16-labelled page and the WARC's second page
    "unparsable or empty HTML" rejects, the reserved page's text kept, the WARC's first
    page stored as "ZÃ¼richâ€™s council", the second dump stored inside the first one's
    text. Now 8 articles, each with its own text, the reserved one's withheld, no reject,
    no failure, and every data test at 0."""
    from flows.ingest import ingest
    from tests.integration.test_input_faults7 import _table

    sitemap = server9.url(HOST, "/php/sitemap.xml")
    label = server9.url(HOST, "/charset/utf16-label")
    reserved = server9.url(HOST, "/rights/members")
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    _warc(inputs / "lying.warc.gz", {
        "https://archive.example/latin1": ("text/html; charset=iso-8859-1",
                                           _story("Latin-1 label").encode()),
        "https://archive.example/utf16": ("text/html; charset=utf-16le",
                                          _story("UTF-16 label").encode())})
    (inputs / "joined.txt").write_bytes(
        ("\ufeff" + _dump("https://dumps.example/a.html", "Dump A")).encode()
        + ("\ufeff" + _dump("https://dumps.example/b.html", "Dump B")).encode())

    manifest = ingest(inputs=[f"sitemap:{sitemap}", label, reserved, str(inputs)],
                      settings=settings(warehouse))
    pages = [server9.url(HOST, f"/ok/{tag('/php/sitemap.xml')}-{i}") for i in (1, 2)]
    articles = dict(_table(warehouse, "SELECT url, text FROM articles"))
    assert sorted(articles) == sorted([*pages, label, reserved,
                                       "https://archive.example/latin1",
                                       "https://archive.example/utf16",
                                       "https://dumps.example/a.html",
                                       "https://dumps.example/b.html"])
    assert _table(warehouse, "SELECT reason, detail FROM rejects") == []
    assert {e for _, e in _table(warehouse, "SELECT url, error FROM fetch_log")} == {None}
    assert articles[label].startswith("The council voted on Tuesday")
    for url in ("https://archive.example/latin1", "https://archive.example/utf16"):
        assert articles[url].startswith("Zürich’s council voted on Tuesday"), url
    assert articles[reserved] == ""  # noai: the text withheld (opt_out_action=metadata)
    assert _table(warehouse, f"SELECT rights FROM articles WHERE url = '{reserved}'") == [
        (["noai", "noarchive"],)]
    assert "Dump B" not in articles["https://dumps.example/a.html"]
    assert manifest["totals"]["rejected"] == 0 and manifest["totals"]["failed"] == 0
    assert all(n == 0 for n in manifest["data_tests"].values()), manifest["data_tests"]
