"""Report: the DuckDB file with views over the committed Parquet, data tests, and the
run summary people read."""

from __future__ import annotations

import os
import re
import secrets
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

import duckdb
import pyarrow as pa

from schemas import SCHEMA_VERSION, TABLES, data_tests, views
from tasks.common.crashpoints import crash_point
from tasks.common.location import output_destination
from tasks.storage import report_html
from tasks.storage.interrupts import interruptible
from tasks.storage.warehouse import (
    MANIFESTS,
    cast_files,
    cast_select,
    commit_names,
    committed_files,
    file_problems,
    glob_literal,
    listed_files,
    named_files,
)

DB_NAME = "pressroom.duckdb"
FILE_PROBLEMS = pa.schema([pa.field("table_name", pa.string()), pa.field("file", pa.string()),
                           pa.field("problem", pa.string()), pa.field("detail", pa.string())])
# Committed files read through a cast to the declared types (another tool rewrote them
# with equivalent ones), for the note `pressroom sql` gives.
FILE_CASTS = pa.schema([pa.field("table_name", pa.string()), pa.field("file", pa.string()),
                        pa.field("detail", pa.string())])


# Views name Parquet files relative to the warehouse root, through this macro: a copied or
# moved warehouse reads its own files, never the original's. Our readers set the variable
# to the database's folder (connect_views); another DuckDB client either sets it
# (SET VARIABLE pressroom_root = '/path/to/warehouse') or runs in the warehouse folder,
# where the bare relative paths resolve.
ROOT_VARIABLE = "pressroom_root"
PATH_MACRO = (f"CREATE OR REPLACE MACRO pressroom_path(f) AS "
              f"coalesce(getvariable('{ROOT_VARIABLE}') || '/', '') || f")
# The same for a glob pattern under the root: the root's own glob characters match only
# themselves (`[` as `[[]`, `*` as `[*]`, `?` as `[?]`). A file path that exists is read
# as it is, but a pattern is expanded: under a warehouse in `news [2026]/` the runs view's
# pattern matched nothing (every query "IO Error: No files found"), and under `star*q?/`
# it read a sibling `starXq!/`'s manifests too (fault round 38).
GLOB_MACRO = (f"CREATE OR REPLACE MACRO pressroom_glob(f) AS "
              f"coalesce(regexp_replace(getvariable('{ROOT_VARIABLE}'), '([\\[*?])', "
              f"'[\\1]', 'g') || '/', '') || f")


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _sql_list(paths: list[str]) -> str:
    # patterns of exactly these files under the root, wherever it is (GLOB_MACRO)
    return "[" + ", ".join(f"pressroom_glob({_sql_str(glob_literal(p))})" for p in paths) + "]"


def relative_files(root: Path, table: str) -> list[str]:
    """The table's committed files as paths relative to the warehouse root ('/'-separated,
    as DuckDB reads them)."""
    base = root.resolve()
    return [f.relative_to(base).as_posix() for f in committed_files(root, table)]


def base_view_sql(root: Path, table: str) -> str:
    """A view with exactly the declared columns (an empty typed table unioned by name with
    the committed files), so older files missing new columns still read. Files that do
    not read as declared are left out (the `file_problems` table names them); those of
    equivalent types are read cast to the declared ones (the `file_casts` table names
    them)."""
    files = relative_files(root, table)
    empty = f"_empty_{table}"
    # a file another tool rewrote with equivalent types: read on its own, cast
    casts = {rel: cast_select(root / rel, table) for rel in files}
    plain = [rel for rel in files if casts[rel] is None]
    parts = [f"SELECT * FROM {empty}"]
    if plain:
        parts.append(f"SELECT * FROM read_parquet({_sql_list(plain)}, union_by_name = true)")
    parts += [f"SELECT {casts[rel]} FROM read_parquet({_sql_list([rel])})"
              for rel in files if casts[rel] is not None]
    return f"CREATE OR REPLACE VIEW {table} AS " + " UNION ALL BY NAME ".join(parts)


