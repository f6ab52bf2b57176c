"""`pressroom search "-storm floods"`: a query that begins with the exclusion the help
names was taken by click for options, "No such option: -s", exit 2 (round 46's known
item, fixed in fault round 47)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from flows.cli import app
from tasks.storage import search as search_index
from tests.unit.storage.test_search import _article, _commit

FLOOD = "Heavy rain flooded the river valley overnight.\n\nThe mayor ordered an evacuation."
STORM = "A storm flooded the coast overnight.\n\nThe mayor ordered an evacuation."


@pytest.fixture
def wh(warehouse):
    rows = [_article("a1", "River floods valley", FLOOD, "r1"),
            _article("a2", "Storm floods coast", STORM, "r1")]
    search_index.index_commit(warehouse, _commit(warehouse, "r1", rows), "r1")
    return warehouse


@pytest.mark.parametrize("args", [
    ["-storm floods"], ["-storm floods", "--limit", "5"],
    ["-fcsv", "-storm floods"], ["-storm floods", "-f", "csv"],
    ["-storm floods", "--format=csv"]])
def test_a_query_that_begins_with_an_excluded_word_is_the_query(wh, args):
    out = CliRunner().invoke(app, ["search", *args, "-w", str(wh)] if "-f" in args
                             or "-fcsv" in args or "--format=csv" in args
                             else ["search", *args, "-f", "csv", "-w", str(wh)])
    assert out.exit_code == 0, out.output
    assert "/a1" in out.output and "/a2" not in out.output, out.output


def test_an_excluded_word_beside_the_options_letters_is_the_query(wh):
    """`-floods` is no format (`-f`) and `-weather` beside `-w W` is no second warehouse."""
    runner = CliRunner()
    out = runner.invoke(app, ["search", "-floods storm", "-f", "csv", "-w", str(wh)])
    assert out.exit_code == 0 and "/a1" not in out.output, out.output
    out = runner.invoke(app, ["search", "-weather storm", "-f", "csv", "-w", str(wh)])
    assert out.exit_code == 0 and "/a2" in out.output, out.output


def test_the_options_and_a_written_double_dash_are_read_as_before(wh):
    runner = CliRunner()
    out = runner.invoke(app, ["search", "-f", "csv", f"-w{wh}", "--", "-storm floods"])
    assert out.exit_code == 0 and "/a1" in out.output and "/a2" not in out.output, out.output
    out = runner.invoke(app, ["search", "floods", "-fcsv", "--limit", "1", "-w", str(wh)])
    assert out.exit_code == 0 and out.output.count("https://") == 1, out.output
    out = runner.invoke(app, ["search", "floods", "--nosuch", "-w", str(wh)])
    assert out.exit_code == 2 and "No such option" in out.output
