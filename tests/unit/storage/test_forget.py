"""Forget, function by function: which WARC records go, where the kept ones move, which
rows of which tables go (by article, URL and domain), and what the takedown commit
records. The end-to-end run (CLI, every file searched for traces) is
tests/integration/test_forget.py."""

from __future__ import annotations

import gzip
import zlib
from datetime import UTC, datetime, timedelta

import pyarrow as pa
import pytest

from schemas import DOCUMENTS, FETCH_LOG, REJECTS
from tasks.storage.forget import (
    Takedown,
    _move_offsets,
    _rewrite_warc,
    forget,
    matching_articles,
    takedown_url,
)
from tasks.storage.publish import publish_commit
from tasks.storage.warehouse import scan_table
from tests.unit.dedup.test_rules import by_url, row, run, story

T = datetime(2024, 4, 4, tzinfo=UTC)


def _record(url: str) -> bytes:
    """One WARC record as its own gzip member, as the archive writes them."""
    return gzip.compress(f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
                         f"Content-Length: 4\r\n\r\nbody of {url}\r\n\r\n".encode())


def _targets(data: bytes) -> list[str]:
    """The target URL of every record of a WARC file, in file order."""
    out, pos = [], 0
    while pos < len(data):
        d = zlib.decompressobj(31)
        text = d.decompress(data[pos:]).decode()
        out.append(text.split("WARC-Target-URI: ")[1].split("\r\n")[0])
        pos = len(data) - len(d.unused_data)
    return out


def _warc(path, urls: list[str]) -> list[int]:
    """Write a WARC of one record per URL; -> the offset of each record."""
    path.parent.mkdir(parents=True, exist_ok=True)
    members = [_record(u) for u in urls]
    path.write_bytes(b"".join(members))
    offsets, pos = [], 0
    for m in members:
        offsets.append(pos)
        pos += len(m)
    return offsets


def test_rewrite_warc_drops_the_records_of_urls_and_domains_and_maps_the_kept_offsets(tmp_path):
    urls = ["https://a.example/1", "https://b.example/2", "https://news.c.example/3",
            "https://c.example/4", "https://notc.example/5"]
    path = tmp_path / "x.warc.gz"
    offsets = _warc(path, urls)
    new, moved, dropped = _rewrite_warc(path, {"https://b.example/2"}, {"c.example"})
    assert dropped == 3  # the URL, the domain itself and its subdomain; not notc.example
    kept = new.read_bytes()
    assert _targets(kept) == ["https://a.example/1", "https://notc.example/5"]
    assert set(moved) == {offsets[0], offsets[4]}
    # Each kept record reads at its new offset.
    assert _targets(kept[moved[offsets[4]]:]) == ["https://notc.example/5"]
    assert moved[offsets[0]] == 0
    assert path.read_bytes() != kept and not list(tmp_path.glob("*.tmp"))


def test_rewrite_warc_writes_nothing_when_no_record_matches(tmp_path):
    path = tmp_path / "x.warc.gz"
    _warc(path, ["https://a.example/1"])
    assert _rewrite_warc(path, {"https://b.example/2"}, {"c.example"}) == (None, {}, 0)
    assert [p.name for p in tmp_path.iterdir()] == ["x.warc.gz"]


def test_move_offsets_renames_moved_files_and_maps_their_offsets():
    table = pa.table({"url": ["u1", "u2", "u3", "u4"],
                      "warc_file": ["raw/a.warc.gz", "raw/a.warc.gz", "raw/b.warc.gz", None],
                      "warc_offset": pa.array([0, 500, 70, None], pa.int64())})
    out = _move_offsets(table, {"raw/a.warc.gz": ("raw/a-f1.warc.gz", {0: 0, 500: 120})})
    assert out.column_names == table.column_names
    assert out["warc_file"].to_pylist() == ["raw/a-f1.warc.gz", "raw/a-f1.warc.gz",
                                            "raw/b.warc.gz", None]
    assert out["warc_offset"].to_pylist() == [0, 120, 70, None]


def test_matching_articles_of_an_empty_warehouse_has_the_columns(tmp_path):
    got = matching_articles(tmp_path, Takedown(url="https://a.example/1"))
    assert got.num_rows == 0
    assert got.column_names == ["article_id", "url", "canonical_url", "domain"]


