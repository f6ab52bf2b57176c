"""Backfill selection: which dated WARC files of a CC-NEWS-style source to ingest, in
which order.

CC-NEWS names each file by when its crawl segment started and a serial number:
`CC-NEWS-20240501093015-01234.warc.gz`. A backfill takes a date range and a source (a
local folder, or an http(s) directory listing or `warc.paths` list), keeps the files
whose date is in the range and ingests them oldest first, one file per run, so a stopped
backfill resumes at the first file without a finished run. The parsing and the
selection are pure; `list_source` is the only I/O (a folder walk or one guarded GET).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tasks.common.codings import CodingError, decode_one
from tasks.common.urls import joined_url, trim_url
from tasks.discover.inputs import DiscoverConfig, input_path, path_label, warc_opener_for
from tasks.discover.warcopen import WarcReadError

# YYYYMMDDhhmmss, then a serial of five digits (CC-NEWS has never needed more per month).
_NAME = re.compile(r"^CC-NEWS-(\d{14})-(\d{5})\.warc\.gz$")
# href="...", href='...' or href=... in an HTML index page (Apache, nginx, S3 website
# listings; HTML lets a value without spaces, quotes, `=`, `<`, `>` or backquotes go
# unquoted, as small servers and hand-made index pages write it).
_HREF = re.compile(r"""href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)
# A listing is a page of names, not data: far below this even for years of CC-NEWS.
MAX_LISTING_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True, order=True)
class DatedFile:
    """One WARC of the source; sorts by crawl time, then serial, then location."""

    crawled_at: datetime
    serial: int
    location: str  # a local path or an http(s) URL, as given to `ingest`


def file_name(location: str) -> str:
    """The last path segment of a path or URL (percent-decoded for a URL)."""
    if "://" in location:
        return unquote(urlsplit(location).path.rsplit("/", 1)[-1])
    return Path(location).name


def parse_name(location: str) -> DatedFile | None:
    """The dated file a path or URL names, or None when its name is not CC-NEWS's (or
    its timestamp is not a real time)."""
    m = _NAME.match(file_name(location))
    if not m:
        return None
    try:
        crawled_at = datetime.strptime(m.group(1), "%Y%m%d%H%M%S")
    except ValueError:  # 20240231..., 20241301...: a name, but no date
        return None
    return DatedFile(crawled_at, int(m.group(2)), location)


def select(locations: Iterable[str], start: date, end: date) -> list[DatedFile]:
    """The CC-NEWS files crawled on a day from `start` to `end` (both included), oldest
    first. Other names are ignored; a name listed twice (a listing with relative and
    absolute links to one file) is kept once, at its first location."""
    if end < start:
        raise ValueError(f"the range ends ({end}) before it starts ({start})")
    chosen: dict[str, DatedFile] = {}
    for location in locations:
        found = parse_name(location)
        if found and start <= found.crawled_at.date() <= end:
            chosen.setdefault(file_name(location), found)
    return sorted(chosen.values())


def pending(files: list[DatedFile], done: set[str]) -> list[DatedFile]:
    """The files not yet ingested by a finished run (`done`: the inputs of the
    warehouse's run manifests), in order."""
    return [f for f in files if f.location not in done]


def listing_links(text: str, base_url: str) -> list[str]:
    """The absolute URLs an http(s) listing names: the hrefs of an HTML index page, or
    one path or URL per line of a plain list (CC-NEWS's warc.paths), resolved against
    the listing's own URL. An href no URL parser takes names no file (one such link,
    `http://[::1`, had ended the whole backfill with a ValueError)."""
    hrefs = [h for h in map(href_target, _HREF.findall(text)) if h]
    if _HREF.search(text):
        links = (joined_url(base_url, h) for h in hrefs)
    else:  # not HTML: one entry per line
        lines = [line for line in map(paths_line, text.splitlines())
                 if line and not line.startswith("#")]
        links = (joined_url(_paths_base(base_url, line), line) for line in lines)
    return [link for link in links if link is not None]


def href_target(found: tuple[str, str, str]) -> str:
    """What an href (`_HREF`'s groups: double-quoted, single-quoted, unquoted) links to
    as a browser reads it: its character references undone (`&amp;` is `&`), without
    the spaces around it and without its fragment; "" for a link within the page
    (`#top`). Only quoted hrefs were read, so beside a quoted `../` link every
    `<a href=CC-NEWS-...warc.gz>` was dropped without a word, and a page of unquoted
    links alone was read as a plain list of its lines of markup (fault round 41)."""
    value = html.unescape(next((v for v in found if v), ""))
    return trim_url(value.partition("#")[0])


