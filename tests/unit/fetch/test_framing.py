"""Fault round 36: response heads with two framings read as RFC 9112 6.3 says, before
aiohttp's parser (which refuses them) sees them. The fetch stage over a loopback server
is tested in tests/integration/test_fetch_faults36.py."""

from __future__ import annotations

import functools

import aiohttp
import pytest
from aiohttp.client_proto import ResponseHandler

from tasks.fetch.framing import (
    ReframingHandler,
    reframe_head,
    reframe_heads,
    use_reframing,
)

CHUNKED_BODY = b"5\r\nhello\r\n0\r\n\r\n"


def test_a_chunked_head_beside_a_content_length_loses_the_length() -> None:
    head = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 10\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n")
    assert reframe_head(head) == head.replace(b"Content-Length", b"X-Crawler-Content-Length")
    # any case, any order, a list ending in chunked, a length of 0, the header twice
    head = (b"HTTP/1.1 200 OK\r\ntransfer-encoding: gzip\r\nTRANSFER-ENCODING: Chunked\r\n"
            b"content-length: 0\r\nContent-Length: 0\r\n\r\n")
    assert reframe_head(head).count(b"X-Crawler-") == 2
    assert b"X-Crawler-content-length: 0\r\nX-Crawler-Content-Length: 0" in reframe_head(head)


def test_an_identity_transfer_encoding_beside_a_length_loses_the_transfer_encoding() -> None:
    # `identity` is no transfer coding (RFC 7230 dropped it): the length frames the body
    head = b"HTTP/1.1 200 OK\nContent-Length: 5\nTransfer-Encoding: identity\n\n"
    assert reframe_head(head) == (b"HTTP/1.1 200 OK\nContent-Length: 5\n"
                                  b"X-Crawler-Transfer-Encoding: identity\n\n")


@pytest.mark.parametrize("head", [
    b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
    # HTTP/1.0 with both: faulty framing by the RFC, left to the parser's refusal
    b"HTTP/1.0 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
    # the names inside a value, or an empty Transfer-Encoding: nothing to choose between
    b"HTTP/1.1 200 OK\r\nX-Note: transfer-encoding and content-length\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding:\r\n\r\n",
])
def test_a_head_of_one_framing_is_left_as_it_is(head) -> None:
    assert reframe_head(head) is head


def test_heads_wait_until_the_final_one_is_whole_then_the_body_passes() -> None:
    both = (b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\nTransfer-Encoding: chunked\r\n\r\n")
    fixed = both.replace(b"Content-Length", b"X-Crawler-Content-Length")
    assert reframe_heads(both[:30]) == (b"", both[:30], False)
    assert reframe_heads(both + CHUNKED_BODY) == (fixed + CHUNKED_BODY, b"", True)
    # 103 Early Hints before it: both heads read, the interim one as it was
    hints = b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
    assert reframe_heads(hints + both[:20]) == (hints, both[:20], False)
    assert reframe_heads(hints + both + CHUNKED_BODY) == (hints + fixed + CHUNKED_BODY, b"", True)
    # a 101 is final: what follows it is another protocol's
    up = b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n"
    assert reframe_heads(up + b"\r\n\r\nraw") == (up + b"\r\n\r\nraw", b"", True)


def test_a_head_longer_than_any_the_parser_takes_is_not_waited_for() -> None:
    from tasks.common.httplimits import MAX_HEAD_BYTES

    endless = b"HTTP/1.1 200 OK\r\nX: " + b"a" * MAX_HEAD_BYTES
    assert reframe_heads(endless) == (endless, b"", True)


def test_the_fetchers_connector_speaks_through_the_reframing_handler() -> None:
    """`use_reframing` relies on how aiohttp builds a connection's protocol (the
    connector's `_factory`); an aiohttp that builds it otherwise fails here, not in a
    fetch (where heads with both framings would quietly be protocol_error again)."""
    import asyncio

    async def build() -> tuple[bool, object]:
        connector = aiohttp.TCPConnector(force_close=True)
        try:
            assert isinstance(connector._factory, functools.partial)
            assert connector._factory.func is ResponseHandler
            installed = use_reframing(connector)
            return installed, connector._factory()
        finally:
            await connector.close()

    installed, protocol = asyncio.run(build())
    assert installed and isinstance(protocol, ReframingHandler)


def test_a_head_ends_at_its_own_blank_line_whatever_line_ends_it_uses() -> None:
    # bare LF lines (the parser takes them), one blank line of LF after CRLF lines, and a
    # CRLF CRLF later in the body that is not the head's end
    both = b"HTTP/1.1 200 OK\nContent-Length: 3\nTransfer-Encoding: chunked\n"
    body = b"5\r\nhello\r\n0\r\n\r\n"
    for blank in (b"\n", b"\r\n"):
        ready, rest, done = reframe_heads(both + blank + body)
        assert done and rest == b"" and ready.endswith(blank + body)
        assert b"X-Crawler-Content-Length: 3" in ready
    crlf = both.replace(b"\n", b"\r\n")
    assert reframe_heads(crlf + b"\n" + body)[0] == (
        crlf.replace(b"Content-Length", b"X-Crawler-Content-Length") + b"\n" + body)
