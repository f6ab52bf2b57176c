"""`pressroom diff` stopped by Ctrl-C in its scan (fault round 63): DuckDB's own word for
the SIGINT it caught ("Query interrupted") was a traceback and exit 1, a KeyboardInterrupt
a bare 130; now the sentence the other read commands give, and 130."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from flows.cli import app
from schemas import ARTICLES, conform
from tasks.storage import revisions
from tasks.storage.publish import publish_run
from tests.unit.common.test_revisions import V1, _row


@pytest.fixture
def one_article(tmp_path):
    publish_run(tmp_path, {"articles": conform([_row(1, V1)], ARTICLES, "articles")},
                {"run_id": "r1", "started_at": "2024-05-01"})
    return tmp_path


@pytest.mark.parametrize("stop", [KeyboardInterrupt(), RuntimeError("Query interrupted")],
                         ids=["KeyboardInterrupt", "duckdb-interrupted"])
def test_ctrl_c_in_the_scan_of_diff_is_a_sentence_and_130(one_article, monkeypatch, stop):
    def stopped(root, key):
        raise stop

    monkeypatch.setattr(revisions, "revisions_of", stopped)
    out = CliRunner().invoke(app, ["diff", "-w", str(one_article), "https://e.com/bridge"])
    assert out.exit_code == 130, out.output
    assert "interrupted:" in out.output and "the diff was stopped" in out.output
    assert "Aborted" not in out.output


def test_another_error_in_the_scan_of_diff_is_not_called_an_interruption(
        one_article, monkeypatch):
    # near miss: a RuntimeError of another kind is still the failure it is
    def failed(root, key):
        raise RuntimeError("something else")

    monkeypatch.setattr(revisions, "revisions_of", failed)
    out = CliRunner().invoke(app, ["diff", "-w", str(one_article), "https://e.com/bridge"])
    assert out.exit_code != 130
    assert isinstance(out.exception, RuntimeError) and "interrupted:" not in out.output


def test_diff_itself_is_unchanged(one_article):
    out = CliRunner().invoke(app, ["diff", "-w", str(one_article), "https://e.com/bridge"])
    assert out.exit_code == 0, out.output
    assert "one revision only (r1)" in out.output
