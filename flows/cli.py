"""`pressroom` command line: ingest, sql, runs."""

from __future__ import annotations

import csv
import json
import os
import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="pressroom: news on the web -> a deduplicated, enriched SQL warehouse.")
# Piped output (CI logs, `| less`) gets a wide table instead of rich's 80-column default.
console = Console(width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True)


def _quiet_prefect() -> None:
    """Ephemeral Prefect without telemetry, with a start-up timeout this machine meets."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")


def _settings(warehouse: Path | None, **given):
    """The Settings, with what the command line gave (None = not given) over the
    environment and pressroom.toml."""
    from pydantic import ValidationError

    from tasks.common.settings import Settings

    given = {k: v for k, v in {"warehouse": warehouse, **given}.items() if v is not None}
    try:
        return Settings(**given)
    except ValidationError as exc:
        err.print(f"[red]invalid settings:[/red] {exc}")
        raise typer.Exit(2) from None


WarehouseOpt = Annotated[
    Path | None, typer.Option("--warehouse", "-w", help="warehouse folder (PRESSROOM_WAREHOUSE)")
]
DaskOpt = Annotated[str | None, typer.Option(
    "--dask-address", help="run the batches on this Dask scheduler, e.g. tcp://10.0.0.5:8786 "
    "(PRESSROOM_DASK_ADDRESS; needs a Prefect server: PREFECT_API_URL)")]


def _on_runner(flow, settings):
    """The flow on the settings' task runner. A Dask cluster needs a real Prefect server:
    in ephemeral mode every Dask worker would start a server of its own."""
    from flows.runners import for_cluster, on_runner

    if settings.dask_address:
        from prefect.settings import PREFECT_API_URL

        if not PREFECT_API_URL.value():
            err.print("[red]--dask-address needs a Prefect server:[/red] run `prefect server "
                      "start` and set PREFECT_API_URL (e.g. http://127.0.0.1:4200/api)")
            raise typer.Exit(2)
    settings = for_cluster(settings)
    return on_runner(flow, settings), settings


@app.command()
def ingest(
    inputs: Annotated[list[str] | None, typer.Argument(
        help="files, folders or http(s) URLs (default: the seeds folder)")] = None,
    refresh: Annotated[bool, typer.Option(help="re-fetch URLs already in the warehouse")] = False,
    warehouse: WarehouseOpt = None,
    dask_address: DaskOpt = None,
) -> None:
    """Run the ingest flow and print the run summary."""
    _quiet_prefect()
    settings = _settings(warehouse, dask_address=dask_address)
    from flows.ingest import ingest as ingest_flow

    flow, settings = _on_runner(ingest_flow, settings)
    manifest = flow(inputs=inputs or None, refresh=refresh, settings=settings)
    print_summary(manifest, settings.warehouse)


@app.command()
def reprocess(
    run: Annotated[list[str] | None, typer.Option(
        "--run", help="only pages fetched by these runs (default: the whole archive)")] = None,
    warehouse: WarehouseOpt = None,
) -> None:
    """Re-extract archived pages from warehouse/raw/ WARC files, without the network."""
    _quiet_prefect()
    settings = _settings(warehouse)
    from flows.reprocess import reprocess as reprocess_flow

    manifest = reprocess_flow(run_ids=run or None, settings=settings)
    print_summary(manifest, settings.warehouse)


@app.command()
def backfill(
    source: Annotated[str, typer.Argument(
        help="a folder of CC-NEWS-YYYYMMDDhhmmss-NNNNN.warc.gz files, or an http(s) listing "
             "of them (an index page or a warc.paths list)")],
    start: Annotated[datetime, typer.Option("--from", formats=["%Y-%m-%d"],
                                            help="first day (YYYY-MM-DD)")],
    end: Annotated[datetime, typer.Option("--to", formats=["%Y-%m-%d"],
                                          help="last day, included (YYYY-MM-DD)")],
    warehouse: WarehouseOpt = None,
    dask_address: DaskOpt = None,
) -> None:
    """Ingest the source's dated WARC files from one day to another, file by file, oldest
    first. Run it again to resume: files a finished run ingested are skipped."""
    _quiet_prefect()
    if end < start:
        err.print(f"[red]--to {end:%Y-%m-%d} is before --from {start:%Y-%m-%d}[/red]")
        raise typer.Exit(2)
    settings = _settings(warehouse, dask_address=dask_address)
    from flows.backfill import backfill as backfill_flow

    flow, settings = _on_runner(backfill_flow, settings)
    done = flow(source=source, start=start.date(), end=end.date(), settings=settings)
    t = Table(title=f"backfill {start:%Y-%m-%d} to {end:%Y-%m-%d}")
    for col in ("file", "run_id", "inputs", "kept", "rejected", "skipped"):
        t.add_column(col, justify="left" if col in ("file", "run_id") else "right")
    for m in done["runs"]:
        tot = m["totals"]
        t.add_row(Path(m["inputs_given"][0]).name, m["run_id"],
                  *(str(tot[k]) for k in ("inputs", "kept", "rejected", "skipped")))
    console.print(t)
    console.print(f"{len(done['files'])} file(s) in range: {len(done['runs'])} ingested now, "
                  f"{len(done['skipped'])} already ingested")


def print_summary(manifest: dict, root: Path) -> None:
    t = Table(title=f"run {manifest['run_id']}", show_lines=False)
    for col in ("stage", "received", "passed", "rejected", "failed", "skipped"):
        t.add_column(col, justify="left" if col == "stage" else "right")
    for s in manifest["stages"]:
        t.add_row(s["stage"], *(str(s[k]) for k in
                                ("received", "passed", "rejected", "failed", "skipped")))
    console.print(t)
    totals = manifest["totals"]
    console.print(
        f"inputs {totals['inputs']} = kept {totals['kept']} + rejected {totals['rejected']} "
        f"+ failed fetches {totals['failed']} + already in warehouse {totals['skipped']}"
    )
    for note in manifest.get("notes", []):
        console.print(f"[yellow]note:[/yellow] {note}")
    console.print(f"warehouse: {Path(root).resolve()}")
    console.print(f"DuckDB:    {Path(manifest['database']).resolve()}")
    console.print(f"report:    {Path(manifest['report']).resolve()}")
    console.print('try: pressroom sql "SELECT title, domain, word_count FROM articles"')


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="SQL over articles, rejects, fetch_log, ...")],
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
    max_width: Annotated[int, typer.Option(help="truncate cells in table output")] = 120,
    warehouse: WarehouseOpt = None,
) -> None:
    """Query the warehouse with DuckDB SQL."""
    import duckdb

    from tasks.storage.report import DB_NAME, build_views

    root = _settings(warehouse).warehouse
    db = root / DB_NAME
    if not db.exists():
        build_views(root)  # an empty warehouse still answers, with empty tables
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute(query)
        columns = [d[0] for d in cur.description] if cur.description else []
        rows = cur.fetchall() if columns else []
    except duckdb.Error as exc:
        err.print(f"[red]SQL error:[/red] {exc}")
        raise typer.Exit(1) from None
    finally:
        con.close()
    if fmt is Format.csv:
        w = csv.writer(sys.stdout)
        w.writerow(columns)
        w.writerows(rows)
    elif fmt is Format.json:
        json.dump([dict(zip(columns, r, strict=True)) for r in rows], sys.stdout,
                  default=str, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        t = Table(show_lines=False)
        for c in columns:
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(*("" if v is None else _cell(v, max_width) for v in r))
        console.print(t)
        console.print(f"{len(rows)} row(s)")


def _cell(value, width: int) -> str:
    s = str(value)
    return s if len(s) <= width else s[: width - 1] + "…"


@app.command()
def runs(
    limit: Annotated[int, typer.Option(help="how many recent runs")] = 10,
    warehouse: WarehouseOpt = None,
) -> None:
    """Recent runs and their counts, from the run manifests."""
    from tasks.storage.warehouse import run_manifests

    root = _settings(warehouse).warehouse
    found = run_manifests(root)[-limit:]
    if not found:
        console.print(f"no runs yet in {root.resolve()}")
        return
    t = Table(title=f"runs in {root.resolve()}")
    t.add_column("run_id", no_wrap=True, min_width=23)
    t.add_column("finished_at", no_wrap=True)
    for col in ("inputs", "kept", "rejected", "failed", "skipped"):
        t.add_column(col, justify="right")
    for m in reversed(found):
        tot = m.get("totals", {})
        t.add_row(m["run_id"], str(m.get("finished_at", ""))[:19],
                  *(str(tot.get(k, "")) for k in ("inputs", "kept", "rejected", "failed",
                                                  "skipped")))
    console.print(t)


@app.command()
def serve(
    ingest_cron: Annotated[str | None, typer.Option(help="ingest schedule (cron, UTC)")] = None,
    report_cron: Annotated[str | None, typer.Option(help="report schedule (cron, UTC)")] = None,
) -> None:
    """Serve the scheduled ingest (every 2 hours) and report (daily) deployments from this
    process: no work pool or worker needed. Settings come from this process's environment
    and pressroom.toml. Stop with Ctrl-C."""
    _quiet_prefect()
    from prefect.settings import PREFECT_API_URL

    from flows import schedules

    if not PREFECT_API_URL.value():
        err.print("[yellow]note:[/yellow] no PREFECT_API_URL: runs go to a temporary server "
                  "that ends with this process; `prefect server start` gives one with a UI")
    schedules.serve(ingest_cron or schedules.INGEST_CRON, report_cron or schedules.REPORT_CRON)


@app.command()
def report(warehouse: WarehouseOpt = None) -> None:
    """Rebuild the DuckDB views, run the data tests, write the HTML report.

    No run: for after moving the warehouse, or to refresh reports/latest.html."""
    from tasks.storage.report import build_views, run_data_tests, write_html_report
    from tasks.storage.warehouse import run_manifests

    root = _settings(warehouse).warehouse
    found = run_manifests(root)
    if not found:
        err.print(f"no runs yet in {root.resolve()}: run `pressroom ingest` first")
        raise typer.Exit(1)
    db = build_views(root)
    tests = run_data_tests(db)
    html = write_html_report(root, db, found[-1]["run_id"])
    for name, failing in tests.items():
        mark = "[green]ok[/green]" if not failing else f"[red]{failing} failing row(s)[/red]"
        console.print(f"data test: {name}: {mark}")
    console.print(f"DuckDB: {db.resolve()}\nreport: {html.resolve()}")
    if any(tests.values()):
        raise typer.Exit(1)


if __name__ == "__main__":
    app()
