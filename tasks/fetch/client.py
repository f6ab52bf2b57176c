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
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import email.utils
import functools
import html
import random
import re
import socket
import threading
import time
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol
from urllib.parse import urldefrag, urljoin, urlsplit

import aiohttp
import pyarrow as pa
from aiohttp.abc import AbstractResolver
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.resolver import ThreadedResolver
from w3lib.html import get_base_url, get_meta_refresh

from schemas.tables import DOCUMENTS, conform
from tasks.common import rights
from tasks.common.charset import decode, sniff_encoding
from tasks.common.codings import CodingError, accept_encoding, decode_body, decoded_head
from tasks.common.ledger import CUT_TRANSFER_ERRORS, fetch_outcomes
from tasks.common.mediatype import effective_content_type
from tasks.common.netguard import AddressGuard, BlockedAddress, Refused, check_url
from tasks.common.result import StageResult
from tasks.common.sniff import GENERIC_PAGE_TYPES, binary_body_kind, is_blank, opens_as_html
from tasks.common.state import FetchHistory
from tasks.common.text import storable_text
from tasks.common.urls import base_url_of, strip_userinfo, trim_url
from tasks.fetch.robots import (
    MAX_ROBOTS_BYTES,
    MAX_ROBOTS_REDIRECTS,
    RobotsRules,
    agent_token,
    origin_of,
    robots_url,
    rules_from_fetch,
)

STAGE = "fetch"

# Error kinds that a later attempt may cure; anything else is final on the first try.
RETRYABLE_KINDS = frozenset(
    {"connect_error", "connect_timeout", "connection_reset", "disconnected", "truncated"}
)


def retryable(kind: str | None, status: int | None) -> bool:
    """Connection failures, 429 and 5xx are worth another attempt; other 4xx are not."""
    if kind in RETRYABLE_KINDS:
        return True
    return kind is not None and status is not None and (status == 429 or 500 <= status <= 599)


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


# -- politeness -----------------------------------------------------------------------
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


def register_host_delays(delays: dict[str, float]) -> None:
    """Per-host politeness delays for every later batch of this process, e.g. from
    `sourcesfile.host_delays(...)`; the largest of this, the batch's per_host_delay_s and
    the robots.txt Crawl-delay (capped) applies."""
    for host, delay in delays.items():
        record = host_record(host.lower())
        with record.lock:
            record.source_delay = float(delay)


def host_record(host: str) -> HostRecord:
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


async def _on_headers_sent(session, ctx, params) -> None:
    turn = ctx.trace_request_ctx
    if isinstance(turn, Turn):
        turn.sent()


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
    if not content_type:
        return None
    return content_type.split(";", 1)[0].strip().lower() or None


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # delta-seconds: ASCII digits (RFC 9110)
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def timeout_words(detail: str, deadline: float, read: int | None,
                  declared: int | None) -> str:
    """A deadline's error detail in words: which limit passed and, once the body was
    being read, how many of its bytes came (of how many declared)."""
    words = f"{detail.split(': TimeoutError', 1)[0]}: no end within the {deadline:g} s deadline"
    if read is not None:
        words += f", {read} bytes of the body read" + (
            f" of {declared} declared" if declared is not None else "")
    return words


def retry_after_words(seconds: float, cap: float) -> str:
    """'Retry-After 3600s exceeds the cap of 2s'; a value past any sensible wait (a
    400-digit number reads as infinity) is not printed as 'infs'."""
    shown = f"{seconds:.0f}s" if seconds < 1e9 else "of more than 30 years"
    return f"Retry-After {shown} exceeds the cap of {cap:g}s"


def backoff_delay(attempt: int, base: float, cap: float, rng: random.Random) -> float:
    """Exponential backoff with jitter: base * 2^attempt, scaled by 0.5-1.5, capped."""
    return min(cap, base * (2**attempt) * rng.uniform(0.5, 1.5))


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


# What the exchange was doing when it failed, for a person reading fetch_log: the kind
# alone (timeout_headers, disconnected, ...) does not say whether the connection was
# ever made.
PHASE_WORDS = {
    "connect": "while connecting",
    "headers": "while waiting for the response headers",
    "body": "while reading the body",
}


