"""The thin Prefect @task wrappers: each takes its stage's slice of the Settings, reads the
state the stage needs from the warehouse (tasks.storage), calls the stage's `run`, and
returns its StageResult. No business logic here, and the only module of tasks/ that
imports Prefect (import-linter checks).

One task run per *batch* (hundreds to thousands of documents), never per article: a task
run costs 10-40 ms of orchestration. NO_CACHE because the inputs are Arrow tables: hashing
them for a cache key would serialise every batch for nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pyarrow as pa
from prefect import get_run_logger, task
from prefect.artifacts import (
    create_link_artifact,
    create_markdown_artifact,
    create_table_artifact,
)
from prefect.cache_policies import NO_CACHE

from schemas import ARTICLES
from tasks import clean, dedup, discover, enrich, extract, fetch
from tasks.common import parallel
from tasks.common.result import StageResult
from tasks.common.settings import Settings, settings_slice
from tasks.common.state import KnownInputs
from tasks.storage import archive, compact, publish, report, search, warehouse
from tasks.storage.interrupts import query_interrupted

STAGE_TASK = {"cache_policy": NO_CACHE, "persist_result": False}


def with_source_delays(settings: Settings, inputs: list[str]) -> Settings:
    """The settings with the sources files' per-host delays merged in, so that feeds,
    sitemaps and pages all honour them."""
    delays = {**settings.host_delays}
    for host, delay in discover.source_host_delays(inputs).items():
        delays[host] = max(delays.get(host, 0.0), delay)
    return settings.model_copy(update={"host_delays": delays})


# What the pool's forkserver imports before forking workers: the stages they run, loaded.
WORKER_PRELOAD = ["tasks.worker_preload"]


def warm_up_stages(settings: Settings) -> None:
    """The stages' one-time loads (language model, stop lists, gazetteer), done now in
    the processes that will extract and enrich: this one with cpu_workers=1, else each
    worker of the pool (started here, so its start-up and imports happen now too). Not a
    task: `pressroom ingest` calls it while Prefect's temporary server starts, before any
    flow exists. Results do not depend on it."""
    workers = parallel.worker_count(settings.cpu_workers)
    if workers <= 1:
        extract.pages.warm_up()
        enrich.annotate.warm_up()
        return
    # The forkserver loads them once for all workers (tasks/worker_preload.py); the calls
    # below start the pool, and warm a worker whose preload failed.
    parallel.preload_in_workers(WORKER_PRELOAD)
    # One row per worker: map_batch gives each worker a slice of its own to warm up on.
    rows = pa.table({"n": list(range(workers))})
    for warm in (extract.pages.warm_up, enrich.annotate.warm_up):
        parallel.map_batch(warm, rows, workers=workers, min_rows=0)


@task(name="known-inputs", **STAGE_TASK)
def known_inputs_task(settings: Settings) -> KnownInputs:
    return warehouse.known_inputs(settings.warehouse,
                                  timedelta(hours=settings.refetch_failed_after_hours))


def fetch_documents(docs: pa.Table, settings: Settings, run_id: str) -> StageResult:
    """The fetch stage with its history and archive from the warehouse (also what discover
    uses to fetch feeds and sitemaps)."""
    config = settings_slice(fetch.FetchConfig, settings)
    history = {}
    if settings.skip_known_urls or settings.refresh:
        urls = {u for u in docs.column("url").to_pylist() if u}
        history = warehouse.fetch_history(settings.warehouse, urls,
                                          with_validators=settings.refresh)
    if not settings.archive_warc:
        return fetch.run(docs, config, run_id, history=history)
    with archive.WarcWriter(settings.warehouse, run_id, gzip_level=settings.warc_gzip_level,
                            max_file_bytes=settings.warc_max_file_bytes) as writer:
        return fetch.run(docs, config, run_id, history=history, archive=writer)


@task(name="discover", **STAGE_TASK)
def discover_task(inputs: list[str], settings: Settings, run_id: str,
                  known: KnownInputs) -> StageResult:
    fetch_urls = discover.fetch_urls_via(lambda docs: fetch_documents(docs, settings, run_id))
    return discover.run(inputs, settings_slice(discover.DiscoverConfig, settings), run_id,
                        known=known, fetch_urls=fetch_urls,
                        pass_over=(Path(settings.warehouse),))


@task(name="stage-warc", **STAGE_TASK)
def stage_warc_task(source: str, settings: Settings, run_id: str,
                    emit: Callable[[Path | None, int, list[dict]], bool]) -> int:
    """A WARC input, read batch by batch into staged Parquet files (never whole): each
    file goes to `emit(path, rows, rejects)` as soon as it is written, so its batch can
    start while the rest is read; `emit` returning False stops the reading. Returns the
    number of rows staged."""
    staged = 0
    for path, rows, rejects in discover.stage_warc_input(
            source, warehouse.staging_dir(settings.warehouse, run_id),
            settings_slice(discover.DiscoverConfig, settings), run_id):
        staged += rows
        if not emit(path, rows, rejects):
            break
    return staged


@task(name="load-staged", **STAGE_TASK)
def load_staged_task(path: Path | None, rejects: list[dict], known: KnownInputs,
                     refresh: bool, run_id: str) -> StageResult:
    return discover.staged_batch(path, known, refresh, run_id, rejects)


@task(name="fetch", **STAGE_TASK)
def fetch_task(docs: pa.Table, settings: Settings, run_id: str) -> StageResult:
    return fetch_documents(docs, settings, run_id)


def _across_cores(run, table: pa.Table, settings: Settings, *args, urgent: bool = False
                  ) -> list[StageResult]:
    """The stage over the worker pool. clean and enrich pass urgent=True: they are what
    the oldest batch's commit waits for (the flow commits in batch order), so they go
    ahead of the next batch's extraction, which otherwise held them back until all its
    chunks were in, and the workers then sat idle while that commit and the next batch's
    loading ran (BENCHMARKS.md, issue 10, branch h/speed4)."""
    workers = parallel.worker_count(settings.cpu_workers, on_cluster=parallel.on_dask_worker())
    parallel.preload_in_workers(WORKER_PRELOAD)  # if this starts the pool
    return parallel.map_batch(run, table, *args, workers=workers,
                              min_rows=settings.parallel_min_rows, urgent=urgent)


@task(name="extract", **STAGE_TASK)
def extract_task(docs: pa.Table, settings: Settings, run_id: str) -> StageResult:
    config = settings_slice(extract.ExtractConfig, settings)
    return StageResult.combine(_across_cores(extract.run, docs, settings, config, run_id),
                               ARTICLES)


@task(name="clean", **STAGE_TASK)
def clean_task(articles: pa.Table, settings: Settings, run_id: str) -> StageResult:
    config = settings_slice(clean.CleanConfig, settings)
    return StageResult.combine(_across_cores(clean.run, articles, settings, config, run_id,
                                             urgent=True),
                               ARTICLES)


def dedup_settings_problem(settings: Settings) -> str | None:
    """Why the settings' near-duplicate parameters cannot sign into the warehouse's
    signatures, or None: checked before a run does any work (fault round 29)."""
    if not Path(settings.warehouse).is_dir():
        return None
    return dedup.settings_problem(warehouse.signature_fingerprints(settings.warehouse),
                                  settings_slice(dedup.DedupConfig, settings))


@task(name="dedup", **STAGE_TASK)
def dedup_task(articles: pa.Table, settings: Settings, run_id: str) -> StageResult:
    return dedup.run(articles, settings_slice(dedup.DedupConfig, settings), run_id,
                     warehouse.load_prior(settings.warehouse))


def outlet_registry(settings: Settings):
    """(registry, problems): the outlet registry of the run's seeds, for enrich."""
    seeds = Path(settings.seeds)
    return enrich.load_outlet_registry(Path(settings.outlets_file or seeds / "outlets.toml"),
                                       seeds / "sources.toml")


