"""The report's views (extraction_drift, freshness, duplicates_by_day) and the data tests,
run in DuckDB over small hand-made tables with the declared schemas."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from schemas import TABLES, conform, data_tests, views

START = dt.datetime(2024, 3, 1, 9, tzinfo=dt.UTC)
FETCHED = dt.datetime(2024, 4, 10, 12, tzinfo=dt.UTC)


def article(i: int, domain: str, day: int, *, authors=("A. Writer",), source="meta",
            words=400, title="A title", **extra) -> dict:
    return {"article_id": f"{domain}-{i}", "url": f"https://{domain}/{i}",
            "canonical_url": f"https://{domain}/{i}", "domain": domain, "source_kind": "feed",
            "published_at": START + dt.timedelta(days=day), "published_at_source": source,
            "fetched_at": FETCHED, "title": title, "authors": list(authors),
            "text": "word " * words, "word_count": words, "content_hash": f"h{domain}{i}",
            "source_name": domain.split(".")[0].title(), "run_id": "r1", **extra}


def connect(rows: dict[str, list[dict]]) -> duckdb.DuckDBPyConnection:
    """Every table (empty unless given), a runs table, and all views in file order."""
    con = duckdb.connect()
    for name, schema in TABLES.items():
        con.register("_src", conform(rows.get(name, []), schema, name))
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM _src")
        con.unregister("_src")
    runs = rows.get("runs", [])
    con.execute("CREATE TABLE runs (run_id VARCHAR, started_at TIMESTAMPTZ, inputs BIGINT, "
                "kept BIGINT, rejected BIGINT, failed BIGINT, skipped BIGINT)")
    for r in runs:
        con.execute("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?)", r)
    con.execute("CREATE TABLE file_problems (table_name VARCHAR, file VARCHAR, "
                "problem VARCHAR, detail VARCHAR)")  # build_views fills it from the disk
    for _name, sql in views():
        con.execute(sql)
    return con


def outlet_days(domain: str, days: range, per_day: int, start: int = 0, **kw) -> list[dict]:
    return [article(start + d * per_day + k, domain, d, **kw)
            for d in days for k in range(per_day)]


def alarms(con) -> list[tuple]:
    return con.execute("""SELECT domain, day, measure FROM extraction_drift WHERE alarm
                          ORDER BY domain, day, measure""").fetchall()


def test_drift_alarms_the_day_an_outlet_loses_its_bylines_and_dates_and_no_other():
    changed = (outlet_days("changed.example", range(0, 20), 3)
               + outlet_days("changed.example", range(20, 24), 3, start=1000, authors=(),
                             source="sitemap"))
    # an outlet that never had bylines, and one whose lengths vary a lot
    never = outlet_days("nobyline.example", range(0, 24), 3, authors=())
    noisy = [article(i, "noisy.example", i // 3, words=250 + (i * 97) % 400)
             for i in range(72)]
    con = connect({"articles": changed + never + noisy})
    found = alarms(con)
    assert {d for d, _, _ in found} == {"changed.example"}
    day20 = (START + dt.timedelta(days=20)).date()
    assert [(day, m) for _, day, m in found if day == day20] == [(day20, "author"),
                                                                  (day20, "date")]
    assert min(day for _, day, _ in found) == day20


def test_drift_needs_a_baseline_and_enough_articles_on_the_day():
    # 2 days of history only (6 articles): a drop is not an alarm yet
    young = (outlet_days("young.example", range(0, 2), 3)
             + outlet_days("young.example", range(2, 3), 3, start=100, authors=()))
    # a long history, but a single article on the day of the drop
    lone = (outlet_days("lone.example", range(0, 20), 2)
            + [article(999, "lone.example", 20, authors=())])
    assert alarms(connect({"articles": young + lone})) == []


def test_drift_alarms_when_the_median_length_halves():
    rows = (outlet_days("short.example", range(0, 15), 2, words=500)
            + outlet_days("short.example", range(15, 16), 3, start=500, words=120))
    assert alarms(connect({"articles": rows})) == [
        ("short.example", (START + dt.timedelta(days=15)).date(), "median_words")]


def test_freshness_lag_and_requests_per_stored_article():
    published = FETCHED - dt.timedelta(hours=10)
    arts = [article(i, "fresh.example", 0, published_at=published + dt.timedelta(hours=i))
            for i in range(5)]  # lags 10, 9, 8, 7, 6 hours
    log = [{"url": f"https://www.fresh.example/{i}", "fetched_at": FETCHED, "run_id": "r1",
            "attempts": 2 if i < 2 else 1} for i in range(8)]
    log.append({"url": "https://only-fails.example/x", "fetched_at": FETCHED, "run_id": "r1",
                "error": "timeout", "attempts": 3})
    con = connect({"articles": arts, "fetch_log": log})
    rows = {r[0]: r[2:] for r in con.execute("SELECT * FROM freshness").fetchall()}
    assert rows["fresh.example"] == (5, 8.0, 9.6, 10, 2.0)
    assert rows["only-fails.example"] == (0, None, None, 3, None)


def test_duplicates_by_day_counts_copies_per_published_day():
    arts = [article(i, "a.example", 0) for i in range(3)]
    arts += [article(9, "b.example", 1, duplicate_of="a.example-0", cluster_id="a.example-0")]
    con = connect({"articles": arts})
    assert con.execute("SELECT copies, articles, copy_share FROM duplicates_by_day "
                       "ORDER BY day").fetchall() == [(0, 3, 0.0), (1, 1, 1.0)]


def failing(con) -> dict[str, int]:
    return {name: len(con.execute(sql).fetchall()) for name, sql in data_tests()}


def test_a_healthy_warehouse_passes_every_data_test():
    arts = [article(i, "ok.example", 0) for i in range(3)]
    con = connect({
        "articles": arts,
        "entities": [{"article_id": "ok.example-0", "text": "Ana", "label": "PERSON",
                      "count": 1, "run_id": "r1"}],
        "places": [{"article_id": "ok.example-1", "iso2": "FR", "count": 2, "run_id": "r1"}],
        "runs": [("r1", FETCHED, 5, 3, 1, 1, 0)],
    })
    assert not any(failing(con).values()), failing(con)


@pytest.mark.parametrize("test, rows", [
    ("entities_places_unique", {"places": [
        {"article_id": "ok.example-0", "iso2": "FR", "count": 1, "run_id": "r1"}] * 2}),
    ("required_columns_not_null", {"rejects": [
        {"input_key": "k", "stage": "clean", "reason": "x", "rejected_at": FETCHED,
         "run_id": "r1"}], "_null": ("rejects", "stage")}),
    ("accepted_values", {"places": [
        {"article_id": "ok.example-0", "iso2": "fr", "count": 1, "run_id": "r1"}]}),
    ("accepted_values", {"_articles": {"published_at_source": "guess"}}),
    ("entities_places_have_an_article", {"entities": [
        {"article_id": "gone", "text": "Ana", "label": "PERSON", "count": 1,
         "run_id": "r1"}]}),
    ("runs_conserve_records", {"runs": [("r2", FETCHED, 5, 3, 1, 0, 0)]}),
    ("published_at_not_in_future", {"_articles": {
        "published_at": FETCHED + dt.timedelta(days=1, minutes=1)}}),
])
def test_each_data_test_catches_its_kind_of_bad_row(test, rows):
    arts = [article(0, "ok.example", 0, **rows.pop("_articles", {}))]
    null = rows.pop("_null", None)
    con = connect({"articles": arts, **rows})
    if null:  # a NULL that conform() refuses: as an older or foreign file could hold it
        table, column = null
        con.execute(f"UPDATE {table} SET {column} = NULL")
    result = failing(con)
    assert result[test] >= 1, result
    assert [n for n, c in result.items() if c] == [test]


def test_a_published_at_within_a_day_of_the_fetch_is_fine():
    arts = [article(0, "ok.example", 0, published_at=FETCHED + dt.timedelta(hours=23))]
    assert failing(connect({"articles": arts}))["published_at_not_in_future"] == 0


def test_every_date_source_the_extract_stage_writes_is_an_accepted_value():
    # the closed list of 08_accepted_values follows the extract stage's sources (a new one
    # such as 'fetch_time' must be added there, or every run's data tests fail)
    from tasks.extract.dates import DATE_SOURCE_ORDER

    sources = (*DATE_SOURCE_ORDER, "dump", "sitemap_lastmod")
    arts = [article(i, "ok.example", 0, source=s) for i, s in enumerate(sources)]
    assert failing(connect({"articles": arts}))["accepted_values"] == 0


def test_the_views_are_built_in_a_warehouse_folder_that_exists_and_in_a_new_one(tmp_path):
    # seed 59: a warehouse folder that exists without its pressroom.duckdb (the first
    # report after an ingest) gets one, as a folder not made yet does; a second call
    # finds it and builds nothing
    from tasks.storage.report import DB_NAME, ensure_views

    for root in (tmp_path, tmp_path / "new" / "warehouse"):
        db = ensure_views(root)
        assert db == root / DB_NAME and db.exists()
        stamp = db.stat().st_mtime_ns
        assert ensure_views(root) == db and db.stat().st_mtime_ns == stamp
