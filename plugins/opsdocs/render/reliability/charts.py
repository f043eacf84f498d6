"""Charts of the reliability report, drawn as inline SVG at build time.

Elements are built with ElementTree, which escapes every text and attribute, so no title
from the data can become markup. Each chart

- is readable without JavaScript and is one image to assistive technology (``role="img"``,
  with a ``<title>`` and a ``<desc>`` it is labelled by; the page puts a data table next to it);
- draws axes, grid and text in ``currentColor`` (the page's text colour, so Material's dark
  scheme keeps its contrast), and series in the colours from the data, each also told apart
  by its shape or position and named in a text legend;
- shows each mark's figures in a tooltip (an SVG ``<title>``);
- fills the width it is given without scaling its text: there is no ``viewBox``; the plot is
  the SVG's content box (its padding, in ``em``, holds the axes' labels), marks are placed
  in percent of its width and height, and offsets from them in ``em``. Text that would
  collide on a narrow screen has a short form (class ``opsdocs-chart__narrow``, hidden unless
  the stylesheet shows it instead of the long one, ``opsdocs-chart__wide``).
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup

HEIGHT = 20
"""Height of a chart, in ``em`` of its text: the text keeps its size at every width."""
PADDING = (1.6, 0.6, 3.2, 4.4)
"""Room around the plot, in ``em`` (top, right, bottom, left), for the axes' labels."""
SHAPES = ("circle", "square", "triangle", "diamond")
"""Marker shapes, given to series in order, so a series is told by more than its colour."""


@dataclass(frozen=True)
class Series:
    """One series: its name, its colour (``#rrggbb``) and its marker shape."""

    name: str
    colour: str
    shape: str = "circle"


@dataclass(frozen=True)
class Bar:
    """One stacked bar: its axis label, its full name, a count per series, an optional second
    axis line (e.g. the year under January) and an optional short label for narrow screens."""

    label: str
    name: str
    counts: tuple[int, ...]
    sublabel: str = ""
    short: str = ""


@dataclass(frozen=True)
class Dot:
    """One incident: when it started, its value in percent of its target, its series, a tooltip."""

    at: datetime
    percent: float
    series: int
    tooltip: str


def _svg(
    chart_id: str,
    title: str,
    desc: str,
    css_class: str,
    *,
    height: float = HEIGHT,
    padding: tuple[float, float, float, float] = PADDING,
    block: bool = False,
) -> ET.Element:
    """An empty chart (ems: ``height``, ``padding`` top, right, bottom, left; ``block``: on a
    line of its own) with its title and description."""
    top, right, bottom, left = padding
    svg = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "class": f"opsdocs-chart {css_class}",
            "width": "100%",
            "style": ("display: block; " if block else "")
            + f"height: {height:g}em; padding: {top:g}em {right:g}em {bottom:g}em {left:g}em; "
            "box-sizing: border-box; overflow: visible",
            "role": "img",
            "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
            "font-size": "12",
        },
    )
    ET.SubElement(svg, "title", {"id": f"{chart_id}-title"}).text = title
    ET.SubElement(svg, "desc", {"id": f"{chart_id}-desc"}).text = desc
    return svg


def _markup(svg: ET.Element) -> Markup:
    # ElementTree escaped every text and attribute value, so the result is safe HTML.
    return Markup(ET.tostring(svg, encoding="unicode"))


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _pct(value: float) -> str:
    """A position in percent of the plot's width or height."""
    return f"{_num(value)}%"


def _text(parent: ET.Element, x: str, y: str, text: str, anchor: str = "middle", **extra: str) -> None:
    """Text at ``x``, ``y`` (lengths with their unit); ``dy`` in ``extra`` moves it by ems."""
    attributes = {"x": x, "y": y, "text-anchor": anchor, "fill": "currentColor", **extra}
    ET.SubElement(parent, "text", attributes).text = text


def _line(parent: ET.Element, x1: str, y1: str, x2: str, y2: str, css_class: str, **extra: str) -> None:
    ends = {"x1": x1, "y1": y1, "x2": x2, "y2": y2}
    ET.SubElement(parent, "line", {**ends, "class": css_class, "stroke": "currentColor", **extra})


