"""The title: the `<title>` without its site segment, the page's headline (the `<h1>` or
a titled element that agrees with the title), and the outlet's names."""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import urlsplit

from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura.metadata import (
    extract_title,
)
from trafilatura.utils import trim

from tasks.common.urls import url_parts
from tasks.extract.inline import UNSHOWN_TAGS

# choose_headline: least word overlap (Dice) between an <h1> and a declared title. Dev
# corpus, per half: 0.3 -> 0.830/0.820, 0.4 -> 0.832/0.815, 0.5 -> 0.825/0.806, 0.7 ->
# 0.778/0.787; lower lets logos and section names through on unseen sites.
HEADLINE_MIN_OVERLAP = 0.4
_TITLE_WORDS = re.compile(r"\w+")
# ... and the fullwidth bar of Japanese and Chinese titles, written without spaces
# ("記事の見出し｜サイト名")
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|·|•|::|»|/)\s+|\s*｜\s*")


# A title opening with a name and a colon ("NPR : Story").
_SITE_COLON = re.compile(r"^([^:]{2,40}?)\s*:\s+(\S.*)$")


def squash(s: str) -> str:
    """Letters and digits only, case-folded: titles, outlet names and bylines compared
    whatever their spacing, punctuation and case."""
    return "".join(ch for ch in s.casefold() if ch.isalnum())


def folded(s: str) -> str:
    """squash without accents: an author meta tag often writes 'Gabor Munier' for the
    'Gàbor Muniér' of the byline."""
    return squash("".join(ch for ch in unicodedata.normalize("NFKD", s)
                           if not unicodedata.combining(ch)))


def names_something(title: str) -> bool:
    """True when a title holds a letter, a digit or a symbol that is a picture (an emoji):
    "|", "-", "&", "•" alone are the separators of a template whose headline field was
    empty ("<title> | </title>", `og:title` "&amp;"), no headline to store."""
    return any(unicodedata.category(ch)[0] in "LN" or unicodedata.category(ch) == "So"
               for ch in title)


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
    names = outlet_names(site_name, url)
    named = _SITE_COLON.match(title)
    if named and squash(named[1]) in names:
        # "NPR : Story", "The Gazette: Story": the site's very name before a colon (a
        # colon inside a headline, "Bridge: what next", stays)
        title = named[2]
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title

    def is_site(segment: str) -> bool:
        sq = squash(segment)
        return bool(sq) and any(n in sq or sq in n for n in names if len(n) >= 3)

    if is_site(parts[-1]) and len(parts[-1]) < len(title) / 2:
        parts = parts[:-1]
    elif is_site(parts[0]) and len(parts[0]) < len(title) / 2:
        parts = parts[1:]
    elif " | " in title and len(parts[-1].split()) <= 4 and len(parts[0].split()) >= 3:
        parts = parts[:-1]
    elif title.rstrip().rsplit("｜", 1)[-1].strip() == parts[-1] and len(parts[-1]) <= len(
            title) / 3:
        parts = parts[:-1]  # "見出し｜サイト名": the brand after the fullwidth bar, shorter
    else:
        return title
    # the kept parts as written, with the separators between them
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() or title


def drop_site_segment(title: str, outlets: set[str]) -> str:
    """The title without a last (or else first) segment that names the outlet ("Story |
    Umweltbundesamt"); unlike clean_title, never a segment without that evidence."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    for edge in (parts[-1], parts[0]):
        if is_outlet(edge, outlets) and len(edge) < len(title) / 2:
            start = title.find(edge) if edge is parts[0] else title.rfind(edge)
            rest = title[:start] if edge is parts[-1] else title[start + len(edge):]
            return rest.strip(_EDGE_SEPARATORS) or title
    return title


# Articles a publication's name may open with ("The Gazette" of gazette.example).
_NAME_ARTICLES = ("the", "die", "der", "das", "la", "le", "el", "il", "lo", "les", "los")


def names_the_outlet(text: str, outlets: set[str]) -> bool:
    """The text is the publication's name, whole, with or without an article before it:
    a logo's <h1> ("The Gazette"), never a headline that mentions the outlet."""
    sq = squash(text)
    return sq in outlets or any(
        sq.startswith(article) and sq[len(article):] in outlets for article in _NAME_ARTICLES)


def is_outlet(name: str, outlet_names: set[str]) -> bool:
    """The entry names the publication itself (site name, publisher or domain label)."""
    sq = squash(name)
    return bool(sq) and any(len(o) >= 3 and (sq == o or sq in o or o in sq) for o in outlet_names)


