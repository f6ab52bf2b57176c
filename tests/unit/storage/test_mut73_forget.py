"""Seed 73: forget's `forget` mutated whole (seed 72 took its helpers): what a takedown
removes and records, asked where no test looked."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pyarrow as pa

from schemas import FETCH_LOG, REJECTS
from tasks.storage.forget import Takedown, forget
from tasks.storage.publish import publish_commit
from tasks.storage.warehouse import manifests, scan_table
from tests.unit.dedup.test_rules import row, run, story
from tests.unit.storage.test_forget import _targets, _warc

T = datetime(2024, 4, 4, tzinfo=UTC)


def _publish(root, articles, fetch_log, run_id="r1"):
    publish_commit(root, {"articles": articles, "fetch_log": fetch_log},
                   {"run_id": run_id, "started_at": "2024-04-04T00:00:00+00:00"}, 1)


def _log(url, warc, offset, run_id="r1"):
    return {"url": url, "final_url": url, "fetched_at": T, "run_id": run_id,
            "warc_file": warc, "warc_offset": offset}


def test_a_takedown_of_the_canonical_address_takes_the_page_fetched_under_another(tmp_path):
    """The article was fetched at its AMP address and declares its canonical one; the
    takedown names the canonical address (the one people share): the fetch and the
    archived page of the address it was fetched at go too."""
    fetched, canon = "https://a.example/amp/1", "https://a.example/story/1"
    art = {**row(canon, story(3), 0), "url": fetched}
    offsets = _warc(tmp_path / "raw" / "r1" / "x.warc.gz", [fetched, "https://b.example/2"])
    warc = "raw/r1/x.warc.gz"
    _publish(tmp_path, run([art, row("https://b.example/2", story(2), 1)]).table,
             pa.Table.from_pylist([_log(fetched, warc, offsets[0]),
                                   _log("https://b.example/2", warc, offsets[1])],
                                  schema=FETCH_LOG))
    manifest = forget(tmp_path, Takedown(url=canon), now=T)
    assert manifest["rows_removed"] == {"articles": 1, "fetch_log": 1}
    assert manifest["warc_records_removed"] == 1
    (log,) = scan_table(tmp_path, "fetch_log").to_pylist()
    assert log["url"] == "https://b.example/2"
    assert _targets((tmp_path / log["warc_file"]).read_bytes()) == ["https://b.example/2"]


def test_records_removed_from_several_archives_are_all_counted(tmp_path):
    """The domain's pages were fetched by two runs, each writing its own WARC: the
    manifest and the takedown's row count the records of both."""
    for run_id, n in (("r1", 1), ("r2", 2)):
        urls = [f"https://gone.example/{n}", f"https://kept.example/{n}"]
        offsets = _warc(tmp_path / "raw" / run_id / "x.warc.gz", urls)
        warc = f"raw/{run_id}/x.warc.gz"
        _publish(tmp_path, run([row(urls[1], story(n), 0)], run_id=run_id).table,
                 pa.Table.from_pylist([_log(u, warc, o, run_id)
                                       for u, o in zip(urls, offsets, strict=True)],
                                      schema=FETCH_LOG), run_id)
    manifest = forget(tmp_path, Takedown(domain="gone.example"), now=T)
    assert manifest["warc_records_removed"] == 2
    # the commit says which archive became which (the old ones are deleted)
    rewritten = manifest["warc_rewritten"]
    assert sorted(rewritten) == ["raw/r1/x.warc.gz", "raw/r2/x.warc.gz"]
    assert all((tmp_path / new).exists() and not (tmp_path / old).exists()
               for old, new in rewritten.items())
    (committed,) = [m for m in manifests(tmp_path) if m.get("kind") == "forget"]
    assert committed["warc_rewritten"] == rewritten
    assert manifest["rows_removed"] == {"fetch_log": 2}
    (taken,) = scan_table(tmp_path, "takedowns").to_pylist()
    assert (taken["warc_records_removed"], taken["rows_removed"]) == (2, 2)
    for log in scan_table(tmp_path, "fetch_log").to_pylist():
        assert _targets((tmp_path / log["warc_file"]).read_bytes()) == [log["url"]]


def test_a_tables_file_without_the_article_does_not_end_the_search_of_the_next(tmp_path):
    """Run r1 wrote only other domains' rows, run r2 the article's: r1's files are
    passed over, r2's rewritten."""
    for run_id, url in (("r1", "https://kept.example/1"), ("r2", "https://gone.example/2")):
        offsets = _warc(tmp_path / "raw" / run_id / "x.warc.gz", [url])
        warc = f"raw/{run_id}/x.warc.gz"
        _publish(tmp_path, run([row(url, story(int(url[-1])), 0)], run_id=run_id).table,
                 pa.Table.from_pylist([_log(url, warc, offsets[0], run_id)],
                                      schema=FETCH_LOG), run_id)
    manifest = forget(tmp_path, Takedown(domain="gone.example"), now=T)
    assert manifest["rows_removed"] == {"articles": 1, "fetch_log": 1}
    assert scan_table(tmp_path, "articles")["url"].to_pylist() == ["https://kept.example/1"]
    assert scan_table(tmp_path, "fetch_log")["url"].to_pylist() == ["https://kept.example/1"]


