"""Discover's dispatch of local inputs (tasks/discover/inputs.py): URL lists, bare URLs,
directories, sources files and their host delays, the fetcher adapter, and the ledger
counts of `settle` and `staged_batch` against what earlier runs settled. No network: feeds
and sitemaps go through a fake `fetch_urls`."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from schemas import DOCUMENTS, REJECTS, conform
from tasks.common.result import StageResult
from tasks.common.settings import Settings, settings_slice
from tasks.common.state import KnownInputs
from tasks.common.urls import article_id_for, canonical_url
from tasks.discover.inputs import (
    DiscoverConfig,
    DiscoverResult,
    _checked_urls,
    discover,
    expand_inputs,
    fetch_urls_via,
    read_dump,
    read_url_list,
    settle,
    source_host_delays,
    staged_batch,
)

NOW = datetime(2024, 5, 3, 12, 0, tzinfo=UTC)
CONFIG = settings_slice(DiscoverConfig, Settings())
DUMP = b" date 2024-04-04 https://dump.example/a\nA title\nThe body.\n"

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>One</title><link>https://news.example/one</link></item>
<item><title>Two</title><link>https://news.example/two</link></item>
</channel></rss>"""

SOURCES = """
[[source]]
name = "News"
feeds = ["https://news.example/rss"]
urls = ["https://news.example/listed"]
delay_s = 4.0
[[source]]
name = "Other"
sitemaps = ["https://other.example/sitemap.xml"]
delay_s = 2.5
[[source]]
name = "Off"
feeds = ["https://off.example/rss"]
delay_s = 9.0
enabled = false
"""


def test_read_url_list_documents_comments_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "list.urls"
    path.write_text("# a comment\n\nhttps://a.example/1\n  https://a.example/2  \n"
                    "ftp://a.example/3\n")
    docs, rejects = read_url_list(path, "run-7")
    assert docs == [
        {"input_key": "https://a.example/1", "url": "https://a.example/1",
         "source_kind": "url", "source": str(path)},
        {"input_key": "https://a.example/2", "url": "https://a.example/2",
         "source_kind": "url", "source": str(path)},
    ]
    [bad] = rejects
    assert (bad["reason"], bad["url"], bad["input_key"], bad["run_id"], bad["source_kind"],
            bad["source"], bad["stage"]) == ("bad_url", "ftp://a.example/3", "ftp://a.example/3",
                                             "run-7", "url", str(path), "discover")
    assert bad["detail"].startswith("list.urls:5 ")  # the line a person has to fix


def test_read_url_list_unreadable_and_binary(tmp_path: Path) -> None:
    missing = tmp_path / "gone.urls"
    docs, [rej] = read_url_list(missing, "run-7")
    assert docs == []
    assert (rej["reason"], rej["input_key"], rej["run_id"], rej["source_kind"]) == (
        "unreadable", f"urls:{missing}", "run-7", "url")
    binary = tmp_path / "bin.urls"
    binary.write_bytes(b"\x00\x01\x02https://a.example/")
    _, [rej] = read_url_list(binary, "run-7")
    assert rej["reason"] == "binary_content"  # the DumpError's own reason, not "unreadable"


