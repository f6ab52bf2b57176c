"""Seed 81: `_close_unclosed_rcdata` reads an RCDATA end tag's name in ASCII case only
(session 56), as HTML and libxml2 do. A never-closed `<title>` later followed by a look-
alike end tag (`</tıtle>`, a Turkish dotless i) has no end: libxml2 would read the rest of
the page as the title, so the missing end tag is still put in. Unicode IGNORECASE took the
look-alike for the end, left the title open, and the story was lost."""

from __future__ import annotations

import pytest

import tasks.extract.pages as extract_mod
from tasks.extract.pages import extract_html
from tests.unit.extract.test_pages import _R16_STORY, _R16_URL, FETCHED, PARAGRAPHS


@pytest.mark.parametrize("look_alike", ["</t\u0131tle>", "</T\u0130TLE>"])
def test_an_unclosed_title_is_closed_though_a_look_alike_end_tag_follows(look_alike):
    html = (f"<html><head><title>Harbour bridge reopens<meta charset=utf-8></head><body>"
            f"<article>{_R16_STORY}</article><p>Liman{look_alike}</p></body></html>")
    assert extract_mod._close_unclosed_rcdata(html).startswith(
        "<html><head><title>Harbour bridge reopens</title><meta")
    x = extract_html(html.encode(), _R16_URL, fetched_at=FETCHED)
    assert x.error is None and all(p in x.text for p in PARAGRAPHS)
    assert x.meta.title == "Harbour bridge reopens"


def test_an_upper_case_end_tag_closes_a_title():
    html = "<title>Harbour bridge reopens</TITLE><p>Liman</p>"
    assert extract_mod._close_unclosed_rcdata(html) == html
