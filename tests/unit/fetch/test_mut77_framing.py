"""Seed 77: a Content-Length sent twice with one value (`reframe_head`'s `_one_length`,
fault round 53: llhttp refused it and the page was a `protocol_error`, where browsers and
curl read it, RFC 9110 8.6). Its only test was a reliability one over a loopback server;
here the head the parser is given, line by line: the length once under its own name,
the other lines renamed, and the heads left as they are for the parser to refuse."""

from __future__ import annotations

import pytest

from tasks.fetch.framing import reframe_head

OK = b"HTTP/1.1 200 OK"


@pytest.mark.parametrize("head, fixed", [
    # two lines, another header between them
    (OK + b"\r\nContent-Length: 5\r\nContent-Type: text/html\r\nContent-Length: 5\r\n\r\n",
     OK + b"\r\nContent-Length: 5\r\nX-Crawler-Content-Length: 5\r\nContent-Type: text/html"
     b"\r\nX-Crawler-Content-Length: 5\r\n\r\n"),
    # a list in one line
    (OK + b"\r\nContent-Length: 5, 5\r\n\r\n",
     OK + b"\r\nContent-Length: 5\r\nX-Crawler-Content-Length: 5, 5\r\n\r\n"),
    (OK + b"\r\nContent-Length: 12,12,12\r\n\r\n",
     OK + b"\r\nContent-Length: 12\r\nX-Crawler-Content-Length: 12,12,12\r\n\r\n"),
    # bare line ends stay bare; the name is kept as the server spelled it
    (OK + b"\ncontent-length:5 ,5\n\n",
     OK + b"\ncontent-length: 5\nX-Crawler-content-length:5 ,5\n\n"),
])
def test_a_length_sent_twice_with_one_value_is_sent_once(head, fixed):
    assert reframe_head(head) == fixed


@pytest.mark.parametrize("head", [
    OK + b"\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n",  # they differ: refused
    OK + b"\r\nContent-Length: 5, 6\r\n\r\n",
    OK + b"\r\nContent-Length: x, x\r\n\r\n",  # no number
    OK + b"\r\nContent-Length: -5\r\nContent-Length: -5\r\n\r\n",
    OK + b"\r\nContent-Length: 5:5\r\nContent-Length: 5:5\r\n\r\n",  # a colon in it
    # the name twice, but once in another header's value: one length, no list
    OK + b"\r\nX-Note: content-length\r\nContent-Length: 5\r\n\r\n",
    # a comma in another header, one length
    OK + b"\r\nContent-Length: 5\r\nCache-Control: private, max-age=0\r\n\r\n",
])
def test_other_heads_are_left_as_they_are(head):
    assert reframe_head(head) == head