# The manifest's columns, declared (not inferred): keys a manifest lacks read as NULL.
MANIFEST_COLUMNS = """{run_id: 'VARCHAR', started_at: 'VARCHAR', finished_at: 'VARCHAR',
    status: 'VARCHAR', schema_version: 'INTEGER',
    totals: 'STRUCT(inputs BIGINT, kept BIGINT, rejected BIGINT, failed BIGINT,
                    skipped BIGINT)',
    stages: 'JSON', rows: 'JSON', inputs_given: 'JSON', notes: 'JSON', kind: 'VARCHAR',
    commits: 'JSON'}"""


# The commit manifests, not hidden files beside them (`warehouse.manifests` passes them
# over): a `._<name>.json` macOS writes beside a manifest it copies failed every query of
# the runs view ("Malformed JSON"), the run's data tests and report with it (round 20).
MANIFEST_GLOB = "[!.]*.json"


def runs_view_sql(root: Path) -> str:
    folder = root / MANIFESTS
    if not any(folder.glob(MANIFEST_GLOB)):
        return ("CREATE OR REPLACE VIEW runs AS SELECT NULL::VARCHAR AS run_id, "
                "NULL::TIMESTAMPTZ AS started_at, NULL::TIMESTAMPTZ AS finished_at, "
                "NULL::VARCHAR AS status, NULL::BIGINT AS inputs, NULL::BIGINT AS kept, "
                "NULL::BIGINT AS rejected, NULL::BIGINT AS failed, NULL::BIGINT AS skipped "
                "WHERE false")
    pattern = f"pressroom_glob({_sql_str(MANIFESTS + '/' + MANIFEST_GLOB)})"
    # TRY_CAST: a start or end edited into text that is no time ("yesterday") is NULL for
    # that run; CAST failed every query of the view, the data tests and report with it
    return f"""CREATE OR REPLACE VIEW runs AS
        SELECT run_id, TRY_CAST(started_at AS TIMESTAMPTZ) AS started_at,
               TRY_CAST(finished_at AS TIMESTAMPTZ) AS finished_at, status,
               totals.inputs AS inputs, totals.kept AS kept, totals.rejected AS rejected,
               totals.failed AS failed, totals.skipped AS skipped, schema_version,
               stages, rows, inputs_given, notes, commits
        FROM read_json({pattern}, format = 'unstructured', columns = {MANIFEST_COLUMNS})
        WHERE coalesce(kind, 'run') = 'run'  -- batch commits are parts of a run
        ORDER BY started_at"""


def anchor(con: duckdb.DuckDBPyConnection, root: Path) -> duckdb.DuckDBPyConnection:
    """Make the views' relative paths resolve under `root` on this connection."""
    con.execute(f"SET VARIABLE {ROOT_VARIABLE} = {_sql_str(str(root.resolve()))}")
    return con


def anchored_cursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A cursor of `con` (a connection of its own to the same database: the one a query
    runs on in `interrupts.interruptible`, which Ctrl-C can interrupt) whose views read
    the same files: the root is a variable of the connection, not of the database, and
    a bare cursor's views found no file ("No files found ... articles/...")."""
    cur = con.cursor()
    root = con.execute(f"SELECT getvariable('{ROOT_VARIABLE}')").fetchone()[0]
    if root is not None:
        cur.execute(f"SET VARIABLE {ROOT_VARIABLE} = {_sql_str(root)}")
    return cur


def create_views(con: duckdb.DuckDBPyConnection, root: Path) -> None:
    """Typed empty tables, base views over committed Parquet, the runs view, the
    file_problems table and the derived views of schemas/views/ (in file order), on any
    connection (a file or in memory)."""
    anchor(con, root)
    con.execute(PATH_MACRO)
    con.execute(GLOB_MACRO)
    # Committed files that are gone, torn or foreign: a table, so a data test fails
    # naming them while the views answer for the rest.
    con.register("_problems", pa.Table.from_pylist(file_problems(root), schema=FILE_PROBLEMS))
    con.execute("CREATE OR REPLACE TABLE file_problems AS SELECT * FROM _problems")
    con.unregister("_problems")
    con.register("_casts", pa.Table.from_pylist(cast_files(root), schema=FILE_CASTS))
    con.execute("CREATE OR REPLACE TABLE file_casts AS SELECT * FROM _casts")
    con.unregister("_casts")
    for name, schema in TABLES.items():
        con.register("_arrow_empty", schema.empty_table())
        con.execute(f"CREATE OR REPLACE TABLE _empty_{name} AS SELECT * FROM _arrow_empty")
        con.unregister("_arrow_empty")
        con.execute(base_view_sql(root, name))
    con.execute(runs_view_sql(root))
    for _name, sql in views():  # in file order: a view may build on earlier ones
        con.execute(sql)


