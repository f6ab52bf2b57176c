"""Politeness per host, shared by every batch of the process: at most
`per_host_concurrency` requests in flight, request starts `per_host_delay_s` apart (or
the host's own delay), counted from when the previous request's headers were sent."""

from __future__ import annotations

import asyncio
import threading
import time
from urllib.parse import urlsplit

from tasks.common.urls import mirror_hosts, server_key


class HostRecord:
    """Process-wide politeness state of one host, shared by every batch of the process.

    Batches may run concurrently (a thread-pool task runner), each in its own event
    loop, so this state is guarded by a threading lock and uses time.monotonic: two
    batches hitting the same host still see one gap and one in-flight count."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.in_flight = 0
        self.last_start = -1e18
        self.not_before = 0.0  # set by Retry-After
        self.crawl_delay = 0.0  # from robots.txt, before the cap
        self.source_delay = 0.0  # from the sources file (register_host_delays)
        self.sending = 0  # let through, headers not yet sent


_HOSTS: dict[str, HostRecord] = {}
_HOSTS_LOCK = threading.Lock()


def delay_host(key: str) -> str:
    """The host a `host_delays` key names: a host name, or an address holding one (a
    homepage pasted from a browser, `host:port`, a section's path after the host). Taken
    as written, "https://www.news.example/" was the key of no request's host, and the
    site was fetched at the run's default pace without a word (fault round 42)."""
    text = key.strip()
    try:
        host = urlsplit(text if "://" in text else "//" + text).hostname
    except ValueError:  # a bracket never closed: no address, the key as written
        host = None
    return host or text


def register_host_delays(delays: dict[str, float]) -> None:
    """Per-host politeness delays for every later batch of this process, e.g. from
    `sourcesfile.host_delays(...)`; the largest of this, the batch's per_host_delay_s and
    the robots.txt Crawl-delay (capped) applies.

    A host's delay holds for its site's other names too (`mirror_hosts`: `www.`, the
    bare name, `m.`), unless they are named themselves: an outlet listed by its homepage
    `https://news.example/` (or a feed there) whose feed links `www.news.example` pages
    had them fetched at the run's default pace, not the delay its sources file asked
    for (round 32)."""
    named: dict[str, float] = {}
    for key, delay in delays.items():  # two keys of one host: the larger delay
        host = server_key(delay_host(key))
        named[host] = max(named.get(host, 0.0), float(delay))
    twins: dict[str, float] = {}
    for host, delay in named.items():
        for twin in mirror_hosts(host) - named.keys():
            twins[twin] = max(twins.get(twin, 0.0), delay)
    for host, delay in {**twins, **named}.items():
        record = host_record(host)
        with record.lock:
            record.source_delay = delay


def host_record(host: str) -> HostRecord:
    """The record of a host, under the one spelling of its server (`server_key`)."""
    host = server_key(host)
    with _HOSTS_LOCK:
        record = _HOSTS.get(host)
        if record is None:
            record = _HOSTS[host] = HostRecord()
        return record


class HostGate:
    """One batch's view of a host: <= `cap` exchanges in flight, request starts >= delay
    apart as the server sees them.

    The delay counts from the moment the previous request's headers were *sent* (an
    aiohttp trace signal), not from when it was let through: a request that waits for a
    connection or a busy event loop would otherwise reach the server less than the delay
    after the next one. So a turn holds the host's lock until its headers are sent (or
    the exchange fails first). The asyncio lock and semaphore order this batch's tasks at
    no polling cost; the shared HostRecord carries the counts across batches (polled only
    while another batch holds the host)."""

    def __init__(self, host: str, cap: int, delay: float, max_crawl_delay: float) -> None:
        self.sem = asyncio.Semaphore(cap)
        self.lock = asyncio.Lock()
        self.cap = cap
        self.base_delay = delay
        self.max_crawl_delay = max_crawl_delay
        self.shared = host_record(host)

    @property
    def delay(self) -> float:
        shared = self.shared
        return max(self.base_delay, shared.source_delay,
                   min(shared.crawl_delay, self.max_crawl_delay))

    async def start(self, global_sem: asyncio.Semaphore) -> Turn:
        """Wait for this host's turn and a global slot; returns the Turn, which must get
        `sent()` (headers written) and then `done()`."""
        await self.lock.acquire()
        try:
            while True:
                shared = self.shared
                with shared.lock:
                    wait = max(shared.last_start + self.delay, shared.not_before) - time.monotonic()
                    busy = shared.in_flight >= self.cap or shared.sending > 0
                if wait > 0:
                    await asyncio.sleep(wait)
                    continue
                if busy:  # another batch holds the host's slots
                    await asyncio.sleep(0.02)
                    continue
                await global_sem.acquire()
                with shared.lock:
                    now = time.monotonic()
                    ok = (shared.in_flight < self.cap and shared.sending == 0
                          and now >= max(shared.last_start + self.delay, shared.not_before))
                    if ok:
                        shared.in_flight += 1
                        shared.sending += 1
                        shared.last_start = now
                        return Turn(self, global_sem)
                global_sem.release()  # another batch started meanwhile: wait again
        except BaseException:
            self.lock.release()
            raise

    def defer(self, seconds: float) -> None:
        """No request to this host before `seconds` from now (Retry-After)."""
        with self.shared.lock:
            self.shared.not_before = max(self.shared.not_before, time.monotonic() + seconds)


class Turn:
    """One exchange's hold on its host gate and a global slot."""

    __slots__ = ("gate", "global_sem", "is_sent", "is_done")

    def __init__(self, gate: HostGate, global_sem: asyncio.Semaphore) -> None:
        self.gate = gate
        self.global_sem = global_sem
        self.is_sent = False
        self.is_done = False

    def sent(self) -> None:
        """The request headers are on the wire: the delay starts now; the next request
        to this host may start waiting for it."""
        if self.is_sent:
            return
        self.is_sent = True
        shared = self.gate.shared
        with shared.lock:
            shared.sending -= 1
            shared.last_start = max(shared.last_start, time.monotonic())
        self.gate.lock.release()

    def done(self) -> None:
        if self.is_done:
            return
        self.sent()  # the exchange failed before sending: release the turn anyway
        self.is_done = True
        with self.gate.shared.lock:
            self.gate.shared.in_flight -= 1
        self.global_sem.release()


async def on_headers_sent(session, ctx, params) -> None:
    turn = ctx.trace_request_ctx
    if isinstance(turn, Turn):
        turn.sent()
