"""Opt-out signals of a page: what its publisher says machines may do with it.

Pure parsing, shared by fetch (what the WARC archive may keep), discover (WARC inputs),
extract (the `rights` column) and clean (the `opted_out` policy). Sources, in the order a
crawler meets them:

- the `X-Robots-Tag` response header (Google's syntax: comma-separated directives,
  optionally behind a user-agent prefix, `googlebot: noindex`), possibly repeated;
- `<meta name="robots" content="...">` and `<meta name="<our agent>" ...>` in the HTML;
- TDMRep (W3C Community Group report, 2024): the `tdm-reservation` header, the
  `<meta name="tdm-reservation" content="1">` tag, and `/.well-known/tdmrep.json` rules.

A signal is one of SIGNALS. `none` (robots) means noindex + nofollow, so it gives noindex.
Directives addressed to another agent (`googlebot: noarchive`) do not apply to us.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterable
from urllib.parse import quote

from tasks.common.charset import meta_tags, utf16_without_bom

# The product token matched against agent-specific directives where no configured user
# agent is at hand (WARC inputs written by other crawlers, the archive reader).
DEFAULT_AGENT = "pressroom"
# What the `rights` column can hold, sorted in every value.
SIGNALS = ("noai", "noarchive", "noimageai", "noindex", "tdm-reservation")

_ROBOTS_DIRECTIVES = {"noarchive": "noarchive", "noindex": "noindex", "noai": "noai",
                      "noimageai": "noimageai", "none": "noindex"}
# Directives that carry a value after a colon: `unavailable_after: <date>` is not an agent.
_VALUED = {"unavailable_after", "max-snippet", "max-image-preview", "max-video-preview"}
# A user-agent prefix is a product token (RFC 9309: letters, "_", "-"; crawlers' names
# add digits, "." and "/"), or "*": it never holds a space.
_AGENT_PREFIX = re.compile(r"[a-z0-9_./*-]+")

# Meta tags live in <head>; a page whose head runs past this (inline bundles) is scanned
# this far only, which keeps the scan bounded on the fetcher's hot path.
META_SCAN_BYTES = 512 * 1024
_ATTR = re.compile(rb"""([a-zA-Z_:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_HEAD_END = re.compile(rb"</head\s*>", re.I)


def is_agent_prefix(head: str) -> bool:
    """Whether the text before a colon in a robots list item names a user agent."""
    return _AGENT_PREFIX.fullmatch(head.strip()) is not None


def _robots_directives(value: str, agent: str) -> set[str]:
    """Signals of one robots directive list (a header value or a meta content) that
    apply to `agent` (lower-case product token)."""
    found: set[str] = set()
    applies = True  # directives before any agent prefix are for every crawler
    for part in value.split(","):
        part = part.strip().lower()
        if not part:
            continue
        head, colon, rest = part.partition(":")
        if colon and head.strip() not in _VALUED:
            if not is_agent_prefix(head):
                # the rest of an `unavailable_after` date written with a comma ("Wed, 25
                # Jun 2026 15:00:00 GMT", RFC 822): read as an agent ("25 jun 2026 15"),
                # it put every directive after it out of our reach (fault round 42)
                continue
            applies = head.strip() in (agent, "*")
            part = rest.strip()
            if not part:
                continue
        if applies and part in _ROBOTS_DIRECTIVES:
            found.add(_ROBOTS_DIRECTIVES[part])
    return found


def _reserved(value: str) -> bool:
    """TDMRep: `tdm-reservation: 1` reserves the rights; 0 (or junk) does not."""
    return value.strip() == "1"


def header_signals(headers: Iterable[tuple[str | bytes, str | bytes]], agent: str) -> set[str]:
    """Signals in HTTP response headers, given as (name, value) pairs so that a repeated
    X-Robots-Tag counts every time (a dict would keep only one of them)."""
    agent = agent.lower()
    found: set[str] = set()
    for name, value in headers:
        name = name.decode("latin-1") if isinstance(name, bytes) else name
        value = value.decode("latin-1") if isinstance(value, bytes) else value
        name = name.strip().lower()
        if name == "x-robots-tag":
            found |= _robots_directives(value, agent)
        elif name == "tdm-reservation" and _reserved(value):
            found.add("tdm-reservation")
    return found


def _attrs(tag: bytes) -> dict[str, str]:
    out = {}
    for m in _ATTR.finditer(tag):
        value = m.group(2) if m.group(2) is not None else (
            m.group(3) if m.group(3) is not None else m.group(4))
        out[m.group(1).decode("ascii").lower()] = value.decode("utf-8", "replace")
    return out


def _utf16_codec(html: bytes) -> str | None:
    """"utf-16" when the page opens with a UTF-16 byte-order mark, "utf-16-le"/"-be" when
    its first bytes have a NUL in nearly every other place (as charset.utf16_without_bom
    tells; a UTF-8 or 8-bit page has none), else None."""
    if html[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    if b"\x00" not in html[:128]:
        return None
    return utf16_without_bom(html)


def meta_signals(html: bytes | str, agent: str) -> set[str]:
    """Signals in the page's <meta> tags (robots, our agent's name, tdm-reservation),
    scanned as bytes up to </head> (or META_SCAN_BYTES): no parse, no decoding."""
    if isinstance(html, str):
        html = html.encode("utf-8", "replace")
    wide = _utf16_codec(html)
    if wide is not None:
        # UTF-16 markup has a NUL in every ASCII character: no byte pattern matched it,
        # and a noai meta in a UTF-16 page (the fetcher and extraction read such pages)
        # went unseen. Its head as UTF-8, to be scanned like any other.
        html = html[:2 * META_SCAN_BYTES].decode(wide, "replace").encode("utf-8", "replace")
    head = html[:META_SCAN_BYTES]
    end = _HEAD_END.search(head)
    if end:
        head = head[: end.start()]
    agent = agent.lower()
    # Only a tag naming one of these can carry a signal: the others (a news page has
    # dozens of og:, twitter: and article: tags) are not parsed. Product tokens are ASCII
    # (RFC 9309), so the bytes' ASCII lowering finds every spelling the name check takes.
    wanted = (b"robots", b"tdm-reservation", agent.encode("utf-8"))
    found: set[str] = set()
    for tag in meta_tags(head):  # linear: a regex rescanned hostile heads (5 s of CPU)
        lowered = tag.lower()
        if not any(w in lowered for w in wanted):
            continue
        attrs = _attrs(tag)
        name = attrs.get("name", "").strip().lower()
        content = attrs.get("content", "")
        if name in ("robots", agent):
            found |= _robots_directives(content, agent)
        elif name == "tdm-reservation" and _reserved(content):
            found.add("tdm-reservation")
    return found


# What a path keeps as it is when compared: the ASCII a URL holds, `*` and `$` (the
# pattern's wildcard and anchor) and `%` (its escapes, read below).
_KEPT_IN_PATHS = "!#$&'()*+,/:;=?@[]~%"
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset(string.ascii_letters + string.digits + "-._~")


def comparable_path(text: str) -> str:
    """A tdmrep.json location or a request path as RFC 9309 (2.2.2) compares robots.txt
    paths: characters no URL holds (non-ASCII, spaces) percent-encoded in UTF-8, every
    escape in capitals, an escaped unreserved character (`%7E`) unescaped. Compared as
    written, `"location": "/actualités/*"` never matched the `/actualit%C3%A9s/...` a
    crawler requests, nor `%c3%a9` `%C3%A9`, and the reservation was lost (round 42)."""
    encoded = quote(text, safe=_KEPT_IN_PATHS)

    def one_form(m: re.Match) -> str:
        char = chr(int(m[1], 16))
        return char if char in _UNRESERVED else f"%{m[1].upper()}"

    return _ESCAPE.sub(one_form, encoded)


def _location_matches(pattern: str, path: str) -> bool:
    """A tdmrep.json `location`: a path pattern as in robots.txt (`*` any characters,
    a final `$` anchors the end), matched from the start of the path.

    Matched piece by piece (each `*`-separated piece at its leftmost place after the one
    before, which is exact for `*` alone), in time linear in the path: it was a regex of
    `.*` between the pieces, which a hostile file turned into catastrophic backtracking
    ("/*a*a*a*a*a*a*a*ab" against "/aaaa...": 20 s of CPU at 8 pieces, doubling with
    each more) inside the fetcher's event loop, where no deadline can interrupt it: the
    whole batch hung."""
    anchored = pattern.endswith("$")
    first, *rest = (pattern[:-1] if anchored else pattern).split("*")
    if not path.startswith(first):
        return False
    at = len(first)
    if not rest:
        return not anchored or at == len(path)
    *middle, last = rest
    for piece in middle:
        found = path.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    if anchored:
        return len(path) - len(last) >= at and path.endswith(last)
    return path.find(last, at) >= 0


def tdmrep_signals(document: bytes | str, path: str) -> set[str]:
    """Signals of a /.well-known/tdmrep.json body for the page at `path` (with its query):
    the first rule whose location matches decides, as in the TDMRep examples. A body that
    is not a JSON list of rules gives nothing (it says nothing we can read)."""
    try:
        rules = json.loads(document)
    except (ValueError, TypeError, RecursionError):
        # RecursionError: "[[[[..." nested past Python's limit (100,000 deep fits the
        # 256 KiB read); it went up through the fetch of the page as an internal_error,
        # the page lost.
        return set()
    if isinstance(rules, dict):
        rules = [rules]  # one rule written without its list
    if not isinstance(rules, list):
        return set()
    path = comparable_path(path or "/")
    for rule in rules:
        if not isinstance(rule, dict) or not isinstance(rule.get("location"), str):
            continue
        if _location_matches(comparable_path(rule["location"]), path):
            return {"tdm-reservation"} if reserves(rule.get("tdm-reservation")) else set()
    return set()


def reserves(value: object) -> bool:
    """Whether a rule's `tdm-reservation` value reserves the rights: 1 as the TDMRep
    protocol writes it, and the forms a hand-written file gives the same meaning (true,
    "1", "true"). Read as written, `"tdm-reservation": true` and a single rule object
    outside a list were no reservation, and the publisher's text was mined (fault round
    42's known item): a reservation misread is the costly error, so these count."""
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true")


def as_column(*found: Iterable[str] | None) -> list[str]:
    """The `rights` value: every signal found, sorted and distinct ([] = looked, none)."""
    return sorted({s for group in found if group for s in group})


def opted_out(rights: Iterable[str] | None, trigger: Iterable[str]) -> list[str]:
    """The signals of `rights` that the opt-out policy acts on (settings.opt_out_signals)."""
    return sorted(set(rights or ()) & set(trigger))
