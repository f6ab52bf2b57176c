"""The raw archive: every HTTP exchange as WARC/1.1 request + response records, gzip.

Layout: <warehouse>/raw/<run_id>/<utc time>-<8 hex>.warc.gz, one file per fetch batch
(rotated past `max_file_bytes`), written as `.tmp` and renamed when closed, so a killed run
leaves no file that a fetch_log row points to half-written. Each record is its own gzip
member (the WARC convention), so fetch_log's `warc_offset` lets any WARC reader seek
straight to a response.

Bodies are archived as received: content coding kept (smaller, and exactly what the
server sent), chunked transfer coding removed (the fetcher formats the HTTP heads it
sent and received: tasks.fetch.client.http_request_head / http_response_head). A
response cut short by a byte cap, a deadline or a reset is stored with WARC-Truncated.

The writer is ours (about 60 lines) rather than warcio's because it sits on the hot path:
it compresses once per record with zlib at a configurable level (1 by default: 3x less
CPU than level 6 for 10% more bytes on HTML) and never copies the body. Reading uses
FastWARC, and the tests check that warcio and FastWARC both read what we write.
"""

from __future__ import annotations

import os
import uuid
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tasks.common import rights
from tasks.common.codings import CodingError, decode_body
from tasks.common.result import StageResult, Verdict, reject_row

WARC_VERSION = b"WARC/1.1"


def _record_id() -> str:
    return f"<urn:uuid:{uuid.uuid4()}>"


