"""The published date: every claim a page makes (JSON-LD, meta tags, `<time>`, the date
beside the headline, the URL, the feed or sitemap that led to it, htmldate's guess), each a
`DateCandidate` with its source; their vote by source weight, the day in the page's own
time zone, the chosen date's confidence; and `modified_at`, kept apart."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from htmldate import find_date
from lxml.etree import XPath
from lxml.html import HtmlElement

from tasks.common.text import ascii_digits, iso_letters_in_capitals
from tasks.extract.areas import in_other_area
from tasks.extract.calendars import (
    BUDDHIST_ERA_OFFSET,
    CALENDAR_YEARS,
    gregorian_of_solar_hijri,
)
from tasks.extract.headline_area import (
    MAX_DATE_TEXT,
    NEAR_LEVELS,
    month_first_reading,
    parse_visible_date,
    visible_date,
)
from tasks.extract.jsonld import JSONLD_ARTICLE_TYPES, jsonld_texts, load_jsonld, walk_jsonld

# Dates before the web's first news sites are almost always parse errors or placeholders
# ("1970-01-01", "0001-01-01"). A date more than a day after the fetch is in the future:
# a scheduled-event date, a timezone bug or an expiry date, never a publication date.
EARLIEST_PLAUSIBLE = datetime(1995, 1, 1, tzinfo=UTC)
FUTURE_TOLERANCE = timedelta(days=1)

# Provenance order when candidates disagree. Meta tags (article:published_time...) and
# JSON-LD datePublished are written by the CMS for machines; <time itemprop> is markup for
# the reader; a feed/sitemap date is machine-written but often the update time; a URL date
# is reliable but only to the day; htmldate's guess from the visible text comes last.
# Dev corpus (728 annotated dates): when meta and JSON-LD disagree (12 pages) meta was right
# 9 times; meta-first picks 455 correct days, JSON-LD-first 449 (URL-first 457, but a URL
# has no time of day, so it stays a fallback).
DATE_SOURCE_ORDER = ("meta", "jsonld", "time", "headline", "feed", "sitemap", "url", "htmldate",
                     "text", "relative", "sitemap_lastmod", "fetch_time", "warc")
# Claims that are kept (published_at_alternatives) but never vote: each is only an upper
# bound of the publication. The WARC date is when a crawler archived the page; a sitemap's
# plain <lastmod> is the last change of the page (discover labels it 'sitemap_lastmod'); a
# claim within FETCH_CLOCK_WINDOW of the fetch is the server's clock rendered into the
# page ('<meta name="date" content="{now}">', TYPO3 and forum templates), relabelled
# 'fetch_time'. One of them dates a page only when nothing else does, in this order.
NON_VOTING_SOURCES = ("sitemap_lastmod", "fetch_time", "warc")
FETCH_CLOCK_WINDOW = timedelta(minutes=5)

# Candidates vote: each day scores the weights of the plausible sources naming it, and the
# best-scoring day wins (ties go to the date shown beside the headline, then to
# DATE_SOURCE_ORDER). JSON-LD is mostly the same CMS record as the meta tags, so it adds
# little when it agrees with them; the URL is written once, at publication, by another part
# of the CMS; the date shown beside the headline (headline_area.py, source 'headline') is
# what readers and editors see, and outweighs one machine-written claim; against the meta
# tag and JSON-LD together (1.0 + 0.5) it ties, and wins (round 8: tuning +2, held +2 -1:
# the machine record was the first version, the page shows the day it was republished).
# Dev corpus, exact day, tuning half / other half (370 / 358 dated pages): first claim in
# source order 0.832 / 0.827; this vote with the visible date 0.846 / 0.846 (0.876 / 0.894
# with htmldate's extensive search as the last resort).
SOURCE_WEIGHT = {
    "meta": 1.0, "jsonld": 0.5, "time": 1.0, "feed": 1.0, "sitemap": 1.0, "url": 1.0,
    "htmldate": 0.5, "text": 0.5, "dump": 1.0,
}
VISIBLE_NEAR_WEIGHT = 1.5  # a date element beside the headline (its parent or grandparent)
VISIBLE_FAR_WEIGHT = 0.5  # one found further up, in a wider container
# A date the page labels as its publication's ("Erschienen am: 13.10.2021") where the only
# claims are weak ones (summing below this): it is what the page says, in words
LABELLED_DATE_WEIGHT = 1.0

# How far each source alone is trusted (published_at_confidence), the same order as above.
# The WARC date is when a crawler archived the page: an upper bound, and close to the
# publication only for news crawls (CC-NEWS), so it is a last resort and weak.
SOURCE_CONFIDENCE = {
    "meta": 0.8, "jsonld": 0.8, "time": 0.75, "feed": 0.7, "sitemap": 0.65, "url": 0.7,
    "headline": 0.75, "htmldate": 0.5, "text": 0.4, "warc": 0.2, "dump": 0.7, "relative": 0.3,
    "sitemap_lastmod": 0.3, "fetch_time": 0.1,
}
# Each further independent source naming the same day adds this much (capped below 1);
# a plausible source naming another day takes it away.
AGREEMENT_BONUS = 0.1
DISAGREEMENT_PENALTY = 0.2

_META_DATE_NAMES = {
    "article:published_time", "og:published_time", "og:article:published_time",
    "article:published", "article.published", "published_time", "publish-date",
    "publish_date", "publishdate", "pubdate", "date", "dc.date", "dc.date.issued",
    "dc.date.created", "dcterms.date", "dcterms.issued", "dcterms.created", "sailthru.date",
    "parsely-pub-date", "parsely-page", "citation_publication_date", "citation_date",
    "original-publish-date",
    "datepublished", "date.published", "article_date_original", "cxenseparse:recs:publishtime",
    "release_date", "publication_date", "created", "vr:published_time",
    # further publication names htmldate reads (its core.DATE_ATTRIBUTES), less common
    "analyticsattributes.articledate", "article.created", "article:post_date",
    "article:published_date", "article:publicationdate", "bt:pubdate", "content_create_date",
    "date_created", "date_published", "datecreated", "dateposted", "dc.created",
    "dc.date.publication", "dc:created", "dc:date", "dcsext.articlefirstpublished",
    "displaydate", "doc_date", "mediator_published_time", "og:datepublished", "og:pubdate",
    "og:publish_date", "originalpublicationdate", "pdate", "publish_time", "published-date",
    "published_date", "publisheddate", "rbpubdate", "rnews:datepublished",
    "shareaholic:article_published_time", "twt-published-at",
    # PRISM (journal and magazine publishers, read by Google Scholar): the publication day
    # (its coverDate is the issue's, no claim; fault round 30's known item)
    "prism.publicationdate",
}
# Names that say only "date", not which one: TYPO3, Drupal and Dublin Core templates fill
# them with the page's creation or last change as often as with the story's publication.
# Such a bare date votes like JSON-LD (0.5), so the page's own <time
# itemprop=datePublished> outweighs it (tuning half: +1, held unchanged; 0.4, below a
# far visible date and JSON-LD, lost as many pages as it won, and so did preferring a
# later article:published_time or pubdate meta to an earlier bare "date").
_GENERIC_META_DATE_NAMES = frozenset({"date", "dc.date", "dcterms.date", "dc:date"})
GENERIC_META_WEIGHT = 0.5
# /2021/03/05/, /20210305, /2021-03-05-..., and unpadded between separators (/2017/7/12/,
# Squarespace's and some WordPress permalinks); also after a slug's dash or underscore and
# in a query (story-20210305.html, news_2021_03_05, ?date=2021-03-05&id=7), as htmldate's
# URL search reads them
_URL_DATE = re.compile(
    r"[/_=-]((?:19|20)\d{2})(?:[/_-]?(0[1-9]|1[0-2])[/_-]?|[/_-]([1-9])[/_-])"
    r"(?:(0[1-9]|[12]\d|3[01])|(?<=[/_-])([1-9]))(?:[/_.?&#-]|$)"
)
# A day written before its month in a path segment ("/meldungen/29-10-2021", German and
# French CMSs; "/news/10-29-2021/" month first, American ones): read only where one of the
# two numbers cannot be a month, so "03-04-2021" dates nothing
_URL_DAY_MONTH_YEAR = re.compile(
    r"[/_=-](0[1-9]|[12]\d|3[01])[-_.](0[1-9]|[12]\d|3[01])[-_.]((?:19|20)\d{2})(?:[/_.?&#-]|$)"
)
_ISO_PREFIX = re.compile(r"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})")
_ISO_UTC_WORD = re.compile(r"^(\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)\s*(?:UTC|GMT)$",
                           re.I)

# A 12-hour clock in a machine field ("May 3, 2024 10:37 PM EDT", "03/05/2024 10:37 pm"):
# email.utils' RFC 2822 parser took the hour as written and dropped "PM" and the zone, an
# instant 16 hours early (which copy of a wire story came first is read from it). The
# day is read as before (parse_visible_date, not by the clock); the clock and a North
# American zone's offset (or GMT/UTC) are added to it; another zone name leaves the time
# without a zone, as a page's own clock.
_TWELVE_HOUR_CLOCK = re.compile(
    r"(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?\s?([ap])\.?\s?m\b\.?(?:\s+([a-z]{2,4})\b)?",
    re.I)
_CLOCK_ZONE_HOURS = {"est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
                     "pst": -8, "pdt": -7, "akst": -9, "akdt": -8, "hst": -10, "gmt": 0,
                     "utc": 0}
# "ET", "PT" (AP style): the zone's clock on that day, summer or winter
_CLOCK_ZONE_NAMES = {"et": "America/New_York", "ct": "America/Chicago",
                     "mt": "America/Denver", "pt": "America/Los_Angeles"}

_ISO_ZONE_WORD = re.compile(
    r"^(\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)\s*([a-z]{3,4})$", re.I)
_ISO_BRACKETED_ZONE = re.compile(r"(?:(?<=[+-]\d\d:\d\d)|(?<=Z))\[[\w/+-]{1,40}\]$")


def _with_zone_offset(m: re.Match) -> str:
    """An ISO date and time with a North American zone's abbreviation, with its offset
    instead (_CLOCK_ZONE_HOURS); as written when the name is not one of them."""
    hours = _CLOCK_ZONE_HOURS.get(m[2].lower())
    return m[0] if hours is None else f"{m[1]}{hours:+03d}:00"


def _on_twelve_hour_clock(text: str) -> datetime | None:
    """The instant of a date written with a 12-hour clock (see _TWELVE_HOUR_CLOCK), or
    None when the text holds no such clock or no day."""
    clock = _TWELVE_HOUR_CLOCK.search(text)
    if clock is None or len(text) >= MAX_DATE_TEXT:
        return None
    day = parse_visible_date(text[:clock.start()], by_clock=False)
    hour, minute, second = int(clock[1]), int(clock[2]), int(clock[3] or 0)
    if day is None or not 1 <= hour <= 12 or minute > 59 or second > 59:
        return None
    hour = hour % 12 + (12 if clock[4].lower() == "p" else 0)
    name = (clock[5] or "").lower()
    offset = _CLOCK_ZONE_HOURS.get(name)
    zone = (timezone(timedelta(hours=offset)) if offset is not None
            else ZoneInfo(_CLOCK_ZONE_NAMES[name]) if name in _CLOCK_ZONE_NAMES else None)
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=zone)


@dataclass
class DateCandidate:
    """One published-date claim and where it came from.

    `value` is the instant in UTC; `day` the calendar day as the page wrote it, in the
    page's own time zone ("2022-05-03T22:37-05:00" is the 4th in UTC but the paper dated it
    the 3rd, and its readers and the annotations say the 3rd).
    """

    source: str
    value: datetime
    day: date | None = None
    weight: float | None = None  # its vote; None: SOURCE_WEIGHT of its source
    # written as a UTC instant with a time of day ("...T23:11:59+00:00", "...Z", "GMT"):
    # the server's clock, so its day may be the day before or after the page's own
    in_utc: bool = False

    def __post_init__(self) -> None:
        if self.day is None:
            self.day = self.value.date()


# Highwire Press's tags (`citation_date`, `citation_publication_date`) are an American
# convention: Google Scholar asks for "2010/5/12", and a slashed date with the year last
# is written month first there ("05/03/2024", as ADS writes "08/1977"). htmldate read it
# day first, the 5th of March (fault round 30's known item).
_SLASHED_YEAR_LAST = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _highwire_slashed_date(key: str, content: str | None) -> str | None:
    """A `citation_*` tag's "M/D/YYYY" as "YYYY-MM-DD" (day first only when the first
    number cannot be a month); any other tag's content, or another form, as it is."""
    found = _SLASHED_YEAR_LAST.fullmatch((content or "").strip())
    if found is None or not key.startswith("citation_"):
        return content
    first, second, year = (int(g) for g in found.groups())
    month, day = (first, second) if first <= 12 else (second, first)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return content


