"""The known inputs of a large warehouse (fault round 56; round 55's known item): round 55
read the input key of every kept article as a str to settle a page reached through a
redirect, 290 MB more at the run's start over 1M articles (bench/bench_known_inputs.py).
Now only the keys of articles not listed as their canonical URL are read (the others
their ids settle), and kept hashed. A real committed warehouse, the real reader."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from schemas import ARTICLES, DOCUMENTS, conform
from tasks.common.state import HashedKeys
from tasks.common.urls import article_id_for, canonical_url
from tasks.discover.inputs import split_known
from tasks.storage.publish import publish_run
from tasks.storage.warehouse import known_inputs

NOW = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
DIRECT = "https://a.example/2026/story"          # listed as its canonical URL
MOVED = "https://a.example/s/123?ref=feed"       # redirected to /2026/moved
TARGET = "https://a.example/2026/moved"
WWW = "https://www.a.example/2026/www-story"     # its canonical form drops www.


def _article(url: str, canonical: str) -> dict:
    return {"article_id": article_id_for(canonical), "url": url, "canonical_url": canonical,
            "domain": "a.example", "source_kind": "url", "input_key": url, "run_id": "r",
            "text": "t", "word_count": 1, "content_hash": url}


def test_only_the_keys_the_ids_do_not_settle_are_held_and_every_kept_input_is_settled(
        tmp_path):
    arts = [_article(DIRECT, DIRECT), _article(MOVED, TARGET),
            _article(WWW, canonical_url(WWW))]
    publish_run(tmp_path, {"articles": conform(arts, ARTICLES, "articles")},
                {"run_id": "r", "started_at": NOW.isoformat(), "totals": {}})
    known = known_inputs(tmp_path, timedelta(hours=24), now=NOW)
    # before: every article's key, as str
    assert isinstance(known.article_input_keys, HashedKeys)
    assert len(known.article_input_keys) == 2  # the moved page's and the www. one's
    assert MOVED in known.article_input_keys and DIRECT not in known.article_input_keys
    # a rerun over the same inputs settles all three, and a new one is fetched
    new = "https://a.example/2026/new"
    docs = conform([{"input_key": u, "url": u, "source_kind": "url", "source": "s"}
                    for u in (DIRECT, MOVED, WWW, new)], DOCUMENTS, "documents")
    todo, skipped = split_known(docs, known, refresh=False)
    assert todo.column("url").to_pylist() == [new]
    assert skipped.num_rows == 3


def test_hashed_keys_answer_as_a_set():
    keys = HashedKeys.of_chunks([["a", "b"], ["b", "c"], []])
    assert len(keys) == 3 and "a" in keys and "c" in keys
    assert "d" not in keys and None not in keys and "" not in keys
    assert "a" not in HashedKeys() and len(HashedKeys()) == 0
    assert keys == HashedKeys(["c", "a", "b"]) and hash(keys) == hash(HashedKeys("abc"))
