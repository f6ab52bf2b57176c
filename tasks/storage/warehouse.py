"""The warehouse on disk: manifests, the files they commit, and reads of prior state.

Layout under the warehouse root:
    <table>/<run_id>.bNNNNN-<part>.parquet   immutable, one or more per table per batch commit
    <table>/<run_id>-<part>.parquet          the run's own rows (committed with its manifest)
    manifests/<run_id>.bNNNNN.json           a batch commit: its files and counts
    manifests/<run_id>.json                  written last: the run's totals and its commits
    raw/                                     WARC archive of fetched exchanges
    pressroom.duckdb                         views over the committed Parquet files
    _orphans/                                files of commits that died before their manifest
    _staging/<run_id>/                       a running run's scratch files (staged WARC batches)
    .writer.lock                             held by the one run writing (fcntl lock)

Readers (our views, `committed_files`) only see files that a manifest lists, so a commit
is visible entirely or not at all.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path, PurePosixPath

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from schemas import FETCH_LOG, SIGNATURES, TABLES, view_sql
from tasks.common.state import (
    FetchHistory,
    HashedKeys,
    KnownInputs,
    NearRows,
    PriorArticles,
)
from tasks.common.urls import domain_identity

MANIFESTS = "manifests"


def _is_commit_name(name: str) -> bool:
    # A hidden name is never a commit's (ours are `<run_id>[.bNNNNN].json`): macOS
    # writes `._<name>` beside every file it copies to a USB stick or a share, Emacs
    # a `.#<name>` link (to nowhere) while a manifest is open in it. The first was
    # refused as "damaged ... restore it from a backup", the second a
    # FileNotFoundError traceback from every command (round 20).
    return name.endswith(".json") and not name.startswith(".")


def commit_names(root: Path) -> list[str]:
    """The file names of every commit's manifest, sorted: what the warehouse holds, told
    in one listing of a folder (no manifest read)."""
    folder = root / MANIFESTS
    if not folder.is_dir():
        return []
    return sorted(e.name for e in os.scandir(folder) if _is_commit_name(e.name))


def manifests(root: Path) -> list[dict]:
    """Every commit's manifest (batch commits and run manifests), oldest first; a run's
    batches before its run manifest."""
    folder = root / MANIFESTS
    if not folder.is_dir():
        return []
    out = []
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if not _is_commit_name(entry.name):
            continue
        try:
            st = entry.stat()
        except OSError as exc:  # a link to nothing named like a manifest
            raise UnreadableManifest(f"run manifest {entry.path} is unreadable: {exc}") from None
        out.append(_manifest(entry.path, st.st_size, st.st_mtime_ns))
    # (a null start or batch, as `jq` writes a field it empties, sorts as one not given)
    return sorted(out, key=lambda m: (m.get("started_at") or "",
                                      1 << 30 if m.get("batch") is None else m["batch"]))


def start_after_commits(found: list[dict], now: datetime) -> tuple[datetime, str | None]:
    """When a run starting at `now` (the clock) is recorded as starting, given the
    warehouse's commits `found` (`manifests`): `now`, or a second after the latest
    commit's start when the clock reads no later than it (a clock stepped backwards
    between runs: NTP after a machine ran fast, a restored VM, a container on another
    host), with a note saying so. Before fault round 54 such a run got an id and a
    `started_at` that sorted it before the runs it followed, in `runs`, the report and
    every `ORDER BY run_id`. The run is placed after them, as a logical clock does: the
    order of runs is what the warehouse must keep; the clock's reading is in the note."""
    starts = []
    for m in found:
        try:
            starts.append(datetime.fromisoformat(str(m.get("started_at"))).astimezone(UTC))
        except ValueError:  # a start edited by hand or emptied (null): no order to keep
            continue
    latest = max(starts, default=None)
    if latest is None or now > latest:
        return now, None
    after = latest.replace(microsecond=0) + timedelta(seconds=1)
    return after, (f"the clock reads {now:%Y-%m-%d %H:%M:%S} UTC, before the latest commit "
                   f"of this warehouse ({latest:%Y-%m-%d %H:%M:%S} UTC): it was set back; "
                   f"the run is recorded as starting at {after:%Y-%m-%d %H:%M:%S} UTC so "
                   f"that runs stay in the order they ran")


class UnreadableManifest(RuntimeError):
    """A commit's manifest that is not JSON (damaged on disk or edited by hand): what it
    commits cannot be told, so nothing reads or writes the warehouse past it."""


class ForeignManifest(UnreadableManifest):
    """JSON in manifests/ that is no commit manifest (no object, or no run_id): a file
    put there by hand. Read as one, an array raised AttributeError out of every command
    and an object without a run_id KeyError out of `pressroom runs` (round 20)."""


