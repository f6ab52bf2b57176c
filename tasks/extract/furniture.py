"""Prune page furniture from the parsed page before trafilatura reads it.

trafilatura drops boilerplate by class/id tokens (share, newsletter, sidebar, ...), but only
inside the block it picked as the article, only on some tags, and not at all on a page where
one match would take most of the text (its guard is all or nothing). What slips through on
the dev corpus is DOM-evident: related-article blocks, author boxes and share rows named as
such in their class or id. The tokens are data (data/furniture_tokens.txt). An author box
is also known by its markup: a schema.org Person in microdata that holds a bio; a
picture's caption by a paragraph's or span's class.

The guard is per element: a match is kept when it holds the page's <h1> or more than
MAX_CONTENT_SHARE of the page's text, because then it is (or wraps) the article itself
("single-post related-posts-enabled": a class naming a plugin); the blocks inside it are
judged on their own.

Teaser cards ("related story" cards placed inside the article body, or in a blog module
beside it) carry no telling class; what gives them away is the headline: an h2-h4 that is
nothing but a link to another page (`<a href=...><h3>Title</h3></a>` or
`<h3><a href=...>Title</a></h3>`). The link and the wrappers whose whole text it is go, or
the card's whole `<article>`/`<li>` box when it holds that one headline and a teaser's text
(its date and summary); a heading linked to the page itself (a blog's own title) or to an
anchor on it stays.

Link lists are taken out of the text afterwards, not out of the page: a list each of whose
items is one headline-long link to another page of the same site, with at most a date
beside it ("Editors' Recommendations", an author box's "Latest posts", a wiki's navigation
box), which trafilatura keeps when it sits inside the article block. Deleting such lists
from the page before trafilatura read it changed its link-density judgements of the boxes
around them, and their labels and buttons then came through as lines. A list of links to
other sites (sources, further reading, products) is left to trafilatura and the line rules.
A paragraph that is one such linked headline alone (a story's inline link to another:
"Lesetipp: ...") goes the same way.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from lxml.html import HtmlElement
from trafilatura.htmlprocessing import delete_element

from tasks.common.urls import domain_of, url_parts

# A matched block holding more than this share of the page's text is the article (or wraps
# it), not furniture. Without the guard the dev corpus loses `with` snippets on both halves
# (BENCHMARKS.md, issue 13 round 2).
MAX_CONTENT_SHARE = 0.4

# Block containers only: a token on an <a>, <p> or <span> more often names a style
# (and trafilatura drops <figure>, <nav> and <aside> on its own).
_TAGS = ("div", "section", "ul", "ol")


def _load_tokens() -> list[str]:
    path = Path(__file__).parent / "data" / "furniture_tokens.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


# lower-case tokens against lower-cased attributes: a third of the time of re.IGNORECASE
_FURNITURE = re.compile("|".join(_load_tokens()))


@lru_cache(maxsize=16_384)
def _names_furniture(named: str) -> bool:
    """Whether a block's lower-cased "class id" names furniture. Cached: a page repeats
    its class strings (185 blocks, 85 distinct strings on a dev page on average) and a
    site's pages share them, while the search tries every token at every position."""
    return _FURNITURE.search(named) is not None


def _is_author_card(elem: HtmlElement) -> bool:
    """A schema.org Person described in microdata with a bio: the author box under an
    article, whatever its plugin calls its classes ("m-a-box", "pp-author-boxes", ...).
    A Person with no paragraph or description is a byline or a forum post's user card: it
    stays, since deleting the cards between a thread's posts changes which block
    trafilatura takes for the article."""
    kind = (elem.get("itemtype") or "").rstrip("/")
    if not kind.endswith("schema.org/Person"):
        return False
    return (next(elem.iter("p"), None) is not None
            or elem.find(".//*[@itemprop='description']") is not None)


# A picture's caption set as a paragraph or span beside it, outside any <figure> (which
# trafilatura drops): "<p class="imageCaption">", "<span class="img-caption">". On these
# two tags the class names a caption; a <div> so classed may hold a video page's text
# ("item-caption" on zdf.de: three `with` snippets).
_CAPTION_TAGS = ("p", "span")