def file_notes(con: duckdb.DuckDBPyConnection, most: int = 5) -> list[str]:
    """Sentences about the committed files a views connection reads through a cast, or
    leaves out (file_problems), for the person querying: a file left out was named only
    in file_problems and the report, so `pressroom sql` counted none of its rows without
    a word (fault round 38). A database built before these tables has none to tell."""
    notes = []
    for table, verb in (("file_casts", "read through a cast to the declared types "
                                       "(written by another tool with equivalent ones)"),
                        ("file_problems", "LEFT OUT of every view, its rows not counted")):
        try:
            rows = con.execute(f"SELECT table_name, file, detail FROM {table} "
                               "ORDER BY file").fetchall()
        except duckdb.Error:
            continue
        if rows:
            named = named_files([(f, d) for _, f, d in rows], most, f" (table {table})")
            notes.append(f"{len(rows)} committed file(s) {verb}: {named}")
    return notes


def connect_views(db: Path, root: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to pressroom.duckdb whose views read the Parquet files next
    to it, or under `root` when the database was built elsewhere (a report's, for a
    warehouse it cannot write) (read-only: any number of readers, never a lock on it)."""
    return anchor(duckdb.connect(str(db), read_only=True), root or db.parent)


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


# The table of a views database naming the commits (manifest file names) it was built
# from, so a reader can tell a database older than the warehouse's commits (views_current).
BUILT_FROM = "_views_built_from"
# The table naming the definitions it was built with (views_fingerprint): a database an
# earlier pressroom built from the same commits held that version's views, so after an
# upgrade `pressroom sql` answered with the old definitions (a view added since, e.g.
# `stories`, "does not exist") until the next run (fault round 38).
BUILT_WITH = "_views_built_with"


CAST_READS = "files of equivalent types read cast (file_casts)"
# The committed files the views read, as they were when it was built (size, mtime): a
# file deleted, cut short or rewritten in place since (a restore that missed it, a disk
# error, another tool's rewrite) left a database that was current by its commits, so
# every `pressroom sql` over the table failed on DuckDB's "IO Error: No files found ..."
# or "No magic bytes found at end of file ..." until the next run, and the file was
# named nowhere (fault round 40). Such a database is built again: the file is then
# left out and named in file_problems, or read through its cast.
BUILT_ON = "_views_built_on"


def _file_state(root: Path, rel: str) -> tuple[int, int]:
    try:
        st = (root / rel).stat()
    except OSError:
        return -1, -1
    return st.st_size, st.st_mtime_ns


def files_state(root: Path) -> pa.Table:
    """(file, size, mtime_ns) of every committed file the views read; -1 for a missing
    one."""
    rels = [rel for files in listed_files(root).values() for rel in files]
    states = [_file_state(root, rel) for rel in rels]
    return pa.table({"file": pa.array(rels, pa.string()),
                     "size": pa.array([s for s, _ in states], pa.int64()),
                     "mtime_ns": pa.array([m for _, m in states], pa.int64())})


def _files_unchanged(con: duckdb.DuckDBPyConnection, root: Path) -> bool:
    rows = con.execute(f"SELECT file, size, mtime_ns FROM {BUILT_ON}").fetchall()
    return all(_file_state(root, rel) == (size, mtime) for rel, size, mtime in rows)


def views_fingerprint() -> str:
    """A digest of everything a views database is built from besides the commits: the
    declared tables, the views of schemas/views/, the path macros and the runs view's
    columns. Another pressroom's database of the same commits differs in it."""
    import hashlib

    # (CAST_READS: since fault round 39 a file of another tool's equivalent types is read
    # through a cast, no longer left out; a database built before is built again)
    parts = [str(SCHEMA_VERSION), CAST_READS, PATH_MACRO, GLOB_MACRO, MANIFEST_COLUMNS,
             MANIFEST_GLOB,
             *(f"{name}\n{schema}" for name, schema in TABLES.items()),
             *(f"{name}\n{sql}" for name, sql in views())]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:16]


