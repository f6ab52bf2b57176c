"""Response heads whose framing HTTP defines and aiohttp's parser refuses, made one before
the parser reads them.

A chunked response that also sends a Content-Length (an application setting one behind a
server that chunks; RFC 9112 6.3: "the Transfer-Encoding overrides the Content-Length"),
or `Transfer-Encoding: identity` beside one (no transfer coding at all since RFC 7230):
browsers and curl read the page by the framing that wins; aiohttp's parser (llhttp, whose
lenient flag for it aiohttp does not expose, and its Python parser alike) refuses the
head before the response is handed over, and the page was a `protocol_error` (fault
rounds 6 and 33). Each head is rewritten as the RFC reads it before the parser sees it:
the losing header renamed `X-Crawler-<name>` (as Common Crawl renames the headers its
archived body no longer matches), so the archive still shows what the server sent.

The RFC's worry is request smuggling: a length the two headers disagree on can make an
intermediary and a server split a connection's messages differently. The fetcher reads
one response per connection (`force_close`), closed after it, so no second message can be
read from what the losing header would have framed; an HTTP/1.0 head with both keeps
its refusal (RFC 9112 6.3: its framing is faulty).

`reframe_heads` is the pure part; `ReframingHandler` is aiohttp's connection protocol
with the heads of what arrives passed through it (the body passes as it comes), and
`use_reframing` puts it on a connector.
"""

from __future__ import annotations

import asyncio
import functools

from aiohttp.client_proto import ResponseHandler

from tasks.common.httplimits import MAX_HEAD_BYTES

RENAMED_PREFIX = b"X-Crawler-"


def _name(line: bytes) -> bytes | None:
    name, colon, _ = line.partition(b":")
    return name.lower() if colon else None


def _one_length(head: bytes) -> bytes:
    """A head whose Content-Length is sent more than once with one value (two header
    lines, or `42, 42` in one) with it once: RFC 9110 8.6 lets a recipient replace
    such a list of identical values by one, as browsers and curl do; llhttp refuses it
    and the page was a `protocol_error` (fault round 53). The other lines are renamed
    `X-Crawler-Content-Length`, as the losing framing is above. Lengths that differ, or
    that are not numbers, are left for the parser to refuse."""
    lines = head.split(b"\n")
    at = [i for i, line in enumerate(lines) if i and _name(line) == b"content-length"]
    values = {v.strip() for i in at for v in lines[i].partition(b":")[2].split(b",")}
    if len(values) != 1 or not next(iter(values)).isdigit():
        return head
    if len(at) == 1 and b"," not in lines[at[0]]:
        return head
    # The first line's own name kept, its value alone (the CR the line ends with kept)
    first = lines[at[0]]
    kept = first.partition(b":")[0] + b": " + values.pop() + \
        (b"\r" if first.endswith(b"\r") else b"")
    out = []
    for i, line in enumerate(lines):
        out += ([kept] if i == at[0] else []) + [RENAMED_PREFIX + line if i in at else line]
    return b"\n".join(out)


def reframe_head(head: bytes) -> bytes:
    """One response head (status line to its blank line) with one framing: beside a
    Content-Length, a Transfer-Encoding of `identity` alone is renamed (the length
    frames the body), any other renames the Content-Length (chunked frames it, or the
    connection's close does, RFC 9112 6.3); a Content-Length sent twice with one value
    is sent once (`_one_length`). Any other head is returned as it is."""
    lower = head.lower()
    if b"content-length" not in lower:
        return head  # (every head but these: two substring tests)
    if b"transfer-encoding" not in lower:
        if lower.count(b"content-length") > 1 or b"," in _length_value(lower):
            return _one_length(head)
        return head
    lines = head.split(b"\n")
    if not lines[0].startswith(b"HTTP/1.1 "):
        return head
    names = [_name(line) for line in lines]
    if b"content-length" not in names[1:]:
        return head
    codings = [c.strip().lower() for line, name in zip(lines[1:], names[1:], strict=True)
               if name == b"transfer-encoding"
               for c in line.partition(b":")[2].split(b",") if c.strip()]
    if not codings:  # (no Transfer-Encoding line, or an empty one)
        return head
    loser = (b"transfer-encoding" if all(c == b"identity" for c in codings)
             else b"content-length")
    return b"\n".join(RENAMED_PREFIX + line if i and names[i] == loser else line
                      for i, line in enumerate(lines))


