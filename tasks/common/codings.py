"""HTTP content codings (gzip, deflate, br, zstd) undone with a byte cap on every layer.

The fetcher reads bodies with decompression turned off in the client, so that the WARC
archive keeps the bytes as sent and so that a 10 KB gzip bomb cannot expand to 10 GB in
memory: each layer stops at `cap` bytes of output (zlib's and zstd's max_length, brotli's
output_buffer_limit) and raises instead of growing. The same function decodes archived
records for `pressroom reprocess`.
"""

from __future__ import annotations

import codecs
import re
import zlib

from tasks.common.sniff import binary_body_kind

try:
    import brotli
except ImportError:  # pragma: no cover - brotli is a declared dependency
    brotli = None

# zstd (RFC 9659; Chrome and Firefox offer it since 2024, and CDNs answer with it): Python
# 3.14's compression.zstd, before 3.14 its backport (a declared dependency). That module,
# not `zstandard`, because its decompressor takes a max_length and says where a frame
# ended (`eof`, `unused_data`), as zlib's does: the cap is exact, and a stream cut short
# is told from a whole one (zstandard's reader returns a cut stream's prefix silently,
# and its decompressobj has no output limit). aiohttp reads zstd with the same module.
try:
    from compression import zstd
except ImportError:
    try:
        from backports import zstd
    except ImportError:  # pragma: no cover - a declared dependency before Python 3.14
        zstd = None

GZIP_MAGIC = b"\x1f\x8b\x08"
_BROTLI_ERROR = brotli.error if brotli is not None else zlib.error
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_ZSTD_ERROR = zstd.ZstdError if zstd is not None else zlib.error
# RFC 9659 3: a zstd content coding's window is at most 8 MB, and a decoder may refuse
# a larger one. A frame's header names its window, which the decoder allocates whole
# (up to 2 GiB): refused past 8 MiB (2^23), as browsers refuse it, so a 20-byte body
# cannot make each fetch hold 128 MiB, the library's own limit.
ZSTD_WINDOW_LOG_MAX = 23