# A video player set in the story, by its class: what trafilatura keeps of one is the
# title of another story's video ("Olympia: Die 7 neuen Disziplinen ...", "Trailer: NASA
# Explorers"), the player's own words ("Play Video", "Dein Browser kann dieses Video nicht
# abspielen") or a slideshow's "1/5" captions. On the dev corpus none holds a `with`
# snippet (session 45). "video" whole, not inside a word ("productvideorollover" on
# lavazza.de holds the product's text). An empty player stays: deleting it only moves its
# neighbours in trafilatura's reading (two abc13.com-style pages gained their "EMBED <>
# More Videos" code box).
_VIDEO_PLAYER = re.compile(
    r"video-?player|(?<![a-z])video[-_](?:container|wrapper|embed|holder|box)"
    r"|(?:embed|body|article|inline)[-_]+video|jwplayer|brightcove|vjs-dock")


def _furniture_blocks(body: HtmlElement) -> list[HtmlElement]:
    """Blocks whose class or id names furniture or a video player with words in it, author
    cards and captions, in document order: one loop over lxml's tag-filtered iterator (~1 ms
    a page; the same test as an EXSLT regex XPath takes ~4 ms)."""
    blocks = []
    for elem in body.iter(*_TAGS, *_CAPTION_TAGS):
        if elem.tag in _CAPTION_TAGS:
            if "caption" in (elem.get("class") or "").lower():
                blocks.append(elem)
            continue
        named = f"{elem.get('class') or ''} {elem.get('id') or ''}".lower()
        if (_names_furniture(named) or _is_author_card(elem)
                or (_VIDEO_PLAYER.search(named) and _norm(elem.text_content()))):
            blocks.append(elem)
    return blocks


# A sign-up, log-in or comment box: the field that asks for an e-mail address and the
# words around it. Named in no class on CSS-module sites ("css-1q2w3e"), so the box is
# found from the field: the widest wrapper whose text stays this short. 400 characters
# hold a newsletter's heading, pitch, button and consent line; on the dev corpus no box
# so bounded holds a `with` snippet (at 600, two short posts sharing a wrapper with
# their comment form do).
MAX_SIGNUP_CHARS = 400
_NOT_TYPED_FIELDS = ("hidden", "checkbox", "radio", "submit", "button", "image")


def _asks_for_email(field: HtmlElement) -> bool:
    kind = (field.get("type") or "").lower()
    if kind == "email":
        return True
    if kind in _NOT_TYPED_FIELDS:
        return False
    said = " ".join(field.get(a) or "" for a in ("name", "id", "placeholder", "autocomplete"))
    return "mail" in said.lower()


def _signup_boxes(body: HtmlElement) -> list[HtmlElement]:
    """Per e-mail field, its box: the outermost wrapper (below <body>) whose text is at
    most MAX_SIGNUP_CHARS and holds no <h1>; none when the field's own parent says more
    (a whole page inside one <form>, as ASP.NET writes it)."""
    boxes = []
    for field in body.iter("input"):
        if not _asks_for_email(field):
            continue
        box = None
        for anc in field.iterancestors():
            if anc is body or anc.tag in ("body", "html"):
                break
            if (len(_norm(anc.text_content())) > MAX_SIGNUP_CHARS
                    or anc.find(".//h1") is not None):
                break
            box = anc
        if box is not None and box not in boxes:
            boxes.append(box)
    return boxes


# An author box on a site whose classes say nothing: the author's picture and a text that
# opens with the name the byline gave ("<img> Jane Doe is a reporter ...", "<img> About
# Jane Doe ..."). The name may follow a label of a few words; the box holds a short bio.
MAX_AUTHOR_BOX_CHARS = 600
MAX_WORDS_BEFORE_NAME = 4
# A bio says something after the name; a byline box says a date, a mail address, a
# role ("Von Lisa Petrich | 18.10.2023", "Por Mariano Martín mmartin@..."), and deleting
# it moved trafilatura's start past the story's first paragraph on two dev pages.
MIN_BIO_WORDS = 10


