"""A Content-Range beside a 200 (`tasks/common/contentrange.py`, fault round 21): when the
body is the part the header names. The fetcher's and the WARC reader's cases are in
tests/unit/fetch/test_status_faults.py and tests/unit/discover/test_warc.py; seed 55
found no test of tests/unit/common calling the function, so no mutant of it was run."""

from __future__ import annotations

import pytest

from tasks.common.contentrange import part_of_a_page


def test_a_body_of_the_first_part_the_header_names_is_a_part() -> None:
    assert part_of_a_page("bytes 0-999/1595", 1000) == (
        "Content-Range 'bytes 0-999/1595' and a body of its 1000 bytes: a part of the page "
        "(bytes 0-999 of 1595), not the whole; a cache or proxy answered with a slice and a "
        "200")


@pytest.mark.parametrize(("header", "body", "where"), [
    ("bytes 1000-1594/1595", 595, "(bytes 1000-1594 of 1595)"),  # the tail, without a head
    ("bytes 500-999/1595", 500, "(bytes 500-999 of 1595)"),  # a middle part
    ("bytes 0-0/1595", 1, "(bytes 0-0 of 1595)"),  # a one-byte probe's part (Range: bytes=0-0)
    ("bytes 0-1593/1595", 1594, "(bytes 0-1593 of 1595)"),  # one byte short of the page
    ("  Bytes 0-999/1595 ", 1000, "(bytes 0-999 of 1595)"),  # spaces and case as sent
])
def test_any_part_short_of_the_whole_is_a_part(header: str, body: int, where: str) -> None:
    detail = part_of_a_page(header, body)
    assert detail is not None and where in detail
    assert detail.startswith(f"Content-Range {header.strip()!r} and a body of its {body} bytes")


@pytest.mark.parametrize(("header", "body"), [
    (None, 1000),
    ("", 1000),
    ("bytes 0-999/*", 1000),  # the total unknown: nothing to be short of
    ("bytes */1595", 1595),  # an unsatisfied range's form
    ("items 0-999/1595", 1000),  # no byte range
    ("bytes 0-999/1595", 1595),  # a stale header beside the whole page
    ("bytes 0-999/1595", 800),  # a record the crawler cut: not the part named
    ("bytes 0-999/1595", 1200),  # longer than the part, shorter than the page
    ("bytes 0-1594/1595", 1595),  # the part is the whole page
    ("bytes 999-0/1595", 1000),  # no range: its last byte before its first
    ("bytes 5-4/1595", 0),  # an empty body under a range that ends before it starts
])
def test_a_header_that_names_no_part_of_this_body_leaves_the_page(header, body) -> None:
    assert part_of_a_page(header, body) is None


def test_a_long_header_is_quoted_at_most_100_characters() -> None:
    header = "bytes " + "0" * 120 + "-999/1595"  # zeros as a broken proxy padded them
    detail = part_of_a_page(header, 1000)
    assert detail is not None
    assert f"Content-Range {header[:100]!r} and" in detail
    assert "(bytes 0-999 of 1595)" in detail
