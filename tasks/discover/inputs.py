"""Discover: turn paths and URLs into in-flight documents (schemas.DOCUMENTS).

Inputs handled here: text dumps (one pre-extracted article per .txt file), URL-list
files (*.urls, one URL per line, '#' comments) and bare http(s) URLs. A directory is
walked in sorted order so a run is reproducible. Malformed inputs become rejects with a
reason; nothing raises out of here for bad data.

Also dispatched from here (by path kind): WARC files, local or http(s) (*.warc,
*.warc.gz: tasks/discover/warc.py), sources files (sources.toml: tasks/common/sourcesfile.py) and
feed or sitemap URLs (tasks/discover/remote.py, which fetches through the injected
`fetch_urls` so this stage stays testable without the network).
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import shlex
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute  # noqa: F401  (pa.compute)

from schemas import DOCUMENTS, conform
from tasks.common.charset import STRAY_BYTES, stray_bytes_as_cp1252, wide_as_utf8
from tasks.common.codings import CodingError, decoded_head
from tasks.common.ledger import fetch_outcomes
from tasks.common.location import home_expanded, path_refused
from tasks.common.netguard import MAX_URL_CHARS, AddressGuard
from tasks.common.result import StageResult, reject_row
from tasks.common.sourcesfile import SourcesFileError, host_delays, is_sources_file, load_sources
from tasks.common.state import KnownInputs
from tasks.common.text import (
    iso_letters_in_capitals,
    storable_text,
    unescaped_bytes,
    without_inline_comment,
)
from tasks.common.urls import (
    BadURL,
    article_id_for,
    canonical_url,
    domain_of,
    safe_article_id,
    strip_userinfo,
    trim_url,
    undelimited_url,
    without_escaped_ampersands,
    without_prose_punctuation,
)
from tasks.discover.packed import UnpackError, packing, unpack, unpacked_name
from tasks.discover.remote import (
    FetchUrls,
    RemoteLimits,
    classify_listed,
    classify_remote,
    discover_remote,
    distinct_sources,
)
from tasks.discover.warc import is_warc_path, read_warc, stage_warc
from tasks.discover.warcopen import Opener, http_opener

STAGE = "discover"

DUMP_SUFFIXES = (".txt",)
URL_LIST_SUFFIXES = (".urls",)
# A dump larger than this is not one article; refusing it early keeps memory bounded.
MAX_DUMP_BYTES = 5 * 1024 * 1024
# A file of several dumps (an export, `cat *.txt > all.txt`) is read whole up to this
# size, each article still held to MAX_DUMP_BYTES: over 5 MB such a file was refused
# whole, every article in it lost with the one too large (fault round 64's known item).
# The same bound as a URL list's, read whole too.
MAX_DUMPS_FILE_BYTES = 32 * 1024 * 1024
# A URL list is read whole, and each of its lines becomes a document row (~10x its
# bytes in memory). 32 MB is ~300,000 URLs, far more than a run fetches at its per-host
# delays; a larger file (a log, a database export named .urls) was read into memory
# whatever its size. Refused unread, with a reject saying how to split it.
MAX_URL_LIST_BYTES = 32 * 1024 * 1024

# What may come before a header's "date": the one space of the format, or what editors
# and `cat` leave there (a tab, more spaces, a no-break space, the byte-order mark of a
# file appended to another: "\ufeff date ..."). As the first line such a header was
# `missing_header`; further down a file of several dumps it was no header at all, and
# the next article (header, title, body) was stored as the end of the previous one's text.
_HEADER_LEAD = r"^[\s\ufeff]*"
_DUMP_HEADER = re.compile(_HEADER_LEAD + r"date\s+(\S+)\s+(\S+)\s*$", re.I)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# The header with the space between date and URL lost ("date 2024-04-04https://..."): the
# ISO date has a fixed shape, so where it ends is not in doubt.
_GLUED_HEADER = re.compile(_HEADER_LEAD + r"date\s+(\d{4}-\d{1,2}-\d{1,2})(https?://\S+)\s*$",
                           re.I)
# The header with a time after the day, a space between them as `date` and SQL write
# an instant (" date 2024-04-04 10:00 https://...", "... 10:00:00 +02:00 ...", "... 10:00
# UTC ..."): three fields where the format has two, `missing_header` "first line is not
# ' date YYYY-MM-DD URL'", the article lost (round 27's known item; fault round 28).
# Read as the ISO date-time it writes (`header_date`; no zone is UTC).
_TIME = r"\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?"
_TIMED_HEADER = re.compile(
    _HEADER_LEAD + rf"date\s+(\d{{4}}-\d{{2}}-\d{{2}})\s+({_TIME})\s+(https?://\S+)\s*$", re.I)
# The title written on the header line ("date 2024-04-04 https://s.example/a Title"): a
# URL holds no space, so the title starts after the first one that follows the address
# (round 14; it was `missing_header`, the article lost). A real ISO date and an http(s)
# URL only, as for the next header below.
_TITLED_HEADER = re.compile(
    _HEADER_LEAD + r"date\s+(\d{4}-\d{1,2}-\d{1,2})\s+(https?://\S+)\s+(\S.*)$", re.I)
# What follows the address when it may be the address's own rest, a space written raw
# ("https://s.example/my story.html", "...?q=a b"): its first word holds a URL's
# delimiter or ends like a file name. Read as a title, the article would be stored
# under another address: refused, saying so.
_URL_TAIL = re.compile(r"[^\s/?#=&]*[/?#=&]|\S*\.(?:s?html?|php\d?|aspx?|jsp|cfm)(?:\s|$)", re.I)
# A header line after the first: the next article of a file that holds several (dumps
# concatenated by `cat`). Narrower than _DUMP_HEADER (a real date and an http(s) URL), so
# no sentence of a body is taken for one.
#
# Its date is any date-shaped word (round 20): the first header's date is read by strptime,
# which takes "2024-5-3", and a later header written so (or "2024/05/03", "03.05.2024",
# "2024-05-03T10:00Z") was no header here: its article (header, title, body) was stored as
# the end of the one before, without a word. Now it is an article of its own, read, or a
# `bad_date` reject naming its URL, as the same header first in a file is. (The date's
# characters hold no "h", so the URL's start is never in doubt: one pass over a line.)
_NEXT_HEADER = re.compile(_HEADER_LEAD + r"date\s+\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}[\d\-/.:TZ+]*"
                          rf"(?:\s+{_TIME})?\s*https?://\S+\s*$", re.I)
# The same header at the end of a body line: the newline before it lost (a file written
# without one at its end, then `cat`ed: "...said the minister. date 2024-04-05 https://").
# The next article (header, title, body) was stored as the end of the previous one's text.
# Its date is the ISO order that the first header's strptime reads, unpadded too
# ("date 2024-5-3", round 21: it stayed body text, the next article glued on); not every
# date-shaped word a header line of its own may hold ("date 03.05.2024 https://..." at
# the end of a sentence is likelier an invitation than a header).
_GLUED_NEXT_HEADER = re.compile(
    r"(?<=\S)[ \t]+(date\s+\d{4}-\d{1,2}-\d{1,2}\s+https?://\S+\s*)$", re.I)


@dataclass
class DiscoverResult:
    docs: pa.Table
    rejects: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # One row per feed/sitemap fetch attempt (the documents themselves are fetched later).
    fetch_log: list[dict] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)
    # WARC inputs left for streaming (discover(..., stream_warcs=True)): read batch by
    # batch later (tasks/warcinput.stage_warc), never whole.
    warcs: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Dump:
    """A parsed text dump."""

    published: datetime
    url: str
    title: str
    body: str


class DumpError(ValueError):
    """A dump that cannot be ingested. `reason` is the rejects code."""

    def __init__(self, reason: str, detail: str, url: str | None = None):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail
        self.url = url  # the dump's URL when its header was read: the reject names it


def _utf8_with_stray_cp1252(raw: bytes) -> str | None:
    """UTF-8 text holding a few bytes of windows-1252 (a paragraph pasted from a Word
    document or an old page: `\x93quoted\x94`, `caf\xe9`), those bytes read as
    windows-1252; None when no character beyond ASCII is UTF-8 (a latin-1 file stays
    `bad_encoding`, as round 3 chose: nothing there says which encoding it is). One such
    quote cost the whole article a `bad_encoding` reject (round 13).

    And None when the stray bytes are no pasted windows-1252 (fault round 53): a
    windows-1252 character is one byte, so such bytes stand alone between UTF-8 and
    ASCII letters (`caf\xe9`, `\x93q\x94`); a file in a double-byte legacy encoding
    (Shift_JIS, EUC-JP, GBK, Big5, EUC-KR) is runs of them, a few of whose byte pairs
    happen to be UTF-8, and it was kept as mojibake ("“Œ‹ž‚̐V‚µ‚¢..." for 東京の新しい...)
    without a word. At least half of the stray bytes must stand alone (CJK text: 0 to
    19%; a Word paragraph's quotes and accents: nearly all)."""
    text = raw.decode("utf-8-sig", errors="surrogateescape")
    runs = [len(m) for m in STRAY_BYTES.findall(text)]
    stray = sum(runs)
    if sum(1 for ch in text if ord(ch) > 127) - stray < 1:
        return None
    if 2 * runs.count(1) < stray:
        return None
    return stray_bytes_as_cp1252(text)


# The first bytes of compressed files and archives a dump or a list is saved as under its
# old name (`gzip -S .txt`, a download a server compressed, a zip renamed): each was
# "file contains NUL bytes: not text", the compression unsaid (fault round 45).
_PACKED = ((b"\x1f\x8b", "a gzip-compressed", "gunzip"), (b"PK\x03\x04", "a zip", "unzip"),
           *((b"BZh%d" % n, "a bzip2-compressed", "bunzip2") for n in range(1, 10)),
           (b"\xfd7zXZ\x00", "an xz-compressed", "unxz"),
           (b"\x28\xb5\x2f\xfd", "a zstd-compressed", "unzstd"))


def _conversion_hint(raw: bytes, name: str) -> str:
    """How to make the file `name` of bytes `raw`, no UTF-8, into UTF-8 (fault round 54:
    the reject named a byte and no way out). Bytes beyond ASCII that stand alone, each
    a character of windows-1252 (latin-1's superset, what Western Windows tools and old
    CMSs export), say that code page; runs of them (a double-byte encoding, round 53)
    or a byte windows-1252 leaves undefined name none: its exporter knows which it was."""
    text = raw.decode("utf-8-sig", errors="surrogateescape")
    runs = [len(m) for m in STRAY_BYTES.findall(text)]
    try:
        raw.decode("cp1252")
        single = 2 * runs.count(1) >= sum(runs)
    except UnicodeDecodeError:
        single = False
    if single:
        return (f"it reads as windows-1252 (or latin-1): convert it with `iconv -f "
                f"WINDOWS-1252 -t UTF-8 {name} > {name}.utf8` and ingest that file")
    return (f"save it as UTF-8 from the encoding it was written in: `iconv -f ENCODING -t "
            f"UTF-8 {name} > {name}.utf8` (ENCODING e.g. SHIFT_JIS, GBK, BIG5, EUC-KR, "
            f"ISO-8859-5)")


def _encoding_note(rejects: list[dict]) -> list[str]:
    """The run's note on its input files that are no UTF-8, with the first one's way to
    convert it: the rejects' details are read only by who queries them, and a whole
    export in windows-1252 was a count of `bad_encoding` rejects (fault round 54)."""
    bad = [r for r in rejects if r["reason"] == "bad_encoding"]
    if not bad:
        return []
    first = bad[0]
    hint = first["detail"].split("; ", 1)[-1]
    return [f"{len(bad)} input file(s) not in UTF-8 (bad_encoding rejects), e.g. "
            f"{first['source']}: {hint}; pressroom sql \"SELECT source, detail FROM rejects "
            f"WHERE reason = 'bad_encoding'\" lists them"]


def decode_dump(raw: bytes, name: str = "FILE", *, nuls_judged_per_article: bool = False) -> str:
    """Decode dump bytes as UTF-8 (BOM allowed; a UTF-16 BOM says UTF-16, as Windows
    editors save "Unicode" text, and so do NULs in every other byte of ASCII text, as
    tools write it without a BOM; UTF-32 by its BOM); refuse binary or mis-encoded
    files, a mis-encoded one with how to convert the file `name`.

    `nuls_judged_per_article`: NUL bytes in the first 8 KB do not make the file binary
    (the caller rejects the article that holds them: `nul_bytes_problem`)."""
    packed = next(((what, tool) for magic, what, tool in _PACKED if raw.startswith(magic)),
                  None)
    if packed:
        raise DumpError("binary_content", f"{packed[0]} file, not text: decompress it "
                        f"({packed[1]}) and ingest the file it holds")
    # Their NUL bytes are the high halves of ASCII letters, not binary data (round 14:
    # UTF-16 without a BOM, UTF-32 were "binary_content").
    raw, _ = wide_as_utf8(raw)
    # NUL bytes after the text and nothing else: the zeroed blocks a file is left with
    # when the machine stopped before its size was written (ext4's delayed allocation,
    # XFS), or a copy padded to its block size (`dd conv=sync`, a tape or disk image).
    # They are no part of the article, which was lost as `binary_content` (round 22).
    padded, raw = raw, raw.rstrip(b"\x00")
    if padded and not raw.strip():
        raise DumpError("binary_content", f"the file holds {len(padded) - len(raw)} NUL "
                        "bytes and no text (zeroed blocks: its text never reached the disk)")
    if b"\x00" in raw[:8192] and not nuls_judged_per_article:
        raise DumpError("binary_content", NUL_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = _utf8_with_stray_cp1252(raw)
        if text is None:
            raise DumpError("bad_encoding", f"not valid UTF-8 at byte {exc.start}: "
                            f"{raw[exc.start:exc.start+8]!r}; "
                            f"{_conversion_hint(raw, name)}") from None
    allowed = "\n\r\t\f\x00" if nuls_judged_per_article else "\n\r\t\f"
    control = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in allowed)
    if control > 8:
        raise DumpError("binary_content", f"{control} control characters in the first 8 KB")
    return _unicode_line_ends(text)


NUL_BYTES = "file contains NUL bytes: not text"
# How much of a file (or an article of a file of several) is sniffed for NUL bytes; past
# it they are stray bytes, which the clean stage drops (as it drops control characters).
NUL_SNIFFED_CHARS = 8192


def starts_as_a_dump(raw: bytes) -> bool:
    """Whether the first line of `raw` is a dump's header: text, whatever bytes follow
    (no binary format begins with " date YYYY-MM-DD https://...")."""
    first = raw[:4096].split(b"\n", 1)[0].decode("utf-8", "replace")
    return bool(_DUMP_HEADER.match(first) or _NEXT_HEADER.match(first))


def _header_url(article: str) -> str | None:
    """The http(s) URL of an article's header line, for a reject to name, or None."""
    first = next((line for line in article.split("\n", 3)[:3] if line.strip()), "")
    match = _DUMP_HEADER.match(first[:10000])
    url = match.group(2) if match else None
    return url if url and _HTTP_LINE.match(url) and "\x00" not in url else None


def nul_bytes_problem(article: str) -> str | None:
    """Why an article of a dump file is no text: NUL bytes in its first 8 KB, as a whole
    file's are sniffed (`decode_dump`), or None. Judged per article in a file of several:
    one article's NUL line made the whole file `binary_content`, the others lost with it
    (fault round 64)."""
    head = article[:NUL_SNIFFED_CHARS]
    if "\x00" not in head:
        return None
    line = head.count("\n", 0, head.index("\x00")) + 1
    return f"its text contains NUL bytes (its line {line}): not text"


# A Unicode line or paragraph separator, or NEL, on the first line: the header, which is
# a line of its own, ends there.
_SEPARATED_HEADER = re.compile(r"[^\r\n\u2028\u2029\x85]*[\u2028\u2029\x85]")
_UNICODE_LINE_ENDS = str.maketrans({"\u2028": "\n", "\u2029": "\n", "\x85": "\n"})


def _unicode_line_ends(text: str) -> str:
    """`text` with U+2028, U+2029 and NEL (U+0085) as line ends when the file ends its
    lines so (a JavaScript string or an InDesign export; NEL, text converted from
    EBCDIC: the header line itself ends in one). The whole file was one line,
    `empty_body` (fault round 23, round 22's known item; NEL round 41's). Elsewhere they
    stay: a line break inside a paragraph of a file of LF lines."""
    if _SEPARATED_HEADER.match(text):
        return text.translate(_UNICODE_LINE_ENDS)
    return text


# A header date with its time, ISO 8601's date-time (`date 2024-04-04T10:00:00Z https://...`,
# `...T10:00+02:00`): what an exporter writes that formats every date as an instant
# (`toISOString()`, `isoformat()`). A split into several dumps already took it for a
# header (`_NEXT_HEADER`), but its date was `bad_date` "not a valid YYYY-MM-DD": the
# article lost (fault round 27).
_ISO_DATE_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:[Zz]|[+-]\d{2}:?\d{2})?")


