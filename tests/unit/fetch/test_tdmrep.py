"""The files the fetcher asks an origin for, offline: the TDMRep file
(/.well-known/tdmrep.json), its redirects followed within robots.txt's limit, and the memo
that asks for each such file once per run. No socket is opened: the fetcher's `exchange`
(one HTTP hop) answers from a table, or the fetch function is a stand-in."""

from __future__ import annotations

import asyncio

import pytest

from tasks.common.settings import Settings, settings_slice
from tasks.fetch import FetchConfig
from tasks.fetch.client import Exchange, Fetcher
from tasks.fetch.robots import MAX_ROBOTS_REDIRECTS

CONFIG = settings_slice(FetchConfig, Settings())
RULES = b'[{"location": "/reserved/*", "tdm-reservation": 1}]'


def tdmrep_after(redirects: int) -> tuple[bytes | None, list[str]]:
    """What the fetcher reads for a site whose TDMRep file moved `redirects` times (to
    https, to www., to another folder ...); and the addresses it asked for."""
    hops = [f"https://news.example/.well-known/tdmrep.json?hop={i}" for i in range(redirects)]
    hops = ["http://news.example/.well-known/tdmrep.json", *hops]
    asked: list[str] = []

    async def exchange(url: str, **_kw) -> Exchange:
        asked.append(url)
        i = hops.index(url)
        if i + 1 < len(hops):  # to https, then relative Locations as servers write them
            location = hops[i + 1] if i == 0 else hops[i + 1].removeprefix("https://news.example")
            return Exchange(url, 301, {"location": location})
        return Exchange(url, 200, {"content-type": "application/json"}, RULES)

    fetcher = Fetcher(CONFIG, "r", None)
    fetcher.exchange = exchange
    return asyncio.run(fetcher._fetch_tdmrep("http://news.example/news/story")), asked


def test_the_tdmrep_file_is_read_through_its_redirects_up_to_robots_limit() -> None:
    body, asked = tdmrep_after(1)  # moved to https
    assert body == RULES
    assert asked == ["http://news.example/.well-known/tdmrep.json",
                     "https://news.example/.well-known/tdmrep.json?hop=0"]
    body, asked = tdmrep_after(MAX_ROBOTS_REDIRECTS)
    assert body == RULES and len(asked) == MAX_ROBOTS_REDIRECTS + 1
    # one more redirect than robots.txt may take: the file says nothing
    body, asked = tdmrep_after(MAX_ROBOTS_REDIRECTS + 1)
    assert body is None and len(asked) == MAX_ROBOTS_REDIRECTS + 1


def test_origin_files_are_fetched_once_per_run_and_forgotten_after_four_runs(monkeypatch):
    # robots.txt and the TDMRep file are asked for once per run and origin; the memo keeps
    # the last four runs only, so a long-lived worker process does not grow with every run
    from collections import deque

    import tasks.fetch.client as client

    monkeypatch.setattr(client, "_ORIGIN_FILES", {})
    monkeypatch.setattr(client, "_ORIGIN_FILES_RUNS", deque(maxlen=4))
    fetched: list[str] = []

    async def fetch(url: str) -> bytes:
        fetched.append(url)
        return RULES

    def ask(run_id: str) -> bytes | None:
        fetcher = Fetcher(CONFIG, run_id, None)
        return asyncio.run(fetcher._once_per_origin("tdmrep", "https://news.example/a", fetch))

    assert ask("r1") == RULES and ask("r1") == RULES
    assert len(fetched) == 1  # the second page of the run shares the first one's file
    for run_id in ("r2", "r3", "r4", "r5"):
        ask(run_id)
    assert len(fetched) == 5
    assert {key[0] for key in client._ORIGIN_FILES} == {"r2", "r3", "r4", "r5"}
    ask("r2")  # still remembered
    assert len(fetched) == 5


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_the_tdmrep_file_follows_every_redirect_status(status) -> None:
    first = "https://news.example/.well-known/tdmrep.json"

    async def exchange(url: str, **_kw) -> Exchange:
        if url == first:
            return Exchange(url, status, {"location": "/rights/tdmrep.json"})
        return Exchange(url, 200, {"content-type": "application/json"}, RULES)

    fetcher = Fetcher(CONFIG, "r", None)
    fetcher.exchange = exchange
    assert asyncio.run(fetcher._fetch_tdmrep("https://news.example/a")) == RULES


