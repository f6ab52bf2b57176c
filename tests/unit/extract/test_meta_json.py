"""metadata.meta_json / normalized_json: trafilatura's extract_meta_json and
normalize_json with the lone-surrogate filter as a regex (speed): the same results."""

from __future__ import annotations

import pytest
from lxml.html import fromstring
from trafilatura.json_metadata import normalize_json
from trafilatura.metadata import extract_meta_json
from trafilatura.settings import Document

from tasks.extract.metadata import meta_json, normalized_json


@pytest.mark.parametrize("text", [
    "plain text", "  spaced \n out  ", r"https:\/\/example.com\/a", r"Line\nbreak\ttab\r",
    r"Caf\u00e9 \u00c9t\u00e9", r"cut emoji \ud83d here", r"pair \ud83d\ude00 kept? no",
    "<b>bold</b> &amp; more", r"&amp;\u0026 <i>x<\/i>", "\ud800 raw lone surrogate \\x",
    "", "\\",
])
def test_normalized_json_is_trafilaturas(text):
    assert normalized_json(text) == normalize_json(text)


def _fields(doc: Document) -> dict:
    """The fields JSON-LD fills (a Document's body and comments are fresh elements)."""
    return {k: getattr(doc, k) for k in doc.__slots__ if k not in ("body", "commentsbody")}


PAGE = r"""<html><head>
<script type="application/ld+json">{"@context": "https:\/\/schema.org", "@type": "NewsArticle",
 "headline": "Caf\u00e9 \ud83d reopens",
 "author": {"@type": "Person", "name": "Jos\u00e9 Garc\u00eda"},
 "publisher": {"@type": "Organization", "name": "Der Bote"}, "articleSection": "Lokal",
 "description": "<p>A caf\u00e9.<\/p>"}</script>
<script type="application/settings+json">{"x": 1}</script>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "broken",}</script>
<script type="application/ld+json"></script>
</head><body></body></html>"""


def test_meta_json_completes_the_metadata_as_trafilatura_does():
    ours = meta_json(fromstring(PAGE), Document())
    theirs = extract_meta_json(fromstring(PAGE), Document())
    assert _fields(ours) == _fields(theirs)
    assert ours.author == "José García"
    assert ours.title == "Café reopens"  # the lone surrogate dropped, its spaces trimmed
