"""The warehouse given as a filesystem URI (issue 10): a file:// URI is the local folder
it names, for every command; any other filesystem (s3://, gs://, ...) is refused with
exit code 2 and a sentence, before anything is written (it used to become a local
folder named `s3:`)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.reliability.warehouses import committed_warehouse


def _run(*args):
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, " ".join(result.output.split())


def test_a_file_uri_warehouse_answers_queries_from_that_folder(tmp_path, monkeypatch):
    wh = committed_warehouse(tmp_path / "news wh", runs=2, rows=3)
    monkeypatch.chdir(tmp_path)
    code, out = _run("sql", "SELECT count(*) AS n FROM rejects", "-w", wh.as_uri(),
                     "-f", "csv")
    assert code == 0, out
    assert out.split() == ["n", "6"]
    assert (wh / "pressroom.duckdb").is_file()  # the views were built in that folder
    assert not (tmp_path / "file:").exists()


@pytest.mark.parametrize("uri", ["s3://bucket/wh", "gs://bucket/wh"])
@pytest.mark.parametrize("command", [["ingest", "seeds"], ["sql", "SELECT 1"]])
def test_another_filesystem_is_refused_before_anything_is_written(tmp_path, monkeypatch,
                                                                   uri, command):
    monkeypatch.chdir(tmp_path)
    code, out = _run(*command, "-w", uri)
    assert code == 2, out
    assert "local folder or a file:// URI" in out and "Traceback" not in out
    assert list(tmp_path.iterdir()) == []
