"""`pressroom ingest ""`: an empty argument (an unset shell variable) is refused before
any work; as a path it was the current folder, read recursively (fault round 46)."""

from __future__ import annotations

from typer.testing import CliRunner

from flows.cli import app


def test_an_empty_input_on_the_command_line_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_bytes(b" date 2024-04-04 https://d.example/a\nT\nBody.\n")
    wh = tmp_path / "wh"
    out = CliRunner().invoke(app, ["ingest", "", "-w", str(wh)])
    said = " ".join(out.output.split())
    assert out.exit_code == 2, said
    assert "no such input: '': an empty input names no file, folder or URL" in said, said
    assert "an unset shell variable?" in said
    assert not (wh / "manifests").exists()  # no run began
