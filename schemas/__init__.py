"""Declared schemas of every table, and the SQL views and data tests over them."""

from schemas.sql import data_tests, view_sql, views
from schemas.tables import (
    ARTICLES,
    BAND_INDEX,
    DOCUMENTS,
    ENTITIES,
    FETCH_LOG,
    PLACES,
    REJECTS,
    SCHEMA_VERSION,
    SIGNATURES,
    TABLES,
    TAKEDOWNS,
    SchemaError,
    conform,
    validate,
)

__all__ = [
    "ARTICLES",
    "BAND_INDEX",
    "DOCUMENTS",
    "ENTITIES",
    "FETCH_LOG",
    "PLACES",
    "REJECTS",
    "SCHEMA_VERSION",
    "SIGNATURES",
    "TABLES",
    "TAKEDOWNS",
    "SchemaError",
    "conform",
    "validate",
    "data_tests",
    "view_sql",
    "views",
]
