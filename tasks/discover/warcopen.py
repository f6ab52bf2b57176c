"""Opening a WARC file: a local path, or an http(s) URL read as a stream (the address
guard checked first), its gzip members undone one by one."""

from __future__ import annotations

import io
import itertools
import socket
import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO
from urllib.parse import urlsplit

from tasks.common.netguard import AddressGuard, BlockedAddress, Refused, check_url

Opener = Callable[[str], BinaryIO]


class WarcReadError(ValueError):
    """A WARC source cannot be opened at all (missing file, refused URL)."""


class IterStream(io.RawIOBase):
    """A read-only file over an iterator of byte chunks (an HTTP response body).

    FastWARC 2 calls tell() and seek() on its input even when reading forward; this
    stream supports both for positions at or after the current one (a forward seek
    reads and drops the bytes in between) and refuses to go back.
    """

    def __init__(self, chunks: Iterator[bytes], close: Callable[[], None]):
        self._chunks = chunks
        self._buf = b""
        self._pos = 0
        self._close = close
        # Why the download stopped early (a connection broken mid-way), else None. The
        # stream then ends there like a file: the reader keeps every whole record before
        # the break (raised into FastWARC, the error lost the records of its buffer) and
        # reports this after them (iter_warc).
        self.error: str | None = None

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def _next_chunk(self) -> bytes | None:
        if self.error is not None:
            return None
        try:
            return next(self._chunks)
        except StopIteration:
            return None
        except Exception as exc:  # noqa: BLE001 - httpx's transport errors, kept as text
            self.error = f"the download broke after {self._pos + len(self._buf)} bytes: " \
                f"{type(exc).__name__}: {exc}"[:500]
            return None

    def _fill(self) -> bool:
        while not self._buf:
            chunk = self._next_chunk()
            if chunk is None:
                return False
            self._buf = chunk
        return True

    def readinto(self, b) -> int:
        if not self._fill():
            return 0
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        self._pos += n
        return n

    def peek(self, n: int) -> bytes:
        while len(self._buf) < n:
            chunk = self._next_chunk()
            if chunk is None:
                break
            self._buf += chunk
        return self._buf[:n]

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        target = offset if whence == io.SEEK_SET else self._pos + offset
        if whence == io.SEEK_END or target < self._pos:
            raise io.UnsupportedOperation("a streamed WARC can only be read forward")
        while self._pos < target and self._fill():
            n = min(target - self._pos, len(self._buf))
            self._buf = self._buf[n:]
            self._pos += n
        return self._pos

    def close(self) -> None:
        if not self.closed:
            self._close()
        super().close()


def _check_address(url: str, guard: AddressGuard) -> None:
    """The fetcher's address guard for a WARC URL: scheme and IP literal, then every
    address the host resolves to (PRESSROOM_ALLOWED_NETWORKS honoured)."""
    try:
        check_url(url, guard)
    except Refused as exc:
        raise WarcReadError(f"{url}: {exc.detail}") from None
    host = urlsplit(url).hostname or ""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except OSError as exc:
        raise WarcReadError(f"cannot resolve {host}: {exc}") from None
    try:
        guard.check_resolved(host, [info[4][0] for info in infos])
    except BlockedAddress as exc:
        raise WarcReadError(f"{exc}; refused") from None


def http_opener(user_agent: str, timeout_s: float, guard: AddressGuard | None = None
                ) -> Opener:
    """An opener streaming a WARC over http(s) with httpx (a WARC is read once, in order,
    so it is never held whole in memory). Redirects are not followed blindly: each hop is
    re-checked against the address guard.

    The flow may pass the project's fetcher-backed opener instead; this one exists so
    `pressroom ingest https://.../x.warc.gz` works on its own.
    """
    import httpx

    guard = guard or AddressGuard()

    def open_url(url: str) -> BinaryIO:
        client = httpx.Client(
            headers={"User-Agent": user_agent},
            timeout=httpx.Timeout(timeout_s),
            follow_redirects=False,
        )
        for _ in range(6):
            try:
                _check_address(url, guard)
            except WarcReadError:
                client.close()
                raise
            try:
                resp = client.send(client.build_request("GET", url), stream=True)
            except httpx.HTTPError as exc:
                client.close()
                raise WarcReadError(f"cannot fetch {url}: {type(exc).__name__}: {exc}") from None
            if resp.is_redirect and "location" in resp.headers:
                url = str(resp.url.join(resp.headers["location"]))
                resp.close()
                continue
            if resp.status_code != 200:
                resp.close()
                client.close()
                raise WarcReadError(f"cannot fetch {url}: HTTP {resp.status_code}")

            def close(resp=resp) -> None:
                resp.close()
                client.close()

            # no chunk size: httpx would hold up to that many bytes back, and lose them
            # with the error when the download breaks
            coding = resp.headers.get("content-encoding", "").strip().lower()
            if coding in ("gzip", "x-gzip"):
                # undone here, every member: httpx's gzip decoder stops after the first
                return IterStream(gunzip_members(resp.iter_raw()), close)
            return IterStream(resp.iter_bytes(), close)
        client.close()
        raise WarcReadError(f"too many redirects fetching {url}")

    return open_url


def gunzip_members(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """A body sent with `Content-Encoding: gzip`, decoded across all its gzip members.

    A .warc.gz is one gzip member per record, and servers label such files
    `Content-Encoding: gzip` (S3 objects uploaded with that metadata, nginx
    `gzip_static`): httpx's decoder stops at the end of the first member, so the
    stream ended after the warcinfo record, and every page of the file was lost
    without a reject. Decoded member after member, the reader gets the plain WARC (or,
    when the server really compressed a .warc.gz once more, the .warc.gz). Bytes that
    are no gzip at all (a plain WARC under the label) pass as they are; bytes after the
    last member that are no gzip (padding) are dropped, as browsers drop them."""
    it = iter(chunks)
    first = b""
    for chunk in it:
        first += chunk
        if len(first) >= 2:
            break
    if not first.startswith(b"\x1f\x8b"):
        if first:
            yield first
        yield from it
        return
    d, members = zlib.decompressobj(31), 0
    for chunk in itertools.chain([first], it):
        while chunk:
            try:
                out = d.decompress(chunk)
            except zlib.error:
                if members:
                    return  # what follows the last member is no gzip
                raise
            if out:
                yield out
            if not d.eof:
                break
            members += 1
            chunk = d.unused_data
            d = zlib.decompressobj(31)
    # A last member cut short has given what it decodes to: the reader names the cut.


def open_warc(source: str, opener: Opener | None = None) -> BinaryIO:
    """Open a WARC path or URL for reading; raise WarcReadError with a clear message."""
    if source.startswith(("http://", "https://")):
        if opener is None:
            raise WarcReadError(f"{source}: no opener given for a WARC URL")
        return opener(source)
    if "://" in source:
        raise WarcReadError(f"{source}: only local paths and http(s) URLs are read")
    try:
        return open(source, "rb")
    except OSError as exc:
        raise WarcReadError(f"{source}: {exc.strerror or exc}") from None


def as_rewindable(stream: BinaryIO) -> bool:
    """A stream we may seek back in (a local file; not a WARC read over HTTP)."""
    try:
        return not isinstance(stream, IterStream) and stream.seekable()
    except (OSError, ValueError):
        return False
