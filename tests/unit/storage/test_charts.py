"""The report's inline SVG charts and the HTML around them."""

from __future__ import annotations

import itertools
import math
import re
from datetime import date, timedelta
from xml.etree import ElementTree

from tasks.storage import charts, report_html

DAYS = [date(2024, 5, 1) + timedelta(days=i) for i in range(5)]


def svg_of(html: str) -> ElementTree.Element:
    return ElementTree.fromstring(re.search(r"<svg.*</svg>", html, re.S).group(0))


def count(svg: ElementTree.Element, tag: str) -> int:
    return len(svg.findall(f".//{{http://www.w3.org/2000/svg}}{tag}"))


def test_lines_break_where_a_series_has_no_value_and_scale_to_the_top():
    html = charts.lines(DAYS, {"a": [1, 2, None, 4, 5], "b": [0.5] * 5}, "t")
    svg = svg_of(html)
    assert count(svg, "polyline") == 3  # a: two runs around the gap, b: one
    assert count(svg, "circle") == 9
    assert ">5</text>" in html and "a 2024-05-04: 4" in html
    assert "<i style='background:#0072B2'></i>a" in html  # legend in series order


def test_a_long_range_keeps_markers_only_for_points_no_line_joins():
    days = [date(2020, 1, 1) + timedelta(days=i) for i in range(charts.MARKERS_MAX_DAYS + 1)]
    values = [float(i % 7) for i in range(len(days))]
    values[10] = values[12] = None  # day 11 stands alone between two gaps
    svg = svg_of(charts.lines(days, {"a": values}, "t"))
    assert count(svg, "polyline") == 3
    circles = list(svg.iter("{http://www.w3.org/2000/svg}circle"))
    assert len(circles) == 1 and "a 2020-01-12: 4" in circles[0].findtext(
        "{http://www.w3.org/2000/svg}title")
    # one day fewer: every point has its marker again
    short = svg_of(charts.lines(days[:-1], {"a": values[:-1]}, "t"))
    assert count(short, "circle") == len(days) - 1 - 2


def test_percentages_are_shown_as_such():
    html = charts.lines(DAYS, {"share": [0.5, 0.25, 1, 0, 0.75]}, "t", pct=True, y_max=1.0)
    assert ">100%</text>" in html and "share 2024-05-02: 25%" in html


def test_stacked_bars_stack_each_day_and_skip_zeros():
    html = charts.stacked_bars(DAYS, {"x": [1, 0, 2, 0, 1], "y": [1, 1, 0, 0, 3]}, "t")
    svg = svg_of(html)
    assert count(svg, "rect") == 6
    heights = [float(r.get("height")) for r in svg.iter("{http://www.w3.org/2000/svg}rect")]
    # day 5: x=1 and y=3 stacked -> y is three times as tall as x
    assert abs(heights[-1] / heights[2] - 3) < 0.05


def test_ranked_bars_are_proportional():
    svg = svg_of(charts.ranked_bars([("FR", 10), ("DE", 5), ("PL", 0)], "t"))
    widths = [float(r.get("width")) for r in svg.iter("{http://www.w3.org/2000/svg}rect")]
    assert widths[0] == 2 * widths[1] and widths[2] == 0


def test_nothing_to_draw_gives_no_chart():
    assert charts.lines([], {}, "t") == ""
    assert charts.lines(DAYS, {"a": [None] * 5}, "t") == ""
    assert charts.stacked_bars(DAYS, {"a": [0] * 5}, "t") == ""
    assert charts.ranked_bars([], "t") == ""
    assert report_html.figure("k", "caption", "") == ""


def test_pivot_fills_every_day_of_the_range():
    days, series = report_html._pivot([(DAYS[0], "a", 1), (DAYS[3], "a", 4),
                                       (DAYS[1], "b", 2)], ["a", "b"])
    assert days == DAYS[:4]
    assert series == {"a": [1, None, None, 4], "b": [None, 2, None, None]}


