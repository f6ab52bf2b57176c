"""Seed 72: the search index's side of session 49's takedowns, asked directly: a takedown
commit's ids leave the index at the next catch-up (a `forget` stopped before its
rebuild), and the `--lang` / `--outlet` terms."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import tasks.storage.forget as forget_module
from tasks.storage import search as search_index
from tasks.storage.forget import Takedown, forget
from tasks.storage.warehouse import manifests
from tests.unit.storage.test_search import _article, _commit

T = datetime(2024, 4, 4, tzinfo=UTC)
FLOOD = "Heavy rain flooded the river valley overnight.\n\nThe mayor ordered an evacuation."


class _Stopped(Exception):
    pass


def _urls(root, query="rain") -> list[str]:
    return sorted(h.url for h in search_index.search(root, query, limit=50).hits)


def test_a_takedown_stopped_before_its_rebuild_leaves_the_index_at_the_next_catch_up(
        tmp_path, monkeypatch):
    rows = [_article("a1", "Secret floods valley", FLOOD, "r1", domain="gone.example"),
            _article("a2", "River floods town", FLOOD, "r1", domain="kept.example"),
            _article("a3", "Rain floods farm", FLOOD, "r1", domain="gone.example")]
    search_index.index_commit(tmp_path, _commit(tmp_path, "r1", rows), "r1")

    def crash_point(name: str) -> None:
        if name == "forget-committed":
            raise _Stopped
    monkeypatch.setattr(forget_module, "crash_point", crash_point)
    with pytest.raises(_Stopped):
        forget(tmp_path, Takedown(domain="gone.example"), now=T)
    (m,) = [m for m in manifests(tmp_path) if m.get("kind") == "forget"]
    assert search_index._forgotten_ids(tmp_path, m) == ["a1", "a3"]
    assert search_index.catch_up(tmp_path) == [search_index.commit_key(m)]
    assert _urls(tmp_path) == ["https://kept.example/a2"]


def test_the_ids_of_a_commit_without_a_takedowns_file_are_none(tmp_path):
    assert search_index._forgotten_ids(tmp_path, {"files": {}}) == []
    assert search_index._forgotten_ids(tmp_path, {}) == []  # a manifest without files
    assert search_index._forgotten_ids(
        tmp_path, {"files": {"takedowns": ["takedowns/gone.parquet"]}}) == []


def test_deleting_documents_without_an_index_or_ids_does_nothing(tmp_path):
    search_index._delete_documents(tmp_path, ["a1"])  # no index: nothing to open
    assert not search_index.search_dir(tmp_path).exists()
    rows = [_article("a1", "River floods valley", FLOOD, "r1")]
    search_index.index_commit(tmp_path, _commit(tmp_path, "r1", rows), "r1")
    search_index._delete_documents(tmp_path, [])
    assert _urls(tmp_path) == ["https://e.com/a1"]
    search_index._delete_documents(tmp_path, ["a1"])
    assert _urls(tmp_path) == []


@pytest.mark.parametrize(("typed", "code"), [
    ("en", "en"), ("EN", "en"), (" de-AT ", "de"), ("pt_BR", "pt"), ("zh-Hant-TW", "zh"),
    ("fil", "fil"), ("sr-Latn", "sr"), ("en-419", "en")])
def test_a_language_tag_is_its_language(typed, code):
    assert search_index.language_term(typed) == code


@pytest.mark.parametrize("typed", ["english", "e", "en US", "en-", "*", "", "en-toolongsubtag"])
def test_what_is_no_language_tag_is_refused(typed):
    with pytest.raises(ValueError) as refused:
        search_index.language_term(typed)
    assert str(refused.value) == (f"--lang {typed!r} is no language code: articles store "
                                  "ISO 639-1 codes (en, de, fr; en-US is read as en)")


@pytest.mark.parametrize(("typed", "terms"), [
    ("Daily Post", ["daily post"]),
    ("news.example", ["news.example"]),
    ("WWW.News.Example.", ["www.news.example.", "news.example"]),
    ("https://news.example/world/", ["https://news.example/world/", "news.example"]),
])
def test_an_outlets_terms_are_as_typed_and_the_domain_it_names(typed, terms):
    assert search_index.outlet_terms(typed) == terms


def test_an_outlet_query_of_two_terms_finds_either(tmp_path):
    rows = [_article("a1", "River floods valley", FLOOD, "r1", domain="news.example"),
            _article("a2", "Rain floods town", FLOOD, "r1", domain="other.example",
                     source_name="www.news.example")]
    search_index.index_commit(tmp_path, _commit(tmp_path, "r1", rows), "r1")
    found = search_index.search(tmp_path, "rain", outlet="www.news.example", limit=50)
    assert sorted(h.url for h in found.hits) == ["https://news.example/a1",
                                                 "https://other.example/a2"]
    one = search_index.search(tmp_path, "rain", outlet="news.example", limit=50)
    assert [h.url for h in one.hits] == ["https://news.example/a1"]


def test_a_rebuild_waits_for_the_rebuild_lock_held_by_another(tmp_path):
    """_one_rebuild_at_a_time's lock is exclusive: a rebuild waits while another process
    holds it, even a shared hold (fault round 46: two rebuilds at once deleted each
    other's half-built index)."""
    import fcntl
    import threading

    rows = [_article("a1", "River floods valley", FLOOD, "r1")]
    _commit(tmp_path, "r1", rows)
    done = threading.Event()
    with open(tmp_path / search_index.REBUILD_LOCK, "a") as held:
        fcntl.flock(held, fcntl.LOCK_SH)
        worker = threading.Thread(target=lambda: (search_index.rebuild(tmp_path), done.set()))
        worker.start()
        assert not done.wait(1.0)  # waiting for the lock
    worker.join(60)
    assert done.is_set()
    assert _urls(tmp_path) == ["https://e.com/a1"]
