"""Read WARC / WARC.gz files (local paths or http(s) URLs) into DOCUMENTS rows.

CC-NEWS style input: each `response` record with an HTTP message becomes one row, its
body the HTTP payload; so does each `resource` record holding HTML (the page without its
HTTP message, status 200). A `revisit` record (a deduplicating crawler's capture whose
payload is stored in an earlier record) is read as that record's page under its own
URL when the earlier record is in the file (a local file: it is read again), else
rejected naming where the payload is. Every other record (warcinfo, request, metadata,
other resources...) is skipped and counted: it is not an input document. A response
record that cannot be used (truncated, no target URI, not HTTP, broken chunking or
compression, over the byte cap) becomes a reject with a reason; a file that stops being
readable (bad gzip member, garbage between records) ends with one reject naming the
offset, keeping every record read before it. Nothing here raises on bad data.

FastWARC reads the records (C++, about 4x warcio in bench/bench_warc_read.py). It is
asked for raw record blocks (parse_http=False) and the HTTP message is split and decoded
here, because (1) a truncated block must be detected (its length is checked against the
WARC Content-Length; FastWARC's own HTTP parsing silently returns an empty body) and
(2) content decoding must respect our byte cap after decompression (gzip bombs), which
FastWARC's auto_decode does not offer, and a corrupt gzip payload must reject one record,
whereas auto_decode raises out of the iterator and ends the file.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import re
import socket
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from fastwarc.warc import ArchiveIterator, WarcRecordType

from tasks.common import rights
from tasks.common.charset import sniff_encoding
from tasks.common.codings import GZIP_MAGIC, CodingError, decode_body
from tasks.common.mediatype import effective_content_type
from tasks.common.netguard import AddressGuard, BlockedAddress, Refused, check_url
from tasks.common.result import reject_row
from tasks.common.rights import DEFAULT_AGENT
from tasks.common.text import storable_text

STAGE = "discover"
# HTTP headers of one response beyond this are not a news page (and not a sane server).
MAX_HTTP_HEADER_BYTES = 64 * 1024

Opener = Callable[[str], BinaryIO]
_HTTP_URI = re.compile(r"(?i)https?://[^/?#\s@:]+")
# The end of one record and the start of the next, inside a block: a lying Content-Length.
_NEXT_RECORD = re.compile(rb"\r\n\r\nWARC/1\.[01]\r\n[\x21-\x7e]+:")
_HTTP_HEAD_END = re.compile(rb"\r?\n\r?\n")
_GZIP_MEMBER = b"\x1f\x8b\x08"
# How far past a bad spot the reader looks for the next record (then it gives up).
RESYNC_SCAN_BYTES = 256 * 1024 * 1024
# Everything else raised while reading a WARC is about the data, and becomes a reject.
_NOT_DATA_ERRORS = (KeyboardInterrupt, SystemExit, GeneratorExit, MemoryError)


# A revisit record (WARC 1.1 6.7) holds no payload: it names an earlier capture (its
# WARC-Refers-To record id, or the same WARC-Payload-Digest). Where the records read so
# far start is kept by id and digest (not their bodies, which would stay in memory past
# their batch), and a revisit's original is read again from there; at most this many
# names are kept (~20 MB), the oldest forgotten first.
MAX_ORIGINALS = 200_000


class _Originals:
    """Where the response (and page resource) records read so far start, by record id
    and payload digest; the oldest forgotten past `cap` names."""

    def __init__(self, cap: int = MAX_ORIGINALS) -> None:
        self.cap = cap
        self.at: dict[str, int] = {}

    def add(self, pos: int, *keys: str | None) -> None:
        for k in keys:
            if k and (k := k.strip()):
                self.at[k] = pos
        while len(self.at) > self.cap:
            del self.at[next(iter(self.at))]

    def find(self, *keys: str | None) -> int | None:
        for k in keys:
            if k and (pos := self.at.get(k.strip())) is not None:
                return pos
        return None


def _original_row(stream: BinaryIO, pos: int, uri: str, key: str, source: str,
                  max_body_bytes: int) -> dict | None:
    """The row of the record at `pos` read again, under a revisit's URL and key; the
    stream is left where it was (the main reader goes on from there). None when it
    cannot be read again."""
    here = stream.tell()
    try:
        stream.seek(pos)
        record = next(_archive_records(stream))
        block = record.reader.read()
        ctype = (record.headers.get("Content-Type") or "").lower()
        # read as iter_warc read it: a response record holding a bare page is a resource
        resource = record.record_type == WarcRecordType.resource or (
            not ctype.startswith("application/http") and not http_block_start(block))
        return _record_to_row(record, block, uri, key, source, max_body_bytes, resource,
                              truncated_payload(record.headers) is not None)
    except _NOT_DATA_ERRORS:
        raise
    except BaseException:  # noqa: BLE001 - read once already; failing now: unresolved
        return None
    finally:
        stream.seek(here)


# Bytes no URL holds raw (non-ASCII, controls, space): percent-encoded, as browsers and
# the fetcher do for a Location.
_RAW_URI_BYTE = re.compile(rb"[\x00-\x20\x7f-\xff]")


def _target_uri(headers) -> str | None:
    """A record's WARC-Target-URI (angle brackets, as WARC 1.0 writers add, removed).
    FastWARC reads header bytes that are no UTF-8 as U+FFFD: a page archived under
    `caf\xe9` (a latin-1 server, old crawls) became `caf%EF%BF%BD`, another address.
    Then the raw bytes are taken, their non-ASCII bytes percent-encoded (`caf%E9`: the
    address the crawler asked for)."""
    uri = (headers.get("WARC-Target-URI") or "").strip().strip("<>")
    if "\ufffd" in uri:
        raw = (headers.get_bytes(b"WARC-Target-URI") or b"").strip().strip(b"<>")
        uri = _RAW_URI_BYTE.sub(lambda m: b"%%%02X" % m[0][0], raw).decode("ascii")
    return uri or None


def _revisit_words(headers, uri: str | None) -> str:
    """Why a revisit record cannot be read, and where its payload is."""
    refers = (headers.get("WARC-Refers-To-Target-URI") or "").strip().strip("<>")
    when = (headers.get("WARC-Refers-To-Date") or "").strip()
    profile = (headers.get("WARC-Profile") or "").strip().rstrip("/").rsplit("/", 1)[-1]
    return (f"a revisit record ({profile or 'no profile'}) holds no payload: it is that of "
            f"{refers or 'an earlier capture'}" + (f" of {when}" if when else "")
            + ", which is not among the records read before it in this file (ingest the "
            "WARC that holds it)")


class WarcReadError(ValueError):
    """A WARC source cannot be opened at all (missing file, refused URL)."""


@dataclass
class WarcResult:
    """DOCUMENTS rows, REJECTS rows and counters from one WARC file."""

    rows: list[dict] = field(default_factory=list)
    rejects: list[dict] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)


def is_warc_path(path: str) -> bool:
    """True for what discover should read as a WARC: *.warc, *.warc.gz (path or URL)."""
    try:
        name = urlsplit(path).path if "://" in path else path
    except ValueError:  # "http://[::1/x": the URL's own check names it (a bad_url reject)
        name = path.split("?", 1)[0].split("#", 1)[0]
    return name.lower().endswith((".warc", ".warc.gz"))


# --- HTTP message decoding ----------------------------------------------------------


class _Reject(Exception):
    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


_RANGE = re.compile(r"\s*bytes\s+0-(\d+)/(\d+)\s*$", re.I)


def _whole_range(content_range: str | None) -> bool:
    """Whether a 206's Content-Range covers the whole representation ("bytes
    0-(n-1)/n"): then the record holds the page."""
    m = _RANGE.match(content_range or "")
    return m is not None and int(m[1]) + 1 == int(m[2])