def _build(root: Path, folder: Path | None = None) -> Path:
    """Build into a temporary file of this builder's own (pid + random: two builders never
    share one) and rename it into place, so a reader never opens a half-built database.
    Called under the build lock, so any other temporary file is a dead builder's. Built
    in `folder` (its views reading `root`'s files) when the warehouse cannot be written."""
    folder = folder or root
    db = folder / DB_NAME
    for stale in folder.glob(f"{DB_NAME}.*.tmp*"):
        stale.unlink(missing_ok=True)
    tmp = folder / f"{DB_NAME}.{os.getpid()}-{secrets.token_hex(4)}.tmp"
    # listed before the views read the manifests: a commit landing during the build makes
    # the database look older than it is (built again by the next reader), never newer
    built_from = pa.table({"manifest": pa.array(commit_names(root), pa.string())})
    built_on = files_state(root)
    try:
        con = duckdb.connect(str(tmp))
        try:
            create_views(con, root)
            con.register("_built_from", built_from)
            con.execute(f"CREATE OR REPLACE TABLE {BUILT_FROM} AS SELECT * FROM _built_from")
            con.unregister("_built_from")
            con.register("_built_on", built_on)
            con.execute(f"CREATE OR REPLACE TABLE {BUILT_ON} AS SELECT * FROM _built_on")
            con.unregister("_built_on")
            con.execute(f"CREATE OR REPLACE TABLE {BUILT_WITH} AS SELECT "
                        f"{_sql_str(views_fingerprint())} AS fingerprint")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        crash_point("views-built")  # readers still see the previous database
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


def views_current(db: Path, root: Path) -> bool:
    """Whether the views database exists and was built from every commit the warehouse
    holds now (no fewer, no more), over its files as they are now (`BUILT_ON`), with
    this pressroom's definitions (views_fingerprint).
    A database of an earlier pressroom, which records neither, is not. Raises
    duckdb.Error when DuckDB cannot open it (damaged, foreign)."""
    if not db.exists():
        return False
    con = duckdb.connect(str(db), read_only=True)
    try:
        return _built_from_every_commit(con, root)
    finally:
        con.close()


def _built_from_every_commit(con: duckdb.DuckDBPyConnection, root: Path) -> bool:
    try:
        built = [name for (name,) in con.execute(f"SELECT manifest FROM {BUILT_FROM}").fetchall()]
        made_with = con.execute(f"SELECT fingerprint FROM {BUILT_WITH}").fetchall()
        return made_with == [(views_fingerprint(),)] and sorted(built) == commit_names(
            root) and _files_unchanged(con, root)
    except duckdb.CatalogException:  # built by an earlier pressroom, which recorded less
        return False


def ensure_views(root: Path) -> Path:
    """pressroom.duckdb, built when it is missing or older than the warehouse's commits:
    concurrent readers wait for one build instead of each starting their own.

    Views are built at the end of a run, a compaction or a report. Built only when
    missing, they answered from the commits of their last build (fault round 34): the
    batch commits of a run still going, killed or failed were left out of `pressroom
    sql` (while `runs` and `search` showed them), and a commit whose files replaced
    others (a compaction killed before its views build, then the next one deleting
    what the first replaced; a takedown in a warehouse whose one run never finished)
    left views naming deleted files, every query an "IO Error: No files found"."""
    db = root / DB_NAME
    if views_current(db, root):
        return db
    root.mkdir(parents=True, exist_ok=True)
    with _build_lock(root):
        return db if views_current(db, root) else _build(root)


def _opens(db: Path) -> bool:
    try:
        duckdb.connect(str(db), read_only=True).close()
    except duckdb.Error:
        return False
    return True