# The second-level labels under a country's domain that are no site's name ("co.uk",
# "com.au", "co.id", "com.br", "org.za"): the site's name is the label before them.
SECOND_LEVEL_LABELS = frozenset({"co", "com", "org", "net", "ac", "gov", "or", "ne", "gob",
                                 "edu"})


def outlet_names(site_name: str | None, url: str | None) -> set[str]:
    """Squashed names the publication goes by: its site name and its domain's labels."""
    names = {squash(site_name)} if site_name else set()
    host = urlsplit(url).hostname or "" if url else ""
    labels = [lab for lab in host.split(".") if lab not in ("www", "m", "amp")]
    if len(labels) >= 3 and labels[-2] in SECOND_LEVEL_LABELS:
        labels = labels[:-1]  # 'hariannusantara' of hariannusantara.co.id, not 'co'
    if len(labels) >= 2:
        names.add(squash(labels[-2]))  # 'autozeitung' of www.autozeitung.de
        names.add(squash(".".join(labels[-2:])))
    names.discard("")
    return names


# The comment form's and the comment list's headings ("Write a Reply or Comment", "One
# Comment"): trafilatura's title guess takes any h1-h3 whose class or id says "title", and
# WordPress themes give them "comment-reply-title" / id "reply-title".
_COMMENT_HEADINGS = XPath(
    "//*[self::h1 or self::h2 or self::h3][contains(@id, 'reply') or contains(@id, 'respond')"
    " or contains(@id, 'comment') or contains(@class, 'comment') or contains(@class, 'reply')]"
)


def guessed_title(tree: HtmlElement, doc_title: str | None) -> str | None:
    """trafilatura's title guess (a lone <h1>, a heading classed as a title, the <title>),
    unless it is a comment section's heading or a control's label ("Menu"): then the
    <title>."""
    guess = extract_title(tree)
    if not doc_title:  # a <title> the parser left in <body>; an icon's <svg><title> is none
        doc_title = next((t.text for t in tree.iter("title") if t.text and not any(
            a.tag == "svg" for a in t.iterancestors())), None)
    if guess and doc_title and (is_control_label(guess) or any(
            _element_text(h) == guess or trim(h.text or "") == guess
            for h in _COMMENT_HEADINGS(tree))):
        return doc_title
    return guess


# schema.org microdata's headline: a <meta itemprop=headline content> or the element's text
_MICRODATA_HEADLINE = XPath("//*[@itemprop='headline' or @itemprop='name headline'"
                            " or @itemprop='headline name']")
MAX_HEADLINE_CHARS = 300


def microdata_headline(tree: HtmlElement, outlets: set[str]) -> str | None:
    """The first headline the page's microdata declares ('<span itemprop="headline">'),
    for a page whose other titles name only the outlet; never the outlet's name."""
    for elem in _MICRODATA_HEADLINE(tree):
        text = elem.get("content") if elem.tag == "meta" else _element_text(elem)
        text = " ".join((text or "").split())
        if text and len(text) <= MAX_HEADLINE_CHARS and not names_the_outlet(text, outlets):
            return text
    return None


def _element_text(elem: HtmlElement) -> str:
    """The element's words: its text without what <style> or <script> inside it holds."""
    if not any(d.tag in UNSHOWN_TAGS for d in elem.iterdescendants()):
        return trim(" ".join(elem.itertext()))
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        parts.append(node.text or "")
        for child in node:
            if isinstance(child.tag, str) and child.tag not in UNSHOWN_TAGS:
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


# (not the zero-width non-joiner and joiner: Persian and the Indic scripts spell with them,
# and the clean stage's one-line fields drop only the stray ones)
INVISIBLE_IN_TITLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
# A character reference left whole after the HTML parser read the page: the CMS escaped
# an already escaped field (`og:title` "Tom &amp;amp; Jerry", "Tom&amp;#8217;s"), a
# known WordPress/SEO-plugin fault. Only complete references, with their ";": a bare
# "AT&T" or "R&D" is no reference.
_LEFTOVER_REFERENCE = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescaped_twice(text: str | None) -> str | None:
    """A title or description whose references the CMS escaped twice, read as meant:
    one more unescape of the complete references alone (fault round 26: "Tom &amp;
    Jerry" and "Tom&#039;s" were stored). One round only: the page escaped it once too
    often, not more."""
    if not text or "&" not in text:
        return text
    return _LEFTOVER_REFERENCE.sub(lambda m: html.unescape(m[0]), text)


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