def _warehouse(root):
    """Articles a.example/1 and b.example/2, a reject and fetch_log rows of each domain
    (one of a page that never became an article), and their WARC records."""
    res = run([row("https://a.example/1", story(1), 0), row("https://b.example/2", story(2), 1)])
    offsets = _warc(root / "raw" / "r1" / "x.warc.gz",
                    ["https://a.example/1", "https://b.example/2", "https://news.b.example/x"])
    warc = "raw/r1/x.warc.gz"
    fetch_log = pa.Table.from_pylist([
        {"url": u, "fetched_at": T, "run_id": "r1", "warc_file": warc, "warc_offset": o}
        for u, o in zip(["https://a.example/1", "https://b.example/2",
                         "https://news.b.example/x"], offsets, strict=True)], schema=FETCH_LOG)
    rejects = pa.Table.from_pylist([
        {"url": u, "input_key": u, "stage": "extract", "reason": "not_article",
         "rejected_at": T, "run_id": "r1"}
        for u in ("https://news.b.example/x", "https://a.example/r")], schema=REJECTS)
    publish_commit(root, {"articles": res.table, "fetch_log": fetch_log, "rejects": rejects},
                   {"run_id": "r1", "started_at": "2024-04-04T00:00:00+00:00"}, 1)
    return res


def test_forget_a_domain_removes_its_rows_and_records_and_moves_the_kept_offsets(tmp_path):
    res = _warehouse(tmp_path)
    manifest = forget(tmp_path, Takedown(domain="b.example", reason="test"), now=T)
    assert manifest["warc_records_removed"] == 2
    assert manifest["rows_removed"] == {"articles": 1, "fetch_log": 2, "rejects": 1}
    assert scan_table(tmp_path, "articles")["url"].to_pylist() == ["https://a.example/1"]
    # The reject of a page under the domain goes, though it never was an article.
    assert scan_table(tmp_path, "rejects")["url"].to_pylist() == ["https://a.example/r"]
    (log,) = scan_table(tmp_path, "fetch_log").to_pylist()
    assert log["url"] == "https://a.example/1" and log["warc_file"] != "raw/r1/x.warc.gz"
    data = (tmp_path / log["warc_file"]).read_bytes()
    assert _targets(data) == ["https://a.example/1"]
    assert _targets(data[log["warc_offset"]:]) == ["https://a.example/1"]
    assert not (tmp_path / "raw" / "r1" / "x.warc.gz").exists()
    (takedown,) = scan_table(tmp_path, "takedowns").to_pylist()
    assert takedown["warc_records_removed"] == 2 and takedown["domain"] == "b.example"
    assert takedown["article_ids"] == [by_url(res)["https://b.example/2"]["article_id"]]


def test_a_takedown_of_a_url_and_a_domain_covers_both(tmp_path):
    res = _warehouse(tmp_path)
    got = matching_articles(tmp_path, Takedown(url="https://a.example/1", domain="b.example"))
    assert sorted(got["article_id"].to_pylist()) == sorted(
        r["article_id"] for r in res.table.to_pylist())


def test_kept_fetches_logged_in_another_commit_follow_their_moved_records(tmp_path):
    from tasks.storage.warehouse import committed_files

    warc = "raw/r1/x.warc.gz"
    offsets = _warc(tmp_path / warc, ["https://b.example/2", "https://a.example/1"])

    def log(url, offset):
        return pa.Table.from_pylist([{"url": url, "fetched_at": T, "run_id": "r1",
                                      "warc_file": warc, "warc_offset": offset}],
                                    schema=FETCH_LOG)

    started = {"run_id": "r1", "started_at": "2024-04-04T00:00:00+00:00"}
    publish_commit(tmp_path, {"fetch_log": log("https://b.example/2", offsets[0])}, started, 1)
    rejects = pa.Table.from_pylist([{"url": "https://c.example/r", "input_key": "k",
                                     "stage": "extract", "reason": "not_article",
                                     "rejected_at": T, "run_id": "r1"}], schema=REJECTS)
    publish_commit(tmp_path, {"fetch_log": log("https://a.example/1", offsets[1]),
                              "rejects": rejects}, started, 2)
    untouched = committed_files(tmp_path, "rejects")

    manifest = forget(tmp_path, Takedown(domain="b.example", reason="test"), now=T)
    assert manifest["rows_removed"] == {"fetch_log": 1}
    (kept,) = scan_table(tmp_path, "fetch_log").to_pylist()  # no hit in its file, yet moved
    assert kept["url"] == "https://a.example/1" and kept["warc_file"] != warc
    data = (tmp_path / kept["warc_file"]).read_bytes()
    assert _targets(data[kept["warc_offset"]:]) == ["https://a.example/1"]
    assert committed_files(tmp_path, "rejects") == untouched  # nothing to change: left alone


