"""`pressroom report` and the report flow's task on a warehouse whose runs did not finish
(fault round 28)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from flows.cli import app
from schemas import ARTICLES, conform
from tasks.storage.publish import publish_commit, publish_run
from tests.unit.storage.test_search import BUDGET, FLOOD, _article

KILLED = "20261205T000000Z-aaaaaa"


def _batch(root: Path, run_id: str) -> None:
    """One batch commit of two articles, and no run manifest: a run killed after it."""
    rows = [_article("a1", "River floods valley", FLOOD, run_id, day=1),
            _article("a2", "Budget passes", BUDGET, run_id, day=3)]
    publish_commit(root, {"articles": conform(rows, ARTICLES, "articles")},
                   {"run_id": run_id, "started_at": "2026-12-05T00:00:00+00:00"}, 1)


def test_a_report_of_a_warehouse_whose_only_run_did_not_finish(warehouse):
    """Before: "no runs yet in ...: run `pressroom ingest` first", exit 1, while `sql`,
    `search` and `runs` showed the run's committed articles. Now the report, named after
    that run, with a note saying it did not finish."""
    _batch(warehouse, KILLED)
    out = CliRunner().invoke(app, ["report", "-w", str(warehouse)])
    assert out.exit_code == 0, out.output
    text = " ".join(out.output.split())
    assert "no runs yet" not in text
    assert (f"note: no run has finished; {KILLED} stopped before its end (killed, or "
            "failed): the report shows the 2 article(s) of its 1 batch commit(s)") in text
    assert (warehouse / "reports" / f"{KILLED}.html").is_file()
    assert "River floods valley" in (warehouse / "reports" / "latest.html").read_text("utf-8")


def test_the_report_flows_task_gives_the_reports_path(warehouse):
    """Before: the task put write_html_report's (path, sections) pair in the result's
    `html`, so the scheduled report flow returned "(PosixPath('...'), {...})" as its
    report."""
    from tasks.steps import refresh_report_task

    _batch(warehouse, "20261206T000000Z-bbbbbb")
    publish_run(warehouse, {}, {"run_id": "20261206T000000Z-bbbbbb", "totals": {}})
    done = refresh_report_task.fn(warehouse)
    assert done.html == warehouse / "reports" / "20261206T000000Z-bbbbbb.html"
    assert done.html.is_file() and done.notes == [] and done.sections["volume"]


def test_the_report_flows_task_reports_a_run_that_did_not_finish(warehouse):
    """Before: None (the flow: "no runs yet ...: nothing to report")."""
    from tasks.steps import refresh_report_task

    _batch(warehouse, KILLED)
    done = refresh_report_task.fn(warehouse)
    assert done is not None and done.html == warehouse / "reports" / f"{KILLED}.html"
    assert KILLED in done.notes[0]


def test_a_warehouse_no_run_committed_to_still_has_no_report(warehouse):
    (warehouse / "manifests").mkdir()
    (warehouse / "manifests" / "x.json.tmp").write_text(json.dumps({"run_id": "x"}))
    out = CliRunner().invoke(app, ["report", "-w", str(warehouse)])
    assert out.exit_code == 1 and "no runs yet" in out.output