# At most this many interim (1xx) heads are skipped before a record's final response.
_MAX_INTERIM_HEADS = 8


def split_http(block: bytes) -> tuple[int, dict[str, str], bytes]:
    """Split an HTTP response message into (status, headers lower-cased, raw body).

    Header values repeated are joined with ', ' (RFC 9110 list semantics). Bare-LF line
    ends, which some WARC writers store, are accepted. Interim responses (100 Continue,
    103 Early Hints: a 1xx other than 101) that a crawler stored before the final one
    are skipped: the record is the final response (101 ends HTTP on its connection).
    """
    for _ in range(_MAX_INTERIM_HEADS):
        status, headers, body = _split_one(block)
        if not (100 <= status < 200 and status != 101
                and body.lstrip()[:5].upper() == b"HTTP/"):
            break
        block = body.lstrip()
    return status, headers, body


def _split_one(block: bytes) -> tuple[int, dict[str, str], bytes]:
    end = block.find(b"\r\n\r\n", 0, MAX_HTTP_HEADER_BYTES)
    sep = 4
    if end < 0:
        end = block.find(b"\n\n", 0, MAX_HTTP_HEADER_BYTES)
        sep = 2
    if end < 0:
        raise _Reject("bad_http", "no end of HTTP headers in the first 64 KiB")
    head = block[:end].decode("latin-1").replace("\r\n", "\n").split("\n")
    parts = head[0].split(None, 2)
    # the protocol name is case-sensitive (RFC 9112 2.3), but a writer that stored
    # "http/1.1" still stored a response: read it, as browsers and curl do
    if (len(parts) < 2 or not (parts[0].startswith("HTTP/") or parts[0][:5].upper() == "HTTP/")
            or not parts[1].isdigit()):
        raise _Reject("bad_http", f"not an HTTP status line: {head[0][:100]!r}")
    headers: dict[str, str] = {}
    for line in head[1:]:
        name, colon, value = line.partition(":")
        if not colon:
            continue  # obsolete line folding or junk: ignored, as browsers do
        key = name.strip().lower()
        value = value.strip()
        headers[key] = f"{headers[key]}, {value}" if key in headers else value
    return int(parts[1]), headers, block[end + sep :]


def dechunk(body: bytes, max_bytes: int, cut: bool = False) -> bytes:
    """Decode a chunked transfer-coded body. A body that does not start with a chunk-size
    line is returned as is: writers that store the decoded payload often keep the header.
    `cut`: the crawler says it cut the payload (`WARC-Truncated`): the chunks that arrived,
    the last one as far as it goes, are the body, where a cut is otherwise `bad_chunking`."""
    first = body.split(b"\r\n", 1)[0].split(b";", 1)[0].strip()
    try:
        int(first, 16)
    except ValueError:
        return body
    out = bytearray()
    pos = 0
    while True:
        eol = body.find(b"\r\n", pos)
        if eol < 0:
            if cut:
                return bytes(out)
            raise _Reject("bad_chunking", f"chunk size line missing at byte {pos}")
        size_text = body[pos:eol].split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            detail = f"bad chunk size {size_text[:20]!r} at byte {pos}"
            raise _Reject("bad_chunking", detail) from None
        if size == 0:
            return bytes(out)
        start = eol + 2
        if start + size > len(body):
            if cut:
                return bytes(out + body[start:start + max_bytes + 1])
            raise _Reject("bad_chunking", f"chunk of {size} bytes runs past the body at {pos}")
        out += body[start : start + size]
        if len(out) > max_bytes:
            raise _Reject("too_large", f"body over {max_bytes} bytes once dechunked")
        pos = start + size
        if body[pos : pos + 2] == b"\r\n":
            pos += 2


# Media types of the records read as pages (None: no Content-Type).
_PAGE_MEDIA = frozenset({None, "text/html", "application/xhtml+xml"})
# ... and of the resource records read as pages (one without a type is not assumed HTML)
_RESOURCE_PAGE_MEDIA = frozenset({"text/html", "application/xhtml+xml"})

# The shared decoder's error kinds, as this reader has always named its reject reasons.
_CODING_REASONS = {"decompressed_too_large": "too_large", "bad_compression":
                   "bad_content_encoding", "unsupported_encoding": "unsupported_content_encoding"}


def decode_content(body: bytes, encoding: str | None, max_bytes: int,
                   undeclared_gzip: bool = False, cut: bool = False) -> bytes:
    """Undo Content-Encoding (gzip, deflate, br; stacked codings in reverse order) with the
    shared capped decoder, refusing more than max_bytes of output. A gzip layer the
    header does not declare is kept (a .gz file archived as one is data), unless
    `undeclared_gzip` (an HTML record: see _record_to_row). `cut` (`WARC-Truncated`):
    brotli data that stops early gives what it decodes to, as gzip data does."""
    try:
        body, _ = decode_body(body, encoding, max_bytes, undeclared_gzip=undeclared_gzip,
                              cut_prefix=cut)
    except CodingError as exc:
        reason = _CODING_REASONS.get(exc.kind, "bad_content_encoding")
        raise _Reject(reason, exc.detail) from None
    return body


def _media_type(content_type: str | None) -> tuple[str | None, str | None]:
    """('text/html', 'utf-8') from 'text/html; charset="UTF-8"'."""
    if not content_type:
        return None, None
    media, *params = content_type.split(";")
    charset = None
    for p in params:
        k, _, v = p.partition("=")
        if k.strip().lower() == "charset":
            charset = v.strip().strip("\"'").lower() or None
    return media.strip().lower() or None, charset


# --- opening sources ----------------------------------------------------------------


