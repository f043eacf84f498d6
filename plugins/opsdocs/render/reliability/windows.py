"""One window of the reliability report (the last 30, 90 or 365 days): uptime per component,
the KPIs checked against their targets, the missed targets and the time-to-resolve chart.

Every figure comes from ``derive``; this module only arranges them for the template.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from markupsafe import Markup

from opsdocs.derive.kpis import KpiCheck, Verdict, check_kpis, check_value, overall_uptime
from opsdocs.derive.reliability import IncidentTimes, WindowFigures, window_figures
from opsdocs.derive.status import StatusSnapshot
from opsdocs.derive.uptime import Uptime
from opsdocs.model.components import Component
from opsdocs.model.kpis import Measure
from opsdocs.model.severities import Severity
from opsdocs.render.context import RenderContext
from opsdocs.render.reliability.charts import Series
from opsdocs.render.reliability.report_charts import DotRow, resolve_chart


@dataclass(frozen=True)
class ComponentUptime:
    """One component's uptime over a window."""

    component: Component
    uptime: Uptime
    tracked_from: datetime | None
    """When tracking began, if that was inside the window."""
    verdict: Verdict | None
    """Against the uptime KPI's target, when there is one."""


@dataclass(frozen=True)
class Breach:
    """One missed target of one incident."""

    times: IncidentTimes
    severity: Severity | None
    kind: str
    """``response`` or ``resolution``."""
    actual: timedelta
    target: timedelta
    amount: timedelta
    link: str


@dataclass(frozen=True)
class KpiRow:
    """A KPI check with its figure as text."""

    check: KpiCheck
    value: str


@dataclass(frozen=True)
class WindowView:
    """Everything the report shows for one window."""

    days: int
    anchor: str
    figures: WindowFigures
    components: list[ComponentUptime]
    overall: Uptime
    kpis: list[KpiRow]
    breaches: list[Breach]
    chart: Markup
    chart_rows: list[DotRow]


class UptimeRules:
    """Uptime per component over a window, by the status page's rules, against the uptime KPI."""

    def __init__(self, ctx: RenderContext, snapshot: StatusSnapshot) -> None:
        self.snapshot = snapshot
        self.policy = ctx.spec.options.reliability
        self.kpi = next(
            (k for k in ctx.project.kpis.kpis if k.measure == Measure.uptime and k.comparison()), None
        )
        target = self.kpi.comparison() if self.kpi else None
        self.target = target if target and target[2] in ("percent", "number") else None

    def components(self, start: datetime) -> list[ComponentUptime]:
        """Each component's uptime from ``start`` to ``now``."""
        found = []
        for facts in self.snapshot.components:
            measured = self.snapshot.uptime(facts, start, self.policy)
            verdict = check_value(self.target[0], self.target[1], measured.percent) if self.target else None
            since = facts.tracking.since
            tracked_from = since if since is not None and since > start else None
            found.append(ComponentUptime(facts.component, measured, tracked_from, verdict))
        return found


def window_view(ctx: RenderContext, days: int, uptimes: UptimeRules, severities: list[Severity],
                series: list[Series], link: Callable[[str], str]) -> WindowView:  # fmt: skip
    """What the report shows for the last ``days`` days; ``link(incident id)`` is the incident's
    page, or ''."""
    project, labels = ctx.project, ctx.labels
    figures = window_figures(project.incidents, severities, ctx.now, days)
    components = uptimes.components(figures.start)
    overall = overall_uptime(c.uptime for c in components)
    kpis = [KpiRow(check, _kpi_value(ctx, check, figures, overall))
            for check in check_kpis(project.kpis.kpis, figures, overall)]  # fmt: skip

    def percent(value: float) -> str:
        return labels("reliability.percent", value=f"{value:.0f}")

    chart, rows = resolve_chart(ctx, figures, severities, series, link, percent)
    breaches = _breaches(figures, project.severities.by_id, link)
    return WindowView(days, f"last-{days}-days", figures, components, overall, kpis, breaches, chart, rows)


def _kpi_value(ctx: RenderContext, check: KpiCheck, figures: WindowFigures, overall: Uptime) -> str:
    labels, dates = ctx.labels, ctx.dates
    if check.verdict == Verdict.wrong_unit or check.value is None:
        return "—"
    if check.kpi.measure == Measure.uptime:
        return labels("reliability.percent", value=overall.display())
    if check.lower_bound:
        return labels("reliability.more_than", value=dates.duration(figures.end - figures.start))
    spans = {Measure.mtta: figures.mtta, Measure.mttr: figures.mttr, Measure.mtbf: figures.mtbf}
    span = spans.get(check.kpi.measure) if check.kpi.measure else None
    return dates.duration(span) if span is not None else "—"


def _breaches(
    figures: WindowFigures, by_id: Mapping[str, Severity], link: Callable[[str], str]
) -> list[Breach]:
    found = []
    for times in figures.breaches:
        severity = by_id.get(times.incident.severity)
        url = link(times.incident.id)
        if times.response_breach and times.respond is not None and times.response_target is not None:
            found.append(Breach(times, severity, "response", times.respond, times.response_target,
                                times.response_breach, url))  # fmt: skip
        if times.resolution_breach and times.resolve is not None and times.resolution_target is not None:
            found.append(Breach(times, severity, "resolution", times.resolve, times.resolution_target,
                                times.resolution_breach, url))  # fmt: skip
    found.sort(key=lambda b: (b.severity.level if b.severity else 99, b.times.incident.started_at, b.kind))
    return found
