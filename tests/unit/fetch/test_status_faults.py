"""Responses that are not what they claim: a 206 slice, an impossible status, a
Location that cannot be used as it is."""

from __future__ import annotations

import pytest

from tasks.fetch.client import partial_content_problem


@pytest.mark.parametrize("content_range", ["bytes 0-99/100", "BYTES 0-0/1", " bytes 0-4999/5000 "])
def test_a_206_covering_the_whole_page_is_the_page(content_range):
    assert partial_content_problem(content_range) is None


@pytest.mark.parametrize("content_range, words", [
    (None, "without a Content-Range"),
    ("", "without a Content-Range"),
    ("bytes 0-99/5000", "not the whole page"),     # the first 100 bytes of 5000
    ("bytes 100-4999/5000", "not the whole page"),  # the page without its start
    ("bytes 0-99/*", "not the whole page"),          # total unknown: cannot be shown whole
    ("bytes 0-100/100", "not the whole page"),       # one byte past the end
    ("items 0-99/100", "not the whole page"),
])
def test_a_206_slice_is_refused_with_what_it_holds(content_range, words):
    detail = partial_content_problem(content_range)
    assert detail is not None and words in detail


@pytest.mark.parametrize("status", [600, 999, 1000])
def test_a_status_outside_http_is_not_retried(status):
    from tasks.fetch.client import retryable

    assert retryable("bad_status", status) is False
    assert retryable(f"http_{status}", status) is False