def test_too_large_dump_reject_keeps_its_run_id(tmp_path: Path, monkeypatch) -> None:
    import tasks.discover.inputs as inputs

    monkeypatch.setattr(inputs, "MAX_DUMP_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_bytes(DUMP)
    doc, rej = read_dump(path, "run-9")
    assert doc is None
    assert (rej["reason"], rej["run_id"], rej["input_key"], rej["source_kind"]) == (
        "too_large", "run-9", f"dump:{path}:{len(DUMP)}", "dump")


def test_a_dump_of_exactly_the_size_limit_is_read(tmp_path: Path, monkeypatch) -> None:
    import tasks.discover.inputs as inputs

    path = tmp_path / "a.txt"
    path.write_bytes(DUMP)
    monkeypatch.setattr(inputs, "MAX_DUMP_BYTES", len(DUMP))
    doc, rej = read_dump(path, "run-9")
    assert rej is None and doc["url"]
    monkeypatch.setattr(inputs, "MAX_DUMP_BYTES", len(DUMP) - 1)
    assert read_dump(path, "run-9")[1]["reason"] == "too_large"


def test_expand_inputs_walks_directories_sorted_and_notes_missing(tmp_path: Path) -> None:
    (tmp_path / "d" / "sub").mkdir(parents=True)
    for name in ("d/b.txt", "d/a.urls", "d/sub/c.txt"):
        (tmp_path / name).write_text("x")
    single = tmp_path / "single.txt"
    single.write_text("x")
    items, notes = expand_inputs([
        str(tmp_path / "d"), "HTTPS://Up.example/a", "feed:https://f.example/x", str(single),
        str(tmp_path / "nope"),
    ])
    *found, missing = items
    assert found == [tmp_path / "d" / "a.urls", tmp_path / "d" / "b.txt",
                     tmp_path / "d" / "sub" / "c.txt", "HTTPS://Up.example/a",
                     "feed:https://f.example/x", single]
    # a path that does not exist is not skipped silently: it becomes a reject with a note
    assert (missing.path, missing.reason) == (str(tmp_path / "nope"), "not_found")
    assert len(notes) == 1 and str(tmp_path / "nope") in notes[0]


def test_source_host_delays_take_enabled_sources_and_skip_broken_files(tmp_path: Path) -> None:
    good = tmp_path / "sources.toml"
    good.write_text(SOURCES)
    broken = tmp_path / "more" / "sources.toml"
    broken.parent.mkdir()
    broken.write_text("[[source]\n")
    delays = source_host_delays([str(good), str(broken), "https://x.example/a"])
    assert delays == {"news.example": 4.0, "other.example": 2.5}


def test_fetch_urls_via_adapts_a_batch_fetcher() -> None:
    seen: list[pa.Table] = []

    def fetch_documents(docs: pa.Table) -> StageResult:
        seen.append(docs)
        got = docs.to_pylist()[0] | {"body": b"<rss/>", "status": 200}
        log = [{"url": u, "error": None} for u in docs.column("url").to_pylist()]
        return StageResult("fetch", conform([got], DOCUMENTS, "documents"), docs.num_rows,
                           fetch_log=log, failed=docs.num_rows - 1)

    bodies, log = fetch_urls_via(fetch_documents)(["https://a.example/rss",
                                                    "https://b.example/rss"])
    assert seen[0].schema == DOCUMENTS
    assert seen[0].to_pylist()[1]["input_key"] == "https://b.example/rss"
    assert seen[0].column("source_kind").to_pylist() == ["feed", "feed"]
    assert bodies == {"https://a.example/rss": b"<rss/>"}  # a document without body is absent
    assert [r["url"] for r in log] == ["https://a.example/rss", "https://b.example/rss"]


def test_fetch_urls_via_hands_over_what_arrived_of_a_cut_source() -> None:
    """Fault round 5: a source the fetch stage returns in cut_sources (a failed fetch, not
    among its pages) reaches discover with the body that arrived; its row keeps the error
    (what tells discover it was cut). A whole page wins over a cut copy."""
    def fetch_documents(docs: pa.Table) -> StageResult:
        rows = docs.to_pylist()
        whole = conform([rows[0] | {"body": b"<rss>whole</rss>", "status": 200}],
                        DOCUMENTS, "documents")
        cut = conform([rows[1] | {"body": b"<rss><item>", "status": 200},
                       rows[0] | {"body": b"<rss>cut", "status": 200}], DOCUMENTS, "documents")
        log = [{"url": rows[0]["url"], "error": None},
               {"url": rows[1]["url"], "error": "truncated"},
               {"url": rows[2]["url"], "error": "timeout_headers"}]
        return StageResult("fetch", whole, 3, fetch_log=log, failed=2, cut_sources=cut)

    urls = ["https://a.example/rss", "https://b.example/rss", "https://c.example/rss"]
    bodies, log = fetch_urls_via(fetch_documents)(urls)
    assert bodies == {urls[0]: b"<rss>whole</rss>", urls[1]: b"<rss><item>"}
    assert [r["error"] for r in log] == [None, "truncated", "timeout_headers"]


def test_checked_urls_rejects_rows_without_a_canonical_url() -> None:
    rows = [{"url": "https://ok.example/1", "source_kind": "warc", "source": "x.warc",
             "input_key": "x.warc@0"},
            {"url": "mailto:someone@example.com", "source_kind": "warc", "source": "x.warc",
             "input_key": "x.warc@10"}]
    good, [bad] = _checked_urls(rows, "run-3")
    assert good == rows[:1]
    assert (bad["reason"], bad["source_kind"], bad["source"], bad["input_key"], bad["url"],
            bad["run_id"]) == ("bad_url", "warc", "x.warc", "x.warc@10",
                               "mailto:someone@example.com", "run-3")


def fake_fetcher(bodies: dict[str, bytes]):
    calls: list[list[str]] = []

    def fetch_urls(urls: list[str]) -> tuple[dict[str, bytes], list[dict]]:
        calls.append(list(urls))
        got = {u: bodies[u] for u in urls if u in bodies}
        log = [{"url": u, "error": None if u in got else "http_404", "fetched_at": NOW,
                "content_type": "application/rss+xml"} for u in urls]
        return got, log

    return fetch_urls, calls


def test_discover_dispatches_every_kind_of_input(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(DUMP)
    (tmp_path / "in" / "bad.txt").write_bytes(b"no header\n")
    (tmp_path / "in" / "list.urls").write_text("https://news.example/one\nhttps://u.example/2\n")
    (tmp_path / "in" / "README.md").write_text("not an input")
    (tmp_path / "in" / ".gitkeep").write_text("")
    (tmp_path / "in" / "notes.csv").write_text("x")
    (tmp_path / "in" / "sources.toml").write_text(SOURCES)
    fetch_urls, calls = fake_fetcher({"https://news.example/rss": RSS})
    found = discover([str(tmp_path / "in"), "https://cli.example/article", "https:///nohost",
                      str(tmp_path / "missing")],
                     "run-5", CONFIG, fetch_urls=fetch_urls, now=NOW)
    docs = found.docs.to_pylist()
    by_url = {d["url"]: d for d in docs}
    # local rows first: dump, URL list, command line; then what the feed and the sources
    # file list; news.example/one is in the list and the feed: the list's row wins.
    assert [d["url"] for d in docs] == [
        "https://dump.example/a", "https://news.example/one", "https://u.example/2",
        "https://cli.example/article", "https://news.example/two",
        "https://news.example/listed"]
    assert by_url["https://dump.example/a"]["source_kind"] == "dump"
    assert by_url["https://cli.example/article"]["source"] == "command line"
    assert by_url["https://news.example/two"]["source_kind"] == "feed"
    assert by_url["https://news.example/listed"]["source_kind"] == "url"
    assert by_url["https://news.example/listed"]["source"] == str(tmp_path / "in" /
                                                                  "sources.toml")
    reasons = sorted((r["reason"], r["source_kind"], r["run_id"]) for r in found.rejects)
    assert [r["source"] for r in found.rejects if r["reason"] == "bad_url"] == ["command line"]
    assert reasons == [("bad_url", "url", "run-5"), ("duplicate_url", "feed", "run-5"),
                       ("missing_header", "dump", "run-5"), ("not_found", "path", "run-5")]
    # one fetch batch: the enabled source's feed and sitemap, not the disabled one
    assert calls == [["https://news.example/rss", "https://other.example/sitemap.xml"]]
    assert found.stats["sources_enabled"] == 2
    assert found.stats["feed_fetched"] == 1 and found.stats["sitemap_fetch_failed"] == 1
    assert [r["url"] for r in found.fetch_log] == ["https://news.example/rss",
                                                   "https://other.example/sitemap.xml"]
    assert any("notes.csv: not a recognised input" in n for n in found.notes)
    assert not any("README.md" in n or ".gitkeep" in n for n in found.notes)
    assert any(str(tmp_path / "missing") in n for n in found.notes)
    assert ("discovery: 1 of 1 feed(s) fetched, 0 sitemap file(s) read, 3 URL(s) found, "
            "1 fetch failure(s) (see fetch_log)") in found.notes


def test_discover_bad_sources_file_is_a_reject_and_a_note(tmp_path: Path) -> None:
    bad = tmp_path / "sources.toml"
    bad.write_text("[[source]\n")
    found = discover([str(bad), "https://a.example/1"], "run-5", CONFIG, now=NOW)
    assert found.docs.column("url").to_pylist() == ["https://a.example/1"]
    [rej] = found.rejects
    assert (rej["reason"], rej["source_kind"], rej["source"], rej["input_key"],
            rej["run_id"]) == ("bad_sources_file", "sources", str(bad), f"sources:{bad}", "run-5")
    assert found.notes and "not valid TOML" in found.notes[0]


def test_a_bad_sources_file_in_a_folder_named_in_no_utf8_is_named_with_escapes(
        tmp_path: Path) -> None:
    """The reject's source and key name the file as the tables can hold it (\\xNN for
    a byte that is no UTF-8); the file itself is read by its real name."""
    import os

    folder = os.fsencode(tmp_path) + b"/caf\xe9"
    os.mkdir(folder)
    with open(folder + b"/sources.toml", "w") as f:
        f.write("[[source]\n")
    found = discover([os.fsdecode(folder + b"/sources.toml")], "run-5", CONFIG, now=NOW)
    [rej] = found.rejects
    label = f"{tmp_path}/caf\\xe9/sources.toml"
    assert (rej["reason"], rej["source"], rej["input_key"]) == (
        "bad_sources_file", label, f"sources:{label}")


def test_discover_skips_recently_failed_sources_and_logs_unfetched(tmp_path: Path) -> None:
    found = discover(["feed:https://f.example/a", "sitemap:https://s.example/map.xml",
                      "https://feeds.example.com/x"], "run-5", CONFIG, now=NOW,
                     skip_sources=frozenset({"https://f.example/a"}))
    assert found.stats["sources_skipped"] == 1
    assert any(n.startswith("1 feed(s)/sitemap(s) not fetched") for n in found.notes)
    # without a fetcher, every remaining source is logged as not fetched
    assert sorted((r["url"], r["error"], r["source_kind"]) for r in found.fetch_log) == [
        ("https://feeds.example.com/x", "not_fetched", "feed"),
        ("https://s.example/map.xml", "not_fetched", "sitemap")]
    assert found.docs.num_rows == 0
    assert ("discovery: 0 of 1 feed(s) fetched, 0 sitemap file(s) read, 0 URL(s) found, "
            "2 fetch failure(s) (see fetch_log)") in found.notes


def test_discover_warcs_are_streamed_later_or_read_now(tmp_path: Path) -> None:
    from tests.unit.discover.test_warc import write_cc_news_like

    warc = tmp_path / "crawl.warc.gz"
    write_cc_news_like(warc)
    later = discover([str(warc), "https://a.example/1"], "run-5", CONFIG, now=NOW,
                     stream_warcs=True)
    assert later.warcs == [str(warc)]
    assert later.docs.column("url").to_pylist() == ["https://a.example/1"]
    now = discover([str(warc)], "run-5", CONFIG, now=NOW)
    assert now.warcs == []
    assert now.docs.column("url").to_pylist() == [
        "https://news.example/a", "https://news.example/b", "https://news.example/c"]
    assert now.docs.column("source").to_pylist() == [str(warc)] * 3
    assert now.stats["warc_records"] >= 3


def _docs(urls: list[str]) -> pa.Table:
    return conform([{"input_key": f"k:{u}", "url": u, "source_kind": "url", "source": "s"}
                    for u in urls], DOCUMENTS, "documents")


def _rejects(keys: list[str]) -> list[dict]:
    return [{"input_key": k, "stage": "discover", "reason": "bad_url", "detail": "d",
             "rejected_at": NOW, "run_id": "r"} for k in keys]


@pytest.mark.parametrize("refresh", [False, True])
def test_settle_counts_every_input_once(refresh: bool) -> None:
    done = "https://a.example/done"
    found = DiscoverResult(
        docs=_docs(["https://a.example/new", done, "https://a.example/failed"]),
        rejects=_rejects(["old-reject", "new-reject"]),
        fetch_log=[{"url": "f1", "error": "http_500"}, {"url": "f2", "error": "not_modified"},
                   {"url": "f3", "error": None}],
        stats={"sources_skipped": 2},
    )
    known = KnownInputs(article_ids=frozenset({article_id_for(canonical_url(done))}),
                        rejected_keys=frozenset({"old-reject"}),
                        recently_failed_urls=frozenset({"https://a.example/failed"}))
    settled = settle(found, known, refresh)
    passed = ["https://a.example/new"] + ([done] if refresh else [])
    assert settled.todo.column("url").to_pylist() == passed
    assert [r["input_key"] for r in settled.rejects] == ["new-reject"]
    # received: 3 docs + 2 rejects + 1 failed fetch + (2 skipped sources + one 304)
    assert settled.counts == {"received": 9, "passed": len(passed), "rejected": 1,
                              "failed": 1, "skipped": (3 - len(passed)) + 1 + 3}
    c = settled.counts
    assert c["received"] == c["passed"] + c["rejected"] + c["failed"] + c["skipped"]


def test_staged_batch_skips_settled_and_rejects_bad_urls(tmp_path: Path) -> None:
    rows = _docs(["https://a.example/1", "https://a.example/2"]).to_pylist()
    rows += [{"input_key": "w@3", "url": "javascript:alert(1)", "source_kind": "warc",
              "source": "w"},
             {"input_key": "w@4", "url": "ftp://a.example/x", "source_kind": "warc",
              "source": "w"}]
    path = tmp_path / "batch.parquet"
    pq.write_table(pa.Table.from_pylist(rows, schema=DOCUMENTS), path)
    known = KnownInputs(rejected_keys=frozenset({"k:https://a.example/2", "w@4"}))
    result = staged_batch(path, known, refresh=False, run_id="run-2")
    assert result.stage == "discover"
    assert result.table.column("url").to_pylist() == ["https://a.example/1"]
    [rej] = result.rejects
    assert (rej["input_key"], rej["reason"], rej["run_id"]) == ("w@3", "bad_url", "run-2")
    conform(result.rejects, REJECTS, "rejects")
    assert result.counts == {"received": 4, "passed": 1, "rejected": 1, "failed": 0,
                             "skipped": 2}


def test_staged_batch_refuses_what_was_taken_down(tmp_path: Path) -> None:
    rows = [{"input_key": f"w@{i}", "url": u, "source_kind": "warc", "source": "cc.warc.gz"}
            for i, u in enumerate(["https://a.example/keep", "https://a.example/gone",
                                   "https://www.banned.example/x", "https://banned.example/y",
                                   "https://notbanned.example/z"])]
    path = tmp_path / "batch.parquet"
    pq.write_table(pa.Table.from_pylist(rows, schema=DOCUMENTS), path)
    known = KnownInputs(taken_down_ids=frozenset({article_id_for("https://a.example/gone")}),
                        taken_down_domains=frozenset({"banned.example"}))
    result = staged_batch(path, known, refresh=False, run_id="run-5")
    assert result.table.column("url").to_pylist() == ["https://a.example/keep",
                                                      "https://notbanned.example/z"]
    assert [(r["input_key"], r["reason"], r["source"], r["run_id"]) for r in result.rejects] == [
        ("w@1", "taken_down", "cc.warc.gz", "run-5"), ("w@2", "taken_down", "cc.warc.gz", "run-5"),
        ("w@3", "taken_down", "cc.warc.gz", "run-5")]
    # each reject names the URL refused (what `pressroom forget` took down is findable)
    assert [r["url"] for r in result.rejects] == [
        "https://a.example/gone", "https://www.banned.example/x", "https://banned.example/y"]
    conform(result.rejects, REJECTS, "rejects")
    assert result.counts == {"received": 5, "passed": 2, "rejected": 3, "failed": 0,
                             "skipped": 0}


def test_staged_batch_strips_credentials_from_every_url_column(tmp_path: Path) -> None:
    secret = "https://user:pw@a.example/1"
    rows = [{"input_key": secret, "url": secret, "source_kind": "warc",
             "source": "https://key:token@data.example/cc.warc.gz", "final_url": secret,
             "body": b"<p>page</p>"},
            {"input_key": "w@2", "url": "https://a.example/2", "source_kind": "warc",
             "source": "cc.warc.gz"}]
    path = tmp_path / "batch.parquet"
    pq.write_table(pa.Table.from_pylist(rows, schema=DOCUMENTS), path)
    table = staged_batch(path, KnownInputs(), refresh=False, run_id="run-6").table
    first = table.slice(0, 1).to_pylist()[0]
    assert (first["url"], first["input_key"], first["final_url"]) == ("https://a.example/1",) * 3
    assert first["source"] == "https://data.example/cc.warc.gz"
    assert first["body"] == b"<p>page</p>"  # the other columns are left as they were
    assert table.column("url").to_pylist()[1] == "https://a.example/2"


def test_a_warc_input_is_staged_in_batches_of_the_configured_size(tmp_path: Path) -> None:
    from tasks.discover.inputs import stage_warc_input
    from tests.unit.discover.test_warc import write_cc_news_like

    warc = tmp_path / "cc.warc.gz"
    write_cc_news_like(warc)  # three pages
    config = settings_slice(DiscoverConfig, Settings(batch_size=2))
    staged = list(stage_warc_input(str(warc), tmp_path / "staged", config, "run-8"))
    assert [rows for _, rows, _ in staged] == [2, 1]
    table = pa.concat_tables([pq.read_table(p) for p, _, _ in staged])
    assert table.column("url").to_pylist() == [
        "https://news.example/a", "https://news.example/b", "https://news.example/c"]
    assert set(table.column("source").to_pylist()) == {str(warc)}


def test_an_unreadable_dump_says_why(tmp_path: Path) -> None:
    folder = tmp_path / "x.txt"
    folder.mkdir()  # stat() works, read_bytes() does not
    doc, rej = read_dump(folder, "run-1")
    assert doc is None
    assert (rej["reason"], rej["input_key"]) == ("unreadable", f"dump:{folder}")
    assert "Is a directory" in rej["detail"]


def test_run_returns_what_to_fetch_and_leaves_warcs_pending(tmp_path: Path) -> None:
    from tasks.discover import run

    warc = tmp_path / "c.warc.gz"
    warc.write_bytes(b"")
    urls = tmp_path / "l.urls"
    urls.write_text("https://a.example/1\nhttps://a.example/known\nhttps://a.example/1\n"
                    "ftp://x\n")
    known = KnownInputs(article_ids=frozenset({article_id_for("https://a.example/known")}))
    result = run([str(urls), str(warc)], CONFIG, "run-3", known=known, now=NOW)
    assert result.stage == "discover"
    assert result.table.column("url").to_pylist() == ["https://a.example/1"]
    assert result.pending == [str(warc)]
    assert sorted(r["reason"] for r in result.rejects) == ["bad_url", "duplicate_url"]
    assert result.counts == {"received": 4, "passed": 1, "rejected": 2, "failed": 0,
                             "skipped": 1}


def test_run_passes_discoverys_notes_on_for_the_run_summary(tmp_path: Path) -> None:
    # an input skipped or ignored is said in the run summary (the stage's notes), not
    # only in discover()'s own result
    from tasks.discover import run

    urls = tmp_path / "l.urls"
    urls.write_text("https://a.example/1\n")
    (tmp_path / "folder").mkdir()
    other = tmp_path / "folder" / "notes.csv"
    other.write_text("x")
    named = tmp_path / "named.csv"  # named as an input: a reject too, since round 19
    named.write_text("x")
    result = run([str(urls), str(tmp_path / "folder"), str(named), str(tmp_path / "missing")],
                 CONFIG, "run-3", now=NOW)
    assert result.table.column("url").to_pylist() == ["https://a.example/1"]
    assert result.notes == [
        f"input {str(named)!r}: not a recognised input (.txt dump, .urls list, either "
        "compressed (.gz, .bz2, .xz, .zst), .warc or .warc.gz, sources.toml): a list of URLs "
        "is read from a .urls file (one URL a line, # for comments): save the URLs as one",
        f"input {str(tmp_path / 'missing')!r} does not exist: skipped",
        f"{other}: not a recognised input (.txt dump, .urls list, either compressed (.gz, "
        ".bz2, .xz, .zst), .warc or .warc.gz, sources.toml): ignored"]


def test_garbage_lines_of_a_url_list_are_bad_url_rejects_and_good_lines_still_come(
        tmp_path: Path) -> None:
    from tasks.discover.inputs import read_url_list

    path = tmp_path / "mixed.urls"
    path.write_bytes(b"https://good.example/a\n"
                     b"\x00\x01\xff\xfe\x80 binary junk\n"       # binary bytes
                     b"ht!tp://bad.example/x\n"                  # no scheme we know
                     b"https://good.example/with space\n"        # whitespace inside
                     b"https://bad host.example/x\n"
                     b"https://caf\xe9.example/\n"               # latin-1, no UTF-8
                     b"# a comment\n\n"
                     b"  https://good.example/b  \n")
    docs, rejects = read_url_list(path, "run-1")
    assert [d["url"] for d in docs] == ["https://good.example/a", "https://good.example/b"]
    assert [r["reason"] for r in rejects] == ["bad_url"] * 5
    assert [r["detail"].split(" ", 1)[0] for r in rejects] == [
        f"mixed.urls:{n}" for n in (2, 3, 4, 5, 6)]
    assert len({r["input_key"] for r in rejects}) == 5
    # junk lines are rejected before they are URLs: still named as a URL list's inputs
    assert {(r["source_kind"], r["source"], r["stage"]) for r in rejects} == {
        ("url", str(path), "discover")}


def test_a_binary_file_named_urls_is_still_one_reject(tmp_path: Path) -> None:
    from tasks.discover.inputs import read_url_list

    path = tmp_path / "image.urls"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    docs, rejects = read_url_list(path, "run-1")
    assert docs == [] and [r["reason"] for r in rejects] == ["binary_content"]


def test_a_comment_after_a_url_in_a_list_leaves_the_url(tmp_path: Path) -> None:
    """Fault round 3: "https://a.example/x  # from the desk" was a bad_url reject (the
    whitespace inside); a "#" with no whitespace before it is the URL's fragment."""
    path = tmp_path / "l.urls"
    path.write_bytes(b"https://news.example/a  # from the desk\r\n"
                     b"https://news.example/b#part\n\thttps://news.example/c\t#x\n")
    docs, rejects = read_url_list(path, "r")
    assert [d["url"] for d in docs] == ["https://news.example/a", "https://news.example/b#part",
                                         "https://news.example/c"]
    assert rejects == []


def test_a_url_list_of_round3_faults_keeps_every_line_accounted_for(tmp_path: Path) -> None:
    """Fault round 3, already handled: blank and comment lines skipped, duplicates (the
    same URL in another case, with a fragment, an IDN host in Unicode and in punycode)
    duplicate_url, other schemes and IPv6 literals bad_url or kept; every other line
    becomes a document or a reject."""
    path = tmp_path / "l.urls"
    path.write_bytes(
        b"\n# comment\nhttps://example.org/a\n\n   \nHTTPS://EXAMPLE.ORG/a\n"
        b"https://example.org/a#frag\nftp://example.org/f\nmailto:x@example.org\n"
        b"javascript:alert(1)\nhttps://b\xc3\xbccher.example/x\nhttps://xn--bcher-kva.example/x\n"
        b"//example.org/noscheme\nhttp://[::1]/v6\nhttps://example.org:99999/port\n")
    found = discover([str(path)], "r", CONFIG)
    assert found.docs.column("url").to_pylist() == [
        "https://example.org/a", "https://bücher.example/x", "http://[::1]/v6"]
    reasons = sorted((r["reason"], r["url"]) for r in found.rejects)
    assert reasons == [
        ("bad_url", "//example.org/noscheme"), ("bad_url", "ftp://example.org/f"),
        ("bad_url", "https://example.org:99999/port"), ("bad_url", "javascript:alert(1)"),
        ("bad_url", "mailto:x@example.org"),
        ("duplicate_url", "HTTPS://EXAMPLE.ORG/a"), ("duplicate_url", "https://example.org/a#frag"),
        ("duplicate_url", "https://xn--bcher-kva.example/x")]


def test_a_dump_gives_its_date_as_the_dumps_publication_hint(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(DUMP)
    [doc] = discover([str(tmp_path / "a.txt")], "run-1", CONFIG, now=NOW).docs.to_pylist()
    assert (doc["hint_published_at"].date().isoformat(), doc["hint_published_source"]) == \
        ("2024-04-04", "dump")


def test_the_sitemap_caps_of_the_settings_reach_the_walk(tmp_path: Path) -> None:
    root = "https://news.example/index.xml"
    child = "https://news.example/2024-04.xml"
    index = ('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>'
             f"<loc>{child}</loc><lastmod>2024-04-20</lastmod></sitemap></sitemapindex>")
    bodies = {root: index.encode(), child: b"<urlset xmlns='http://www.sitemaps.org/schemas/"
              b"sitemap/0.9'><url><loc>https://news.example/a</loc></url></urlset>"}
    (tmp_path / "sources.toml").write_text(f'[[source]]\nname = "N"\nsitemaps = ["{root}"]\n')

    def found(**settings) -> DiscoverResult:
        fetch_urls, _ = fake_fetcher(bodies)
        config = settings_slice(DiscoverConfig, Settings(**settings))
        return discover([str(tmp_path / "sources.toml")], "run-1", config,
                        fetch_urls=fetch_urls, now=NOW)

    # the child is 13 days old: fetched under the default 30-day cap, not under 10 days
    assert found().docs.column("url").to_pylist() == ["https://news.example/a"]
    capped = found(sitemap_max_child_age_days=10)
    assert capped.docs.num_rows == 0
    assert [r["reason"] for r in capped.rejects] == ["sitemap_child_too_old"]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_a_utf16_url_list_with_its_bom_is_read(tmp_path: Path, codec: str) -> None:
    """Fault round 4: a URL list saved as UTF-16 (Windows' "Unicode") gave one bad_url
    reject per line ("bytes that are no text"): every URL lost. Read as text now."""
    path = tmp_path / "l.urls"
    text = "# desk\r\nhttps://news.example/a\r\nhttps://news.example/zürich\r\n"
    data = text.encode(codec)
    path.write_bytes(data if codec == "utf-16" else b"\xfe\xff" + data)
    docs, rejects = read_url_list(path, "r")
    assert [d["url"] for d in docs] == ["https://news.example/a", "https://news.example/zürich"]
    assert rejects == []


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32"])
def test_a_url_list_in_utf16_without_a_bom_or_in_utf32_is_read(tmp_path: Path, codec) -> None:
    """Round 14: a URL list in UTF-16 written without a BOM (`iconv -t UTF-16LE`, an
    export's "Unicode") or in UTF-32 was one `binary_content` reject, "file contains NUL
    bytes: not a text dump" (a URL list, named a dump): every URL lost."""
    path = tmp_path / "l.urls"
    path.write_bytes("https://news.example/a\r\n# desk\r\nhttps://news.example/zürich\r\n"
                     .encode(codec))
    docs, rejects = read_url_list(path, "r")
    assert [d["url"] for d in docs] == ["https://news.example/a", "https://news.example/zürich"]
    assert rejects == []


def test_binary_data_named_urls_is_still_refused_as_no_text(tmp_path: Path) -> None:
    path = tmp_path / "l.urls"
    path.write_bytes(bytes(range(256)) * 8)  # NULs in both byte lanes: no UTF-16
    docs, rejects = read_url_list(path, "r")
    assert docs == [] and [r["reason"] for r in rejects] == ["binary_content"]
    assert "dump" not in rejects[0]["detail"]


def test_a_url_list_over_its_cap_is_one_reject_and_never_read(tmp_path: Path) -> None:
    """A .urls file of 33 MB (a log or an export misnamed) was read whole into memory,
    whatever its size, and every line made a row or a reject. It is now refused unread:
    one too_large reject saying to split it; peak memory stays far under its size."""
    import tracemalloc

    from tasks.discover.inputs import MAX_URL_LIST_BYTES

    path = tmp_path / "export.urls"
    with path.open("wb") as f:  # a sparse file: the size, not the disk space
        f.write(b"https://a.example/1\n")
        f.truncate(33 * 1024 * 1024)
    tracemalloc.start()
    try:
        docs, rejects = read_url_list(path, "run-8")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert docs == []
    assert [(r["reason"], r["input_key"], r["run_id"]) for r in rejects] == [
        ("too_large", f"urls:{path}:{33 * 1024 * 1024}", "run-8")]
    assert rejects[0]["detail"] == (
        f"a URL list of {33 * 1024 * 1024} bytes, over the {MAX_URL_LIST_BYTES} read at "
        "once: not read; split it into smaller .urls files")
    assert peak < 1024 * 1024


def test_an_impossible_date_before_a_date_is_a_bad_date_not_a_swap(tmp_path: Path) -> None:
    # the second field reads as a date, but the first is no URL: nothing was swapped
    path = tmp_path / "a.txt"
    path.write_bytes(b" date 2024-02-30 2024-05-01\nTitle\nBody.\n")
    doc, rej = read_dump(path, "r")
    assert doc is None
    assert (rej["reason"], rej["url"], rej["detail"]) == (
        "bad_date", None, "header date '2024-02-30' is not a valid YYYY-MM-DD")


def test_a_staged_row_whose_url_has_no_canonical_form_is_a_reject_saying_why() -> None:
    from tasks.discover.inputs import _checked_url_table

    rows = [{"input_key": f"x.warc@{i}", "url": url, "source_kind": "warc", "source": "x.warc",
             "body": b"<html/>"} for i, url in enumerate(["https://a.example/1",
                                                          "https://a.example:99999/x"])]
    good, [rej] = _checked_url_table(conform(rows, DOCUMENTS, "documents"), "r")
    assert good.column("input_key").to_pylist() == ["x.warc@0"]
    assert (rej["reason"], rej["input_key"], rej["url"], rej["detail"]) == (
        "bad_url", "x.warc@1", "https://a.example:99999/x",
        "malformed URL 'https://a.example:99999/x': Port out of range 0-65535")


def test_url_lists_joined_with_their_byte_order_marks_keep_every_url(tmp_path: Path) -> None:
    """Fault round 9: two lists saved with a UTF-8 BOM and joined (`cat a.urls b.urls`):
    the second one's first line began with U+FEFF and was a bad_url reject
    ("not an absolute http(s) URL: '\\ufeffhttps://...'"), its URL lost."""
    path = tmp_path / "joined.urls"
    path.write_bytes(b"\xef\xbb\xbfhttps://news.example/a\r\n"
                     b"\xef\xbb\xbfhttps://news.example/b\r\n"
                     b"\xef\xbb\xbf# desk two\r\n\xef\xbb\xbf  https://news.example/c\n")
    docs, rejects = read_url_list(path, "r")
    assert [d["url"] for d in docs] == [f"https://news.example/{x}" for x in "abc"]
    assert rejects == []


def test_a_bad_url_on_the_command_line_is_rejected_with_the_url_error_alone() -> None:
    # a list line's reject says where the line is; a command-line URL has no place to name
    found = discover(["https:///nohost"], "run-5", CONFIG, now=NOW)
    [rej] = found.rejects
    assert (rej["reason"], rej["source"], rej["detail"]) == (
        "bad_url", "command line", "not an absolute http(s) URL: 'https:///nohost'")


def test_the_discovery_note_counts_cut_feeds_and_sitemaps_read_up_to_the_cut() -> None:
    feed, sitemap = "https://news.example/rss", "https://news.example/sitemap.xml"
    bodies = {feed: RSS[:RSS.index(b"/two")],
              sitemap: b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/'
                       b'schemas/sitemap/0.9"><url><loc>https://news.example/s1</loc></url>'
                       b"<url><loc>https://news.exa"}

    def fetch_urls(urls: list[str]):  # every transfer cut: its body is what arrived
        return ({u: bodies[u] for u in urls},
                [{"url": u, "error": "truncated", "error_detail": "cut"} for u in urls])

    found = discover([f"feed:{feed}", f"sitemap:{sitemap}"], "run-5", CONFIG,
                     fetch_urls=fetch_urls, now=NOW)
    assert sorted(found.docs.column("url").to_pylist()) == ["https://news.example/one",
                                                            "https://news.example/s1"]
    assert ("discovery: 0 of 1 feed(s) fetched, 1 sitemap file(s) read, 2 URL(s) found, "
            "2 fetch failure(s) (see fetch_log), 2 of them cut short and read up to the cut"
            ) in found.notes


def test_a_url_list_line_with_invisible_edges_is_its_url(tmp_path: Path) -> None:
    """Round 13: a zero-width space, word joiner or bidi mark pasted with a URL. A leading
    one was a bad_url reject, a trailing one part of the address (another page, a 404)."""
    path = tmp_path / "pasted.urls"
    path.write_text("\u200bhttps://a.example/1\n"
                    "https://a.example/2\u200b\n"
                    "\u2060https://a.example/3\u200e  # from the desk\n"
                    "\u202ahttps://a.example/4\u202c\n", encoding="utf-8")
    docs, rejects = read_url_list(path, "run-13")
    assert rejects == []
    assert [d["url"] for d in docs] == [f"https://a.example/{i}" for i in range(1, 5)]


def test_a_url_list_line_whose_host_holds_a_bidi_mark_is_that_hosts_url(
        tmp_path: Path) -> None:
    """Round 45: a domain copied out of right-to-left text keeps its mark, and the path is
    typed after it. The line was a document whose fetch failed as `invalid_url`
    ("InvalidUrlClientError: http://news.example/a", the mark unseen), retried after
    every `refetch_failed_after_hours`."""
    path = tmp_path / "pasted.urls"
    path.write_text("https://a.example\u200f/1\nhttps://a\u202e.example/2\n"
                    "http://a.example\u200e:8080/3\n", encoding="utf-8")
    docs, rejects = read_url_list(path, "run-45")
    assert rejects == []
    assert [d["url"] for d in docs] == [
        "https://a.example/1", "https://a.example/2", "http://a.example:8080/3"]


def test_a_url_list_line_between_delimiters_is_its_url(tmp_path: Path) -> None:
    """Round 14: RFC 3986's "<https://...>" and "<URL:https://...>" (mail, a chat
    export: Slack writes every link so, a label after "|") and a CSV column's quotes
    were each a bad_url reject. What is between them is the URL; a pair around no
    http(s) URL, or a Markdown link, stays a reject quoting what was written."""
    path = tmp_path / "pasted.urls"
    path.write_text("<https://a.example/1|The story>\n<URL:https://a.example/2>\n"
                    '"https://a.example/3"\n\'https://a.example/4\'  # desk\n'
                    "< https://a.example/5 >\n<ftp://a.example/x>\n\"a.example/y\"\n"
                    "[https://a.example/z](https://a.example/z)\n", encoding="utf-8")
    docs, rejects = read_url_list(path, "run-14")
    assert [d["url"] for d in docs] == [f"https://a.example/{i}" for i in range(1, 6)]
    assert [(r["reason"], r["detail"].split(" ", 1)[0]) for r in rejects] == [
        ("bad_url", "pasted.urls:6"), ("bad_url", "pasted.urls:7"), ("bad_url", "pasted.urls:8")]
    assert "'<ftp://a.example/x>'" in rejects[0]["detail"]


def test_a_command_line_url_with_invisible_edges_is_a_url() -> None:
    from tasks.discover.inputs import expand_inputs, missing_inputs

    assert missing_inputs(["\u200bhttps://a.example/1"]) == []
    items, notes = expand_inputs(["\u200bhttps://a.example/1\u2060"])
    assert items == ["https://a.example/1"] and notes == []


# --- fault round 17: a URL list named .txt ------------------------------------------------

def test_a_txt_file_of_urls_is_read_as_the_url_list_it_is(tmp_path: Path) -> None:
    """`urls.txt` is how most people save a list of links; read as a dump it was one
    `missing_header` reject ("first line is not ' date YYYY-MM-DD URL'"), every URL lost.
    Comments and blank lines as in a .urls file; a dump and a text of prose stay dumps."""
    urls = tmp_path / "urls.txt"
    urls.write_text("# today's links\nhttps://news.example/a\n\nHTTP://news.example/b  # desk\n")
    found = discover([str(urls)], "run-17", CONFIG, now=NOW)
    assert [(d["url"], d["source_kind"]) for d in found.docs.to_pylist()] == [
        ("https://news.example/a", "url"), ("HTTP://news.example/b", "url")]
    assert found.rejects == []

    dump = tmp_path / "story.txt"
    dump.write_text(" date 2024-04-04 https://news.example/d\nTitle\n" + "Body words. " * 30)
    notes = tmp_path / "notes.txt"
    notes.write_text("https://news.example/a\nread this one later\n")
    found = discover([str(dump), str(notes)], "run-17", CONFIG, now=NOW)
    assert [d["source_kind"] for d in found.docs.to_pylist()] == ["dump"]
    assert [r["reason"] for r in found.rejects] == ["missing_header"]


def test_an_input_under_a_tilde_no_shell_expanded_is_read(tmp_path: Path, monkeypatch) -> None:
    """A Prefect deployment's inputs reach the flow without a shell: `~/seeds/today.urls`
    was a `not_found` reject of a file that exists (and the CLI's check named it
    missing)."""
    from tasks.discover.inputs import missing_inputs

    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "today.urls").write_text("https://news.example/t\n")
    assert missing_inputs(["~/seeds/today.urls", "~/seeds", "~/nothing.urls"]) == [
        "~/nothing.urls"]
    found = discover(["~/seeds/today.urls"], "run-17", CONFIG, now=NOW)
    assert [d["url"] for d in found.docs.to_pylist()] == ["https://news.example/t"]
    assert found.rejects == []


def test_an_input_naming_a_variable_no_shell_expanded_is_read(tmp_path: Path,
                                                                monkeypatch) -> None:
    """`$SEEDS/today.urls` among a deployment's inputs (no shell read it) was a
    `not_found` reject of a file that exists (round 18)."""
    from tasks.discover.inputs import missing_inputs

    monkeypatch.setenv("SEEDS", str(tmp_path / "seeds"))
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "today.urls").write_text("https://news.example/t\n")
    assert missing_inputs(["$SEEDS/today.urls", "${SEEDS}", "$SEEDS/nothing.urls"]) == [
        "$SEEDS/nothing.urls"]
    found = discover(["${SEEDS}/today.urls"], "run-18", CONFIG, now=NOW)
    assert [d["url"] for d in found.docs.to_pylist()] == ["https://news.example/t"]
    assert found.rejects == []


def test_credentials_removed_from_inputs_and_from_rows_are_counted_together(tmp_path):
    # seed 50: a password on the command line (counted before expanding the inputs) and one
    # in a URL list's line (counted in the rows): one note for both, `+=` not `=`
    urls = tmp_path / "a.urls"
    urls.write_text("https://user:pw@a.example/2\n", encoding="utf-8")
    found = discover(["https://user:pw@a.example/1", str(urls)], "r1", CONFIG, now=NOW)
    assert found.docs.column("url").to_pylist() == ["https://a.example/1",
                                                    "https://a.example/2"]
    assert [n for n in found.notes if "user name or password" in n] == [
        "2 input(s) had a user name or password in a URL: removed before fetching or "
        "storing anything"]


@pytest.mark.parametrize(("name", "hint"), [
    ("urls.csv", "save the URLs as one"),
    ("crawl.warc.zst", "decompress it to .warc"),
    ("crawl.warc.gz.open", "still being written"),
    ("old.arc.gz", "ARC file"),
    ("feed.xml", "read from their http(s) address"),
    ("story.html", "a saved page is not read"),
    ("outlets.toml", "sources file, named sources.toml"),
    ("photo.jpg", None),
])
def test_a_file_named_as_an_input_that_no_reader_takes_is_a_reject(tmp_path, name, hint):
    """Fault round 19: `pressroom ingest urls.csv` (or a `.warc.zst`, a download still
    named `.warc.gz.open`, a saved feed) committed a run of 0 inputs and exited 0, the
    file a note "not a recognised input ... ignored". Named as an input, it was meant
    as one: an `unknown_input` reject (the run's inputs count it) with what to do, and
    the command refuses it before the run (`unknown_inputs`)."""
    from tasks.discover.inputs import unknown_inputs

    path = tmp_path / name
    path.write_text("https://news.example/a\n")
    found = discover([str(path)], "run-19", CONFIG, now=NOW)
    [rej] = found.rejects
    assert (rej["reason"], rej["source"]) == ("unknown_input", str(path))
    assert rej["detail"].startswith("not a recognised input (.txt dump, .urls list")
    assert hint is None or hint in rej["detail"]
    assert [why for _, why in unknown_inputs([str(path), str(tmp_path)])] == [rej["detail"]]


def test_inputs_in_capitals_are_read_and_a_folders_other_files_stay_notes(tmp_path):
    """PAGES.URLS and NOTES.TXT (a Windows tool's names) were "not a recognised input"
    (the suffix compared case by case, though `.WARC.GZ` was read); in a folder, a
    README or a picture is still a note, not a reject."""
    from tasks.discover.inputs import unknown_inputs

    (tmp_path / "PAGES.URLS").write_text("https://news.example/u\n")
    (tmp_path / "NOTE.TXT").write_text(DUMP.decode())
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    found = discover([str(tmp_path)], "run-19", CONFIG, now=NOW)
    assert sorted(d["url"] for d in found.docs.to_pylist()) == [
        "https://dump.example/a", "https://news.example/u"]
    assert found.rejects == []
    assert any("photo.jpg: not a recognised input" in n for n in found.notes)
    assert unknown_inputs([str(tmp_path / "PAGES.URLS"), str(tmp_path / "NOTE.TXT")]) == []


def test_the_sitemap_caps_are_the_configured_ones() -> None:
    # seed 51: a cap left out fell back to RemoteLimits' default without a word
    from tasks.discover.inputs import remote_limits
    from tasks.discover.remote import RemoteLimits

    config = settings_slice(DiscoverConfig, Settings(
        sitemap_max_depth=1, sitemap_max_files=7, sitemap_max_child_age_days=2.5))
    limits = remote_limits(config)
    assert (limits.max_depth, limits.max_sitemaps, limits.max_child_age_days) == (1, 7, 2.5)
    assert limits.max_sitemaps != RemoteLimits().max_sitemaps


def test_a_file_named_twice_or_inside_a_folder_also_named_is_read_once(
        tmp_path: Path, monkeypatch) -> None:
    """Round 20. Before: read each time it was named. Each URL of the list and the dump's
    article came back as a `duplicate_url` reject "same canonical URL as" itself, and the
    WARC was handed over three times to be staged (its records read and counted again)."""
    from tests.unit.discover.test_warc import write_cc_news_like

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "pages.urls").write_text("https://a.example/1\nhttps://a.example/2\n")
    (folder / "d.txt").write_bytes(DUMP)
    write_cc_news_like(folder / "crawl.warc.gz")
    (tmp_path / "link.urls").symlink_to(folder / "pages.urls")
    monkeypatch.chdir(tmp_path)
    found = discover([str(folder), str(folder / "crawl.warc.gz"), "in/d.txt", "./in/d.txt",
                      "link.urls", "in/pages.urls", "in/pages.urls"], "run-20", CONFIG,
                     now=NOW, stream_warcs=True)
    assert found.rejects == []
    assert sorted(found.docs.column("url").to_pylist()) == [
        "https://a.example/1", "https://a.example/2", "https://dump.example/a"]
    assert found.warcs == [str(folder / "crawl.warc.gz")]
    twice = [n for n in found.notes if "read once" in n]
    assert len(twice) == 6, twice
    assert f"input 'link.urls' is {str(folder / 'pages.urls')!r} again" in " ".join(twice)
    # (named by another name first: the folder walk)
    assert "input 'in/pages.urls' named twice: read once" not in twice


