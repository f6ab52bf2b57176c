"""RSS 2.0 / RSS 1.0 / Atom / JSON Feed -> article URLs with a title and a publication hint.

feedparser does the format work (RSS and Atom dialects, date formats, entities, relative
links, character sets). It reads XML only: JSON Feed (jsonfeed.org 1.0 and 1.1, served by
WordPress plugins, Ghost, micro.blog, Hugo themes) is read here (`parse_json_feed`).
feedparser is always handed bytes that *we* fetched (politely, with our byte caps and
address guard): given a URL it would open its own connection, so this module never passes
it one.
"""

from __future__ import annotations

import calendar
import email.utils
import html
import html.entities
import io
import json
import math
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from urllib.parse import urlsplit

import feedparser

from tasks.common.charset import (
    header_charset,
    names_wide_encoding,
    wide_as_utf8,
    wide_text_possible,
    without_wide_declaration,
)
from tasks.common.codings import CodingError, decode_one
from tasks.common.surrogates import (
    json_may_hold_surrogates,
    surrogate_references_as_characters,
    without_lone_surrogates,
)
from tasks.common.text import (
    MAX_TITLE_CHARS,
    ascii_digits,
    capped_text,
    gregorian_era_years,
    iso_letters_in_capitals,
)
from tasks.common.urls import (
    INVISIBLE_CHARS,
    domain_of,
    joined_url,
    same_site_without_scheme,
    trim_url,
    without_escaped_ampersands,
)

