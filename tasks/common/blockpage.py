"""Pages a CDN or web firewall serves in place of the one asked for: a block page
("Attention Required! | Cloudflare", Akamai's "Access Denied"), a bot check ("Just a
moment..."), often with status 200.

Fetched, such a page was a page like any other: Cloudflare's block page (98 words) and
its challenge (58 words) were kept as articles titled "Sorry, you have been blocked"
and "www.example.com", Akamai's as a `too_short` reject (fault round 51); and a URL
kept or rejected is not asked for again, so the article was lost for good. The fetcher
names it a failed fetch (`blocked_page`, asked again by a later run), the extract stage
an archived one. Which pages are such pages is data (data/block_pages.tsv): a vendor's
title and one of its marks, both.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Block pages are small (Cloudflare's challenge, the largest, ~30 KB with its scripts):
# the title and the marks are looked for in the body's first bytes only, so a large
# page costs no more than a small one.
LOOK_BYTES = 256 * 1024
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title", re.IGNORECASE | re.DOTALL)
_SPACES = re.compile(r"\s+")
# A title that is a bare host name: DataDome titles its captcha page with the site's
# domain ("wsj.com"), which no article's title is.
_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}")
# The weaker title evidence (none at all, or a host name) counts only on a body this
# small: those block pages are a few KB of script and a frame, and a page of a site
# behind Incapsula or Kasada loads the same script beside its article (one whose
# <title> sits past LOOK_BYTES, or that has none, was taken for the block page).
BARE_PAGE_MAX_BYTES = 32 * 1024


@dataclass(frozen=True)
class Vendor:
    name: str
    titles: frozenset[str]
    title_starts: tuple[str, ...]
    marks: tuple[str, ...]
    untitled: bool = False  # `no-title`: its page has no title (Incapsula's, Kasada's)
    host_titled: bool = False  # `title-host`: its page's title is the site's host name

    def titles_page(self, title: str, bare: bool = True) -> bool:
        """Whether a page of this title ("" for none) can be this vendor's; `bare`: the
        page is small enough for the weaker evidence (BARE_PAGE_MAX_BYTES)."""
        if not title:
            return self.untitled and bare
        return (title in self.titles or title.startswith(self.title_starts)
                or (self.host_titled and bare and _HOST.fullmatch(title) is not None))


def _folded(text: str) -> str:
    return _SPACES.sub(" ", text).strip().lower()


@cache
def vendors() -> tuple[Vendor, ...]:
    """The vendors of data/block_pages.tsv, in file order."""
    text = resources.files("tasks.common").joinpath("data/block_pages.tsv").read_text(
        encoding="utf-8")
    found: dict[str, dict[str, list[str]]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, kind, value = line.split("\t")
        found.setdefault(name, {"title": [], "title-start": [], "mark": [], "no-title": [],
                                "title-host": []})[kind].append(_folded(value))
    return tuple(Vendor(name, frozenset(k["title"]), tuple(k["title-start"]),
                        tuple(k["mark"]), bool(k["no-title"]), bool(k["title-host"]))
                 for name, k in found.items())


def block_page(body: bytes) -> str | None:
    """What the body is when it is a CDN's or firewall's block or bot-check page (its
    vendor and title: "Cloudflare's block page (title 'Just a moment...')"), else None."""
    head = body[:LOOK_BYTES]
    title_match = _TITLE.search(head)
    # Latin-1 reads any bytes; the titles and marks are ASCII, so a page in UTF-8 or
    # any ASCII-compatible charset compares alike. No title at all is a title too, of
    # the vendors whose pages have none (`no-title`).
    title = _folded(html.unescape(title_match.group(1).decode("latin-1"))) \
        if title_match else ""
    page = None
    bare = len(body) <= BARE_PAGE_MAX_BYTES
    for vendor in vendors():
        if not vendor.titles_page(title, bare):
            continue
        page = page if page is not None else _folded(head.decode("latin-1"))
        if any(mark in page for mark in vendor.marks):
            if not title:
                return f"{vendor.name}'s block page (no title)"
            shown = " ".join(html.unescape(title_match.group(1).decode("utf-8", "replace"))
                             .split())
            return f"{vendor.name}'s block page (title {shown[:80]!r})"
    return None
