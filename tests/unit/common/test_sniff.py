"""Binary files under a text/html label are recognised by their signature."""

from __future__ import annotations

import struct
import zlib

import pytest

from tasks.common.sniff import binary_body_kind, is_blank


@pytest.mark.parametrize("body, kind", [
    (b"%PDF-1.4\n" + zlib.compress(b"x" * 100), "a PDF"),
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "a PNG image"),
    (b"GIF89a" + b"\0" * 20, "a GIF image"),
    (b"\xff\xd8\xff\xe0" + b"\0" * 20, "a JPEG image"),
    (b"PK\x03\x04" + b"\0" * 20, "a ZIP archive (or an Office document)"),
    (b"RIFF" + struct.pack("<I", 100) + b"WEBPVP8 ", "a WebP image"),
    (struct.pack(">I", 24) + b"ftypisom" + b"\0" * 16, "an MP4/ISO media file"),
])
def test_binary_files_are_named(body, kind):
    assert binary_body_kind(body) == kind


@pytest.mark.parametrize("body", [
    b"<!DOCTYPE html><html><body>%PDF-1.4 is a version</body></html>",
    b"RIFF is a word, and so is WEBP",
    b"   %PDF-",  # not at the start: a text that mentions it
    "<p>Ünïcödé</p>".encode("utf-16"),
])
def test_html_and_text_are_not_taken_for_binary(body):
    assert binary_body_kind(body) is None


