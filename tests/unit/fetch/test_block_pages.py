"""A CDN's or firewall's block page served with status 200 (fault round 51): fetched as
the page, Cloudflare's block page and challenge became articles and Akamai's a
`too_short` reject; kept or rejected, the URL was not asked for again. Now a failed
fetch, `blocked_page`, asked for once in the run and again by a later one; an archived
one is an extraction reject of the same name."""

from __future__ import annotations

from dataclasses import replace
from http.server import BaseHTTPRequestHandler

from schemas import DOCUMENTS, conform
from tasks import extract
from tasks.common.settings import Settings, settings_slice
from tasks.discover.inputs import DiscoverConfig, discover, fetch_urls_via
from tasks.fetch import FetchConfig, run
from tests.site import serving
from tests.unit.common.test_blockpage import BLOCK_PAGES, STORIES
from tests.unit.extract.test_pages import EXTRACT, docs_table

PAGES = {**BLOCK_PAGES, **STORIES}
# A loopback address of this file's own (the fetch stage's per-host state is per process).
HOST = "127.0.0.51"


class _Pages(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        self.hits.append(self.path)
        body = PAGES.get(self.path.strip("/"))
        self.send_response(200 if body is not None else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body or b"")))
        self.end_headers()
        self.wfile.write(body or b"")

    def log_message(self, *args) -> None:
        pass


def _fetch_config() -> FetchConfig:
    return replace(settings_slice(FetchConfig, Settings()), allowed_networks=["127.0.0.0/8"],
                   per_host_delay_s=0.0)


def test_a_block_page_served_with_200_is_a_failed_fetch_asked_for_once():
    with serving(_Pages, HOST) as url:
        base = url + "/"
        docs = conform([{"input_key": name, "url": base + name, "source_kind": "url",
                         "source": "t"} for name in PAGES], DOCUMENTS, "documents")
        result = run(docs, _fetch_config(), "r51")
    log = {r["url"][len(base):]: r for r in result.fetch_log}
    for name in BLOCK_PAGES:
        assert (log[name]["status"], log[name]["error"], log[name]["attempts"]) == (
            200, "blocked_page", 1), log[name]
        assert _Pages.hits.count(f"/{name}") == 1
    assert log["cf-block"]["error_detail"] == (
        "HTTP 200, but the body is Cloudflare's block page (title 'Attention Required! | "
        "Cloudflare'), not the page: the site's CDN or firewall refused this client")
    # the guards: the stories are pages, as before
    assert sorted(result.table.column("input_key").to_pylist()) == sorted(STORIES)
    assert all(log[name]["error"] is None for name in STORIES)


def test_an_archived_block_page_is_no_page():
    docs = docs_table([{"input_key": name, "url": f"https://a.example/{name}",
                        "source_kind": "warc", "source": "c.warc", "status": 200,
                        "content_type": "text/html", "body": body}
                       for name, body in PAGES.items()])
    result = extract.run(docs, EXTRACT, "r51")
    rejects = {r["input_key"]: r for r in result.rejects}
    assert sorted(rejects) == sorted(BLOCK_PAGES)
    assert rejects["akamai"]["reason"] == "blocked_page"
    assert rejects["akamai"]["detail"] == (
        "the archived response is Akamai's block page (title 'Access Denied'), not the page")
    assert sorted(result.table.column("input_key").to_pylist()) == sorted(STORIES)


def test_a_feed_answered_with_a_block_page_is_a_failed_fetch_too():
    """A feed's address answered with Cloudflare's challenge was a `not_a_feed` reject
    "an HTML page, not a feed", and the summary counted the feed as fetched."""
    config = replace(settings_slice(DiscoverConfig, Settings()), allow_private_hosts=True,
                     allowed_networks=["127.0.0.0/8"])
    with serving(_Pages, HOST) as url:
        found = discover([f"feed:{url}/cf-challenge"], "r51f", config, fetch_urls=fetch_urls_via(
            lambda docs: run(docs, _fetch_config(), "r51f")))
    assert [r["error"] for r in found.fetch_log] == ["blocked_page"], found.fetch_log
    assert found.rejects == [] and found.docs.num_rows == 0
