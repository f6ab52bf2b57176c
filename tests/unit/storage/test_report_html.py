"""The whole HTML report over a small published warehouse: every section that has data
draws its charts and tables, the files land where the command says, and the run's drift
notes name the outlet. Chart drawing itself is tests/unit/storage/test_charts.py."""

from __future__ import annotations

import datetime as dt
import re
from html import escape

import pytest

from schemas import ARTICLES, ENTITIES, FETCH_LOG, PLACES, conform
from tasks.storage import report_html
from tasks.storage.publish import publish_run
from tasks.storage.report import build_report
from tests.unit.storage.test_report_views import FETCHED, START, article, outlet_days

# Ten outlets: the volume chart shows the nine biggest and puts the tenth under "others".
OUTLETS = [f"o{i}.example" for i in range(10)]
STAGES = [{"stage": "discover", "received": 5, "passed": 4, "rejected": 1, "failed": 0,
           "skipped": 0}, {"stage": "fetch", "received": 4, "passed": 3, "rejected": 0,
                           "failed": 1, "skipped": 0}]


def _articles() -> list[dict]:
    rows = [article(i * 10 + k, d, k % 3, language="en" if i % 2 else "de")
            for i, d in enumerate(OUTLETS) for k in range(10 - i)]
    # An outlet whose bylines vanish on day 20 after 20 days with them: a drift alarm.
    rows += (outlet_days("changed.example", range(0, 20), 3)
             + outlet_days("changed.example", range(20, 24), 3, start=1000, authors=(),
                           source="sitemap"))
    return rows


def _warehouse(root) -> None:
    arts = _articles()
    ids = [a["article_id"] for a in arts[:6]]
    entities = [{"article_id": a, "text": name, "label": label, "count": 1, "run_id": "r1"}
                for a in ids for name, label in (("Ana Ruiz", "PERSON"), ("UN", "ORG"))]
    places = [{"article_id": a, "iso2": iso, "count": 1, "run_id": "r1"}
              for a in ids for iso in ("FR", "PL")]
    log = [{"url": a["url"], "fetched_at": FETCHED, "run_id": "r1", "elapsed_ms": 100.0,
            "attempts": 1} for a in arts[:8]]
    log += [{"url": "https://down.example/x", "fetched_at": FETCHED, "run_id": "r1",
             "error": "timeout", "attempts": 3}]
    publish_run(root, {"articles": conform(arts, ARTICLES, "articles"),
                       "entities": conform(entities, ENTITIES, "entities"),
                       "places": conform(places, PLACES, "places"),
                       "fetch_log": conform(log, FETCH_LOG, "fetch_log")},
                {"run_id": "r1", "started_at": START.isoformat(), "stages": STAGES,
                 "totals": {"inputs": 5, "kept": 3, "rejected": 1, "failed": 1,
                            "skipped": 0}})


@pytest.fixture
def report(tmp_path):
    # Built per test, not once per module: mutation testing runs, for each mutant, only
    # the tests that themselves call the mutated function.
    root = tmp_path / "wh"
    _warehouse(root)
    result = build_report(root, "r1")
    return root, result, result.html.read_text("utf-8")


def _without_generated_time(html: str) -> str:
    # The page says when it was generated, to the minute: a report rebuilt a moment later
    # may be a minute on (CI saw 19:43 against 19:44).
    return re.sub(r"generated \d{4}-\d\d-\d\d \d\d:\d\d UTC", "generated <time>", html)


def _figure_ids(html: str) -> list[str]:
    return re.findall(r"<figure class='chart' id='chart-([^']+)'>", html)


def test_the_report_lands_under_reports_for_the_run_and_as_latest(report):
    root, result, html = report
    assert result.html == root / "reports" / "r1.html"
    assert (root / "reports" / "latest.html").read_text("utf-8") == html
    assert not list((root / "reports").glob("*.tmp"))
    assert html.startswith("<!DOCTYPE html>") and "run r1" in html


