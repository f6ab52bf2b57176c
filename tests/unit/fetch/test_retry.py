"""The fetcher's pure helpers, offline: which outcomes are retried, Retry-After, backoff,
how exceptions and statuses become fetch_log error kinds, media types."""

from __future__ import annotations

import random
import socket
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import aiohttp
import pytest
from aiohttp.client_reqrep import ConnectionKey
from aiohttp.http_exceptions import HttpProcessingError, TransferEncodingError
from multidict import CIMultiDict, CIMultiDictProxy
from yarl import URL

from tasks.common.netguard import BlockedAddress
from tasks.fetch.client import _media_type
from tasks.fetch.failures import (
    PHASE_WORDS,
    RETRYABLE_KINDS,
    backoff_delay,
    classify_exception,
    retry_after,
    retryable,
    status_error,
)

# -- retryable --------------------------------------------------------------------------


def test_retryable_kinds_are_the_connection_failures() -> None:
    # Pinned: a kind added here (or dropped) changes what the fetcher retries.
    # too_many_open_files (round 37): the process's own limit, met while other
    # connections were open.
    assert RETRYABLE_KINDS == {"connect_error", "connect_timeout", "connection_reset",
                               "disconnected", "truncated", "too_many_open_files"}


@pytest.mark.parametrize("kind", sorted(RETRYABLE_KINDS))
@pytest.mark.parametrize("status", [None, 200])
def test_each_retryable_kind_is_retried(kind: str, status: int | None) -> None:
    # with no response (connection failure) or mid-body (truncated 200)
    assert retryable(kind, status) is True


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (429, True),
        (499, False),  # the 5xx boundary
        (500, True),
        (502, True),
        (503, True),
        (599, True),
        (400, False),
        (403, False),
        (404, False),
        (410, False),
        (428, False),
        (430, False),
    ],
)
def test_status_retryable(status: int, expected: bool) -> None:
    assert retryable(f"http_{status}", status) is expected


@pytest.mark.parametrize(
    "kind",
    ["timeout_headers", "timeout_body", "dns_error", "tls_error", "blocked_address",
     "bad_chunking", "protocol_error", "invalid_url", "client_error", "too_large",
     "too_large_declared", "decompressed_too_large", "unsupported_content_type",
     "redirect_loop", "too_many_redirects", "robots_disallowed", "robots_server_error"],
)
def test_other_kinds_are_final(kind: str) -> None:
    assert retryable(kind, None) is False


def test_no_error_is_never_retried() -> None:
    # A successful outcome has no kind, whatever the status says.
    assert retryable(None, 200) is False
    assert retryable(None, 500) is False
    assert retryable(None, None) is False


def test_a_status_kind_without_a_status_is_final() -> None:
    assert retryable("http_503", None) is False


# -- Retry-After ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("0", 0.0), ("1", 1.0), ("120", 120.0), (" 7 ", 7.0), ("3600\r\n", 3600.0)],
)
def test_retry_after_delta_seconds(value: str, seconds: float) -> None:
    assert retry_after(value) == seconds


@pytest.mark.parametrize(
    "value",
    [None, "", "   ", "soon", "-5", "1.5", "12abc", "Wed, 99 Foo 2015 07:28:00 GMT"],
)
def test_retry_after_garbage_is_none(value: str | None) -> None:
    assert retry_after(value) is None


@pytest.mark.parametrize("value", ["\u00b2", "\u0663", "1\u00b2"])
def test_retry_after_non_ascii_digits_are_garbage(value: str) -> None:
    # str.isdigit() accepts superscript and Arabic-Indic digits that float() refuses: the
    # ValueError escaped Fetcher.exchange and a 429/5xx was logged as internal_error.
    assert retry_after(value) is None


@pytest.mark.parametrize(
    "value",
    ["Wed, 21 Oct 2015 07:28:00 GMT", "Wed, 21 Oct 2015 07:28:00 +0200",
     "Wed, 21 Oct 2015 07:28:00"],  # no zone: read as UTC
)
def test_retry_after_past_date_is_zero(value: str) -> None:
    assert retry_after(value) == 0.0


def test_retry_after_future_date() -> None:
    # The date has whole seconds and time only moves on: at most the hour, and a machine
    # would have to stall for minutes to reach the lower bound.
    when = datetime.now(UTC) + timedelta(hours=1)
    got = retry_after(format_datetime(when, usegmt=True))
    assert 3600 - 300 < got <= 3600


