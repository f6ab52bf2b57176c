"""Every published column's type, pinned by a golden file written by hand, not by the code.

The declared schemas (schemas/tables.py) are what writers validate against, so a test that
builds a table from them and validates it proves nothing about the schema itself: widening
ARTICLES.word_count to int64 would pass. golden_schema.txt lists every published column
(table.column: type [NOT NULL]) and the SCHEMA_VERSION of that listing, with the digest of
the listing of every version so far. A deliberate schema change therefore:

1. replaces the listing in golden_schema.txt (the failure message prints the new one),
2. bumps SCHEMA_VERSION in schemas/tables.py, and
3. appends a `schema_version N sha256:<digest>` line (the failure message prints it).

Changing the schema without bumping the version, or bumping it without a change, fails.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyarrow.parquet as pq

from schemas import SCHEMA_VERSION, TABLES, conform
from tasks.storage.publish import publish_run
from tests.unit.schemas.test_tables import sample_rows

GOLDEN = Path(__file__).with_name("golden_schema.txt")
PUBLISHED = ("articles", "rejects", "fetch_log", "entities", "places", "signatures",
             "takedowns", "band_index")


def column_line(table: str, field) -> str:
    return f"{table}.{field.name}: {field.type}{'' if field.nullable else ' NOT NULL'}"


def current_listing() -> list[str]:
    return [column_line(name, f) for name, schema in TABLES.items() for f in schema]


def digest(listing: list[str]) -> str:
    return "sha256:" + hashlib.sha256("\n".join(listing).encode("utf-8")).hexdigest()


def golden() -> tuple[dict[int, str], list[str]]:
    versions: dict[int, str] = {}
    listing: list[str] = []
    for line in GOLDEN.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("schema_version "):
            _, number, dig = line.split()
            assert int(number) not in versions, f"version {number} recorded twice"
            versions[int(number)] = dig
        else:
            listing.append(line)
    return versions, listing


def _how_to_update(listing: list[str]) -> str:
    return ("\nA deliberate schema change: replace the listing in golden_schema.txt with\n"
            + "\n".join(listing)
            + f"\nbump SCHEMA_VERSION to {SCHEMA_VERSION + 1} in schemas/tables.py and append"
            f"\nschema_version {SCHEMA_VERSION + 1} {digest(listing)}")


def test_published_tables_are_the_golden_ones():
    assert tuple(TABLES) == PUBLISHED


def test_every_published_column_has_its_golden_type_and_nullability():
    _, want = golden()
    got = current_listing()
    missing = [line for line in want if line not in got]
    added = [line for line in got if line not in want]
    assert got == want, (
        f"published schema differs from golden_schema.txt\n  golden only: {missing}\n"
        f"  code only:   {added}" + _how_to_update(got))


def test_golden_file_records_the_current_schema_version():
    versions, listing = golden()
    assert max(versions) == SCHEMA_VERSION, (
        f"SCHEMA_VERSION is {SCHEMA_VERSION} but golden_schema.txt is at {max(versions)}: "
        "a version bump comes with its schema change in the golden file, and the line\n"
        f"schema_version {SCHEMA_VERSION} {digest(listing)}")
    assert versions[SCHEMA_VERSION] == digest(listing), (
        f"the golden listing changed but SCHEMA_VERSION is still {SCHEMA_VERSION}: bump it"
        f" and append\nschema_version {SCHEMA_VERSION + 1} {digest(listing)}")


def test_every_version_bump_changed_the_schema():
    versions, _ = golden()
    assert sorted(versions) == list(range(min(versions), max(versions) + 1))
    assert len(set(versions.values())) == len(versions), \
        "two schema versions with the same listing: a bump without a schema change"


def test_spot_checks_of_columns_consumers_rely_on():
    # Written out by hand, independent of both schemas/tables.py and the golden file.
    got = set(current_listing())
    for line in (
        "articles.word_count: int32 NOT NULL",
        "articles.text: string NOT NULL",
        "articles.published_at: timestamp[us, tz=UTC]",
        "articles.language_score: float",
        "articles.revision: int32",
        "articles.authors: list<item: string>",
        "rejects.rejected_at: timestamp[us, tz=UTC] NOT NULL",
        "fetch_log.bytes: int64",
        "fetch_log.status: int32",
        "signatures.signature: binary NOT NULL",
        "signatures.band_keys: list<item: uint64> NOT NULL",
    ):
        assert line in got


def test_published_parquet_files_carry_the_golden_types(tmp_path):
    """What lands on disk, read back from Parquet, has the golden types (not just what the
    in-memory table had)."""
    tables = {name: conform(sample_rows(name), schema, name) for name, schema in TABLES.items()}
    manifest = publish_run(tmp_path, tables, {"run_id": "r1", "started_at": "2024-05-02"})
    assert manifest["schema_version"] == SCHEMA_VERSION
    _, want = golden()
    got = []
    for name in TABLES:
        (rel,) = manifest["files"][name]
        got += [column_line(name, f) for f in pq.read_schema(tmp_path / rel)]
    # Parquet names a list's child "element" where Arrow says "item"; readers ignore it.
    assert [line.replace("list<element: ", "list<item: ") for line in got] == want
