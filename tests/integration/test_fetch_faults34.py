"""Fault round 34: the commands people use on a warehouse after ingestion. Whole `ingest`
flows under the session's Prefect harness, over the shared feed server's pages at
/r34/<slug> on 127.0.0.1 (no other address), then the `sql`, `diff` and `search` commands
on what they committed:
- run 1 ingests `/r34/a`, `/r34/b` and `/r34/gone` (a 404) and builds the views;
- run 2 ingests `/r34/c` .. `/r34/f` in batches of 2 and fails after both batches
  committed, before its run manifest (as a run killed there, or stopped by an error,
  does): no views build. On main `pressroom sql` answered from run 1's views: 2
  articles, while `pressroom runs` named run 2's 4 and `search` found them;
- run 3, the same inputs again, settles them as committed: every input skipped;
- `pressroom sql -f csv` of the URLs, each line handed to `pressroom diff` as a shell
  loop reads it (on main every line ended in a CR: "no article with URL or id
  '...\\r'"), the address as shared (`?utm_source=...`) too; `diff -f csv` (on main JSON
  under CSV's name, exit 0); `search -f csv` rows end in LF.
"""

from __future__ import annotations

import csv
import io

import pytest
from typer.testing import CliRunner

from tests.integration.faultserver import FeedRoundServer, assert_run_conserves, story_paragraphs
from tests.integration.test_fetch_faults import settings

HOST = 1  # 127.0.0.1: the one address this round's server listens on
ROBOTS = "User-agent: *\nDisallow: /nothing-here\n"
SLUGS = ("a", "b", "c", "d", "e", "f")


def feed(base: str) -> str:  # the shared server's feed: unused, the runs name pages
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>R34</title>'
            "</channel></rss>")


def page(slug: str) -> str:
    title = f"Story {slug} of round 34"
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>{title}</title></head><body><article><h1>{title}</h1>"
            f"{story_paragraphs('r34' + slug)}</article></body></html>")


@pytest.fixture(scope="module")
def server34():
    srv = FeedRoundServer([HOST], "r34", feed, page, SLUGS, robots={HOST: ROBOTS}).start()
    yield srv
    srv.stop()


def _cli(*args: str):
    from flows.cli import app

    return CliRunner().invoke(app, list(args))


def test_the_query_commands_answer_from_every_commit_and_hand_on_clean_lines(
        prefect_harness, server34, warehouse, monkeypatch) -> None:
    """Now: `sql` sees run 2's committed batches, its CSV lines find their articles in
    `diff`, `diff -f csv` is refused. On main (measured, main's files put back): see
    RELIABILITY.md, round 34."""
    import flows.pipeline
    from flows.ingest import ingest

    def u(path: str) -> str:
        return server34.url(HOST, path)

    wh = str(warehouse)
    cfg = settings(warehouse, per_host_delay_s=0.0, batch_size=2)
    first = ingest(inputs=[u("/r34/a"), u("/r34/b"), u("/r34/gone")], settings=cfg)
    assert_run_conserves(first, 2, 0, 1)

    # run 2 stops after its two batch commits, before its run manifest and views build
    real_point = flows.pipeline.crash_point

    def stop_at_run_manifest(name: str) -> None:
        if name == "run-manifest":
            raise RuntimeError("stopped before the run manifest (round 34)")
        real_point(name)

    later = [u(f"/r34/{slug}") for slug in "cdef"]
    monkeypatch.setattr(flows.pipeline, "crash_point", stop_at_run_manifest)
    with pytest.raises(RuntimeError, match="round 34"):
        ingest(inputs=later, settings=cfg)
    monkeypatch.setattr(flows.pipeline, "crash_point", real_point)

    runs = _cli("runs", "-w", wh)
    print(runs.output)
    assert "2 batch commit(s) hold its 4 article(s)" in runs.output
    listed = _cli("sql", "-w", wh, "-f", "csv", "SELECT url FROM articles ORDER BY url")
    print(listed.stdout_bytes)
    assert listed.exit_code == 0, listed.output
    lines = listed.stdout_bytes.decode().split("\n")  # as `while read url` splits them
    assert lines[0] == "url" and lines[-1] == ""
    assert lines[1:-1] == sorted(u(f"/r34/{slug}") for slug in "abcdef")

    for url in lines[1:-1]:
        shown = _cli("diff", "-w", wh, url)
        assert shown.exit_code == 0, shown.output
        assert "one revision only" in shown.output
    shared = _cli("diff", "-w", wh, u("/r34/c") + "?utm_source=newsletter&utm_medium=email")
    assert shared.exit_code == 0, shared.output
    as_csv = _cli("diff", "-w", wh, "-f", "csv", u("/r34/c"))
    assert as_csv.exit_code == 2, as_csv.output
    found = _cli("search", "-w", wh, "-f", "csv", "--limit", "10", "round")
    assert found.exit_code == 0, found.output
    assert b"\r" not in found.stdout_bytes
    rows = list(csv.reader(io.StringIO(found.stdout_bytes.decode(), newline="")))
    assert sorted(r[2] for r in rows[1:]) == lines[1:-1]  # six hits, a snippet may hold \n

    # run 3: the same inputs again: their articles are committed, each input skipped
    third = ingest(inputs=later, settings=cfg)
    totals = third["totals"]
    print(totals)
    assert totals["inputs"] == totals["kept"] + totals["rejected"] + totals["failed"] + totals[
        "skipped"]
    assert (totals["inputs"], totals["skipped"]) == (4, 4), totals
    assert not {name: n for name, n in third["data_tests"].items() if n}
    counted = _cli("sql", "-w", wh, "-f", "csv",
                   "SELECT count(*) AS n, count(DISTINCT article_id) AS ids FROM articles")
    assert counted.stdout_bytes == b"n,ids\n6,6\n"
    failed = _cli("sql", "-w", wh, "-f", "csv", "SELECT url, error FROM fetch_log "
                                                "WHERE error IS NOT NULL")
    assert failed.stdout_bytes.decode().splitlines()[1:] == [f"{u('/r34/gone')},http_404"]
