"""The search index beside the warehouse: phrases and boolean operators, filters, ranking
and snippets; idempotent per commit; caught up after a run killed between its Parquet
commit and its index commit; rebuilt from the committed articles."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from schemas import ARTICLES, conform
from tasks.storage import search as S
from tasks.storage.publish import publish_run


def _article(aid: str, title: str, text: str, run_id: str, *, day: int = 1,
             domain: str = "e.com", lang: str = "en", revision: int = 1,
             source_name: str | None = None, cluster: str | None = None,
             rights: list[str] | None = None) -> dict:
    return {"article_id": aid, "url": f"https://{domain}/{aid}",
            "canonical_url": f"https://{domain}/{aid}", "domain": domain,
            "source_kind": "url", "title": title, "text": text, "word_count": len(text.split()),
            "content_hash": f"h-{aid}-{revision}", "run_id": run_id, "revision": revision,
            "published_at": datetime(2024, 5, day, 9, tzinfo=UTC), "language": lang,
            "source_name": source_name, "cluster_id": cluster or aid, "rights": rights or []}


def _commit(root: Path, run_id: str, rows: list[dict]):
    """Publish a run's articles (the Parquet commit) without indexing them, its manifest
    with the totals a run records (without them the data test `runs_conserve_records`
    fails it, since round 64, and `pressroom report` exits 1)."""
    table = conform(rows, ARTICLES, "articles")
    publish_run(root, {"articles": table}, {
        "run_id": run_id, "started_at": run_id,
        "totals": {"inputs": len(rows), "kept": len(rows), "rejected": 0, "failed": 0,
                   "skipped": 0}})
    return table


FLOOD = "Heavy rain flooded the river valley overnight.\n\nThe mayor ordered an evacuation."
BUDGET = "Parliament passed the budget after a long debate.\n\nThe river tax was dropped."
STORM = "A storm hit the northern coast.\n\nRain and wind closed the harbour for a day."


@pytest.fixture
def wh(warehouse: Path) -> Path:
    rows = [_article("a1", "River floods valley", FLOOD, "r1", day=1, source_name="Daily Post"),
            _article("a2", "Budget passes", BUDGET, "r1", day=3, domain="www.news.de",
                     lang="de"),
            _article("a3", "Storm on the coast", STORM, "r1", day=5)]
    S.index_commit(warehouse, _commit(warehouse, "r1", rows), "r1")
    return warehouse


def _ids(result) -> list[str]:
    return [h.article_id for h in result.hits]


def test_words_phrases_and_boolean_operators(wh):
    assert _ids(S.search(wh, "river")) and set(_ids(S.search(wh, "river"))) == {"a1", "a2"}
    assert _ids(S.search(wh, '"river valley"')) == ["a1"]
    assert _ids(S.search(wh, '"valley river"')) == []  # a phrase keeps its word order
    assert set(_ids(S.search(wh, "evacuation OR harbour"))) == {"a1", "a3"}
    assert _ids(S.search(wh, "rain AND NOT storm")) == ["a1"]
    assert _ids(S.search(wh, "river -budget")) == ["a1"]
    assert _ids(S.search(wh, "rain coast")) == ["a3"]  # words: all must match


def test_a_title_match_ranks_first(wh):
    # "river" is in a1's title and text, in a2's text only
    assert _ids(S.search(wh, "river")) == ["a1", "a2"]


def test_hits_carry_url_date_cluster_and_a_snippet_with_the_match(wh):
    (hit,) = S.search(wh, "evacuation").hits
    assert hit.url == "https://e.com/a1" and hit.cluster_id == "a1"
    assert hit.published_at == datetime(2024, 5, 1, 9, tzinfo=UTC)
    assert "evacuation" in hit.snippet
    (start, end), = hit.highlights
    assert hit.snippet[start:end] == "evacuation"


def test_filters_since_until_outlet_lang_and_limit(wh):
    assert set(_ids(S.search(wh, "rain OR river", since=date(2024, 5, 3)))) == {"a2", "a3"}
    assert set(_ids(S.search(wh, "rain OR river", until=date(2024, 5, 2)))) == {"a1"}
    assert set(_ids(S.search(wh, "rain OR river", until=date(2024, 5, 3)))) == {"a1", "a2"}
    assert set(_ids(S.search(wh, "rain OR river", since=date(2024, 5, 2),
                             until=datetime(2024, 5, 5, 8, tzinfo=UTC)))) == {"a2"}
    assert _ids(S.search(wh, "river", outlet="news.de")) == ["a2"]  # www. or not
    assert _ids(S.search(wh, "river", outlet="Daily Post")) == ["a1"]  # registry name
    assert _ids(S.search(wh, "river", lang="de")) == ["a2"]
    limited = S.search(wh, "rain OR river", limit=1)
    assert len(limited.hits) == 1 and limited.total == 3


def test_a_syntax_error_is_a_value_error(wh):
    with pytest.raises(ValueError):
        S.search(wh, "title:")  # (an unclosed phrase is read as words since round 18)


def test_indexing_a_commit_again_adds_nothing(wh):
    table = conform([_article("a1", "River floods valley", FLOOD, "r1")], ARTICLES, "articles")
    S.index_commit(wh, table, "r1")
    assert S.document_count(wh) == 3
    assert S.indexed_commits(wh) == ["r1"]


def test_a_new_revision_replaces_the_old_document(wh):
    revised = _article("a1", "River floods valley, thousands flee",
                       FLOOD + "\n\nCorrection: the valley is in the north.", "r2", revision=2)
    S.index_commit(wh, _commit(wh, "r2", [revised]), "r2")
    assert S.document_count(wh) == 3
    (hit,) = S.search(wh, "thousands").hits
    assert hit.revision == 2
    assert _ids(S.search(wh, '"river floods valley"')) == ["a1"]  # once, not per revision


def test_noindex_pages_stay_out_of_the_index_and_a_revision_decides(wh):
    quiet = _article("q1", "Harbour closes quietly", "The harbour closed at noon.", "r2",
                     rights=["noai", "noindex"])
    S.index_commit(wh, _commit(wh, "r2", [quiet]), "r2")
    assert _ids(S.search(wh, "harbour")) == ["a3"]  # the storm story, not q1
    # the flood story's new revision asks not to be indexed: it leaves the index...
    S.index_commit(wh, _commit(wh, "r3", [_article("a1", "River floods valley", FLOOD,
                                                   "r3", revision=2, rights=["noindex"])]),
                   "r3")
    assert _ids(S.search(wh, "evacuation")) == []
    assert S.document_count(wh) == 2
    # ...a rebuild from the warehouse agrees, and a later revision without it comes back
    assert S.rebuild(wh) == 2
    S.index_commit(wh, _commit(wh, "r4", [_article("a1", "River floods valley", FLOOD,
                                                   "r4", revision=3)]), "r4")
    assert _ids(S.search(wh, "evacuation")) == ["a1"]


def test_a_run_killed_before_indexing_is_caught_up_by_search(wh):
    # r2 committed its Parquet files and manifest, then died before its index commit.
    _commit(wh, "r2", [_article("b1", "Bridge reopens", "The old bridge reopened today.",
                                "r2")])
    assert [m["run_id"] for m in S.pending_commits(wh)] == ["r2"]
    result = S.search(wh, "bridge")
    assert _ids(result) == ["b1"] and result.caught_up == ["r2"]
    assert S.indexed_commits(wh) == ["r1", "r2"] and not S.pending_commits(wh)
    assert S.search(wh, "bridge").caught_up == []


def test_killed_after_the_index_commit_but_before_the_state_file(wh, monkeypatch):
    """tantivy committed r2's documents, the process died before indexed.json named r2:
    the catch-up indexes r2 again and the index still holds each article once."""
    table = _commit(wh, "r2", [_article("b1", "Bridge reopens", "The bridge reopened.",
                                        "r2")])

    def die(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr(S, "_write_state", die)
    with pytest.raises(KeyboardInterrupt):
        S.index_commit(wh, table, "r2")
    monkeypatch.undo()
    assert S.indexed_commits(wh) == ["r1"]
    assert _ids(S.search(wh, "bridge")) == ["b1"]
    assert S.document_count(wh) == 4 and S.indexed_commits(wh) == ["r1", "r2"]


def test_a_writer_killed_before_its_tantivy_commit_leaves_the_last_commit(wh, monkeypatch):
    table = _commit(wh, "r2", [_article("b1", "Bridge reopens", "The bridge reopened.",
                                        "r2")])
    real_document = S._document

    def document_then_die(row):
        if row["article_id"] == "b1":
            raise KeyboardInterrupt
        return real_document(row)

    monkeypatch.setattr(S, "_document", document_then_die)
    with pytest.raises(KeyboardInterrupt):
        S.index_commit(wh, table, "r2")
    monkeypatch.undo()
    assert S.document_count(wh) == 3  # r1 intact
    assert _ids(S.search(wh, "bridge")) == ["b1"]  # and r2 caught up


def test_a_busy_writer_does_not_stop_a_search(wh):
    _commit(wh, "r2", [_article("b1", "Bridge reopens", "The bridge reopened.", "r2")])
    import tantivy

    holder = tantivy.Index.open(str(S.search_dir(wh))).writer(15_000_000, 1)
    try:
        result = S.search(wh, "river")
        assert result.note and result.caught_up == [] and _ids(result) == ["a1", "a2"]
    finally:
        del holder
    assert _ids(S.search(wh, "bridge")) == ["b1"]


def test_rebuild_from_the_committed_articles(wh):
    _commit(wh, "r2", [_article("a1", "River floods valley again", FLOOD + " More.", "r2",
                                revision=2)])
    state = S.search_dir(wh) / S.STATE_FILE
    state.write_text(json.dumps({"format": S.INDEX_FORMAT, "commits": []}))
    assert S.rebuild(wh) == 3
    assert S.indexed_commits(wh) == ["r1", "r2"]
    (hit,) = S.search(wh, '"floods valley"').hits
    assert hit.revision == 2 and hit.title == "River floods valley again"
    assert not list(wh.glob("search.*"))  # no leftovers beside it


def test_an_index_of_another_format_is_rebuilt_by_the_catch_up(wh):
    state = S.search_dir(wh) / S.STATE_FILE
    state.write_text(json.dumps({"format": S.INDEX_FORMAT - 1, "commits": ["r1"]}))
    result = S.search(wh, "river")
    assert result.caught_up == ["r1"] and _ids(result) == ["a1", "a2"]
    assert S.document_count(wh) == 3


def test_an_empty_warehouse_answers_nothing(warehouse):
    result = S.search(warehouse, "anything")
    assert result.hits == [] and result.total == 0


def test_a_batch_commit_is_caught_up_under_its_own_name(wh):
    # A batch commit is named r2.b00001, not by its run_id: recorded under that name, it is
    # no longer pending, and a run's later batch is still found missing.
    from tasks.storage.publish import publish_commit

    def batch(n: int, aid: str) -> None:
        rows = [_article(aid, "Bridge reopens", "The old bridge reopened today.", "r2")]
        publish_commit(wh, {"articles": conform(rows, ARTICLES, "articles")},
                       {"run_id": "r2", "started_at": "r2"}, n)

    batch(1, "b1")
    assert S.catch_up(wh) == ["r2.b00001"]
    assert S.indexed_commits(wh) == ["r1", "r2.b00001"] and S.pending_commits(wh) == []
    batch(2, "b2")
    assert [S.commit_key(m) for m in S.pending_commits(wh)] == ["r2.b00002"]
    assert S.catch_up(wh) == ["r2.b00002"] and S.catch_up(wh) == []
    assert sorted(_ids(S.search(wh, "bridge"))) == ["b1", "b2"]


def test_a_commit_without_articles_is_caught_up_with_nothing_to_add(wh):
    from schemas import REJECTS
    from tasks.storage.publish import publish_commit

    rejects = conform([{"input_key": "k", "stage": "clean", "reason": "too_short",
                        "rejected_at": datetime(2024, 5, 1, tzinfo=UTC), "run_id": "r2"}],
                      REJECTS, "rejects")
    publish_commit(wh, {"rejects": rejects}, {"run_id": "r2", "started_at": "r2"}, 1)
    assert S.catch_up(wh) == ["r2.b00001"]
    assert S.indexed_commits(wh) == ["r1", "r2.b00001"] and S.document_count(wh) == 3


def test_a_commit_indexed_without_a_name_is_recorded_under_its_run_ids(wh):
    rows = [_article("b1", "Bridge reopens", "The old bridge reopened today.", "r3"),
            _article("b2", "Bridge closes", "The new bridge closed today.", "r2")]
    # committed as runs were before batch commits: manifests named by run id (an index
    # holding commits the warehouse does not list is made again: fault round 42)
    _commit(wh, "r2", rows[1:])
    _commit(wh, "r3", rows[:1])
    assert S.index_commit(wh, conform(rows, ARTICLES, "articles")) == 2
    assert S.indexed_commits(wh) == ["r1", "r2", "r3"]
    assert sorted(_ids(S.search(wh, "bridge"))) == ["b1", "b2"]


def test_the_index_schema_has_every_field_a_search_filters_on():
    import tantivy

    index = S._with_words(tantivy.Index(S._schema()))  # (SCHEMA: built at import, where
    # mutmut cannot see it)
    for field in ("article_id", "title", "text", "url", "outlet", "domain", "language",
                  "cluster_id"):
        index.parse_query("x", [field])


def test_a_compaction_leaves_nothing_for_the_search_to_catch_up(wh):
    from tasks.storage import compact as C

    rows = [_article("b1", "Bridge reopens", "The old bridge reopened today.", "r2")]
    _commit(wh, "r2", rows)
    assert S.catch_up(wh) == ["r2"]
    C.compact(wh, min_files=2)
    assert "compaction" in [m["kind"] for m in S.manifests(wh)]
    assert S.pending_commits(wh) == [] and S.catch_up(wh) == []


def test_a_date_tantivy_cannot_hold_is_left_out_not_raised() -> None:
    """Fault round 3: a published_at of 2999 raised ValueError in add_date and ended the
    run's commit; such a date is no publication date."""
    row = {"article_id": "a", "revision": 1, "title": "T", "text": "x", "url": "https://e.x/a",
           "domain": "e.x", "published_at": datetime(2999, 1, 1, tzinfo=UTC)}
    doc = S._document(row)
    assert "published_at" not in doc.to_dict()
    row["published_at"] = datetime(2024, 4, 4, tzinfo=UTC)
    assert "published_at" in S._document(row).to_dict()


