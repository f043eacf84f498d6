"""Runbook pages with a generated header, and the runbook index (staff site only).

The header puts what an on-call engineer needs first above the runbook's own text: the
severities it covers with their targets, whom to call, the components with their status now,
and the incidents that used it before.
"""

from __future__ import annotations

from opsdocs.derive.runbooks import ReviewState, RunbookFacts, runbook_facts
from opsdocs.derive.status import StatusSnapshot
from opsdocs.load.markdown_page import split_leading_heading
from opsdocs.model.base import Audience
from opsdocs.render import links
from opsdocs.render.context import RenderContext
from opsdocs.render.icons import COMPONENT_ICONS
from opsdocs.render.pages import edit_url, front_matter
from opsdocs.render.paths import RunbookPages
from opsdocs.render.plan import SitePlan

STATE_ICONS = {ReviewState.ok: "✓", ReviewState.due_soon: "!", ReviewState.overdue: "✕"}


def render_runbooks(ctx: RenderContext, plan: SitePlan, snapshot: StatusSnapshot) -> None:
    """Add every runbook page and the index to ``plan``. An overdue review is marked on the
    runbook's page and in the index; it is never a build warning (see ``opsdocs.hygiene``)."""
    project = ctx.project
    status, handbook = ctx.paths.status, ctx.paths.handbook
    facts = runbook_facts(project.runbooks, project.incidents, ctx.now, project.site.zone)
    severities = project.severities.by_id
    people = project.team.people_by_id
    on_call = project.contacts.on_call
    paged_first = project.contacts.by_id.get(on_call.contact) if on_call is not None else None
    common = {"labels": ctx.labels, "dates": ctx.dates, "state_icons": STATE_ICONS, "icons": COMPONENT_ICONS}
    for fact in facts:
        meta = fact.runbook.meta
        path = RunbookPages.page(meta.id)
        contacts = [c for c in project.contacts.contacts if c.role == meta.owner]
        if paged_first is not None and paged_first not in contacts:
            contacts.append(paged_first)
        header = ctx.templates.render(
            "runbooks/header.html.j2",
            fact=fact,
            meta=meta,
            owner=project.team.role_names.get(meta.owner, ""),
            severities=[severities[s] for s in meta.severities if s in severities],
            contacts=[(c, people.get(c.person) if c.person else None) for c in contacts],
            people=[p for p in project.team.people if meta.owner in p.roles],
            contacts_link=ctx.link(path, handbook.contacts) if handbook is not None else "",
            components=[
                (
                    component,
                    ctx.link(path, status.index) + f"#component-{c}" if status is not None else "",
                )
                for c in meta.components
                if (component := snapshot.component(c)) is not None
            ],
            incidents=[
                (
                    i,
                    ctx.link(path, status.incident(i.id)) if status is not None else "",
                    severities.get(i.severity),
                )
                for i in fact.incidents
            ],
            edit=edit_url(project.site.repository_url, project.site.edit_uri, fact.runbook.path),
            source=fact.runbook.path,
            mailto=links.mailto,
            tel=links.tel,
            **common,
        )
        # The header goes under the runbook's own first heading, or under a generated one.
        top, rest = split_leading_heading(fact.runbook.body)
        top = top + "\n\n" if top else ctx.templates.render("runbooks/title.html.j2", title=meta.title)
        plan.add(path, front_matter(meta.title) + f"{top}{header}\n{rest}", Audience.internal)
    _render_index(ctx, plan, facts, common)


def _render_index(
    ctx: RenderContext, plan: SitePlan, facts: list[RunbookFacts], common: dict[str, object]
) -> None:
    project = ctx.project
    path = RunbookPages.index
    link = {f.id: ctx.link(path, RunbookPages.page(f.id)) for f in facts}
    by_component = []
    for component in project.components.all_components():
        own = [f for f in facts if component.id in f.runbook.meta.components]
        if own:
            by_component.append((component.name, own))
    by_severity = []
    for severity in sorted(project.severities.severities, key=lambda s: s.level):
        own = [f for f in facts if severity.id in f.runbook.meta.severities]
        if own:
            by_severity.append((severity, own))
    page = ctx.templates.render(
        "runbooks/index.md.j2",
        facts=facts,
        link=link,
        roles=project.team.role_names,
        by_component=by_component,
        by_severity=by_severity,
        **common,
    )
    plan.add(path, front_matter(ctx.labels("runbooks.title")) + page, Audience.internal)
