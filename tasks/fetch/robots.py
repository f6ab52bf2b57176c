"""robots.txt rules per RFC 9309, from the outcome of fetching /robots.txt.

The fetcher fetches robots.txt itself (same client, same guard, a short timeout, one fetch
per host per run) and hands the outcome to `rules_from_fetch`; parsing is Protego's, which
implements RFC 9309 matching (longest match, Allow wins ties, * and $ wildcards) and the
Crawl-delay extension. What the status means is decided here:

- 2xx: the file's rules (only its first 500 KiB, the RFC's minimum parsing limit);
- 4xx ("unavailable"): everything is allowed;
- 5xx, 429, a timeout or a connection failure ("unreachable"): everything is disallowed,
  because the site may be struggling and its rules are unknown;
- more redirects than the RFC's five: unavailable, so allowed;
- a 2xx file cut short (the transfer ended early, or its gzip data stops half way):
  unreachable, so disallowed like a timeout (the fetcher, `tasks/fetch/client.py`); its
  first half is not the site's rules, and allow-all would ignore what the rest forbids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

from tasks.common.urls import server_key

# RFC 9309 2.5: crawlers MUST parse at least 500 kibibytes.
MAX_ROBOTS_BYTES = 500 * 1024
MAX_ROBOTS_REDIRECTS = 5
# Failures of the robots.txt fetch that any URL of the origin would meet too.
SAME_FOR_PAGES = frozenset({"blocked_address", "dns_error", "invalid_url", "tls_error"})


@dataclass(frozen=True)
class RobotsRules:
    """What robots.txt says for one origin (scheme://host:port)."""

    state: str  # parsed | unavailable | unreachable
    detail: str  # for fetch_log error_detail: "robots.txt 503", "robots.txt timeout"...
    parser: Protego | None = None
    # The fetch_log error kind of a URL this refuses: robots_disallowed (the rules say
    # no), robots_server_error (5xx, 429), robots_timeout, robots_unreachable.
    error_kind: str = "robots_disallowed"

    def allows(self, url: str, agent: str) -> bool:
        if self.state == "unavailable":
            return True
        if self.state == "unreachable" or self.parser is None:
            return False
        return bool(self.parser.can_fetch(url, agent))

    def crawl_delay(self, agent: str) -> float | None:
        """The seconds between two requests the file asks of `agent`: its Crawl-delay,
        or the pace of its Request-rate (`1/10s`: one request each 10 s), whichever is
        slower. Protego reads Request-rate, but it was never asked: a site that set its
        pace so alone was fetched at the per-host delay (fault round 23). A rate for
        some hours of the day (`1/5s 0900-1700`) is kept all day: the slower pace."""
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(agent)
        rate = self.parser.request_rate(agent)
        if rate is not None and rate.requests > 0 and rate.seconds > 0:
            pace = rate.seconds / rate.requests
            delay = pace if delay is None else max(float(delay), pace)
        return float(delay) if delay is not None else None


def robots_url(url: str) -> str:
    """The robots.txt address governing `url` (its scheme, host and port)."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}/robots.txt"


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


_DEFAULT_PORTS = {"http": 80, "https": 443}


def origin_key(url: str) -> str:
    """The origin a URL's robots.txt (and TDMRep file) belongs to, in one spelling:
    scheme, the server's name (`server_key`: `news.example.`, `NEWS.example` and the
    punycode of an IDN are one) and the port, a default one written or not."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port or _DEFAULT_PORTS.get(scheme)
    except ValueError:  # a port no URL holds: its own origin (the fetch refuses it)
        return origin_of(url)
    return f"{scheme}://{server_key(parts.hostname or '')}:{port}"


def agent_token(user_agent: str) -> str:
    """The product token robots.txt groups are matched against: "pressroom" for
    "pressroom/0.1 (+https://...)" (RFC 9309 2.2.1)."""
    words = user_agent.split("/", 1)[0].split()
    return words[0] if words else "*"


