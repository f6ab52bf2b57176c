"""A host gate's delay: the largest of the run's per-host delay, the sources file's delay
for that host, and the robots.txt Crawl-delay up to its cap (no clock involved); and two
turns at one host spaced by it, or by a Retry-After (a tenth of a second, real time)."""

from __future__ import annotations

import asyncio
import time

import pytest

from tasks.fetch.hosts import _HOSTS, _HOSTS_LOCK, HostGate, host_record, register_host_delays

HOST = "gate-test.invalid"
OTHER = "other-gate-test.invalid"


@pytest.fixture(autouse=True)
def fresh_records():
    """The politeness records are process-wide: these tests leave none behind."""
    yield
    with _HOSTS_LOCK:
        _HOSTS.pop(HOST, None)
        _HOSTS.pop(OTHER, None)


def gate(host: str = HOST, delay: float = 0.0, max_crawl_delay: float = 0.3) -> HostGate:
    return HostGate(host, cap=2, delay=delay, max_crawl_delay=max_crawl_delay)


@pytest.mark.parametrize(
    ("crawl_delay", "expected"),
    [(0.0, 0.0), (0.1, 0.1), (0.3, 0.3), (5.0, 0.3), (3600.0, 0.3)],
)
def test_crawl_delay_is_capped(crawl_delay: float, expected: float) -> None:
    host_record(HOST).crawl_delay = crawl_delay
    assert gate(max_crawl_delay=0.3).delay == expected


def test_the_largest_delay_wins() -> None:
    record = host_record(HOST)
    record.crawl_delay = 5.0
    assert gate(delay=0.5).delay == 0.5  # run setting above the capped crawl delay
    record.source_delay = 0.8
    assert gate(delay=0.5).delay == 0.8  # sources file above both


def test_sources_file_delays_apply_to_their_host_only() -> None:
    register_host_delays({HOST.upper(): 0.4})  # host names are case-insensitive
    assert gate(HOST).delay == 0.4
    assert gate(OTHER).delay == 0.0


def test_a_turn_starts_no_sooner_than_the_delay_after_the_last_was_sent() -> None:
    async def two_turns() -> float:
        g, slots = gate(delay=0.1), asyncio.Semaphore(2)
        first = await g.start(slots)
        first.sent()
        sent_at = time.monotonic()
        first.done()
        second = await g.start(slots)
        waited = time.monotonic() - sent_at
        second.done()
        return waited

    assert asyncio.run(two_turns()) >= 0.09


def test_a_retry_after_defers_the_hosts_next_turn() -> None:
    async def deferred() -> float:
        g = gate()
        g.defer(0.1)
        began = time.monotonic()
        turn = await g.start(asyncio.Semaphore(1))
        waited = time.monotonic() - began
        turn.done()
        return waited

    assert asyncio.run(deferred()) >= 0.09