def test_a_first_commit_without_articles_is_caught_up_on_a_fresh_warehouse(warehouse):
    """Fault round 6: a warehouse whose first run kept no article (every feed and sitemap
    failed) had no search folder; catching that commit up wrote its state file there and
    raised FileNotFoundError: that run failed, and so did every later one, since each
    catches up the same commit first. Now it is recorded, and the next commit indexed."""
    from schemas import REJECTS
    from tasks.storage.publish import publish_commit

    rejects = conform([{"input_key": "k", "stage": "discover", "reason": "feed_truncated",
                        "rejected_at": datetime(2024, 5, 1, tzinfo=UTC), "run_id": "r1"}],
                      REJECTS, "rejects")
    publish_commit(warehouse, {"rejects": rejects}, {"run_id": "r1", "started_at": "r1"}, 1)
    assert S.catch_up(warehouse) == ["r1.b00001"]
    assert S.search(warehouse, "river").hits == [] and S.document_count(warehouse) == 0
    rows = [_article("a1", "River floods valley", FLOOD, "r2")]
    publish_commit(warehouse, {"articles": conform(rows, ARTICLES, "articles")},
                   {"run_id": "r2", "started_at": "r2"}, 1)
    assert S.catch_up(warehouse) == ["r2.b00001"]
    assert _ids(S.search(warehouse, "river")) == ["a1"]
    assert S.indexed_commits(warehouse) == ["r1.b00001", "r2.b00001"]