# A label the heading writes as its own text before the headline, then a bar, a colon or a
# dash ("Analysis | X", "Lokales | X", "Opinión: X"): a section or kicker set in the same
# element, which the reader sees as a label over the headline and the dev corpus's titles
# leave out ("Local News | Brothel catering ..." -> "Brothel catering ..."). It opens with a
# letter: a quotation before a colon ('"Pure Leere": Marita Kramer ...') is the headline's.
_LEAD_LABEL = re.compile(r"^(?P<label>[^\W\d_][^|:–—]{1,39}?)\s*(?:\||:|–|—)\s+(?P<rest>\S.*)$")
MAX_LEAD_LABEL_WORDS = 3


def without_undeclared_label(heading: str, references: list[str | None]) -> str:
    """The heading's text without a short lead label (MAX_LEAD_LABEL_WORDS words, then
    "|", ":", "–" or "—") when a declared title (og:title, JSON-LD headline, <title>)
    opens with the rest and holds no word of the label: the site declares the headline
    without it. A declared title that keeps the label ("Brexit: what next | Site"), or a
    rest of fewer than MIN_HEADLINE_WORDS words, leaves the heading whole."""
    m = _LEAD_LABEL.match(" ".join(heading.split()))
    if not m or len(m["label"].split()) > MAX_LEAD_LABEL_WORDS:
        return heading
    rest = m["rest"]
    if len(rest.split()) < MIN_HEADLINE_WORDS:
        return heading
    label_words = set(_TITLE_WORDS.findall(m["label"].casefold()))
    for ref in references:
        if not ref or not squash(ref).startswith(squash(rest)):
            continue
        if not label_words & set(_TITLE_WORDS.findall(ref.casefold())):
            return rest
    return heading


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
        if not isinstance(child.tag, str) or child.tag in UNSHOWN_TAGS:
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


def _in_a_link(h: HtmlElement) -> bool:
    """The heading is a link's text: a teaser's '<a href=...><h2>...</h2></a>'."""
    parent = h.getparent()
    return parent is not None and parent.tag == "a"


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
            if (not text or len(text) > 300 or names_the_outlet(text, outlets)
                    or _is_home_link(h)):
                continue  # empty, a paragraph in a heading, or the site's logo
            if _is_logo(h):
                continue
            score = max(_agreement(text, ref) for ref in refs)
            if score > best_score or (score == best_score and best is not None
                                      and _in_a_link(best) and not _in_a_link(h)):
                # (of two headings with the same words, the one no link wraps: the other
                # is a teaser of this very story in a "Top stories" list above it)
                best, best_score = h, score
        if best_score >= HEADLINE_MIN_OVERLAP:
            if level != "h1" and best_score < 1.0:
                # a lower heading that only shares words with the declared title (a teaser's
                # "Regional hospital rejects ..." after a story set in no heading): an
                # element classed as the title that agrees better is the headline
                titled = titled_element(tree, refs, outlets)
                if titled is not None and max(_agreement(_element_text(titled), ref)
                                              for ref in refs) > best_score:
                    return titled
            under = _headline_under_section(best)
            return under if under is not None else best
    # an element classed as the title that agrees with the declared titles before the
    # page's only heading, which does not (had it agreed, the loop above took it): that
    # heading is another story's, a teaser's <h2> after a story set in no heading
    titled = titled_element(tree, refs, outlets)
    if titled is not None:
        return titled
    sole = sole_h1(tree, outlets)
    under = _headline_under_section(sole) if sole is not None else None
    if under is None and sole is not None and not any(
            _agreement(_element_text(sole), ref) for ref in refs):
        # (a label sharing no word with the declared titles: a product page's <h1>
        # "Autokredit" under "Autokredit finden | Site" stays its title)
        under = _entry_title_under_page_label(sole)
    return under if under is not None else sole


# An <h1> that names the page's section ("<h1 class=section>Politik</h1>"), whose
# <title> is that section's page ("Politik | Rheinbote"), over the story's headline in the
# next heading: a word or two, classed as a section or its text a link's on the page.
_SECTION_CLASS = re.compile(r"section|categor|rubri|ressort|channel|department|kicker", re.I)
MAX_SECTION_WORDS = 2
MIN_HEADLINE_WORDS = 3


