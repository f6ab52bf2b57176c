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

Beside this module: warcopen.py (opening a local or remote file), httpmessage.py (the
HTTP message in a record), warcrepair.py (damaged files: lying lengths, cut tails,
resynchronising after garbage).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from fastwarc.warc import ArchiveIterator, WarcRecordType

from tasks.common import rights
from tasks.common.charset import sniff_encoding
from tasks.common.codings import GZIP_MAGIC
from tasks.common.contentrange import part_of_a_page
from tasks.common.httplimits import MAX_HEAD_BYTES
from tasks.common.mediatype import effective_content_type
from tasks.common.result import reject_row
from tasks.common.rights import DEFAULT_AGENT
from tasks.common.text import storable_text
from tasks.discover.httpmessage import (
    PAGE_MEDIA,
    HeaderFields,
    RecordReject,
    dechunk,
    decode_content,
    media_type,
    split_http,
    whole_range,
)
from tasks.discover.warcopen import IterStream, Opener, WarcReadError, as_rewindable, open_warc
from tasks.discover.warcrepair import (
    bare_lf_header,
    cut_in_version_line,
    cut_tail,
    declared_length,
    failed_after,
    length_lie,
    misread_words,
    next_record_start,
)

STAGE = "discover"
_HTTP_URI = re.compile(r"(?i)https?://[^/?#\s@:]+")
# The end of one record and the start of the next, inside a block: a lying Content-Length.
_NEXT_RECORD = re.compile(rb"\r\n\r\nWARC/1\.[01]\r\n[\x21-\x7e]+:")
_HTTP_HEAD_END = re.compile(rb"\r?\n\r?\n")
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
                              truncated_payload(record.headers))
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
# ... and of the resource records read as pages (one without a type is not assumed HTML)
_RESOURCE_PAGE_MEDIA = frozenset({"text/html", "application/xhtml+xml"})


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
        raise RecordReject("warc_no_target_uri", f"{kind} record without WARC-Target-URI")
    # A prefix test, not urlsplit: this runs per record and urlsplit is a third of our
    # per-record cost; canonical_url checks the rest downstream.
    if not _HTTP_URI.match(uri):
        raise RecordReject("bad_url", f"WARC-Target-URI is not an http(s) URL: {uri[:200]!r}")


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
                   max_body_bytes: int, resource: bool = False,
                   cut_reason: str | None = None) -> dict:
    """A response (or resource) record's row; `cut_reason`: why the crawler cut its
    payload (`truncated_payload`), None for a whole one."""
    cut = cut_reason is not None
    _require_http_uri(uri, "resource" if resource else "response")
    if len(block) < record.content_length:
        if block.endswith(b"\r\n\r\n") and _HTTP_HEAD_END.search(block[:-4]):
            # The record's own terminator came and then the file ended: the record is
            # whole, its Content-Length claims more than it holds (not a cut download,
            # which stops in the middle of the data).
            raise RecordReject("warc_bad_length", f"Content-Length {record.content_length}, but "
                          f"the file ends {len(block)} bytes into the block")
        raise RecordReject(
            "warc_truncated",
            f"record block has {len(block)} of {record.content_length} bytes",
        )
    swallowed = _swallowed_record(block)
    if swallowed is not None:
        # A Content-Length longer than the record: its block ran on over the record's end
        # and into the next record's header (the next records are read again, _resync).
        raise RecordReject("warc_bad_length", f"Content-Length {record.content_length} runs past "
                      f"the record's end at block byte {swallowed.start()}")
    if resource:  # the block is the page; its WARC Content-Type is the page's
        status, body = 200, block
        http_headers = HeaderFields()
        http_headers["content-type"] = record.headers.get("Content-Type") or ""
    else:
        status, http_headers, body = split_http(block)
    if "," in http_headers.get("content-type", ""):
        # Two Content-Type headers (joined by split_http) or one of folded values: the
        # value a browser takes (mediatype.py); the joined line was no page type.
        http_headers["content-type"] = effective_content_type(http_headers["content-type"])
    if status == 206 and not whole_range(http_headers.get("content-range")):
        # A slice of the page (a crawler that sent Range, or a cache that answered with
        # part): extracted, it was kept as if it were the whole article. The fetcher
        # refuses the same for its own 206s (partial_content).
        raise RecordReject("partial_content", "HTTP 206 with Content-Range "
                      f"{http_headers.get('content-range', '')[:100]!r}: not the whole page")
    # The crawler cut the payload at its size or time limit (Common Crawl at 1 MiB,
    # Heritrix, browsertrix): what it kept is the head of the page, read as far as it
    # goes (a cut chunk or brotli stream too; it was `bad_chunking`, the page lost).
    if "chunked" in http_headers.get("transfer-encoding", "").lower():
        body = dechunk(body, max_body_bytes, cut)
    if 200 <= status < 300 and status != 206 and "content-range" in http_headers and not cut:
        # A 200 that is a slice by its own Content-Range and length (a cache's or a
        # proxy's; the fetcher refuses it alike, round 21). A payload the crawler cut is
        # shorter than what was sent, so its length says nothing: left to the cut rule.
        part = part_of_a_page(http_headers["content-range"], len(body))
        if part is not None:
            raise RecordReject("partial_content", f"HTTP {status} with {part}")
    media, charset = media_type(http_headers.get("content-type"))
    # A page (HTML, or unlabelled) whose body is still gzip once its declared codings
    # are undone was gzipped once more, or gzipped without a word: a browser shows what
    # is inside, and the fetcher undoes that layer too. Left in, the page reached
    # extraction as binary and was lost.
    page = media in PAGE_MEDIA
    if http_headers.get("content-encoding") or (page and body.startswith(GZIP_MAGIC)):
        body = decode_content(body, http_headers.get("content-encoding"), max_body_bytes,
                              undeclared_gzip=page, cut=cut)
    if len(body) > max_body_bytes:
        raise RecordReject("too_large", f"body of {len(body)} bytes over the {max_body_bytes} cap")
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
        "rights": rights.as_column(rights.header_signals(http_headers.lines, DEFAULT_AGENT),
                                   rights.meta_signals(body, DEFAULT_AGENT)),
        "payload_truncated": cut_reason,
    }


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
    # still consumed from the stream, but never held in memory). Room for the longest
    # HTTP head the fetcher reads and archives.
    block_cap = max_body_bytes + MAX_HEAD_BYTES
    rewindable = as_rewindable(stream)
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
        nxt = next_record_start(stream, max(after, resumed_at)) if rewindable else None
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
            cut = cut_tail(stream, last_pos, last_settled)
            if cut is not None:
                yield None, reject("warc_truncated", cut, None,
                                   f"{source}@{last_pos or 0}#truncated")
            broke = getattr(stream, "error", None) if isinstance(stream, IterStream) else None
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
            lie = (length_lie(stream, last_pos, block_cap)
                   if rewindable and pending is not None else None)
            if lie is not None:
                # the record before claimed fewer bytes than it has: its row is wrong
                url, key, _, _ = pending
                pending = None
                yield None, reject("warc_bad_length", lie, url, key)
            else:
                yield from release()
                cut_at = cut_in_version_line(stream, last_pos) if rewindable else None
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
            # After a record whose length lied, read on from that record's start, not its
            # claimed end: a length a few bytes long swallowed the next record's "WARC/"
            # and the claimed end lies inside that record, which was passed over and lost
            # without a reject (fault round 54).
            if resync(-1 if not rewindable else last_pos if lie is not None
                      else failed_after(stream, last_pos)):
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
            if rewindable and bare_lf_header(stream, record.stream_pos):
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
        if rewindable and declared_length(declared) != record.content_length:
            # FastWARC misreads a header it does not expect (a WARC-Type given twice,
            # header names in lower case) as a block of 0 bytes, then fails inside the
            # block: the record was a `bad_http` "no end of HTTP headers" reject and the
            # record after it was lost. So does a Content-Length in other digits than
            # ASCII. One reject that says why; read on after it.
            last_settled = True
            uri = _target_uri(record.headers)
            yield None, reject("warc_bad_header", misread_words(record, declared), uri,
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
            except RecordReject as r:
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
        resource = rtype == WarcRecordType.resource and media_type(
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
            elif media_type(ctype)[0] in _RESOURCE_PAGE_MEDIA:
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
            payload_cut = truncated_payload(record.headers)  # one look: ~1 us
            row = _record_to_row(record, block, uri, key, source, max_body_bytes, resource,
                                 payload_cut)
        except RecordReject as r:
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