@pytest.fixture
def local_time_utc_plus_10(monkeypatch):
    """The process's local time zone 10 hours east of UTC (POSIX TZ, no tzdata needed)."""
    monkeypatch.setenv("TZ", "XXX-10")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_retry_after_future_date_without_zone_is_utc(local_time_utc_plus_10) -> None:
    # Not the machine's local time: read as UTC+10 this date would be 9 hours past.
    when = datetime.now(UTC) + timedelta(hours=1)
    got = retry_after(when.strftime("%a, %d %b %Y %H:%M:%S"))
    assert 3600 - 300 < got <= 3600


# -- backoff ----------------------------------------------------------------------------


@pytest.mark.parametrize("attempt", [0, 1, 2, 3, 4, 5])
@pytest.mark.parametrize("base", [0.05, 0.5, 2.0])
def test_backoff_is_jittered_exponential(attempt: int, base: float) -> None:
    rng = random.Random(attempt * 1000 + int(base * 100))
    nominal = base * 2**attempt
    for _ in range(50):
        wait = backoff_delay(attempt, base, cap=1e9, rng=rng)
        assert 0.5 * nominal <= wait <= 1.5 * nominal


def test_backoff_jitter_spans_the_range() -> None:
    # Seeded, so deterministic: the factors cover both ends of [0.5, 1.5].
    rng = random.Random(1)
    factors = [backoff_delay(0, 1.0, cap=1e9, rng=rng) for _ in range(500)]
    assert min(factors) < 0.55 and max(factors) > 1.45


def test_backoff_is_capped() -> None:
    rng = random.Random(2)
    assert all(backoff_delay(a, 1.0, cap=5.0, rng=rng) == 5.0 for a in range(4, 30))
    # below the cap the cap does not matter
    assert backoff_delay(0, 1.0, cap=5.0, rng=random.Random(3)) == backoff_delay(
        0, 1.0, cap=1e9, rng=random.Random(3))


def test_backoff_is_reproducible_with_a_seed() -> None:
    one = [backoff_delay(a, 0.1, 10.0, random.Random(42)) for a in range(6)]
    two = [backoff_delay(a, 0.1, 10.0, random.Random(42)) for a in range(6)]
    assert one == two


# -- exceptions -> error kinds ----------------------------------------------------------

KEY = ConnectionKey("news.example", 80, False, True, None, None, None, None)


def _payload_error(cause: BaseException | None, message: str) -> aiohttp.ClientPayloadError:
    try:
        raise aiohttp.ClientPayloadError(message) from cause
    except aiohttp.ClientPayloadError as exc:
        return exc


# aiohttp's message for a body shorter than its Content-Length (as the fault tests see it)
INCOMPLETE = ("Response payload is not completed: <ContentLengthError: 400, message='Not "
              "enough data to satisfy content length header (received 7040 of 12040 bytes).'>")
REQUEST = aiohttp.RequestInfo(URL("http://news.example/a"), "GET", CIMultiDictProxy(CIMultiDict()),
                              URL("http://news.example/a"))

CASES = [
    # (exception, phase, kind)
    (aiohttp.ClientConnectorDNSError(KEY, socket.gaierror(-2, "Name or service not known")),
     "headers", "dns_error"),
    (aiohttp.ClientConnectorCertificateError(KEY, ValueError("self-signed")),
     "headers", "tls_error"),
    (aiohttp.ClientConnectorSSLError(KEY, OSError(1, "handshake failure")),
     "headers", "tls_error"),
    (aiohttp.ConnectionTimeoutError("connect timed out"), "headers", "connect_timeout"),
    # the total deadline (asyncio.timeout) raises a plain TimeoutError: the phase says
    # whether the headers had come
    (TimeoutError(), "headers", "timeout_headers"),
    (TimeoutError(), "body", "timeout_body"),
    (aiohttp.SocketTimeoutError("read timed out"), "body", "timeout_body"),
    (aiohttp.ClientConnectorError(KEY, ConnectionRefusedError(111, "Connection refused")),
     "headers", "connect_error"),
    # what aiohttp raises for a broken chunk (its parser error, re-raised by _read_some)
    (HttpProcessingError(code=400, message="Invalid character in chunk size"), "body",
     "bad_chunking"),
    (HttpProcessingError(code=400, message="Chunk size overflow"), "body", "bad_chunking"),
    (TransferEncodingError("Bad chunk-size line ending, expected CRLF"), "body",
     "bad_chunking"),
    (_payload_error(None, f"{INCOMPLETE}. ConnectionResetError(104, 'Connection reset by peer')"),
     "body", "connection_reset"),
    (_payload_error(ConnectionResetError(104, "Connection reset by peer"), INCOMPLETE), "body",
     "connection_reset"),
    (_payload_error(None, INCOMPLETE), "body", "truncated"),
    (aiohttp.ServerDisconnectedError(), "headers", "disconnected"),
    (aiohttp.ServerDisconnectedError(), "body", "truncated"),
    (ConnectionResetError(104, "Connection reset by peer"), "body", "connection_reset"),
    (aiohttp.ClientOSError(32, "Broken pipe"), "headers", "connection_reset"),
    (aiohttp.ClientResponseError(REQUEST, (), status=400, message="Invalid header"),
     "headers", "protocol_error"),
    (aiohttp.InvalidURL("http://[::1"), "headers", "invalid_url"),
    (ValueError("bad port"), "headers", "invalid_url"),
    (RuntimeError("something else"), "body", "client_error"),
]


