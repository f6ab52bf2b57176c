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

This module assembles `PageMetadata`; the parts live beside it: dates.py (the date claims,
their vote and confidence), titles.py (title, headline, outlet names), bylines.py
(authors), jsonld.py (walking JSON-LD records) and areas.py (which page area an element
sits in).

These trafilatura functions are module-level but not part of its documented API: pin
trafilatura to 2.x (tests cover every field we read).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from lxml.html import HtmlElement
from trafilatura.metadata import (
    METANAME_AUTHOR,
    OG_AUTHOR,
    PROPERTY_AUTHOR,
    examine_meta,
    extract_meta_json,
    extract_sitename,
)

from tasks.common.text import (
    MAX_DESCRIPTION_CHARS,
    MAX_LABEL_CHARS,
    MAX_TITLE_CHARS,
    capped_text,
)
from tasks.common.urls import base_url_of, joined_url, trim_url
from tasks.extract.areas import in_byline_card_or_other_area, in_other_area
from tasks.extract.bylines import (
    INVERTED_NAME_TAGS,
    author_from_profile_url,
    author_link_byline,
    author_link_spelling,
    byline_adds_coauthors,
    byline_backs_the_tags,
    byline_refines,
    clean_authors,
    find_byline_author,
    holds_address,
    holds_name_ampersand,
    holds_reference,
    is_person,
    jsonld_authors,
    labelled_author,
    names_of_people,
    normalize_byline,
    outlet_dash_author,
    post_author_login,
    uninverted_name,
    without_language_by_label,
)
from tasks.extract.dates import (
    FUTURE_TOLERANCE,
    LABELLED_DATE_WEIGHT,
    NON_VOTING_SOURCES,
    DateCandidate,
    as_utc,
    choose_date,
    date_candidates,
    date_confidence,
    day_vote,
    htmldate_date,
    in_page_calendar,
    in_page_zone,
    modified_date,
    page_calendar,
    page_zone,
    parse_date,
    reads_day_first,
    reads_month_first,
)
from tasks.extract.headline_area import (
    agency_signoff,
    bracketed_dateline_reporter,
    bylined_date,
    capitals_signoff,
    credit_byline,
    dateline_date,
    dispatch_reporters,
    first_text_date,
    labelled_byline,
    labelled_date,
    originally_published,
    paragraph_byline,
    post_date_field,
    relative_date,
    signature_byline,
    story_anchor,
    story_update_day,
    submitted_byline,
    text_byline,
    wire_credit,
    wire_dateline_day,
    yearless_date,
)
from tasks.extract.jsonld import (
    jsonld_headlines,
    jsonld_publisher_name,
    jsonld_texts,
    jsonld_value,
)
from tasks.extract.titles import (
    INVISIBLE_IN_TITLE,
    choose_headline,
    clean_title,
    drop_site_segment,
    guessed_title,
    heading_named,
    headline_text,
    is_outlet,
    microdata_headline,
    names_something,
    names_the_outlet,
    outlet_names,
    squash,
    unescaped_twice,
    without_undeclared_label,
)

# The byline search in the page body (find_byline_author) when meta/JSON-LD name nobody.
AUTHOR_SEARCH = True


