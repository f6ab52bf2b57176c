"""A page's JSON-LD records: walking them for a key, and the article body a record
carries (for pages whose text is only there)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from html import unescape as html_unescape

from lxml.html import HtmlElement

from tasks.common.surrogates import json_may_hold_surrogates, without_lone_surrogates

JSONLD_ARTICLE_TYPES = re.compile(r"article|posting|report|newsarticle|webpage|blog", re.I)


def walk_jsonld(node: object, out: list[tuple[str, object]], keys: tuple[str, ...]) -> None:
    """Collect (type, date) pairs of the first of `keys` from a JSON-LD value, through
    @graph and lists."""
    if isinstance(node, list):
        for item in node:
            walk_jsonld(item, out, keys)
    elif isinstance(node, dict):
        kind = node.get("@type")
        kind = " ".join(kind) if isinstance(kind, list) else str(kind or "")
        for key in keys:
            value = jsonld_value(node.get(key))
            if value is not None:
                out.append((kind, value))
                break
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(node.get(key), (list, dict)):
                walk_jsonld(node[key], out, keys)


def jsonld_value(value: object) -> object:
    """A JSON-LD date as written: a string or a timestamp number, also when typed as a
    value object (`{"@value": "2022-05-03", "@type": "Date"}`) or given as a list (`[
    "2022-05-03T08:00Z", "2022-05-04"]`: the first, the original publication; later
    entries are re-publications)."""
    if isinstance(value, dict):
        value = value.get("@value")
    if isinstance(value, list):
        return next((v for v in map(jsonld_value, value) if v is not None), None)
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return value
    return None


# Every <script> with a type; which of them are JSON-LD is `_is_jsonld_type`'s call. An
# XPath of `@type="application/ld+json"` missed the type written with a parameter, in
# capitals or with spaces around it (`application/ld+json; charset=utf-8`,
# `Application/LD+JSON`), which CMS templates write: the record's author, its dates'
# times and its articleBody were lost (fault round 22). The document's scripts, as
# `//script[@type]` selects them, by lxml's tag iterator: 0.10 ms a page instead of the
# XPath's 0.14, and a page's metadata reads them four times.
def _typed_scripts(tree: HtmlElement):
    for script in tree.getroottree().iter("script"):
        if script.get("type") is not None:
            yield script
# The wrappers a template puts around a script's text for old browsers and XHTML
# (`<!-- ... -->`, `//<![CDATA[ ... //]]>`, `/*<![CDATA[*/ ... /*]]>*/`): no JSON
# parser reads past them, so the whole record was lost (its authors, its articleBody).
_WRAPPER_START = re.compile(r"^\s*(?:<!--|(?://|/\*)?\s*<!\[CDATA\[\s*(?:\*/)?)")
_WRAPPER_END = re.compile(r"(?:-->|(?://|/\*)?\s*\]\]>\s*(?:\*/)?)\s*$")


def _is_jsonld_type(value: str) -> bool:
    """Whether a script's type names JSON-LD: its essence, the MIME type without
    parameters, compared as MIME types are (case-insensitive, spaces around ignored)."""
    return value.partition(";")[0].strip().lower() == "application/ld+json"


def jsonld_texts(tree: HtmlElement) -> list[str]:
    """The texts of the page's JSON-LD scripts, without the comment or CDATA wrapper a
    template may put around them; for `json.loads`."""
    texts = []
    for script in _typed_scripts(tree):
        if script.text and _is_jsonld_type(script.get("type", "")):
            text = script.text
            if "<!" in text:
                text = _WRAPPER_END.sub("", _WRAPPER_START.sub("", text, count=1), count=1)
            texts.append(text)
    return texts


# A page's records are read by four searches (its authors, publication and modification
# dates, publisher, article body): the same texts parsed four times were ~0.2 ms of
# page_metadata's ~5 ms a page. The last few texts' records are kept; a script's text is
# the key, so a tree changed between two reads is read afresh.
LOADED_RECORDS_KEPT = 8


@lru_cache(maxsize=LOADED_RECORDS_KEPT)
def load_jsonld(text: str) -> object:
    """One JSON-LD script's record (json.loads, control characters in strings allowed),
    a lone surrogate escape (`"\\ud83d"`: a name or body cut inside an emoji) made
    U+FFFD: kept, it reached the articles table, whose conform raised for the whole
    batch (fault round 22). Raises ValueError or RecursionError as json.loads does.

    The record is shared by every caller that reads the same text (a cache): read it,
    never change it."""
    doc = json.loads(text, strict=False)
    return without_lone_surrogates(doc) if json_may_hold_surrogates(text) else doc


def jsonld_body_scripts(tree: HtmlElement) -> list[str]:
    """The texts of the page's JSON-LD scripts that hold an `articleBody`."""
    return [text for text in jsonld_texts(tree) if "articleBody" in text]


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
            walk_jsonld(load_jsonld(text), found, ("articleBody",))
        except (ValueError, RecursionError):
            continue
    bodies = [v for kind, v in found
              if isinstance(v, str) and JSONLD_ARTICLE_TYPES.search(kind)]
    if not bodies:
        return None
    body = max(bodies, key=len)
    if "<" in body:
        body = _TAG.sub(" ", _BODY_BLOCKS.sub("\n", body))
    lines = (" ".join(line.split()) for line in html_unescape(body).splitlines())
    return "\n".join(line for line in lines if line) or None