def _author_boxes(body: HtmlElement, authors: list[str]) -> list[HtmlElement]:
    """Per picture, the widest wrapper within three levels whose text names one of
    `authors` among its first words and stays under MAX_AUTHOR_BOX_CHARS (no <h1>), when
    it comes after the story has begun (`_after_the_story_begins`)."""
    names = [a.lower() for a in authors if len(a.split()) >= 2]
    if not names:
        return []
    boxes = []
    for img in body.iter("img"):
        box = None
        depth = 0
        for anc in img.iterancestors():
            if anc.tag in _PICTURE_WRAPPERS:  # the picture's own link or <picture>
                continue
            if depth >= 3 or anc is body or anc.tag not in _BOX_TAGS:
                break
            depth += 1
            text = _norm(anc.text_content()).lower()
            if len(text) > MAX_AUTHOR_BOX_CHARS or anc.find(".//h1") is not None:
                break
            if _opens_with_a_name(text, names):
                box = anc
        if box is not None and box not in boxes:
            boxes.append(box)
    return _after_the_story_begins(body, boxes) if boxes else []


# A paragraph of this many words is the story's (a bio or a byline is shorter).
MIN_STORY_PARAGRAPH_WORDS = 25


def _is_long(text: str | None) -> bool:
    # (a run under 25 characters holds no 25 words: most are passed without a split)
    return (text is not None and len(text) >= MIN_STORY_PARAGRAPH_WORDS
            and len(text.split()) >= MIN_STORY_PARAGRAPH_WORDS)


def _story_start(body: HtmlElement) -> HtmlElement | None:
    """Where the page's first long paragraph begins: a <p> of MIN_STORY_PARAGRAPH_WORDS
    words, or an element whose own text, or the text after it, is that long (older CMSs
    and hand-made pages write the story as text between <br>s: "<font>...<br><br>..."),
    or a comment the story's text follows ("<!-- body -->...")."""
    for elem in body.iter():
        if not isinstance(elem.tag, str):  # a comment: only the text after it is shown
            if _is_long(elem.tail):
                return elem
            continue
        if elem.tag == "p":
            if _is_long(elem.text_content()) or _is_long(elem.tail):
                return elem
        elif (elem.tag not in _NO_STORY_TEXT and _is_long(elem.text)) or _is_long(elem.tail):
            return elem
    return None


# Whose own text is never the story's: code, and the text a browser does not show.
_NO_STORY_TEXT = frozenset(("script", "style", "noscript", "template", "textarea", "select"))


def _after_the_story_begins(body: HtmlElement, boxes: list[HtmlElement]) -> list[HtmlElement]:
    """The boxes that come after the page's first long paragraph and do not hold it: a bio
    closes a story; a box at its top is its byline, and a short story's whole body may
    open with the author's name and picture."""
    first = _story_start(body)
    if first is None:
        return []
    order = {elem: i for i, elem in enumerate(body.iter())}
    return [box for box in boxes if order[box] > order[first]
            and not any(anc is box for anc in first.iterancestors())]


# A picture linked to the author's page, or set in a <picture>, is still the box's picture.
_PICTURE_WRAPPERS = ("a", "picture", "source")  # (libxml2 nests an <img> in a <source>)
_BOX_TAGS = ("div", "section", "aside", "footer", "span")


def _opens_with_a_name(text: str, names: list[str]) -> bool:
    """Whether `text` names one of `names` among its first words and says a bio's worth
    (MIN_BIO_WORDS) after it."""
    words = text.split()
    for name in names:  # (as many words as a label and the name take: a name may be long)
        head = " ".join(words[:MAX_WORDS_BEFORE_NAME + len(name.split())])
        at = head.find(name)
        if at >= 0 and len(head[:at].split()) <= MAX_WORDS_BEFORE_NAME:
            return len(text[text.find(name) + len(name):].split()) >= MIN_BIO_WORDS
    return False