def test_the_last_day_tantivy_holds_is_still_indexed() -> None:
    # the bound of the indexable range is kept: 2262-01-01 (tantivy ends in April 2262)
    row = {"article_id": "a", "revision": 1, "title": "T", "text": "x", "url": "https://e.x/a",
           "domain": "e.x", "published_at": datetime(2262, 1, 1, tzinfo=UTC)}
    assert "published_at" in S._document(row).to_dict()


def test_of_two_rows_of_an_article_the_higher_revision_stays_in_either_order() -> None:
    rows = [_article("a1", "River floods valley again", FLOOD, "r3", revision=3),
            _article("a1", "River floods valley", FLOOD, "r2", revision=2)]
    for order in (rows, rows[::-1]):
        (row,) = S._latest_rows(conform(order, ARTICLES, "articles"))
        assert (row["revision"], row["title"]) == (3, "River floods valley again")


def test_a_days_bounds_are_utc_days_whatever_the_machines_zone(warehouse, monkeypatch):
    # an article published at 02:00 UTC on 3 May; the machine five hours west of UTC, where
    # a date turned into a naive midnight would start the day at 05:00 UTC
    import time as clock

    row = _article("n1", "Night session", BUDGET, "r1", day=3)
    row["published_at"] = datetime(2024, 5, 3, 2, tzinfo=UTC)
    S.index_commit(warehouse, _commit(warehouse, "r1", [row]), "r1")
    monkeypatch.setenv("TZ", "XYZ+5")  # POSIX: five hours west of UTC, no zone files needed
    clock.tzset()
    try:
        assert _ids(S.search(warehouse, "budget", since=date(2024, 5, 3))) == ["n1"]
        assert _ids(S.search(warehouse, "budget", until=date(2024, 5, 2))) == []
        assert _ids(S.search(warehouse, "budget", until=date(2024, 5, 3))) == ["n1"]
    finally:
        monkeypatch.delenv("TZ")
        clock.tzset()


