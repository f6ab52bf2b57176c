"""URL identity: canonical form, article ids, domains.

courlan does the generic normalisation (case, ports, tracking parameters such as utm_*,
fbclid, gclid, sorted query). On top of it we apply the rules that make two addresses of
the *same article* compare equal: scheme, mobile/AMP hosts and paths, fragments and
trailing slashes. The canonical URL is an identity, not an address to fetch: we always
fetch the URL as discovered.
"""

from __future__ import annotations

import hashlib
import html
import html.entities
import re
from functools import lru_cache
from urllib.parse import SplitResult, parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import courlan
import idna
from courlan.clean import decode_punycode
from w3lib.url import canonicalize_url

# Host prefixes that serve the same article as the bare host.
_MIRROR_HOST_PREFIXES = ("www.", "m.", "mobile.", "amp.")
# Query parameters that only select a rendering or track a click (courlan misses these).
_EXTRA_TRACKING = re.compile(
    r"^(amp|outputtype|output|ref|ref_src|ref_url|cmpid|ncid|ocid|igshid|mc_[a-z]+|_ga|"
    r"yclid|msclkid|dclid|twclid|share|s_cid|at_[a-z_]+|xtor|__twitter_impression|"
    # Newsroom campaign tags: Guardian CMP/INTCMP, NYT smid/smtyp, BBC ns_*, Yahoo's
    # consent redirect (guccounter, guce_*), HubSpot/Marketo mail links, WebTrends.
    r"cmp|intcmp|int_cmp|icid|ito|smid|smtyp|ns_[a-z]+|guccounter|guce_[a-z_]+|"
    r"_hsenc|_hsmi|mkt_tok|wt\.mc_id|wt\.[a-z_]+|sr_share|soc_src|soc_trk|mbid|_gl)$",
    re.IGNORECASE,
)
_AMP_PATH = re.compile(r"(/amp|/amp\.html|\.amp)(?=/?$)", re.IGNORECASE)
# "story.amp.html" is the AMP twin of "story.html".
_AMP_SUFFIX = re.compile(r"\.amp(\.html?)$", re.IGNORECASE)
# A leading /amp/ segment in front of the article path ("/amp/2024/05/story.html").
_AMP_PREFIX = re.compile(r"^/amp(?=/[^/]+)", re.IGNORECASE)
# The directory index is the directory ("/news/story/index.html" = "/news/story/").
_INDEX_PAGE = re.compile(r"/(index|default)\.(html?|php|aspx?)$", re.IGNORECASE)
# AMP caches serve a publisher's page under their own host: Google's
# /amp/s/<host>/<path> and <host-with-dashes>.cdn.ampproject.org/c/s/<host>/<path>.
_AMP_CACHE = re.compile(
    r"^https?://(?:www\.google\.[a-z.]+/amp/|[^/]+\.cdn\.ampproject\.org/[cv]/)(s/)?(.+)$",
    re.IGNORECASE,
)
# Web archives serve a capture of a page under their own host, the page's URL after a
# timestamp: the Wayback Machine's /web/20240503100000/https://news.example/story (and its
# modes, `id_`, `im_`, ...), the same path under any pywb or OpenWayback archive
# (/wayback/..., /<collection>/...: national libraries, Archive-It, arquivo.pt). The
# capture is the publisher's page; its identity is that page's (fault round 30: every
# archived story was an article of web.archive.org, each capture an id of its own).
_ARCHIVE_CAPTURE = re.compile(
    r"^https?://[^/?#]+/(?:[^?#]*/)?\d{4,14}(?:[a-z]{2}_)?/(https?):/{1,3}([^/?#]+\.[^/?#]+.*)$",
    re.IGNORECASE | re.DOTALL,
)

# A complete HTML character reference, as an address escaped for HTML once too often holds
# one ("?a=1&amp;b=2", "/caf&eacute;"). courlan reads every URL through html.unescape,
# which also takes the start of a parameter's name for one of HTML's references written
# without their ";" ("&sect", "&reg", "&copy", "&times", "&not", "&para"): "?id=7&section=
# world" was one parameter, "id=7§ion=world", another page than the same URL with its
# parameters the other way round (seed 61). Only complete references are read now, and
# courlan is handed the URL parsed, so that it reads none.
_COMPLETE_REFERENCE = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|([A-Za-z][A-Za-z0-9]{1,31}));")


