"""Report: the DuckDB file with views over the committed Parquet, data tests, and the
run summary people read."""

from __future__ import annotations

import os
import secrets
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from schemas import TABLES, data_tests, views
from tasks.storage.warehouse import MANIFESTS, committed_files

DB_NAME = "pressroom.duckdb"


@dataclass
class ReportResult:
    database: Path
    data_tests: dict[str, int]  # failing-row count per data test
    html: Path

# Views name Parquet files relative to the warehouse root, through this macro: a copied or
# moved warehouse reads its own files, never the original's. Our readers set the variable
# to the database's folder (connect_views); another DuckDB client either sets it
# (SET VARIABLE pressroom_root = '/path/to/warehouse') or runs in the warehouse folder,
# where the bare relative paths resolve.
ROOT_VARIABLE = "pressroom_root"
PATH_MACRO = (f"CREATE OR REPLACE MACRO pressroom_path(f) AS "
              f"coalesce(getvariable('{ROOT_VARIABLE}') || '/', '') || f")


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _sql_list(paths: list[str]) -> str:
    return "[" + ", ".join(f"pressroom_path({_sql_str(p)})" for p in paths) + "]"


def relative_files(root: Path, table: str) -> list[str]:
    """The table's committed files as paths relative to the warehouse root ('/'-separated,
    as DuckDB reads them)."""
    base = root.resolve()
    return [f.relative_to(base).as_posix() for f in committed_files(root, table)]


def base_view_sql(root: Path, table: str) -> str:
    """A view with exactly the declared columns (an empty typed table unioned by name with
    the committed files), so older files missing new columns still read."""
    files = relative_files(root, table)
    empty = f"_empty_{table}"
    if not files:
        return f"CREATE OR REPLACE VIEW {table} AS SELECT * FROM {empty}"
    return (
        f"CREATE OR REPLACE VIEW {table} AS SELECT * FROM {empty} UNION ALL BY NAME "
        f"SELECT * FROM read_parquet({_sql_list(files)}, union_by_name = true)"
    )


# The manifest's columns, declared (not inferred): keys a manifest lacks read as NULL.
MANIFEST_COLUMNS = """{run_id: 'VARCHAR', started_at: 'VARCHAR', finished_at: 'VARCHAR',
    status: 'VARCHAR', schema_version: 'INTEGER',
    totals: 'STRUCT(inputs BIGINT, kept BIGINT, rejected BIGINT, failed BIGINT,
                    skipped BIGINT)',
    stages: 'JSON', rows: 'JSON', inputs_given: 'JSON', notes: 'JSON'}"""


def runs_view_sql(root: Path) -> str:
    folder = root / MANIFESTS
    if not any(folder.glob("*.json")):
        return ("CREATE OR REPLACE VIEW runs AS SELECT NULL::VARCHAR AS run_id, "
                "NULL::TIMESTAMPTZ AS started_at, NULL::TIMESTAMPTZ AS finished_at, "
                "NULL::VARCHAR AS status, NULL::BIGINT AS inputs, NULL::BIGINT AS kept, "
                "NULL::BIGINT AS rejected, NULL::BIGINT AS failed, NULL::BIGINT AS skipped "
                "WHERE false")
    pattern = f"pressroom_path({_sql_str(MANIFESTS + '/*.json')})"
    return f"""CREATE OR REPLACE VIEW runs AS
        SELECT run_id, CAST(started_at AS TIMESTAMPTZ) AS started_at,
               CAST(finished_at AS TIMESTAMPTZ) AS finished_at, status,
               totals.inputs AS inputs, totals.kept AS kept, totals.rejected AS rejected,
               totals.failed AS failed, totals.skipped AS skipped, schema_version,
               stages, rows, inputs_given, notes
        FROM read_json({pattern}, format = 'unstructured', columns = {MANIFEST_COLUMNS})
        ORDER BY started_at"""


def anchor(con: duckdb.DuckDBPyConnection, root: Path) -> duckdb.DuckDBPyConnection:
    """Make the views' relative paths resolve under `root` on this connection."""
    con.execute(f"SET VARIABLE {ROOT_VARIABLE} = {_sql_str(str(root.resolve()))}")
    return con


def create_views(con: duckdb.DuckDBPyConnection, root: Path) -> None:
    """Typed empty tables, base views over committed Parquet, the runs view and the derived
    views of schemas/views/ (in file order), on any connection (a file or in memory)."""
    anchor(con, root)
    con.execute(PATH_MACRO)
    for name, schema in TABLES.items():
        con.register("_arrow_empty", schema.empty_table())
        con.execute(f"CREATE OR REPLACE TABLE _empty_{name} AS SELECT * FROM _arrow_empty")
        con.unregister("_arrow_empty")
        con.execute(base_view_sql(root, name))
    con.execute(runs_view_sql(root))
    for _name, sql in views():  # in file order: a view may build on earlier ones
        con.execute(sql)