def test_forget_an_outlet_removes_the_other_pages_of_its_domain_too(tmp_path):
    res = run([row("https://a.example/1", story(1), 0), row("https://b.example/2", story(2), 1)])
    names = ["Alpha News" if u.startswith("https://a.") else None
             for u in res.table["url"].to_pylist()]
    articles = res.table.set_column(res.table.schema.get_field_index("source_name"),
                                    "source_name", pa.array(names, pa.string()))
    offsets = _warc(tmp_path / "raw" / "r1" / "x.warc.gz",
                    ["https://a.example/1", "https://a.example/feed", "https://b.example/2"])
    publish_commit(tmp_path, {"articles": articles}, {"run_id": "r1",
                   "started_at": "2024-04-04T00:00:00+00:00"}, 1)
    manifest = forget(tmp_path, Takedown(outlet="Alpha News", reason="test"), now=T)
    assert manifest["warc_records_removed"] == 2  # the article and its domain's feed
    assert scan_table(tmp_path, "articles")["url"].to_pylist() == ["https://b.example/2"]
    assert offsets[0] == 0  # the article's record came first in the file


def test_several_files_of_one_table_rewritten_by_one_forget_keep_all_their_rows(tmp_path):
    started = {"run_id": "r1", "started_at": "2024-04-04T00:00:00+00:00"}
    for batch in (1, 2):
        rejects = pa.Table.from_pylist([
            {"url": u, "input_key": f"{u}#{batch}", "stage": "extract",
             "reason": "not_article", "rejected_at": T, "run_id": "r1"}
            for u in ("https://gone.example/x", f"https://kept.example/{batch}")],
            schema=REJECTS)
        publish_commit(tmp_path, {"rejects": rejects}, started, batch)
    manifest = forget(tmp_path, Takedown(domain="gone.example", reason="test"), now=T)
    assert manifest["rows_removed"] == {"rejects": 2}
    assert sorted(scan_table(tmp_path, "rejects")["url"].to_pylist()) == [
        "https://kept.example/1", "https://kept.example/2"]


def test_a_warc_record_whose_target_is_not_utf8_is_kept_when_others_go(tmp_path):
    path = tmp_path / "x.warc.gz"
    odd = gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/"
                        b"caf\xe9\r\nContent-Length: 4\r\n\r\nbody\r\n\r\n")
    path.write_bytes(odd + _record("https://b.example/2"))
    new, moved, dropped = _rewrite_warc(path, {"https://b.example/2"}, set())
    assert dropped == 1 and moved == {0: 0}
    assert new.read_bytes() == odd


def test_a_takedown_of_a_domain_and_an_outlet_covers_the_domains_pages_that_are_no_article(
        tmp_path):
    """--domain and --outlet together: the pages of the domain that never became an
    article (a reject, a fetch and its WARC record) go too, not only the outlet's."""
    res = run([row("https://a.example/1", story(1), 0), row("https://b.example/2", story(2), 1)])
    articles = res.table.set_column(
        res.table.schema.get_field_index("source_name"), "source_name",
        pa.array(["Alpha News" if u.startswith("https://a.") else None
                  for u in res.table["url"].to_pylist()], pa.string()))
    urls = ["https://a.example/1", "https://b.example/2", "https://c.example/x"]
    offsets = _warc(tmp_path / "raw" / "r1" / "x.warc.gz", urls)
    fetch_log = pa.Table.from_pylist([
        {"url": u, "fetched_at": T, "run_id": "r1", "warc_file": "raw/r1/x.warc.gz",
         "warc_offset": o} for u, o in zip(urls, offsets, strict=True)], schema=FETCH_LOG)
    rejects = pa.Table.from_pylist([
        {"url": u, "input_key": u, "stage": "extract", "reason": "not_article",
         "rejected_at": T, "run_id": "r1"}
        for u in ("https://c.example/x", "https://b.example/r")], schema=REJECTS)
    publish_commit(tmp_path, {"articles": articles, "fetch_log": fetch_log, "rejects": rejects},
                   {"run_id": "r1", "started_at": "2024-04-04T00:00:00+00:00"}, 1)
    manifest = forget(tmp_path, Takedown(domain="c.example", outlet="Alpha News",
                                         reason="test"), now=T)
    assert manifest["warc_records_removed"] == 2  # a.example/1 and c.example/x
    assert manifest["rows_removed"] == {"articles": 1, "fetch_log": 2, "rejects": 1}
    assert scan_table(tmp_path, "rejects")["url"].to_pylist() == ["https://b.example/r"]
    (log,) = scan_table(tmp_path, "fetch_log").to_pylist()
    assert log["url"] == "https://b.example/2"
    assert _targets((tmp_path / log["warc_file"]).read_bytes()) == ["https://b.example/2"]


