"""The warehouse's reads of prior state and its housekeeping, on a temporary root: the
writer lock, leftovers of killed runs, known inputs, fetch history (with the validators of
the archived response), manifests in order, and the run summary people read."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime, timedelta

import pytest

from schemas import ARTICLES, FETCH_LOG, REJECTS, conform
from tasks.fetch.client import http_request_head, http_response_head
from tasks.storage.archive import WarcWriter
from tasks.storage.publish import publish_run
from tasks.storage.report import markdown_summary
from tasks.storage.warehouse import (
    WarehouseBusy,
    clear_leftovers,
    fetch_history,
    known_inputs,
    manifests,
    run_manifests,
    writer_lock,
)

NOW = datetime(2024, 5, 3, 12, 0, tzinfo=UTC)


def _manifest(run_id: str, started: datetime, **extra) -> dict:
    return {"run_id": run_id, "started_at": started.isoformat(),
            "totals": {"inputs": 1, "kept": 0, "rejected": 0, "failed": 1, "skipped": 0},
            **extra}


def _log(url: str, at: datetime, error: str | None = None, status: int | None = 200,
         warc: tuple[str, int] | None = None) -> dict:
    return {"url": url, "fetched_at": at, "error": error, "status": status, "run_id": "r",
            "warc_file": warc[0] if warc else None, "warc_offset": warc[1] if warc else None}


def test_writer_lock_is_exclusive_and_names_its_holder(tmp_path) -> None:
    waited = []
    with writer_lock(tmp_path, "run A"):
        assert (tmp_path / ".writer.lock").read_text().startswith("run A (pid ")
        with pytest.raises(WarehouseBusy, match="being written by run A"), \
                writer_lock(tmp_path, "run B", wait=False):
            pass  # pragma: no cover - never entered
    with writer_lock(tmp_path, "run B", wait=False, on_wait=waited.append):
        assert (tmp_path / ".writer.lock").read_text().startswith("run B (pid ")
    assert waited == []  # a free lock: nobody is waited for


def test_clear_leftovers_removes_staging_and_temporary_manifests_only(tmp_path) -> None:
    staged = tmp_path / "_staging" / "run-1"
    staged.mkdir(parents=True)
    (staged / "b.parquet").write_bytes(b"x" * 10)
    (tmp_path / "manifests").mkdir()
    (tmp_path / "manifests" / "run-1.json.tmp").write_text("{")
    (tmp_path / "manifests" / "run-0.json").write_text("{}")
    notes = clear_leftovers(tmp_path)
    assert notes == ["removed _staging/run-1 (10 bytes) left by a killed run",
                     "removed manifests/run-1.json.tmp left by a killed run"]
    assert not staged.exists() and (tmp_path / "manifests" / "run-0.json").exists()
    assert clear_leftovers(tmp_path) == []


def test_manifests_are_ordered_by_start_then_batch(tmp_path) -> None:
    folder = tmp_path / "manifests"
    folder.mkdir()
    t0 = NOW.isoformat()
    t1 = (NOW + timedelta(hours=1)).isoformat()
    for name, body in [("a.json", {"run_id": "late", "started_at": t1}),
                       ("b.json", {"run_id": "early", "started_at": t0}),
                       ("c.json", {"run_id": "early", "started_at": t0, "batch": 2,
                                   "kind": "batch"}),
                       ("d.json", {"run_id": "early", "started_at": t0, "batch": 1,
                                   "kind": "batch"})]:
        (folder / name).write_text(json.dumps(body))
    assert [(m["run_id"], m.get("batch")) for m in manifests(tmp_path)] == [
        ("early", 1), ("early", 2), ("early", None), ("late", None)]
    assert [m["run_id"] for m in run_manifests(tmp_path)] == ["early", "late"]
    (folder / "e.json").write_text("{not json")
    with pytest.raises(RuntimeError, match="e.json is unreadable"):
        manifests(tmp_path)


def test_known_inputs_recent_failures_and_discovery_rejects(tmp_path) -> None:
    log = [_log("https://a.example/old", NOW - timedelta(days=3), "timeout", None),
           _log("https://a.example/new", NOW - timedelta(hours=2), "http_503", 503),
           _log("https://a.example/fixed", NOW - timedelta(hours=3), "http_503", 503),
           _log("https://a.example/fixed", NOW - timedelta(hours=1))]
    rejects = [{"input_key": k, "stage": st, "reason": "x", "rejected_at": NOW, "run_id": "r"}
               for k, st in [("dump:1", "discover"), ("https://a.example/short", "clean")]]
    articles = [{"article_id": "a1", "url": "https://a.example/kept", "canonical_url":
                 "https://a.example/kept", "domain": "a.example", "source_kind": "url",
                 "input_key": "k", "run_id": "r", "text": "t", "word_count": 1,
                 "content_hash": "h"}]
    publish_run(tmp_path, {"fetch_log": conform(log, FETCH_LOG, "fetch_log"),
                           "rejects": conform(rejects, REJECTS, "rejects"),
                           "articles": conform(articles, ARTICLES, "articles")},
                _manifest("r", NOW))
    known = known_inputs(tmp_path, timedelta(hours=24), now=NOW)
    assert known.article_ids == {"a1"}
    assert known.rejected_keys == {"dump:1", "https://a.example/short"}
    assert known.input_rejected_keys == {"dump:1"}
    # failed within the window, and not fixed by a later success
    assert known.recently_failed_urls == {"https://a.example/new"}


def test_fetch_history_is_the_latest_fetch_with_its_validators(tmp_path) -> None:
    writer = WarcWriter(tmp_path / "raw", "r")
    head = http_response_head("1.1", 200, "OK", [
        (b"ETag", b'"v2"'), (b"Last-Modified", b"Thu, 02 May 2024 08:00:00 GMT"),
        (b"Content-Encoding", b"gzip")])
    req = http_request_head("GET", "/a", [("Host", "a.example")])
    file, offset = writer.write_exchange("https://a.example/a", req, head,
                                         gzip.compress(b"<p>x</p>"), when=NOW, encoded=True)
    writer.close()
    log = [_log("https://a.example/a", NOW - timedelta(days=2), "http_500", 500),
           _log("https://a.example/a", NOW - timedelta(days=1), warc=(f"raw/{file}", offset)),
           _log("https://a.example/b", NOW - timedelta(days=1), "dns_error", None),
           _log("https://a.example/other", NOW)]
    publish_run(tmp_path, {"fetch_log": conform(log, FETCH_LOG, "fetch_log")},
                _manifest("r", NOW))
    urls = {"https://a.example/a", "https://a.example/b", "https://a.example/none"}
    plain = fetch_history(tmp_path, urls)
    assert set(plain) == {"https://a.example/a", "https://a.example/b"}
    a = plain["https://a.example/a"]
    assert (a.status, a.error, a.fetched_at, a.validators) == (
        200, None, NOW - timedelta(days=1), {})
    assert (plain["https://a.example/b"].error, plain["https://a.example/b"].status) == (
        "dns_error", None)
    full = fetch_history(tmp_path, urls, with_validators=True)
    assert full["https://a.example/a"].validators == {
        "If-None-Match": '"v2"', "If-Modified-Since": "Thu, 02 May 2024 08:00:00 GMT"}
    assert full["https://a.example/b"].validators == {}  # a failure has no response
    assert fetch_history(tmp_path, set()) == {}


def test_the_run_summary_and_the_html_report(tmp_path) -> None:
    manifest = {"run_id": "r9", "totals": {"inputs": 5, "kept": 2, "rejected": 2, "failed": 1,
                                           "skipped": 0},
                "stages": [{"stage": "fetch", "received": 5, "passed": 4, "rejected": 0,
                            "failed": 1, "skipped": 0}],
                "notes": ["one feed failed"]}
    assert markdown_summary(manifest).splitlines() == [
        "# pressroom run r9", "",
        "| stage | received | passed | rejected | failed | skipped |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        "| fetch | 5 | 4 | 0 | 1 | 0 |", "",
        "inputs 5 = kept 2 + rejected 2 + failed 1 + skipped 0",
        "- note: one feed failed"]


def test_a_manifest_rewritten_within_one_mtime_tick_is_read_again(tmp_path):
    # Manifests are parsed once per (path, size, mtime): a rewrite that a coarse clock
    # gives the same mtime is still seen through its new size.
    import os

    from tasks.storage.warehouse import MANIFESTS, manifests

    folder = tmp_path / MANIFESTS
    folder.mkdir()
    path = folder / "r1.json"
    path.write_text(json.dumps({"run_id": "r1", "started_at": "2024"}), encoding="utf-8")
    assert [m["run_id"] for m in manifests(tmp_path)] == ["r1"]
    st = path.stat()
    path.write_text(json.dumps({"run_id": "r1-renamed", "started_at": "2024"}), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert [m["run_id"] for m in manifests(tmp_path)] == ["r1-renamed"]


def test_a_failed_fetch_gives_no_validators_though_its_response_was_archived(tmp_path) -> None:
    # A 503 page is archived, with its own ETag: a conditional GET with it could be
    # answered 304 and the page never fetched whole again.
    writer = WarcWriter(tmp_path / "raw", "r")
    head = http_response_head("1.1", 503, "Service Unavailable", [(b"ETag", b'"busy"')])
    req = http_request_head("GET", "/a", [("Host", "a.example")])
    file, offset = writer.write_exchange("https://a.example/a", req, head, b"busy",
                                         when=NOW)
    writer.close()
    log = [_log("https://a.example/a", NOW, "http_503", 503, warc=(f"raw/{file}", offset))]
    publish_run(tmp_path, {"fetch_log": conform(log, FETCH_LOG, "fetch_log")},
                _manifest("r", NOW))
    got = fetch_history(tmp_path, {"https://a.example/a"}, with_validators=True)
    assert (got["https://a.example/a"].status, got["https://a.example/a"].validators) == (
        503, {})


@pytest.mark.parametrize("zone", ["XYZ+5", "XYZ-5"])  # POSIX: 5 hours west, 5 hours east
def test_recent_failures_count_back_from_now_in_utc_whatever_the_machines_zone(
        tmp_path, monkeypatch, zone) -> None:
    # seed 59: known_inputs without `now` (as the flow calls it) counts the refetch window
    # back from the present instant, not from the machine's wall clock read as UTC
    import time

    now = datetime.now(UTC)
    log = [_log("https://a.example/recent", now - timedelta(minutes=30), "http_503", 503),
           _log("https://a.example/earlier", now - timedelta(hours=2), "http_503", 503)]
    publish_run(tmp_path, {"fetch_log": conform(log, FETCH_LOG, "fetch_log")},
                _manifest("r", now))
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        known = known_inputs(tmp_path, timedelta(hours=1))
    finally:
        monkeypatch.undo()
        time.tzset()
    assert known.recently_failed_urls == {"https://a.example/recent"}


def _committed(root, run_id: str, n_articles: int, batches: int = 1) -> None:
    """`batches` batch commits of `run_id`, holding `n_articles` articles in all, and no
    run manifest: a run killed (or still going) after them."""
    from tasks.storage.publish import publish_commit
    from tests.unit.storage.test_search import FLOOD, _article

    for b in range(batches):
        rows = [_article(f"{run_id[-6:]}-{b}-{i}", f"Story {i}", FLOOD, run_id, day=1)
                for i in range(n_articles if b == 0 else 0)]
        publish_commit(root, {"articles": conform(rows, ARTICLES, "articles")},
                       {"run_id": run_id, "started_at": "2026-12-05T00:00:00+00:00"}, b + 1)


def test_the_run_to_report_is_the_latest_finished_one(tmp_path) -> None:
    # seed 61: run_to_report was tested only through the report command, whose tests are
    # not the storage module's
    from tasks.storage.warehouse import run_to_report

    assert run_to_report(tmp_path) is None
    for day in (1, 2, 3):
        publish_run(tmp_path, {}, {"run_id": f"2026120{day}T000000Z-aaaaaa", "totals": {}})
    _committed(tmp_path, "20261204T000000Z-bbbbbb", 2)  # a later run that did not finish
    assert run_to_report(tmp_path) == ("20261203T000000Z-aaaaaa", None)


def test_with_no_run_finished_the_latest_that_committed_is_reported_with_a_note(
        tmp_path) -> None:
    # seed 61: the note names the run, whether it still runs, and what it committed
    from tasks.storage.warehouse import run_to_report, writer_lock

    _committed(tmp_path, "20261201T000000Z-aaaaaa", 1)
    _committed(tmp_path, "20261202T000000Z-bbbbbb", 4)
    _committed(tmp_path, "20261203T000000Z-cccccc", 3, batches=2)
    assert run_to_report(tmp_path) == (
        "20261203T000000Z-cccccc",
        "no run has finished; 20261203T000000Z-cccccc stopped before its end (killed, or "
        "failed): the report shows the 3 article(s) of its 2 batch commit(s)")
    with writer_lock(tmp_path, "run 20261203T000000Z-cccccc"):
        assert run_to_report(tmp_path) == (
            "20261203T000000Z-cccccc",
            "no run has finished; 20261203T000000Z-cccccc is still running: the report "
            "shows the 3 article(s) of its 2 batch commit(s)")


def test_a_manifest_rewritten_at_the_same_size_is_read_again(tmp_path):
    # seed 63: the counterpart of the test above: the same size, a later mtime
    import os

    from tasks.storage.warehouse import MANIFESTS

    folder = tmp_path / MANIFESTS
    folder.mkdir()
    path = folder / "r1.json"
    path.write_text(json.dumps({"run_id": "r1", "started_at": "2024"}), encoding="utf-8")
    assert [m["run_id"] for m in manifests(tmp_path)] == ["r1"]
    st = path.stat()
    path.write_text(json.dumps({"run_id": "r2", "started_at": "2024"}), encoding="utf-8")
    assert path.stat().st_size == st.st_size
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert [m["run_id"] for m in manifests(tmp_path)] == ["r2"]


def test_a_manifest_without_a_start_is_the_oldest(tmp_path) -> None:
    # seed 63: a manifest naming no started_at (an earlier pressroom's, or written by
    # hand) sorts before every dated one, as "" sorts before any ISO date
    folder = tmp_path / "manifests"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps({"run_id": "dated", "started_at": NOW.isoformat()}))
    (folder / "b.json").write_text(json.dumps({"run_id": "undated"}))
    assert [m["run_id"] for m in manifests(tmp_path)] == ["undated", "dated"]


def test_a_duplicate_url_reject_under_the_url_itself_settles_nothing(tmp_path) -> None:
    """Before fault round 40 the `duplicate_url` reject of a URL listed twice had the URL
    as its input key: in a warehouse holding one, the URL stayed settled after its first
    fetch failed, and no later run fetched it. Such rows settle nothing now; the new
    rows' keys (`duplicate:<url>`) are known, so they are not written again."""
    url = "https://a.example/down"
    log = [_log(url, NOW - timedelta(days=3), "connect_error", None)]
    rejects = [{"input_key": key, "url": url, "stage": "discover", "reason": "duplicate_url",
                "rejected_at": NOW - timedelta(days=3), "run_id": "r"}
               for key in (url, "duplicate:" + url)]
    publish_run(tmp_path, {"fetch_log": conform(log, FETCH_LOG, "fetch_log"),
                           "rejects": conform(rejects, REJECTS, "rejects")},
                _manifest("r", NOW - timedelta(days=3)))
    known = known_inputs(tmp_path, timedelta(hours=24), now=NOW)
    assert known.rejected_keys == known.input_rejected_keys == {"duplicate:" + url}
    assert known.recently_failed_urls == set()