@lru_cache(maxsize=65536)
def _manifest(path: str, size: int, mtime_ns: int) -> dict:
    """One manifest, parsed once per (path, size, mtime): a warehouse of batch commits has
    thousands, and every reader of committed files goes through them. Callers must not
    modify the returned dict."""
    try:
        # utf-8-sig: a manifest opened and saved in an editor that writes a byte-order mark
        # (Notepad, a Windows share) is still its JSON, as DuckDB's runs view reads it; it
        # was refused as damaged, "restore it from a backup", by every command (fault
        # round 41)
        found = json.loads(Path(path).read_text("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UnreadableManifest(f"run manifest {path} is unreadable: {exc}") from None
    if not isinstance(found, dict) or not isinstance(found.get("run_id"), str):
        what = {dict: "an object", list: "an array", str: "a string"}.get(type(found), "a value")
        raise ForeignManifest(f"{path} is no commit manifest: JSON {what} without a run_id")
    problem = manifest_shape_problem(found)
    if problem:
        raise UnreadableManifest(f"run manifest {path} holds {problem}")
    return found


def _outside(rel: str) -> bool:
    """Whether a path a manifest lists names something other than a file under the
    warehouse: empty, absolute, or climbing out of it with `..`."""
    parts = PurePosixPath(rel).parts
    return not rel or PurePosixPath(rel).is_absolute() or ".." in parts


def manifest_shape_problem(found: dict) -> str | None:
    """What in a commit manifest is not as our commits write it (None: nothing), for
    the fields every reader relies on: `started_at`/`finished_at` text (or null or
    absent: sorted first, as seed 63 chose), `batch` a whole number, `files` an object
    of a list of paths per table and `replaces` a list of paths, each path inside the
    warehouse. A manifest edited by hand or by a script (an epoch for its start, `files`
    as a bare list) ended every command with a TypeError or AttributeError traceback,
    a string of paths was read character by character as paths, and a path outside the
    warehouse was read as a committed file, or deleted by `compact` when `replaces`
    named it (fault round 41)."""
    def shown(value) -> str:
        text = json.dumps(value) if value is None else repr(value)
        return text if len(text) <= 120 else text[:119] + "…"

    for key in ("started_at", "finished_at"):
        value = found.get(key)
        if value is not None and not isinstance(value, str):
            return f"{key} {shown(value)}, where text (an ISO 8601 time) is written"
    batch = found.get("batch")
    if batch is not None and (isinstance(batch, bool) or not isinstance(batch, int)):
        return f"batch {shown(batch)}, where a whole number is written"
    files = found.get("files", {})
    if not isinstance(files, dict):
        return f"files {shown(files)}, where an object of a list of paths per table is written"
    listed = [(f"files.{table}", paths) for table, paths in files.items()]
    if found.get("replaces") is not None:
        listed.append(("replaces", found["replaces"]))
    for where, paths in listed:
        if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
            return f"{where} {shown(paths)}, where a list of paths is written"
        for rel in paths:
            if _outside(rel):
                return (f"{where} {shown(rel)}, a path outside the warehouse (each is "
                        "relative to it, e.g. articles/<commit>.parquet)")
    return None


def run_manifests(root: Path) -> list[dict]:
    """The manifests of finished runs (totals, stages, commits), oldest first."""
    return [m for m in manifests(root) if m.get("kind", "run") == "run"]


def unfinished_runs(root: Path) -> list[dict]:
    """Runs that committed batches but no run manifest, oldest first: killed, stopped by
    an error, or still running. `pressroom runs` listed finished runs only, so a run
    killed after four of its batches had committed was nowhere in it while its articles
    were in every table (round 20). Each: run_id, started_at, batches, and the articles
    and rejects its batches committed; `running` when the writer lock's holder names it
    and that process is alive (read from the lock file: readers never take the lock)."""
    finished = {m["run_id"] for m in run_manifests(root)}
    out: dict[str, dict] = {}
    for m in manifests(root):
        if m.get("kind") != "batch" or m["run_id"] in finished:
            continue
        run = out.setdefault(m["run_id"], {"run_id": m["run_id"], "batches": 0, "kept": 0,
                                           "rejected": 0, "started_at": m.get("started_at")})
        rows = m.get("rows") or {}
        run["batches"] += 1
        run["kept"] += rows.get("articles", 0)
        run["rejected"] += rows.get("rejects", 0)
    holder = _lock_holder(root)
    for run in out.values():
        run["running"] = holder is not None and holder[0] == f"run {run['run_id']}" \
            and _alive(holder[1])
    return list(out.values())


def run_to_report(root: Path) -> tuple[str, str | None] | None:
    """The run a report made without an ingest is named after, and a note: the latest
    finished run; when no run has finished, the latest that committed batches (killed,
    failed, or still going), with a note saying so; None when no run committed anything.
    A warehouse whose only run was killed after committing was "no runs yet ... run
    `pressroom ingest` first" to `pressroom report` and the report flow, while `sql`,
    `search` and `runs` showed its articles (fault round 28)."""
    finished = run_manifests(root)
    if finished:
        return finished[-1]["run_id"], None
    unfinished = unfinished_runs(root)
    if not unfinished:
        return None
    run = unfinished[-1]
    state = "is still running" if run["running"] else "stopped before its end (killed, or failed)"
    return run["run_id"], (f"no run has finished; {run['run_id']} {state}: the report shows "
                           f"the {run['kept']} article(s) of its {run['batches']} batch "
                           "commit(s)")


def _lock_holder(root: Path) -> tuple[str, int] | None:
    """(holder, pid) as the last writer wrote them into the lock file, or None."""
    try:
        text = (root / WRITER_LOCK).read_text("utf-8", errors="replace").strip()
    except OSError:
        return None
    holder, sep, pid = text.rpartition(" (pid ")
    return (holder, int(pid[:-1])) if sep and pid[:-1].isdigit() else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # there, another user's
    return True


def unknown_run_ids(root: Path, run_ids: list[str]) -> list[str]:
    """The ids in `run_ids` that no commit of the warehouse names (a run that committed a
    batch counts, finished or not): `pressroom reprocess --run` of a typo or of another
    warehouse's run reprocessed nothing, committed an empty run and exited 0."""
    known = {m.get("run_id") for m in manifests(root)}
    return [r for r in run_ids if r not in known]


def listed_files(root: Path) -> dict[str, list[str]]:
    """Per table, the files (relative to the root) that the manifests commit, in commit
    order, less those a compaction replaced with a merged file."""
    listed: dict[str, list[str]] = {}
    replaced: set[str] = set()
    for manifest in manifests(root):
        for table, rels in manifest.get("files", {}).items():
            listed.setdefault(table, []).extend(rels)
        replaced.update(manifest.get("replaces", []))
    return {t: list(dict.fromkeys(r for r in rels if r not in replaced))
            for t, rels in listed.items()}


_GLOB_CHARS = re.compile(r"([\[*?])")


def glob_literal(path: str | Path) -> str:
    """`path` as a DuckDB file pattern that matches that file alone: DuckDB expands `*`,
    `?` and `[...]` in every path it reads, so under a warehouse in `star*q?/` our reads
    took a sibling `starXq!/`'s files as well (its articles as known inputs, its
    signatures as prior copies), and under `news [2026]/` a pattern matched nothing
    (fault round 38). Each such character becomes a class of itself."""
    return _GLOB_CHARS.sub(r"[\1]", str(path))


def scan_paths(files: list[Path] | list[str]) -> list[str]:
    """The committed `files` as DuckDB reads them (glob_literal)."""
    return [glob_literal(f) for f in files]


def committed_files(root: Path, table: str) -> list[Path]:
    """Absolute paths of the table's Parquet files that some manifest commits and that
    read as declared, directly or through a cast (`cast_select`: a file another tool
    rewrote with equivalent types); `file_problems` names the others (deleted, torn,
    foreign)."""
    out = []
    for rel in listed_files(root).get(table, []):
        path = root / rel
        if _problem(path, table) is None:
            out.append(path.resolve())
    return out


def named_files(files: list[tuple[str, str]], most: int = 3, more_note: str = "") -> str:
    """"a.parquet (torn); b.parquet (deleted); and 4 more": the first `most` of the
    (file, what is wrong with it) pairs a note names, and how many it leaves unnamed
    (`more_note` after that count)."""
    named = "; ".join(f"{file} ({detail})" for file, detail in files[:most])
    return named + (f"; and {len(files) - most} more{more_note}" if len(files) > most else "")


def file_problems(root: Path, table_names: tuple[str, ...] | None = None) -> list[dict]:
    """Committed files that cannot be read as their table: deleted, truncated or not
    Parquet, or with columns their table does not declare or types that cannot be cast
    to the declared ones without loss (a foreign file). Each is reported by name; readers
    leave them out and answer for the rest. `table_names`: only those tables' files."""
    problems = []
    for table, rels in listed_files(root).items():
        if table_names is not None and table not in table_names:
            continue
        for rel in rels:
            found = _problem(root / rel, table)
            if found is not None:
                problems.append({"table_name": table, "file": rel, "problem": found[0],
                                 "detail": found[1]})
    return problems


def cast_files(root: Path) -> list[dict]:
    """Committed files read through a cast to their table's declared types (table_name,
    file, detail: the columns and their types in the file), for a note."""
    found = []
    for table, rels in listed_files(root).items():
        for rel in rels:
            check = _check(root / rel, table)
            if check is not None and check[0] is None and any(k for _, k, _ in check[1]):
                found.append({"table_name": table, "file": rel, "detail": ", ".join(
                    f"{name} {kind}" for name, kind, _ in check[1] if kind)})
    return found


def _problem(path: Path, table: str) -> tuple[str, str] | None:
    check = _check(path, table)
    return ("missing", "listed by a manifest but not on disk") if check is None else check[0]


def _check(path: Path, table: str):
    """None when `path` is gone, else (problem or None, the file's columns as
    (name, its type when it differs from the declared one, SQL expression))."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    # Parquet files are immutable: their footer is read once per (path, size, mtime).
    return _footer_check(str(path), st.st_size, st.st_mtime_ns, table)


def _kind(t: pa.DataType):
    """What a type holds, whatever its encoding or width: the types another tool writes
    for ours (polars' large_string and large_list, pandas' timestamp[ns, UTC], int64 for
    int32, dictionary-encoded strings) hold the same kind."""
    if pa.types.is_dictionary(t):
        return _kind(t.value_type)
    if pa.types.is_null(t):
        return "null"
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t):
        return "string"
    if pa.types.is_binary(t) or pa.types.is_large_binary(t):
        return "binary"
    for name, test in (("integer", pa.types.is_integer), ("float", pa.types.is_floating),
                       ("bool", pa.types.is_boolean)):
        if test(t):
            return name
    if pa.types.is_timestamp(t):
        return ("timestamp", t.tz is not None)  # inside a list, a naive one is not ours
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return ("list", _kind(t.value_type))
    if pa.types.is_struct(t):
        return ("struct", tuple((f.name, _kind(f.type)) for f in t))
    return str(t)


def _holds(found, declared) -> bool:
    """Whether values of kind `found` can stand for values of kind `declared`. Beside the
    same kind, what pandas writes back (fault round 40): Arrow's null type for a column
    with no value at all (a batch without categories, flags or rights), a list of nulls
    for lists that are all empty, and float64 for an integer column holding a null (a
    fetch without a status): the values say whether the cast keeps them."""
    if found == "null":
        return True
    if found == "float" and declared == "integer":
        return True
    if isinstance(found, tuple) and isinstance(declared, tuple) and found[0] == declared[0]:
        if found[0] == "list":
            return _holds(found[1], declared[1])
        if found[0] == "struct":
            fields = dict(declared[1])
            return fields.keys() == dict(found[1]).keys() and all(
                _holds(kind, fields[name]) for name, kind in found[1])
    return found == declared


def castable(found: pa.DataType, declared: pa.DataType) -> bool:
    """Whether a column of type `found` may be read as `declared` (the same kind; a
    timestamp without a zone is read as UTC, our writers' zone; pandas' stand-ins, see
    `_holds`). Whether its values fit is checked on the values (`_footer_check`)."""
    if pa.types.is_timestamp(found) and pa.types.is_timestamp(declared):
        return True
    return _holds(_kind(found), _kind(declared))


@lru_cache(maxsize=1024)
def duckdb_type(table: str, column: str) -> str:
    """The DuckDB type of a declared column (as DuckDB reads our own files)."""
    field = TABLES[table].field(column)
    con = duckdb.connect()
    try:
        return str(con.from_arrow(pa.schema([field]).empty_table()).types[0])
    finally:
        con.close()


def _cast_sql(table: str, name: str, found: pa.DataType) -> str:
    column = '"' + name.replace('"', '""') + '"'
    if pa.types.is_timestamp(found) and found.tz is None:
        # as UTC, whatever the reader's TimeZone (a plain CAST would take its zone)
        return f"timezone('UTC', CAST({column} AS TIMESTAMP)) AS {column}"
    return f"CAST({column} AS {duckdb_type(table, name)}) AS {column}"


def pandas_index_columns(schema: pa.Schema) -> list[str]:
    """The columns a file's pandas metadata names as its DataFrame's index. pandas writes
    any index but a plain 0..n-1 range as a column (`__index_level_0__` after a filter:
    `df[df.domain != "x.example"].to_parquet(path)`, the way to delete rows in pandas);
    it is pandas' bookkeeping, no data of the table (fault round 40: such a file was
    "foreign", every row of it left out)."""
    try:
        meta = json.loads((schema.metadata or {}).get(b"pandas", b"{}"))
        names = meta.get("index_columns", []) if isinstance(meta, dict) else []
    except ValueError:
        return []
    return [n for n in names if isinstance(n, str) and schema.get_field_index(n) >= 0]


@lru_cache(maxsize=65536)
def _footer_check(path: str, size: int, mtime_ns: int, table: str):
    import pyarrow.parquet as pq

    try:
        schema = pq.read_schema(path)
    except Exception as exc:  # noqa: BLE001 - any unreadable footer is the finding
        return ("unreadable", f"{type(exc).__name__}: {exc}"[:300]), ()
    declared = TABLES.get(table)
    index = {n for n in pandas_index_columns(schema)
             if declared is not None and declared.get_field_index(n) < 0}
    undeclared = [f"{f.name} {f.type}" for f in schema if f.name not in index and (
        declared is None or declared.get_field_index(f.name) < 0)]
    differ = [f for f in schema if not undeclared and f.name not in index
              and not declared.field(f.name).type.equals(f.type)]
    foreign = undeclared + [f"{f.name} {f.type}" for f in differ
                            if not castable(f.type, declared.field(f.name).type)]
    if foreign:
        return ("foreign", "columns not as declared: " + ", ".join(foreign[:5])), ()
    if differ:
        # the values too: a cast that would lose any (an int64 beyond int32, nanoseconds
        # cut to microseconds) leaves the file out, named, rather than read altered
        try:
            values = pq.read_table(path, columns=[f.name for f in differ])
            for f in differ:
                want = declared.field(f.name)
                column = pc.cast(values.column(f.name), want.type, safe=True)
                if not want.nullable and column.null_count:
                    raise ValueError(f"{f.name}: {column.null_count} null(s) in a column "
                                     "declared not null")
        except Exception as exc:  # noqa: BLE001 - the finding, named
            return ("foreign", "columns not as declared (" + ", ".join(
                f"{f.name} {f.type}" for f in differ[:5]) + "), and not readable as "
                f"declared without loss: {type(exc).__name__}: {exc}"[:300]), ()
    changed = {f.name for f in differ}
    return None, tuple(
        (f.name, f"{f.type}, pandas' index: not read" if f.name in index
         else str(f.type) if f.name in changed else "",
         None if f.name in index else _cast_sql(table, f.name, f.type) if f.name in changed
         else '"' + f.name.replace('"', '""') + '"') for f in schema)


def cast_select(path: Path | str, table: str) -> str | None:
    """The select list reading a committed file another tool rewrote with equivalent
    types as the declared ones (each differing column cast), or None for a file of the
    declared types. Such a file was "foreign" and left out of every view: `sql` counted
    none of its rows without a word, and every later run's data tests failed (fault
    round 38)."""
    check = _check(Path(path), table)
    if check is None or check[0] is not None or not any(kind for _, kind, _ in check[1]):
        return None
    return ", ".join(expr for _, _, expr in check[1] if expr is not None)


def reading_order(files: list[Path] | list[str], table: str) -> list:
    """`files` with those read through a cast last: the order `read_declared` numbers
    them in (its file_index)."""
    return [f for f in files if cast_select(f, table) is None] + \
        [f for f in files if cast_select(f, table) is not None]


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def read_declared(con: duckdb.DuckDBPyConnection, files: list[Path] | list[str], table: str,
                  file_row_number: bool = False) -> duckdb.DuckDBPyRelation:
    """One relation over committed `files` of `table` (union by name), those another tool
    wrote with equivalent types read through a cast to the declared ones. With
    `file_row_number`, also file_index (the position in `reading_order(files)`) and
    file_row_number."""
    plain = [str(f) for f in files if cast_select(f, table) is None]
    cast = [str(f) for f in files if cast_select(f, table) is not None]
    if not cast:
        return con.read_parquet(scan_paths(plain), union_by_name=True,
                                file_row_number=file_row_number)
    numbered = ", file_row_number = true" if file_row_number else ""
    parts = []
    if plain:
        listed = "[" + ", ".join(_sql_str(p) for p in scan_paths(plain)) + "]"
        parts.append(f"SELECT {'file_index, ' if file_row_number else ''}* FROM "
                     f"read_parquet({listed}, union_by_name = true{numbered})")
    for i, path in enumerate(cast, start=len(plain)):
        extra = f"{i}::UBIGINT AS file_index, file_row_number, " if file_row_number else ""
        parts.append(f"SELECT {extra}{cast_select(path, table)} FROM "
                     f"read_parquet({_sql_str(glob_literal(path))}{numbered})")
    return con.sql(" UNION ALL BY NAME ".join(parts))


def read_declared_file(path: Path | str, table: str, columns: list[str] | None = None
                       ) -> pa.Table:
    """One committed file as pyarrow reads it, its columns of other but equivalent types
    cast to the declared ones."""
    import pyarrow.parquet as pq

    found = pq.read_table(path, columns=columns)
    declared = TABLES[table]
    found = found.drop_columns([n for n in pandas_index_columns(found.schema)
                                if declared.get_field_index(n) < 0])
    for i, f in enumerate(found.schema):
        if declared.get_field_index(f.name) >= 0 and not f.type.equals(
                declared.field(f.name).type):
            found = found.set_column(i, f.name, pc.cast(found.column(i),
                                                        declared.field(f.name).type))
    return found


def staging_dir(root: Path, run_id: str) -> Path:
    """Scratch space of one run (staged WARC batches); removed when the run ends."""
    return root / "_staging" / run_id


WRITER_LOCK = ".writer.lock"


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse's writer lock."""