def test_a_url_beside_an_outlet_is_recorded_once_and_each_domain_row_names_no_url(tmp_path):
    """The request's row holds the URL, the ids (a1, a2 and the URL's own) and the
    counts; each of the outlet's domains gets a row of its own that names the domain
    alone (later runs refuse by it)."""
    from tests.unit.storage.test_forget import _outlets

    _outlets(tmp_path)
    forget(tmp_path, Takedown(url="https://other.example/a2", outlet="Daily Post",
                              reason="asked"), now=T)
    rows = scan_table(tmp_path, "takedowns").to_pylist()
    assert [(r["url"], r["domain"], r["outlet"], r["rows_removed"], len(r["article_ids"]),
             r["reason"]) for r in rows] == [
        ("https://other.example/a2", None, "Daily Post", 2, 3, "asked"),
        (None, "dailypost.example", "Daily Post", 0, 0, "asked")]


def test_an_outlets_archived_pages_are_counted_on_the_request_row_alone(tmp_path):
    url = "https://dailypost.example/1"
    offsets = _warc(tmp_path / "raw" / "r1" / "x.warc.gz", [url])
    art = {**row(url, story(1), 0), "source_name": "Daily Post"}
    _publish(tmp_path, run([art]).table,
             pa.Table.from_pylist([_log(url, "raw/r1/x.warc.gz", offsets[0])],
                                  schema=FETCH_LOG))
    forget(tmp_path, Takedown(outlet="Daily Post"), now=T)
    rows = scan_table(tmp_path, "takedowns").to_pylist()
    assert [(r["domain"], r["rows_removed"], r["warc_records_removed"]) for r in rows] == [
        (None, 2, 1), ("dailypost.example", 0, 0)]


def test_a_domain_beside_an_outlet_gets_one_row_and_the_outlets_other_domains_theirs(
        tmp_path):
    from tests.unit.storage.test_forget import _outlets

    _outlets(tmp_path)
    forget(tmp_path, Takedown(domain="other.example", outlet="Daily Post"), now=T)
    rows = scan_table(tmp_path, "takedowns").to_pylist()
    assert [(r["domain"], r["rows_removed"]) for r in rows] == [
        ("other.example", 3), ("dailypost.example", 0)]
    assert scan_table(tmp_path, "articles").num_rows == 0


def test_the_outlets_own_domain_named_beside_it_is_recorded_once(tmp_path):
    """(as typed on the request's row: later runs read it through domain_identity)"""
    from tests.unit.storage.test_forget import _outlets

    _outlets(tmp_path)
    forget(tmp_path, Takedown(domain="www.DailyPost.example", outlet="Daily Post"), now=T)
    rows = scan_table(tmp_path, "takedowns").to_pylist()
    assert [(r["domain"], r["rows_removed"]) for r in rows] == [("www.DailyPost.example", 1)]


def test_two_takedowns_both_hold_in_later_runs(tmp_path):
    """Each takedown's row is a file of its own commit: a second one adds to the first."""
    from datetime import timedelta

    from tasks.storage.warehouse import known_inputs
    from tests.unit.storage.test_forget import _outlets

    _outlets(tmp_path)
    forget(tmp_path, Takedown(domain="dailypost.example"), now=T)
    forget(tmp_path, Takedown(url="https://other.example/a2"), now=T + timedelta(hours=1))
    assert [r["domain"] or r["url"] for r in scan_table(tmp_path, "takedowns").to_pylist()
            ] == ["dailypost.example", "https://other.example/a2"]
    known = known_inputs(tmp_path, timedelta(hours=1))
    assert known.taken_down_domains == frozenset({"dailypost.example"})
    assert "a2" in known.taken_down_ids


def test_a_domains_takedown_after_a_compaction_scrubs_the_replaced_files_of_its_other_pages(
        tmp_path):
    """The files a compaction replaced (kept for older databases) held the domain's
    reject and fetch of a page that never became an article: matched by the domain alone,
    they go too."""
    import pyarrow.parquet as pq

    from tasks.storage.compact import compact, superseded_files
    from tests.unit.storage.test_forget import _warehouse

    _warehouse(tmp_path)
    extra = run([row("https://c.example/3", story(3), 2)], run_id="r2")
    rejects = pa.Table.from_pylist([
        {"url": "https://c.example/r", "input_key": "https://c.example/r", "stage": "extract",
         "reason": "not_article", "rejected_at": T, "run_id": "r2"}], schema=REJECTS)
    publish_commit(tmp_path, {"articles": extra.table, "rejects": rejects},
                   {"run_id": "r2", "started_at": "2024-04-05T00:00:00+00:00"}, 1)
    assert compact(tmp_path, min_files=0, now=T) is not None
    assert any(f.parent.name == "rejects" for f in superseded_files(tmp_path))
    forget(tmp_path, Takedown(domain="b.example"), now=T + timedelta(days=1))
    holding = [str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.parquet")
               if "takedowns" not in p.parts and "b.example" in str(pq.read_table(p).to_pylist())]
    assert holding == []


def test_an_unlisted_copy_holding_a_page_of_the_domain_alone_is_named(tmp_path):
    """Another tool's copy of the rejects holds the domain's page that never became an
    article (no id or URL of the takedown names it, its domain does): named as holding
    what was taken down."""
    import shutil

    from tests.unit.storage.test_forget import _warehouse

    _warehouse(tmp_path)
    (committed,) = (tmp_path / "rejects").glob("*.parquet")
    shutil.copy(committed, tmp_path / "rejects" / "copy.parquet")
    manifest = forget(tmp_path, Takedown(domain="news.b.example"), now=T)
    assert manifest["rows_removed"] == {"fetch_log": 1, "rejects": 1}
    assert manifest["unlisted_holding"] == ["rejects/copy.parquet"]