def test_the_tdmrep_file_of_a_page_is_fetched_once_per_origin(monkeypatch) -> None:
    from collections import deque

    import tasks.fetch.client as client

    monkeypatch.setattr(client, "_ORIGIN_FILES", {})
    monkeypatch.setattr(client, "_ORIGIN_FILES_RUNS", deque(maxlen=4))
    asked: list[str] = []

    async def exchange(url: str, **_kw) -> Exchange:
        asked.append(url)
        return Exchange(url, 200, {"content-type": "application/json"}, RULES)

    fetcher = Fetcher(CONFIG, "r", None)
    fetcher.exchange = exchange

    async def two_pages():
        return [await fetcher.tdmrep_for(f"https://news.example/{p}") for p in ("a", "b")]

    assert asyncio.run(two_pages()) == [RULES, RULES]
    assert asked == ["https://news.example/.well-known/tdmrep.json"]


@pytest.mark.parametrize(("robots_s", "request_s", "deadline"), [(10, 20, 10), (10, 4, 4)])
def test_origin_files_are_asked_for_under_the_shorter_deadline(robots_s, request_s,
                                                               deadline) -> None:
    # robots.txt and the TDMRep file have their own deadline, never past a page's
    from dataclasses import replace

    deadlines: list[float | None] = []

    async def exchange(url: str, *, timeout=None, **_kw) -> Exchange:
        deadlines.append(timeout)
        return Exchange(url, 404, {"content-type": "text/html"}, b"not here")

    fetcher = Fetcher(replace(CONFIG, robots_timeout_s=robots_s, request_timeout_s=request_s),
                      "r", None)
    fetcher.exchange = exchange
    asyncio.run(fetcher._fetch_robots("https://news.example/a"))
    asyncio.run(fetcher._fetch_tdmrep("https://news.example/a"))
    assert deadlines == [deadline, deadline]


def test_a_tdmrep_file_whose_transfer_was_cut_says_nothing() -> None:
    async def exchange(url: str, **_kw) -> Exchange:
        return Exchange(url, 200, {"content-type": "application/json"}, RULES[:20],
                        error="truncated", detail="cut")

    fetcher = Fetcher(CONFIG, "r", None)
    fetcher.exchange = exchange
    assert asyncio.run(fetcher._fetch_tdmrep("https://news.example/a")) is None


def test_a_robots_crawl_delay_is_kept_for_the_host() -> None:
    from tasks.fetch.hosts import _HOSTS, _HOSTS_LOCK, host_record

    host = "crawl-delay-test.invalid"
    body = b"User-agent: *\nCrawl-delay: 0.25\nDisallow: /private/\n"

    async def exchange(url: str, **_kw) -> Exchange:
        return Exchange(url, 200, {"content-type": "text/plain"}, body)

    fetcher = Fetcher(CONFIG, "r", None)
    fetcher.exchange = exchange
    try:
        rules = asyncio.run(fetcher._robots_with_delay(f"https://{host}/a"))
        assert rules.state == "parsed"
        assert not rules.allows(f"https://{host}/private/x", "pressroom")
        assert host_record(host).crawl_delay == 0.25
    finally:
        with _HOSTS_LOCK:
            _HOSTS.pop(host, None)


def test_each_origin_of_a_run_has_its_own_file(monkeypatch) -> None:
    # seed 52: the memo is per origin (scheme, host and port); one origin's robots.txt or
    # TDMRep file must never stand for another's
    from collections import deque

    import tasks.fetch.client as client

    monkeypatch.setattr(client, "_ORIGIN_FILES", {})
    monkeypatch.setattr(client, "_ORIGIN_FILES_RUNS", deque(maxlen=4))
    fetched: list[str] = []

    async def fetch(url: str) -> str:
        fetched.append(url)
        return f"rules of {url}"

    fetcher = Fetcher(CONFIG, "r1", None)
    pages = ["https://a.example/x", "https://b.example/y", "http://a.example/z",
             "https://a.example:8443/w", "https://A.example/v"]

    async def ask_all() -> list[str]:
        return [await fetcher._once_per_origin("robots", p, fetch) for p in pages]

    assert asyncio.run(ask_all()) == [
        "rules of https://a.example/x", "rules of https://b.example/y",
        "rules of http://a.example/z", "rules of https://a.example:8443/w",
        "rules of https://a.example/x"]  # the host's case names the same origin
    assert fetched == pages[:4]
