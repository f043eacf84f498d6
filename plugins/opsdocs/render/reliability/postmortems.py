"""Postmortem pages (staff site only): one per incident with a postmortem, and their index.

Only ``public_summary`` of a postmortem is ever published; these pages show everything else
too, so they are internal.
"""

from __future__ import annotations

from dataclasses import dataclass

from opsdocs.derive.incidents import IncidentFacts, incident_facts
from opsdocs.derive.postmortems import is_overdue, site_today
from opsdocs.model.base import Audience
from opsdocs.model.incidents import ActionItem
from opsdocs.render import links
from opsdocs.render.context import RenderContext
from opsdocs.render.markdown import render_markdown
from opsdocs.render.pages import front_matter
from opsdocs.render.paths import ReliabilityPages
from opsdocs.render.plan import SitePlan
from opsdocs.render.reliability.report import OVERDUE_ICON, POSTMORTEMS, REPORT


@dataclass(frozen=True)
class ActionRow:
    """An action item as the page shows it."""

    item: ActionItem
    owner: str
    overdue: bool
    link: str
    """The item's link when it is a web address, else ''."""


@dataclass(frozen=True)
class PostmortemEntry:
    """One postmortem in the index."""

    facts: IncidentFacts
    link: str
    done: int
    total: int
    overdue: int


def render_postmortems(ctx: RenderContext, plan: SitePlan) -> None:
    """Add an internal page per postmortem, ``postmortems/<incident id>.md``, and
    ``postmortems/index.md`` listing them newest first."""
    status = ctx.paths.status
    project, labels, dates, now = ctx.project, ctx.labels, ctx.dates, ctx.now
    severities = project.severities.by_id
    roles = project.team.role_names
    today = site_today(now, project.site.zone)
    common = {"labels": labels, "dates": dates, "overdue_icon": OVERDUE_ICON}
    entries = []
    for incident in project.incidents:
        postmortem = incident.postmortem
        facts = incident_facts(incident, severities, now)
        if postmortem is None or facts is None:
            continue
        path = ReliabilityPages.postmortem(incident.id)
        actions = [
            ActionRow(
                item, roles.get(item.owner, ""), is_overdue(item, today), links.outside_href(item.link) or ""
            )
            for item in postmortem.action_items
        ]
        page = ctx.templates.render(
            "reliability/postmortem.md.j2",
            facts=facts,
            postmortem=postmortem,
            severity=severities.get(incident.severity),
            public_summary=render_markdown(postmortem.public_summary) if postmortem.public_summary else "",
            render_markdown=render_markdown,
            timeline=sorted(postmortem.timeline, key=lambda entry: entry.at),
            actions=actions,
            incident_link=ctx.link(path, status.incident(incident.id)) if status is not None else "",
            index_link=ctx.link(path, POSTMORTEMS),
            report_link=ctx.link(path, REPORT),
            **common,
        )
        title = labels("postmortem.title", title=incident.title)
        plan.add(path, front_matter(title, hide=["navigation"]) + page, Audience.internal, listed=False)
        entries.append(
            PostmortemEntry(
                facts,
                ctx.link(POSTMORTEMS, path),
                sum(1 for a in actions if a.item.done),
                len(actions),
                sum(1 for a in actions if a.overdue),
            )
        )
    entries.sort(key=lambda e: (e.facts.incident.started_at, e.facts.id), reverse=True)
    index = ctx.templates.render(
        "reliability/postmortems.md.j2",
        entries=entries,
        severities=severities,
        report_link=ctx.link(POSTMORTEMS, REPORT),
        **common,
    )
    plan.add(POSTMORTEMS, front_matter(labels("postmortem.index.title")) + index, Audience.internal)