def test_quarantined_files_lose_the_forgotten_rows_and_keep_their_row_groups(
        tmp_path, monkeypatch):
    """An orphan (a killed run's file, quarantined) is no committed file, but its bytes are
    under the warehouse: its matching rows go, rewritten in row groups of the warehouse's
    size; an orphan of nothing but matching rows, or unreadable, is deleted."""
    import pyarrow.parquet as pq

    from tasks.storage import forget as forget_module

    monkeypatch.setattr(forget_module, "ROW_GROUP_SIZE", 2)
    _warehouse(tmp_path)
    orphans = tmp_path / "_orphans" / "rejects"
    orphans.mkdir(parents=True)

    def rejects(urls):
        return pa.Table.from_pylist([{"url": u, "input_key": u, "stage": "extract",
                                      "reason": "not_article", "rejected_at": T,
                                      "run_id": "r9"} for u in urls], schema=REJECTS)

    kept = [f"https://a.example/k{i}" for i in range(5)]
    pq.write_table(rejects(["https://b.example/x", *kept, "https://news.b.example/y"]),
                   orphans / "mixed.parquet")
    pq.write_table(rejects(["https://b.example/z"]), orphans / "gone.parquet")
    (orphans / "torn.parquet").write_bytes(b"PAR1 not a whole file")
    forget(tmp_path, Takedown(domain="b.example", reason="test"), now=T)
    assert sorted(p.name for p in orphans.iterdir()) == ["mixed.parquet"]
    left = pq.ParquetFile(orphans / "mixed.parquet")
    assert left.read()["url"].to_pylist() == kept
    assert [left.metadata.row_group(i).num_rows for i in range(left.num_row_groups)] == [2, 2, 1]


def test_articles_files_of_older_commits_without_a_later_column_are_searched(tmp_path):
    """A file written before a column was added (here: source_name) and a newer one:
    both are searched for the article to forget."""
    import pyarrow.parquet as pq

    from tasks.storage.publish import commit_manifest

    res = run([row("https://a.example/1", story(1), 0), row("https://b.example/2", story(2), 1)])
    (tmp_path / "articles").mkdir()
    old, new = res.table.slice(0, 1), res.table.slice(1, 1)
    new = new.set_column(new.schema.get_field_index("source_name"), "source_name",
                         pa.array(["Beta News"], pa.string()))
    pq.write_table(old.drop_columns(["source_name"]), tmp_path / "articles" / "old.parquet")
    pq.write_table(new, tmp_path / "articles" / "new.parquet")
    commit_manifest(tmp_path, "r0", {"run_id": "r0", "started_at": "2024-04-01",
                                     "files": {"articles": ["articles/old.parquet",
                                                            "articles/new.parquet"]}})
    got = matching_articles(tmp_path, Takedown(url="https://a.example/1"))
    assert got["url"].to_pylist() == ["https://a.example/1"]
    got = matching_articles(tmp_path, Takedown(domain="b.example"))
    assert got["url"].to_pylist() == ["https://b.example/2"]
    # an outlet is looked up by the column the older file does not have
    got = matching_articles(tmp_path, Takedown(outlet="Beta News"))
    assert got["url"].to_pylist() == ["https://b.example/2"]


