"""Seed 79: what seed 78's run left unrun, each asked with a whole page through
`page_metadata`: a Next.js page's `__NEXT_DATA__` record at its bounds (a script of
exactly MAX_NEXT_DATA_CHARS, the record as the last node read of MAX_NEXT_DATA_NODES, a
string before it in a list) and on a page with no headline element and no story to
anchor it (the only dated record, not one of two); the stand-in headline of a page
with no heading, whose own line is read only when it is no heading and not classed as
a title."""

from __future__ import annotations

import json

import pytest

from tasks.extract.dates import MAX_NEXT_DATA_CHARS, MAX_NEXT_DATA_NODES
from tests.unit.extract.test_mut78_dates import HEADLINE, OTHER, STORY, dated, next_data, page
from tests.unit.extract.test_unseen_meta56 import headless_page, meta


def script(data: object, size: int | None = None) -> str:
    text = json.dumps(data)
    if size is not None:  # padded with spaces to exactly `size` characters
        text += " " * (size - len(text))
    return f'<script id="__NEXT_DATA__" type="application/json">{text}</script>'


def test_a_next_data_script_of_exactly_the_bound_is_read() -> None:
    held = script({"props": {"pageProps": {"story": STORY}}}, MAX_NEXT_DATA_CHARS)
    assert dated(page(held))[1] == "jsonld"
    longer = script({"props": {"pageProps": {"story": STORY}}}, MAX_NEXT_DATA_CHARS + 1)
    assert dated(page(longer))[1] != "jsonld"


def nodes_before(n: int) -> dict:
    """The story as node n + 3 of the walk: the data, its list, n empty objects, it."""
    return {"items": [{} for _ in range(n)] + [STORY]}


def test_the_story_as_the_last_node_read_dates_the_page_and_one_after_does_not() -> None:
    last = MAX_NEXT_DATA_NODES - 3
    assert dated(page(script(nodes_before(last))))[1] == "jsonld"
    assert dated(page(script(nodes_before(last + 1))))[1] != "jsonld"


def test_a_string_or_number_before_the_record_in_a_list_is_passed_over() -> None:
    data = {"props": {"pageProps": {"blocks": ["ad-slot", 3, None, STORY]}}}
    assert dated(page(script(data)))[1] == "jsonld"


def no_headline_page(top: str) -> str:
    """No heading, no <article>: nothing stands where the headline would."""
    return ('<html lang="en"><head><title>Riverside Post</title></head><body><main>'
            f'{top}<div class="content">{"<p>The council met and agreed on a plan.</p>" * 3}'
            '</div></main></body></html>')


def test_the_only_dated_record_dates_a_page_with_no_headline() -> None:
    assert dated(no_headline_page(next_data(STORY)))[1] == "jsonld"
    assert dated(no_headline_page(next_data(STORY)))[0].isoformat() == "2025-03-05"


@pytest.mark.parametrize("stories", [(STORY, OTHER), ()])
def test_two_dated_records_or_none_date_no_page_with_no_headline(stories) -> None:
    assert dated(no_headline_page(next_data(*stories)))[1] != "jsonld"


T = f"{HEADLINE} | Riverside Post"


@pytest.mark.parametrize("first", [
    '<div class="story-title">By Anna Berg</div>',  # classed as a title
    "<h4>By Anna Berg</h4>",                         # a heading
])
def test_a_title_or_heading_standing_in_for_the_headline_is_no_byline(first: str) -> None:
    assert meta(headless_page("<p>3 December 2026</p>", title=T, inner=first)).authors == []


def test_a_plain_first_line_standing_in_for_the_headline_is_read_as_the_byline() -> None:
    page_ = headless_page("<p>3 December 2026</p>", title=T,
                          inner='<div class="story-meta">By Anna Berg</div>')
    assert meta(page_).authors == ["Anna Berg"]
