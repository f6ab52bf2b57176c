"""The HTML report: one self-contained page (inline CSS and SVG, no script, no network)
over the DuckDB views, for a period of published days.

Sections, in order: alarms (extraction drift, failing data tests), volume, duplicates,
places and entities, fetch health, extraction health (and rejects), freshness, latest
articles, runs (reconciliation), data tests. Every chart is a <figure class="chart">
holding one <svg>.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from html import escape
from unicodedata import bidirectional

import duckdb

from tasks.storage import charts
from tasks.storage.interrupts import interruptible

MIN_DAY, MAX_DAY = date(1, 1, 1), date(9999, 12, 31)
TOP_N = 15  # bars in a ranking
TOP_LINES = 5  # series in a chart over time
MAX_ROWS = 25  # rows of a table
MAX_CELL_CHARS = 300  # characters of a table cell shown (two lines of a long headline)
RUNS_SHOWN = 5


@dataclass
class Section:
    key: str
    title: str
    parts: list[str] = field(default_factory=list)
    has_data: bool = False

    def add(self, html: str, data: bool = True) -> None:
        self.parts.append(html)
        self.has_data = self.has_data or data

    def html(self) -> str:
        """The section; consecutive charts share a responsive grid (two columns on a
        laptop, one on a phone), tables take the full width."""
        out, grid = [], []
        for part in [*self.parts, ""]:
            if part.startswith("<figure"):
                grid.append(part)
                continue
            if grid:
                out.append(f"<div class='grid2'>{''.join(grid)}</div>")
                grid = []
            out.append(part)
        body = "".join(out) or "<p class='empty'>no data in this period</p>"
        return f"<section id='{self.key}'><h2>{escape(self.title)}</h2>{body}</section>"


class Query:
    """Read-only queries with the period bound as $since / $until, each run on `con` in a
    worker thread (`interruptible`: Ctrl-C stops a long one; `con` is a cursor of its own,
    report.anchored_cursor, the connection DuckDB's interrupt reaches)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, since: date, until: date):
        self.con, self.params = con, {"since": since, "until": until}

    def rows(self, sql: str) -> tuple[list[str], list[tuple]]:
        params = {k: v for k, v in self.params.items() if f"${k}" in sql}
        cur = interruptible(self.con, lambda: self.con.execute(sql, params))
        return [d[0] for d in cur.description], interruptible(self.con, cur.fetchall)


def table(columns: list[str], rows: list[tuple], limit: int = MAX_ROWS) -> str:
    def cell(v) -> str:
        if v is None:
            return ""
        if isinstance(v, float):
            return f"{v:,.2f}".rstrip("0").rstrip(".")
        if isinstance(v, list):
            return ", ".join(map(str, v))
        if isinstance(v, datetime):
            return (v.astimezone(UTC) if v.tzinfo else v).strftime("%Y-%m-%d %H:%M")
        return str(v)

    def td(v) -> str:
        text = cell(v)
        # A headline in Arabic, Hebrew, Persian or Urdu takes its own direction: in the
        # page's left-to-right one its closing punctuation or number showed on the wrong
        # side ("?...", a date's digits reordered), and its start was on the left (fault
        # round 44). dir=auto only where such letters are, so other cells stay as they are.
        rtl = any(bidirectional(ch) in ("R", "AL") for ch in text)
        attrs = " dir='auto'" if rtl else ""
        if len(text) > MAX_CELL_CHARS:
            # a headline of 4,691 characters (a dump's first paragraph on its title line)
            # filled the screen with one row of the latest articles: cut, the whole text
            # in the cell's tooltip (fault round 44)
            attrs += f" title='{escape(text)}'"
            text = text[:MAX_CELL_CHARS - 1] + "…"
        return f"<td{attrs}>{escape(text)}</td>"

    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(td(v) for v in r) + "</tr>" for r in rows[:limit])
    more = (f"<p class='more'>{len(rows) - limit} more rows not shown</p>"
            if len(rows) > limit else "")
    return (f"<div class='tw'><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody>"
            f"</table></div>{more}")


def figure(key: str, caption: str, svg: str, note: str = "") -> str:
    if not svg:
        return ""
    note = f"<p class='note'>{escape(note)}</p>" if note else ""
    return (f"<figure class='chart' id='chart-{key}'><figcaption>{escape(caption)}"
            f"</figcaption>{svg}{note}</figure>")


