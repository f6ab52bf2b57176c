"""A Content-Range beside a 200: when it says the body is a part of the page.

We never send Range, so a 206 is a slice the fetcher refuses (`partial_content`). A 200
is the whole page by its status, and RFC 9110 (14.4) gives Content-Range no meaning in
it, so browsers show the body. But caches and proxies that fetch a page in ranges of
their own (nginx's slice module, a CDN filling its cache by parts) have been seen to
answer a plain GET with one part and a 200 that keeps the part's Content-Range: the body
is then the page cut at the part's end (or a middle of it, without its head), kept as
the article (fault round 21). The body's length tells the two apart: a stale header
beside a whole page is longer than the part it names.
"""

from __future__ import annotations

import re

_BYTE_RANGE = re.compile(r"\s*bytes\s+(\d+)-(\d+)/(\d+)\s*$", re.I)


def part_of_a_page(content_range: str | None, body_bytes: int) -> str | None:
    """Why a 200 (or other 2xx) body is a part of the page (None: nothing says so): its
    Content-Range names bytes first-last of a known total, the body is exactly that
    many bytes (as sent, before content codings are undone: a Content-Range counts the
    coded bytes), and fewer than the total. An unknown total ("/*"), a header that is
    no byte range, or a body of any other length leaves the 200 the page."""
    m = _BYTE_RANGE.match(content_range or "")
    if m is None:
        return None
    first, last, total = (int(g) for g in m.groups())
    if last < first or last - first + 1 != body_bytes or body_bytes >= total:
        return None
    return (f"Content-Range {content_range.strip()[:100]!r} and a body of its {body_bytes} "
            f"bytes: a part of the page (bytes {first}-{last} of {total}), not the whole; "
            "a cache or proxy answered with a slice and a 200")
