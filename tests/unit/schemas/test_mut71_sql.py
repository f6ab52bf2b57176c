"""Seed 71 (TESTING.md): the names _files reads from the SQL files, uncached.

views() and data_tests() are cached, so only the first test to call them runs _files;
mutmut then credits _files to that test alone. Here _files is called itself."""

from __future__ import annotations

from schemas.sql import _files


def test_a_sql_files_name_is_everything_after_its_number() -> None:
    views = [name for name, _ in _files("views")]
    assert views[:2] == ["latest_signatures", "article_clusters"]
    assert "extraction_health" in views and "fetch_health" in views
    tests = [name for name, _ in _files("data_tests")]
    assert tests[0] == "articles_id_unique_per_revision"
