"""Seed 80: `_moved_input_keys` (fault round 56) reads the kept articles' input keys that
their ids may not settle through the declared reader, so a committed articles file that
another tool wrote back with other Arrow types (polars' large_string, pandas' ns
timestamps; fault round 39) still gives them: a re-run does not fetch those URLs again."""

from __future__ import annotations

from datetime import timedelta

from tasks.storage.publish import publish_commit
from tasks.storage.warehouse import known_inputs
from tests.unit.dedup.test_rules import row, run, story
from tests.unit.storage.test_other_tools_types import T, _rewrite

LISTED = "https://a.example/story/1.html?utm_source=newsletter"  # not its canonical form
PLAIN = "https://b.example/story/2.html"


def test_moved_input_keys_are_read_from_a_file_of_other_types(tmp_path):
    res = run([row(LISTED, story(1), 1), row(PLAIN, story(2), 2)])
    publish_commit(tmp_path, {"articles": res.table, **res.outputs},
                   {"run_id": "r1", "started_at": "2024-04-04T00:00:00+00:00"}, 1)
    before = known_inputs(tmp_path, timedelta(hours=24), now=T).article_input_keys
    assert LISTED in before and PLAIN not in before
    _rewrite(tmp_path, "articles")
    after = known_inputs(tmp_path, timedelta(hours=24), now=T).article_input_keys
    assert LISTED in after and PLAIN not in after
    assert after == before
