"""Page metadata in one cheap pass over the parsed tree, with the date's provenance.

trafilatura's `extract_metadata` runs every heuristic on every page (author XPaths over a
deep copy of the body, category/tag link scans, license search, htmldate); on the dev corpus
it costs ~45% of a default text extraction, which would break the speed budget (pressroom
must keep >= 85% of plain trafilatura's docs/s). So we call trafilatura's own cheap
building blocks and replace the expensive ones:

- `examine_meta` (OpenGraph, <meta name/property/itemprop>) and `extract_meta_json`
  (JSON-LD) always: they carry title, author, description, site name, image and tags on
  almost every news page;
- `extract_title` / `extract_sitename` only when the meta tags gave nothing;
- an author search in the body (`find_byline_author`: one C-level XPath plus an ancestor
  filter, 4x cheaper than trafilatura's `extract_author` for the same accuracy) only when
  the meta tags and JSON-LD name nobody;
- the date comes from our own candidates (JSON-LD, meta, <time>, the date shown beside the
  headline, URL, feed/sitemap hint), which vote by source weight, because trafilatura does
  not say where its date came from; htmldate runs (in its fast, non-extensive mode), then a
  scan for the first date in the page text, only when no candidate exists;
- the headline's neighbourhood (visible date, written byline) is read in headline_area.py.

These trafilatura functions are module-level but not part of its documented API: pin
trafilatura to 2.x (tests cover every field we read).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from html import unescape as html_unescape
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from htmldate import find_date
from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import (
    examine_meta,
    extract_meta_json,
    extract_sitename,
    extract_title,
)
from trafilatura.utils import trim

from tasks.common.text import (
    MAX_DESCRIPTION_CHARS,
    MAX_LABEL_CHARS,
    MAX_TITLE_CHARS,
    capped_text,
)
from tasks.common.urls import base_url_of, joined_url, trim_url, url_parts
from tasks.extract.headline_area import (
    MAX_DATE_TEXT,
    NEAR_LEVELS,
    bylined_date,
    credit_byline,
    dateline_date,
    first_text_date,
    labelled_byline,
    labelled_date,
    paragraph_byline,
    parse_visible_date,
    post_date_field,
    relative_date,
    signature_byline,
    submitted_byline,
    text_byline,
    visible_date,
    wire_credit,
)

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

# The byline search in the page body (find_byline_author) when meta/JSON-LD name nobody.
AUTHOR_SEARCH = True

_META_DATE_NAMES = {
    "article:published_time", "og:published_time", "og:article:published_time",
    "article:published", "article.published", "published_time", "publish-date",
    "publish_date", "publishdate", "pubdate", "date", "dc.date", "dc.date.issued",
    "dc.date.created", "dcterms.date", "dcterms.issued", "dcterms.created", "sailthru.date",
    "parsely-pub-date", "citation_publication_date", "citation_date", "original-publish-date",
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
}
# Names that say only "date", not which one: TYPO3, Drupal and Dublin Core templates fill
# them with the page's creation or last change as often as with the story's publication.
# Such a bare date votes like JSON-LD (0.5), so the page's own <time
# itemprop=datePublished> outweighs it (tuning half: +1, held unchanged; 0.4, below a
# far visible date and JSON-LD, lost as many pages as it won, and so did preferring a
# later article:published_time or pubdate meta to an earlier bare "date").
_GENERIC_META_DATE_NAMES = frozenset({"date", "dc.date", "dcterms.date", "dc:date"})
GENERIC_META_WEIGHT = 0.5
_JSONLD_ARTICLE_TYPES = re.compile(r"article|posting|report|newsarticle|webpage|blog", re.I)
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


@dataclass
class PageMetadata:
    """Everything the ARTICLES table wants from the page besides the text."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    published_at_source: str | None = None
    published_date: date | None = None  # the chosen claim's day in the page's own zone
    published_at_confidence: float | None = None
    modified_at: datetime | None = None  # dateModified & co., never used as published_at
    # every distinct date claim (source, value), so disagreements stay visible
    date_candidates: list[DateCandidate] = field(default_factory=list)
    date_flags: list[str] = field(default_factory=list)  # future / implausible / disagree
    site_name: str | None = None
    description: str | None = None
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    top_image: str | None = None
    canonical_url: str | None = None
    html_lang: str | None = None
    page_type: str | None = None  # og:type / JSON-LD @type, for the not_article filter


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
    s = value.strip()
    if not s:
        return None
    dt = None
    # "2022-02-03 23:30:12 UTC" (Ruby on Rails' default, many APIs): the instant, in UTC
    s = _ISO_UTC_WORD.sub(r"\1+00:00", s)
    try:
        dt = datetime.fromisoformat(s.replace("Z", "+00:00") if s.endswith("Z") else s)
    except ValueError:
        try:
            dt = parsedate_to_datetime(s)
        except (TypeError, ValueError, IndexError):
            m = _ISO_PREFIX.search(s)
            if m:
                try:
                    dt = datetime(int(m[1]), int(m[2]), int(m[3]))
                except ValueError:
                    return None
    if dt is None and len(s) < MAX_DATE_TEXT:
        # a date written for readers in a machine field ('<meta name="date"
        # content="03.05.2022">', TYPO3; JSON-LD "3 May 2022"): its day, read as on the page
        day = parse_visible_date(s)
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


def _walk_jsonld(node: object, out: list[tuple[str, object]], keys: tuple[str, ...]) -> None:
    """Collect (type, date) pairs of the first of `keys` from a JSON-LD value, through
    @graph and lists."""
    if isinstance(node, list):
        for item in node:
            _walk_jsonld(item, out, keys)
    elif isinstance(node, dict):
        kind = node.get("@type")
        kind = " ".join(kind) if isinstance(kind, list) else str(kind or "")
        for key in keys:
            value = _jsonld_value(node.get(key))
            if value is not None:
                out.append((kind, value))
                break
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(node.get(key), (list, dict)):
                _walk_jsonld(node[key], out, keys)


def _jsonld_value(value: object) -> object:
    """A JSON-LD date as written: a string or a timestamp number, also when typed as a
    value object (`{"@value": "2022-05-03", "@type": "Date"}`) or given as a list (`[
    "2022-05-03T08:00Z", "2022-05-04"]`: the first, the original publication; later
    entries are re-publications)."""
    if isinstance(value, dict):
        value = value.get("@value")
    if isinstance(value, list):
        return next((v for v in map(_jsonld_value, value) if v is not None), None)
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return value
    return None


def jsonld_dates(tree: HtmlElement, keys: tuple[str, ...] = _JSONLD_PUBLISHED) -> list[object]:
    """datePublished (or other `keys`) values from JSON-LD, article-like objects first (a
    string, or a timestamp number)."""
    found: list[tuple[str, object]] = []
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        if not script.text:
            continue
        try:
            _walk_jsonld(json.loads(script.text, strict=False), found, keys)
        except (ValueError, RecursionError):
            # broken JSON-LD is common (a trailing comma, two objects, an HTML comment):
            # its first date of these keys, as written, still says what the CMS recorded
            for key in keys:
                m = re.search(rf'"{key}"\s*:\s*"([^"]{{6,40}})"', script.text)
                if m:
                    found.append(("", m[1]))
                    break
    found.sort(key=lambda kv: _jsonld_rank(kv[0]))
    return [v for _, v in found]


def _jsonld_rank(kind: str) -> int:
    """The story's own record (NewsArticle, BlogPosting, Report...) first, then the WebPage
    holding it (whose dates may be the page's, not the story's), then anything else."""
    if not _JSONLD_ARTICLE_TYPES.search(kind):
        return 2
    return 1 if kind.strip().lower() == "webpage" else 0


def _author_names(value: object, named: dict[str, dict] | None = None) -> list[str]:
    """Names of a JSON-LD author value: a string, a Person/Organization (its name, or its
    givenName and familyName), a reference to a node of the same JSON-LD by its @id (Yoast
    SEO's `"author": {"@id": ".../#/schema/person/..."}`, the Person in its @graph), or a
    list of those. `named`: the JSON-LD's nodes by @id."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        if not isinstance(name, str):
            parts = [value.get(k) for k in ("givenName", "familyName")]
            name = " ".join(p for p in parts if isinstance(p, str)) or None
        if name is None and named and isinstance(value.get("@id"), str):
            target = named.get(value["@id"])
            if target is not None and target is not value:
                return _author_names(target)
        if name and " " not in name.strip() and isinstance(value.get("description"), str):
            # a one-word name (a login, a first name) whose bio opens with the full name:
            # Yoast's Person "Stefanus" described "Stefanus Stahl - Maschinenbauer, ...",
            # "Nils" described "Nils Pickert ist freier Autor und Journalist"
            m = re.match(rf"\s*{re.escape(name.strip())}((?:\s+(?-i:[A-ZÀ-ÖØ-Þ])[\w'’-]+){{1,2}})"
                         r"\s*(?:[-–—,:|(]|$|(?:ist|is|war|was|es|est)\s)", value["description"])
            if m:
                name = name.strip() + m[1]
        return [name] if name else []
    if isinstance(value, list):
        return [n for item in value for n in _author_names(item, named)]
    return []


def _nodes_by_id(node: object, out: dict[str, dict]) -> dict[str, dict]:
    """The JSON-LD's nodes that have an @id and a name, by @id (through @graph and lists)."""
    if isinstance(node, list):
        for item in node:
            _nodes_by_id(item, out)
    elif isinstance(node, dict):
        if isinstance(node.get("@id"), str) and (node.get("name") or node.get("familyName")):
            out.setdefault(node["@id"], node)
        if isinstance(node.get("@graph"), list):
            _nodes_by_id(node["@graph"], out)
    return out


