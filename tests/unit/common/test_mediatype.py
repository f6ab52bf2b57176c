"""A Content-Type header of several values, read as browsers read it (fault round 11)."""

from __future__ import annotations

import pytest

from tasks.common.charset import sniff_encoding
from tasks.common.mediatype import effective_content_type, header_values


@pytest.mark.parametrize(("value", "expected"), [
    # two headers folded into one line by a proxy or framework
    ("text/html, text/html; charset=utf-8", "text/html; charset=utf-8"),
    # an application's type appended to the server's default
    ("application/octet-stream, text/html", "text/html"),
    ("text/plain, text/html; charset=windows-1252", "text/html; charset=windows-1252"),
    # a charset given earlier for the same type carries over (Fetch, extract a MIME type)
    ("text/html; charset=iso-8859-2, text/html", "text/html; charset=iso-8859-2"),
    # ... but not to another type; */* and values that are no MIME type are passed over
    ("text/plain; charset=utf-16, text/html", "text/html"),
    ("text/html; charset=utf-8, */*", "text/html; charset=utf-8"),
    ("text/html; charset=utf-8, bogus", "text/html; charset=utf-8"),
    ("text/html;charset=koi8-r, ", "text/html;charset=koi8-r"),
])
def test_the_last_valid_type_of_a_folded_header_is_the_content_type(value, expected):
    assert effective_content_type(value) == expected


@pytest.mark.parametrize("value", [
    None, "", "text/html", 'text/html; charset="utf-8"', "TEXT/HTML ; Charset = utf-8",
    'text/html; name="a,b"; charset=utf-8',  # a comma inside quotes separates nothing
    '"text/html"', "bogus, nonsense",  # nothing valid: left as it was, for the checks
])
def test_a_single_value_or_none_valid_is_left_as_it_was(value):
    assert effective_content_type(value) == value


def test_quoted_commas_do_not_split_a_header():
    assert header_values('a; x="1,2", b; y="\\",", c') == ['a; x="1,2"', ' b; y="\\","', " c"]


def test_the_charset_of_the_chosen_value_decides_the_decoding():
    body = "<html><body><p>Za\u017c\u00f3\u0142\u0107 g\u0119\u015bl\u0105 ja\u017a\u0144</p>" \
           "</body></html>".encode("iso-8859-2")
    folded = effective_content_type("text/plain; charset=utf-8, text/html; charset=iso-8859-2")
    assert sniff_encoding(body, folded) == ("iso8859-2", "header")


def test_header_values_read_the_first_character_like_any_other():
    # seed 50: a value that opens with a quote or a comma
    assert header_values('"a,b",c') == ['"a,b"', "c"]
    assert header_values(",a") == ["", "a"]
    assert header_values('"x\\",y",z') == ['"x\\",y"', "z"]


@pytest.mark.parametrize(("value", "expected"), [
    # seed 51: a value passed over does not end the search: the valid one after it counts
    ("*/*, text/html", "text/html"),
    ("bogus, text/html; charset=utf-8", "text/html; charset=utf-8"),
    # a type or subtype that is no token is no MIME type, whichever half is wrong
    ("text/html; charset=latin1, text/", "text/html; charset=latin1"),
    ("text/html; charset=latin1, text/ht ml", "text/html; charset=latin1"),
    ("text/html; charset=latin1, te xt/plain", "text/html; charset=latin1"),
])
def test_values_that_are_no_mime_type_are_passed_over_wherever_they_stand(value, expected):
    assert effective_content_type(value) == expected


@pytest.mark.parametrize("value", [
    "text/html charset=utf-8", "text/html\tcharset=utf-8", "text/html:charset=utf-8",
    "charset=utf-8", "html", "text / html", "text\\html", "text/html/", '"text/html"',
    "none", "*/*", "unknown/unknown", "Application/Unknown; charset=utf-8", "", None,
])
def test_a_value_that_supplies_no_media_type_browsers_take_is_none(value) -> None:
    """Fault round 21: each was `unsupported_content_type` over an HTML page, where
    browsers sniff it (Fetch's "extract a MIME type" fails, or MIME Sniffing's unknown
    essences) and show the page."""
    from tasks.common.mediatype import supplied_media_type

    assert supplied_media_type(value) is None


@pytest.mark.parametrize("value, media", [
    ("text/html", "text/html"), ("TEXT/HTML; charset=UTF-8", "text/html"),
    ("text/html;", "text/html"), ("text/html;charset:utf-8", "text/html"),
    ("application/xhtml+xml", "application/xhtml+xml"),
    ("text/x-html", "text/x-html"), ("application/x-httpd-php", "application/x-httpd-php"),
    ("text/*", "text/*"), ("'text/html'", "'text/html'"),  # valid tokens: what they say
])
def test_a_valid_media_type_is_what_it_says(value, media) -> None:
    from tasks.common.mediatype import supplied_media_type

    assert supplied_media_type(value) == media