def _day_range(days: list[date]) -> list[date]:
    if not days:
        return []
    first, last = min(days), max(days)
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _pivot(rows: list[tuple], keep: list[str] | None = None
           ) -> tuple[list[date], dict[str, list]]:
    """(day, series, value) rows -> every day of the range and one value list per series
    (None where a series has no row that day); `keep` orders and limits the series."""
    days = _day_range([r[0] for r in rows])
    index = {d: i for i, d in enumerate(days)}
    names = keep if keep is not None else sorted({r[1] for r in rows})
    series: dict[str, list] = {n: [None] * len(days) for n in names}
    for d, name, v in rows:
        if name in series:
            series[name][index[d]] = v
    return days, series


def _zeros(series: dict[str, list]) -> dict[str, list]:
    return {k: [v or 0 for v in vs] for k, vs in series.items()}


# Days are UTC days, whatever the zone of the process that asks (its TZ is DuckDB's
# session zone, which a cast of a TIMESTAMPTZ to DATE uses; fault round 37).
DAY = "CAST(timezone('UTC', coalesce(published_at, fetched_at)) AS DATE)"
# the first copy of a story: by day, a copy dated by its day alone after that day's timed
# ones, then by time (the `stories` view's origin rule)
FIRST = "CAST(timezone('UTC', seen) AS DATE), day_only NULLS FIRST, seen, url"


def alarms(q: Query, failing: dict[str, tuple[list[str], list[tuple]]]) -> Section:
    s = Section("alarms", "Alarms")
    cols, rows = q.rows("""
        SELECT outlet, domain, measure, min(day) AS first_day, max(day) AS last_day,
               count(*) AS days_alarmed, arg_min(baseline, day) AS baseline,
               arg_min(recent, day) AS on_first_day
        FROM extraction_drift WHERE alarm AND day BETWEEN $since AND $until
        GROUP BY ALL ORDER BY first_day, outlet, measure""")
    if rows:
        s.add("<p class='alarm'>Extraction drift: an outlet's field presence or median "
              "length fell sharply against its own previous 14 days (a template change?).</p>"
              + table(cols, rows))
    else:
        s.add("<p class='ok'>No extraction drift in this period.</p>", data=False)
    if failing:
        s.add("<p class='alarm'>Failing data tests: " + ", ".join(escape(n) for n in failing)
              + " (rows below, under Data tests).</p>")
    return s


def volume(q: Query) -> Section:
    s = Section("volume", "Volume")
    _, by_outlet = q.rows(f"""
        SELECT {DAY} AS day, coalesce(source_name, domain) AS outlet, count(*) AS n
        FROM articles WHERE {DAY} BETWEEN $since AND $until GROUP BY ALL ORDER BY day""")
    top = [r[0] for r in q.rows(f"""
        SELECT coalesce(source_name, domain) FROM articles
        WHERE {DAY} BETWEEN $since AND $until GROUP BY 1 ORDER BY count(*) DESC, 1
        LIMIT 9""")[1]]
    others = [(d, o if o in top else "others", n) for d, o, n in by_outlet]
    merged: dict[tuple, int] = {}
    for d, o, n in others:
        merged[(d, o)] = merged.get((d, o), 0) + n
    names = top + (["others"] if any(o == "others" for _, o, _ in others) else [])
    days, series = _pivot([(d, o, n) for (d, o), n in merged.items()], names)
    s.add(figure("volume-outlet", "Articles per published day, by outlet",
                 charts.stacked_bars(days, _zeros(series), "articles per day by outlet")))
    _, by_lang = q.rows(f"""
        SELECT {DAY} AS day, coalesce(language, '?') AS language, count(*) AS n
        FROM articles WHERE {DAY} BETWEEN $since AND $until GROUP BY ALL""")
    langs = [r[0] for r in q.rows(f"""
        SELECT coalesce(language, '?') FROM articles WHERE {DAY} BETWEEN $since AND $until
        GROUP BY 1 ORDER BY count(*) DESC LIMIT {TOP_LINES}""")[1]]
    days, series = _pivot(by_lang, langs)
    s.add(figure("volume-language", "Articles per published day, by language",
                 charts.lines(days, _zeros(series), "articles per day by language")))
    cols, rows = q.rows(f"""
        SELECT coalesce(source_name, domain) AS outlet, coalesce(language, '?') AS language,
               count(*) AS articles, min({DAY}) AS first_day, max({DAY}) AS last_day
        FROM articles WHERE {DAY} BETWEEN $since AND $until
        GROUP BY ALL ORDER BY articles DESC""")
    if rows:
        s.add(table(cols, rows))
    return s