def test_until_a_date_ends_before_the_next_days_midnight_and_until_an_instant_at_it(
        warehouse):
    """`until` a date is that whole day: an article of 00:00:00 the day after is not in it
    (the upper bound, the next midnight, is exclusive); `until` that midnight as an
    instant takes it (an instant's bound is inclusive)."""
    last = _article("d2", "Late budget", BUDGET, "r1", day=2)
    last["published_at"] = datetime(2024, 5, 2, 23, 59, 59, tzinfo=UTC)
    midnight = _article("d3", "Midnight budget", BUDGET, "r1", day=3)
    midnight["published_at"] = datetime(2024, 5, 3, tzinfo=UTC)
    S.index_commit(warehouse, _commit(warehouse, "r1", [last, midnight]), "r1")
    assert _ids(S.search(warehouse, "budget", until=date(2024, 5, 2))) == ["d2"]
    assert set(_ids(S.search(warehouse, "budget", until=datetime(2024, 5, 3, tzinfo=UTC)))) \
        == {"d2", "d3"}
    assert _ids(S.search(warehouse, "budget", since=date(2024, 5, 3))) == ["d3"]


def test_the_index_stores_every_field_a_hit_reads() -> None:
    # SCHEMA is built once at import, where mutmut cannot see it: the schema _schema()
    # makes must hold each field _document() fills, or tantivy drops it without a word
    import tantivy

    index = S._with_words(tantivy.Index(S._schema()))
    writer = index.writer(15_000_000, 1)
    row = _article("a1", "River floods valley", FLOOD, "r1", domain="WWW.News.de",
                   revision=2, lang="DE", cluster="c7")
    writer.add_document(S._document(row))
    writer.commit()
    index.reload()
    searcher = index.searcher()
    (_, address), = searcher.search(index.parse_query("valley", ["title"]), 1).hits
    stored = searcher.doc(address).to_dict()
    assert stored == {"article_id": ["a1"], "revision": [2], "title": [row["title"]],
                      "text": [FLOOD], "url": [row["url"]],
                      "published_at": [row["published_at"]],
                      "domain": ["www.news.de"], "language": ["de"], "cluster_id": ["c7"]}
    # the address is one term, not words: a term query for the whole URL finds it
    by_url = tantivy.Query.term_query(index.schema, "url", row["url"])
    assert searcher.search(by_url, 1).count == 1


def test_a_hit_names_its_domain_and_language(wh):
    (hit,) = S.search(wh, "parliament").hits
    assert (hit.domain, hit.language) == ("www.news.de", "de")


def test_filters_do_not_change_a_hits_score(wh):
    scores = {h.article_id: h.score for h in S.search(wh, "river OR rain").hits}
    for kwargs in ({"lang": "de"}, {"outlet": "news.de"}, {"since": date(2024, 5, 2)}):
        hits = S.search(wh, "river OR rain", **kwargs).hits
        assert hits and all(h.score == pytest.approx(scores[h.article_id]) for h in hits)


def test_a_rebuild_makes_the_index_when_there_is_none(wh):
    import shutil

    shutil.rmtree(S.search_dir(wh))
    assert S.rebuild(wh) == 3
    assert S.indexed_commits(wh) == ["r1"] and _ids(S.search(wh, "evacuation")) == ["a1"]
    assert not list(wh.glob("search.*"))


def test_an_article_without_a_domain_or_language_stores_none() -> None:
    row = {"article_id": "a", "revision": 1, "title": "T", "text": "x", "url": "https://e.x/a",
           "domain": None, "source_name": None, "language": None}
    stored = S._document(row).to_dict()
    assert stored["domain"] == [""] and "language" not in stored and "outlet" not in stored


def test_indexing_into_a_warehouse_folder_not_made_yet_makes_it(tmp_path) -> None:
    root = tmp_path / "new" / "warehouse"
    table = conform([_article("a1", "River floods valley", FLOOD, "r1")], ARTICLES, "articles")
    assert S.index_commit(root, table, "r1") == 1
    assert S.indexed_commits(root) == ["r1"] and S.document_count(root) == 1


def test_a_commits_name_is_its_manifest_file_else_its_run_id() -> None:
    # warehouses written before batch commits have manifests named by run_id only
    assert S.commit_key({"name": "r2.b00001.json", "run_id": "r2"}) == "r2.b00001"
    assert S.commit_key({"run_id": "r1"}) == "r1"


def test_a_commit_handed_over_in_memory_is_not_read_again(wh, monkeypatch):
    table = _commit(wh, "r2", [_article("b1", "Bridge reopens", "The bridge reopened.", "r2")])

    def no_reading(*_a, **_k):
        raise AssertionError("the commit's files were read again")

    monkeypatch.setattr(S, "_commit_articles", no_reading)
    assert S.catch_up(wh, fresh={"r2": table}) == ["r2"]
    assert _ids(S.search(wh, "bridge", catch_up_first=False)) == ["b1"]


@pytest.mark.parametrize("how", ["segments-garbage", "segments-deleted", "meta-garbage",
                                 "meta-empty", "state-garbage"])