def _walk_jsonld_authors(node: object, out: list[list[str]],
                         named: dict[str, dict] | None = None) -> None:
    if isinstance(node, list):
        for item in node:
            _walk_jsonld_authors(item, out, named)
    elif isinstance(node, dict):
        kind = node.get("@type")
        kind = " ".join(kind) if isinstance(kind, list) else str(kind or "")
        if _JSONLD_ARTICLE_TYPES.search(kind) and node.get("author"):
            names = [n.strip() for n in _author_names(node["author"], named) if n and n.strip()]
            if names:
                out.append(names)
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(node.get(key), (list, dict)):
                _walk_jsonld_authors(node[key], out, named)


def jsonld_body_scripts(tree: HtmlElement) -> list[str]:
    """The texts of the page's JSON-LD scripts that hold an `articleBody`."""
    return [script.text for script in tree.iterfind('.//script[@type="application/ld+json"]')
            if script.text and "articleBody" in script.text]


# Block tags whose edges are paragraph breaks in an articleBody written as HTML.
_BODY_BLOCKS = re.compile(
    r"(?i)<\s*/?\s*(?:p|div|h[1-6]|li|ul|ol|blockquote|br)\b[^<>]{0,500}>")
_TAG = re.compile(r"<[^<>]{0,500}>")


def jsonld_article_body(scripts: list[str]) -> str | None:
    """The longest `articleBody` of an article-like JSON-LD object in `scripts`
    (`jsonld_body_scripts`), as plain text: an HTML body's tags dropped and its blocks
    made lines, entities decoded, each line's spaces collapsed."""
    found: list[tuple[str, object]] = []
    for text in scripts:
        try:
            _walk_jsonld(json.loads(text, strict=False), found, ("articleBody",))
        except (ValueError, RecursionError):
            continue
    bodies = [v for kind, v in found
              if isinstance(v, str) and _JSONLD_ARTICLE_TYPES.search(kind)]
    if not bodies:
        return None
    body = max(bodies, key=len)
    if "<" in body:
        body = _TAG.sub(" ", _BODY_BLOCKS.sub("\n", body))
    lines = (" ".join(line.split()) for line in html_unescape(body).splitlines())
    return "\n".join(line for line in lines if line) or None


def jsonld_authors(tree: HtmlElement) -> list[str]:
    """The author names of the page's first article-like JSON-LD object (through @graph,
    lists and mainEntity; a Person's or Organization's name, or a plain string)."""
    found: list[list[str]] = []
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        if not script.text:
            continue
        try:
            data = json.loads(script.text, strict=False)
            _walk_jsonld_authors(data, found, _nodes_by_id(data, {}))
        except (ValueError, RecursionError):
            continue
        if found:
            return found[0]
    return []


_META_MODIFIED_NAMES = {
    "article:modified_time", "og:article:modified_time", "og:updated_time", "article:modified",
    "modified_time",
    "datemodified", "last-modified", "lastmod", "dcterms.modified", "dc.date.modified",
    "parsely-updated", "sailthru.lastmodified",
}


def modified_date(tree: HtmlElement) -> datetime | None:
    """The page's own last-modified claim (meta, JSON-LD dateModified, <time itemprop>).

    Kept apart from the publication date: an update is not a publication, and mixing the
    two moves stories to the day of their last correction.
    """
    for meta in tree.iterfind(".//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _META_MODIFIED_NAMES:
            found = parse_date(meta.get("content"))
            if found:
                return found
    for raw in jsonld_dates(tree, _JSONLD_MODIFIED)[:1]:
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
) -> list[DateCandidate]:
    """Every claim about the publication date (structured, URL, the date shown beside the
    `headline`), sorted by DATE_SOURCE_ORDER. With the `fetched` time, a claim of the
    server's clock is relabelled 'fetch_time' (is_server_clock). `modified`: the page's
    modified_date, when the caller has read it already (it is read here otherwise).
    `day_first`: the page writes slashed dates day first (reads_day_first)."""
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
    for raw in jsonld_dates(tree):
        if add("jsonld", raw):
            break
    article_area = frozenset(headline.iterancestors()) if headline is not None else frozenset()
    metas = [(key, meta) for meta in tree.iterfind(".//meta[@content]")
             if (key := (meta.get("property") or meta.get("name") or meta.get("itemprop")
                         or "").lower()) in _META_DATE_NAMES
             and not _in_teaser_card(meta, article_area)]
    revised = None
    if len(metas) > 1:
        revised = modified_date(tree) if modified is _NOT_READ else modified
    if revised is not None:
        # a tag that does not say "published" and holds the page's last change to the
        # second (an analytics or mailing tag: Reuters' "analyticsAttributes.articleDate"
        # and "sailthru.date" before its og:article:published_time) is the revision's
        # stamp: it goes after the others (a publication tag equal to the change is a page
        # never revised, and keeps its place)
        metas.sort(key=lambda pair: "pub" not in pair[0]
                   and parse_date(pair[1].get("content")) == revised)
    for key, meta in metas:
        if add("meta", meta.get("content"),
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
                _in_other_area(elem, article_area))):
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
    shown = visible_date(headline, _in_other_area, _day_of, skip=claimed, day_first=day_first)
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
    return parent is not None and parent.tag != "head" and _in_other_area(meta, article_area)