def _complete_references_read(url: str) -> str:
    """`url` with each complete HTML character reference as the character it names."""
    if "&" not in url or ";" not in url:
        return url
    return _COMPLETE_REFERENCE.sub(
        lambda m: m[0] if m[1] and m[1] + ";" not in html.entities.html5 else html.unescape(m[0]),
        url)


# The user:password@ part of a URL's authority (up to the last @ before the path, as
# urlsplit reads it). Credentials in an input must not reach the warehouse, the WARC
# archive or the logs, and are never sent (issue 11, item 10).
_USERINFO = re.compile(r"(?i)\b((?:https?|ftp|wss?)://)[^/?#\s]*@")


def strip_userinfo(text: str) -> str:
    """`text` with the user name and password of every URL in it removed."""
    return _USERINFO.sub(r"\1", text) if text and "@" in text else text


# Characters nobody sees that ride along when a URL is copied: format characters (zero
# width space, joiners, word joiner, invisible operators, byte-order mark), bidi marks,
# embeddings and isolates (a URL pasted from right-to-left text), the soft hyphen. At the
# edge of an address they are paste junk, never part of it: kept, a leading one made a
# feed link or a sitemap <loc> relative ("https://s.example/\u200bhttps:/s.example/a",
# a 404) and a .urls line a bad_url, a trailing one another page (".../a%E2%80%8B").
INVISIBLE_CHARS = ("\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c"
                   "\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff")
# Whitespace as str.strip() knows it (Unicode's, \xa0 and \u3000 among it); browsers
# strip spaces and C0 controls around an href the same way. Other C0 controls are left:
# in a URL list they mark binary junk (a bad_url of its own, round 7).
_URL_EDGE = INVISIBLE_CHARS + "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
# The same characters percent-encoded (UTF-8), as a library that encodes an href before
# joining it hands them back ("%E2%80%8Bhttps://..."): w3lib's meta refresh.
_ENCODED_EDGE = "|".join(sorted(
    ("".join(f"%{b:02X}" for b in ch.encode("utf-8")) for ch in _URL_EDGE), key=len,
    reverse=True))
_ENCODED_LEAD = re.compile(f"^(?:{_ENCODED_EDGE})+", re.IGNORECASE)
_ENCODED_TRAIL = re.compile(f"(?:{_ENCODED_EDGE})+$", re.IGNORECASE)


# The authority of an absolute or scheme-relative URL (user info, host, port), and the
# invisible characters it may hold.
_AUTHORITY = re.compile(r"^((?:[A-Za-z][A-Za-z0-9+.-]*:)?//)([^/?#\\]*)")
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")


def _host_without_invisibles(text: str) -> str:
    """`text` without the invisible characters inside its authority: no host name holds
    one (UTS 46 maps some to nothing and refuses the bidi marks; yarl refuses all), so
    there they are paste junk too, as a domain copied out of right-to-left text keeps its
    mark (`https://news.example\u200e/a`). Kept, the fetch failed as `invalid_url`
    ("InvalidUrlClientError: http://news.example/a", the character unseen), retried
    every `refetch_failed_after_hours`; a dump or a WARC record stored its article under
    a domain of its own, or one a bidi override showed reversed (fault round 45)."""
    found = _AUTHORITY.match(text)
    if not found or not _INVISIBLE.search(found.group(2)):
        return text
    return found.group(1) + _INVISIBLE.sub("", found.group(2)) + text[found.end():]


def trim_url(text: str, *, encoded: bool = False) -> str:
    """`text` without the whitespace and invisible characters (`INVISIBLE_CHARS`) at its
    ends: what surrounds a URL that was pasted, not the URL, nor in its host (no host
    holds one). Characters inside its path, query or fragment are left as they are (the
    fetch or the identity rules decide on those). `encoded` also
    strips the percent-encoded forms of them at the ends, for a URL a library has
    already encoded; only for such URLs: typed out, "%E2%80%8B" is what someone wrote."""
    if not text:
        return text
    text = _host_without_invisibles(text.strip(_URL_EDGE))
    if encoded and "%" in text:
        text = _ENCODED_TRAIL.sub("", _ENCODED_LEAD.sub("", text)).strip(_URL_EDGE)
    return text


