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


def test_an_empty_warehouse_option_is_refused_not_the_current_folder(tmp_path, monkeypatch):
    """Fault round 46: `-w ""` reached the command as the Path `.`: `sql` made
    `pressroom.duckdb` and its lock in the current folder, `runs` and `report` read it as
    the warehouse ("no runs yet in /home/..."), `ingest` would have committed into it."""
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for args in (["sql", "SELECT 1"], ["runs"], ["report"], ["search", "rain"],
                 ["ingest", "https://a.example/1"], ["forget", "--domain", "a.example"]):
        out = runner.invoke(app, [*args, "-w", ""])
        said = " ".join(out.output.split())
        assert out.exit_code == 2, (args, said)
        assert "--warehouse is empty: give the warehouse folder" in said, (args, said)
        assert "write -w ." in said
    assert list(tmp_path.iterdir()) == []  # nothing made in the current folder
    # the current folder named is a warehouse as before
    out = runner.invoke(app, ["sql", "-f", "csv", "SELECT 42 AS x", "-w", "."])
    assert out.exit_code == 0 and out.output.split() == ["x", "42"], out.output