class _IterStream(io.RawIOBase):
    """A read-only file over an iterator of byte chunks (an HTTP response body).

    FastWARC 2 calls tell() and seek() on its input even when reading forward; this
    stream supports both for positions at or after the current one (a forward seek
    reads and drops the bytes in between) and refuses to go back.
    """

    def __init__(self, chunks: Iterator[bytes], close: Callable[[], None]):
        self._chunks = chunks
        self._buf = b""
        self._pos = 0
        self._close = close
        # Why the download stopped early (a connection broken mid-way), else None. The
        # stream then ends there like a file: the reader keeps every whole record before
        # the break (raised into FastWARC, the error lost the records of its buffer) and
        # reports this after them (iter_warc).
        self.error: str | None = None

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def _next_chunk(self) -> bytes | None:
        if self.error is not None:
            return None
        try:
            return next(self._chunks)
        except StopIteration:
            return None
        except Exception as exc:  # noqa: BLE001 - httpx's transport errors, kept as text
            self.error = f"the download broke after {self._pos + len(self._buf)} bytes: " \
                f"{type(exc).__name__}: {exc}"[:500]
            return None

    def _fill(self) -> bool:
        while not self._buf:
            chunk = self._next_chunk()
            if chunk is None:
                return False
            self._buf = chunk
        return True

    def readinto(self, b) -> int:
        if not self._fill():
            return 0
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        self._pos += n
        return n

    def peek(self, n: int) -> bytes:
        while len(self._buf) < n:
            chunk = self._next_chunk()
            if chunk is None:
                break
            self._buf += chunk
        return self._buf[:n]

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        target = offset if whence == io.SEEK_SET else self._pos + offset
        if whence == io.SEEK_END or target < self._pos:
            raise io.UnsupportedOperation("a streamed WARC can only be read forward")
        while self._pos < target and self._fill():
            n = min(target - self._pos, len(self._buf))
            self._buf = self._buf[n:]
            self._pos += n
        return self._pos

    def close(self) -> None:
        if not self.closed:
            self._close()
        super().close()


def _check_address(url: str, guard: AddressGuard) -> None:
    """The fetcher's address guard for a WARC URL: scheme and IP literal, then every
    address the host resolves to (PRESSROOM_ALLOWED_NETWORKS honoured)."""
    try:
        check_url(url, guard)
    except Refused as exc:
        raise WarcReadError(f"{url}: {exc.detail}") from None
    host = urlsplit(url).hostname or ""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except OSError as exc:
        raise WarcReadError(f"cannot resolve {host}: {exc}") from None
    try:
        guard.check_resolved(host, [info[4][0] for info in infos])
    except BlockedAddress as exc:
        raise WarcReadError(f"{exc}; refused") from None


def http_opener(user_agent: str, timeout_s: float, guard: AddressGuard | None = None
                ) -> Opener:
    """An opener streaming a WARC over http(s) with httpx (a WARC is read once, in order,
    so it is never held whole in memory). Redirects are not followed blindly: each hop is
    re-checked against the address guard.

    The flow may pass the project's fetcher-backed opener instead; this one exists so
    `pressroom ingest https://.../x.warc.gz` works on its own.
    """
    import httpx

    guard = guard or AddressGuard()

    def open_url(url: str) -> BinaryIO:
        client = httpx.Client(
            headers={"User-Agent": user_agent},
            timeout=httpx.Timeout(timeout_s),
            follow_redirects=False,
        )
        for _ in range(6):
            try:
                _check_address(url, guard)
            except WarcReadError:
                client.close()
                raise
            try:
                resp = client.send(client.build_request("GET", url), stream=True)
            except httpx.HTTPError as exc:
                client.close()
                raise WarcReadError(f"cannot fetch {url}: {type(exc).__name__}: {exc}") from None
            if resp.is_redirect and "location" in resp.headers:
                url = str(resp.url.join(resp.headers["location"]))
                resp.close()
                continue
            if resp.status_code != 200:
                resp.close()
                client.close()
                raise WarcReadError(f"cannot fetch {url}: HTTP {resp.status_code}")

            def close(resp=resp) -> None:
                resp.close()
                client.close()

            # no chunk size: httpx would hold up to that many bytes back, and lose them
            # with the error when the download breaks
            coding = resp.headers.get("content-encoding", "").strip().lower()
            if coding in ("gzip", "x-gzip"):
                # undone here, every member: httpx's gzip decoder stops after the first
                return _IterStream(gunzip_members(resp.iter_raw()), close)
            return _IterStream(resp.iter_bytes(), close)
        client.close()
        raise WarcReadError(f"too many redirects fetching {url}")

    return open_url


