"""trafilatura's hottest XPath selectors, answered by one Python pass over the tree.

Why: trafilatura picks what to prune and where the body is with XPaths that call EXSLT's
`re:test` on every candidate element. lxml answers each `re:test` with a callback into
Python (argument conversion, a string copy, `re.search`), about 2 µs a call, several calls
per element: on the pages of the throughput benchmark these selectors took ~15 ms a page,
a third of extraction. A loop that reads the attributes with `get` and runs the same
compiled patterns returns the same elements in the same order several times faster
(bench/bench_selectors.py).

Same answers, by construction and by check:
- each selector here reproduces one XPath *shape*: the expression with its regex literals
  replaced by `R`. `install()` swaps an expression for its selector only when trafilatura's
  expression still has exactly that shape, and the selector runs the regexes read from that
  expression, so new tokens in a later trafilatura are used as they are; a changed shape
  keeps trafilatura's own XPath.
- XPath semantics kept: `.//*` is the descendants (not the node itself) in document order;
  `re:test(@id|@class, R)` and `contains(@class|@id, s)` read the first of the two
  attributes *in source order* (XPath's string value of a node-set); a missing attribute
  is ''; `[1]` after a step is the first match among each parent's children.
- tests/unit/extract/test_selectors.py compares every selector with the XPath it replaces
  on real pages and on generated trees.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from lxml import etree

LOG = logging.getLogger(__name__)

REGEXP_NS = "http://exslt.org/regular-expressions"  # EXSLT's `re:` functions
# re:test(ATTRS, 'regex'[, 'i'])
_RE_TEST = re.compile(r"re:test\((@[a-z|@]+), '([^']*)'(, 'i')?\)")

Patterns = list[re.Pattern]


def shape(path: str) -> tuple[str, Patterns]:
    """An XPath's source with its `re:test` regexes replaced by R (whitespace normalised),
    and those regexes compiled as EXSLT's `re:test` does (Python syntax, `i` = IGNORECASE),
    in the order they appear."""
    patterns: Patterns = []

    def take(m: re.Match) -> str:
        patterns.append(re.compile(m.group(2), re.IGNORECASE if m.group(3) else 0))
        return f"re:test({m.group(1)}, R{m.group(3) or ''})"

    text = _RE_TEST.sub(take, " ".join(path.split()))
    return text.replace("[ ", "[").replace(" ]", "]"), patterns


def first_of(el: etree._Element, a: str, b: str) -> str:
    """XPath's string value of `@a|@b`: the one of the two attributes that comes first in
    the element's source, '' when neither is there."""
    va, vb = el.get(a), el.get(b)
    if va is None:
        return vb or ""
    if vb is None:
        return va
    keys = el.keys()
    return va if keys.index(a) < keys.index(b) else vb


def _descendants(node, tags: tuple[str, ...]) -> Iterator[etree._Element]:
    """`.//*` (or `.//t1|.//t2…` with tags) from `node`, in document order. lxml evaluates
    an XPath given an ElementTree from its root element, so the root is not among them."""
    if isinstance(node, etree._ElementTree):
        node = node.getroot()
        if node is None:
            return iter(())
    return node.iterdescendants(*tags or (etree.Element,))


@dataclass(frozen=True)
class Selector:
    """A callable that answers like the XPath of `name` (`expression(tree) -> [elements]`).

    `tags`: the element names the XPath's `self::` tests allow (empty: all elements);
    `test(el, patterns)` the rest of its predicate; `first_per_parent`: the step ends in
    `[1]`; `first_only`: the whole expression is `(…)[1]`."""

    name: str
    expected_shape: str
    tags: tuple[str, ...]
    test: Callable[[etree._Element, tuple[KeptAnswers, ...]], bool]
    patterns: tuple[KeptAnswers, ...] = ()
    first_per_parent: bool = False
    first_only: bool = False

    def __call__(self, tree) -> list[etree._Element]:
        test, patterns = self.test, self.patterns
        if self.first_only:
            for el in _descendants(tree, self.tags):
                if test(el, patterns):
                    return [el]
            return []
        if self.first_per_parent:
            found, parents = [], set()
            for el in _descendants(tree, self.tags):
                parent = el.getparent()
                if parent not in parents and test(el, patterns):
                    parents.add(parent)
                    found.append(el)
            return found
        return [el for el in _descendants(tree, self.tags) if test(el, patterns)]


