"""Seed 72: what session 49's takedown functions do, asked directly: a `forget` stopped
between its commit and its clean-up finished by finish_takedowns (the replaced files,
the reports, the orphans holding the content), the keys a committed takedown covers,
and the outlet names a warehouse holds."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime

import pyarrow.parquet as pq
import pytest

import tasks.storage.forget as forget_module
from tasks.common.urls import article_id_for, canonical_url
from tasks.storage.forget import (
    Takedown,
    _takedown_keys,
    finish_takedowns,
    forget,
    outlet_domains,
    outlet_key,
    outlet_names,
)
from tasks.storage.warehouse import manifests, scan_table
from tests.unit.storage.test_search import _article, _commit

T = datetime(2024, 4, 4, tzinfo=UTC)
TEXT = "rain " * 30


class _Stopped(Exception):
    pass


def _stop_after_commit(monkeypatch):
    """The kill of a `forget` right after its commit (CRASHPOINT_KILL_AT=forget-committed
    in tests/reliability/test_forget_killed.py), as an exception."""
    def crash_point(name: str) -> None:
        if name == "forget-committed":
            raise _Stopped
    monkeypatch.setattr(forget_module, "crash_point", crash_point)


def _warehouse(root):
    # run "a0": its manifest sorts before the takedown's, so the loop must go past it
    _commit(root, "a0", [
        _article("a1", "T1", TEXT, "a0", domain="gone.example", source_name="Daily Post"),
        _article("a2", "T2", TEXT, "a0", domain="kept.example", source_name="Other News")])
    (root / "reports").mkdir()
    (root / "reports" / "a0.html").write_text("<td>T1</td>")
    (root / "reports" / "notes.txt").write_text("kept: no report")


def test_a_takedown_stopped_after_its_commit_is_finished_once(tmp_path, monkeypatch):
    _warehouse(tmp_path)
    (replaced,) = sorted((tmp_path / "articles").glob("*.parquet"))
    orphan = tmp_path / "_orphans" / "articles" / "x.parquet"
    orphan.parent.mkdir(parents=True)
    shutil.copy(replaced, orphan)  # a quarantined copy holding both articles
    _stop_after_commit(monkeypatch)
    with pytest.raises(_Stopped):
        forget(tmp_path, Takedown(outlet="Daily Post"), now=T)
    assert replaced.exists() and (tmp_path / "reports" / "a0.html").exists()

    notes = finish_takedowns(tmp_path)
    assert notes == ["takedown forget-20240404T000000000000Z.json had stopped after its "
                     "commit: finished (1 replaced file(s) and the reports deleted)"]
    assert not replaced.exists()
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["notes.txt"]
    assert [r["article_id"] for r in scan_table(tmp_path, "articles").to_pylist()] == ["a2"]
    assert pq.read_table(orphan).column("article_id").to_pylist() == ["a2"]
    assert finish_takedowns(tmp_path) == []  # done: nothing left to finish


def test_a_finished_takedown_and_other_commits_are_left_alone(tmp_path):
    _warehouse(tmp_path)
    forget(tmp_path, Takedown(outlet="Daily Post"), now=T)
    (tmp_path / "reports").mkdir(exist_ok=True)
    (tmp_path / "reports" / "later.html").write_text("a later report")
    assert finish_takedowns(tmp_path) == []
    assert (tmp_path / "reports" / "later.html").exists()


def test_the_keys_of_a_committed_takedown_are_its_rows_ids_urls_and_domains(tmp_path):
    _warehouse(tmp_path)
    forget(tmp_path, Takedown(url="https://kept.example/a2", domain="www.gone.example"),
           now=T)
    (m,) = [m for m in manifests(tmp_path) if m.get("kind") == "forget"]
    ids, urls, domains = _takedown_keys(tmp_path, m)
    # the matched articles' ids, and the id the URL itself has (a page not stored yet)
    assert ids == {"a1", "a2", article_id_for(canonical_url("https://kept.example/a2"))}
    assert urls == {"https://kept.example/a2"}
    assert domains == {"gone.example"}  # as domain_identity spells it
    assert _takedown_keys(tmp_path, {"files": {}}) == (set(), set(), set())
    assert _takedown_keys(tmp_path, {}) == (set(), set(), set())  # a manifest without files


def test_an_outlets_takedown_keys_are_its_domains_rows(tmp_path):
    _warehouse(tmp_path)
    forget(tmp_path, Takedown(outlet="Daily Post"), now=T)
    (m,) = [m for m in manifests(tmp_path) if m.get("kind") == "forget"]
    assert _takedown_keys(tmp_path, m) == ({"a1"}, set(), {"gone.example"})


def test_outlet_names_are_the_distinct_names_sorted_without_nulls(tmp_path):
    assert outlet_names(tmp_path) == []
    _commit(tmp_path, "r1", [
        _article("a1", "T1", TEXT, "r1", domain="b.example", source_name="Zeta Post"),
        _article("a2", "T2", TEXT, "r1", domain="c.example", source_name="Alpha News"),
        _article("a3", "T3", TEXT, "r1", domain="d.example", source_name="Zeta Post"),
        _article("a4", "T4", TEXT, "r1", domain="e.example")])
    assert outlet_names(tmp_path) == ["Alpha News", "Zeta Post"]


def test_an_outlets_domains_are_sorted_and_named_once(tmp_path):
    _commit(tmp_path, "r1", [
        _article("a1", "T1", TEXT, "r1", domain="z.example", source_name="Daily Post"),
        _article("a2", "T2", TEXT, "r1", domain="a.example", source_name="daily  post"),
        _article("a3", "T3", TEXT, "r1", domain="z.example", source_name="Daily Post"),
        _article("a4", "T4", TEXT, "r1", domain="q.example", source_name="Other")])
    assert outlet_domains(tmp_path, " DAILY POST ") == ["a.example", "z.example"]
    assert outlet_domains(tmp_path, "Nobody") == []


@pytest.mark.parametrize(("name", "key"), [
    ("Daily Post", "daily post"), ("  Daily   POST ", "daily post"), ("A  B", "a b")])
def test_outlet_key_folds_case_spaces_and_ends(name, key):
    assert outlet_key(name) == key


def test_a_stopped_takedown_finishes_in_compacted_away_files_and_domain_only_orphans(
        tmp_path, monkeypatch):
    from schemas import ARTICLES, conform
    from tasks.storage.compact import compact, superseded_files

    _warehouse(tmp_path)
    # a3: of the outlet's domain, not of the outlet: only the domain ties it to the takedown
    _commit(tmp_path, "a5", [_article("a3", "T3", TEXT, "a5", domain="gone.example")])
    assert compact(tmp_path, min_files=0, now=T) is not None
    superseded = superseded_files(tmp_path)
    assert superseded
    orphan = tmp_path / "_orphans" / "articles" / "x.parquet"
    orphan.parent.mkdir(parents=True)
    # a9 was never committed: only its domain ties it to the takedown
    pq.write_table(conform([_article("a9", "T9", TEXT, "a0", domain="gone.example"),
                            _article("a8", "T8", TEXT, "a0", domain="kept.example")],
                           ARTICLES, "articles"), orphan)
    _stop_after_commit(monkeypatch)
    with pytest.raises(_Stopped):
        forget(tmp_path, Takedown(outlet="Daily Post"), now=T)
    assert len(finish_takedowns(tmp_path)) == 1
    holding = [p for p in superseded if p.exists() and "gone.example" in
               pq.read_table(p).column("domain").to_pylist()]
    assert holding == []
    assert pq.read_table(orphan).column("article_id").to_pylist() == ["a8"]


def test_a_takedown_manifest_without_a_name_or_replaces_is_named_by_its_run(tmp_path,
                                                                           monkeypatch):
    """A manifest edited by hand (or by an older tool) may lack `name`: the note names
    the takedown by its run id; one without `replaces` has nothing to finish."""
    import json

    _warehouse(tmp_path)
    _stop_after_commit(monkeypatch)
    with pytest.raises(_Stopped):
        forget(tmp_path, Takedown(outlet="Daily Post"), now=T)
    (path,) = (tmp_path / "manifests").glob("forget-*.json")
    m = json.loads(path.read_text())
    m.pop("name", None)
    path.write_text(json.dumps(m))
    assert finish_takedowns(tmp_path) == [
        "takedown forget-20240404T000000000000Z had stopped after its commit: finished "
        "(1 replaced file(s) and the reports deleted)"]
    m.pop("replaces")
    path.write_text(json.dumps(m))
    assert finish_takedowns(tmp_path) == []


def test_a_finished_takedown_before_a_stopped_one_does_not_end_the_search(tmp_path,
                                                                        monkeypatch):
    _warehouse(tmp_path)
    forget(tmp_path, Takedown(outlet="Other News"),
           now=datetime(2024, 4, 3, tzinfo=UTC))  # finished, and first by name
    _stop_after_commit(monkeypatch)
    with pytest.raises(_Stopped):
        forget(tmp_path, Takedown(outlet="Daily Post"), now=T)
    assert finish_takedowns(tmp_path) == [
        "takedown forget-20240404T000000000000Z.json had stopped after its commit: "
        "finished (1 replaced file(s) and the reports deleted)"]