@dataclass
class PageMetadata:
    """Everything the ARTICLES table wants from the page besides the text."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    # the byline the authors were read from, before cleaning ("Jane Doe; Reuters"): what
    # cleaning drops beside a reporter's name (an agency, a role) is a wire credit
    byline: str | None = None
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


def _one_text(value: object) -> str | None:
    """A metadata field as one string. trafilatura copies a JSON-LD `headline`,
    `description` or publisher `name` as the record wrote it: a list (one per language),
    a value object (`{"@value": ..., "@language": "de"}`) or a number; the first string
    of it (as `jsonld_value` reads dates) -- read as text it crashed the whole page's
    metadata, its title, authors and date all lost (fault round 26)."""
    if value is None or isinstance(value, str):
        return value
    first = jsonld_value(value)
    return None if first is None else str(first)


def _texts(values: object) -> list[str]:
    """A label list (`articleSection`, `keywords`) as strings, nested lists flattened
    and value objects read; anything else (an object of no value) left out."""
    if not isinstance(values, list):
        values = [values]
    out: list[str] = []
    for v in values:
        if isinstance(v, list):
            out.extend(_texts(v))
        elif (text := _one_text(v)) is not None:
            out.append(text)
    return out


def _split_list(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in _texts(values or []):
        for part in v.split(","):
            part = part.strip()
            # a "tag" of a whole paragraph is keyword stuffing, no label of the story
            if part and len(part) <= MAX_LABEL_CHARS and part not in out:
                out.append(part)
    return out


def _cut_at_a_quote(meta_title: str, doc_title: str) -> bool:
    """The meta tag's title is the <title>'s cut where a quotation mark follows: a CMS
    wrote the headline into `content="..."` unescaped (`content="Senador ... a Biden de
    "incapacitado""`), so the attribute ended at its first inner quote."""
    meta, doc = " ".join(meta_title.split()), " ".join(doc_title.split())
    return len(doc) > len(meta) > 0 and doc.startswith(meta) and (
        doc[len(meta):].lstrip()[:1] in ('"', "'"))


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


_AUTHOR_META_NAMES = frozenset(METANAME_AUTHOR | PROPERTY_AUTHOR | OG_AUTHOR)


def _author_metas(tree: HtmlElement) -> tuple[list[str], bool]:
    """(the content of each author meta tag trafilatura's examine_meta reads, in page
    order; whether one of a tag written family name first, `citation_author` or
    `DC.creator`, is so written: "Doe, Jane"), the contents with such names as they are
    said ("Jane Doe"). One pass over the page's meta tags."""
    contents, turned = [], False
    for meta in tree.iter("meta"):
        names = {(meta.get(k) or "").lower() for k in ("name", "property", "itemprop")}
        if _AUTHOR_META_NAMES & names:
            content = meta.get("content") or ""
            if INVERTED_NAME_TAGS & names:
                said = uninverted_name(content)
                turned, content = turned or said != content, said
            contents.append(content)
    return contents, turned


def _dated_only_in_teasers(tree: HtmlElement, found: str | None) -> bool:
    """Whether htmldate's `found` day is only the `<time datetime>` of other stories: every
    `<time>` whose datetime is that day sits in a teaser, sidebar or comment (in_other_area).
    On a page nothing else dates (its only hint a month in a photo's upload path) htmldate
    takes the related teaser's stamp; that is another story's day, not this one's."""
    if not found:
        return False
    times = [t for t in tree.iter("time") if (t.get("datetime") or "").startswith(found)]
    return bool(times) and all(in_other_area(t) for t in times)


