"""Thin Prefect @task wrappers around the pure stage functions: call, return.

One task run per *batch* (hundreds to thousands of documents), never per article: a task
run costs 10-40 ms of orchestration. NO_CACHE because the inputs are Arrow tables: hashing
them for a cache key would serialise every batch for nothing.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
from prefect import task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from schemas import ARTICLES
from tasks.clean import text as clean
from tasks.common import parallel
from tasks.common.settings import Settings
from tasks.dedup import rules as dedup
from tasks.discover import inputs as discover
from tasks.enrich import annotate as enrich
from tasks.extract import pages as extract
from tasks.fetch import client as fetch
from tasks.storage import archive, publish, report, warehouse

STAGE_TASK = {"cache_policy": NO_CACHE, "persist_result": False}


@task(name="discover", **STAGE_TASK)
def discover_task(inputs: list[str], settings: Settings, run_id: str,
                  known: discover.KnownInputs) -> tuple[discover.DiscoverResult, Settings]:
    """-> (what was found, the settings for fetching: with the sources files' per-host
    delays merged in, so feeds, sitemaps and pages all honour them)."""
    delays = {**settings.host_delays}
    for host, delay in discover.source_host_delays(inputs).items():
        delays[host] = max(delays.get(host, 0.0), delay)
    settings = settings.model_copy(update={"host_delays": delays})
    fetch_urls = discover.fetch_urls_via(fetch.fetch_batch, settings, run_id)
    found = discover.discover(inputs, run_id, settings, fetch_urls,
                              skip_sources=known.recently_failed_urls, stream_warcs=True)
    return found, settings


@task(name="stage-warc", **STAGE_TASK)
def stage_warc_task(source: str, root: Path, settings: Settings, run_id: str
                    ) -> tuple[list[Path], list[dict], dict[str, int]]:
    """A WARC input, read batch by batch into staged Parquet files (never whole)."""
    from datetime import UTC, datetime

    from tasks.discover.warc import http_opener, stage_warc

    opener = http_opener(settings.user_agent, settings.request_timeout_s,
                         settings.allow_private_hosts)
    return stage_warc(source, warehouse.staging_dir(root, run_id), run_id, datetime.now(UTC),
                      settings.max_body_bytes, settings.batch_size, opener)


@task(name="load-staged", **STAGE_TASK)
def load_staged_task(path: Path, known: discover.KnownInputs, refresh: bool, run_id: str
                     ) -> tuple[pa.Table, int, list[dict]]:
    return discover.staged_batch(path, known, refresh, run_id)


@task(name="known-inputs", **STAGE_TASK)
def known_inputs_task(root: Path, settings: Settings) -> discover.KnownInputs:
    from datetime import timedelta

    return warehouse.known_inputs(root, timedelta(hours=settings.refetch_failed_after_hours))


@task(name="fetch", **STAGE_TASK)
def fetch_task(docs: pa.Table, settings: Settings, run_id: str) -> fetch.FetchResult:
    return fetch.fetch_batch(docs, settings, run_id)


def _across_cores(fn, table: pa.Table, settings: Settings, run_id: str) -> list:
    return parallel.map_batch(fn, table, settings, run_id,
                              workers=parallel.worker_count(settings.cpu_workers),
                              min_rows=settings.parallel_min_rows)


@task(name="extract", **STAGE_TASK)
def extract_task(docs: pa.Table, settings: Settings, run_id: str) -> clean.StageResult:
    parts = _across_cores(extract.extract_batch, docs, settings, run_id)
    return clean.StageResult.combine(parts, ARTICLES)


@task(name="clean", **STAGE_TASK)
def clean_task(articles: pa.Table, settings: Settings, run_id: str) -> clean.StageResult:
    parts = _across_cores(clean.clean_batch, articles, settings, run_id)
    return clean.StageResult.combine(parts, ARTICLES)


@task(name="dedup", **STAGE_TASK)
def dedup_task(articles: pa.Table, root: Path, settings: Settings, run_id: str
               ) -> dedup.DedupResult:
    return dedup.dedup_batch(articles, dedup.load_prior(root), settings, run_id)


@task(name="enrich", **STAGE_TASK)
def enrich_task(articles: pa.Table, settings: Settings, run_id: str) -> enrich.EnrichResult:
    return enrich.EnrichResult.combine(
        _across_cores(enrich.enrich_batch, articles, settings, run_id))


@task(name="publish", **STAGE_TASK)
def publish_task(root: Path, tables: dict[str, pa.Table], manifest: dict) -> dict:
    return publish.publish_run(root, tables, manifest)


@task(name="report", **STAGE_TASK)
def report_task(root: Path, manifest: dict) -> report.ReportResult:
    db = report.build_views(root)
    tests = report.run_data_tests(db)
    html = report.write_html_report(root, db, manifest["run_id"])
    create_markdown_artifact(markdown=report.markdown_summary(manifest), key="ingest-summary",
                             description="pressroom run summary")
    return report.ReportResult(db, tests, html)


@task(name="archived-documents", **STAGE_TASK)
def archived_documents_task(root: Path, settings: Settings, run_ids: list[str] | None
                            ) -> pa.Table:
    """Article pages of the archive (not feeds or sitemaps), rebuilt as documents."""
    log = warehouse.scan_table(root, "fetch_log")
    return archive.archived_documents(root, archive.article_fetches(log, settings, run_ids))
