"""A page's <meta http-equiv="refresh"> as a redirect: which ones send the fetcher on."""

from __future__ import annotations

import pytest

from tasks.fetch.redirects import (
    META_REFRESH_MAX_DELAY_S,
    meta_refresh_target,
    refresh_header_target,
)

PAGE = "https://news.example/2024/05/old-story"


def page(meta: str, before: str = "", charset: str = "utf-8") -> bytes:
    return (f"<html><head><meta charset='{charset}'>{before}{meta}</head>"
            "<body><p>This article has moved.</p></body></html>").encode(charset)


@pytest.mark.parametrize("content, expected", [
    ("0; url=/2024/05/new-story", "https://news.example/2024/05/new-story"),
    ("0;URL='https://other.example/a?b=1'", "https://other.example/a?b=1"),
    ("3;url=new-story", "https://news.example/2024/05/new-story"),
    (f"{META_REFRESH_MAX_DELAY_S:g}; url=/later", "https://news.example/later"),
])
def test_a_short_refresh_to_another_page_is_a_redirect(content, expected):
    body = page(f'<meta http-equiv="Refresh" content="{content}">')
    assert meta_refresh_target(PAGE, body, "utf-8") == expected


@pytest.mark.parametrize("meta", [
    '<meta http-equiv="refresh" content="300; url=/front">',     # an auto-reload
    f'<meta http-equiv="refresh" content="{META_REFRESH_MAX_DELAY_S + 1:g}; url=/x">',
    '<meta http-equiv="refresh" content="60">',                   # reloads itself
    f'<meta http-equiv="refresh" content="0; url={PAGE}#comments">',  # the same page
    '<noscript><meta http-equiv="refresh" content="0; url=/nojs"></noscript>',
    '<meta http-equiv="refresh" content="0; url=http://[::1/x">',  # names no URL
    '<meta name="refresh" content="0; url=/x">',                    # not http-equiv
    '<meta http-equiv="refresh" content="0; url=javascript:go(\'/x\')">',  # no page to fetch
    '<meta http-equiv="refresh" content="0; url=JavaScript:void(0)">',
    '<meta http-equiv="refresh" content="0; url=mailto:desk@news.example">',
    '<meta http-equiv="refresh" content="0; url=data:text/html,hello">',
])
def test_other_refreshes_leave_the_page_as_it_is(meta):
    assert meta_refresh_target(PAGE, page(meta), "utf-8") is None


def test_the_refresh_url_is_read_in_the_page_charset_and_loses_its_credentials():
    body = page('<meta http-equiv="refresh" content="0; url=https://u:pw@x.example/zürich">',
                charset="iso-8859-1")
    got = meta_refresh_target(PAGE, body, "iso-8859-1")
    assert got is not None and "pw" not in got and "u@" not in got
    assert got.startswith("https://x.example/z") and got.endswith("rich")
    assert "%C3%BC" in got  # ü read as ü (Latin-1), then percent-encoded as UTF-8


def test_the_cheap_test_finds_a_refresh_however_it_is_written_and_ignores_scripts():
    from tasks.fetch.redirects import _may_have_refresh

    for meta in (b'<META HTTP-EQUIV="REFRESH" CONTENT="0;URL=/a">',
                 b"<meta http-equiv = 'Refresh' content='0; url=/a'>",
                 b"<meta content=0;url=/a http-equiv=refresh>"):
        assert _may_have_refresh(b"<script>refresh();</script>" * 50 + meta), meta
    assert not _may_have_refresh(b'<script>refresh()</script><meta http-equiv="content-type">')


@pytest.mark.parametrize("value, target", [
    ("0; url=/next", "https://a.example/next"),
    ("0;URL='/next'", "https://a.example/next"),
    ("3, url=https://b.example/x", "https://b.example/x"),
    ("0; /next", "https://a.example/next"),
    ("1.5; url = /next ", "https://a.example/next"),
    ("60; url=/next", None),                  # a slow refresh is a page that updates
    ("0", None),                              # reload itself
    ("0; url=/story#top", None),              # itself
    ("0; url=javascript:go()", None),
    ("soon; url=/next", None),
    ("", None),
])
def test_an_http_refresh_header_is_read_as_a_meta_refresh(value, target) -> None:
    """Fault round 4: a `Refresh` header over a stub body was kept as the page."""
    assert refresh_header_target("https://a.example/story", value) == target


