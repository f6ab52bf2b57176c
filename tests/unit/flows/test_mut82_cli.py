"""Seed 82: Ctrl-C in `reprocess`, `backfill`, `forget` and `reindex` (fault round 58:
each exited 130 without a word) says what the stop left and each command's own way on.
The commands run through typer's runner; the work each wraps (the flow, the takedown,
the rebuild) is replaced by one that is stopped as Ctrl-C stops it (KeyboardInterrupt)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import flows.backfill
import flows.reprocess
import tasks.storage.forget
import tasks.storage.search
from flows import cli
from flows.cli import app


def _stopped(*args, **kwargs):
    raise KeyboardInterrupt


def _said(out) -> str:
    return " ".join(out.output.split())


@pytest.mark.parametrize("go_on", [cli.REPROCESS_GOES_ON, cli.BACKFILL_GOES_ON])
def test_a_stopped_run_says_its_commands_own_way_on(go_on: str, capsys) -> None:
    with pytest.raises(typer.Exit) as stop, cli._interrupted_run_is_a_sentence(go_on):
        raise KeyboardInterrupt
    assert stop.value.exit_code == 130
    assert " ".join(capsys.readouterr().err.split()).endswith(" ".join(go_on.split()))


@pytest.fixture
def no_server(monkeypatch) -> None:
    """The run commands' checks of a Prefect server and the flows' start, skipped: the
    flow replaced is never sent anywhere."""
    monkeypatch.setattr(cli, "_require_api", lambda: None)
    monkeypatch.setattr(cli, "_before_flows", lambda: None)


def test_a_stopped_reprocess_says_it_re_extracts_again(warehouse, monkeypatch, no_server):
    monkeypatch.setattr(flows.reprocess, "reprocess", _stopped)
    out = CliRunner().invoke(app, ["reprocess", "-w", str(warehouse)])
    assert out.exit_code == 130, _said(out)
    assert " ".join(cli.REPROCESS_GOES_ON.split()) in _said(out)


def test_a_stopped_backfill_says_ingested_files_are_skipped(warehouse, tmp_path: Path,
                                                              monkeypatch, no_server):
    source = tmp_path / "ccnews"
    source.mkdir()
    monkeypatch.setattr(cli, "_on_runner", lambda flow, settings: (_stopped, settings))
    out = CliRunner().invoke(app, ["backfill", str(source), "--from", "2026-12-01", "--to",
                                   "2026-12-02", "-w", str(warehouse)])
    assert out.exit_code == 130, _said(out)
    assert " ".join(cli.BACKFILL_GOES_ON.split()) in _said(out)


def test_a_stopped_takedown_says_what_it_left(warehouse, monkeypatch):
    monkeypatch.setattr(tasks.storage.forget, "forget", _stopped)
    out = CliRunner().invoke(app, ["forget", "--url", "https://news.example/a1", "-w",
                                   str(warehouse)])
    assert out.exit_code == 130, _said(out)
    assert _said(out).startswith("interrupted: the takedown was stopped")


def test_a_stopped_rebuild_says_searches_go_on(warehouse, monkeypatch):
    monkeypatch.setattr(tasks.storage.search, "rebuild", _stopped)
    out = CliRunner().invoke(app, ["reindex", "-w", str(warehouse)])
    assert out.exit_code == 130, _said(out)
    assert _said(out).startswith("interrupted: the rebuild was stopped")
