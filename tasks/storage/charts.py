"""Small server-side SVG charts for the HTML report: no JavaScript, no network, a few KB
each. Every chart scales to its container (viewBox, width 100%), so one page reads on a
laptop and on a phone; hovering a mark shows its value (an SVG <title>).

Three shapes cover the report: `lines` (one line per series over days), `stacked_bars`
(a total per day split by series) and `ranked_bars` (horizontal bars, largest first).
"""

from __future__ import annotations

import math
from datetime import date
from html import escape

# Colour-blind-safe categorical palette (Okabe-Ito), then greys for the long tail.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
           "#000000", "#777777", "#AAAAAA"]

W, H = 640, 220  # viewBox of the time charts
# Past this many days a line's points are under 5 units apart, closer than their markers'
# width: markers then only for points that no line joins (a value between two gaps). A
# warehouse whose dates span years otherwise drew ~130k markers (1.3 s of the report,
# most of its HTML) that showed only as a thicker line.
MARKERS_MAX_DAYS = 120
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 10, 24


def colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def _num(v: float) -> str:
    return f"{v:.0f}" if float(v).is_integer() or abs(v) >= 100 else f"{v:.2f}".rstrip("0")


def _fmt(v: float, pct: bool) -> str:
    return f"{100 * v:.0f}%" if pct else _num(v)


def _finite(v: float | None) -> float | None:
    """A value a chart can place, else None (no value that day). A double column
    read from Parquet may hold NaN or an infinity (written by another tool, or an
    average over one): placed, a NaN wrote `nan` into the SVG's coordinates, which no
    browser draws, and an infinity raised OverflowError (int(inf) in `_nice_max`)."""
    return v if v is not None and math.isfinite(v) else None


def _nice_max(v: float) -> float:
    """The top of a y scale: 1, 2, 2.5, 5 or 10 times a power of ten at or above `v`;
    1.0 for nothing to scale (v not positive, or not finite: callers pass the largest
    finite value). Near the largest double the round number would overflow: `v`."""
    if not math.isfinite(v) or v <= 0:
        return 1.0
    scale = 10.0 ** (len(str(int(v))) - 1) if v >= 1 else 0.1
    for step in (1, 2, 2.5, 5, 10):
        if step * scale >= v:
            return step * scale if math.isfinite(step * scale) else v
    return v


def legend(names: list[str]) -> str:
    items = "".join(f"<span><i style='background:{colour(i)}'></i>{escape(n)}</span>"
                    for i, n in enumerate(names))
    return f"<div class='legend'>{items}</div>"


def _svg(body: str, label: str, width: int = W, height: int = H) -> str:
    return (f"<svg viewBox='0 0 {width} {height}' role='img' aria-label='{escape(label)}' "
            f"xmlns='http://www.w3.org/2000/svg' preserveAspectRatio='xMidYMid meet'>"
            f"{body}</svg>")


def _axes(days: list[date], y_max: float, pct: bool) -> tuple[str, callable, callable]:
    """Grid, y labels and x labels; returns (svg, x(day index), y(value))."""
    n = max(len(days), 1)
    plot_w, plot_h = W - LEFT - RIGHT, H - TOP - BOTTOM

    def x(i: float) -> float:
        return LEFT + (plot_w * (i + 0.5) / n)

    def y(v: float) -> float:
        return TOP + plot_h * (1 - (v / y_max if y_max else 0))

    parts = []
    for k in range(5):
        v = y_max * k / 4
        parts.append(f"<line x1='{LEFT}' x2='{W - RIGHT}' y1='{y(v):.1f}' y2='{y(v):.1f}' "
                     f"class='grid'/><text x='{LEFT - 4}' y='{y(v) + 4:.1f}' "
                     f"class='yl'>{_fmt(v, pct)}</text>")
    step = max(1, round(n / 7))
    for i in range(0, n, step):
        parts.append(f"<text x='{x(i):.1f}' y='{H - 6}' class='xl'>{days[i]:%b %d}</text>")
    return "".join(parts), x, y