def test_a_damaged_index_is_made_again_and_answers(wh, how):
    """Fault round 9, probed: an index damaged on disk (its segment files overwritten or
    deleted, its meta.json garbage or empty, the state file garbage) is opened anew by
    the next commit's indexing, which catches every commit up: the search answers for
    both runs, nothing raised (no fix was needed)."""
    folder = S.search_dir(wh)
    if how.startswith("segments"):
        for path in folder.iterdir():
            if path.suffix in (".idx", ".store", ".term", ".pos", ".fast", ".fieldnorm"):
                if how == "segments-deleted":
                    path.unlink()
                else:
                    path.write_bytes(b"garbage" * 10)
    elif how.startswith("meta"):
        (folder / "meta.json").write_bytes(b"{not json" if how == "meta-garbage" else b"")
    else:
        (folder / S.STATE_FILE).write_bytes(b"\x00garbage")
    S.index_commit(wh, _commit(wh, "r2", [_article("a4", "Harbour reopens", STORM, "r2")]),
                   "r2")
    S.catch_up(wh)
    hits = S.search(wh, "river OR harbour OR budget OR storm")
    assert sorted(_ids(hits)) == ["a1", "a2", "a3", "a4"]
    assert S.document_count(wh) == 4


def test_parentheses_nested_past_the_limit_are_a_query_error_not_a_crash(wh):
    """Fault round 11: 10,000 opening parentheses (closed or not) made tantivy's query
    parser overflow the stack: `pressroom search` died with a segmentation fault (exit
    -11). Run in a child process, so that the crash fails this test instead of the run."""
    import os
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[3]
    code = ("import sys; from pathlib import Path; from tasks.storage import search as S\n"
            "for q in ['(' * 20000 + 'river' + ')' * 20000, '(' * 20000]:\n"
            "    try:\n"
            "        S.search(Path(sys.argv[1]), q)\n"
            "    except ValueError as exc:\n"
            "        print(exc)\n")
    done = subprocess.run([sys.executable, "-c", code, str(wh)], cwd=repo, timeout=120,
                          capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(repo)})
    assert done.returncode == 0, (done.returncode, done.stderr[-500:])
    assert done.stdout.splitlines() == [
        "parentheses nested 20000 deep, more than the 100 a query may nest"] * 2


def test_parentheses_up_to_the_limit_and_inside_phrases_still_search(wh):
    assert S.query_depth('a (b (c)) "((((" d)') == 2
    nested = "(" * S.MAX_QUERY_DEPTH + "river" + ")" * S.MAX_QUERY_DEPTH
    assert _ids(S.search(wh, nested)) == _ids(S.search(wh, "river"))
    with pytest.raises(ValueError, match="nested 101 deep"):
        S.search(wh, "(" + nested + ")")


def test_a_limit_far_past_the_documents_is_no_crash(wh):
    """Fault round 12: tantivy reserves room for `limit` hits per segment before it
    searches: `pressroom search --limit 100000000000` aborted the process (a failed
    1.6 TB allocation, exit 134: no message a user can act on), a limit past 2**63
    raised a PanicException. Run in a child process, so that an abort fails this test
    instead of the run. Now the limit is held to the index's documents: every hit."""
    import os
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[3]
    code = ("import sys; from pathlib import Path; from tasks.storage import search as S\n"
            "for limit in (100_000_000_000, 2**63, 2**64):\n"
            "    r = S.search(Path(sys.argv[1]), 'rain OR river', limit=limit)\n"
            "    print(len(r.hits), r.total)\n")
    done = subprocess.run([sys.executable, "-c", code, str(wh)], cwd=repo, timeout=120,
                          capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(repo)})
    assert done.returncode == 0, (done.returncode, done.stderr[-500:])
    assert done.stdout.splitlines() == ["3 3"] * 3
    assert len(S.search(wh, "rain OR river", limit=2).hits) == 2  # a real limit still limits


def test_date_bounds_beyond_the_dates_tantivy_holds_select_as_written(wh):
    """Fault round 12: `--until 9999-12-31` raised OverflowError (its next day is no
    date: a traceback), `--since 0001-01-01` was a query error ("out of range": tantivy
    holds 1677-2262). A bound beyond that range now selects what it says: every dated
    article, or none."""
    every = {"a1", "a2", "a3"}
    far_past, far_future = date(1, 1, 1), date(9999, 12, 31)
    assert set(_ids(S.search(wh, "rain OR river", until=far_future))) == every
    assert set(_ids(S.search(wh, "rain OR river", since=far_past))) == every
    assert set(_ids(S.search(wh, "rain OR river", since=far_past, until=far_future))) == every
    assert _ids(S.search(wh, "rain OR river", since=far_future)) == []
    assert _ids(S.search(wh, "rain OR river", until=far_past)) == []
    for until in (datetime(9999, 12, 31, 23, 59, tzinfo=UTC), datetime.max, datetime.min):
        assert set(_ids(S.search(wh, "rain OR river", until=until))) == (
            every if until.year > 2000 else set())
    assert set(_ids(S.search(wh, "rain OR river", since=date(1677, 12, 31),
                             until=date(2262, 4, 11)))) == every


def test_a_search_without_a_limit_gives_the_ten_best_hits_and_counts_them_all(warehouse):
    rows = [_article(f"b{i:02}", f"Bridge {i}", "The bridge " * (i + 1), "r1")
            for i in range(12)]
    S.index_commit(warehouse, _commit(warehouse, "r1", rows), "r1")
    result = S.search(warehouse, "bridge")
    assert len(result.hits) == 10 and result.total == 12
    # each hit carries its BM25 score, the best first
    scores = [h.score for h in result.hits]
    assert all(isinstance(s, float) and s > 0 for s in scores)
    assert scores == sorted(scores, reverse=True)