@pytest.mark.parametrize(("body", "want"), [
    (b"<!DOCTYPE html><html><body>x</body></html>", True),
    (b"\xef\xbb\xbf  \n<!doctype HTML>", True),
    (b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'>", True),
    (b"User-agent: *\nDisallow: /\n", False),
    (b'{"a": 1}' + b" " * 600 + b"<html>", False),  # only the first 512 bytes count
    (b"", False),
    ("<!DOCTYPE html><html><body>x</body></html>".encode("utf-16-le"), True),  # no BOM
    ("\ufeff<html><body>x</body></html>".encode("utf-16-be"), True),
    ("User-agent: *\nDisallow: /\n".encode("utf-16-le"), False),
])
def test_opens_as_html(body, want):
    from tasks.common.sniff import opens_as_html

    assert opens_as_html(body) is want


def test_a_body_of_no_signature_that_is_no_text_is_binary_data():
    """Random bytes, and zlib or bzip2 data nobody declared, under a text label reached the
    extraction, which said "unparsable or empty HTML"; they are named binary data now."""
    import bz2
    import random

    noise = random.Random(8).randbytes(4096)
    for body in (noise, zlib.compress(noise), bz2.compress(noise)):
        kind = binary_body_kind(body)
        assert kind is not None and kind.startswith("binary data ("), body[:8]
        assert "of its first 1024 bytes are control bytes" in kind


@pytest.mark.parametrize("body", [
    ("<p>" + "\x00" * 300 + "x</p>").join(["<!DOCTYPE html><html><body>", "</body></html>"])
    .encode(),                                           # stray NULs in an HTML document
    "<p>日本語のテキスト</p>".encode("shift_jis") * 50,   # legacy multibyte encodings
    "<p>日本語のテキスト</p>".encode("iso2022_jp") * 50,  # (ESC switches the set)
    "<p>中文新闻</p>".encode("gbk") * 80,
    "<p>Ünïcödé</p>".encode("utf-32") * 30,              # a NUL between letters
    "<p>Ünïcödé news</p>".encode("utf-16-le") * 30,     # ... without a BOM too
    b"<div>a fragment\twith tabs\r\n\fand a form feed</div>" * 30,
    b"x\x00y" * 3,                                        # 3 control bytes: within the margin
])
def test_text_in_any_encoding_is_not_binary_data(body):
    assert binary_body_kind(body) is None


def test_utf32_big_endian_markup_with_its_bom_is_text() -> None:
    # UTF-32 LE's BOM opens with ff fe, UTF-16's test catches it; big-endian's is 00 00 fe ff
    body = b"\x00\x00\xfe\xff" + "<p>Ünïcödé news</p>".encode("utf-32-be") * 30
    assert binary_body_kind(body) is None


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_utf16_page_with_a_bom_and_no_html_tag_opens_as_html(codec) -> None:
    # the doctype must come first once the BOM is read as one: HTML5 may leave out <html>,
    # and the title's non-ASCII letters are read too
    from tasks.common.sniff import opens_as_html

    bom = "\ufeff".encode(codec)
    page = "<!DOCTYPE html><title>Zürich: Straßenbahn</title><p>Ausfall</p>"
    assert opens_as_html(bom + page.encode(codec)) is True
    assert opens_as_html(bom + "Ausfall in Zürich\n".encode(codec) * 4) is False


def test_the_html_tag_of_a_utf16_page_is_looked_for_in_all_of_its_first_512_bytes() -> None:
    from tasks.common.sniff import opens_as_html

    page = ("<!-- " + "c" * 200 + " --><html><p>x</p></html>").encode("utf-16-le")
    assert 400 < page.find("<html".encode("utf-16-le")) < 512 - 10
    assert opens_as_html(page) is True


def test_eight_control_bytes_are_still_text_nine_are_binary_data() -> None:
    text = b" the council met on Monday" * 20
    assert binary_body_kind(b"a\x01" * 8 + text) is None
    body = b"a\x01" * 9 + text
    assert binary_body_kind(body) == (
        f"binary data (9 of its first {len(body)} bytes are control bytes no text holds)")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_cyrillic_text_in_utf16_with_a_bom_is_text(codec) -> None:
    # every letter's high byte is 0x04, a control byte; the BOM says what they are
    text = "Совет города утвердил новый бюджет на следующий год. " * 10
    assert binary_body_kind("\ufeff".encode(codec) + text.encode(codec)) is None


def test_only_the_first_512_bytes_are_looked_at_for_the_html_tag() -> None:
    from tasks.common.sniff import opens_as_html

    assert opens_as_html(b"x" * 507 + b"<html>") is True  # ends at byte 512
    assert opens_as_html(b"x" * 508 + b"<html>") is False


BOM_ONLY = [b"\xef\xbb\xbf", b"\xef\xbb\xbf \r\n\t ", b"  \xef\xbb\xbf\n",
            b"\xff\xfe" + " \n\t".encode("utf-16-le"), b"\xfe\xff" + " \n".encode("utf-16-be"),
            b"\xff\xfe\x00\x00" + " \n".encode("utf-32-le"), b"\x00\x00\xfe\xff"]


@pytest.mark.parametrize("body", BOM_ONLY)
def test_a_byte_order_mark_with_nothing_after_it_is_a_blank_body(body):
    """Fault round 12: a body of a BOM (and whitespace) passed the fetcher's empty-body
    check (`bytes.strip` keeps a BOM) and was rejected by the extraction as
    "unparsable or empty HTML"; it is as blank as an empty one."""
    assert is_blank(body)


@pytest.mark.parametrize("body", [
    b"<p>x</p>", b"\xef\xbb\xbf<html>", b"\xef\xbb\xbf" + b" " * 10_000 + b"x",
    b"\xff\xfe" + "<p>Zürich</p>".encode("utf-16-le"), b"\xfe\xff\x00x", b"\x00",
    "\u00a0".encode(),  # a no-break space is a character a page may show
])
def test_a_body_with_anything_to_read_is_not_blank(body):
    assert not is_blank(body)
    assert is_blank(b"") and is_blank(b" \r\n\t\x0b\x0c")


@pytest.mark.parametrize("body", [
    b"\xef\xbb\xbf\xc2\xa0",  # a UTF-8 BOM, then a no-break space: a character, as above
    b"\xef\xbb\xbf \xe2\x80\x83x",  # an em space and a letter
    b"\xff\xfe" + " ".encode("utf-16-le") + b"\x00",  # UTF-16 cut in half a character
    b"\xfe\xff\x00 \x00",
])
def test_after_a_byte_order_mark_only_ascii_whitespace_or_its_codec_s_is_blank(body):
    """After a UTF-8 BOM the rest is stripped as bytes (ASCII whitespace: a no-break space
    is no blank); after a UTF-16 or UTF-32 one it is decoded, and half a character left
    at the end of a cut body is something (a replacement character), not an error."""
    assert not is_blank(body)
