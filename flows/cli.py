"""`pressroom` command line: ingest, sql, runs."""

from __future__ import annotations

import csv
import json
import os
import sys
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


def _settings(warehouse: Path | None):
    from pydantic import ValidationError
    from pydantic_settings import SettingsError

    from tasks.common.settings import Settings

    try:
        return Settings(**({"warehouse": warehouse} if warehouse else {}))
    except (ValidationError, SettingsError) as exc:
        err.print(f"[red]invalid settings:[/red] {exc}")
        raise typer.Exit(2) from None


def _require_warehouse(root: Path, write: bool) -> None:
    """Exit 2 with a sentence when the warehouse path cannot serve (a file, a folder we
    cannot write): before Prefect starts, not at publish after all the work."""
    from tasks.storage.preflight import warehouse_problem

    problem = warehouse_problem(root, write)
    if problem:
        err.print(f"[red]bad warehouse:[/red] {problem}")
        raise typer.Exit(2)


def _require_inputs(inputs: list[str]) -> None:
    """Exit 2 when a path given on the command line does not exist: a typo would otherwise
    commit an empty run and exit 0."""
    from tasks.discover.inputs import missing_inputs

    missing = missing_inputs(inputs)
    if missing:
        for item in missing:
            err.print(f"[red]no such input:[/red] {item}")
        raise typer.Exit(2)


WarehouseOpt = Annotated[
    Path | None, typer.Option("--warehouse", "-w", help="warehouse folder (PRESSROOM_WAREHOUSE)")
]


@app.command()
def ingest(
    inputs: Annotated[list[str] | None, typer.Argument(
        help="files, folders or http(s) URLs (default: the seeds folder)")] = None,
    refresh: Annotated[bool, typer.Option(help="re-fetch URLs already in the warehouse")] = False,
    warehouse: WarehouseOpt = None,
) -> None:
    """Run the ingest flow and print the run summary."""
    settings = _settings(warehouse)
    _require_warehouse(settings.warehouse, write=True)
    _require_inputs(inputs or [])
    _quiet_prefect()
    from flows.ingest import ingest as ingest_flow
    from tasks.common.urls import strip_userinfo

    # Before the flow: Prefect stores a flow's parameters, so credentials never reach it.
    clean = [strip_userinfo(i) for i in inputs or []]
    if clean != list(inputs or []):
        err.print("[yellow]note:[/yellow] user name/password removed from input URL(s): "
                  "pressroom never sends or stores them")
    manifest = ingest_flow(inputs=clean or None, refresh=refresh, settings=settings)
    print_summary(manifest, settings.warehouse)


@app.command()
def reprocess(
    run: Annotated[list[str] | None, typer.Option(
        "--run", help="only pages fetched by these runs (default: the whole archive)")] = None,
    warehouse: WarehouseOpt = None,
) -> None:
    """Re-extract archived pages from warehouse/raw/ WARC files, without the network."""
    settings = _settings(warehouse)
    _require_warehouse(settings.warehouse, write=True)
    _quiet_prefect()
    from flows.reprocess import reprocess as reprocess_flow

    manifest = reprocess_flow(run_ids=run or None, settings=settings)
    print_summary(manifest, settings.warehouse)


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

    root = _settings(warehouse).warehouse
    _require_warehouse(root, write=False)
    con = _open_views(root)
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


def _open_views(root: Path):
    """A read-only connection to the warehouse's views. A fresh warehouse (no
    pressroom.duckdb yet) gets them built once, however many readers start at the same
    time; one we cannot write to gets them in memory, for this query only."""
    import duckdb

    from tasks.storage.report import DB_NAME, connect_views, create_views, ensure_views

    try:
        return connect_views(ensure_views(root))  # an empty warehouse answers, with empty tables
    except (OSError, duckdb.IOException):
        if (root / DB_NAME).exists():
            raise
    con = duckdb.connect()
    create_views(con, root)
    return con


def _cell(value, width: int) -> str:
    s = str(value)
    return s if len(s) <= width else s[: width - 1] + "…"


@app.command()
def runs(
    limit: Annotated[int, typer.Option(help="how many recent runs")] = 10,
    warehouse: WarehouseOpt = None,
) -> None:
    """Recent runs and their counts, from the run manifests."""
    from tasks.storage.warehouse import manifests

    root = _settings(warehouse).warehouse
    _require_warehouse(root, write=False)
    found = manifests(root)[-limit:]
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
def report(warehouse: WarehouseOpt = None) -> None:
    """Rebuild the DuckDB views, run the data tests, write the HTML report.

    No run: for after moving the warehouse, or to refresh reports/latest.html."""
    from tasks.storage.report import build_views, run_data_tests, write_html_report
    from tasks.storage.warehouse import manifests

    root = _settings(warehouse).warehouse
    _require_warehouse(root, write=True)
    found = manifests(root)
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