def duplicates(q: Query) -> Section:
    s = Section("duplicates", "Duplicates")
    _, rows = q.rows("""SELECT day, 'copies', copy_share FROM duplicates_by_day
                        WHERE day BETWEEN $since AND $until ORDER BY day""")
    days, series = _pivot(rows, ["copies"])
    s.add(figure("duplicates-share", "Share of republished copies per published day",
                 charts.lines(days, series, "share of copies", pct=True)))
    cols, rows = q.rows(f"""
        WITH members AS (
            SELECT c.cluster_id, a.article_id, coalesce(a.source_name, a.domain) AS outlet,
                   a.title, coalesce(a.published_at, a.fetched_at) AS seen, a.url,
                   CAST(timezone('UTC', a.published_at) AS TIME) = '00:00' AS day_only
            FROM article_clusters c JOIN articles a USING (article_id)
            WHERE {DAY.replace('published_at', 'a.published_at').replace('fetched_at',
                                                                          'a.fetched_at')}
                  BETWEEN $since AND $until
        )
        SELECT first(title ORDER BY {FIRST}) AS story, count(DISTINCT article_id) AS copies,
               first(outlet ORDER BY {FIRST}) AS first_seen_copy,
               first(seen ORDER BY {FIRST}) AS first_seen,
               list(DISTINCT outlet ORDER BY outlet) AS outlets
        FROM members GROUP BY cluster_id HAVING count(DISTINCT article_id) > 1
        ORDER BY copies DESC, first_seen, cluster_id LIMIT 12""")
    # (copies seen at the same instant are taken in URL order: arg_min took any of them,
    # so one warehouse gave two reports, a syndicated story's first outlet changing; a copy
    # dated by its day alone, stored at midnight UTC, comes after that day's timed copies,
    # as in the `stories` view: fault round 44)
    if rows:
        s.add("<h3>Biggest story clusters</h3>" + table(cols, rows))
    return s


def places_entities(q: Query) -> Section:
    s = Section("places", "Places and entities")
    _, ranked = q.rows(f"""
        SELECT iso2, sum(articles) AS n FROM unique_places_by_day
        WHERE day BETWEEN $since AND $until GROUP BY 1 ORDER BY n DESC, 1 LIMIT {TOP_N}""")
    s.add(figure("places-ranked", "Places: stories mentioning each country (ISO 3166)",
                 charts.ranked_bars([(c, n) for c, n in ranked], "places ranked")))
    if ranked:
        top = [c for c, _ in ranked[:TOP_LINES]]
        _, rows = q.rows("""SELECT day, iso2, sum(articles) FROM unique_places_by_day
                            WHERE day BETWEEN $since AND $until GROUP BY ALL""")
        days, series = _pivot(rows, top)
        s.add(figure("places-time", "Top places over time (stories per day)",
                     charts.lines(days, _zeros(series), "places over time")))
    _, ranked = q.rows(f"""
        SELECT entity || ' (' || label || ')', sum(articles) AS n FROM top_entities_by_day
        WHERE day BETWEEN $since AND $until AND label NOT IN ('GPE')
        GROUP BY 1 ORDER BY n DESC, 1 LIMIT {TOP_N}""")
    s.add(figure("entities-ranked", "Top entities: stories mentioning each (people, "
                 "organisations, nationalities)",
                 charts.ranked_bars([(e, n) for e, n in ranked], "entities ranked")))
    if ranked:
        top = [e for e, _ in ranked[:TOP_LINES]]
        _, rows = q.rows("""SELECT day, entity || ' (' || label || ')', sum(articles)
                            FROM top_entities_by_day WHERE day BETWEEN $since AND $until
                            GROUP BY ALL""")
        days, series = _pivot(rows, top)
        s.add(figure("entities-time", "Top entities over time (stories per day)",
                     charts.lines(days, _zeros(series), "entities over time")))
    return s


FETCHED = "CAST(timezone('UTC', fetched_at) AS DATE) BETWEEN $since AND $until"
HOST = "regexp_extract(url, '^[a-zA-Z]+://([^/:?#]+)', 1)"


