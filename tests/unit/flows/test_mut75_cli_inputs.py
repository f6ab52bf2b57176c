"""Mutation seed 75: `_require_inputs` (flows/cli.py) on a broken link named as an
input, in the case its hand mutants were not asked: the sentence is one line, however
long (to copy or grep), as seed 72 asked of the other refusals."""

from __future__ import annotations

from typer.testing import CliRunner

from flows.cli import app


def test_a_broken_links_refusal_is_one_line_however_long(tmp_path, warehouse):
    deep = tmp_path / ("a-folder-with-a-long-name-" * 4)
    deep.mkdir()
    link = deep / "dangling.urls"
    link.symlink_to("gone-too-with-a-long-name-of-its-own.urls")
    result = CliRunner().invoke(app, ["ingest", str(link), "-w", str(warehouse)],
                                env={"COLUMNS": "80"})
    assert result.exit_code == 2, result.output
    line = (f"no such input: {link}: a symbolic link to "
            "'gone-too-with-a-long-name-of-its-own.urls', which does not exist")
    assert len(line) > 80
    assert line in result.output.splitlines()[0], result.output
