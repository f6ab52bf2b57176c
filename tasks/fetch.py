"""Fetch: download the documents that have a URL and no body yet; log every attempt.

Walking-skeleton version: httpx with a total timeout and a byte cap; politeness, retries,
the address guard and WARC archiving come with the production fetcher (issue 3).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx
import pyarrow as pa

from schemas import DOCUMENTS, conform
from tasks.config import Settings

HTML_TYPES = ("text/html", "application/xhtml+xml")
# Feeds and sitemaps (source_kind "feed" in discovery fetches) come in many XML flavours.
FEED_TYPES = HTML_TYPES + ("application/rss+xml", "application/atom+xml", "application/xml",
                           "text/xml", "application/x-gzip", "application/gzip",
                           "application/octet-stream", "text/plain")


@dataclass
class FetchResult:
    docs: pa.Table  # documents with a usable body (and those that needed no fetch)
    fetch_log: list[dict] = field(default_factory=list)  # one row per URL attempted


def needs_fetch(doc: dict) -> bool:
    return doc["source_kind"] != "dump" and doc.get("body") is None


def _log_row(doc: dict, run_id: str, started: float, **values) -> dict:
    return {
        "url": doc["url"], "fetched_at": datetime.now(UTC), "attempts": 1,
        "elapsed_ms": (time.perf_counter() - started) * 1000.0,
        "source_kind": doc["source_kind"], "source": doc["source"], "run_id": run_id,
        **values,
    }


def fetch_one(client: httpx.Client, doc: dict, settings: Settings, run_id: str
              ) -> tuple[dict | None, dict]:
    """-> (document with body or None, fetch_log row)."""
    started = time.perf_counter()
    try:
        with client.stream("GET", doc["url"]) as resp:
            ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
            final_url = str(resp.url)
            redirects = [str(r.url) for r in resp.history]
            if resp.status_code >= 400:
                return None, _log_row(doc, run_id, started, final_url=final_url,
                                      status=resp.status_code, error=f"http_{resp.status_code}",
                                      content_type=ctype, redirects=redirects)
            allowed = FEED_TYPES if doc["source_kind"] == "feed" else HTML_TYPES
            if ctype not in allowed:
                return None, _log_row(doc, run_id, started, final_url=final_url,
                                      status=resp.status_code, error="unsupported_content_type",
                                      error_detail=ctype, content_type=ctype,
                                      redirects=redirects)
            chunks, size = [], 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > settings.max_body_bytes:
                    return None, _log_row(doc, run_id, started, final_url=final_url,
                                          status=resp.status_code, error="too_large",
                                          bytes=size, content_type=ctype, redirects=redirects)
                chunks.append(chunk)
            body = b"".join(chunks)
    except httpx.TimeoutException as exc:
        return None, _log_row(doc, run_id, started, error="timeout", error_detail=str(exc))
    except httpx.TooManyRedirects as exc:
        return None, _log_row(doc, run_id, started, error="redirect_loop", error_detail=str(exc))
    except (httpx.HTTPError, OSError) as exc:
        return None, _log_row(doc, run_id, started, error="connection",
                              error_detail=f"{type(exc).__name__}: {exc}"[:500])
    now = datetime.now(UTC)
    fetched = {**doc, "final_url": final_url, "status": resp.status_code, "content_type": ctype,
               "encoding": resp.encoding, "body": body, "fetched_at": now}
    return fetched, _log_row(doc, run_id, started, final_url=final_url, status=resp.status_code,
                             bytes=len(body), content_type=ctype, encoding=resp.encoding,
                             redirects=redirects)


def fetch_batch(docs: pa.Table, settings: Settings, run_id: str) -> FetchResult:
    """Fetch every document that needs it; pass the others through."""
    out, log = [], []
    timeout = httpx.Timeout(settings.request_timeout_s)
    with httpx.Client(timeout=timeout, follow_redirects=True, max_redirects=10,
                      headers={"User-Agent": settings.user_agent}) as client:
        for doc in docs.to_pylist():
            if not needs_fetch(doc):
                out.append(doc)
                continue
            fetched, row = fetch_one(client, doc, settings, run_id)
            log.append(row)
            if fetched is not None:
                out.append(fetched)
    return FetchResult(conform(out, DOCUMENTS, "documents"), log)