def test_a_title_only_match_shows_the_start_of_the_text(wh):
    # "floods" is in a1's title, not in its text ("flooded"): no fragment to cut, so the
    # snippet is the text's beginning, with nothing highlighted
    (hit,) = S.search(wh, "floods").hits
    assert hit.article_id == "a1"
    assert (hit.snippet, hit.highlights) == (FLOOD[:S.SNIPPET_CHARS], [])


def test_a_hit_without_a_title_text_url_or_domain_has_empty_ones(warehouse):
    untitled = _article("n1", "", "A bridge closed for repairs.", "r1", domain="")
    untitled["title"] = None
    textless = _article("n2", "Bridge", "", "r1")
    textless["url"] = ""
    S.index_commit(warehouse, _commit(warehouse, "r1", [untitled, textless]), "r1")
    (hit,) = S.search(warehouse, "repairs").hits
    assert (hit.title, hit.domain) == ("", "")
    (hit,) = S.search(warehouse, "title:bridge").hits
    assert (hit.article_id, hit.url, hit.snippet, hit.highlights) == ("n2", "", "", [])


def test_a_query_that_matches_nothing_counts_nothing(wh):
    result = S.search(wh, "volcano")
    assert (result.hits, result.total) == ([], 0)


def test_a_first_search_of_a_warehouse_without_articles_names_the_commits_it_caught_up(
        warehouse):
    from schemas import REJECTS
    from tasks.storage.publish import publish_commit

    rejects = conform([{"input_key": "k", "stage": "discover", "reason": "feed_truncated",
                        "rejected_at": datetime(2024, 5, 1, tzinfo=UTC), "run_id": "r1"}],
                      REJECTS, "rejects")
    publish_commit(warehouse, {"rejects": rejects}, {"run_id": "r1", "started_at": "r1"}, 1)
    result = S.search(warehouse, "river")  # no index made: nothing to search
    assert (result.hits, result.total, result.caught_up, result.note) == (
        [], 0, ["r1.b00001"], None)


def test_a_busy_writer_before_any_index_is_said_with_no_hits(warehouse, monkeypatch):
    # another process is making the first index: nothing to search yet, and the note
    # says why
    def busy(root, fresh=None):
        raise S.IndexBusy("LockBusy")

    monkeypatch.setattr(S, "catch_up", busy)
    result = S.search(warehouse, "river")
    assert (result.hits, result.total, result.caught_up) == ([], 0, [])
    assert result.note and "another process" in result.note


@pytest.mark.parametrize(("query", "expected"), [
    ("River floods: valley", ["a1"]),  # a headline, pasted
    ("storm 10:30", []),  # a time (no article holds it: no hit, and no error)
    ("https://e.com storm", []),  # an address (the text holds none)
    ("coast's storm", []),  # an apostrophe (tantivy reads `'` as a quotation)
    ("[storm] coast", ["a3"]),
    ("{storm} coast", ["a3"]),
    ('"storm on the coast', ["a3"]),  # a phrase never closed
    ("storm) coast", ["a3"]),
    ("(storm coast", ["a3"]),
])
def test_a_query_pasted_from_a_headline_is_searched_for_its_words(wh, query, expected):
    """Each was a "query error" ("Field does not exist: 'River'", "Syntax Error: coast's
    storm"): a colon after a word, an apostrophe, brackets, a quote or parenthesis left
    unpaired are words of what people paste (round 18). The search says it read them as
    words."""
    got = S.search(wh, query)
    assert _ids(got) == expected
    assert got.note and got.note.startswith("searched for the words of ")


def test_a_query_read_as_written_is_not_rewritten(wh):
    assert _ids(S.search(wh, "title:storm")) == ["a3"] and S.search(wh, "title:storm").note is None
    assert _ids(S.search(wh, '"river valley"')) == ["a1"]
    assert S.as_written("title:storm a:b 'x' (y", frozenset({"title"})) == (
        "title:storm a\\:b \\'x\\' \\(y")
    assert S.as_written('"a b" c) "d', frozenset()) == '"a b" c\\) \\"d'
    with pytest.raises(ValueError, match="Only excluding terms"):
        S.search(wh, "NOT storm")  # refused either way: the error is tantivy's own


@pytest.mark.parametrize("query", ["", "   ", "\n"])
def test_an_empty_query_is_a_query_error_not_no_match(wh, query):
    """`pressroom search ""` answered "0 of 0 matching article(s)", as if nothing in the
    warehouse matched (round 18)."""
    with pytest.raises(ValueError, match="holds no words"):
        S.search(wh, query)


@pytest.mark.parametrize(("query", "expected"), [
    ("title:", "'title:' names the field title but no word to search it for"),
    ("storm title:", "'title:' names the field title but no word"),
    ("(domain:)", "'domain:' names the field domain but no word"),
    ("text: AND storm", "'text:' names the field text but no word"),
    ("storm AND", "AND has no word on its right"),
    ("OR storm", "OR has no word on its left"),
    ("storm NOT", "NOT has no word on its right"),
    ("storm -", "'-' (must / must not) has no word after it"),
    ("NOT storm", "the query only excludes (NOT or -)"),
    ("-storm", "the query only excludes (NOT or -)"),
])
def test_a_query_tantivy_refuses_says_what_to_write_instead(wh, query, expected):
    """Fault round 19 (round 18's known item): `pressroom search "title:"` said "query
    error: Syntax Error: title:" and no more; an operator with nothing on one side, a
    query of exclusions alone, the same. tantivy's own error stays, in parentheses."""
    with pytest.raises(ValueError) as refused:
        S.search(wh, query)
    assert str(refused.value).startswith(expected), refused.value
    assert str(refused.value).endswith(")")  # tantivy's error, after


@pytest.mark.parametrize("query", ['""', '" "', "()", ":", "+ -"])
def test_a_query_of_syntax_alone_holds_no_words(wh, query):
    """`pressroom search '""'` answered "0 of 0 matching article(s)" as `""` did before
    round 18; `()` and `:` were "Syntax Error"."""
    with pytest.raises(ValueError, match="holds no words"):
        S.search(wh, query)
    assert len(_ids(S.search(wh, "*"))) == 3  # still everything


