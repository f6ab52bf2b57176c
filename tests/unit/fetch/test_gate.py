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


def _in_a_thread(main, seconds: float = 5.0):
    """Run `main()` in a batch thread of its own (batches run so) and return its value;
    fail if it does not end in `seconds` (a gate that spins never yields to a timeout)."""
    import threading

    out: list = []
    worker = threading.Thread(target=lambda: out.append(asyncio.run(main())), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "the batch's event loop never got free"
    return out[0]


def test_another_batch_holding_the_hosts_slots_keeps_this_one_waiting() -> None:
    # seed 51: the in-flight count is shared by every batch of the process; two turns at
    # cap 2 in one batch leave another batch's gate for the same host waiting
    async def main() -> tuple[int, bool]:
        first, slots = gate(), asyncio.Semaphore(4)
        turns = []
        for _ in range(2):
            turns.append(await first.start(slots))
            turns[-1].sent()  # headers out: the gate's next turn may start
        held = host_record(HOST).in_flight
        try:
            await asyncio.wait_for(gate().start(slots), 0.2)
            waited = False
        except TimeoutError:
            waited = True
        for turn in turns:
            turn.done()
        return held, waited

    assert _in_a_thread(main) == (2, True)
    assert host_record(HOST).in_flight == 0


def test_a_batch_waiting_for_a_host_another_holds_lets_its_other_tasks_run() -> None:
    # seed 51: the wait polls and sleeps; spinning on the slot would stop every other
    # exchange of the batch (other hosts) until the other batch let the host go
    record = host_record(HOST)

    async def main() -> list[str]:
        order: list[str] = []
        record.in_flight = 2  # another batch's two exchanges, their headers sent

        async def other_host() -> None:
            await asyncio.sleep(0.05)
            order.append("other host")
            record.in_flight = 0  # the other batch's exchanges end

        async def this_host() -> None:
            turn = await gate().start(asyncio.Semaphore(2))
            order.append("this host")
            turn.done()

        await asyncio.gather(this_host(), other_host())
        return order

    assert _in_a_thread(main) == ["other host", "this host"]


def test_a_turn_ended_twice_gives_back_its_host_slot_and_global_slot_once() -> None:
    # seed 56: `done()` is called in a `finally`, and again by a path that ended the
    # exchange early; the second call must not free a slot nobody took
    async def main() -> tuple[int, int]:
        slots = asyncio.BoundedSemaphore(1)  # releasing a slot twice raises
        turn = await gate().start(slots)
        held = host_record(HOST).in_flight
        turn.done()
        turn.done()
        return held, host_record(HOST).in_flight

    assert _in_a_thread(main) == (1, 0)


@pytest.mark.parametrize("meanwhile", ["sending", "started"])
def test_a_turn_looks_again_after_waiting_for_its_global_slot(meanwhile) -> None:
    # seed 59: the host was free when this batch looked, but it then waited for a global
    # slot, and another batch let a request through at this host meanwhile (its headers
    # not yet sent, or sent just now with a delay to keep): this turn waits for it, with
    # slots to spare at the host
    record = host_record(HOST)

    async def main() -> list[str]:
        order: list[str] = []
        slots = asyncio.Semaphore(1)
        await slots.acquire()  # every global slot taken, for now
        g = gate(delay=0.0 if meanwhile == "sending" else 0.2)

        async def this_batch() -> None:
            turn = await g.start(slots)
            order.append("this batch")
            turn.sent()
            turn.done()

        async def meanwhile_elsewhere() -> None:
            await asyncio.sleep(0.05)  # this batch is waiting for its global slot
            with record.lock:  # another batch's request let through (in_flight 1 of 2)
                record.in_flight += 1
                record.sending += meanwhile == "sending"
                record.last_start = time.monotonic()
            slots.release()
            await asyncio.sleep(0.1)
            order.append("other batch sent")
            with record.lock:
                record.sending -= meanwhile == "sending"
                record.in_flight -= 1

        await asyncio.gather(this_batch(), meanwhile_elsewhere())
        return order

    assert _in_a_thread(main) == ["other batch sent", "this batch"]


def test_a_sources_file_delay_holds_for_its_sites_other_host_names() -> None:
    """Fault round 32: an outlet listed by its homepage `https://news.example/` with
    `delay_s = 0.4` whose feed links its pages on `www.news.example` (or the mobile
    host). Before: those pages were fetched at the run's default pace (0.0 here), the
    delay the sources file asked for kept on the bare name alone. A name listed itself
    keeps its own delay; an IP address has no other names."""
    site, www, mobile = "r32-site.invalid", "www.r32-site.invalid", "m.r32-site.invalid"
    other, other_www = "r32-other.invalid", "www.r32-other.invalid"
    try:
        register_host_delays({site: 0.4, other: 0.2, other_www: 0.5})
        assert [gate(h).delay for h in (site, www, mobile)] == [0.4, 0.4, 0.4]
        assert [gate(h).delay for h in (other, other_www, "m." + other)] == [0.2, 0.5, 0.5]
        register_host_delays({"127.0.0.9": 0.3})
        assert gate("127.0.0.9").delay == 0.3
    finally:
        with _HOSTS_LOCK:
            for h in (site, www, mobile, other, other_www, "m." + other, "127.0.0.9",
                      "mobile.r32-site.invalid", "amp.r32-site.invalid",
                      "mobile.r32-other.invalid", "amp.r32-other.invalid"):
                _HOSTS.pop(h, None)


def test_a_host_two_listed_names_share_keeps_the_larger_delay_in_either_order() -> None:
    # seed 62: `m.` is the twin of both the bare name and `www.`; the larger delay holds
    # whichever of the two the sources file names first
    site, www, mobile = "r62-site.invalid", "www.r62-site.invalid", "m.r62-site.invalid"
    try:
        for delays in ({www: 0.5, site: 0.2}, {site: 0.2, www: 0.5}):
            register_host_delays(delays)
            assert [gate(h).delay for h in (site, www, mobile)] == [0.2, 0.5, 0.5]
    finally:
        with _HOSTS_LOCK:
            for h in (site, www, mobile, "mobile." + site, "amp." + site):
                _HOSTS.pop(h, None)


@pytest.mark.parametrize("key", [
    "https://www.r42-site.invalid/",  # the homepage's address pasted from a browser
    "http://R42-SITE.invalid",
    "www.r42-site.invalid:443",  # host and port, as a proxy or a log writes them
    "www.r42-site.invalid/news/",  # a section's address without its scheme
    " www.r42-site.invalid ",
])
def test_a_host_delay_keyed_by_an_address_holds_for_its_host(key) -> None:
    """Fault round 42: `PRESSROOM_HOST_DELAYS='{"https://www.r42-site.invalid/": 0.4}'` (or
    `host:port`, or a path after the host) was registered under that text, which no
    request's host ever is: the site was fetched at the run's default pace (0.0 here),
    without a word, whatever delay its operator had asked for."""
    names = ("r42-site.invalid", "www.r42-site.invalid", "m.r42-site.invalid",
             "mobile.r42-site.invalid", "amp.r42-site.invalid")
    try:
        register_host_delays({key: 0.4})
        assert gate("www.r42-site.invalid").delay == 0.4
    finally:
        with _HOSTS_LOCK:
            for h in (*names, key, key.strip().lower()):
                _HOSTS.pop(h, None)


def test_two_keys_naming_one_host_keep_the_larger_delay_in_either_order() -> None:
    # seed 69: "https://www.s69-site.invalid/" and "www.s69-site.invalid" are one host's
    # keys; the larger delay holds whichever of the two comes first (not the last one's)
    host = "www.s69-site.invalid"
    names = (host, "s69-site.invalid", "m.s69-site.invalid", "mobile.s69-site.invalid",
             "amp.s69-site.invalid")
    try:
        for delays in ({"https://www.s69-site.invalid/": 0.5, host: 0.2},
                       {host: 0.2, "https://www.s69-site.invalid/": 0.5}):
            register_host_delays(delays)
            assert gate(host).delay == 0.5
    finally:
        with _HOSTS_LOCK:
            for h in names:
                _HOSTS.pop(h, None)


def test_a_host_delay_key_that_is_no_address_is_taken_as_written() -> None:
    # a bracket never closed: urlsplit refuses it, and the key stands for itself
    key = "[s69-broken.invalid"
    try:
        register_host_delays({key: 0.3})
        assert gate(key).delay == 0.3
    finally:
        with _HOSTS_LOCK:
            for h in (key, "www." + key, "m." + key, "mobile." + key, "amp." + key):
                _HOSTS.pop(h, None)