def connect_views(db: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to pressroom.duckdb whose views read the Parquet files next
    to it (read-only: any number of readers, and never a lock on the file)."""
    return anchor(duckdb.connect(str(db), read_only=True), db.parent)


@contextmanager
def _build_lock(root: Path):
    """One builder of pressroom.duckdb at a time, across processes: the last to take the
    lock reads the newest manifests, so an older build never replaces a newer one."""
    import fcntl

    with open(root / f".{DB_NAME}.lock", "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _build(root: Path) -> Path:
    """Build into a temporary file of this builder's own (pid + random: two builders never
    share one) and rename it into place, so a reader never opens a half-built database.
    Called under the build lock, so any other temporary file is a dead builder's."""
    db = root / DB_NAME
    for stale in root.glob(f"{DB_NAME}.*.tmp*"):
        stale.unlink(missing_ok=True)
    tmp = root / f"{DB_NAME}.{os.getpid()}-{secrets.token_hex(4)}.tmp"
    try:
        con = duckdb.connect(str(tmp))
        try:
            create_views(con, root)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp, db)
    finally:
        for leftover in (tmp, Path(str(tmp) + ".wal")):
            leftover.unlink(missing_ok=True)
    return db


def build_views(root: Path) -> Path:
    """(Re)create pressroom.duckdb from the committed manifests (create_views)."""
    root.mkdir(parents=True, exist_ok=True)
    with _build_lock(root):
        return _build(root)


def ensure_views(root: Path) -> Path:
    """pressroom.duckdb, built only if it is missing: concurrent readers of a fresh
    warehouse wait for one build instead of each starting their own."""
    db = root / DB_NAME
    if db.exists():
        return db
    root.mkdir(parents=True, exist_ok=True)
    with _build_lock(root):
        return db if db.exists() else _build(root)


def run_data_tests(db: Path) -> dict[str, int]:
    """Run every data test (schemas/data_tests/); returns failing-row counts by test name
    (0 = pass)."""
    con = connect_views(db)
    try:
        return {name: len(con.execute(sql).fetchall()) for name, sql in data_tests()}
    finally:
        con.close()


# Sections of the HTML run report: title -> SQL over the views.
REPORT_SECTIONS = {
    "Runs": """SELECT run_id, strftime(finished_at, '%Y-%m-%d %H:%M:%S') AS finished_utc,
               inputs, kept, rejected, failed, skipped
               FROM runs ORDER BY started_at DESC LIMIT 20""",
    "Rejects by stage and reason": """SELECT stage, reason, count(*) AS records
               FROM rejects GROUP BY ALL ORDER BY records DESC LIMIT 30""",
    "Fetch health by host": "SELECT * FROM fetch_health ORDER BY attempts DESC LIMIT 30",
    "Extraction health by domain": """SELECT * FROM extraction_health
               ORDER BY kept + rejected DESC LIMIT 30""",
    "Articles per day and source": """SELECT * FROM daily_counts
               ORDER BY day DESC NULLS LAST, articles DESC LIMIT 30""",
    "Latest articles": """SELECT coalesce(published_at, fetched_at) AS seen_at, domain, title,
               word_count, language FROM articles ORDER BY run_id DESC, seen_at DESC LIMIT 25""",
}


def _html_table(columns: list[str], rows: list[tuple]) -> str:
    from html import escape

    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape('' if v is None else str(v))}</td>" for v in r) + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def report_sections(db: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    con = connect_views(db)
    try:
        out = {}
        for title, sql in REPORT_SECTIONS.items():
            cur = con.execute(sql)
            out[title] = ([d[0] for d in cur.description], cur.fetchall())
        return out
    finally:
        con.close()


def write_html_report(root: Path, db: Path, run_id: str) -> Path:
    """A static HTML page for people: the run's counts and the warehouse's health.
    Written atomically as reports/<run_id>.html and copied to reports/latest.html."""
    from html import escape

    sections = report_sections(db)
    parts = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'>",
        f"<title>pressroom run {escape(run_id)}</title><style>",
        "body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;"
        "margin-bottom:2em}td,th{border:1px solid #ccc;padding:4px 8px;font-size:13px;"
        "text-align:left}th{background:#f0f0f0}",
        f"</style></head><body><h1>pressroom — run {escape(run_id)}</h1>",
    ]
    for title, (columns, rows) in sections.items():
        parts.append(f"<h2>{escape(title)}</h2>")
        parts.append(_html_table(columns, rows) if rows else "<p>none</p>")
    parts.append("</body></html>")
    folder = root / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    html = "\n".join(parts).encode("utf-8")
    for name in (f"{run_id}.html", "latest.html"):
        tmp = folder / (name + ".tmp")
        tmp.write_bytes(html)
        os.replace(tmp, folder / name)
    return folder / f"{run_id}.html"


def markdown_summary(manifest: dict) -> str:
    """The run summary as Markdown, for a Prefect artifact."""
    lines = [f"# pressroom run {manifest['run_id']}", "",
             "| stage | received | passed | rejected | failed | skipped |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for s in manifest["stages"]:
        lines.append(f"| {s['stage']} | {s['received']} | {s['passed']} | {s['rejected']} | "
                     f"{s['failed']} | {s['skipped']} |")
    t = manifest["totals"]
    lines += ["", f"inputs {t['inputs']} = kept {t['kept']} + rejected {t['rejected']} + "
                  f"failed {t['failed']} + skipped {t['skipped']}"]
    lines += [f"- note: {n}" for n in manifest.get("notes", [])]
    return "\n".join(lines)
