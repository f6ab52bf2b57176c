"""The date a reader sees next to the headline.

Meta tags and JSON-LD carry what the CMS recorded (often the creation of the draft, or the
time of the last re-save); the day printed beside the headline is what readers, editors and
the dev corpus's annotators take as the publication date. When the two disagree the page is
usually right: on the tuning half of the dev corpus, where the visible date and the first
structured claim named different days, the visible one was right 11 times and the
structured one 5 times.

Only the headline's neighbourhood is searched (its parent, then a few ancestors up, each
bounded in size), which keeps this at a fraction of a millisecond per page and keeps dates
of comments, teasers and related articles out.
"""

from __future__ import annotations

import re
from datetime import date

from htmldate.extractors import regex_parse
from lxml.html import HtmlElement

# How far up from the headline the search climbs, and how many elements a container may
# hold before it is too wide to say anything about this article (a whole page column).
# Dev corpus, tuning half: levels 0-1 (the headline's parent and grandparent) hold 188 of
# the 222 visible dates found, 93% of them right; levels 2-4 add 34, 85% right.
MAX_LEVELS = 4
MAX_CONTAINER_ELEMENTS = 400
NEAR_LEVELS = 2  # levels 0..NEAR_LEVELS-1 count as "beside the headline"
MAX_DATE_TEXT = 150  # longer text is a paragraph that mentions a date, not a date line

# Class/id/itemprop words of elements that show a date ('post-date', 'article__meta',
# 'byline', 'fecha', 'datum', 'timestamp'...), and labels that introduce one in the text.
_DATE_CUE = re.compile(r"date|datum|time|publish|fecha|posted|meta|byline|info|created|erstellt",
                       re.I)
_DATE_LABEL = re.compile(
    r"veröffentlicht|erschienen|erstellt am|published|publié|publicado|pubblicato|posted", re.I
)
# A date element that says it is the update, not the publication ('updated', 'modified',
# 'Aktualisiert', 'mis à jour', 'actualizado').
_MODIFIED_CUE = re.compile(r"update|modif|aktualisiert|geändert|mis à jour|actualiza", re.I)
# Numeric day-month-year forms: ISO (2022-01-25), German/European (25.01.2022, 25. 1. 2022)
# and slashed (25/01/2022, 01/25/2022: taken only when the day is unambiguous, > 12).
_NUMERIC_DATE = re.compile(
    r"(?<![\d.])(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})"
    r"|(\d{1,2})/(\d{1,2})/(\d{4}))(?!\d)"
)
_SKIP_TAGS = frozenset({"script", "style", "a", "h1", "noscript", "button", "option"})


def parse_visible_date(text: str) -> date | None:
    """A full calendar day written for readers: numeric forms, or a month name in words
    ('25. Januar 2022', 'Jan 25, 2022', '25 janvier 2022': htmldate's multilingual parser).
    A month and year without a day is no date here: its '1st' would be made up."""
    text = " ".join(text.split())[:MAX_DATE_TEXT]
    m = _NUMERIC_DATE.search(text)
    try:
        if m and m[1]:
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m and m[4]:
            return date(int(m[6]), int(m[5]), int(m[4]))
        if m:
            first, second, year = int(m[7]), int(m[8]), int(m[9])
            if first > 12:
                return date(year, second, first)
            return date(year, first, second) if second > 12 else None
    except ValueError:
        return None
    found = regex_parse(text)
    return found.date() if found else None


def _element_date(elem: HtmlElement, parse_attr) -> date | None:
    """The day an element shows, if it is a date element (a <time>, or an element whose
    class/id/itemprop or leading text says 'date'), and not an update stamp."""
    tag = elem.tag
    if not isinstance(tag, str) or tag in _SKIP_TAGS:
        return None
    attrib = elem.attrib
    cue = f"{attrib.get('class', '')} {attrib.get('id', '')} {attrib.get('itemprop', '')}" \
        if attrib else ""
    lead = elem.text
    lead = lead if lead and len(lead) < MAX_DATE_TEXT else ""
    if tag != "time" and not (cue and _DATE_CUE.search(cue)) and not (
        lead and _DATE_LABEL.search(lead)
    ):
        return None
    if (cue and _MODIFIED_CUE.search(cue)) or (lead and _MODIFIED_CUE.search(lead)):
        return None
    text = elem.text_content()
    shown = parse_visible_date(text) if len(text) < MAX_DATE_TEXT else None
    if shown is None and tag == "time" and elem.get("datetime"):
        return parse_attr(elem.get("datetime"))  # the machine value when the text is "3h ago"
    return shown


def visible_date(
    headline: HtmlElement | None, in_other_area, parse_attr
) -> tuple[date, int] | None:
    """(day, level) of the date element nearest the headline, searching the headline's
    parent first, then up to MAX_LEVELS ancestors; None when there is no headline or no
    date near it.

    `in_other_area(elem, article_area)` says an element belongs to comments, teasers,
    sidebars... ; `parse_attr(value)` turns a <time datetime> value into the page's day.
    Among the dates of the first container that has one, the nearest in document order
    wins (one after the headline preferred to one as far before it: bylines follow
    headlines more often than they precede them).
    """
    if headline is None:
        return None
    article_area = frozenset(headline.iterancestors())
    node, inner, inner_size, at = headline, None, 1, 0
    for level in range(MAX_LEVELS):
        inner, node = node, node.getparent()
        if node is None or node.tag in ("body", "html"):
            return None
        # the container's elements in document order; the subtree searched at the level
        # below is skipped (it held no date) but keeps its place for the distances
        found: list[tuple[int, date]] = []
        i = 1
        for child in node:
            if child is inner:
                at, i = i + at, i + inner_size
                continue
            for elem in child.iter():
                day = _element_date(elem, parse_attr)
                if day is not None and not in_other_area(elem, article_area):
                    found.append((i, day))
                i += 1
            if i > MAX_CONTAINER_ELEMENTS:
                return None
        inner_size = i
        if found:
            _, day = min(found, key=lambda f: (f[0] - at) if f[0] > at else 1.5 * (at - f[0]))
            return day, level
    return None