# A comment section's heading: "2 comments", "Kommentare (3)", "3 thoughts on “Title”",
# "One response to ...", "12 Antworten auf ...". A section that opens with one is the
# readers', not the story's, whatever its classes ("css-3yo4ga" on CSS-module sites).
_COMMENT_HEADING = re.compile(
    r"^(?:(?:\d+|one|ein|eine|un|une|uno|una)\s+(?:comments?|kommentare?|commentaires?"
    r"|comentarios?|commenti|commento|reacties|reactions?|responses?|replies|antworten"
    r"|leserkommentare|thoughts?|gedanken)"
    # alone, or on the story's title in quotes ("3 thoughts on “Title”")
    r"(?:\s*:?$|\s+(?:on|to|zu|auf|sur|a|de|su|op)\s+[“\"„«‘‚'])"
    r"|(?:comments?|kommentare|leserkommentare|commentaires|comentarios|commenti"
    r"|reader comments|user comments)\s*(?:\(\d+\))?\s*:?$)",
    re.IGNORECASE,
)
MAX_COMMENT_HEADING_CHARS = 120


def _comment_sections(body: HtmlElement) -> list[HtmlElement]:
    """The wrappers that open with a comment heading (nothing with text before it)."""
    sections = []
    for heading in body.iter(_HEADINGS):
        text = _norm(heading.text_content())
        if len(text) > MAX_COMMENT_HEADING_CHARS or not _COMMENT_HEADING.match(text):
            continue
        parent = heading.getparent()
        if parent is None or parent is body or parent.tag not in (*_TAGS, "aside", "footer"):
            continue
        if (parent.text or "").strip() or any(
                isinstance(e.tag, str) and e.text_content().strip()
                for e in heading.itersiblings(preceding=True)):
            continue
        sections.append(parent)
    return sections


def prune_furniture(tree: HtmlElement, url: str | None = None,
                    authors: list[str] | None = None) -> int:
    """Delete furniture blocks from `tree` in place (their tail text stays); how many.
    `url` is the page's address, which tells a link to the site's own stories; `authors`
    the names its byline gave, which tell its author box."""
    body = tree.find("body")
    if body is None:
        return 0
    blocks = _furniture_blocks(body)
    cards = _teaser_cards(body, _page_paths(tree), _site_of(url))
    boxes = _signup_boxes(body) + _author_boxes(body, authors or []) + _comment_sections(body)
    menus = _menus_of_a_page_without_paragraphs(body)
    # a menu's label goes with it ("目录" above a table of contents' links): left alone it
    # is a line of its own in the story
    boxes += [label for menu in menus if (label := _label_above(menu)) is not None] + menus
    if not blocks and not cards and not boxes:
        return 0
    page_chars = len(body.text_content())
    deleted: set[HtmlElement] = set()
    # document order, so a block comes before the blocks inside it: those go with it, or,
    # when it is the article (kept), are judged on their own
    for elem in blocks:
        if any(a in deleted for a in elem.iterancestors()):
            continue
        if _is_content(elem, page_chars):
            continue
        delete_element(elem)
        deleted.add(elem)
    for card in cards:
        if any(a in deleted for a in card.iterancestors()):
            continue
        delete_element(card)
        deleted.add(card)
    for box in boxes:
        if any(a in deleted for a in box.iterancestors()) or _is_content(box, page_chars):
            continue
        delete_element(box)
        deleted.add(box)
    return len(deleted)


_HEADINGS = ("h2", "h3", "h4")
# A headline of fewer words is a section label ("Mehr", "Temas relacionados"), which the
# line rules of the clean stage judge with their cue words.
MIN_TEASER_WORDS = 3


def _norm(text: str) -> str:
    return " ".join(text.split())


def _page_paths(tree: HtmlElement) -> set[str]:
    """The paths the page declares as its own (canonical, og:url), for the self-link test."""
    declared = [e.get("href") for e in tree.iterfind(".//head/link[@rel='canonical']")]
    declared += [e.get("content") for e in tree.iterfind(".//head/meta[@property='og:url']")]
    parts = (url_parts(address or "") for address in declared)
    return {p.path.rstrip("/") for p in parts if p is not None} - {""}