def parse_date(value: object) -> datetime | None:
    """Parse an ISO 8601, RFC 2822 or 'YYYY-MM-DD...' string to an aware UTC datetime.

    Naive values and local midnights keep their calendar day (as 00:00 UTC): they are dates
    dressed as timestamps, and the day is what readers and daily counts use.
    """
    parsed = parse_date_and_day(value)
    return parsed[0] if parsed else None


def parse_date_and_day(value: object) -> tuple[datetime, date] | None:
    """parse_date's UTC instant and the calendar day as written, in the string's own zone.

    Also a Unix timestamp in seconds or milliseconds given as a number (JSON-LD's
    `"datePublished": 1651612200000` on React and Next.js sites): a UTC instant. A string
    of digits stays no date: as a meta tag's content it was measured and dropped (held
    half -1, tuning unchanged: an epoch `article:published_time` against JSON-LD's day).
    """
    epoch = _epoch_seconds(value)
    if epoch is not None:
        dt = datetime.fromtimestamp(epoch, UTC)
        return dt, dt.date()
    if not isinstance(value, str):
        return None
    # "٢٠٢٤-٠٥-٠٣T10:00:00+03:00": fromisoformat takes ASCII digits only, and the
    # year-month-day prefix alone was read, the time and zone lost (fault round 31)
    s = ascii_digits(value.strip())
    if not s:
        return None
    dt = None
    # "2022-02-03 23:30:12 UTC" (Ruby on Rails' default, many APIs): the instant, in UTC
    s = _ISO_UTC_WORD.sub(r"\1+00:00", s)
    # "2024-05-03T22:37:00 EDT": the zone's offset; "...-04:00[America/New_York]" (RFC
    # 9557): the offset already says the instant, the bracketed name is dropped
    s = _ISO_ZONE_WORD.sub(_with_zone_offset, _ISO_BRACKETED_ZONE.sub("", s))
    # "2024-05-03t10:00:00z" (RFC 3339 allows both letters in lower case): the "z" made
    # fromisoformat refuse it, and the claim was its day alone, at 00:00 (fault round 27)
    s = iso_letters_in_capitals(s)
    try:
        dt = datetime.fromisoformat(s.replace("Z", "+00:00") if s.endswith("Z") else s)
    except ValueError:
        dt = _on_twelve_hour_clock(s)
        try:
            dt = dt or parsedate_to_datetime(s)
        except (TypeError, ValueError, IndexError):
            m = _ISO_PREFIX.search(s)
            if m:
                try:
                    dt = datetime(int(m[1]), int(m[2]), int(m[3]))
                except ValueError:
                    return None
    if dt is None and len(s) < MAX_DATE_TEXT:
        # a date written for readers in a machine field ('<meta name="date"
        # content="03.05.2022">', TYPO3; JSON-LD "3 May 2022"): its day, read as on the page;
        # not by its clock: the page's language is not known here, and a CMS writes its own
        # order there ("10/05/2022 05:22 pm" is the 10th of May on El Universal's Spanish page)
        day = parse_visible_date(s, by_clock=False)
        dt = datetime(day.year, day.month, day.day) if day else None
    if dt is None:
        return None
    if dt.tzinfo is None or (dt.hour, dt.minute, dt.second, dt.microsecond) == (0, 0, 0, 0):
        # No zone, or local midnight: a calendar date written as a timestamp. Converting
        # "2020-01-20T00:00:00+01:00" to UTC would move the story to the 19th.
        return dt.replace(tzinfo=UTC), dt.date()
    try:
        if _is_european_midnight_in_utc(dt):
            # the same calendar date, stored by the CMS as a UTC instant: "2022-11-06T23:00Z"
            # is the 7th, 00:00 in Berlin; its readers and its annotations say the 7th
            return dt.astimezone(UTC), dt.date() + timedelta(days=1)
        return dt.astimezone(UTC), dt.date()
    except OverflowError:
        # "9999-12-31T23:00:00-05:00" is past year 9999 in UTC: no page's date. Raised, it
        # cost the page its title, authors and site name too (metadata is best effort as
        # a whole, its exceptions swallowed)
        return None


