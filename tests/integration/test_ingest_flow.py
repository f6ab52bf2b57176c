"""One real ingest flow run under Prefect against the local news site and the seed dump,
then the warehouse checked through DuckDB and the `pressroom` command line."""

from __future__ import annotations

import json
import shutil
import statistics
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.ingest import ingest
from flows.reprocess import reprocess
from tasks.common.settings import Settings
from tasks.storage import search as search_index
from tasks.storage.report import connect_views

pytestmark = pytest.mark.integration


def _inputs(tmp_path: Path, base: str, seed_dump: Path) -> list[str]:
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(seed_dump, folder / seed_dump.name)
    (folder / "sources.toml").write_text(
        f"""version = 1
[[source]]
name = "Harbour Gazette"
homepage = "{base}/"
delay_s = 0.3
feeds = ["{base}/rss.xml", "{base}/gone-feed.xml"]
""", encoding="utf-8")
    # A near copy of the seed on another outlet (a republished wire story).
    header, title, body = seed_dump.read_text("utf-8").split("\n", 2)
    copy = body.replace("told journalists", "told reporters").replace("On Wednesday", "Wednesday")
    (folder / "mirror.txt").write_text(
        f" date 2024-04-05 https://mirror-news.example/world/nato-mission-ukraine.html\n"
        f"{title}\n{copy}", encoding="utf-8")
    (folder / "broken.txt").write_text("No header here\nTitle\nBody text\n", encoding="utf-8")
    (folder / "site.urls").write_text(
        "\n".join([
            "# the local news site",
            f"{base}/news/harbour-bridge-reopens.html",
            f"{base}/news/library-turns-100.html",
            f"{base}/news/marathon-record.html",
            f"{base}/news/harbour-bridge-reopens.html?utm_source=newsletter&utm_medium=email",
            f"{base}/gone.html",
            f"{base}/files/annual-report.pdf",
        ]) + "\n",
        encoding="utf-8",
    )
    return [str(folder)]


def _counts(db: Path) -> dict[str, int]:
    con = connect_views(Path(db))
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "rejects", "fetch_log")}
    finally:
        con.close()