def test_two_files_with_the_same_text_are_both_read(tmp_path: Path) -> None:
    """Copies are two files: what they hold meets the run's duplicate check as before."""
    (tmp_path / "a.urls").write_text("https://a.example/1\n")
    (tmp_path / "b.urls").write_text("https://a.example/1\n")
    found = discover([str(tmp_path / "a.urls"), str(tmp_path / "b.urls")], "r", CONFIG, now=NOW)
    assert [r["reason"] for r in found.rejects] == ["duplicate_url"]
    assert not [n for n in found.notes if "read once" in n]


def test_hidden_files_and_folders_in_an_input_folder_are_passed_over_with_a_note(
        tmp_path: Path) -> None:
    """Round 20. A folder copied by macOS to a USB stick or a share holds a `._<name>`
    (AppleDouble) beside each file: each was a `binary_content` reject ("file contains NUL
    bytes"), a WARC's a staged `warc_unreadable`; a `.git` folder's `.txt` files were read
    as dumps (`missing_header`) and each object a note."""
    apple = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02\x00\x00\x00\x09"
    (tmp_path / "a.txt").write_bytes(DUMP)
    (tmp_path / "pages.urls").write_text("https://a.example/1\n")
    for name in ("._a.txt", "._pages.urls", "._crawl.warc.gz", ".DS_Store"):
        (tmp_path / name).write_bytes(apple)
    (tmp_path / ".git" / "logs").mkdir(parents=True)
    (tmp_path / ".git" / "logs" / "HEAD.txt").write_text("Unnamed repository.\n")
    (tmp_path / "sub" / ".cache").mkdir(parents=True)
    (tmp_path / "sub" / ".cache" / "x.urls").write_text("https://a.example/cached\n")
    found = discover([str(tmp_path)], "r", CONFIG, now=NOW, stream_warcs=True)
    assert found.rejects == [] and found.warcs == []
    assert sorted(found.docs.column("url").to_pylist()) == [
        "https://a.example/1", "https://dump.example/a"]
    assert [n for n in found.notes if "hidden" in n] == [
        f"input {str(tmp_path)!r}: 6 hidden file(s) or folder(s) passed over (.DS_Store, "
        "._a.txt, ._crawl.warc.gz, ._pages.urls, .git, ...): name one on the command line "
        "to read it"]
    assert not [n for n in found.notes if "not a recognised input" in n]
    # named on the command line, a hidden file is read
    named = discover([str(tmp_path / "sub" / ".cache" / "x.urls")], "r", CONFIG, now=NOW)
    assert named.docs.column("url").to_pylist() == ["https://a.example/cached"]


