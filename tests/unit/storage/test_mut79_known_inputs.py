"""Seed 79: the inputs the kept articles came from (fault round 55): `known_inputs` reads
each kept article's `input_key`, so a page reached through a redirect or a meta refresh
(stored under its target's id) settles the URL it was listed as; a row with no input
key settles nothing, and a warehouse with no articles knows no inputs. Since fault round
56 only the keys the article ids do not settle are held (an article listed as its own
canonical URL is known by its id), as 64-bit hashes."""

from __future__ import annotations

from datetime import timedelta

from schemas import ARTICLES, conform
from tasks.storage.publish import publish_run
from tasks.storage.warehouse import known_inputs
from tests.unit.storage.test_warehouse import NOW, _manifest


def _article(article_id: str, url: str, input_key: str | None,
             canonical: str | None = None) -> dict:
    return {"article_id": article_id, "url": url, "canonical_url": canonical or url,
            "domain": "a.example", "source_kind": "url", "input_key": input_key,
            "run_id": "r", "text": "t", "word_count": 1, "content_hash": article_id}


def test_the_input_keys_of_kept_articles_are_known(tmp_path) -> None:
    # a1 listed as /moved, kept under the page it redirected to
    articles = [_article("a1", "https://a.example/moved", "https://a.example/moved",
                         canonical="https://a.example/target"),
                _article("a2", "https://a.example/kept", "https://a.example/kept"),
                _article("a3", "https://a.example/pasted", None)]
    publish_run(tmp_path, {"articles": conform(articles, ARTICLES, "articles")},
                _manifest("r", NOW))
    known = known_inputs(tmp_path, timedelta(hours=24), now=NOW)
    keys = known.article_input_keys
    assert "https://a.example/moved" in keys
    assert len(keys) == 1  # the one listed under another URL than its own
    assert "https://a.example/pasted" not in keys and "https://a.example/target" not in keys
    assert known.article_ids == {"a1", "a2", "a3"}


def test_a_warehouse_without_articles_knows_no_input_keys(tmp_path) -> None:
    known = known_inputs(tmp_path, timedelta(hours=24), now=NOW)
    assert len(known.article_input_keys) == 0
    assert "https://a.example/moved" not in known.article_input_keys
