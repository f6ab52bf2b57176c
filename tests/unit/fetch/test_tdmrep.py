"""The origin's TDMRep file (/.well-known/tdmrep.json) as the fetcher asks for it, offline:
its redirects are followed within robots.txt's limit. No socket is opened: the fetcher's
`exchange` (one HTTP hop) answers from a table."""

from __future__ import annotations

import asyncio

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
