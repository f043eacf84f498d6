"""The reliability report (staff site only): uptime, response and resolution against targets,
MTTA/MTTR/MTBF against the KPIs, open incidents and overdue postmortem action items, over the
last 30, 90 and 365 days.

Every figure comes from ``derive`` (``reliability``, ``kpis``, ``postmortems``, and the site's
status snapshot for the uptime); this module only arranges them for the template and draws the
charts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from babel.dates import format_skeleton
from markupsafe import Markup

from opsdocs.derive.kpis import KpiCheck, Verdict, check_kpis, check_value, overall_uptime
from opsdocs.derive.postmortems import overdue_action_items
from opsdocs.derive.published import has_started, is_open, is_published
from opsdocs.derive.reliability import IncidentTimes, WindowFigures, incident_times, window_figures
from opsdocs.derive.status import StatusSnapshot, status_snapshot
from opsdocs.derive.uptime import Uptime
from opsdocs.model.base import Audience
from opsdocs.model.components import Component
from opsdocs.model.incidents import ActionItem, Incident
from opsdocs.model.kpis import Measure
from opsdocs.model.severities import Severity
from opsdocs.render.context import RenderContext
from opsdocs.render.pages import front_matter
from opsdocs.render.paths import ReliabilityPages
from opsdocs.render.plan import SitePlan
from opsdocs.render.reliability.charts import SHAPES, Bar, Dot, Series, stacked_bars, target_dots

REPORT = ReliabilityPages.report
POSTMORTEMS = ReliabilityPages.postmortems
WINDOWS = (30, 90, 365)
"""Days of each window the report covers."""
MONTHS = 12
"""Months in the incidents-per-month chart, the current one included."""
VERDICT_ICONS = {Verdict.met: "✓", Verdict.missed: "✕", Verdict.no_data: "–", Verdict.wrong_unit: "?"}
OVERDUE_ICON = "✕"
DOT_GLYPHS = {"circle": "●", "square": "■", "triangle": "▲", "diamond": "◆"}
"""Text glyphs of the chart markers, for the legends."""
BAR_GLYPHS = dict.fromkeys(DOT_GLYPHS, "■")


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
class DotRow:
    """One incident of the time-to-resolve chart, for its data table."""

    times: IncidentTimes
    severity: Severity
    percent: str
    link: str


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


@dataclass(frozen=True)
class OverdueItem:
    """An action item past its due date."""

    incident: Incident
    index: int
    item: ActionItem
    owner: str
    incident_link: str
    postmortem_link: str
    late: timedelta
    """How long past the due date, in whole days."""


@dataclass(frozen=True)
class MonthRow:
    """One month of the incidents-per-month chart, for its data table."""

    name: str
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)


def _series(severities: list[Severity]) -> list[Series]:
    return [Series(s.name, s.colour, SHAPES[i % len(SHAPES)]) for i, s in enumerate(severities)]


def _month_starts(today: date, months: int) -> list[date]:
    first = today.replace(day=1)
    starts = []
    for back in range(months - 1, -1, -1):
        year, month = divmod(first.year * 12 + first.month - 1 - back, 12)
        starts.append(date(year, month + 1, 1))
    return starts


class _UptimeRules:
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


def render_reliability(ctx: RenderContext, plan: SitePlan, snapshot: StatusSnapshot | None = None) -> None:
    """Add the internal page ``reliability/index.md`` to ``plan``. Overdue postmortem action
    items are listed on it; they are never a build warning (see ``opsdocs.hygiene``).

    ``snapshot`` is the site's status snapshot: the uptime is cut from its intervals and
    weighed by the report's own ``partial_outage_weight`` (``ctx.spec.options.reliability``)."""
    status = ctx.paths.status
    project, labels, dates, now = ctx.project, ctx.labels, ctx.dates, ctx.now
    snapshot = snapshot or status_snapshot(project, now, ctx.spec.options.status)
    zone = project.site.zone
    severities = sorted(project.severities.severities, key=lambda s: s.level)
    by_id = project.severities.by_id
    series = _series(severities)
    roles = project.team.role_names
    # An incident has pages once it is published (its first update is out), not when it starts.
    published = {i.id for i in project.incidents if is_published(i, now)}
    has_postmortem = {i.id for i in project.incidents if i.postmortem is not None and i.id in published}

    def incident_link(incident_id: str) -> str:
        """The incident's page, or '' on a site without status pages or before it is published."""
        if status is None or incident_id not in published:
            return ""
        return ctx.link(REPORT, status.incident(incident_id))

    def postmortem_link(incident_id: str) -> str:
        if incident_id not in has_postmortem:
            return ""
        return ctx.link(REPORT, ReliabilityPages.postmortem(incident_id))

    def percent(value: float) -> str:
        return labels("reliability.percent", value=f"{value:.0f}")

    uptimes = _UptimeRules(ctx, snapshot)
    windows = []
    for days in WINDOWS:
        figures = window_figures(project.incidents, severities, now, days)
        components = uptimes.components(figures.start)
        overall = overall_uptime(c.uptime for c in components)
        kpis = [KpiRow(check, _kpi_value(ctx, check, figures, overall)) for check in
                check_kpis(project.kpis.kpis, figures, overall)]  # fmt: skip
        breaches = _breaches(figures, by_id, incident_link)
        chart, rows = _resolve_chart(ctx, figures, severities, series, incident_link, percent)
        windows.append(WindowView(days, f"last-{days}-days", figures, components, overall, kpis, breaches,
                                  chart, rows))  # fmt: skip

    open_now = sorted(
        (incident_times(i, by_id.get(i.severity), now) for i in project.incidents if is_open(i, now)),
        key=lambda t: (t.incident.started_at, t.incident.id),
    )
    today = now.astimezone(zone).date()
    overdue = [
        OverdueItem(
            incident,
            index,
            item,
            roles.get(item.owner, ""),
            incident_link(incident.id),
            postmortem_link(incident.id),
            today - item.due,
        )
        for incident, index, item in overdue_action_items(project.incidents, now, zone)
    ]
    months_chart, month_rows = _months_chart(ctx, severities, series)

    page = ctx.templates.render(
        "reliability/report.md.j2",
        labels=labels,
        dates=dates,
        now=now,
        windows=windows,
        severities=severities,
        series=series,
        open_now=open_now,
        by_id=by_id,
        incident_link=incident_link,
        postmortem_link=postmortem_link,
        postmortems_link=ctx.link(REPORT, POSTMORTEMS),
        overdue=overdue,
        months_chart=months_chart,
        month_rows=month_rows,
        verdict_icons=VERDICT_ICONS,
        overdue_icon=OVERDUE_ICON,
        dot_glyphs=DOT_GLYPHS,
        bar_glyphs=BAR_GLYPHS,
        uptime_kpi=uptimes.kpi,
        partial_weight=f"{uptimes.policy.partial_outage_weight:g}",
        status_link=ctx.link(REPORT, status.index) if status is not None else "",
    )
    plan.add(REPORT, front_matter(labels("reliability.title"), hide=["toc"]) + page, Audience.internal)


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


def _resolve_chart(ctx: RenderContext, figures: WindowFigures, severities: list[Severity],
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


def _months_chart(ctx: RenderContext, severities: list[Severity],
                  series: list[Series]) -> tuple[Markup, list[MonthRow]]:  # fmt: skip
    """Incidents started in each of the last ``MONTHS`` months (site time zone), by severity."""
    labels, dates, now = ctx.labels, ctx.dates, ctx.now
    starts = _month_starts(dates.local(now).date(), MONTHS)
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
        bars.append(Bar(format_skeleton("MMM", start, locale=dates.locale), name, tuple(own), year))
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
