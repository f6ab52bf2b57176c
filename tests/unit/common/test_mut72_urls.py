"""Seed 72: typed_domain's edges session 49's mutants showed no test deciding: an http
address, leading slashes, a capital X opening a punycode label, the refusals' words."""

from __future__ import annotations

import pytest

from tasks.common.urls import BadURL, typed_domain


@pytest.mark.parametrize(("typed", "domain"), [
    ("http://www.news.example/world/", "news.example"),  # not only https
    ("HTTP://News.Example/", "news.example"),
    ("//news.example/a", "news.example"),  # a scheme-relative address
    ("/news.example", "news.example"),
    ("XN--BCHER-KVA.EXAMPLE", "bücher.example"),  # punycode in capitals
])
def test_an_http_address_leading_slashes_and_capital_punycode_name_the_site(typed, domain):
    assert typed_domain(typed) == domain


def test_the_refusals_name_what_was_typed():
    with pytest.raises(BadURL) as no_http:
        typed_domain("ftp://news.example/")
    assert str(no_http.value) == "'ftp://news.example/' is no host name or http(s) address"
    with pytest.raises(BadURL) as no_host:
        typed_domain("news..example")
    assert str(no_host.value) == "'news..example' is no host name"