# `&amp;` (or `&#38;`, `&#x26;`) left in an address that a discovery document names: a
# permalink escaped for HTML before being written into JSON (no entities there: round
# 18), escaped once more before being written as XML text (`&amp;amp;`), or escaped once
# inside an XML CDATA section, which XML does not unescape (round 32). Each was fetched
# as `?p=1&amp;lang=de`, a query of `amp;lang`: the wrong page or the site's 404, under
# an article id no other source of the story shares. No page's own address holds
# `&amp;` as its characters; `&ampm=` and other lookalikes stay.
_ESCAPED_AMPERSAND = re.compile(r"&(?:amp|#0*38|#[xX]0*26);")


def without_escaped_ampersands(url: str) -> str:
    """`url` with each escaped ampersand (`_ESCAPED_AMPERSAND`) an `&`, and nothing else
    unescaped: `html.unescape` of the whole address also read `&copy=2` as "(c)=2"."""
    return _ESCAPED_AMPERSAND.sub("&", url) if "&" in url else url


# An address between the delimiters text puts around one: RFC 3986 Appendix C's
# "<https://...>" and "<URL:https://...>" (e-mail; chat exports: Slack writes every link
# so, a label after "|": "<https://...|the story>"), and a CSV column's quotes
# ('"https://..."'). Each such line of a URL list was a bad_url reject (round 14).
_DELIMITED = re.compile(r"""<(?:URL:)?([^|]*)(?:\|.*)?>|"(.*)"|'(.*)'""",
                        re.IGNORECASE | re.DOTALL)
_HTTP_START = re.compile(r"https?://", re.IGNORECASE)


def undelimited_url(text: str) -> str:
    """`text` without a pair of delimiters around an http(s) URL (`_DELIMITED`); other
    text as it is (the reject that follows quotes what was written)."""
    found = _DELIMITED.fullmatch(text)
    if found is None:
        return text
    inner = trim_url(next(g for g in found.groups() if g is not None))
    return inner if _HTTP_START.match(inner) else text


# What prose puts after an address that no address typed into a list ends with: a
# sentence's full stop or comma, a colon or semicolon, ? or !, and a closing bracket that
# opened before the address ("(see https://s.example/a)"). GitHub's autolinks and mail
# readers leave them out alike (GFM's "extended autolink" rule).
_PROSE_END = ".,:;!?"
_CLOSERS = {")": "(", "]": "["}


def without_prose_punctuation(text: str) -> str:
    """`text`, an http(s) URL pasted from prose, without the punctuation the sentence put
    around it: after it `_PROSE_END` or a `)` or `]` the address did not open
    (`https://w.example/wiki/Foo_(bar)` keeps its own), and a `(` or `[` before it when
    its closer is among what followed. Kept, "https://s.example/a.html." was fetched as
    another page, the site's 404, and "(https://...)" was a bad_url (round 21). Other
    text is returned as it is (a Markdown link, `[a](b)`, is no address)."""
    opener = text[:1] if text[:1] in "([" and _HTTP_START.match(text, 1) else ""
    url = text[len(opener):]
    if not _HTTP_START.match(url):
        return text
    end = len(url)
    while end:
        last = url[end - 1]
        if last in _PROSE_END or (last in _CLOSERS and url.count(_CLOSERS[last], 0, end)
                                  < url.count(last, 0, end)):
            end -= 1
        else:
            break
    if opener and not any(_CLOSERS.get(ch) == opener for ch in url[end:]):
        return text
    return url[:end]


# Characters that no host name, IDN or IP literal holds: whitespace, controls, and the
# delimiters and quotes that mark a pasted fragment ("bad host.example", "a<b>.example").
# courlan lets them through, and the fetcher would then fail on them as invalid_url.
_BAD_HOST_CHAR = re.compile(r"[\s\x00-\x1f\x7f<>\"'`{}|\\^%!*(),;=&$+\ufffd]")


class BadURL(ValueError):
    """The string is not an absolute http(s) URL."""


# Passes of the rules until the form stops changing: one pass strips one AMP segment, so
# ".../story/amp/amp" needs two; no real URL needs more than a few.
_MAX_CANONICAL_PASSES = 4


# A WARC record's URL is made canonical when it is staged, again when its batch is loaded
# and once more when its page is extracted (1 process: all in one); each call costs ~0.04
# ms (courlan and two rule passes): 3 x 1,000 URLs took 125 ms, 43 ms with this cache
# (BENCHMARKS.md, session 27). Recently seen URLs are answered from memory (~5 MB); a
# refusal (BadURL) is not kept.
CANONICAL_CACHE_SIZE = 1 << 14