def jsonld_headlines(scripts: list[str]) -> list[str]:
    """The `headline` strings of the records in `scripts` (the page's jsonld_texts)."""
    found: list[tuple[str, object]] = []
    for text in scripts:
        if '"headline"' not in text:
            continue  # (most scripts: no record to read)
        try:
            walk_jsonld(load_jsonld(text), found, ("headline",))
        except (ValueError, RecursionError):
            continue
    return [v for _, v in found if isinstance(v, str)]


def jsonld_publisher_name(tree: HtmlElement, *, scripts: list[str] | None = None) -> str | None:
    """The name of the publisher the page's JSON-LD records (`"publisher": {"name":
    ...}`, or the node of its `@id` in the record's `@graph`), the first string of a list
    or value object. trafilatura reads the name only when it is a string: written as a
    list (one per language) or `{"@value": ..., "@language": ...}`, the page had no site
    name (round 26's known item, fault round 27). None: no such name. `scripts`: the
    page's jsonld_texts, when the caller has read them."""
    for text in jsonld_texts(tree) if scripts is None else scripts:
        if '"publisher"' not in text:
            continue
        try:
            doc = load_jsonld(text)
        except (ValueError, RecursionError):
            continue
        graph = doc.get("@graph") if isinstance(doc, dict) else doc
        nodes = {node["@id"]: node for node in (graph if isinstance(graph, list) else [])
                 if isinstance(node, dict) and isinstance(node.get("@id"), str)}
        if name := _publisher_name(doc, nodes, 0):
            return name
    return None


def _publisher_name(node: object, nodes: dict[str, dict], depth: int) -> str | None:
    """The first publisher name in `node`, through lists, @graph and mainEntity (at most
    `_MAX_PUBLISHER_DEPTH` levels: a record nested 10,000 deep is no page's)."""
    if depth > _MAX_PUBLISHER_DEPTH:
        return None
    if isinstance(node, list):
        return next(filter(None, (_publisher_name(n, nodes, depth + 1) for n in node)), None)
    if not isinstance(node, dict):
        return None
    publisher = node.get("publisher")
    for entry in publisher if isinstance(publisher, list) else [publisher]:
        if isinstance(entry, dict) and "name" not in entry and isinstance(entry.get("@id"), str):
            entry = nodes.get(entry["@id"])
        if isinstance(entry, dict):
            name = jsonld_value(entry.get("name")) or jsonld_value(entry.get("legalName"))
            if isinstance(name, str) and name.strip():
                return name.strip()
    for key in ("@graph", "mainEntity", "mainEntityOfPage"):
        if isinstance(node.get(key), (list, dict)) and (
                name := _publisher_name(node[key], nodes, depth + 1)):
            return name
    return None


_MAX_PUBLISHER_DEPTH = 8
