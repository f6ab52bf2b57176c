"""The Content-Type of a response, read as browsers read it.

A Content-Type header can hold several values joined by commas: a proxy or framework
that folds two Content-Type headers into one line ("text/html, text/html;
charset=utf-8"), or an application that appends its own to the server's default
("application/octet-stream, text/html"). Browsers take such a header by the Fetch
standard's "extract a MIME type": the last value that is a valid MIME type wins, and a
charset given earlier for the same type carries over to it. Read as one type, the whole
line ("text/html, text/html") was no type the fetcher allows: the page was lost as
`unsupported_content_type`.
"""

from __future__ import annotations

import re

# RFC 9110 token characters: what a MIME type's type and subtype are made of.
_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_CHARSET = re.compile(r"""^\s*charset\s*=\s*["']?\s*([^"';\s]*)""", re.IGNORECASE)


def header_values(value: str) -> list[str]:
    """The comma-separated values of a header line; a comma inside a quoted string (a
    parameter such as name="a,b") does not separate."""
    out, start, quoted, escaped = [], 0, False, False
    for i, ch in enumerate(value):
        if escaped:
            escaped = False
        elif quoted and ch == "\\":
            escaped = True
        elif ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            out.append(value[start:i])
            start = i + 1
    out.append(value[start:])
    return out


def _essence_and_charset(value: str) -> tuple[str, str | None] | None:
    """('type/subtype' in lower case, its charset parameter or None), or None when the
    value is no valid MIME type."""
    media, *params = value.split(";")
    kind, slash, sub = media.strip().partition("/")
    if not slash or not _TOKEN.fullmatch(kind) or not _TOKEN.fullmatch(sub):
        return None
    charset = None
    for param in params:  # the first charset parameter counts (WHATWG MIME parsing)
        m = _CHARSET.match(param)
        if m and m.group(1):
            charset = m.group(1)
            break
    return f"{kind}/{sub}".lower(), charset


def effective_content_type(value: str | None) -> str | None:
    """The one Content-Type value a header line stands for (Fetch, "extract a MIME
    type"): of comma-separated values, the last valid MIME type other than */*, with the
    charset of an earlier value of the same type when it names none. A line of one value,
    or of none that is valid, is returned as it is (the fetcher's checks name it)."""
    if not value or "," not in value:
        return value
    chosen = essence = charset = None
    for part in header_values(value):
        parsed = _essence_and_charset(part)
        if parsed is None or parsed[0] == "*/*":
            continue
        chosen = part.strip()
        if parsed[0] != essence:
            essence, charset = parsed
        elif parsed[1] is None and charset is not None:
            chosen = f"{chosen}; charset={charset}"
    return chosen if chosen is not None else value


# Essences the MIME Sniffing Standard (7.1) reads as "no type supplied": servers that do
# not know a file's type send them. Each was an `unsupported_content_type` over the page.
_UNKNOWN_ESSENCES = frozenset({"unknown/unknown", "application/unknown", "*/*"})


def supplied_media_type(value: str | None) -> str | None:
    """The media type a Content-Type value supplies, as browsers take it (round 21): its
    essence in lower case; None when it supplies none, to be sniffed as a page without a
    Content-Type is (an HTML document read as one). None: no value, a value that is no
    valid MIME type (Fetch's "extract a MIME type" fails, and browsers sniff), such as
    `text/html charset=utf-8` (PHP's classic, the semicolon forgotten),
    `text/html:charset=utf-8`, `html`, `text / html`, `"text/html"`; or an unknown
    essence (`*/*`, `unknown/unknown`, `application/unknown`). A valid type browsers do
    not show (`text/x-html`, `application/x-httpd-php`) stays what it says."""
    if not value:
        return None
    parsed = _essence_and_charset(value)
    if parsed is None or parsed[0] in _UNKNOWN_ESSENCES:
        return None
    return parsed[0]