def test_failing_data_tests_are_shown_with_their_rows():
    section = report_html.data_tests({
        "fine": (["id"], []),
        "published_at_not_in_future": (["article_id", "published_at"], [("a1", "2031-01-01")]),
    })
    html = section.html()
    assert "FAILING: 1 row(s)" in html and "<td>a1</td>" in html and "<td>ok</td>" in html
    alarm = report_html.alarms(_NoDrift(), {"published_at_not_in_future": (["x"], [(1,)])})
    assert "Failing data tests: published_at_not_in_future" in alarm.html()


class _NoDrift:
    def rows(self, sql):
        return ["outlet"], []


def test_the_y_scale_ends_on_a_round_number_at_or_above_the_top_value():
    assert [charts._nice_max(v) for v in (0, 1, 1.5, 3, 7, 10, 100, 120, 0.4)] == \
        [1.0, 1, 2, 5, 10, 10, 100, 200, 0.5]


def test_the_axes_put_zero_at_the_bottom_the_top_at_the_top_and_label_short_ranges_daily():
    svg, x, y = charts._axes(DAYS, 10, pct=False)
    assert y(10) == charts.TOP and y(0) == charts.H - charts.BOTTOM
    assert y(5) == (y(0) + y(10)) / 2
    assert x(0) < x(1) < x(4) < charts.W - charts.RIGHT
    assert re.findall(r"class='xl'>([^<]+)<", svg) == [f"{d:%b %d}" for d in DAYS]


def test_a_ranked_bar_value_is_written_just_after_its_bar():
    svg = svg_of(charts.ranked_bars([("FR", 10), ("DE", 5)], "t"))
    ns = "{http://www.w3.org/2000/svg}"
    bars = list(svg.iter(f"{ns}rect"))
    values = [t for t in svg.iter(f"{ns}text") if t.get("class") == "bv"]
    assert [t.text for t in values] == ["10", "5"]
    for bar, value in zip(bars, values, strict=True):
        end = float(bar.get("x")) + float(bar.get("width"))
        assert end < float(value.get("x")) <= end + 10


def test_the_days_fill_the_plot_evenly_between_its_margins():
    _, x, _ = charts._axes(DAYS, 10, pct=False)
    # each day has a slot of the same width; the first and last slots touch the margins
    slot = (charts.W - charts.RIGHT - charts.LEFT) / len(DAYS)
    assert [round(x(i), 6) for i in range(len(DAYS))] == \
        [round(charts.LEFT + slot * (i + 0.5), 6) for i in range(len(DAYS))]
    assert round(x(0) - charts.LEFT, 6) == round(charts.W - charts.RIGHT - x(len(DAYS) - 1), 6)


def test_a_single_day_is_drawn_in_the_middle_and_labelled_once():
    svg = charts.lines(DAYS[:1], {"a": [3]}, "t")
    circle = svg_of(svg).find(".//{http://www.w3.org/2000/svg}circle")
    middle = (charts.LEFT + charts.W - charts.RIGHT) / 2
    assert float(circle.get("cx")) == round(middle, 1)
    assert re.findall(r"class='xl'>([^<]+)<", svg) == ["May 01"]
    bars = svg_of(charts.stacked_bars(DAYS[:1], {"a": [3]}, "t"))
    rect = bars.find(".//{http://www.w3.org/2000/svg}rect")
    assert abs(float(rect.get("x")) + float(rect.get("width")) / 2 - middle) < 0.1


def test_a_y_label_sits_on_its_grid_line():
    svg, _, _ = charts._axes(DAYS, 10, pct=False)
    lines_y = [float(v) for v in re.findall(r"<line [^>]*y1='([\d.]+)'", svg)]
    labels_y = [float(v) for v in re.findall(r"<text [^>]*y='([\d.]+)' class='yl'", svg)]
    assert len(lines_y) == len(labels_y) == 5
    # an 11px label's baseline a third of its height below the line centres it on the line
    for line, label in zip(lines_y, labels_y, strict=True):
        assert 0 < label - line < 11 / 2