def _teaser_link(heading: HtmlElement) -> HtmlElement | None:
    """The link that is the whole headline: an <a> around the heading or the heading's only
    text; None when the heading holds more than a link."""
    text = _norm(heading.text_content())
    if len(text.split()) < MIN_TEASER_WORDS:
        return None
    for anc in heading.iterancestors("a"):
        return anc if _norm(anc.text_content()) == text else None
    for link in heading.iter("a"):
        if _norm(link.text_content()) == text:
            return link
    return None


def _points_elsewhere(link: HtmlElement, own_paths: set[str]) -> bool:
    href = (link.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:")):
        return False
    parts = url_parts(href)  # a link no parser takes leads nowhere
    return parts is not None and parts.path.rstrip("/") not in own_paths


def _teaser_cards(body: HtmlElement, own_paths: set[str], site: str | None = None
                  ) -> list[HtmlElement]:
    """The linked headlines, each widened to the outermost wrapper whose whole text it is
    (the heading, the link, a title <div>): the card's headline goes, its other parts are
    left to trafilatura and the line rules, unless the card has a box of its own
    (`_card_box`, `_div_cards`)."""
    cards = []
    div_boxes: dict[HtmlElement, HtmlElement] = {}
    for heading in body.iter(_HEADINGS):
        link = _teaser_link(heading)
        if link is None or not _points_elsewhere(link, own_paths):
            continue
        card = heading if link in heading.iterdescendants() else link
        parent = card.getparent()
        while parent is not None and parent is not body and _holds_only(parent, card):
            card, parent = parent, parent.getparent()
        box = _card_box(card, ("article", "li"))
        if box is None and _on_site(link.get("href") or "", site):
            div = _card_box(card, ("div",))
            if div is not None:
                div_boxes[card] = div
        cards.append(card if box is None else box)
    grouped = _div_cards(list(div_boxes.values()), body) if div_boxes else set()
    return [div_boxes[c] if div_boxes.get(c) in grouped else c for c in cards]


# A card box that is a bare <div> is taken only among siblings of its kind: a module
# of "More from Politics" cards, each a linked headline and a summary. One such <div>
# alone may be a section of the story whose heading links somewhere; a group holding
# more than MAX_CONTENT_SHARE of the page's text is the story (a digest of the day's
# stories, a roundup of the site's own guides).
MIN_DIV_CARDS = 2


def _div_cards(boxes: list[HtmlElement], body: HtmlElement) -> set[HtmlElement]:
    """The boxes that have at least MIN_DIV_CARDS - 1 sibling boxes, in groups that hold
    no more than MAX_CONTENT_SHARE of the page's text."""
    by_parent: dict[HtmlElement | None, list[HtmlElement]] = {}
    for box in boxes:
        by_parent.setdefault(box.getparent(), []).append(box)
    page_chars = len(body.text_content())
    return {b for group in by_parent.values() if len(group) >= MIN_DIV_CARDS
            and sum(len(b.text_content()) for b in group) <= MAX_CONTENT_SHARE * page_chars
            for b in group}


def _holds_only(parent: HtmlElement, child: HtmlElement) -> bool:
    """Whether `child` is all the text of `parent`. Reads the other children only up to their
    first text (a parent's whole text_content, up to the page body, cost ~1 ms a page)."""
    if (parent.text or "").strip() or (child.tail or "").strip():
        return False
    for other in parent:
        if other is child:
            continue
        if (other.tail or "").strip():
            return False
        if isinstance(other.tag, str) and any(t.strip() for t in other.itertext()):
            return False
    return True


# A teaser card's own box: its headline, a date and a summary of a sentence or two.
MAX_CARD_CHARS = 600


def _card_box(headline: HtmlElement, tags: tuple[str, ...]) -> HtmlElement | None:
    """The nearest box of `tags` around a teaser headline (within 3 levels), when it holds
    that one headline and no more than a teaser's text (its picture, date and summary go
    with it): an <article> or <li> card, or a <div> one (`_div_cards`)."""
    for depth, anc in enumerate(headline.iterancestors()):
        if depth >= 3:  # (<body> and <html> are among no card's tags)
            return None
        if anc.tag in tags:
            headings = sum(1 for _ in anc.iter("h1", *_HEADINGS))
            if headings == 1 and len(_norm(anc.text_content())) <= MAX_CARD_CHARS:
                return anc
            return None
    return None


# A menu: a block of at least MIN_MENU_LINKS links of at most MAX_MENU_LINK_WORDS words
# each, and no letter outside them ("Home | News | Sport"), with no paragraph, heading,
# table or picture inside.
MIN_MENU_LINKS = 3
MAX_MENU_LINK_WORDS = 3
_MENU_TAGS = ("div", "ul", "ol", "p", "td", "span", "section", "header", "footer")
_NOT_IN_A_MENU = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "img", "blockquote")
_LETTER = re.compile(r"[^\W\d_]")
# A page holding a paragraph this long has its story in <p>s, where trafilatura's fast
# reading finds it and leaves the menus out on its own.
MIN_STORY_PARAGRAPH_CHARS = 100


