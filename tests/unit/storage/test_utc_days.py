"""Days are UTC days whatever the zone of the process that reads the warehouse (fault
round 37). DuckDB casts a TIMESTAMPTZ to DATE in the session's zone, which it takes from
TZ: under TZ=Asia/Kathmandu an article fetched at 22:46 UTC was counted on the next day
by `daily_counts` (and the HTML report's charts), under TZ=America/St_Johns one of 01:30
UTC on the day before; another DuckDB client of the warehouse counted otherwise again."""

from __future__ import annotations

import datetime as dt

import pytest

from tasks.storage import report_html
from tests.unit.storage.test_report_views import article, connect

LATE = dt.datetime(2024, 3, 1, 22, 46, tzinfo=dt.UTC)  # 2 March in Kathmandu (+05:45)
EARLY = dt.datetime(2024, 3, 2, 1, 30, tzinfo=dt.UTC)  # 1 March in St John's (-03:30)
DAYS = {dt.date(2024, 3, 1): 1, dt.date(2024, 3, 2): 1}


def _warehouse():
    return connect({"articles": [
        article(1, "a.example", 0, published_at=LATE, cluster_id="c1"),
        article(2, "a.example", 0, published_at=EARLY, cluster_id="c2"),
    ]})


@pytest.mark.parametrize("zone", ["UTC", "Asia/Kathmandu", "America/St_Johns",
                                  "Pacific/Kiritimati", "Pacific/Pago_Pago"])
def test_the_day_views_count_utc_days_in_any_session_zone(zone):
    con = _warehouse()
    con.execute(f"SET TimeZone = '{zone}'")
    assert dict(con.execute("SELECT day, sum(articles) FROM daily_counts GROUP BY day")
                .fetchall()) == DAYS
    assert dict(con.execute("SELECT day, count(*) FROM enriched_articles GROUP BY day")
                .fetchall()) == DAYS
    assert dict(con.execute("SELECT day, sum(articles) FROM extraction_by_day GROUP BY day")
                .fetchall()) == DAYS
    assert {d for (d,) in con.execute("SELECT day FROM duplicates_by_day").fetchall()} <= \
        set(DAYS)


@pytest.mark.parametrize("zone", ["Asia/Kathmandu", "America/St_Johns"])
def test_the_reports_day_and_period_are_utc_days(zone):
    con = _warehouse()
    con.execute(f"SET TimeZone = '{zone}'")
    assert dict(con.execute(f"SELECT {report_html.DAY}, count(*) FROM articles GROUP BY 1")
                .fetchall()) == DAYS
    got = con.execute(f"SELECT count(*) FROM fetch_log WHERE {report_html.FETCHED}",
                      {"since": dt.date(2024, 3, 1), "until": dt.date(2024, 3, 1)}).fetchone()
    assert got == (0,)  # (fetch_log is empty here: the filter binds and runs)


def test_a_time_in_the_reports_tables_is_written_in_utc():
    """DuckDB hands a TIMESTAMPTZ to Python in the session's zone; the report printed its
    wall-clock time without a zone (its header says UTC)."""
    kathmandu = dt.timezone(dt.timedelta(hours=5, minutes=45))
    html = report_html.table(["at"], [(LATE.astimezone(kathmandu),)])
    assert "2024-03-01 22:46" in html and "2024-03-02" not in html