def _classify_exception(exc: BaseException, phase: str,
                        where: str | None = None) -> tuple[str, str]:
    """(error kind, detail) for an exception raised during an exchange. `phase` (headers
    or body) decides the kind; `where` (connect, headers, body; default `phase`) is named
    at the start of the detail."""
    words = PHASE_WORDS.get(where or phase, where or phase)
    detail = f"{words}: {type(exc).__name__}: {exc}"[:500]
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        if isinstance(exc.os_error, BlockedAddress):
            return "blocked_address", str(exc.os_error)
        return "dns_error", detail
    if isinstance(exc, aiohttp.ClientConnectorCertificateError | aiohttp.ClientSSLError):
        return "tls_error", detail
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return "connect_timeout", detail
    if isinstance(exc, TimeoutError):
        return f"timeout_{phase}", detail
    if isinstance(exc, aiohttp.ClientConnectorError):
        return "connect_error", detail
    text = repr(exc)
    parser = _parser_error_of(exc)
    # A disconnect's repr holds the half-read response head ("chunked=False"): not a
    # chunking error, whatever its text says; nor is a refusal of the head that quotes
    # a chunked header (Transfer-Encoding beside a Content-Length): a protocol_error below.
    if "chunk" in text.lower() and isinstance(exc, aiohttp.ClientError | HttpProcessingError) \
            and not isinstance(exc, aiohttp.ServerDisconnectedError):
        if parser is None:
            return "bad_chunking", detail
        said = _parser_words(parser)
        if "chunk" in said.lower():
            # In words, as a protocol_error is: the parser's own text says "400" (a status
            # no server sent) and quotes the bytes.
            return "bad_chunking", f"{words}: malformed chunked body: {said}"
    if isinstance(exc, aiohttp.ClientPayloadError):
        chain = exc.__cause__ or exc.__context__
        if isinstance(chain, ConnectionResetError) or "reset" in text.lower():
            return "connection_reset", detail
        return "truncated", detail
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return ("disconnected" if phase == "headers" else "truncated"), detail
    if isinstance(exc, ConnectionResetError | aiohttp.ClientOSError):
        return "connection_reset", detail
    if isinstance(exc, aiohttp.ClientResponseError):
        if isinstance(exc.__cause__, HttpProcessingError):
            return "protocol_error", f"{words}: malformed response: {_parser_words(exc.__cause__)}"
        return "protocol_error", detail
    if isinstance(exc, aiohttp.InvalidURL | ValueError):
        return "invalid_url", detail
    return "client_error", detail


def _parser_error_of(exc: BaseException) -> HttpProcessingError | None:
    """aiohttp's HTTP parser error behind an exception: raised as it is in the middle of
    a body (`_read_some`), or as the cause of the ClientResponseError that refuses a
    response head."""
    if isinstance(exc, HttpProcessingError):
        return exc
    if isinstance(exc, aiohttp.ClientResponseError) and isinstance(exc.__cause__,
                                                                   HttpProcessingError):
        return exc.__cause__
    return None


# aiohttp's parser refusals in words for fetch_log. Its exception says "400" (a status
# the server never sent) and quotes the offending bytes (for the first, the page itself).
_PARSER_MESSAGES = (
    ("Data after `Connection: close`", "more bytes than its Content-Length"),
    ("Duplicate Content-Length", "two Content-Length headers"),
    ("Got more than ", "a header line longer than {n} bytes"),
    # RFC 9112 6.1: a response with both may be response splitting; the length is unknown
    ("Transfer-Encoding can't be present with Content-Length",
     "both Transfer-Encoding and Content-Length headers"),
    ("Content-Length can't be present with Transfer-Encoding",
     "both Transfer-Encoding and Content-Length headers"),
)


def _parser_words(exc: HttpProcessingError) -> str:
    """What a response refused by aiohttp's HTTP parser did wrong, in a few words: a known
    refusal in plain words, any other as the parser's first line (its reason)."""
    message = str(exc.message or "")
    for start, words in _PARSER_MESSAGES:
        if message.startswith(start):
            n = re.match(r"Got more than (\d+)", message)
            return words.format(n=n[1] if n else "the limit of")
    return message.split("\n", 1)[0].rstrip(":. ")[:200] or type(exc).__name__


# Bytes a URL never holds raw: non-ASCII, controls, the space and the delimiters a browser
# encodes in a path. Servers write them into a Location all the same (a file name with a space);
# browsers percent-encode them before they request it, and so do we, so that fetch_log and
# the WARC record name the address that was requested (a space in a WARC-Target-URI
# breaks the tools that read the header by spaces).
_HIGH_BYTE = re.compile(rb'[\x00-\x20\x7f-\xff"<>`{}]')  # WHATWG's path percent-encode set