@contextmanager
def writer_lock(root: Path, holder: str, wait: bool = True,
                on_wait=None) -> Iterator[None]:
    """Hold the warehouse's single-writer lock (an fcntl lock on `.writer.lock`, released
    by the kernel when the process dies, so a killed run never leaves it stuck).

    Two runs writing at once would both commit the same new inputs (neither sees the
    other's commits) and one would quarantine the other's files in flight. With `wait`,
    a second run waits for the first and then finds its inputs settled; `on_wait(holder)`
    is told who holds it. Readers never take it."""
    root.mkdir(parents=True, exist_ok=True)
    fh = open(root / WRITER_LOCK, "a+")  # noqa: SIM115 - held for the with-block
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            current = fh.read().strip() or "another run"
            if not wait:
                raise WarehouseBusy(f"the warehouse {root} is being written by {current}") \
                    from None
            if on_wait is not None:
                on_wait(current)
            fcntl.flock(fh, fcntl.LOCK_EX)
        fh.seek(0)
        fh.truncate()
        fh.write(f"{holder} (pid {os.getpid()})\n")
        fh.flush()
        yield
    finally:
        fh.close()  # closing the descriptor releases the lock


def clear_leftovers(root: Path) -> list[str]:
    """Scratch left by killed runs: staged WARC batches and temporary manifest files.
    Only called under the writer lock, when no other run can be using them."""
    notes = []
    staging = root / "_staging"
    if staging.is_dir():
        for folder in sorted(staging.iterdir()):
            size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
            shutil.rmtree(folder, ignore_errors=True)
            notes.append(f"removed {folder.relative_to(root)} ({size} bytes) left by a "
                         "killed run")
    folder = root / MANIFESTS
    if folder.is_dir():
        for tmp in sorted(folder.glob("*.tmp")):
            tmp.unlink(missing_ok=True)
            notes.append(f"removed {tmp.relative_to(root)} left by a killed run")
    return notes