def _headline_under_section(h1: HtmlElement) -> HtmlElement | None:
    """The heading right after `h1` when `h1` is a section's name (MAX_SECTION_WORDS, a
    section class or the text of a link elsewhere on the page) and that heading reads as a
    headline (MIN_HEADLINE_WORDS words or more, not opening in lower case); else None. A
    headline's deck in an <h2> under a headline of three words or more is no such case."""
    if h1.tag != "h1":
        return None
    text = _element_text(h1)
    if not text or len(text.split()) > MAX_SECTION_WORDS:
        return None
    nxt = h1.getnext()
    if nxt is None or nxt.tag not in ("h2", "h3") or _is_page_furniture(nxt):
        return None
    below = _element_text(nxt)
    if len(below.split()) < MIN_HEADLINE_WORDS or below[:1].islower():
        return None  # (a headline opens with a capital: "am Werkeln seit 1994" is a motto)
    if _SECTION_CLASS.search(h1.get("class", "")):
        return nxt
    wanted = squash(text)
    links = h1.getroottree().iter("a")
    return nxt if any(squash(a.text_content()) == wanted for a in links
                      if a not in h1.iterdescendants()) else None


_ENTRY_TITLE = XPath("//article//*[self::h2 or self::h3][contains(@class, 'title')]")


def _entry_title_under_page_label(h1: HtmlElement) -> HtmlElement | None:
    """The post's title where a blog theme gives the <h1> to the page's label ("<h1
    class=page-title>Blog</h1>", "Aktuelles") outside the post's <article> and sets the
    post in an `<h2 class="entry-title">` inside it: the first such heading of the first
    <article> that reads as a headline; else None. Asked only when no heading agreed with
    the declared titles (a `<title>` naming the site alone)."""
    text = _element_text(h1)
    if (not text or len(text.split()) > MAX_SECTION_WORDS
            or any(a.tag == "article" for a in h1.iterancestors())):
        return None
    for h in _ENTRY_TITLE(h1.getroottree()):
        below = _element_text(h)
        if _is_page_furniture(h) or not h.get("class", "").strip():
            continue
        if len(below.split()) >= MIN_HEADLINE_WORDS and not below[:1].islower():
            return h
        return None  # the first post's title only: a list's others are other posts
    return None


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
        if not text or len(text) > 300 or is_outlet(text, outlets) or _is_page_furniture(elem):
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


# The labels of a page's controls, set as a heading by themes that title their menu or
# search box with an <h1> ("<h1>Menu</h1>" above an unmarked list of links): no headline,
# whatever the page's declared title says. Casefolded, without punctuation.
_CONTROL_LABELS = frozenset({
    "menu", "menü", "menú", "main menu", "primary menu", "mobile menu", "navigation menu",
    "site menu", "navigation", "main navigation", "site navigation", "primary navigation",
    "toggle navigation", "hauptmenü", "hauptnavigation", "navigation principale", "search",
    "suche", "recherche", "buscar", "búsqueda", "cerca", "ricerca", "szukaj", "pesquisar",
    "pesquisa", "zoeken", "skip to content", "skip to main content", "zum inhalt springen",
    "close", "schließen", "share", "teilen", "login", "log in", "anmelden",
})


def is_control_label(text: str) -> bool:
    """The heading's text is the label of a menu, a search box or a button."""
    return " ".join(_TITLE_WORDS.findall(text.casefold())) in _CONTROL_LABELS


def content_headings(tree: HtmlElement, level: str, outlets: set[str]) -> list[HtmlElement]:
    """The <h1>s (or other `level`) of the page that may be its headline: not empty, not
    the site's name or logo, not a control's label, not a heading of the page's frame
    (_is_page_furniture)."""
    out = []
    for h in tree.iter(level):
        text = _element_text(h)
        if (not text or len(text) > 300 or names_the_outlet(text, outlets)
                or _is_home_link(h) or is_control_label(text)):
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


def heading_named(tree: HtmlElement, title: str) -> HtmlElement | None:
    """The first heading (<h1>-<h3>) outside the page's frame whose words are `title`'s:
    where the story's headline stands when no declared title picked it (a `<title>`
    naming only the site, no og:title: the title was guessed from that very heading), so
    that the byline and date lines beside it are read there."""
    wanted = " ".join(title.split())
    for h in tree.iter("h1", "h2", "h3"):
        if " ".join(_element_text(h).split()) == wanted and not _is_page_furniture(h):
            return h
    return None