def test_ingest_site_and_dump_then_rerun_adds_nothing(
    prefect_harness, tmp_path, warehouse, news_site, seed_dump
):
    settings = Settings(warehouse=warehouse, allowed_networks=["127.0.0.0/8"], min_words=40,
                        per_host_delay_s=0.05)
    inputs = _inputs(tmp_path, news_site, seed_dump)

    first = ingest(inputs=inputs, settings=settings)

    # The sources file's delay_s (0.3 s) applies to every request to its host, feeds and
    # pages alike, seen from the server (the run's own default would be 0.05 s).
    # The server stamps a request in its handler thread, which a loaded machine may start
    # late: one gap can shrink by that lag, so the check is the median (the delay holds)
    # and a floor far above the run's own 0.05 s (the sources file's delay applied).
    gaps = [b - a for a, b in zip(news_site.times, news_site.times[1:], strict=False)]
    assert len(gaps) >= 8 and statistics.median(gaps) >= 0.28 and min(gaps) >= 0.15, gaps

    db = Path(first["database"])
    con = connect_views(Path(db))
    titles = {r[0] for r in con.execute("SELECT title FROM unique_articles").fetchall()}
    assert titles == {
        "NATO Establishes Joint Mission in Ukraine - Polish Foreign Minister",
        "Harbour bridge reopens after two years of repairs",
        "City library celebrates its hundredth birthday",
        "Local runner sets course record at the spring marathon",
        "New ferry timetable adds late crossings on weekends",  # found through the feed
    }
    # The mirror's copy is kept, in the seed's cluster, pointing at it.
    seed_id, mirror_dup, mirror_cluster = con.execute(
        "SELECT s.article_id, m.duplicate_of, m.cluster_id FROM articles s, articles m "
        "WHERE s.domain = 'sputnikglobe.com' AND m.domain = 'mirror-news.example'").fetchone()
    assert mirror_dup == seed_id and mirror_cluster == seed_id
    assert con.execute("SELECT cluster_id, size, outlets FROM clusters").fetchall() == [
        (seed_id, 2, 2)]
    texts = dict(con.execute("SELECT title, text FROM unique_articles").fetchall())
    bridge = texts["Harbour bridge reopens after two years of repairs"]
    assert "Engineers replaced the steel cables" in bridge
    for boilerplate in ("COMMENTMARKER", "ADVERTISEMENT", "Cookie settings"):
        assert boilerplate not in bridge
    nato = texts["NATO Establishes Joint Mission in Ukraine - Polish Foreign Minister"]
    assert len(nato.split("\n\n")) >= 8
    assert "Poland.Meanwhile" not in nato and 'defeat."Fundamentally' not in nato

    rejects = con.execute("SELECT url, source, stage, reason FROM rejects").fetchall()
    reasons = sorted((stage, reason) for _, _, stage, reason in rejects)
    assert reasons == [("discover", "duplicate_url"), ("discover", "missing_header")]
    assert any(url and "utm_source" in url for url, *_ in rejects)

    log = dict(con.execute("SELECT url, error FROM fetch_log").fetchall())
    assert len(log) == 8  # 5 listed URLs (the utm copy is not fetched), 1 feed item, 2 feeds
    assert log[f"{news_site}/gone.html"] == "http_404"
    assert log[f"{news_site}/gone-feed.xml"] == "http_404"
    assert log[f"{news_site}/files/annual-report.pdf"] == "unsupported_content_type"
    assert sum(1 for e in log.values() if e is None) == 5
    archived = con.execute("SELECT warc_file, warc_offset FROM fetch_log WHERE error IS NULL"
                           ).fetchall()
    assert all(f and o is not None and (warehouse / f).exists() for f, o in archived)
    places = {r[0] for r in con.execute(
        "SELECT p.iso2 FROM places p JOIN articles a USING (article_id) "
        "WHERE a.source_kind = 'dump'").fetchall()}
    assert {"UA", "PL", "RU", "US", "GB", "DE", "IT"} <= places
    speakers = dict(con.execute("SELECT quote, speaker FROM quotes").fetchall())
    assert any(q.startswith("We have decided to create a NATO mission") and s == "Sikorski"
               for q, s in speakers.items())
    outlet = con.execute("SELECT source_country, source_type FROM articles "
                         "WHERE domain = 'sputnikglobe.com'").fetchone()
    assert outlet == ("RU", "state-affiliated")
    kinds = dict(con.execute("SELECT title, source_kind FROM articles").fetchall())
    assert kinds["NATO Establishes Joint Mission in Ukraine - Polish Foreign Minister"] == "dump"
    feed = con.execute("SELECT source_kind, source, published_at FROM articles "
                       "WHERE title LIKE 'New ferry%'").fetchone()
    assert feed[0] == "feed" and feed[1].endswith("/rss.xml") and feed[2].year == 2024
    con.close()

    assert first["totals"] == {"inputs": 11, "kept": 6, "rejected": 2, "failed": 3,
                               "skipped": 0}
    assert all(n == 0 for n in first["data_tests"].values())
    # The run indexed its articles for search itself (nothing left to catch up).
    # every commit of the run is in the search index (named after its manifest): its
    # batch commits, then the run manifest, so nothing is left to catch up
    assert search_index.indexed_commits(warehouse) == [
        *(c.removesuffix(".json") for c in first["commits"]), first["run_id"]]
    found = search_index.search(warehouse, '"harbour bridge"', catch_up_first=False)
    assert [h.title for h in found.hits] == ["Harbour bridge reopens after two years of repairs"]
    assert search_index.document_count(warehouse) == 6
    report = Path(first["report"]).read_text("utf-8")
    assert "Harbour bridge reopens" in report and "missing_header" in report
    before = _counts(db)

    second = ingest(inputs=inputs, settings=settings)

    after = _counts(db)
    assert after["articles"] == before["articles"] and after["rejects"] == before["rejects"]
    assert after["fetch_log"] == before["fetch_log"] + 1  # only the good feed, re-fetched
    # 6 known articles, 2 recently failed URLs, 1 recently failed feed, 2 inputs rejected
    # before. (The good feed is fetched again: feeds change; its item is known.)
    assert second["totals"] == {"inputs": 11, "kept": 0, "rejected": 0, "failed": 0,
                                "skipped": 11}

    # Reprocessing re-extracts the 4 archived article pages without the network: the site's
    # hit count does not move, and unchanged texts add no rows at all.
    hits_before = len(news_site.hits)
    again = reprocess(settings=settings)
    assert len(news_site.hits) == hits_before
    assert again["stages"][0]["received"] == 4
    assert again["stages"][1] == {"stage": "fetch", "received": 4, "passed": 4, "rejected": 0,
                                  "failed": 0, "skipped": 0}
    assert again["totals"]["skipped"] == 4 and again["totals"]["rejected"] == 0
    assert _counts(db)["articles"] == before["articles"]

    # --refresh fetches the known pages again with conditional GETs: unchanged pages answer
    # 304, recorded in fetch_log, counted as skipped, and add no articles. (The feed answers
    # 304 too, so its known item is not listed again; the two dumps are re-read, unchanged.)
    refreshed = ingest(inputs=inputs, refresh=True, settings=settings)
    stages = {s["stage"]: s for s in refreshed["stages"]}
    assert stages["fetch"]["skipped"] == 3 and stages["fetch"]["failed"] == 0, stages
    assert stages["dedup"]["skipped"] == 2 and refreshed["totals"]["rejected"] == 0, stages
    con = connect_views(Path(db))
    assert con.execute("SELECT count(*) FROM fetch_log WHERE status = 304 AND run_id = ?",
                       [refreshed["run_id"]]).fetchone()[0] == 4
    con.close()
    assert _counts(db)["articles"] == before["articles"]

    # The command line reads the same warehouse.
    runner = CliRunner()
    res = runner.invoke(app, ["sql", "SELECT title FROM articles ORDER BY title",
                              "--format", "json", "--warehouse", str(warehouse)])
    assert res.exit_code == 0, res.output
    assert len(json.loads(res.output)) == 6
    res = runner.invoke(app, ["runs", "--warehouse", str(warehouse)])
    assert res.exit_code == 0 and first["run_id"] in res.output
    res = runner.invoke(app, ["sql", "SELEC nonsense", "--warehouse", str(warehouse)])
    assert res.exit_code == 1 and "SQL error" in res.output
    res = runner.invoke(app, ["search", "ferry timetable", "--format", "json",
                              "--warehouse", str(warehouse)])
    assert res.exit_code == 0, res.output
    (hit,) = json.loads(res.output)
    assert hit["title"].startswith("New ferry timetable") and hit["url"].startswith(news_site)
    res = runner.invoke(app, ["report", "--warehouse", str(warehouse)])
    assert res.exit_code == 0 and "failing" not in res.output
    assert (warehouse / "reports" / "latest.html").exists()
