"""Fault round 36: response heads with two framings read as RFC 9112 6.3 says, before
aiohttp's parser (which refuses them) sees them. The fetch stage over a loopback server
is tested in tests/integration/test_fetch_faults36.py."""

from __future__ import annotations

import functools

import aiohttp
import pytest
from aiohttp.client_proto import ResponseHandler
from aiohttp.http_exceptions import HttpProcessingError

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


def test_a_quoted_transfer_parameter_holding_a_colon_is_read_by_the_headers_name() -> None:
    # RFC 9112 7: a transfer coding's parameter may be a quoted string, a colon and all;
    # the header's name is what stands before its first colon
    head = (b'HTTP/1.1 200 OK\r\nContent-Length: 10\r\nTransfer-Encoding: chunked;x="a:b"'
            b"\r\n\r\n")
    assert reframe_head(head) == head.replace(b"Content-Length", b"X-Crawler-Content-Length")


def test_an_interim_head_without_a_reason_phrase_is_still_interim() -> None:
    both = b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\nTransfer-Encoding: chunked\r\n\r\n"
    fixed = both.replace(b"Content-Length", b"X-Crawler-Content-Length")
    for interim in (b"HTTP/1.1 100\r\n\r\n", b"HTTP/1.1 103\r\nLink: </a.css>\r\n\r\n"):
        assert reframe_heads(interim + both + CHUNKED_BODY) == (
            interim + fixed + CHUNKED_BODY, b"", True)


# (seed 65: a blank line of bare LF at byte 0 is a head too, passed on, not waited past)
@pytest.mark.parametrize("head", [b"HTTP/1.1\r\n\r\n", b"\r\n\r\n", b"   \n\n", b"\n\n",
                                  b"\n\r\n"])
def test_a_status_line_without_a_code_is_passed_on_for_the_parser_to_refuse(head) -> None:
    assert reframe_heads(head + b"rest") == (head + b"rest", b"", True)


# ReframingHandler with aiohttp's own parser: what a connection delivers, segment by segment

async def _response_of(segments, *, parser_first=True, lost=False, lost_with=None,
                       handler=ReframingHandler):
    """(status, headers, body) of what `segments` deliver to a connection's protocol, or
    the exception reading it raises (its type and text)."""
    import asyncio
    from unittest import mock

    protocol = handler(asyncio.get_running_loop())
    protocol.connection_made(mock.Mock())
    if parser_first:
        protocol.set_response_params()
    for segment in segments:
        protocol.data_received(segment)
    if not parser_first:  # (aiohttp keeps what came before and hands it over now)
        protocol.set_response_params()
    if lost:
        protocol.connection_lost(lost_with)
    try:
        message, payload = await asyncio.wait_for(protocol.read(), 2)
        return message.code, dict(message.headers), await payload.read()
    except Exception as exc:  # noqa: BLE001 - the outcome compared
        return type(exc), str(exc)


def _run(coro):
    import asyncio

    return asyncio.run(coro)


BOTH = b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\nTransfer-Encoding: chunked\r\n\r\n"
READ = (200, {"X-Crawler-Content-Length": "9", "Transfer-Encoding": "chunked"}, b"hello")


@pytest.mark.parametrize("segments", [
    [BOTH + CHUNKED_BODY],
    [BOTH[:20], BOTH[20:] + CHUNKED_BODY],                # the head over two segments
    [BOTH, CHUNKED_BODY[:4], CHUNKED_BODY[4:]],           # the body over two
], ids=["one", "head-split", "body-split"])
def test_the_handler_reads_a_head_of_two_framings_by_the_one_that_wins(segments) -> None:
    assert _run(_response_of(segments)) == READ
    # the parser not yet set when the bytes came: read the same once it is
    assert _run(_response_of(segments, parser_first=False)) == READ
    # aiohttp's own handler refuses it (what `protocol_error` was)
    refused = _run(_response_of(segments, handler=ResponseHandler))
    assert refused[0] is HttpProcessingError and "Content-Length" in refused[1]