def _is_the_update(found: str | None, change: datetime | None, zone) -> bool:
    """Whether the day `found` (YYYY-MM-DD) is the page's recorded modification's, in UTC
    or in the page's zone: when the page changed, which a note of its first publication
    may correct."""
    if not found or change is None:
        return False
    days = {change.date().isoformat()}
    if zone is not None and change.tzinfo is not None:
        days.add(change.astimezone(zone).date().isoformat())
    return found in days


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
    md.title, md.description = _one_text(md.title), _one_text(md.description)
    md.sitename, md.author = _one_text(md.sitename), _one_text(md.author)
    # the JSON-LD scripts' texts, read once for the four searches below (~0.1 ms a read)
    scripts = jsonld_texts(tree)
    names = jsonld_authors(tree, scripts=scripts)
    if md.author:
        metas, turned = _author_metas(tree)
        sources = [*metas, *names]
        if turned or any(holds_address(s) or holds_reference(s) or holds_name_ampersand(s)
                         for s in sources):
            # trafilatura read an address beside a name as words ("Jane Doe jane com"),
            # a named reference as names ("Jos; Eacute; Garc; Iacute; A"), a name written
            # family name first as two ("Doe; Jane"), "AT&T" as two ("AT; T"); read the same
            # bylines again without the address, the reference read
            md.author = normalize_byline("; ".join(sources))
    if md.sitename and md.sitename == md.title and any(
            squash(h) == squash(md.sitename) for h in jsonld_headlines(scripts)):
        # trafilatura took a WebPage record's "name" (the page's own title, the
        # article's headline) for the site's: as an outlet name it hid the <h1> that
        # says the same, and the release's subhead became the title
        md.sitename = None
    # a publisher name trafilatura could not read (a list, a value object) is the record's
    md.sitename = md.sitename or jsonld_publisher_name(tree, scripts=scripts)
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
        # "Analysis | X" as the heading's text, the site declaring "X": the label goes
        title = without_undeclared_label(title, [md.title, doc_title])
    else:
        guess = md.title or guessed_title(tree, doc_title)
        if guess and doc_title and _cut_at_a_quote(guess, doc_title):
            guess = doc_title
        # (the name declared or the domain's: a site name guessed from the <title> may be
        # its headline segment, "»frag.jetzt« – ARSnova")
        if (guess and doc_title and (md.sitename and squash(guess) == squash(md.sitename)
                                     or names_the_outlet(guess, outlet_names(None, url)))
                and squash(doc_title) != squash(guess)
                and " ".join(doc_title.split()).startswith(guess.strip())):
            # trafilatura kept the <title>'s first segment, and that is the name the site
            # declares ("BBC News - Bridge reopens ...", "NPR : ..."): the headline is in
            # the rest (a site named after its subject, "mediaarchitecture.de // Jens
            # Weber" of the site "Jens Weber", keeps the guess)
            guess = doc_title
        title = clean_title(guess, site_name, url)
        if not title or names_the_outlet(title, outlets):
            # no heading and only the outlet declared (og:title, <title>): the headline the
            # article's microdata names ('<span itemprop="headline">'), if any
            title = microdata_headline(tree, outlets) or title
    if title:
        # soft hyphens and zero-width marks the CMS put in for line breaking
        # ("Mes\xadsen\xadger\xaddiens\xadte"): invisible on the page, in the way of
        # every search and comparison of the title
        title = INVISIBLE_IN_TITLE.sub("", unescaped_twice(title)) or None
    if title and not names_something(title):
        title = None  # "|", "&", "-": the separators of an empty headline field
    # a page that sets its headline in no element (only og:title or <title> name it): the
    # byline and date lines are read beside where it would stand, atop its only <article>
    anchor = headline
    if anchor is None and title and doc_title and names_the_outlet(doc_title, outlets):
        # the <title> names only the site (no declared headline to pick a heading by): the
        # heading the title was guessed from is where the byline and date lines stand
        anchor = heading_named(tree, title)
    if anchor is None:
        anchor = story_anchor(tree)
    # meta tags and JSON-LD first (the CMS's own record), then the byline in the page
    raw_authors = outlet_dash_author(tree, outlets) or md.author or labelled_author(tree)
    authors = tagged = clean_authors(raw_authors, outlets)
    byline = raw_authors
    raw_recorded = normalize_byline("; ".join(names)) if names else None
    recorded = clean_authors(raw_recorded, outlets)
    if recorded and any(is_person(a, outlets) for a in recorded) and (
            {squash(a) for a in recorded} != {squash(a) for a in authors}):
        # the article's own structured record names its authors; a <meta name=author>
        # beside it often names the publisher or the site's owner
        authors, byline = recorded, raw_recorded
    if AUTHOR_SEARCH and not any(is_person(a, outlets) for a in authors):
        # nobody, or only the outlet / a newsroom: the byline in the page may name the person
        # each place in turn until one names somebody once cleaned: a byline box holding
        # only labels ("Datum", "Veröffentlicht") does not hide the written byline
        outlet_only: list[str] = []
        raw_outlet_only: str | None = None
        for search in (lambda: find_byline_author(tree, headline),
                       lambda: text_byline(anchor, in_other_area),
                       lambda: credit_byline(anchor, in_other_area),
                       lambda: paragraph_byline(tree, in_other_area),
                       lambda: submitted_byline(tree, in_other_area),
                       lambda: labelled_byline(tree, in_other_area),
                       lambda: signature_byline(tree, in_other_area),
                       lambda: wire_credit(tree, in_other_area),
                       lambda: bracketed_dateline_reporter(tree, in_other_area),
                       lambda: dispatch_reporters(tree, in_other_area),
                       lambda: agency_signoff(tree, in_other_area),
                       lambda: capitals_signoff(tree, in_other_area),
                       lambda: author_link_byline(tree, headline),
                       lambda: post_author_login(tree)):
            raw_found = search()
            found = clean_authors(raw_found, outlets)
            if found and not all(is_outlet(a, outlets) for a in found) and (
                    not outlet_only or any(is_person(a, outlets) for a in found)):
                # (after the site's own name, only a person: a later place's newsroom
                # credit is the same byline cut short, "Redacción El Observador" of "Por
                # Redacción El Observador del Plata" whose name pattern stopped at "del")
                break
            # a byline naming only the site itself ("The Planetary Press" in the author
            # box, "Written by: Julie Mollins" in the text) says no more than its name:
            # the next place may name the writer, else it stands
            if not outlet_only:
                outlet_only, raw_outlet_only = found, raw_found
        else:
            found = outlet_only
            raw_found = raw_outlet_only if outlet_only else None
        if found and (not authors or names_of_people(found, outlets)):
            authors, byline = found, raw_found
    elif AUTHOR_SEARCH:
        # the page's byline may say which of several recorded names wrote it, spell out a
        # single recorded word, or name the co-authors a one-name record leaves out
        raw_shown = find_byline_author(tree, headline)
        shown = clean_authors(raw_shown, outlets)
        refinable = len(authors) >= 2 or (len(authors) == 1 and " " not in authors[0])
        if not shown and len(authors) == 1 and " " not in authors[0]:
            # a single recorded word: a label/value byline may spell it out (rare: cheap)
            raw_shown = labelled_byline(tree, in_other_area)
            shown = clean_authors(raw_shown, outlets)
        if shown and ((refinable and byline_refines(authors, shown))
                      or byline_adds_coauthors(authors, shown, outlets)
                      or byline_backs_the_tags(tagged, authors, shown, outlets)):
            authors, byline = shown, raw_shown

    if AUTHOR_SEARCH and not authors:
        # nobody named anywhere: the author's profile page the article:author tag links
        profiled = author_from_profile_url(tree, url)
        authors, byline = ([profiled], profiled) if profiled else (authors, byline)

    # the string the authors were cleaned from, if they still are its: a link that spells
    # it whole restores a name the normaliser split; once JSON-LD or the byline replaced
    # them, a link spelling the meta tag's value ("Stefanus") would undo that
    authors = author_link_spelling(tree, authors, raw_authors if authors == clean_authors(
        raw_authors, outlets) else None)

    root = tree.getroottree().getroot()
    lang = (root.get("lang") or root.get("xml:lang") or "").strip() or None
    authors = without_language_by_label(authors, lang)
    locale = tree.find(".//meta[@property='og:locale']")
    # read once: date_candidates sorts revision stamps by it, and it is kept as modified_at
    recorded_change = modified_date(tree, scripts=scripts)
    locale_value = locale.get("content") if locale is not None else None
    day_first = reads_day_first((lang, locale_value), url)
    month_first = not day_first and reads_month_first((lang, locale_value), url)
    zone = page_zone(url, (locale_value, lang))
    candidates = in_page_zone(in_page_calendar(
        date_candidates(tree, url, hint_published_at, hint_published_source, anchor,
                        fetched, modified=recorded_change, day_first=day_first,
                        scripts=scripts),
        page_calendar(url, (locale_value, lang))), zone)
    chosen, flags = choose_date(candidates, now)
    if chosen is not None and day_vote(chosen, candidates) < LABELLED_DATE_WEIGHT:
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
               or dateline_date(tree, latest, in_other_area, day_first)
               or post_date_field(tree, latest, in_other_area, day_first)
               or bylined_date(tree, latest, in_byline_card_or_other_area, day_first))
        found, source = (day.isoformat() if day else None), "text"
        if not found and fetched is not None:
            # "vor 3 Stunden", "Gestern, 14:05" in the date element beside the headline: a
            # day only against the fetch time, so only when the caller says when the page
            # was fetched; before htmldate and the first date in the text, which read
            # whatever date the page writes anywhere (a related story's, a teaser's)
            instant = relative_date(anchor, in_other_area, fetched)
            found, source = (instant.isoformat() if instant else None), "relative"
            # (an ISO stamp an attribute writes is the site's wall clock: naive, no UTC)
            relative_utc = instant is not None and instant.tzinfo is not None
        if not found and fetched is not None:
            # a day and month with no year beside the headline ("Thursday 3 December") or in
            # a wire dateline ("BERLIN, Dec. 3 (Reuters) - "): the fetch gives the year
            today = fetched.astimezone(zone).date() if zone else fetched.date()
            day = (yearless_date(anchor, in_other_area, today)
                   or wire_dateline_day(tree, in_other_area, today))
            found, source = (day.isoformat() if day else None), "text"
        # a story dated only by its update line ("Atualizado em 03/12/2026 14h05" in a
        # date-classed element, refused beside the headline as an update)
        update = None if found else story_update_day(anchor, day_first)
        if not found:
            found, source = htmldate_date(
                tree, url, now, extensive=False, day_first=day_first,
                month_first=month_first), "htmldate"
            # (a day htmldate read from the modification tags alone, `og:updated_time`
            # where nothing else dates the page, stays: most pages are never updated after
            # the day they appear, and a guess of low confidence is nearer than none)
            found = None if found == clock_day or _dated_only_in_teasers(tree, found) else found
        if update is not None and (found or "")[:10] != update.isoformat():
            # htmldate read another day (a "Veja também" list's after the story): the
            # story's own update line is the day (round 4's rule); where both agree the
            # answer stays htmldate's
            found, source = update.isoformat(), "text"
        if not found:
            # the first full date written in the page's text: a low-confidence guess
            day = first_text_date(tree, (now + FUTURE_TOLERANCE).date(), day_first)
            found, source = (day.isoformat() if day else None), "text"
        if not found and extensive_dates:
            found, source = htmldate_date(
                tree, url, now, extensive=True, day_first=day_first,
                month_first=month_first), "htmldate"
            found = None if found == clock_day else found
        if found:
            # "3 hours ago" is counted back from the fetch's UTC instant: its day is the
            # one that instant was in the page's zone (at 06:00Z, three hours before is
            # the evening before on an American page)
            chosen = in_page_zone([DateCandidate(source, parse_date(found),
                                                 in_utc=source == "relative"
                                                 and relative_utc)], zone)[0]
            candidates.append(chosen)
    if chosen is not None and _is_the_update(chosen.day.isoformat(), recorded_change, zone):
        # the page's date is its update's ("Updated Dec. 5" beside the headline, as the
        # modified tag): a note giving the first publication is the publication
        original = originally_published(tree, chosen.day, day_first)
        if original is not None and original != chosen.day:
            chosen = DateCandidate("text", datetime(original.year, original.month,
                                                    original.day, tzinfo=UTC), original)
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
        byline=capped_text(" ".join(byline.split()), MAX_LABEL_CHARS) if authors and byline
        else None,
        published_at=chosen.value if chosen else None,
        published_at_source=chosen.source if chosen else None,
        published_date=chosen.day if chosen else None,
        published_at_confidence=date_confidence(chosen, candidates, now),
        modified_at=modified,
        date_candidates=candidates,
        date_flags=flags,
        site_name=capped_text(unescaped_twice(site_name), MAX_LABEL_CHARS),
        description=capped_text(unescaped_twice(md.description), MAX_DESCRIPTION_CHARS) or None,
        categories=_split_list(md.categories),
        tags=_split_list(md.tags),
        top_image=md.image or None,
        canonical_url=_against_base(tree, url, canonical or md.url or None),
        html_lang=lang,
        page_type=og_type or md.pagetype or None,
    )