def canonical_url(url: str) -> str:
    """Return the identity form of an http(s) URL; raise BadURL for anything else.

    The form is a fixed point (canonical_url(canonical_url(u)) == canonical_url(u)): the
    rules are applied again until nothing changes, and a URL whose form the rules would
    refuse on a second look (hosts such as "0::" or ".") is refused now."""
    if not isinstance(url, str):
        return _canonical_pass(url)  # raises BadURL; not a key the cache can hold
    return _canonical_url(url)


@lru_cache(maxsize=CANONICAL_CACHE_SIZE)
def _canonical_url(url: str) -> str:
    try:
        canon = _canonical_pass(url)
        for _ in range(_MAX_CANONICAL_PASSES):
            again = _canonical_pass(canon)
            if again == canon:
                return canon
            canon = again
    except BadURL:
        raise
    except ValueError as exc:  # urlsplit's own: "Invalid IPv6 URL", a port that is no number
        raise BadURL(f"malformed URL {url[:200]!r}: {exc}") from None
    raise BadURL(f"URL does not settle on one canonical form: {url[:200]!r}")


def _canonical_pass(url: str) -> str:
    """One pass of the identity rules."""
    if not url or not isinstance(url, str):
        raise BadURL("empty URL")
    url = url.strip()
    cached = _AMP_CACHE.match(url)
    if cached and "." in cached.group(2).split("/", 1)[0]:
        url = ("https://" if cached.group(1) else "http://") + cached.group(2)
    captured = _ARCHIVE_CAPTURE.match(url) if ":/" in url[8:] else None
    if captured:
        url = f"{captured.group(1).lower()}://{captured.group(2)}"
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise BadURL(f"not an absolute http(s) URL: {url[:200]!r}")
    if _BAD_HOST_CHAR.search(parts.hostname):
        raise BadURL(f"the host {parts.hostname[:100]!r} has characters no host name has: "
                     f"{url[:200]!r}")
    if parts.port == 0:  # read below as no port (falsy): the site's port-443 page's id,
        # and a fetch that failed, retried after every refetch_failed_after_hours (round 47)
        raise BadURL(f"port 0 is no port a server listens on: {url[:200]!r}")
    try:
        url = courlan.normalize_url(urlsplit(_complete_references_read(url)))
    except ValueError as exc:  # courlan raises on malformed netlocs
        raise BadURL(f"malformed URL {url[:200]!r}: {exc}") from None
    parts = urlsplit(url)
    host = domain_identity((parts.hostname or "").rstrip("."))
    if ":" in host:  # an IPv6 literal keeps its brackets (without, "https://::1/x" is no
        host = f"[{host}]"  # URL: the refusal named that garbled form, not the input)
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = _AMP_PATH.sub("", _path_identity(parts.path)) or "/"
    path = _AMP_SUFFIX.sub(r"\1", path)
    path = _AMP_PREFIX.sub("", path)
    path = _INDEX_PAGE.sub("/", path)
    if len(path) > 1:
        path = path.rstrip("/")
    query = urlencode(
        sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
               if not _EXTRA_TRACKING.match(k))
    )
    # http and https serve the same article; identity uses https.
    return urlunsplit(("https", host, path, query, ""))


def _path_identity(path: str) -> str:
    """The one spelling of a path every server reads alike (RFC 3986 6.2.2, by w3lib's
    `canonicalize_url`, as Scrapy fingerprints requests): dot segments resolved
    (`/a/../b` is `/b`), percent escapes in capitals (`caf%c3%a9` is `caf%C3%A9`), an
    unreserved character's escape decoded (`%7Euser` is `~user`). courlan leaves each as
    written, and aiohttp sends each in that one spelling: one page under two article ids,
    neither a `duplicate_url` of the other."""
    if not path or ("%" not in path and "/." not in path):
        return path  # nothing to resolve: most paths, at no cost
    return urlsplit(canonicalize_url(urlunsplit(("https", "h", path, "", "")))).path


_DEFAULT_PORT = {"http": 80, "https": 443}