def test_every_section_with_data_draws_its_charts(report):
    _, result, html = report
    assert {k for k, has in result.sections.items() if has} >= {
        "volume", "places", "fetch", "freshness", "latest", "runs", "data-tests"}
    figures = _figure_ids(html)
    for key in ("volume-outlet", "volume-language", "places-ranked", "places-time",
                "entities-ranked", "entities-time", "fetch-success", "fetch-latency",
                "fetch-errors", "freshness-lag", "freshness-requests"):
        assert figures.count(key) == 1, key
    for figure in re.findall(r"<figure.*?</figure>", html, re.S):  # each has its caption
        assert re.search(r"<figcaption>[^<]+</figcaption><svg", figure)


def _figure(html: str, key: str) -> str:
    return re.search(rf"<figure class='chart' id='chart-{key}'>.*?</figure>", html,
                     re.S).group(0)


def test_the_charts_show_their_series(report):
    _, _, html = report
    outlet = _figure(html, "volume-outlet")
    assert "others" in outlet and "O9" not in outlet and "Changed" in outlet
    assert "FR" in _figure(html, "places-ranked") and "PL" in _figure(html, "places-time")
    entities = _figure(html, "entities-ranked")
    assert "Ana Ruiz (PERSON)" in entities and "UN (ORG)" in entities
    assert "Ana Ruiz (PERSON)" in _figure(html, "entities-time")
    assert "timeout" in _figure(html, "fetch-errors")
    # o0.example: 8 requests for its 10 stored articles; down.example stored none
    requests = _figure(html, "freshness-requests")
    assert "<title>O0: 0.8</title>" in requests and "down.example" not in requests


def test_the_run_reconciliation_shows_each_stage(report):
    _, _, html = report
    runs = re.search(r"<section id='runs'>.*?</section>", html, re.S).group(0)
    head = re.findall(r"<th>([^<]+)</th>", runs)
    assert head == list(STAGES[0])  # the manifest's stage keys, in order
    assert "<td>discover</td><td>5</td><td>4</td><td>1</td>" in runs
    assert "(balanced)" in runs


def test_the_drift_alarm_is_in_the_report_and_in_the_run_notes(report):
    _, result, html = report
    alarms = re.search(r"<section id='alarms'>.*?</section>", html, re.S).group(0)
    assert "changed.example" in alarms and result.sections["alarms"]
    (note,) = result.notes
    assert "changed.example" in note and "author" in note
    assert str((START + dt.timedelta(days=20)).date()) in note


def test_a_period_without_drift_says_so_without_counting_as_data():
    class NoDrift:
        def rows(self, sql):
            return ["outlet"], []

    section = report_html.alarms(NoDrift(), {})
    assert section.has_data is False and "class='ok'" in section.html()
    failing = report_html.alarms(NoDrift(), {"t": (["x"], [(1,)])})
    # the alarm points to the data tests section by its title
    assert report_html.data_tests({}).title in failing.html()


def test_a_figure_without_a_note_has_no_note():
    assert "class='note'" not in report_html.figure("k", "c", "<svg></svg>")
    assert "<p class='note'>n</p>" in report_html.figure("k", "c", "<svg></svg>", "n")


def test_the_reconciliation_artifact_has_one_row_per_stage_with_its_counts():
    from tasks.storage.report import reconciliation_rows

    stages = [{"stage": "fetch", "received": 5, "passed": 3, "rejected": 0, "failed": 2,
               "skipped": 0, "seconds": 1.5},
              {"stage": "clean", "received": 3, "passed": 2, "rejected": 1, "failed": 0,
               "skipped": 0}]
    assert reconciliation_rows({"run_id": "r1", "stages": stages}) == [
        {"stage": "fetch", "received": 5, "passed": 3, "rejected": 0, "failed": 2, "skipped": 0},
        {"stage": "clean", "received": 3, "passed": 2, "rejected": 1, "failed": 0, "skipped": 0}]


