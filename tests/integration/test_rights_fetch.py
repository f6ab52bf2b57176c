"""Opt-out signals end to end through the stages, against a server on 127.0.0.1: fetch
reads them from headers and <meta> (gzip bodies too) and leaves a noarchive page's body out
of the WARC archive; extract stores them in `rights`; clean rejects under `skip`; enrich
withholds the text under `metadata`; the data tests accept a withheld text."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from schemas import ARTICLES, DOCUMENTS, conform
from tasks import clean, enrich, extract
from tasks.common.settings import Settings, settings_slice
from tasks.steps import fetch_documents
from tasks.storage.archive import iter_responses
from tasks.storage.publish import publish_run
from tasks.storage.report import build_views, connect_views, run_data_tests
from tests.site import answer, serving

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
    with serving(Handler) as base:
        yield base


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
    n = table.num_rows  # (a run's totals: without them runs_conserve_records fails it)
    publish_run(warehouse, {"articles": table},
                {"run_id": "r", "started_at": "2024-05-06T08:00:00+00:00",
                 "totals": {"inputs": n, "kept": n, "rejected": 0, "failed": 0, "skipped": 0}})
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


# -- TDMRep's well-known file ------------------------------------------------------------
TDMREP = (b'[{"location": "/reserved/*", "tdm-reservation": 1,'
          b' "tdm-policy": "https://example.org/policy.json"},'
          b' {"location": "/*", "tdm-reservation": 0}]')


@pytest.fixture
def tdm_site() -> Iterator[tuple[str, list[str]]]:
    """A site whose /.well-known/tdmrep.json reserves /reserved/*; the list records every
    path asked for."""
    asked: list[str] = []

    class TdmHandler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            asked.append(self.path)
            if self.path == "/.well-known/tdmrep.json":
                body, ctype = TDMREP, "application/json"
            elif self.path in ("/reserved/story", "/open/story", "/reserved/other"):
                body, ctype = page(), "text/html; charset=utf-8"
            else:
                self.send_response(404)
                self.end_headers()
                return
            answer(self, body, ctype)

        def log_message(self, *args) -> None:
            pass

    with serving(TdmHandler) as base:
        yield base, asked


def _fetch_paths(site, paths, settings):
    docs = conform([{"input_key": p, "url": site + p, "source_kind": "url", "source": "t"}
                    for p in paths], DOCUMENTS, "documents")
    return fetch_documents(docs, settings, "run-tdm")


def test_tdmrep_file_rules_reach_the_rights_of_matching_pages(tdm_site, warehouse):
    site, asked = tdm_site
    paths = ["/reserved/story", "/open/story", "/reserved/other"]
    result = _fetch_paths(site, paths, _settings(warehouse))
    rights = {r["input_key"]: r["rights"] for r in result.table.to_pylist()}
    assert rights == {"/reserved/story": ["tdm-reservation"], "/open/story": [],
                      "/reserved/other": ["tdm-reservation"]}
    assert asked.count("/.well-known/tdmrep.json") == 1  # once per origin and run
    # the file's exchange is archived beside the pages, like robots.txt
    (f,) = {r["warc_file"] for r in result.fetch_log}
    urls = {r.url.removeprefix(site) for r in iter_responses(warehouse / f)}
    assert "/.well-known/tdmrep.json" in urls
    # the reservation acts like a header one: clean's skip policy rejects those pages
    settings = _settings(warehouse, opt_out_action="skip")
    extracted = extract.run(result.table, settings_slice(extract.ExtractConfig, settings), "r")
    cleaned = clean.run(extracted.table, settings_slice(clean.CleanConfig, settings), "r")
    assert sorted(r["url"].removeprefix(site) for r in cleaned.rejects) == [
        "/reserved/other", "/reserved/story"]


def test_tdmrep_file_is_not_asked_for_when_switched_off(tdm_site, warehouse):
    site, asked = tdm_site
    result = _fetch_paths(site, ["/reserved/story"], _settings(warehouse, read_tdmrep=False))
    assert [r["rights"] for r in result.table.to_pylist()] == [[]]
    assert "/.well-known/tdmrep.json" not in asked


@pytest.mark.integration
def test_reprocess_says_why_noarchive_pages_cannot_be_processed_again(
        prefect_harness, site, warehouse, tmp_path):
    from flows.ingest import ingest
    from flows.reprocess import reprocess

    urls = tmp_path / "pages.urls"
    urls.write_text("\n".join(site + p for p in PAGES) + "\n", encoding="utf-8")
    settings = _settings(warehouse)
    first = ingest(inputs=[str(urls)], settings=settings)
    assert first["totals"]["kept"] == 5
    again = reprocess(settings=settings)
    # the 2 noarchive pages have no archived body: rejects with the reason, not failures
    # of extraction; the 3 others come out unchanged (skipped); the data tests pass
    assert again["stages"][0] == {"stage": "reprocess", "received": 5, "passed": 3,
                                  "rejected": 2, "failed": 0, "skipped": 0}
    assert again["totals"] == {"inputs": 5, "kept": 0, "rejected": 2, "failed": 0,
                               "skipped": 3}
    con = connect_views(build_views(warehouse))
    assert sorted(con.execute("SELECT url, stage, reason FROM rejects WHERE run_id = ?",
                              [again["run_id"]]).fetchall()) == [
        (site + "/noarchive-header", "reprocess", "not_archived"),
        (site + "/noarchive-meta-gzip", "reprocess", "not_archived")]
    con.close()

    # the reprocess run archived no page of its own: named, and alone it is refused
    from typer.testing import CliRunner

    from flows.cli import app
    from tasks.storage.warehouse import run_manifests

    runs = len(run_manifests(warehouse))
    out = CliRunner().invoke(app, ["reprocess", "--run", again["run_id"], "-w", str(warehouse)])
    assert out.exit_code == 2, out.output
    assert f"nothing to reprocess: {again['run_id']} archived no page" in out.output
    assert len(run_manifests(warehouse)) == runs
    out = CliRunner().invoke(app, ["reprocess", "--run", first["run_id"], "--run",
                                   again["run_id"], "-w", str(warehouse)])
    assert out.exit_code == 0, out.output
    assert f"note: {again['run_id']} archived no page to re-extract" in out.output
    assert len(run_manifests(warehouse)) == runs + 1  # the first run's pages, once more