def _menus_of_a_page_without_paragraphs(body: HtmlElement) -> list[HtmlElement]:
    """`_link_menus`, on a page whose story is not written in `<p>`s (list items, `<div>`s,
    lines of a `<font>`): trafilatura's fast reading took the whole body there, the
    site's menu ("Home", "News", "Sport") as the story's first lines. Where the story is
    in `<p>`s the menus stay: deleting them changed which block trafilatura took on six
    dev pages (a credit comparison site lost five `with` snippets); on the pages without,
    three menus went and nothing annotated moved."""
    if any(len(p.text_content()) >= MIN_STORY_PARAGRAPH_CHARS for p in body.iter("p")):
        return []
    return _link_menus(body)


def _link_menus(body: HtmlElement) -> list[HtmlElement]:
    """The outermost blocks made only of short links: a site's menu written without
    `<nav>` (which trafilatura drops itself), in document order."""
    found: list[HtmlElement] = []
    inside: set[HtmlElement] = set()  # the found menus' descendants (a menu is small)
    for elem in body.iter(*_MENU_TAGS):
        if elem in inside:
            continue
        # the block test first: it stops at the first paragraph or picture, where listing
        # the links reads the whole block (the body's outer wrappers hold most of the page)
        if next(elem.iter(*_NOT_IN_A_MENU), None) is not None:
            continue
        links = list(elem.iter("a"))
        if len(links) < MIN_MENU_LINKS:
            continue
        texts = [a.text_content() for a in links]
        if not all(0 < len(t.split()) <= MAX_MENU_LINK_WORDS for t in texts):
            continue
        rest = elem.text_content()
        for text in texts:
            rest = rest.replace(text, " ", 1)
        if not _LETTER.search(rest):
            found.append(elem)
            inside.update(elem.iterdescendants())
    return found


def _is_content(elem: HtmlElement, page_chars: int) -> bool:
    """The article itself (or a wrapper of it), whatever its class says."""
    return (len(elem.text_content()) > MAX_CONTENT_SHARE * page_chars
            or elem.find(".//h1") is not None)


# A link list's item: the linked title and at most this many words beside it (a date:
# "- October 10, 2020"); an item that says more about its link is content.
MAX_LINK_ITEM_REST_WORDS = 4
# The line just above a run of link-list lines, when this short and not a sentence, is the
# list's label ("Editors' Recommendations:", "Latest posts by Evan Symon").
MAX_LINK_LIST_LABEL_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?…\"”“»]\s*$")


def site_link_lists(tree: HtmlElement, url: str | None) -> list[list[str]]:
    """The item texts (whitespace collapsed) of each list of two or more items that are
    each a headline linked to another page of the page's site (see the module's
    docstring), and of each run of two or more sibling paragraphs that are."""
    body = tree.find("body")
    if body is None:
        return []
    own_paths = _page_paths(tree)
    site = _site_of(url)
    found = []
    for lst in body.iter("ul", "ol"):
        items = [child for child in lst if isinstance(child.tag, str)]
        if len(items) >= 2 and all(
                item.tag == "li" and _is_site_link_item(item, own_paths, site)
                for item in items):
            found.append([_norm(item.text_content()) for item in items])
    # the same list written as paragraphs, each a linked title (redtri.com's "more jokes"),
    # and a paragraph that is one such title alone: a story's inline link to another
    # ("Annie Lowrey: California is becoming unlivable", "Lesetipp: ...", ">>> ...");
    # a linked sentence is a step of instructions ("First, install the dependencies.")
    run: list[HtmlElement] = []
    for para in body.iter("p"):
        if (not _is_site_link_item(para, own_paths, site)
                or para.text_content().rstrip().endswith(".")):
            continue
        if not run or para.getprevious() is not run[-1]:
            if run:
                found.append([_norm(p.text_content()) for p in run])
            run = []
        run.append(para)
    if run:
        found.append([_norm(p.text_content()) for p in run])
    return found


