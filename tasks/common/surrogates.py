"""UTF-16 surrogates written into XML and JSON, which no Arrow string holds.

An encoder that works on UTF-16 code units writes a character past U+FFFF (an emoji) as
its two halves: Java's commons-lang 2 `escapeHtml` and JavaScript loops over
`charCodeAt` write `&#55357;&#56832;` for 😀 in a feed or sitemap; JavaScript's
`substring` cuts a title between the halves, and `JSON.stringify` then writes the lone
half as `"\\ud83d"`. Read as they are (fault round 22):
- an RSS or Atom feed holding such a reference: feedparser's `UnicodeEncodeError`, the
  whole feed `feed_unparseable`, every item lost;
- a sitemap holding one (a `<news:title>`): lxml handed back bytes it cannot decode, a
  `UnicodeDecodeError` traceback out of the discover stage;
- JSON-LD (an author, an articleBody) or a JSON Feed (an item's title) holding a lone
  `\\ud83d`: the string reached a table, whose `conform` raised SchemaError for the
  whole batch.

A pair written as two references is the character it encodes (what its writer meant);
a half alone is U+FFFD, as browsers read a reference to a surrogate.
"""

from __future__ import annotations

import re

# A numeric character reference that may name a surrogate (U+D800-DFFF: 55296-57343),
# the range checked on the value; and the cheap test that one may be there at all.
_SURROGATE_REF = re.compile(rb"&#(?:[xX]0*([dD][89a-fA-F][0-9a-fA-F]{2})|0*(5[5-7][0-9]{3}));")
_SURROGATE_REF_HINT = re.compile(rb"&#(?:[xX]0*[dD][89a-fA-F]|0*5[5-7][0-9]{3};)")
# A JSON escape of a surrogate (a pair's halves or a lone one).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_REPLACEMENT = "\ufffd"


def surrogate_references_as_characters(data: bytes) -> bytes:
    """XML or HTML bytes (an ASCII-compatible encoding) with each character reference to
    a surrogate rewritten: a high half followed at once by a low half is a reference to
    the character the pair encodes, any other half `&#xFFFD;`. Other bytes unchanged."""
    if not _SURROGATE_REF_HINT.search(data):
        return data
    refs = []
    for m in _SURROGATE_REF.finditer(data):
        value = int(m[1], 16) if m[1] else int(m[2])
        if 0xD800 <= value <= 0xDFFF:
            refs.append((m.start(), m.end(), value))
    pieces, pos, i = [], 0, 0
    while i < len(refs):
        start, end, value = refs[i]
        pieces.append(data[pos:start])
        low = refs[i + 1] if i + 1 < len(refs) else None
        if value < 0xDC00 and low is not None and low[0] == end and low[2] >= 0xDC00:
            pieces.append(b"&#x%X;" % (0x10000 + ((value - 0xD800) << 10) + low[2] - 0xDC00))
            pos, i = low[1], i + 2
        else:
            pieces.append(b"&#xFFFD;")
            pos, i = end, i + 1
    pieces.append(data[pos:])
    return b"".join(pieces)


def json_may_hold_surrogates(text: str) -> bool:
    """Whether JSON text escapes a surrogate (only then can a decoded string hold a lone
    one: a pair's escapes decode to its character)."""
    return _SURROGATE_ESCAPE.search(text) is not None


def without_lone_surrogates(doc: object) -> object:
    """A decoded JSON document with every lone surrogate in its strings (values and keys)
    made U+FFFD. Iterative: a document nested as deep as the JSON reader goes is walked
    without recursion."""
    def fixed(value: object) -> object:
        if isinstance(value, str) and _SURROGATE.search(value):
            return _SURROGATE.sub(_REPLACEMENT, value)
        return value

    doc = fixed(doc)
    stack = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            for i, item in enumerate(node):
                node[i] = fixed(item)
                if isinstance(item, (list, dict)):
                    stack.append(item)
        elif isinstance(node, dict):
            # rebuilt in its order: a key repaired keeps its place among the others
            # (popped and set again, it went last: mutation seed 57)
            pairs = [(fixed(key), item) for key, item in node.items()]
            node.clear()
            for key, item in pairs:
                node[key] = fixed(item)
                if isinstance(item, (list, dict)):
                    stack.append(item)
    return doc