class LostCommits(RuntimeError):
    """Data files of runs that did commit, which no manifest lists: manifests/ was lost
    (see `lost_commits_problem`). Nothing is moved."""


# `<run_id>.bNNNNN-<part>.parquet` (a batch) or `<run_id>-<part>.parquet` (a run's own rows,
# a compaction's, a takedown's)
_DATA_FILE = re.compile(r"^(?P<run>.+?)(?:\.b\d+)?-\d+\.parquet$")


def _listed_files(commits: list[dict], root: Path) -> set[str]:
    # Every file any manifest names, replaced ones included: a file a compaction replaced
    # stays until the next compaction deletes it (older databases may still read it).
    return {str((root / rel).resolve()) for m in commits
            for rels in [*m.get("files", {}).values(), m.get("replaces", [])] for rel in rels}


def lost_commits_problem(root: Path, commits: list[dict] | None = None) -> str | None:
    """Why the Parquet files no manifest lists are not one killed run's, or None. A
    commit killed before its manifest leaves files of one run, which the next run sets
    aside in _orphans/ (its rows were never seen). When manifests/ is lost (a copy or
    sync that left it out, a clean-up that took it for metadata), every run's files are
    unlisted: `sql` answered 0 and the next `ingest` moved the whole warehouse to
    _orphans/ and fetched its inputs again as new (fault round 48). Files of two or more
    runs that have no manifest at all, or of a run whose report was written (after its
    run manifest), say so, when no manifest is left at all. A warehouse that still has
    commits lost none of them to a copy: its unlisted files are killed commands' (an
    `ingest` killed, then a `compact` or a `forget` killed before the next run, leaves
    files of two runs, and neither of those two clears what the other left)."""
    commits = manifests(root) if commits is None else commits
    if commits:
        return None
    listed = _listed_files(commits, root)
    with_manifest = {m["run_id"] for m in commits}
    lost: dict[str, int] = {}
    for table in TABLES:
        folder = root / table
        if not folder.is_dir():
            continue
        for entry in os.scandir(folder):
            found = _DATA_FILE.match(entry.name)
            if found and found["run"] not in with_manifest and \
                    str(Path(entry.path).resolve()) not in listed:
                lost[found["run"]] = lost.get(found["run"], 0) + 1
    reported = sorted(r for r in lost if (root / "reports" / f"{r}.html").is_file())
    if len(lost) < 2 and not reported:
        return None
    runs = sorted(lost)
    named = ", ".join(runs[:3]) + (", ..." if len(runs) > 3 else "")
    why = (f"{MANIFESTS}/ is missing" if not (root / MANIFESTS).is_dir()
           else f"{MANIFESTS}/ holds no manifest")
    return (f"warehouse {root}: {sum(lost.values())} data file(s) of {len(runs)} run(s) "
            f"that committed ({named}) are listed by no commit manifest: {why}. A run "
            "would set them all aside as uncommitted. Restore manifests/ from where the "
            "warehouse was copied (or a backup), then run the command again")


