"""Seed 79: the rest of `author_from_profile_url` (seed 78's run stopped before it): an
`article:author` tag that holds no URL at all (empty, a handle) before the profile on
the site is passed over, and the profile still names the author."""

from __future__ import annotations

import pytest

from tests.unit.extract.test_mut78_metadata import meta, page

PROFILE = "https://www.riversidepost.com/author/laura-reynolds"


@pytest.mark.parametrize("first", ["", "   ", "@lauraposts"])
def test_a_profile_after_an_article_author_tag_holding_no_url_names_the_author(first) -> None:
    head = (f'<meta property="article:author" content="{first}">'
            f'<meta property="article:author" content="{PROFILE}">')
    assert meta(page(head=head)).authors == ["Laura Reynolds"]


def test_an_article_author_tag_holding_no_url_alone_names_nobody() -> None:
    head = '<meta property="article:author" content="">'
    assert meta(page(head=head)).authors == []