@task(name="enrich", **STAGE_TASK)
def enrich_task(articles: pa.Table, settings: Settings, run_id: str) -> StageResult:
    registry, problems = outlet_registry(settings)
    config = settings_slice(enrich.EnrichConfig, settings)
    result = StageResult.combine(
        _across_cores(enrich.run, articles, settings, config, run_id, registry,
                      urgent=True), ARTICLES)
    result.notes[:0] = list(problems)
    return result


@task(name="commit-batch", **STAGE_TASK)
def commit_batch_task(root: Path, tables: dict[str, pa.Table], manifest: dict, batch: int
                      ) -> dict:
    """One batch's tables and manifest: visible to readers (and to the next batch's
    dedup) entirely or not at all."""
    return publish.publish_commit(root, tables, manifest, batch)


@task(name="publish", **STAGE_TASK)
def publish_task(root: Path, tables: dict[str, pa.Table], manifest: dict) -> dict:
    """The run manifest (totals, stages, commits) with the run's remaining rows."""
    return publish.publish_run(root, tables, manifest)


@task(name="compact", **STAGE_TASK)
def compact_task(root: Path) -> dict | None:
    """Merge small files when enough have piled up (batch commits write one per table):
    at the end of a run, under its writer lock."""
    return compact.compact(root)