# Publication markup: schema.org microdata, HTML5's <time pubdate>, and hAtom's class
# "published" (WordPress themes: <time class="entry-date published" datetime=...> beside
# <time class="updated">; <abbr class="published" title=...>)
_PUBLISHED_MARKUP = XPath(
    "//@itemprop[. = 'datePublished']/.. | //time[@pubdate][@datetime]"
    " | //time[@datetime][contains(concat(' ', normalize-space(@class), ' '), ' published ')]"
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


# Languages whose pages write numeric dates day first ("06/11/2026", "06-11-2026"): an
# ambiguous one is read so on their pages. Not German (JavaScript frameworks on German
# pages show American "05/08/2019" for May 8th: its dotted dates are day first anyway) and
# not English, unless its region writes day first (WordPress's default og:locale "en_US"
# says nothing, so American English is never inferred).
_DAY_FIRST_LANGUAGES = frozenset({"fr", "es", "it", "pt", "ca", "ro", "nl", "pl", "cs", "sk",
                                  "el", "tr", "ru", "uk"})
_DAY_FIRST_ENGLISH = frozenset({"gb", "ie", "au", "nz", "in", "za"})


def reads_day_first(locales: tuple[str | None, ...]) -> bool:
    """The page's first declared language (<html lang>, og:locale) writes numeric dates
    day first (_DAY_FIRST_LANGUAGES; English of _DAY_FIRST_ENGLISH's regions)."""
    for locale in locales:
        m = _LOCALE.match((locale or "").strip())
        if m is None:
            continue
        language, region = m[1].lower(), (m[2] or "").lower()
        if language == "en":
            return region in _DAY_FIRST_ENGLISH
        return language in _DAY_FIRST_LANGUAGES
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
    'implausible' (before 1995), 'disagree' (plausible candidates name different days).
    With no voting claim, the first plausible NON_VOTING_SOURCES claim (a fallback).
    A naive `now` or candidate value is UTC.
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
    chosen = next(c for c in plausible if c.source not in NON_VOTING_SOURCES and c.day in tied)
    return chosen, sorted(set(flags))


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


def _day_vote(chosen: DateCandidate, candidates: list[DateCandidate]) -> float:
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
        if abs((c.day - chosen.day).days) <= (0 if c.value.time() != datetime.min.time() else 1):
            score += AGREEMENT_BONUS
        else:
            score -= DISAGREEMENT_PENALTY
    return round(min(max(score, 0.05), 0.99), 2)


# Byline containers, most specific first. One XPath with contains() runs in C; trafilatura's
# own author search uses EXSLT regex tests on a pruned deep copy of the page and cost 12% of
# the stage's time on the dev corpus for the same accuracy (bench/results/extract.md).
# Written over the attributes (`//@class[...]/..`), not over every element
# (`//*[contains(@class, ...)]`): the same elements in the same (document) order, in
# 0.95 ms a page instead of 2.2 ms, since libxml2 then tests only the elements that have
# the attribute (BENCHMARKS.md, "throughput cuts (session 21)").
_BYLINE_XPATH = XPath(
    "//@class[contains(., 'author') or contains(., 'byline') or contains(., 'Author')"
    " or contains(., 'autor')"  # German, Spanish, Polish... themes: 'content-left-autor'
    " or contains(., 'Byline')]/.."
    " | //@id[contains(., 'author')]/.. | //@rel[. = 'author']/.. | //@itemprop[. = 'author']/.."
)
_SPECIFIC = re.compile(r"^(?:author|byline|author-?name|authorname)$|^author |author-name", re.I)
# Containers whose author names are not the article's: comments, teasers, sidebars. Not a
# share bar: news templates set the byline in it ("ng-sharekit__contributors", France
# Culture's "share-zone"); a share button names no author.
_NOT_ARTICLE_AREA = re.compile(
    r"comment|sidebar|related|teaser|recommend|footer|widget|quote|review|avatar", re.I,
)
# Lists of other stories: a news ticker, the latest, most read, trending ones. Not on an
# <article>: there the class is WordPress's post type ("newsticker type-newsticker").
_STORY_LIST = re.compile(r"ticker|latest|most-?read|popular|trending", re.I)
# The footer of the post itself ('post-footer', 'entry-footer', 'article__footer',
# 'footer--article'): blog themes and Drupal put the byline there ("Eingestellt von X",
# "von X 18.10.2019"), below the text; unlike the page's footer it is the article's.
_ARTICLE_FOOTER = re.compile(
    r"(?:post|article|entry|story|node)(?:[-_]{1,2}\w+)?[-_]{1,2}footer[\w-]*"
    r"|footer[-_]{1,2}(?:article|post|entry|story)[\w-]*",
    re.I,
)
# The story's own sidebar ('article-sidebar', 'c--article-sidebar'): the column beside the
# text where news themes set the byline, the date and the share buttons; and a layout's
# modifier on the column that holds the story ('main-content has-double-sidebar',
# 'with-sidebar', 'no-sidebar'): it says a sidebar stands beside it, not that it is one.
_ARTICLE_SIDEBAR = re.compile(r"(?:post|article|entry|story)[-_]{1,2}sidebar[\w-]*"
                              r"|(?<![\w-])(?:has|with|no|without)[-_](?:[a-z]+[-_])?sidebars?(?![\w-])",
                              re.I)
# A credit line of a picture: its class may say 'autor', its name is the photographer's.
_PHOTO_CREDIT = re.compile(
    r"^(?:fotos?|photos?|bild|bilder|image|credit|quelle)\s*:"
    # "Photograph by Ed Marshall" under a picture, in an element classed as its author's
    r"|^(?:photo(?:graph|graphy|s)?|fotos?|bilder?)\s+(?:by|von|de|par)\s", re.I)
_AUTHOR_NOISE = re.compile(r"^(?:author|autor|by|von|written by)s?\s*:?\s*$", re.I)


_META_BOX = re.compile(r"(?:^|[\s_-])meta(?:$|[\s_-])", re.I)


def _in_other_area(elem: HtmlElement, article_area: frozenset = frozenset()) -> bool:
    """The element sits in a comment list, sidebar, teaser, figure... not the article's byline.

    `article_area` holds the ancestors of the headline: a container that also holds the
    headline is the article's own column, whatever its classes say (themes name the main
    column "content-area sidebar"), so the climb stops there.
    """
    for node in elem.iterancestors():
        if node.tag in ("body", "html") or node in article_area:
            return False  # page-wide classes ("no-sidebar", "show-comments") say nothing
        if node.tag == "aside" and _META_BOX.search(node.get("class", "")):
            continue  # <aside class="meta">, "post-meta": the story's byline and date box
        if node.tag in ("figure", "figcaption", "time", "aside", "nav", "blockquote"):
            # a <blockquote> quotes another source: an embedded post (Instagram, X,
            # TikTok) or a cited text, with its own author and date
            return True
        if node.tag == "a" and node.find(".//div") is not None and not (
                node.get("href") or "").lower().startswith(("mailto:", "javascript:", "#")):
            # a link wrapping a block: a teaser card of another article (a link that
            # mails the author is no teaser: "<a href=mailto:..><div/>Von: Götz W.</a>",
            # nor one to a place on the same page: "<a href=#timeline><div>...")
            return True
        if node.tag == "footer" and node.getparent() is not None and not any(
            a.tag == "article" for a in node.iterancestors()
        ):
            return True  # the page footer; an <article>'s own footer carries its byline
        attrs = f"{node.get('class', '')} {node.get('id', '')}".strip()
        if attrs and "ooter" in attrs:
            attrs = _ARTICLE_FOOTER.sub("", attrs)  # the post's own footer is no page footer
        if attrs and "idebar" in attrs:
            attrs = _ARTICLE_SIDEBAR.sub("", attrs)  # nor its own sidebar a page sidebar
        if attrs and (_NOT_ARTICLE_AREA.search(attrs) or attrs in ("title", "date")):
            return True
        if attrs and node.tag != "article" and _STORY_LIST.search(attrs):
            return True
    return False


# A link to the author's profile page ("/user/Marianne1.html", "/author/anna-k/",
# "/autoren/...", "/profil/..."): wrapped around a block it is the byline box, not a teaser
_PROFILE_LINK = re.compile(
    r"/(?:users?|authors?|autor|autoren|profiles?|profil|members?|mitglied)(?:[/.?#-]|$)", re.I)


def _in_byline_card_or_other_area(elem: HtmlElement, article_area: frozenset = frozenset()
                                  ) -> bool:
    """_in_other_area, except that a link to the author's profile wrapping a block is the
    story's byline box ("<a href=/user/anna><div>von Anna am 20.09.2020</div></a>"), for
    the date search of bylined_date (the author searches keep such cards out: a profile
    card's text carries photo credits)."""
    card = None
    for node in elem.iterancestors():
        if node.tag == "a" and _PROFILE_LINK.search(node.get("href") or ""):
            card = node
            break
    if card is None:
        return _in_other_area(elem, article_area)
    return _in_other_area(card, article_area)


def find_byline_author(tree: HtmlElement, headline: HtmlElement | None = None) -> str | None:
    """Author names from a byline element of the page ('A; B'), or None."""
    article_area = frozenset(headline.iterancestors()) if headline is not None else frozenset()
    candidates = _BYLINE_XPATH(tree)
    # elements whose class/rel/itemprop says exactly 'author' before vaguer matches
    candidates.sort(
        key=lambda e: not (
            e.get("rel") == "author" or e.get("itemprop") == "author"
            or _SPECIFIC.search(e.get("class", "") or "")
        )
    )
    headline_words = _squash(headline_text(headline)) if headline is not None else ""
    for elem in candidates[:40]:
        if elem.tag in ("script", "style", "meta", "link", "img", "body", "html", "article"):
            continue
        text = trim(" ".join(elem.itertext()))
        if not text or not (2 < len(text) < 120 or _is_agency(text)) or _AUTHOR_NOISE.match(text):
            # (a two-letter byline is an agency's: "AP", "SN")
            continue
        if len(headline_words) >= 12 and headline_words in _squash(text):
            continue  # a widget repeating the headline, no byline
        if _PHOTO_CREDIT.match(text):
            continue  # "Foto: Ingo S." under a picture: the photographer, not the author
        if _in_other_area(elem, article_area):
            continue
        found = normalize_authors(None, text)
        if found:
            return found
    return None


# WordPress marks the comments the post's own author writes: class="comment bypostauthor
# comment-author-<login>" (the login as a URL slug). On a page whose byline names nobody,
# that login is the only trace of who wrote the post.
_POST_AUTHOR_COMMENT = XPath("//*[contains(@class, 'bypostauthor')]")
_COMMENT_AUTHOR_CLASS = re.compile(r"(?:^|\s)comment-author-([\w-]+)")


def post_author_login(tree: HtmlElement) -> str | None:
    """The login of the post's author from WordPress's `bypostauthor` comment class
    ('comment-author-jancak' -> 'jancak', 'comment-author-anna-keller' -> 'anna keller')."""
    for elem in _POST_AUTHOR_COMMENT(tree):
        m = _COMMENT_AUTHOR_CLASS.search(elem.get("class", ""))
        if m:
            return m[1].replace("-", " ")
    return None


# Links to the site's page of an author ("/author/herr_rein/", WordPress's author archive;
# "/autor/", "/autoren/" on German sites): their text is the name as the site spells it.
_AUTHOR_PAGE_LINKS = XPath(
    "//a[contains(@href, '/author/') or contains(@href, '/autor/')"
    " or contains(@href, '/autoren/') or contains(@href, '/autoren-')]"
)


def _link_text(link: HtmlElement) -> str:
    """A link's text on one line, without a copyright sign before the name (a portrait's
    credit: "© Kathrin F.")."""
    return " ".join((link.text_content() or "").split()).lstrip("©").strip()


def author_link_byline(tree: HtmlElement, headline: HtmlElement | None = None) -> str | None:
    """The text of the first link to an author's page outside comments, teasers and
    sidebars: a byline the theme marks by its link only ("<a href=/autoren/kathrin-f>")."""
    article_area = frozenset(headline.iterancestors()) if headline is not None else frozenset()
    for link in _AUTHOR_PAGE_LINKS(tree)[:20]:
        text = _link_text(link)
        if text and len(text) <= 80 and not _in_other_area(link, article_area) and (
                not _NOT_A_NAME.match(text)  # a button to the page ("Zur Artikelübersicht")
                and not _AUTHOR_INDEX.search(link.get("href", ""))):
            return normalize_authors(None, text)
    return None


# The list of all authors ("/autoren/", "/authors/"), linked from the menu: no one's page.
_AUTHOR_INDEX = re.compile(r"/(?:authors?|autor|autoren)/?(?:[?#].*)?$", re.I)


def author_link_spelling(tree: HtmlElement, authors: list[str],
                         recorded: str | None = None) -> list[str]:
    """The recorded authors as the site's own author links spell them, where only
    punctuation or spacing differs: trafilatura's normaliser turns 'Herr_Rein' into 'Herr
    Rein' and splits 'AFP/The Local' into two names (of which the cleaning keeps 'AFP'),
    while the link keeps the byline. `recorded`: the 'A; B' string the authors came from."""
    if not authors:
        return authors
    joined = {"".join(_folded(a) for a in authors)}
    if recorded:
        joined.add(_folded(recorded))
    wanted = {_folded(a): i for i, a in enumerate(authors)}
    out = list(authors)
    for link in _AUTHOR_PAGE_LINKS(tree)[:20]:
        text = _link_text(link)
        if not text or len(text) > 80:
            continue
        sq = _folded(text)
        if sq in joined and sq not in wanted:
            return [text]  # one byline the normaliser split ("AFP/The Local")
        if sq in wanted:
            out[wanted[sq]] = text
    return out


# choose_headline: least word overlap (Dice) between an <h1> and a declared title. Dev
# corpus, per half: 0.3 -> 0.830/0.820, 0.4 -> 0.832/0.815, 0.5 -> 0.825/0.806, 0.7 ->
# 0.778/0.787; lower lets logos and section names through on unseen sites.
HEADLINE_MIN_OVERLAP = 0.4
_TITLE_WORDS = re.compile(r"\w+")
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|·|•|::|»|/)\s+")


def _squash(s: str) -> str:
    return "".join(ch for ch in s.casefold() if ch.isalnum())


def _folded(s: str) -> str:
    """_squash without accents: an author meta tag often writes 'Gabor Munier' for the
    'Gàbor Muniér' of the byline."""
    return _squash("".join(ch for ch in unicodedata.normalize("NFKD", s)
                           if not unicodedata.combining(ch)))


