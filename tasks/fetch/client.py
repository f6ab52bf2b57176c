"""Fetch stage: download the pages of a batch of documents, politely and safely.

`fetch_batch(docs, settings, run_id)` runs one asyncio event loop per batch (aiohttp:
measured at about 1/9 of httpx's client CPU per page, bench/results/fetch.md) and returns
the documents that got a usable page plus one fetch_log row per URL attempted.

What a request goes through, in order:
1. `netguard.check_url` on the URL (http/https only, no private address literal), again on
   every redirect target; host names are checked on what they resolve to by the
   connector's resolver (`GuardedResolver`), at every connection.
2. robots.txt of the origin, fetched once per run by the same client (`robots.py`); after a
   page arrives, the origin's `/.well-known/tdmrep.json` likewise (TDMRep rules, read into
   the page's `rights` with `tasks.common.rights.tdmrep_signals`).
3. The host gate: at most `per_host_concurrency` requests in flight per host, request
   starts at least `per_host_delay_s` apart (or the host's delay from the sources file,
   or the robots.txt Crawl-delay up to `max_crawl_delay_s`, whichever is largest), counted
   from when the previous request's headers were sent; then a slot of the global
   `max_concurrency`. This state is process-wide, so concurrent batches share it.
4. One exchange under a total deadline (`request_timeout_s`, connect to last body byte):
   Content-Length above the cap refused before reading, body read to `max_body_bytes`
   (`max_source_bytes` for a sitemap or feed),
   content codings undone with the same cap per layer (`codings.py`), content type checked
   against the allowlist before the body is read.
5. Redirects followed by hand (`max_redirects`, loops detected, chain recorded), retries
   with exponential backoff and jitter on connection failures, 429 and 5xx, honouring
   Retry-After up to `retry_after_max_s`.
6. Every exchange (robots.txt, redirects and retries included) written to the WARC archive
   as request + response records (`archive.py`); the fetch_log row points at the final
   response record.

Documents from text dumps, or that arrive with a body (WARC input), pass through.

Beside this module: hosts.py (step 3's host gate), redirects.py (step 5's targets: the
Location header, meta and header refreshes), failures.py (error kinds, retries, backoff),
framing.py (response heads with two framings, read as HTTP says before aiohttp parses).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import os
import random
import signal
import socket
import threading
import time
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol
from urllib.parse import urlsplit

import aiohttp
import pyarrow as pa
from aiohttp.abc import AbstractResolver
from aiohttp.resolver import ThreadedResolver

from schemas.tables import DOCUMENTS, conform
from tasks.common import rights
from tasks.common.blockpage import block_page
from tasks.common.charset import sniff_encoding
from tasks.common.codings import (
    CodingError,
    accept_encoding,
    decode_body,
    decoded_head,
    page_length_watch,
)
from tasks.common.contentrange import part_of_a_page
from tasks.common.httplimits import MAX_HEADER_LINE_BYTES, MAX_HEADER_LINES
from tasks.common.ledger import CUT_TRANSFER_ERRORS, fetch_outcomes
from tasks.common.mediatype import effective_content_type, supplied_media_type
from tasks.common.netguard import AddressGuard, Refused, check_url
from tasks.common.result import StageResult
from tasks.common.sniff import GENERIC_PAGE_TYPES, binary_body_kind, is_blank, opens_as_html
from tasks.common.state import FetchHistory
from tasks.common.text import storable_text
from tasks.common.urls import server_key
from tasks.fetch.descriptors import cap_note, connection_cap, files_open, open_file_limit
from tasks.fetch.failures import (
    ACCEPTED_NO_PAGE,
    backoff_delay,
    classify_exception,
    partial_content_problem,
    retry_after,
    retry_after_words,
    retryable,
    status_error,
    timeout_words,
    unsupported_type_detail,
)
from tasks.fetch.framing import use_reframing
from tasks.fetch.hosts import HostGate, Turn, on_headers_sent, register_host_delays
from tasks.fetch.redirects import (
    location_problem,
    meta_refresh_target,
    redirect_target,
    refresh_header_target,
)
from tasks.fetch.robots import (
    MAX_ROBOTS_BYTES,
    MAX_ROBOTS_REDIRECTS,
    RobotsRules,
    agent_token,
    origin_key,
    origin_of,
    robots_url,
    rules_from_fetch,
)

STAGE = "fetch"


# Bytes of a non-page response (404 page, 5xx page) kept for the archive.
ERROR_BODY_BYTES = 64 * 1024


@dataclass(frozen=True)
class FetchConfig:
    """What the fetch stage uses of Settings (see there for each value's reason)."""

    user_agent: str
    request_timeout_s: float
    connect_timeout_s: float
    max_body_bytes: int
    max_source_bytes: int
    allow_private_hosts: bool
    allowed_networks: list[str]
    refresh: bool
    refetch_failed_after_hours: float
    max_concurrency: int
    per_host_concurrency: int
    per_host_delay_s: float
    max_crawl_delay_s: float
    host_delays: dict[str, float]
    respect_robots: bool
    robots_timeout_s: float
    read_tdmrep: bool
    max_retries: int
    backoff_base_s: float
    backoff_max_s: float
    retry_after_max_s: float
    max_redirects: int
    allowed_content_types: list[str]
    source_content_types: list[str]
    archive_noarchive_bodies: bool


class ArchiveWriter(Protocol):
    """Where every exchange is archived (tasks.storage.archive.WarcWriter): returns the
    (file, offset) a fetch_log row points at."""

    def write_exchange(self, url: str, request_head: bytes, response_head: bytes | None,
                       body: bytes | None, *, when: datetime, ip: str | None = None,
                       truncated: str | None = None, encoded: bool = False,
                       omitted: str | None = None) -> tuple[str, int]: ...


# -- resolver -------------------------------------------------------------------------
class GuardedResolver(AbstractResolver):
    """A resolver that refuses names resolving to forbidden addresses (checked on every
    connection, so redirects and DNS re-binding are covered too)."""

    def __init__(self, guard: AddressGuard) -> None:
        self._inner = ThreadedResolver()
        self._guard = guard

    async def resolve(self, host: str, port: int = 0, family: socket.AddressFamily = 0):
        infos = await self._inner.resolve(host, port, family)
        self._guard.check_resolved(host, [i["host"] for i in infos])
        return infos

    async def close(self) -> None:
        await self._inner.close()


# Per-origin files (robots.txt, tdmrep.json) per (run, kind, origin), shared by the batches
# of a run in this process: one fetch per host per run. A concurrent.futures.Future can be
# awaited from any event loop.
_ORIGIN_FILES: dict[tuple[str, str, str], concurrent.futures.Future] = {}
_ORIGIN_FILES_LOCK = threading.Lock()
_ORIGIN_FILES_RUNS: deque[str] = deque(maxlen=4)  # forget the files of older runs
# TDMRep: the well-known file's address, and the most of it we read (a rule list).
TDMREP_PATH = "/.well-known/tdmrep.json"
MAX_TDMREP_BYTES = 256 * 1024


@dataclass
class Exchange:
    """One HTTP request/response (one hop)."""

    url: str
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""
    error: str | None = None
    detail: str | None = None
    warc: tuple[str, int] | None = None
    archive: tuple[tuple, dict] | None = None  # write_exchange arguments, until written
    rights: list[str] | None = None  # opt-out signals of a 2xx response (tasks.common.rights)
    # distinct Location values, in order (`headers` keeps only the last of repeated ones)
    locations: list[str] = field(default_factory=list)


@dataclass
class UrlOutcome:
    url: str
    final_url: str | None = None
    status: int | None = None
    error: str | None = None
    detail: str | None = None
    body: bytes | None = None  # decoded content, on success
    raw_bytes: int = 0
    content_type: str | None = None
    encoding: str | None = None
    attempts: int = 0
    redirects: list[str] = field(default_factory=list)
    warc: tuple[str, int] | None = None
    started: float = 0.0
    elapsed_ms: float = 0.0
    fetched_at: datetime | None = None
    rights: list[str] | None = None
    # A discovery input whose transfer was cut: what arrived, decoded (the error stands)
    partial: bytes | None = None


def _media_type(content_type: str | None) -> str | None:
    """The media type a response supplies (None: none, or none a browser takes, so the
    body is sniffed: `supplied_media_type`)."""
    return supplied_media_type(content_type)


# How often a body read checks whether aiohttp's parser already failed (see _read_some).
_PARSER_POLL_S = 0.2


async def _read_some(resp: aiohttp.ClientResponse) -> bytes:
    """`resp.content.readany()`, except that a parser error in the middle of a body
    surfaces at once. aiohttp 3.x, when a broken chunk arrives *after* the headers (in a
    later TCP segment), records the error on the connection's protocol and closes it
    without waking a reader that is already waiting: the read would sit until the
    deadline and the fault would be logged as a timeout (reproduced with a server that
    sends the headers, pauses, then a bad chunk)."""
    # Fast path, no task: what is already buffered (most reads of a fast server).
    data = resp.content.read_nowait()
    if data or resp.content.is_eof():
        return data
    read = asyncio.ensure_future(resp.content.readany())
    try:
        while True:
            done, _ = await asyncio.wait({read}, timeout=_PARSER_POLL_S)
            if done:
                try:
                    return read.result()
                except RuntimeError:  # "Connection closed." after a parser error
                    _raise_parser_error(resp)
                    raise
            _raise_parser_error(resp)
    finally:
        if not read.done():
            read.cancel()


def _raise_parser_error(resp: aiohttp.ClientResponse) -> None:
    protocol = getattr(resp, "_protocol", None)
    if protocol is None and resp.connection is not None:
        protocol = resp.connection.protocol
    exc = protocol.exception() if protocol is not None else None
    if exc is not None:
        raise exc


class Fetcher:
    """The state of one batch's fetching: session, gates, robots cache, WARC writer."""

    def __init__(self, cfg: FetchConfig, run_id: str, writer: ArchiveWriter | None) -> None:
        self.cfg = cfg
        self.run_id = run_id
        self.writer = writer
        self.guard = AddressGuard.from_settings(cfg.allow_private_hosts, cfg.allowed_networks)
        self.agent = agent_token(cfg.user_agent)
        self.gates: dict[str, HostGate] = {}
        self.rng = random.Random()
        self.allowed_types = frozenset(t.lower() for t in cfg.allowed_content_types)
        self.source_types = self.allowed_types | {t.lower() for t in cfg.source_content_types}
        self.source_urls: set[str] = set()  # discovery inputs (feeds, sitemaps)
        self.session: aiohttp.ClientSession | None = None
        self.global_sem: asyncio.Semaphore | None = None
        self.conditional: dict[str, dict[str, str]] = {}  # url -> validators (refresh)
        # Connections at once: max_concurrency, or fewer under a low limit of open files
        # (descriptors.py); set on entering the session.
        self.connection_cap = cfg.max_concurrency
        self.open_file_limit: int | None = None

    # -- session ---------------------------------------------------------------------
    async def __aenter__(self) -> Fetcher:
        cfg = self.cfg
        self.open_file_limit = open_file_limit()
        self.connection_cap = connection_cap(cfg.max_concurrency, self.open_file_limit,
                                             files_open())
        trace = aiohttp.TraceConfig()
        trace.on_request_headers_sent.append(on_headers_sent)
        connector = aiohttp.TCPConnector(
            limit=self.connection_cap,
            limit_per_host=0,  # our HostGate enforces the per-host cap
            resolver=GuardedResolver(self.guard),
            ttl_dns_cache=300,
            enable_cleanup_closed=True,
            # One connection per request. On a kept-alive connection, bytes a server sends
            # after the response it declared (a second, unasked response; the excess of a
            # Content-Length shorter than the body, in a later segment) waited in the idle
            # connection and were read as the answer to the next request there: another
            # URL's page stored under it, and every later one shifted, without an error.
            # Costs a TCP (and TLS) handshake a page; the per-host delay (1 s) already
            # spaces a host's requests further apart than that.
            force_close=True,
        )
        # A chunked head beside a Content-Length read as RFC 9112 6.3 says (framing.py).
        use_reframing(connector)
        self.session = aiohttp.ClientSession(
            connector=connector,
            timeout=aiohttp.ClientTimeout(total=None, sock_connect=cfg.connect_timeout_s),
            auto_decompress=False,  # we decompress with a cap, and archive the raw bytes
            trust_env=False,  # an env proxy would resolve names past our guard
            cookie_jar=aiohttp.CookieJar(unsafe=True),  # consent redirects need cookies
            trace_configs=[trace],
            max_line_size=MAX_HEADER_LINE_BYTES,
            max_field_size=MAX_HEADER_LINE_BYTES,
            max_headers=MAX_HEADER_LINES,  # (aiohttp's own; the WARC reader reads as much)
            headers={
                "User-Agent": cfg.user_agent,
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
                "Accept-Encoding": accept_encoding(),
            },
        )
        self.global_sem = asyncio.Semaphore(self.connection_cap)
        self.warc_pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="warc")
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.session is not None:
            await self.session.close()
        self.warc_pool.shutdown(wait=True)

    def gate(self, url: str) -> HostGate:
        host = server_key(urlsplit(url).hostname or "")  # one gate per server, however spelt
        gate = self.gates.get(host)
        if gate is None:
            gate = self.gates[host] = HostGate(host, self.cfg.per_host_concurrency,
                                               self.cfg.per_host_delay_s,
                                               self.cfg.max_crawl_delay_s)
        return gate

    # -- one exchange ----------------------------------------------------------------
    async def exchange(
        self, url: str, *, body_cap: int, types: frozenset[str] | None,
        extra_headers: dict[str, str] | None = None,
        timeout: float | None = None,
    ) -> Exchange:
        """One request to `url` through the host gate, under the total deadline.

        `types` is the content-type allowlist of a 2xx response (None: any, for
        robots.txt); a Content-Length above `body_cap` is refused before reading then."""
        gate = self.gate(url)
        ex = Exchange(url)
        async with gate.sem:
            turn = await gate.start(self.global_sem)
            try:
                await self._exchange(ex, body_cap=body_cap, types=types, headers=extra_headers,
                                     timeout=timeout, turn=turn)
            finally:
                turn.done()
        if ex.archive is not None:
            # Compressing and writing in one writer thread (zlib releases the GIL): the
            # event loop goes on fetching on the other core, and records stay in order.
            job = functools.partial(self.writer.write_exchange, *ex.archive[0], **ex.archive[1])
            ex.archive = None
            ex.warc = await asyncio.get_running_loop().run_in_executor(self.warc_pool, job)
        if ex.status == 429 or (ex.status is not None and 500 <= ex.status <= 599):
            after = retry_after(ex.headers.get("retry-after"))
            if after is not None:
                gate.defer(min(after, self.cfg.retry_after_max_s))
        return ex

    async def _exchange(
        self, ex: Exchange, *, body_cap: int, types: frozenset[str] | None,
        headers: dict[str, str] | None,
        timeout: float | None, turn: Turn | None = None,
    ) -> None:
        cfg = self.cfg
        phase = "headers"
        resp = None
        buf = bytearray()
        truncated = None
        ip = None
        when = datetime.now(UTC)
        try:
            async with asyncio.timeout(timeout or cfg.request_timeout_s):
                async with self.session.get(
                    ex.url, allow_redirects=False, headers=headers, trace_request_ctx=turn
                ) as resp:
                    phase = "body"
                    ex.status = resp.status
                    ex.headers = {k.lower(): v for k, v in resp.headers.items()}
                    if "content-type" in ex.headers:
                        # Folded or appended values ("text/html, text/html;
                        # charset=utf-8") read as browsers read them (mediatype.py).
                        ex.headers["content-type"] = effective_content_type(
                            ", ".join(resp.headers.getall("content-type")))
                    if "content-encoding" in ex.headers:
                        # Codings in two header lines are one list, in order (RFC 9110
                        # 5.3): the last line alone left a layer on (`br` then `gzip`:
                        # the page stored as brotli bytes, refused as binary).
                        ex.headers["content-encoding"] = ", ".join(
                            resp.headers.getall("content-encoding"))
                    ex.locations = list(dict.fromkeys(resp.headers.getall("location", [])))
                    peer = resp.connection.transport.get_extra_info("peername") if (
                        resp.connection and resp.connection.transport) else None
                    ip = peer[0] if peer else None
                    media = _media_type(ex.headers.get("content-type"))
                    declared = resp.content_length
                    if 200 <= resp.status < 300:
                        limit = body_cap
                        if (types is not None and media is not None and media not in types
                                and media not in GENERIC_PAGE_TYPES):
                            ex.error = "unsupported_content_type"
                            ex.detail = unsupported_type_detail(media, ex.url)
                            limit = 0
                        elif types is not None and declared is not None and declared > body_cap:
                            ex.error = "too_large_declared"
                            ex.detail = f"Content-Length {declared} > {body_cap}"
                            limit = 0
                    else:  # an error page or a redirect: keep its start for the archive
                        limit = min(body_cap, ERROR_BODY_BYTES)
                    watch = page_length_watch(ex.headers.get("content-encoding"),
                                              declared) if declared and limit else None
                    while limit:
                        chunk = await _read_some(resp)
                        if not chunk:
                            break
                        buf += chunk
                        if watch is not None and len(buf) >= declared:
                            watch = None  # the body its length says: the usual case
                        if watch is not None and watch.feed(buf):
                            # A Content-Length of the page before compression: the gzip
                            # member (deflate, brotli stream) is whole and decodes to that
                            # length. Waiting for the rest was a `truncated` page after
                            # three attempts (a server that closes) or a `timeout_body`
                            # (one that keeps the connection open); the connection is
                            # dropped, as its framing is wrong (fault rounds 48, 51).
                            resp.close()
                            break
                        if len(buf) > limit:
                            del buf[limit:]
                            truncated = "length"
                            if 200 <= resp.status < 300 and ex.error is None:
                                ex.error = "too_large"
                                ex.detail = f"body exceeds {body_cap} bytes"
                            break
                    if limit == 0 or truncated:
                        resp.close()  # drop the connection instead of draining it
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - classified into an error kind, kept
            # Before the request headers were sent, the connection was still being made
            # (the kind stays as it was: the total deadline's timeout_headers, ...).
            connecting = phase == "headers" and turn is not None and not turn.is_sent
            if isinstance(exc, aiohttp.ClientConnectorError | aiohttp.ConnectionTimeoutError):
                connecting = True
            ex.error, ex.detail = classify_exception(exc, phase,
                                                      "connect" if connecting else phase)
            if isinstance(exc, TimeoutError) and not str(exc):
                # The total deadline's TimeoutError says nothing ("TimeoutError: "): name
                # the limit, and how far the body got (a stalled server and a trickle
                # read alike otherwise).
                ex.detail = timeout_words(ex.detail, timeout or cfg.request_timeout_s,
                                          len(buf) if phase == "body" else None,
                                          resp.content_length if resp is not None else None)
            truncated = {"timeout_body": "time"}.get(ex.error, "disconnect")
            if resp is not None:
                resp.close()
        ex.body = bytes(buf)
        if resp is not None and 200 <= resp.status < 300 and ex.error is None:
            ex.rights = response_rights(resp.raw_headers, ex.body,
                                        ex.headers.get("content-encoding"), self.agent)
        if self.writer is not None:
            self._archive(ex, resp, when, ip, truncated)

    def _archive(self, ex: Exchange, resp, when: datetime, ip: str | None, truncated) -> None:
        if resp is not None:
            info = resp.request_info
            req_headers = list(info.headers.items())
            version = f"{resp.version.major}.{resp.version.minor}" if resp.version else "1.1"
            resp_head = http_response_head(version, resp.status, resp.reason or "",
                                           resp.raw_headers)
        else:
            req_headers = [("Host", urlsplit(ex.url).netloc)]
            req_headers += list(self.session.headers.items())
            resp_head = None
        parts = urlsplit(ex.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        req_head = http_request_head("GET", target, req_headers)
        # noarchive: the publisher asks that no copy of the page be kept; the exchange is
        # still recorded (headers), its body is not.
        omitted = ("noarchive" if ex.rights and "noarchive" in ex.rights
                   and not self.cfg.archive_noarchive_bodies else None)
        body = ex.body if resp_head is not None and omitted is None else (
            b"" if resp_head is not None else None)
        ex.archive = (
            (ex.url, req_head, resp_head, body),
            {"when": when, "ip": ip,
             "truncated": ("unspecified" if omitted else truncated)
             if resp_head is not None else None,
             "encoded": ex.headers.get("content-encoding", "identity").strip().lower()
             not in ("", "identity"), "omitted": omitted},
        )

    # -- robots.txt --------------------------------------------------------------------
    async def _once_per_origin(self, kind: str, url: str, fetch):
        """`await fetch(url)` once per run, process and origin for this `kind` of file;
        the other batches and tasks wait for that fetch and share its result."""
        key = (self.run_id, kind, origin_key(url))
        with _ORIGIN_FILES_LOCK:
            fut = _ORIGIN_FILES.get(key)
            mine = fut is None
            if mine:
                if self.run_id not in _ORIGIN_FILES_RUNS:
                    if len(_ORIGIN_FILES_RUNS) == _ORIGIN_FILES_RUNS.maxlen:
                        old = _ORIGIN_FILES_RUNS[0]
                        for k in [k for k in _ORIGIN_FILES if k[0] == old]:
                            del _ORIGIN_FILES[k]
                    _ORIGIN_FILES_RUNS.append(self.run_id)
                fut = _ORIGIN_FILES[key] = concurrent.futures.Future()
        if not mine:
            try:
                return await asyncio.wrap_future(fut)
            except asyncio.CancelledError:
                if fut.cancelled() and not asyncio.current_task().cancelling():
                    # its fetcher was cancelled: fetch it here
                    return await self._once_per_origin(kind, url, fetch)
                raise
        try:
            result = await fetch(url)
        except BaseException:
            with _ORIGIN_FILES_LOCK:
                _ORIGIN_FILES.pop(key, None)
            fut.cancel()
            raise
        fut.set_result(result)
        return result

    # -- robots.txt --------------------------------------------------------------------
    async def rules_for(self, url: str) -> RobotsRules:
        """robots.txt rules of the URL's origin: fetched once per run and process, the
        other batches and tasks wait for that fetch."""
        return await self._once_per_origin("robots", url, self._robots_with_delay)

    async def _robots_with_delay(self, url: str) -> RobotsRules:
        try:
            rules = await self._fetch_robots(url)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - a bug here must not stop the batch
            rules = rules_from_fetch(None, None, f"internal_error {type(exc).__name__}")
        delay = rules.crawl_delay(self.agent)
        if delay is not None:
            record = self.gate(url).shared
            with record.lock:
                record.crawl_delay = delay
        return rules

    async def _fetch_robots(self, url: str) -> RobotsRules:
        current = robots_url(url)
        for _ in range(MAX_ROBOTS_REDIRECTS + 1):
            try:
                check_url(current, self.guard)
            except Refused as exc:
                return rules_from_fetch(None, None, exc.kind, exc.detail)
            ex = await self.exchange(current, body_cap=MAX_ROBOTS_BYTES, types=None,
                                     timeout=min(self.cfg.robots_timeout_s,
                                                 self.cfg.request_timeout_s))
            if ex.error is not None and ex.status is None:
                return rules_from_fetch(None, None, ex.error, ex.detail)
            location = ex.headers.get("location")
            if ex.status in (301, 302, 303, 307, 308) and location:
                current = redirect_target(current, location)
                if current is None:  # a redirect that cannot be followed: as too many
                    return rules_from_fetch(None, None, "too_many_redirects")
                continue
            if ex.error is not None and ex.error != "too_large" and 200 <= ex.status < 300:
                # A file cut short (a transfer that ended early) is not the site's rules:
                # its first half could allow what the rest forbids. It counts as a
                # robots.txt we could not reach (RFC 9309 2.3.1.4): the origin is
                # disallowed for this run, as on a timeout. Only a file longer than the
                # cap (too_large) is parsed in part, as the RFC's 500 KiB limit says.
                return rules_from_fetch(None, None, ex.error, ex.detail)
            body = ex.body
            try:
                # refuse_cut_data: gzip data that stops half way is refused the same way,
                # not decoded to the prefix it holds.
                body, _ = decode_body(body, ex.headers.get("content-encoding"), MAX_ROBOTS_BYTES,
                                      refuse_cut_data=True)
            except CodingError as exc:
                if exc.kind != "decompressed_too_large":
                    return rules_from_fetch(None, None, exc.kind, exc.detail)
                # Over 500 KiB once decompressed: its first 500 KiB are the rules (RFC
                # 9309 2.5). Left compressed, the file was parsed as binary: no rules,
                # allow-all.
                body = decoded_head(ex.body, ex.headers.get("content-encoding"),
                                    MAX_ROBOTS_BYTES)
                if body.startswith(b"\x1f\x8b"):  # a gzip layer nobody declared
                    body = decoded_head(body, "gzip", MAX_ROBOTS_BYTES)
            return rules_from_fetch(ex.status, body, None)
        return rules_from_fetch(None, None, "too_many_redirects")

    # -- /.well-known/tdmrep.json ------------------------------------------------------
    async def tdmrep_for(self, url: str) -> bytes | None:
        """The body of the origin's TDMRep file (None: none, or unreadable), fetched once
        per run and process like robots.txt."""
        return await self._once_per_origin("tdmrep", url, self._fetch_tdmrep)

    async def _fetch_tdmrep(self, url: str) -> bytes | None:
        current = origin_of(url) + TDMREP_PATH
        # Redirects within the limits robots.txt has (a site moved to https or www.).
        for _ in range(MAX_ROBOTS_REDIRECTS + 1):
            try:
                check_url(current, self.guard)
            except Refused:
                return None
            ex = await self.exchange(current, body_cap=MAX_TDMREP_BYTES, types=None,
                                     timeout=min(self.cfg.robots_timeout_s,
                                                 self.cfg.request_timeout_s))
            location = ex.headers.get("location")
            if ex.status in (301, 302, 303, 307, 308) and location:
                current = redirect_target(current, location)
                if current is None:
                    return None
                continue
            if ex.error is not None or ex.status is None or not 200 <= ex.status < 300:
                return None  # no file (404), or none we could read: it says nothing
            try:
                body, _ = decode_body(ex.body, ex.headers.get("content-encoding"),
                                      MAX_TDMREP_BYTES)
            except CodingError:
                return None
            return body
        return None

    async def _tdmrep_signals(self, url: str) -> set[str]:
        try:
            document = await self.tdmrep_for(url)
        except asyncio.CancelledError:
            raise
        except Exception:  # noqa: BLE001 - an unreadable rights file must not stop a page
            return set()
        if not document:
            return set()
        parts = urlsplit(url)
        try:
            return rights.tdmrep_signals(document, (parts.path or "/")
                                         + (f"?{parts.query}" if parts.query else ""))
        except Exception:  # noqa: BLE001 - a rights file we cannot read costs no page
            return set()

    # -- one URL -----------------------------------------------------------------------
    async def fetch_url(self, url: str) -> UrlOutcome:
        """A URL through redirects and retries to a page or an error kind."""
        out = UrlOutcome(url=url, started=time.monotonic())
        cfg = self.cfg
        longest: CutPart | None = None  # of a discovery input cut short, over attempts
        for attempt in range(cfg.max_retries + 1):
            out.attempts = attempt + 1
            out.redirects = []
            out.error = out.detail = None
            out.partial = out.content_type = None
            ex = await self._attempt(url, out)
            if out.partial is not None and (longest is None
                                            or len(out.partial) > len(longest.body)):
                longest = CutPart(out.partial, out.content_type, out.final_url,
                                  out.attempts, out.error)
            if not retryable(out.error, out.status) or attempt == cfg.max_retries:
                break
            wait = backoff_delay(attempt, cfg.backoff_base_s, cfg.backoff_max_s, self.rng)
            after = retry_after(ex.headers.get("retry-after")) if ex is not None else None
            if after is not None:
                if after > cfg.retry_after_max_s:
                    out.detail = f"{out.detail}; {retry_after_words(after, cfg.retry_after_max_s)}"
                    break
                wait = max(wait, after)
            await asyncio.sleep(wait)
        if out.error is not None and longest is not None:
            hand_over_cut_part(out, longest)
        out.elapsed_ms = (time.monotonic() - out.started) * 1000
        out.fetched_at = datetime.now(UTC)
        return out

    async def _attempt(self, url: str, out: UrlOutcome) -> Exchange | None:
        cfg = self.cfg
        current = url
        seen: dict[str, int] = defaultdict(int)
        for _hop in range(cfg.max_redirects + 1):
            try:
                check_url(current, self.guard)
            except Refused as exc:
                out.error, out.detail, out.final_url = exc.kind, exc.detail, current
                return None
            seen[current] += 1
            if seen[current] > 2:  # twice is a cookie-setting bounce, thrice a loop
                out.error, out.detail = "redirect_loop", f"{current} visited {seen[current]}x"
                return None
            if cfg.respect_robots:
                rules = await self.rules_for(current)
                if not rules.allows(current, self.agent):
                    out.error = rules.error_kind
                    out.detail = rules.detail
                    out.final_url = current
                    return None
            validators = self.conditional.get(current) if current == url else None
            source = url in self.source_urls
            ex = await self.exchange(current, body_cap=self._body_cap(source),
                                     types=self.source_types if source else self.allowed_types,
                                     extra_headers=validators)
            out.final_url, out.status, out.warc = current, ex.status, ex.warc or out.warc
            out.rights = ex.rights
            out.raw_bytes = len(ex.body)
            if ex.error is not None:
                out.error, out.detail = ex.error, ex.detail
                if source:
                    self._keep_cut_source(ex, out)
                return ex
            if not 100 <= ex.status <= 599:
                # No HTTP status (RFC 9110 defines 1xx-5xx): a broken server or not HTTP
                # at all; nothing says another attempt would differ, so not retried.
                out.error = "bad_status"
                out.detail = f"HTTP status {ex.status} is outside 100-599"
                return ex
            location = ex.headers.get("location")
            if ex.status in (301, 302, 303, 307, 308) and len(ex.locations) > 1:
                # Which one the server meant is unknowable; browsers refuse it too.
                out.error = "bad_redirect"
                out.detail = (f"HTTP {ex.status} with {len(ex.locations)} different Location "
                              f"headers: {', '.join(repr(v[:100]) for v in ex.locations[:3])}")
                return ex
            if ex.status in (301, 302, 303, 307, 308) and location:
                nxt = redirect_target(current, location)
                if nxt is None:
                    why = location_problem(location)
                    out.error = "bad_redirect"
                    out.detail = (f"HTTP {ex.status} to an unusable Location {location[:200]!r}"
                                  + (f": {why}" if why else ""))
                    return ex
                out.redirects.append(nxt)
                current = nxt
                continue
            if ex.status == 206:
                out.detail = partial_content_problem(ex.headers.get("content-range"))
                if out.detail is not None:
                    out.error = "partial_content"
                    return ex
            elif 200 <= ex.status < 300 and "content-range" in ex.headers:
                # A 2xx that is a slice by its own Content-Range and length (a cache's or
                # proxy's): it was kept as the page, the article cut (round 21).
                part = part_of_a_page(ex.headers["content-range"], len(ex.body))
                if part is not None:
                    out.error, out.detail = "partial_content", f"HTTP {ex.status} with {part}"
                    return ex
            if ex.status == 304 and not validators:
                # Not Modified answers only a conditional GET; to a plain one it says
                # nothing about the page (a broken cache or server): a failure, not the
                # "unchanged" skip that not_modified counts as in the run's ledger.
                out.error = "http_304"
                out.detail = "HTTP 304 Not Modified, but no conditional headers were sent"
                return ex
            out.error = status_error(ex.status)
            if out.error is not None:
                out.detail = f"HTTP {ex.status}" + (
                    ": an interim (1xx) response, and no final response followed"
                    if ex.status < 200 else ACCEPTED_NO_PAGE if ex.status == 202 else "")
                if out.error == "bad_redirect":
                    out.detail += " without a Location header" if not location else (
                        f" with Location {location[:200]!r}, but no redirect status")
                return ex
            self._finish_page(ex, out, source)
            refresh = ((refresh_header_target(current, ex.headers.get("refresh"))
                        or meta_refresh_target(current, out.body, out.encoding))
                       if not source and out.body is not None else None)
            if refresh is not None:
                out.redirects.append(refresh)
                out.body = out.encoding = out.content_type = None
                current = refresh
                continue
            if cfg.read_tdmrep and not source and out.body is not None:
                # A reservation declared by any of TDMRep's three techniques (header,
                # meta, the well-known file) counts: the strictest reading of a conflict.
                found = await self._tdmrep_signals(current)
                if found:
                    out.rights = rights.as_column(out.rights, found)
            return ex
        out.error = "too_many_redirects"
        out.detail = f"more than {cfg.max_redirects} redirects"
        return None

    def _body_cap(self, source: bool) -> int:
        """The byte cap of a body, before and after its codings: a discovery input's
        (a sitemap may hold 50 MB) or a page's, whichever is larger for a source."""
        return max(self.cfg.max_source_bytes, self.cfg.max_body_bytes) if source \
            else self.cfg.max_body_bytes

    def _finish_page(self, ex: Exchange, out: UrlOutcome, source: bool = False) -> None:
        """Decode a 2xx page: content codings, then the charset. A discovery input
        (`source`) keeps an undeclared gzip layer (a .xml.gz sitemap, which its parser
        decompresses under its own, larger cap) and needs no HTML sniffing."""
        try:
            # The transfer ended whole here (a cut transfer is an error before this), so
            # compressed data that stops early was cut by the server: refused, not kept.
            body, _ = decode_body(ex.body, ex.headers.get("content-encoding"),
                                  self._body_cap(source), undeclared_gzip=not source,
                                  refuse_cut_data=True)
        except CodingError as exc:
            out.error, out.detail = exc.kind, exc.detail
            if source:  # gzip data cut in a whole transfer: cut all the same
                self._keep_cut_source(ex, out)
            return
        if is_blank(body):
            out.error, out.detail = "empty_body", "the page has no content"
            return
        ctype = ex.headers.get("content-type")
        media = _media_type(ctype)
        if media is None and source:
            media = "application/octet-stream"
        if media is None:
            if not opens_as_html(body):
                out.error, out.detail = "unsupported_content_type", (
                    f"content-type {ctype[:100]!r}, no media type a browser takes, and the "
                    "body is no HTML page" if ctype else "no content-type, not HTML")
                return
            media = "text/html"
        elif not source and media in GENERIC_PAGE_TYPES:
            if not opens_as_html(body):
                out.error = "unsupported_content_type"
                out.detail = f"content-type {media}, and the body is no HTML page"
                return
            media = "text/html"
        binary = None if source else binary_body_kind(body)
        if binary is not None:
            out.error = "unsupported_content_type"
            out.detail = f"content-type {media}, but the body is {binary}"
            return
        blocked = block_page(body)
        if blocked is not None:
            # A failed fetch, not a page: kept, it was an article of the firewall's words
            # and the URL was never asked for again (fault round 51). Not retried in the
            # run (asking again at once is what such a firewall counts against a client);
            # a later run asks again after refetch_failed_after_hours.
            out.error = "blocked_page"
            out.detail = (f"HTTP {ex.status}, but the body is {blocked}, not the page: the "
                          "site's CDN or firewall refused this client")
            return
        out.encoding, _ = sniff_encoding(body, ctype)
        out.content_type = media
        out.body = body

    def _keep_cut_source(self, ex: Exchange, out: UrlOutcome) -> None:
        """Keep what arrived of a discovery input (sitemap, feed) whose transfer was cut,
        decoded, in `out.partial`: its whole entries are good, and the parsers drop the
        one the cut fell in (`sitemap_truncated`, `feed_truncated`). The fetch stays the
        failure it is (its error in fetch_log); `run` hands the body over apart from the
        pages (StageResult.cut_sources). Never called for an article page: a page cut
        short is never extracted. A 206 slice, an empty arrival or codings that cannot
        be undone (cut inside a gzip header) give nothing."""
        if (out.error not in CUT_TRANSFER_ERRORS or ex.status is None
                or not 200 <= ex.status < 300 or ex.status == 206 or not ex.body):
            return
        try:
            # cut_prefix: a cut brotli stream decodes to its prefix as gzip does (it was
            # refused, and the whole source lost).
            body, _ = decode_body(ex.body, ex.headers.get("content-encoding"),
                                  self._body_cap(True), undeclared_gzip=False,
                                  cut_prefix=True)
        except CodingError:
            return
        if not body.strip():
            return
        out.partial = body
        out.content_type = _media_type(ex.headers.get("content-type")) or \
            "application/octet-stream"


@dataclass(frozen=True)
class CutPart:
    """What arrived of one attempt at a discovery input whose transfer was cut, decoded."""

    body: bytes
    content_type: str | None
    final_url: str | None
    attempt: int
    error: str | None


def hand_over_cut_part(out: UrlOutcome, part: CutPart) -> None:
    """Give a failed fetch of a discovery input the longest part any of its attempts
    got, and say so in its detail. The last attempt's part alone used to be handed over:
    a retry that failed before the body (a 503, a timeout on the headers) lost the
    entries an earlier attempt had brought. The error stays the last attempt's; the
    row's final_url becomes the part's, the base of its relative links."""
    if part.attempt == out.attempts:
        out.detail = (f"{out.detail}; the {len(part.body)} bytes that arrived were read for "
                      "the entries before the cut")
        return
    out.partial, out.content_type, out.final_url = part.body, part.content_type, part.final_url
    out.detail = (f"{out.detail}; attempt {part.attempt} of {out.attempts} was cut "
                  f"({part.error}): the {len(part.body)} bytes that arrived then were read "
                  "for the entries before the cut")


def response_rights(raw_headers, body: bytes, content_encoding: str | None, agent: str
                    ) -> list[str]:
    """Opt-out signals of a response: its X-Robots-Tag / tdm-reservation headers (every
    repeated value) and the <meta> tags of the decoded head of its body."""
    head = decoded_head(body, content_encoding, rights.META_SCAN_BYTES)
    return rights.as_column(rights.header_signals(raw_headers, agent),
                            rights.meta_signals(head, agent))


# -- HTTP messages as sent and received, for the archive --------------------------------
def _header_value(value: str) -> str:
    """A header value without CR/LF (a URL from the web must not inject headers)."""
    return value.replace("\r", "%0D").replace("\n", "%0A")


def http_request_head(method: str, target: str, headers: Iterable[tuple[str, str]]) -> bytes:
    """The request line and headers as sent (HTTP/1.1)."""
    lines = [f"{method} {target} HTTP/1.1"]
    lines += [f"{_header_value(k)}: {_header_value(v)}" for k, v in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace")


def http_response_head(
    version: str, status: int, reason: str, raw_headers: Iterable[tuple[bytes, bytes]]
) -> bytes:
    """The status line and headers as received. Transfer-Encoding is renamed
    X-Crawler-Transfer-Encoding (as Common Crawl does): the archived body is no longer
    chunked, so readers must not try to de-chunk it."""
    out = [f"HTTP/{version} {status} {reason}".encode("latin-1", "replace")]
    for name, value in raw_headers:
        if name.lower() == b"transfer-encoding":
            name = b"X-Crawler-Transfer-Encoding"
        out.append(name + b": " + value)
    return b"\r\n".join(out) + b"\r\n\r\n"


# -- the batch -------------------------------------------------------------------------
def _host_key(url: str) -> str:
    """The host a URL's queue is keyed by. A URL urlsplit refuses ("http://[::1/x", from
    a sitemap index's <loc> or a feed named on the command line) raised ValueError
    here and ended the whole batch; it gets a queue of its own, and its attempt's
    check_url makes it an invalid_url row of fetch_log."""
    try:
        return server_key(urlsplit(url).hostname or "")
    except ValueError:
        return ""


async def _run(fetcher: Fetcher, urls: list[str]) -> dict[str, UrlOutcome]:
    """Fetch all URLs: `per_host_concurrency` workers per host drain that host's queue,
    so tasks waiting for a host's delay never hold a global slot."""
    queues: dict[str, deque[str]] = defaultdict(deque)
    for url in urls:
        queues[_host_key(url)].append(url)
    results: dict[str, UrlOutcome] = {}

    async def worker(queue: deque[str]) -> None:
        while queue:
            url = queue.popleft()
            try:
                results[url] = await fetcher.fetch_url(url)
            except Exception as exc:  # noqa: BLE001 - a bug must not lose the other URLs
                results[url] = UrlOutcome(url=url, error="internal_error",
                                          detail=f"{type(exc).__name__}: {exc}"[:500],
                                          fetched_at=datetime.now(UTC))

    async with fetcher:
        tasks = [
            asyncio.create_task(worker(q))
            for q in queues.values()
            for _ in range(min(fetcher.cfg.per_host_concurrency, len(q)))
        ]
        await asyncio.gather(*tasks)
    return results


class FetchesStopped(asyncio.CancelledError):
    """The run is stopping (SIGTERM, Ctrl-C): this batch's fetches were cancelled and
    nothing of the batch is committed, so the next run asks its URLs again. A
    cancellation (a BaseException, as KeyboardInterrupt is): no `except Exception` on the
    way takes it for the batch's failure, and Prefect records the task as cancelled by
    its environment, where an Exception was a "failed" task logged with its traceback."""


# The batches fetching now, each its loop and main task, and whether the run is stopping.
# A fetch waiting on a stalled server holds its task thread until the request's deadline
# (20 s by default, times the attempts), and the process's exit waits for that thread: a
# SIGTERM took up to 129 s to end a run (fault round 55). `stop_fetches`, called by the
# command's signal handlers, cancels them from the main thread (fault round 56).
_live: dict[asyncio.AbstractEventLoop, asyncio.Task] = {}
_live_lock = threading.RLock()  # RLock: the handler may interrupt its own thread holding it
_stopping = threading.Event()


def stop_fetches() -> None:
    """Cancel every batch's fetches in flight, and refuse those not started: safe from a
    signal handler (only a flag, a lock held for a dict copy, and call_soon_threadsafe).
    The flag is never cleared: a stop ends the process, and batches still queued on the
    task runner, which its exit waits for, must not start fetching then."""
    _stopping.set()
    with _live_lock:
        live = list(_live.items())
    for loop, main in live:
        try:
            loop.call_soon_threadsafe(main.cancel)
        except RuntimeError:  # that loop has just closed: its batch is over
            pass


def stopping() -> bool:
    """Whether a stop was asked (`stop_fetches`: SIGTERM, Ctrl-C, a hangup): the process
    is ending, and nothing should wait for work that will not be committed."""
    return _stopping.is_set()


@contextmanager
def fetches_stop_on_signals() -> Iterator[None]:
    """For its duration, SIGTERM and SIGINT (unless ignored, as CI starts jobs) first stop
    the fetches (`stop_fetches`), then go on to the handler that was there (the command's
    exit, Prefect's crash report, KeyboardInterrupt). Only the main thread can set
    handlers: elsewhere this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT)}
    previous = {s: h for s, h in previous.items() if h is not signal.SIG_IGN}

    def stop_then_previous(signum, frame):
        stop_fetches()
        before = previous[signum]
        if callable(before):
            before(signum, frame)
        else:  # the default (or a handler not set from Python): end as it would have
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)

    for signum in previous:
        signal.signal(signum, stop_then_previous)
    try:
        yield
    finally:
        for signum, before in previous.items():
            if signal.getsignal(signum) is stop_then_previous:
                signal.signal(signum, before if before is not None else signal.SIG_DFL)


async def _stoppable(coro):
    """`coro` as its loop's main task, registered so that `stop_fetches` can cancel it."""
    loop, main = asyncio.get_running_loop(), asyncio.current_task()
    with _live_lock:
        _live[loop] = main
    try:
        if _stopping.is_set():  # stopped between the check in _run_sync and here
            raise asyncio.CancelledError
        return await coro
    finally:
        with _live_lock:
            _live.pop(loop, None)


def _run_beside_the_main_thread(coro):
    """asyncio.run(coro) in a thread of its own while the main thread waits for it.

    Signals are handled in the main thread, and their handlers raise there: Prefect's
    SIGTERM handler (TerminationSignal), Ctrl-C (KeyboardInterrupt), the command's exit.
    With the event loop in the main thread (the discover stage's feed and sitemap
    fetches), that exception could land inside the loop's transport callbacks, which take
    any exception but SystemExit and KeyboardInterrupt for the connection's failure: the
    stop was lost (the fetch recorded as failed, the run went on and exited 0) and asyncio
    logged a "Fatal read error" traceback (fault round 57). Here it lands in the wait,
    which then stops the fetches (the process is ending) and lets the exception go on."""
    done: concurrent.futures.Future = concurrent.futures.Future()

    def run() -> None:
        try:
            done.set_result(asyncio.run(coro))
        except BaseException as exc:  # noqa: BLE001 -- handed to the waiting thread
            done.set_exception(exc)

    fetches = threading.Thread(target=run, name="fetches", daemon=True)
    try:
        # started within: under load the thread can connect and have the signal sent
        # before start() returns here, and the exception left before the try (round 58)
        fetches.start()
        return done.result()
    except BaseException:
        if not done.done():  # a signal's exception raised in this thread while it waited
            stop_fetches()
        raise


def _run_sync(coro):
    """asyncio.run, also from a thread that already runs an event loop (then in a new
    thread: a batch's loop must not share a loop with its caller); cancelled by
    `stop_fetches`, then FetchesStopped."""
    if _stopping.is_set():
        coro.close()
        raise FetchesStopped("the run is stopping: this batch's fetches were not started")
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        on_main = threading.current_thread() is threading.main_thread()
        runner = _run_beside_the_main_thread if on_main else asyncio.run
    else:
        from concurrent.futures import ThreadPoolExecutor

        def runner(c):
            with ThreadPoolExecutor(1) as pool:
                return pool.submit(asyncio.run, c).result()
    try:
        outcomes = runner(_stoppable(coro))
    except asyncio.CancelledError:
        if not _stopping.is_set():
            raise
        raise FetchesStopped("the run is stopping: this batch's fetches were cancelled "
                             "in flight; the next run asks its URLs again") from None
    if _stopping.is_set():
        # A stop came while the fetches ran, yet they returned: the signal's exit was
        # raised inside a library that caught it (aiohttp turns any exception in its
        # parsing of a response, SystemExit included, into that fetch's error), and its
        # fetches ended as failures of the stop's making. Nothing of them is kept; the
        # run must not go on as if the stop had not come (fault round 57's flaky case).
        raise FetchesStopped("the run is stopping: this batch's fetches ended during the "
                             "stop; the next run asks its URLs again")
    return outcomes


def _log_row(out: UrlOutcome, doc: dict, run_id: str) -> dict:
    return {
        "url": out.url,
        "final_url": storable_text(out.final_url),
        "status": out.status,
        "error": out.error,
        "error_detail": storable_text(out.detail),
        "bytes": out.raw_bytes if out.attempts else None,
        "content_type": storable_text(out.content_type),
        "encoding": out.encoding,
        "elapsed_ms": round(out.elapsed_ms, 3),
        "attempts": out.attempts,
        "redirects": [storable_text(r) for r in out.redirects],
        "fetched_at": out.fetched_at or datetime.now(UTC),
        "warc_file": out.warc[0] if out.warc else None,
        "warc_offset": out.warc[1] if out.warc else None,
        "source_kind": doc.get("source_kind"),
        "source": doc.get("source"),
        "run_id": run_id,
    }


def _passthrough(docs: pa.Table) -> tuple[pa.Table, list[dict]]:
    """(the documents that need no fetch, as a DOCUMENTS table: dumps and those that
    already carry a body, e.g. WARC records; the others as rows). The bodies stay in
    their Arrow buffers: a WARC batch turned into Python rows and back was two more
    copies of every page in the flow's process."""
    import pyarrow.compute as pc

    if not docs.schema.equals(DOCUMENTS):  # not a DOCUMENTS table: row by row, checked
        rows = docs.to_pylist()
        kept = [r for r in rows if r.get("source_kind") == "dump" or r.get("body") is not None]
        return (conform(kept, DOCUMENTS, "documents"),
                [r for r in rows if not (r.get("source_kind") == "dump"
                                         or r.get("body") is not None)])
    done = pc.fill_null(pc.or_(pc.equal(docs.column("source_kind"), "dump"),
                               pc.is_valid(docs.column("body"))), False)
    if pc.all(done).as_py():  # a WARC batch: kept as it is (filter would copy every page)
        return docs, []
    return docs.filter(done), docs.filter(pc.invert(done)).to_pylist()


def run(docs: pa.Table, config: FetchConfig, run_id: str, *,
        history: Mapping[str, FetchHistory] | None = None,
        archive: ArchiveWriter | None = None) -> StageResult:
    """Fetch the pages of a batch of DOCUMENTS (see the module docstring).

    Dumps and documents that already carry a body pass through untouched. Every other
    document with a URL yields one fetch_log row per distinct URL; those that got a usable
    page come back with body, final_url, status, content_type, encoding, fetched_at; a
    feed or sitemap whose transfer was cut is a failure that also comes back, with what
    arrived, in `cut_sources` (for discover; never a page for extraction).
    `history` (the warehouse's latest fetch of these URLs, read by the wrapper) skips
    URLs already fetched or that failed recently, or under `refresh` sends their
    validators (a conditional GET); `archive` receives every exchange."""
    cfg = config
    history = history or {}
    kept, to_fetch = _passthrough(docs)

    log: list[dict] = []
    now = datetime.now(UTC)
    urls: list[str] = []
    first_doc: dict[str, dict] = {}
    docs_of: dict[str, list[dict]] = defaultdict(list)
    for row in to_fetch:
        url = (row.get("url") or "").strip()
        if not url:
            log.append(_log_row(UrlOutcome(url="", error="invalid_url", detail="no URL",
                                           fetched_at=now), row, run_id))
            continue
        if url not in first_doc:
            first_doc[url] = row
            urls.append(url)
        docs_of[url].append(row)

    # Known URLs: skipped, or re-fetched with a conditional GET under refresh.
    conditional: dict[str, dict[str, str]] = {}
    fresh = []
    # recent within the window either side of now: a failure stamped further ahead was
    # stamped by a clock since set back (see storage's known_inputs; fault round 54)
    window = timedelta(hours=cfg.refetch_failed_after_hours)
    failed_cutoff, failed_until = now - window, now + window
    for url in urls:
        past = history.get(url)
        if past is None:
            fresh.append(url)
        elif past.error is None and past.status is not None:
            if cfg.refresh:
                conditional[url] = past.validators
                fresh.append(url)
            else:
                log.append(_log_row(UrlOutcome(url=url, error="already_fetched",
                                               detail="in the warehouse; use --refresh",
                                               fetched_at=now), first_doc[url], run_id))
        elif not cfg.refresh and past.fetched_at and (
                failed_cutoff < past.fetched_at <= failed_until):
            log.append(_log_row(UrlOutcome(url=url, error="recently_failed",
                                           detail=f"failed at {past.fetched_at:%Y-%m-%d %H:%M}"
                                           f" ({past.error})", fetched_at=now),
                                first_doc[url], run_id))
        else:
            fresh.append(url)

    outcomes: dict[str, UrlOutcome] = {}
    if fresh:
        if cfg.host_delays:
            register_host_delays(cfg.host_delays)
        fetcher = Fetcher(cfg, run_id, archive)
        fetcher.conditional = {u: v for u, v in conditional.items() if v}
        fetcher.source_urls = {
            u for u in fresh
            if first_doc[u].get("source_kind") in ("feed", "sitemap")
            and first_doc[u].get("source") == u
        }
        outcomes = _run_sync(_run(fetcher, fresh))
        note = cap_note(cfg.max_concurrency, fetcher.connection_cap, fetcher.open_file_limit)
        notes = [note] if note else []
    else:
        notes = []

    fetched, cut = [], []
    for url in fresh:
        out = outcomes[url]
        log.append(_log_row(out, first_doc[url], run_id))
        if out.error is None and out.body is not None:
            for row in docs_of[url]:
                fetched.append({**row, "final_url": out.final_url, "status": out.status,
                                    "content_type": out.content_type, "encoding": out.encoding,
                                    "body": out.body, "fetched_at": out.fetched_at,
                                    "rights": out.rights})
        elif out.partial is not None:
            # A failed fetch (counted once, in `failed`), whose body goes to discover on a
            # channel of its own, never on to extraction.
            cut.append({**first_doc[url], "final_url": out.final_url, "status": out.status,
                        "content_type": out.content_type, "body": out.partial,
                        "fetched_at": out.fetched_at})
    table = pa.concat_tables([kept, conform(fetched, DOCUMENTS, "documents")])
    failed, unchanged = fetch_outcomes(log)
    return StageResult(STAGE, table, docs.num_rows, fetch_log=log, failed=failed,
                       skipped=unchanged, notes=notes,
                       cut_sources=conform(cut, DOCUMENTS, "documents") if cut else None)
