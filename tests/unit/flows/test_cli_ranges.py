"""--since / --until of `pressroom report` and `pressroom search`: a range that holds no
day is refused before any work (fault round 11 left it: the report was written empty,
over the last run's report, and the search answered nothing, without a word)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from typer.testing import CliRunner

from flows.cli import app


@pytest.mark.parametrize("command", [["report"], ["search", "council"]])
@pytest.mark.parametrize(("since", "until"), [
    ("2024-05-02", "2024-05-01"),
    ("2024-05-02T00:30:00+00:00", "2024-05-01"),
    ("2024-05-02", "2024-05-01T23:59:00Z"),
])
def test_a_range_that_ends_before_it_starts_is_refused(warehouse, command, since, until):
    out = CliRunner().invoke(app, [*command, "-w", str(warehouse), "--since", since,
                                   "--until", until])
    assert out.exit_code == 2, out.output
    assert f"--since {since} is after --until {until}" in out.output
    assert not (warehouse / "reports").exists()  # nothing written


@pytest.mark.parametrize(("since", "until"), [
    ("2024-05-01", "2024-05-01"),  # one day
    ("2024-05-01T18:00:00Z", "2024-05-01"),  # the same day, by its date
])
def test_a_range_of_one_day_is_taken(warehouse, since, until):
    # an empty warehouse: the range passes, and the command stops at "no runs yet"
    out = CliRunner().invoke(app, ["report", "-w", str(warehouse), "--since", since,
                                   "--until", until])
    assert out.exit_code == 1, out.output
    assert "no runs yet" in out.output


@pytest.mark.parametrize("until", ["2024-05-03", "20240503", "2024-W18-5"])
def test_a_day_in_any_iso_form_is_the_whole_day(warehouse, until):
    """Round 26: `--until 20240503` (ISO's basic form) was read as the instant 00:00 of
    that day, `--until 2024-05-03` as the whole day: the day's articles left out of the
    search without a word."""
    from tasks.storage import search as S
    from tests.unit.storage.test_search import BUDGET, FLOOD, _article, _commit

    rows = [_article("a1", "River floods valley", FLOOD, "r1", day=1),
            _article("a2", "Budget passes", BUDGET, "r1", day=3)]
    S.index_commit(warehouse, _commit(warehouse, "r1", rows), "r1")
    out = CliRunner().invoke(app, ["search", "river", "-w", str(warehouse), "--until", until,
                                   "--since", until, "--format", "json"])
    assert out.exit_code == 0, out.output
    assert "https://e.com/a2" in out.output and "https://e.com/a1" not in out.output


# --- mutation seed 59: `_day` ------------------------------------------------------------

@pytest.mark.parametrize("option", ["--since", "--until"])
@pytest.mark.parametrize("value", ["yesterday", "2024-13-01", "2024-05-01T25:00Z"])
def test_a_value_that_is_no_day_or_timestamp_exits_2_saying_which(warehouse, option, value):
    out = CliRunner().invoke(app, ["search", "council", "-w", str(warehouse), option, value])
    assert out.exit_code == 2, out.output
    assert f"{option}: {value!r} is not YYYY-MM-DD or an ISO timestamp" in " ".join(
        out.output.split())
    assert not (warehouse / "reports").exists()


@pytest.mark.parametrize("since", ["2024-05-01t18:00:00z", "2024-05-01T18:00:00z",
                                   "2024-05-01t18:00:00Z", "2024-05-01T18:00:00Z"])
def test_a_timestamp_with_t_or_z_in_lower_case_is_read(warehouse, since):
    """RFC 3339 5.6: the "T" and "Z" of a timestamp may be written in lower case
    (`2024-05-01t18:00:00z`); such a value was refused as no ISO timestamp."""
    from flows.cli import _day

    assert _day(since, "--since") == datetime(2024, 5, 1, 18, tzinfo=UTC)
    out = CliRunner().invoke(app, ["report", "-w", str(warehouse), "--since", since,
                                   "--until", "2024-05-01"])
    assert out.exit_code == 1, out.output  # the range passes: "no runs yet"
    assert "no runs yet" in out.output


def test_a_negative_count_of_files_to_compact_is_refused(warehouse):
    """Fault round 46: `compact --min-files -3` was taken (as 0) and merged every table."""
    (warehouse / "manifests").mkdir()
    out = CliRunner().invoke(app, ["compact", "--min-files", "-3", "-w", str(warehouse)])
    assert out.exit_code == 2, out.output
    assert "--min-files" in out.output and "greater than or equal to 0" in out.output
    assert not list((warehouse / "manifests").iterdir())  # nothing committed


@pytest.mark.parametrize("args", [["--days", "0"], ["--days", "-3"], ["--per-day", "0"],
                                  ["--per-day", "-1"], ["--per-day", "nan"],
                                  ["--per-day", "inf"]])
def test_a_demo_of_no_day_or_no_article_is_refused_before_it_starts(warehouse, args):
    """Fault round 47: `demo --days 0` (or a --per-day of 0, -1, nan) was a traceback from
    random.sample ("Sample larger than population or is negative") or int(nan)."""
    out = CliRunner().invoke(app, ["demo", *args, "-w", str(warehouse)])
    said = " ".join(out.output.split())
    assert out.exit_code == 2, said
    assert "Traceback" not in said and ("--days" in said or "--per-day" in said), said
    assert not (warehouse / "manifests").exists()


def test_a_demo_site_of_a_few_articles_has_no_wire_story_to_copy():
    """Fault round 47: `demo --per-day 0.1 --days 2` (a quick look) had no wire article,
    and random.sample of one from none was the traceback."""
    from flows.demo_site import generate

    site = generate(seed=7, days=2, per_day=0.1)
    assert site is not None
    assert len(generate(seed=7, days=28, per_day=2.5).articles) > 100  # as before
