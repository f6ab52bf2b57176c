"""Dumps and URL lists saved compressed, read as the file each holds.

People keep text dumps and URL lists compressed (`gzip *.txt`, `xz`, `zstd`, a download a
server compressed, a backup): `story.txt.gz` was "not a recognised input", ignored with a
note in a folder, and one still named `story.txt` was refused as `binary_content` (fault
round 45 named its compression; reading it was left as a new input kind). A file is
judged by its first bytes, not its name, so both read the same: what a name says is only
which reader takes it (`is_dump_name`, `is_url_list_name`). Each layer stops at the cap
of the reader it feeds (a 1 KB gzip of 1 GB of zeros is refused after the cap, never held
whole), and a stream cut short is refused, not read in part: a dump cut mid-article would
be stored as if it were all of it.

zip stays refused with its hint: it is an archive of files, not one compressed file.
"""

from __future__ import annotations

import bz2
import lzma

from tasks.common.codings import GZIP_MAGIC, ZSTD_MAGIC, CodingError, decode_one

# The suffixes a compressed dump or list ends in after its own (`story.txt.gz`).
PACKED_SUFFIXES = (".gz", ".bz2", ".xz", ".zst")
_BZIP2_MAGIC = b"BZh"
_XZ_MAGIC = b"\xfd7zXZ\x00"


class UnpackError(Exception):
    """A compressed input that cannot be read; `reason` is the reject reason."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def unpacked_name(name: str) -> str:
    """`name` without a compression suffix, lower-cased: "Story.TXT.gz" -> "story.txt"."""
    low = name.lower()
    for suffix in PACKED_SUFFIXES:
        if low.endswith(suffix):
            return low[: -len(suffix)]
    return low


def packing(raw: bytes) -> str | None:
    """The compression `raw` opens with (gzip, bzip2, xz, zstd), or None."""
    if raw.startswith(GZIP_MAGIC):
        return "gzip"
    if raw.startswith(_BZIP2_MAGIC) and raw[3:4].isdigit() and raw[3:4] != b"0":
        return "bzip2"
    if raw.startswith(_XZ_MAGIC):
        return "xz"
    if raw.startswith(ZSTD_MAGIC):
        return "zstd"
    return None


def _streams(raw: bytes, new_decoder, cap: int, name: str, magic: bytes) -> bytes:
    """Undo every stream of a bzip2 or xz file (pbzip2 and `cat a.xz b.xz` write several),
    stopping past `cap` bytes out. Bytes after a whole stream that open no other (`magic`)
    are ignored, as `gzip -d` and `bzip2 -d` ignore them ("trailing garbage ignored", the
    data written), and as gzip and zstd files are read here (`codings._members`): one
    policy for the four, where such a bzip2 or xz file was `bad_compression` (fault round
    53). `xz -d` and `zstd -d` refuse such a file; it is read because what trails holds
    none of its data (a newline, a signature a transfer tool appended), while every
    stream in it is whole and checked. Bytes that open another stream are read as one:
    a damaged or cut one is refused, since it held part of the data."""
    out: list[bytes] = []
    size = 0
    data = raw
    while data:
        decoder = new_decoder()
        chunk = decoder.decompress(data, max_length=cap + 1 - size)
        while True:
            out.append(chunk)
            size += len(chunk)
            if size > cap:
                raise UnpackError("too_large", f"{name} data expanding beyond {cap} bytes")
            if decoder.eof or decoder.needs_input:
                break
            chunk = decoder.decompress(b"", max_length=cap + 1 - size)
        if not decoder.eof:
            raise UnpackError("bad_compression", f"{name}: the compressed data stops "
                              f"before its end ({size} bytes decoded): the file was cut")
        data = decoder.unused_data
        if not data.startswith(magic):  # nothing, or junk: padding, an appended line
            break
    return b"".join(out)


def unpack(raw: bytes, cap: int) -> bytes:
    """The bytes a compressed file holds (`raw` itself when it is not compressed), at most
    `cap` of them. Raises UnpackError: `too_large` past the cap, `bad_compression` for
    data its compression cannot read or a stream cut short."""
    kind = packing(raw)
    try:
        if kind in ("gzip", "zstd"):
            return decode_one(raw, kind, cap, strict=True)
        if kind == "bzip2":
            return _streams(raw, bz2.BZ2Decompressor, cap, "bzip2", _BZIP2_MAGIC)
        if kind == "xz":
            return _streams(raw, lambda: lzma.LZMADecompressor(lzma.FORMAT_XZ), cap, "xz",
                            _XZ_MAGIC)
    except CodingError as exc:
        reason = "too_large" if exc.kind == "decompressed_too_large" else "bad_compression"
        raise UnpackError(reason, exc.detail) from None
    except (OSError, EOFError, lzma.LZMAError, ValueError) as exc:
        raise UnpackError("bad_compression", f"{kind}: {exc}") from None
    return raw
