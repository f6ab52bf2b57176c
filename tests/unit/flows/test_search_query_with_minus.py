"""`pressroom search "-storm floods"`: a query that begins with the exclusion the help
names was taken by click for options, "No such option: -s", exit 2 (round 46's known
item, fixed in fault round 47)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("args", [
    ["-storm floods"], ["-storm floods", "--limit", "5"],
    ["-fcsv", "-storm floods"], ["-storm floods", "-f", "csv"],
    ["-storm floods", "--format=csv"]])
def test_a_query_that_begins_with_an_excluded_word_is_the_query(search, search_wh, args):
    csv = [] if {"-f", "-fcsv", "--format=csv"} & set(args) else ["-f", "csv"]
    out = search(*args, *csv, "-w", str(search_wh))
    assert out.exit_code == 0, out.output
    assert "/a1" in out.output and "/a2" not in out.output, out.output


def test_an_excluded_word_beside_the_options_letters_is_the_query(search, search_wh):
    """`-floods` is no format (`-f`) and `-weather` beside `-w W` is no second warehouse."""
    out = search("-floods storm", "-f", "csv", "-w", str(search_wh))
    assert out.exit_code == 0 and "/a1" not in out.output, out.output
    out = search("-weather storm", "-f", "csv", "-w", str(search_wh))
    assert out.exit_code == 0 and "/a2" in out.output, out.output


def test_the_options_and_a_written_double_dash_are_read_as_before(search, search_wh):
    out = search("-f", "csv", f"-w{search_wh}", "--", "-storm floods")
    assert out.exit_code == 0 and "/a1" in out.output and "/a2" not in out.output, out.output
    out = search("floods", "-fcsv", "--limit", "1", "-w", str(search_wh))
    assert out.exit_code == 0 and out.output.count("https://") == 1, out.output
    out = search("floods", "--nosuch", "-w", str(search_wh))
    assert out.exit_code == 2 and "No such option" in out.output