def location_problem(location: str) -> str | None:
    """Why a Location header's value cannot be made a URL (None: it can). aiohttp hands
    header bytes over as UTF-8 with surrogate escapes, so bytes that are no UTF-8 show
    as lone surrogates; in the host they name no host we could look up."""
    raw = location.strip().encode("utf-8", "surrogateescape")
    if raw.isascii():
        return None
    netloc = urlsplit(raw.decode("latin-1")).netloc.encode("latin-1")
    try:
        netloc.decode("utf-8")
    except UnicodeDecodeError:
        return "raw bytes in its host that are no UTF-8"
    return None


def _ascii_location(location: str) -> str | None:
    """The Location with every non-ASCII byte (and space, control, `"<>`{}`) of its path,
    query and fragment percent-encoded, as browsers do (old servers send latin-1 file
    names raw, file names with spaces); a UTF-8 host (an IDN) stays text for the URL
    library to encode. None: unusable host bytes."""
    raw = location.strip().encode("utf-8", "surrogateescape")
    if not _HIGH_BYTE.search(raw):
        return raw.decode("ascii")
    if location_problem(location) is not None:
        return None
    parts = urlsplit(raw.decode("latin-1"))

    def encode(text: str) -> str:
        return _HIGH_BYTE.sub(lambda m: b"%%%02X" % m[0][0], text.encode("latin-1")).decode()

    return parts._replace(netloc=parts.netloc.encode("latin-1").decode("utf-8"),
                          path=encode(parts.path), query=encode(parts.query),
                          fragment=encode(parts.fragment)).geturl()


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def backslashes_as_slashes(location: str) -> str:
    """A Location with the backslashes before its query and fragment read as slashes, as
    every browser reads an http(s) URL (WHATWG URL: "\\" is "/" in a special URL's
    authority and path). IIS and Windows-built sites send `\\news\\story.aspx`: taken as
    a relative name, it was requested as `%5Cnews%5Cstory.aspx` (an http_404 for a page
    that exists); an absolute one (`http://host\\news\\x`) was a bad_redirect. Another
    scheme's Location is left as it is (refused later)."""
    if "\\" not in location:
        return location
    scheme = _SCHEME.match(location)
    if scheme is not None and scheme[0].lower() not in ("http:", "https:"):
        return location
    end = min((i for i in (location.find("?"), location.find("#")) if i >= 0),
              default=len(location))
    return location[:end].replace("\\", "/") + location[end:]


def redirect_target(current: str, location: str) -> str | None:
    """The absolute URL a Location header names, relative to `current`, without
    user:password@ (it would be sent as Basic auth and logged); None when it names no
    usable URL ("http://[::1", a port that is not a number, raw bytes in the host that
    are no UTF-8). Raw non-ASCII bytes elsewhere are percent-encoded (`_ascii_location`);
    backslashes in the path are slashes (`backslashes_as_slashes`)."""
    try:
        location = _ascii_location(backslashes_as_slashes(trim_url(location)))
        if location is None:
            return None
        target = urljoin(current, location)
        urlsplit(target).port  # noqa: B018 - parsed only to raise on a bad port
    except ValueError:
        return None
    return strip_userinfo(target)


# A page whose <meta http-equiv="refresh"> sends the reader on within this many seconds
# is a redirect, as browsers and Scrapy treat it (moved articles, consent and cookie
# bounces); a longer delay is a page reloading itself (front pages every few minutes).
META_REFRESH_MAX_DELAY_S = 10.0
_REFRESH_META = re.compile(rb"http-equiv\s*=\s*[\"']?\s*refresh")


def _may_have_refresh(body: bytes) -> bool:
    """A cheap test on the raw bytes before any parsing (almost no page has a refresh):
    the regex only around each "refresh" of the lowercased page. One case-insensitive
    regex over the page cost 0.91 ms a page on the dev corpus (144 KB on average), this
    0.27 ms: "refresh" is common in scripts, "http-equiv" in every page."""
    low = body.lower()
    at = low.find(b"refresh")
    while at >= 0:
        if _REFRESH_META.search(low, max(0, at - 40), at + 7):
            return True
        at = low.find(b"refresh", at + 7)
    return False