# Unix timestamps of the web's news era: seconds from 1995 on (788918400) are below 10**10,
# milliseconds from 10**11 (1973) to 10**13.
_EPOCH_MS = 10**11


def _epoch_seconds(value: object) -> float | None:
    """A Unix timestamp's seconds, if `value` is a number that is one."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    seconds = value / 1000 if _EPOCH_MS <= value < 10**13 else value
    return seconds if EARLIEST_PLAUSIBLE.timestamp() <= seconds < 10**10 else None


# A page dated to the day but stored as an instant in UTC shows up as 23:00:00 or 22:00:00
# UTC: midnight in Central European winter (UTC+1) or summer time (UTC+2). To the second, a
# publication time is rarely a whole hour; a local midnight converted is. (Tuning half: 1
# page, its <time> and meta tag written this way; held unchanged.)
_LOCAL_MIDNIGHT_UTC_HOURS = frozenset({22, 23})


def _is_european_midnight_in_utc(dt: datetime) -> bool:
    return (dt.utcoffset() == timedelta(0) and dt.hour in _LOCAL_MIDNIGHT_UTC_HOURS
            and (dt.minute, dt.second, dt.microsecond) == (0, 0, 0))


_JSONLD_PUBLISHED = ("datePublished", "dateCreated", "uploadDate")
_JSONLD_MODIFIED = ("dateModified",)


def _parsely_page_date(content: str | None) -> str | None:
    """The "pub_date" of Parse.ly's older `<meta name="parsely-page">` tag, a JSON object
    ('{"title": ..., "pub_date": "2025-09-12T17:36:00Z", ...}'); None if it holds none."""
    if not content or not content.lstrip().startswith("{"):
        return None
    try:
        record = json.loads(content)
    except ValueError:
        return None
    value = record.get("pub_date") if isinstance(record, dict) else None
    return value if isinstance(value, str) else None


# The keys a Next.js story record names its publication by, and its headline by
_NEXT_PUBLISHED_KEYS = ("publishedAt", "datePublished", "publishedDate", "firstPublishedAt",
                        "publishDate", "published_at")
_NEXT_TITLE_KEYS = ("title", "headline")
MAX_NEXT_DATA_CHARS = 2_000_000
MAX_NEXT_DATA_NODES = 20_000
MIN_NEXT_TITLE_CHARS = 12  # (a title as short as "News" is in many a heading)


def next_data_date(tree: HtmlElement, headline: HtmlElement | None) -> str | None:
    """The publication a Next.js page's `__NEXT_DATA__` JSON gives the story: the first
    object holding a publication key (_NEXT_PUBLISHED_KEYS) whose title holds the page's
    headline or is held in it, or, with no headline, the only such object. Its lists of
    other stories (related, most read) carry their own dates: an object titled otherwise
    is not read."""
    script = tree.find(".//script[@id='__NEXT_DATA__']")
    text = script.text if script is not None else None
    if not text or len(text) > MAX_NEXT_DATA_CHARS:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    want = " ".join(headline.text_content().split()).casefold() if headline is not None else None
    dated: list[tuple[str, str | None]] = []
    stack, seen = [data], 0
    while stack and seen < MAX_NEXT_DATA_NODES:
        node = stack.pop()
        seen += 1
        if isinstance(node, list):
            stack.extend(reversed(node))
            continue
        if not isinstance(node, dict):
            continue
        value = next((node[k] for k in _NEXT_PUBLISHED_KEYS if isinstance(node.get(k), str)),
                     None)
        if value is not None:
            title = next((node[k] for k in _NEXT_TITLE_KEYS if isinstance(node.get(k), str)),
                         None)
            dated.append((value, " ".join(title.split()).casefold() if title else None))
        stack.extend(reversed([v for v in node.values() if isinstance(v, dict | list)]))
    if want is not None:
        # (either may hold the other: a kicker before the heading's text, the site's name
        # after the record's SEO title)
        return next((value for value, title in dated
                     if title and min(len(title), len(want)) >= MIN_NEXT_TITLE_CHARS
                     and (title in want or want in title)), None)
    return dated[0][0] if len(dated) == 1 else None


def jsonld_dates(tree: HtmlElement, keys: tuple[str, ...] = _JSONLD_PUBLISHED, *,
                 scripts: list[str] | None = None) -> list[object]:
    """datePublished (or other `keys`) values from JSON-LD, article-like objects first (a
    string, or a timestamp number). `scripts`: the page's jsonld_texts, when the caller
    has read them (a page's metadata reads them once, for all its searches)."""
    found: list[tuple[str, object]] = []
    for text in jsonld_texts(tree) if scripts is None else scripts:
        try:
            walk_jsonld(load_jsonld(text), found, keys)
        except (ValueError, RecursionError):
            # broken JSON-LD is common (a trailing comma, two objects, an HTML comment):
            # its first date of these keys, as written, still says what the CMS recorded
            for key in keys:
                m = re.search(rf'"{key}"\s*:\s*"([^"]{{6,40}})"', text)
                if m:
                    found.append(("", m[1]))
                    break
    found.sort(key=lambda kv: _jsonld_rank(kv[0]))
    return [v for _, v in found]


def _jsonld_rank(kind: str) -> int:
    """The story's own record (NewsArticle, BlogPosting, Report...) first, then the WebPage
    holding it (whose dates may be the page's, not the story's), then anything else."""
    if not JSONLD_ARTICLE_TYPES.search(kind):
        return 2
    return 1 if kind.strip().lower() == "webpage" else 0


_META_MODIFIED_NAMES = {
    "article:modified_time", "og:article:modified_time", "og:updated_time", "article:modified",
    "modified_time",
    "datemodified", "last-modified", "lastmod", "dcterms.modified", "dc.date.modified",
    "parsely-updated", "sailthru.lastmodified",
}


def modified_date(tree: HtmlElement, *, scripts: list[str] | None = None) -> datetime | None:
    """The page's own last-modified claim (meta, JSON-LD dateModified, <time itemprop>).

    Kept apart from the publication date: an update is not a publication, and mixing the
    two moves stories to the day of their last correction. `scripts` as for jsonld_dates.
    """
    for meta in tree.iterfind(".//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _META_MODIFIED_NAMES:
            found = parse_date(meta.get("content"))
            if found:
                return found
    for raw in jsonld_dates(tree, _JSONLD_MODIFIED, scripts=scripts)[:1]:
        found = parse_date(raw)
        if found:
            return found
    for elem in tree.iterfind(".//time[@itemprop='dateModified']"):
        return parse_date(elem.get("datetime"))
    return None


_NOT_READ = object()  # date_candidates: the caller has not read the modified date


def date_candidates(
    tree: HtmlElement,
    url: str | None,
    hint: datetime | None = None,
    hint_source: str | None = None,
    headline: HtmlElement | None = None,
    fetched: datetime | None = None,
    modified: datetime | None | object = _NOT_READ,
    day_first: bool = False,
    scripts: list[str] | None = None,
) -> list[DateCandidate]:
    """Every claim about the publication date (structured, URL, the date shown beside the
    `headline`), sorted by DATE_SOURCE_ORDER. With the `fetched` time, a claim of the
    server's clock is relabelled 'fetch_time' (is_server_clock). `modified`: the page's
    modified_date, when the caller has read it already (it is read here otherwise).
    `day_first`: the page writes slashed dates day first (reads_day_first). `scripts`:
    the page's jsonld_texts, when the caller has read them."""
    out: list[DateCandidate] = []

    def add(source: str, raw: object, weight: float | None = None) -> bool:
        """Add the claim if it parses; True if it is a real one (not the server's clock)."""
        parsed = ((as_utc(raw), raw.date()) if isinstance(raw, datetime)
                  else parse_date_and_day(raw))
        if parsed is None:
            return False
        in_utc = (_epoch_seconds(raw) is not None or isinstance(raw, str) and bool(
            _UTC_WRITTEN.search(raw.strip()))) and parsed[0].time() != datetime.min.time()
        # (a feed's or sitemap's date is the feed's, not the page server's clock)
        clock = source not in _HINT_SOURCES and is_server_clock(parsed[0], fetched)
        out.append(DateCandidate("fetch_time" if clock else source, parsed[0], parsed[1],
                                 weight=None if clock else weight, in_utc=in_utc))
        return not clock

    # the first value of each kind that parses: an empty or placeholder value ("", "N/A")
    # before it says nothing, nor does the server's clock
    for raw in jsonld_dates(tree, scripts=scripts):
        if add("jsonld", raw):
            break
    else:
        # a Next.js page's own record of the story (its __NEXT_DATA__ page props): the
        # JSON the page renders from, as a JSON-LD record is
        raw = next_data_date(tree, headline)
        if raw is not None:
            add("jsonld", raw)
    article_area = frozenset(headline.iterancestors()) if headline is not None else frozenset()
    metas = [(key, meta) for meta in tree.iterfind(".//meta[@content]")
             if (key := (meta.get("property") or meta.get("name") or meta.get("itemprop")
                         or "").lower()) in _META_DATE_NAMES
             and not _in_teaser_card(meta, article_area)]
    revised = None
    if len(metas) > 1:
        revised = modified_date(tree, scripts=scripts) if modified is _NOT_READ else modified
    if revised is not None:
        # a tag that does not say "published" and holds the page's last change to the
        # second (an analytics or mailing tag: Reuters' "analyticsAttributes.articleDate"
        # and "sailthru.date" before its og:article:published_time) is the revision's
        # stamp: it goes after the others (a publication tag equal to the change is a page
        # never revised, and keeps its place)
        metas.sort(key=lambda pair: "pub" not in pair[0]
                   and parse_date(pair[1].get("content")) == revised)
    for key, meta in metas:
        content = (_parsely_page_date(meta.get("content")) if key == "parsely-page"
                   else meta.get("content"))
        if add("meta", _highwire_slashed_date(key, content),
               GENERIC_META_WEIGHT if key in _GENERIC_META_DATE_NAMES else None):
            break
    claimed = frozenset()
    for elem in _PUBLISHED_MARKUP(tree):
        # microdata on any element (<span itemprop=datePublished content=...>, a <div
        # itemprop=datePublished> showing "3. Mai 2022") or HTML5's <time pubdate>; a
        # <meta itemprop> is read with the meta tags above; hAtom's class is a theme's, used
        # in teasers and related-post lists too: not there (microdata in the story's own
        # "footer" div stays: tuning half -1 when filtered alike)
        if elem.tag == "meta" or (not elem.get("itemprop") and "pubdate" not in elem.attrib and (
                in_other_area(elem, article_area))):
            continue
        raw = elem.get("datetime") or elem.get("content") or (
            elem.get("title") if elem.tag == "abbr" else None)
        text = elem.text_content()
        shown = parse_visible_date(text, day_first) if len(text) < MAX_DATE_TEXT else None
        if raw is None and shown is not None:
            raw = datetime(shown.year, shown.month, shown.day, tzinfo=UTC)
        if raw is not None:
            add("time", raw)
            claimed = frozenset([elem])
            if out and out[-1].source == "time" and shown is not None and abs(
                    (shown - out[-1].day).days) <= 1:
                # the element shows its day ("26/12/2019" for 23:07 UTC): the page's own
                # zone, whatever the instant's (a WordPress site left on UTC shows UTC days)
                out[-1] = replace(out[-1], day=shown, in_utc=False)
            break
    # the <time itemprop=datePublished> beside the headline is one claim, not two: counted
    # again as the visible date it would outvote the meta tags on its own
    shown = visible_date(headline, in_other_area, _day_of, skip=claimed, day_first=day_first)
    if shown is not None and _is_live_blog(scripts if scripts is not None else jsonld_texts(
            tree)) and any(c.source == "jsonld" and c.day < shown[0] for c in out):
        # a live blog shows its entries' times, newest first, where a story shows its
        # date: the first one beside the headline is the latest update, not the day the
        # blog opened (its record's datePublished)
        shown = None
    if shown is not None:
        day, level = shown
        out.append(DateCandidate(  # the date printed beside the headline
            "headline", datetime(day.year, day.month, day.day, tzinfo=UTC), day,
            weight=VISIBLE_NEAR_WEIGHT if level < NEAR_LEVELS else VISIBLE_FAR_WEIGHT,
        ))
    if hint is not None:
        # a sitemap's plain <lastmod> is the page's last change: kept, never a vote
        add(hint_source if hint_source in _HINT_SOURCES else "feed", hint)
    if url:
        written = url_date(url)
        if written is not None:
            add("url", datetime(written.year, written.month, written.day, tzinfo=UTC))
    order = {s: i for i, s in enumerate(DATE_SOURCE_ORDER)}
    return sorted(out, key=lambda c: order.get(c.source, len(order)))


_LIVE_BLOG = re.compile(r'"@type"\s*:\s*(?:\[[^\]]*)?"LiveBlogPosting"')


def _is_live_blog(scripts: list[str]) -> bool:
    """The page's JSON-LD records a schema.org LiveBlogPosting."""
    return any("LiveBlogPosting" in text and _LIVE_BLOG.search(text) for text in scripts)


def url_date(url: str) -> date | None:
    """The day a page's address carries: year first (_URL_DATE), else a day and month in
    the order that only one reading allows (_URL_DAY_MONTH_YEAR)."""
    m = _URL_DATE.search(url)
    try:
        if m:
            return date(int(m[1]), int(m[2] or m[3]), int(m[4] or m[5]))
        m = _URL_DAY_MONTH_YEAR.search(url)
        if m:
            first, second, year = int(m[1]), int(m[2]), int(m[3])
            if first > 12 >= second:
                return date(year, second, first)
            if second > 12 >= first:
                return date(year, first, second)
    except ValueError:
        return None  # "2021/02/30", "31-04-2021"
    return None


def _in_teaser_card(meta: HtmlElement, article_area: frozenset) -> bool:
    """A <meta itemprop=datePublished> in the body, inside a related-article card, a teaser
    list or a sidebar: the microdata of another story, whose date is not this page's.
    Meta tags in the <head> are the page's own."""
    parent = meta.getparent()
    return parent is not None and parent.tag != "head" and in_other_area(meta, article_area)


# Publication markup: schema.org microdata, HTML5's <time pubdate>, and hAtom's class
# "published" (WordPress themes: <time class="entry-date published" datetime=...> beside
# <time class="updated">; <abbr class="published" title=...>)
# (the two kinds of <time> in one step: each `//` is a walk over the whole page)
_PUBLISHED_MARKUP = XPath(
    "//@itemprop[. = 'datePublished']/.."
    " | //time[@datetime][@pubdate"
    " or contains(concat(' ', normalize-space(@class), ' '), ' published ')]"
    " | //abbr[@title][contains(concat(' ', normalize-space(@class), ' '), ' published ')]"
)
_UTC_WRITTEN = re.compile(r"(?:\dZ|[+-]00:?00|\bGMT|\bUTC)$", re.I)
_HINT_SOURCES = frozenset({"feed", "sitemap", "sitemap_lastmod"})
# Claims that carry a day and no instant: the day as the page's own readers see it.
_DAY_ONLY_SOURCES = frozenset({"url", "headline"})


def _local_day(candidate: DateCandidate, day_claims: set[date]) -> DateCandidate:
    """A UTC-written claim moved to the neighbouring day that a day-only claim (URL, the
    date beside the headline) names, when its time of day allows it in a newsroom's zone
    (UTC-8 to UTC+11): 23:11 UTC is already the next day in Europe and Asia (from 13:00
    UTC on), 00:53 UTC still the day before in the Americas (before 08:00 UTC).
    WordPress.com and many JSON-LD plugins write UTC whatever the newsroom's zone."""
    if not candidate.in_utc:
        return candidate
    later = candidate.day + timedelta(days=1)
    earlier = candidate.day - timedelta(days=1)
    if candidate.value.hour >= 13 and later in day_claims:
        return replace(candidate, day=later)
    if candidate.value.hour < 8 and earlier in day_claims:
        return replace(candidate, day=earlier)
    return candidate


def _load_zones(name: str) -> dict[str, ZoneInfo]:
    zones: dict[str, ZoneInfo] = {}
    path = Path(__file__).parent / "data" / name
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, zone = line.split("\t")
            zones[key.strip()] = ZoneInfo(zone.strip())
    return zones


_CCTLD_ZONES = _load_zones("cctld_zones.tsv")
_LANGUAGE_ZONES = _load_zones("language_zones.tsv")
# ISO 3166 regions whose country-code domain is spelled otherwise ("en_GB" -> .uk)
_REGION_TLD = {"gb": "uk"}
_LOCALE = re.compile(r"^([a-z]{2,3})(?:[-_]([a-z]{2})\b)?", re.I)


def page_zone(url: str | None, locales: tuple[str | None, ...] = ()) -> ZoneInfo | None:
    """The time zone of the page's newsroom, if the page says it: its country-code domain
    (data/cctld_zones.tsv), else the first of its declared `locales` (og:locale, <html
    lang>) that names one: the region written with the language ("de_AT", "es-MX") as a
    country domain, or a language alone (data/language_zones.tsv: "de", "pl"; not "en",
    "es"...). A region the tables do not hold gives no zone to its language either: "fr-CA"
    then "fr" is not Paris. WordPress writes og:locale "en_US" by default on sites of any
    language, so a locale that names no zone hands over to the next."""
    host = (urlsplit(url).hostname or "") if url else ""
    zone = _CCTLD_ZONES.get(host.rsplit(".", 1)[-1]) if "." in host else None
    if zone is not None:
        return zone
    elsewhere: set[str] = set()  # languages declared with a region of no listed zone
    for locale in locales:
        m = _LOCALE.match((locale or "").strip())
        if m is None:
            continue
        language, region = m[1].lower(), (m[2] or "").lower()
        if region:
            zone = _CCTLD_ZONES.get(_REGION_TLD.get(region, region))
            if zone is None:
                elsewhere.add(language)
        elif language not in elsewhere:
            zone = _LANGUAGE_ZONES.get(language)
        if zone is not None:
            return zone
    return None


# Calendars whose years pages write in their date fields, machine ones included: Thai
# CMSs write the Buddhist era's (2567 for 2024), Iranian and Afghan ones the Solar Hijri
# calendar's (1403-02-14 for 3 May 2024). Read as Gregorian, every such claim was refused
# as 'future' or 'implausible' and the page went undated (fault round 31). Only where the
# page says it is of that country (its domain, else its first declared language naming
# one): a year in those ranges is no other calendar's there. Japan's era names are read
# where they are written (headline_area.parse_visible_date).
_CALENDAR_TLDS = {"th": "buddhist", "ir": "solar_hijri", "af": "solar_hijri"}
_CALENDAR_LANGUAGES = {"th": "buddhist", "fa": "solar_hijri"}


def page_calendar(url: str | None, locales: tuple[str | None, ...] = ()) -> str | None:
    """'buddhist' or 'solar_hijri' when the page's country-code domain, else the first of
    its declared `locales` (og:locale, <html lang>) that names a language, is one that
    writes dates in that calendar; None otherwise (page_zone's order of evidence)."""
    host = (urlsplit(url).hostname or "") if url else ""
    if "." in host:
        tld = host.rsplit(".", 1)[-1]
        if tld in _CALENDAR_TLDS:
            return _CALENDAR_TLDS[tld]
        if len(tld) == 2 and tld in _CCTLD_ZONES:
            return None  # a country domain of the Gregorian calendar says so
    for locale in locales:
        m = _LOCALE.match((locale or "").strip())
        if m is not None:
            calendar = _CALENDAR_LANGUAGES.get(m[1].lower())
            if calendar is not None or m[1].lower() != "en":
                return calendar
    return None


def _gregorian_candidate(c: DateCandidate, calendar: str) -> DateCandidate | None:
    """The claim with its day in the Gregorian calendar (its instant moved with it); the
    claim as it is when its year is not of that calendar's news era; None when the day is
    none that calendar has (a 29 February the Buddhist year 2568 does not have)."""
    if c.day is None or c.day.year not in CALENDAR_YEARS[calendar]:
        return c
    try:
        if calendar == "buddhist":
            day = c.day.replace(year=c.day.year - BUDDHIST_ERA_OFFSET)
        else:
            day = gregorian_of_solar_hijri(c.day.year, c.day.month, c.day.day)
    except ValueError:
        return None
    return replace(c, value=c.value + (day - c.day), day=day)


def in_page_calendar(candidates: list[DateCandidate], calendar: str | None
                     ) -> list[DateCandidate]:
    """The claims of a page dated in its country's calendar (page_calendar), in the
    Gregorian one; a claim naming a day that calendar does not have is dropped."""
    if calendar is None:
        return candidates
    return [moved for c in candidates if (moved := _gregorian_candidate(c, calendar))]


# Languages whose pages write numeric dates day first ("06/11/2026", "06-11-2026"): an
# ambiguous one is read so on their pages. Not German (JavaScript frameworks on German
# pages show American "05/08/2019" for May 8th: its dotted dates are day first anyway) and
# not English, unless its region writes day first (WordPress's default og:locale "en_US"
# says nothing, so American English is never inferred). Thai writes "03/05/2567" day first
# (round 31, with its Buddhist era years: page_calendar); Vietnamese, Indonesian and Malay
# "3/8/2025" (round 15) too.
_DAY_FIRST_LANGUAGES = frozenset({"fr", "es", "it", "pt", "ca", "ro", "nl", "pl", "cs", "sk",
                                  "el", "tr", "ru", "uk", "th", "vi", "id", "ms"})
_DAY_FIRST_ENGLISH = frozenset({"gb", "ie", "au", "nz", "in", "za"})
# English declared with no region ('lang="en"') on the domain of a country whose English
# writes the day first, or the EU's (Euronews-style "Published on 05/03/2026 - 21:40"):
# those newsrooms' slashed dates. Not the continent's national domains: an English page
# there is as likely a JavaScript framework's American date as German pages are (above).
_DAY_FIRST_ENGLISH_DOMAINS = frozenset({"ie", "au", "nz", "in", "za", "pk", "ng", "ke",
                                        "gh", "lk", "sg", "my", "eu"})


def reads_day_first(locales: tuple[str | None, ...], url: str | None = None) -> bool:
    """The page's first declared language (<html lang>, og:locale) writes numeric dates
    day first (_DAY_FIRST_LANGUAGES; English of _DAY_FIRST_ENGLISH's regions, or English
    with no region on a host of _DAY_FIRST_ENGLISH_DOMAINS)."""
    for locale in locales:
        m = _LOCALE.match((locale or "").strip())
        if m is None:
            continue
        language, region = m[1].lower(), (m[2] or "").lower()
        if language == "en":
            return region in _DAY_FIRST_ENGLISH if region else _day_first_domain(url)
        return language in _DAY_FIRST_LANGUAGES
    return False


def _day_first_domain(url: str | None) -> bool:
    host = (urlsplit(_WAYBACK_PREFIX.sub("", url)).hostname or "") if url else ""
    return host.rsplit(".", 1)[-1] in _DAY_FIRST_ENGLISH_DOMAINS if "." in host else False


_US_HOST = re.compile(r"\.(?:com|us|gov|edu)$")
# a Wayback Machine copy: the archived page's own URL follows the capture time
_WAYBACK_PREFIX = re.compile(r"^https?://web\.archive\.org/web/\d+[a-z_]*/", re.I)


def reads_month_first(locales: tuple[str | None, ...], url: str | None) -> bool:
    """The page says it is American: its first declared language is en-US and its host a
    .com/.us/.gov/.edu (WordPress writes en-US on sites everywhere; a .co.uk or .de page
    declaring it still writes the day first); of a Wayback copy, the archived page's host."""
    host = (urlsplit(_WAYBACK_PREFIX.sub("", url)).hostname or "") if url else ""
    if not _US_HOST.search(host):
        return False
    for locale in locales:
        m = _LOCALE.match((locale or "").strip())
        if m is not None:
            return m[1].lower() == "en" and (m[2] or "").lower() == "us"
    return False


def in_page_zone(candidates: list[DateCandidate], zone: ZoneInfo | None) -> list[DateCandidate]:
    """UTC-written instants dated on the day they were in the page's zone: WordPress.com and
    many JSON-LD plugins write UTC whatever the newsroom's zone, and "2022-05-04T00:53Z" on
    an Argentinian paper is the evening of the 3rd for it and its readers."""
    if zone is None:
        return candidates
    return [replace(c, day=_day_in_zone(c.value, zone), in_utc=False) if c.in_utc else c
            for c in candidates]


def _day_in_zone(value: datetime, zone: ZoneInfo) -> date:
    try:
        return value.astimezone(zone).date()
    except OverflowError:
        # within hours of year 1 or past 9999 in that zone ("9999-12-31T23:30Z" on a .jp
        # page): the UTC day stands; the date rule flags such a date anyway, and raised
        # here the page lost all its metadata
        return value.date()


def choose_date(
    candidates: list[DateCandidate], now: datetime
) -> tuple[DateCandidate | None, list[str]]:
    """Pick the day the plausible candidates vote for (SOURCE_WEIGHT; ties and the
    candidate returned for that day go by source order); flag what was skipped or disputed.

    Flags: 'future' (a candidate after now + 1 day, as an instant or as the day it names),
    'implausible' (before 1995), 'disagree' (plausible candidates name different days;
    claims of one instant name one day: _one_day_per_instant). A chosen day alone gives
    way to the first claim of that day with a time of day. With no voting claim, the
    first plausible NON_VOTING_SOURCES claim (a fallback). A naive `now` or candidate
    value is UTC.
    """
    flags: list[str] = []
    plausible = []
    latest = as_utc(now) + FUTURE_TOLERANCE
    for c in candidates:
        if c.value.tzinfo is None:
            c = replace(c, value=as_utc(c.value))
        if c.value > latest or c.day > latest.date():
            flags.append("future")
        elif c.value < EARLIEST_PLAUSIBLE:
            flags.append("implausible")
        else:
            plausible.append(c)
    day_claims = {c.day for c in plausible if c.source in _DAY_ONLY_SOURCES}
    if day_claims:
        plausible = [_local_day(c, day_claims) for c in plausible]
    plausible = _one_day_per_instant(plausible, day_claims)
    if len({c.day for c in plausible if c.source not in NON_VOTING_SOURCES}) > 1:
        flags.append("disagree")  # (a UTC instant and the local day are not a dispute)
    order = {s: i for i, s in enumerate(DATE_SOURCE_ORDER)}
    plausible.sort(key=lambda c: order.get(c.source, len(order)))
    votes: dict[date, float] = {}
    for c in plausible:
        if c.source not in NON_VOTING_SOURCES:  # fallbacks, never voters
            votes[c.day] = votes.get(c.day, 0.0) + _weight(c)
    if not votes:
        return (plausible[0] if plausible else None), sorted(set(flags))
    best = max(votes.values())
    tied = {d for d, v in votes.items() if v == best}
    shown = {c.day for c in plausible if c.source == "headline"} & tied
    if len(tied) > 1 and shown:
        # a tie with the date shown beside the headline goes to what the page shows its
        # readers: the machine claims against it are as often the last update
        tied = shown
    # plausible is in source order: the first candidate of a best-scoring day
    voters = [c for c in plausible if c.source not in NON_VOTING_SOURCES and c.day in tied]
    chosen = voters[0]
    if not _has_time_of_day(chosen.value):
        # a day alone ("2024-05-03" in the meta tag) beside an instant of that same day
        # (the feed's "Fri, 03 May 2024 14:20:00 GMT"): the instant says more, and which
        # copy of a story came first is read from it; the day stays the one voted for
        chosen = next((c for c in voters if c.day == chosen.day
                       and _has_time_of_day(c.value)), chosen)
    return chosen, sorted(set(flags))


# Two claims of one instant: to the minute (a feed may drop the seconds a page writes)
SAME_INSTANT = timedelta(minutes=1)


def _has_time_of_day(value: datetime) -> bool:
    """A claim with a time of day; a day alone is stored at 00:00 UTC (parse_date)."""
    return value.time() != datetime.min.time()


def _same_instant(a: DateCandidate, b: DateCandidate) -> bool:
    return (_has_time_of_day(a.value) and _has_time_of_day(b.value)
            and abs(a.value - b.value) < SAME_INSTANT)


def _one_day_per_instant(candidates: list[DateCandidate],
                         day_claims: set[date]) -> list[DateCandidate]:
    """Claims of one instant written in two zones ("2024-05-04T05:30:00+02:00" on the
    page, "Fri, 03 May 2024 23:30:00 -0400" in the feed, "2024-05-04T03:30:00Z") name one
    day: the day of the first of them that a day-only claim names (the URL's, the date
    beside the headline: the page's readers' day), else that is written in a zone of its
    own (a UTC-written one is the server's clock), in source order, else of the first.
    Their days as written differed, and the page was flagged 'disagree' and its vote
    split (fault round 44)."""
    order = {s: i for i, s in enumerate(DATE_SOURCE_ORDER)}
    ranked = sorted((c for c in candidates if c.source not in NON_VOTING_SOURCES),
                    key=lambda c: (c.day not in day_claims, c.in_utc,
                                   order.get(c.source, len(order))))
    out = []
    for c in candidates:
        first = next((r for r in ranked if r is c or _same_instant(r, c)), c)
        out.append(c if first.day == c.day else replace(c, day=first.day, in_utc=first.in_utc))
    return out


def is_server_clock(value: datetime, fetched: datetime | None) -> bool:
    """A claim with a time of day within FETCH_CLOCK_WINDOW of the fetch: the server's
    clock rendered into the page, not a publication. A story published minutes before its
    fetch loses little: its other claims name the same day, and with none the claim still
    dates the page, as a fallback (source 'fetch_time')."""
    return (fetched is not None and value.time() != datetime.min.time()
            and abs(value - fetched) <= FETCH_CLOCK_WINDOW)


def as_utc(value: datetime) -> datetime:
    """An aware datetime in UTC; a naive one is taken as UTC (feeds, dumps and callers
    that dropped the zone), so that every comparison of dates here is of aware values."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def day_vote(chosen: DateCandidate, candidates: list[DateCandidate]) -> float:
    """The summed weight of the candidates naming the chosen day."""
    return sum(_weight(c) for c in candidates
               if c.day == chosen.day and c.source not in NON_VOTING_SOURCES)


def _weight(candidate: DateCandidate) -> float:
    if candidate.weight is not None:
        return candidate.weight
    return SOURCE_WEIGHT.get(candidate.source, 0.5)


def _day_of(value: str) -> date | None:
    parsed = parse_date_and_day(value)
    return parsed[1] if parsed else None


def date_confidence(chosen: DateCandidate | None, candidates: list[DateCandidate],
                    now: datetime) -> float | None:
    """How far the chosen date is to be trusted, 0..1: its source's own weight
    (SOURCE_CONFIDENCE), raised by each other source naming the same day (within one day
    for a date-only source, whose day may be another zone's) and lowered by each plausible
    source naming another day."""
    if chosen is None:
        return None
    now = as_utc(now)
    score = SOURCE_CONFIDENCE.get(chosen.source, 0.3)
    seen = {chosen.source}
    for c in candidates:
        if c.source in seen or c.source in NON_VOTING_SOURCES or not (
            EARLIEST_PLAUSIBLE <= c.value <= now + FUTURE_TOLERANCE
        ):
            continue
        seen.add(c.source)
        if _same_instant(c, chosen) or abs((c.day - chosen.day).days) <= (
                0 if _has_time_of_day(c.value) else 1):
            score += AGREEMENT_BONUS
        else:
            score -= DISAGREEMENT_PENALTY
    return round(min(max(score, 0.05), 0.99), 2)


# Dates as htmldate reads them (ISO and numeric forms, English, French and German month
# words), for the days it may have read as the first of their month (_from_impossible_day).
_NUMERIC_YEAR_FIRST = re.compile(r"(?<!\d)((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_NUMERIC_YEAR_LAST = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d{2})(?!\d)")
_WORD_MONTH_LAST = re.compile(
    r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:of\s+)?([^\W\d_]{3,})\.?,?\s+((?:19|20)\d{2})(?!\d)",
    re.IGNORECASE)
# (the lookbehind: a word is tried from its first letter only; tried from each of its
# letters, a long run of letters, a data URI's, cost the square of its length: 15.8 s of
# findall over the 990 dev pages' text and attributes, 121 M characters, 6.1 s with it,
# the same matches)
_WORD_MONTH_FIRST = re.compile(
    r"(?<![^\W\d_])([^\W\d_]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})(?!\d)",
    re.IGNORECASE)
_MONTH_WORDS = {  # first three letters, as htmldate's English, French and German read them
    "jan": 1, "feb": 2, "fév": 2, "fev": 2, "mar": 3, "mär": 3, "apr": 4, "avr": 4, "may": 5,
    "mai": 5, "jun": 6, "jui": 6, "jul": 7, "aug": 8, "aoû": 8, "aou": 8, "sep": 9, "oct": 10,
    "okt": 10, "nov": 11, "dec": 12, "dez": 12, "déc": 12}


def _impossible_days(text: str, year: int) -> tuple[set[int], set[tuple[int, int]]]:
    """The months of `year` of which `text` names a day the month does not have
    ("2024-02-30", "31.04.2024", "February 30, 2024"; day and month read either way
    round where numbers alone say which is which only by their size), and the (month,
    day) pairs of `year` it names that are days."""
    months: set[int] = set()
    days: set[tuple[int, int]] = set()

    def check(month: int, day: int) -> None:
        if 1 <= month <= 12 and 1 <= day <= 31:
            try:
                date(year, month, day)
                days.add((month, day))
            except ValueError:
                months.add(month)

    for y, m, d in _NUMERIC_YEAR_FIRST.findall(text):
        if int(y) == year:
            check(int(m), int(d))
    for a, b, y in _NUMERIC_YEAR_LAST.findall(text):
        if int(y) == year:
            a, b = int(a), int(b)
            # US order when the second number is past 12 (04/31/2024), else day first
            # (31.04.2024); when both could be a month, day first is a date either way
            # (every month has the days 1 to 12), so no reading of it is impossible
            if b > 12:
                check(a, b)
            else:
                check(b, a)
    for d, word, y in _WORD_MONTH_LAST.findall(text):
        if int(y) == year and (m := _MONTH_WORDS.get(word[:3].lower())):
            check(m, int(d))
    for word, d, y in _WORD_MONTH_FIRST.findall(text):
        if int(y) == year and (m := _MONTH_WORDS.get(word[:3].lower())):
            check(m, int(d))
    return months, days


# The page's text strings in document order (those of `itertext`) but a stylesheet's:
# CSS names no date, and a page may inline hundreds of KB of it (a theme's whole
# stylesheet in a <style>: 485 KB on exxpress.at, where the two date scans below took
# ~0.5 s of the page's 0.7 s). Scripts stay: htmldate reads dates in them.
_TEXT_BUT_STYLES = XPath(".//text()[not(parent::style)]", smart_strings=False)


def _from_impossible_day(tree: HtmlElement, found: str) -> bool:
    """Whether htmldate's `found` (YYYY-MM-DD) is the first of a month that the page only
    names with a day it does not have: htmldate reads "2024-02-30", "31.04.2024" as
    2024-02-01, 2024-04-01, and "February 30, 2024" as its year (2024-01-01). A first
    of a month the page dates otherwise (a URL's /2022/02/) or names ("1. November 2023")
    stands. Only the (rare) firsts are looked at: one pass over the page's text and
    attributes."""
    if not found.endswith("-01"):
        return False
    try:
        year, month = int(found[:4]), int(found[5:7])
    except ValueError:
        return False
    parts = _TEXT_BUT_STYLES(tree)
    parts += [v for el in tree.iter() for v in el.attrib.values()]
    months, days = _impossible_days(" ".join(parts), year)
    if (month, 1) in days:
        return False
    return month in months or (month == 1 and bool(months))


def htmldate_date(tree: HtmlElement, url: str | None, now: datetime, extensive: bool,
                  day_first: bool = False, month_first: bool = False) -> str | None:
    """htmldate's guess from the visible page, unless it is the first of a month read
    from a day the month does not have (`_from_impossible_day`: no date, not a wrong one).

    The extensive search (free-text date patterns through dateparser) is a second pass for
    pages where the fast one found nothing. On the dev corpus it runs on ~13% of pages and
    lifts date accuracy from 0.80 to 0.85, but costs ~11 ms per such page in steady state
    (plus ~3 s of dateparser warm-up per process): ~8% of the stage's time, which breaks
    the speed budget. Off by default; `extract_extensive_dates` turns it on.

    htmldate reads an ambiguous slashed date day first ("5/3/2024": the 5th of March). On a
    page whose language does not write the day first (`day_first` False; WordPress writes
    en-US everywhere, so English says nothing), an American clock after the date says
    month first, and the date is read so (`month_first_reading`); on a page that says it
    is American (`month_first`, reads_month_first) the slashed date itself is enough.
    """
    found = find_date(
        tree, extensive_search=extensive, original_date=True, url=url,
        max_date=(now + FUTURE_TOLERANCE).strftime("%Y-%m-%d"),
    )
    if not found or _from_impossible_day(tree, found):
        return None
    try:
        read = date.fromisoformat(found)
    except ValueError:
        return found
    if not day_first and read.day <= 12 and read.day != read.month:
        american = month_first_reading(" ".join(_TEXT_BUT_STYLES(tree)), read, month_first)
        if american is not None:
            return american.isoformat()
    return found