def paths_line(line: str) -> str:
    """A line of a plain list as the path it names: without the spaces and invisible
    characters around it (`trim_url`). A list saved by a Windows editor opens with a
    byte-order mark, which began its first path: that file's URL held "\\ufeff" and,
    its first folder hidden, was joined to the list's folder instead of the bucket's
    root, a 404 (fault round 41); a zero-width space pasted with a line did the same."""
    return trim_url(line)


def _paths_base(base_url: str, line: str) -> str:
    """What a line of a plain list is relative to: Common Crawl's warc.paths lists each
    file from the bucket's root (`crawl-data/CC-NEWS/2024/05/CC-NEWS-...warc.gz`), while
    the list itself lies in that month's folder (`.../crawl-data/CC-NEWS/2024/05/
    warc.paths.gz`): joined to the list's folder, every file was `.../2024/05/crawl-data/
    CC-NEWS/2024/05/...`, a 404. A relative line whose first folder is one of the
    list's own folders is taken from there; any other line from the list's folder."""
    first, sep, _ = line.partition("/")
    if not sep or not first or first in (".", "..") or ":" in first:
        return base_url
    try:
        parts = urlsplit(base_url)
    except ValueError:
        return base_url
    at = parts.path.find(f"/{first}/")
    return base_url if at < 0 else parts._replace(path=parts.path[:at + 1], query="",
                                                  fragment="").geturl()


def listing_body(raw: bytes, source: str) -> bytes:
    """A listing's bytes, decompressed when it is gzip: Common Crawl publishes each
    month's list as `warc.paths.gz`, served as a file (no Content-Encoding), and its
    compressed bytes, read as text, named no file: "0 file(s) in range", without a word."""
    if raw[:2] != b"\x1f\x8b":
        return raw
    try:
        return decode_one(raw, "gzip", MAX_LISTING_BYTES, strict=True)
    except CodingError as exc:
        raise WarcReadError(f"{source}: a gzip listing that cannot be read ({exc})") from None


def local_source_problem(source: str) -> str | None:
    """Why a backfill source that is no http(s) listing cannot be read (None: a folder),
    without the network, so the command line can say it before a run starts: a folder
    mistyped ended the backfill with 268 lines of Prefect's tracebacks (fault round 46)."""
    if source.startswith(("http://", "https://")):
        return None
    if "://" in source:
        return f"{source}: a backfill reads a local folder or an http(s) listing"
    folder = input_path(source)
    if folder.is_dir():
        return None
    if folder.exists():
        return (f"{source}: not a folder (a backfill reads a folder of CC-NEWS-*.warc.gz "
                "files, or an http(s) listing of them)")
    return f"{source}: not a folder (no such file or folder)"


def list_source(source: str, config: DiscoverConfig) -> list[str]:
    """Every entry of a backfill source: the *.warc.gz files under a local folder
    (absolute paths, so that a run started from another folder recognises them), or the
    links of an http(s) listing, fetched through the same address guard as every other
    download (PRESSROOM_ALLOWED_NETWORKS)."""
    if source.startswith(("http://", "https://")):
        stream = warc_opener_for(config)(source)
        body = b""
        try:  # the stream gives a chunk per read: read until the end or past the cap
            while len(body) <= MAX_LISTING_BYTES and (chunk := stream.read(1 << 16)):
                body += chunk
        finally:
            stream.close()
        if len(body) > MAX_LISTING_BYTES:
            raise WarcReadError(f"{source}: listing over {MAX_LISTING_BYTES} bytes")
        return listing_links(listing_body(body, source).decode("utf-8", "replace"), source)
    problem = local_source_problem(source)
    if problem:
        raise WarcReadError(problem)
    folder = input_path(source)
    # named as the tables name them (\xNN for a byte that is no UTF-8): each is a run's
    # input, which Prefect holds as UTF-8 (fault round 41)
    return sorted(path_label(p.resolve()) for p in folder.rglob("*.warc.gz"))


def nothing_in_range(locations: list[str], start: date, end: date) -> str:
    """Why a backfill found no file from `start` to `end` in what its source lists, for
    the person who asked: "0 file(s) in range" said nothing of a month mistyped, of a
    folder of other names, or of an empty listing."""
    dated = sorted(f for f in map(parse_name, locations) if f is not None)
    if dated:
        return (f"no CC-NEWS file crawled from {start} to {end}: the source lists "
                f"{len(dated)}, crawled from {dated[0].crawled_at.date()} to "
                f"{dated[-1].crawled_at.date()}")
    if not locations:
        return "the source lists no .warc.gz file"
    names = ", ".join(file_name(loc) for loc in locations[:3])
    return (f"the source lists {len(locations)} entries, none named as CC-NEWS names its "
            f"files (CC-NEWS-YYYYMMDDhhmmss-NNNNN.warc.gz): {names}"
            + (" ..." if len(locations) > 3 else ""))
