"""XML sitemaps, sitemap indexes and Google News sitemaps -> article URLs with hints.

Parsing is streaming (lxml iterparse, each <url> cleared once read) so a 50,000-URL
sitemap costs little memory; it is lenient (recover mode: a truncated or slightly broken
file yields what it holds, with a warning) and safe (no entity expansion, no network
access from the parser, a cap on the decompressed size of a .xml.gz). Namespaces are
matched by local name because real sitemaps use the 0.9 namespace, old Google ones, or
none at all. Plain-text sitemaps (one URL a line, allowed by sitemaps.org) are read too.

Following an index is not done here: `parse_sitemap` returns the children, and the
driver (tasks/discover/remote.py) fetches them level by level under depth and count caps.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

from lxml import etree

from tasks.common.charset import (
    stray_bytes_as_cp1252,
    wide_as_utf8,
    without_wide_declaration,
)
from tasks.common.codings import CodingError, decode_one
from tasks.common.surrogates import surrogate_references_as_characters
from tasks.common.text import (
    ascii_digits,
    gregorian_era_years,
    iso_letters_in_capitals,
    without_inline_comment,
)
from tasks.common.urls import (
    same_site_without_scheme,
    trim_url,
    with_its_slashes,
    without_escaped_ampersands,
)
from tasks.discover.feeds import (
    clean_title,
    html_entities_as_characters,
    loose_rfc822_date,
    slashed_date,
)
from tasks.discover.feeds import marked_sections as _sections

# A <lastmod> before this is an unset clock's, not a modification time: a generator
# whose record has no date writes the Unix epoch (`1970-01-01T00:00:00+00:00`, a zero
# timestamp formatted) or a year-one placeholder. On an index's child it was read as
# "not modified for 50 years": every child skipped as `sitemap_child_too_old`, the whole
# site lost (fault round 27). The web's news era starts in 1995, as for page dates.
EARLIEST_LASTMOD = datetime(1995, 1, 1, tzinfo=UTC)

# sitemaps.org: at most 50,000 URLs and 50 MB (uncompressed) per file.
MAX_SITEMAP_BYTES = 50 * 1024 * 1024
MAX_SITEMAP_URLS = 50_000

# A "&" that starts no entity or character reference: invalid XML, but common in <loc>
# (query strings written as they are). lxml's recovery drops the rest of that text and
# loses the entities after it ("&amp;" too), so such an ampersand is escaped first.
_BARE_AMP = re.compile(rb"&(?!(?:[A-Za-z_][\w.-]*|#[0-9]+|#[xX][0-9A-Fa-f]+);)")
# gzip layers undone at most (a .xml.gz gzipped once more by a server that did not say so)
_MAX_GZIP_LAYERS = 3
# The end tags of entries, with any prefix: what a file cut short really closed.
_END_TAG = {"url": re.compile(rb"</(?:[\w.-]+:)?url\s*>"),
            "sitemap": re.compile(rb"</(?:[\w.-]+:)?sitemap\s*>")}

# A document type declaration with its internal subset. A sitemap has no use for one;
# entities declared there, nested ten deep (billion laughs), trip libxml2's amplification
# guard, which ends the parse at the first reference: every entry after it was lost.
# Quoted literals and comments are skipped whole: a `>` or `]>` inside one (an entity
# value "a]>b", a system id "a>b.dtd", a comment "<!-- ]> -->") ended the match early, and
# the rest of the declaration left before the root made lxml find no element at all
# (`sitemap_bad_xml`, every entry lost).
# Possessive quantifiers (Python 3.11): no backtracking, so a declaration that never
# ends costs one linear scan (10 MB of it: under 1 s here), never a blow-up.
_DOCTYPE = re.compile(rb"""<!DOCTYPE(?:[^\[>"']++|"[^"]*+"|'[^']*+')*+"""
                      rb"""(?:\[(?:<!--.*?-->|"[^"]*+"|'[^']*+'|[^\]"'<]++|<(?!!--))*+\]\s*)?>""",
                      re.S | re.I)
_DOCTYPE_START = re.compile(rb"<!DOCTYPE", re.I)

# The <loc> start tags of a file: what the entries the parser read are counted against
# once it reported errors (comments, which may hide some, are left out first). Only the
# <loc> tags with the prefix of the sitemap's root count: an image sitemap's <image:loc>
# (one or more in every <url> of Google's image extension) is no entry.
_ROOT_START = re.compile(rb"<([\w.-]+:)?(?:urlset|sitemapindex)[\s>/]")


def _loc_starts(text: bytes) -> int:
    root = _ROOT_START.search(text)
    prefix = (root.group(1) or b"") if root else b""
    return len(re.findall(rb"<" + re.escape(prefix) + rb"loc\s*>", text))


# Where a sitemap's XML starts: its declaration or its root element.
_XML_START = re.compile(rb"<\?xml\b|<(?:[\w.-]+:)?(?:urlset|sitemapindex)\b")
# How far into the body the XML is looked for behind something else (a PHP warning is a
# few hundred bytes; a page of them a few KB).
_JUNK_SCAN = 64 * 1024
_SPACE_IN = re.compile(r"\s")
_TEXT_URL = re.compile(r"https?://", re.I)
# C0 and C1 controls (the bytes windows-1252 leaves undefined read as C1): no URL holds
# one; tab and CR/LF are whitespace, refused or line ends already.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_RAW_BYTE = re.compile("[\udc80-\udcff]")  # surrogateescape's form of a byte no UTF-8
# W3C datetime profiles that fromisoformat does not take: year, year-month.
_YEAR_MONTH = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    """A <url> (or a child <sitemap> of an index) with what the sitemap says of it."""

    url: str
    lastmod: datetime | None = None
    published_at: datetime | None = None  # news:publication_date
    title: str | None = None  # news:title
    language: str | None = None  # news:publication/news:language


@dataclass(slots=True)
class SitemapResult:
    """A parsed sitemap. kind is 'urlset', 'index' or 'text'; error is (reason, detail)
    when nothing usable came out; warning notes a recovered problem."""

    kind: str = ""
    entries: list[SitemapEntry] = field(default_factory=list)  # pages (urlset / text)
    children: list[SitemapEntry] = field(default_factory=list)  # sitemaps (index)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (reason, detail)
    error: tuple[str, str] | None = None
    warning: str | None = None
    junk_before_xml: str | None = None  # what was dropped before the XML (its start)


def parse_w3c_datetime(text: str | None) -> datetime | None:
    """W3C datetime (the sitemap and news-sitemap date format) -> aware UTC datetime.

    A value without a zone is taken as UTC (the spec requires a zone when there is a time;
    the publishers who omit it are mostly on UTC servers). An RFC 822 date, which a
    generator that formats every date as its RSS feed does writes (PHP's `date('r')`:
    `Fri, 03 May 2024 10:00:00 +0200`), is read as the feeds read it; it was no date,
    a news story's publication date lost (fault round 22). Unparseable -> None.
    """
    if not text:
        return None
    # Arabic-Indic, Persian or fullwidth digits, a Japanese era's year (a CMS localising
    # its numbers): no date before (fault round 31)
    text = gregorian_era_years(ascii_digits(text.strip()))
    m = _YEAR_MONTH.match(text)
    try:
        if m:
            dt = datetime(int(m.group(1)), int(m.group(2) or 1), 1)
        else:
            # fromisoformat (3.11) takes Z, offsets, fractions and date-only values.
            # (a lower-case "t" or "z", as RFC 3339 allows, in capitals first: the date
            # was lost, and an index child so dated escaped the age filter: round 27)
            iso = iso_letters_in_capitals(text)
            dt = datetime.fromisoformat(iso.replace(" ", "T", 1) if "T" not in iso else iso)
    except ValueError:
        return loose_rfc822_date(text) or slashed_date(text)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    try:
        return dt.astimezone(UTC)
    except OverflowError:
        # "9999-12-31T23:00:00-05:00" is past year 9999 in UTC (or "0001-01-01T00:30+05:00"
        # before year 1): no date. Raised, it ended the whole discovery, and the run
        return None


def _local(tag) -> str:
    if not isinstance(tag, str):  # comments, processing instructions, entity references
        return ""
    return tag[tag.rfind("}") + 1 :].lower()


def _children(elem) -> dict[str, object]:
    """Child elements by lower-cased local name (the first of each name wins)."""
    out: dict[str, object] = {}
    for child in elem:
        out.setdefault(_local(child.tag), child)
    return out


def _text(elem) -> str | None:
    if elem is None:
        return None
    return (elem.text or "").strip() or None


# An absolute http(s) URL with a host: the common case, taken without urljoin/urlsplit
# (which cost more than the rest of the parsing per <url>).
_ABSOLUTE_HTTP = re.compile(r"(?i)https?://[^/?#\s@:]+[^\s]*")


def _absolute(loc: str | None, base: str) -> str | None:
    # trim_url: a zero-width space or a bidi mark pasted with the address made it
    # relative ("https://s.example/\u200bhttps:/s.example/a") or another page (round 13)
    loc = trim_url(loc) if loc else loc
    if not loc:
        return None
    # `&amp;amp;` written, or `&amp;` in CDATA: `?a=1&amp;b=2` was fetched (round 32)
    loc = without_escaped_ampersands(loc)
    if _ABSOLUTE_HTTP.fullmatch(loc):
        return loc
    # `news.example/a` on news.example's sitemap: its host, not a path under the folder
    loc = same_site_without_scheme(loc, base) or loc
    try:
        url = urljoin(base, with_its_slashes(base, loc))
        parts = urlsplit(url)
    except ValueError:
        # "//[a.example/1", an IPv6 bracket never closed: raised, it ended the whole
        # discovery, and the run
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return url


def _read_url(elem, base: str) -> tuple[list[SitemapEntry], list[str]]:
    """The entries of a <url> (or an index's <sitemap>), and the <loc> values that name
    no URL (a `sitemap_bad_loc` each; an element without a <loc> has one, empty). One
    <loc> an element, as the protocol says; a generator that writes two (a desktop and a
    mobile address) gets an entry for each, with the element's dates: only the first
    was read, and the second dropped without a word."""
    kids = _children(elem)
    locs = [_text(child) for child in elem if _local(child.tag) == "loc"] or [None]
    urls = [_absolute(loc, base) for loc in locs]
    bad = [(loc or "")[:200] for loc, url in zip(locs, urls, strict=True) if url is None]
    if len(bad) == len(urls):
        return [], bad
    published = title = language = None
    news = kids.get("news")
    if news is not None:
        nkids = _children(news)
        published = parse_w3c_datetime(_text(nkids.get("publication_date")))
        title = clean_title(_text(nkids.get("title")))
        pub = nkids.get("publication")
        if pub is not None:
            language = _text(_children(pub).get("language"))
    video = kids.get("video")
    if video is not None and (published is None or title is None):
        # A video sitemap (Google's extension, which news sites publish for their video
        # pages) dates and names its page; read after a news sitemap's own. Its page was
        # dated by <lastmod> (a later change) or not at all (round 32).
        vkids = _children(video)
        published = published or parse_w3c_datetime(_text(vkids.get("publication_date")))
        title = title or clean_title(_text(vkids.get("title")))
    lastmod = parse_w3c_datetime(_text(kids.get("lastmod")))
    if lastmod is not None and lastmod < EARLIEST_LASTMOD:
        lastmod = None  # an unset clock's date, no modification time (`EARLIEST_LASTMOD`)
    return [SitemapEntry(url=url, lastmod=lastmod, published_at=published, title=title,
                         language=language) for url in urls if url is not None], bad


def junk_before_xml(data: bytes) -> int:
    """How many bytes of something else come before a sitemap's XML (0: none). A PHP
    warning or notice printed before the document ("<br /><b>Warning</b>: Cannot modify
    header information - headers already sent ..." in HTML, or "PHP Notice: ..." as
    text) is the most common way a WordPress sitemap breaks: the HTML one was read as a
    document whose root is <br> (`not_a_sitemap`, every entry lost), the text one as a
    list of URLs, each <url> line fetched as a path under the sitemap's folder. A body
    that opens with markup of its own (a comment, a DOCTYPE, the declaration) is left
    alone: lxml reads those."""
    lead = data[:_JUNK_SCAN].lstrip(b"\xef\xbb\xbf \t\r\n")
    if (not lead or lead.startswith((b"<?", b"<!")) or _XML_START.match(lead)
            or lead[:5].lower() == b"<html"):  # an HTML page is one (not_a_sitemap)
        return 0
    found = _XML_START.search(data, 0, _JUNK_SCAN)
    return found.start() if found is not None else 0


def _parse_text(text: str, base: str, result: SitemapResult, max_urls: int) -> SitemapResult:
    result.kind = "text"
    for line in text.splitlines():
        # A comment after the URL ("https://a.example/x  # note") is no part of it: a URL
        # holds no whitespace (the line was taken whole, "/x # note" fetched as "/x%20").
        line = trim_url(without_inline_comment(trim_url(line)))
        if not line:
            continue
        if _RAW_BYTE.search(line):
            # A byte that is no UTF-8 (left as a surrogate) is read as windows-1252, as an
            # XML sitemap's is (`_stray_bytes_read`): a latin-1 file name written raw,
            # `caf\xe9`, is the page `caf%C3%A9` (round 24; it was this line's
            # `sitemap_bad_loc` "not UTF-8", the page lost).
            line = stray_bytes_as_cp1252(line)
        if _CONTROL.search(line):
            # binary junk, not an address: a URL list refuses such a line too (a NUL was
            # kept, and asked for as `%00`: another page; round 24)
            shown = line.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            result.skipped.append(("sitemap_bad_loc", f"not a URL: control characters in "
                                                      f"{shown[:200]!r}"))
            continue
        # A whole http(s) URL, as the protocol asks of a text sitemap ("You must fully
        # specify URLs"): a line that only holds "://" somewhere (a line of XML,
        # "<url><loc>https://...") was joined to the sitemap's folder as a path.
        url = (_absolute(line, base) if _TEXT_URL.match(line) and not _SPACE_IN.search(line)
               else None)
        if url is None:
            result.skipped.append(("sitemap_bad_loc", line[:200]))
            continue
        if len(result.entries) >= max_urls:
            result.skipped.append(("sitemap_url_cap", f"more than {max_urls} URLs"))
            break
        result.entries.append(SitemapEntry(url=url))
    if not result.entries:
        result.kind = ""
        result.error = ("not_a_sitemap", "neither XML nor a list of URLs")
    return result


def _cut_short(data: bytes, root_name: str, read: list[tuple[int, int]],
               result: SitemapResult) -> None:
    """A sitemap that ends before its root's end tag was cut (a transfer or a writer that
    stopped): the entries it closed are kept, the one the cut fell in is dropped (lxml's
    recovery closes it, with a <loc> that may be cut too), and the cut is recorded as a
    `sitemap_truncated` entry of `skipped`, which the driver turns into a reject."""
    entry = "url" if root_name == "urlset" else "sitemap"
    closed = len(_END_TAG[entry].findall(data))
    target = result.entries if entry == "url" else result.children
    for kept, skipped in reversed(read[closed:]):  # what lxml closed itself, last first
        del target[len(target) - kept:]
        del result.skipped[len(result.skipped) - skipped:]
    result.skipped.append(("sitemap_truncated",
                           f"the file ends before </{root_name}>: kept the "
                           f"{len(target)} entries before the cut"))


def _stopped_early(data: bytes, read: int, errors: list, result: SitemapResult) -> None:
    """Name the entries lost where lxml's recovery gave up before the end of the file.

    Recovery mends most faults (a NUL, an undeclared entity, a tag mismatch) and reads
    on; some end the document where they stand: a tag that never closes (`<t <<>`), a
    `<` inside an attribute, nesting past 256 levels, a second root after the first
    (two sitemaps concatenated). The entries after that point were dropped without a
    word, the root's end tag being there in the bytes. The <loc> tags of the file
    (outside comments) are counted against the entries read; only run once the parser
    reported errors, so a clean file costs nothing."""
    text = b"".join(_sections(data, b"<!--", b"-->")[::2]) if b"<!--" in data else data
    written = _loc_starts(text)
    if written <= read:
        return
    # The first error is the cause as a person would fix it; the last is where the
    # parser gave up (it reports nothing after that), when recovery went on a while.
    first, last = errors[0], errors[-1]
    stop = (f"; the parser gave up at line {last.line}, column {last.column}"
            if (last.line, last.column) != (first.line, first.column) else "")
    result.skipped.append((
        "sitemap_bad_xml",
        f"the XML breaks at line {first.line}, column {first.column} "
        f"({first.message.strip()}){stop}: "
        f"{written - read} of its {written} <loc> entries come after that and are not read",
    ))


# The encoding an XML declaration names.
_DECLARED_ENCODING = re.compile(rb"""\s*<\?xml[^>]*?\sencoding\s*=\s*["']?([\w.:-]+)""")


def _stray_bytes_read(data: bytes) -> bytes:
    """An XML sitemap that declares UTF-8 or nothing (so UTF-8) holding bytes that are no
    UTF-8, with those bytes read as windows-1252: a file written in latin-1 (`caf\xe9`
    in a <loc>, a news title), or a latin-1 name pasted into UTF-8. lxml's recovery read
    each as U+FFFD (with a warning): the page asked for was another one, `caf%EF%BF%BD`,
    and the title garbled (fault round 23, round 22's known item). Read so, the sitemap
    asks for what the same text saved as UTF-8 asks for, as its feed beside it does
    (feedparser reads such bytes so). A declared encoding is lxml's to read."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        declared = _DECLARED_ENCODING.match(data)
        if declared and declared[1].lower().replace(b"-", b"") != b"utf8":
            return data  # (lxml reads the bytes by their declaration)
        text = data.decode("utf-8", "surrogateescape")
        return stray_bytes_as_cp1252(text).encode("utf-8")
    return data


def parse_sitemap(
    data: bytes,
    sitemap_url: str,
    max_bytes: int = MAX_SITEMAP_BYTES,
    max_urls: int = MAX_SITEMAP_URLS,
    truncated: bool = False,
) -> SitemapResult:
    """Parse sitemap bytes (gzip'd or not) fetched from `sitemap_url`.

    Never raises on bad input: the problem is in `error` (nothing usable), `warning`
    (recovered) or `skipped` (single entries without a usable <loc>, or past max_urls).
    `truncated`: the transfer was cut (fewer bytes than its Content-Length, the
    connection closed early); an XML sitemap shows its own cut (no end tag), a list of
    URLs does not, so this is what tells its last line apart from a whole file's.
    """
    result = SitemapResult()
    layers = 0
    while data[:2] == b"\x1f\x8b" and layers < _MAX_GZIP_LAYERS:
        layers += 1  # a second layer was "binary data, neither XML nor a list of URLs"
        try:  # the shared capped decoder: a gzip bomb stops at max_bytes
            # A whole transfer's .gz that stops early is refused (a writer that failed);
            # a cut transfer's keeps what decoded, read as cut like a plain file.
            data = decode_one(data, "gzip", max_bytes, strict=not truncated)
        except CodingError as exc:
            if exc.kind == "decompressed_too_large":
                result.error = ("sitemap_too_large", f"more than {max_bytes} bytes once "
                                "decompressed")
            else:
                result.error = ("sitemap_bad_gzip", f"cannot decompress: {exc.detail}")
            return result
    if not layers and len(data) > max_bytes:
        result.error = ("sitemap_too_large", f"{len(data)} bytes, the cap is {max_bytes}")
        return result
    # a UTF-16 or UTF-32 sitemap (lxml reads UTF-16 with a BOM, but the checks below look
    # at the first bytes for "<", and a text sitemap is read as UTF-8)
    data, _ = wide_as_utf8(data)
    # a declaration naming UTF-16 over bytes that are not (.NET's XmlWriter over a
    # StringWriter): "no XML element found", every entry lost (round 14)
    data = without_wide_declaration(data)
    junk = junk_before_xml(data)
    if junk:
        result.junk_before_xml = data[:junk].decode("utf-8-sig", "replace").strip()[:200]
        result.warning = (f"{junk} bytes before the XML were not read (a server's error "
                          f"message?): {result.junk_before_xml!r}")
        data = data[junk:]
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head:
        result.error = ("sitemap_empty", "the response body is empty")
        return result
    if not head.startswith(b"<"):
        cut_line = b""
        if truncated:
            # The line the cut fell in is part of a URL (a shorter address: fetched, it
            # was an http_404 at best, another page at worst); a whole file without a
            # final newline keeps its last line (`truncated` is False there).
            keep = max(data.rfind(b"\n"), data.rfind(b"\r")) + 1  # CR alone ends one too
            data, cut_line = data[:keep], data[keep:]
        # utf-8-sig: a BOM (Windows editors write one) was glued to the first URL, which
        # then became a relative path under the sitemap's folder. surrogateescape: a
        # line holding a byte that is no UTF-8 (a latin-1 file name written raw) is
        # that line's `sitemap_bad_loc` (`_parse_text`); strict, the one byte refused
        # the whole file as "binary data", every other URL lost (fault round 22).
        text = data.decode("utf-8-sig", "surrogateescape")
        parsed = _parse_text(text, sitemap_url, result, max_urls)
        if not parsed.entries and _RAW_BYTE.search(text):  # no line of it a URL: binary
            parsed.skipped.clear()
            parsed.error = ("not_a_sitemap", "binary data, neither XML nor a list of URLs")
            return parsed
        if truncated:
            if not parsed.entries and cut_line.strip():  # the cut fell in the first line
                parsed.error = ("sitemap_truncated", "the transfer was cut inside the first "
                                f"line: {cut_line[:200].decode('utf-8', 'replace')!r}")
            elif not parsed.error:
                parsed.skipped.append((
                    "sitemap_truncated", f"the transfer was cut: kept the "
                    f"{len(parsed.entries)} URLs of whole lines" + (
                        f", not the cut line {cut_line[:200].decode('utf-8', 'replace')!r}"
                        if cut_line.strip() else "")))
        return parsed

    if b"<!" in data[:4096]:
        # Dropped, not parsed: entities declared there would otherwise be expanded or
        # refused with everything after them; their references are left unresolved.
        # At the first declaration only: `sub` tried every "<!DOCTYPE" in turn, and each
        # one that never ends is a scan to the end of the file: a file of them repeated
        # took 25 s for 360 KB (a possessive pattern is linear per attempt, not per file).
        first = _DOCTYPE_START.search(data)
        declared = _DOCTYPE.match(data, first.start()) if first is not None else None
        if declared is not None:
            data = data[:declared.start()] + data[declared.end():]
    data = _stray_bytes_read(data)
    if b"&" in data:
        # a reference to half of an emoji (`&#55357;&#56832;`) made lxml hand back bytes
        # it cannot decode: a UnicodeDecodeError out of the discover stage (round 22)
        data = surrogate_references_as_characters(data)
        # A CDATA section's text is taken as written, so an "&" in it is no entity to
        # escape (escaped, "<loc><![CDATA[...?a=1&b=2]]></loc>" became the URL
        # "...?a=1&amp;b=2").
        if b"<![CDATA[" in data:  # odd pieces of the split are CDATA sections: kept as is
            data = b"".join(piece if i % 2 else html_entities_as_characters(
                _BARE_AMP.sub(b"&amp;", piece))
                for i, piece in enumerate(_sections(data, b"<![CDATA[", b"]]>")))
        else:
            data = html_entities_as_characters(_BARE_AMP.sub(b"&amp;", data))
    context = etree.iterparse(
        io.BytesIO(data),
        events=("start", "end"),
        # Only these reach Python: iterating every <loc>/<lastmod> too costs 3x.
        tag=("{*}urlset", "{*}sitemapindex", "{*}url", "{*}sitemap"),
        recover=True,  # a truncated or slightly broken sitemap still yields its URLs
        resolve_entities=False,  # no entity expansion (billion laughs), no external DTDs
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    root_name = None
    capped = False
    misplaced: dict[str, int] = {}  # entries of the other kind of sitemap: not read
    # per entry element ended, in order: (entries kept, <loc> values skipped) of it
    read: list[tuple[int, int]] = []
    try:
        for event, elem in context:
            name = _local(elem.tag)
            if event == "start":
                if root_name is None:
                    root_name = name
                    if name not in ("urlset", "sitemapindex"):
                        break
                continue
            if name == "url" and root_name == "urlset":
                target = result.entries
            elif name == "sitemap" and root_name == "sitemapindex":
                target = result.children
            else:
                if name in ("url", "sitemap"):  # a page in an index, an index in a urlset
                    misplaced[name] = misplaced.get(name, 0) + 1
                continue
            if len(result.entries) + len(result.children) >= max_urls:
                capped = True
                break
            entries, bad = _read_url(elem, sitemap_url)
            target += entries
            result.skipped += [("sitemap_bad_loc", f"<loc> {loc!r}") for loc in bad]
            read.append((len(entries), len(bad)))
            # Free what has been read: keeps memory flat on 50,000-URL files.
            elem.clear(keep_tail=False)
            parent = elem.getparent()
            if parent is not None:
                while elem.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:  # recover mode rarely raises; an empty doc does
        if root_name is None:
            result.error = ("sitemap_bad_xml", str(exc)[:300])
            return result
        result.warning = f"XML error, kept what came before it: {exc}"[:300]
    if root_name is None:
        # No sitemap element at all: name the root the document has, if any.
        root = getattr(context, "root", None)
        if root is None or not _local(root.tag):
            result.error = ("sitemap_bad_xml", "no XML element found")
            return result
        root_name = _local(root.tag)
    if root_name not in ("urlset", "sitemapindex"):
        detail = f"root element <{root_name}>, expected <urlset> or <sitemapindex>"
        result.error = ("not_a_sitemap", detail)
        return result
    result.kind = "urlset" if root_name == "urlset" else "index"
    # lxml's recovery closes a cut root itself, so its end tag is looked for in the bytes
    # (the last 4 KB: what can follow it is whitespace and comments)
    if not capped and not re.search(rb"</(?:[\w.-]+:)?" + root_name.encode() + rb"\s*>",
                                    data[-4096:]):
        _cut_short(data, root_name, read, result)
    errors = [e for e in context.error_log if e.level_name in ("ERROR", "FATAL")]
    if errors and not capped and not any(r == "sitemap_truncated" for r, _ in result.skipped):
        _stopped_early(data, sum(map(sum, read)) + sum(misplaced.values()), errors, result)
    if capped:
        result.skipped.append(("sitemap_url_cap", f"more than {max_urls} entries; rest ignored"))
    for name, n in misplaced.items():
        # Named, not read: a <url> in an index (or a <sitemap> in a urlset) is a broken
        # generator's; they were dropped without a word.
        result.skipped.append(("sitemap_misplaced_entry", f"{n} <{name}> element(s) inside "
                               f"<{root_name}>: not read"))
    if errors and result.warning is None:
        first = errors[0]
        result.warning = (f"recovered from {len(errors)} XML error(s), first at line "
                          f"{first.line}: {first.message}")[:300]
    return result