def open_views(root: Path) -> tuple[duckdb.DuckDBPyConnection, str | None]:
    """(a read-only connection to the warehouse's views, a note for the person asking or
    None), for queries (`pressroom sql`). A fresh warehouse gets pressroom.duckdb built
    once, however many readers start at the same time; one we cannot write to gets the
    views in memory, for this connection only.

    A pressroom.duckdb that DuckDB cannot open (damaged on disk, cut short by a copy,
    foreign, written by another DuckDB storage version) used to end every query with a
    traceback ("IOException: ... is not a valid DuckDB database file"). It holds views
    only: every row is in the committed Parquet files, so it is built again (in memory
    when the folder cannot be written) and the note says so."""
    db = root / DB_NAME
    try:
        if db.exists():  # the usual case, current: checked on the connection returned
            con = connect_views(db)
            if _built_from_every_commit(con, root):
                return con, None
            con.close()
        return connect_views(ensure_views(root)), None
    except (OSError, duckdb.Error) as exc:
        if not db.exists() or _opens(db):
            # missing, or whole but older than the commits, and no way to build it here
            # (a read-only folder): the views of every commit, in memory
            return _views_in_memory(root), None
        why = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:300]
    try:
        rebuilt = build_views(root)
        return connect_views(rebuilt), (f"{db} could not be opened ({why}); it holds views "
                                        "only, and was built again from the committed files")
    except (OSError, duckdb.Error):
        return _views_in_memory(root), (f"{db} could not be opened ({why}) nor built again "
                                        "here; the views were built in memory for this "
                                        "query (run `pressroom report` where the warehouse "
                                        "can be written to mend it)")


@dataclass(frozen=True)
class QueryStatement:
    """One statement of a query as DuckDB's parser splits it."""

    kind: str  # DuckDB's statement type: SELECT (SHOW, FROM t, ...), SET, PRAGMA, ...;
    # "" for a type the Python binding has no name for (UPDATE EXTENSIONS)
    text: str  # as written, with its `;` and the whitespace before it
    # why `kind` is "": the binding's error reading the type ("29 is not a valid
    # StatementType."), quoted by `query_refusal`
    unnamed: str = ""


def _statement(parsed: duckdb.Statement) -> QueryStatement:
    # (the binding raises ValueError when the type is read, not in extract_statements:
    # the statement is kept, with the error, so that the one split serves the refusal)
    try:
        return QueryStatement(parsed.type.name, parsed.query)
    except ValueError as exc:
        return QueryStatement("", parsed.query, str(exc))


# Statements `pressroom sql` does not run, by DuckDB's own parse of the query (never a
# pattern over its text), and why. The connection is read-only for the database, not for
# the filesystem: COPY ... TO wrote the file, EXPORT DATABASE a folder of CSV files, and
# INSTALL downloads into ~/.duckdb. Reading files (read_csv, read_parquet) stays allowed:
# the views themselves read the warehouse's Parquet files.
_NOT_QUERIES = {
    "COPY": "COPY writes a file (or loads one into a table)",
    "EXPORT": "EXPORT DATABASE writes a folder of files",
    "COPY_DATABASE": "COPY FROM DATABASE writes a database",
    "ATTACH": "ATTACH opens, and may create, a database file",
    "DETACH": "DETACH closes a database ATTACH opened",
    "LOAD": "INSTALL and LOAD download or run DuckDB extensions",
    "EXTENSION": "extension statements run a DuckDB extension's code",
}
QUERY_ONLY_HINT = ("pressroom sql only queries; to save rows, write them with -f csv or "
                   "-f json and redirect the output (pressroom sql -f csv \"SELECT ...\" "
                   "> rows.csv)")


