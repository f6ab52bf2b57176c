"""Opt-out signals end to end through the stages, against a server on 127.0.0.1: fetch
reads them from headers and <meta> (gzip bodies too) and leaves a noarchive page's body out
of the WARC archive; extract stores them in `rights`; clean rejects under `skip`; enrich
withholds the text under `metadata`; the data tests accept a withheld text."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from schemas import ARTICLES, DOCUMENTS, conform
from tasks import clean, enrich, extract
from tasks.common.settings import Settings, settings_slice
from tasks.steps import fetch_documents
from tasks.storage.archive import iter_responses
from tasks.storage.publish import publish_run
from tasks.storage.report import build_views, connect_views, run_data_tests

BODY = " ".join(f"Sentence number {i} of a long enough news story about the harbour."
                for i in range(30))


def page(meta: str = "") -> bytes:
    return (f"<html><head><title>Harbour news</title>{meta}</head><body><article>"
            f"<h1>Harbour news</h1><p>{BODY}</p><p>{BODY}</p></article></body></html>"
            ).encode()


PAGES = {  # path -> (extra headers, body, gzip?)
    "/plain": ([], page(), False),
    "/noarchive-header": ([("X-Robots-Tag", "noarchive")], page(), False),
    "/noarchive-meta-gzip": ([], page('<meta name="robots" content="noarchive">'), True),
    "/tdm": ([("tdm-reservation", "1")], page(), False),
    "/other-bot": ([("X-Robots-Tag", "googlebot: noarchive")],
                   page('<meta name="robots" content="noai">'), False),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        if self.path not in PAGES:
            self.send_response(404)
            self.end_headers()
            return
        headers, body, zipped = PAGES[self.path]
        if zipped:
            body = gzip.compress(body)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def _settings(warehouse, **over) -> Settings:
    return Settings(warehouse=warehouse, allowed_networks=["127.0.0.0/8"], per_host_delay_s=0,
                    respect_robots=False, max_retries=0, min_words=20, **over)


def _fetch(site, settings):
    docs = conform([{"input_key": p, "url": site + p, "source_kind": "url", "source": "t"}
                    for p in PAGES], DOCUMENTS, "documents")
    return fetch_documents(docs, settings, "run-r")


def test_signals_reach_the_documents_and_noarchive_bodies_stay_out_of_the_archive(
        site, warehouse):
    result = _fetch(site, _settings(warehouse))
    rights = {r["input_key"]: r["rights"] for r in result.table.to_pylist()}
    assert rights == {"/plain": [], "/noarchive-header": ["noarchive"],
                      "/noarchive-meta-gzip": ["noarchive"], "/tdm": ["tdm-reservation"],
                      "/other-bot": ["noai"]}
    # the documents still carry the page (for extraction); the archive does not
    assert all(len(r["body"]) > 1000 for r in result.table.to_pylist())
    archived = {}
    for f in {r["warc_file"] for r in result.fetch_log}:
        for resp in iter_responses(warehouse / f):
            archived[resp.url.removeprefix(site)] = resp
    assert archived["/noarchive-header"].body == b""
    assert archived["/noarchive-header"].truncated == "unspecified"
    assert archived["/noarchive-header"].headers["x-robots-tag"] == "noarchive"
    assert archived["/noarchive-meta-gzip"].body == b""
    assert b"Harbour news" in archived["/plain"].body
    assert b"Harbour news" in archived["/other-bot"].body


def test_archive_noarchive_bodies_setting_keeps_them(site, warehouse):
    result = _fetch(site, _settings(warehouse, archive_noarchive_bodies=True))
    (f,) = {r["warc_file"] for r in result.fetch_log}
    bodies = {r.url.removeprefix(site): r.body for r in iter_responses(warehouse / f)}
    assert b"Harbour news" in bodies["/noarchive-header"]


def _through_clean(site, warehouse, action):
    settings = _settings(warehouse, opt_out_action=action)
    fetched = _fetch(site, settings)
    extracted = extract.run(fetched.table, settings_slice(extract.ExtractConfig, settings), "r")
    assert extracted.rejects == []
    return settings, clean.run(extracted.table, settings_slice(clean.CleanConfig, settings), "r")


def test_skip_rejects_opted_out_pages_in_clean(site, warehouse):
    _, cleaned = _through_clean(site, warehouse, "skip")
    assert sorted((r["url"].removeprefix(site), r["reason"]) for r in cleaned.rejects) == [
        ("/other-bot", "opted_out"), ("/tdm", "opted_out")]
    assert cleaned.table.num_rows == 3


def test_metadata_keeps_the_article_without_its_text(site, warehouse):
    settings, cleaned = _through_clean(site, warehouse, "metadata")
    assert cleaned.rejects == []
    enriched = enrich.run(cleaned.table, settings_slice(enrich.EnrichConfig, settings), "r")
    rows = {r["url"].removeprefix(site): r for r in enriched.table.to_pylist()}
    for path in ("/tdm", "/other-bot"):
        assert rows[path]["text"] == "" and rows[path]["title"] == "Harbour news"
        assert not rows[path]["keywords"] and rows[path]["word_count"] > 20
    assert rows["/plain"]["text"] and rows["/plain"]["keywords"]
    assert rows["/noarchive-header"]["text"]  # noarchive alone: text kept
    assert rows["/noarchive-header"]["rights"] == ["noarchive"]
    # the warehouse accepts it: the text-not-empty data test knows withheld texts
    table = conform(enriched.table.to_pylist(), ARTICLES, "articles")
    publish_run(warehouse, {"articles": table},
                {"run_id": "r", "started_at": "2024-05-06T08:00:00+00:00"})
    db = build_views(warehouse)
    assert set(run_data_tests(db).values()) == {0}
    con = connect_views(db)
    assert con.execute("SELECT count(*) FROM articles WHERE list_contains(rights, 'noai')"
                       ).fetchone() == (1,)
    con.close()


def test_keep_keeps_every_text(site, warehouse):
    settings, cleaned = _through_clean(site, warehouse, "keep")
    enriched = enrich.run(cleaned.table, settings_slice(enrich.EnrichConfig, settings), "r")
    assert all(r["text"] for r in enriched.table.to_pylist())
