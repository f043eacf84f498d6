"""What the public status page and its API say about one incident or window, as text.

Worked out by the code that builds the site: the public view of the project, the status
snapshot at ``now`` and the API writer (``render.status.api``), so the preview cannot differ
from what the next build publishes at that moment.
"""

from __future__ import annotations

import html
import json
from datetime import datetime

from opsdocs.derive.status import StatusSnapshot, status_snapshot
from opsdocs.model.audience import public_view
from opsdocs.model.base import Audience
from opsdocs.model.project import Project
from opsdocs.render.context import RenderContext, make_context
from opsdocs.render.markdown import plain_text
from opsdocs.render.paths import StatusPages
from opsdocs.render.spec import SiteSpec
from opsdocs.render.status.api import ApiWriter


def _plain(markdown: str) -> str:
    return html.unescape(plain_text(markdown))


class _Preview:
    """The public site at ``now``: its snapshot, its labels and its API writer."""

    def __init__(self, project: Project, now: datetime, spec: SiteSpec) -> None:
        public = public_view(project)
        self.snapshot: StatusSnapshot = status_snapshot(public, now, spec.options.status)
        self.ctx: RenderContext = make_context(public, now, spec)
        pages = spec.paths.status or StatusPages()
        self.pages = pages
        self.api = ApiWriter(
            self.ctx,
            self.snapshot,
            pages,
            spec.options.status_rendering.api_language,
        )

    def head(self) -> list[str]:
        labels, dates = self.ctx.labels, self.ctx.dates
        indicator = self.snapshot.indicator.value
        return [
            f"Public status page at {dates.datetime(self.snapshot.now)}:",
            f"  banner: {labels(f'status.indicator.{indicator}')}",
        ]

    def components(self, ids: list[str]) -> list[str]:
        labels = self.ctx.labels
        lines = []
        for facts in self.snapshot.components:
            if facts.component.id in ids:
                status = labels(f"component.status.{facts.status.value}")
                lines.append(f"      {facts.component.name}: {status}")
        return lines

    def api_lines(self, what: str, content: dict) -> list[str]:
        text = json.dumps(content, ensure_ascii=False, indent=2)
        status = json.dumps(self.api.status(), ensure_ascii=False)
        return ["", f"API (api/v2/summary.json): status {status}", f"  {what}:", *_indent(text, 4)]


def _indent(text: str, spaces: int) -> list[str]:
    return [" " * spaces + line for line in text.splitlines()]


def incident_preview(project: Project, now: datetime, spec: SiteSpec, incident_id: str) -> str:
    """The incident as the public status page and API show it at ``now``."""
    incident = next(i for i in project.incidents if i.id == incident_id)
    if incident.audience == Audience.internal:
        return f"{incident_id}: audience internal; the public status page and API never show it."
    view = _Preview(project, now, spec)
    facts = next((f for f in view.snapshot.incidents if f.id == incident_id), None)
    if facts is None:
        return f"{incident_id}: not published at {view.ctx.dates.datetime(now)}: no update is out yet."
    labels, dates = view.ctx.labels, view.ctx.dates
    lines = view.head()
    lines += [
        f"  incident: {facts.incident.title}",
        f"    {labels('incident.status')}: {labels(f'incident.status.{facts.status.value}')}"
        f" · {labels('incident.impact')}: {labels(f'impact.{facts.impact.value}')}",
        f"    {labels('incident.started')}: {dates.datetime(facts.incident.started_at)}"
        f" · {labels('incident.duration')}: {dates.duration(facts.duration)}",
        f"    {labels('incident.affected')}:",
        *view.components(list(facts.components)),
    ]
    latest = facts.last_update
    if latest is not None:
        lines += [
            f"    {labels('status.latest_update')} ({labels(f'incident.status.{latest.status.value}')},"
            f" {dates.datetime(latest.at)}):",
            *_indent(_plain(latest.message), 6),
        ]
    lines.append(f"    {view.ctx.absolute(view.pages.incident(incident_id))}")
    where = "incidents (unresolved)" if facts.is_active else "incident (api/v2/incidents.json; resolved)"
    lines += view.api_lines(where, view.api.incident(facts))
    return "\n".join(lines) + "\n"


def maintenance_preview(project: Project, now: datetime, spec: SiteSpec, window_id: str) -> str:
    """The window as the public status page and API show it at ``now``."""
    window = next(w for w in project.maintenance if w.id == window_id)
    if window.audience == Audience.internal:
        return f"{window_id}: audience internal; the public status page and API never show it."
    view = _Preview(project, now, spec)
    if window.cancelled:
        return (
            f"{window_id}: cancelled; the status page and API no longer show it, calendars mark it cancelled."
        )
    facts = next((m for m in view.snapshot.maintenance if m.id == window_id), None)
    if facts is None:
        dates = view.ctx.dates
        announced = dates.datetime(window.announced)
        return f"{window_id}: not announced at {dates.datetime(now)}; it will be on {announced}."
    labels, dates = view.ctx.labels, view.ctx.dates
    lines = view.head()
    lines += [
        f"  maintenance: {window.title}",
        f"    {labels('incident.status')}: {labels(f'maintenance.status.{facts.status.value}')}",
        f"    {labels('maintenance.window')}: {dates.datetime(window.scheduled_for)}"
        f" – {dates.datetime(window.scheduled_until)}",
        f"    {labels('maintenance.components')}:",
        *view.components(window.components),
    ]
    latest = facts.steps[-1] if facts.steps else None
    if latest is not None:
        message = (
            latest.message
            if latest.message is not None
            else labels(f"maintenance.automatic.{latest.status.value}")
        )
        lines += [
            f"    {labels('status.latest_update')} ({dates.datetime(latest.at)}):",
            *_indent(_plain(message), 6),
        ]
    lines.append(f"    {view.ctx.absolute(view.pages.maintenance(window_id))}")
    lines += view.api_lines("scheduled_maintenance", view.api.maintenance(facts))
    return "\n".join(lines) + "\n"
