"""TLS failures in words a person reads (fault round 40): the kind stays `tls_error`; the
detail says what OpenSSL's reason means after quoting it. A plain-HTTP port under an
https:// URL was "[SSL: WRONG_VERSION_NUMBER] wrong version number" alone."""

from __future__ import annotations

import asyncio
import ssl

import aiohttp
import pytest
from aiohttp.client_reqrep import ConnectionKey

from tasks.fetch.failures import classify_exception

KEY = ConnectionKey("news.example", 443, True, True, None, None, None, None)


async def _https_to_a_plain_http_port() -> BaseException:
    async def answer(reader, writer):  # as nginx or Apache on a plain port: a 400 page
        await reader.read(1)
        writer.write(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
                     b"Connection: close\r\n\r\n")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        async with aiohttp.ClientSession() as session:
            try:
                async with session.get(f"https://127.0.0.1:{port}/a"):
                    pass
            except aiohttp.ClientError as exc:
                return exc
    finally:
        server.close()
        await server.wait_closed()
    raise AssertionError("the exchange did not fail")


def test_an_https_url_to_a_plain_http_port_says_so():
    exc = asyncio.run(_https_to_a_plain_http_port())
    kind, detail = classify_exception(exc, "headers", "connect")
    assert kind == "tls_error"
    assert detail.startswith("while connecting: ClientConnectorSSLError: "), detail
    assert detail.endswith("; the server at this address answers in plain HTTP, not TLS (an "
                           "https:// URL for an http:// site, or another port)"), detail
    assert "wrong version" in detail.lower()


@pytest.mark.parametrize(("reason", "words"), [
    ("certificate has expired", "has expired"),
    ("self-signed certificate", "is self-signed"),
    ("Hostname mismatch, certificate is not valid for 'news.example'.", "another name"),
    ("unable to get local issuer certificate", "does not reach a known authority"),
])
def test_a_certificate_refused_says_why(reason, words):
    exc = aiohttp.ClientConnectorCertificateError(KEY, ssl.SSLCertVerificationError(
        1, f"[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: {reason} "
           "(_ssl.c:1006)"))
    kind, detail = classify_exception(exc, "headers", "connect")
    assert kind == "tls_error" and words in detail.split("; ")[-1] and reason in detail
    assert detail.startswith("while connecting: ClientConnectorCertificateError: ")


def test_a_tls_failure_of_no_known_reason_keeps_its_words():
    exc = aiohttp.ClientConnectorSSLError(KEY, OSError(1, "handshake failure"))
    assert classify_exception(exc, "headers", "connect") == (
        "tls_error", f"while connecting: ClientConnectorSSLError: {exc}")


def test_a_long_tls_failure_is_cut_to_the_details_bound_with_its_hint_whole():
    """Mutation seed 67: OpenSSL's words are cut so that the detail, hint included, stays
    within the 500 characters of every other detail (one character more, or the hint's
    length added instead of taken off, went past it)."""
    short = aiohttp.ClientConnectorCertificateError(KEY, ssl.SSLCertVerificationError(
        1, "certificate verify failed: certificate has expired"))
    hint = classify_exception(short, "headers", "connect")[1].split("; ")[-1]
    exc = aiohttp.ClientConnectorCertificateError(KEY, ssl.SSLCertVerificationError(
        1, "certificate verify failed: certificate has expired " + "(chain) " * 200))
    kind, detail = classify_exception(exc, "headers", "connect")
    assert kind == "tls_error" and len(detail) == 500
    assert detail.endswith("; " + hint)
    assert detail.startswith("while connecting: ClientConnectorCertificateError: ")
    assert "certificate has expired" in detail[:-len(hint)]