def timed_header_date(day: str, time: str) -> str:
    """A header's day and time written apart ("2024-04-04", "9:30 UTC") as one ISO 8601
    date-time ("2024-04-04T09:30Z"), for `header_date`."""
    clock, zone = re.fullmatch(r"([\d:.,]+)\s*(.*)", time).groups()
    zone = "Z" if zone.upper() in ("UTC", "GMT") else zone
    return f"{day}T{'0' if clock.index(':') == 1 else ''}{clock}{zone}"


def header_date(text: str) -> datetime:
    """A dump header's date in UTC: `YYYY-MM-DD` (midnight), or an ISO 8601 date-time
    (`_ISO_DATE_TIME`; without a zone, UTC). Raises ValueError for anything else."""
    try:
        return datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        if not _ISO_DATE_TIME.fullmatch(text):
            raise
    when = datetime.fromisoformat(iso_letters_in_capitals(text))
    try:
        return (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(UTC)
    except OverflowError:  # "0001-01-01T00:00+01:00": before year 1 in UTC
        raise ValueError(f"{text!r} is outside the calendar in UTC") from None


def parse_dump(text: str) -> Dump:
    """Parse ` date YYYY-MM-DD URL` / title / body lines. Raises DumpError."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise DumpError("empty_file", "the file is empty")
    match = _DUMP_HEADER.match(lines[0]) or _GLUED_HEADER.match(lines[0])
    title_on_header = None
    timed = None if match else _TIMED_HEADER.match(lines[0])
    if timed:
        match = timed
    if not match:
        match = _TITLED_HEADER.match(lines[0])
        if match is None:
            raise DumpError("missing_header",
                            f"first line is not ' date YYYY-MM-DD URL': {lines[0][:120]!r}")
        title_on_header = match.group(3).strip()  # (stripped here: `.*?\s*$` is quadratic)
        if _URL_TAIL.match(title_on_header):
            raise DumpError(
                "missing_header", f"the header has {title_on_header[:60]!r} after its URL: "
                "the rest of a URL holding a space, or a title? Write a space in a URL as "
                f"%20, a title on the line after the header: {lines[0][:120]!r}")
    date_s, url = match.groups()[:2]
    if timed:
        date_s, url = timed_header_date(*timed.groups()[:2]), timed.group(3)
    url = trim_url(url)  # a zero-width space pasted after it is part of no address
    try:
        published = header_date(date_s)
    except ValueError:
        if _ISO_DATE.fullmatch(url) and re.match(r"https?://", date_s, re.I):
            # Not read as swapped: a file of several dumps is split at headers in the
            # right order, so a second swapped header would pass as the first's body.
            raise DumpError("bad_date", f"the header's date and URL are swapped: "
                            f"{lines[0].strip()[:200]!r} should read "
                            f"' date {url} {date_s[:180]}'", date_s) from None
        raise DumpError("bad_date", f"header date {date_s!r} is not a valid YYYY-MM-DD",
                        url if re.match(r"https?://", url, re.I) else None) from None
    try:
        canonical_url(url)
    except BadURL as exc:
        raise DumpError("bad_url", str(exc)) from None
    rest = [ln.strip() for ln in lines[1:]]
    header = _header_text(lines[0])
    while rest and (not rest[0] or _header_text(rest[0]) == header):  # blanks, a copy of it
        rest.pop(0)
    if title_on_header is not None:  # the body starts on the next line (a title written
        title = title_on_header       # there as well is no paragraph of it)
        body_lines = rest[1:] if rest and rest[0] == title else rest
    elif not rest:
        raise DumpError("missing_title", "no title line after the header", url)
    else:
        title, body_lines = rest[0], rest[1:]
    body = "\n".join(ln for ln in body_lines if ln)
    if not body.strip():
        raise DumpError("empty_body", "the dump has a header and a title but no body", url)
    return Dump(published=published, url=url, title=title, body=body)


def split_dumps(text: str) -> list[str]:
    """The articles of a dump file: one, or several when header lines follow one another
    through the file (dumps concatenated into one). Everything after the first header
    belongs to some article: a second article is never read as the first one's body."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)  # blank lines lead
    lines = _unglued_headers(lines, first)
    starts = [0]
    previous = _header_text(lines[first]) if lines else ""  # the last non-blank line
    # A file whose first header holds its title holds them so throughout: only there is
    # such a line the next article's header (elsewhere it is a sentence of a body).
    titled = bool(lines) and _is_titled_header(lines[first])
    for i in range(first + 1, len(lines)):
        if not lines[i].strip():
            continue
        here = _header_text(lines[i])
        # A header line written twice, nothing between ("date ... URL" repeated): the
        # same article's (parse_dump skips the copy), not an article of its own, which
        # was a `missing_title` reject beside the real one (round 13).
        if (_NEXT_HEADER.match(lines[i]) or titled and _is_titled_header(lines[i])) \
                and here != previous:
            starts.append(i)
        previous = here
    if len(starts) == 1:
        return [text]  # (a glued header, once on a line of its own, starts an article)
    starts.append(len(lines))
    return ["\n".join(lines[a:b]) for a, b in zip(starts, starts[1:], strict=False)]


def _is_titled_header(line: str) -> bool:
    """Whether `line` is a header holding its article's title (`_TITLED_HEADER`)."""
    found = _TITLED_HEADER.match(line) if "date" in line[:40].lower() else None
    return found is not None and not _URL_TAIL.match(found.group(3))


def _header_text(line: str) -> str:
    """A line as two copies of one header compare: without the space and BOM around it."""
    return line.strip().strip("\ufeff").strip()


def _unglued_headers(lines: list[str], first: int) -> list[str]:
    """`lines` with a header glued to the end of a body line put on a line of its own,
    when a title line follows it (round 13). The first article's own title line is no body
    line: the first line after its header that is not blank nor a copy of the header, as
    parse_dump takes it (after a blank line it was cut as a body line)."""
    header = _header_text(lines[first])  # (split_dumps' lines: at least one)
    # (a header holding its title, round 14: the next line is the body's first)
    title = first if _is_titled_header(lines[first]) else next(
        (i for i in range(first + 1, len(lines))
         if lines[i].strip() and _header_text(lines[i]) != header), len(lines))
    out: list[str] = []
    for i, line in enumerate(lines):
        glued = (_GLUED_NEXT_HEADER.search(line) if i > title and "date" in line.lower()
                 and not _NEXT_HEADER.match(line) else None)
        following = ""
        if glued is not None:  # the next non-blank line (a walk, not a slice: linear)
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            following = lines[j] if j < len(lines) else ""
        if following and not _NEXT_HEADER.match(following):
            out += [line[:glued.start()], " " + glued.group(1)]
        else:
            out.append(line)
    return out


def path_label(path: Path | str) -> str:
    """A path as the tables hold it: a file name that is no UTF-8 (b"caf\\xe9.txt", saved
    on a latin-1 system or unpacked from an old archive) reaches Python as lone
    surrogates, which no Arrow string holds: the batch failed to commit and the run
    ended (SchemaError). Its bytes are written as \\xNN escapes; the file is still read
    by its real name."""
    return storable_text(str(path))


def content_key(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=12).hexdigest()


def _reject(source_kind: str, source: str, input_key: str, reason: str, detail: str,
            run_id: str, url: str | None = None) -> dict:
    return reject_row(STAGE, reason, detail, run_id, input_key=input_key, url=url,
                      article_id=safe_article_id(url), source_kind=source_kind, source=source)


def read_dump(path: Path, run_id: str) -> tuple[dict | None, dict | None]:
    """One single-article dump file -> (document row, None) or (None, reject row)."""
    docs, rejects = read_dumps(path, run_id)
    return (docs[0] if docs else None), (rejects[0] if rejects else None)


def _too_large(source: str, size: int, run_id: str) -> dict:
    """The reject of a dump file refused unread for its size."""
    return _reject("dump", source, f"dump:{source}:{size}", "too_large",
                   f"{size} bytes > {MAX_DUMP_BYTES}", run_id)


def _opens_as_a_dump(path: Path) -> bool:
    """Whether the file at `path` begins with a dump's header (its first 4 KB read)."""
    with path.open("rb") as f:
        return starts_as_a_dump(f.read(4096))


def read_dumps(path: Path, run_id: str) -> tuple[list[dict], list[dict]]:
    """A dump file -> its document rows and reject rows: one article, or each article of
    a file that holds several (`split_dumps`), each kept or rejected on its own. A file
    of URLs alone (`urls.txt`) is read as the URL list it is (`holds_url_list`)."""
    source = path_label(path)
    try:
        size = path.stat().st_size
        if size > MAX_DUMP_BYTES and (size > MAX_DUMPS_FILE_BYTES
                                      or not _opens_as_a_dump(path)):
            return [], [_too_large(source, size, run_id)]
        raw = path.read_bytes()
    except OSError as exc:
        return [], [_reject("dump", source, f"dump:{source}", "unreadable", str(exc), run_id)]
    try:
        raw = unpack(raw, MAX_DUMP_BYTES)  # a dump saved compressed (tasks/discover/packed.py)
    except UnpackError as exc:
        return [], [_reject("dump", source, f"dump:{content_key(raw)}", exc.reason,
                            f"{exc.detail} (a dump is read up to {MAX_DUMP_BYTES} bytes)"
                            if exc.reason == "too_large" else exc.detail, run_id)]
    if holds_url_list(raw):
        return read_url_list(path, run_id)
    key = f"dump:{content_key(raw)}"
    try:
        parts = split_dumps(decode_dump(raw, shlex.quote(path.name),
                                        nuls_judged_per_article=starts_as_a_dump(raw)))
    except DumpError as exc:
        return [], [_reject("dump", source, key, exc.reason, exc.detail, run_id)]
    if len(parts) == 1 and len(raw) > MAX_DUMP_BYTES:
        return [], [_too_large(source, size, run_id)]  # one article: as it always was
    docs, rejects = [], []
    for n, part in enumerate(parts, 1):
        # A one-article file keeps the key it always had (re-runs skip it); the articles
        # of a file of several are told apart by their place in it.
        part_key = key if len(parts) == 1 else f"{key}#{n}"
        if len(part) > MAX_DUMP_BYTES:  # (characters: never more than its bytes)
            rejects.append(_reject(
                "dump", source, part_key, "too_large", f"article {n} of {len(parts)}: "
                f"{len(part)} characters > {MAX_DUMP_BYTES}", run_id, url=_header_url(part)))
            continue
        try:
            if nuls := nul_bytes_problem(part):
                raise DumpError("binary_content", nuls if len(parts) > 1 else NUL_BYTES,
                                _header_url(part))
            dump = parse_dump(part)
        except DumpError as exc:
            where = "" if len(parts) == 1 else f"article {n} of {len(parts)}: "
            rejects.append(_reject("dump", source, part_key, exc.reason, where + exc.detail,
                                   run_id, url=exc.url))
            continue
        docs.append({
            "input_key": part_key, "url": dump.url, "source_kind": "dump", "source": source,
            "hint_published_at": dump.published, "hint_published_source": "dump",
            "hint_title": dump.title, "dump_text": dump.body,
        })
    return docs, rejects


# A URL list line that holds something other than printable text: binary junk pasted
# or appended into the file, never part of a URL.
_JUNK_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def too_long_for_a_url(url: str) -> str | None:
    """Why a URL list's entry is too long to be a URL (fetch's own limit, MAX_URL_CHARS),
    or None. A line of 10 MB (a log or a page's source pasted into the list) became a
    document: carried whole through the run, refused only at the fetch, and kept whole
    as a fetch_log row's url (fault round 64); now a `bad_url` reject of its line."""
    if len(url) <= MAX_URL_CHARS:
        return None
    return (f"not a URL: {len(url)} characters, over the {MAX_URL_CHARS} a URL may have "
            f"({url[:60]!r}...)")


def url_list_lines(raw: bytes) -> list[tuple[int, str, str | None]]:
    """(line number, text, why it is junk or None) of each non-blank, non-comment line
    of a URL list. Lines are decoded one by one, so binary junk or a line in another
    encoding costs that line (a bad_url reject), not the file's good lines."""
    out = []
    # UTF-16 with its BOM (Windows editors' "Unicode"): every line was a bad_url reject
    # of NUL-spaced letters; without a BOM, or UTF-32, the file was `binary_content`
    # (round 14). Read as text, as a dump in UTF-16 is.
    raw, _ = wide_as_utf8(raw)
    # NUL padding after the last line (zeroed blocks, as after a dump's text: round 22)
    # is no line: it was a bad_url reject of NULs beside the list's URLs
    raw = raw.rstrip(b"\x00")
    # U+2028 and U+2029 (in UTF-8) end lines too: no URL holds either, and a list written
    # by JavaScript so was one line, one bad_url reject for every URL in it (round 23)
    if b"\xe2\x80" in raw:
        raw = raw.replace(b"\xe2\x80\xa8", b"\n").replace(b"\xe2\x80\xa9", b"\n")
    for lineno, rawline in enumerate(raw.removeprefix(b"\xef\xbb\xbf").splitlines(), 1):
        # trim_url: the byte-order mark of a list appended to another (`cat a.urls b.urls`,
        # each saved with one) began a line, and a zero-width space or a bidi mark pasted
        # with a URL sat at either end: bad_url rejects, or another page (round 13)
        line = trim_url(rawline.decode("utf-8", errors="replace"))
        if not line or line.startswith("#"):
            continue
        # A comment after the URL ("https://a.example/x  # from the desk"): a URL holds no
        # whitespace, so whitespace then "#" starts one. It was a bad_url reject.
        line = undelimited_url(trim_url(without_inline_comment(line)))
        line = without_prose_punctuation(line)  # an address pasted from a sentence
        # one copied from a page's HTML source or a feed's XML: `?id=1&amp;cat=2` was
        # fetched, a query of `amp;cat` (round 32)
        line = without_escaped_ampersands(line)
        for url in _urls_of_a_line(_first_column(line)):
            why = None
            if _JUNK_CHARS.search(url):
                why = f"not a URL: bytes that are no text ({rawline[:60]!r})"
            elif too_long := too_long_for_a_url(url):
                why = too_long
            elif re.search(r"\s", url):  # one URL a line: a URL holds no whitespace
                why = f"not a URL: whitespace inside {url[:200]!r}"
            out.append((lineno, url, why))
    return out


# Where a line names another URL: whitespace, or a comma or semicolon with whitespace
# after it, before an http(s) address. URLs hold no whitespace, so these always separate.
_SPACED_URL_SEPARATOR = re.compile(r"\s*[,;]?\s+(?=https?://)", re.IGNORECASE)
# A comma or semicolon right before an address, as a spreadsheet's cells are joined:
# a separator too, except inside a query ("?share=https://a,https://b" is one URL).
_BARE_URL_SEPARATOR = re.compile(r"[,;](?=https?://)", re.IGNORECASE)


def _urls_of_a_line(line: str) -> list[str]:
    """The URLs of a list line that names several ("https://a/1, https://b/2", a row of
    cells pasted from a spreadsheet, addresses copied from a sentence): each is read.
    Before, a line of addresses between spaces was one `bad_url` reject, "whitespace
    inside", every URL in it lost, and addresses joined by a comma alone were fetched as
    one page whose path held the others. A line is split only when every part is an
    http(s) address: otherwise it stays as it is and is judged whole."""
    if not _HTTP_LINE.match(line) or line.lower().count("http") < 2:
        return [line]
    parts = []
    for spaced in _SPACED_URL_SEPARATOR.split(line):
        head, mark, query = spaced.partition("?")  # a query's commas are the query's own
        joined = _BARE_URL_SEPARATOR.split(head)
        parts += [*joined[:-1], joined[-1] + mark + query]
    if len(parts) > 1 and all(_HTTP_LINE.match(p) and not re.search(r"\s", p)
                              for p in parts):
        return parts
    return [line]


_HTTP_LINE = re.compile(r"https?://\S", re.IGNORECASE)


def _first_column(line: str) -> str:
    """The URL of a tab-separated line whose first column is one (`URL<TAB>title<TAB>
    date`: a list exported from a spreadsheet, a GDELT or a crawler's table): every
    such line was a `bad_url` reject, "whitespace inside", every URL of the list lost
    (fault round 48). A tab is in no URL, so the columns after it are no part of it;
    other lines are as they are."""
    first, tab, _ = line.partition("\t")
    first = first.strip()
    if tab and first and _HTTP_LINE.match(first) and not re.search(r"\s", first):
        return first
    return line


def holds_url_list(raw: bytes) -> bool:
    """Whether a file named as a dump (`.txt`) is a URL list: every line that is not
    blank or a `#` comment an http(s) URL, as `url_list_lines` reads a `.urls` file.

    `urls.txt` is how most people save a list of links; read as a dump it was one
    `missing_header` reject, "first line is not ' date YYYY-MM-DD URL':
    'https://...'", every URL in it lost under a reason that did not say why. No dump
    can pass this test: a dump's first line is its ` date ...` header."""
    lines = url_list_lines(raw)
    # (a line too long for a URL is still a list's line, rejected there: read as a dump,
    # the list's other URLs were one `missing_header` reject)
    return bool(lines) and all((why is None or too_long_for_a_url(line))
                               and _HTTP_LINE.match(line) for _, line, why in lines)


def read_url_list(path: Path, run_id: str, sources: list[tuple[str, str]] | None = None
                  ) -> tuple[list[dict], list[dict]]:
    """A *.urls file -> URL documents; lines that are not http(s) URLs (junk bytes,
    `ht!tp://`, spaces) are bad_url rejects, each on its own: the good lines still come.
    Only a file with no URL-like line at all and binary bytes in it is refused whole
    (`binary_content`: an archive or image named .urls, not a list with junk in it).

    With `sources`, a line naming a feed or a sitemap as the command line names one
    (`feed:URL`, `sitemap:URL`, or an address such as `/feed.xml`, `/rss`,
    `/sitemap.xml`: `classify_remote`) is put there as (kind, URL), not made a page: a
    list of an outlet's feeds was fetched page by page, each `unsupported_content_type`
    "content-type application/rss+xml", every item lost, and a `feed:` line was a
    `bad_url` (fault round 48)."""
    docs, rejects = [], []
    source = path_label(path)
    try:
        size = path.stat().st_size
        if size > MAX_URL_LIST_BYTES:
            return [], [_reject("url", source, f"urls:{source}:{size}", "too_large",
                                f"a URL list of {size} bytes, over the {MAX_URL_LIST_BYTES} "
                                "read at once: not read; split it into smaller .urls files",
                                run_id)]
        raw = path.read_bytes()
        raw = unpack(raw, MAX_URL_LIST_BYTES)  # a list saved compressed
    except OSError as exc:
        return [], [_reject("url", source, f"urls:{source}", "unreadable", str(exc), run_id)]
    except UnpackError as exc:
        return [], [_reject("url", source, f"urls:{source}", exc.reason, exc.detail
                            + (": split it into smaller .urls files" if exc.reason == "too_large"
                               else ""), run_id)]
    lines = url_list_lines(raw)
    if not any(why is None and "://" in line for _, line, why in lines):
        try:
            # says why a file of no URL at all is not text
            decode_dump(raw, shlex.quote(path.name))
        except DumpError as exc:
            return [], [_reject("url", source, f"urls:{source}", exc.reason, str(exc), run_id)]
    for lineno, line, junk in lines:
        where = f"{path_label(path.name)}:{lineno}"
        if junk is not None:
            rejects.append(_reject("url", source, f"urls:{source}:{lineno}", "bad_url",
                                   f"{where} {junk}", run_id))
            continue
        kind, url = classify_listed(line) if sources is not None else (None, line)
        if kind is not None:
            sources.append((kind, url))
            continue
        docs_or_reject = url_document(line, "url", source, run_id, where=where)
        (docs if "input_key" in docs_or_reject and "stage" not in docs_or_reject
         else rejects).append(docs_or_reject)
    return docs, rejects


# The input that names standard input, as Unix tools take it: `curl ... | pressroom ingest -`.
STDIN_INPUT = "-"
# What is read of standard input: the larger of the two readers' caps (a URL list's).
MAX_PIPED_BYTES = MAX_URL_LIST_BYTES


# What a WARC piped in is saved as, by its compression: gzip's and none are read; the
# others get the name whose refusal says how to recompress it (`unknown_input`).
_PIPED_WARC_NAMES = {None: "stdin.warc", "gzip": "stdin.warc.gz", "zstd": "stdin.warc.zst",
                     "bzip2": "stdin.warc.bz2", "xz": "stdin.warc.xz"}


def _piped_warc_name(raw: bytes) -> str | None:
    """The name a WARC piped in is saved as, or None when `raw` is no WARC: its first
    record opens with `WARC/`, after gzip or zstd (their heads decoded alone: a WARC
    expands past the lists' cap) or another compression (decoded whole, up to it)."""
    kind = packing(raw)
    try:
        head = (raw if kind is None else decoded_head(raw, kind, 5) if kind in ("gzip", "zstd")
                else unpack(raw, MAX_PIPED_BYTES))
    except (UnpackError, CodingError):
        return None
    return _PIPED_WARC_NAMES[kind] if head.startswith(b"WARC/") else None


def named_pipe(item: str) -> bool:
    """`item` names a pipe: a FIFO, or what a shell's process substitution passes
    (`pressroom ingest <(grep news urls.txt)` names /dev/fd/63). Named on the command line
    it is read as standard input is; met in a folder it stays `not_a_file` (reading one
    nobody writes to would block the run)."""
    try:
        return stat.S_ISFIFO(os.stat(item).st_mode)
    except (OSError, ValueError):
        return False


def piped_input(raw: bytes, folder: Path) -> Path:
    """Standard input's bytes saved in `folder` as the file discover reads: a WARC
    (`stdin.warc`, `stdin.warc.gz`) when its first record opens with `WARC/` (`curl
    .../CC-NEWS-...warc.gz | pressroom ingest -`: every line of it was a `bad_url`
    reject, fault round 53), a dump (`stdin.txt`) when its first line is a dump's header,
    else a URL list (`stdin.urls`), judged on what a compressed stream holds. As a list,
    a line that is no URL is that line's reject; as a dump, a whole list would be one
    `missing_header`."""
    if warc := _piped_warc_name(raw):
        path = folder / warc
        path.write_bytes(raw)
        return path
    try:
        head = unpack(raw, MAX_PIPED_BYTES)[:4096]
    except UnpackError:
        head = b""  # a damaged stream: the dump reader names what is wrong with it
    first = next((line for line in head.decode("utf-8", "replace").splitlines()
                  if line.strip()), "")
    looks_dumped = _DUMP_HEADER.match(first) or _GLUED_HEADER.match(first)
    path = folder / ("stdin.txt" if looks_dumped or not head else "stdin.urls")
    path.write_bytes(raw)
    return path


def url_document(url: str, source_kind: str, source: str, run_id: str, where: str = "") -> dict:
    """A document row for a URL, or a reject row when it is not an http(s) URL."""
    try:
        canonical_url(url)
    except BadURL as exc:
        return _reject(source_kind, source, url, "bad_url", f"{where} {exc}".strip(), run_id,
                       url=url)
    return {"input_key": url, "url": url, "source_kind": source_kind, "source": source}


_REMOTE_INPUT = re.compile(r"^((feed|sitemap):)?https?://", re.IGNORECASE)


def blank_input(item: str) -> bool:
    """An input of nothing but whitespace: `pressroom ingest "$NEWS_DIR"` with the variable
    unset, or an empty line of a deployment's parameters. As a path, "" is the current
    folder (`Path("")` is `.`): the run read the folder it was started in, and every
    folder under it (fault round 46: in the project's own tree, 186 inputs, its sources
    file's feeds fetched, 173 rejects)."""
    return not item.strip()


BLANK_INPUT = "an empty input names no file, folder or URL (to read the current folder, name it: .)"


def _exists(path: Path) -> bool:
    """`path.exists()`, False where the system refuses to look (a name longer than the
    filesystem takes, a folder this user may not enter): Python 3.11's exists() raises
    then, and `pressroom ingest` of such a name ended in a traceback (fault round 53);
    `unreachable_input` says why."""
    try:
        return path.exists()
    except OSError:
        return False


def missing_inputs(inputs: list[str]) -> list[str]:
    """The inputs that are neither an http(s) URL nor an existing path (nor blank)."""
    return [i for i in inputs if blank_input(i) or (
        not _REMOTE_INPUT.match(trim_url(i)) and not _exists(Path(home_expanded(i))))]


def unreachable_input(item: str) -> str | None:
    """Why the system refused to look at an input's path ("File name too long",
    "Permission denied"), or None when it looked (found or not)."""
    return path_refused(home_expanded(item))


def broken_link(item: str) -> str | None:
    """What an input that does not exist is when it is a symbolic link: one to nothing,
    or a loop of links (as `not_a_file` says of one in a folder); None otherwise."""
    path = Path(home_expanded(item))
    if unreachable_input(item) is not None or not path.is_symlink():
        return None
    found = not_a_file(path)
    return found.detail if found is not None else None


def unknown_inputs(inputs: list[str]) -> list[tuple[str, str]]:
    """(input, why) for each file named as an input that no reader takes
    (`unknown_input`); URLs and folders are not judged here."""
    out = []
    for item in inputs:
        if _REMOTE_INPUT.match(trim_url(item)):
            continue
        path = Path(home_expanded(item))
        if _exists(path) and path.is_file() and (why := unknown_input(path.name)) is not None:
            out.append((item, why))
    return out


INPUT_KINDS = ".txt dump, .urls list, either compressed (.gz, .bz2, .xz, .zst), .warc or " \
    ".warc.gz, sources.toml"
# Hints for files people name as inputs that no reader takes, by how the name ends.
_NOT_READ_HINTS = (
    ((".warc.zst", ".warc.bz2", ".warc.xz", ".warc.zip", ".warc.gz.zst"),
     "a WARC compressed otherwise than with gzip: decompress it to .warc, or recompress "
     "it as .warc.gz"),
    ((".warc.open", ".warc.gz.open", ".warc.tmp", ".warc.gz.tmp", ".warc.part",
      ".warc.gz.part"), "a WARC still being written or downloaded (its crawler or download "
     "has not finished and renamed it): ingest it once it is whole"),
    ((".arc", ".arc.gz"), "an ARC file (the format before WARC): convert it to WARC first"),
    ((".csv", ".tsv", ".json", ".jsonl", ".ndjson", ".xlsx", ".list", ".lst"),
     "a list of URLs is read from a .urls file (one URL a line, # for comments): save the "
     "URLs as one"),
    ((".xml", ".rss", ".atom", ".rdf", ".xml.gz"), "feeds and sitemaps are read from their "
     "http(s) address (on the command line or in a sources.toml), not from a saved copy"),
    ((".html", ".htm", ".xhtml", ".mhtml", ".pdf"), "a saved page is not read: ingest its "
     "address, a WARC of it, or a .txt dump of its text"),
    ((".toml",), "the only TOML input is a sources file, named sources.toml or "
     "<name>.sources.toml"),
)


def unknown_input(name: str) -> str | None:
    """Why a file named as an input is none discover reads (a sentence with a hint of what
    to do), or None when it is one. A file named on the command line that no reader took
    was a note in a committed run of 0 inputs, exit 0: `pressroom ingest urls.csv`
    seemed to work and did nothing."""
    low = name.lower()
    if (is_warc_path(name) or is_sources_file(name)
            or unpacked_name(low).endswith(URL_LIST_SUFFIXES + DUMP_SUFFIXES)):
        return None
    hint = next((why for ends, why in _NOT_READ_HINTS if low.endswith(ends)), None)
    return (f"not a recognised input ({INPUT_KINDS})" + (f": {hint}" if hint else ""))


@dataclass(frozen=True)
class Unusable:
    """An input path that cannot be read: a reject with `reason`, never a silent skip."""

    path: str
    reason: str  # not_found | unreadable | not_a_file | unknown_input
    detail: str


def not_a_file(path: Path) -> Unusable | None:
    """Why a path met in a folder is no file to read (None: it is one). A named pipe would
    block the run on its first read, a socket or device is no document, and a link to
    nothing or a loop of links cannot be opened: os.walk lists them all as names, and
    they were dropped without a word (no reject, no note)."""
    label = path_label(path)
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if not path.is_symlink():
            return Unusable(label, "unreadable", f"cannot be read: {exc.strerror or exc}")
        try:
            target = path_label(os.readlink(path))
        except OSError:
            target = "?"
        if exc.errno == errno.ELOOP:
            return Unusable(label, "unreadable", f"a loop of symbolic links (to {target!r})")
        return Unusable(label, "not_found", f"a symbolic link to {target!r}, which does "
                        f"not exist ({exc.strerror or exc})")
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "no regular file")
    return Unusable(label, "not_a_file", f"{kind}, not a file: not read")


