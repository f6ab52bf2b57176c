"""Every read command into a pipe whose reader has gone (`pressroom sql ... | head -1`;
fault round 63): exit 1, nothing said, as click ends a command on EPIPE and as Python's
own tools and DuckDB's Python client do (1, with a traceback); git, ls and grep die of
SIGPIPE (141). Decided in round 63: 1 for every read command, whatever the command, the
format and the size of the output, and never a word on standard error (the reader chose
to stop: no failure to explain).

Before, an output small enough to stay in standard output's buffer until the
interpreter's exit (`search -f json`, `diff -f json`, `sql -f csv "SELECT 1"`) met the
closed pipe there: "Exception ignored ... BrokenPipeError", a traceback and exit 120;
here that command ended 0, its output unwritten. The large outputs pin what stays.

In the process: standard output is a real pipe with its reading end closed, buffered as
Python buffers a pipe, so every write that reaches it fails with EPIPE, as after `head -1`
has exited. (PYTHONUNBUFFERED, set on this project's machines, hid the small case.)"""

from __future__ import annotations

import io
import os
import sys

import pytest

import flows.cli as cli
from schemas import ARTICLES, conform
from tasks.storage.publish import publish_run
from tests.unit.common.test_revisions import V1, V2, _row


@pytest.fixture(scope="module")
def warehouse_of_two_revisions(tmp_path_factory):
    root = tmp_path_factory.mktemp("wh")
    for revision, text in ((1, V1), (2, V2)):
        publish_run(root, {"articles": conform([_row(revision, text)], ARTICLES, "articles")},
                    {"run_id": f"r{revision}", "started_at": f"2024-05-0{revision}",
                     "totals": {"inputs": 1, "kept": 1, "rejected": 0, "failed": 0,
                                "skipped": 0}})
    return root


READ_COMMANDS = {
    "sql table": ["sql", "SELECT range FROM range(20000)", "--max-rows", "20000"],
    "sql one row": ["sql", "SELECT 1"],
    "sql csv": ["sql", "-f", "csv", "SELECT range FROM range(200000)"],
    "sql csv one row": ["sql", "-f", "csv", "SELECT 1"],
    "sql json one row": ["sql", "-f", "json", "SELECT 1"],
    "sql json": ["sql", "-f", "json", "SELECT range FROM range(200000)"],
    "runs": ["runs"],
    "search table": ["search", "bridge"],
    "search json": ["search", "-f", "json", "bridge"],
    "search csv": ["search", "-f", "csv", "bridge"],
    "diff table": ["diff", "https://e.com/bridge"],
    "diff json": ["diff", "-f", "json", "https://e.com/bridge"],
    "report --out -": ["report", "--out", "-"],
}


@pytest.mark.parametrize("args", READ_COMMANDS.values(), ids=READ_COMMANDS.keys())
def test_a_read_command_into_a_closed_pipe_exits_1_saying_nothing(
        warehouse_of_two_revisions, monkeypatch, args):
    read_end, write_end = os.pipe()
    os.close(read_end)
    stdout = open(write_end, "w")  # noqa: SIM115 - closed below
    said = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(cli, "err", cli.Console(file=said, width=200))
    # (the console of standard output goes quiet after a closed pipe, for the process)
    monkeypatch.setattr(cli.console, "quiet", False)
    try:
        with pytest.raises(SystemExit) as ended:
            cli.app([args[0], "-w", str(warehouse_of_two_revisions), *args[1:]])
    finally:
        try:
            stdout.close()
        except BrokenPipeError:
            pass  # (what the command left in the buffer: the reader is gone)
    monkeypatch.undo()
    assert ended.value.code == 1  # before, for the small outputs: 0, the output unwritten
    # nothing but the command's ordinary notes (search's catch-up, report's steps)
    assert "Traceback" not in said.getvalue() and "cannot write" not in said.getvalue()
    assert "Broken pipe" not in said.getvalue() and "error" not in said.getvalue().lower()


@pytest.fixture
def unwritten_output():
    """A closed pipe with a line still in its buffer (set as standard output in the test
    itself: pytest's capture puts its own back after the setup)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    stdout = open(write_end, "w")  # noqa: SIM115 - closed below
    stdout.write("a row\n")
    yield stdout
    try:
        stdout.close()
    except BrokenPipeError:
        pass  # (the buffer was not sent to /dev/null)


def test_the_closed_pipe_met_at_the_end_of_a_command_is_raised_for_click(unwritten_output,
                                                                         monkeypatch):
    monkeypatch.setattr(sys, "stdout", unwritten_output)
    with pytest.raises(BrokenPipeError):
        cli._flush_standard_output()


@pytest.mark.parametrize("ending", [cli.typer.Exit(130), KeyboardInterrupt()],
                         ids=["Exit(130)", "KeyboardInterrupt"])
def test_a_command_ending_by_its_own_exit_keeps_it_over_the_closed_pipe(unwritten_output,
                                                                         monkeypatch, ending):
    # near miss: Ctrl-C's 130 (or any exit of the command's own) is not turned into 1
    monkeypatch.setattr(sys, "stdout", unwritten_output)
    try:
        raise ending
    except BaseException:
        cli._flush_standard_output()  # as click's context closes while the exit goes by