def request_identity(url: str) -> str:
    """The one spelling of the request a URL makes: scheme and host in lower case, the
    fragment (never sent) and a default port dropped, the query in one order (w3lib's
    canonicalize_url, as Scrapy fingerprints requests). Unlike `canonical_url` it keeps
    what a server may tell apart (www., http, a trailing slash): for a feed or sitemap
    listed twice in other spellings (`https://News.example:443/feed#top`), fetched once
    each, whose relative links then came out as the same articles under other spellings.
    A URL w3lib cannot read is its own identity."""
    try:
        key = canonicalize_url(url, keep_fragments=False)
        parts = urlsplit(key)
        if parts.port is not None and parts.port == _DEFAULT_PORT.get(parts.scheme):
            key = urlunsplit(parts._replace(netloc=parts.netloc.rsplit(":", 1)[0]))
    except ValueError:
        return url
    return key


def host_identity(host: str) -> str:
    """A host name in the one spelling every way of writing it maps to: lower case,
    punycode labels decoded (`xn--bcher-kva` is `bücher`, the form courlan gives the
    canonical URL), and for a host outside ASCII, IDNA's UTS 46 mapping (the one browsers
    apply before they look a name up). `bu\u0308cher.example` (a decomposed u-umlaut, as
    macOS text holds it), fullwidth `ｅｘａｍｐｌｅ.com` and `example。com` (an ideographic
    full stop) are the hosts `bücher.example` and `example.com`: each was an article id of
    its own, so a page reached under two spellings was two articles, and a takedown of a
    domain missed its punycode spelling. A name the mapping refuses (a code point IDNA
    disallows) is kept as it is, lower-cased: the fetch, not the identity, refuses it."""
    host = decode_punycode(host.lower())
    if host.isascii():
        return host
    try:
        # std3_rules off: hosts hold "_" ("my_blog.example") though STD3 forbids it
        return idna.uts46_remap(host, std3_rules=False)
    except (idna.IDNAError, UnicodeError):
        return host


def server_key(host: str) -> str:
    """The one spelling of the server a host name reaches, by which politeness is kept
    (the per-host delay and concurrency cap, robots.txt once per origin): `host_identity`
    without the root's trailing dot (`news.example.` is the name `news.example` looked up
    from the root). Keyed by the name as written, `news.example` and `news.example.`,
    or `bücher.example` and `xn--bcher-kva.example`, were two hosts: a request to each at
    the same moment under a 1 s delay and a cap of 1, robots.txt fetched twice (round
    21)."""
    return host_identity(host.rstrip(".")) if host else ""


def domain_identity(host: str) -> str:
    """The registrable-looking form of a host name (`host_identity`, without a www./m./
    amp. prefix): how articles' `domain` is stored and how a takedown's domain is read."""
    host = host_identity(host)
    for prefix in _MIRROR_HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            return host[len(prefix) :]
    return host


def mirror_hosts(host: str) -> set[str]:
    """The other names of `host`'s site that article identity takes for the same one
    (`domain_identity`: the bare name and its www., m., mobile. and amp. hosts), by
    `server_key`; none for an IP address or a name of one label."""
    host = server_key(host)
    if not host or ":" in host or host.replace(".", "").isdigit():
        return set()
    bare = domain_identity(host)
    if "." not in bare:
        return set()
    return {bare, *(prefix + bare for prefix in _MIRROR_HOST_PREFIXES)} - {host}


def url_parts(href: str) -> SplitResult | None:
    """`urlsplit` of an address a page wrote, or None when no URL parser takes it
    (`http://[::1`, an unclosed IPv6 literal, raises ValueError): one malformed link in
    a page's markup is that link's problem, never the page's."""
    try:
        return urlsplit(href)
    except ValueError:
        return None


def joined_url(base: str, ref: str) -> str | None:
    """`urljoin(base, ref)`, or None when `ref` is no URL a parser takes (a page's
    `og:image` or canonical of `http://[::1/x` made urljoin raise, and the page was lost)."""
    try:
        return urljoin(base, ref)
    except ValueError:
        return None


# An http(s) URL whose `//` is short, missing or long: "https:/news.example/b",
# "https:news.example/b", "https:///news.example/b" (a rewrite rule's typo, a template
# joining "https:/" and a host).
_SCHEME_AND_SLASHES = re.compile(r"(https?):(/*)(?=[^/])", re.I)