def test_each_chart_and_section_is_captioned_for_its_reader(report):
    _, _, html = report
    captions = dict(re.findall(
        r"<figure class='chart' id='chart-([^']+)'><figcaption>([^<]+)</figcaption>", html))
    assert captions == {
        "volume-outlet": "Articles per published day, by outlet",
        "volume-language": "Articles per published day, by language",
        "duplicates-share": "Share of republished copies per published day",
        "places-ranked": "Places: stories mentioning each country (ISO 3166)",
        "places-time": "Top places over time (stories per day)",
        "entities-ranked":
            "Top entities: stories mentioning each (people, organisations, nationalities)",
        "entities-time": "Top entities over time (stories per day)",
        "fetch-success": "Success rate per host",
        "fetch-latency": "Median latency per host (ms; p90 in the table)",
        "fetch-errors": "Errors by kind",
        "extraction-title-share": "Share with a title",
        "extraction-date-share": "Share with a date on the page",
        "extraction-author-share": "Share with an author",
        "extraction-body-share": "Share with a full body (100+ words)",
        "extraction-median-words": "Median length (words)",
        "freshness-lag": "Median lag from publication to first fetch (hours)",
        "freshness-requests": "Requests spent per stored article",
    }
    ids = ["alarms", "volume", "duplicates", "places", "fetch", "extraction", "freshness",
           "latest", "runs", "data-tests"]
    assert re.findall(r"<section id='([^']+)'>", html) == ids
    assert list(report[1].sections) == ids and all(report[1].sections.values())
    assert re.findall(r"<h2[^>]*>([^<]+)</h2>", html) == [
        "Alarms", "Volume", "Duplicates", "Places and entities", "Fetch health per host",
        "Extraction health per outlet over time", "Freshness per source", "Latest articles",
        "Last runs: reconciliation (up to 5)", "Data tests"]


def test_a_table_says_how_many_rows_it_left_out_and_only_then():
    rows = [(i, f"r{i}") for i in range(5)]
    assert "more rows" not in report_html.table(["n", "name"], rows, limit=5)
    assert "more rows" not in report_html.table(["n", "name"], rows[:4], limit=5)
    cut = report_html.table(["n", "name"], rows, limit=3)
    assert "<p class='more'>2 more rows not shown</p>" in cut
    assert "<td>r2</td>" in cut and "<td>r3</td>" not in cut


def test_consecutive_charts_share_one_grid_and_a_table_ends_it():
    section = report_html.Section("s", "S")
    a = report_html.figure("a", "A", "<svg>a</svg>")
    b = report_html.figure("b", "B", "<svg>b</svg>")
    c = report_html.figure("c", "C", "<svg>c</svg>")
    for part in (a, b, "<table>t</table>", c):
        section.add(part)
    assert section.html() == (f"<section id='s'><h2>S</h2><div class='grid2'>{a}{b}</div>"
                              f"<table>t</table><div class='grid2'>{c}</div></section>")


def _ticks(figure: str) -> list[str]:
    return re.findall(r"class='yl'>([^<]*)</text>", figure)


def test_a_day_without_articles_in_a_language_is_drawn_at_zero(report):
    # "de" outlets publish on the first three days only; the line goes on at 0, not 1.
    language = _figure(report[2], "volume-language")
    assert "<title>de 2024-03-03: 8</title>" in language
    assert "<title>de 2024-03-04: 0</title>" in language


def test_shares_are_drawn_in_percent_and_counts_on_their_own_scale(report):
    html = report[2]
    copies = _figure(html, "duplicates-share")
    assert _ticks(copies) == ["0%", "25%", "50%", "75%", "100%"]
    assert "<title>copies 2024-03-01: 0%</title>" in copies
    assert _ticks(_figure(html, "extraction-author-share"))[-1] == "100%"
    # the median length is words, not a share: its axis reaches the medians (400)
    words = _figure(html, "extraction-median-words")
    assert _ticks(words) == ["0", "125", "250", "375", "500"]
    assert "<title>O0 2024-03-01: 400</title>" in words


