"""Compaction: many small committed Parquet files merged into a few large ones.

Batch commits keep a crash cheap but leave one small file per table per batch; a year of
runs every two hours is thousands of files, and DuckDB pays per file (open, footer,
planning). `compact` merges each table's small files into files of up to COMPACT_ROWS
rows as one more commit: the merged files are written (tmp + rename), then a manifest of
kind "compaction" lists them and the files they replace. From that rename on, readers
(`committed_files`, the views built afterwards) see the merged files instead; a database
built before still names the old files, which are therefore deleted only by the next
compaction, never by this one. Rows are copied as they are: same rows, same values.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from schemas import TABLES
from tasks.common.crashpoints import crash_point
from tasks.storage.publish import (
    commit_manifest,
    parquet_options,
    row_group_size_of,
    with_declared_columns,
)
from tasks.storage.warehouse import (
    committed_files,
    manifests,
    named_files,
    read_declared_file,
)

# Rows per merged file: large enough that DuckDB reads few files, small enough that one
# file's row groups are written without holding a whole table (articles carry their text).
COMPACT_ROWS = 50_000
# A file with fewer rows than this is "small" and worth merging.
SMALL_FILE_ROWS = COMPACT_ROWS // 4
# The band-key index has 64 narrow rows per article (its 64x2 containment keys, which
# cover the 16 Jaccard band keys): the same 50k articles per merged file, and "small" at
# the same number of articles.
_COMPACT_ROWS = {"band_index": COMPACT_ROWS * 64}


def compact_rows(table: str) -> int:
    return _COMPACT_ROWS.get(table, COMPACT_ROWS)
# Below this many small files of one table, merging saves too little to be worth a commit.
MIN_SMALL_FILES = 16


def small_files(root: Path, table: str) -> list[Path]:
    """The table's committed files that are small enough to merge, in commit order."""
    small = compact_rows(table) * SMALL_FILE_ROWS // COMPACT_ROWS
    return [f for f in committed_files(root, table) if pq.read_metadata(f).num_rows < small]


def _merge(root: Path, table: str, group: list[Path], stem: str) -> str:
    """Write one merged file from `group` in row groups of the writer's size, a few
    source files in memory at a time. A row group per source file made a compaction of
    2,000 one-row commits one file of 2,000 one-row groups (fault round 38): DuckDB plans
    and reads per row group. The band-key index is sorted by key within each commit's
    file (band_index.py); its merged file is sorted by key as a whole, so each of its
    row groups holds one range of keys as a commit's file does."""
    schema = TABLES[table]
    size = row_group_size_of(table)
    path = root / table / f"{stem}.parquet"
    tmp = path.with_name(path.name + ".tmp")
    with pq.ParquetWriter(tmp, schema, **parquet_options(table)) as writer:
        if table == "band_index":  # narrow rows: a merged file's worth is ~100 MB at most
            rows = pa.concat_tables(_declared_rows(f, table) for f in group)
            writer.write_table(rows.sort_by([("key", "ascending"),
                                             ("article_id", "ascending")]),
                               row_group_size=size)
        else:
            for rows in _in_groups((_declared_rows(f, table) for f in group), size):
                writer.write_table(rows, row_group_size=size)
    with open(tmp, "rb") as fh:
        import os

        os.fsync(fh.fileno())
    crash_point("compaction-file-written")
    tmp.replace(path)
    return str(path.relative_to(root))


def _declared_rows(path: Path, table: str) -> pa.Table:
    return with_declared_columns(read_declared_file(path, table), TABLES[table])


def _in_groups(tables, size: int):
    """The rows of `tables`, in order, as tables of `size` rows (the last one fewer)."""
    pending: list[pa.Table] = []
    count = 0
    for t in tables:
        pending.append(t)
        count += t.num_rows
        if count >= size:
            rows = pa.concat_tables(pending)
            whole = count // size * size
            yield rows.slice(0, whole).combine_chunks()
            pending, count = [rows.slice(whole)], count - whole
    if count:
        yield pa.concat_tables(pending).combine_chunks()


def _groups(files: list[Path], max_rows: int = COMPACT_ROWS) -> list[list[Path]]:
    """Consecutive files whose rows add up to at most `max_rows`."""
    groups: list[list[Path]] = [[]]
    rows = 0
    for f in files:
        n = pq.read_metadata(f).num_rows
        if groups[-1] and rows + n > max_rows:
            groups.append([])
            rows = 0
        groups[-1].append(f)
        rows += n
    return [g for g in groups if len(g) > 1]


def superseded_files(root: Path) -> list[Path]:
    """Files an earlier compaction replaced that are still on disk."""
    out = []
    for m in manifests(root):
        out += [root / rel for rel in m.get("replaces", []) if (root / rel).exists()]
    return out


def compact(root: Path, min_files: int = MIN_SMALL_FILES,
            now: datetime | None = None) -> dict | None:
    """Merge every table's small files (when a table has at least `min_files`) as one
    compaction commit; first delete the files earlier compactions replaced. Must run
    under the warehouse's writer lock. Returns the manifest, or None when nothing was
    worth merging."""
    for old in superseded_files(root):
        old.unlink()
    now = now or datetime.now(UTC)
    commit = f"compact-{now:%Y%m%dT%H%M%S%fZ}"
    files: dict[str, list[str]] = {}
    replaces: list[str] = []
    for table in TABLES:
        small = small_files(root, table)
        if len(small) < min_files:
            continue
        for i, group in enumerate(_groups(small, compact_rows(table))):
            files.setdefault(table, []).append(_merge(root, table, group, f"{commit}-{i:04d}"))
            replaces += [str(f.relative_to(root.resolve())) for f in group]
    if not files:
        return None
    return commit_manifest(root, commit, {
        "run_id": commit, "started_at": now.isoformat(), "kind": "compaction",
        "files": files, "replaces": replaces,
    })


def left_out_note(problems: list[dict], most: int = 3) -> str | None:
    """What a compaction says of the committed files it could not read (`file_problems`:
    deleted, torn, foreign), or None when there are none. It merged the rest and said
    only "2 files -> 1" (fault round 61): the damaged file stays committed and on disk,
    unmerged, left out of every view, and its name was found only by a later `sql`."""
    if not problems:
        return None
    named = named_files([(p["file"], p["detail"]) for p in problems], most)
    return (f"{len(problems)} committed file(s) LEFT OUT of the compaction, unreadable: "
            f"{named}. Each is kept on disk and committed, and every query leaves "
            "it out (`pressroom sql` names it too); restore it from a backup and a later "
            "compaction merges it")