# Older feeds put HTML in <title>; the hint should be plain text.
_TAG = re.compile(r"<[^>]{0,500}>")
# A script or style element in an HTML title (Atom's type="html", an escaped RSS title):
# its code is no words of the title. Tags alone are stripped, their text kept.
_CODE_OPEN = re.compile(r"(?i)<(script|style)\b[^>]{0,500}>")
_CODE_CLOSE = {"script": re.compile(r"(?i)</script\s*>"), "style": re.compile(r"(?i)</style\s*>")}
_SPACE = re.compile(r"\s+")
# A tag in a title escaped twice ("&amp;lt;b&amp;gt;", WordPress feeds): it is a tag
# only once unescaped. Shaped like a real tag, so "x < y > z" stays text.
_REAL_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]{0,500})?/?>")
# A feed's decompressed size cap: the sitemap cap (sitemaps.org's 50 MB); no real feed
# comes near it, a gzip bomb stops there.
MAX_FEED_BYTES = 50 * 1024 * 1024
# A news feed lists its latest items: tens, a few hundred at most. One of 100,000 (an
# archive export, a generator's loop) queued every one: at the default 1 s per host,
# 28 hours of fetching one site, and a discovery holding them all. The first 10,000 (a
# feed lists newest first) are kept, the rest named in one `feed_item_cap` reject, as a
# sitemap's 50,000 are (round 13). feedparser still reads the whole body: ~0.3 ms an item.
MAX_FEED_ITEMS = 10_000
# The end tag of a feed's root (RSS 2.0, RSS 1.0, Atom) and of its entries, any prefix:
# a feed cut short lacks the first, and only its closed entries are whole.
_ROOT_END = re.compile(rb"</(?:[\w.-]+:)?(?:rss|rdf|feed)\s*>", re.I)
_ENTRY_END = re.compile(rb"</(?:[\w.-]+:)?(?:item|entry)\s*>", re.I)
# Media types of a JSON Feed (the spec's, and what servers send for it most often).
JSON_FEED_TYPES = frozenset({"application/feed+json", "application/json"})
# Where a JSON Feed's item list opens: a feed cut short is read up to there, then item by
# item, keeping the whole ones.
_JSON_ITEMS = re.compile(r'"items"\s*:\s*\[')


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One feed entry: the article URL and what the feed says about it."""

    url: str
    title: str | None
    published_at: datetime | None  # UTC


@dataclass(slots=True)
class FeedResult:
    """A parsed feed: its items, the entries that had no usable link, and any error.

    `error` is set when the bytes are not a feed at all (reason code + detail); a feed that
    parsed with a recoverable problem keeps its items and notes it in `warning`.
    """

    items: list[FeedItem] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (reason, detail)
    error: tuple[str, str] | None = None
    warning: str | None = None
    version: str = ""
    # Entries whose link an earlier entry of the same feed already gave: one item, the
    # repeats counted (as the collector counts a URL a sitemap lists twice), not dropped
    # without a trace.
    duplicates: int = 0
    # Why an entry of `skipped` names no page, by its index there: said in the reject's
    # detail, and kept out of `skipped` itself, whose detail names the entry and keys
    # the reject (the same in every run and release: a later run skips what is settled).
    why: dict[int, str] = field(default_factory=dict)

    def explained(self) -> list[tuple[str, str, str]]:
        """Each skipped entry as (reason, detail with why, detail that keys it)."""
        return [(reason, f"{detail}: {self.why[i]}" if i in self.why else detail, detail)
                for i, (reason, detail) in enumerate(self.skipped)]


def without_code(text: str) -> str:
    r"""`text` with each script or style element (its tags and code) made one space, as
    the regex `<(script|style)...>.*?</\1\s*>` replaced them, in linear time: at every
    opening tag that never closes, that regex scanned to the end of the text, so a title
    of "<script>" repeated (160 KB) took 10 s to clean, a feed of such titles hours. An
    opening tag with no closer after it means none later has one either."""
    out, pos, at, dead = [], 0, 0, set()
    while (opened := _CODE_OPEN.search(text, at)) is not None:
        kind = opened.group(1).lower()
        closed = None if kind in dead else _CODE_CLOSE[kind].search(text, opened.end())
        if closed is None:
            dead.add(kind)
            at = opened.start() + 1
            continue
        out += [text[pos:opened.start()], " "]
        pos = at = closed.end()
    out.append(text[pos:])
    return "".join(out)


def clean_title(raw: str | None) -> str | None:
    """Plain-text, single-spaced title, or None when empty."""
    if not raw:
        return None
    text = html.unescape(_TAG.sub(" ", without_code(raw)))
    if "<" in text:
        text = _REAL_TAG.sub(" ", without_code(text))
    text = _SPACE.sub(" ", text).strip()
    return capped_text(text, MAX_TITLE_CHARS) or None


def _struct_to_utc(value) -> datetime | None:
    # feedparser normalises every date it understands to a UTC time.struct_time.
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (OverflowError, ValueError, OSError):
        return None


_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
# The offset after an ISO time (`T10:00:00+25:00`): feedparser applies one no clock has
# (25 hours, 60 minutes), and the story was dated a day off without a word.
_ISO_OFFSET = re.compile(r"T\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*[+-](\d{2}):?(\d{2})\s*$")

# Zone names feedparser's RFC 822 reader does not know (it knows GMT, UT, Z, the US zones,
# MET and MEST) and reads as UTC without a word: "Fri, 03 May 2024 10:00:00 CEST" was
# 10:00 UTC, two hours late; "05:00:00 AEST" the day after (round 21). European, British,
# Australian and Asian feeds write them. Each names one offset (`loose_rfc822_date` reads
# them); a name that names several (IST: India, Ireland, Israel; CST: the US, China) is
# left to feedparser.
_ZONE_OFFSETS = {
    "UTC": "+0000", "WET": "+0000", "WEST": "+0100", "BST": "+0100", "CET": "+0100",
    "CEST": "+0200", "MEZ": "+0100", "MESZ": "+0200", "EET": "+0200", "EEST": "+0300",
    "MSK": "+0300", "SAST": "+0200", "HKT": "+0800", "SGT": "+0800", "AWST": "+0800",
    "JST": "+0900", "KST": "+0900", "ACST": "+0930", "ACDT": "+1030", "AEST": "+1000",
    "AEDT": "+1100", "NZST": "+1200", "NZDT": "+1300", "HST": "-1000", "AKST": "-0900",
    "AKDT": "-0800",
}


# Month names some CMSs write in the site's language in RSS dates ("Mo, 03 Mai 2024
# 10:00:00 +0200", "mar., 07 mai 2024 ...", "vie, 03 may 2024 ..."), which feedparser's
# English reader leaves unread: the item came undated. English, German, French, Spanish,
# Italian, Dutch and Portuguese, full and abbreviated, each to its month number. ("mar"
# is March in Spanish, Italian and Portuguese; French writes "mars", and its "mar." is a
# Tuesday, which sits before the day, not after it.)
_MONTH_NAMES = {
    name: number
    for number, names in enumerate((
        "jan january januar janv janvier ene enero gen gennaio januari janeiro",
        "feb february februar févr fevr février fevrier febrero febbraio februari fev "
        "fevereiro",
        "mar march mär mrz märz mars marzo mrt maart março marco",
        "apr april avr avril abr abril aprile",
        "may mai mayo mag maggio mei maio",
        "jun june juni juin junio giu giugno junho",
        "jul july juli juil juillet julio lug luglio julho",
        "aug august août aout ago agosto augustus",
        "sep sept september septembre septiembre set settembre setembro",
        "oct october okt oktober octobre octubre ott ottobre out outubro",
        "nov november novembre noviembre novembro",
        "dec december dez dezember déc décembre decembre dic diciembre dicembre dezembro",
    ), start=1)
    for name in names.split()
}
# RFC 822 as feeds write it loosely: a day name or none, the month in a language above
# (before the day too: "Friday, May 3, 2024"), a 12-hour clock ("10:00:00 PM +0200":
# feedparser read 10:00), an offset written after GMT or UTC ("GMT+2": no date;
# "UTC+02:00": read as UTC) or with a colon, and RFC 822's two-digit year ("03 May 24").
# Day, month and year joined by dashes are the cookie and RFC 850 form (`Fri, 03-May-2024
# 10:00:00 GMT`, `Friday, 03-May-24 ...`: an HTTP date's obsolete spelling, written by
# code that formats every date as a cookie's), which feedparser leaves unread: the story's
# date lost (round 24, round 23's known item).
_LOOSE_RFC822 = re.compile(
    r"(?:[^\W\d_]{2,9}\.?,?\s+)?"
    r"(?:(?P<day>\d{1,2})(?:\.?\s+|(?P<dash>-))(?P<month>[^\W\d_]{3,10})"
    r"|(?P<month_first>[^\W\d_]{3,10})\.?\s+(?P<day_after>\d{1,2}))"
    r"(?(dash)-|\.?,?\s+)(?P<year>\d{4}|\d{2})"
    # (a fraction of a second, `10:00:00.123 GMT`, as some feed writers' millisecond
    # clocks give it, dropped: the item came undated, fault round 26)
    r"(?:,?\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?P<second>:\d{2})?(?:\.\d{1,9})?"
    r"(?:\s*(?P<half>[AaPp])\.?[Mm]\.?)?"
    r"\s*(?P<zone>(?:GMT|UTC)?\s*[+-]\d{1,2}(?::?\d{2})?|[A-Za-z]{1,5})?)?")
_OFFSET = re.compile(r"(?:GMT|UTC)?\s*([+-])(\d{1,2})(?::?(\d{2}))?")


# The zone names RFC 822 and the email module read (US zones, UT, GMT, Z); another name
# (IST: India, Ireland or Israel?) leaves the date to feedparser.
# RFC 822's one-letter military zones (J is none; Z is UTC, read as a name above).
_MILITARY_ZONE = re.compile("[A-IK-Ya-ik-y]")
_RFC822_ZONE_NAMES = frozenset(
    "UT UTC GMT Z AST ADT EST EDT CST CDT MST MDT PST PDT".split()) | frozenset(_ZONE_OFFSETS)


def _loose_rfc822(raw: str) -> tuple[re.Match, int] | None:
    """The match of `_LOOSE_RFC822` over the whole of `raw` and its month's number (None:
    no such date, or its zone is a name of no known offset)."""
    m = _LOOSE_RFC822.fullmatch(raw.strip())
    month = _MONTH_NAMES.get((m["month"] or m["month_first"]).lower()) if m else None
    if month is None:
        return None
    zone = m["zone"]
    if (zone and zone.isalpha() and zone.upper() not in _RFC822_ZONE_NAMES
            and not _MILITARY_ZONE.fullmatch(zone)):
        return None
    return m, month


def loose_rfc822_date(raw: str) -> datetime | None:
    """An RFC 822 date as `_LOOSE_RFC822` reads it, in UTC (None: no such date, or one
    no clock or calendar has). The zone is an offset, or a name of `_ZONE_OFFSETS` or the
    email module's; none written is UTC, and no time written is midnight, as feedparser
    reads them."""
    found = _loose_rfc822(raw)
    if found is None:
        return None
    m, month = found
    hour = int(m["hour"] or 0)
    half, zone = m["half"], m["zone"] or "+0000"
    if half is None and zone in ("a", "p"):
        # "10:00 p", "10:00p": a.m. or p.m. clipped to its letter (templates' "h:mm a"
        # cut short, US schedules), not a military zone: a zone letter is written in
        # capitals. Read as a zone, "10:00 p" was 10:00 UTC, twelve hours early
        # (round 26's known item, fault round 27); the zone is unwritten, so UTC.
        half, zone = zone, "+0000"
    if half:  # a 12-hour clock: 12 AM is midnight, 12 PM noon
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + 12 * (half.upper() == "P")
    if _MILITARY_ZONE.fullmatch(zone):
        # RFC 5322 4.3: RFC 822 gave the military letters the wrong sign, so they
        # mean `-0000` (UTC, the writer's zone unknown); feedparser read `A` as -01:00,
        # the story an hour off (fault round 26)
        zone = "-0000"
    if offset := _OFFSET.fullmatch(zone):
        if int(offset[2]) > 23 or int(offset[3] or 0) > 59:
            return None  # `+0960`: the email module read it as +10:00, an hour off
        zone = f"{offset[1]}{int(offset[2]):02d}{offset[3] or '00'}"
    zone = _ZONE_OFFSETS.get(zone.upper(), zone)
    day, year = m["day"] or m["day_after"], m["year"]
    try:
        when = email.utils.parsedate_to_datetime(
            f"{day} {calendar.month_abbr[month]} {year} "
            f"{hour:02d}:{m['minute'] or '00'}{m['second'] or ''} {zone}")
    except (TypeError, ValueError, OverflowError):
        return None
    if when.tzinfo is None and zone == "-0000":
        # RFC 5322 3.3: the time is UTC, the writer's own zone unknown; Python's
        # email.utils.formatdate() writes it so by default. The email module gives it no
        # zone, and it was taken for a zone name nobody knows: the story's date lost.
        when = when.replace(tzinfo=UTC)
    if when.tzinfo is None or len(year) == 4 and when.year != int(year):
        return None  # a zone name nobody knows; (the email module reads 0001 as 2001, and
        # a two-digit year as 1969-2068, as feeds mean it)
    return when.astimezone(UTC)


# A date written year first with slashes or dots, or in CJK characters, as Japanese,
# Chinese and Korean CMSs write them ("2024/05/03 10:00:00 +0900", "2024.05.03",
# "2024年5月3日 10:00"): feedparser reads every such date as December 1st of its year at
# midnight (its ISO 8601 templates take the year and nothing after it), so a story of
# May 3rd came dated 2024-12-01, months off, without a word (fault round 23).
_SLASHED_DATE = re.compile(
    r"\s*(?P<year>\d{4})(?P<sep>[/.]|年)(?P<month>\d{1,2})(?:(?P=sep)|月)(?P<day>\d{1,2})日?"
    r"(?:[ T]*(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:\.\d+)?)?"
    r"\s*(?P<zone>Z|(?:GMT|UTC)?\s*[+-]\d{1,2}(?::?\d{2})?|[A-Za-z]{1,5})?\s*")


def _slashed_date(m: re.Match) -> datetime | None:
    """The UTC time of a `_SLASHED_DATE` match (None: no calendar day or clock time, or
    a zone name of no known offset). No zone written is UTC, as feedparser reads it."""
    zone = (m["zone"] or "+0000").upper()
    if zone in ("Z", "UT", "UTC", "GMT"):
        zone = "+0000"
    zone = _ZONE_OFFSETS.get(zone, zone)
    offset = _OFFSET.fullmatch(zone)
    if offset is None:
        return None
    minutes = int(offset[2]) * 60 + int(offset[3] or 0)
    try:
        when = datetime(int(m["year"]), int(m["month"]), int(m["day"]), int(m["hour"] or 0),
                        int(m["minute"] or 0), int(m["second"] or 0),
                        tzinfo=timezone(timedelta(minutes=-minutes if offset[1] == "-"
                                                  else minutes)))
        return when.astimezone(UTC)
    except (ValueError, OverflowError):
        return None


def slashed_date(raw: object) -> datetime | None:
    """A date written year first with slashes, dots or CJK characters (`_SLASHED_DATE`),
    in UTC; None when `raw` is no such date. A JSON Feed and a sitemap written by the same
    CMSs as the RSS feeds above hold them too (`2024/05/03 10:00:00 +0900`): no date
    there, the story's hint lost (round 24, round 23's known item)."""
    if not isinstance(raw, str) or (m := _SLASHED_DATE.fullmatch(raw)) is None:
        return None
    return _slashed_date(m)


# ISO 8601's week and ordinal dates (`2024-W18-5`, `2024W185`, `2024-124`, each with a
# time after a `T` or none): feedparser reads them as December 1st of the year at
# midnight, months off without a word (its templates take the year and nothing after it;
# the year is written, so the check of round 23 kept the reading). An ordinal date needs
# its dash: `2024124` is a bare number.
_WEEK_OR_ORDINAL = re.compile(
    r"\s*(?P<year>\d{4})(?:-?W(?P<week>\d{2})-?(?P<weekday>[1-7])|-(?P<yday>\d{3}))"
    r"(?P<rest>T\S+)?\s*")


def _week_or_ordinal_date(m: re.Match) -> datetime | None:
    """The UTC time of a `_WEEK_OR_ORDINAL` match (None: no such week, day or time). No
    zone written is UTC, as feedparser reads it."""
    year = int(m["year"])
    try:
        if m["week"]:
            day = date.fromisocalendar(year, int(m["week"]), int(m["weekday"]))
        else:
            day = date(year, 1, 1) + timedelta(days=int(m["yday"]) - 1)
            if day.year != year or m["yday"] == "000":
                return None
        when = datetime.fromisoformat(day.isoformat() + (m["rest"] or ""))
        return (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(UTC)
    except (ValueError, OverflowError):
        return None


def _entry_date(entry, key: str) -> datetime | None:
    """An entry's date (`published` or `updated`): an RFC 822 date `loose_rfc822_date`
    reads whole (a zone name feedparser does not know, a month in the site's language, a
    12-hour clock, "GMT+2", a two-digit year) or a year-first slashed, dotted or CJK date,
    as written; otherwise as feedparser read it, unless its own text says that reading is
    wrong: feedparser rolls an impossible day over ("2024-02-30" became 1 March), makes a
    year of a bare number ("99999" became December 9999) or of a day ("05-03-2024" became
    2005-03-20). An ISO date that is no calendar day, a bare number, or a reading whose
    year the text does not name is no date (the page's own date decides)."""
    raw = entry.get(key)
    if isinstance(raw, str) and not raw.isascii() and (
            plain := gregorian_era_years(ascii_digits(raw))) != raw:
        # "٢٠٢٤-٠٥-٠٣T10:00:00+03:00", "Fri, ٠٣ May ٢٠٢٤ ...": an Arabic or Persian CMS
        # localising its numbers; "令和6年5月3日": a Japanese era's year. feedparser reads
        # neither, the item was undated (fault round 31)
        return _rfc3339(plain)
    if isinstance(raw, str) and _loose_rfc822(raw) is not None:
        return loose_rfc822_date(raw)  # read whole, as written (feedparser misreads some)
    if isinstance(raw, str) and (slashed := _SLASHED_DATE.fullmatch(raw)):
        return _slashed_date(slashed)  # (feedparser: December 1st of the year)
    if isinstance(raw, str) and (week := _WEEK_OR_ORDINAL.fullmatch(raw)):
        return _week_or_ordinal_date(week)  # (feedparser: December 1st of the year too)
    when = _struct_to_utc(entry.get(f"{key}_parsed"))
    if when is None or not isinstance(raw, str):
        return when
    years = _YEAR.findall(raw)
    if years and str(when.year) not in years and str(when.year - 1) not in years \
            and str(when.year + 1) not in years:
        # a year the text does not name: feedparser took "05-03-2024" for 2005-03-20
        # (an hour's offset may move the year to the next or the one before)
        return None
    offset = _ISO_OFFSET.search(raw)
    if offset is not None and (int(offset[1]) > 23 or int(offset[2]) > 59):
        return None  # no zone is 24 hours or more off UTC
    m = _ISO_DATE.search(raw)
    if m is not None:
        try:
            datetime(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    digits = raw.strip()
    if digits.lstrip("+-").isdigit():
        # a bare number names no date, unless it is ISO 8601's basic form (20240102)
        try:
            if len(digits) not in (8, 14) or datetime.strptime(digits[:8], "%Y%m%d").date() \
                    != when.date():
                return None
        except ValueError:
            return None
    return when


def _is_http(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:  # "https://[news.example/a": an IPv6 bracket never closed
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


# An invisible character (`INVISIBLE_CHARS`) at the edge of an element's text or an
# attribute's value, in UTF-8 or as a character reference (`&#8203;`, `&#x200B;`).
# feedparser joins a link to the feed's address (and xml:base) before we see it, so a
# zero-width space pasted before "https://..." made it a path under the feed's folder:
# the edges are cleared in the bytes, before parsing (a UTF-16 or UTF-32 feed once it
# is UTF-8: `wide_as_utf8`).
_INVISIBLE_UTF8 = [ch.encode("utf-8") for ch in INVISIBLE_CHARS]
_INVISIBLE_REFS = [f"&#(?:0*{ord(ch)}|[xX]0*{ord(ch):x});".encode() for ch in INVISIBLE_CHARS]
_INVISIBLE_XML = b"|".join(_INVISIBLE_UTF8 + _INVISIBLE_REFS)
_INVISIBLE_REF = re.compile(b"|".join(_INVISIBLE_REFS), re.IGNORECASE)
_INVISIBLE_AFTER_OPEN = re.compile(rb"([>\"'][ \t\r\n]*)(?:" + _INVISIBLE_XML + rb")+",
                                   re.IGNORECASE)
_INVISIBLE_BEFORE_CLOSE = re.compile(rb"(?:" + _INVISIBLE_XML + rb")+(?=[ \t\r\n]*[<\"'])",
                                     re.IGNORECASE)


def without_invisible_edges(data: bytes) -> bytes:
    """Feed bytes without invisible characters at the ends of texts and attribute values
    (see `_INVISIBLE_XML`); inside a text they stay. Most feeds hold none: a search for
    each (~25 ms a MB, ~40 with character references) spares them the edge regexes
    (~115 ms a MB); feedparser itself takes ~2,700 ms a MB."""
    if not (any(seq in data for seq in _INVISIBLE_UTF8)
            or (b"&#" in data and _INVISIBLE_REF.search(data))):
        return data
    return _INVISIBLE_BEFORE_CLOSE.sub(b"", _INVISIBLE_AFTER_OPEN.sub(rb"\1", data))


def _capped(entries: list, result: FeedResult) -> list:
    """The first MAX_FEED_ITEMS entries; the rest counted in a `feed_item_cap` reject."""
    if len(entries) <= MAX_FEED_ITEMS:
        return entries
    result.skipped.append(("feed_item_cap", f"{len(entries)} items, over the {MAX_FEED_ITEMS} "
                           f"a feed is read for: the first {MAX_FEED_ITEMS} kept, "
                           f"{len(entries) - MAX_FEED_ITEMS} not read"))
    return entries[:MAX_FEED_ITEMS]


def _http_url(feed_url: str, link: str) -> str | None:
    """`link` resolved against the feed's address, if that names an http(s) page. A link
    urljoin refuses is none (raised, its ValueError ended the whole discovery, and the
    run)."""
    url = joined_url(feed_url, without_escaped_ampersands(trim_url(link)))
    return url if url is not None and _is_http(url) else None


def _names_no_story(url: str, feed_url: str, channel_link: str | None) -> bool:
    """True for an address no item's story is at: a site's home page, the feed itself or
    the channel's own link (a section's front)."""
    parts = urlsplit(url)
    if parts.path in ("", "/") and not parts.query:
        return True
    return url.rstrip("/") in {feed_url.rstrip("/"), (channel_link or "").rstrip("/")}


def _entry_url(entry, feed_url: str, channel_link: str | None = None) -> str | None:
    """The article address of an entry: the feed's original link if a proxy such as
    FeedBurner rewrote it, else the alternate link, else a permalink guid."""
    candidates = [entry.get("feedburner_origlink"), entry.get("link")]
    for link in entry.get("links") or []:
        if link.get("rel", "alternate") == "alternate":
            candidates.append(link.get("href"))
    guid = entry.get("id")
    # An RSS guid is a permalink unless isPermaLink="false"; even then, only an absolute
    # one is trusted (a relative guid is usually an opaque id, not a path).
    if guid and entry.get("guidislink", True) and _is_http(trim_url(guid)):
        candidates.append(guid)
    for cand in candidates:
        url = _http_url(feed_url, cand) if cand else None
        if url is not None:
            return _story_of(url, guid, feed_url, channel_link)
    return None


def _story_of(url: str, guid: object, feed_url: str, channel_link: str | None) -> str:
    """`url`, or the entry's guid (Atom id) when `url` names no story (`_names_no_story`)
    and the guid is an address on the same site that does. A CMS template writing the
    home page (or the channel's link, or the feed) as every item's `<link>`, the story's
    address only in its guid, made every item the home page: one item, the others its
    repeats, no story fetched (round 32). feedparser does not say whether a guid beside a
    link was marked isPermaLink="false"; a same-site http(s) one names a page of the
    site all the same (WordPress's `?p=N` redirects to its post)."""
    if not isinstance(guid, str) or not _names_no_story(url, feed_url, channel_link):
        return url
    story = _http_url(feed_url, guid) if _is_http(trim_url(guid)) else None
    if (story is None or _names_no_story(story, feed_url, channel_link)
            or domain_of(story) != domain_of(url)):
        return url
    return story


def why_no_page(entry) -> str:
    """Why an entry of an XML feed names no page, for its `feed_item_no_url` reject (the
    detail once named the entry alone: a podcast feed's items, a feed of links to files,
    all read "entry 'Episode 12'" with no word of what was wrong)."""
    links = [link for link in entry.get("links") or [] if link.get("href")]
    pages = [link["href"] for link in links if link.get("rel", "alternate") == "alternate"]
    # feedparser gives an entry with no link of its own its id as `link` (an Atom urn)
    own = entry.get("link") if entry.get("link") != entry.get("id") else None
    if pages or own:
        return f"its link {capped_text(pages[0] if pages else own, 200)!r} is no http(s) page"
    media = [link for link in links if link.get("rel") == "enclosure"]
    if media:
        kind = media[0].get("type") or "a file"
        return (f"no page link, only an enclosure ({kind}: "
                f"{capped_text(media[0]['href'], 200)}), a media file no text is read from")
    if links:
        rels = sorted({link.get("rel", "") for link in links})
        return f"no page link, only links of rel {', '.join(rels)}"
    mrss = _media_rss(entry)
    if mrss:
        return f"no page link, only {mrss}"
    if entry.get("id"):
        return "no link, and its guid or id is no page address (not an http(s) permalink)"
    return "no link"


def _media_rss(entry) -> str | None:
    """What Media RSS address an entry holds, for `why_no_page`: a video or photo feed's
    items name their file in `media:content` (or a `media:group` of them), a player page
    or a thumbnail, and no page. Their rejects read "no link", as if the item held no
    address at all (round 32)."""
    for content in entry.get("media_content") or []:
        if isinstance(content, dict) and content.get("url"):
            kind = content.get("type") or content.get("medium") or "a file"
            return (f"Media RSS content ({kind}: {capped_text(content['url'], 200)}), a "
                    "media file no text is read from")
    player = entry.get("media_player")
    if isinstance(player, dict) and player.get("url"):
        return (f"a Media RSS player ({capped_text(player['url'], 200)}), a page that "
                "plays a media file, no story")
    for thumb in entry.get("media_thumbnail") or []:
        if isinstance(thumb, dict) and thumb.get("url"):
            return (f"a Media RSS thumbnail ({capped_text(thumb['url'], 200)}), a picture "
                    "no text is read from")
    return None


def _json_why_no_page(item: dict) -> str:
    """Why a JSON Feed item names no page (`why_no_page`'s twin)."""
    for key in ("url", "external_url"):
        if isinstance(item.get(key), str) and item[key].strip():
            return f"its {key} {capped_text(item[key], 200)!r} is no http(s) page"
    media = [a for a in item.get("attachments") or []
             if isinstance(a, dict) and isinstance(a.get("url"), str)]
    if media:
        kind = media[0].get("mime_type") or "a file"
        return (f"no url, only an attachment ({kind}: {capped_text(media[0]['url'], 200)}), "
                "a media file no text is read from")
    if item.get("id") is not None:
        return "no url, and its id is no page address (not an http(s) URL)"
    return "no url"


# An HTML named reference that XML does not define (`&eacute;`, `&nbsp;`, `&rsquo;`):
# news sitemaps written with PHP's htmlentities() hold them in <news:title> (and now and
# then in a <loc>). No DOCTYPE defines them (one is dropped before parsing), so lxml's
# recovery ended the text there: "L&eacute;gislatives" was the title "L" (round 21).
# Written as character references, they are the characters browsers read them as.
_HTML_ENTITY = re.compile(rb"&(?!(?:amp|lt|gt|quot|apos);)([A-Za-z][A-Za-z0-9]{1,31});")


def _as_character(found: re.Match[bytes]) -> bytes:
    text = html.entities.html5.get(found.group(1).decode("ascii") + ";")
    return found.group(0) if text is None else "".join(
        f"&#{ord(ch)};" for ch in text).encode("ascii")


def html_entities_as_characters(data: bytes) -> bytes:
    """`data` with each HTML named reference XML does not define (`_HTML_ENTITY`) as the
    character reference(s) of what it names; an unknown name is left as written."""
    return _HTML_ENTITY.sub(_as_character, data)


def marked_sections(data: bytes, start: bytes, end: bytes) -> list[bytes]:
    """`data` split around its `start`...`end` sections (CDATA, comments), as
    re.split(b"(start.*?end)") splits it: pieces outside at even places, the sections
    (with their marks) at odd ones; a section never closed leaves the rest outside. In
    linear time: that regex rescanned the rest of the data at every opening mark that
    never closes, and a sitemap of "<![CDATA[ " repeated (320 KB) took 32 s to read, one
    of "<!-- " 18 s; at the 50 MB a source may hold, days."""
    pieces, pos = [], 0
    while True:
        opened = data.find(start, pos)
        closed = data.find(end, opened + len(start)) if opened >= 0 else -1
        if closed < 0:  # no section opens, or none closes from here on
            pieces.append(data[pos:])
            return pieces
        pieces += [data[pos:opened], data[opened:closed + len(end)]]
        pos = closed + len(end)


# A DOCTYPE naming an external DTD, as RSS 0.91 feeds declare one (`<!DOCTYPE rss PUBLIC
# "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/...">`,
# the RSS Advisory Board's `SYSTEM "http://www.rssboard.org/rss-0.91.dtd"`): that DTD
# defines HTML's named references, and such feeds use them. The DTD is never read.
# feedparser removes a DOCTYPE that starts a line; one written on the XML declaration's
# line (a generator writing no newlines) stays, and with it declared expat skips each
# reference it does not know without an error: "Caf&eacute;&nbsp;news" was the title
# "Cafnews", the link `/caf&eacute;` the page `/caf` (without a DOCTYPE the error sends
# feedparser to its loose parser, which reads them). Fault round 27.
_EXTERNAL_DOCTYPE = re.compile(rb"<!DOCTYPE\s+[\w:.-]+\s+(?:PUBLIC|SYSTEM)\b", re.I)
_DOCTYPE_HEAD_BYTES = 4096  # the prolog: an XML declaration, comments, the DOCTYPE


def html_entities_outside_cdata(data: bytes) -> bytes:
    """`data` with `html_entities_as_characters` applied outside its CDATA sections (a
    CDATA section's text is taken as written)."""
    if b"<![CDATA[" not in data:
        return html_entities_as_characters(data)
    return b"".join(piece if i % 2 else html_entities_as_characters(piece)
                    for i, piece in enumerate(marked_sections(data, b"<![CDATA[", b"]]>")))


def parse_feed(data: bytes, feed_url: str, content_type: str | None = None) -> FeedResult:
    """Parse feed bytes fetched from `feed_url` into items.

    `content_type` is the response's Content-Type header when known (its charset wins
    over the XML declaration, as RFC 7303 says); without it the bytes are read as XML.

    Entries without a usable http(s) link are reported in `skipped`; the same URL twice
    in one feed is kept once (first occurrence, as feeds list newest first).
    """
    result = FeedResult()
    if data[:2] == b"\x1f\x8b":
        # gzip without Content-Encoding (a .xml.gz, or a server compressing twice): the
        # fetcher keeps such a layer for discovery inputs, sitemaps need it so.
        try:
            data = decode_one(data, "gzip", MAX_FEED_BYTES, strict=True)
        except CodingError as exc:
            if exc.kind == "decompressed_too_large":
                result.error = ("feed_too_large", f"more than {MAX_FEED_BYTES} bytes once "
                                "decompressed")
                return result
            try:  # cut short: what it holds is read, and the cut found below
                data = decode_one(data, "gzip", MAX_FEED_BYTES)
            except CodingError as again:
                result.error = ("feed_bad_gzip", f"cannot decompress: {again.detail}")
                return result
    if not data or not data.strip():
        result.error = ("feed_empty", "the response body is empty")
        return result
    media = (content_type or "").split(";", 1)[0].strip().lower()
    data, wide = wide_as_utf8(data)
    if wide:  # the bytes are UTF-8 now, whatever charset the response named
        content_type = f"{media or 'application/xml'}; charset=utf-8"
    elif not wide_text_possible(data):
        # A UTF-16/32 label, in the header or the XML declaration, over bytes with no NUL
        # (which no UTF-16 or UTF-32 markup is): feedparser believed it (RFC 7303: the
        # header wins) and read the feed as CJK characters, `not_a_feed` "not well-formed
        # (invalid token)", every item lost (round 14). The page fetcher does not believe
        # it either (round 9).
        if names_wide_encoding(header_charset(content_type)):
            content_type = media or "application/xml"
        data = without_wide_declaration(data)
    if media in JSON_FEED_TYPES or data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{":
        return parse_json_feed(data, feed_url)
    if b"&" in data and _EXTERNAL_DOCTYPE.search(data, 0, _DOCTYPE_HEAD_BYTES):
        data = html_entities_outside_cdata(data)
    try:
        # content-location makes feedparser resolve relative links against the feed URL.
        # A stream, never bytes or str: feedparser fetches a str that looks like a URL,
        # and tries open() on bytes, so a body such as b"/etc/passwd" would read that file.
        parsed = feedparser.parse(
            # a reference to half of an emoji made feedparser raise: every item lost
            io.BytesIO(surrogate_references_as_characters(without_invisible_edges(data))),
            response_headers={
                "content-location": feed_url,
                "content-type": content_type or "application/xml",
            },
            sanitize_html=False,  # we only read titles and links; sanitising costs time
        )
    except Exception as exc:  # feedparser is lenient, but a bug in it must not end a run
        result.error = ("feed_unparseable", f"{type(exc).__name__}: {exc}"[:500])
        return result
    result.version = parsed.get("version") or ""
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        result.warning = f"{type(exc).__name__}: {exc}"[:500]
    if not parsed.entries:
        if not result.version:
            detail = result.warning or "no RSS or Atom root element"
            head = data[:200].lstrip().lower()
            if head.startswith((b"<!doctype html", b"<html")):
                detail = "an HTML page, not a feed"
            result.error = ("not_a_feed", detail)
        return result  # a valid feed with no entries is not an error
    entries = parsed.entries
    if not _ROOT_END.search(data[-4096:]):
        # Cut short (its root never ends): the entries it closed are kept, one the cut
        # fell in is not (feedparser's loose parser may return it, with a cut link), and
        # the cut is recorded (a `feed_truncated` reject from the driver).
        entries = entries[:len(_ENTRY_END.findall(data))]
        result.skipped.append(("feed_truncated", f"the feed ends before its root's end tag: "
                               f"kept the {len(entries)} entries before the cut"))
    entries = _capped(entries, result)
    seen: set[str] = set()
    channel_link = parsed.feed.get("link") if isinstance(parsed.get("feed"), dict) else None
    for entry in entries:
        url = _entry_url(entry, feed_url, channel_link)
        title = clean_title(entry.get("title"))
        if url is None:
            result.why[len(result.skipped)] = why_no_page(entry)
            result.skipped.append(("feed_item_no_url", f"entry {title or entry.get('id')!r}"))
            continue
        if url in seen:
            result.duplicates += 1
            continue
        seen.add(url)
        published = _entry_date(entry, "published") or _entry_date(entry, "updated")
        result.items.append(FeedItem(url=url, title=title, published_at=published))
    return result


def _json_feed_document(text: str) -> tuple[object, str]:
    """(the parsed JSON document, "whole", "cut" or "deep"). A document cut short keeps
    the whole objects of its "items" list (`{"items": [...]}` with those alone), or None;
    so does one nested deeper than Python's JSON reader goes ("deep": `[[[[...` 1,000
    levels and more raised RecursionError, which no caller caught: the discover task
    failed and the whole run with it), up to the item that is too deep."""
    try:
        return json.loads(text), "whole"
    except ValueError:
        state = "cut"
    except RecursionError:
        state = "deep"
    start = _JSON_ITEMS.search(text)
    if start is None:
        return None, state
    decoder, pos, items = json.JSONDecoder(), start.end(), []
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text) or text[pos] == "]":
            break
        try:
            item, pos = decoder.raw_decode(text, pos)
        except (ValueError, RecursionError):  # the item the cut (or the depth) fell in
            break
        items.append(item)
    return {"items": items}, state


# A Unix time of seconds (10 digits: 2001-09-09 to 2286) or of milliseconds (13 digits:
# JavaScript's `Date.now()`); shorter or longer numbers are no time anyone meant.
_EPOCH = re.compile(r"\s*(?P<s>\d{10})(?P<ms>\d{3})?(?:\.\d+)?\s*")


def _unix_time(value: object) -> datetime | None:
    """A JSON Feed date written as a Unix timestamp, a number or a string of digits
    (`1714723200`, `"1714723200000"`): what a feed built from a database row or a
    JavaScript object holds when its writer skipped the formatting. It gave the item no
    date (fault round 23, round 22's known item)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        value = int(value)  # (the second it falls in, as the string's fraction is)
    m = _EPOCH.fullmatch(str(value))
    if m is None:
        return None
    return datetime.fromtimestamp(int(m["s"]), UTC)


def _rfc3339(value: object) -> datetime | None:
    """A JSON Feed date: RFC 3339 as the spec asks, or the RFC 822 form of the RSS feed a
    template converted it from (`Fri, 03 May 2024 10:00:00 +0200`: Jekyll's
    `date_to_rfc822`, a JSON copy of an RSS feed), which gave the item no date before
    (fault round 22), or a Unix timestamp (`_unix_time`)."""
    if not isinstance(value, str) or not value.strip() or _EPOCH.fullmatch(value):
        return _unix_time(value)
    # Arabic-Indic, Persian, fullwidth digits, a Japanese era's year (fault round 31)
    value = gregorian_era_years(ascii_digits(value))
    try:
        # 3.11: Z, offsets, fractions; a lower-case "t" or "z" (RFC 3339 allows both) in
        # capitals first: "...t10:00:00z" was no date (fault round 27)
        when = datetime.fromisoformat(iso_letters_in_capitals(value.strip()))
    except ValueError:
        return loose_rfc822_date(value) or slashed_date(value)
    try:
        return (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(UTC)
    except OverflowError:
        # past year 9999 or before year 1 once in UTC ("9999-12-31T23:00:00-05:00"): no
        # date. Raised, it ended the whole discovery, and the run
        return None


def _json_item_url(item: dict, feed_url: str) -> str | None:
    """An item's page: its `url` (the permalink), else `external_url` (the page a link
    post points to), else an `id` that is an http(s) URL (as an RSS permalink guid)."""
    for cand in (item.get("url"), item.get("external_url")):
        # an escaped `&amp;` is an `&` in `_http_url` (`without_escaped_ampersands`)
        if isinstance(cand, str) and not _is_http(trim_url(cand)):
            cand = same_site_without_scheme(trim_url(cand), feed_url) or cand
        url = _http_url(feed_url, cand) if isinstance(cand, str) and cand.strip() else None
        if url is not None:
            return url
    guid = item.get("id")  # often an opaque number: only an absolute URL is a page
    return trim_url(guid) if isinstance(guid, str) and _is_http(trim_url(guid)) else None


def parse_json_feed(data: bytes, feed_url: str) -> FeedResult:
    """A JSON Feed (jsonfeed.org 1.0/1.1) into items, with the same reasons as an XML
    feed: `not_a_feed` for JSON of another kind (an API's error object), items without
    a link `feed_item_no_url`, a document cut short `feed_truncated` (its whole items
    kept), a URL listed twice kept once."""
    result = FeedResult()
    text = data.decode("utf-8-sig", errors="replace")
    doc, state = _json_feed_document(text)
    if json_may_hold_surrogates(text):  # a title cut inside an emoji: "\ud83d" alone
        doc = without_lone_surrogates(doc)
    items = doc.get("items") if isinstance(doc, dict) else None
    if not isinstance(items, list):
        what = ("JSON nested deeper than can be read" if state == "deep" else "not JSON"
                if doc is None else "JSON, but no JSON Feed (no \"items\" list)")
        result.error = ("not_a_feed", what)
        return result
    version = doc.get("version") if isinstance(doc.get("version"), str) else ""
    result.version = "json" + version.rstrip("/").rsplit("/", 1)[-1].replace(".", "")
    if state == "cut":
        result.skipped.append(("feed_truncated", "the JSON Feed ends before its end: kept "
                               f"the {len(items)} whole items before the cut"))
    elif state == "deep":
        result.skipped.append(("feed_too_deep", "the JSON Feed nests deeper than can be "
                               f"read: kept the {len(items)} items before the one too deep; "
                               "it and the items after it are not read"))
    items = _capped(items, result)
    seen: set[str] = set()
    for item in items:
        if not isinstance(item, dict):
            result.skipped.append(("feed_item_no_url", f"item {str(item)[:100]!r} is no object"))
            continue
        title = clean_title(item.get("title") if isinstance(item.get("title"), str) else None)
        url = _json_item_url(item, feed_url)
        if url is None:
            result.why[len(result.skipped)] = _json_why_no_page(item)
            result.skipped.append(("feed_item_no_url", f"item {title or item.get('id')!r}"))
            continue
        if url in seen:
            result.duplicates += 1
            continue
        seen.add(url)
        published = _rfc3339(item.get("date_published")) or _rfc3339(item.get("date_modified"))
        result.items.append(FeedItem(url=url, title=title, published_at=published))
    return result