def query_refusal(statements: list[QueryStatement]) -> str | None:
    """Why `pressroom sql` refuses the query of `statements` (its `query_statements`): a
    statement that writes files or runs extensions (see _NOT_QUERIES) or one of a type
    the Python binding has no name for; None to run it. A query DuckDB cannot parse (no
    statements) is None too: running it gives DuckDB's own syntax error."""
    # (an unnamed statement is refused first, wherever it stands: when the query was
    # parsed apart from its statements, its error ended the parse before any was read)
    unnamed = next((st.unnamed for st in statements if st.unnamed), None)
    if unnamed:
        return (f"the query holds a statement pressroom sql does not run "
                f"(UPDATE EXTENSIONS or the like: {unnamed}); {QUERY_ONLY_HINT}")
    for statement in statements:
        why = _NOT_QUERIES.get(statement.kind)
        if why:
            text = " ".join(statement.text.split()).rstrip("; ")
            text = text if len(text) <= 60 else text[:59] + "…"
            return f"{why}: {text!r}; {QUERY_ONLY_HINT}"
        wrapped = _WRAPPER.match(statement.text) if statement.kind in (
            "PREPARE", "EXPLAIN") else None
        if wrapped:  # the statement PREPARE names or EXPLAIN ANALYZE runs
            inner = query_refusal(query_statements(statement.text[wrapped.end():]))
            if inner:
                return inner
    return None


# DuckDB answers a query that needs an extension it does not have (https:// or s3:// files
# need httpfs, st_read spatial) with its advice to run INSTALL, which `pressroom sql`
# refuses (it downloads code) and which could not reach the internet anyway (fault round
# 54). Its advice is replaced by what is so; the first line of its error is kept.
_INSTALL_ADVICE = re.compile(
    r"""(?:Install it first using "INSTALL (?P<first>\w+)"\.?|Please try installing and """
    r"""loading the (?P<try>\w+) extension:\s*INSTALL \w+;\s*LOAD \w+;)\s*""")


def extension_advice_replaced(message: str) -> str:
    """DuckDB's error `message`, its advice to INSTALL an extension replaced by why that
    cannot be done here; the message as it is when it gives no such advice."""
    found = _INSTALL_ADVICE.search(message)
    if not found:
        return message
    name = found["first"] or found["try"]
    said = message[:found.start()].rstrip()
    return (f"{said}\nThe query needs DuckDB's {name} extension, which is not installed "
            f"with pressroom, and pressroom sql installs none (INSTALL downloads code from the "
            f"internet: it is refused). Query the warehouse's "
            f"tables and local files instead.\n{message[found.end():]}").rstrip()


# `PREPARE p AS COPY ... TO 'f'; EXECUTE p` and `EXPLAIN ANALYZE COPY ... TO 'f'` wrote the
# file: DuckDB types those statements PREPARE and EXPLAIN, whatever they hold (fault round
# 44). The wrapper's words (a name, parameter types, EXPLAIN's options, comments between)
# are skipped and what follows is read as a query of its own.
_GAP = r"(?:\s|/\*.*?\*/|--[^\n]*(?:\n|$))*"
_WRAPPER = re.compile(
    rf"{_GAP}(?:PREPARE{_GAP}(?:\"[^\"]*\"|\w+){_GAP}(?:\([^)]*\){_GAP})?AS\b"
    rf"|EXPLAIN(?:{_GAP}\([^)]*\)|{_GAP}ANALY[SZ]E\b)*)",
    re.IGNORECASE | re.DOTALL)


# Settings a query may open with: how much of the machine it uses and how it shows
# times and orders rows. They change no file and reach nothing outside the connection,
# so `SET threads = 1; SELECT ...` (a query beside another job) is run, where the lock
# refused every SET alike. Others (log_query_path, profiling_output, temp_directory,
# extension_directory, ...) stay refused: they write files.
QUERY_SETTINGS = frozenset({
    "threads", "worker_threads", "memory_limit", "max_memory", "timezone",
    "default_order", "default_null_order", "preserve_insertion_order"})
_SETTING_NAME = re.compile(
    r"^\s*(?:SET|RESET|PRAGMA)\s+(?:(?:GLOBAL|SESSION|LOCAL)\s+)?\"?(\w+)", re.IGNORECASE)


def query_statements(query: str) -> list[QueryStatement]:
    """The statements of `query`, by DuckDB's own split: one parse for `query_refusal`,
    `split_query_settings` and `unshown_statements`. Empty when DuckDB cannot split it
    (its syntax error comes from running it as written). A statement of a type the
    Python binding has no name for has the kind "" (`query_refusal` refuses it)."""
    try:
        return [_statement(st) for st in duckdb.extract_statements(query)]
    except duckdb.Error:
        return []


