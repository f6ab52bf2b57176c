"""Publish: validated Parquet files written atomically, then a manifest: the commit point.

Order matters: every file is written under a .tmp name, flushed, and renamed into place;
only then is the manifest written (also tmp + rename). Readers ignore files no manifest
lists, and the next run quarantines them.

A run commits batch by batch (`publish_commit`, one manifest `<run_id>.bNNNNN.json` per
batch: a crash loses at most the batches in flight) and ends with its run manifest
(`publish_run`, `<run_id>.json`): the totals, the stages' counts, and the list of its
batch commits. A run killed between batches leaves its batch commits visible and no run
manifest; re-running it skips what they committed.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from schemas import SCHEMA_VERSION, TABLES, validate
from tasks.common.crashpoints import crash_point
from tasks.storage.band_index import band_index_rows
from tasks.storage.warehouse import MANIFESTS

# pyarrow would write 100k rows as one row group, which limits DuckDB to one thread per
# file; ~10k-row groups measured 1.9x faster on text scans.
ROW_GROUP_SIZE = 10_000
# Rows per file: keeps a file's write memory bounded and lets readers skip whole files.
ROWS_PER_FILE = 200_000


# The band-key index is read one uint64 column at a time by every dedup batch: its keys
# are random 64-bit hashes that neither zstd nor a dictionary can shrink but both cost
# time to decode (reading the key column of 58M rows measured ~8x faster stored plain),
# and its row groups are larger (58 rows per article: fewer groups to plan and open).
_COMPRESSION = {"band_index": {"key": "none", "article_id": "zstd", "run_id": "zstd"}}
_DICTIONARY = {"band_index": ["article_id", "run_id"]}
_ROW_GROUP_SIZE = {"band_index": 262_144}


def parquet_options(name: str) -> dict:
    """Writer options of a table's files (pq.write_table / pq.ParquetWriter)."""
    return {"compression": _COMPRESSION.get(name, "zstd"),
            "use_dictionary": _DICTIONARY.get(name, True)}


def row_group_size_of(name: str) -> int:
    return _ROW_GROUP_SIZE.get(name, ROW_GROUP_SIZE)


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    crash_point("manifest-tmp-written")  # the commit point not yet reached
    os.replace(tmp, path)


def write_table(root: Path, name: str, table: pa.Table, stem: str) -> list[str]:
    """Validate `table` against its declared schema and write it as immutable Parquet
    part files named `<stem>-NNNN.parquet`. Returns paths relative to the warehouse root.
    Zero rows -> no file."""
    validate(table, TABLES[name], name)
    if table.num_rows == 0:
        return []
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for part, offset in enumerate(range(0, table.num_rows, ROWS_PER_FILE)):
        path = folder / f"{stem}-{part:04d}.parquet"
        tmp = path.with_name(path.name + ".tmp")
        pq.write_table(table.slice(offset, ROWS_PER_FILE), tmp,
                       row_group_size=row_group_size_of(name), **parquet_options(name))
        crash_point("parquet-tmp-written")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        written.append(str(path.relative_to(root)))
    return written


def _commit(root: Path, tables: dict[str, pa.Table], manifest: dict, stem: str) -> dict:
    if "signatures" in tables and "band_index" not in tables:
        # The index of the commit's signature keys, committed with them (band_index.py).
        tables = {**tables, "band_index": band_index_rows(tables["signatures"])}
    files = {name: write_table(root, name, table, stem) for name, table in tables.items()}
    crash_point("commit-files-written")  # Parquet in place, no manifest: invisible
    return commit_manifest(root, stem, {
        **manifest, "files": files, "rows": {name: t.num_rows for name, t in tables.items()},
    })


def commit_manifest(root: Path, stem: str, manifest: dict) -> dict:
    """Write `manifests/<stem>.json` atomically: the commit point of the files it lists
    (which must already be in place). Returns the manifest as written."""
    manifest = {
        **manifest,
        "schema_version": SCHEMA_VERSION,
        "finished_at": datetime.now(UTC).isoformat(),
        "status": "complete",
        "name": f"{stem}.json",
    }
    folder = root / MANIFESTS
    folder.mkdir(parents=True, exist_ok=True)
    _atomic_write_bytes(folder / manifest["name"],
                        json.dumps(manifest, indent=2, default=str).encode("utf-8"))
    return manifest


def publish_commit(root: Path, tables: dict[str, pa.Table], manifest: dict, batch: int
                   ) -> dict:
    """Commit one batch of a run: its tables, then its manifest `<run_id>.bNNNNN.json`
    (kind "batch"). Returns the manifest."""
    stem = batch_stem(manifest["run_id"], batch)
    return _commit(root, tables, {**manifest, "kind": "batch", "batch": batch}, stem)


def publish_run(root: Path, tables: dict[str, pa.Table], manifest: dict) -> dict:
    """Write the run's remaining tables, then commit them with the run manifest
    `<run_id>.json` (kind "run"). Returns it."""
    return _commit(root, tables, {**manifest, "kind": "run"}, manifest["run_id"])


def with_declared_columns(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """A committed file's rows with exactly the declared columns, for rewriting it: an
    older file lacks columns added since (nullable by the schema rules), which become
    nulls."""
    columns = [table.column(f.name).cast(f.type) if f.name in table.column_names
               else pa.nulls(table.num_rows, f.type) for f in schema]
    return pa.Table.from_arrays(columns, schema=schema)


def batch_stem(run_id: str, batch: int) -> str:
    """File stem of a batch commit: sorts after the run's earlier batches."""
    return f"{run_id}.b{batch:05d}"