def test_a_url_pasted_from_a_sentence_is_read_without_the_sentences_punctuation(
        tmp_path: Path) -> None:
    """Fault round 21: a list pasted from notes or mail ("see https://.../a.html." on its
    own line, "(https://...)"). Before: the full stop, comma, semicolon or closing bracket
    kept as part of the address, fetched as another page (the site's 404, the story
    lost); the parenthesised line a `bad_url`. An address's own brackets stay."""
    path = tmp_path / "pasted.urls"
    path.write_text("https://s.example/2024/05/a.html.\n"
                    "https://s.example/2024/05/b.html,\n"
                    "(https://s.example/2024/05/c.html)\n"
                    "[https://s.example/2024/05/d.html].\n"
                    "https://s.example/2024/05/e.html);\n"
                    "https://s.example/wiki/Harbour_(Oslo)\n"
                    "https://s.example/search?q=(tide)\n"
                    "https://s.example/2024/05/f.html?\n")
    docs, rejects = read_url_list(path, "run-1")
    assert rejects == []
    assert [d["url"] for d in docs] == [
        *(f"https://s.example/2024/05/{c}.html" for c in "abcde"),
        "https://s.example/wiki/Harbour_(Oslo)", "https://s.example/search?q=(tide)",
        "https://s.example/2024/05/f.html"]


