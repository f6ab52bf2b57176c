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


def test_a_copy_dated_by_its_day_alone_is_not_the_origin_of_a_copy_timed_that_day():
    # fault round 44: a republisher showing only "3 May 2024" (stored as midnight UTC) was
    # the origin of the agency's copy timed 14:00 that day, with its headline and outlet
    day = dt.datetime(2024, 5, 3, tzinfo=dt.UTC)
    base = dict(cluster_id="apnews.com-1", fetched_at=day + dt.timedelta(days=1))
    arts = [
        article(1, "apnews.com", 0, title="Senate passes budget bill",
                published_at=day + dt.timedelta(hours=14), **base),
        article(2, "smallpaper.example", 0, title="Senate passes bill", source="url",
                published_at=day, **base),
        # a day-only copy of the day before is still earlier than both
        article(3, "other.example", 0, title="Early", published_at=day, cluster_id="x-3"),
        article(4, "late.example", 0, title="Late", cluster_id="x-3",
                published_at=day + dt.timedelta(days=1, hours=1)),
    ]
    arts[2]["published_at"] = day - dt.timedelta(days=1)
    con = connect({"articles": arts})
    # the view's day is UTC's whatever the session's zone (pressroom sql takes SET TimeZone)
    con.execute("SET TimeZone = 'Asia/Kathmandu'")
    assert con.execute("SELECT story_id, origin_outlet, headline FROM stories ORDER BY 1"
                       ).fetchall() == [("apnews.com-1", "Apnews", "Senate passes budget bill"),
                                        ("x-3", "Other", "Early")]


def test_an_outlet_whose_name_is_a_www_m_or_amp_label_keeps_it():
    # fault round 44: mobile.de's copies were the outlet "de" (amp.dev's "dev")
    arts = [article(1, "mobile.de", 0, source_name=None, cluster_id="mobile.de-1"),
            article(2, "amp.dev", 0, source_name=None, cluster_id="amp.dev-2"),
            article(3, "www.news.example", 0, source_name=None, cluster_id="w-3")]
    con = connect({"articles": arts})
    assert con.execute("SELECT origin_outlet FROM stories ORDER BY story_id").fetchall() == [
        ("amp.dev",), ("mobile.de",), ("news.example",)]


def test_a_copy_enriched_before_its_outlet_was_registered_counts_as_that_outlet():
    # fault round 44: a run's copy of citynews.example without source_name (the outlet
    # registered after it) beside a later run's copy named "City News": three
    # independent outlets for two, the origin named by its domain
    base = dict(cluster_id="citynews.example-1")
    arts = [article(1, "citynews.example", 0, source_name=None, run_id="r1", **base),
            article(2, "citynews.example", 1, source_name="City News", run_id="r2", **base),
            article(3, "othertown.example", 1, source_name=None, run_id="r2", **base)]
    con = connect({"articles": arts})
    assert con.execute("SELECT origin_outlet, copies, independent_outlets FROM stories"
                       ).fetchall() == [("City News", 3, 2)]
