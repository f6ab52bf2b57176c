"""Seed 73: page_metadata mutated whole (seed 72 took the functions it calls): the paths
of its date fallback that no test walked."""

from __future__ import annotations

from datetime import UTC, date, datetime

from lxml.html import fromstring

from tasks.extract.metadata import page_metadata

NOW = datetime(2024, 5, 3, 12, 0, tzinfo=UTC)


def test_a_date_only_htmldate_reads_in_the_address_dates_a_page_with_no_other():
    """url_date wants a separator before the year ("/2024-05-01"); htmldate reads a date
    after any non-digit ("bridge.2024-05-01.html"): the page, dated nowhere else, is
    dated by htmldate from its address."""
    tree = fromstring("<html><head><title>Bridge reopens</title></head><body>"
                      "<h1>Bridge reopens</h1><p>The bridge is open again.</p></body></html>")
    m = page_metadata(tree, "https://x.example/news/bridge.2024-05-01.html", now=NOW)
    assert (m.published_date, m.published_at_source) == (date(2024, 5, 1), "htmldate")
