"""Seed 71 (TESTING.md): which paths discover reads as WARCs."""

from __future__ import annotations

from tasks.discover.warc import is_warc_path


def test_a_malformed_url_of_a_warc_is_still_a_warc_after_its_fragment_or_query() -> None:
    """urlsplit refuses "http://[::1/..." (the reader's URL check names it, a bad_url
    reject): the name is then what comes before "?" or "#", not before a space."""
    assert is_warc_path("http://[::1/x.warc.gz#part")
    assert is_warc_path("http://[::1/my crawl.warc.gz")
    assert not is_warc_path("http://[::1/x.txt#y.warc.gz")
