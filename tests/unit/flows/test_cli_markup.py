"""The CLI prints what it did not write (errors, paths, notes) as text, not as rich
markup (fault round 13)."""

from __future__ import annotations

from typer.testing import CliRunner

from flows.cli import app


def test_square_brackets_in_an_error_are_printed_not_read_as_markup(warehouse, tmp_path):
    """Round 13: the CLI printed errors through rich's markup, which takes `[i]`, `[b]`,
    `[en]` for style tags: DuckDB's "LINE 1: SELECT list[i] FROM articles" was printed
    "SELECT list FROM articles" (the rest in italics), a missing input
    "data/[b]x/a.urls" as "data/x/a.urls", PRESSROOM_TARGET_LANGUAGES='[en]' as ''."""
    out = CliRunner().invoke(app, ["sql", "-w", str(warehouse), "SELECT list[i] FROM nowhere"])
    assert out.exit_code == 1 and "list[i]" in out.output, out.output
    missing = str(tmp_path / "[b]x" / "a.urls")
    out = CliRunner().invoke(app, ["ingest", missing, "-w", str(warehouse)])
    assert out.exit_code == 2 and "/[b]x/a.urls" in "".join(out.output.split()), out.output
    out = CliRunner().invoke(app, ["runs", "-w", str(warehouse)],
                             env={"PRESSROOM_TARGET_LANGUAGES": "[en]"})
    assert out.exit_code == 2 and "'[en]'" in out.output, out.output