def test_a_star_after_a_word_is_said_to_be_no_prefix_search(wh):
    """Fault round 19: "storm*" (or `title:riv*`) was searched for the whole word, the
    star dropped by tantivy's parser: "riv*" found nothing and said nothing, as if no
    article held a word beginning so. The search still runs, with a note."""
    got = S.search(wh, "riv* valley")
    assert _ids(got) == []
    assert got.note == ("'riv*': searched for 'riv' as whole word(s); a * after a word is "
                        "no prefix search here (write the words in full, e.g. 'storm OR "
                        "storms')")
    assert S.search(wh, "title:river*").note.startswith("'river*': searched for 'river'")
    assert _ids(S.search(wh, "title:river*")) == ["a1"]
    for plain in ("river", "*", '"river valley"', "2*3"):
        assert S.search(wh, plain).note is None, plain


def test_any_value_of_a_field_is_a_sentence_not_a_schema_error(wh):
    """`title:*` parsed, then failed as "Schema error: 'Field title is not a fast field.'"."""
    with pytest.raises(ValueError, match=r"^'title:\*' \(any title\) cannot be searched"):
        S.search(wh, "title:*")


def test_a_hit_without_a_date_language_or_title_has_none(warehouse):
    # seed 51: fields an article lacks are not in its document at all; the hit says None
    # (or "" for the title) instead of failing the search
    row = _article("a9", "", "Lighthouse keepers returned to the island.", "r9")
    row.update(published_at=None, language=None, title=None)
    S.index_commit(warehouse, _commit(warehouse, "r9", [row]), "r9")
    (hit,) = S.search(warehouse, "lighthouse").hits
    assert (hit.article_id, hit.published_at, hit.language, hit.title) == ("a9", None, None, "")


def test_the_index_size_is_the_bytes_of_every_file_under_its_folder(wh):
    # seed 52: what `pressroom reindex` reports: every file under the index's folder
    # (tantivy's segment and meta files, our state file)
    files = [p for p in S.search_dir(wh).rglob("*") if p.is_file()]
    assert any(p.name == S.STATE_FILE for p in files) and len(files) > 2
    assert S.size_on_disk(wh) == sum(p.stat().st_size for p in files) > 0


@pytest.mark.parametrize("how", ["segments-deleted", "segments-garbage", "meta-garbage",
                                 "meta-deleted"])
def test_a_damaged_index_is_made_again_by_the_search_itself(wh, how):
    """Fault round 28: an index damaged on disk while no commit is pending (a disk fault,
    a copy of the warehouse that missed a file) was made again only by the next commit's
    indexing (round 9's probe above): until then every search raised "Failed to open file
    for read ..." or "Data corrupted ..." (the CLI: "query error: ...", exit 2, whatever
    the query), and with meta.json deleted it answered "0 of 0" over a warehouse of
    articles. Now the search makes the index again from the committed articles first,
    and says so."""
    folder = S.search_dir(wh)
    if how.startswith("segments"):
        for path in folder.iterdir():
            if path.suffix in (".idx", ".store", ".term", ".pos", ".fast", ".fieldnorm"):
                if how == "segments-deleted":
                    path.unlink()
                else:
                    path.write_bytes(b"garbage" * 10)
    elif how == "meta-garbage":
        (folder / "meta.json").write_bytes(b"{not json")
    else:
        (folder / "meta.json").unlink()
    result = S.search(wh, "river OR harbour OR budget OR storm")
    assert sorted(_ids(result)) == ["a1", "a2", "a3"]
    assert "the search index was damaged" in result.note
    assert "made again from the warehouse's 3 article(s)" in result.note
    again = S.search(wh, "river")
    assert again.note is None and set(_ids(again)) == {"a1", "a2"}


def test_commits_of_no_article_are_no_damaged_index(warehouse):
    """A warehouse whose commits held no article records them without an index: no index
    is made again, no note."""
    _commit(warehouse, "r1", [])
    S.catch_up(warehouse)
    result = S.search(warehouse, "river")
    assert (result.total, result.note) == (0, None)
    assert not S._exists(S.search_dir(warehouse))


_NO_INDEX = "no index in it, though its state file lists the commits indexed"


def test_a_damaged_index_is_said_with_what_was_wrong_and_what_was_done(wh):
    # seed 61: the whole note, for an index whose meta.json is gone and for one whose
    # meta.json is garbage (the error tantivy met, quoted)
    import tantivy

    folder = S.search_dir(wh)
    (folder / "meta.json").unlink()
    assert S.search(wh, "river").note == (
        f"the search index was damaged ({_NO_INDEX}): made again from the warehouse's 3 "
        "article(s)")
    (folder / "meta.json").write_bytes(b"{not json")
    with pytest.raises(ValueError) as met:
        tantivy.Index.open(str(folder))
    assert S.search(wh, "river").note == (
        f"the search index was damaged ({str(met.value)[:200]}): made again from the "
        "warehouse's 3 article(s)")


def test_a_damaged_index_another_process_is_writing_is_said_with_no_hits(wh, monkeypatch):
    # seed 61: the index is damaged and another process holds its writer: no index made
    # again here, and the note says when to search again
    def busy(root):
        raise S.IndexBusy("LockBusy")

    (S.search_dir(wh) / "meta.json").unlink()
    monkeypatch.setattr(S, "rebuild", busy)
    result = S.search(wh, "river")
    assert (result.hits, result.note) == ([], (
        f"the search index is damaged ({_NO_INDEX}), and another process is writing it: "
        "search again when it is done"))


