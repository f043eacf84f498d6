"""Charts of the reliability report, drawn as inline SVG at build time.

Elements are built with ElementTree, which escapes every text and attribute, so no title
from the data can become markup. Each chart

- is readable without JavaScript and is one image to assistive technology (``role="img"``,
  with a ``<title>`` and a ``<desc>`` it is labelled by; the page puts a data table next to it);
- draws axes, grid and text in ``currentColor`` (the page's text colour, so Material's dark
  scheme keeps its contrast), and series in the colours from the data, each also told apart
  by its shape or position and named in a text legend;
- shows each mark's figures in a tooltip (an SVG ``<title>``).
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 52, 16, 14, 40
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
    """One stacked bar: its axis label, its full name, a count per series, and an optional
    second axis line (e.g. the year under January)."""

    label: str
    name: str
    counts: tuple[int, ...]
    sublabel: str = ""


@dataclass(frozen=True)
class Dot:
    """One incident: when it started, its value in percent of its target, its series, a tooltip."""

    at: datetime
    percent: float
    series: int
    tooltip: str


def _svg(chart_id: str, title: str, desc: str, css_class: str) -> ET.Element:
    svg = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "class": f"opsdocs-chart {css_class}",
            "viewBox": f"0 0 {WIDTH} {HEIGHT}",
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
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _text(parent: ET.Element, x: float, y: float, text: str, anchor: str = "middle", **extra: str) -> None:
    attributes = {"x": _num(x), "y": _num(y), "text-anchor": anchor, "fill": "currentColor", **extra}
    ET.SubElement(parent, "text", attributes).text = text


def _line(parent: ET.Element, x1: float, y1: float, x2: float, y2: float, css_class: str,
          **extra: str) -> None:  # fmt: skip
    attributes = {"x1": _num(x1), "y1": _num(y1), "x2": _num(x2), "y2": _num(y2), "class": css_class,
                  "stroke": "currentColor", **extra}  # fmt: skip
    ET.SubElement(parent, "line", attributes)


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
    """Draw the grid and the value axis up to ``top``; return the value-to-y scale."""
    plot_height = HEIGHT - TOP - BOTTOM

    def y(value: float) -> float:
        return TOP + plot_height * (1 - value / top)

    axis = ET.SubElement(svg, "g", {"class": "opsdocs-chart__axis", "aria-hidden": "true"})
    value = 0.0
    while value <= top + 1e-9:
        _line(
            axis, LEFT, y(value), WIDTH - RIGHT, y(value), "opsdocs-chart__grid", **{"stroke-opacity": ".18"}
        )
        _text(axis, LEFT - 6, y(value) + 4, label(value), anchor="end")
        value += step
    _line(axis, LEFT, TOP, LEFT, HEIGHT - BOTTOM, "opsdocs-chart__axis-line")
    _line(axis, LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "opsdocs-chart__axis-line")
    return y


def stacked_bars(chart_id: str, title: str, desc: str, series: Sequence[Series], bars: Sequence[Bar],
                 tooltip: Callable[[Bar, int], str]) -> Markup:  # fmt: skip
    """Bars of counts stacked by series, the first series at the bottom.

    ``tooltip(bar, index)`` names the count of series ``index`` in ``bar``.
    """
    svg = _svg(chart_id, title, desc, "opsdocs-chart--bars")
    highest = max((sum(b.counts) for b in bars), default=0)
    step = max(1.0, float(math.ceil(nice_step(max(highest, 1), 4))))
    top = max(step, math.ceil(highest / step) * step)
    y = _y_axis(svg, top, step, lambda v: str(int(v)))
    band = (WIDTH - LEFT - RIGHT) / max(len(bars), 1)
    marks = ET.SubElement(svg, "g", {"class": "opsdocs-chart__marks"})
    labels = ET.SubElement(svg, "g", {"class": "opsdocs-chart__labels", "aria-hidden": "true"})
    for position, bar in enumerate(bars):
        x = LEFT + position * band + band * 0.18
        width = band * 0.64
        base = 0
        for index, count in enumerate(bar.counts):
            if count <= 0:
                continue
            rect = ET.SubElement(
                marks,
                "rect",
                {
                    "x": _num(x),
                    "y": _num(y(base + count)),
                    "width": _num(width),
                    "height": _num(y(base) - y(base + count)),
                    "fill": series[index].colour,
                    "stroke": "currentColor",
                    "stroke-width": ".5",
                    "class": f"opsdocs-chart__bar opsdocs-chart__series-{index}",
                },
            )
            ET.SubElement(rect, "title").text = tooltip(bar, index)
            base += count
        if base:
            _text(labels, x + width / 2, y(base) - 4, str(base))
        _text(labels, x + width / 2, HEIGHT - BOTTOM + 16, bar.label)
        if bar.sublabel:
            _text(labels, x + width / 2, HEIGHT - BOTTOM + 31, bar.sublabel)
    return _markup(svg)


def _marker(parent: ET.Element, shape: str, x: float, y: float, colour: str) -> ET.Element:
    size = 5.5
    style = {"fill": colour, "stroke": "currentColor", "stroke-width": "1", "class": "opsdocs-chart__dot"}
    if shape == "square":
        box = {"x": _num(x - size * 0.9), "y": _num(y - size * 0.9), "width": _num(size * 1.8),
               "height": _num(size * 1.8)}  # fmt: skip
        return ET.SubElement(parent, "rect", {**box, **style})
    if shape == "triangle":
        points = [(x, y - size * 1.15), (x + size, y + size * 0.8), (x - size, y + size * 0.8)]
    elif shape == "diamond":
        points = [(x, y - size * 1.2), (x + size * 1.2, y), (x, y + size * 1.2), (x - size * 1.2, y)]
    else:
        return ET.SubElement(parent, "circle", {"cx": _num(x), "cy": _num(y), "r": _num(size), **style})
    text = " ".join(f"{_num(px)},{_num(py)}" for px, py in points)
    return ET.SubElement(parent, "polygon", {"points": text, **style})


def target_dots(chart_id: str, title: str, desc: str, series: Sequence[Series], dots: Sequence[Dot],
                start: datetime, end: datetime, x_ticks: Sequence[tuple[datetime, str]],
                target_label: str, percent: Callable[[float], str]) -> Markup:  # fmt: skip
    """Incidents over time, each at its value in percent of its own target; a line at 100 %.

    Dots above the line missed their target.
    """
    svg = _svg(chart_id, title, desc, "opsdocs-chart--dots")
    highest = max((d.percent for d in dots), default=0.0)
    step = 50.0 if highest <= 300 else nice_step(highest, 5)
    top = max(200.0, math.ceil(highest * 1.05 / step) * step)
    y = _y_axis(svg, top, step, percent)
    span = (end - start).total_seconds() or 1.0
    plot_width = WIDTH - LEFT - RIGHT - 16

    def x(moment: datetime) -> float:
        return LEFT + 8 + plot_width * min(max((moment - start).total_seconds() / span, 0.0), 1.0)

    ticks = ET.SubElement(svg, "g", {"class": "opsdocs-chart__labels", "aria-hidden": "true"})
    for moment, label in x_ticks:
        _line(ticks, x(moment), HEIGHT - BOTTOM, x(moment), HEIGHT - BOTTOM + 4, "opsdocs-chart__tick")
        _text(ticks, x(moment), HEIGHT - BOTTOM + 18, label)
    target = ET.SubElement(svg, "g", {"class": "opsdocs-chart__target"})
    _line(target, LEFT, y(100), WIDTH - RIGHT, y(100), "opsdocs-chart__target-line",
          **{"stroke-width": "1.5", "stroke-dasharray": "6 4"})  # fmt: skip
    _text(target, WIDTH - RIGHT - 4, y(100) - 6, target_label, anchor="end", **{"font-weight": "bold"})
    marks = ET.SubElement(svg, "g", {"class": "opsdocs-chart__marks"})
    for dot in dots:
        style = series[dot.series]
        marker = _marker(marks, style.shape, x(dot.at), y(min(dot.percent, top)), style.colour)
        ET.SubElement(marker, "title").text = dot.tooltip
    return _markup(svg)