@task(name="report", **STAGE_TASK)
def report_task(root: Path, manifest: dict) -> report.ReportResult:
    """Views, data tests, the HTML report; publishes the run summary (markdown), the
    reconciliation (table) and a link to the report as Prefect artifacts."""
    try:
        result = report.build_report(root, manifest["run_id"])
    except Exception as exc:
        if query_interrupted(exc):
            # DuckDB's word for the Ctrl-C it caught in one of the report's queries, said
            # as Python's: Prefect then logs the run's interruption, where a RuntimeError
            # was a failed task logged with its traceback (fault round 57)
            raise KeyboardInterrupt from None
        raise
    summary = {**manifest, "notes": [*manifest.get("notes", []), *result.notes]}
    create_markdown_artifact(markdown=report.markdown_summary(summary, result.data_tests),
                             key="ingest-summary", description="pressroom run summary")
    create_table_artifact(table=report.reconciliation_rows(manifest),
                          key="ingest-reconciliation",
                          description="records per stage: received = passed + rejected + "
                                      "failed + skipped")
    create_link_artifact(link=result.html.resolve().as_uri(), key="ingest-report",
                         link_text=f"pressroom report {manifest['run_id']}",
                         description="the HTML report of the warehouse after this run")
    return result


@task(name="index-search", **STAGE_TASK)
def index_search_task(root: Path, articles: pa.Table, manifest: dict) -> list[str]:
    """The commit's articles into the search index, with any earlier commit it lacks (a
    run killed before its index commit). The warehouse commit already happened: a busy
    index (another process writing it) is a note, and the next run or search catches up."""
    try:
        return search.catch_up(root, fresh={search.commit_key(manifest): articles})
    except search.IndexBusy as exc:
        get_run_logger().warning("search index busy, left for the next catch-up: %s", exc)
        return []


@task(name="backfill-files", **STAGE_TASK)
def backfill_files_task(source: str, start: date, end: date, settings: Settings
                        ) -> tuple[list[str], list[str], str | None, str | None]:
    """(the source's CC-NEWS files crawled from start to end, oldest first; those of them
    that no finished run has ingested yet; why there are none, or None; why the source
    cannot be read, or None). A run manifest is written only when a run ends, so its
    `inputs_given` mark the files that were ingested whole."""
    try:
        found = discover.ccnews.list_source(source, settings_slice(discover.DiscoverConfig,
                                                                     settings))
    except discover.ccnews.WarcReadError as exc:
        # a listing that does not answer (404, refused, over its cap): the flow fails
        # with this sentence, not with a traceback of the task and one of the flow
        return [], [], None, str(exc)
    files = discover.ccnews.select(found, start, end)
    done = {i for m in warehouse.run_manifests(settings.warehouse)
            for i in m.get("inputs_given", [])}
    why_none = None if files else discover.ccnews.nothing_in_range(found, start, end)
    return ([f.location for f in files],
            [f.location for f in discover.ccnews.pending(files, done)], why_none, None)


@task(name="refresh-report", **STAGE_TASK)
def refresh_report_task(root: Path) -> report.ReportResult | None:
    """Views, data tests and the HTML report of the warehouse as it stands, without a
    run (the report of its latest run, `warehouse.run_to_report`); None when no run has
    committed yet."""
    found = warehouse.run_to_report(root)
    if found is None:
        return None
    run_id, note = found
    db = report.build_views(root)
    tests = report.run_data_tests(db)
    # write_html_report gives the path and the sections: the whole pair was the result's
    # `html`, and the report flow returned "(PosixPath('...'), {...})" as its report
    html, sections = report.write_html_report(root, db, run_id)
    return report.ReportResult(db, tests, html, [note] if note else [], sections)


@task(name="archived-documents", **STAGE_TASK)
def archived_documents_task(settings: Settings, run_ids: list[str] | None,
                            run_id: str) -> StageResult:
    """Article pages of the archive (not feeds or sitemaps), rebuilt as documents."""
    log = warehouse.scan_table(settings.warehouse, "fetch_log")
    return archive.archived_documents(settings.warehouse,
                                      archive.article_fetches(log, settings, run_ids),
                                      run_id=run_id)
