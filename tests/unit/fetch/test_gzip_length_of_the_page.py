"""A gzip body whose Content-Length counts the page before compression (fault round 48):
a script sets the length of the HTML it wrote, then the server (PHP's
zlib.output_compression, a module) compresses it and leaves the header. The body ends
far short of the length: the page was `truncated` after three attempts when the server
closed the connection, and `timeout_body` after the whole deadline when it kept it open."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from dataclasses import replace

from schemas import DOCUMENTS, conform
from tasks.common.codings import whole_gzip_of_size
from tasks.common.settings import Settings, settings_slice
from tasks.fetch import FetchConfig, run
from tests.integration.faultserver import story

PAGE = story("gzlen", "Council length story").encode()
GZ = gzip.compress(PAGE)
HEAD = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        b"Content-Encoding: gzip\r\nContent-Length: %d\r\n%s\r\n")
# A loopback address of this file's own: the fetch stage keeps per-host politeness
# (Retry-After, Crawl-delay) for the whole process, and what earlier tests left on
# 127.0.0.1 made this test wait 30 s in a full run (0.05 s alone).
HOST = "127.0.0.48"


def _answer(path: str) -> tuple[bytes, bool]:
    """(what the server sends for `path`, whether it closes the connection after it)."""
    if path == "/closes":  # the length of the page, the connection closed
        return HEAD % (len(PAGE), b"Connection: close\r\n") + GZ, True
    if path == "/stays-open":  # the same, the connection kept open
        return HEAD % (len(PAGE), b"") + GZ, False
    if path == "/cut":  # the gzip data's own length, cut in half: truly cut
        return HEAD % (len(GZ), b"Connection: close\r\n") + GZ[:len(GZ) // 2], True
    if path == "/longer":  # a whole member, but a length neither its own nor the page's
        return HEAD % (len(PAGE) + 7, b"Connection: close\r\n") + GZ, True
    return b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", True


def _serve(listener: socket.socket, hits: list[str]) -> None:
    def handle(conn: socket.socket) -> None:
        with conn:
            data = b""
            while b"\r\n\r\n" not in data:
                more = conn.recv(65536)
                if not more:
                    return
                data += more
            path = data.split(b" ", 2)[1].decode()
            hits.append(path)
            answer, closes = _answer(path)
            conn.sendall(answer)
            if not closes:
                time.sleep(8)

    while True:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        threading.Thread(target=handle, args=(conn,), daemon=True).start()


def _fetch(paths: list[str], hits: list[str]):
    listener = socket.socket()
    listener.bind((HOST, 0))
    listener.listen(16)
    threading.Thread(target=_serve, args=(listener, hits), daemon=True).start()
    base = f"http://{HOST}:{listener.getsockname()[1]}"
    try:
        config = replace(settings_slice(FetchConfig, Settings()),
                         allowed_networks=["127.0.0.0/8"], per_host_delay_s=0.0,
                         request_timeout_s=6.0, max_retries=1)
        docs = conform([{"input_key": p, "url": base + p, "source_kind": "url", "source": "t"}
                        for p in paths], DOCUMENTS, "documents")
        return base, run(docs, config, "r48gz")
    finally:
        listener.close()


def test_a_gzip_body_whose_length_is_the_pages_is_the_page():
    hits: list[str] = []
    base, result = _fetch(["/closes", "/stays-open"], hits)
    rows = {r["url"][len(base):]: r for r in result.fetch_log}
    # No error on the open connection: waited on to the deadline, it was `timeout_body`
    # (the server holds it 8 s, past the 6 s request timeout). Timed asserts are not
    # kept in tests (a loaded CI machine took 30 s over this test once).
    for path in ("/closes", "/stays-open"):
        assert (rows[path]["status"], rows[path]["error"]) == (200, None), rows[path]
        assert hits.count(path) == 1, hits
    assert result.table.num_rows == 2


def test_a_gzip_body_cut_or_of_another_length_is_still_cut():
    """The guards: gzip data cut in half, and a whole member whose Content-Length is
    neither its own nor its page's, are a transfer that ended early, as before."""
    hits: list[str] = []
    base, result = _fetch(["/cut", "/longer"], hits)
    rows = {r["url"][len(base):]: r for r in result.fetch_log}
    assert rows["/cut"]["error"] == "truncated", rows["/cut"]
    assert rows["/longer"]["error"] == "truncated", rows["/longer"]
    assert result.table.num_rows == 0


def test_whole_gzip_of_size_checks_the_member_and_its_size():
    assert whole_gzip_of_size(GZ, len(PAGE))
    assert not whole_gzip_of_size(GZ, len(PAGE) + 1)
    assert not whole_gzip_of_size(GZ[:-1], len(PAGE))
    broken = GZ[:20] + bytes([GZ[20] ^ 0xFF]) + GZ[21:]
    assert not whole_gzip_of_size(broken, len(PAGE))  # its CRC or data no longer holds
    assert not whole_gzip_of_size(GZ + b"x", len(PAGE))
    assert not whole_gzip_of_size(b"", 0)
