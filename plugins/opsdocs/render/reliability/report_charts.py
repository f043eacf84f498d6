"""What the reliability report's two charts show: the incidents per month, and each window's
time to resolve against target. Each chart comes with the rows of its data table, which the
page puts next to it for screen readers; ``charts.py`` draws them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date, format_skeleton
from markupsafe import Markup

from opsdocs.derive.published import has_started
from opsdocs.derive.reliability import IncidentTimes, WindowFigures
from opsdocs.model.severities import Severity
from opsdocs.render.context import RenderContext
from opsdocs.render.reliability.charts import SHAPES, Bar, Dot, Series, stacked_bars, target_dots

MONTHS = 12
"""Months in the incidents-per-month chart, the current one included."""
DOT_GLYPHS = {"circle": "●", "square": "■", "triangle": "▲", "diamond": "◆"}
"""Text glyphs of the chart markers, for the legends."""
BAR_GLYPHS = dict.fromkeys(DOT_GLYPHS, "■")


@dataclass(frozen=True)
class DotRow:
    """One incident of the time-to-resolve chart, for its data table."""

    times: IncidentTimes
    severity: Severity
    percent: str
    link: str


@dataclass(frozen=True)
class MonthRow:
    """One month of the incidents-per-month chart, for its data table."""

    name: str
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)


def severity_series(severities: list[Severity]) -> list[Series]:
    """The charts' series: one per severity, in order, each with its colour and a marker shape."""
    return [Series(s.name, s.colour, SHAPES[i % len(SHAPES)]) for i, s in enumerate(severities)]


def month_starts(today: date, months: int) -> list[date]:
    """The first day of each of the last ``months`` months, ``today``'s month last."""
    first = today.replace(day=1)
    starts = []
    for back in range(months - 1, -1, -1):
        year, month = divmod(first.year * 12 + first.month - 1 - back, 12)
        starts.append(date(year, month + 1, 1))
    return starts


def resolve_chart(ctx: RenderContext, figures: WindowFigures, severities: list[Severity],
                  series: list[Series], link: Callable[[str], str],
                  percent: Callable[[float], str]) -> tuple[Markup, list[DotRow]]:  # fmt: skip
    """Time to resolve of each resolved incident, in percent of its severity's target."""
    labels, dates = ctx.labels, ctx.dates
    index = {s.id: i for i, s in enumerate(severities)}
    dots, rows = [], []
    for times in figures.times:
        severity_index = index.get(times.incident.severity)
        if times.resolve is None or not times.resolution_target or severity_index is None:
            continue
        share = 100 * times.resolve / times.resolution_target
        text = percent(share)
        tooltip = labels(
            "reliability.chart.resolve.dot",
            title=times.incident.title,
            duration=dates.duration(times.resolve),
            percent=text,
            target=dates.duration(times.resolution_target),
        )
        dots.append(Dot(times.incident.started_at, share, severity_index, tooltip))
        rows.append(DotRow(times, severities[severity_index], text, link(times.incident.id)))
    span = figures.end - figures.start
    ticks = [figures.start + span * i / 4 for i in range(5)]
    x_ticks = [(t, format_skeleton("MMMd", dates.local(t), locale=dates.locale)) for t in ticks]
    above = sum(1 for d in dots if d.percent > 100)
    chart = target_dots(
        f"resolve-{figures.days}",
        labels("reliability.chart.resolve.title", days=figures.days),
        labels("reliability.chart.resolve.desc", count=len(dots), above=above),
        series,
        dots,
        figures.start,
        figures.end,
        x_ticks,
        labels("reliability.chart.target_line"),
        percent,
    )
    return chart, rows


def months_chart(ctx: RenderContext, severities: list[Severity],
                 series: list[Series]) -> tuple[Markup, list[MonthRow]]:  # fmt: skip
    """Incidents started in each of the last ``MONTHS`` months (site time zone), by severity."""
    labels, dates, now = ctx.labels, ctx.dates, ctx.now
    starts = month_starts(dates.local(now).date(), MONTHS)
    position = {(d.year, d.month): i for i, d in enumerate(starts)}
    index = {s.id: i for i, s in enumerate(severities)}
    counts = [[0] * len(severities) for _ in starts]
    for incident in ctx.project.incidents:
        if not has_started(incident, now) or incident.severity not in index:
            continue
        local = dates.local(incident.started_at)
        month = position.get((local.year, local.month))
        if month is not None:
            counts[month][index[incident.severity]] += 1
    rows = []
    bars = []
    for number, (start, own) in enumerate(zip(starts, counts, strict=True)):
        name = dates.month(start)
        name = name[:1].upper() + name[1:]
        rows.append(MonthRow(name, tuple(own)))
        year = str(start.year) if number == 0 or start.month == 1 else ""
        label = format_skeleton("MMM", start, locale=dates.locale)
        short = format_date(start, "MMMMM", locale=dates.locale)  # the month's initial
        bars.append(Bar(label, name, tuple(own), year, short))
    total = sum(r.total for r in rows)
    busiest = max(rows, key=lambda r: r.total) if rows else None
    desc = labels("reliability.chart.months.desc", months=MONTHS, count=total,
                  busiest=busiest.name if busiest else "", most=busiest.total if busiest else 0)  # fmt: skip

    def tooltip(bar: Bar, i: int) -> str:
        return labels("reliability.chart.months.bar", month=bar.name, severity=severities[i].name,
                      count=bar.counts[i])  # fmt: skip

    chart = stacked_bars("incidents-per-month", labels("reliability.chart.months.title", months=MONTHS), desc,
                         series, bars, tooltip)  # fmt: skip
    return chart, rows