def clean_title(title: str | None, site_name: str | None, url: str | None) -> str | None:
    """Drop a site-name segment from a page title ("Story | Site", "Site - Story").

    A leading or trailing segment goes when it names the site (site name or domain label,
    ignoring case, spaces and punctuation). Without that evidence, only a short trailing
    segment after ' | ' goes, the most common "title | brand" form; ' - ' is left alone
    because it also separates a headline from its subtitle.
    """
    if not title:
        return title
    title = " ".join(title.split())
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    names = set()
    if site_name:
        names.add(_squash(site_name))
    if url:
        host = urlsplit(url).hostname or ""
        labels = [lab for lab in host.split(".") if lab not in ("www", "m", "amp")]
        if len(labels) >= 2:
            names.add(_squash(labels[-2]))  # 'autozeitung' of www.autozeitung.de
            names.add(_squash(".".join(labels[-2:])))
    names.discard("")

    def is_site(segment: str) -> bool:
        sq = _squash(segment)
        return bool(sq) and any(n in sq or sq in n for n in names if len(n) >= 3)

    if is_site(parts[-1]) and len(parts[-1]) < len(title) / 2:
        parts = parts[:-1]
    elif is_site(parts[0]) and len(parts[0]) < len(title) / 2:
        parts = parts[1:]
    elif " | " in title and len(parts[-1].split()) <= 4 and len(parts[0].split()) >= 3:
        parts = parts[:-1]
    else:
        return title
    # rejoin with the separators that were there
    head = title
    out = " ".join(parts) if len(parts) == 1 else None
    if out is None:
        # keep the original separators between the kept parts
        start = title.find(parts[0])
        end = title.rfind(parts[-1]) + len(parts[-1])
        out = head[start:end]
    return out.strip() or title


