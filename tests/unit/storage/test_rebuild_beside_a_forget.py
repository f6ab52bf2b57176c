"""A rebuild of the search index (`pressroom reindex`, or a search remaking a damaged
index) that lists the committed files while a `forget` replaces and deletes them (fault
round 47; round 46's known item). The interleaving is made by running a real `forget`
on the real warehouse at the moment the rebuild has listed the files."""

from __future__ import annotations

import pytest

from tasks.storage import search as S
from tasks.storage.forget import Takedown, forget
from tasks.storage.warehouse import committed_files
from tests.unit.storage.test_search import BUDGET, FLOOD, STORM, _article, _commit


@pytest.fixture
def wh(warehouse):
    rows = [_article("a1", "River floods valley", FLOOD, "r1"),
            _article("a2", "Budget passes", BUDGET, "r1", domain="gone.example"),
            _article("a3", "Storm on the coast", STORM, "r1")]
    S.index_commit(warehouse, _commit(warehouse, "r1", rows), "r1")
    return warehouse


def test_a_rebuild_whose_files_a_forget_replaced_keeps_every_other_article(wh, monkeypatch):
    """Before: the files listed were gone when read, left out as missing: the new index
    held no document at all, yet recorded the takedown's commit as indexed, so no
    catch-up ever added a1 and a3 again: `pressroom search` found nothing until the next
    reindex (no error, exit 0)."""
    calls = []

    def listing(root, table):  # the rebuild's first listing, then a whole `forget`
        files = committed_files(root, table)
        if table == "articles" and not calls:
            calls.append(1)
            forget(wh, Takedown(domain="gone.example", reason="test"))
        return files

    monkeypatch.setattr(S, "committed_files", listing)
    S.rebuild(wh)
    monkeypatch.undo()
    found = {h.article_id for h in S.search(wh, "river OR storm OR budget").hits}
    assert found == {"a1", "a3"}


def test_a_rebuild_reads_again_when_a_listed_file_goes_while_it_reads(wh, monkeypatch):
    """A file deleted between the check that it exists and DuckDB's read of it (a forget
    or a compaction finishing) was DuckDB's IOException traceback out of `reindex`."""
    import os

    from tasks.storage import warehouse

    real = warehouse.read_declared
    calls = []

    def reading(con, files, table, **kw):
        if table == "articles" and not calls:
            calls.append(1)
            forget(wh, Takedown(domain="gone.example", reason="test"))
            assert not all(os.path.exists(f) for f in files)
        return real(con, files, table, **kw)

    monkeypatch.setattr(S, "read_declared", reading)
    S.rebuild(wh)
    monkeypatch.undo()
    assert calls
    found = {h.article_id for h in S.search(wh, "river OR storm OR budget").hits}
    assert found == {"a1", "a3"}
