"""A page per component the site shows: its status, day bars and uptime from the status
snapshot, its incidents and maintenance (``StatusSnapshot.concerning``), capped as the status
page's lists are, and links to its own feeds and calendar and to the site-wide ones.

Only the components of the snapshot get a page, and on the public site the snapshot is of the
public view: an internal component has no page, feed or calendar there. The pages stay out of
the navigation, and out of the search index as the other detail pages do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from opsdocs.derive.ahead import StatusChange
from opsdocs.derive.status import ComponentFacts, StatusSnapshot
from opsdocs.derive.uptime import Day
from opsdocs.render.context import RenderContext
from opsdocs.render.pages import ALTERNATE, alternates, front_matter, script_json
from opsdocs.render.paths import FEED_KINDS, StatusPages
from opsdocs.render.plan import SitePlan
from opsdocs.render.status.measured import MeasuredView

RECENT_ON_STATUS_PAGE = 10
"""How many resolved incidents the status page lists, and a component's page too."""
UPCOMING_ON_STATUS_PAGE = 5
"""How many upcoming windows the status page lists, and a component's page too."""
SITE_FEED_LABELS = {"rss": "status.feed_rss", "atom": "status.feed_atom", "ics": "status.calendar"}
"""The label of each site-wide feed's link, by kind."""
OWN_FEED_LABELS = {"rss": "component.feed_rss", "atom": "component.feed_atom", "ics": "component.calendar"}
"""The label of each of a component's own feeds' links, by kind; it names the component."""


@dataclass(frozen=True)
class StatusPageKit:
    """What the status page and every component's page share: the values all status
    templates get, how a day of a bar is shown, the script's labels and the changes ahead."""

    common: dict[str, Any]
    day_class: Callable[[Day], str]
    day_text: Callable[[Day], str]
    script_labels: dict[str, str]
    ahead: list[StatusChange]
    history_days: int
    stale_after_minutes: int
    asset_root: str
    detail: dict[str, object]
    """The front matter of a detail page (navigation hidden, search index as configured)."""
    measured: dict[str, MeasuredView] = field(default_factory=dict)
    """What the checks measured, by component id (``render.status.measured``)."""


def site_feed_links(ctx: RenderContext, layout: StatusPages, page: str) -> dict[str, str]:
    """Links from ``page`` to the site-wide feeds and calendar, by kind."""
    return {kind: ctx.link(page, layout.feed(kind)) for kind in FEED_KINDS}


def site_feed_titles(ctx: RenderContext) -> dict[str, str]:
    """The titles of the site-wide feeds and calendar, by kind, as the status page words them."""
    return {kind: ctx.labels(key) for kind, key in SITE_FEED_LABELS.items()}


def ahead_json(kit: StatusPageKit, component_id: str | None = None) -> Markup:
    """The changes ahead as JSON for the page's script: all of them, or those that change
    ``component_id``, with its status only."""
    changes = []
    for change in kit.ahead:
        statuses = {cid: status.value for cid, status in change.components}
        if component_id is not None:
            statuses = {component_id: statuses[component_id]} if component_id in statuses else {}
            if not statuses:
                continue
        changes.append(
            {"at": change.at.isoformat(), "indicator": change.indicator.value, "components": statuses}
        )
    return script_json(changes)


def render_component_pages(
    ctx: RenderContext, snapshot: StatusSnapshot, plan: SitePlan, layout: StatusPages, kit: StatusPageKit
) -> None:
    """Add a page per component of ``snapshot`` to ``plan``, out of the navigation, with its
    feeds and calendar and the site-wide ones named for its head (``alternate``)."""
    for facts in snapshot.components:
        component = facts.component
        path = layout.component(component.id)
        own = {kind: ctx.link(path, layout.feed(kind, component.id)) for kind in FEED_KINDS}
        site = site_feed_links(ctx, layout, path)
        titles = {kind: ctx.labels(key, name=component.name) for kind, key in OWN_FEED_LABELS.items()}
        head = {ALTERNATE: alternates(own, titles) + alternates(site, site_feed_titles(ctx))}
        meta = front_matter(ctx.labels("component.title", name=component.name), **kit.detail, **head)
        page = _component_page(ctx, snapshot.concerning(component.id), layout, kit, facts, path, own, site)
        plan.add(path, meta + page, listed=False)


def _component_page(
    ctx: RenderContext,
    own: StatusSnapshot,
    layout: StatusPages,
    kit: StatusPageKit,
    facts: ComponentFacts,
    path: str,
    links: dict[str, str],
    site_links: dict[str, str],
) -> str:
    """The body of one component's page at ``path``; ``own``: the snapshot narrowed to it."""
    past_windows = [m for m in own.past_maintenance if not m.is_active]
    return ctx.templates.render(
        "status/component.md.j2",
        facts=facts,
        now=own.now,
        active_incidents=list(own.active_incidents),
        active_windows=list(own.active_maintenance),
        upcoming=list(own.upcoming_maintenance[:UPCOMING_ON_STATUS_PAGE]),
        recent=[i for i in own.incidents if not i.is_active][:RECENT_ON_STATUS_PAGE],
        past_windows=past_windows[:RECENT_ON_STATUS_PAGE],
        history_days=kit.history_days,
        day_class=kit.day_class,
        day_text=kit.day_text,
        labels_json=script_json(kit.script_labels),
        ahead_json=ahead_json(kit, facts.component.id),
        stale_after_minutes=kit.stale_after_minutes,
        incident_link=lambda id_: ctx.link(path, layout.incident(id_)),
        maintenance_link=lambda id_: ctx.link(path, layout.maintenance(id_)),
        back_link=ctx.link(path, layout.index),
        history_link=ctx.link(path, layout.history(1)),
        summary_url=ctx.link(path, "api/v2/summary.json"),
        script_url=ctx.link(path, f"{kit.asset_root}status.js"),
        links=links,
        site_links=site_links,
        measured=kit.measured.get(facts.component.id),
        **kit.common,
    )
