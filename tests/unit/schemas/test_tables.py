"""Declared schemas: conform/validate catch drift with a clear message."""

from __future__ import annotations

from datetime import UTC, datetime

import pyarrow as pa
import pytest

from schemas import ARTICLES, REJECTS, TABLES, SchemaError, conform, validate


def _reject(**over):
    row = {"input_key": "k", "stage": "clean", "reason": "too_short",
           "rejected_at": datetime.now(UTC), "run_id": "r"}
    return {**row, **over}


NOW = datetime(2024, 5, 2, 8, 0, tzinfo=UTC)


def sample_rows(name: str) -> list[dict]:
    """One row per table with every NOT NULL column set (a few nullable ones too)."""
    return {
        "articles": [{"article_id": "a1", "url": "https://e.com/a", "canonical_url":
                      "https://e.com/a", "domain": "e.com", "source_kind": "url",
                      "text": "Body.", "word_count": 1, "content_hash": "h1", "run_id": "r1",
                      "fetched_at": NOW, "authors": ["Maria Lopez"], "language_score": 0.5,
                      "published_at_alternatives": [{"source": "meta", "value": NOW}],
                      "entities": [{"text": "Kyiv", "label": "GPE", "count": 2}],
                      "quotes": [{"quote": "Yes.", "speaker": None}]}],
        "rejects": [_reject(rejected_at=NOW, run_id="r1")],
        "fetch_log": [{"url": "https://e.com/a", "fetched_at": NOW, "run_id": "r1",
                       "status": 200, "bytes": 5_000_000_000, "redirects": ["https://e.com/"]}],
        "entities": [{"article_id": "a1", "text": "Kyiv", "label": "GPE", "count": 2,
                      "run_id": "r1"}],
        "places": [{"article_id": "a1", "iso2": "UA", "count": 2, "run_id": "r1"}],
        "signatures": [{"article_id": "a1", "content_hash": "h1", "cluster_id": "a1",
                        "first_seen": NOW, "signature": b"\x00" * 512,
                        "band_keys": [2**64 - 1] * 16, "params": "mh32", "recorded_at": NOW,
                        "run_id": "r1", "shingle_count": 300,
                        "containment_keys": [2**64 - 2] * 42}],
        "takedowns": [{"url": "https://e.com/a", "article_ids": ["a1"], "reason": "legal",
                       "requested_at": NOW, "rows_removed": 3, "warc_records_removed": 2,
                       "run_id": "forget-1"}],
        "band_index": [{"key": 2**64 - 1, "article_id": "a1", "run_id": "r1"}],
    }[name]


def test_conform_fills_nullable_columns():
    table = conform([_reject(rejected_at=NOW)], REJECTS, "rejects")
    # Independent expectations, not the schema the table was built from.
    assert table.column_names == ["article_id", "url", "source_kind", "source", "input_key",
                                  "stage", "reason", "detail", "rejected_at", "run_id"]
    assert table.to_pylist() == [{
        "article_id": None, "url": None, "source_kind": None, "source": None,
        "input_key": "k", "stage": "clean", "reason": "too_short", "detail": None,
        "rejected_at": NOW, "run_id": "r"}]
    assert table.schema.field("rejected_at").type == pa.timestamp("us", tz="UTC")
    assert not table.schema.field("reason").nullable and table.schema.field("detail").nullable


def test_conform_coerces_values_to_the_declared_types():
    (row,) = conform(sample_rows("articles"), ARTICLES, "articles").to_pylist()
    assert row["word_count"] == 1 and row["language_score"] == 0.5
    assert row["published_at_alternatives"] == [{"source": "meta", "value": NOW}]
    assert row["entities"] == [{"text": "Kyiv", "label": "GPE", "count": 2}]
    assert row["revision"] is None and row["places"] is None
    types = {f.name: str(f.type) for f in conform(sample_rows("articles"), ARTICLES,
                                                   "articles").schema}
    assert (types["word_count"], types["language_score"], types["fetched_at"]) == (
        "int32", "float", "timestamp[us, tz=UTC]")


def test_conform_refuses_a_word_count_beyond_int32():
    rows = [{**sample_rows("articles")[0], "word_count": 2**31}]
    with pytest.raises(SchemaError, match=r"articles\.word_count"):
        conform(rows, ARTICLES, "articles")


def test_conform_refuses_null_in_not_null_column():
    with pytest.raises(SchemaError, match=r"rejects\.reason is declared NOT NULL"):
        conform([_reject(reason=None)], REJECTS, "rejects")


def test_conform_refuses_undeclared_column():
    with pytest.raises(SchemaError, match="undeclared columns"):
        conform([_reject(colour="red")], REJECTS, "rejects")


def test_conform_refuses_wrong_type():
    with pytest.raises(SchemaError, match=r"rejects\.rejected_at"):
        conform([_reject(rejected_at="yesterday")], REJECTS, "rejects")


def test_validate_names_the_drifting_column():
    table = conform([_reject()], REJECTS, "rejects")
    drifted = table.set_column(table.schema.get_field_index("detail"), "detail",
                               pa.array([1], pa.int64()))
    with pytest.raises(SchemaError, match="detail: expected string, got int64"):
        validate(drifted, REJECTS, "rejects")


def test_validate_ignores_schema_metadata():
    """A table read back from Parquet (or built by pandas) carries schema metadata; only
    the columns, their types and nullability are the contract."""
    table = conform([_reject()], REJECTS, "rejects")
    validate(table.replace_schema_metadata({"pandas": "{}", "origin": "parquet"}), REJECTS,
             "rejects")


def test_validate_names_the_not_null_column_that_has_nulls():
    table = pa.Table.from_pylist([_reject(reason=None)], schema=REJECTS)  # no conform()
    with pytest.raises(SchemaError, match=r"rejects\.reason is declared NOT NULL"):
        validate(table, REJECTS, "rejects")


def test_every_table_has_run_id_and_articles_has_contract_columns():
    for name, schema in TABLES.items():
        assert "run_id" in schema.names, name
    for column in ("article_id", "url", "canonical_url", "domain", "source_kind", "fetched_at",
                   "published_at", "published_at_source", "title", "authors", "language",
                   "text", "word_count", "content_hash", "cluster_id", "duplicate_of",
                   "extractor", "extractor_version", "places", "keywords", "quotes",
                   "source_country", "source_type"):
        assert column in ARTICLES.names


def test_conform_checks_a_table_as_it_checks_rows():
    # seed 52: a pyarrow table is read as its rows: a missing nullable column is added,
    # an undeclared one or a null in a NOT NULL column refused
    given = pa.table({"input_key": ["k"], "stage": ["clean"], "reason": ["too_short"],
                      "rejected_at": [NOW], "run_id": ["r"]})
    table = conform(given, REJECTS, "rejects")
    assert table.schema.equals(REJECTS, check_metadata=False)
    assert table.to_pylist() == conform([_reject(rejected_at=NOW)], REJECTS, "rejects").to_pylist()
    with pytest.raises(SchemaError, match="undeclared columns"):
        conform(given.append_column("colour", pa.array(["red"])), REJECTS, "rejects")
    with pytest.raises(SchemaError, match=r"rejects\.reason is declared NOT NULL"):
        conform(given.set_column(2, "reason", pa.array([None], pa.string())), REJECTS, "rejects")
