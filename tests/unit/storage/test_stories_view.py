"""The stories view: one row per story with its wire origin, credits and outlets."""

from __future__ import annotations

import datetime as dt

from tests.unit.storage.test_report_views import FETCHED, START, article, connect, failing


def _story_rows():
    base = dict(cluster_id="c.example-1")
    return [
        # the first seen copy, but published after another copy
        article(1, "c.example", 2, title="Seen first", wire_credits=["AP"], **base),
        # the earliest published copy: the origin, on a www. host of an unregistered outlet
        article(2, "www.d.example", 0, title="Published first", source_name=None,
                wire_credits=["AP", "Reuters"], duplicate_of="c.example-1",
                fetched_at=FETCHED + dt.timedelta(hours=1), **base),
        # the same outlet without www., a copy without a published date
        article(3, "d.example", 0, title="Third", source_name=None, published_at=None,
                wire_credits=None, duplicate_of="c.example-1",
                fetched_at=FETCHED + dt.timedelta(hours=2), **base),
        # a singleton story
        article(4, "e.example", 5, title="Alone", wire_credits=[], cluster_id="e.example-4"),
    ]


def test_one_row_per_story_with_its_origin_credits_and_outlets():
    arts = _story_rows()
    arts[0]["fetched_at"] = FETCHED - dt.timedelta(hours=1)
    # a second revision of the origin: still one copy, and its newer title is the headline
    arts.append({**arts[1], "title": "Published first, updated", "revision": 2,
                 "content_hash": "h-rev2"})
    con = connect({"articles": arts})
    rows = con.execute("""SELECT story_id, headline, origin_article_id, origin_outlet,
                                 origin_published_at, wire_credits, copies,
                                 independent_outlets, first_seen, last_seen
                          FROM stories ORDER BY story_id""").fetchall()
    assert rows == [
        ("c.example-1", "Published first, updated", "www.d.example-2", "d.example",
         START, ["AP", "Reuters"], 3, 2, FETCHED - dt.timedelta(hours=1),
         FETCHED + dt.timedelta(hours=2)),
        ("e.example-4", "Alone", "e.example-4", "E", START + dt.timedelta(days=5), [], 1, 1,
         FETCHED, FETCHED),
    ]


def test_without_published_dates_the_first_seen_copy_is_the_origin():
    arts = [{**a, "published_at": None} for a in _story_rows()]
    con = connect({"articles": arts})
    assert con.execute("SELECT origin_article_id FROM stories WHERE story_id = 'c.example-1'"
                       ).fetchall() == [("c.example-1",)]


def test_the_data_test_catches_a_story_counted_twice():
    con = connect({"articles": _story_rows()})
    assert failing(con)["stories_one_row_per_cluster"] == 0
    con.execute("ALTER VIEW stories RENAME TO stories_ok")
    con.execute("""CREATE VIEW stories AS SELECT * FROM stories_ok
                   UNION ALL SELECT * FROM stories_ok WHERE story_id = 'e.example-4'""")
    assert failing(con)["stories_one_row_per_cluster"] == 1
