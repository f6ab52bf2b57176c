"""How a fetch failed, in words and kinds: an exception or a status classified into the
error kinds of `fetch_log` (`classify_exception`, `status_error`), which of them are
retried and after how long (`retryable`, `backoff_delay`, Retry-After), a 206 that is not
the whole page."""

from __future__ import annotations

import email.utils
import errno
import random
import re
from datetime import UTC, datetime

import aiohttp
from aiohttp.http_exceptions import HttpProcessingError

from tasks.common.netguard import BlockedAddress

# Error kinds that a later attempt may cure; anything else is final on the first try.
# too_many_open_files: the process's own limit, met while other connections were open; one
# of them closes soon (round 37).
RETRYABLE_KINDS = frozenset(
    {"connect_error", "connect_timeout", "connection_reset", "disconnected", "truncated",
     "too_many_open_files"}
)


# Media types of the sources pressroom reads for their links, with the prefix that names one.
_SOURCE_TYPES = {"application/rss+xml": "feed", "application/atom+xml": "feed",
                 "application/rdf+xml": "feed", "application/feed+json": "feed",
                 "application/xml": "feed or sitemap", "text/xml": "feed or sitemap"}


def unsupported_type_detail(media: str, url: str) -> str:
    """The `unsupported_content_type` detail of a page answered as `media`: a feed or a
    sitemap met as a page (an address no rule names as one, listed as a page) says how
    to name it so that its items are read; before, "content-type application/rss+xml"
    alone (fault round 48)."""
    kind = _SOURCE_TYPES.get(media)
    if kind is None:
        return f"content-type {media}"
    prefixes = " or ".join(f"{k}:{url}" for k in kind.split(" or "))
    return (f"content-type {media}: a {kind}, not an article page; to read its links, "
            f"name it as {prefixes}")


def retryable(kind: str | None, status: int | None) -> bool:
    """Connection failures, 429 and 5xx are worth another attempt; other 4xx are not."""
    if kind in RETRYABLE_KINDS:
        return True
    return kind is not None and status is not None and (status == 429 or 500 <= status <= 599)


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # delta-seconds: ASCII digits (RFC 9110)
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def timeout_words(detail: str, deadline: float, read: int | None,
                  declared: int | None) -> str:
    """A deadline's error detail in words: which limit passed and, once the body was
    being read, how many of its bytes came (of how many declared)."""
    words = f"{detail.split(': TimeoutError', 1)[0]}: no end within the {deadline:g} s deadline"
    if read is not None:
        words += f", {read} bytes of the body read" + (
            f" of {declared} declared" if declared is not None else "")
    return words


def retry_after_words(seconds: float, cap: float) -> str:
    """'Retry-After 3600s exceeds the cap of 2s'; a value past any sensible wait (a
    400-digit number reads as infinity) is not printed as 'infs'."""
    shown = f"{seconds:.0f}s" if seconds < 1e9 else "of more than 30 years"
    return f"Retry-After {shown} exceeds the cap of {cap:g}s"


def backoff_delay(attempt: int, base: float, cap: float, rng: random.Random) -> float:
    """Exponential backoff with jitter: base * 2^attempt, scaled by 0.5-1.5, capped."""
    return min(cap, base * (2**attempt) * rng.uniform(0.5, 1.5))


# What the exchange was doing when it failed, for a person reading fetch_log: the kind
# alone (timeout_headers, disconnected, ...) does not say whether the connection was
# ever made.
PHASE_WORDS = {
    "connect": "while connecting",
    "headers": "while waiting for the response headers",
    "body": "while reading the body",
}


