"""The HTTP message inside a WARC record: head and body split (interim 1xx heads skipped),
chunking undone, content codings decoded under the byte cap, the media type read. A
record that cannot be used raises `RecordReject` with its reason."""

from __future__ import annotations

import re

from tasks.common.codings import CodingError, decode_body
from tasks.common.httplimits import MAX_HEAD_BYTES
from tasks.common.mediatype import supplied_media_type

# A WARC record's own header block beyond this is not a sane writer's.
MAX_HTTP_HEADER_BYTES = 64 * 1024


class RecordReject(Exception):
    """A record that cannot be used: the reject's reason code and detail."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


_RANGE = re.compile(r"\s*bytes\s+0-(\d+)/(\d+)\s*$", re.I)


def whole_range(content_range: str | None) -> bool:
    """Whether a 206's Content-Range covers the whole representation ("bytes
    0-(n-1)/n"): then the record holds the page."""
    m = _RANGE.match(content_range or "")
    return m is not None and int(m[1]) + 1 == int(m[2])


# At most this many interim (1xx) heads are skipped before a record's final response.
_MAX_INTERIM_HEADS = 8


class HeaderFields(dict):
    """Header values by lower-case name, repeated ones joined with ', ' (RFC 9110 list
    semantics), with the header lines as sent (`lines`: (name, value) pairs).

    The lines are for X-Robots-Tag, whose lines are no list of one another: an agent
    prefix scopes the rest of its own line only. Joined, "googlebot: noindex" then "noai"
    read "googlebot: noindex, noai", and a WARC input's noai was lost (the fetcher reads
    its own responses line by line) (fault round 42)."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[tuple[str, str]] = []


def split_http(block: bytes) -> tuple[int, HeaderFields, bytes]:
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


def _split_one(block: bytes) -> tuple[int, HeaderFields, bytes]:
    # As long a head as the fetcher reads (`MAX_HEAD_BYTES`): it archives such heads.
    end = block.find(b"\r\n\r\n", 0, MAX_HEAD_BYTES)
    sep = 4
    if end < 0:
        end = block.find(b"\n\n", 0, MAX_HEAD_BYTES)
        sep = 2
    if end < 0:
        raise RecordReject("bad_http", "no end of HTTP headers in the first "
                           f"{MAX_HEAD_BYTES // 1024} KiB")
    head = block[:end].decode("latin-1").replace("\r\n", "\n").split("\n")
    parts = head[0].split(None, 2)
    # the protocol name is case-sensitive (RFC 9112 2.3), but a writer that stored
    # "http/1.1" still stored a response: read it, as browsers and curl do
    if (len(parts) < 2 or not (parts[0].startswith("HTTP/") or parts[0][:5].upper() == "HTTP/")
            or not parts[1].isdigit()):
        raise RecordReject("bad_http", f"not an HTTP status line: {head[0][:100]!r}")
    headers = HeaderFields()
    for line in head[1:]:
        name, colon, value = line.partition(":")
        if not colon:
            continue  # obsolete line folding or junk: ignored, as browsers do
        key = name.strip().lower()
        value = value.strip()
        headers[key] = f"{headers[key]}, {value}" if key in headers else value
        headers.lines.append((key, value))
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
            raise RecordReject("bad_chunking", f"chunk size line missing at byte {pos}")
        size_text = body[pos:eol].split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            detail = f"bad chunk size {size_text[:20]!r} at byte {pos}"
            raise RecordReject("bad_chunking", detail) from None
        if size == 0:
            return bytes(out)
        start = eol + 2
        if start + size > len(body):
            if cut:
                return bytes(out + body[start:start + max_bytes + 1])
            raise RecordReject("bad_chunking", f"chunk of {size} bytes runs past the body at {pos}")
        out += body[start : start + size]
        if len(out) > max_bytes:
            raise RecordReject("too_large", f"body over {max_bytes} bytes once dechunked")
        pos = start + size
        if body[pos : pos + 2] == b"\r\n":
            pos += 2


# Media types of the records read as pages (None: no Content-Type).
PAGE_MEDIA = frozenset({None, "text/html", "application/xhtml+xml"})

# The shared decoder's error kinds, as this reader has always named its reject reasons.
_CODING_REASONS = {"decompressed_too_large": "too_large", "bad_compression":
                   "bad_content_encoding", "unsupported_encoding": "unsupported_content_encoding"}


def decode_content(body: bytes, encoding: str | None, max_bytes: int,
                   undeclared_gzip: bool = False, cut: bool = False) -> bytes:
    """Undo Content-Encoding (gzip, deflate, br, zstd; stacked codings in reverse order) with the
    shared capped decoder, refusing more than max_bytes of output. A gzip layer the
    header does not declare is kept (a .gz file archived as one is data), unless
    `undeclared_gzip` (an HTML record: see _record_to_row). `cut` (`WARC-Truncated`):
    brotli data that stops early gives what it decodes to, as gzip data does."""
    try:
        body, _ = decode_body(body, encoding, max_bytes, undeclared_gzip=undeclared_gzip,
                              cut_prefix=cut)
    except CodingError as exc:
        reason = _CODING_REASONS.get(exc.kind, "bad_content_encoding")
        raise RecordReject(reason, exc.detail) from None
    return body


def media_type(content_type: str | None) -> tuple[str | None, str | None]:
    """('text/html', 'utf-8') from 'text/html; charset="UTF-8"'. The media type is the
    one a browser takes (`supplied_media_type`): None for a value that is no MIME type
    (`text/html charset=utf-8`) or an unknown one (`*/*`), a page to be sniffed, as the
    fetcher sniffs its own."""
    if not content_type:
        return None, None
    _, *params = content_type.split(";")
    charset = None
    for p in params:
        k, _, v = p.partition("=")
        if k.strip().lower() == "charset":
            charset = v.strip().strip("\"'").lower() or None
    return supplied_media_type(content_type), charset
