"""The response-time chart of a component's checks: the daily median and 95th percentile, as
inline SVG drawn at build time with the reliability report's chart parts (``charts``).

Readable without JavaScript and in the dark scheme: lines and text in ``currentColor``, the
95th percentile told from the median by its dashes and its markers' shape, each point's
figures in a tooltip, and the chart one image with a title and a description; the component's
page puts the figures in a table beside it.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from markupsafe import Markup

from opsdocs.derive.checks import DayTimes
from opsdocs.render.reliability.charts import (
    HEIGHT,
    PADDING,
    _axis_label,
    _line,
    _markup,
    _pct,
    _svg,
    _y_axis,
    nice_step,
)

COMPACT_HEIGHT = 9
"""Height of the status page's small chart, in ``em``; the component's page draws the full one."""
COMPACT_BOTTOM = 0.8
"""The small chart's padding under its axis, in ``em``: it has no day labels there."""
_SERIES = (("p50_ms", "", True), ("p95_ms", "5 4", False))
"""Each line: the figure it draws, its dashes, whether its markers are filled."""


def response_chart(chart_id: str, title: str, desc: str, days: Sequence[DayTimes], names: Sequence[str],
                   tooltip: Sequence[str], day_labels: Sequence[str],
                   compact: bool = False) -> Markup:  # fmt: skip
    """The chart of ``days`` (oldest first); ``names`` of the two lines, ``tooltip`` and the
    axis label (``day_labels``) of each day; ``compact``: the status page's small chart."""
    top, right, bottom, left = PADDING
    height, bottom = (COMPACT_HEIGHT, COMPACT_BOTTOM) if compact else (HEIGHT, bottom)
    padding = (top, right, bottom, left)
    svg = _svg(chart_id, title, desc, "opsdocs-chart--lines", height=height, padding=padding, block=True)
    highest = max((d.p95_ms or d.p50_ms or 0 for d in days), default=0)
    step = max(1.0, nice_step(max(highest, 1), 2 if compact else 4))
    top = max(step, math.ceil(highest / step) * step)
    y = _y_axis(svg, top, step, lambda v: f"{v:g}")
    band = 100 / max(len(days), 1)
    marks = ET.SubElement(svg, "g", {"class": "opsdocs-chart__marks"})
    for key, dashes, filled in _SERIES:
        group = ET.SubElement(marks, "g", {"class": f"opsdocs-chart__line opsdocs-chart__{key}"})
        ET.SubElement(group, "title").text = names[0 if key == "p50_ms" else 1]
        previous: tuple[str, str] | None = None
        for index, day in enumerate(days):
            value = getattr(day, key)
            if value is None:
                previous = None
                continue
            point = (_pct(index * band + band / 2), _pct(y(value)))
            if previous is not None:
                extra = {"stroke-width": "1.5", **({"stroke-dasharray": dashes} if dashes else {})}
                _line(group, previous[0], previous[1], point[0], point[1], "opsdocs-chart__segment", **extra)
            previous = point
            _point(group, filled, point, tooltip[index])
    if not compact and days:
        ticks = ET.SubElement(svg, "g", {"class": "opsdocs-chart__labels", "aria-hidden": "true"})
        _axis_label(ticks, _pct(band / 2), "1.4em", day_labels[0], anchor="start")
        _axis_label(ticks, _pct(100 - band / 2), "1.4em", day_labels[-1], anchor="end")
    return _markup(svg)


def _point(parent: ET.Element, filled: bool, at: tuple[str, str], tooltip: str) -> None:
    """A day's marker: a filled dot on the median's line, a ring on the 95th percentile's."""
    paint = {"fill": "currentColor"} if filled else {"fill": "none", "stroke": "currentColor"}
    attributes = {"cx": at[0], "cy": at[1], "r": "2.5" if filled else "3", "class": "opsdocs-chart__dot"}
    mark = ET.SubElement(parent, "circle", {**attributes, **paint})
    ET.SubElement(mark, "title").text = tooltip