def _folder_key(path: Path | str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def walk_files(folder: Path, hidden: list[str] | None = None,
               pass_over: list[str] | None = None, skip: frozenset = frozenset()
               ) -> tuple[list[Path], list[Unusable]]:
    """Every file under `folder`, sorted (a run is reproducible), and the sub-folders that
    could not be listed (Path.rglob skips those silently). Symbolic links to folders are
    not followed: a link loop would never end.

    Hidden files and folders (a name starting with ".") are passed over, their names
    added to `hidden` (round 20): macOS writes a `._<name>` beside every file it copies to
    a USB stick or a network share, so a folder of inputs copied so gave a
    `binary_content` reject per dump and list and a `warc_unreadable` per WARC, and a
    `.git` folder's files were read (a `missing_header` reject per `.txt`, a note per
    object). Named on the command line, a hidden file is read.

    Folders in `skip` ((device, inode) keys: the warehouse) are not walked into, their
    paths added to `pass_over` (fault round 29): `pressroom ingest .` in a project folder
    read the warehouse under it as input, its raw WARC archive again (every page
    re-read, then skipped as known) and a note for each of its Parquet, JSON and HTML
    files."""
    files: list[Path] = []
    problems: list[Unusable] = []

    def unreadable(exc: OSError) -> None:
        problems.append(Unusable(path_label(exc.filename or folder), "unreadable",
                                 f"folder cannot be listed: {exc.strerror or exc}"))

    for dirpath, dirs, names in os.walk(folder, onerror=unreadable):
        if hidden is not None:
            hidden += sorted(n for n in (*dirs, *names)
                             if n.startswith(".") and n != ".gitkeep")  # (a placeholder)
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # not walked into
        if skip:
            kept = [d for d in dirs if _folder_key(Path(dirpath) / d) not in skip]
            if pass_over is not None:
                pass_over += [path_label(Path(dirpath) / d) for d in dirs if d not in kept]
            dirs[:] = kept
        for path in (Path(dirpath) / n for n in names if not n.startswith(".")):
            if path.is_file():
                files.append(path)
            elif (why := not_a_file(path)) is not None:
                problems.append(why)
    return sorted(files), sorted(problems, key=lambda u: u.path)


def given_inputs(inputs: list[str]) -> tuple[list[str], bool]:
    """The command line's inputs as a flow's parameters may hold them, and whether a
    user name or password was removed from one. A path whose name is no UTF-8 (a folder
    named on a latin-1 system: Python gives its bytes as lone surrogates) is written as
    the tables name it, with \\xNN escapes (`path_label`): Prefect stores a flow's
    parameters as UTF-8, and `pressroom ingest '/data/d\\xe9p/a.txt'` ended with a
    UnicodeEncodeError traceback once the run had started (fault round 41); discover
    reads the escaped name as the file it stands for (`input_path`). `user:password@`
    is removed from URLs: a flow's parameters are stored, credentials never are."""
    storable = [path_label(i) for i in inputs]
    clean = [strip_userinfo(i) for i in storable]
    return clean, clean != storable


def input_path(item: str) -> Path:
    """The path an input names: `~` expanded (no shell expanded a deployment's inputs);
    a name with \\xNN escapes that no file bears as written is the file whose name has
    those bytes (`given_inputs`), when there is one."""
    path = Path(home_expanded(item))
    if "\\x" in item and not (path.exists() or path.is_symlink()):
        named = Path(home_expanded(unescaped_bytes(item)))
        if named.exists() or named.is_symlink():
            return named
    return path


def expand_inputs(inputs: list[str], pass_over: tuple[Path, ...] = ()
                  ) -> tuple[list[Path | str | Unusable], list[str]]:
    """Paths and URLs as given -> files (directories walked, sorted), URLs, and the paths
    that do not exist or cannot be listed (Unusable); plus notes for those. Folders in
    `pass_over` (the warehouse) are not read when met inside a folder given."""
    skip = frozenset(k for k in map(_folder_key, pass_over) if k is not None)
    out: list[Path | str | Unusable] = []
    notes: list[str] = []
    # A file is read once however often it is named (round 20): `ingest in/ in/a.warc`,
    # `a.urls ./a.urls`, a link to it. Read twice, each URL of a list or dump was a
    # `duplicate_url` reject "same canonical URL as" itself, every WARC record was read,
    # staged and counted again, and the run's inputs held them twice.
    seen: dict[tuple[int, int], str] = {}  # (device, inode) -> the name first read

    def first_time(path: Path) -> bool:
        try:
            st = path.stat()
        except OSError:
            return True  # what cannot be looked at is read (and rejected) as before
        key, name = (st.st_dev, st.st_ino), path_label(path)
        if key not in seen:
            seen[key] = name
            return True
        notes.append(f"input {name!r} named twice: read once" if seen[key] == name else
                     f"input {name!r} is {seen[key]!r} again (named twice, or inside a "
                     "folder also named): read once")
        return False

    for item in inputs:
        if blank_input(item):
            out.append(Unusable(item, "not_found", BLANK_INPUT))
            notes.append(f"input {item!r}: {BLANK_INPUT}: skipped")
            continue
        if _REMOTE_INPUT.match(url := trim_url(item)):
            out.append(url)  # a URL pasted on the command line with invisible junk at an end
            continue
        path = input_path(item)
        if path.is_dir() and _folder_key(path) in skip:
            notes.append(f"input {path_label(path)!r} is the warehouse: its files are no "
                         "input (name a file of it to read that file): not read")
            continue
        if path.is_dir():
            hidden: list[str] = []
            passed: list[str] = []
            files, problems = walk_files(path, hidden, passed, skip)
            notes += [f"input {path_label(path)!r}: the warehouse {name!r} inside it passed "
                      "over (its files are no input)" for name in passed]
            out += [f for f in files if first_time(f)] + problems
            if hidden:
                shown = ", ".join(path_label(n) for n in hidden[:5])
                notes.append(f"input {path_label(path)!r}: {len(hidden)} hidden file(s) or "
                             f"folder(s) passed over ({shown}{', ...' if len(hidden) > 5 else ''}"
                             "): name one on the command line to read it")
            notes += [f"input {u.path!r} cannot be read: skipped ({u.detail})"
                      for u in problems]
        elif path.is_file() and (why := unknown_input(path.name)) is not None:
            # named as an input, so meant as one: a reject the run counts (a file met in
            # a folder stays a note: folders hold READMEs and pictures)
            out.append(Unusable(path_label(path), "unknown_input", why))
            notes.append(f"input {path_label(path)!r}: {why}")
        elif path.is_file():
            if first_time(path):
                out.append(path)
        elif (path.exists() or path.is_symlink()) and (why := not_a_file(path)) is not None:
            # a pipe, a dangling link: "does not exist" would send the user looking for
            # a file that is there
            out.append(why)
            notes.append(f"input {why.path!r} cannot be read: skipped ({why.detail})")
        else:
            out.append(Unusable(path_label(item), "not_found", "no such file or folder"))
            notes.append(f"input {path_label(item)!r} does not exist: skipped")
    return out, notes


def source_host_delays(inputs: list[str]) -> dict[str, float]:
    """Per-host politeness delays (delay_s) of the sources files among the inputs, so the
    fetcher honours them for feeds, sitemaps and pages alike. A broken sources file gives
    none here; discover() reports it."""
    items, _ = expand_inputs(inputs)
    delays: dict[str, float] = {}
    for item in items:
        if isinstance(item, Path) and is_sources_file(item.name):
            try:
                cfg = load_sources(item)
            except SourcesFileError:
                continue
            for host, delay in host_delays(cfg).items():
                delays[host] = max(delays.get(host, 0.0), delay)
    return delays


def fetch_urls_via(fetch_documents: Callable[[pa.Table], StageResult]) -> FetchUrls:
    """Adapt a batch fetcher `(DOCUMENTS table) -> StageResult` (the wrapper binds the
    fetch stage's run with its config) to discover's `fetch_urls(urls)` contract. The
    bodies of cut transfers (`StageResult.cut_sources`) come with the others: their
    fetch_log row keeps its error, which tells discover_remote they were cut."""

    def fetch_urls(urls: list[str]) -> tuple[dict[str, bytes], list[dict]]:
        docs = conform([{"input_key": u, "url": u, "source_kind": "feed", "source": u}
                        for u in urls], DOCUMENTS, "documents")
        result = fetch_documents(docs)
        bodies = {d["url"]: d["body"] for d in result.table.to_pylist()
                  if d.get("body") is not None}
        if result.cut_sources is not None:
            for d in result.cut_sources.select(["url", "body"]).to_pylist():
                if d["body"] is not None:
                    bodies.setdefault(d["url"], d["body"])
        return bodies, list(result.fetch_log)

    return fetch_urls


@dataclass(frozen=True)
class DiscoverConfig:
    """What the discover stage uses of Settings (see there for each value's reason)."""

    user_agent: str
    request_timeout_s: float
    max_body_bytes: int
    allow_private_hosts: bool
    allowed_networks: list[str]
    sitemap_max_depth: int
    sitemap_max_files: int
    sitemap_max_child_age_days: float | None
    refresh: bool
    batch_size: int


def remote_limits(config: DiscoverConfig) -> RemoteLimits:
    """Sitemap caps (PRESSROOM_SITEMAP_*)."""
    return RemoteLimits(
        max_depth=config.sitemap_max_depth,
        max_sitemaps=config.sitemap_max_files,
        max_child_age_days=config.sitemap_max_child_age_days,
    )


def warc_opener_for(config: DiscoverConfig) -> Opener:
    """The streaming http(s) opener for WARC URLs, behind the same address guard as the
    fetcher (PRESSROOM_ALLOWED_NETWORKS included)."""
    guard = AddressGuard.from_settings(config.allow_private_hosts, config.allowed_networks)
    return http_opener(config.user_agent, config.request_timeout_s, guard)


def _checked_urls(rows: list[dict], run_id: str) -> tuple[list[dict], list[dict]]:
    """Rows whose URL has a canonical form, and rejects for the others (WARC target URIs
    are only prefix-checked while reading)."""
    good, bad = [], []
    scrub_credentials(rows)  # a WARC record's target URI may carry user:password@
    for row in rows:
        try:
            canonical_url(row["url"])
            good.append(row)
        except BadURL as exc:
            bad.append(_reject(row["source_kind"], row["source"], row["input_key"], "bad_url",
                               str(exc), run_id, url=row["url"]))
    return good, bad


def discover(inputs: list[str], run_id: str, config: DiscoverConfig,
             fetch_urls: FetchUrls | None = None, warc_opener: Opener | None = None,
             now: datetime | None = None, skip_sources: frozenset[str] = frozenset(),
             stream_warcs: bool = False, pass_over: tuple[Path, ...] = ()) -> DiscoverResult:
    """Paths/URLs -> documents, with malformed inputs as rejects and exact in-run URL
    duplicates (same canonical URL) rejected before anything is fetched.

    `config` gives the byte cap, the user agent and the sitemap caps; `fetch_urls`
    fetches feeds and sitemaps (the wrapper binds it to the fetch stage; without it, their
    fetch_log rows say `not_fetched`); `warc_opener` opens http(s) WARCs (default: a
    streaming httpx opener behind the address guard).

    Local rows (dumps, URL lists, WARC records) come before discovered ones, so an
    article already in a WARC is not queued again from a feed. Feeds and sitemaps in
    `skip_sources` (their last fetch failed recently) are not fetched again; they are
    counted in stats["sources_skipped"].
    """
    now = now or datetime.now(UTC)
    rows: list[dict] = []
    rejects: list[dict] = []
    fetch_log: list[dict] = []
    stats: dict[str, int] = {}
    feeds: list[str] = []
    sitemaps: list[str] = []
    listed: list[tuple[str, str]] = []  # article URLs from sources files
    clean_inputs = [strip_userinfo(i) for i in inputs]
    scrubbed = sum(c != i for c, i in zip(clean_inputs, inputs, strict=True))
    items, notes = expand_inputs(clean_inputs, pass_over)

    warcs: list[str] = []

    def read_warc_input(source: str) -> None:
        if stream_warcs:
            warcs.append(source)
            return
        opener = warc_opener or warc_opener_for(config)
        result = read_warc(source, run_id, now, config.max_body_bytes, opener)
        good, bad = _checked_urls(result.rows, run_id)
        rows.extend(good)
        rejects.extend(result.rejects + bad)
        for k, v in result.stats.items():
            stats[f"warc_{k}"] = stats.get(f"warc_{k}", 0) + v

    for item in items:
        if isinstance(item, Unusable):
            rejects.append(_reject("path", item.path, f"path:{item.path}", item.reason,
                                   item.detail, run_id))
            continue
        if isinstance(item, str):
            if is_warc_path(item):
                read_warc_input(item)
                continue
            kind, url = classify_remote(item)
            if kind == "feed":
                feeds.append(url)
            elif kind == "sitemap":
                sitemaps.append(url)
            else:
                r = url_document(item, "url", "command line", run_id)
                (rejects if "stage" in r else rows).append(r)
        elif is_warc_path(item.name):
            read_warc_input(str(item))
        elif is_sources_file(item.name):
            try:
                cfg = load_sources(item)
            except SourcesFileError as exc:
                # The crawl configuration is wrong: say so loudly, keep the other inputs.
                notes.append(str(exc))
                rejects.append(_reject("sources", path_label(item), f"sources:{path_label(item)}",
                                       "bad_sources_file", storable_text(str(exc)), run_id))
                continue
            for src in cfg.enabled():
                feeds += src.feeds
                sitemaps += src.sitemaps
                listed += [(u, path_label(item)) for u in src.urls]
            stats["sources_enabled"] = stats.get("sources_enabled", 0) + len(cfg.enabled())
        elif unpacked_name(item.name).endswith(URL_LIST_SUFFIXES):  # PAGES.URLS, pages.urls.gz
            named: list[tuple[str, str]] = []
            d, r = read_url_list(item, run_id, named)
            rows += d
            rejects += r
            feeds += [u for kind, u in named if kind == "feed"]
            sitemaps += [u for kind, u in named if kind == "sitemap"]
        elif unpacked_name(item.name).endswith(DUMP_SUFFIXES):
            d, r = read_dumps(item, run_id)
            rows += d
            rejects += r
        elif item.name not in ("README.md", ".gitkeep", "outlets.toml"):  # not inputs
            notes.append(f"{item}: not a recognised input ({INPUT_KINDS}): ignored")
    if skip_sources:
        before = len(feeds) + len(sitemaps)
        feeds = [u for u in feeds if u not in skip_sources]
        sitemaps = [u for u in sitemaps if u not in skip_sources]
        if before - len(feeds) - len(sitemaps):
            stats["sources_skipped"] = before - len(feeds) - len(sitemaps)
            notes.append(f"{stats['sources_skipped']} feed(s)/sitemap(s) not fetched: their "
                         "last fetch failed recently (refetch_failed_after_hours)")
    notes += _encoding_note(rejects)
    scrubbed += sum(strip_userinfo(u) != u for u in (*feeds, *sitemaps, *(u for u, _ in listed)))
    feeds = [strip_userinfo(u) for u in feeds]
    sitemaps = [strip_userinfo(u) for u in sitemaps]
    listed = [(strip_userinfo(u), src) for u, src in listed]
    if feeds or sitemaps or listed:
        if fetch_urls is None:
            fetch_urls = _no_fetcher
        remote = discover_remote(feeds, sitemaps, fetch_urls, run_id, now,
                                 remote_limits(config), urls=listed)
        rows += remote.rows
        rejects += remote.rejects
        fetch_log += remote.fetch_log
        for k, v in remote.stats.items():
            stats[k] = stats.get(k, 0) + v
        notes += remote.notes
        failed = stats.get("feed_fetch_failed", 0) + stats.get("sitemap_fetch_failed", 0)
        notes.append(
            f"discovery: {stats.get('feed_fetched', 0)} of {len(distinct_sources(feeds))} "
            "feed(s) fetched, "
            f"{stats.get('sitemaps_parsed', 0)} sitemap file(s) read, {len(remote.rows)} "
            f"URL(s) found, {failed} fetch failure(s) (see fetch_log)" + (
                f", {cut} of them cut short and read up to the cut" if (cut := stats.get(
                    "feed_read_to_cut", 0) + stats.get("sitemap_read_to_cut", 0)) else ""))
    scrubbed += scrub_credentials(rows) + scrub_credentials(rejects)
    scrub_credentials(fetch_log)
    notes += credentials_note(scrubbed)
    kept, dup_rejects = drop_duplicate_urls(rows, run_id)
    return DiscoverResult(docs=conform(kept, DOCUMENTS, "documents"),
                          rejects=rejects + dup_rejects, notes=[storable_text(n) for n in notes],
                          fetch_log=fetch_log, stats=stats, warcs=warcs)


# Row fields that may hold an input URL (documents, rejects, fetch_log rows).
_URL_FIELDS = ("url", "input_key", "source", "detail", "final_url")


def scrub_credentials(rows: list[dict]) -> int:
    """Remove user:password@ from every URL in the rows' URL fields, in place; returns
    how many rows had one."""
    changed = 0
    for row in rows:
        hit = False
        for key in _URL_FIELDS:
            value = row.get(key)
            if isinstance(value, str) and (clean := strip_userinfo(value)) != value:
                row[key] = clean
                hit = True
        changed += hit
    return changed


def credentials_note(n: int) -> list[str]:
    return [f"{n} input(s) had a user name or password in a URL: removed before fetching "
            "or storing anything"] if n else []


def _no_fetcher(urls: list[str]) -> tuple[dict[str, bytes], list[dict]]:
    """discover() called without a fetcher: nothing fetched, so discover_remote logs each
    feed and sitemap as `not_fetched`."""
    return {}, []


DUPLICATE_KEY_PREFIX = "duplicate:"


def duplicate_key(input_key: str) -> str:
    """The input key of a `duplicate_url` reject: the listing's own key, marked, so that
    it never equals a document's. Under the document's key, the reject of a URL listed
    twice settled the URL itself: when the first listing's fetch failed (a server down
    for the day), later runs skipped the URL as "already in warehouse" for good, even
    with --refresh, and its story was never fetched (fault round 40)."""
    return DUPLICATE_KEY_PREFIX + input_key


def drop_duplicate_urls(rows: list[dict], run_id: str) -> tuple[list[dict], list[dict]]:
    """Keep the first document per canonical URL; later ones are rejects pointing at it,
    each under a key of its own (`duplicate_key`)."""
    seen: dict[str, str] = {}
    kept, rejects = [], []
    for row in rows:
        canon = canonical_url(row["url"])
        if canon in seen:
            rejects.append(_reject(row["source_kind"], row["source"],
                                   duplicate_key(row["input_key"]),
                                   "duplicate_url", f"same canonical URL as {seen[canon]}",
                                   run_id, url=row["url"]))
            continue
        seen[canon] = row["url"]
        kept.append(row)
    return kept, rejects


def split_known(docs: pa.Table, known: KnownInputs, refresh: bool) -> tuple[pa.Table, pa.Table]:
    """-> (documents to process, documents skipped as already settled).

    With `refresh`, known articles and pages rejected after fetching are processed again
    (a changed text becomes a new revision); inputs rejected at discovery and URLs that
    failed recently are still skipped.
    """
    rejected = known.input_rejected_keys if refresh else known.rejected_keys
    keep_mask = []
    for url, key in zip(docs.column("url").to_pylist(), docs.column("input_key").to_pylist(),
                        strict=True):
        settled = key in rejected or url in known.recently_failed_urls
        if not refresh and (key in known.article_input_keys or url and article_id_for(
                canonical_url(url)) in known.article_ids):
            settled = True
        keep_mask.append(not settled)
    if all(keep_mask):  # the usual case: no copy of the batch (filter copies the pages)
        return docs, docs.slice(0, 0)
    mask = pa.array(keep_mask, type=pa.bool_())
    return docs.filter(mask), docs.filter(pa.compute.invert(mask))


TAKEN_DOWN = "taken_down"


def drop_taken_down(docs: pa.Table, known: KnownInputs, run_id: str
                    ) -> tuple[pa.Table, list[dict]]:
    """Documents of articles or domains taken down (`pressroom forget`) are refused with a
    reject, so a takedown holds against every later feed, sitemap or WARC."""
    if not (known.taken_down_ids or known.taken_down_domains) or docs.num_rows == 0:
        return docs, []
    keep, rejects = [], []
    # only the columns a reject needs: never the bodies as Python objects
    for doc in docs.select(["url", "source_kind", "source", "input_key"]).to_pylist():
        url = doc.get("url")
        domain = domain_of(url) if url else ""
        hit = (safe_article_id(url) in known.taken_down_ids or domain in known.taken_down_domains
               or any(domain.endswith("." + d) for d in known.taken_down_domains))
        keep.append(not hit)
        if hit:
            rejects.append(_reject(doc["source_kind"], doc.get("source") or "", doc["input_key"],
                                   TAKEN_DOWN, "taken down by pressroom forget", run_id, url=url))
    return docs.filter(pa.array(keep, pa.bool_())), rejects


def drop_known_rejects(rejects: list[dict], known: KnownInputs) -> tuple[list[dict], int]:
    """Rejects of inputs an earlier run already rejected are not written again."""
    new = [r for r in rejects if r["input_key"] not in known.rejected_keys]
    return new, len(rejects) - len(new)



def stage_warc_input(source: str, folder: Path, config: DiscoverConfig, run_id: str,
                     opener: Opener | None = None
                     ) -> Iterator[tuple[Path | None, int, list[dict]]]:
    """A WARC input read batch by batch into staged DOCUMENTS files under `folder`,
    each yielded as soon as it is written: (path or None, rows, rejects read with it).
    `staged_batch` loads one file at a time, with its rejects."""
    yield from stage_warc(source, folder, run_id, datetime.now(UTC), config.max_body_bytes,
                          config.batch_size, opener or warc_opener_for(config))


# Columns of DOCUMENTS that may hold an input URL (see _URL_FIELDS).
_DOC_URL_COLUMNS = ("url", "input_key", "source", "final_url")


def _scrubbed_table(docs: pa.Table) -> pa.Table:
    """scrub_credentials over a table's URL columns, column by column: the bodies stay
    in their Arrow buffers (turning a batch into Python rows copied every page twice)."""
    for name in _DOC_URL_COLUMNS:
        values = docs.column(name).to_pylist()
        clean = [strip_userinfo(v) if isinstance(v, str) else v for v in values]
        if clean != values:
            i = docs.schema.get_field_index(name)
            docs = docs.set_column(i, docs.schema.field(i), pa.array(clean, pa.string()))
    return docs


def _checked_url_table(docs: pa.Table, run_id: str) -> tuple[pa.Table, list[dict]]:
    """_checked_urls for a DOCUMENTS table: (rows whose URL has a canonical form, rejects
    for the others), reading only the columns a reject needs."""
    docs = _scrubbed_table(docs)
    good = []
    rejects = []
    for i, url in enumerate(docs.column("url").to_pylist()):
        try:
            canonical_url(url)
            good.append(True)
        except BadURL as exc:
            good.append(False)
            row = {k: docs.column(k)[i].as_py() for k in ("source_kind", "source", "input_key")}
            rejects.append(_reject(row["source_kind"], row["source"], row["input_key"],
                                   "bad_url", str(exc), run_id, url=url))
    if all(good):
        return docs, rejects
    return docs.filter(pa.array(good, pa.bool_())), rejects


def staged_batch(path: Path | None, known: KnownInputs, refresh: bool, run_id: str,
                 read_rejects: list[dict] = ()) -> StageResult:
    """One staged WARC batch (and the records rejected while reading it; path None when
    there were only those) -> the documents to process; records an earlier run settled
    are skipped, records without a usable URL rejected. Duplicate URLs across batches are
    left to dedup (same text: a duplicate; changed text: a revision). The file is read
    straight into Arrow: no Python copy of the pages."""
    import pyarrow.parquet as pq

    docs = DOCUMENTS.empty_table() if path is None else pq.read_table(path, schema=DOCUMENTS)
    docs, rejects = _checked_url_table(docs, run_id)
    todo, skipped = split_known(docs, known, refresh)
    todo, taken_down = drop_taken_down(todo, known, run_id)
    rejects += list(read_rejects)
    new_rejects, known_rejects = drop_known_rejects(rejects, known)
    return StageResult(STAGE, todo, docs.num_rows + len(rejects), new_rejects + taken_down,
                       skipped=skipped.num_rows + known_rejects)


@dataclass
class Settled:
    """Discovery's outcome against what the warehouse already holds: the documents to
    process, the new rejects, and the discover stage's ledger counts."""

    todo: pa.Table
    rejects: list[dict]
    counts: dict[str, int]


def settle(found: DiscoverResult, known: KnownInputs, refresh: bool) -> Settled:
    """Drop what earlier runs settled and count every input once: documents, rejects,
    feed/sitemap fetches that failed (failed) or answered 304 or were skipped (skipped)."""
    todo, skipped = split_known(found.docs, known, refresh)
    rejects, known_rejects = drop_known_rejects(found.rejects, known)
    source_failures, sources_unchanged = fetch_outcomes(found.fetch_log)
    sources_skipped = found.stats.get("sources_skipped", 0) + sources_unchanged
    return Settled(todo, rejects, {
        "received": found.docs.num_rows + len(found.rejects) + source_failures
        + sources_skipped,
        "passed": todo.num_rows, "rejected": len(rejects), "failed": source_failures,
        "skipped": skipped.num_rows + known_rejects + sources_skipped,
    })


def run(inputs: list[str], config: DiscoverConfig, run_id: str, *,
        known: KnownInputs | None = None, fetch_urls: FetchUrls | None = None,
        warc_opener: Opener | None = None, now: datetime | None = None,
        pass_over: tuple[Path, ...] = ()) -> StageResult:
    """Paths and URLs -> the documents to fetch, less what earlier runs settled (`known`,
    read by the wrapper). WARC inputs are not read here: they are returned in `pending`
    and streamed batch by batch (`stage_warc`, `staged_batch`). Folders in `pass_over`
    (the wrapper gives the warehouse) are never read as inputs inside a folder given."""
    known = known or KnownInputs()
    found = discover(inputs, run_id, config, fetch_urls, warc_opener, now,
                     skip_sources=known.recently_failed_urls, stream_warcs=True,
                     pass_over=pass_over)
    settled = settle(found, known, config.refresh)
    todo, taken_down = drop_taken_down(settled.todo, known, run_id)
    c = settled.counts
    return StageResult(STAGE, todo, c["received"], settled.rejects + taken_down,
                       fetch_log=found.fetch_log, failed=c["failed"], skipped=c["skipped"],
                       notes=found.notes, pending=found.warcs)