def with_its_slashes(current: str, location: str) -> str:
    """`location` as the WHATWG URL parser reads it against `current`: after an http(s)
    scheme any number of slashes but two still leads to a host ("https:/news.example/b"
    from an http page is https://news.example/b), except one or none after the current
    page's own scheme, a path on its host (as urljoin reads it). Kept as written, the
    target was a URL with no host (fault round 28; round 27's known item). A sitemap's
    `<loc>` is read the same way: joined to the sitemap's address, "https:///a" was the
    page /a of the sitemap's own host, an address nobody wrote (seed 59's question)."""
    found = _SCHEME_AND_SLASHES.match(location)
    if found is None or len(found[2]) == 2:
        return location
    if len(found[2]) < 2 and found[1].lower() == urlsplit(current).scheme.lower():
        return location
    return f"{found[1].lower()}://{location[found.end():]}"


# The first segment of an address written without a scheme: a host, a port perhaps.
_HOST_FIRST = re.compile(r"^([^/?#:@\s]+\.[^/?#:@\s]+)(?::\d{1,5})?(?=[/?#]|$)")


def same_site_without_scheme(link: str, base: str) -> str | None:
    """`link` with the scheme of `base` before it, when it was written without one and
    its first segment is the site of `base` (`news.example/g` in the JSON Feed or the
    sitemap at https://news.example/...; `www.` or a subdomain either side), else None.
    Joined as a relative path it was `https://news.example/news.example/g`, a page no
    site has (the site's 404). A first segment naming another host stays a path:
    `story.html` and `2024.05/a` are paths, and nothing tells them from hosts."""
    text = link.strip()
    found = _HOST_FIRST.match(text)
    try:
        where = urlsplit(base)
    except ValueError:
        return None
    if not found or not where.hostname:
        return None
    host, site = domain_identity(found.group(1)), domain_identity(where.hostname)
    if host == site or host.endswith("." + site) or site.endswith("." + host):
        return f"{where.scheme}://{text}"
    return None

def domain_of(url: str) -> str:
    """The registrable-looking host of a URL (`domain_identity`)."""
    return domain_identity(urlsplit(url).hostname or "")


# a scheme (`https:`), not a host's port (`news.example:8080/x`)
_TYPED_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(?!\d)")


def typed_domain(value: str) -> str:
    """The `domain` (as articles store it) of a site named on a command line as people
    name one: a host (`WWW.News.Example.`), or an address copied from a browser's bar
    (`https://www.news.example/world/`, `news.example/a`, `news.example:8443`). Matched
    as typed, such a name met no stored domain (`www.` and the root dot are never stored,
    a URL is no domain): `forget --domain` said "no rows" and committed, the articles
    stayed; `search --outlet` found nothing (fault round 46). Raises BadURL for what names
    no host (`*`, `%`, `a b`, nothing): a wildcard is no way to name a site here."""
    text = trim_url(value)
    if not _TYPED_SCHEME.match(text):
        text = "https://" + text.lstrip("/")
    if not text.lower().startswith(("http://", "https://")):
        raise BadURL(f"{value!r} is no host name or http(s) address")
    domain = domain_of(canonical_url(text))
    if not domain or any(not label for label in domain.split(".")):
        raise BadURL(f"{value!r} is no host name")
    return domain


def base_url_of(page_url: str, base_href: str | None) -> str | None:
    """The base URL a page's first `<base href>` sets, as browsers resolve it (HTML,
    "document base URL"): the href taken relative to the page's own address. None when it
    sets none: no href, an empty one, one no URL parser takes ("http://[::1"), or a base
    that is not http(s) (browsers fall back to the address for javascript: and data:).
    The fetcher's meta refresh and the extractor's canonical both resolve through it, so
    a relative link means one page wherever we follow or record it."""
    href = trim_url(base_href or "")
    if not href:
        return None
    try:
        base = urljoin(page_url, href)
        scheme = urlsplit(base).scheme
    except ValueError:
        return None
    return base if scheme.lower() in ("http", "https") else None


def stable_id(key: str) -> str:
    """A short, stable hex id of a string (128 bits: collisions are not a concern)."""
    return hashlib.blake2b(key.encode("utf-8"), digest_size=16).hexdigest()


def article_id_for(canonical: str | None, content_hash: str | None = None) -> str:
    """article_id from the canonical URL, or from the content hash when there is no URL."""
    if canonical:
        return stable_id(canonical)
    if content_hash:
        return stable_id("content:" + content_hash)
    raise ValueError("an article needs a canonical URL or a content hash")


def safe_article_id(url: str | None) -> str | None:
    """article_id of a URL, or None when it is missing or not an http(s) URL (for rows,
    such as rejects, that may lack a usable URL)."""
    if not url:
        return None
    try:
        return article_id_for(canonical_url(url))
    except BadURL:
        return None