@pytest.mark.parametrize(("exc", "phase", "kind"), CASES,
                         ids=[f"{type(c[0]).__name__}-{c[1]}" for c in CASES])
def test_exception_kinds(exc: BaseException, phase: str, kind: str) -> None:
    got, detail = classify_exception(exc, phase)
    assert got == kind
    if isinstance(exc, HttpProcessingError):  # the parser's refusal in words (round 6)
        assert detail.startswith(f"{PHASE_WORDS[phase]}: malformed chunked body: "), detail
    else:
        assert detail.startswith(f"{PHASE_WORDS[phase]}: {type(exc).__name__}")


@pytest.mark.parametrize(("exc", "phase", "where", "kind", "words"), [
    (TimeoutError(), "headers", "connect", "timeout_headers", "while connecting"),
    (TimeoutError(), "headers", None, "timeout_headers", "while waiting for the response headers"),
    (TimeoutError(), "body", None, "timeout_body", "while reading the body"),
    (aiohttp.ServerDisconnectedError(), "headers", None, "disconnected", "response headers"),
    (aiohttp.ClientResponseError(REQUEST, (), status=400, message="Invalid header"),
     "headers", None, "protocol_error", "response headers"),
])
def test_exception_detail_names_the_phase(exc, phase, where, kind, words) -> None:
    got, detail = classify_exception(exc, phase, where)
    assert got == kind and words + ":" in detail.split(": ", 1)[0] + ":", detail


def test_guard_refusal_in_the_resolver_is_blocked_address() -> None:
    refusal = BlockedAddress("evil.example", "10.0.0.7", "private")
    kind, detail = classify_exception(aiohttp.ClientConnectorDNSError(KEY, refusal), "headers")
    assert kind == "blocked_address"
    assert detail == "evil.example resolves to 10.0.0.7 (private)"


def test_exception_detail_is_bounded() -> None:
    kind, detail = classify_exception(ValueError("x" * 5000), "headers")
    assert kind == "invalid_url" and len(detail) == 500


# -- statuses -> error kinds ------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (200, None),
        (201, None),
        (203, None),
        (299, None),
        (204, "no_content"),
        (205, "no_content"),  # fault round 21: a 205 with a page in it was kept as one
        (304, "not_modified"),
        (300, "bad_redirect"),
        (301, "bad_redirect"),  # reached only without a usable Location
        (308, "bad_redirect"),
        (399, "bad_redirect"),
        (100, "bad_status"),  # an interim response where the final one should be
        (101, "bad_status"),
        (199, "bad_status"),
        (400, "http_400"),
        (404, "http_404"),
        (410, "http_410"),
        (429, "http_429"),
        (499, "http_499"),
        (500, "http_500"),
        (503, "http_503"),
    ],
)
def test_status_kinds(status: int, kind: str | None) -> None:
    assert status_error(status) == kind


# -- media types ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "media"),
    [
        (None, None),
        ("", None),
        ("   ", None),
        (";charset=utf-8", None),
        ("text/html", "text/html"),
        ("text/html; charset=utf-8", "text/html"),
        (" Text/HTML ;charset=ISO-8859-1", "text/html"),
        ("application/xhtml+xml", "application/xhtml+xml"),
        ("application/rss+xml; charset=utf-8; foo=bar", "application/rss+xml"),
    ],
)
def test_media_type(header: str | None, media: str | None) -> None:
    assert _media_type(header) == media


def _parser_refusal(message: str) -> aiohttp.ClientResponseError:
    """What aiohttp raises when its parser refuses a response: a ClientResponseError
    (status 400, though the server sent no 400) caused by the parser's error."""
    cause = HttpProcessingError(code=400, message=message)
    exc = aiohttp.ClientResponseError(REQUEST, (), status=400, message=message)
    exc.__cause__ = cause
    return exc


