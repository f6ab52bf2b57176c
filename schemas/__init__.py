"""Declared schemas of every table and the SQL views over them."""

from schemas.tables import (
    ARTICLES,
    DOCUMENTS,
    ENTITIES,
    FETCH_LOG,
    PLACES,
    REJECTS,
    SCHEMA_VERSION,
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
    "REJECTS",
    "SCHEMA_VERSION",
    "TABLES",
    "SchemaError",
    "conform",
    "validate",
]
