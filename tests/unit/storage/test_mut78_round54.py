"""Mutation seed 78: fault round 54's storage answers as a caller reads them: when a run
after a clock set back is recorded as starting (`start_after_commits`) and the note it
writes, and DuckDB's advice to INSTALL an extension replaced by why pressroom cannot
(`extension_advice_replaced`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from tasks.storage.report import extension_advice_replaced
from tasks.storage.warehouse import start_after_commits

NOW = datetime(2026, 12, 7, 4, 40, tzinfo=UTC)


def test_a_clock_behind_the_latest_commit_starts_the_run_a_second_after_it() -> None:
    latest = NOW + timedelta(hours=2, microseconds=700_000)
    found = [{"started_at": (NOW - timedelta(days=1)).isoformat()},
             {"started_at": latest.isoformat()},
             {"started_at": (NOW + timedelta(hours=1)).isoformat()}]
    started, note = start_after_commits(found, NOW)
    assert started == NOW + timedelta(hours=2, seconds=1)
    assert note == (
        "the clock reads 2026-12-07 04:40:00 UTC, before the latest commit of this "
        "warehouse (2026-12-07 06:40:00 UTC): it was set back; the run is recorded as "
        "starting at 2026-12-07 06:40:01 UTC so that runs stay in the order they ran")


def test_a_clock_equal_to_the_latest_commit_is_behind_it() -> None:
    started, note = start_after_commits([{"started_at": NOW.isoformat()}], NOW)
    assert started == NOW + timedelta(seconds=1)
    assert note is not None
    later = NOW + timedelta(microseconds=1)
    assert start_after_commits([{"started_at": NOW.isoformat()}], later) == (later, None)


def test_a_commit_written_in_another_zone_is_compared_in_utc() -> None:
    berlin = timezone(timedelta(hours=1))
    # 05:10 in Berlin is 04:10 UTC: before the clock's 04:40
    found = [{"started_at": datetime(2026, 12, 7, 5, 10, tzinfo=berlin).isoformat()}]
    assert start_after_commits(found, NOW) == (NOW, None)
    # 06:10 in Berlin is 05:10 UTC: after it
    found = [{"started_at": datetime(2026, 12, 7, 6, 10, tzinfo=berlin).isoformat()}]
    started, note = start_after_commits(found, NOW)
    assert started == datetime(2026, 12, 7, 5, 10, 1, tzinfo=UTC)
    assert "(2026-12-07 05:10:00 UTC)" in note


@pytest.mark.parametrize("found", [[], [{"started_at": None}], [{}],
                                   [{"started_at": "edited by hand"}]])
def test_commits_with_no_readable_start_keep_the_clock(found) -> None:
    assert start_after_commits(found, NOW) == (NOW, None)


def test_an_unreadable_start_among_readable_ones_is_skipped() -> None:
    found = [{"started_at": "edited"}, {"started_at": (NOW + timedelta(days=3)).isoformat()},
             {"started_at": None}]
    assert start_after_commits(found, NOW)[0] == NOW + timedelta(days=3, seconds=1)


# --- DuckDB's advice to install an extension ---------------------------------------------

FIRST = ('IO Error: Extension "httpfs" not loaded. Install it first using "INSTALL httpfs". '
         "Then run the query.")
TRY = ("Catalog Error: Table Function with name st_read does not exist! Please try "
       "installing and loading the spatial extension: INSTALL spatial; LOAD spatial;  "
       "LINE 1: SELECT")


def test_install_it_first_is_replaced_by_why_not() -> None:
    assert extension_advice_replaced(FIRST) == (
        'IO Error: Extension "httpfs" not loaded.\nThe query needs DuckDB\'s httpfs '
        "extension, which is not installed with pressroom, and pressroom sql installs none "
        "(INSTALL downloads code from the internet: it is refused). Query the warehouse's "
        "tables and local files instead.\nThen run the query.")


def test_please_try_installing_is_replaced_and_what_follows_kept() -> None:
    out = extension_advice_replaced(TRY)
    assert out.startswith("Catalog Error: Table Function with name st_read does not exist!\n"
                          "The query needs DuckDB's spatial extension")
    assert out.endswith("tables and local files instead.\nLINE 1: SELECT")
    assert "INSTALL spatial" not in out


def test_advice_at_the_messages_end_leaves_no_trailing_space() -> None:
    out = extension_advice_replaced('Extension "httpfs" not loaded. Install it first using '
                                    '"INSTALL httpfs"')
    assert out.endswith("tables and local files instead.")


@pytest.mark.parametrize("said", [
    "Catalog Error: Table with name nope does not exist!",
    "Parser Error: syntax error at or near INSTALL httpfs"])
def test_a_message_with_no_advice_is_as_duckdb_says(said: str) -> None:
    assert extension_advice_replaced(said) == said