def test_a_takedown_is_dated_in_utc_whatever_the_machines_zone(tmp_path, monkeypatch):
    import time

    _warehouse(tmp_path)
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        before = datetime.now(UTC)
        manifest = forget(tmp_path, Takedown(domain="b.example", reason="test"))
        after = datetime.now(UTC)
    finally:
        monkeypatch.undo()
        time.tzset()
    (takedown,) = scan_table(tmp_path, "takedowns").to_pylist()
    assert before <= takedown["requested_at"] <= after
    assert datetime.fromisoformat(manifest["started_at"]).utcoffset() is not None
    stamp = manifest["run_id"].removeprefix("forget-").removesuffix("Z")
    assert before.replace(microsecond=0, tzinfo=None) <= datetime.strptime(
        stamp[:15], "%Y%m%dT%H%M%S") <= after.replace(tzinfo=None)


def test_a_takedown_typed_in_punycode_covers_every_spelling_of_the_host(tmp_path):
    """A domain is one host however it is spelt: the takedown typed in punycode removes
    the article (stored under the Unicode form courlan gives), the fetch_log row and the
    WARC record of its page fetched under the punycode spelling, and later runs refuse a
    new page of the host in either spelling."""
    from tasks.discover.inputs import drop_taken_down
    from tasks.storage.warehouse import known_inputs

    res = run([row("https://bücher.example/1", story(1), 0),
               row("https://a.example/2", story(2), 1)])
    warc = "raw/r1/x.warc.gz"
    offsets = _warc(tmp_path / warc, ["https://xn--bcher-kva.example/1", "https://a.example/2"])
    fetch_log = pa.Table.from_pylist([
        {"url": u, "fetched_at": T, "run_id": "r1", "warc_file": warc, "warc_offset": o}
        for u, o in zip(["https://xn--bcher-kva.example/1", "https://a.example/2"], offsets,
                        strict=True)], schema=FETCH_LOG)
    publish_commit(tmp_path, {"articles": res.table, "fetch_log": fetch_log},
                   {"run_id": "r1", "started_at": "2024-04-04T00:00:00+00:00"}, 1)

    manifest = forget(tmp_path, Takedown(domain="WWW.XN--BCHER-KVA.example", reason="t"), now=T)
    assert manifest["rows_removed"] == {"articles": 1, "fetch_log": 1}
    assert manifest["warc_records_removed"] == 1
    assert scan_table(tmp_path, "articles")["url"].to_pylist() == ["https://a.example/2"]
    assert scan_table(tmp_path, "fetch_log")["url"].to_pylist() == ["https://a.example/2"]

    known = known_inputs(tmp_path, timedelta(hours=24), now=T)
    later = pa.Table.from_pylist(
        [{"input_key": f"k{i}", "url": u, "source_kind": "feed", "source": "f"}
         for i, u in enumerate(["https://xn--bcher-kva.example/new", "https://bücher.example/x",
                                "https://bu\u0308cher.example/y", "https://a.example/3"])],
        schema=DOCUMENTS)
    kept, rejects = drop_taken_down(later, known, "r2")
    assert kept["url"].to_pylist() == ["https://a.example/3"]
    assert [r["reason"] for r in rejects] == ["taken_down"] * 3


def test_a_domain_holding_sql_wildcards_covers_only_itself(tmp_path):
    """Fault round 12: subdomains were matched with `LIKE '%.' || $domain`, so what was
    typed was a pattern: `pressroom forget --domain %` removed every article of every
    domain with its fetches and WARC records (28 of 28 in a demo warehouse), and an
    underscore (`news_b.example`, a host name some sites have) stood for any character.
    Now a domain covers itself and its subdomains, as written."""
    res = _warehouse(tmp_path)
    for typed in ("%", "_.example", "%example", "b%", "news_b.example"):
        assert matching_articles(tmp_path, Takedown(domain=typed)).num_rows == 0, typed
    manifest = forget(tmp_path, Takedown(domain="%", reason="a pattern"), now=T)
    assert manifest["rows_removed"] == {} and manifest["warc_records_removed"] == 0
    assert sorted(scan_table(tmp_path, "articles")["url"].to_pylist()) == sorted(
        r["url"] for r in res.table.to_pylist())
    # the subdomain rule itself is unchanged
    got = matching_articles(tmp_path, Takedown(domain="example"))
    assert got.num_rows == 2