def gunzip_members(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """A body sent with `Content-Encoding: gzip`, decoded across all its gzip members.

    A .warc.gz is one gzip member per record, and servers label such files
    `Content-Encoding: gzip` (S3 objects uploaded with that metadata, nginx
    `gzip_static`): httpx's decoder stops at the end of the first member, so the
    stream ended after the warcinfo record, and every page of the file was lost
    without a reject. Decoded member after member, the reader gets the plain WARC (or,
    when the server really compressed a .warc.gz once more, the .warc.gz). Bytes that
    are no gzip at all (a plain WARC under the label) pass as they are; bytes after the
    last member that are no gzip (padding) are dropped, as browsers drop them."""
    it = iter(chunks)
    first = b""
    for chunk in it:
        first += chunk
        if len(first) >= 2:
            break
    if not first.startswith(b"\x1f\x8b"):
        if first:
            yield first
        yield from it
        return
    d, members = zlib.decompressobj(31), 0
    for chunk in itertools.chain([first], it):
        while chunk:
            try:
                out = d.decompress(chunk)
            except zlib.error:
                if members:
                    return  # what follows the last member is no gzip
                raise
            if out:
                yield out
            if not d.eof:
                break
            members += 1
            chunk = d.unused_data
            d = zlib.decompressobj(31)
    # A last member cut short has given what it decodes to: the reader names the cut.


def open_warc(source: str, opener: Opener | None = None) -> BinaryIO:
    """Open a WARC path or URL for reading; raise WarcReadError with a clear message."""
    if source.startswith(("http://", "https://")):
        if opener is None:
            raise WarcReadError(f"{source}: no opener given for a WARC URL")
        return opener(source)
    if "://" in source:
        raise WarcReadError(f"{source}: only local paths and http(s) URLs are read")
    try:
        return open(source, "rb")
    except OSError as exc:
        raise WarcReadError(f"{source}: {exc.strerror or exc}") from None


# --- the reader ---------------------------------------------------------------------


def _swallowed_record(block: bytes):
    """Where a next record's header starts inside `block` (a match), else None. A plain
    find first: this runs on every record, and a regex scan of each body cost more."""
    at = block.find(b"\r\n\r\nWARC/1.")
    while at >= 0:
        found = _NEXT_RECORD.match(block, at)
        if found is not None:
            return found
        at = block.find(b"\r\n\r\nWARC/1.", at + 1)
    return None


def _require_http_uri(uri: str | None, kind: str) -> None:
    """A `kind` record (response, resource, revisit) must name the http(s) page it holds."""
    if not uri:
        raise _Reject("warc_no_target_uri", f"{kind} record without WARC-Target-URI")
    # A prefix test, not urlsplit: this runs per record and urlsplit is a third of our
    # per-record cost; canonical_url checks the rest downstream.
    if not _HTTP_URI.match(uri):
        raise _Reject("bad_url", f"WARC-Target-URI is not an http(s) URL: {uri[:200]!r}")


def _record_time(record) -> datetime | None:
    """The record's WARC-Date as an aware datetime (UTC when it names no zone); None when
    it cannot be read."""
    try:
        when = record.record_date  # None when WARC-Date is unparseable
    except ValueError:
        when = None
    if when is None:  # a form FastWARC does not read (warc_date_fallback)
        when = warc_date_fallback(record.headers.get("WARC-Date"))
    if when is not None and when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when


# ARC files, CDX indexes and the Wayback Machine write a capture time as 14 digits
# (YYYYMMDDhhmmss); tools that convert ARC to WARC, or write WARC by hand, copy it.
_DIGIT_FORMS = {14: "%Y%m%d%H%M%S", 12: "%Y%m%d%H%M", 8: "%Y%m%d"}


def warc_date_fallback(value: str | None) -> datetime | None:
    """A WARC-Date in a form other than WARC's own (W3C-DTF to the second, which
    FastWARC reads), as an aware datetime (UTC when it names no zone), or None.

    The forms converters and hand-made WARCs write: ARC's 14 digits (`20240102030405`,
    also 12 and 8), a day alone (`2024-01-02`, W3C-DTF's coarser forms, and
    `2024-01`), a space for the `T` (`2024-01-02 03:04:05`), an HTTP date (`Tue, 02 Jan
    2024 03:04:05 GMT`). FastWARC gives None for each, and the page was kept without a
    capture time (round 15's known item): its date checks then had no crawl day."""
    text = (value or "").strip()
    if not text:
        return None
    if text.isdigit() and len(text) in _DIGIT_FORMS:
        try:
            when = datetime.strptime(text, _DIGIT_FORMS[len(text)])
        except ValueError:
            return None
    elif text[:4].isdigit():
        if len(text) == 7:  # YYYY-MM
            text += "-01"
        try:
            when = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
        except ValueError:
            return None
    else:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


# A WARC-Date before the web, or after the run that reads it (past a day of clock skew),
# is a crawler's clock gone wrong (an unset clock gives 1970-01-01): no capture time.
EARLIEST_CAPTURE = datetime(1991, 1, 1, tzinfo=UTC)
CAPTURE_CLOCK_SKEW = timedelta(days=1)


def plausible_capture_time(when: datetime | None, now: datetime) -> datetime | None:
    """`when` (a record's WARC-Date) when a capture could have happened then, else None.
    Taken as the fetch time, 1970-01-01 made the extraction take every date on the page
    for a future one and date the article 1970-01-01; 9999-12-31 overflowed its date
    checks, and the page lost its title, date and authors without a word. "After" is
    after the later of the run's `now` and the clock: a caller may read with an earlier
    `now` (a test, a backfill), and no capture is later than the present."""
    if when is None or when < EARLIEST_CAPTURE:
        return None
    if when > max(now, datetime.now(UTC)) + CAPTURE_CLOCK_SKEW:
        return None
    return when


def truncated_payload(headers) -> str | None:
    """The reason a WARC writer gives for a payload it cut (`WARC-Truncated`: length,
    time, disconnect, unspecified), or None for a whole one."""
    value = (headers.get("WARC-Truncated") or "").strip()
    return value or None


def http_block_start(head: bytes) -> bool:
    """Whether a record block starts like an HTTP response message ("HTTP/", in any case
    as split_http reads it)."""
    return head[:5].upper() == b"HTTP/"


def _record_to_row(record, block: bytes, uri: str | None, key: str, source: str,
                   max_body_bytes: int, resource: bool = False, cut: bool = False) -> dict:
    """A response (or resource) record's row; `cut`: the crawler cut its payload
    (`truncated_payload`)."""
    _require_http_uri(uri, "resource" if resource else "response")
    if len(block) < record.content_length:
        if block.endswith(b"\r\n\r\n") and _HTTP_HEAD_END.search(block[:-4]):
            # The record's own terminator came and then the file ended: the record is
            # whole, its Content-Length claims more than it holds (not a cut download,
            # which stops in the middle of the data).
            raise _Reject("warc_bad_length", f"Content-Length {record.content_length}, but "
                          f"the file ends {len(block)} bytes into the block")
        raise _Reject(
            "warc_truncated",
            f"record block has {len(block)} of {record.content_length} bytes",
        )
    swallowed = _swallowed_record(block)
    if swallowed is not None:
        # A Content-Length longer than the record: its block ran on over the record's end
        # and into the next record's header (the next records are read again, _resync).
        raise _Reject("warc_bad_length", f"Content-Length {record.content_length} runs past "
                      f"the record's end at block byte {swallowed.start()}")
    if resource:  # the block is the page; its WARC Content-Type is the page's
        status, body = 200, block
        http_headers = {"content-type": record.headers.get("Content-Type") or ""}
    else:
        status, http_headers, body = split_http(block)
    if "," in http_headers.get("content-type", ""):
        # Two Content-Type headers (joined by split_http) or one of folded values: the
        # value a browser takes (mediatype.py); the joined line was no page type.
        http_headers["content-type"] = effective_content_type(http_headers["content-type"])
    if status == 206 and not _whole_range(http_headers.get("content-range")):
        # A slice of the page (a crawler that sent Range, or a cache that answered with
        # part): extracted, it was kept as if it were the whole article. The fetcher
        # refuses the same for its own 206s (partial_content).
        raise _Reject("partial_content", "HTTP 206 with Content-Range "
                      f"{http_headers.get('content-range', '')[:100]!r}: not the whole page")
    # The crawler cut the payload at its size or time limit (Common Crawl at 1 MiB,
    # Heritrix, browsertrix): what it kept is the head of the page, read as far as it
    # goes (a cut chunk or brotli stream too; it was `bad_chunking`, the page lost).
    if "chunked" in http_headers.get("transfer-encoding", "").lower():
        body = dechunk(body, max_body_bytes, cut)
    media, charset = _media_type(http_headers.get("content-type"))
    # A page (HTML, or unlabelled) whose body is still gzip once its declared codings
    # are undone was gzipped once more, or gzipped without a word: a browser shows what
    # is inside, and the fetcher undoes that layer too. Left in, the page reached
    # extraction as binary and was lost.
    page = media in _PAGE_MEDIA
    if http_headers.get("content-encoding") or (page and body.startswith(GZIP_MAGIC)):
        body = decode_content(body, http_headers.get("content-encoding"), max_body_bytes,
                              undeclared_gzip=page, cut=cut)
    if len(body) > max_body_bytes:
        raise _Reject("too_large", f"body of {len(body)} bytes over the {max_body_bytes} cap")
    fetched_at = _record_time(record)
    # The charset decided as the fetcher decides it for its own pages (BOM, a label that
    # can be true of the bytes, <meta>, detection): the label alone was taken, so an
    # iso-8859-1 header over UTF-8 text stored "ZÃ¼rich", a utf-8 one over Latin-1
    # "Z\ufffdrich", and a utf-16le one over an 8-bit page lost it ("unparsable or empty
    # HTML").
    encoding = sniff_encoding(body, http_headers.get("content-type"))[0] if body else charset
    return {
        "input_key": key,
        "url": uri,
        "source_kind": "warc",
        "source": source,
        "final_url": uri,
        "status": status,
        "content_type": media,
        "encoding": encoding,
        "body": body,
        "fetched_at": fetched_at,
        "rights": rights.as_column(rights.header_signals(http_headers.items(), DEFAULT_AGENT),
                                   rights.meta_signals(body, DEFAULT_AGENT)),
    }


def _record_end(stream: BinaryIO, pos: int) -> int | None:
    """Where the record starting at `pos` ends: the end of its gzip member, or of its
    block and the two CRLFs after it; None when that cannot be told."""
    stream.seek(pos)
    if stream.read(2) == b"\x1f\x8b":
        stream.seek(pos)
        member, read = zlib.decompressobj(wbits=31), 0
        while not member.eof:
            chunk = stream.read(1 << 16)
            if not chunk:
                return None
            read += len(chunk)
            member.decompress(chunk)  # the text itself is not needed, only the member end
        return pos + read - len(member.unused_data)
    stream.seek(pos)
    head = stream.read(MAX_HTTP_HEADER_BYTES)
    end = head.find(b"\r\n\r\n")
    length = re.search(rb"(?im)^content-length:[ \t]*(\d+)[ \t]*\r?$", head[:end])
    if end < 0 or length is None:
        return None
    return pos + end + 4 + int(length.group(1)) + 4


def _cut_tail(stream: BinaryIO, last_pos: int | None, last_settled: bool) -> str | None:
    """Why the bytes after the last record read are not whole records, if they are not.

    The reader ends quietly when a file stops inside a record's header or gzip member (a
    download cut short, a crawler killed while writing): without this check, that record
    was lost without a reject. A last record that already became a row or a reject
    (all of its block was there: a cut in the gzip trailer) is not reported again. Only
    a stream that can seek back is checked (local files, not a WARC read over HTTP), and
    a WARC compressed as one gzip stream (`gzip file.warc`, not the standard member per
    record) is not: its records share no member end to measure from (tried: checking the
    stream's own end caught 3 more cut points of a test file and reported 18 cuts that
    lost nothing, or the same loss twice)."""
    try:
        if not stream.seekable():
            return None
        size = stream.seek(0, io.SEEK_END)
        end = 0 if last_pos is None else _record_end(stream, last_pos)
        if end is None:  # the reader made a record of a cut header (or member)
            return None if last_settled else (
                f"the file ends inside the record at offset {last_pos}")
        if end >= size:
            return None
        stream.seek(end)
        tail = stream.read(1 << 16)
        if not tail.strip(b"\r\n\t \x00"):  # padding, not a record
            return None
        if tail.startswith(b"\x1f\x8b") and _blank_gzip_members(stream, end):
            return None  # whole members of nothing (an empty file gzipped): no cut
    except (OSError, ValueError, zlib.error):
        return None
    where = "the start" if last_pos is None else f"the record at offset {last_pos}"
    return f"the file ends inside a record: {size - end} bytes after {where} are not whole"


# Whole gzip members past the last record are looked into up to this many bytes: blank
# members are a few dozen bytes each (`gzip -c /dev/null`: 20), so more is no padding.
_BLANK_MEMBERS_BYTES = 1 << 20


def _blank_gzip_members(stream: BinaryIO, start: int) -> bool:
    """Whether everything from `start` to the end of the file is whole gzip members that
    hold only blank text: an empty file gzipped, or a writer's padding member. It was
    `warc_truncated` "the file ends inside a record" (an empty .warc.gz said its 20 bytes
    were a cut record)."""
    stream.seek(start)
    data = stream.read(_BLANK_MEMBERS_BYTES)
    if stream.read(1):
        return False
    while data:
        member = zlib.decompressobj(wbits=31)
        try:
            text = member.decompress(data, 1 << 16)
        except zlib.error:
            return False
        if not member.eof or text.strip(b"\r\n\t \x00"):
            return False
        data = member.unused_data
    return True


_VERSION_LINES = (b"WARC/1.0\r\n", b"WARC/1.1\r\n", b"WARC/1.0\n", b"WARC/1.1\n")


def _bare_lf_header(stream: BinaryIO, pos: int) -> bool:
    """The record at `pos` opens with a version line that ends in LF without CR ("WARC/1.0
    \n"), in a plain WARC or in the gzip member that starts there. Called only for a
    record the reader found no end of header in, so it costs nothing on a readable file."""
    try:
        here = stream.tell()
        stream.seek(pos)
        head = stream.read(4096)
        stream.seek(here)
        if head.startswith(b"\x1f\x8b"):
            head = zlib.decompressobj(wbits=31).decompress(head)
    except (OSError, ValueError, zlib.error):
        return False
    line, newline, _ = head.partition(b"\n")
    return bool(newline) and line.startswith(b"WARC/") and not line.endswith(b"\r")


def _cut_in_version_line(stream: BinaryIO, last_pos: int | None) -> int | None:
    """The offset of a last record whose file ends inside its first line ("WARC/1." and
    no more: FastWARC calls it an invalid header, as it does garbage), else None. Only
    what follows the last whole record up to the end of the file is looked at: in a
    .warc.gz a gzip member cut short whose text so far is that prefix, in a plain WARC
    the bytes themselves. Called only when the reader has failed, so it costs nothing
    on a readable file."""
    try:
        start = 0 if last_pos is None else _record_end(stream, last_pos)
        if start is None:
            return None
        stream.seek(start)
        # a first line compresses to under 100 bytes, gzip header included; 4 KiB leaves
        # room for a member header with a file name or an extra field
        tail = stream.read(4096)
        if stream.read(1):  # more than a first line left: not a cut at the end
            return None
        if tail.startswith(b"\x1f\x8b"):
            member = zlib.decompressobj(wbits=31)
            text = member.decompress(tail)
            if member.eof:
                return None
        else:
            text = tail
    except (OSError, ValueError, zlib.error):
        return None
    if tail and any(line.startswith(text) and text != line for line in _VERSION_LINES):
        return start
    return None


def _rewindable(stream: BinaryIO) -> bool:
    """A stream we may seek back in (a local file; not a WARC read over HTTP)."""
    try:
        return not isinstance(stream, _IterStream) and stream.seekable()
    except (OSError, ValueError):
        return False


def _record_bytes(stream: BinaryIO, pos: int, cap: int) -> tuple[bytes, bool] | None:
    """(the record at `pos` as written, uncompressed, whether it was a gzip member) read
    again from the file, at most `cap` bytes; None when it cannot be read."""
    stream.seek(pos)
    if stream.read(2) == b"\x1f\x8b":
        stream.seek(pos)
        member, out = zlib.decompressobj(wbits=31), bytearray()
        while not member.eof and len(out) < cap:
            chunk = stream.read(1 << 16)
            if not chunk:
                return None
            out += member.decompress(chunk, cap - len(out))
        return bytes(out), True
    stream.seek(pos)
    return stream.read(cap), False


def _length_lie(stream: BinaryIO, pos: int, block_cap: int) -> str | None:
    """Why the record at `pos` has a Content-Length that is not its block's length (None:
    it is, or that cannot be told). Its block must be followed by the two CRLFs that end a
    record: at the end of its gzip member, or of the bytes it claims in a plain file."""
    try:
        got = _record_bytes(stream, pos, block_cap + 2 * MAX_HTTP_HEADER_BYTES)
        if got is None:
            return None
        data, gz = got
        end = data.find(b"\r\n\r\n")
        length = re.search(rb"(?im)^content-length:[ \t]*(\d+)[ \t]*\r?$", data[:end])
        if end < 0 or length is None:
            return None
        claimed, start = int(length.group(1)), end + 4
        if gz:
            held = len(data) - start - 4  # what the member holds, before its two CRLFs
            if held != claimed and data.endswith(b"\r\n\r\n"):
                return f"Content-Length {claimed}, but the record holds {held} bytes"
            return None
        if data[start + claimed:start + claimed + 4] != b"\r\n\r\n":
            return f"Content-Length {claimed} does not end where the record ends"
    except (OSError, ValueError, zlib.error):
        return None
    return None


def _whole_warc_member(stream: BinaryIO, pos: int) -> bool:
    """Whether a whole gzip member starts at `pos` and its text starts as a WARC record
    (a member cut short would fail again where the reader failed)."""
    stream.seek(pos)
    member = zlib.decompressobj(wbits=31)
    try:
        head = member.decompress(stream.read(1 << 16), 16)
        if not head.startswith(b"WARC/"):
            return False
        while not member.eof:
            chunk = member.unconsumed_tail or stream.read(1 << 16)
            if not chunk:
                return False
            member.decompress(chunk, 1 << 20)  # only the member's end matters
    except zlib.error:
        return False
    return True


def _next_record_start(stream: BinaryIO, after: int) -> int | None:
    """The offset of the first record that starts after `after` (a WARC/1.x line at the
    start of a line, or a gzip member whose text starts so), for reading on past a bad
    spot; None when there is none in RESYNC_SCAN_BYTES, or the stream cannot seek."""
    try:
        stream.seek(0)
        gz = stream.read(2) == b"\x1f\x8b"
        marker = _GZIP_MEMBER if gz else b"WARC/1."
        pos, scanned = after + 1, 0
        while scanned < RESYNC_SCAN_BYTES:
            stream.seek(pos)
            chunk = stream.read(1 << 20)
            if len(chunk) < len(marker):
                return None
            at = chunk.find(marker)
            while at >= 0:
                cand = pos + at
                if gz:
                    if _whole_warc_member(stream, cand):
                        return cand
                else:
                    if at > 0:
                        before = chunk[at - 1:at]
                    else:
                        stream.seek(cand - 1)
                        before = stream.read(1)
                    if before == b"\n":
                        return cand
                at = chunk.find(marker, at + 1)
            step = len(chunk) - len(marker) + 1
            pos, scanned = pos + step, scanned + step
    except (OSError, ValueError):
        return None
    return None


def _failed_after(stream: BinaryIO, last_pos: int | None) -> int:
    """Where to look for the next record after the reader failed following the record at
    `last_pos`: past that record's end (its member's end in a gzip file: the failure may
    lie inside its member, and the next member may be whole), so that the spot that
    failed is not read again. One byte before that end: the search starts after the
    offset it is given, and the next record may start right at the end (in a plain file
    the record there was passed over and lost when the failure lay inside the last
    record, e.g. a block FastWARC misread: `resync` never resumes twice at one place)."""
    if last_pos is None:
        return -1
    try:
        end = _record_end(stream, last_pos)
    except (OSError, ValueError, zlib.error):
        return last_pos
    if end is None:
        return last_pos
    return end - 1


def _declared_length(declared: str) -> int | None:
    """A Content-Length's value as a number; None when it is not written in ASCII digits,
    the only ones WARC allows (1*DIGIT). str.isdigit also takes a superscript ("\u00b2"),
    on which int() raises (the run ended with a ValueError), and another script's digits,
    which int() reads but the reader does not."""
    return int(declared) if declared.isascii() and declared.isdigit() else None


def _misread_words(record, declared: str) -> str:
    """Why the reader took a record's block for other than its Content-Length."""
    names = [name for name, _ in record.headers]
    twice = sorted({n for n in names if names.count(n) > 1})
    lower = [n for n in names if n.islower()]
    why = (f"{', '.join(twice)} given more than once" if twice
           else f"header names in lower case ({', '.join(lower)})" if lower
           else f"a Content-Length of {declared!r}, not in ASCII digits"
           if _declared_length(declared) is None
           else "a header it does not take")
    return (f"the WARC header of the record at offset {record.stream_pos} cannot be read "
            f"({why}): the reader took its block for {record.content_length} bytes, "
            f"not the {declared} declared; the record is skipped, reading goes on after it")


# FastWARC's types of a record without a WARC-Type, and of one it does not know
_NO_KNOWN_TYPE = (WarcRecordType.no_type, WarcRecordType.unknown)


def _untyped_response(headers) -> bool:
    """Whether a record of no known WARC-Type says, by its Content-Type, that it holds an
    HTTP response (`application/http; msgtype=response`)."""
    media, *params = (headers.get("Content-Type") or "").lower().split(";")
    return media.strip() == "application/http" and any(
        re.sub(r"[\s\"']", "", p) == "msgtype=response" for p in params)


def _archive_records(stream: BinaryIO):
    return iter(ArchiveIterator(stream, record_types=WarcRecordType.any_type,
                                parse_http=False))


def iter_warc(
    stream: BinaryIO,
    source: str,
    run_id: str,
    now: datetime,
    max_body_bytes: int,
    stats: dict[str, int] | None = None,
) -> Iterator[tuple[dict | None, dict | None]]:
    """Yield (row, None) for each usable response record and (None, reject) for each
    unusable one, streaming: memory holds one record at a time."""
    stats = {} if stats is None else stats

    def bump(key: str) -> None:
        stats[key] = stats.get(key, 0) + 1

    def reject(reason: str, detail: str, url: str | None, key: str) -> dict:
        bump(f"rejected_{reason}")
        return reject_row(STAGE, reason, detail, run_id, input_key=key, url=url,
                          source_kind="warc", source=source, at=now)

    # Header-level cap: a block far over the body cap is skipped unread (its bytes are
    # still consumed from the stream, but never held in memory).
    block_cap = max_body_bytes + MAX_HTTP_HEADER_BYTES
    rewindable = _rewindable(stream)
    originals = _Originals()
    it = _archive_records(stream)
    last_pos: int | None = None
    last_settled = False  # the last record read is a row or a reject already
    # The last response record's outcome, held back (local files only) until the next
    # record is read: a Content-Length shorter than the record only shows there, as an
    # "invalid header" where the next record should start. (url, key, row or reject)
    pending: tuple[str | None, str, dict | None, dict | None] | None = None

    def release() -> Iterator[tuple[dict | None, dict | None]]:
        nonlocal pending
        if pending is not None:
            _, _, row, rej = pending
            pending = None
            yield row, rej

    resumed_at = -1  # where the reader last resumed: never resumed there again

    def resync(after: int) -> bool:
        """Go on reading at the first record after the one at `after` (and after the last
        place resumed at, so a record that cannot be read is passed); False: none."""
        nonlocal it, resumed_at
        nxt = _next_record_start(stream, max(after, resumed_at)) if rewindable else None
        if nxt is None:
            return False
        bump("resynced")
        resumed_at = nxt
        stream.seek(nxt)
        it = _archive_records(stream)
        return True

    while True:
        try:
            record = next(it)
        except StopIteration:
            yield from release()
            cut = _cut_tail(stream, last_pos, last_settled)
            if cut is not None:
                yield None, reject("warc_truncated", cut, None,
                                   f"{source}@{last_pos or 0}#truncated")
            broke = getattr(stream, "error", None) if isinstance(stream, _IterStream) else None
            if broke is not None:  # a download cut: the whole records before it are kept
                yield None, reject("warc_unreadable", broke, None,
                                   f"{source}@{last_pos or 0}#broken")
            elif cut is None and last_pos is None:  # no record: an empty (or blank) file
                yield None, reject("warc_empty", "the file holds no WARC record", None,
                                   f"{source}#empty")
            return
        except _NOT_DATA_ERRORS:
            raise
        except BaseException as exc:  # OSError/ValueError on corrupt input; a Rust panic
            # (pyo3's PanicException derives from BaseException) must not end the run.
            lie = (_length_lie(stream, last_pos, block_cap)
                   if rewindable and pending is not None else None)
            if lie is not None:
                # the record before claimed fewer bytes than it has: its row is wrong
                url, key, _, _ = pending
                pending = None
                yield None, reject("warc_bad_length", lie, url, key)
            else:
                yield from release()
                cut_at = _cut_in_version_line(stream, last_pos) if rewindable else None
                if cut_at is not None:
                    # the last record's first line, then the end of the file: a cut
                    # download or crawl, not garbage (nothing follows to read on at)
                    yield None, reject("warc_truncated", "the file ends inside the WARC "
                                       f"header of the record at offset {cut_at}", None,
                                       f"{source}@{cut_at}#truncated")
                    return
                where = ("at the start" if last_pos is None
                         else f"after the record at offset {last_pos}")
                yield None, reject("warc_unreadable", f"stopped reading {where}: {exc}",
                                   None, f"{source}@{last_pos or 0}#unreadable")
            if resync(_failed_after(stream, last_pos) if rewindable else -1):
                last_settled = True
                continue
            return
        yield from release()
        bump("records")
        last_pos, last_settled = record.stream_pos, False
        if not (declared := (record.headers.get("Content-Length") or "").strip()).isdigit():
            # Every WARC record has one (WARC 1.1, 5.3); the reader hands over a record
            # without it (or with its value cut) only when the file ends inside its
            # header (the last gzip member of a .warc.gz cut short). It was a `bad_http`
            # reject ("no end of HTTP headers", of an empty block), or a silent skip when
            # its type was cut too.
            last_settled = True
            uri = _target_uri(record.headers)
            if rewindable and _bare_lf_header(stream, record.stream_pos):
                # the header's lines end in LF alone (a file rewritten by a text tool):
                # FastWARC finds no end of the header and reads the whole file as one
                yield None, reject("warc_bad_header",
                                   f"the WARC header's lines end in a bare LF at offset "
                                   f"{record.stream_pos}: WARC requires CRLF line ends (was "
                                   "the file rewritten by a text tool?)",
                                   uri, f"{source}@{record.stream_pos}#bad_header")
                continue
            if declared and rewindable:
                # a value that is there but is no number ("0x41", "65 bytes") is a
                # writer's bug, not a cut: it was `warc_truncated` and the reader then
                # failed on the next record, which was lost. Read on after it.
                yield None, reject("warc_bad_header", f"the WARC header of the record at "
                                   f"offset {record.stream_pos} has a Content-Length of "
                                   f"{declared[:40]!r}, no number: the record is skipped, "
                                   "reading goes on after it", uri,
                                   record.headers.get("WARC-Record-ID")
                                   or f"{source}@{record.stream_pos}")
                if not resync(record.stream_pos):
                    return
                continue
            yield None, reject("warc_truncated", f"the file ends inside the WARC header of "
                               f"the record at offset {record.stream_pos}", uri,
                               f"{source}@{record.stream_pos}#truncated")
            continue
        if rewindable and _declared_length(declared) != record.content_length:
            # FastWARC misreads a header it does not expect (a WARC-Type given twice,
            # header names in lower case) as a block of 0 bytes, then fails inside the
            # block: the record was a `bad_http` "no end of HTTP headers" reject and the
            # record after it was lost. So does a Content-Length in other digits than
            # ASCII. One reject that says why; read on after it.
            last_settled = True
            uri = _target_uri(record.headers)
            yield None, reject("warc_bad_header", _misread_words(record, declared), uri,
                               record.headers.get("WARC-Record-ID")
                               or f"{source}@{record.stream_pos}")
            if not resync(record.stream_pos):
                return
            continue
        # A resource record holds a page without its HTTP message (wget --warc-file of
        # a local mirror, Webrecorder, browsers' "save as WARC"): an HTML one is a page,
        # read like a response (status 200); other resources (images, scripts) are not.
        # The type is tested first: request and metadata records (two of three in
        # CC-NEWS) are skipped without a header lookup.
        rtype = record.record_type
        if rtype == WarcRecordType.revisit:
            # Its payload is an earlier record's: that page, under this record's URL and
            # date (a page that moved, or a copy at a second address); it was skipped
            # and the URL lost without a reject.
            bump("revisits")
            last_settled = True
            h = record.headers
            uri = _target_uri(h)
            key = h.get("WARC-Record-ID") or f"{source}@{record.stream_pos}"
            at = (originals.find(h.get("WARC-Refers-To"), h.get("WARC-Payload-Digest"))
                  if rewindable else None)
            try:
                _require_http_uri(uri, "revisit")
            except _Reject as r:
                yield None, reject(r.reason, r.detail, uri, key)
                continue
            if at is None or (row := _original_row(stream, at, uri, key, source,
                                                   max_body_bytes)) is None:
                yield None, reject("warc_revisit_unresolved", _revisit_words(h, uri), uri, key)
            else:
                bump("revisits_read")
                row["fetched_at"] = _record_time(record) or row["fetched_at"]
                if row["fetched_at"] is not None and plausible_capture_time(
                        row["fetched_at"], now) is None:
                    bump("dates_implausible")
                    row["fetched_at"] = None
                pending = (uri, key, row, None)  # rewindable: see `at`
            continue
        resource = rtype == WarcRecordType.resource and _media_type(
            record.headers.get("Content-Type"))[0] in _RESOURCE_PAGE_MEDIA
        if rtype != WarcRecordType.response and not resource:
            if rtype not in _NO_KNOWN_TYPE or not _untyped_response(record.headers):
                bump(f"skipped_{rtype}")
                continue
            # No WARC-Type (or a blank or unknown one: a writer's bug) over a block its
            # Content-Type calls an HTTP response: that response, not a skip that lost
            # the page without a reject.
            bump("untyped_responses")
        ctype = (record.headers.get("Content-Type") or "").lower()
        head = b""
        if not resource and not ctype.startswith("application/http"):
            # A response record whose Content-Type is missing or another (a writer that
            # left it out, or wrote the page's own type there) was skipped with the
            # Heritrix dns: records, its page lost without a reject. Its block says what
            # it is: an HTTP message is that response; a bare HTML page, a resource.
            head = record.reader.read(5)
            if http_block_start(head):
                bump("responses_mislabelled")
            elif _media_type(ctype)[0] in _RESOURCE_PAGE_MEDIA:
                bump("responses_mislabelled")
                resource = True
            else:
                bump("skipped_non_http_response")  # e.g. Heritrix dns: records
                continue
        bump("resources" if resource else "responses")
        uri = _target_uri(record.headers)
        # The record id is globally unique and stable across re-reads of the file.
        key = record.headers.get("WARC-Record-ID") or f"{source}@{record.stream_pos}"
        if record.content_length > block_cap:
            last_settled = True
            yield None, reject("too_large",
                               f"record of {record.content_length} bytes over the cap", uri, key)
            continue
        try:
            block = head + record.reader.read()
            payload_cut = truncated_payload(record.headers) is not None  # one look: ~1 us
            row = _record_to_row(record, block, uri, key, source, max_body_bytes, resource,
                                 payload_cut)
        except _Reject as r:
            last_settled = True
            yield None, reject(r.reason, r.detail, uri, key)
            if r.reason == "warc_bad_length" and last_pos is not None:
                # the block swallowed what follows: read on from the next record start
                if not resync(last_pos):
                    return
            continue
        except _NOT_DATA_ERRORS:
            raise
        except BaseException as exc:  # a reader error (or panic) inside one record
            last_settled = True
            yield None, reject("warc_bad_record", f"{type(exc).__name__}: {exc}", uri, key)
            continue
        bump("kept")
        if payload_cut:
            bump("truncated_payloads")  # kept: the head of the page the crawler cut
        if row["fetched_at"] is not None and plausible_capture_time(row["fetched_at"],
                                                                    now) is None:
            bump("dates_implausible")  # the row kept, its capture time unknown
            row["fetched_at"] = None
        last_settled = True
        if rewindable:
            originals.add(record.stream_pos, key, record.headers.get("WARC-Payload-Digest"))
            pending = (uri, key, row, None)
        else:
            yield row, None


def read_warc(
    source: str,
    run_id: str,
    now: datetime,
    max_body_bytes: int,
    opener: Opener | None = None,
) -> WarcResult:
    """Read a whole WARC (path or URL) into rows and rejects. A source that cannot be
    opened becomes one reject ('warc_unreadable'), not an exception."""
    result = WarcResult()
    for rows, rejects in warc_batches(source, run_id, now, max_body_bytes, 1 << 30, opener,
                                      result.stats):
        result.rows += rows
        result.rejects += rejects
    return result


def _unopened(source: str, exc: WarcReadError, run_id: str, now: datetime) -> dict:
    """The reject of a WARC source that cannot be opened."""
    label = storable_text(source)
    return reject_row(STAGE, "warc_unreadable", storable_text(str(exc)), run_id,
                      input_key=label, url=label if "://" in label else None,
                      source_kind="warc", source=label, at=now)


def warc_batches(
    source: str,
    run_id: str,
    now: datetime,
    max_body_bytes: int,
    batch_size: int,
    opener: Opener | None = None,
    stats: dict[str, int] | None = None,
) -> Iterator[tuple[list[dict], list[dict]]]:
    """Read a WARC as (DOCUMENTS rows, REJECTS rows) batches of about `batch_size` rows,
    so a CC-NEWS file (~1 GB, ~40k pages) flows through fetch/extract without being held
    whole in memory. A source that cannot be opened yields one batch with its reject."""
    stats = {} if stats is None else stats
    try:
        stream = open_warc(source, opener)
    except WarcReadError as exc:
        stats["rejected_warc_unreadable"] = stats.get("rejected_warc_unreadable", 0) + 1
        yield [], [_unopened(source, exc, run_id, now)]
        return
    rows: list[dict] = []
    rejects: list[dict] = []
    with stream:
        for row, rej in iter_warc(stream, storable_text(source), run_id, now, max_body_bytes,
                                  stats):
            if row is not None:
                rows.append(row)
            else:
                rejects.append(rej)
            if len(rows) >= batch_size:
                yield rows, rejects
                rows, rejects = [], []
    if rows or rejects:
        yield rows, rejects


# Records converted to Arrow and written at a time while staging: a staged file is
# written in row groups of this many pages, so staging holds ~7 MB of pages as Python
# objects, not a whole batch (~71 MB of the dev corpus's pages per 500).
STAGE_ROW_GROUP = 50
# Staged files live for one run and are read back once, by the same process: what counts
# is CPU, not bytes. lz4 writes and reads the HTML bodies in 0.35 ms a page against 0.77 ms
# for zstd (files 1.4x larger); a dictionary on the bodies (all distinct) is tried and
# dropped on every row group and slows the read, so only the short columns get one
# (bench/micro_cuts.py; BENCHMARKS.md, "throughput cuts (session 21)").
STAGE_COMPRESSION = "lz4"
STAGE_DICTIONARY_EXCEPT = frozenset({"body", "dump_text"})


def stage_warc(source: str, folder: Path, run_id: str, now: datetime, max_body_bytes: int,
               batch_size: int, opener: Opener | None = None,
               stats: dict[str, int] | None = None
               ) -> Iterator[tuple[Path | None, int, list[dict]]]:
    """Read a WARC batch by batch into DOCUMENTS Parquet files under `folder` (one per
    batch), yielding each file as soon as it is written, with its row count and the
    records rejected while reading it: (path, rows, rejects); path None for rejects after
    the last page. A CC-NEWS file (~1 GB, ~40k pages) is never held whole in memory, and
    its first batch can be processed while the rest is still being read."""
    import pyarrow.parquet as pq

    from schemas.tables import DOCUMENTS, conform

    stats = {} if stats is None else stats
    try:
        stream = open_warc(source, opener)
    except WarcReadError as exc:
        stats["rejected_warc_unreadable"] = stats.get("rejected_warc_unreadable", 0) + 1
        yield None, 0, [_unopened(source, exc, run_id, now)]
        return
    folder.mkdir(parents=True, exist_ok=True)
    # the name as the tables hold it (a file name that is no UTF-8: escaped); the file
    # was opened by its real name
    source = storable_text(source)
    stem = hashlib.blake2b(source.encode(), digest_size=6).hexdigest()
    written = 0
    out: pq.ParquetWriter | None = None
    group: list[dict] = []
    rejects: list[dict] = []
    count = 0
    with stream:
        for row, rej in iter_warc(stream, source, run_id, now, max_body_bytes, stats):
            if row is None:
                rejects.append(rej)
                continue
            if out is None:
                path = folder / f"{stem}-{written:05d}.parquet"
                out = pq.ParquetWriter(
                    path, DOCUMENTS, compression=STAGE_COMPRESSION,
                    use_dictionary=[n for n in DOCUMENTS.names
                                    if n not in STAGE_DICTIONARY_EXCEPT])
            group.append(row)
            count += 1
            if len(group) >= STAGE_ROW_GROUP or count >= batch_size:
                out.write_table(conform(group, DOCUMENTS, "documents"))
                group = []
            if count >= batch_size:
                out.close()
                written += 1
                yield path, count, rejects
                out, rejects, count = None, [], 0
    if out is not None:
        if group:
            out.write_table(conform(group, DOCUMENTS, "documents"))
        out.close()
        yield path, count, rejects
    elif rejects:
        yield None, 0, rejects