def test_a_line_that_is_no_url_keeps_its_punctuation_in_its_reject(tmp_path: Path) -> None:
    path = tmp_path / "notes.urls"
    path.write_text("https://s.example/a\n(see the list).\n")
    docs, rejects = read_url_list(path, "run-1")
    assert [d["url"] for d in docs] == ["https://s.example/a"]
    assert [r["reason"] for r in rejects] == ["bad_url"]
    assert "'(see the list).'" in rejects[0]["detail"]


# --- seed 55: url_list_lines' rejects say what the line held -----------------------------

def test_a_junk_lines_reject_quotes_its_first_60_bytes_without_the_files_bom() -> None:
    from tasks.discover.inputs import url_list_lines

    line = b"https://news.example/2024/05/" + b"a" * 40 + b"\x00\x01"
    [(lineno, _, why)] = url_list_lines(b"\xef\xbb\xbf" + line + b"\n")  # saved with a BOM
    assert lineno == 1
    assert why == f"not a URL: bytes that are no text ({line[:60]!r})"


def test_a_line_with_whitespace_is_quoted_up_to_200_characters() -> None:
    from tasks.discover.inputs import url_list_lines

    words = "https://news.example/story " + "the harbour bridge reopens " * 10
    [(_, line, why)] = url_list_lines(words.encode())
    assert len(line) > 200
    assert why == f"not a URL: whitespace inside {line[:200]!r}"


