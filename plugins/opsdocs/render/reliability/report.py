"""The reliability report (staff site only): uptime, response and resolution against targets,
MTTA/MTTR/MTBF against the KPIs, open incidents and overdue postmortem action items, over the
last 30, 90 and 365 days.

Every figure comes from ``derive`` (``reliability``, ``kpis``, ``postmortems``, and the site's
status snapshot for the uptime); this module puts the page together from each window
(``windows.py``), the charts (``report_charts.py``) and the incidents that want attention now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from opsdocs.derive.checks import Measured
from opsdocs.derive.kpis import Verdict
from opsdocs.derive.postmortems import overdue_action_items
from opsdocs.derive.published import is_open, is_published
from opsdocs.derive.reliability import IncidentTimes, incident_times
from opsdocs.derive.status import StatusSnapshot, status_snapshot
from opsdocs.model.base import Audience
from opsdocs.model.incidents import ActionItem, Incident
from opsdocs.model.severities import Severity
from opsdocs.render.context import RenderContext
from opsdocs.render.pages import front_matter
from opsdocs.render.paths import ReliabilityPages
from opsdocs.render.plan import SitePlan
from opsdocs.render.reliability.measured import measured_comparison
from opsdocs.render.reliability.report_charts import BAR_GLYPHS, DOT_GLYPHS, months_chart, severity_series
from opsdocs.render.reliability.windows import UptimeRules, window_view

REPORT = ReliabilityPages.report
POSTMORTEMS = ReliabilityPages.postmortems
WINDOWS = (30, 90, 365)
"""Days of each window the report covers."""
VERDICT_ICONS = {Verdict.met: "✓", Verdict.missed: "✕", Verdict.no_data: "–", Verdict.wrong_unit: "?"}
OVERDUE_ICON = "✕"
GLYPHS = {"verdict_icons": VERDICT_ICONS, "overdue_icon": OVERDUE_ICON, "dot_glyphs": DOT_GLYPHS,
          "bar_glyphs": BAR_GLYPHS}  # fmt: skip
"""The report's icons and legend glyphs, as its template receives them."""


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


class _Links:
    """The report's links: to an incident's page and to its postmortem once the incident is
    published (its first update is out, not when it starts), and to the other pages."""

    def __init__(self, ctx: RenderContext) -> None:
        self.ctx = ctx
        now = ctx.now
        self.published = {i.id for i in ctx.project.incidents if is_published(i, now)}
        self.with_postmortem = {
            i.id for i in ctx.project.incidents if i.postmortem is not None and i.id in self.published
        }

    def incident(self, incident_id: str) -> str:
        """The incident's page, or '' on a site without status pages or before it is published."""
        status = self.ctx.paths.status
        if status is None or incident_id not in self.published:
            return ""
        return self.ctx.link(REPORT, status.incident(incident_id))

    def postmortem(self, incident_id: str) -> str:
        """The incident's postmortem page, or '' when it has none (yet)."""
        if incident_id not in self.with_postmortem:
            return ""
        return self.ctx.link(REPORT, ReliabilityPages.postmortem(incident_id))

    def template_values(self) -> dict[str, object]:
        """The links as the report's template receives them."""
        status = self.ctx.paths.status
        return {
            "incident_link": self.incident,
            "postmortem_link": self.postmortem,
            "postmortems_link": self.ctx.link(REPORT, POSTMORTEMS),
            "status_link": self.ctx.link(REPORT, status.index) if status is not None else "",
        }


def render_reliability(
    ctx: RenderContext,
    plan: SitePlan,
    snapshot: StatusSnapshot | None = None,
    measured: Measured | None = None,
) -> None:
    """Add the internal page ``reliability/index.md`` to ``plan``. Overdue postmortem action
    items are listed on it; they are never a build warning (see ``opsdocs.hygiene``).

    ``snapshot`` is the site's status snapshot: the uptime is cut from its intervals and
    weighed by the report's own ``partial_outage_weight`` (``ctx.spec.options.reliability``);
    ``measured``, what the checks measured, is compared with it."""
    project, labels = ctx.project, ctx.labels
    uptimes = UptimeRules(ctx, snapshot or status_snapshot(project, ctx.now, ctx.spec.options.status))
    severities = sorted(project.severities.severities, key=lambda s: s.level)
    series = severity_series(severities)
    links = _Links(ctx)
    chart, month_rows = months_chart(ctx, severities, series)
    page = ctx.templates.render(
        "reliability/report.md.j2",
        labels=labels,
        dates=ctx.dates,
        now=ctx.now,
        windows=[window_view(ctx, days, uptimes, severities, series, links.incident) for days in WINDOWS],
        severities=severities,
        series=series,
        by_id=project.severities.by_id,
        open_now=_open_incidents(ctx, project.severities.by_id),
        overdue=_overdue_items(ctx, links),
        months_chart=chart,
        month_rows=month_rows,
        uptime_kpi=uptimes.kpi,
        partial_weight=f"{uptimes.policy.partial_outage_weight:g}",
        measured=measured_comparison(ctx, measured, uptimes),
        checks=project.checks.checks,
        **links.template_values(),
        **GLYPHS,
    )
    plan.add(REPORT, front_matter(labels("reliability.title"), hide=["toc"]) + page, Audience.internal)


def _open_incidents(ctx: RenderContext, by_id: dict[str, Severity]) -> list[IncidentTimes]:
    """The incidents open at ``now``, oldest first, with their response so far."""
    now = ctx.now
    return sorted(
        (incident_times(i, by_id.get(i.severity), now) for i in ctx.project.incidents if is_open(i, now)),
        key=lambda t: (t.incident.started_at, t.incident.id),
    )


def _overdue_items(ctx: RenderContext, links: _Links) -> list[OverdueItem]:
    """The postmortem action items past their due date (site time zone), with their owner's role."""
    project = ctx.project
    zone, roles = project.site.zone, project.team.role_names
    today = ctx.now.astimezone(zone).date()
    found = []
    for incident, index, item in overdue_action_items(project.incidents, ctx.now, zone):
        owner = roles.get(item.owner, "")
        found.append(OverdueItem(incident, index, item, owner, links.incident(incident.id),
                                 links.postmortem(incident.id), today - item.due))  # fmt: skip
    return found