def classify_exception(exc: BaseException, phase: str,
                        where: str | None = None) -> tuple[str, str]:
    """(error kind, detail) for an exception raised during an exchange. `phase` (headers
    or body) decides the kind; `where` (connect, headers, body; default `phase`) is named
    at the start of the detail."""
    words = PHASE_WORDS.get(where or phase, where or phase)
    detail = f"{words}: {type(exc).__name__}: {exc}"[:500]
    if out_of_files(exc):
        return "too_many_open_files", (
            f"{words}: this process reached its limit of open files (ulimit -n, "
            f"RLIMIT_NOFILE), not a fault of the server: {type(exc).__name__}: {exc}")[:500]
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        if isinstance(exc.os_error, BlockedAddress):
            return "blocked_address", str(exc.os_error)
        return "dns_error", detail
    if isinstance(exc, aiohttp.ClientConnectorCertificateError | aiohttp.ClientSSLError):
        hint = tls_hint(str(exc))
        if hint:  # after OpenSSL's words, which may be cut: the hint stays whole
            detail = f"{detail[:498 - len(hint)]}; {hint}"
        return "tls_error", detail
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return "connect_timeout", detail
    if isinstance(exc, TimeoutError):
        return f"timeout_{phase}", detail
    if isinstance(exc, aiohttp.ClientConnectorError):
        return "connect_error", detail
    text = repr(exc)
    parser = parser_error_of(exc)
    # A disconnect's repr holds the half-read response head ("chunked=False"): not a
    # chunking error, whatever its text says; nor is a refusal of the head that quotes
    # a chunked header (Transfer-Encoding beside a Content-Length): a protocol_error below.
    if "chunk" in text.lower() and isinstance(exc, aiohttp.ClientError | HttpProcessingError) \
            and not isinstance(exc, aiohttp.ServerDisconnectedError):
        if parser is None:
            return "bad_chunking", detail
        said = _parser_words(parser)
        if "chunk" in said.lower():
            # In words, as a protocol_error is: the parser's own text says "400" (a status
            # no server sent) and quotes the bytes.
            return "bad_chunking", f"{words}: malformed chunked body: {said}"
    if isinstance(exc, aiohttp.ClientPayloadError):
        chain = exc.__cause__ or exc.__context__
        if isinstance(chain, ConnectionResetError) or "reset" in text.lower():
            return "connection_reset", detail
        return "truncated", detail
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return ("disconnected" if phase == "headers" else "truncated"), detail
    if isinstance(exc, ConnectionResetError | aiohttp.ClientOSError):
        return "connection_reset", detail
    if isinstance(exc, aiohttp.ClientResponseError):
        if isinstance(exc.__cause__, HttpProcessingError):
            return "protocol_error", f"{words}: malformed response: {_parser_words(exc.__cause__)}"
        return "protocol_error", detail
    if isinstance(exc, aiohttp.InvalidURL | ValueError):
        return "invalid_url", detail
    return "client_error", detail


# OpenSSL's reasons as a person reads them (fault round 40). A plain-HTTP port under an
# https:// URL (nginx and Apache answer the ClientHello with a 400 page) was "[SSL:
# WRONG_VERSION_NUMBER] wrong version number", which names no cause a reader knows.
_TLS_HINTS = (
    (("wrong_version_number", "wrong version number", "record layer failure",
      "packet length too long", "http_request"),
     "the server at this address answers in plain HTTP, not TLS (an https:// URL for an "
     "http:// site, or another port)"),
    (("certificate has expired",), "the server's certificate has expired (browsers refuse "
     "it too)"),
    (("self-signed", "self signed"), "the server's certificate is self-signed: no "
     "authority vouches for it (browsers refuse it too)"),
    (("hostname mismatch", "ip address mismatch", "not valid for"),
     "the server's certificate is for another name (browsers refuse it too)"),
    (("unable to get local issuer",), "the server's certificate chain does not reach a "
     "known authority (a missing intermediate certificate on the server, or an authority "
     "this machine does not trust)"),
)


def tls_hint(text: str) -> str | None:
    """What a TLS failure's OpenSSL words mean, or None when they name nothing known."""
    low = text.lower()
    return next((hint for needles, hint in _TLS_HINTS if any(n in low for n in needles)),
                None)


