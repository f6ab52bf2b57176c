"""Damaged WARC files: where a record really ends when its Content-Length lies, a tail
cut or padded with blank gzip members, a header with bare line feeds, and where the next
record starts after garbage, so that reading goes on and every whole record is kept."""

from __future__ import annotations

import io
import re
import zlib
from typing import BinaryIO

from tasks.discover.httpmessage import MAX_HTTP_HEADER_BYTES

_GZIP_MEMBER = b"\x1f\x8b\x08"
# How far past a bad spot the reader looks for the next record (then it gives up).
RESYNC_SCAN_BYTES = 256 * 1024 * 1024


def record_end(stream: BinaryIO, pos: int) -> int | None:
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


def cut_tail(stream: BinaryIO, last_pos: int | None, last_settled: bool) -> str | None:
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
        end = 0 if last_pos is None else record_end(stream, last_pos)
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


def bare_lf_header(stream: BinaryIO, pos: int) -> bool:
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


def cut_in_version_line(stream: BinaryIO, last_pos: int | None) -> int | None:
    """The offset of a last record whose file ends inside its first line ("WARC/1." and
    no more: FastWARC calls it an invalid header, as it does garbage), else None. Only
    what follows the last whole record up to the end of the file is looked at: in a
    .warc.gz a gzip member cut short whose text so far is that prefix, in a plain WARC
    the bytes themselves. Called only when the reader has failed, so it costs nothing
    on a readable file."""
    try:
        start = 0 if last_pos is None else record_end(stream, last_pos)
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


def length_lie(stream: BinaryIO, pos: int, block_cap: int) -> str | None:
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


def next_record_start(stream: BinaryIO, after: int) -> int | None:
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


def failed_after(stream: BinaryIO, last_pos: int | None) -> int:
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
        end = record_end(stream, last_pos)
    except (OSError, ValueError, zlib.error):
        return last_pos
    if end is None:
        return last_pos
    return end - 1


def declared_length(declared: str) -> int | None:
    """A Content-Length's value as a number; None when it is not written in ASCII digits,
    the only ones WARC allows (1*DIGIT). str.isdigit also takes a superscript ("\u00b2"),
    on which int() raises (the run ended with a ValueError), and another script's digits,
    which int() reads but the reader does not."""
    return int(declared) if declared.isascii() and declared.isdigit() else None


def misread_words(record, declared: str) -> str:
    """Why the reader took a record's block for other than its Content-Length."""
    names = [name for name, _ in record.headers]
    twice = sorted({n for n in names if names.count(n) > 1})
    lower = [n for n in names if n.islower()]
    why = (f"{', '.join(twice)} given more than once" if twice
           else f"header names in lower case ({', '.join(lower)})" if lower
           else f"a Content-Length of {declared!r}, not in ASCII digits"
           if declared_length(declared) is None
           else "a header it does not take")
    return (f"the WARC header of the record at offset {record.stream_pos} cannot be read "
            f"({why}): the reader took its block for {record.content_length} bytes, "
            f"not the {declared} declared; the record is skipped, reading goes on after it")