def fetch_health(q: Query) -> Section:
    s = Section("fetch", "Fetch health per host")
    cols, rows = q.rows(f"""
        SELECT {HOST} AS host, count(*) AS fetches, sum(coalesce(attempts, 1)) AS requests,
               round(avg(CASE WHEN error IS NULL THEN 1 ELSE 0 END), 3) AS success_rate,
               count(*) FILTER (WHERE error IS NOT NULL) AS errors,
               round(median(elapsed_ms), 1) AS median_ms,
               round(quantile_cont(elapsed_ms, 0.9), 1) AS p90_ms
        FROM fetch_log WHERE {FETCHED} GROUP BY 1 ORDER BY fetches DESC""")
    if not rows:
        return s
    s.add(figure("fetch-success", "Success rate per host",
                 charts.ranked_bars([(r[0], r[3]) for r in rows[:TOP_N]], "success rate",
                                    pct=True)))
    s.add(figure("fetch-latency", "Median latency per host (ms; p90 in the table)",
                 charts.ranked_bars([(r[0], r[5] or 0) for r in rows[:TOP_N]], "latency",
                                    unit=" ms")))
    s.add(table(cols, rows))
    cols, errs = q.rows(f"""
        SELECT error, count(*) AS fetches, count(DISTINCT {HOST}) AS hosts,
               list(DISTINCT {HOST} ORDER BY {HOST}) AS host_list
        FROM fetch_log WHERE error IS NOT NULL AND {FETCHED}
        GROUP BY error ORDER BY fetches DESC""")
    if errs:
        s.add(figure("fetch-errors", "Errors by kind",
                     charts.ranked_bars([(r[0], r[1]) for r in errs[:TOP_N]], "errors")))
        s.add(table(cols, errs))
    return s


MEASURES = [("title_share", "Share with a title", True),
            ("date_share", "Share with a date on the page", True),
            ("author_share", "Share with an author", True),
            ("body_share", "Share with a full body (100+ words)", True),
            ("median_words", "Median length (words)", False)]


def extraction(q: Query) -> Section:
    s = Section("extraction", "Extraction health per outlet over time")
    outlets = [r[0] for r in q.rows("""
        SELECT outlet FROM extraction_by_day WHERE day BETWEEN $since AND $until
        GROUP BY 1 ORDER BY sum(articles) DESC LIMIT 8""")[1]]
    for column, caption, pct in MEASURES:
        _, rows = q.rows(f"""SELECT day, outlet, {column} FROM extraction_by_day
                             WHERE day BETWEEN $since AND $until""")
        days, series = _pivot(rows, outlets)
        s.add(figure(f"extraction-{column.replace('_', '-')}", caption,
                     charts.lines(days, series, caption, pct=pct,
                                  y_max=1.0 if pct else None)))
    cols, rows = q.rows("""SELECT * FROM extraction_health ORDER BY kept + rejected DESC""")
    if rows:
        s.add("<h3>Kept and rejected pages per domain (all time)</h3>" + table(cols, rows))
    cols, rows = q.rows("""SELECT stage, reason, count(*) AS records FROM rejects
                           WHERE CAST(timezone('UTC', rejected_at) AS DATE)
                                 BETWEEN $since AND $until
                           GROUP BY ALL ORDER BY records DESC""")
    if rows:
        s.add("<h3>Rejects by stage and reason</h3>" + table(cols, rows))
    return s


def latest(q: Query) -> Section:
    s = Section("latest", "Latest articles")
    cols, rows = q.rows(f"""
        SELECT coalesce(published_at, fetched_at) AS seen_at,
               coalesce(source_name, domain) AS outlet, title, word_count, language
        FROM articles WHERE {DAY} BETWEEN $since AND $until
        ORDER BY seen_at DESC NULLS LAST, run_id DESC LIMIT {MAX_ROWS}""")
    if rows:
        s.add(table(cols, rows))
    return s


def freshness(q: Query) -> Section:
    s = Section("freshness", "Freshness per source")
    cols, rows = q.rows("""SELECT * FROM freshness ORDER BY stored_articles DESC""")
    if not rows:
        return s
    lagged = [(r[1], r[3]) for r in rows if r[3] is not None][:TOP_N]
    s.add(figure("freshness-lag", "Median lag from publication to first fetch (hours)",
                 charts.ranked_bars(lagged, "lag", unit=" h")))
    costly = [(r[1], r[6]) for r in rows if r[6] is not None][:TOP_N]
    s.add(figure("freshness-requests", "Requests spent per stored article",
                 charts.ranked_bars(costly, "requests per article")))
    s.add(table(cols, rows))
    return s


