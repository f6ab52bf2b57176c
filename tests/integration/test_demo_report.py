"""The demo, end to end: the generated news site served on loopback, one ingest flow run
under Prefect, the report. Every section shows data, the drift alarm fires for the outlet
whose template changed and for no other, the run publishes its artifacts, and a real
browser (headless Chromium) renders every chart."""

from __future__ import annotations

import re
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.demo import run_demo
from flows.demo_site import BROKEN_OUTLET, CHANGING_OUTLET, OUTLETS, generate
from tasks.common.settings import Settings
from tasks.storage.report import connect_views

pytestmark = pytest.mark.integration

# Smaller than `pressroom demo` (28 days x 2.5), enough for a 14-day baseline.
DAYS, PER_DAY = 24, 1.6
MAX_REPORT_BYTES = 1_000_000  # the README's promise: a report one can e-mail
CHROMIUM = Path("/usr/bin/chromium")
SECTIONS = ["alarms", "volume", "duplicates", "places", "fetch", "extraction", "freshness",
            "latest", "runs", "data-tests"]


@pytest.fixture(scope="module")
def demo(prefect_harness, tmp_path_factory):
    warehouse = tmp_path_factory.mktemp("demo") / "warehouse"
    manifest = run_demo(Settings(warehouse=warehouse), days=DAYS, per_day=PER_DAY, port=0)
    return warehouse, manifest


def _outlet(key: str):
    return next(o for o in OUTLETS if o.key == key)


def test_generator_is_deterministic_and_dates_nothing_after_today():
    a, b = generate(seed=3, days=10, per_day=2), generate(seed=3, days=10, per_day=2)
    assert a.pages == b.pages and a.articles == b.articles
    assert generate(seed=4, days=10, per_day=2).pages != a.pages
    assert max(x.published for x in a.articles).date() < a.today
    copies = [x for x in a.articles if x.copy_of]
    assert copies and all(x.outlet != "wire" for x in copies)
    changed = _outlet(CHANGING_OUTLET)
    after = [x for x in a.articles if x.outlet == CHANGING_OUTLET
             and x.published.date() >= a.change_day]
    page = a.pages[changed.ip][after[0].path][2].decode()
    assert "name='author'" not in page and "published_time" not in page


def test_demo_ingests_every_outlet_and_alarms_only_the_changed_one(demo):
    warehouse, manifest = demo
    site = generate(days=DAYS, per_day=PER_DAY)
    assert not any(manifest["data_tests"].values()), manifest["data_tests"]
    con = connect_views(Path(manifest["database"]))
    try:
        per_outlet = dict(con.execute(
            "SELECT domain, count(*) FROM articles GROUP BY 1").fetchall())
        expected = {o.ip: sum(1 for a in site.articles if a.outlet == o.key) for o in OUTLETS}
        assert per_outlet == expected
        alarmed = con.execute("""SELECT domain, min(day), list(DISTINCT measure)
                                 FROM extraction_drift WHERE alarm GROUP BY 1""").fetchall()
        copies = con.execute("SELECT sum(copies) FROM duplicates_by_day").fetchone()[0]
        errors = dict(con.execute("""SELECT error, count(*) FROM fetch_log
                                     WHERE error IS NOT NULL GROUP BY 1""").fetchall())
        fresh = con.execute("SELECT domain, requests_per_article FROM freshness").fetchall()
    finally:
        con.close()
    changed = _outlet(CHANGING_OUTLET)
    assert [d for d, _, _ in alarmed] == [changed.ip], alarmed
    (_, first_day, measures), = alarmed
    assert site.change_day <= first_day <= site.change_day + timedelta(days=3)
    assert set(measures) == {"author", "date"}
    assert copies >= sum(1 for a in site.articles if a.copy_of) * 0.9
    assert errors == {"http_500": 2, "http_404": 2}, errors  # the broken pages, nothing else
    assert {d for d, r in fresh if r and r >= 1} == {o.ip for o in OUTLETS}
    assert any(_outlet(BROKEN_OUTLET).ip == d for d, _ in fresh)
    notes = [n for n in manifest["notes"] if n.startswith("extraction drift")]
    assert len(notes) == 1 and changed.name in notes[0], manifest["notes"]