def _axis_label(parent: ET.Element, x: str, dy: str, text: str, short: str = "", wide_only: bool = False,
                anchor: str = "middle") -> None:  # fmt: skip
    """A label under the plot: ``short`` replaces it on a narrow screen, ``wide_only`` drops it."""
    if not wide_only and (not short or short == text):
        _text(parent, x, "100%", text, anchor, dy=dy)
        return
    _text(parent, x, "100%", text, anchor, dy=dy, **{"class": "opsdocs-chart__wide"})
    if not wide_only:
        narrow = {"class": "opsdocs-chart__narrow", "display": "none"}
        _text(parent, x, "100%", short, anchor, dy=dy, **narrow)


def nice_step(top: float, ticks: int = 5) -> float:
    """A round step (1, 2 or 5 times a power of ten) dividing ``[0, top]`` into about ``ticks``."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _y_axis(
    svg: ET.Element, top: float, step: float, label: Callable[[float], str]
) -> Callable[[float], float]:
    """Draw the grid and the value axis up to ``top``; return the value-to-y scale (percent)."""

    def y(value: float) -> float:
        return 100 * (1 - value / top)

    axis = ET.SubElement(svg, "g", {"class": "opsdocs-chart__axis", "aria-hidden": "true"})
    value = 0.0
    while value <= top + 1e-9:
        at = _pct(y(value))
        _line(axis, "0", at, "100%", at, "opsdocs-chart__grid", **{"stroke-opacity": ".18"})
        _text(axis, "-.5em", at, label(value), anchor="end", dy=".35em")
        value += step
    _line(axis, "0", "0", "0", "100%", "opsdocs-chart__axis-line")
    _line(axis, "0", "100%", "100%", "100%", "opsdocs-chart__axis-line")
    return y


def stacked_bars(chart_id: str, title: str, desc: str, series: Sequence[Series], bars: Sequence[Bar],
                 tooltip: Callable[[Bar, int], str]) -> Markup:  # fmt: skip
    """Bars of counts stacked by series, the first series at the bottom.

    ``tooltip(bar, index)`` names the count of series ``index`` in ``bar``. A bar's sublabel
    is left out on a narrow screen when the next bar has one too (they would overlap).
    """
    svg = _svg(chart_id, title, desc, "opsdocs-chart--bars")
    highest = max((sum(b.counts) for b in bars), default=0)
    step = max(1.0, float(math.ceil(nice_step(max(highest, 1), 4))))
    top = max(step, math.ceil(highest / step) * step)
    y = _y_axis(svg, top, step, lambda v: str(int(v)))
    band = 100 / max(len(bars), 1)
    marks = ET.SubElement(svg, "g", {"class": "opsdocs-chart__marks"})
    labels = ET.SubElement(svg, "g", {"class": "opsdocs-chart__labels", "aria-hidden": "true"})
    for position, bar in enumerate(bars):
        x = position * band + band * 0.18
        width = band * 0.64
        base = 0
        for index, count in enumerate(bar.counts):
            if count <= 0:
                continue
            rect = ET.SubElement(
                marks,
                "rect",
                {
                    "x": _pct(x),
                    "y": _pct(y(base + count)),
                    "width": _pct(width),
                    "height": _pct(y(base) - y(base + count)),
                    "fill": series[index].colour,
                    "stroke": "currentColor",
                    "stroke-width": ".5",
                    "class": f"opsdocs-chart__bar opsdocs-chart__series-{index}",
                },
            )
            ET.SubElement(rect, "title").text = tooltip(bar, index)
            base += count
        centre = _pct(x + width / 2)
        if base:
            _text(labels, centre, _pct(y(base)), str(base), dy="-.4em")
        _axis_label(labels, centre, "1.3em", bar.label, bar.short)
        if bar.sublabel:
            crowded = position + 1 < len(bars) and bool(bars[position + 1].sublabel)
            _axis_label(labels, centre, "2.6em", bar.sublabel, wide_only=crowded)
    return _markup(svg)


MARKER = 5.5
"""Half the size of a dot's marker, in pixels."""
_POINTS = {
    "square": [(-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)],
    "triangle": [(0, -1.15), (1, 0.8), (-1, 0.8)],
    "diamond": [(0, -1.2), (1.2, 0), (0, 1.2), (-1.2, 0)],
}
"""Marker outlines around their centre, in units of ``MARKER``."""