def meta_refresh_target(current: str, body: bytes, encoding: str | None) -> str | None:
    """The URL a page's meta refresh sends the reader to, when it does so within
    META_REFRESH_MAX_DELAY_S and names another page; None otherwise. A refresh inside
    <script> or <noscript> does not count (w3lib's default: it is there for readers
    without JavaScript), nor one naming no usable URL."""
    if not _may_have_refresh(body):
        return None
    text = decode(body, encoding)
    try:
        # w3lib percent-encodes the URL before it joins it to a base: a zero-width space
        # pasted before "https://..." became a path under the page's folder. Read unjoined,
        # its encoded edges trimmed, then joined (round 13).
        delay, target = get_meta_refresh(text, "")
        if delay is None or delay > META_REFRESH_MAX_DELAY_S or not target:
            return None
        target = urljoin(document_base(text, current), trim_url(target, encoded=True))
    except ValueError:  # a URL that cannot be parsed ("http://[::1")
        return None
    if not target:
        return None
    return _refresh_destination(current, target)


_BASE_TAG = re.compile(r"<base\b", re.IGNORECASE)
# A character reference ended by ";". Without one ("?a=1&copy=2") browsers leave it as
# written in an attribute when "=" or a letter or digit follows (HTML, "named character
# reference state"), and `html.unescape` alone made it "?a=1©=2".
_ATTRIBUTE_REF = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def document_base(text: str, current: str) -> str:
    """The address a page's relative links are resolved against, as browsers resolve a
    refresh's URL (HTML, "shared declarative refresh steps": relative to the document's
    base URL): its first `<base href>` (`base_url_of`), else `current`. A print or mobile
    copy at /print/story with `<base href="/news/">` and a refresh to "story.html" was
    sent to /print/story.html, a page that does not exist."""
    if _BASE_TAG.search(text) is None:  # most pages: the address, untouched by w3lib
        return current
    try:
        # w3lib finds the first <base href> in the raw text; with no page address to join
        # it to (its default, ""), it is the href itself, its character references as
        # written: "/a&amp;b/" named the folder "a&amp;b", "&#8203;/news/" a folder
        # under the page's (round 14). An attribute's value is what they stand for.
        href = _ATTRIBUTE_REF.sub(lambda m: html.unescape(m[0]), get_base_url(text))
    except ValueError:  # an href its percent-encoding step cannot split ("http://[::1")
        return current
    return base_url_of(current, trim_url(href, encoded=True)) or current


def _refresh_destination(current: str, target: str) -> str | None:
    """A refresh's target resolved against the page, when it names another http(s) page
    (javascript:, mailto:, data: ... name no page to fetch: the page stays what was
    fetched; following it would end in scheme_not_allowed and lose the page)."""
    target = redirect_target(current, target)
    if target is None or urldefrag(target)[0] == urldefrag(current)[0]:
        return None
    if urlsplit(target).scheme.lower() not in ("http", "https"):
        return None
    return target


# "5; url=/next", "0;URL='/next'", "0, url=/next", "0; /next" (WHATWG's refresh syntax)
_REFRESH_HEADER = re.compile(r"\s*(\d+(?:\.\d*)?)\s*(?:[;,]\s*(?:url\s*=\s*)?(.*))?$",
                             re.I | re.S)


def refresh_header_target(current: str, value: str | None) -> str | None:
    """The URL an HTTP `Refresh` header sends the reader to, under the meta refresh's
    rules (within META_REFRESH_MAX_DELAY_S, another http(s) page): browsers treat the
    header as the meta. Servers send it with a stub body ("Moved"), which was kept as the
    page while the article it points to was never fetched."""
    m = _REFRESH_HEADER.match(value or "")
    if m is None or not m[2] or float(m[1]) > META_REFRESH_MAX_DELAY_S:
        return None
    target = m[2].strip().strip("'\"").strip()
    return _refresh_destination(current, target) if target else None


_CONTENT_RANGE = re.compile(r"\s*bytes\s+(\d+)-(\d+)/(\d+)\s*$", re.I)