# How many attribute values a pattern keeps its answers for before it forgets them all:
# a page has a few hundred distinct class and id values, a site's pages share most of
# them, and a long run meets new sites without end.
MAX_KEPT_ANSWERS = 50_000


class KeptAnswers:
    """A regex of a selector and its answers so far, by attribute value.

    A page repeats its class strings ("article__body", "col-md-8 ...": ~85 distinct
    values for ~185 blocks on a dev page), and each page is read by several selectors,
    several times (the fast read, a re-read, trafilatura's page measure): the selectors
    searched 2.3 million values for the 990 dev pages, most of them asked before. A
    value's answer is looked up in a dict instead of searched again."""

    __slots__ = ("answers", "pattern")

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern
        self.answers: dict[str, bool] = {}


def _search(kept: KeptAnswers, value: str | None) -> bool:
    """`re:test` on an attribute's value; a missing or empty one never matches (build()
    takes only patterns that cannot match '')."""
    if not value:
        return False
    answers = kept.answers
    found = answers.get(value)
    if found is None:
        if len(answers) >= MAX_KEPT_ANSWERS:
            answers.clear()
        found = answers[value] = kept.pattern.search(value) is not None
    return found


# --- the predicates, one per XPath shape --------------------------------------------------

def _raw_prune_infinite(el, p) -> bool:
    # [re:test(@id, R0) or re:test(@class, R1)]
    # [not(.//h1) or re:test(@id, R2) or re:test(@class, R3)]
    id_, cls = el.get("id"), el.get("class")
    if not (_search(p[0], id_) or _search(p[1], cls)):
        return False
    return (next(el.iterdescendants("h1"), None) is None
            or _search(p[2], id_) or _search(p[3], cls))


def _raw_prune_elementor(el, p) -> bool:
    return "elementor-share-buttons" in (el.get("class") or "")


def _comment_containers(el, p) -> bool:
    # [re:test(@id, R0) or re:test(@class, R1)]
    return _search(p[0], el.get("id")) or _search(p[1], el.get("class"))


def _comment_containers_and_lists(el, p) -> bool:
    # [re:test(@id, R0) or re:test(@class, R1)][not(self::ol or self::ul) or
    #  re:test(@id, R2) or re:test(@class, R3)]
    id_, cls = el.get("id"), el.get("class")
    if not (_search(p[0], id_) or _search(p[1], cls)):
        return False
    return el.tag not in ("ol", "ul") or _search(p[2], id_) or _search(p[3], cls)


def _overall_discard_named(el, p) -> bool:
    get = el.get
    id_, cls = get("id"), get("class")
    return (get("data-lp-replacement-content") is not None
            or "nav" in (get("role") or "").replace("N", "n")
            or "MostPopularStories" in (get("data-component") or "")
            or ((id_ is not None or cls is not None)
                and (_search(p[0], first_of(el, "id", "class"))
                     or _search(p[1], id_) or _search(p[2], cls))))


def _overall_discard_hidden(el, p) -> bool:
    get = el.get
    id_, cls, style = get("id"), get("class"), get("style")
    if id_ is None and cls is None and style is None:  # most elements: only one test left
        return get("aria-hidden") == "true"
    style = style or ""
    return (cls == "comments-title"
            or first_of(el, "id", "class").startswith("reply-")
            or _search(p[0], first_of(el, "id", "style"))
            or "display:none" in style or "display: none" in style
            or _search(p[1], get("id"))
            or _search(p[2], cls)
            or get("aria-hidden") == "true")


def _image_captions(el, p) -> bool:
    return "caption" in (el.get("id") or "") or "caption" in (el.get("class") or "")


def _teasers(el, p) -> bool:
    return ("teaser" in (el.get("id") or "").replace("T", "t")
            or "teaser" in (el.get("class") or "").replace("T", "t"))


def _body_article_content(el, p) -> bool:
    get = el.get
    cls, id_ = get("class"), get("id")
    return (cls == "post" or cls == "entry" or get("itemprop") == "articleBody"
            or id_ == "articleContent" or _search(p[0], id_) or _search(p[1], cls))


def _body_story(el, p) -> bool:
    get = el.get
    cls, id_ = get("class"), get("id")
    return (get("role") == "article" or id_ in ("article", "story")
            or cls in ("postarea", "art-postcontent", "text", "cell", "story")
            or _search(p[0], id_) or _search(p[1], cls) or _search(p[2], cls))


