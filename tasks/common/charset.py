"""Which character encoding a fetched page is in, decided the way browsers do it.

Order (HTML Living Standard, "determining the character encoding"): a byte-order mark,
then the charset of the Content-Type header, then a <meta> declaration in the first
1024 bytes, then detection. Two real-web repairs on top of that order:

- a declared UTF-8 that does not decode is a lie more often than the bytes are broken
  (CMS templates that say utf-8 over latin-1 content), so the next source is tried; and
  the reverse: another declared encoding over bytes that are flawless UTF-8 with non-ASCII
  text in them is a label left over from before the site moved to UTF-8;
- labels are mapped as browsers map them: latin-1 / ascii mean windows-1252, whose extra
  characters (curly quotes, euro sign) are common in news text.

The body stays bytes in the DOCUMENTS table; `decode` turns it into text with the
recorded encoding, replacing what cannot be decoded instead of failing.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

# Labels browsers treat as another encoding (WHATWG Encoding Standard, a subset).
_LABEL_ALIASES = {
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "l1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "tis-620": "cp874",
    "x-sjis": "shift_jis",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "unicode": "utf-16le",
    "utf8": "utf-8",
    # WHATWG labels Python's codecs registry does not know (round 20). Each was an
    # unknown label, so the detector guessed: a page under `charset=windows-31j` (the
    # IANA name of Windows' Shift_JIS, sent by Java and IIS servers) was read as cp1252
    # ("“Œ‹ž" for 東京), one under `windows-874` (Thai) as cp1250: every letter wrong.
    "windows-31j": "shift_jis",
    "csshiftjis": "shift_jis",
    "windows-949": "euc_kr",
    "cseuckr": "euc_kr",
    "csksc56011987": "euc_kr",
    "ks_c_5601-1989": "euc_kr",
    "x-gbk": "gb18030",
    "gb_2312": "gb18030",
    "gb_2312-80": "gb18030",
    "csgb2312": "gb18030",
    "cn-big5": "big5",
    "x-x-big5": "big5",
    "x-euc-jp": "euc_jp",
    "cseucpkdfmtjapanese": "euc_jp",
    "windows-874": "cp874",
    "dos-874": "cp874",
    "iso885911": "cp874",
    "iso-8859-8-i": "iso8859-8",
    "csiso88598i": "iso8859-8",
    "logical": "iso8859-8",
    "x-mac-roman": "mac-roman",
    "csmacintosh": "mac-roman",
    "x-mac-cyrillic": "mac-cyrillic",
    "x-mac-ukrainian": "mac-cyrillic",
    "x-cp1250": "cp1250",
    "x-cp1251": "cp1251",
    "x-cp1252": "cp1252",
    "x-cp1253": "cp1253",
    "x-cp1254": "cp1254",
    "x-cp1255": "cp1255",
    "x-cp1256": "cp1256",
    "x-cp1257": "cp1257",
    "x-cp1258": "cp1258",
}
# The codec browsers decode a label's pages with when it is larger than Python's codec
# of that name (WHATWG): Shift_JIS pages hold NEC and IBM characters (①, ㈱, Ⅰ: cp932),
# EUC-KR pages the 8,822 Hangul of Windows' UHC (똠: cp949), Big5 pages Hong Kong's
# HKSCS. Python's strict codecs refuse them: each became U+FFFD, and the lead byte's
# partner, read as a character of its own, threw the next ones off ("①東京" came out
# "�@東京", "㈱と" "�鰍ﾆ"). A sequence the named codec refuses is read with the larger
# one (`decode`); every sequence it reads stays as it reads it (cp932's 0x8160 is U+FF5E
# where Shift_JIS and browsers have U+301C, so the larger table is no replacement).
_WEB_SUPERSETS = {"shift_jis": "cp932", "euc_kr": "cp949", "big5": "big5hkscs"}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_META_START = re.compile(rb"<meta\b", re.IGNORECASE)
_CHARSET_ATTR = re.compile(rb"charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
# An attribute of a tag and its value (quoted, or not); a quote the scan window cuts
# before it closes runs to the tag's end.
_TAG_ATTR = re.compile(rb"""([^\s"'>/=]+)\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s"'>]+))""")
_LABEL = re.compile(rb"""\s*["']?\s*([\w.:-]+)""")
# Attributes that give a <meta> another meaning than the Content-Type pragma.
_OTHER_META = (b"name", b"property", b"itemprop")
# Bytes read for a <meta>: the standard scans 1024; CMSs put long scripts first.
_META_SCAN = 4096
# Past that, a <meta> still counts up to the end of the <head> (within this many bytes):
# browsers that meet one while parsing a page whose encoding was only guessed reload it
# in the declared one (HTML, "changing the encoding while parsing"). Inlined styles and
# scripts push it there (a 20 KB <style> first is common); it was ignored, and the
# detector's guess (windows-1250 for an ISO-8859-2 page) garbled the letters.
_HEAD_SCAN = 64 * 1024
_HEAD_END = re.compile(rb"</head\b|<body\b", re.IGNORECASE)
# Bytes given to the detector: enough for a verdict, bounded cost on 2 MB pages.
_DETECT_SCAN = 64 * 1024


# Codecs Python knows by a label that no browser decodes a page with: text transforms
# (rot13, base64, zlib are refused by bytes.decode), codecs for other jobs (idna,
# punycode, escapes), and UTF-7 (dropped from the web for its XSS; "C++" decodes to
# garbage). A header naming one says nothing usable: the next source decides.
_NOT_WEB_ENCODINGS = frozenset({
    "utf-7", "idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape",
    "mbcs", "oem", "charmap",
})


def normalize_label(label: str | None) -> str | None:
    """A Python codec name for an encoding label, or None for an unknown label (or one
    of a codec no page is decoded with)."""
    if not label:
        return None
    key = label.strip().strip("\"'").lower()
    key = _LABEL_ALIASES.get(key, key)
    try:
        info = codecs.lookup(key)
    except LookupError:
        return None
    name = info.name
    if not getattr(info, "_is_text_encoding", True) or name in _NOT_WEB_ENCODINGS:
        return None
    # utf-16 without a BOM is unreadable as declared; pages that say it are utf-8.
    if name in ("utf-16", "utf-32"):
        return "utf-8"
    return name


# A quoted value of another parameter (`profile="a;charset=latin1"`, `name='x charset=y'`):
# text, not a parameter. Blanked before the charset is looked for (round 21): the first
# `charset=` anywhere in the line was taken, so `text/html; profile="...;charset=
# iso-8859-1"; charset=koi8-r` read a Russian page as windows-1252 (every letter wrong).
# The charset's own quoted value is kept (`charset="utf-8"`).
_OTHER_QUOTED_VALUE = re.compile(
    r"""((?<![\w-])(?!charset\s*=)[\w.!#$%&*+^`|~-]+\s*=\s*)"""
    r"""(?:"(?:[^"\\]|\\.)*"?|'[^']*'?)""", re.IGNORECASE)


def header_charset(content_type: str | None) -> str | None:
    """The raw charset label of a Content-Type header value, if any: the first charset
    parameter, as WHATWG's MIME parsing takes it; a `charset=` inside another
    parameter's quoted value is no parameter (`_OTHER_QUOTED_VALUE`)."""
    if not content_type:
        return None
    if '"' in content_type or "'" in content_type:
        content_type = _OTHER_QUOTED_VALUE.sub(r'\1""', content_type)
    match = _HEADER_CHARSET.search(content_type)
    return match.group(1) if match else None


def meta_tags(data: bytes, start: int = 0, end: int | None = None, *,
              open_tail: bool = False) -> Iterator[bytes]:
    """The `<meta ...>` tags of data[start:end], each from "<meta" to its ">", found in
    time linear in the data. A regex such as `<meta[^>]*>` scans to the end of the data
    at every "<meta" that is never closed: a page of "<meta name=robots " repeated with
    no ">" cost 5 s of CPU per 512 KB head, in the fetcher's event loop (the robots meta
    look), 0.6 s per 64 KB in the charset's. `open_tail`: a last tag that the window
    cuts before its ">" is given too, to the window's end (a charset near the end of the
    bytes scanned).

    A comment is stepped over whole, as WHATWG's prescan does (fault round 33): a
    template's old declaration commented out above the new one (`<!-- <meta charset=
    "iso-8859-1"> -->`) read a Russian page as windows-1252, and a staging robots meta
    left in a comment (`noai, noarchive`) withheld the text and the archived body. A
    comment never closed hides the rest (for browsers too); `<!-->` is a whole one."""
    end = len(data) if end is None else min(end, len(data))
    pos = start
    # The next comment and the next "<meta", each looked for again only once passed: no
    # byte is scanned twice for either (comments by the thousand before a meta).
    comment = data.find(b"<!--", pos, end)
    found = None
    while True:
        if found is None or found.start() < pos:
            found = _META_START.search(data, pos, end)
            if found is None:
                return
        if 0 <= comment < pos:  # inside a tag yielded (`content="<!--"`): no comment
            comment = data.find(b"<!--", pos, end)
        if 0 <= comment < found.start():  # a comment first: step over it
            close = data.find(b"-->", comment + 2, end)
            if close < 0:
                return
            pos = close + 3
            continue
        close = data.find(b">", found.end(), end)
        if close < 0:  # none further on either: no later "<meta" closes
            if open_tail:
                yield data[found.start():end]
            return
        yield data[found.start():close + 1]
        pos = close + 1


def _declared_charset(tag: bytes) -> str | None:
    """The label a <meta> tag declares: its `charset` attribute, else a `charset=` in the
    tag, unless the tag is a named one (`name`, `property`, `itemprop`) that is no
    Content-Type pragma: a `charset=` in its content is text, no declaration (WHATWG's
    prescan reads attributes). `<meta property="og:title" content="charset=latin1
    explained">` read a KOI8-R page as windows-1252 (fault round 33). Otherwise the tag
    is read as before, broken quoting included (`content="text/html; charset="koi8-r"`)."""
    attrs: dict[bytes, bytes] = {}
    for m in _TAG_ATTR.finditer(tag, 5):  # after "<meta"
        value = next(v for v in m.groups()[1:] if v is not None)
        attrs.setdefault(m.group(1).lower(), value)  # the first of a repeated one counts
    if b"charset" in attrs:
        match = _LABEL.match(attrs[b"charset"])
        return match.group(1).decode("ascii", "replace") if match else None
    pragma = attrs.get(b"http-equiv", b"").strip().lower() == b"content-type"
    if not pragma and any(other in attrs for other in _OTHER_META):
        return None
    match = _CHARSET_ATTR.search(tag)
    return match.group(1).decode("ascii", "replace") if match else None


def _charset_in_metas(data: bytes, end: int) -> str | None:
    for tag in meta_tags(data, 0, end, open_tail=True):
        if b"charset" not in tag.lower():  # most metas (og:, twitter:) name none
            continue
        label = _declared_charset(tag)
        if label is not None:
            return label
    return None


def _window_end(body: bytes, n: int) -> int:
    """`n`, or past it the end of the tag the first `n` bytes cut (fault round 36): a
    `<meta>` straddling the window gave its label cut short, `iso-8859-1` of an
    `iso-8859-15`, or `windows-12`, which no lookup knows and which still stopped the
    search (the later head scan never ran: the page went to the detector)."""
    if len(body) <= n or body.rfind(b"<", 0, n) <= body.rfind(b">", 0, n):
        return n
    close = body.find(b">", n, _HEAD_SCAN)
    return n if close < 0 else close + 1


# What may stand in a <head> (HTML's "in head" insertion mode); those whose content is
# text to the element's end tag (a script's `a<b` is no tag) have it skipped.
_HEAD_ELEMENTS = frozenset({b"html", b"head", b"base", b"basefont", b"bgsound", b"link",
                            b"meta", b"object", b"noframes", b"noscript", b"script",
                            b"style", b"template", b"title"})
_TEXT_ELEMENTS = frozenset({b"noframes", b"noscript", b"script", b"style", b"template",
                            b"title"})
_TAG_OR_COMMENT = re.compile(rb"<(!--|[a-z][a-z0-9-]*)")


def _implied_head_end(head: bytes) -> int:
    """Where a head with neither `</head>` nor `<body>` ends: at the first start tag of
    an element no head holds (`<h1>`, `<div>`, `<p>`), as browsers end it (both tags are
    optional; minified pages drop them). Comments and the content of scripts, styles and
    titles are stepped over; linear (each search starts past the last)."""
    lower = head.lower()
    pos = 0
    while (tag := _TAG_OR_COMMENT.search(lower, pos)) is not None:
        name = tag.group(1)
        if name == b"!--":
            close = lower.find(b"-->", tag.end())
            pos = close + 3 if close >= 0 else len(lower)
        elif name not in _HEAD_ELEMENTS:
            return tag.start()
        elif name in _TEXT_ELEMENTS:
            close = lower.find(b"</" + name, tag.end())
            pos = close + 2 if close >= 0 else len(lower)
        else:
            pos = tag.end()
    return len(head)


def meta_charset(body: bytes) -> str | None:
    """The raw charset label of a <meta charset> or http-equiv declaration near the top,
    or later in the <head> (`_HEAD_SCAN`); a <meta> in the body does not count. A head
    without `</head>` or `<body>` ends where its first element of the body starts."""
    label = _charset_in_metas(body, _window_end(body, _META_SCAN))
    if label is None and len(body) > _META_SCAN:
        head = body[:_HEAD_SCAN]
        end = _HEAD_END.search(head)
        label = _charset_in_metas(head, end.start() if end is not None
                                  else _implied_head_end(head))
    return label


# How many bytes beyond ASCII make a sample's first `n` bytes its text (`_text_sample`):
# about a hundred letters in a two-byte encoding, more than a title and a menu hold. The
# detector misread a head of a five-letter title and ten menu words (seed 62).
_ENOUGH_TEXT_BYTES = 256
# The steps the search for text past the head goes in.
_SAMPLE_BLOCK = 16 * 1024
# Every byte beyond ASCII, for `bytes.translate` to delete: what is left is ASCII.
_BEYOND_ASCII = bytes(range(128, 256))


def _first_beyond_ascii(data: bytes, start: int) -> int | None:
    """Where the first byte beyond ASCII at or after `start` is, else None: in 64 KiB
    steps, the ASCII decoder saying where it stopped (C speed; a regex class scanned
    128 KB in 2.5 ms)."""
    for pos in range(start, len(data), 4 * _SAMPLE_BLOCK):
        step = data[pos:pos + 4 * _SAMPLE_BLOCK]
        if step.isascii():  # no str built for the ASCII steps
            continue
        try:
            step.decode("ascii")
        except UnicodeDecodeError as exc:
            return pos + exc.start
    return None


def _text_sample(body: bytes, n: int) -> bytes:
    """The `n` bytes of the body the encoding checks look at: its first `n`, unless they
    hold fewer than `_ENOUGH_TEXT_BYTES` bytes beyond ASCII (a title and a menu, then a
    150 KB inlined stylesheet or script) while the body goes on: then the `n` from the
    first such byte after them, where the text is. The checks saw the ASCII (fault round
    33): a legacy label over a UTF-8 page was believed ("ZÃ¼rich"), and an unlabelled
    windows-1251 page was taken for UTF-8 (every letter U+FFFD) or, its title's and
    menu's few letters the detector's only clue, for windows-1250 or windows-1252."""
    head = body[:n]
    if len(body) <= n:
        return head
    # translate deletes in C: 128 KB counted in about 0.1 ms
    if len(head) - len(head.translate(None, _BEYOND_ASCII)) >= _ENOUGH_TEXT_BYTES:
        return head
    first = _first_beyond_ascii(body, n)
    return head if first is None else body[first:first + n]


def _utf8_ok(body: bytes) -> bool:
    """Whether the body reads as UTF-8: at least 90% of its non-ASCII characters are
    valid sequences. A few broken bytes in a UTF-8 page (a bad copy-paste, a cut
    multi-byte character) do not make it windows-1252; latin-1 text read as UTF-8 is
    invalid at nearly every non-ASCII byte, so the ratio separates the two."""
    sample = _text_sample(body, 2 * _DETECT_SCAN)
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError:
        pass
    text = sample.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    non_ascii = sum(1 for ch in text if ord(ch) > 127) - invalid
    return invalid <= non_ascii // 10 and non_ascii > 0


def _strict_utf8_text(body: bytes) -> bool:
    """Whether the body's first 128 KB are UTF-8 without one invalid byte and hold
    non-ASCII characters. Text in a legacy 8-bit or CJK encoding almost never is (its
    accented letters or lead bytes are followed by ASCII, which UTF-8 refuses), so such a
    body is UTF-8 whatever a label says."""
    sample = _text_sample(body, 2 * _DETECT_SCAN)
    if sample.isascii():
        return False
    try:  # final=False: a character cut by the sample's end is no error
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


def detect(body: bytes) -> str:
    """Best guess when nothing is declared: UTF-8 if it decodes (almost every page that
    does is UTF-8), else charset-normalizer on a prefix, else windows-1252."""
    if _utf8_ok(body):
        return "utf-8"
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it ships with requests/trafilatura
        return "cp1252"
    best = from_bytes(_text_sample(body, _DETECT_SCAN)).best()
    name = normalize_label(best.encoding) if best is not None else None
    return name or "cp1252"


def utf16_without_bom(body: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when the body's first 256 bytes have NULs in one byte lane
    (odd for LE, even for BE) and none in the other: markup in UTF-16 saved without a BOM.
    An 8-bit or UTF-8 page has no such NULs, and read as UTF-8 (valid: NUL is ASCII) this
    one would be text with a NUL between letters.

    Markup's ASCII (tags, attributes, spaces) puts a NUL in the high lane; letters of
    other alphabets do not (Cyrillic 0x04xx, Greek 0x03xx, Hebrew 0x05xx, Arabic 0x06xx).
    So a quarter of the lane is enough when the other lane has none at all: a page with
    a Russian <title> early has fewer than the 90% this once asked for, and was called
    binary data. Binary data has NULs in both lanes.
    """
    head = body[:256]
    pairs = len(head) // 2
    if pairs < 8:
        return None
    even = head[0:pairs * 2:2].count(0)
    odd = head[1:pairs * 2:2].count(0)
    if odd >= pairs * 0.25 and even <= odd * 0.02:
        return "utf-16-le"
    if even >= pairs * 0.25 and odd <= even * 0.02:
        return "utf-16-be"
    return None


def names_wide_encoding(label: str | None) -> bool:
    """Whether a charset label names UTF-16 or UTF-32 (any byte order, or "unicode")."""
    if not label:
        return False
    key = label.strip().strip("\"'").lower()
    try:
        name = codecs.lookup(_LABEL_ALIASES.get(key, key)).name
    except LookupError:
        return False
    return name.startswith(("utf-16", "utf-32"))


def wide_text_possible(body: bytes) -> bool:
    """Whether the body could be UTF-16 or UTF-32 at all: markup in either holds a NUL
    byte in every ASCII character (`<`, `>`, tag names), so a body whose first 1024 bytes
    hold none is not. A `charset=utf-16le` header (or `<meta charset="utf-16le">`, which
    WHATWG reads as UTF-8 outright) over an 8-bit or UTF-8 page turned the page into CJK
    characters: "unparsable or empty HTML", the article lost."""
    return b"\x00" in body[:1024]


def sniff_encoding(body: bytes, content_type: str | None) -> tuple[str, str]:
    """(encoding, source) for a page body; source is bom|header|meta|detected. UTF-16
    without a BOM is recognised by its NUL bytes before any label is believed
    (`utf16_without_bom`): no label of an 8-bit or UTF-8 encoding can be true of it."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name, "bom"
    name = utf16_without_bom(body)
    if name is not None:
        return name, "detected"
    for source in ("header", "meta"):
        # The meta is looked for only when the header does not decide: its scan of up to
        # 64 KB for the end of the <head> cost ~10 us on every page that did not need it.
        label = header_charset(content_type) if source == "header" else meta_charset(body)
        name = normalize_label(label)
        if name is None:
            continue
        if name.startswith(("utf-16", "utf-32")) and not wide_text_possible(body):
            continue  # a UTF-16/32 label over bytes with no NUL: the next source decides
        if name == "utf-8" and not _utf8_ok(body):
            continue  # a declared utf-8 over other bytes: ask the next source
        if name != "utf-8" and _strict_utf8_text(body):
            # The other lie, as common: a template (or server default) that still says
            # iso-8859-1 over a site moved to UTF-8. Read as declared, every accented
            # letter became two ("ZÃ¼rich").
            return "utf-8", "detected"
        return name, source
    return detect(body), "detected"


def _read_with_superset(exc: UnicodeError) -> tuple[str, int]:
    """Decode error handler: the two bytes the codec refused read with the larger table
    browsers use for it (`_WEB_SUPERSETS`), else U+FFFD as "replace" gives."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    wider = _WEB_SUPERSETS.get(exc.encoding.replace("-", "_").lower())
    if wider is not None:
        try:
            return exc.object[exc.start:exc.start + 2].decode(wider), exc.start + 2
        except UnicodeDecodeError:
            pass
    return "\ufffd", exc.end


codecs.register_error("pressroom-web-superset", _read_with_superset)


def decode(body: bytes, encoding: str | None) -> str:
    """Text of a body in its recorded encoding; undecodable bytes become U+FFFD, but a
    sequence a larger table of that label reads is read with it (`_WEB_SUPERSETS`)."""
    name = normalize_label(encoding) or "utf-8"
    if name == "utf-8" and body.startswith(codecs.BOM_UTF8):
        name = "utf-8-sig"
    if name in _WEB_SUPERSETS:
        return body.decode(name, errors="pressroom-web-superset")
    return body.decode(name, errors="replace")


# The encoding an XML declaration names: replaced once the bytes are re-encoded.
_XML_DECL_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])[^"']*""")


def _bom_over_utf8(data: bytes) -> bytes | None:
    """The bytes after a UTF-16 or UTF-32 byte-order mark that lies: UTF-8 text behind
    it (a script that wrote the mark of "Unicode" before the UTF-8 it then wrote, a
    file cut and pasted between editors). Such text has no NUL byte, which no UTF-16 or
    UTF-32 text of lines, spaces or markup lacks (each ASCII character holds one), and
    is valid UTF-8; read by its mark, a dump's header was CJK characters
    (`missing_header`, the article lost) and a URL list one line of them (fault round
    48). None when the mark does not lie, or there is none."""
    bom = next((len(m) for m in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff",
                                 b"\xff\xfe", b"\xfe\xff") if data.startswith(m)), 0)
    rest = data[bom:]
    if not bom or len(rest) < 8 or b"\x00" in rest[:65536]:
        return None
    try:
        rest[:65536].decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < min(len(rest), 65536) - 3:  # not a character cut at the 64 KB mark
            return None
    return rest


def wide_as_utf8(data: bytes) -> tuple[bytes, bool]:
    """(bytes, re-encoded): a document (XML, JSON, a text file) in UTF-32 (its BOM) or
    UTF-16 (a BOM, or NULs in one byte lane: `utf16_without_bom`, or between its first
    two ASCII letters) as UTF-8 bytes, an XML declaration saying so; other bytes as they
    are. Feeds and sitemaps are looked at as bytes (an entry's end tag, the root's, a
    JSON brace), dumps and URL lists for NULs: in UTF-16 none of those patterns is
    there, and a UTF-16 feed lost every item ("cut short before its first entry"), a
    dump or URL list without a BOM was `binary_content`; lxml and feedparser read the
    result by its declaration or a `charset=utf-8`."""
    if data.startswith(b"\xef\xbb\xbf") and (under := wide_as_utf8(data[3:]))[1]:
        return under  # a UTF-8 BOM put before UTF-16 text (a tool that adds one blindly)
    if (lying := _bom_over_utf8(data)) is not None:
        return lying, False
    if data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        codec = "utf-32"
    elif data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        codec = "utf-16"
    elif (lanes := utf16_without_bom(data)) is not None:
        codec = lanes
    elif len(data) >= 4 and data[1] == 0 and data[3] == 0 and data[0] and data[2]:
        codec = "utf-16-le"
    elif len(data) >= 4 and data[0] == 0 and data[2] == 0 and data[1] and data[3]:
        codec = "utf-16-be"
    else:
        return data, False
    width = 4 if codec == "utf-32" else 2
    text = data[:len(data) // width * width].decode(codec, errors="replace")
    return _XML_DECL_ENCODING.sub(r"\g<1>utf-8", text, count=1).encode("utf-8"), True


_XML_DECL_ENCODING_BYTES = re.compile(rb"""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])([^"']*)""")


def without_wide_declaration(data: bytes) -> bytes:
    """XML bytes whose declaration names UTF-16 or UTF-32 over bytes with no NUL (which
    no UTF-16 or UTF-32 text is) declared UTF-8 instead; other bytes as they are. .NET's
    XmlWriter over a StringWriter writes `encoding="utf-16"` whatever bytes the text is
    sent in: libxml2 and feedparser believed it, "not well-formed (invalid token)"."""
    found = _XML_DECL_ENCODING_BYTES.match(data[:1024])
    if found is None or wide_text_possible(data) \
            or not names_wide_encoding(found.group(2).decode("latin-1")):
        return data
    return found.group(1) + b"utf-8" + data[found.end():]


# Bytes that are no part of a UTF-8 character, as `surrogateescape` hands them over.
STRAY_BYTES = re.compile("[\udc80-\udcff]+")


def _cp1252_byte(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d: no cp1252 character
        return chr(byte)


def stray_bytes_as_cp1252(text: str) -> str:
    """`text` decoded from UTF-8 with `surrogateescape`, each byte that was no part of a
    UTF-8 character read as windows-1252 (what a latin-1 `caf\\xe9` or a Word quote
    `\\x93` pasted into UTF-8 text meant: browsers' reading of such bytes)."""
    return STRAY_BYTES.sub(
        lambda m: "".join(_cp1252_byte(ord(ch) - 0xDC00) for ch in m.group()), text)