class CodingError(Exception):
    """A body cannot be decoded; `kind` is the fetch_log error kind."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


def accept_encoding() -> str:
    """The Accept-Encoding header value for what this module can undo."""
    return ", ".join(["gzip", "deflate"] + (["br"] if brotli is not None else [])
                     + (["zstd"] if zstd is not None else []))


def _gzip_header_length(data: bytes) -> int | None:
    """Length of a gzip member's header (RFC 1952: 10 bytes, then the optional extra
    field, name, comment and header CRC), None when `data` ends inside it."""
    if len(data) < 10:
        return None
    flags, pos = data[3], 10
    if flags & 4:  # FEXTRA: two-byte length, then the field
        if len(data) < pos + 2:
            return None
        pos += 2 + int.from_bytes(data[pos:pos + 2], "little")
    for flag in (8, 16):  # FNAME, FCOMMENT: zero-terminated
        if flags & flag:
            end = data.find(b"\0", pos)
            if end < 0:
                return None
            pos = end + 1
    if flags & 2:  # FHCRC
        pos += 2
    return pos if pos <= len(data) else None


def _data_is_whole(member: bytes, wbits: int) -> bool:
    """Whether the compressed data of a member that did not reach its end reaches its
    last deflate block: only its trailer (CRC and length) is missing, as some servers
    send it, and nothing of the page is lost."""
    start = {31: _gzip_header_length(member), 15: 2}.get(wbits, 0)
    if start is None:
        return False
    raw = zlib.decompressobj(-15)
    try:
        raw.decompress(member[start:])
    except zlib.error:
        return False
    return raw.eof


def whole_gzip_of_size(data: bytes, size: int) -> bool:
    """Whether `data` is one whole gzip member (its trailer's CRC checked) that decodes
    to exactly `size` bytes: a body that stops short of its Content-Length because that
    length counted the page before compression (a script that set it, then a server or
    PHP's zlib.output_compression that compressed the page). The trailer's ISIZE is
    checked first, so a body cut for another reason is decoded only by chance of 2**-32."""
    if len(data) < 18 or not data.startswith(GZIP_MAGIC) or size < 0 or \
            int.from_bytes(data[-4:], "little") != size % (1 << 32):
        return False
    d = zlib.decompressobj(31)
    try:
        out = d.decompress(data, size + 1)
    except zlib.error:
        return False
    return d.eof and not d.unused_data and not d.unconsumed_tail and len(out) == size


class _Layer:
    """One content coding (gzip, deflate as zlib or raw, br, zstd) undone as its bytes
    arrive, for `_StreamOfSize`: `feed(chunk)` returns what the chunk decodes to, at most
    `limit` bytes in all (more raises), and raises at bytes after the end of the stream."""

    def __init__(self, coding: str, limit: int) -> None:
        self.coding, self.limit, self.out = coding, limit, 0
        self.head = b""  # deflate: the first bytes, until they tell zlib from raw
        self.decoder = (brotli.Decompressor() if coding == "br" else
                        _zstd_decoder() if coding == "zstd" else
                        zlib.decompressobj(31) if coding in ("gzip", "x-gzip") else None)

    def finished(self) -> bool:
        if self.coding == "br":
            return self.decoder.is_finished()
        # (a zstd layer holds the first bytes after a frame, until they tell another)
        return self.decoder is not None and self.decoder.eof and not self.head

    def feed(self, chunk: bytes) -> bytes:
        if self.coding == "br":
            return self._feed_brotli(chunk)
        if self.coding == "zstd":
            return self._feed_zstd(chunk)
        if self.decoder is None:
            self.head += chunk
            if len(self.head) < 2:
                return b""
            chunk, self.head = self.head, b""
            self.decoder = zlib.decompressobj(15 if _zlib_header(chunk) else -15)
        d, parts = self.decoder, []
        if d.eof and chunk:  # bytes after the end of the stream: not a page of this size
            raise CodingError("bad_compression", "data after the stream")
        while chunk:
            parts.append(d.decompress(chunk, min(1 << 20, self.limit + 1 - self.out)))
            self._count(parts[-1])
            chunk = d.unconsumed_tail
        if d.unused_data:
            raise CodingError("bad_compression", "data after the stream")
        return b"".join(parts)

    def _feed_brotli(self, chunk: bytes) -> bytes:
        parts = []
        while True:
            piece = self.decoder.process(
                chunk, output_buffer_limit=min(self.limit + 1 - self.out, 1 << 20))
            if not piece:
                return b"".join(parts)
            parts.append(piece)
            self._count(piece)
            chunk = b""  # drained with empty calls (brotli 1.2 hands over ~32 KiB a call)

    def _feed_zstd(self, chunk: bytes) -> bytes:
        """Frame after frame (RFC 8878 3: a zstd stream is one or more frames; a server
        that compresses as it writes sends a frame a write, and `zstd -c a b` two), each
        by a decoder of its own, as `_zstd` reads the whole body; its checksum, when the
        frame has one, checked at its end by the decoder. Bytes after a frame that open
        no other end the watch, as for the other codings: a body at its own length is
        read as always. (Until fault round 54 a second frame ended it: `truncated`.)"""
        parts = []
        while True:
            d = self.decoder
            if d.eof:  # what follows a frame must open the next one (4 bytes tell)
                self.head += chunk
                if len(self.head) < 4:
                    break
                if not _opens_zstd_frame(self.head):
                    raise CodingError("bad_compression", "data after the stream")
                self.decoder, chunk, self.head = _zstd_decoder(), self.head, b""
                continue
            piece = d.decompress(chunk, min(self.limit + 1 - self.out, 1 << 20))
            parts.append(piece)
            self._count(piece)
            # the decoder keeps what it has not read (drained with empty calls), and
            # hands back what lies past its frame's end
            chunk = d.unused_data if d.eof else b""
            if not d.eof and d.needs_input:
                break
        return b"".join(parts)

    def _count(self, piece: bytes) -> None:
        self.out += len(piece)
        if self.out > self.limit:
            raise CodingError("decompressed_too_large", "more than the length")


class _StreamOfSize:
    """A deflate (zlib or raw) or brotli body watched as it arrives, or one of several
    codings (`gzip, br`), for the case `whole_gzip_of_size` covers for one gzip layer: a
    Content-Length that counts the page before compression. These carry no decoded
    length to check first, so each chunk is decoded as it comes through every layer
    (the last listed first, RFC 9110 8.4), the page's bytes counted and dropped;
    `feed(data)`, given the body so far, decodes what it had not seen and says whether
    that body is whole in every layer and decodes to exactly `size` bytes, nothing
    after it. The watch gives up (and decodes no more) at the first sign that this is
    not such a body: more than `size` bytes out (a body whose length is its own:
    compressed data decodes to more than itself, so this comes after a fraction of it),
    bytes after a stream's end, an error. zlib's Adler-32 and gzip's CRC are checked at
    their end; raw deflate and brotli have no checksum, their end of stream is what
    says the page is whole."""

    def __init__(self, codings: list[str], size: int) -> None:
        # A layer inside another is compressed data, smaller than the page it holds; the
        # room of twice the page (and a little) only bounds what a bomb could make.
        self.layers = [_Layer(c, size if i == 0 else 2 * size + 1024)
                       for i, c in enumerate(codings)][::-1]
        self.size = size
        self.dead = False
        self.seen = 0

    def feed(self, data: bytes) -> bool:
        if self.dead:
            return False
        chunk, self.seen = bytes(data[self.seen:]), len(data)
        try:
            for layer in self.layers:
                chunk = layer.feed(chunk)
        except (zlib.error, _BROTLI_ERROR, _ZSTD_ERROR, CodingError):
            self.dead = True
            return False
        return all(layer.finished() for layer in self.layers) and \
            self.layers[-1].out == self.size


class _GzipOfSize:
    """gzip's watch: the trailer's ISIZE says the decoded length, so the body is decoded
    only when it matches (`whole_gzip_of_size`), not as it arrives."""

    def __init__(self, size: int) -> None:
        self.size = size

    def feed(self, data: bytes) -> bool:
        return whole_gzip_of_size(data, self.size)


def page_length_watch(content_encoding: str | None, size: int):
    """A watch over a body of one content coding (gzip, deflate, br, zstd) or several of them
    (`gzip, br`) whose `feed(body)` says when the body so far is whole in every layer
    and decodes to exactly `size` bytes (the Content-Length): the body ends short of
    that length because the length counted the page before compression (a script set
    it, then a server module or PHP's zlib.output_compression compressed the page).
    None for other codings (fault rounds 48 for gzip, 51 for deflate and br, 52 for
    layers: `gzip, br` was `truncated`, the watch read one coding; 53 for zstd, alone or
    in layers)."""
    codings = [coding_name(c) for c in (content_encoding or "").split(",")
               if coding_name(c) not in ("", "identity", "none")]
    known = ("gzip", "x-gzip", "deflate") + (("br",) if brotli is not None else ()) + \
        (("zstd",) if zstd is not None else ())
    if not codings or size <= 0 or any(c not in known for c in codings):
        return None
    if codings in (["gzip"], ["x-gzip"]):
        return _GzipOfSize(size)
    return _StreamOfSize(codings, size)


def _members(data: bytes, new_decoder, error: type[Exception], opens_next,
             limit: int) -> tuple[bytes, bytes | None]:
    """`data` decoded member after member (gzip's members, zstd's frames: each a whole
    stream, read by a decoder of its own, while `opens_next` says the bytes after one
    open another), `limit` bytes out at most: (what decoded, the data from the start of
    a member that stops before its end, else None). The first member's `error` is
    raised; a later one's is junk after the stream, ignored as browsers and `gzip -d`
    ignore it, once a member decoded whole, even one of no bytes (the empty page it
    holds is judged as any empty body is)."""
    out: list[bytes] = []
    size = 0
    # (size < limit: zlib reads a max_length of 0 as no limit at all)
    while data and size < limit:
        d = new_decoder()
        try:
            chunk = d.decompress(data, limit - size)
        except error:
            if out:  # a member decoded whole before the junk
                break
            raise
        size += len(chunk)
        out.append(chunk)
        if not d.eof:
            return b"".join(out), data
        data = d.unused_data
        if not opens_next(data):
            break
    return b"".join(out), None


def _opens_gzip_member(data: bytes) -> bool:
    return data.startswith(b"\x1f\x8b")


def _opens_nothing(data: bytes) -> bool:
    """zlib and raw deflate are one stream: what follows it is never another."""
    return False


def _zlib(data: bytes, wbits: int, cap: int, name: str, strict: bool = False,
          refuse_cut_data: bool = False) -> bytes:
    """Undo gzip (all members) or zlib/raw deflate, refusing more than `cap` bytes out.
    A truncated stream keeps what decoded, unless `strict` (a file, not a page: a sitemap
    cut short is refused rather than parsed in part) or, with `refuse_cut_data`, unless
    the compressed data itself stops early (a page whose transfer was complete but whose
    compressed body was cut: keeping the prefix would store part of an article as if it
    were all of it; a missing trailer alone loses nothing and is accepted)."""
    next_member = _opens_gzip_member if wbits == 31 else _opens_nothing
    try:
        out, cut = _members(data, lambda: zlib.decompressobj(wbits), zlib.error, next_member,
                            cap + 1)
    except zlib.error as exc:
        raise CodingError("bad_compression", f"{name}: {exc}") from None
    if len(out) > cap:
        raise CodingError("decompressed_too_large", f"{name} expands beyond {cap} bytes")
    if cut is not None:
        if strict:
            raise CodingError("bad_compression", f"{name}: truncated stream")
        if refuse_cut_data and not _data_is_whole(cut, wbits):
            raise CodingError("truncated", f"{name}: the compressed data stops before "
                              f"its end ({len(out)} bytes decoded)")
        # a truncated stream: keep what decoded (the body is flagged elsewhere)
    return out


def _brotli(data: bytes, cap: int, refuse_cut_data: bool = False,
            cut_prefix: bool = False) -> bytes:
    if brotli is None:
        raise CodingError("unsupported_encoding", "br (brotli not installed)")
    d = brotli.Decompressor()
    try:
        out = d.process(data, output_buffer_limit=cap + 1)
    except brotli.error as exc:
        end = _whole_stream_length(data, cap)
        if not end:
            raise CodingError("bad_compression", f"br: {exc}") from None
        # A whole brotli stream, then bytes that are none of it (a newline or an HTML
        # comment a script or cache appended after the compressed output): the decoder
        # refuses the lot, and the page was bad_compression. The stream holds the whole
        # page; what trails it is ignored, as junk after a gzip member is (`_zlib`).
        return _brotli(data[:end], cap)
    if len(out) > cap or not d.can_accept_more_data():
        raise CodingError("decompressed_too_large", f"br expands beyond {cap} bytes")
    if not d.is_finished():
        if data.startswith(GZIP_MAGIC):
            # gzip read as brotli: the decoder takes some gzip heads (which ones depends
            # on the header's mtime, about 1 in 150) for a brotli stream that stops
            # early. Not a cut: decode_one reads it by its magic, as when brotli fails.
            raise CodingError("bad_compression", "br: gzip data under a br label")
        if refuse_cut_data:
            # The transfer ended whole, the brotli data in it did not: the same fault as
            # gzip data cut short, with the same kind (it was bad_compression, so one
            # fault had two names depending on the coding).
            # The count is of all the decoder holds (its first hand-over is ~32 KiB at
            # most: 32752 was said of 800,000 decoded bytes, beside a cut source's detail
            # that counts them all).
            prefix = _brotli_prefix(d, out, cap)
            not_brotli = _not_brotli(prefix)
            if not_brotli is not None:
                raise CodingError("bad_compression", not_brotli)
            raise CodingError("truncated", f"br: the compressed data stops before its end "
                              f"({len(prefix)} bytes decoded)")
        if cut_prefix:  # a stream cut short has an exact prefix, as gzip's has
            return _brotli_prefix(d, out, cap)
        raise CodingError("bad_compression", "br: truncated brotli stream")
    return out


_BROTLI_STEP = 4096
# How much a brotli stream with bytes after it may decode to while its end is looked for
# from `decoded_head`, which knows no body cap: the largest cap a body has (a discovery
# input's, `max_source_bytes`' default); the output is counted, never kept.
HEAD_SCAN_CAP = 50 * 1024 * 1024


def _feed(d, data: bytes, cap: int, size: int) -> int:
    """Give `data` to a brotli decoder and drain it, the output counted and dropped (1 MiB
    at a time at most); the new total output. Raises brotli.error, or CodingError past
    the cap (a bomb)."""
    out = d.process(data, output_buffer_limit=min(cap + 1 - size, 1 << 20))
    while out:
        size += len(out)
        if size > cap:
            raise CodingError("decompressed_too_large", f"br expands beyond {cap} bytes")
        out = d.process(b"", output_buffer_limit=min(cap + 1 - size, 1 << 20))
    return size


def _whole_stream_length(data: bytes, cap: int) -> int | None:
    """The length of the whole brotli stream `data` opens with, when bytes follow it,
    else None (the decoder failed inside the stream: corrupt, or no brotli). The decoder
    refuses a call holding bytes past a stream's end and says nowhere where it ended, so
    the data goes in 4 KiB steps, then the failing step again byte by byte on a new
    decoder: about two decodes of the body, only for a body brotli refused. A stream
    that decodes to nothing is no page (one byte of junk can be an empty stream)."""
    d, size, pos = brotli.Decompressor(), 0, 0
    try:
        while pos < len(data) and not d.is_finished():
            size = _feed(d, data[pos:pos + _BROTLI_STEP], cap, size)
            pos += _BROTLI_STEP
    except brotli.error:
        d, size = brotli.Decompressor(), 0
        try:
            size = _feed(d, data[:pos], cap, size)
            while pos < len(data) and not d.is_finished():
                size = _feed(d, data[pos:pos + 1], cap, size)
                pos += 1
        except brotli.error:
            return None
    whole = d.is_finished() and size > 0 and pos < len(data)
    return pos if whole else None


def _not_brotli(prefix: bytes) -> str | None:
    """Why bytes that brotli's decoder read without an error and without an end are no
    brotli stream at all, or None when they may be a cut one. Brotli has no magic and
    no checksum: about 1 in 10 bodies of random bytes (junk, a body of another format
    under a `br` label) decode as a stream that merely stops early, which was reported
    as `truncated` (and retried) like a page cut short. What such junk decodes to is
    binary (random literals: control bytes no text holds), while the prefix of a cut
    page, feed or sitemap is text; so binary output is corruption, named as gzip's
    corruption is (`bad_compression`). Junk that decodes to nothing, or corruption
    inside a real stream that keeps decoding text, cannot be told from a cut."""
    binary = binary_body_kind(prefix)
    if binary is None:
        return None
    return (f"br: the data is no brotli stream: it decodes to {binary} and never ends "
            "(corrupt, or another format under a br label)")


def _brotli_prefix(d, out: bytes, cap: int) -> bytes:
    """What a brotli stream cut short decodes to: its exact prefix, as gzip gives. The
    decoder holds on to what it decoded once its input runs out (brotli 1.2's `process`
    hands over at most ~32 KiB of it per call then); `process(b"")` hands over the rest,
    under the same cap."""
    parts, size = [out], len(out)
    while True:
        try:
            more = d.process(b"", output_buffer_limit=cap + 1 - size)
        except brotli.error as exc:
            raise CodingError("bad_compression", f"br: {exc}") from None
        if not more:
            return b"".join(parts)
        parts.append(more)
        size += len(more)
        if size > cap:
            raise CodingError("decompressed_too_large", f"br expands beyond {cap} bytes")


def _zstd_decoder():
    return zstd.ZstdDecompressor(
        options={zstd.DecompressionParameter.window_log_max: ZSTD_WINDOW_LOG_MAX})


def _opens_zstd_frame(data: bytes) -> bool:
    """Whether `data` opens a zstd frame or a skippable frame (magic 0x184D2A50-5F, which
    holds no content: a decoder reads it as nothing and goes on to the next frame)."""
    return data.startswith(ZSTD_MAGIC) or (
        len(data) >= 4 and data[0] & 0xF0 == 0x50 and data[1:4] == b"\x2a\x4d\x18")


def _zstd_words(exc: Exception) -> str:
    if "too much memory" in str(exc):
        return (f"zstd: the frame asks for a window over {1 << ZSTD_WINDOW_LOG_MAX >> 20} MiB,"
                " more than a zstd content coding may use (RFC 9659)")
    return f"zstd: {exc}"


def _zstd(data: bytes, cap: int, strict: bool = False, refuse_cut_data: bool = False) -> bytes:
    """Undo zstd (every frame, as gzip's every member), refusing more than `cap` bytes out:
    a frame decoding past the cap stops there (a 2 KB frame of 64 MiB is refused after
    `cap` bytes, never held whole). Bytes after the last whole frame that open none are
    ignored, as junk after a gzip member is. A frame that stops early keeps what decoded,
    unless `strict` or `refuse_cut_data`, as for gzip (`_zlib`): zstd's prefix is exact."""
    if zstd is None:
        raise CodingError("unsupported_encoding", "content-encoding 'zstd' (no zstd decoder)")
    try:
        out, cut = _members(data, _zstd_decoder, zstd.ZstdError, _opens_zstd_frame, cap + 1)
    except zstd.ZstdError as exc:
        raise CodingError("bad_compression", _zstd_words(exc)) from None
    if len(out) > cap:
        raise CodingError("decompressed_too_large", f"zstd expands beyond {cap} bytes")
    if cut is not None:
        if strict:
            raise CodingError("bad_compression", "zstd: truncated stream")
        if refuse_cut_data:
            raise CodingError("truncated", f"zstd: the compressed data stops before its "
                              f"end ({len(out)} bytes decoded)")
    return out


def _zstd_head(data: bytes, n: int) -> bytes:
    """At most `n` bytes of zstd data decoded, across its frames (see `_zstd`)."""
    return _members(data, _zstd_decoder, zstd.ZstdError, _opens_zstd_frame, n)[0]


# Control bytes that text never holds (all below 0x20 but tab, LF, CR; and DEL).
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TEXT_PROBE = 64


def _plain_text(data: bytes) -> bool:
    """Whether a body opens with text: after an optional UTF-8 BOM, 64 bytes with no
    control byte that read as UTF-8 (a character cut at the end allowed). Compressed
    data never does (gzip opens with 1f 8b, zlib with 78 xx, and 64 such bytes in a row
    are all but impossible in any compressed stream), so a labelled coding that fails
    over such a body was never applied."""
    head = data.removeprefix(b"\xef\xbb\xbf")[:_TEXT_PROBE]
    if not head or _CONTROL.search(head):
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def decode_one(data: bytes, coding: str, cap: int, strict: bool = False,
               refuse_cut_data: bool = False, cut_prefix: bool = False) -> bytes:
    """Undo one content coding, capped; `strict` refuses a truncated gzip stream,
    `refuse_cut_data` one whose compressed data stops early (see `_zlib`), `cut_prefix`
    keeps the prefix of a brotli stream that stops early (see `decode_body`). A body the
    coding cannot read (or of a coding we do not know) that is plain text is returned as
    it is: servers and caches label pages gzip that they never compressed (or already
    decompressed), and browsers that refuse them show nothing; the page is all there."""
    try:
        return _decode_one(data, coding, cap, strict, refuse_cut_data, cut_prefix)
    except CodingError as exc:
        # An unknown coding over text too: "Content-Encoding: utf-8" is a charset put in
        # the wrong header, and browsers ignore codings they do not know.
        if exc.kind in ("bad_compression", "unsupported_encoding") and _plain_text(data):
            return data
        if exc.kind == "bad_compression":
            actual = _mislabelled_coding(data, coding_name(coding), cap)
            if actual is not None:
                return _decode_one(data, actual, cap, strict, refuse_cut_data, cut_prefix)
        if exc.kind == "unsupported_encoding":
            # A name nobody registered over data whose bytes say what it is: `x-deflate`
            # (an alias some old servers use, as `x-gzip` is gzip's), `gzip-compressed`.
            # Browsers refuse such a body; the page is all there (fault round 23).
            actual = _mislabelled_coding(data, coding_name(coding), cap)
            if actual is not None:
                try:
                    return _decode_one(data, actual, cap, strict, refuse_cut_data, cut_prefix)
                except CodingError as guess:
                    if guess.kind == "bad_compression":  # no such data after all
                        raise exc from None
                    raise
        raise


def coding_name(member: str) -> str:
    """The content coding one member of a Content-Encoding list names, lower-cased:
    without the parameters a coding has none of (RFC 9110 8.4.1), which servers copy
    from Accept-Encoding (`gzip;q=1`, `br; q=1.0`). With them the body was
    `unsupported_encoding`, the page lost (fault round 23, round 22's known item)."""
    return member.split(";", 1)[0].strip().lower()


def _zlib_header(data: bytes) -> bool:
    """Whether `data` opens with a zlib header (RFC 1950: deflate, a window of at most
    32 KiB, the check bits right): what `deflate` as HTTP means."""
    return (len(data) >= 2 and data[0] & 0x0F == 8 and data[0] >> 4 <= 7
            and (data[0] << 8 | data[1]) % 31 == 0)


def _mislabelled_coding(data: bytes, coding: str, cap: int) -> str | None:
    """The coding a body the label failed on was really sent in, when its bytes say so
    beyond doubt: gzip opens with its magic 1f 8b 08 (a CDN that gzips and labels `br`,
    or a deflate label over gzip); brotli has no magic, so a body labelled gzip is taken
    as brotli only when it decodes as one whole brotli stream, or past the cap without
    an error (a bomb: random bytes fail within a few bytes, so this is brotli; it is
    refused as too large, as under its own label, not as bad gzip). None: no such sign
    (the label's own error stands)."""
    if coding != "gzip" and data.startswith(GZIP_MAGIC):
        return "gzip"
    if coding not in _KNOWN_CODINGS and _zlib_header(data):
        return "deflate"
    if coding in ("gzip", "x-gzip", "deflate") and brotli is not None:
        d = brotli.Decompressor()
        try:
            out = d.process(data, output_buffer_limit=cap + 1)
        except brotli.error:
            return None
        beyond_cap = len(out) > cap or not d.can_accept_more_data()
        return "br" if d.is_finished() or beyond_cap else None
    return None


# The codings `_decode_one` undoes (and the names of no coding).
_KNOWN_CODINGS = frozenset({"", "identity", "none", "gzip", "x-gzip", "deflate", "br",
                            "zstd"})


def _decode_one(data: bytes, coding: str, cap: int, strict: bool,
                refuse_cut_data: bool, cut_prefix: bool = False) -> bytes:
    coding = coding_name(coding)
    if coding in ("", "identity", "none"):
        return data
    if coding in ("gzip", "x-gzip"):
        return _zlib(data, 31, cap, "gzip", strict, refuse_cut_data)
    if coding == "deflate":
        # RFC 9110 says zlib-wrapped; some servers send raw deflate.
        try:
            return _zlib(data, 15, cap, "deflate", refuse_cut_data=refuse_cut_data)
        except CodingError as exc:
            if exc.kind != "bad_compression":
                raise
            return _zlib(data, -15, cap, "deflate", refuse_cut_data=refuse_cut_data)
    if coding == "br":
        return _brotli(data, cap, refuse_cut_data, cut_prefix)
    if coding == "zstd":
        return _zstd(data, cap, strict, refuse_cut_data)
    # The codings named, so the fetch_log row says what to do about it: "content-encoding
    # 'x-bzip2'" alone read like a page that had been cut (fault round 52).
    raise CodingError("unsupported_encoding", f"content-encoding {coding!r} is no coding "
                      f"pressroom can undo (it reads {accept_encoding()}; the identity), "
                      "and the body is not plain text")


def decode_body(data: bytes, content_encoding: str | None, cap: int,
                undeclared_gzip: bool = True, refuse_cut_data: bool = False,
                cut_prefix: bool = False) -> tuple[bytes, list[str]]:
    """The body with its content codings undone (last applied first), each layer capped.

    One more gzip layer is undone when the result still starts with the gzip magic:
    servers that gzip an already gzipped page ("double gzip") are common enough, and a
    browser would show garbage (`undeclared_gzip=False` keeps it: a .xml.gz file is data).
    `refuse_cut_data`: a layer whose compressed data stops early is an error
    (`truncated`), not a prefix (`_zlib`). `cut_prefix`: brotli data that stops early
    gives what it decodes to, as gzip data does without `refuse_cut_data` (for what
    arrived of a discovery input whose transfer was cut; off elsewhere, so that a cut
    brotli page or archived record stays an error). Returns (body, codings undone).
    """
    codings = [coding_name(c) for c in (content_encoding or "").split(",") if coding_name(c)]
    undone: list[str] = []
    for coding in reversed(codings):
        data = decode_one(data, coding, cap, refuse_cut_data=refuse_cut_data,
                          cut_prefix=cut_prefix)
        if coding not in ("identity", "none"):
            undone.append(coding)
    if undeclared_gzip and data.startswith(GZIP_MAGIC):
        data = decode_one(data, "gzip", cap, refuse_cut_data=refuse_cut_data)
        undone.append("gzip(undeclared)")
    if len(data) > cap:
        raise CodingError("decompressed_too_large", f"body of {len(data)} bytes > {cap}")
    return data, undone


def _gzip_head(data: bytes, n: int) -> bytes:
    """At most `n` bytes of gzip data decoded, across its members (a page sent as
    several gzip members, as `cat a.gz b.gz` or a server gzipping each flush makes)."""
    return _members(data, lambda: zlib.decompressobj(31), zlib.error, _opens_gzip_member,
                    n)[0]


def _head_one(data: bytes, coding: str, n: int) -> bytes:
    """At most `n` bytes of one coding undone, read as `decode_one` reads the whole:
    gzip by its magic under any label, a body that is plain text as it is. (Brotli under
    a gzip label is not tried: with no magic, only a whole stream tells it apart from
    junk, and random bytes give a brotli prefix.)"""
    if data.startswith(GZIP_MAGIC):
        coding = "gzip"
    elif coding not in _KNOWN_CODINGS and _zlib_header(data):
        coding = "deflate"  # (a name nobody registered: `x-deflate`; see `decode_one`)
    try:
        if coding in ("gzip", "x-gzip"):
            return _gzip_head(data, n)
        if coding == "deflate":
            try:
                return zlib.decompressobj(15).decompress(data, n)
            except zlib.error:
                return zlib.decompressobj(-15).decompress(data, n)
        if coding == "br" and brotli is not None:
            try:
                return brotli.Decompressor().process(data, output_buffer_limit=n)
            except brotli.error:
                # bytes after a whole stream, which the full decode ignores (`_brotli`):
                # the page's head, or a robots meta in it, was never seen
                end = _whole_stream_length(data, HEAD_SCAN_CAP)
                if not end:
                    raise
                return brotli.Decompressor().process(data[:end], output_buffer_limit=n)
        if coding == "zstd" and zstd is not None:
            return _zstd_head(data, n)
    except (zlib.error, _BROTLI_ERROR, _ZSTD_ERROR):
        if _plain_text(data):
            return data
        raise
    if _plain_text(data):  # an unknown coding over text: the body as sent
        return data
    raise CodingError("unsupported_encoding", f"content-encoding {coding!r}")


def decoded_head(data: bytes, content_encoding: str | None, n: int) -> bytes:
    """At most the first `n` bytes of the decoded body, best effort and cheap: for a look
    at a page's <head> (its robots meta) before the whole body is decoded. b"" when the
    codings cannot be undone (the full decode reports why).

    It reads the body as `decode_body` does (every gzip member, a coding under the wrong
    label, a label over a body never compressed, one more gzip layer nobody declared):
    it read the first gzip member alone and took any other case for undecodable, so a
    `noai` or `noarchive` meta in such a page was never seen, and a page whose publisher
    reserved it was kept, archived and mined like any other."""
    codings = [coding_name(c) for c in (content_encoding or "").split(",") if coding_name(c)]
    # A layer with another inside gets room for more than n bytes: the first n bytes of
    # compressed data decode to fewer than n.
    room = 2 * n + 1024
    try:
        for coding in reversed(codings):
            if coding in ("identity", "none"):
                continue
            data = _head_one(data, coding, room)
        if data.startswith(GZIP_MAGIC):  # gzipped once more, without a word
            data = _gzip_head(data, room)
    except Exception:  # noqa: BLE001 - a cut or broken stream: nothing to look at
        return b""
    return data[:n]