def _body_main_content(el, p) -> bool:
    get = el.get
    cls, id_ = get("class"), get("id")
    return (id_ == "content" or cls == "content" or _search(p[0], id_) or _search(p[1], cls)
            or "main-content" in (id_ or "").translate(_CM)
            or "main-content" in (cls or "").translate(_CM)
            or "page-content" in (cls or "").translate(_CP))


_CM = str.maketrans("CM", "cm")
_CP = str.maketrans("CP", "cp")
_COOKIE_TAGS = frozenset({"aside", "fencedframe", "footer", "script", "style", "svg", "template"})


def _basic_clean(el, p) -> bool:
    # .//aside|.//div[contains(@class|@id, 'footer')]|.//fencedframe|.//footer|.//script|
    # .//style|.//svg|.//template|.//*[re:test(@class, R, 'i') or re:test(@id, R, 'i')]
    tag = el.tag
    return (tag in _COOKIE_TAGS
            or (tag == "div" and "footer" in first_of(el, "class", "id"))
            or _search(p[0], el.get("class")) or _search(p[1], el.get("id")))


_BLOCKS = ("div", "item", "list", "p", "section", "span")
_BODIES = ("article", "div", "main", "section")

# (where trafilatura keeps the expression, the shape it must have, the selector's parts)
SPECS: list[tuple[str, str, tuple, Callable, dict]] = [
    ("xpaths.RAW_TREE_PRUNE_XPATH[0]",
     ".//*[self::div or self::section or self::aside][re:test(@id, R) or re:test(@class, R)]"
     "[not(.//h1) or re:test(@id, R) or re:test(@class, R)]",
     ("div", "section", "aside"), _raw_prune_infinite, {}),
    ("xpaths.RAW_TREE_PRUNE_XPATH[1]",
     ".//*[self::div or self::section or self::aside]"
     "[contains(@class, 'elementor-share-buttons')]",
     ("div", "section", "aside"), _raw_prune_elementor, {}),
    ("xpaths.REMOVE_COMMENTS_XPATH[0]",
     ".//*[self::div or self::list or self::section or self::details]"
     "[re:test(@id, R) or re:test(@class, R)]",
     ("div", "list", "section", "details"), _comment_containers, {}),
    ("xpaths.REMOVE_COMMENTS_AND_LISTS_XPATH[0]",
     ".//*[self::div or self::list or self::section or self::details or self::ol or "
     "self::ul][re:test(@id, R) or re:test(@class, R)][not(self::ol or self::ul) or "
     "re:test(@id, R) or re:test(@class, R)]",
     ("div", "list", "section", "details", "ol", "ul"), _comment_containers_and_lists, {}),
    ("xpaths.OVERALL_DISCARD_XPATH[0]",
     ".//*[self::div or self::item or self::list or self::p or self::section or self::span]"
     "[@data-lp-replacement-content or contains(translate(@role, 'N', 'n'), 'nav') or "
     "contains(@data-component, 'MostPopularStories') or re:test(@id|@class, R) or "
     "re:test(@id, R) or re:test(@class, R)]",
     _BLOCKS, _overall_discard_named, {}),
    ("xpaths.OVERALL_DISCARD_XPATH[1]",
     ".//*[@class='comments-title' or starts-with(@id|@class, 'reply-') or "
     "re:test(@id|@style, R) or contains(@style, 'display:none') or "
     "contains(@style, 'display: none') or re:test(@id, R) or re:test(@class, R) or "
     "@aria-hidden='true']",
     (), _overall_discard_hidden, {}),
    ("xpaths.DISCARD_IMAGE_ELEMENTS[0]",
     ".//*[self::div or self::item or self::list or self::p or self::section or self::span]"
     "[contains(@id, 'caption') or contains(@class, 'caption')]",
     _BLOCKS, _image_captions, {}),
    ("xpaths.TEASER_DISCARD_XPATH[0]",
     ".//*[self::div or self::item or self::list or self::p or self::section or self::span]"
     "[contains(translate(@id, 'T', 't'), 'teaser') or "
     "contains(translate(@class, 'T', 't'), 'teaser')]",
     _BLOCKS, _teasers, {}),
    ("xpaths.BODY_XPATH[0]",
     ".//*[self::article or self::div or self::main or self::section][@class='post' or "
     "@class='entry' or @itemprop='articleBody' or @id='articleContent' or "
     "re:test(@id, R) or re:test(@class, R)][1]",
     _BODIES, _body_article_content, {"first_per_parent": True}),
    ("xpaths.BODY_XPATH[2]",
     "(.//*[self::article or self::div or self::main or self::section][@role='article' or "
     "@id='article' or @id='story' or @class='postarea' or @class='art-postcontent' or "
     "@class='text' or @class='cell' or @class='story' or re:test(@id, R) or "
     "re:test(@class, R, 'i') or re:test(@class, R)])[1]",
     _BODIES, _body_story, {"first_only": True}),
    ("xpaths.BODY_XPATH[3]",
     "(.//*[self::article or self::div or self::main or self::section][@id='content' or "
     "@class='content' or re:test(@id, R) or re:test(@class, R) or "
     "contains(translate(@id, 'CM','cm'), 'main-content') or "
     "contains(translate(@class, 'CM','cm'), 'main-content') or "
     "contains(translate(@class, 'CP','cp'), 'page-content')])[1]",
     _BODIES, _body_main_content, {"first_only": True}),
    ("baseline.BASIC_CLEAN_XPATH",
     ".//aside|.//div[contains(@class|@id, 'footer')]|.//fencedframe|.//footer|.//script|"
     ".//style|.//svg|.//template|.//*[re:test(@class, R, 'i') or re:test(@id, R, 'i')]",
     (), _basic_clean, {}),
]