def test_the_page_names_its_period(tmp_path):
    from tasks.storage.report import build_views, connect_views

    _warehouse(tmp_path)
    con = connect_views(build_views(tmp_path))

    def period(since, until):
        page, _ = report_html.render(con, "t", since, until, {})
        return re.search(r"<h1>t</h1><p>([^·]*) ·", page).group(1)

    try:
        day, later = dt.date(2024, 3, 2), dt.date(2024, 3, 9)
        assert period(None, None) == "all published days"
        assert period(day, None) == "published 2024-03-02 to now"
        assert period(None, later) == "published any time to 2024-03-09"
        assert period(day, later) == "published 2024-03-02 to 2024-03-09"
    finally:
        con.close()


def test_a_list_in_a_table_cell_is_written_comma_separated():
    html = report_html.table(["outlets"], [(["A", "B & C"],), ([],)])
    assert "<td>A, B &amp; C</td>" in html and "<td></td>" in html


def test_a_report_of_a_range_has_a_file_of_its_own(report):
    # fault round 11: a ranged report replaced the run's report and latest.html
    from datetime import date, datetime

    root, result, html = report
    ranged = build_report(root, "r1", since=date(2024, 5, 1))
    assert ranged.html == root / "reports" / "range-2024-05-01-end.html"
    assert (root / "reports" / "r1.html").read_text("utf-8") == html
    assert (root / "reports" / "latest.html").read_text("utf-8") == html
    until = datetime(2024, 5, 3, 12, 30, tzinfo=dt.UTC)
    assert build_report(root, "r1", until=until).html.name == \
        "range-start-2024-05-03T123000+0000.html"
    both = build_report(root, "r1", since=date(2024, 5, 1), until=date(2024, 5, 2))
    assert both.html.name == "range-2024-05-01-2024-05-02.html"


def test_the_success_rate_chart_is_in_percent_of_a_whole(report):
    # seed 50: a host fetched every time and one never: "100%" and "0%", not 1 and 0
    _, _, html = report
    chart = html.split("id='chart-fetch-success'>", 1)[1].split("</figure>", 1)[0]
    values = re.findall(r"class='bv'>([^<]*)</text>", chart)
    assert values == ["100%", "0%"]


def test_the_rejects_of_the_period_are_tabled_by_stage_and_reason(tmp_path):
    # seed 51: the fixture's warehouse has no rejects, so this table was never drawn
    from schemas import REJECTS

    root = tmp_path / "wh"
    _warehouse(root)
    rejects = [{"input_key": f"k{i}", "stage": stage, "reason": reason, "rejected_at": FETCHED,
                "run_id": "r2"}
               for i, (stage, reason) in enumerate([("clean", "too_short"),
                                                    ("extract", "not_article"),
                                                    ("clean", "too_short")])]
    publish_run(root, {"rejects": conform(rejects, REJECTS, "rejects")},
                {"run_id": "r2", "started_at": (START + dt.timedelta(hours=1)).isoformat(),
                 "totals": {"inputs": 3, "kept": 0, "rejected": 3, "failed": 0,
                            "skipped": 0}})
    html = build_report(root, "r2").html.read_text("utf-8")
    table = html.split("<h3>Rejects by stage and reason</h3>", 1)[1].split("</table>", 1)[0]
    assert re.findall(r"<tr><td>(\w+)</td><td>(\w+)</td><td>(\d+)</td></tr>", table) == [
        ("clean", "too_short", "2"), ("extract", "not_article", "1")]


def test_a_report_written_to_a_path_of_new_folders_makes_them(report, tmp_path):
    # seed 56: `pressroom report --out` into a folder that does not exist yet, nor its parent
    root, _, html = report
    out = tmp_path / "new" / "deeper" / "report.html"
    assert build_report(root, "r1", out=out).html == out
    written = out.read_text("utf-8")
    assert _without_generated_time(written) != written  # the stamp is there to take out
    assert _without_generated_time(written) == _without_generated_time(html)
    assert not list(out.parent.glob("*.tmp"))


def test_a_pivot_without_a_list_of_series_keeps_every_series_by_name():
    # seed 56: no `keep`: every series of the rows, sorted by name, a value list each,
    # None on the days of the range a series has no row
    d = dt.date(2024, 5, 1)
    rows = [(d, "b.example", 3), (d + dt.timedelta(days=2), "a.example", 5)]
    days, series = report_html._pivot(rows)
    assert days == [d, d + dt.timedelta(days=1), d + dt.timedelta(days=2)]
    assert list(series) == ["a.example", "b.example"]
    assert series == {"a.example": [None, None, 5], "b.example": [3, None, None]}