def menu_link_lists(tree: HtmlElement, text: str) -> list[list[str]]:
    """The link texts of each site menu written without <nav> ("Home | Politik | Sport",
    `_link_menus`), as `drop_link_list_lines` takes lists: trafilatura reading a whole
    body writes its links as lines of their own above the story. Looked for only when
    `text` holds MIN_MENU_LINKS short lines in a row (the search costs ~3 ms a page; most
    texts hold no such run)."""
    body = tree.find("body")
    if body is None or not _has_a_run_of_short_lines(text):
        return []
    return [[_norm(a.text_content()) for a in menu.iter("a")] for menu in _link_menus(body)]


def _has_a_run_of_short_lines(text: str) -> bool:
    run = 0
    for line in text.split("\n"):
        words = len(line.split())
        if words == 0:
            continue
        run = run + 1 if words <= MAX_MENU_LINK_WORDS else 0
        if run >= MIN_MENU_LINKS:
            return True
    return False


# The elements that can be a list's label: a heading, or a short line of its own.
_LABEL_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6", "p", "div", "span", "strong", "b"})


def drop_link_list_labels(tree: HtmlElement, url: str | None) -> int:
    """Delete the label just above each list of links to the site's other stories
    ("Related", "Mehr zum Thema") or to the page's own sections (a table of contents):
    the element before the list, when it is a heading or a line of its own of at most
    MAX_LINK_LIST_LABEL_WORDS words that is no sentence. trafilatura often drops such a
    list for its link density and keeps the label; the clean stage then reads the label
    as a "related" cue and takes the story's next list along as its teasers. How many."""
    body = tree.find("body")
    if body is None:
        return 0
    own_paths = _page_paths(tree)
    site = _site_of(url)
    labels = []
    for lst in body.iter("ul", "ol"):
        # the label first: most lists (menus) have none, and the items' link tests cost
        label = _label_above(lst)
        if label is None:
            continue
        items = [child for child in lst if isinstance(child.tag, str)]
        if len(items) >= 2 and all(item.tag == "li" and (
                _is_site_link_item(item, own_paths, site) or _is_section_link(item))
                for item in items):
            labels.append(label)
    for label in labels:
        delete_element(label)
    return len(labels)


def _label_above(elem: HtmlElement) -> HtmlElement | None:
    """The element just before `elem` when it is a label: a heading or a line of its own
    (inline elements at most) of at most MAX_LINK_LIST_LABEL_WORDS words, no sentence."""
    label = elem.getprevious()
    while label is not None and not isinstance(label.tag, str):  # a comment between
        label = label.getprevious()
    if (label is None or label.tag not in _LABEL_TAGS
            or any(isinstance(child.tag, str) and child.tag not in _INLINE_TAGS
                   for child in label.iterdescendants())
            or not _is_label(label.text_content())):
        return None
    return label


_INLINE_TAGS = frozenset({"a", "b", "strong", "em", "i", "span", "small", "abbr"})


def _is_section_link(item: HtmlElement) -> bool:
    """A table of contents' entry: one link to a part of the page ("#s2") and nothing else."""
    links = [a for a in item.iter("a") if _norm(a.text_content())]
    return (len(links) == 1 and (links[0].get("href") or "").startswith("#")
            and _norm(links[0].text_content()) == _norm(item.text_content()))