def _warc_date(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _clean(value: str) -> str:
    """A header value without CR/LF (a URL from the web must not inject WARC headers)."""
    return value.replace("\r", "%0D").replace("\n", "%0A")


class WarcWriter:
    """Append-only writer of gzip WARC files for one run's batch."""

    def __init__(
        self,
        warehouse: Path,
        run_id: str,
        *,
        gzip_level: int = 1,
        max_file_bytes: int = 1 << 30,
        software: str = "pressroom",
    ) -> None:
        self.warehouse = Path(warehouse)
        self.run_id = run_id
        self.gzip_level = gzip_level
        self.max_file_bytes = max_file_bytes
        self.software = software
        self._fh = None
        self._rel: str | None = None
        self._tmp: Path | None = None
        self._pos = 0
        self.files: list[str] = []  # relative paths of the closed files
        self.records = 0

    # -- files -------------------------------------------------------------------
    def _open(self) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        safe_run = "".join(c if c.isalnum() or c in "-_." else "_" for c in self.run_id)
        rel = f"raw/{safe_run}/{stamp}-{uuid.uuid4().hex[:8]}.warc.gz"
        final = self.warehouse / rel
        final.parent.mkdir(parents=True, exist_ok=True)
        self._tmp = final.with_name(final.name + ".tmp")
        self._fh = open(self._tmp, "wb")  # noqa: SIM115 - closed in close()
        self._rel = rel
        self._pos = 0
        info = (
            f"software: {self.software}\r\nformat: WARC File Format 1.1\r\n"
            f"conformsTo: https://iipc.github.io/warc-specifications/specifications/"
            f"warc-format/warc-1.1/\r\nisPartOf: {safe_run}\r\n"
        ).encode()
        self._write_record(
            "warcinfo",
            None,
            datetime.now(UTC),
            "application/warc-fields",
            [info],
            extra=[("WARC-Filename", final.name)],
        )

    def close(self) -> None:
        """Flush, fsync and rename the current file into place."""
        if self._fh is None:
            return
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        os.replace(self._tmp, self.warehouse / self._rel)
        self.files.append(self._rel)
        self._fh = None

    def __enter__(self) -> WarcWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- records -----------------------------------------------------------------
    def _write_record(
        self,
        wtype: str,
        uri: str | None,
        when: datetime,
        content_type: str,
        blocks: list[bytes],
        extra: list[tuple[str, str]] = (),
        record_id: str | None = None,
        level: int | None = None,
    ) -> int:
        length = sum(len(b) for b in blocks)
        head = [
            f"WARC-Type: {wtype}",
            f"WARC-Record-ID: {record_id or _record_id()}",
            f"WARC-Date: {_warc_date(when)}",
        ]
        if uri is not None:
            head.append(f"WARC-Target-URI: {_clean(uri)}")
        head += [f"{k}: {_clean(v)}" for k, v in extra]
        head += [f"Content-Type: {content_type}", f"Content-Length: {length}"]
        header = WARC_VERSION + b"\r\n" + "\r\n".join(head).encode("utf-8") + b"\r\n\r\n"
        comp = zlib.compressobj(self.gzip_level if level is None else level, zlib.DEFLATED, 31)
        parts = [comp.compress(header)]
        parts += [comp.compress(b) for b in blocks]  # no concatenated copy of the body
        parts.append(comp.compress(b"\r\n\r\n"))
        parts.append(comp.flush())
        offset = self._pos
        for p in parts:
            if p:
                self._fh.write(p)
                self._pos += len(p)
        self.records += 1
        return offset

    def write_exchange(
        self,
        url: str,
        request_head: bytes,
        response_head: bytes | None,
        body: bytes | None,
        *,
        when: datetime,
        ip: str | None = None,
        truncated: str | None = None,
        encoded: bool = False,
        omitted: str | None = None,
    ) -> tuple[str, int]:
        """Write a request record and, when a response came, its response record.

        `encoded`: the body is already compressed (Content-Encoding gzip/br/deflate, as
        most news servers send it); its record is then stored in gzip without compressing
        again (level 0: a CRC pass instead of ~1.5 ms of deflate per 170 KB page, for a
        few hundred bytes of headers left uncompressed).

        `omitted` says why the body was left out on purpose (the page's noarchive): the
        record then carries WARC-Truncated: unspecified and WARC-Pressroom-Omitted.

        Returns (file relative to the warehouse, offset of the response record, or of the
        request record when there was no response)."""
        if self._fh is None or self._pos >= self.max_file_bytes:
            self.close()
            self._open()
        req_id, resp_id = _record_id(), _record_id()
        ip_extra = [("WARC-IP-Address", ip)] if ip else []
        req_extra = ip_extra + ([("WARC-Concurrent-To", resp_id)] if response_head else [])
        offset = self._write_record(
            "request", url, when, "application/http;msgtype=request", [request_head],
            extra=req_extra, record_id=req_id,
        )
        if response_head is not None:
            extra = ip_extra + [("WARC-Concurrent-To", req_id)]
            if truncated:
                extra.append(("WARC-Truncated", truncated))
            if omitted:
                extra.append(("WARC-Pressroom-Omitted", omitted))
            offset = self._write_record(
                "response", url, when, "application/http;msgtype=response",
                [response_head, body or b""], extra=extra, record_id=resp_id,
                level=0 if encoded else None,
            )
        return self._rel, offset


# -- reading ---------------------------------------------------------------------------
# The first stage of a reprocess run (where ingest has discover). Its rejects are not
# discover's: a later `ingest --refresh` of the URL must not skip it as a bad input.
REPROCESS_STAGE = "reprocess"
NOT_ARCHIVED = Verdict("not_archived", "the body was not archived ({}): nothing to process "
                       "again (PRESSROOM_ARCHIVE_NOARCHIVE_BODIES=true keeps such bodies)")
ARCHIVE_UNREADABLE = Verdict("archive_unreadable", "the archived response {} cannot be read "
                             "({}): nothing to process again")


@dataclass
class ArchivedResponse:
    """A response record, with the body's content coding undone."""

    url: str
    status: int
    headers: dict[str, str]  # lower-case names; repeated ones joined (`joined_headers`)
    body: bytes
    date: str
    offset: int
    truncated: str | None
    omitted: str | None = None  # why the body was left out on purpose ("noarchive")
    # the header lines as archived, (name, value): X-Robots-Tag is read line by line
    header_lines: list[tuple[str, str]] = field(default_factory=list)


def joined_headers(lines: list[tuple[str, str]]) -> dict[str, str]:
    """Header values by lower-case name, a repeated header's values joined with ', '
    (RFC 9110 5.3: its lines are one list). The last line alone was kept, so a page sent
    with `Content-Encoding: br` then `Content-Encoding: gzip` was read back with its
    brotli layer left on (`pressroom reprocess` extracted binary), and of two
    X-Robots-Tag lines the first's noai was lost (fault round 42)."""
    headers: dict[str, str] = {}
    for name, value in lines:
        key = name.lower()
        headers[key] = f"{headers[key]}, {value}" if key in headers else value
    return headers


def _to_response(record, offset: int, cap: int) -> ArchivedResponse:
    http = record.http_headers
    lines = list(http.items()) if http is not None else []
    headers = joined_headers(lines)
    raw = record.reader.read()
    try:
        body, _ = decode_body(raw, headers.get("content-encoding"), cap)
    except CodingError:
        body = raw
    return ArchivedResponse(
        url=record.headers.get("WARC-Target-URI", ""),
        status=int(http.status_code) if http is not None else 0,
        headers=headers,
        body=body,
        date=record.headers.get("WARC-Date", ""),
        offset=offset,
        truncated=record.headers.get("WARC-Truncated"),
        omitted=record.headers.get("WARC-Pressroom-Omitted"),
        header_lines=lines,
    )


def iter_responses(path: str | Path, cap: int = 64 << 20) -> Iterator[ArchivedResponse]:
    """Every response record of a WARC(.gz) file, in order."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    with open(path, "rb") as fh:
        for record in ArchiveIterator(fh, record_types=WarcRecordType.response, parse_http=True):
            yield _to_response(record, record.stream_pos, cap)


def read_response_at(path: str | Path, offset: int, cap: int = 64 << 20) -> ArchivedResponse:
    """The response record starting at `offset` (a fetch_log warc_offset)."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    with open(path, "rb") as fh:
        fh.seek(offset)
        for record in ArchiveIterator(fh, record_types=WarcRecordType.response, parse_http=True):
            return _to_response(record, offset, cap)
    raise LookupError(f"no response record at {path}:{offset}")


def readable_response(root: Path, warc_file: str, offset: int, cap: int
                      ) -> tuple[ArchivedResponse | None, str | None]:
    """(the response a fetch_log row points at, None), or (None, why it cannot be read).

    A raw WARC deleted to free space (raw/ holds most of a warehouse's bytes), cut short
    by an interrupted copy or damaged on disk, or a pointer that names no record, raised
    out of the reprocess task: `pressroom reprocess` ended in a traceback and processed
    no page (fault round 42). Now that page alone is a reject saying why."""
    try:
        return read_response_at(root / warc_file, offset, cap), None
    except (OSError, LookupError) as exc:  # missing, unreadable, damaged; no record there
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return None, ARCHIVE_UNREADABLE.detail.format(f"{warc_file} at byte {offset}",
                                                      f"{type(exc).__name__}: {why}")


def _archived_article(row: dict, allowed: set[str]) -> bool:
    """A fetch_log row of an archived article page: successful, with a WARC pointer, of
    an allowed page content type (feeds and sitemaps are discovery inputs, not articles)."""
    return (row.get("error") is None and bool(row.get("warc_file"))
            and row.get("warc_offset") is not None
            and (row.get("content_type") or "") in allowed)


def article_fetches(fetch_log, settings, run_ids: list[str] | None = None) -> list[dict]:
    """The fetch_log rows of archived article pages (`_archived_article`) from the given
    runs or all; the latest fetch per URL."""
    rows = fetch_log.to_pylist() if hasattr(fetch_log, "to_pylist") else list(fetch_log)
    allowed = set(settings.allowed_content_types)
    latest: dict[str, dict] = {}
    for r in rows:
        if _archived_article(r, allowed) and (not run_ids or r.get("run_id") in run_ids):
            if r["url"] not in latest or r["fetched_at"] > latest[r["url"]]["fetched_at"]:
                latest[r["url"]] = r
    return list(latest.values())


def runs_without_pages(fetch_log, settings, run_ids: list[str]) -> list[str]:
    """The ids in `run_ids` whose runs archived no article page: a reprocess run (it
    fetches nothing), a run of text dumps, one whose every fetch failed. `pressroom
    reprocess --run` of one committed an empty run and said nothing of why."""
    rows = fetch_log.to_pylist() if hasattr(fetch_log, "to_pylist") else list(fetch_log)
    allowed = set(settings.allowed_content_types)
    archived = {r.get("run_id") for r in rows if _archived_article(r, allowed)}
    return [r for r in run_ids if r not in archived]


def archived_documents(warehouse: str | Path, fetch_log: list[dict] | object,
                       cap: int = 64 << 20, run_id: str = "") -> StageResult:
    """DOCUMENTS rows rebuilt from the archive for `pressroom reprocess`: one per
    successful fetch_log row (no error, a WARC pointer), without touching the network.

    `fetch_log` is a list of FETCH_LOG rows or a pyarrow Table of them. The body comes
    from the archived response (content coding undone), the charset is decided again from
    the archived headers and bytes. input_key is the URL, as discover gives URL inputs.
    A page whose body was left out on purpose (its noarchive) cannot be processed again:
    it is a reject, `not_archived`, instead of an empty page for extraction to fail on.
    """
    import pyarrow as pa

    from schemas.tables import DOCUMENTS, conform
    from tasks.common.charset import sniff_encoding
    from tasks.common.mediatype import effective_content_type

    rows = fetch_log.to_pylist() if isinstance(fetch_log, pa.Table) else list(fetch_log)
    wanted = [r for r in rows if r.get("error") is None and r.get("warc_file")
              and r.get("warc_offset") is not None]
    wanted.sort(key=lambda r: (r["warc_file"], r["warc_offset"]))  # sequential reads
    out, rejects = [], []
    for row in wanted:
        resp, problem = readable_response(Path(warehouse), row["warc_file"],
                                          row["warc_offset"], cap)
        if problem is not None:
            rejects.append(reject_row(
                REPROCESS_STAGE, ARCHIVE_UNREADABLE.reason, problem, run_id,
                input_key=row["url"], url=row["url"],
                source_kind=row.get("source_kind") or "url", source=row.get("source")))
            continue
        if resp.omitted:
            rejects.append(reject_row(
                REPROCESS_STAGE, NOT_ARCHIVED.reason, NOT_ARCHIVED.detail.format(resp.omitted),
                run_id, input_key=row["url"], url=row["url"],
                source_kind=row.get("source_kind") or "url", source=row.get("source")))
            continue
        # two Content-Type lines joined: the one value a browser takes, as the fetcher
        ctype = effective_content_type(resp.headers.get("content-type"))
        encoding, _ = sniff_encoding(resp.body, ctype)
        out.append({
            "input_key": row["url"], "url": row["url"],
            "source_kind": row.get("source_kind") or "url", "source": row.get("source"),
            "final_url": row.get("final_url") or resp.url, "status": resp.status,
            "content_type": (ctype or "text/html").split(";", 1)[0].strip().lower(),
            "encoding": encoding, "body": resp.body, "fetched_at": row.get("fetched_at"),
            "rights": rights.as_column(
                rights.header_signals(resp.header_lines, rights.DEFAULT_AGENT),
                rights.meta_signals(resp.body, rights.DEFAULT_AGENT)),
            "payload_truncated": resp.truncated,  # whole, unless the page was cut when fetched
        })
    return StageResult(REPROCESS_STAGE, conform(out, DOCUMENTS, "documents"), len(wanted),
                       rejects=rejects)