def test_ranked_bars_fit_their_viewbox_with_room_for_the_values():
    items = [("FR", 120.0), ("DE", 60.0), ("PL", 30.0)]
    svg = svg_of(charts.ranked_bars(items, "t"))
    ns = "{http://www.w3.org/2000/svg}"
    _, _, width, height = (float(v) for v in svg.get("viewBox").split())
    bars = list(svg.iter(f"{ns}rect"))
    assert len(bars) == 3
    for bar in bars:  # every bar inside, the longest leaving room for its value's text
        assert float(bar.get("y")) + float(bar.get("height")) <= height
        assert float(bar.get("x")) + float(bar.get("width")) <= width - 40
    values = [t for t in svg.iter(f"{ns}text") if t.get("class") == "bv"]
    assert all(float(t.get("x")) < width - 30 for t in values)
    assert float(bars[-1].get("y")) + float(bars[-1].get("height")) > height - 10  # no gap


NAN, INF = float("nan"), float("inf")


def _coordinates(svg: ElementTree.Element) -> list[float]:
    """Every number the SVG places something at: it must be finite to be drawn."""
    numbers = []
    for el in svg.iter():
        for attr in ("x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "width", "height"):
            if el.get(attr) is not None:
                numbers.append(float(el.get(attr)))
        for point in (el.get("points") or "").split():
            numbers += [float(c) for c in point.split(",")]
    return numbers


def test_the_y_scale_of_a_top_that_is_not_finite_is_still_a_scale():
    """Fault round 12: `_nice_max(inf)` raised OverflowError, of NaN it gave NaN (a
    scale of `nan` coordinates), and of a top near the largest double a 309-digit integer
    no float holds (OverflowError when a value was divided by it)."""
    assert [charts._nice_max(v) for v in (INF, -INF, NAN)] == [1.0, 1.0, 1.0]
    for v in (1.7e308, 1.7976931348623157e308, 9e307):
        top = charts._nice_max(v)
        assert top >= v and top < INF


def test_values_that_are_not_finite_are_no_marks_and_break_no_chart():
    """Fault round 12: an infinite value (a double column of another writer) raised
    OverflowError out of `lines` and `stacked_bars`, a NaN wrote `nan` into the SVG's
    coordinates (and `ranked_bars` wrote both); now it is no value that day."""
    for values in ([1, NAN, 3, 4, 5], [NAN, 2, 3, 4, 5], [1, 2, INF, 4, -INF]):
        svg = svg_of(charts.lines(DAYS, {"a": values}, "t"))
        assert all(map(math.isfinite, _coordinates(svg)))
        assert count(svg, "circle") == sum(1 for v in values if abs(v) < INF)
        svg = svg_of(charts.stacked_bars(DAYS, {"a": values, "b": [1] * 5}, "t"))
        assert all(map(math.isfinite, _coordinates(svg)))
        assert count(svg, "rect") == 5 + sum(1 for v in values if abs(v) < INF)
    html = charts.ranked_bars([("FR", 10), ("DE", INF), ("PL", NAN), ("CZ", 5)], "t")
    svg = svg_of(html)
    widths = [float(r.get("width")) for r in svg.iter("{http://www.w3.org/2000/svg}rect")]
    assert widths[0] == 2 * widths[3] and widths[1] == widths[2] == 0
    assert all(map(math.isfinite, _coordinates(svg)))
    assert ">inf</text>" in html and ">nan</text>" in html
    assert charts.lines(DAYS, {"a": [NAN] * 5}, "t") == ""


def test_values_below_zero_get_no_bar_and_never_leave_the_chart():
    """Fault round 12: the freshness chart's median lag is negative for an outlet whose
    pages are dated after their fetch (a zone misread: the date rule allows a day). Of
    two such lags the larger, below zero, was the top: -1 h and -10 h were drawn as bars
    420 and 4,200 units wide in a viewBox 640 wide; beside positive lags a negative one
    got a 1-unit bar. Now a value below zero has no bar and its number beside it."""
    for items in ([("a", -1.0), ("b", -10.0)], [("a", 5.0), ("b", -10.0), ("c", 0.0)]):
        html = charts.ranked_bars(items, "lag", unit=" h")
        svg = svg_of(html)
        width = float(svg.get("viewBox").split()[2])
        rects = list(svg.iter("{http://www.w3.org/2000/svg}rect"))
        assert all(float(r.get("x")) + float(r.get("width")) <= width for r in rects)
        assert [float(r.get("width")) > 0 for r in rects] == [v > 0 for _, v in items]
        assert ">-10 h</text>" in html


def test_stacked_bars_of_three_series_tile_each_day_and_share_its_width():
    """Each part of a day's bar starts where the one below it ends (the running base
    of every series so far, not the last one alone), and a bar is 80 % of a day's width."""
    html = charts.stacked_bars(DAYS, {"x": [1] * 5, "y": [2] * 5, "z": [3] * 5}, "t")
    rects = list(svg_of(html).iter("{http://www.w3.org/2000/svg}rect"))
    day_one = [r for r in rects if f" {DAYS[0]}: " in r.findtext(
        "{http://www.w3.org/2000/svg}title")]
    assert len(day_one) == 3
    for below, above in itertools.pairwise(day_one):
        assert abs(float(above.get("y")) + float(above.get("height"))
                   - float(below.get("y"))) < 0.11
    plot_w = charts.W - charts.LEFT - charts.RIGHT
    assert {float(r.get("width")) for r in rects} == {round(plot_w / 5 * 0.8, 1)}


def test_ranked_shares_are_drawn_against_the_whole_and_a_tiny_value_gets_a_sliver():
    """Percentages are bars of 100 %, not of the largest share; a value far below the
    top still gets a bar 1 unit wide, to be seen."""
    svg = svg_of(charts.ranked_bars([("FR", 0.5), ("DE", 0.25)], "t", pct=True))
    widths = [float(r.get("width")) for r in svg.iter("{http://www.w3.org/2000/svg}rect")]
    span = charts.W - 150 - 70
    assert widths == [span * 0.5, span * 0.25]
    svg = svg_of(charts.ranked_bars([("FR", 1000.0), ("DE", 0.001)], "t"))
    widths = [float(r.get("width")) for r in svg.iter("{http://www.w3.org/2000/svg}rect")]
    assert widths == [span, 1.0]


SVG = "{http://www.w3.org/2000/svg}"


def test_a_stacked_bar_stands_on_the_axis_and_reaches_its_days_total():
    html = charts.stacked_bars(DAYS, {"x": [1, 2, 3, 4, 5], "y": [5, 4, 3, 2, 1]}, "t")
    rects = list(svg_of(html).iter(f"{SVG}rect"))
    _, _, y = charts._axes(DAYS, 10, pct=False)  # every day totals 6: a scale up to 10
    for day in DAYS:
        parts = [r for r in rects if f" {day}: " in r.findtext(f"{SVG}title")]
        bottom, top = parts[0], parts[-1]
        assert abs(float(bottom.get("y")) + float(bottom.get("height")) - y(0)) < 0.11
        assert abs(float(top.get("y")) - y(6)) < 0.11


def test_a_charts_svg_holds_no_text_between_its_marks():
    """Only labels and hover titles are text: nothing stray between the elements, which
    a browser would draw in no place and a screen reader would read out."""
    for html in (charts.lines(DAYS, {"a": [1, 2, None, 4, 5], "b": [0.5] * 5}, "t"),
                 charts.stacked_bars(DAYS, {"x": [1, 0, 2, 0, 1], "y": [1, 1, 0, 0, 3]}, "t"),
                 charts.ranked_bars([("FR", 10), ("DE", 5)], "t")):
        svg = svg_of(html)
        assert not (svg.text or "").strip()
        assert all(not (el.tail or "").strip() for el in svg.iter() if el is not svg)


def test_ranked_values_below_one_are_drawn_against_the_largest():
    # a lag of half an hour and a quarter (not shares): the largest fills the span
    svg = svg_of(charts.ranked_bars([("FR", 0.5), ("DE", 0.25)], "lag", unit=" h"))
    widths = [float(r.get("width")) for r in svg.iter(f"{SVG}rect")]
    assert widths == [charts.W - 150 - 70, (charts.W - 150 - 70) / 2]


def test_a_ranked_bar_reads_as_one_line_its_name_its_bar_and_its_value():
    """The name left of the bar, the value right of it, on one baseline centred on the
    bar (an 11px text's baseline a third of its height below the middle); a long name is
    cut to the 24 characters its column holds (about 6 units a character), whole in the
    bar's hover title; a share is written as a percentage; every bar in one colour."""
    long = "Agence France-Presse International Service"
    html = charts.ranked_bars([(long, 0.5), ("DE", 0.25), ("PL", 0.125)], "t", pct=True)
    svg = svg_of(html)
    bars = list(svg.iter(f"{SVG}rect"))
    names = [t for t in svg.iter(f"{SVG}text") if t.get("class") == "bl"]
    values = [t for t in svg.iter(f"{SVG}text") if t.get("class") == "bv"]
    assert [t.text for t in names] == [long[:24], "DE", "PL"]
    assert [t.text for t in values] == ["50%", "25%", "12%"]
    assert bars[0].findtext(f"{SVG}title") == f"{long}: 50%"
    for bar, name, value in zip(bars, names, values, strict=True):
        middle = float(bar.get("y")) + float(bar.get("height")) / 2
        assert name.get("y") == value.get("y")
        assert 0 < float(name.get("y")) - middle < 11 / 2
        assert float(name.get("x")) < float(bar.get("x"))
    assert {bar.get("fill") for bar in bars} == {charts.colour(0)}


def test_lines_scale_to_the_top_they_are_given():
    # shares all under a third, drawn against the whole (y_max=1.0), not against 50 %
    html = charts.lines(DAYS, {"share": [0.1, 0.3, 0.2, 0.25, 0.05]}, "t", pct=True, y_max=1.0)
    assert re.findall(r"class='yl'>([^<]+)<", html) == ["0%", "25%", "50%", "75%", "100%"]


def test_a_long_range_has_no_markers_on_a_run_of_two_points():
    days = [date(2020, 1, 1) + timedelta(days=i) for i in range(charts.MARKERS_MAX_DAYS + 1)]
    values = [1.0] * len(days)
    values[10] = values[13] = None  # days 12 and 13: two points a line joins
    svg = svg_of(charts.lines(days, {"a": values}, "t"))
    assert count(svg, "polyline") == 3 and count(svg, "circle") == 0


def test_stacked_bars_are_counted_not_shares():
    html = charts.stacked_bars(DAYS, {"x": [1, 2, 3, 4, 5], "y": [5, 4, 3, 2, 1]}, "t")
    assert re.findall(r"class='yl'>([^<]+)<", html) == ["0", "2.5", "5", "7.5", "10"]


def test_the_bars_of_a_long_range_are_thin_but_never_overlap():
    days = [date(2020, 1, 1) + timedelta(days=i) for i in range(500)]
    rects = list(svg_of(charts.stacked_bars(days, {"a": [1] * 500}, "t")).iter(f"{SVG}rect"))
    slot = (charts.W - charts.LEFT - charts.RIGHT) / 500  # 1.18 units a day
    assert len(rects) == 500 and {float(r.get("width")) for r in rects} == {1.0}
    starts = [float(r.get("x")) for r in rects]
    assert all(b - a >= 1.0 for a, b in itertools.pairwise(starts)) and slot > 1.0


def test_a_tiny_part_of_a_stacked_bar_is_a_sliver_half_a_unit_high():
    # 1 beside 1,000 is under 0.1 units of the plot (a scale up to 2,000): drawn 0.5 high
    # to be seen, no more, so it covers little of the part below it
    html = charts.stacked_bars(DAYS[:1], {"x": [1000], "y": [1]}, "t")
    big, tiny = svg_of(html).iter(f"{SVG}rect")
    assert float(tiny.get("height")) == 0.5
    assert float(big.get("height")) == 93.0  # half the plot's 186 units


def test_a_y_label_ends_just_left_of_the_plot():
    # seed 59: the labels are right-aligned (text-anchor end) a few units left of where
    # their grid lines start, never over the plot
    svg, _, _ = charts._axes(DAYS, 10, pct=False)
    starts = [float(v) for v in re.findall(r"<line x1='([\d.]+)'", svg)]
    ends = [float(v) for v in re.findall(r"<text x='([\d.]+)' [^>]*class='yl'", svg)]
    assert len(starts) == len(ends) == 5
    for start, end in zip(starts, ends, strict=True):
        assert start - 10 < end < start