def partial_content_problem(content_range: str | None) -> str | None:
    """Why a 206 response is not the whole page (None: it is). We never send Range, so a
    206 is a server or cache answering with a slice; only a Content-Range covering the
    whole representation ("bytes 0-(n-1)/n") is the page itself. No Content-Range, an
    unknown total ("/*") or multipart byteranges cannot be shown whole."""
    if not content_range:
        return "HTTP 206 without a Content-Range: which part of the page is unknown"
    m = _CONTENT_RANGE.match(content_range)
    if m is None or int(m[1]) != 0 or int(m[2]) + 1 != int(m[3]):
        return f"HTTP 206 with Content-Range {content_range[:100]!r}: not the whole page"
    return None


def _status_error(status: int) -> str | None:
    """The error kind of a final status: http_<status> for every 4xx/5xx (404 and 410
    each keep their own kind), as the fetch-health view groups them. A 1xx here is an
    interim response left as the last word (aiohttp reads past 100 and 103 to the final
    one; a 101 upgrade, or a server that stops after a 1xx, ends the exchange there):
    no HTTP status of a page, so `bad_status`, like a status outside 100-599."""
    if status < 200:
        return "bad_status"
    if 200 <= status < 300:
        return None if status != 204 else "no_content"
    if status == 304:
        return "not_modified"
    if 300 <= status < 400:
        return "bad_redirect"  # a 3xx that reached here has no usable Location
    return f"http_{status}"


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

    # -- session ---------------------------------------------------------------------
    async def __aenter__(self) -> Fetcher:
        cfg = self.cfg
        trace = aiohttp.TraceConfig()
        trace.on_request_headers_sent.append(_on_headers_sent)
        connector = aiohttp.TCPConnector(
            limit=cfg.max_concurrency,
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
        self.session = aiohttp.ClientSession(
            connector=connector,
            timeout=aiohttp.ClientTimeout(total=None, sock_connect=cfg.connect_timeout_s),
            auto_decompress=False,  # we decompress with a cap, and archive the raw bytes
            trust_env=False,  # an env proxy would resolve names past our guard
            cookie_jar=aiohttp.CookieJar(unsafe=True),  # consent redirects need cookies
            trace_configs=[trace],
            headers={
                "User-Agent": cfg.user_agent,
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
                "Accept-Encoding": accept_encoding(),
            },
        )
        self.global_sem = asyncio.Semaphore(cfg.max_concurrency)
        self.warc_pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="warc")
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.session is not None:
            await self.session.close()
        self.warc_pool.shutdown(wait=True)

    def gate(self, url: str) -> HostGate:
        host = (urlsplit(url).hostname or "").lower()
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
            after = _retry_after(ex.headers.get("retry-after"))
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
                            ex.detail = f"content-type {media}"
                            limit = 0
                        elif types is not None and declared is not None and declared > body_cap:
                            ex.error = "too_large_declared"
                            ex.detail = f"Content-Length {declared} > {body_cap}"
                            limit = 0
                    else:  # an error page or a redirect: keep its start for the archive
                        limit = min(body_cap, ERROR_BODY_BYTES)
                    while limit:
                        chunk = await _read_some(resp)
                        if not chunk:
                            break
                        buf += chunk
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
            ex.error, ex.detail = _classify_exception(exc, phase,
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
        key = (self.run_id, kind, origin_of(url))
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
            after = _retry_after(ex.headers.get("retry-after")) if ex is not None else None
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
            if ex.status == 304 and not validators:
                # Not Modified answers only a conditional GET; to a plain one it says
                # nothing about the page (a broken cache or server): a failure, not the
                # "unchanged" skip that not_modified counts as in the run's ledger.
                out.error = "http_304"
                out.detail = "HTTP 304 Not Modified, but no conditional headers were sent"
                return ex
            out.error = _status_error(ex.status)
            if out.error is not None:
                out.detail = f"HTTP {ex.status}" + (
                    ": an interim (1xx) response, and no final response followed"
                    if ex.status < 200 else "")
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
                out.error, out.detail = "unsupported_content_type", "no content-type, not HTML"
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
        return (urlsplit(url).hostname or "").lower()
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


def _run_sync(coro):
    """asyncio.run, also from a thread that already runs an event loop (then in a new
    thread: a batch's loop must not share a loop with its caller)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


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
    failed_cutoff = now - timedelta(hours=cfg.refetch_failed_after_hours)
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
        elif not cfg.refresh and past.fetched_at and past.fetched_at > failed_cutoff:
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
                       skipped=unchanged,
                       cut_sources=conform(cut, DOCUMENTS, "documents") if cut else None)