def _length_value(lower: bytes) -> bytes:
    """The text after the first `content-length:` of a lower-cased head, to its line's end."""
    start = lower.find(b"content-length:")
    return lower[start:lower.find(b"\n", start)] if start >= 0 else b""


def _head_end(data: bytes, pos: int) -> int:
    """Where the head starting at `pos` ends (after its blank line: CRLF, or a bare LF as
    the parser also takes), or -1. Byte searches bounded by the first CRLF CRLF, the end
    of nearly every head (a regex for `\r?\n\r?\n` cost ten times as much a response)."""
    crlf = data.find(b"\r\n\r\n", pos)
    stop = crlf + 4 if crlf >= 0 else len(data)
    ends = [i + n for i, n in ((data.find(b"\n\n", pos, stop), 2),
                               (data.find(b"\n\r\n", pos, stop), 3)) if i >= 0]
    return min(ends) if ends else -1


def _interim(head: bytes) -> bool:
    """A 1xx head other than 101: another head follows it on the connection."""
    parts = head.split(None, 2)
    return len(parts) > 1 and len(parts[1]) == 3 and parts[1][:1] == b"1" \
        and parts[1] != b"101"


def reframe_heads(data: bytes) -> tuple[bytes, bytes, bool]:
    """What arrived on a connection split into (what the parser may read now, what waits
    for more bytes, whether the final head has passed): every whole head reframed
    (`reframe_head`), interim 1xx heads and then the final one; once that is whole,
    everything after it (the body) goes as it is. A head longer than any the parser
    takes is not waited for: it goes as it is, for the parser to refuse."""
    out: list[bytes] = []
    pos = 0
    changed = False
    while True:
        end = _head_end(data, pos)
        if end < 0:
            if len(data) - pos > MAX_HEAD_BYTES:
                return b"".join(out) + data[pos:], b"", True
            return b"".join(out), data[pos:], False
        head = data[pos:end]
        out.append(reframe_head(head))
        changed = changed or out[-1] is not head
        pos = end
        if not _interim(head):
            if not changed:  # (every response but these: the segment is not copied)
                return data, b"", True
            out.append(data[pos:])
            return b"".join(out), b"", True


class ReframingHandler(ResponseHandler):
    """aiohttp's connection protocol, with the response heads reframed before parsing.
    Bytes wait only until the final head is whole (usually the first segment holds it);
    after it every `data_received` goes straight to aiohttp's."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        super().__init__(loop)
        self._pending = b""
        self._heads_read = False

    def data_received(self, data: bytes) -> None:
        if self._heads_read or self._parser is None:
            # No parser yet: aiohttp keeps the bytes and hands them here again with one.
            super().data_received(data)
            return
        ready, self._pending, self._heads_read = reframe_heads(self._pending + data)
        if ready:
            super().data_received(ready)

    def connection_lost(self, exc: BaseException | None) -> None:
        if self._pending and self._parser is not None:  # a head never ended: as before
            pending, self._pending = self._pending, b""
            super().data_received(pending)
        super().connection_lost(exc)


def use_reframing(connector) -> bool:
    """Make `connector` speak through `ReframingHandler`; False when this aiohttp builds
    its protocol otherwise (then heads with both framings stay `protocol_error`, and
    `test_framing.py` says so)."""
    factory = getattr(connector, "_factory", None)
    if not (isinstance(factory, functools.partial) and factory.func is ResponseHandler):
        return False
    connector._factory = functools.partial(ReframingHandler, **factory.keywords)
    return True
