"""What a body's bytes are, whatever its label says.

Servers send PDFs, images and archives under a text/html label (a CMS's download link,
a misconfigured route), and archives written by other crawlers keep those records. Both
the fetcher and the extraction of archived records name such a body in their error
instead of failing later on "unparsable HTML".
"""

from __future__ import annotations

from tasks.common.charset import utf16_without_bom

# Signatures of the binary files most often found under a text/html label.
_BINARY_MAGIC = (
    (b"%PDF-", "a PDF"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
)


def binary_body_kind(body: bytes) -> str | None:
    """What a body is when it opens with a binary file's signature (WebP and MP4 are
    recognised by their container's brand), else None."""
    for magic, kind in _BINARY_MAGIC:
        if body.startswith(magic):
            return kind
    if body[:4] == b"RIFF" and body[8:12] == b"WEBP":
        return "a WebP image"
    if body[4:8] == b"ftyp":
        return "an MP4/ISO media file"
    return _binary_data(body)


# Control bytes no text holds: C0 but tab, line ends, form feed and ESC (ISO-2022-JP
# switches with it), and DEL. Legacy multibyte encodings (Shift_JIS, GBK, Big5) never
# use them as trail bytes, so a page in any encoding has next to none; random or
# compressed data has one in nine. More than 8 in the first 1 KB (a dump: 8 in 8 KB).
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\f\x1b") + b"\x7f"
_SNIFF_BYTES = 1024
_MAX_CONTROL = 8


def _binary_data(body: bytes) -> str | None:
    """A body of no known signature that is no text (a font, an audio file, data compressed
    under no declared coding): it reached extraction and was rejected there as
    "unparsable or empty HTML", a reason that hid what it was. Markup in UTF-16/32 (a
    NUL between letters) and an HTML document with stray NULs in it are text."""
    head = body[:_SNIFF_BYTES]
    control = len(head) - len(head.translate(None, _CONTROL))
    if control <= _MAX_CONTROL:  # nearly every page: one pass over 1 KB, ~1 us
        return None
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[:4] == b"\x00\x00\xfe\xff" \
            or utf16_without_bom(head) is not None or opens_as_html(head):
        return None
    return (f"binary data ({control} of its first {len(head)} bytes are control bytes "
            "no text holds)")


# Byte-order marks, longest first (UTF-32LE's opens as UTF-16LE's does).
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def is_blank(body: bytes) -> bool:
    """Whether a body holds nothing to read: no bytes, whitespace alone, or a byte-order
    mark with only whitespace after it (an editor's BOM in an empty template, a CMS's
    failed render). A BOM is no content, but `bytes.strip` keeps it: such a body passed
    as a page and was rejected by the extraction as "unparsable or empty HTML", where an
    empty body is `empty_body`. Only a body opening with a BOM is looked at further."""
    stripped = body.strip()
    if not stripped:
        return True
    if stripped[:1] not in (b"\xef", b"\xff", b"\xfe", b"\x00"):
        return False  # nearly every page: one strip, as before
    head = body.lstrip()
    for bom, codec in _BOMS:
        if head.startswith(bom):
            rest = head[len(bom):]  # not stripped as bytes: that cuts UTF-16 characters
            return not (rest.strip() if codec == "utf-8"
                        else rest.decode(codec, "replace").strip())
    return False


# Generic labels that misconfigured servers put on HTML pages (a default_type of
# text/plain, a download route's octet-stream): such a body is a page only when it
# opens as an HTML document (`opens_as_html`); anything else is unsupported_content_type.
GENERIC_PAGE_TYPES = frozenset({"text/plain", "application/octet-stream"})


def opens_as_html(body: bytes) -> bool:
    """Whether a body's first 512 bytes open an HTML document (a doctype, or an <html>
    tag after a BOM, an XML declaration or a comment): how an HTML page under a generic
    label (text/plain, application/octet-stream) or none is told from other text."""
    head = body[:512]
    codec = ("utf-16" if head[:2] in (b"\xff\xfe", b"\xfe\xff")
             else utf16_without_bom(head))
    if codec is not None:  # markup in UTF-16: a NUL between its letters
        head = head[:len(head) // 2 * 2].decode(codec, "replace").encode("ascii", "replace")
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    return head.startswith(b"<!doctype html") or b"<html" in head
