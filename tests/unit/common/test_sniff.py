"""Binary files under a text/html label are recognised by their signature."""

from __future__ import annotations

import struct
import zlib

import pytest

from tasks.common.sniff import binary_body_kind


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