def drop_site_segment(title: str, outlets: set[str]) -> str:
    """The title without a last (or else first) segment that names the outlet ("Story |
    Umweltbundesamt"); unlike clean_title, never a segment without that evidence."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    for edge in (parts[-1], parts[0]):
        if _is_outlet(edge, outlets) and len(edge) < len(title) / 2:
            start = title.find(edge) if edge is parts[0] else title.rfind(edge)
            rest = title[:start] if edge is parts[-1] else title[start + len(edge):]
            return rest.strip(_EDGE_SEPARATORS) or title
    return title


# Role words that open a byline entry ("Auteur Anna K.", "Zeige alle Beiträge von Petra R.",
# "FOCUS-Online-Experte Robin T.", "责任编辑：X"): stripped, repeatedly, from the start.
_ROLE_PREFIX = re.compile(
    r"^(?:(?:zeige |alle |view |see |all |more )*(?:beiträge|artikel|posts?|articles?|stories)"
    r" (?:von|by)|zum profil von|ein beitrag von|ein artikel von|blog ?beitrag von"
    r"|eingestellt von|gespeichert von|beitrag von|mehr von|posted by|written by|words by"
    r"|published by|verfasst von"
    r"|geschrieben von|publicado por|escrito por|escrita por|publié par|écrit par|scritto da"
    r"|napisał[a]?|autor(?:in|es|a)?|auteure?|author|by|von|par|por|di|door|av|af|text(?:e|o)?"
    r"|texte|tekst|testo"  # Dutch and Polish, Italian "text:" labels
    r"|interview|fotos?|photos?|bilder|redaktion(?:ell)?|reporter(?:in)?|editor|redakteur(?:in)?"
    r"|[\w-]+-(?:experte|expertin|autor|autorin|redakteur|redakteurin|korrespondent(?:in)?)"
    r"|责任编辑|编辑|作者|记者)\b\s*[:：]?\s*",
    re.IGNORECASE,
)
# Words that end a byline entry but are no part of the name: a date or time label, a share
# counter, a reading time ("Sara Z. Stand", "Amber G. Shares", "... Hace 3 horas",
# "Online-Redaktion Veröffentlicht", an "all posts by" link).
_TRAILING_NOISE = re.compile(
    r"\s+(?:(?:stand|aktualisiert|updated|veröffentlicht|published|publicado|publié|shares?"
    r"|hace|tiempo de lectura|lesezeit)\b"
    # an author box's link to the author's page after the name ("Martin J. Alles von
    # Martin J. Kontakt", "Anna K. View all posts by Anna K.")
    r"|(?:(?:view |see )?(?:alles|alle (?:beiträge|artikel)|all (?:posts|articles|stories)"
    r"|more|mehr) (?:von|by|from)\b)"
    # the author box's links after the name ("Tim A. Twitter", "Anna K. E-Mail")
    r"|(?:twitter|facebook|instagram|linkedin|e-?mail|kontakt|contact|follow)\b"
    # the agencies the reporter wrote with ("Anna K. mit dpa", "Marie D. avec AFP")
    r"|(?:mit|avec|con|com)\s+(?:material\s+(?:von|der)\s+)?(?:agenturen|agences|agencias"
    r"|agenzie|dpa|afp|ap|reuters|kna|epd|apa|efe|ansa|sda|lusa)\b"
    # a relative time whose number the author cleaning already took ("vor 5 Stunden")
    r"|vor(?:\s+(?:\d+\s*)?(?:sekunden|minuten|stunden|tagen|wochen|monaten|jahren))?\s*$"
    # short words ('am', 'le', 'do') are also name particles ('Loïc Le Clerc'): only when a
    # date or a time follows them
    r"|(?:am|on|le|el|mo|di|mi|do|fr|sa|so)\b\.?,?(?:\s+(?=\S*\d)|\s*$)).*$",
    re.IGNORECASE,
)
# An entry that is a label or a date word, not a person: what a byline box holds when it
# has no name ("Zuletzt geändert", "Publicado el", "Lundi", "Dezember", "AUTOR; IN"), or a
# button of the page read as one ("Posted", "Suche Erweiterte Suche", "Zur
# Artikelübersicht" linking to the author's page, "Alle Artikel", "View all posts").
_NOT_A_NAME = re.compile(
    r"^(?:zuletzt|publicado|published|posted|veröffentlicht|updated|aktualisiert"
    r"|suche|search|zu[mr]\s+\w*(?:übersicht|seite|profil|artikel|beiträge|autor)"
    r"|alle (?:artikel|beiträge)|all (?:posts|articles)|view (?:all|profile|more|posts)"
    r"|more (?:from|by|articles|posts)|mehr (?:von|artikel|beiträge)"
    r"|weitere (?:artikel|beiträge)"
    # the entry whole: a button, or a CMS's placeholder account ("Super User",
    # "Publisher"; Blogger's "Unknown" and "Anónimo" stay: the page shows them as the
    # byline); "Contributor: Jo Roe" is a label before a name
    r"|(?:follow|folgen|(?:super )?user|publisher|contributors?)$"
    # picture credits read as bylines ("Photograph by ...", "Cortesía", "Фото из ...")
    r"|photo(?:graph)?s? by|photo|foto|фото|cortesía|courtesy"
    # an article or preposition alone or before a lowercase word, or a lowercase "in"
    # ("in Politik" is the category label; "Der Spendenteddy" a pen name)
    r"|(?:in|el|la|le|der|die|das|the)(?=$|\s+(?-i:[a-zäöüéè]))|(?-i:in\s)"
    r"|admin|wordpressadmin|administrator|autor|author|datum|date|no author|stand"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember"
    r"|january|february|march|june|july|october|december|share|teilen)\b",
    re.IGNORECASE,
)
_PICTURE_CREDIT_LEAD = re.compile(r"^(?:photo(?:graph)?s?|fotos?|фото|image|bild)\b", re.I)
# Legal-form and outlet words: an entry carrying one names an organisation (the publisher
# that CMSs put next to the reporter), dropped when a person is named beside it.
_ORGANISATION = re.compile(
    r"\b(?:gmbh|ag|e\s?v|inc|ltd|llc|plc|s\.?a|média|media|verlag|verlagsgruppe|online|news"
    r"|zeitung|nachrichten|welle|tagespost|press|presse|agency|agentur|com|de|at|ch|org|net"
    # a publication's kind ("Auto Illustrierte", "Teen Vogue Magazine"): no person's surname
    r"|magazin|magazine|illustrierte|zeitschrift|revista|rivista)$",
    re.IGNORECASE,
)


# A newsroom rather than a person ("Redaktion", "Editorial Team", "Staff", "Redacción"):
# a byline when nobody else is named (the annotations keep it), dropped beside a person.
_STAFF = re.compile(
    r"^(?:die |the )?(?:redaktion|redacci[oó]n|r[ée]daction|redazione|editorial(?: team)?|editors?"
    r"|staff|team|newsroom|newsdesk|agenturen|agencies|agences|agencias|agenzie|agências)\b"
    r"|\b(?:redaktion|editorial team|staff)$",
    re.IGNORECASE,
)
# The name of an HTML entity left by a doubly escaped author string ("Redacci&oacute;n"),
# which trafilatura's author splitting cuts at '&' and ';' into 'Redacci; Oacute; N ...'.
_ENTITY_NAME = re.compile(
    r"^(?:[a-z](?:acute|grave|circ|uml|tilde|cedil|ring|slash)|szlig|amp|quot|nbsp|apos)$",
    re.IGNORECASE,
)
# A newsroom word directly before a name, without a colon ("Redaktion Polizeiticker",
# not "Redaktion: Eberhard F."): with the outlet's name after it, the whole is the byline.
_NEWSROOM_LEAD = re.compile(
    r"^(?:(?:von|by|por|par)\s+)?((?:redaktion|redacci[oó]n|r[ée]daction|redazione|newsroom)"
    r"\s+(?=\w))",
    re.IGNORECASE,
)
# Academic and professional degrees written as an entry of their own ("Grant T.; PhD").
_DEGREE = re.compile(r"^(?:ph\.?\s?d|m\.?d|dr|prof|msc|m\.?sc|ma|ba|mba|rd|rn|mph)\.?$",
                     re.IGNORECASE)


# A reporter's role written as a byline entry of its own, after the name ("Anna K.,
# Korrespondentin in Paris", "Tim A., Political Correspondent", "Ana R., corresponsal en
# Madrid", "Marie D., envoyée spéciale à Kiev"): role words, the words that qualify them,
# and a place after a preposition. No person's name is made of these words only.
_ROLE_WORD = re.compile(
    r"\w*(?:korrespondent|redakteur)(?:in)?|correspondent|corresponsal|correspondante?"
    r"|corrispondente|editor(?:a|in)?|éditeur|éditrice|rédact(?:eur|rice)|redatt(?:ore|rice)"
    r"|reporter(?:in|a)?|journalist(?:in)?|journaliste|periodista|giornalista"
    r"|dziennikar(?:z|ka)|columnist|kolumnist(?:in)?|chroniqueu(?:r|se)|writer|contributor"
    r"|mitarbeiter(?:in)?|volontär(?:in)?|envoyée?|inviat[oa]|enviad[oa]",
    re.IGNORECASE,
)
_ROLE_MODIFIERS = frozenset({
    "senior", "junior", "chief", "political", "politische", "politischer", "leitende",
    "leitender", "stellvertretende", "stellvertretender", "freie", "freier", "freelance",
    "staff", "special", "spécial", "spéciale", "especial", "speciale", "deputy", "managing",
    "executive", "foreign", "contributing", "associate", "assistant", "news", "sports",
    "business", "science", "features", "digital", "online", "the", "our", "unser", "unsere",
})
_PLACE_AFTER_ROLE = re.compile(r"\s+(?:in|en|à|a|au|aux|für|for|at|aus|de|di|da|w|we)\s.*$",
                               re.IGNORECASE)


def _is_role(entry: str) -> bool:
    words = _PLACE_AFTER_ROLE.sub("", entry).split()
    return any(_ROLE_WORD.fullmatch(w) for w in words) and all(
        _ROLE_WORD.fullmatch(w) or w.casefold() in _ROLE_MODIFIERS for w in words)


def clean_author_name(name: str) -> str | None:
    """One byline entry without role words and trailing labels; None when no name is left."""
    name = " ".join(name.split()).strip(" ,;:|-–—·•")
    whole = name
    for _ in range(3):  # "Text: Interview: Harald W." -- a few stacked roles at most
        stripped = _ROLE_PREFIX.sub("", name, count=1)
        if stripped == name:
            break
        name = stripped
    if not name.strip(" ,;:|-–—·•") and _STAFF.search(whole):
        return whole  # "Redaktion" is a role word before a name, and a byline on its own
    name = _TRAILING_NOISE.sub("", name).strip(" ,;:|-–—·•")
    if not name or len(name) < 2 or _NOT_A_NAME.match(name) or len(name.split()) > (
            MAX_INSTITUTION_WORDS if _INSTITUTION.search(name) else 6):
        return None
    if _DEGREE.match(name):
        return None
    words = name.split()
    if len(words) % 2 == 0 and words[: len(words) // 2] == words[len(words) // 2:]:
        name = " ".join(words[: len(words) // 2])  # "jesusfreak jesusfreak": alt text + name
    if any(ch.isdigit() for ch in name):
        return None  # a date or a counter, never a name
    return name


# A reporter's outlet and role after the name ("Adam Aaronson PhillyVoice Staff").
_OUTLET_STAFF = re.compile(r"\s+(\S+)\s+(?:staff(?: writer| reporter)?|contributor|correspondent)$",
                           re.I)
# "<meta name=author content='unocero - Alberto Ávila'>": the outlet, a dash, the reporter.
# trafilatura's normaliser keeps what stands before a dash (a name's suffix often follows
# one), which here is the outlet.
_AUTHOR_META_DASH = re.compile(r"\s+[-–—|]\s+")


def outlet_dash_author(tree: HtmlElement, outlet_names: set[str]) -> str | None:
    """The reporter of an author meta tag written "<outlet> - <name>", else None."""
    meta = tree.find(".//meta[@name='author']")
    content = (meta.get("content") or "") if meta is not None else ""
    parts = _AUTHOR_META_DASH.split(content.strip())
    if len(parts) == 2 and _is_outlet(parts[0], outlet_names):
        name = clean_author_name(parts[1])
        if name and is_person(name, outlet_names):  # not the publisher's full name
            return normalize_authors(None, parts[1])
    return None


def _is_outlet(name: str, outlet_names: set[str]) -> bool:
    """The entry names the publication itself (site name, publisher or domain label)."""
    sq = _squash(name)
    return bool(sq) and any(len(o) >= 3 and (sq == o or sq in o or o in sq) for o in outlet_names)


# An institution's name: words joined by "für", "of", "for"... ("Bayerische Landesanstalt
# für Wald und Forstwirtschaft", "Ministry of Health"); a person's name has no such word.
_INSTITUTION = re.compile(r"\w\s+(?:für|of|for|pour|per)\s+\w", re.I)
MAX_INSTITUTION_WORDS = 10  # "Eidgenössisches Departement für Wirtschaft, Bildung und ..."


def _rejoin_institution(parts: list[str]) -> list[str]:
    """An institution's name that trafilatura's normaliser split at its commas and
    "und"/"and" ("Landesanstalt für Wald; Forstwirtschaft", "Departement für Wirtschaft;
    Bildung; Forschung WBF"), joined again: its last words are no author."""
    out: list[str] = []
    for part in parts:
        words = part.split()
        if out and _INSTITUTION.search(out[-1]) and (
                len(words) == 1 or (len(words) == 2 and words[1].isupper())):
            # one word, or one and the institution's acronym: no person's name
            out[-1] = f"{out[-1].rstrip()} und {part.strip()}"
        else:
            out.append(part)
    return out


# "and" in the languages trafilatura's author splitting does not know (it splits "and",
# "und", commas): "Marie D. et Paul M.", "Ana R. y Pedro G.", "Marco R. e Luca B.", "Jan K.
# i Anna N.", "Jan de V. en Piet B.", nb/da "og", sv "och", fi "ja", ru "и"
_OTHER_JOINS = re.compile(r"\s+(?:et|y|e|i|en|og|och|ja|и|oraz)\s+")


def _split_joined(part: str) -> list[str]:
    """A byline entry joined by another language's "and", as its names, when each side is
    a name of two words or more starting with a capital ("José Ortega y Gasset" is one
    person's name: one word after the "y")."""
    pieces = _OTHER_JOINS.split(part.strip())
    if len(pieces) > 1 and all(len(p.split()) >= 2 and p[:1].isupper() for p in pieces):
        return pieces
    return [part]


def clean_authors(raw: str | None, outlet_names: set[str]) -> list[str]:
    """The person names of a 'A; B' author string: role words stripped, labels dropped,
    duplicates merged, and outlet / organisation names dropped when a person remains.

    Newsrooms put the publisher beside the reporter ("El Espectador; Felipe Morales") and
    syndication lists the site itself: neither is an author of the text. When only an
    outlet is named (agency copy, a press office), that name stays: it is the byline.
    """
    parts = _rejoin_institution(
        [piece for part in (raw.split(";") if raw else []) for piece in _split_joined(part)])
    if parts and _PICTURE_CREDIT_LEAD.match(parts[0].strip()):
        return []  # "Photograph by Ed M.; Redonda Restoration Programme": one credit, split
    if any(_ENTITY_NAME.match(part.strip()) for part in parts):
        return []  # 'Redacci&oacute;n' cut at '&' and ';': the names are lost, not just one
    names: list[str] = []
    for part in parts:
        staff = _OUTLET_STAFF.search(part)
        if staff and _is_outlet(staff[1], outlet_names):
            part = part[:staff.start()]  # "Adam Aaronson PhillyVoice Staff": the outlet's role
        name = clean_author_name(part)
        lead = _NEWSROOM_LEAD.match(part.strip())
        if name and lead and _is_outlet(name, outlet_names):
            # "Redaktion Polizeiticker Schweiz": the newsroom's name, not a role before one
            name = " ".join(part.split())[lead.start(1):]
        if name and _squash(name) not in {_squash(n) for n in names}:
            names.append(name)
    people = [n for n in names if is_person(n, outlet_names)]
    if not any(len(p.split()) >= 2 for p in people):
        # no reporter's full name: an agency credit is the byline, before the outlet, and
        # beside a desk's initials ("det/dpa") it is one of the credits
        people = [n for n in names if is_person(n, outlet_names) or _is_agency(n)]
    return people or names[:1]


# The most co-authors a byline that replaces or extends the recorded authors may name: a
# class="author" element with more entries is a category list or a teaser more often than
# a team of reporters ("Clara L., Siddharth P. & Klaus J." is three).
MAX_BYLINE_NAMES = 3


def _names_of_people(names: list[str], outlet_names: set[str]) -> bool:
    """One to MAX_BYLINE_NAMES entries of 2-4 words, none an outlet or newsroom: what a
    byline that replaces the outlet named in the meta tags must look like (a class="author"
    element sometimes holds a category list or a teaser instead)."""
    return 0 < len(names) <= MAX_BYLINE_NAMES and all(
        2 <= len(n.split()) <= 4 and is_person(n, outlet_names) for n in names
    )


def _byline_refines(recorded: list[str], shown: list[str]) -> bool:
    """The byline shown on the page says more precisely who the recorded authors are: some
    of several recorded names (the others are the publisher or a photographer: "Condé
    Nast; Fiona B.; Mariam H." shown as "Fiona B., Mariam H."), or one recorded word
    spelled out ("Todd" shown as "Todd Bates", "arianschlichenmayer" as "Arian S.")."""
    rec = [_squash(n) for n in recorded]
    got = [_squash(n) for n in shown]
    if len(recorded) >= 2:
        return 2 <= len(got) < len(rec) and all(g in rec for g in got)
    word = rec[0]
    return len(got) == 1 and len(shown[0].split()) >= 2 and len(word) >= 3 and (
        got[0] == word or got[0].startswith(word))


def _surname(name: str) -> str:
    return _squash(name.split()[-1]) if name.split() else ""


def _byline_adds_coauthors(recorded: list[str], shown: list[str], outlets: set[str]) -> bool:
    """The byline shown names the one recorded author and co-authors besides: CMSs record
    the account that filed the story ('Rudolf Fischer') where the page credits the team
    ('von Rudolf Fischer, Simon Kohler'). The recorded name is found by its surname, which
    the byline may write with initials ('E. Barreneche / J. I. da Silva')."""
    if len(recorded) != 1 or " " not in recorded[0] or len(shown) < 2:
        return False
    return _names_of_people(shown, outlets) and _surname(recorded[0]) in {
        _surname(n) for n in shown}


def _byline_backs_the_tags(tagged: list[str], recorded: list[str], shown: list[str],
                           outlets: set[str]) -> bool:
    """The byline shown names people the meta tags name too, and none of those the JSON-LD
    record put in their place: the record names the account that filed the story (wsvn:
    tags "Jessica Holly; Gail Levy; Kathleen Ditton", JSON-LD "Kathleen Ditton", the page
    "By Jessica Holly, Gail Levy")."""
    if recorded == tagged or not _names_of_people(shown, outlets):
        return False
    tags = {_squash(n) for n in tagged}
    got = {_squash(n) for n in shown}
    return got <= tags and not got & {_squash(n) for n in recorded}


def is_person(name: str, outlet_names: set[str]) -> bool:
    """Not the outlet, an organisation, a newsroom, a news agency or a reporter's role
    ("Korrespondentin in Paris"): a byline entry naming a person."""
    return not (
        _is_outlet(name, outlet_names) or _ORGANISATION.search(name) or _STAFF.search(name)
        or _INSTITUTION.search(name) or _is_agency(name) or _is_role(name)
    )


def _is_agency(name: str) -> bool:
    return _folded(name) in _AGENCY_NAMES


def _load_agency_names() -> frozenset[str]:
    """Every spelling of a news agency (tasks/common/data/wire_agencies.tsv, shared with
    the enrich stage's wire credits), folded: 'Anna K.; Dpa' names one reporter."""
    text = resources.files("tasks.common").joinpath("data/wire_agencies.tsv").read_text(
        "utf-8")
    return frozenset(_folded(spelling) for line in text.splitlines()
                     if line.strip() and not line.startswith("#")
                     for spelling in line.split("\t")[1].split("|"))


_AGENCY_NAMES = _load_agency_names()


# Labels of the "twitter:labelN / twitter:dataN" pairs WordPress SEO plugins write, in the
# site's language ("Written by" / "Verfasst von" / "Écrit par" ...), naming the author.
_AUTHOR_LABEL = re.compile(
    r"^(?:written by|verfasst von|geschrieben von|écrit par|escrito por|scritto da|autor|author"
    r"|auteur)$",
    re.IGNORECASE,
)


def labelled_author(tree: HtmlElement) -> str | None:
    """The author of a 'twitter:labelN' = 'Written by', 'twitter:dataN' = name pair."""
    labels: dict[str, str] = {}
    for meta in tree.iterfind(".//meta[@name][@content]"):
        key = meta.get("name", "")
        if key.startswith("twitter:label") and _AUTHOR_LABEL.match(meta.get("content").strip()):
            labels[key[len("twitter:label"):]] = ""
        elif key.startswith("twitter:data") and key[len("twitter:data"):] in labels:
            return meta.get("content").strip() or None
    return None


def outlet_names(site_name: str | None, url: str | None) -> set[str]:
    """Squashed names the publication goes by: its site name and its domain's labels."""
    names = {_squash(site_name)} if site_name else set()
    host = urlsplit(url).hostname or "" if url else ""
    labels = [lab for lab in host.split(".") if lab not in ("www", "m", "amp")]
    if len(labels) >= 2:
        names.add(_squash(labels[-2]))  # 'autozeitung' of www.autozeitung.de
        names.add(_squash(".".join(labels[-2:])))
    names.discard("")
    return names


# The comment form's and the comment list's headings ("Write a Reply or Comment", "One
# Comment"): trafilatura's title guess takes any h1-h3 whose class or id says "title", and
# WordPress themes give them "comment-reply-title" / id "reply-title".
_COMMENT_HEADINGS = XPath(
    "//*[self::h1 or self::h2 or self::h3][contains(@id, 'reply') or contains(@id, 'respond')"
    " or contains(@id, 'comment') or contains(@class, 'comment') or contains(@class, 'reply')]"
)


def _guessed_title(tree: HtmlElement, doc_title: str | None) -> str | None:
    """trafilatura's title guess (a lone <h1>, a heading classed as a title, the <title>),
    unless it is a comment section's heading: then the <title>."""
    guess = extract_title(tree)
    if not doc_title:  # a <title> the parser left in <body>; an icon's <svg><title> is none
        doc_title = next((t.text for t in tree.iter("title") if t.text and not any(
            a.tag == "svg" for a in t.iterancestors())), None)
    if guess and doc_title and any(
            _element_text(h) == guess or trim(h.text or "") == guess
            for h in _COMMENT_HEADINGS(tree)):
        return doc_title
    return guess


_NO_TEXT_TAGS = frozenset({"style", "script", "noscript", "template"})


def _element_text(elem: HtmlElement) -> str:
    """The element's words: its text without what <style> or <script> inside it holds."""
    if not any(d.tag in _NO_TEXT_TAGS for d in elem.iterdescendants()):
        return trim(" ".join(elem.itertext()))
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        parts.append(node.text or "")
        for child in node:
            if isinstance(child.tag, str) and child.tag not in _NO_TEXT_TAGS:
                walk(child)
            parts.append(child.tail or "")

    walk(elem)
    return trim(" ".join(parts))


# Parts of an <h1> that are not the headline: the kicker or roofline above it ("Klimaschutz",
# "Nach Corona-Lockerungen"), a subtitle below it, a date, a section label, and text hidden
# for screen readers (": "). News CMSs mark them with classes like these; the reader sees
# them styled apart from the headline, and declared titles often drop them.
_HEADLINE_EXTRA = re.compile(
    r"kicker|roofline|topline|toptitle|pretitle|surtitle|dachzeile|overline|supertitle"
    r"|subtitle|sub-?headline|sub-?heading|subline"
    r"|eyebrow|topic|label|rubri|category|section|date|time|small|hidden|invisible|sr-only"
    r"|aural|screen-reader",
    re.I,
)
_EDGE_SEPARATORS = " :|-–—·•,;"


_INVISIBLE_IN_TITLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_HIDDEN_SEPARATORS = frozenset({":", "-", "–", "—", "|"})
_SEPARATOR_MARK = "\x00"


def headline_text(h1: HtmlElement) -> str:
    """The headline's own words: the <h1> text without its kicker, subtitle, date or
    hidden parts (elements marked so by tag or class), when something is left."""
    parts: list[str] = []
    dropped = _own_text(h1, parts)
    if dropped:
        own = trim(" ".join(parts)).strip(_EDGE_SEPARATORS)
        if _SEPARATOR_MARK in parts:
            # "<span>Kicker</span><span class='sr-only'>: </span><span>Headline</span>":
            # before a separator written for screen readers only stands a kicker, unless
            # nothing follows it (then the kicker or topic line is what follows)
            after = parts[len(parts) - parts[::-1].index(_SEPARATOR_MARK):]
            headline = trim(" ".join(after)).strip(_EDGE_SEPARATORS)
            own = headline or own
        own = own.replace(_SEPARATOR_MARK, "").strip(_EDGE_SEPARATORS)
        if own:
            return own
    return _element_text(h1)


def _own_text(elem: HtmlElement, parts: list[str]) -> bool:
    """Append the text of `elem` minus its marked descendants; True if any was left out."""
    parts.append(elem.text or "")
    dropped = False
    for child in elem:
        if child.tag == "ruby":
            # Japanese readings over the characters (<ruby>子<rt>こ</rt></ruby>どもへの): the
            # characters alone, run on with the text around them as the page shows them
            base = (child.text or "") + "".join(
                (c.tail or "") if c.tag in ("rt", "rp") else _element_text(c) + (c.tail or "")
                for c in child if isinstance(c.tag, str))
            parts[-1] += base + (child.tail or "")
            dropped = True
            continue
        if not isinstance(child.tag, str) or child.tag in _NO_TEXT_TAGS:
            # a comment, or the <style> a CSS-in-JS page renders inside the heading
            # (".css-umyvef{font-size:16px;...}Medienmitteilung ..."): no words of it
            dropped = True
        elif (not len(child) and (child.text or "").strip() in _HIDDEN_SEPARATORS
              and child.tag == "span"):
            # a separator in an element of its own, between a kicker and the headline:
            # hidden by a hashed CSS-in-JS class ('<span class="css-1ftw2zb">:</span>')
            dropped = True
            parts.append(_SEPARATOR_MARK)
        elif (
            child.tag in ("small", "time", "sup")
            or _HEADLINE_EXTRA.search(f"{child.get('class', '')} {child.get('id', '')}")
        ):
            dropped = True
            if (child.text_content() or "").strip() in _HIDDEN_SEPARATORS:
                parts.append(_SEPARATOR_MARK)
        else:
            dropped = _own_text(child, parts) or dropped
        parts.append(child.tail or "")
    return dropped


def _token_f1(a: str, b: str) -> float:
    """Overlap of the two strings' word sets (Dice coefficient), case-insensitive."""
    ta, tb = set(_TITLE_WORDS.findall(a.casefold())), set(_TITLE_WORDS.findall(b.casefold()))
    if not ta or not tb:
        return 0.0
    return 2 * len(ta & tb) / (len(ta) + len(tb))


def _agreement(heading: str, ref: str) -> float:
    """How well a heading agrees with a declared title: their word overlap (Dice), and at
    least HEADLINE_MIN_OVERLAP when every word of a heading of 3 words or more is in the
    declared title: the headline of a '<headline> - <subtitle> : <site>' title, whose
    Dice falls under the bar when the subtitle is long."""
    dice = _token_f1(heading, ref)
    words = set(_TITLE_WORDS.findall(heading.casefold()))
    if len(words) >= 3 and words <= set(_TITLE_WORDS.findall(ref.casefold())):
        return max(dice, HEADLINE_MIN_OVERLAP)
    return dice


def _is_home_link(h1: HtmlElement) -> bool:
    """The <h1> is one link to the site's front page: the logo or site name of themes that
    put it in an <h1> ('<h1><a href="https://blog.example/">Blog name</a></h1>')."""
    links = list(h1.iter("a"))
    if len(links) != 1 or (h1.text or "").strip() or (links[0].tail or "").strip():
        return False
    href = links[0].get("href")
    if href is None:  # an anchor (`<a name="top">`) around the headline links nowhere
        return False
    parts = url_parts(href)
    return (parts is not None and parts.path in ("", "/") and not parts.query
            and not parts.fragment)


def choose_headline(
    tree: HtmlElement, references: list[str | None], outlets: set[str]
) -> HtmlElement | None:
    """The page's visible headline: the <h1> that best agrees with the page's declared
    titles (og:title / JSON-LD headline, <title>), when one agrees well enough.

    The declared titles carry SEO variants, kickers and the site name ("Klimaschutz:
    Bohren ... | ZEIT ONLINE"); the <h1> is what the reader sees as the headline, but pages
    also use <h1> for the logo or section name, so an <h1> is taken only when it shares
    enough words with a declared title (HEADLINE_MIN_OVERLAP). Dev corpus (845 annotated
    titles): the annotated title equals some <h1> on 654 pages and the cleaned og:title on
    547; this choice gives 0.82 in each half against 0.74 for the cleaned og:title alone.
    """
    refs = [r for r in references if r and r.strip()]
    if not refs:
        return None
    for level in ("h1", "h2", "h3"):
        # an <h2> (<h3>) only when no <h1> (<h2>) agrees: themes that give the <h1> to the
        # site's name set the post's title in a lower heading
        best, best_score = None, 0.0
        for h in tree.iter(level):
            text = _element_text(h)
            if not text or len(text) > 300 or (_squash(text) in outlets) or _is_home_link(h):
                continue  # empty, a paragraph in a heading, or the site's logo
            if _is_logo(h):
                continue
            score = max(_agreement(text, ref) for ref in refs)
            if score > best_score:
                best, best_score = h, score
        if best_score >= HEADLINE_MIN_OVERLAP:
            return best
    only = sole_h1(tree, outlets)
    return only if only is not None else titled_element(tree, refs, outlets)


# Elements a template classes as the story's title ('article-title', 'headline',
# 'entry-title', 'story__title'): where no heading holds the headline, one of them does
# ("<div class=lead-title>...</div>"), and the byline and date sit beside it.
_TITLED = XPath("//@class[contains(., 'title') or contains(., 'headline')"
                " or contains(., 'Title') or contains(., 'Headline')]/..")
_TITLE_ELEMENT_TAGS = frozenset({"div", "p", "span", "strong", "header", "h4", "h5", "h6"})


def titled_element(tree: HtmlElement, refs: list[str], outlets: set[str]) -> HtmlElement | None:
    """The element classed as a title whose text best agrees with a declared title (at
    least HEADLINE_MIN_OVERLAP), outside the page's frame: the headline of pages that set
    it in no heading."""
    best, best_score = None, 0.0
    for elem in _TITLED(tree)[:50]:
        if elem.tag not in _TITLE_ELEMENT_TAGS or len(elem) > 3:
            continue  # a block that holds more than a line of text is no headline
        text = _element_text(elem)
        if not text or len(text) > 300 or _is_outlet(text, outlets) or _is_page_furniture(elem):
            continue  # (the site's name, whole or in part, is no headline)
        score = max(_agreement(text, ref) for ref in refs)
        if score > best_score:
            best, best_score = elem, score
    return best if best_score >= HEADLINE_MIN_OVERLAP else None


# Headings that are no article's headline: the site's logo or name ('site-title',
# 'logo', 'branding'), text for screen readers only ('sr-only', 'screen-reader-text',
# 'aural', 'visually-hidden'), a breadcrumb trail's last item, and the headings of
# comments, sidebars, teasers, newsletter boxes and the page footer.
_NOT_HEADLINE = re.compile(
    r"logo|brand|site-?title|site-?name|masthead|sr-only|screen-?reader|aural|visually-?hidden"
    r"|visuallyhidden|element-invisible|text-hide|breadcrumb|comment|sidebar|related|teaser"
    r"|recommend|widget|newsletter|footer",
    re.I,
)


def _is_page_furniture(h: HtmlElement) -> bool:
    """A heading of the page's frame, not of its article: a form's, a menu's or a
    sidebar's, a logo, a screen-reader label, a breadcrumb, one in a teaser or newsletter
    box (the heading itself and its ancestors up to the body)."""
    for node in (h, *h.iterancestors()):
        if node.tag in ("body", "html"):
            return False
        if node.tag in ("form", "nav", "aside"):
            return True
        attrs = f"{node.get('class', '')} {node.get('id', '')}"
        if attrs.strip() and _NOT_HEADLINE.search(attrs):
            return True
    return False


_LOGO = re.compile(r"logo|brand|site-?title|site-?name|masthead", re.I)


def _is_logo(h: HtmlElement) -> bool:
    """The heading or its parent is classed as the site's logo or name."""
    for node in (h, h.getparent()):
        if node is not None and _LOGO.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
    return False


def content_headings(tree: HtmlElement, level: str, outlets: set[str]) -> list[HtmlElement]:
    """The <h1>s (or other `level`) of the page that may be its headline: not empty, not
    the site's name or logo, not a heading of the page's frame (_is_page_furniture)."""
    out = []
    for h in tree.iter(level):
        text = _element_text(h)
        if not text or len(text) > 300 or _squash(text) in outlets or _is_home_link(h):
            continue
        if not _is_page_furniture(h):
            out.append(h)
    return out


def sole_h1(tree: HtmlElement, outlets: set[str]) -> HtmlElement | None:
    """The page's only content <h1> (with none, its only content <h2>): the headline of
    pages whose declared titles are a season's SEO slogan or the site's name ("Christmas
    Gift Guide | Journelles", ".:: NMB-MEDIA ::. eBay-Templates"). Logos, screen-reader
    labels, newsletter boxes and menus do not count (content_headings)."""
    if tree.find(".//h1") is not None:
        h1s = content_headings(tree, "h1", outlets)
    else:
        h1s = content_headings(tree, "h2", outlets)
    return h1s[0] if len(h1s) == 1 else None


def _split_list(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        for part in v.split(","):
            part = part.strip()
            # a "tag" of a whole paragraph is keyword stuffing, no label of the story
            if part and len(part) <= MAX_LABEL_CHARS and part not in out:
                out.append(part)
    return out


# Dates as htmldate reads them (ISO and numeric forms, English, French and German month
# words), for the days it may have read as the first of their month (_from_impossible_day).
_NUMERIC_YEAR_FIRST = re.compile(r"(?<!\d)((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_NUMERIC_YEAR_LAST = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d{2})(?!\d)")
_WORD_MONTH_LAST = re.compile(
    r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:of\s+)?([^\W\d_]{3,})\.?,?\s+((?:19|20)\d{2})(?!\d)",
    re.IGNORECASE)
_WORD_MONTH_FIRST = re.compile(
    r"([^\W\d_]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})(?!\d)", re.IGNORECASE)
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
    parts = [t for t in tree.itertext() if isinstance(t, str)]
    parts += [v for el in tree.iter() for v in el.attrib.values()]
    months, days = _impossible_days(" ".join(parts), year)
    if (month, 1) in days:
        return False
    return month in months or (month == 1 and bool(months))


def _htmldate(tree: HtmlElement, url: str | None, now: datetime, extensive: bool) -> str | None:
    """htmldate's guess from the visible page, unless it is the first of a month read
    from a day the month does not have (`_from_impossible_day`: no date, not a wrong one).

    The extensive search (free-text date patterns through dateparser) is a second pass for
    pages where the fast one found nothing. On the dev corpus it runs on ~13% of pages and
    lifts date accuracy from 0.80 to 0.85, but costs ~11 ms per such page in steady state
    (plus ~3 s of dateparser warm-up per process): ~8% of the stage's time, which breaks
    the speed budget. Off by default; `extract_extensive_dates` turns it on.
    """
    found = find_date(
        tree, extensive_search=extensive, original_date=True, url=url,
        max_date=(now + FUTURE_TOLERANCE).strftime("%Y-%m-%d"),
    )
    return None if found and _from_impossible_day(tree, found) else found


def _against_base(tree: HtmlElement, url: str | None, ref: str | None) -> str | None:
    """A relative canonical or og:url resolved as a browser resolves it: against the
    page's first `<base href>` (`base_url_of`), else left for the caller to join with the
    page's address. A CMS serving one template at several paths (`/amp/x`, `/print/x`)
    names its folder there: joined with the page's address, `href="story.html"` named a
    page that does not exist, its id the article's."""
    if not ref or not url:
        return ref
    first_base = next(tree.iterfind(".//base[@href]"), None)
    base_url = base_url_of(url, first_base.get("href")) if first_base is not None else None
    return (joined_url(base_url, ref) or ref) if base_url else ref


def page_metadata(
    tree: HtmlElement,
    url: str | None,
    *,
    hint_published_at: datetime | None = None,
    hint_published_source: str | None = None,
    now: datetime | None = None,
    extensive_dates: bool = False,
    archived: bool = False,
) -> PageMetadata:
    """Title, authors, date (+ provenance, alternatives, flags), site, tags... of a page.

    `tree` is not modified. `now` is the fetch time (future-date check), default utcnow;
    `archived` says it is a WARC record's date, a weak last-resort claim (source 'warc').
    """
    fetched = as_utc(now) if now is not None else None
    now = fetched or datetime.now(UTC)
    md = examine_meta(tree)
    try:
        md = extract_meta_json(tree, md)
    except Exception:  # noqa: BLE001 -- trafilatura's own code guards this the same way
        pass
    site_name = md.sitename or extract_sitename(tree) or None
    # trafilatura's extract_sitename guesses from a "<title>" segment, sometimes the headline
    # half of it ("Vegetarier zu sein. Bedarf, Trend ... | Ethify"): a guess that long is
    # no outlet name, and taken as one it would hide the real <h1>
    outlets = outlet_names(
        site_name if md.sitename or len((site_name or "").split()) <= 4 else None, url
    )
    doc_title = tree.findtext(".//head/title")
    headline = choose_headline(tree, [md.title, doc_title], outlets)
    if headline is not None:
        title = headline_text(headline)
        if doc_title and " ".join(title.split()) == " ".join(doc_title.split()):
            # an <h1> that copies the whole <title> (a hidden one for screen readers)
            # carries its site-name segment too; other <h1>s keep theirs ("Welpen kaufen –
            # Tipps ...": a site-like first segment of a real headline, held half)
            title = drop_site_segment(title, outlets)
    else:
        title = clean_title(md.title or _guessed_title(tree, doc_title), site_name, url)
    if title:
        # soft hyphens and zero-width marks the CMS put in for line breaking
        # ("Mes\xadsen\xadger\xaddiens\xadte"): invisible on the page, in the way of
        # every search and comparison of the title
        title = _INVISIBLE_IN_TITLE.sub("", title) or None
    # meta tags and JSON-LD first (the CMS's own record), then the byline in the page
    raw_authors = outlet_dash_author(tree, outlets) or md.author or labelled_author(tree)
    authors = tagged = clean_authors(raw_authors, outlets)
    names = jsonld_authors(tree)
    recorded = clean_authors(normalize_authors(None, "; ".join(names)), outlets) if names else []
    if recorded and any(is_person(a, outlets) for a in recorded) and (
            {_squash(a) for a in recorded} != {_squash(a) for a in authors}):
        # the article's own structured record names its authors; a <meta name=author>
        # beside it often names the publisher or the site's owner
        authors = recorded
    if AUTHOR_SEARCH and not any(is_person(a, outlets) for a in authors):
        # nobody, or only the outlet / a newsroom: the byline in the page may name the person
        # each place in turn until one names somebody once cleaned: a byline box holding
        # only labels ("Datum", "Veröffentlicht") does not hide the written byline
        outlet_only: list[str] = []
        for search in (lambda: find_byline_author(tree, headline),
                       lambda: text_byline(headline, _in_other_area),
                       lambda: credit_byline(headline, _in_other_area),
                       lambda: paragraph_byline(tree, _in_other_area),
                       lambda: submitted_byline(tree, _in_other_area),
                       lambda: labelled_byline(tree, _in_other_area),
                       lambda: signature_byline(tree, _in_other_area),
                       lambda: wire_credit(tree, _in_other_area),
                       lambda: author_link_byline(tree, headline),
                       lambda: post_author_login(tree)):
            found = clean_authors(search(), outlets)
            if found and not all(_is_outlet(a, outlets) for a in found):
                break
            # a byline naming only the site itself ("The Planetary Press" in the author
            # box, "Written by: Julie Mollins" in the text) says no more than its name:
            # the next place may name the writer, else it stands
            outlet_only = outlet_only or found
        else:
            found = outlet_only
        if found and (not authors or _names_of_people(found, outlets)):
            authors = found
    elif AUTHOR_SEARCH:
        # the page's byline may say which of several recorded names wrote it, spell out a
        # single recorded word, or name the co-authors a one-name record leaves out
        shown = clean_authors(find_byline_author(tree, headline), outlets)
        refinable = len(authors) >= 2 or (len(authors) == 1 and " " not in authors[0])
        if not shown and len(authors) == 1 and " " not in authors[0]:
            # a single recorded word: a label/value byline may spell it out (rare: cheap)
            shown = clean_authors(labelled_byline(tree, _in_other_area), outlets)
        if shown and ((refinable and _byline_refines(authors, shown))
                      or _byline_adds_coauthors(authors, shown, outlets)
                      or _byline_backs_the_tags(tagged, authors, shown, outlets)):
            authors = shown

    # the string the authors were cleaned from, if they still are its: a link that spells
    # it whole restores a name the normaliser split; once JSON-LD or the byline replaced
    # them, a link spelling the meta tag's value ("Stefanus") would undo that
    authors = author_link_spelling(tree, authors, raw_authors if authors == clean_authors(
        raw_authors, outlets) else None)

    root = tree.getroottree().getroot()
    lang = (root.get("lang") or root.get("xml:lang") or "").strip() or None
    locale = tree.find(".//meta[@property='og:locale']")
    # read once: date_candidates sorts revision stamps by it, and it is kept as modified_at
    recorded_change = modified_date(tree)
    locale_value = locale.get("content") if locale is not None else None
    day_first = reads_day_first((lang, locale_value))
    candidates = in_page_zone(
        date_candidates(tree, url, hint_published_at, hint_published_source, headline,
                        fetched, modified=recorded_change, day_first=day_first),
        page_zone(url, (locale_value, lang)))
    chosen, flags = choose_date(candidates, now)
    if chosen is not None and _day_vote(chosen, candidates) < LABELLED_DATE_WEIGHT:
        # only a weak claim (a bare "date" meta, JSON-LD alone, a date far from the
        # headline): the date the page labels as its publication's is the stronger one
        day = labelled_date(tree, (now + FUTURE_TOLERANCE).date(), day_first)
        if day is not None and day != chosen.day:
            candidates.append(DateCandidate(
                "text", datetime(day.year, day.month, day.day, tzinfo=UTC), day,
                weight=LABELLED_DATE_WEIGHT))
            chosen, flags = choose_date(candidates, now)
    refused = chosen is None and "future" in flags
    if (chosen is None and not refused) or (
            chosen is not None and chosen.source in NON_VOTING_SOURCES):
        # (a page whose own record dates it after the fetch is refused, not guessed at:
        # a comment's, a teaser's or a copyright line's date would stand in for it)
        # a date the page labels as its publication's ("Erschienen am: 01.11.2023"), then
        # htmldate's fast mode: it reads the visible page when nothing structured exists
        # (a lastmod or the server's clock only bounds the publication: a guess goes first)
        latest = (now + FUTURE_TOLERANCE).date()
        # htmldate reads the meta tags too: the server clock's day from it is no guess
        clock_day = chosen.day.isoformat() if chosen and chosen.source == "fetch_time" else None
        day = (labelled_date(tree, latest, day_first)
               or dateline_date(tree, latest, _in_other_area, day_first)
               or post_date_field(tree, latest, _in_other_area, day_first)
               or bylined_date(tree, latest, _in_byline_card_or_other_area, day_first))
        found, source = (day.isoformat() if day else None), "text"
        if not found:
            found, source = _htmldate(tree, url, now, extensive=False), "htmldate"
            found = None if found == clock_day else found
        if not found:
            # the first full date written in the page's text: a low-confidence guess
            day = first_text_date(tree, (now + FUTURE_TOLERANCE).date(), day_first)
            found, source = (day.isoformat() if day else None), "text"
        if not found and fetched is not None:
            # "vor 3 Stunden" beside the headline: a day only against the fetch time, so
            # the last resort, and only when the caller says when the page was fetched
            instant = relative_date(headline, _in_other_area, fetched)
            found, source = (instant.isoformat() if instant else None), "relative"
        if not found and extensive_dates:
            found, source = _htmldate(tree, url, now, extensive=True), "htmldate"
            found = None if found == clock_day else found
        if found:
            chosen = DateCandidate(source, parse_date(found))
            candidates.append(chosen)
    if archived and fetched is not None:
        candidates.append(DateCandidate("warc", fetched))
        chosen = chosen or candidates[-1]
    modified = recorded_change
    if modified is not None and (
        modified > now + FUTURE_TOLERANCE or (chosen is not None and modified < chosen.value)
    ):
        modified = None  # a future or pre-publication "update" is a template artefact

    canonical = None
    for link in tree.iterfind(".//link[@rel]"):
        if link.get("rel", "").lower() == "canonical" and link.get("href"):
            canonical = trim_url(link.get("href")) or None
            break
    og_type = None
    for meta in tree.iterfind(".//meta[@property='og:type']"):
        og_type = (meta.get("content") or "").strip().lower() or None
        break

    return PageMetadata(
        title=capped_text(title, MAX_TITLE_CHARS) or None,
        authors=authors,
        published_at=chosen.value if chosen else None,
        published_at_source=chosen.source if chosen else None,
        published_date=chosen.day if chosen else None,
        published_at_confidence=date_confidence(chosen, candidates, now),
        modified_at=modified,
        date_candidates=candidates,
        date_flags=flags,
        site_name=capped_text(site_name, MAX_LABEL_CHARS),
        description=capped_text(md.description, MAX_DESCRIPTION_CHARS) or None,
        categories=_split_list(md.categories),
        tags=_split_list(md.tags),
        top_image=md.image or None,
        canonical_url=_against_base(tree, url, canonical or md.url or None),
        html_lang=lang,
        page_type=og_type or md.pagetype or None,
    )