def test_a_url_list_followed_by_nul_padding_is_its_urls_alone(tmp_path: Path) -> None:
    """Fault round 22: a list whose file ends in zeroed blocks (a machine stopped before
    its size was written). Before: the NULs a `bad_url` reject "not a URL: bytes that
    are no text" beside the list's two URLs."""
    path = tmp_path / "padded.urls"
    path.write_bytes(b"https://a.example/1\nhttps://a.example/2\n" + b"\x00" * 4096)
    docs, rejects = read_url_list(path, "r22")
    assert [d["url"] for d in docs] == ["https://a.example/1", "https://a.example/2"]
    assert rejects == []
    # a NUL inside a line is still that line's bad_url
    path.write_bytes(b"https://a.example/1\n\x00\x00junk\nhttps://a.example/2\n")
    docs, rejects = read_url_list(path, "r22")
    assert len(docs) == 2 and [r["reason"] for r in rejects] == ["bad_url"]


@pytest.mark.parametrize(("name", "end"), [("list.urls", "\u2028"), ("list.urls", "\u2029"),
                                           ("urls.txt", "\u2028")])
def test_a_url_list_whose_lines_end_in_unicode_separators_is_its_urls(
        tmp_path: Path, name, end) -> None:
    """Fault round 23: a URL list written by JavaScript (`urls.join("\\u2028")`) or copied
    out of a rich-text editor, its lines ended by U+2028 or U+2029. Before: one line,
    a `bad_url` reject "whitespace inside ...", every URL lost (a `.txt` one was read as
    a dump: `missing_header`)."""
    from tasks.discover.inputs import read_dumps

    path = tmp_path / name
    path.write_text(end.join(["https://a.example/1", "https://a.example/2",
                              "# a comment", "https://a.example/3", ""]), encoding="utf-8")
    docs, rejects = (read_url_list if name.endswith(".urls") else read_dumps)(path, "r23")
    assert [d["url"] for d in docs] == [f"https://a.example/{n}" for n in (1, 2, 3)]
    assert rejects == []