def quarantine_orphans(root: Path) -> list[str]:
    """Move complete Parquet files no manifest lists (a commit killed before its
    manifest) to _orphans/, where an operator can inspect them; delete `.tmp` files (a
    write killed half-way: torn by definition, nothing to inspect). Returns notes.
    Refuses (LostCommits) when those files are committed runs' whose manifests are lost.
    """
    commits = manifests(root)
    problem = lost_commits_problem(root, commits)
    if problem:
        raise LostCommits(problem)
    listed = _listed_files(commits, root)
    notes = []
    for table in TABLES:
        folder = root / table
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix == ".tmp":
                path.unlink()
                notes.append(f"removed half-written {path.relative_to(root)}")
            elif path.suffix == ".parquet" and str(path.resolve()) not in listed:
                target = root / "_orphans" / table / path.name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(str(path), target)
                notes.append(f"moved uncommitted {path.relative_to(root)} to {target}")
    return notes


def _scan(root: Path, table: str, sql: str) -> list[tuple]:
    """Run `sql` (which reads from a relation named `t`) over the committed files."""
    files = committed_files(root, table)
    if not files:
        return []
    con = duckdb.connect()
    try:
        return read_declared(con, files, table).query("t", sql).fetchall()
    finally:
        con.close()


def scan_table(root: Path, table: str) -> pa.Table:
    """A whole committed table as Arrow (declared columns; empty when nothing is committed)."""
    files = committed_files(root, table)
    if not files:
        return TABLES[table].empty_table()
    con = duckdb.connect()
    try:
        return read_declared(con, files, table).to_arrow_table()
    finally:
        con.close()


def known_inputs(root: Path, refetch_failed_after: timedelta, now: datetime | None = None
                 ) -> KnownInputs:
    """What earlier runs settled: kept articles, rejected inputs, recent fetch failures."""
    now = now or datetime.now(UTC)
    # A failure is recent within the window either side of now: one recorded further
    # ahead was stamped by a clock since set back, and waiting until the clock reaches it
    # stalled the URL for as long as the step (a month set back: a month unasked; fault
    # round 54). Asked again early, it costs one request.
    since, until = now - refetch_failed_after, now + refetch_failed_after
    ids = {r[0] for r in _scan(root, "articles", "SELECT DISTINCT article_id FROM t")}
    # A URL listed twice was a `duplicate_url` reject under the URL itself (before fault
    # round 40: now under `duplicate:<key>`), which settled the URL: when its first
    # listing's fetch had failed, no later run fetched it. Such rows settle nothing.
    rejected = _scan(root, "rejects", """SELECT DISTINCT input_key, stage = 'discover' FROM t
        WHERE NOT (stage = 'discover' AND reason = 'duplicate_url' AND input_key = url)""")
    # A URL whose latest attempt failed recently; a later success clears it. (Not
    # `arg_max(error, ...) IS NOT NULL`: arg_max skips rows whose error is NULL, so it
    # would find the last failure *before* a success.)
    failed = {
        r[0]
        for r in _scan(
            root,
            "fetch_log",
            f"""SELECT url FROM t GROUP BY url
                HAVING arg_max(error IS NOT NULL, fetched_at)
                   AND max(fetched_at) BETWEEN TIMESTAMPTZ '{since.isoformat()}'
                                           AND TIMESTAMPTZ '{until.isoformat()}'""",
        )
    }
    taken = _scan(root, "takedowns", "SELECT article_ids, domain FROM t")
    return KnownInputs(frozenset(ids), frozenset(k for k, _ in rejected), frozenset(failed),
                       frozenset(k for k, at_discover in rejected if at_discover),
                       frozenset(a for ids_, _ in taken for a in (ids_ or [])),
                       # as typed ("xn--...", "WWW.X"): read in the spelling domain_of gives
                       frozenset(domain_identity(d) for _, d in taken if d),
                       _moved_input_keys(root))