def test_the_columns_of_an_empty_warehouse_are_strings(tmp_path):
    """The empty answer has the types of a full one (string columns, not nulls), so a
    caller's `set(...)` of a column, or a concatenation with a found one, types the same."""
    got = matching_articles(tmp_path, Takedown(domain="a.example"))
    assert got.schema.types == [pa.string()] * 4


def test_a_url_covers_the_article_fetched_there_under_another_canonical(tmp_path):
    """An article's id is its canonical URL's (a page's <link rel=canonical>): a takedown
    of the address it was fetched at covers it by that address (`url = $url`), and so
    does one of an address canonical_url refuses, matched as written (its id is "")."""
    fetched = "https://a.example/amp/1"
    canon = row("https://a.example/story/1", story(3), 0)
    publish_commit(tmp_path, {"articles": run([{**canon, "url": fetched}]).table},
                   {"run_id": "r1", "started_at": "2024-04-04T00:00:00+00:00"}, 1)
    got = matching_articles(tmp_path, Takedown(url=fetched))
    assert got["article_id"].to_pylist() == [canon["article_id"]]
    # and a takedown of the canonical address covers it by its id (`article_id = $id`):
    # no row holds that address as its `url`
    got = matching_articles(tmp_path, Takedown(url="https://a.example/story/1"))
    assert got["article_id"].to_pylist() == [canon["article_id"]]
    odd = "https://a.exa mple/2"  # canonical_url refuses it (BadURL: a space in the host)
    publish_commit(tmp_path, {"articles": run([{**row("https://a.example/2", story(4), 1),
                                                "url": odd}], run_id="r2").table},
                   {"run_id": "r2", "started_at": "2024-04-04T01:00:00+00:00"}, 2)
    assert matching_articles(tmp_path, Takedown(url=odd))["url"].to_pylist() == [odd]


def test_a_takedown_naming_nothing_is_refused(tmp_path):
    _warehouse(tmp_path)
    with pytest.raises(ValueError, match="^forget needs a URL, a domain or an outlet$"):
        matching_articles(tmp_path, Takedown(reason="nothing named"))


def test_a_url_copied_from_the_address_bar_is_taken_down(tmp_path):
    """`pressroom forget --url a.example/1` (a browser's address bar hides `https://`)
    matched nothing, said "forgotten: no rows" and committed: the article stayed, its
    WARC record too (round 18)."""
    _warehouse(tmp_path)
    url = takedown_url("a.example/1")
    assert url == "https://a.example/1"
    manifest = forget(tmp_path, Takedown(url=url))
    assert manifest["rows_removed"]["articles"] == 1
    assert "https://a.example/1" not in scan_table(tmp_path, "articles")["url"].to_pylist()


@pytest.mark.parametrize("typed", ["not a url", "", "mailto:desk@a.example", "a-b"])
def test_a_url_that_names_no_page_is_refused_before_anything_is_committed(typed):
    with pytest.raises(ValueError, match="is no http\\(s\\) URL of a page"):
        takedown_url(typed)


def test_a_takedown_of_a_url_not_in_the_warehouse_yet_holds_in_later_runs(tmp_path):
    """A takedown request that came before the crawl: the takedowns row recorded no
    article id (only ids of rows it removed), and later runs refuse by id: the next run
    fetched the page and kept it (round 18)."""
    from tasks.common.urls import article_id_for, canonical_url
    from tasks.storage.warehouse import known_inputs

    _warehouse(tmp_path)
    forget(tmp_path, Takedown(url="https://a.example/later"))
    known = known_inputs(tmp_path, timedelta(hours=1))
    assert article_id_for(canonical_url("https://a.example/later")) in known.taken_down_ids


