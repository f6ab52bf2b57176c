"""Declared schemas of every table and the SQL views over them."""

from schemas.tables import (
    ARTICLES,
    DOCUMENTS,
    ENTITIES,
    FETCH_LOG,
    LATEST_SIGNATURES_SQL,
    PLACES,
    REJECTS,
    SCHEMA_VERSION,
    SIGNATURES,
    TABLES,
    SchemaError,
    conform,
    validate,
)

__all__ = [
    "ARTICLES",
    "DOCUMENTS",
    "ENTITIES",
    "FETCH_LOG",
    "PLACES",
    "LATEST_SIGNATURES_SQL",
    "REJECTS",
    "SCHEMA_VERSION",
    "SIGNATURES",
    "TABLES",
    "SchemaError",
    "conform",
    "validate",
]