@pytest.mark.parametrize(("message", "says"), [
    ("Data after `Connection: close`:\n\n  b'<!DOCTYPE html><html><p>secret page</p>'\n   ^",
     "more bytes than its Content-Length"),
    ("Duplicate Content-Length:\n\n  b'Content-Length: 6542'\n     ^",
     "two Content-Length headers"),
    ("Got more than 8190 bytes when reading: b'/ok/xxxxxxxxxxxxxxxxxxxx...'.",
     "a header line longer than 8190 bytes"),
    ("Invalid header value char:\n\n  b'X: \\x01'\n   ^", "Invalid header value char"),
])
def test_a_response_the_parser_refuses_is_named_plainly(message: str, says: str) -> None:
    kind, detail = classify_exception(_parser_refusal(message), "headers")
    assert kind == "protocol_error"
    assert detail == f"while waiting for the response headers: malformed response: {says}"


def test_a_parser_error_is_raised_from_the_response_or_its_connection_and_none_without() -> None:
    # what a body read checks while it waits (_read_some): the error aiohttp's parser left
    # on the protocol; a response whose connection is already released has none to give
    from types import SimpleNamespace

    from tasks.fetch.client import _raise_parser_error

    broken = SimpleNamespace(exception=lambda: ValueError("bad chunk size"))
    for resp in (SimpleNamespace(_protocol=broken, connection=None),
                 SimpleNamespace(connection=SimpleNamespace(protocol=broken))):
        with pytest.raises(ValueError, match="bad chunk size"):
            _raise_parser_error(resp)
    healthy = SimpleNamespace(exception=lambda: None)
    assert _raise_parser_error(SimpleNamespace(_protocol=healthy, connection=None)) is None
    assert _raise_parser_error(SimpleNamespace(_protocol=None, connection=None)) is None


def test_a_broken_chunk_and_a_chunked_header_beside_a_length_are_named_plainly() -> None:
    """Fault round 6: a broken chunk was `bad_chunking` with aiohttp's own text ("400,
    message: Invalid character in chunk size: b'ZZZ' ^": a status no server sent, and
    the bytes); a head with Transfer-Encoding: chunked beside a Content-Length was
    `bad_chunking` too (its refusal quotes the chunked header), though no chunk was read:
    it is a malformed head, `protocol_error`, in words."""
    broken = HttpProcessingError(code=400, message="Invalid character in chunk size:\n\n"
                                 "  b'ZZZ'\n    ^")
    assert classify_exception(broken, "body") == (
        "bad_chunking", "while reading the body: malformed chunked body: "
        "Invalid character in chunk size")
    both = _parser_refusal("Transfer-Encoding can't be present with Content-Length:\n\n"
                           "  b'Transfer-Encoding: chunked'\n                      ^")
    assert classify_exception(both, "headers") == (
        "protocol_error", "while waiting for the response headers: malformed response: "
        "both Transfer-Encoding and Content-Length headers")


# -- seed 65: classify_exception's words ---------------------------------------------------
def test_a_phase_without_words_is_named_as_it_is() -> None:
    # `where` (else `phase`) not in PHASE_WORDS: its own name starts the detail
    assert classify_exception(TimeoutError(), "body", "redirect") == (
        "timeout_body", "redirect: TimeoutError: ")
    assert classify_exception(RuntimeError("x"), "trailers") == (
        "client_error", "trailers: RuntimeError: x")


def test_the_out_of_files_detail_names_the_error_and_is_bounded() -> None:
    import errno

    exc = aiohttp.ClientOSError(errno.EMFILE, "Too many open files")
    kind, detail = classify_exception(exc, "headers", "connect")
    assert kind == "too_many_open_files"
    assert detail.endswith(": ClientOSError: [Errno 24] Too many open files"), detail
    long = aiohttp.ClientOSError(errno.EMFILE, "Too many open files " + "x" * 1000)
    assert len(classify_exception(long, "headers", "connect")[1]) == 500


def test_a_payload_error_whose_text_names_a_chunk_is_bad_chunking_without_a_parser_error() -> None:
    # (the parser's own error is not on it: its words come from the exception as it is)
    exc = _payload_error(None, "Response payload is not completed: <TransferEncodingError: "
                         "400, message='Invalid character in chunk size'>")
    kind, detail = classify_exception(exc, "body")
    assert kind == "bad_chunking"
    assert detail == f"while reading the body: ClientPayloadError: {exc}"
