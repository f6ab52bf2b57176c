"""`pressroom search` over a warehouse whose committed articles file was emptied on disk
(fault round 51, round 48's known item): the index still held its articles, so `search`
answered with them while `sql` counted none. They are left out, as every reader leaves
out the file's rows, and a note says why and what mends it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from tasks.storage import search as search_index
from tests.unit.flows.conftest import FLOOD
from tests.unit.storage.test_search import _article, _commit


def _words(result) -> str:
    return " ".join(result.output.split())


def _with_a_second_commit(warehouse: Path) -> Path:
    """search_wh's r1 (a1, a2: both hold "floods") and r2 (a3, a flood too); r1's
    articles file is the one emptied."""
    rows = [_article("a3", "Floods reach the town", FLOOD, "r2")]
    search_index.index_commit(warehouse, _commit(warehouse, "r2", rows), "r2")
    return next(warehouse.glob("articles/r1-*.parquet"))


@pytest.mark.parametrize("damage", ["emptied", "cut", "deleted"])
def test_articles_of_an_emptied_file_are_left_out_with_a_note(search_wh, search, damage):
    emptied = _with_a_second_commit(search_wh)
    saved = emptied.read_bytes()
    if damage == "deleted":
        emptied.unlink()
    else:
        emptied.write_bytes(saved[:len(saved) // 2] if damage == "cut" else b"")
    result = search("floods", "-f", "csv", "-w", str(search_wh))
    assert result.exit_code == 0, result.output
    said = _words(result)
    assert "a3" in said and "a1" not in said and "a2" not in said, said
    assert ("2 matching article(s) LEFT OUT: the search index holds them, but no "
            f"readable file of the warehouse does (unreadable: articles/{emptied.name}") in said
    assert "run `pressroom reindex`" in said
    table = _words(CliRunner().invoke(app, ["search", "floods", "-w", str(search_wh)]))
    assert "1 of 1 matching article(s)" in table, table

    # The file restored: its articles are found again, with no reindex and no note.
    emptied.write_bytes(saved)
    result = search("floods", "-f", "csv", "-w", str(search_wh))
    said = _words(result)
    assert all(a in said for a in ("a1", "a2", "a3")) and "LEFT OUT" not in said, said


def test_after_a_reindex_nothing_is_left_out_and_nothing_said(search_wh, search):
    """The guards: `pressroom reindex` drops the unreadable file's articles from the index
    (no note after it), and a search matching none of them says nothing of the file."""
    emptied = _with_a_second_commit(search_wh)
    emptied.write_bytes(b"")
    said = _words(search("town", "-f", "csv", "-w", str(search_wh)))
    assert "a3" in said and "LEFT OUT" not in said, said  # a3 alone matches: none left out
    done = CliRunner().invoke(app, ["reindex", "-w", str(search_wh)])
    assert done.exit_code == 0, done.output
    assert "1 article(s)" in _words(done)
    said = _words(search("floods", "-f", "csv", "-w", str(search_wh)))
    assert "a3" in said and "a1" not in said and "LEFT OUT" not in said, said


def test_a_healthy_warehouse_finds_every_article(search_wh, search):
    _with_a_second_commit(search_wh)
    said = _words(search("floods", "-f", "csv", "-w", str(search_wh)))
    assert all(a in said for a in ("a1", "a2", "a3")) and "LEFT OUT" not in said, said