def test_a_clusters_first_copy_among_copies_seen_at_one_instant_is_the_first_url(report):
    # every copy of the fixture's story is seen at 09:00 on its first day: the first is
    # taken in URL order ("https://changed.example/..."), so two reports of one warehouse
    # agree (arg_min took any of them)
    _, _, html = report
    row = re.search(r"<h3>Biggest story clusters</h3>.*?<tbody><tr>(.*?)</tr>", html)[1]
    assert re.findall(r"<td>(.*?)</td>", row)[:4] == ["A title", "127", "Changed",
                                                    "2024-03-01 09:00"]


def test_a_section_with_nothing_in_it_says_so_in_one_paragraph():
    # seed 59: an empty section is its heading and the sentence, nothing else
    assert report_html.Section("s", "S & T").html() == (
        "<section id='s'><h2>S &amp; T</h2><p class='empty'>no data in this period</p>"
        "</section>")


def test_the_extraction_charts_show_the_eight_outlets_with_most_articles_in_that_order():
    # (seed 64) a ninth, smaller outlet is left out of every chart, not drawn with them
    import duckdb

    con = duckdb.connect()
    measures = ", ".join(f"{column} DOUBLE" for column, _, _ in report_html.MEASURES)
    con.execute(f"CREATE TABLE extraction_by_day (day DATE, outlet VARCHAR, articles INT, "
                f"{measures})")
    day = dt.date(2026, 3, 2)
    for i in range(9):  # outlet 0 has the most articles, outlet 8 the fewest
        con.execute("INSERT INTO extraction_by_day VALUES (?, ?, ?, 0.5, 0.5, 0.5, 0.5, 300)",
                    [day, f"Outlet {i}", 90 - i])
    con.execute("CREATE TABLE extraction_health (domain VARCHAR, kept INT, rejected INT)")
    con.execute("INSERT INTO extraction_health VALUES ('a.example', 3, 1)")
    con.execute("CREATE TABLE rejects (stage VARCHAR, reason VARCHAR, rejected_at TIMESTAMPTZ)")
    con.execute("INSERT INTO rejects VALUES ('extract', 'not_article', '2026-03-02 12:00Z')")
    section = report_html.extraction(report_html.Query(con, day, day))
    html = section.html()
    figures = html.split("<figure")[1:]
    assert len(figures) == len(report_html.MEASURES)
    for figure, (_, _, pct) in zip(figures, report_html.MEASURES, strict=True):
        names = re.findall(r"Outlet \d", figure)
        assert sorted(set(names), key=names.index) == [f"Outlet {i}" for i in range(8)]
        # a share's axis runs to 100 % though every share here is 50 %
        assert (">100%<" in figure) is pct
    tables = [part for part in section.parts if not part.startswith("<figure")]
    assert [part[:part.index("</h3>") + 5] for part in tables] == [
        "<h3>Kept and rejected pages per domain (all time)</h3>",
        "<h3>Rejects by stage and reason</h3>"]


def test_the_drift_note_is_one_sentence_naming_each_measure(report):
    # (seed 64) the measures that fell, joined in one sentence
    _, result, _ = report
    (note,) = result.notes
    day20 = (START + dt.timedelta(days=20)).date()
    assert note == (f"extraction drift: Changed (changed.example) from {day20}: "
                    "author, date fell against its previous 14 days (template change?)")


