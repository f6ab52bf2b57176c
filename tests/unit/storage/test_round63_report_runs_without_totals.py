"""`pressroom report` over a run manifest that lacks its totals, or one of them (edited by
hand, written by another tool; fault round 63): the runs view reads a missing key as NULL
(report.MANIFEST_COLUMNS), and the report's reconciliation of the run summed them: a
TypeError traceback, exit 1, and no report. Now the run is shown with "?" for what is
missing and "totals missing"."""

from __future__ import annotations

from datetime import date

import duckdb

from tasks.storage.report_html import Query, runs

RUNS = """CREATE VIEW runs AS SELECT * FROM (VALUES
    ('r-whole', TIMESTAMPTZ '2024-05-01 10:00+00', TIMESTAMPTZ '2024-05-01 10:05+00',
     5, 3, 1, 1, 0, '[]'),
    ('r-short', TIMESTAMPTZ '2024-05-02 10:00+00', NULL, 5, 3, 1, 0, 0, NULL),
    ('r-no-totals', TIMESTAMPTZ '2024-05-03 10:00+00', NULL, NULL, NULL, NULL, NULL, NULL,
     NULL),
    ('r-no-skipped', TIMESTAMPTZ '2024-05-04 10:00+00', NULL, 4, 3, 1, 0, NULL, NULL)
    ) t(run_id, started_at, finished_at, inputs, kept, rejected, failed, skipped, stages)"""


def runs_section(whole_only: bool = False) -> str:
    con = duckdb.connect()
    con.execute(RUNS)
    if whole_only:
        con.execute("CREATE TABLE whole AS FROM runs WHERE run_id IN ('r-whole', 'r-short')")
        con.execute("DROP VIEW runs")
        con.execute("ALTER TABLE whole RENAME TO runs")
    return runs(Query(con.cursor(), date(2024, 1, 1), date(2024, 12, 31))).html()


def _paragraph_of(page: str, run_id: str) -> str:
    return page.split(f"<h3>{run_id}</h3>", 1)[1].split("</p>", 1)[0]


def test_a_run_without_its_totals_is_shown_as_totals_missing() -> None:
    page = runs_section()  # before: TypeError, NoneType + NoneType
    assert "totals missing" in _paragraph_of(page, "r-no-totals")
    assert "inputs ? = kept ? + rejected ? + failed ? + skipped ?" in page
    no_skipped = _paragraph_of(page, "r-no-skipped")
    assert "inputs 4 = kept 3 + rejected 1 + failed 0 + skipped ?" in no_skipped
    assert "totals missing" in no_skipped


def test_whole_totals_are_still_balanced_or_unbalanced() -> None:
    # near miss: the runs whose totals are all there are judged as before (on the start
    # too, without the runs that lack some)
    page = runs_section(whole_only=True)
    assert "inputs 5 = kept 3 + rejected 1 + failed 1 + skipped 0 (balanced)" in page
    assert "inputs 5 = kept 3 + rejected 1 + failed 0 + skipped 0 (UNBALANCED)" in page
