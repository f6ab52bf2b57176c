"""Discover article URLs from feeds and sitemaps, fetching through an injected fetcher.

The driver stays pure: every byte comes from `fetch_urls(urls) -> (bodies, fetch_log
rows)`, which the flow wires to the project's polite fetcher (tasks/fetch/client.py) and tests
wire to a loopback server. Sitemap indexes are followed level by level, one fetch batch
per level (so the fetcher can spread hosts and keep its per-host delay), under a depth
cap and a cap on the number of sitemap files per run, newest children first.

Every discovered item becomes one DOCUMENTS row (input_key = url). What cannot become a
row becomes a reject (stage 'discover') with a reason; a feed or sitemap that could not be
fetched is in fetch_log only, as the fetcher recorded it. One whose transfer was cut is
such a failure too, and what arrived of it is read: its whole entries become rows, the
cut a `sitemap_truncated`/`feed_truncated` reject.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from tasks.common.result import reject_row
from tasks.common.urls import BadURL, canonical_url, request_identity, stable_id
from tasks.discover.feeds import parse_feed
from tasks.discover.sitemaps import MAX_SITEMAP_BYTES, MAX_SITEMAP_URLS, SitemapEntry, parse_sitemap

# (bodies by URL for the successes, FETCH_LOG rows for every attempt). A body may come
# with an error (what arrived of a sitemap or feed whose transfer was cut,
# StageResult.cut_sources of the fetch stage; the error a cut's, or that of a later
# attempt that failed otherwise): read as cut (see _cut_transfers), and counted as the
# failed fetch it is.
FetchUrls = Callable[[list[str]], tuple[dict[str, bytes], list[dict]]]

STAGE = "discover"


@dataclass(frozen=True)
class RemoteLimits:
    """Caps on walking sitemap indexes; the defaults suit a scheduled news run."""

    # An index of indexes of sitemaps is as deep as real news sites go (3 levels).
    max_depth: int = 3
    # Sitemap files fetched per run over all sources: large outlets list thousands of
    # daily/monthly archive sitemaps; the newest few hundred hold the recent news.
    max_sitemaps: int = 200
    max_sitemap_bytes: int = MAX_SITEMAP_BYTES
    max_urls_per_sitemap: int = MAX_SITEMAP_URLS
    # Children of an index whose lastmod is older than this are not fetched (None = all,
    # for a backfill): an archive sitemap unchanged for a month lists no article that a
    # run every few hours has not already seen. Children without a lastmod are fetched.
    max_child_age_days: float | None = 30.0


@dataclass
class RemoteResult:
    """DOCUMENTS rows, REJECTS rows, FETCH_LOG rows and counters of one discovery."""

    rows: list[dict] = field(default_factory=list)
    rejects: list[dict] = field(default_factory=list)
    fetch_log: list[dict] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # for the run's notes


class _Collector:
    """Accumulates rows, merging the same URL found twice (feed and sitemap, or two feeds):
    the first occurrence wins, later ones only fill hints it lacked."""

    def __init__(self, run_id: str, now: datetime):
        self.run_id = run_id
        self.now = now
        self.by_url: dict[str, dict] = {}
        self.result = RemoteResult()
        self.stats = self.result.stats

    def count(self, key: str, n: int = 1) -> None:
        self.stats[key] = self.stats.get(key, 0) + n

    def reject(self, *, kind: str, source: str, reason: str, detail: str,
               url: str | None = None, input_key: str | None = None) -> None:
        self.count(f"rejected_{reason}")
        self.result.rejects.append(reject_row(
            STAGE, reason, detail, self.run_id, url=url, source_kind=kind, source=source,
            input_key=input_key or url or f"{source}#{stable_id(reason + detail)[:12]}",
            at=self.now))

    def add(self, *, url: str, kind: str, source: str, published: datetime | None,
            published_source: str | None, title: str | None) -> None:
        try:
            canonical_url(url)
        except BadURL as exc:
            self.reject(kind=kind, source=source, reason="bad_url", detail=str(exc), url=url)
            return
        row = self.by_url.get(url)
        if row is not None:
            self.count("merged_duplicate_url")
            if row["hint_published_at"] is None and published is not None:
                row["hint_published_at"] = published
                row["hint_published_source"] = published_source
            if row["hint_title"] is None and title:
                row["hint_title"] = title
            return
        row = {
            "input_key": url,
            "url": url,
            "source_kind": kind,
            "source": source,
            "hint_published_at": published,
            "hint_published_source": published_source if published is not None else None,
            "hint_title": title,
        }
        self.by_url[url] = row
        self.result.rows.append(row)
        self.count(f"{kind}_items")


def _fetch(fetch_urls: FetchUrls, kinds: dict[str, str], col: _Collector
           ) -> tuple[dict[str, bytes], dict[str, dict]]:
    """Fetch a batch ({url: 'feed'|'sitemap'}); make sure every URL has a fetch_log row;
    return the bodies and the log rows of the URLs with a body (for their content type
    and the address they came from; a cut transfer's row carries its error)."""
    if not kinds:
        return {}, {}
    urls = list(kinds)
    bodies, log = fetch_urls(urls)
    logged = set()
    body_rows: dict[str, dict] = {}
    failed: set[str] = set()
    for row in log:
        url = row.get("url")
        if url in kinds:  # the fetcher cannot know which kind of discovery input it was
            row["source_kind"] = kinds[url]
        col.result.fetch_log.append(row)
        logged.add(url)
        if url in bodies:
            body_rows[url] = row
        if row.get("error"):
            failed.add(url)
    for url in urls:
        if url not in bodies and url not in logged:
            # The fetcher's contract is one row per attempt; never lose a URL if it slips.
            col.result.fetch_log.append(
                {"url": url, "error": "not_fetched", "error_detail": "the fetcher returned "
                 "neither a body nor a log row", "fetched_at": col.now, "run_id": col.run_id,
                 "source_kind": kinds[url]}
            )
    for url, kind in kinds.items():
        # A cut transfer read up to its cut is still a failed fetch: counted once, as
        # the fetch_log row and the ledger count it (never both fetched and failed).
        col.count(f"{kind}_fetched" if url in bodies and url not in failed
                  else f"{kind}_fetch_failed")
        if url in bodies and url in failed:
            col.count(f"{kind}_read_to_cut")
    return bodies, body_rows


def _cut_transfers(bodies: dict[str, bytes], col: _Collector) -> set[str]:
    """The URLs whose body came with an error: a fetcher hands over the body of a failed
    fetch only when a transfer of it was cut (what arrived of a discovery input: the
    entries before the cut are good), and the parser must then not read its last, cut
    line as a URL. The error is the last attempt's, which need not be the cut's: an
    earlier attempt's part comes with the 503 or header timeout that ended the retries
    (it was read as a whole file then, its cut line a URL)."""
    return {row["url"] for row in col.result.fetch_log
            if row.get("url") in bodies and row.get("error")}


def _served_from(url: str, ok: dict[str, dict]) -> str:
    """The address a fetched feed or sitemap came from after redirects: the base of its
    relative links (a feed moved to another host or folder names its pages from there)."""
    return ok.get(url, {}).get("final_url") or url


def _cut_key(url: str, cut: bool) -> str | None:
    """The input key of a reject of a whole feed or sitemap: its URL, except when its
    transfer was cut: that URL is already a failed fetch (fetch_log), and one input is
    counted in one place; the reject then only says what the part that arrived was."""
    return f"{url}#cut" if cut else None


def sitemap_served_as_feed(body: bytes, base: str, cut: bool = False) -> str | None:
    """The root (`<urlset>`, `<sitemapindex>`) of an XML sitemap served where a feed was
    expected, else None. A sources file that lists a site's news sitemap among its feeds
    (or the reverse: Google reads RSS and Atom as sitemaps, and sites list their feed as
    one) lost every story in it to a `not_a_feed` "no RSS or Atom root element" reject."""
    parsed = parse_sitemap(body, base, truncated=cut)
    if parsed.error or parsed.kind not in ("urlset", "index"):
        return None
    return "<urlset>" if parsed.kind == "urlset" else "<sitemapindex>"


def _handle_feed(url: str, body: bytes, content_type: str | None, col: _Collector,
                 base: str | None = None, cut: bool = False, parsed=None,
                 listed_as: str = "feed") -> bool:
    """Read a feed's items into `col`; False (nothing recorded) when it is no feed and
    what it is was listed as a feed and is an XML sitemap: the caller reads it as one."""
    parsed = parsed or parse_feed(body, base or url, content_type)
    if parsed.error and parsed.error[0] == "not_a_feed" and listed_as == "feed":
        root = sitemap_served_as_feed(body, base or url, cut)
        if root:
            col.count("feeds_read_as_sitemaps")
            col.result.notes.append(f"feed {url}: a sitemap ({root}), not a feed: read "
                                    "as a sitemap (list it under sitemaps)")
            return False
    if listed_as == "sitemap":
        col.count("sitemaps_read_as_feeds")
        col.result.notes.append(f"sitemap {url}: a {parsed.version or 'feed'} feed, not a "
                                "sitemap: read as a feed (list it under feeds)")
    if parsed.error:
        reason, detail = parsed.error
        col.reject(kind="feed", source=url, reason=reason, detail=detail, url=url,
                   input_key=_cut_key(url, cut))
        return True
    for reason, detail, keyed in parsed.explained():
        col.reject(kind="feed", source=url, reason=reason, detail=detail,
                   input_key=f"{url}#{stable_id(reason + keyed)[:12]}")
    if parsed.duplicates:  # the feed's own repeats, under the name a sitemap's get
        col.count("merged_duplicate_url", parsed.duplicates)
    for item in parsed.items:
        col.add(url=item.url, kind="feed", source=url, published=item.published_at,
                published_source="feed", title=item.title)
    return True


def distinct_sources(urls: Iterable[str], taken: Iterable[str] = ()) -> list[str]:
    """The feeds or sitemaps to fetch: each request once, under its first spelling, and
    none already `taken` (a URL listed as a feed and as a sitemap is a feed)."""
    seen = {request_identity(u) for u in taken}
    out = []
    for url in urls:
        key = request_identity(url)
        if key not in seen:
            seen.add(key)
            out.append(url)
    return out


def _child_order(children: Iterable[SitemapEntry]) -> list[SitemapEntry]:
    # Newest first, so the caps keep recent news; undated children after dated ones.
    dated = sorted((c for c in children if c.lastmod), key=lambda c: c.lastmod, reverse=True)
    return dated + [c for c in children if not c.lastmod]


def discover_remote(
    feeds: list[str],
    sitemaps: list[str],
    fetch_urls: FetchUrls,
    run_id: str,
    now: datetime,
    limits: RemoteLimits | None = None,
    urls: Iterable[tuple[str, str]] = (),
) -> RemoteResult:
    """Fetch and parse the given feeds and sitemaps (following sitemap indexes) into
    DOCUMENTS rows; `now` (aware UTC) stamps rejects and anchors the child-age filter.
    `urls` are (article URL, source) pairs known without fetching (source_kind 'url');
    they are merged with what the feeds and sitemaps list."""
    limits = limits or RemoteLimits()
    col = _Collector(run_id, now)
    listed = len(feeds) + len(sitemaps)
    feeds = distinct_sources(feeds)
    sitemaps = distinct_sources(sitemaps, taken=feeds)
    if listed - len(feeds) - len(sitemaps):
        # the same feed or sitemap listed twice (two outlets of one sources file, a
        # sources file and the command line, other spellings): fetched once
        col.count("sources_listed_twice", listed - len(feeds) - len(sitemaps))

    # Level 0: feeds and root sitemaps in one batch, so the fetcher interleaves hosts.
    kinds = {u: "feed" for u in feeds} | {u: "sitemap" for u in sitemaps}
    bodies, ok = _fetch(fetch_urls, kinds, col)
    cut = _cut_transfers(bodies, col)
    feeds_that_are_sitemaps = [
        url for url in feeds if url in bodies and not _handle_feed(
            url, bodies[url], ok.get(url, {}).get("content_type"), col,
            _served_from(url, ok), url in cut)]

    seen_sitemaps = {request_identity(u) for u in sitemaps + feeds_that_are_sitemaps}
    fetched_sitemaps = len(sitemaps)
    level = [(url, 0) for url in sitemaps + feeds_that_are_sitemaps if url in bodies]
    level_bodies, level_ok, level_cut = bodies, ok, cut
    cutoff = (now - timedelta(days=limits.max_child_age_days)
              if limits.max_child_age_days is not None else None)
    while level:
        next_level: list[tuple[str, int]] = []
        for url, depth in level:
            parsed = parse_sitemap(level_bodies[url], _served_from(url, level_ok),
                                   limits.max_sitemap_bytes, limits.max_urls_per_sitemap,
                                   truncated=url in level_cut)
            if parsed.error:
                as_feed = (parse_feed(level_bodies[url], _served_from(url, level_ok),
                                      level_ok.get(url, {}).get("content_type"))
                           if parsed.error[0] == "not_a_sitemap" else None)
                if as_feed is not None and not as_feed.error:  # an RSS/Atom feed
                    _handle_feed(url, level_bodies[url], None, col, _served_from(url, level_ok),
                                 url in level_cut, parsed=as_feed, listed_as="sitemap")
                    continue
                reason, detail = parsed.error
                col.reject(kind="sitemap", source=url, reason=reason, detail=detail, url=url,
                           input_key=_cut_key(url, url in level_cut))
                continue
            col.count("sitemaps_parsed")
            if parsed.junk_before_xml:  # a PHP warning before the XML: read past it
                col.count("sitemaps_junk_before_xml")
                col.result.notes.append(f"sitemap {url}: {parsed.warning}")
            for reason, detail in parsed.skipped:
                col.reject(kind="sitemap", source=url, reason=reason, detail=detail)
            for e in parsed.entries:
                # A news sitemap's publication_date is a publication date; a plain
                # lastmod is only a modification date, so it is labelled as such.
                if e.published_at is not None:
                    pub, pub_src = e.published_at, "sitemap"
                else:
                    pub, pub_src = e.lastmod, "sitemap_lastmod"
                col.add(url=e.url, kind="sitemap", source=url, published=pub,
                        published_source=pub_src, title=e.title)
            if not parsed.children:
                continue
            too_old, too_deep, over_cap = [], [], []
            for child in _child_order(parsed.children):
                identity = request_identity(child.url)  # (w3lib's parse: once a child)
                if identity in seen_sitemaps:
                    continue  # an index listing itself, or two indexes sharing a child
                seen_sitemaps.add(identity)
                if cutoff is not None and child.lastmod is not None and child.lastmod < cutoff:
                    too_old.append(child.url)
                elif depth + 1 > limits.max_depth:
                    too_deep.append(child.url)
                elif fetched_sitemaps >= limits.max_sitemaps:
                    over_cap.append(child.url)
                else:
                    fetched_sitemaps += 1
                    next_level.append((child.url, depth + 1))
            # One reject per index and reason, not one per child: an archive index lists
            # thousands of old sitemaps on every run.
            for reason, skipped, why in (
                ("sitemap_child_too_old", too_old,
                 f"lastmod before {cutoff.isoformat() if cutoff else ''}"),
                ("sitemap_depth_cap", too_deep, f"deeper than {limits.max_depth} levels"),
                ("sitemap_count_cap", over_cap,
                 f"over {limits.max_sitemaps} sitemap files this run"),
            ):
                if skipped:
                    col.count(f"sitemaps_skipped_{reason}", len(skipped))
                    col.reject(kind="sitemap", source=url, reason=reason, url=url,
                               input_key=f"{url}#{reason}",
                               detail=f"{len(skipped)} child sitemap(s) not fetched, {why}: "
                               + ", ".join(skipped[:5]) + (" ..." if len(skipped) > 5 else ""))
        level_bodies, level_ok = _fetch(fetch_urls, {u: "sitemap" for u, _ in next_level}, col)
        level_cut = _cut_transfers(level_bodies, col)
        level = [(u, d) for u, d in next_level if u in level_bodies]
    for url, source in urls:
        col.add(url=url, kind="url", source=source, published=None, published_source=None,
                title=None)
    return col.result


# --- entry points for tasks/discover/inputs.py ---------------------------------------------

# A path segment named like a feed (/rss, /feed/, /atom.xml, /rss2/...), a .rss/.atom
# file, or a format=rss query; an article slug that merely contains "rss" does not count.
_FEED_PATH = re.compile(
    r"/(rss2?|feeds?|atom|rdf)(/|\.xml|$|\?)|[.](rss|atom)($|\?)|[?&](format|output)=(rss|atom)"
)


# What a URL list's line read as a sitemap by the word in its path must end in to be one
# without its `sitemap:` prefix: an XML (or gzipped XML) file, or `/sitemap` itself.
_SITEMAP_FILE = re.compile(r"(\.xml|\.xml\.gz|/sitemap/?)$", re.I)


def classify_listed(line: str) -> tuple[str | None, str]:
    """What a line of a URL list names, as `classify_remote` reads a command-line
    argument, except that a line read as a sitemap by "sitemap" in its path must also
    name a file a sitemap is (`/sitemap.xml`, `/sitemaps/news.xml.gz`, `/sitemap`): a
    list of thousands of article URLs may hold a story about a sitemap, which fetched
    as one would be lost."""
    kind, url = classify_remote(line)
    if kind == "sitemap" and not line.lower().startswith("sitemap:") and \
            not _SITEMAP_FILE.search("/" + re.split(r"[?#]", url.split("://", 1)[-1])[0]
                                     .partition("/")[2]):
        return None, line
    return kind, url


def classify_remote(arg: str) -> tuple[str | None, str]:
    """What a remote `pressroom ingest` argument is: ('feed'|'sitemap'|None, url).

    An explicit 'feed:' or 'sitemap:' prefix wins; otherwise the address decides (a path
    naming a sitemap, or the usual feed paths and hosts). None means an article URL.
    """
    for kind in ("feed", "sitemap"):
        if arg.startswith(kind + ":") and "://" in arg[len(kind) + 1 :]:
            return kind, arg[len(kind) + 1 :]
    low = arg.lower()
    if not low.startswith(("http://", "https://")):
        return None, arg
    host, _, rest = low.split("://", 1)[1].partition("/")
    rest = "/" + rest
    if "sitemap" in rest:
        return "sitemap", arg
    if host.startswith(("feeds.", "rss.", "feed.")) or _FEED_PATH.search(rest):
        return "feed", arg
    return None, arg