def test_a_run_whose_counts_do_not_add_up_is_unbalanced_and_its_times_are_shown():
    # (seed 64) inputs = kept + rejected + failed + skipped, each counted
    import duckdb

    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    con.execute("CREATE TABLE runs (run_id VARCHAR, started_at TIMESTAMPTZ, finished_at "
                "TIMESTAMPTZ, inputs INT, kept INT, rejected INT, failed INT, skipped INT, "
                "stages JSON)")
    con.execute("INSERT INTO runs VALUES ('r1', '2026-03-02 10:00:00Z', '2026-03-02 10:05:00Z',"
                " 10, 4, 3, 2, 1, NULL), ('r2', '2026-03-02 09:00:00Z', "
                "'2026-03-02 09:05:00Z', 10, 4, 3, 2, 0, NULL)")
    day = dt.date(2026, 3, 2)
    html = report_html.runs(report_html.Query(con, day, day)).html()
    assert ("<h3>r1</h3><p>2026-03-02 10:00:00 → 2026-03-02 10:05:00: inputs 10 = kept 4 + "
            "rejected 3 + failed 2 + skipped 1 (balanced)</p>") in html
    assert "skipped 0 (UNBALANCED)</p>" in html


def test_a_tables_cells_are_written_for_a_reader(monkeypatch):
    # (seed 64) no value is blank; numbers without trailing zeros; times in UTC, a time
    # without a zone as it is, whatever the process's zone
    import time

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        zoned = dt.datetime(2026, 3, 2, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
        naive = dt.datetime(2026, 3, 2, 23, 30)
        html = report_html.table(["a", "b"], [(None, 1234.5), (2.0, 0.25), (zoned, naive),
                                              ([1, "x"], "y")])
    finally:
        monkeypatch.undo()  # (the process's own TZ back, set or not)
        time.tzset()
    assert html == (
        "<div class='tw'><table><thead><tr><th>a</th><th>b</th></tr></thead><tbody>"
        "<tr><td></td><td>1,234.5</td></tr><tr><td>2</td><td>0.25</td></tr>"
        "<tr><td>2026-03-03 04:30</td><td>2026-03-02 23:30</td></tr>"
        "<tr><td>1, x</td><td>y</td></tr></tbody></table></div>")


def test_a_right_to_left_headline_takes_its_own_direction():
    # fault round 44: an Arabic or Hebrew headline in the page's left-to-right direction
    # showed its question mark and number on the wrong side
    html = report_html.table(["title", "outlet"], [("هل تنجح المفاوضات؟ 2024", "a.example"),
                                                   ("מה קרה היום?", "Haaretz")])
    assert "<td dir='auto'>هل تنجح المفاوضات؟ 2024</td><td>a.example</td>" in html
    assert "<td dir='auto'>מה קרה היום?</td><td>Haaretz</td>" in html
    assert "text-align:start" in report_html.PAGE_CSS


def test_a_long_cell_is_cut_with_its_whole_text_in_the_tooltip():
    # fault round 44: a headline of 4,691 characters was one row a screen high
    long = " ".join(f"Headline{i} & <b>" for i in range(400))
    html = report_html.table(["title"], [(long,), ("short",)])
    cell = re.search(r"<td title='([^']*)'>([^<]*)</td>", html)
    assert cell[1] == escape(long) and cell[2] == escape(long[:299]) + "…"
    assert "<td>short</td>" in html


def test_a_clusters_first_copy_is_not_one_dated_by_its_day_alone():
    # fault round 44: a republisher showing only the day (stored as midnight UTC) was the
    # first copy of the agency's story timed 14:00 that day, as in the `stories` view
    from tests.unit.storage.test_report_views import connect

    day = dt.datetime(2024, 5, 3, tzinfo=dt.UTC)
    arts = [article(1, "apnews.com", 0, title="Senate passes budget bill",
                    published_at=day + dt.timedelta(hours=14), cluster_id="c1"),
            article(2, "small.example", 0, title="Senate passes bill", published_at=day,
                    source="url", cluster_id="c1")]
    con = connect({"articles": arts})
    html = report_html.duplicates(report_html.Query(con, report_html.MIN_DAY,
                                                    report_html.MAX_DAY)).html()
    row = re.search(r"<h3>Biggest story clusters</h3>.*?<tbody><tr>(.*?)</tr>", html)[1]
    assert re.findall(r"<td>(.*?)</td>", row)[:4] == ["Senate passes budget bill", "2",
                                                    "Apnews", "2024-05-03 14:00"]