def _marker(parent: ET.Element, chart_id: str, shape: str, x: str, y: str, colour: str) -> ET.Element:
    """A dot's marker centred at ``x``, ``y``: a circle, or a ``<use>`` of the chart's outline of
    ``shape`` (an outline has no size in percent to be placed by)."""
    style = {"fill": colour, "stroke": "currentColor", "stroke-width": "1", "class": "opsdocs-chart__dot"}
    if shape not in _POINTS:
        return ET.SubElement(parent, "circle", {"cx": x, "cy": y, "r": _num(MARKER), **style})
    return ET.SubElement(parent, "use", {"href": f"#{chart_id}-{shape}", "x": x, "y": y, **style})


def _outlines(svg: ET.Element, chart_id: str, shapes: set[str]) -> None:
    defs = ET.SubElement(svg, "defs")
    for shape in sorted(shapes & _POINTS.keys()):
        points = " ".join(f"{_num(px * MARKER)},{_num(py * MARKER)}" for px, py in _POINTS[shape])
        ET.SubElement(defs, "polygon", {"id": f"{chart_id}-{shape}", "points": points})


def target_dots(chart_id: str, title: str, desc: str, series: Sequence[Series], dots: Sequence[Dot],
                start: datetime, end: datetime, x_ticks: Sequence[tuple[datetime, str]],
                target_label: str, percent: Callable[[float], str]) -> Markup:  # fmt: skip
    """Incidents over time, each at its value in percent of its own target; a line at 100 %.

    Dots above the line missed their target.
    """
    svg = _svg(chart_id, title, desc, "opsdocs-chart--dots")
    _outlines(svg, chart_id, {series[d.series].shape for d in dots})
    highest = max((d.percent for d in dots), default=0.0)
    step = 50.0 if highest <= 300 else nice_step(highest, 5)
    top = max(200.0, math.ceil(highest * 1.05 / step) * step)
    y = _y_axis(svg, top, step, percent)
    span = (end - start).total_seconds() or 1.0

    def x(moment: datetime) -> float:
        return 1.5 + 97 * min(max((moment - start).total_seconds() / span, 0.0), 1.0)

    ticks = ET.SubElement(svg, "g", {"class": "opsdocs-chart__labels", "aria-hidden": "true"})
    for number, (moment, label) in enumerate(x_ticks):
        at = _pct(x(moment))
        _line(ticks, at, "0", at, "100%", "opsdocs-chart__grid", **{"stroke-opacity": ".1"})
        last = number == len(x_ticks) - 1
        anchor = "start" if number == 0 else "end" if last else "middle"
        # Every other date, the first and the last always, on a narrow screen.
        _axis_label(ticks, at, "1.4em", label, wide_only=number % 2 == 1 and not last, anchor=anchor)
    line = _pct(y(100))
    _line(svg, "0", line, "100%", line, "opsdocs-chart__target-line",
          **{"stroke-width": "1.5", "stroke-dasharray": "6 4"})  # fmt: skip
    marks = ET.SubElement(svg, "g", {"class": "opsdocs-chart__marks"})
    for dot in dots:
        style = series[dot.series]
        at_y = _pct(y(min(dot.percent, top)))
        marker = _marker(marks, chart_id, style.shape, _pct(x(dot.at)), at_y, style.colour)
        ET.SubElement(marker, "title").text = dot.tooltip
    # The line's label goes over the marks, on a halo of the page's background (the stylesheet).
    _text(svg, "100%", line, target_label, anchor="end", dy="-.5em",
          **{"font-weight": "bold", "class": "opsdocs-chart__target-label"})  # fmt: skip
    return _markup(svg)