def _locate(name: str):
    """(container, key) of an expression named like 'xpaths.BODY_XPATH[2]' or
    'baseline.BASIC_CLEAN_XPATH' in trafilatura's modules."""
    import importlib

    module_name, _, attr = name.partition(".")
    module = importlib.import_module(f"trafilatura.{module_name}")
    if attr.endswith("]"):
        attr, _, index = attr[:-1].partition("[")
        return getattr(module, attr), int(index)
    return module, attr


def _get(container, key):
    return container[key] if isinstance(key, int) else getattr(container, key)


def _set(container, key, value) -> None:
    if isinstance(key, int):
        container[key] = value  # the list trafilatura's modules share: swapped for all
    else:
        setattr(container, key, value)


def build(name: str, expression) -> Selector | None:
    """The selector for trafilatura's `expression` (an lxml XPath), or None when its shape
    is not the one the selector reproduces."""
    for spec_name, expected, tags, test, options in SPECS:
        if spec_name != name:
            continue
        found, patterns = shape(expression.path)
        if found != expected or any(p.search("") for p in patterns):
            return None  # another shape, or a regex that '' (a missing attribute) matches
        return Selector(name, expected, tags, test,
                        tuple(KeptAnswers(p) for p in patterns), **options)
    return None


ORIGINALS: dict[str, etree.XPath] = {}
_installed = False


def ensure_installed() -> None:
    """install(), once per process (the extract stage calls it for every batch)."""
    if not _installed:
        install()


def install() -> list[str]:
    """Swap each of trafilatura's XPaths in SPECS for its selector; the names swapped
    (those already swapped included). An expression that is missing or of another shape
    stays trafilatura's."""
    global _installed
    _installed = True
    swapped = []
    for name, *_ in SPECS:
        try:
            container, key = _locate(name)
            current = _get(container, key)
        except (ImportError, AttributeError, IndexError, TypeError):
            LOG.debug("selector %s: trafilatura has no such expression", name)
            continue
        if isinstance(current, Selector):
            swapped.append(name)
            continue
        selector = build(name, current)
        if selector is None:
            LOG.debug("selector %s: trafilatura's expression changed shape, kept", name)
            continue
        ORIGINALS[name] = current
        _set(container, key, selector)
        swapped.append(name)
    return swapped


def uninstall() -> None:
    """trafilatura's own XPaths back (tests and benchmarks compare the two)."""
    global _installed
    for name, original in ORIGINALS.items():
        container, key = _locate(name)
        _set(container, key, original)
    ORIGINALS.clear()
    _installed = False


@contextmanager
def trafilatura_own() -> Iterator[None]:
    """trafilatura as published inside the block (a benchmark's plain-trafilatura side
    must not run on our selectors), then the selectors again if they were installed."""
    was = _installed
    uninstall()
    try:
        yield
    finally:
        if was:
            install()