def out_of_files(exc: BaseException) -> bool:
    """Whether the process's (EMFILE) or the system's (ENFILE) limit of open files is
    behind an exception: aiohttp wraps it in a ClientConnectorError (as `os_error`), in a
    ClientOSError, or chains it. Before round 37 it was a `connect_error` or an
    unreachable robots.txt, blaming the server for a limit of the process's own."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        e = todo.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, OSError) and e.errno in (errno.EMFILE, errno.ENFILE):
            return True
        todo += [getattr(e, "os_error", None), e.__cause__, e.__context__]
    return False


def parser_error_of(exc: BaseException) -> HttpProcessingError | None:
    """aiohttp's HTTP parser error behind an exception: raised as it is in the middle of
    a body (`_read_some`), or as the cause of the ClientResponseError that refuses a
    response head."""
    if isinstance(exc, HttpProcessingError):
        return exc
    if isinstance(exc, aiohttp.ClientResponseError) and isinstance(exc.__cause__,
                                                                   HttpProcessingError):
        return exc.__cause__
    return None


# aiohttp's parser refusals in words for fetch_log. Its exception says "400" (a status
# the server never sent) and quotes the offending bytes (for the first, the page itself).
_PARSER_MESSAGES = (
    ("Data after `Connection: close`", "more bytes than its Content-Length"),
    ("Duplicate Content-Length", "two Content-Length headers"),
    ("Got more than ", "a header line longer than {n} bytes"),
    # RFC 9112 6.1: a response with both may be response splitting; the length is unknown
    ("Transfer-Encoding can't be present with Content-Length",
     "both Transfer-Encoding and Content-Length headers"),
    ("Content-Length can't be present with Transfer-Encoding",
     "both Transfer-Encoding and Content-Length headers"),
)


def _parser_words(exc: HttpProcessingError) -> str:
    """What a response refused by aiohttp's HTTP parser did wrong, in a few words: a known
    refusal in plain words, any other as the parser's first line (its reason)."""
    message = str(exc.message or "")
    for start, words in _PARSER_MESSAGES:
        if message.startswith(start):
            n = re.match(r"Got more than (\d+)", message)
            return words.format(n=n[1] if n else "the limit of")
    return message.split("\n", 1)[0].rstrip(":. ")[:200] or type(exc).__name__


_CONTENT_RANGE = re.compile(r"\s*bytes\s+(\d+)-(\d+)/(\d+)\s*$", re.I)


def partial_content_problem(content_range: str | None) -> str | None:
    """Why a 206 response is not the whole page (None: it is). We never send Range, so a
    206 is a server or cache answering with a slice; only a Content-Range covering the
    whole representation ("bytes 0-(n-1)/n") is the page itself. No Content-Range, an
    unknown total ("/*") or multipart byteranges cannot be shown whole."""
    if not content_range:
        return "HTTP 206 without a Content-Range: which part of the page is unknown"
    m = _CONTENT_RANGE.match(content_range)
    if m is None or int(m[1]) != 0 or int(m[2]) + 1 != int(m[3]):
        return f"HTTP 206 with Content-Range {content_range[:100]!r}: not the whole page"
    return None


ACCEPTED_NO_PAGE = (" Accepted: the server took the request but sent no page (a bot check "
                    "such as AWS WAF's challenge, or a page still being made)")


def status_error(status: int) -> str | None:
    """The error kind of a final status: http_<status> for every 4xx/5xx (404 and 410
    each keep their own kind), as the fetch-health view groups them. A 1xx here is an
    interim response left as the last word (aiohttp reads past 100 and 103 to the final
    one; a 101 upgrade, or a server that stops after a 1xx, ends the exchange there):
    no HTTP status of a page, so `bad_status`, like a status outside 100-599."""
    if status < 200:
        return "bad_status"
    if status == 202:
        # Accepted: the request was taken, the page is not sent (RFC 9110 15.3.3). AWS
        # WAF's challenge answers so, with a script page that was kept as the article
        # and then rejected by the extraction ("no main text found"), a reason that
        # blamed the page (round 20).
        return "http_202"
    if status in (204, 205):
        # No Content, and Reset Content, which may carry no content either (RFC 9110
        # 15.3.6): browsers do not navigate on either (HTML's navigate: a 204 or 205
        # response is no document). A 205 with a page in it was kept as one (round 21).
        return "no_content"
    if 200 <= status < 300:
        return None
    if status == 304:
        return "not_modified"
    if 300 <= status < 400:
        return "bad_redirect"  # a 3xx that reached here has no usable Location
    return f"http_{status}"