def split_query_settings(statements: list[QueryStatement]) -> tuple[list[str], list[str]]:
    """(the QUERY_SETTINGS statements a query opens with, the statements after them), of
    its `query_statements`; ([], []) when DuckDB could not split it."""
    settings = 0
    while settings < len(statements) and statements[settings].kind == "SET":
        name = _SETTING_NAME.match(statements[settings].text)
        if not name or name[1].lower() not in QUERY_SETTINGS:
            break
        settings += 1
    texts = [st.text for st in statements]
    return texts[:settings], texts[settings:]


# Statement kinds that answer with rows (SHOW, DESCRIBE, SUMMARIZE, VALUES and FROM-first
# queries are SELECTs to DuckDB's parser).
_ROW_KINDS = frozenset({"SELECT", "EXPLAIN", "PRAGMA", "CALL"})


def unshown_statements(statements: list[QueryStatement]) -> list[str]:
    """The statements of a query (its `query_statements`), before its last, whose rows no
    one would see: DuckDB runs every statement of a query and answers with the last one's
    rows only, so `pressroom sql "SELECT count(*) FROM articles; SELECT count(*) FROM
    rejects"` showed one count as if it were the only answer (fault round 48). Empty when
    DuckDB could not split the query (its error comes from running it)."""
    return [st.text.strip().rstrip(";").strip() for st in statements[:-1]
            if st.kind in _ROW_KINDS]


def lock_for_queries(con: duckdb.DuckDBPyConnection,
                     settings: list[str] = ()) -> duckdb.DuckDBPyConnection:
    """The connection `pressroom sql` runs a query on: the query's opening QUERY_SETTINGS
    applied (`split_query_settings`), then no extension installed behind the query's
    back (autoinstall), and no setting changed by it (lock_configuration: SET
    log_query_path or PRAGMA enable_profiling made later statements write files). SET
    VARIABLE still works: variables are no configuration. No persistent secret: `CREATE
    PERSISTENT SECRET` wrote a file under ~/.duckdb/stored_secrets, a token kept on disk
    after the query (fault round 44)."""
    for statement in settings:
        con.execute(statement)
    con.execute("SET autoinstall_known_extensions = false")
    con.execute("SET allow_persistent_secrets = false")
    con.execute("SET lock_configuration = true")
    return con