def test_report_has_data_in_every_section_and_stays_small(demo):
    _, manifest = demo
    report = Path(manifest["report"])
    html = report.read_text("utf-8")
    assert report.stat().st_size < MAX_REPORT_BYTES
    assert not re.search(r"<(script|link|img|iframe)\b", html)  # nothing to fetch or run
    assert "http://" not in html.split("<body>")[0]
    for key in SECTIONS:
        section = re.search(rf"<section id='{key}'>(.*?)</section>", html, re.S)
        assert section, key
        assert "no data in this period" not in section.group(1), key
    alarms = re.search(r"<section id='alarms'>(.*?)</section>", html, re.S).group(1)
    assert _outlet(CHANGING_OUTLET).name in alarms
    assert not any(o.name in alarms for o in OUTLETS if o.key != CHANGING_OUTLET)
    assert html.count("<figure class='chart'") >= 14


def test_the_run_publishes_summary_reconciliation_and_report_link(demo):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    _, manifest = demo
    with get_client(sync_client=True) as client:
        found = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(
            any_=["ingest-summary", "ingest-reconciliation", "ingest-report"])))
    latest = {}
    for a in sorted(found, key=lambda a: a.created):
        latest[a.key] = a
    assert set(latest) == {"ingest-summary", "ingest-reconciliation", "ingest-report"}
    assert manifest["run_id"] in latest["ingest-summary"].data
    assert "extraction drift" in latest["ingest-summary"].data
    assert '"stage": "fetch"' in latest["ingest-reconciliation"].data
    assert Path(manifest["report"]).resolve().as_uri() in latest["ingest-report"].data


def test_report_command_filters_the_period_and_writes_where_asked(demo, tmp_path):
    warehouse, _ = demo
    site = generate(days=DAYS, per_day=PER_DAY)
    out = tmp_path / "week.html"
    since = site.today - timedelta(days=7)
    result = CliRunner().invoke(app, ["report", "--warehouse", str(warehouse), "--since",
                                      str(since), "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text("utf-8")
    assert f"published {since} to now" in html
    days = re.findall(r"<title>Harbour Gazette (\d{4}-\d\d-\d\d): ", html)
    assert days and min(days) >= str(since)
    bad = CliRunner().invoke(app, ["report", "--warehouse", str(warehouse), "--until", "May"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def _browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install '.[test]')")
    if not CHROMIUM.exists():
        pytest.skip(f"no browser: {CHROMIUM} is missing and could not be installed "
                    "(make test runs apt-get install -y chromium)")
    return sync_playwright


def test_headless_chromium_renders_every_chart(demo, tmp_path):
    sync_playwright = _browser()
    _, manifest = demo
    report = Path(manifest["report"]).resolve()
    shutil.copy(report, tmp_path / "report.html")
    problems: list[str] = []
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update",
                  "--no-first-run", "--disable-sync"])
        try:
            for width in (1280, 390):  # a laptop and a phone
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.on("console", lambda m: problems.append(m.text) if m.type == "error"
                        else None)
                page.on("pageerror", lambda e: problems.append(str(e)))
                page.on("request", lambda r: requests.append(r.url))
                page.goto((tmp_path / "report.html").as_uri())
                shot = tmp_path / f"report-{width}.png"
                page.screenshot(path=str(shot), full_page=True)
                assert shot.stat().st_size > 10_000
                charts = page.eval_on_selector_all("figure.chart", """figs => figs.map(f => {
                    const svg = f.querySelector('svg');
                    const box = svg ? svg.getBoundingClientRect() : null;
                    return {id: f.id, marks: svg ? svg.querySelectorAll(
                              'rect,polyline,circle').length : 0,
                            width: box ? box.width : 0, height: box ? box.height : 0};
                })""")
                assert len(charts) >= 14
                for c in charts:
                    assert c["marks"] > 0 and c["width"] > 50 and c["height"] > 20, c
                # a phone gets no horizontal scrolling of the page (tables scroll inside)
                overflow = page.evaluate("document.documentElement.scrollWidth - "
                                         "document.documentElement.clientWidth")
                assert overflow <= 1, (width, overflow)
                page.close()
        finally:
            browser.close()
    assert problems == []
    assert all(u.startswith("file://") for u in requests), requests
