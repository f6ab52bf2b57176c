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


def test_a_stored_url_that_looks_like_markup_is_printed_whole_by_search_and_diff(warehouse):
    """Fault round 41: `search` printed each hit's URL, and `diff` the URL it was given,
    through rich markup (round 13 escaped messages, round 14 `sql`'s cells, not these):
    a wiki-style address `https://e.com/wiki/[draft]/x` was shown as
    `https://e.com/wiki//x` (another page), and `https://e.com/a[/]b` ended the command
    with "MarkupError: closing tag '[/]' at position 18 has nothing to close", exit 1,
    after the search had answered."""
    from tasks.storage import search as search_index
    from tests.unit.storage.test_search import _article, _commit

    draft = _article("a1", "River floods [live]", "Rain flooded the river valley.", "r1")
    draft["url"] = "https://e.com/wiki/[draft]/x"
    closing = _article("a2", "River rises", "The river rose in the night.", "r1")
    closing["url"] = "https://e.com/a[/]b"
    search_index.index_commit(warehouse, _commit(warehouse, "r1", [draft, closing]), "r1")
    runner = CliRunner()
    for query, url in (("valley", "https://e.com/wiki/[draft]/x"),
                       ("rose", "https://e.com/a[/]b")):
        out = runner.invoke(app, ["search", "-w", str(warehouse), query])
        assert out.exit_code == 0 and url in out.output, (out.output, out.exception)
    assert "River floods [live]" in runner.invoke(
        app, ["search", "-w", str(warehouse), "valley"]).output
    for url in ("https://e.com/wiki/[draft]/x", "https://e.com/a[/]b"):
        out = runner.invoke(app, ["diff", "-w", str(warehouse), url])
        assert out.exit_code == 0 and f"{url}: one revision only (r1)" in out.output, (
            out.output, out.exception)


def test_text_arguments_holding_bytes_that_are_no_utf8_are_a_sentence(warehouse):
    """Fault round 41: a terminal or script that writes latin-1 hands "Zürich" over as
    bytes that are no UTF-8, which Python gives as lone surrogates. `sql` ended with
    "TypeError: extract_statements(): incompatible function arguments", `diff` and
    `forget --outlet` with "InvalidInputException: ... Python Conversion Failure: cannot
    encode str as UTF-8, surrogate '\\udcfc'": tracebacks, exit 1. Each is named now,
    with what to do, exit 2, before anything is read or written."""
    from tasks.storage import search as search_index
    from tests.unit.storage.test_search import _article, _commit

    search_index.index_commit(warehouse, _commit(warehouse, "r1", [
        _article("a1", "Zurich floods", "Rain flooded the river valley.", "r1")]), "r1")
    word = b"Z\xfcrich".decode("utf-8", "surrogateescape")
    runner = CliRunner()
    for args, named in (
            (["sql", f"SELECT count(*) FROM articles WHERE title = '{word}'"], "the query"),
            (["diff", f"https://e.com/{word}"], "the URL"),
            (["search", word], "the query"),
            (["search", "rain", "--outlet", word], "--outlet"),
            (["forget", "--outlet", word], "--outlet"),
            (["forget", "--domain", f"{word}.example"], "--domain"),
            (["forget", "--url", "https://e.com/a1", "--reason", word], "--reason")):
        out = runner.invoke(app, [*args, "-w", str(warehouse)])
        said = " ".join(out.output.split())
        assert isinstance(out.exception, SystemExit), (args, out.exception)
        assert out.exit_code == 2 and f"{named} '" in said and "\\xfc" in said, (args, said)
        assert "bytes that are no UTF-8" in said, (args, said)
    # nothing was taken down
    assert runner.invoke(app, ["sql", "-w", str(warehouse), "-f", "csv",
                               "SELECT count(*) FROM articles"]).output.split() == [
        "count_star()", "1"]


def test_an_argument_that_is_no_utf8_is_refused_in_one_plain_line(monkeypatch):
    """Mutation seed 68 (fault round 41's refusal): the sentence goes out whole on one
    line (a terminal wraps it, not rich at its width: a pasted value stays one piece to
    copy) and plain after its red label: the value is not coloured as Python's repr
    of a string."""
    import io

    from rich.console import Console

    from flows import cli

    buf = io.StringIO()
    monkeypatch.setattr(cli, "err", Console(file=buf, width=60, force_terminal=True,
                                            color_system="standard"))
    query = b"SELECT 'Z\xfcrich'".decode("utf-8", "surrogateescape")
    out = CliRunner().invoke(app, ["sql", "-w", "/nonexistent", query])
    assert out.exit_code == 2
    written = buf.getvalue()
    label = "\x1b[31mbad argument:\x1b[0m "
    assert written.startswith(label) and "\x1b[" not in written[len(label):], repr(written)
    assert written[len(label):] == (
        "the query 'SELECT 'Z\\xfcrich'' holds bytes that are no UTF-8 (each written \\xNN "
        "here): the terminal or script that gave it writes another encoding; give it in "
        "UTF-8 (a UTF-8 locale, e.g. LANG=C.UTF-8, or `iconv -t UTF-8`)\n")