def lines(days: list[date], series: dict[str, list[float | None]], label: str,
          pct: bool = False, y_max: float | None = None) -> str:
    """One polyline per series over `days` (None = no value that day: the line breaks).
    Returns the <svg> and its legend, or '' when there is nothing to draw."""
    series = {name: [_finite(v) for v in vs] for name, vs in series.items()}
    values = [v for vs in series.values() for v in vs if v is not None]
    if not days or not values:
        return ""
    top = y_max if y_max is not None else _nice_max(max(values))
    grid, x, y = _axes(days, top, pct)
    marks = []
    for i, (name, vs) in enumerate(series.items()):
        runs, current = [], []
        for j, v in enumerate(vs):
            if v is None:
                if current:
                    runs.append(current)
                current = []
            else:
                current.append((j, v))
        if current:
            runs.append(current)
        for run in runs:
            pts = " ".join(f"{x(j):.1f},{y(v):.1f}" for j, v in run)
            marks.append(f"<polyline points='{pts}' fill='none' stroke='{colour(i)}' "
                         f"stroke-width='2'><title>{escape(name)}</title></polyline>")
            if len(days) > MARKERS_MAX_DAYS and len(run) > 1:
                continue
            marks += [f"<circle cx='{x(j):.1f}' cy='{y(v):.1f}' r='2.2' fill='{colour(i)}'>"
                      f"<title>{escape(name)} {days[j]}: {_fmt(v, pct)}</title></circle>"
                      for j, v in run]
    return _svg(grid + "".join(marks), label) + legend(list(series))


def stacked_bars(days: list[date], series: dict[str, list[float]], label: str) -> str:
    """Per day, one bar split by series (e.g. articles per outlet)."""
    series = {name: [_finite(v) for v in vs] for name, vs in series.items()}
    totals = [sum(vs[j] or 0 for vs in series.values()) for j in range(len(days))]
    if not days or not any(totals):
        return ""
    grid, x, y = _axes(days, _nice_max(max(totals)), False)
    bar_w = max(1.0, (W - LEFT - RIGHT) / len(days) * 0.8)
    marks = []
    base = [0.0] * len(days)
    for i, (name, vs) in enumerate(series.items()):
        for j, v in enumerate(vs):
            if not v:
                continue
            y0, y1 = y(base[j]), y(base[j] + v)
            marks.append(f"<rect x='{x(j) - bar_w / 2:.1f}' y='{y1:.1f}' width='{bar_w:.1f}' "
                         f"height='{max(y0 - y1, 0.5):.1f}' fill='{colour(i)}'><title>"
                         f"{escape(name)} {days[j]}: {_num(v)}</title></rect>")
            base[j] += v
    return _svg(grid + "".join(marks), label) + legend(list(series))


def ranked_bars(items: list[tuple[str, float]], label: str, pct: bool = False,
                unit: str = "") -> str:
    """Horizontal bars, one per (label, value), in the order given (rank them first)."""
    if not items:
        return ""
    row, label_w, width = 20, 150, W
    height = TOP + row * len(items) + 4
    # A bar stands for an amount above zero: a value that is not finite, or below zero
    # (the lag of an outlet whose pages are dated after their fetch), gets none, its
    # number beside it ("nan", "-2.5 h"). Two negative lags were drawn as bars ten times
    # the chart's width: the larger of them, below zero, was taken as the top.
    top = max((v for _, v in items if _finite(v) is not None and v > 0), default=0) or 1
    top = 1.0 if pct else top
    span = width - label_w - 70
    marks = []
    for i, (name, v) in enumerate(items):
        yy = TOP + i * row
        w = max(span * (v / top), 1.0) if _finite(v) and v > 0 else 0
        text = _fmt(v, pct) + unit
        marks.append(f"<text x='{label_w - 6}' y='{yy + 14}' class='bl'>{escape(name[:24])}"
                     f"</text><rect x='{label_w}' y='{yy + 3}' width='{w:.1f}' height='{row - 6}'"
                     f" fill='{colour(0)}'><title>{escape(name)}: {text}</title></rect>"
                     f"<text x='{label_w + w + 4:.1f}' y='{yy + 14}' class='bv'>{text}</text>")
    return _svg("".join(marks), label, width, height)


CSS = (".chart svg{width:100%;height:auto;display:block}"
       ".chart .grid{stroke:#e3e3e3;stroke-width:1}"
       ".chart text{font:11px sans-serif;fill:#555}"
       ".chart .yl,.chart .bl{text-anchor:end}.chart .xl{text-anchor:middle}"
       ".legend{display:flex;flex-wrap:wrap;gap:4px 12px;font-size:12px;margin:4px 0}"
       ".legend i{display:inline-block;width:10px;height:10px;margin-right:4px;"
       "vertical-align:middle}")