def test_nul_padding_after_a_url_ending_in_a_capital_x_strips_the_nuls_alone() -> None:
    """Mutation seed 57: the padding stripped is NUL bytes, not the URL's last letter."""
    from tasks.discover.inputs import url_list_lines

    assert url_list_lines(b"https://a.example/X\n" + b"\x00" * 64) == [
        (1, "https://a.example/X", None)]
    assert url_list_lines(b"https://a.example/X" + b"\x00" * 64) == [
        (1, "https://a.example/X", None)]


def test_a_url_list_line_copied_from_markup_has_its_ampersands() -> None:
    """Fault round 32: addresses copied into a URL list from a page's HTML source or a
    feed's XML keep their escaped ampersands (`?id=1&amp;cat=2`). Before: fetched as
    written, a query of `amp;cat`: the wrong page or the site's 404. `&copy=` (no
    escape) stays."""
    from tasks.discover.inputs import url_list_lines

    assert [line for _, line, _ in url_list_lines(
        b"https://news.example/a.php?id=1&amp;cat=2\n"
        b"https://news.example/b.php?id=2&#38;cat=2&copy=3\n")] == [
        "https://news.example/a.php?id=1&cat=2", "https://news.example/b.php?id=2&cat=2&copy=3"]


def test_a_url_listed_twice_is_fetched_again_after_its_first_fetch_failed(tmp_path) -> None:
    """Fault round 40: the `duplicate_url` reject of the second listing had the URL itself
    as its input key, so it settled the URL: when the first listing's fetch had failed
    (the server down that day), every later run skipped the URL as "already in
    warehouse", --refresh too, and the story was never fetched."""
    from tasks.discover import run

    urls = tmp_path / "l.urls"
    urls.write_text("https://a.example/down\nhttps://a.example/ok\nhttps://a.example/down\n")
    first = run([str(urls)], CONFIG, "run-1", now=NOW)
    (dup,) = first.rejects
    assert dup["reason"] == "duplicate_url" and dup["url"] == "https://a.example/down"
    assert dup["input_key"] not in first.table.column("input_key").to_pylist()
    # the next run: /ok kept, /down failed long ago (no longer recent), the reject known
    known = KnownInputs(article_ids=frozenset({article_id_for("https://a.example/ok")}),
                        rejected_keys=frozenset({dup["input_key"]}),
                        input_rejected_keys=frozenset({dup["input_key"]}))
    for refresh in (False, True):
        cfg = dataclasses.replace(CONFIG, refresh=refresh)
        again = run([str(urls)], cfg, "run-2", known=known, now=NOW)
        assert "https://a.example/down" in again.table.column("url").to_pylist()
        assert again.rejects == []  # the duplicate's reject is not written twice