def drop_link_list_lines(text: str, link_lists: list[list[str]]) -> str:
    """`text` without the runs of two or more consecutive lines that are items of one link
    list (as trafilatura writes an item: "- " and its text), nor the label line above such
    a run, nor the line of a one-item list (a linked paragraph alone). A single line
    matching an item of a longer list stays: a headline quoted once in the text is prose."""
    if not link_lists or not text:
        return text
    list_of = {}
    for n, items in enumerate(link_lists):
        for item in items:
            list_of.setdefault(item, n)
    lines = text.split("\n")
    owner = [list_of.get(_norm(line.strip().removeprefix("- "))) if line.strip() else None
             for line in lines]
    drop = [False] * len(lines)
    i = 0
    while i < len(lines):
        j = i + 1
        while owner[i] is not None and j < len(lines):
            if owner[j] == owner[i]:
                j += 1
                continue
            # a separator line between two items ("Home", "|", "News": a menu's "|"s
            # between its links) is the list's too
            k = j
            while k < len(lines) and _is_separator(lines[k]):
                k += 1
            if k == j or k == len(lines) or owner[k] != owner[i]:
                break
            j = k
        if owner[i] is not None and j - i >= 2:
            drop[i:j] = [True] * (j - i)
            label = i - 1
            if label >= 0 and _is_label(lines[label]):
                drop[label] = True
        elif owner[i] is not None and len(link_lists[owner[i]]) == 1:
            drop[i] = True  # (its label, if any, may be the story's own last line)
        i = j
    return "\n".join(line for line, gone in zip(lines, drop, strict=True) if not gone)


def _is_separator(line: str) -> bool:
    return bool(line.strip()) and _LETTER.search(line) is None and not any(
        c.isdigit() for c in line)


def _is_label(line: str) -> bool:
    line = line.strip()
    return (0 < len(line.split()) <= MAX_LINK_LIST_LABEL_WORDS
            and not line.startswith("- ") and not _SENTENCE_END.search(line))


def _site_of(url: str | None) -> str | None:
    try:
        return (domain_of(url) or None) if url else None
    except ValueError:
        return None


def _is_site_link_item(item: HtmlElement, own_paths: set[str], site: str | None) -> bool:
    links = [a for a in item.iter("a") if _norm(a.text_content())]
    if len(links) != 1:
        return False
    link = links[0]
    title = _norm(link.text_content())
    if len(title.split()) < MIN_TEASER_WORDS or not _points_elsewhere(link, own_paths):
        return False
    if not _on_site(link.get("href") or "", site):
        return False
    rest = _norm(item.text_content()).replace(title, " ", 1)
    return len(rest.split()) <= MAX_LINK_ITEM_REST_WORDS


def _on_site(href: str, site: str | None) -> bool:
    """A relative link, or one to the page's own site: www. and m. prefixes aside, a host
    below the page's or above it (werbung.5min.at on www.5min.at, cnn.com on
    edition.cnn.com), the same name under a sister suffix (bbc.com's story lists link
    bbc.co.uk pages). Two hosts below one name are not known to be one site (two blogs
    on blogspot.com). An absolute link on a page of unknown address is not known to stay."""
    parts = url_parts(href.strip())
    if parts is None:
        return False
    if not parts.netloc:
        return True
    if site is None:
        return False
    domain = domain_of(href.strip())
    name = _bare_name(domain)
    return (domain == site or domain.endswith("." + site) or site.endswith("." + domain)
            or (name is not None and name == _bare_name(site)))


# The second-level labels under which countries register sites ("bbc.co.uk", "abc.net.au",
# "asahi.or.jp").
_REGISTRY_LABELS = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "or", "ne", "go"})


def _bare_name(domain: str) -> str | None:
    """The name a site registered when the domain is that name and a suffix alone ("bbc"
    of bbc.com and of bbc.co.uk); None for a host below a name ("edition.cnn.com",
    "anna.blogspot.com": a blog on a shared host is no site of another blog there)."""
    labels = domain.split(".")[:-1]
    if len(labels) == 2 and labels[1] in _REGISTRY_LABELS:
        labels.pop()
    return labels[0] if len(labels) == 1 and labels[0] else None
