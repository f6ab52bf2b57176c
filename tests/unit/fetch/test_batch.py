"""The fetch stage's batch bookkeeping, offline: documents that pass through, documents
without a URL, URLs the warehouse already settled, a crash inside one URL's fetch, and a
robots.txt address the guard refuses. No socket is opened."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from schemas import DOCUMENTS, FETCH_LOG, conform
from tasks.common.settings import Settings, settings_slice
from tasks.common.state import FetchHistory
from tasks.fetch import FetchConfig, run
from tasks.fetch.client import Fetcher, UrlOutcome, _run

CONFIG = settings_slice(FetchConfig, Settings())


def docs(rows: list[dict]):
    return conform([{"source": "s", **r} for r in rows], DOCUMENTS, "documents")


def test_a_batch_with_nothing_to_fetch_accounts_for_every_document() -> None:
    now = datetime.now(UTC)
    history = {
        "https://a.example/done": FetchHistory(200, None, now - timedelta(days=3)),
        "https://a.example/failed": FetchHistory(None, "timeout_total", now - timedelta(hours=1)),
    }
    batch = docs([
        {"input_key": "d", "url": "https://dump.example/a", "source_kind": "dump"},
        {"input_key": "w", "url": "https://w.example/a", "source_kind": "warc", "body": b"x"},
        {"input_key": "n", "url": "  ", "source_kind": "url", "source": "list.urls"},
        {"input_key": "k1", "url": "https://a.example/done", "source_kind": "feed",
         "source": "https://a.example/rss"},
        {"input_key": "k2", "url": "https://a.example/done", "source_kind": "url"},
        {"input_key": "f", "url": "https://a.example/failed", "source_kind": "sitemap",
         "source": "https://a.example/sitemap.xml"},
    ])
    result = run(batch, CONFIG, "run-2", history=history)
    assert result.table.column("input_key").to_pylist() == ["d", "w"]  # passed through
    conform(result.fetch_log, FETCH_LOG, "fetch_log")
    log = [(r["url"], r["error"], r["source_kind"], r["source"], r["run_id"])
           for r in result.fetch_log]
    assert log == [
        ("", "invalid_url", "url", "list.urls", "run-2"),
        # one row per distinct URL, named after the first document that asked for it
        ("https://a.example/done", "already_fetched", "feed", "https://a.example/rss", "run-2"),
        ("https://a.example/failed", "recently_failed", "sitemap",
         "https://a.example/sitemap.xml", "run-2"),
    ]
    assert result.fetch_log[2]["error_detail"].endswith("(timeout_total)")
    assert result.fetch_log[1]["error_detail"] == "in the warehouse; use --refresh"
    assert all(r["bytes"] is None and r["attempts"] == 0 for r in result.fetch_log)
    assert result.counts == {"received": 6, "passed": 2, "rejected": 0, "failed": 3,
                             "skipped": 0}


def test_an_old_failure_is_fetched_again_and_refresh_refetches_known_pages(monkeypatch) -> None:
    import tasks.fetch.client as client

    asked: list[list[str]] = []

    async def fake_run(fetcher, urls):
        asked.append(list(urls))
        return {u: UrlOutcome(url=u, error="http_404", status=404, attempts=1,
                              fetched_at=datetime.now(UTC)) for u in urls}

    monkeypatch.setattr(client, "_run", fake_run)
    now = datetime.now(UTC)
    history = {
        "https://a.example/done": FetchHistory(200, None, now - timedelta(days=3),
                                               {"etag": '"v1"'}),
        "https://a.example/old-failure": FetchHistory(None, "dns_error", now - timedelta(days=9)),
    }
    batch = docs([{"input_key": u, "url": u, "source_kind": "url"}
                  for u in ("https://a.example/done", "https://a.example/old-failure")])
    run(batch, CONFIG, "r", history=history)
    assert asked == [["https://a.example/old-failure"]]
    asked.clear()
    result = run(batch, replace(CONFIG, refresh=True), "r", history=history)
    assert asked == [["https://a.example/done", "https://a.example/old-failure"]]
    assert [r["error"] for r in result.fetch_log] == ["http_404", "http_404"]
    assert result.failed == 2 and result.table.num_rows == 0


class _CrashingFetcher:
    cfg = replace(CONFIG, per_host_concurrency=1)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return None

    async def fetch_url(self, url: str) -> UrlOutcome:
        if url.endswith("/boom"):
            raise RuntimeError("bug in the fetcher")
        return UrlOutcome(url=url, status=200)


def test_a_crash_on_one_url_is_an_internal_error_row_and_the_rest_is_fetched() -> None:
    urls = ["https://a.example/1", "https://a.example/boom", "https://a.example/2"]
    results = asyncio.run(_run(_CrashingFetcher(), urls))
    assert set(results) == set(urls)
    boom = results["https://a.example/boom"]
    assert (boom.url, boom.error, boom.detail) == (
        "https://a.example/boom", "internal_error", "RuntimeError: bug in the fetcher")
    assert boom.fetched_at is not None and boom.fetched_at.tzinfo is UTC
    assert results["https://a.example/2"].status == 200


def test_a_robots_txt_address_the_guard_refuses_names_the_cause() -> None:
    fetcher = Fetcher(replace(CONFIG, allow_private_hosts=False), "r", None)
    rules = asyncio.run(fetcher._fetch_robots("http://127.0.0.1:8080/page"))
    assert (rules.state, rules.error_kind) == ("unreachable", "blocked_address")
    assert rules.detail.startswith("robots.txt blocked_address: 127.0.0.1 is 127.0.0.1")
    assert not rules.allows("http://127.0.0.1:8080/page", "pressroom")


def test_a_url_urlsplit_refuses_is_an_invalid_url_row_not_a_failed_batch() -> None:
    """"http://[::1/x" (an IPv6 literal not closed, e.g. a sitemap index's <loc>) raised
    ValueError while the batch sorted its URLs by host: the whole batch failed."""
    bad = "http://[::1/child.xml"
    result = run(docs([{"input_key": "b", "url": bad, "source_kind": "sitemap",
                        "source": bad}]), CONFIG, "r")
    (row,) = result.fetch_log
    assert (row["url"], row["error"], row["error_detail"]) == (
        bad, "invalid_url", f"{bad!r}: Invalid IPv6 URL")
    assert result.counts["failed"] == 1


def test_a_document_without_a_url_is_logged_as_such() -> None:
    result = run(docs([{"input_key": "n", "url": "", "source_kind": "url"}]), CONFIG, "r")
    (row,) = result.fetch_log
    assert (row["url"], row["error"], row["error_detail"]) == ("", "invalid_url", "no URL")


def test_the_guarded_resolver_resolves_in_the_address_family_asked_for() -> None:
    import socket

    from tasks.common.netguard import AddressGuard
    from tasks.fetch.client import GuardedResolver

    async def resolve(host: str, family):
        return await GuardedResolver(AddressGuard(allow_private=True)).resolve(host, 80, family)

    infos = asyncio.run(resolve("::1", socket.AF_INET6))
    assert [(i["host"], i["family"]) for i in infos] == [("::1", socket.AF_INET6)]
    infos = asyncio.run(resolve("127.0.0.1", socket.AF_INET))
    assert [(i["host"], i["family"]) for i in infos] == [("127.0.0.1", socket.AF_INET)]


def test_the_longest_cut_part_of_any_attempt_is_handed_over() -> None:
    """Fault round 6: a failed fetch of a feed or sitemap gets the longest part any of
    its attempts brought (the last attempt's alone was kept: nothing, when it failed
    before the body); the error stays the last attempt's, the detail says which attempt
    the part is from, and the row's final_url is where that part was served from."""
    from tasks.fetch.client import CutPart, hand_over_cut_part

    out = UrlOutcome(url="https://a.example/s.txt", final_url="https://a.example/s.txt",
                     error="http_503", detail="HTTP 503", attempts=3)
    part = CutPart(b"https://a.example/1\nhttps://a.example/2\nhttps://a", "text/plain",
                   "https://b.example/s.txt", 1, "truncated")
    hand_over_cut_part(out, part)
    assert (out.error, out.partial, out.content_type, out.final_url) == (
        "http_503", part.body, "text/plain", "https://b.example/s.txt")
    assert out.detail == ("HTTP 503; attempt 1 of 3 was cut (truncated): the 49 bytes "
                          "that arrived then were read for the entries before the cut")
    last = UrlOutcome(url="u", error="truncated", detail="cut", attempts=2,
                      partial=b"abc", content_type="text/plain")
    hand_over_cut_part(last, CutPart(b"abc", "text/plain", "u", 2, "truncated"))
    assert last.partial == b"abc"  # the last attempt's own part: as round 5 said it
    assert last.detail == "cut; the 3 bytes that arrived were read for the entries before the cut"


def test_what_arrived_of_a_cut_source_goes_to_discover_apart_from_the_pages(monkeypatch) -> None:
    import tasks.fetch.client as client

    async def fake_run(fetcher, urls):
        return {u: UrlOutcome(url=u, final_url="https://b.example/rss", status=200,
                              error="truncated", detail="cut", attempts=1,
                              content_type="application/rss+xml", partial=b"<rss><item>",
                              fetched_at=datetime.now(UTC)) for u in urls}

    monkeypatch.setattr(client, "_run", fake_run)
    result = run(docs([{"input_key": "f", "url": "https://a.example/rss", "source_kind": "feed"}]),
                 CONFIG, "r")
    assert result.table.num_rows == 0 and result.failed == 1
    [cut] = result.cut_sources.to_pylist()
    assert (cut["input_key"], cut["final_url"], cut["status"], cut["content_type"],
            cut["body"]) == ("f", "https://b.example/rss", 200, "application/rss+xml",
                             b"<rss><item>")