def test_a_duplicate_urls_reject_names_its_listing_and_the_url_it_repeats(tmp_path) -> None:
    """Mutation seed 67: the reject of a URL listed twice carries the second listing's
    source, a key of its own (a string no document has, so it settles nothing and is a
    valid rejects row) and the spelling of the URL it repeats, as first listed."""
    from tasks.discover.inputs import drop_duplicate_urls, duplicate_key

    rows = [{"url": u, "source_kind": "url", "source": src, "input_key": key}
            for u, src, key in [("https://a.example/x?b=1&a=2", "one.urls", "k1"),
                                ("https://b.example/y", "one.urls", "k2"),
                                ("HTTPS://A.EXAMPLE/x?a=2&b=1#top", "two.urls", "k3")]]
    assert canonical_url(rows[0]["url"]) == canonical_url(rows[2]["url"])
    kept, rejects = drop_duplicate_urls(rows, "run-67")
    assert [r["input_key"] for r in kept] == ["k1", "k2"]
    (dup,) = rejects
    assert dup["source"] == "two.urls" and dup["source_kind"] == "url"
    assert dup["url"] == rows[2]["url"]
    assert dup["input_key"] == duplicate_key("k3")
    assert isinstance(dup["input_key"], str)
    assert dup["input_key"] not in {"k1", "k2", "k3"}
    assert "https://a.example/x?b=1&a=2" in dup["detail"]
    assert conform(rejects, REJECTS, "rejects").num_rows == 1


@pytest.mark.parametrize("blank", ["", "  "])
def test_an_empty_input_is_a_reject_and_never_the_current_folder(tmp_path: Path, monkeypatch,
                                                                 blank) -> None:
    """Fault round 46: `pressroom ingest "$NEWS_DIR"` with the variable unset (or a
    deployment's empty parameter) read "" as a path, which is the current folder: the run
    read every file under the folder it was started in (the project's tree: 186 inputs,
    its sources file's feeds fetched)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_bytes(DUMP)
    found = discover([blank], "run-5", CONFIG, now=NOW)
    assert found.docs.num_rows == 0
    [rej] = found.rejects
    assert rej["reason"] == "not_found" and "an empty input names no file" in rej["detail"]
    assert any("to read the current folder, name it: ." in n for n in found.notes)
    # the same folder named is read
    assert discover(["."], "run-5", CONFIG, now=NOW).docs.num_rows == 1


def test_a_url_list_line_of_port_0_is_a_bad_url_reject(tmp_path: Path) -> None:
    """Round 47: `http://127.0.0.1:0/a` (a test server's port printed before it bound
    one, a template's `:${PORT:-0}`) was a document whose fetch failed, retried after
    every `refetch_failed_after_hours`, under the article id of the host's port-443 page."""
    path = tmp_path / "ports.urls"
    path.write_text("http://127.0.0.1:0/a\nhttp://127.0.0.1:8080/b\n", encoding="utf-8")
    docs, rejects = read_url_list(path, "run-47")
    assert [d["url"] for d in docs] == ["http://127.0.0.1:8080/b"]
    assert [r["reason"] for r in rejects] == ["bad_url"]
    assert "port 0" in rejects[0]["detail"]