def test_after_the_final_head_each_segment_goes_to_the_parser_as_it_comes() -> None:
    """A body segment without a blank line in it is not held back as a head would be:
    the body is whole before the connection closes."""
    import asyncio
    from unittest import mock

    async def read() -> tuple[bytes, bool]:
        protocol = ReframingHandler(asyncio.get_running_loop())
        protocol.connection_made(mock.Mock())
        protocol.set_response_params()
        protocol.data_received(b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n")
        protocol.data_received(b"hel")
        protocol.data_received(b"lo")
        message, payload = await asyncio.wait_for(protocol.read(), 2)
        return await asyncio.wait_for(payload.read(), 2), payload.is_eof()

    assert _run(read()) == (b"hello", True)


@pytest.mark.parametrize("lost_with", [None, ConnectionResetError(104, "reset by peer")],
                         ids=["closed", "reset"])
def test_a_head_the_connection_cut_is_met_as_aiohttps_own_handler_meets_it(lost_with) -> None:
    """The bytes of a head that never ended reach the parser at the connection's end (as
    before reframing): the same error, naming what of the head came, or the reset."""
    cut = [BOTH[:20]]
    ours = _run(_response_of(cut, lost=True, lost_with=lost_with))
    theirs = _run(_response_of(cut, lost=True, lost_with=lost_with, handler=ResponseHandler))
    assert ours == theirs
    assert issubclass(ours[0], aiohttp.ClientError)
    if lost_with is None:
        assert "code=200" in ours[1]  # (the cut head as the parser read it)
    else:
        assert issubclass(ours[0], aiohttp.ClientOSError) and "reset by peer" in ours[1]


def test_heads_of_bare_lf_lines_end_at_their_own_blank_line_interim_and_final() -> None:
    # (seed 64) no CRLF CRLF anywhere: each head ends at its own "\n\n" (or "\n\r\n"),
    # the interim head's end is no later than its blank line, and the body is as sent
    final = b"HTTP/1.1 200 OK\nContent-Length: 5\nTransfer-Encoding: identity\n\n"
    fixed = final.replace(b"Transfer-Encoding", b"X-Crawler-Transfer-Encoding")
    for interim in (b"HTTP/1.1 100 Continue\n\n", b"HTTP/1.1 100 Continue\n\r\n",
                    b"HTTP/1.1 103 Early Hints\nLink: </a.css>\n\n"):
        assert reframe_heads(interim + final + b"hello") == (interim + fixed + b"hello",
                                                             b"", True)
    # a body holding blank lines of its own, after a head of bare LF lines
    body = b"a\n\nb\n\r\nc\r\n\r\nd"
    assert reframe_heads(final + body) == (fixed + body, b"", True)


def test_what_waits_after_several_interim_heads_is_given_back_as_it_came() -> None:
    from tasks.common.httplimits import MAX_HEAD_BYTES

    hints = b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
    cont = b"HTTP/1.1 100 Continue\r\n\r\n"
    assert reframe_heads(cont + hints + b"HTTP/1.1 2") == (cont + hints, b"HTTP/1.1 2", False)
    endless = b"HTTP/1.1 200 OK\r\nX: " + b"a" * MAX_HEAD_BYTES
    assert reframe_heads(cont + hints + endless) == (cont + hints + endless, b"", True)


def test_a_connector_that_builds_its_protocol_otherwise_is_left_alone() -> None:
    class NoFactory:
        pass

    assert use_reframing(NoFactory()) is False

    class OtherFactory:
        _factory = functools.partial(dict, loop=None)

    other = OtherFactory()
    assert use_reframing(other) is False and other._factory.func is dict


# -- seed 65: heads' ends, a 101's, the head limit after interim heads ---------------------
def test_a_101_head_is_final_whatever_bytes_follow_it() -> None:
    # another protocol's bytes, with no blank line in them: nothing waits for a head
    up = b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n"
    assert reframe_heads(up + b"\x81\x05hello") == (up + b"\x81\x05hello", b"", True)


def test_an_interim_head_of_lf_lines_ends_before_a_final_head_of_crlf_lines() -> None:
    # the interim head's blank line is "\n\r\n"; the first CRLF CRLF is the final head's,
    # and the body (framed by its length) holds no blank line
    interim = b"HTTP/1.1 100 Continue\n\r\n"
    both = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: identity\r\n\r\n"
    fixed = both.replace(b"Transfer-Encoding", b"X-Crawler-Transfer-Encoding")
    assert reframe_heads(interim + both + b"hello") == (interim + fixed + b"hello", b"", True)


def test_the_head_limit_counts_the_final_head_alone_not_the_interim_ones_before_it() -> None:
    from tasks.common.httplimits import MAX_HEAD_BYTES

    hints = b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
    # a final head not yet whole, exactly as long as the longest the parser takes: it may
    # still end, so it waits, whatever came before it; one byte more does not
    cut = b"HTTP/1.1 200 OK\r\nX: " + b"a" * (MAX_HEAD_BYTES - 20)
    assert len(cut) == MAX_HEAD_BYTES
    assert reframe_heads(cut) == (b"", cut, False)
    assert reframe_heads(hints + cut) == (hints, cut, False)
    assert reframe_heads(hints + cut + b"a") == (hints + cut + b"a", b"", True)


def test_an_identity_list_without_spaces_is_still_identity_alone() -> None:
    head = (b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: identity,identity"
            b"\r\n\r\n")
    assert reframe_head(head) == head.replace(b"Transfer-Encoding",
                                              b"X-Crawler-Transfer-Encoding")


def test_a_heads_blank_line_is_its_end_whatever_bytes_stand_around_it() -> None:
    # a last header value and a body that run up to the CRLF CRLF from both sides
    both = b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\nTransfer-Encoding: identity\r\nX-Id: XX"
    fixed = both.replace(b"Transfer-Encoding", b"X-Crawler-Transfer-Encoding")
    assert reframe_heads(both + b"\r\n\r\nXXXX") == (fixed + b"\r\n\r\nXXXX", b"", True)


def test_a_transfer_encoding_is_its_whole_value_after_the_names_colon() -> None:
    # a parameter whose quoted string is never closed (a malformed value): what
    # follows its colon is no coding of its own; the value names one that is not identity
    head = (b'HTTP/1.1 200 OK\r\nContent-Length: 10\r\nTransfer-Encoding: gzip;p="a:identity'
            b"\r\n\r\n")
    assert reframe_head(head) == head.replace(b"Content-Length", b"X-Crawler-Content-Length")
