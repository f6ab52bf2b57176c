"""The SQL files beside the schemas: each view and data test is named after its file."""

from __future__ import annotations

import re

import pytest

from schemas.sql import data_tests, view_sql, views


def test_each_view_is_named_after_its_file_and_creates_that_view():
    names = [name for name, _ in views()]
    assert len(names) == len(set(names))
    for name, sql in views():
        # the whole name after the number, underscores included ("fetch_health")
        created = re.search(r"CREATE OR REPLACE VIEW (\w+)", sql)
        assert created is not None and created.group(1) == name


def test_view_sql_finds_a_view_by_its_full_name():
    assert "CREATE OR REPLACE VIEW latest_signatures" in view_sql("latest_signatures")
    with pytest.raises(KeyError):
        view_sql("signatures")


def test_data_tests_keep_their_whole_names_in_file_order():
    names = [name for name, _ in data_tests()]
    assert names[0] == "articles_id_unique_per_revision"
    assert "stories_one_row_per_cluster" in names
    assert all(sql.strip() for _, sql in data_tests())