def _views_in_memory(root: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    create_views(con, root)
    return con


def run_data_tests(db: Path) -> dict[str, int]:
    """Run every data test (schemas/data_tests/); returns failing-row counts by test name
    (0 = pass)."""
    con = connect_views(db)
    try:
        return {name: len(con.execute(sql).fetchall()) for name, sql in data_tests()}
    finally:
        con.close()


def data_test_rows(db: Path, limit: int = 50,
                   root: Path | None = None) -> dict[str, tuple[list[str], list[tuple]]]:
    """Every data test's failing rows (columns, up to `limit` rows), by test name (`root`:
    see connect_views)."""
    con = connect_views(db, root)
    try:
        on = anchored_cursor(con)  # (Ctrl-C reaches a long data test: see interruptible)
        out = {}
        for name, sql in data_tests():
            cur = interruptible(on, lambda sql=sql: on.execute(sql))
            out[name] = ([d[0] for d in cur.description],
                         interruptible(on, lambda cur=cur: cur.fetchmany(limit)))
        return out
    finally:
        con.close()


def drift_notes(db: Path, run_id: str, root: Path | None = None) -> list[str]:
    """One note per outlet whose extraction drifted on a published day this run stored
    articles for (so a scheduled run says it on the day of a template change)."""
    con = connect_views(db, root)
    try:
        rows = con.execute("""
            WITH touched AS (SELECT DISTINCT domain,
                                    CAST(timezone('UTC', published_at) AS DATE) AS day
                             FROM articles WHERE run_id = $run_id)
            SELECT d.outlet, d.domain, min(d.day) AS first_day,
                   list(DISTINCT d.measure ORDER BY d.measure) AS measures
            FROM extraction_drift d JOIN touched t USING (domain, day)
            WHERE d.alarm GROUP BY ALL ORDER BY first_day, d.outlet""",
                           {"run_id": run_id}).fetchall()
    finally:
        con.close()
    return [f"extraction drift: {outlet} ({domain}) from {first}: "
            f"{', '.join(measures)} fell against its previous 14 days (template change?)"
            for outlet, domain, first, measures in rows]


@dataclass
class ReportResult:
    database: Path
    data_tests: dict[str, int]  # failing-row count per data test
    html: Path | None  # None: written to a stream (`report --out -`)
    notes: list[str] = field(default_factory=list)  # drift alarms of the run
    sections: dict[str, bool] = field(default_factory=dict)  # section key -> has data


def ranged_report_name(since: date | None, until: date | None) -> str:
    """range-<since>-<until>.html, each end a day (or a timestamp with its colons dropped),
    'start' / 'end' when open."""
    def end(value: date | None, open_end: str) -> str:
        return open_end if value is None else value.isoformat().replace(":", "")
    return f"range-{end(since, 'start')}-{end(until, 'end')}.html"


def write_html_report(root: Path, db: Path, run_id: str, since: date | None = None,
                      until: date | None = None, out: Path | BinaryIO | None = None,
                      test_results: dict | None = None) -> tuple[Path | None, dict[str, bool]]:
    """The self-contained HTML report (report_html.py) of the published days in
    [since, until], written atomically to `out`, or to reports/<run_id>.html and copied
    to reports/latest.html; a report of a range to reports/range-<since>-<until>.html
    alone (it replaced the run's own report and latest.html, fault round 11). `out` may
    be a binary stream (standard output, for `report --out -`): the report goes there,
    and no file is written. Returns the path (None for a stream) and which sections
    hold data."""
    test_results = test_results if test_results is not None else data_test_rows(db, root=root)
    con = connect_views(db, root)
    try:
        # the report's queries run on a cursor of its own, each in a worker thread, so
        # that Ctrl-C reaches a long one (`interruptible`; as `sql`'s since fault round 61)
        page, sections = report_html.render(anchored_cursor(con),
                                            f"pressroom report — run {run_id}", since,
                                            until, test_results)
    finally:
        con.close()
    html = page.encode("utf-8")
    sections_with_data = {s.key: s.has_data for s in sections}
    if out is not None and hasattr(out, "write"):
        out.write(html)
        out.flush()
        return None, sections_with_data
    folder = root / "reports"
    if out is not None:
        destination, in_place = output_destination(out)
        if in_place:  # a pipe or a device: written into, as `>` would (fault round 59)
            with open(destination, "wb") as stream:
                stream.write(html)
            return destination, sections_with_data
        targets = [destination]  # a link followed: the file it names is replaced
    elif since is not None or until is not None:
        targets = [folder / ranged_report_name(since, until)]
    else:
        targets = [folder / f"{run_id}.html", folder / "latest.html"]
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(html)
        os.replace(tmp, target)
    return targets[0], sections_with_data


def build_report(root: Path, run_id: str, since: date | None = None,
                 until: date | None = None, out: Path | BinaryIO | None = None,
                 views_in: Path | None = None) -> ReportResult:
    """Views, data tests, the HTML report and the run's drift notes, in one go. The views
    database is built in `views_in` when given (a temporary folder: the report of a
    warehouse this process cannot write, a read-only mount, written to `out`)."""
    db = build_views(root) if views_in is None else _build(root, views_in)
    results = data_test_rows(db, root=root)
    html, sections = write_html_report(root, db, run_id, since, until, out, results)
    counts = {name: len(rows) for name, (_, rows) in results.items()}
    return ReportResult(db, counts, html, drift_notes(db, run_id, root), sections)


def reconciliation_rows(manifest: dict) -> list[dict]:
    """The run's per-stage counts, for a table artifact."""
    keys = ("stage", "received", "passed", "rejected", "failed", "skipped")
    return [{k: s[k] for k in keys} for s in manifest["stages"]]


def markdown_summary(manifest: dict, data_tests: dict[str, int] | None = None) -> str:
    """The run summary as Markdown, for a Prefect artifact (notes include drift alarms;
    failing data tests are listed)."""
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
    lines += [f"- FAILING data test: {name} ({n} rows)" for name, n in (data_tests or {}).items()
              if n]
    return "\n".join(lines)