def _moved_input_keys(root: Path) -> HashedKeys:
    """The input keys of kept articles that their ids may not settle: those whose URL as
    listed is not its canonical form (a page reached through a redirect or a refresh is
    among them; one listed as its canonical URL has that URL's id), read 64k at a time
    and kept hashed (no DISTINCT: HashedKeys dedups, and DuckDB's held a hash table of
    them all). Round 55 read every article's key as a str: 290 MB more at 1M articles,
    now 0-50 MB (fault round 56, bench/bench_known_inputs.py)."""
    files = committed_files(root, "articles")
    if not files:
        return HashedKeys()
    con = duckdb.connect()
    try:
        rows = read_declared(con, files, "articles").query("t", """SELECT input_key
            FROM t WHERE input_key IS NOT NULL AND url IS DISTINCT FROM canonical_url""")
        reader = rows.to_arrow_reader(65_536)
        return HashedKeys.of_chunks(batch.column(0).to_pylist() for batch in reader)
    finally:
        con.close()


def _declared(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """`table` in exactly the declared columns: those of files written before a column
    existed (schema 7's containment columns) become nulls."""
    return pa.Table.from_arrays(
        [table.column(f.name).cast(f.type) if f.name in table.column_names
         else pa.nulls(table.num_rows, f.type) for f in schema], schema=schema)


def _columns(con, relation: str) -> set[str]:
    try:
        return {c[0] for c in con.execute(f"DESCRIBE {relation}").fetchall()}
    except duckdb.CatalogException:
        return set()


def _legacy_key_hits_sql(con) -> str:
    """SQL for the earlier articles whose rows written before schema 7 (no shingle_count:
    not in the band-key index) share a key in `want_keys`: their band_keys unnested. In
    a warehouse of schema 7 rows only, the column statistics skip every row group."""
    legacy = "WHERE shingle_count IS NULL" if "shingle_count" in _columns(
        con, "prior_signatures") else ""
    return f"""SELECT DISTINCT article_id FROM (
                   SELECT article_id, unnest(band_keys) AS k FROM prior_signatures {legacy}
               ) JOIN want_keys USING (k)"""


_NO_RELATIONS = pa.table({"key": pa.array([], pa.uint64()),
                          "cluster_id": pa.array([], pa.string())})


def rows_at(files: list[str], locations, columns: list[str] | None = None):
    """The rows at (file index, row number) of `files` (`locations`: pairs, or an int
    array of shape (n, 2)), one table per row group read, yielded as read (only the row
    groups that hold them are read)."""
    import pyarrow.parquet as pq

    loc = np.asarray(locations, dtype=np.int64).reshape(-1, 2)
    loc = loc[np.lexsort((loc[:, 1], loc[:, 0]))]
    file_ids, first = np.unique(loc[:, 0], return_index=True)
    bounds = np.r_[first, len(loc)]
    for index, lo, hi in zip(file_ids.tolist(), bounds[:-1].tolist(), bounds[1:].tolist(),
                             strict=True):
        pf = pq.ParquetFile(files[index])
        starts = np.cumsum([0] + [pf.metadata.row_group(g).num_rows
                                  for g in range(pf.num_row_groups)])
        rows_arr = loc[lo:hi, 1]
        group = np.searchsorted(starts, rows_arr, side="right") - 1
        for g in np.unique(group).tolist():
            part = pf.read_row_group(g, columns=columns)
            yield part.take(pa.array(rows_arr[group == g] - starts[g]))


def index_hits_in_files(files: list[str], keys: np.ndarray) -> list[str]:
    """Article ids of the band-key index files' rows whose key is one of `keys`.

    One DuckDB query: the key column (stored plain, as random 64-bit hashes do not
    compress) is filtered first, and article ids (dictionary-encoded) are read only for
    the rows that match and made distinct there. A story's every copy holds each of its
    keys, so the matches grow with the copies: at ~36 copies per story, 1.4M matches for a
    batch of 500, which as (file, row) tuples fetched into Python cost ~220 MB and 1.4 CPU s
    against ~60 MB and 0.15 s this way (bench/bench_index_hits.py, BENCHMARKS.md)."""
    if not files or len(keys) == 0:
        return []
    con = duckdb.connect()
    try:
        con.register("want_keys", pa.table({"k": pa.array(keys, pa.uint64())}))
        read_declared(con, files, "band_index").create_view("index_rows")
        found = con.sql("SELECT DISTINCT article_id FROM index_rows "
                        "WHERE key IN (SELECT k FROM want_keys)").to_arrow_table()
    finally:
        con.close()
    return sorted(found.column(0).to_pylist())


def _prior(connect, signed: bool, index_hits=None, fetch_rows=None, fetch_texts=None
           ) -> PriorArticles:
    """PriorArticles over a source of the past: `connect()` returns a DuckDB connection
    with relations `prior_articles` and `prior_signatures` (all rows); `index_hits(keys)`
    the article ids the band-key index (tasks/storage/band_index.py) holds for any of
    `keys`. With `fetch_rows(locations)`, the connection also has
    `prior_signature_locations` (file_index, file_row_number and the narrow columns of
    every row) and the rows found are read by location; with `fetch_texts(locations)`,
    `prior_article_locations` likewise, and texts are read by location. Every answer is
    a query for the articles one batch touches, so memory follows the batch, not the
    warehouse (the signatures of 1M articles are ~0.7 GB in memory)."""

    # One connection for every question of the batch, opened at the first: each opening
    # bound its views anew, and a `union_by_name` view reads the footer of every committed
    # file to bind (~0.2 CPU s per view at 200 files); a batch asks 4-10 questions
    # (BENCHMARKS.md, bench/bench_prior_connect.py). Questions come one at a time.
    lock = threading.Lock()
    opened: list[duckdb.DuckDBPyConnection] = []

    @contextmanager
    def connection(**tables: pa.Table) -> Iterator[duckdb.DuckDBPyConnection]:
        with lock:
            if not opened:
                opened.append(connect())
            con = opened[0]
            for name, table in tables.items():
                con.register(name, table)
            try:
                yield con
            finally:
                for name in tables:
                    con.unregister(name)

    def query(sql: str, **tables: pa.Table):
        with connection(**tables) as con:
            return con.sql(sql).to_arrow_table()

    def ids_table(ids: list[str]) -> pa.Table:
        return pa.table({"article_id": pa.array(list(ids), pa.string())})

    def latest(ids: list[str]) -> dict[str, tuple[str, int]]:
        if not ids:
            return {}
        got = query("""SELECT article_id, arg_max(content_hash, coalesce(revision, 1)) AS h,
                              max(coalesce(revision, 1)) AS rev
                       FROM prior_articles WHERE article_id IN (SELECT article_id FROM want)
                       GROUP BY article_id""", want=ids_table(ids))
        return {a: (h, int(r)) for a, h, r in zip(*(got.column(i).to_pylist()
                                                    for i in range(3)), strict=True)}

    source = "prior_signatures" if fetch_rows is None else "prior_signature_locations"

    def read_latest(con, articles_sql: str, where: str) -> pa.Table:
        """The latest signatures rows of the articles `articles_sql` names (SQL selecting
        article_id; `{source}` in it stands for the rows' relation) that satisfy `where`,
        sorted by article_id."""
        con.execute(f"""CREATE OR REPLACE TEMP VIEW signatures AS SELECT * FROM {source}
            WHERE article_id IN ({articles_sql.format(source=source)})""")
        con.execute(view_sql("latest_signatures"))
        if fetch_rows is None:
            table = con.sql(f"""SELECT * FROM latest_signatures WHERE {where}
                ORDER BY article_id""").to_arrow_table()
        else:
            # located on the narrow columns, then only their row groups read (a SELECT *
            # here decodes every row's signature and key lists: 1.6 s CPU per batch at 1M
            # prior articles, BENCHMARKS.md)
            found = con.execute(f"""SELECT file_index, file_row_number FROM latest_signatures
                WHERE {where}""").fetchnumpy()
            located = np.stack([found["file_index"], found["file_row_number"]], axis=1)
            table = fetch_rows(located).sort_by("article_id")
        return _declared(table, SIGNATURES)

    def find_hits(con) -> None:
        """Temp tables `legacy_hit` (rows found without the index), `hit` (articles with a
        row sharing a key with the batch, or revised by it) and `hit_cluster` (their
        current clusters)."""
        con.execute(f"CREATE OR REPLACE TEMP TABLE legacy_hit AS {_legacy_key_hits_sql(con)}")
        con.execute("""CREATE OR REPLACE TEMP TABLE hit AS
            SELECT article_id FROM index_hit UNION SELECT article_id FROM legacy_hit
            UNION SELECT article_id FROM want_ids""")
        con.execute(f"""CREATE OR REPLACE TEMP VIEW signatures AS SELECT * FROM {source}
            WHERE article_id IN (SELECT article_id FROM hit)""")
        con.execute(view_sql("latest_signatures"))
        con.execute("""CREATE OR REPLACE TEMP TABLE hit_cluster AS
            SELECT article_id, cluster_id FROM latest_signatures""")

    def batch_tables(ids: list[str], band_keys) -> dict[str, pa.Table]:
        want = np.unique(np.asarray(band_keys, np.uint64).ravel())
        indexed = index_hits(want) if index_hits is not None else []
        return {"want_ids": ids_table(ids),
                "want_keys": pa.table({"k": pa.array(want, pa.uint64())}),
                "index_hit": ids_table(indexed)}

    def signatures(ids: list[str], band_keys) -> pa.Table | None:
        if not signed:
            return None
        with connection(**batch_tables(ids, band_keys)) as con:
            find_hits(con)
            # their clusters, whole: a merge may change any member's representative
            return read_latest(con, """SELECT article_id FROM hit UNION SELECT article_id
                FROM {source} WHERE cluster_id IN (SELECT cluster_id FROM hit_cluster)""",
                               "cluster_id IN (SELECT cluster_id FROM hit_cluster)")

    def near(ids: list[str], band_keys) -> NearRows | None:
        if not signed:
            return None
        with connection(**batch_tables(ids, band_keys)) as con:
            find_hits(con)
            if "key" in _columns(con, "prior_index"):
                # Which clusters hold each of the batch's keys: the matches stay in DuckDB
                # (1.6M at 50 earlier copies of 500 stories), the answer is one row per
                # (key, cluster).
                relations = con.sql("""SELECT DISTINCT i.key AS key, h.cluster_id AS cluster_id
                    FROM prior_index i JOIN want_keys w ON i.key = w.k
                    JOIN hit_cluster h USING (article_id)""").to_arrow_table()
                whole_sql = """SELECT cluster_id FROM hit_cluster WHERE article_id IN (
                    SELECT article_id FROM want_ids UNION SELECT article_id FROM legacy_hit)"""
            else:  # no key index: no relations to tell, every near cluster is read whole
                relations = _NO_RELATIONS
                whole_sql = "SELECT cluster_id FROM hit_cluster"
            con.execute(f"CREATE OR REPLACE TEMP TABLE whole AS {whole_sql}")
            whole = frozenset(con.sql("SELECT DISTINCT cluster_id FROM whole").to_arrow_table()
                              .column(0).to_pylist())
            # A cluster's id is its representative's article id.
            rows = read_latest(con, """SELECT cluster_id FROM hit_cluster UNION
                SELECT article_id FROM {source}
                WHERE cluster_id IN (SELECT cluster_id FROM whole)""",
                               """article_id IN (SELECT cluster_id FROM hit_cluster)
                               OR cluster_id IN (SELECT cluster_id FROM whole)""")
        return NearRows(rows, relations.cast(_NO_RELATIONS.schema), whole)

    def members(cluster_ids: list[str]) -> pa.Table:
        if not signed or not cluster_ids:
            return SIGNATURES.empty_table()
        clusters = pa.table({"cluster_id": pa.array(sorted(set(cluster_ids)), pa.string())})
        with connection(want_clusters=clusters) as con:
            return read_latest(con, """SELECT article_id FROM {source}
                WHERE cluster_id IN (SELECT cluster_id FROM want_clusters)""",
                               "cluster_id IN (SELECT cluster_id FROM want_clusters)")

    def fingerprints() -> set[str]:
        if not signed:
            return set()
        return set(query("SELECT DISTINCT params FROM prior_signatures").column(0).to_pylist())

    def texts(ids: list[str]) -> dict[str, str]:
        if fetch_texts is None:
            got = query("""SELECT article_id, arg_max(text, coalesce(revision, 1)) AS text
                           FROM prior_articles WHERE article_id IN (SELECT article_id FROM want)
                           GROUP BY article_id""", want=ids_table(ids))
        else:
            # Located on the narrow columns first, then only the row groups holding them
            # read: the semi-join is not pushed into the Parquet scan, so the query above
            # decompresses the text column of every committed articles file for a handful
            # of texts (BENCHMARKS.md, bench/bench_prior_texts.py).
            # (one arg_max of both: two could pick different rows of a tied revision)
            found = query("""SELECT loc.f AS f, loc.r AS r FROM (
                                 SELECT arg_max(struct_pack(f := file_index,
                                                            r := file_row_number),
                                                coalesce(revision, 1)) AS loc
                                 FROM prior_article_locations
                                 WHERE article_id IN (SELECT article_id FROM want)
                                 GROUP BY article_id)""", want=ids_table(ids))
            got = fetch_texts(np.stack([found.column("f").to_numpy(),
                                        found.column("r").to_numpy()], axis=1))
        return dict(zip(got.column("article_id").to_pylist(), got.column("text").to_pylist(),
                        strict=True))

    return PriorArticles(latest, signatures, fingerprints, texts, near, members)


# The signatures columns `PriorArticles.signatures` answers with from committed files; the
# others are rewritten by dedup whenever it re-records a row (tasks/dedup/rules.py).
SIGNATURE_COLUMNS_READ = [name for name in SIGNATURES.names
                          if name not in ("containment_keys", "duplicate_of", "recorded_at",
                                          "run_id")]


def signature_fingerprints(root: Path) -> set[str]:
    """The MinHash fingerprints (`params`) of every committed signature: what a run's
    near-duplicate settings must match, read before the run (one dictionary-encoded
    column per file)."""
    import pyarrow.parquet as pq

    found: set[str] = set()
    for path in committed_files(root, "signatures"):
        column = pq.read_table(path, columns=["params"]).column("params")
        found.update(v for v in pc.unique(column).to_pylist() if v is not None)
    return found


_TEXTS = pa.schema([pa.field("article_id", pa.string()), pa.field("text", pa.string())])


def load_prior(root: Path) -> PriorArticles:
    """What dedup needs from earlier commits, answered from the committed Parquet files
    batch by batch (see `_prior`)."""
    # in reading order: the locations' file_index numbers files so (read_declared)
    art_files = [str(p) for p in reading_order(committed_files(root, "articles"), "articles")]
    sig_files = [str(p) for p in reading_order(committed_files(root, "signatures"),
                                               "signatures")]
    index_files = [str(p) for p in committed_files(root, "band_index")]
    if not art_files:
        return PriorArticles()

    def connect() -> duckdb.DuckDBPyConnection:
        con = duckdb.connect()
        # The batch's questions read the same footers again: committed files never
        # change, so DuckDB may keep them.
        con.execute("SET parquet_metadata_cache = true")
        read_declared(con, art_files, "articles").create_view("prior_articles")
        read_declared(con, art_files, "articles", file_row_number=True).select(
            "file_index, file_row_number, article_id, revision"
        ).create_view("prior_article_locations")
        if index_files:
            read_declared(con, index_files, "band_index").create_view("prior_index")
        if sig_files:
            read_declared(con, sig_files, "signatures").create_view("prior_signatures")
            read_declared(con, sig_files, "signatures", file_row_number=True).select(
                "file_index, file_row_number, article_id, cluster_id, recorded_at, run_id"
            ).create_view("prior_signature_locations")
        return con

    def fetch_rows(locations: list[tuple[int, int]]) -> pa.Table:
        # Not read: the columns dedup rewrites when it re-records a row (containment keys,
        # recomputed from the signature; duplicate_of; recorded_at; run_id). They come back
        # as nulls. The containment keys alone are ~40% of a row, and a batch reads every
        # earlier copy of each story it touches (bench/bench_dedup_copies.py).
        parts = [_declared(p, SIGNATURES) for p in rows_at(sig_files, locations,
                                                           columns=SIGNATURE_COLUMNS_READ)]
        return pa.concat_tables(parts) if parts else SIGNATURES.empty_table()

    def fetch_texts(locations: np.ndarray) -> pa.Table:
        parts = [p.cast(_TEXTS) for p in rows_at(art_files, locations,
                                                   columns=["article_id", "text"])]
        return pa.concat_tables(parts) if parts else _TEXTS.empty_table()

    return _prior(connect, bool(sig_files),
                  lambda keys: index_hits_in_files(index_files, keys), fetch_rows, fetch_texts)


def prior_from_tables(articles: pa.Table, signatures: pa.Table) -> PriorArticles:
    """PriorArticles over in-memory `articles` and `signatures` tables (all rows so far,
    any order): the same answers `load_prior` gives from the warehouse, for tests and
    benchmarks."""
    from tasks.storage.band_index import band_index_rows

    articles = articles.select(["article_id", "content_hash", "revision", "text"])
    index = band_index_rows(signatures)

    def connect() -> duckdb.DuckDBPyConnection:
        con = duckdb.connect()
        con.register("prior_articles", articles)
        con.register("prior_signatures", signatures)
        con.register("prior_index", index)
        return con

    def index_hits(keys: np.ndarray) -> list[str]:
        hit = index.filter(pc.is_in(index["key"], pa.array(keys, pa.uint64())))
        return sorted(set(hit["article_id"].to_pylist()))

    return _prior(connect, signatures.num_rows > 0, index_hits)


def fetch_history(root: Path, urls: set[str], with_validators: bool = False
                  ) -> dict[str, FetchHistory]:
    """The latest committed fetch of each of `urls` (a killed run's files are not history),
    with the validators of its archived response when asked (conditional GETs)."""
    files = [str(f) for f in committed_files(root, "fetch_log")]
    if not files or not urls:
        return {}
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    # the declared types: a file another tool rewrote (large_string, timestamp[ns]) is read
    # cast to them, and an older file's missing columns as nulls
    dataset = ds.dataset(files, format="parquet", schema=FETCH_LOG)
    cols = [c for c in ("url", "status", "error", "fetched_at", "warc_file", "warc_offset")
            if c in dataset.schema.names]
    table = dataset.to_table(columns=cols,
                             filter=pc.field("url").isin(pa.array(sorted(urls), pa.string())))
    latest: dict[str, dict] = {}
    for row in table.to_pylist():
        prev = latest.get(row["url"])
        if prev is None or (row["fetched_at"] and row["fetched_at"] > prev["fetched_at"]):
            latest[row["url"]] = row
    return {
        url: FetchHistory(
            row.get("status"), row.get("error"), row.get("fetched_at"),
            validators_from_archive(root, row)
            if with_validators and row.get("error") is None and row.get("status") is not None
            else {},
        )
        for url, row in latest.items()
    }


def validators_from_archive(root: Path, row: dict) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from the archived response of a past fetch."""
    from tasks.storage.archive import read_response_at

    if not row.get("warc_file") or row.get("warc_offset") is None:
        return {}
    try:
        resp = read_response_at(Path(root) / row["warc_file"], row["warc_offset"], cap=1)
    except (OSError, LookupError):
        return {}
    out = {}
    for name, header in (("If-None-Match", "etag"), ("If-Modified-Since", "last-modified")):
        value = resp.headers.get(header)
        # A control character (DEL, \x01, a bare CR) no request header may carry: sent
        # back, the client refused the request ("Forbidden control character detected in
        # headers"), an `invalid_url` failure at every refresh of the page (fault round
        # 48). Without it the refresh is a plain GET.
        if value and not _CONTROL_IN_HEADER.search(value):
            out[name] = value
    return out


_CONTROL_IN_HEADER = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
