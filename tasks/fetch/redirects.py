"""Where a response sends the fetcher next: a Location header made a URL (raw bytes
percent-encoded, backslashes read as browsers read them), and a meta or header refresh
within META_REFRESH_MAX_DELAY_S, resolved against the page's `<base href>`."""

from __future__ import annotations

import html
import re
from urllib.parse import urldefrag, urljoin, urlsplit

from w3lib.html import get_base_url, get_meta_refresh

from tasks.common.charset import decode
from tasks.common.urls import base_url_of, strip_userinfo, trim_url, with_its_slashes

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
    try:
        if urlsplit(location.strip()).port == 0:
            return "port 0 is no port a server listens on"
    except ValueError:
        pass
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
        target = urljoin(current, with_its_slashes(current, location))
        if urlsplit(target).port == 0:  # raises on a bad port; 0 is none a server has
            return None  # (followed, it was a refused connection retried: round 47)
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