def reconciliation(inputs: int | None, kept: int | None, rejected: int | None,
                   failed: int | None, skipped: int | None) -> str:
    """Whether a run's totals add up. A manifest that lacks its totals, or one of them
    (edited by hand, written by another tool), reads them as NULL in the runs view, and
    their sum was a TypeError that ended `pressroom report` in a traceback, with no
    report (fault round 63). The data test `runs_conserve_records` flags such a run, one
    total or all of them missing (round 64); "totals missing" says why."""
    if inputs is None or None in (kept, rejected, failed, skipped):
        return "totals missing"
    return "balanced" if inputs == kept + rejected + failed + skipped else "UNBALANCED"


def runs(q: Query) -> Section:
    s = Section("runs", f"Last runs: reconciliation (up to {RUNS_SHOWN})")
    cols, found = q.rows(f"""
        SELECT run_id, started_at, finished_at, inputs, kept, rejected, failed, skipped,
               CAST(stages AS VARCHAR) AS stages
        FROM runs WHERE CAST(timezone('UTC', started_at) AS DATE) BETWEEN $since AND $until
        ORDER BY started_at DESC LIMIT {RUNS_SHOWN}""")
    import json

    for run_id, started, finished, inputs, kept, rejected, failed, skipped, stages in found:
        stage_rows = [(st["stage"], st["received"], st["passed"], st["rejected"],
                       st["failed"], st["skipped"]) for st in json.loads(stages or "[]")]
        balance = reconciliation(inputs, kept, rejected, failed, skipped)
        inputs, kept, rejected, failed, skipped = (
            "?" if n is None else n for n in (inputs, kept, rejected, failed, skipped))
        s.add(f"<h3>{escape(run_id)}</h3><p>{escape(str(started)[:19])} → "
              f"{escape(str(finished)[:19])}: inputs {inputs} = kept {kept} + rejected "
              f"{rejected} + failed {failed} + skipped {skipped} ({balance})</p>"
              + table(["stage", "received", "passed", "rejected", "failed", "skipped"],
                      stage_rows))
    return s


def data_tests(results: dict[str, tuple[list[str], list[tuple]]]) -> Section:
    s = Section("data-tests", "Data tests")
    rows = [(name, "ok" if not r else f"FAILING: {len(r)} row(s)")
            for name, (_, r) in results.items()]
    s.add(table(["data test", "result"], rows, limit=len(rows) or 1))
    for name, (cols, failing) in results.items():
        if failing:
            s.add(f"<h3 class='alarm'>{escape(name)}</h3>" + table(cols, failing))
    return s


PAGE_CSS = (
    "body{font-family:system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:12px;"
    "color:#222;line-height:1.4}h1{font-size:1.4em}h2{border-bottom:2px solid #ddd;"
    "padding-top:8px}h3{font-size:1em}"
    "nav{display:flex;flex-wrap:wrap;gap:2px 12px}nav a{white-space:nowrap}"
    ".grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,440px),1fr));gap:16px}"
    "figure{margin:8px 0}figcaption{font-weight:600;font-size:.9em}"
    ".tw{overflow-x:auto}table{border-collapse:collapse;margin:6px 0 14px;font-size:13px}"
    "td,th{border:1px solid #ddd;padding:3px 6px;text-align:start;vertical-align:top}"
    "th{background:#f3f3f3}.alarm{color:#b00020;font-weight:600}.ok{color:#1b7f3b}"
    ".empty,.more,.note{color:#777;font-size:.9em}"
    "#alarms{background:#fff8f0;padding:4px 10px;border-radius:6px}"
)


def render(con: duckdb.DuckDBPyConnection, title: str, since: date | None,
           until: date | None, test_results: dict[str, tuple[list[str], list[tuple]]]
           ) -> tuple[str, list[Section]]:
    q = Query(con, since or MIN_DAY, until or MAX_DAY)
    failing = {n: r for n, r in test_results.items() if r[1]}
    sections = [alarms(q, failing), volume(q), duplicates(q), places_entities(q),
                fetch_health(q), extraction(q), freshness(q), latest(q), runs(q),
                data_tests(test_results)]
    period = (f"published {since or 'any time'} to {until or 'now'}" if since or until
              else "all published days")
    nav = "".join(f"<a href='#{s.key}'>{escape(s.title.split(':')[0])}</a>" for s in sections)
    body = [sec.html() for sec in sections]
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    page = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width,initial-scale=1'>"
            f"<title>{escape(title)}</title><style>{PAGE_CSS}{charts.CSS}</style></head>"
            f"<body><h1>{escape(title)}</h1><p>{escape(period)} · generated {generated}</p>"
            f"<nav>{nav}</nav>{''.join(body)}</body></html>")
    return page, sections
