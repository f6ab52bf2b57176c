"""Seed 71 (TESTING.md): what Fetcher._exchange reads from a response's header lines."""

from __future__ import annotations

from multidict import CIMultiDict, CIMultiDictProxy

from tests.unit.fetch.test_exchange import _Response, exchange


def test_every_location_header_line_is_kept_once_in_order() -> None:
    """Two Location lines are two redirect targets (the attempt refuses the redirect: which
    one the server meant is unknowable); a repeated line is one target."""
    url = "https://a.example/old"
    resp = _Response(url, 302, {}, [b""])
    resp.headers = CIMultiDictProxy(CIMultiDict(
        [("Location", "/a"), ("location", "/b"), ("LOCATION", "/a")]))
    ex = exchange(url, resp)
    assert ex.status == 302 and ex.locations == ["/a", "/b"]
    one = _Response(url, 301, {"Location": "/c"}, [b""])
    assert exchange(url, one).locations == ["/c"]