def test_articles_of_a_commit_the_warehouse_no_longer_lists_are_not_found(wh):
    """Fault round 42: a commit's manifest moved out of manifests/ (what a damaged or
    unwanted commit calls for: its rows are no longer read) or a warehouse restored
    from a backup older than its search index: `pressroom sql` counted the articles
    gone, `search` still found them (the index held the commit, and only commits it
    lacked were looked at). The index is now made again without them, and says so."""
    _commit(wh, "r2", [_article("a4", "Flood defences hold", FLOOD + " Defences held.", "r2")])
    assert sorted(_ids(S.search(wh, "evacuation"))) == ["a1", "a4"]
    moved = wh.parent / "moved"
    moved.mkdir()
    for manifest in (wh / "manifests").glob("r1*.json"):
        manifest.rename(moved / manifest.name)
    found = S.search(wh, "evacuation OR storm OR budget")
    assert _ids(found) == ["a4"]
    assert "no longer lists" in found.note and "r1" in found.note
    assert S.indexed_commits(wh) == ["r2"]
    again = S.search(wh, "evacuation")  # made again once: the next search says nothing
    assert (_ids(again), again.note) == (["a4"], None)


ZH = ("新华社北京12月5日电（记者 王晓）国务院今天发布了新的规定，要求各地加快推进有关工作。"
      "\n\n规定自明年一月起施行。")
JA = "【ワシントン共同】米政府は5日、新しい方針を発表した。\n\n方針は来年から実施される。"


def test_chinese_and_japanese_words_are_found_wherever_they_stand(warehouse):
    # written without spaces, a clause was one word of the index (none past 40 bytes):
    # not even 新华社 was found
    rows = [_article("z1", "国务院发布新规定", ZH, "r1", lang="zh"),
            _article("j1", "米政府が新方針", JA, "r1", lang="ja"),
            _article("e1", "River floods valley", FLOOD, "r1")]
    S.index_commit(warehouse, _commit(warehouse, "r1", rows), "r1")
    for query, found in (("新华社", ["z1"]), ("发布 规定", ["z1"]), ('"加快推进"', ["z1"]),
                         ("施行", ["z1"]), ("方針", ["j1"]), ("ワシントン", ["j1"]),
                         ("方针", []),  # the simplified form is another letter
                         ("推进加快", []),  # a word is its letters in their order
                         ("valley", ["e1"])):
        assert _ids(S.search(warehouse, query)) == found, query
    hit, = S.search(warehouse, "国务院").hits
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["国", "务", "院"]


def test_a_korean_word_is_found_with_its_particles(warehouse):
    # "서울에서" (in Seoul), "서울의" (Seoul's): one space-separated word each before
    rows = [_article("k1", "서울에서 회의", "서울에서 열린 회의에서 서울의 예산이 논의됐다.",
                     "r1", lang="ko"),
            _article("k2", "부산 소식", "부산에서 축제가 열렸다.", "r1", lang="ko")]
    S.index_commit(warehouse, _commit(warehouse, "r1", rows), "r1")
    assert _ids(S.search(warehouse, "서울")) == ["k1"]
    assert _ids(S.search(warehouse, "축제")) == ["k2"]
    assert _ids(S.search(warehouse, "울서")) == []  # its syllables in their order


@pytest.mark.parametrize("text", [
    "Hello, World! Zażółć gęślą 3.5 o’clock don't",
    "Ünïcödé—dashes…and ＦＵＬＬＷＩＤＴＨ letters, Ελληνικά, Русский, עברית, العربية",
    "a" * 41 + " short " + "ß" * 20 + " x_y e-mail ①②",
])
def test_other_words_are_read_as_tantivys_default_reads_them(text):
    import tantivy

    default = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
               .filter(tantivy.Filter.remove_long(40)).filter(tantivy.Filter.lowercase())
               .build())
    assert S._words_analyzer().analyze(text) == default.analyze(text)


TH = ("นายกรัฐมนตรีเดินทางไปเยือนจังหวัดเชียงใหม่เมื่อวันจันทร์เพื่อติดตามสถานการณ์น้ำท่วม\n\n"
      "ทั้งนี้กรมอุตุนิยมวิทยาคาดการณ์ว่าจะมีฝนตกหนักต่อเนื่อง")


def test_a_word_of_a_script_written_without_spaces_is_found_inside_its_clause(warehouse):
    # fault round 43: a Thai clause was one token of the index (or none past 40 bytes),
    # so a word inside it matched nothing (Chinese and Japanese: the test above)
    rows = [_article("t1", "นายกฯ ลงพื้นที่", TH, "r1", lang="th"),
            _article("a1", "River floods valley", FLOOD, "r1")]
    S.index_commit(warehouse, _commit(warehouse, "r1", rows), "r1")
    assert _ids(S.search(warehouse, "เชียงใหม่")) == ["t1"]
    assert _ids(S.search(warehouse, "ฝนตกหนัก")) == ["t1"]
    assert _ids(S.search(warehouse, "หนักฝนตก")) == []  # its letters, not in that order
    (hit,) = S.search(warehouse, "เชียงใหม่").hits
    assert "เชียงใหม่" in hit.snippet
    assert _ids(S.search(warehouse, "evacuation")) == ["a1"]  # other words as before


@pytest.mark.parametrize(("gone", "shown"), [
    (["c1", "c2", "c3"], "c1, c2, c3"), (["c1", "c2", "c3", "c4"], "c1, c2, c3, ..."),
])
def test_a_stale_index_note_names_three_commits_no_longer_listed(wh, monkeypatch, gone, shown):
    # seed 69: the note's state and its list of commits, three at most
    S.search(wh, "river")  # the index made
    monkeypatch.setattr(S, "commits_no_longer_listed", lambda root: gone)
    result = S.search(wh, "river")
    assert result.note == (
        f"the search index was stale (it held {len(gone)} commit(s) the warehouse no longer "
        f"lists: {shown}): made again from the warehouse's 3 article(s)")