def test_a_hidden_file_in_the_raw_archive_is_no_warc_of_it(tmp_path):
    """Round 20: macOS's `._<name>` beside each WARC it copies (to a USB stick or a share)
    was read as a WARC: zlib's "incorrect header check", a traceback out of `forget`."""
    _warehouse(tmp_path)
    (tmp_path / "raw" / "r1" / "._x.warc.gz").write_bytes(
        b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \xff")
    manifest = forget(tmp_path, Takedown(domain="b.example", reason="test"), now=T)
    assert manifest["warc_records_removed"] == 2
    assert (tmp_path / "raw" / "r1" / "._x.warc.gz").exists()  # not ours: left alone


def test_a_raw_warc_that_cannot_be_read_stops_the_takedown_with_a_sentence(tmp_path):
    """A record past the damage may be one the takedown covers: nothing is committed, the
    copies written so far are removed, and the error names the file and the byte."""
    from tasks.storage.forget import UnreadableArchive
    from tasks.storage.warehouse import manifests

    _warehouse(tmp_path)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    commits = len(manifests(tmp_path))
    good = _record("https://b.example/9")
    (tmp_path / "raw" / "r2").mkdir(parents=True)
    (tmp_path / "raw" / "r2" / "y.warc.gz").write_bytes(good + b"\x1f\x8b\x08junk")
    with pytest.raises(UnreadableArchive) as caught:
        forget(tmp_path, Takedown(domain="b.example", reason="test"), now=T)
    assert f"y.warc.gz cannot be read from byte {len(good)}" in str(caught.value)
    assert "the takedown is not committed" in str(caught.value)
    after = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert after == sorted([*before, (tmp_path / "raw/r2/y.warc.gz").relative_to(tmp_path)])
    assert len(manifests(tmp_path)) == commits


def test_the_takedown_record_names_the_url_it_was_asked_for(tmp_path):
    # seed 59: the takedowns row keeps what the request named, its URL with the rest
    _warehouse(tmp_path)
    forget(tmp_path, Takedown(url="https://a.example/1", reason="court order"), now=T)
    (takedown,) = scan_table(tmp_path, "takedowns").to_pylist()
    assert (takedown["url"], takedown["domain"], takedown["outlet"], takedown["reason"]) == (
        "https://a.example/1", None, None, "court order")


def test_a_takedown_after_a_compaction_leaves_nothing_in_the_files_it_replaced(tmp_path):
    """Fault round 38: `pressroom compact` keeps the files it replaced until the next
    compaction (databases built before still read them); a takedown in between rewrote the
    merged file and left the article's text in the replaced ones."""
    import pyarrow.parquet as pq

    from tasks.storage.compact import compact, superseded_files

    _warehouse(tmp_path)
    extra = run([row("https://c.example/3", story(3), 2)])
    publish_commit(tmp_path, {"articles": extra.table},
                   {"run_id": "r2", "started_at": "2024-04-05T00:00:00+00:00"}, 1)
    assert compact(tmp_path, min_files=0, now=T) is not None
    assert superseded_files(tmp_path)
    forget(tmp_path, Takedown(url="https://b.example/2", reason="test"),
           now=T + timedelta(days=1))
    holding = [str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.parquet")
               if "takedowns" not in p.parts
               and "https://b.example/2" in str(pq.read_table(p).to_pylist())]
    assert holding == []
    assert sorted(scan_table(tmp_path, "articles")["url"].to_pylist()) == [
        "https://a.example/1", "https://c.example/3"]


def test_files_no_commit_lists_that_still_hold_the_article_are_named(tmp_path):
    """Fault round 38: an unlisted copy, an editor's backups, another tool's Hive-style
    file and an export still held the forgotten article after `forget`, which said nothing
    of them (no reader sees them, so nothing rewrote them)."""
    import shutil

    import pyarrow.parquet as pq
    from typer.testing import CliRunner

    from flows.cli import app

    _warehouse(tmp_path)
    (committed,) = (tmp_path / "articles").glob("*.parquet")
    copies = ["articles/late_copy.parquet", "articles/x.parquet~", "articles/#x.parquet#",
              "articles/year=2024/part0.parquet"]
    for rel in copies:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(committed, tmp_path / rel)
    (tmp_path / "articles" / "export.csv").write_text("url\nhttps://b.example/2\n")
    # not named: an unlisted file without it, and one that is no Parquet nor holds it
    pq.write_table(pq.read_table(committed).slice(0, 0), tmp_path / "articles" / "e.parquet")
    (tmp_path / "articles" / ".DS_Store").write_bytes(b"\0\1")
    out = CliRunner().invoke(app, ["forget", "--url", "https://b.example/2",
                                   "-w", str(tmp_path)])
    assert out.exit_code == 0, out.output
    assert "still hold what was taken down" in out.output
    for rel in [*copies, "articles/export.csv"]:
        assert rel in out.output
    assert "e.parquet" not in out.output and ".DS_Store" not in out.output
    # the committed rows are gone all the same
    assert scan_table(tmp_path, "articles")["url"].to_pylist() == ["https://a.example/1"]


def test_a_takedown_of_an_address_that_redirected_covers_the_article_it_landed_at(tmp_path):
    """Fault round 43: an article is stored under the address its fetch landed at (the
    fetch_log's final_url); a takedown of the address people have (the link shared, the
    old or http:// address the site redirects) matched no article and committed, the
    story and its archived page kept."""
    asked, landed = "http://a.example/old-slug", "https://a.example/2024/story"
    res = run([row(landed, story(5), 0), row("https://b.example/2", story(2), 1)])
    offsets = _warc(tmp_path / "raw" / "r1" / "x.warc.gz", [asked, landed,
                                                            "https://b.example/2"])
    warc = "raw/r1/x.warc.gz"
    fetch_log = pa.Table.from_pylist([
        {"url": asked, "final_url": landed, "fetched_at": T, "run_id": "r1",
         "warc_file": warc, "warc_offset": offsets[1]},
        {"url": "https://b.example/2", "final_url": "https://b.example/2", "fetched_at": T,
         "run_id": "r1", "warc_file": warc, "warc_offset": offsets[2]}], schema=FETCH_LOG)
    publish_commit(tmp_path, {"articles": res.table, "fetch_log": fetch_log},
                   {"run_id": "r1", "started_at": "2024-04-04T00:00:00+00:00"}, 1)
    manifest = forget(tmp_path, Takedown(url=asked))
    assert manifest["rows_removed"]["articles"] == 1
    assert scan_table(tmp_path, "articles")["url"].to_pylist() == ["https://b.example/2"]
    (log,) = scan_table(tmp_path, "fetch_log").to_pylist()
    assert _targets((tmp_path / log["warc_file"]).read_bytes()) == ["https://b.example/2"]
    # a URL no fetch was redirected from matches as before
    assert matching_articles(tmp_path, Takedown(url="https://b.example/2")).num_rows == 1
    assert matching_articles(tmp_path, Takedown(url="https://c.example/9")).num_rows == 0


# --- fault round 46: an outlet's takedown --------------------------------------------------

def _outlets(root):
    from tests.unit.storage.test_search import _article, _commit

    _commit(root, "r1", [
        _article("a1", "T1", "rain " * 30, "r1", domain="dailypost.example",
                 source_name="Daily Post"),
        _article("a2", "T2", "rain " * 30, "r1", domain="other.example"),
        _article("a3", "T3", "rain " * 30, "r1", domain="other.example")])


def test_an_outlet_named_in_other_capitals_or_spacing_is_taken_down(tmp_path):
    """Before: `--outlet "daily post"` matched no `Daily Post` article: "no rows"."""
    _outlets(tmp_path)
    manifest = forget(tmp_path, Takedown(outlet=" daily  POST"), now=T)
    assert manifest["rows_removed"]["articles"] == 1
    assert sorted(scan_table(tmp_path, "articles")["domain"].to_pylist()) == [
        "other.example", "other.example"]


def test_an_outlets_takedown_holds_for_its_domains_in_later_runs(tmp_path):
    """Before: the takedowns row named the outlet alone, and later runs refuse by id and
    domain: the outlet's next story (a new id on its domain) was fetched and kept."""
    from tasks.storage.warehouse import known_inputs

    _outlets(tmp_path)
    forget(tmp_path, Takedown(outlet="Daily Post"), now=T)
    known = known_inputs(tmp_path, timedelta(hours=1))
    assert known.taken_down_domains == frozenset({"dailypost.example"})
    rows = scan_table(tmp_path, "takedowns").to_pylist()
    assert [(r["outlet"], r["domain"], r["rows_removed"]) for r in rows] == [
        ("Daily Post", None, 1), ("Daily Post", "dailypost.example", 0)]


def test_a_url_given_beside_an_outlet_takes_down_that_page_not_its_whole_domain(tmp_path):
    """Before: every domain of the matched articles was taken down whole, the --url's
    too: `--url https://other.example/a2 --outlet "Daily Post"` removed a3 as well."""
    _outlets(tmp_path)
    forget(tmp_path, Takedown(url="https://other.example/a2", outlet="Daily Post"), now=T)
    assert scan_table(tmp_path, "articles")["url"].to_pylist() == ["https://other.example/a3"]