REFRESH = '<meta http-equiv="refresh" content="0; url=new-story">'


@pytest.mark.parametrize("base, expected", [
    # a print or mobile copy whose template names the article folder
    ('<base href="/2024/06/">', "https://news.example/2024/06/new-story"),
    ('<BASE HREF="https://archive.news.example/y/">', "https://archive.news.example/y/new-story"),
    ('<base href="../">', "https://news.example/2024/new-story"),
    # the first <base> with an href counts; one naming no http(s) page bases nothing
    ('<base target="_blank"><base href="/a/"><base href="/b/">', "https://news.example/a/new-story"),
    ('<base href="javascript:void(0)">', "https://news.example/2024/05/new-story"),
    ('<base href="http://[::1">', "https://news.example/2024/05/new-story"),
    ('<base href="">', "https://news.example/2024/05/new-story"),
])
def test_a_relative_refresh_is_resolved_against_the_base_href(base, expected):
    """Fault round 11 (round 10's known item): the refresh's URL was joined with the
    page's address whatever its `<base href>` said, as browsers do not: the fetcher
    followed it to a page that does not exist (/2024/05/new-story for /2024/06/...)."""
    assert meta_refresh_target(PAGE, page(REFRESH, before=base), "utf-8") == expected


@pytest.mark.parametrize("href, expected", [
    ("/a&amp;b/", "https://news.example/a&b/new-story"),
    ("&#8203;/news/&#x200B;", "https://news.example/news/new-story"),
    ("/news&#x2F;", "https://news.example/news/new-story"),
    ("https://news.example/caf&eacute;/", "https://news.example/caf%C3%A9/new-story"),
    # unended, before "=" or a letter, browsers leave it as written in an attribute
    ("/x&copy=2/", "https://news.example/x&copy=2/new-story"),
])
def test_a_base_href_holding_character_references_is_the_address_they_write(href, expected):
    """Round 14 (round 13's known item): w3lib hands the first `<base href>` over as
    written, so its character references stayed in the address: the refresh went to
    /a&amp;b/new-story, /print/&#8203;/news/new-story, /news&#x2F;new-story (404s)."""
    body = page(REFRESH, before=f'<base href="{href}">')
    assert meta_refresh_target("https://news.example/print/x", body, "utf-8") == expected


def test_a_refresh_to_the_page_itself_through_its_base_is_no_redirect():
    body = page('<meta http-equiv="refresh" content="0; url=old-story">',
                before='<base href="/2024/05/">')
    assert meta_refresh_target(PAGE, body, "utf-8") is None


def test_unclosed_base_tags_cost_no_time():
    import time

    body = page(REFRESH) + b"<base " * 40_000 + b'<base href="' * 40_000
    start = time.process_time()
    assert meta_refresh_target(PAGE, body, "utf-8") == "https://news.example/2024/05/new-story"
    assert time.process_time() - start < 2.0


@pytest.mark.parametrize("junk", ["\u200b", "\u2060", "\u200e", "&#8203;"])
def test_a_refresh_url_with_invisible_edges_is_its_url(junk: str) -> None:
    """Round 13: w3lib percent-encodes a refresh's URL before it joins it, so a zero-width
    space before "https://..." was a path under the page's folder (a 404)."""
    body = page(f'<meta http-equiv="refresh" content="0; url={junk}https://x.example/new{junk}">')
    assert meta_refresh_target(PAGE, body, "utf-8") == "https://x.example/new"
    body = page(f'<meta http-equiv="refresh" content="0; url={junk}new-story{junk}">',
                before='<base href="\u200b/news/\u200b">')  # (w3lib reads no entity there)
    assert meta_refresh_target(PAGE, body, "utf-8") == "https://news.example/news/new-story"
    assert refresh_header_target(PAGE, "0; url=\u200bhttps://x.example/new\u200b") == \
        "https://x.example/new"


@pytest.mark.parametrize("value", ["0; url=''", '0;url=""', "1, url= ' ' "])
def test_a_refresh_header_with_an_empty_target_names_no_page(value) -> None:
    # seed 51: quotes around nothing are no target, even where resolving "" against the
    # page would give another address (the page's own, without its user:password@)
    assert refresh_header_target("https://a.example/story", value) is None
    assert refresh_header_target("https://u:p@a.example/story", value) is None
