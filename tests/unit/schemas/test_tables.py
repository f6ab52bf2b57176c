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


def test_conform_fills_nullable_columns():
    table = conform([_reject()], REJECTS, "rejects")
    assert table.schema.equals(REJECTS)
    assert table.column("detail").to_pylist() == [None]


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


def test_every_table_has_run_id_and_articles_has_contract_columns():
    for name, schema in TABLES.items():
        assert "run_id" in schema.names, name
    for column in ("article_id", "url", "canonical_url", "domain", "source_kind", "fetched_at",
                   "published_at", "published_at_source", "title", "authors", "language",
                   "text", "word_count", "content_hash", "cluster_id", "duplicate_of",
                   "extractor", "extractor_version", "places", "keywords", "quotes",
                   "source_country", "source_type"):
        assert column in ARTICLES.names