def robots_text(body: bytes | None) -> str:
    """The text of a robots.txt body (RFC 9309: UTF-8), at most its first
    MAX_ROBOTS_BYTES. A byte order mark says otherwise: UTF-8's is dropped (left in, it
    glued itself to the first "User-agent" and the whole first group was lost), and a
    UTF-16 file (Windows editors save so) is read as UTF-16; so is one without a BOM
    whose first line has NUL bytes between its ASCII letters."""
    data = (body or b"")[:MAX_ROBOTS_BYTES]
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    codec = None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16"  # the BOM says which byte order, and is dropped
    elif len(data) >= 4 and data[1] == 0 and data[3] == 0 and data[0] and data[2]:
        codec = "utf-16-le"
    elif len(data) >= 4 and data[0] == 0 and data[2] == 0 and data[1] and data[3]:
        codec = "utf-16-be"
    if codec is not None:
        return data[:len(data) // 2 * 2].decode(codec, errors="replace")
    return data.decode("utf-8", errors="replace")


# A group line naming a product token with a version or a comment after it
# (`User-agent: pressroom/1.0`, `User-agent: pressroom (+https://...)`): RFC 9309 2.2.1
# matches the product token alone, and Google's parser reads such a line by its leading
# token. Protego compared the whole value with our token: the group was not ours, and a
# `Disallow: /` addressed to us by name was not obeyed (fault round 22).
_AGENT_LINE = re.compile(
    r"(?P<field>[ \t]*user[- ]?agent[ \t]*:[ \t]*)(?P<token>[A-Za-z_-][\w-]*)[ \t]*[/(][^#]*",
    re.IGNORECASE)
# A Crawl-delay written with its unit (`10s`, `5 seconds`, `500 ms`), a decimal comma
# (`1,5`), quotes, or `=` for the colon: Protego takes a bare number after a colon only,
# and dropped these without a word, so the site's delay was not kept (fault round 22).
# A delay in minutes (`1m`, `2 min`, `1 minute`) too: it was no delay, and the site that
# asked for one request a minute got one every per-host delay (fault round 23).
_DELAY_LINE = re.compile(
    r"(?P<field>[ \t]*crawl[- ]?delay)[ \t]*[:=][ \t]*[\"']?(?P<whole>\d{1,9})"
    r"(?:[.,](?P<part>\d{1,9}))?[\"']?[ \t]*"
    r"(?P<unit>ms|milliseconds?|m|mins?|minutes?|s|secs?|seconds?)?"
    r"[\"']?[ \t]*(?=#|$)", re.IGNORECASE)
# An Allow or Disallow rule written as a full URL (`Disallow: https://news.example/private/`,
# as a site owner copies an address from the browser): RFC 9309 2.2.2's patterns start
# with "/", and Protego matched the value against no path, so the rule was not obeyed
# without a word (fault round 27). Read as the URL's path, query and all ("/" when it
# names none): a robots.txt governs its own origin alone, so the path is what it can mean.
_URL_RULE = re.compile(
    r"(?P<field>[ \t]*(?:dis)?allow[ \t]*:[ \t]*)https?://[^/?#\s]*(?P<path>[^\s#]*)",
    re.IGNORECASE)
# The cheap test that any of the three may be there, as case-blind as the patterns (and
# as Protego): a case-sensitive "gent" passed over `USER-AGENT: pressroom/1.0`, and the
# `Disallow: /` under it was not obeyed (mutation seed 57).
_FIELD_HINT = re.compile(r"agent|delay|allow[ \t]*:[ \t]*https?:", re.IGNORECASE)


def _as_written_for_protego(text: str) -> str:
    """robots.txt `text` with the User-agent, Crawl-delay and full-URL rule lines Protego
    misreads written as it reads them (`_AGENT_LINE`, `_DELAY_LINE`, `_URL_RULE`); every
    other line as it was."""
    if not _FIELD_HINT.search(text):
        return text
    lines = text.splitlines()  # CR, LF or CRLF, as Protego splits them
    for i, line in enumerate(lines):
        if m := _AGENT_LINE.match(line):
            lines[i] = m["field"] + m["token"]
        elif m := _DELAY_LINE.match(line):
            seconds = float(f"{m['whole']}.{m['part'] or 0}")
            unit = (m["unit"] or "s").lower()
            if unit.startswith(("ms", "milli")):
                seconds /= 1000
            elif unit.startswith("m"):
                seconds *= 60
            lines[i] = f"{m['field']}: {seconds:g}"
        elif m := _URL_RULE.match(line):
            path = m["path"] if m["path"].startswith("/") else "/" + m["path"]
            lines[i] = m["field"] + path + line[m.end():]
    return "\n".join(lines)


def rules_from_fetch(status: int | None, body: bytes | None, error: str | None,
                     detail: str | None = None) -> RobotsRules:
    """Rules from a robots.txt fetch: HTTP status and body, or an error kind when no
    usable response came (timeout, connect_error, too_many_redirects, ...)."""
    if error is not None:
        if error in ("too_many_redirects", "redirect_loop"):
            return RobotsRules("unavailable", f"robots.txt {error}")
        if error in SAME_FOR_PAGES:
            kind = error  # the page itself would fail so: report the real cause
        elif error.startswith("timeout"):
            kind = "robots_timeout"
        else:
            kind = "robots_unreachable"
        text = f"robots.txt {error}" + (f": {detail}" if detail else "")
        return RobotsRules("unreachable", text, error_kind=kind)
    if status is None:
        return RobotsRules("unreachable", "robots.txt no response", error_kind="robots_unreachable")
    if 200 <= status < 300:
        return RobotsRules("parsed", f"robots.txt {status}", Protego.parse(
            _as_written_for_protego(robots_text(body))))
    if status == 429 or status >= 500:
        return RobotsRules("unreachable", f"robots.txt {status}", error_kind="robots_server_error")
    return RobotsRules("unavailable", f"robots.txt {status}")
