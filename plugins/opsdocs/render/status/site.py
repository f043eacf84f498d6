"""The status pages: the status page itself, a page per incident, maintenance window and
component, and the paginated history. Detail pages are never put in the navigation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from typing import NamedTuple

from opsdocs.derive.ahead import scheduled_changes
from opsdocs.derive.checks import Measured
from opsdocs.derive.status import ComponentFacts, StatusSnapshot
from opsdocs.derive.uptime import Day
from opsdocs.model.base import Audience
from opsdocs.model.components import ComponentGroup
from opsdocs.model.maintenance import MaintenanceStatus
from opsdocs.render.context import RenderContext
from opsdocs.render.icons import COMPONENT_ICONS, IMPACT_ICONS
from opsdocs.render.markdown import render_markdown
from opsdocs.render.pages import ALTERNATE, alternates, front_matter, script_json
from opsdocs.render.paths import StatusPages
from opsdocs.render.plan import SitePlan
from opsdocs.render.spec import STALE_AFTER_MINUTES
from opsdocs.render.status.components import (
    RECENT_ON_STATUS_PAGE,
    UPCOMING_ON_STATUS_PAGE,
    StatusPageKit,
    ahead_json,
    render_component_pages,
    site_feed_links,
    site_feed_titles,
)
from opsdocs.render.status.measured import measured_views

HISTORY_PAGE_SIZE = 50


@dataclass(frozen=True)
class _Group:
    name: str
    components: list[ComponentFacts]


@dataclass(frozen=True)
class _HistoryEntry:
    at: datetime
    title: str
    kind: str
    link: str
    duration: str


def _groups(snapshot: StatusSnapshot) -> list[_Group]:
    result: list[_Group] = []
    for group, members in groupby(snapshot.components, key=lambda c: c.group):
        result.append(_Group(group.name if isinstance(group, ComponentGroup) else "", list(members)))
    return result


def render_status_site(ctx: RenderContext, snapshot: StatusSnapshot, plan: SitePlan, layout: StatusPages,
                       asset_root: str, history_days: int, search_history: bool = False,
                       stale_after_minutes: int = STALE_AFTER_MINUTES, measured: Measured | None = None,
                       ) -> None:  # fmt: skip
    """Add the status page, incident, maintenance, component and history pages to ``plan``.
    The detail pages stay out of the navigation, and out of the search index unless
    ``search_history``.

    The status page carries the changes scheduled maintenance will make (``derive.ahead``)
    and ``stale_after_minutes``, for its script; without the script it says when it was built.
    """
    labels, dates = ctx.labels, ctx.dates
    detail = _detail_meta(search_history)

    def day_class(day: Day) -> str:
        return day.status.value if day.tracked else "untracked"

    def day_text(day: Day) -> str:
        when = dates.date(day.day)
        if not day.tracked:
            return f"{when}: {labels('status.day_untracked')}"
        if not day.sources:
            return f"{when}: {labels('status.day_ok')}"
        text = f"{when}: {labels('component.status.' + day.status.value)}"
        minutes = round(day.down.total_seconds() / 60)
        if minutes:
            text += f", {labels('status.day_down', minutes=minutes)}"
        titles = [titles_by_id[s] for s in day.sources if s in titles_by_id]
        return text + (f" — {'; '.join(titles)}" if titles else "")

    script_labels = {key: labels(key) for key in ("status.refreshed", "status.refreshed_now", "status.stale")}
    script_labels.update({f"component.status.{s}": labels(f"component.status.{s}") for s in COMPONENT_ICONS})
    script_labels.update({f"status.indicator.{i}": labels(f"status.indicator.{i}") for i in IMPACT_ICONS})
    titles_by_id = {i.incident.id: i.incident.title for i in snapshot.incidents}
    titles_by_id.update({m.window.id: m.window.title for m in snapshot.maintenance})
    index = layout.index
    common = {
        "labels": labels,
        "dates": dates,
        "icons": COMPONENT_ICONS,
        "impact_icons": IMPACT_ICONS,
        "indicator_icons": IMPACT_ICONS,
        "render_markdown": render_markdown,
    }
    kit = StatusPageKit(
        common=common,
        day_class=day_class,
        day_text=day_text,
        script_labels=script_labels,
        ahead=scheduled_changes(ctx.project, snapshot),
        history_days=history_days,
        stale_after_minutes=stale_after_minutes,
        asset_root=asset_root,
        detail=detail,
        measured=measured_views(ctx, measured, snapshot),
    )
    links = site_feed_links(ctx, layout, index)
    status_page = ctx.templates.render(
        "status/index.md.j2",
        snapshot=snapshot,
        groups=_groups(snapshot),
        recent=[i for i in snapshot.incidents if not i.is_active][:RECENT_ON_STATUS_PAGE],
        upcoming_cap=UPCOMING_ON_STATUS_PAGE,
        history_days=history_days,
        labels_json=script_json(script_labels),
        ahead_json=ahead_json(kit),
        stale_after_minutes=stale_after_minutes,
        day_class=day_class,
        day_text=day_text,
        incident_link=lambda id_: ctx.link(index, layout.incident(id_)),
        maintenance_link=lambda id_: ctx.link(index, layout.maintenance(id_)),
        component_link=lambda id_: ctx.link(index, layout.component(id_)),
        history_link=ctx.link(index, layout.history(1)),
        summary_url=ctx.link(index, "api/v2/summary.json"),
        script_url=ctx.link(index, f"{asset_root}status.js"),
        links=links,
        measured=kit.measured,
        **common,
    )
    head = {ALTERNATE: alternates(links, site_feed_titles(ctx))}
    meta = front_matter(labels("status.title"), hide=["navigation", "toc"], **head)
    plan.add(index, meta + status_page, Audience.public)

    severities = ctx.project.severities.by_id
    # ``snapshot.component``: the components this site shows; an incident may also name one
    # the public view dropped.
    for facts in snapshot.incidents:
        path = layout.incident(facts.id)
        postmortem = facts.incident.postmortem
        page = ctx.templates.render(
            "status/incident.md.j2",
            facts=facts,
            severity_name=severity.name
            if not ctx.public and (severity := severities.get(facts.incident.severity))
            else "",
            affected=[
                # A component this site does not show (an internal one) is left out, id and all.
                (shown.component.name, status.value)
                for cid, status in facts.components.items()
                if (shown := snapshot.component(cid)) is not None
            ],
            public_summary=render_markdown(postmortem.public_summary)
            if postmortem and postmortem.public_summary
            else "",
            back_link=ctx.link(path, index),
            postmortem_link=ctx.link(path, ctx.paths.reliability.postmortem(facts.id))
            if postmortem and ctx.paths.reliability is not None
            else "",
            **common,
        )
        plan.add(path, front_matter(facts.incident.title, **detail) + page, listed=False)

    for facts in snapshot.maintenance:
        path = layout.maintenance(facts.id)
        page = ctx.templates.render(
            "status/maintenance.md.j2",
            facts=facts,
            component_names=[
                shown.component.name
                for c in facts.window.components
                if (shown := snapshot.component(c)) is not None
            ],
            # The lifecycle after the announcement (whose text is the window's message), newest
            # first: the same updates the API serves, automatic ones worded from the catalog.
            updates=[
                _PageUpdate(
                    step.at,
                    step.status,
                    step.message
                    if step.message is not None
                    else labels(f"maintenance.automatic.{step.status.value}"),
                )
                for step in reversed(facts.steps[1:])
            ],
            back_link=ctx.link(path, index),
            **common,
        )
        plan.add(path, front_matter(facts.window.title, **detail) + page, listed=False)

    render_component_pages(ctx, snapshot, plan, layout, kit)
    _render_history(ctx, snapshot, plan, layout, common, search_history)


def _detail_meta(search_history: bool) -> dict[str, object]:
    """Front matter of an incident or maintenance page: no navigation sidebar, and out of the
    search index unless ``search_history`` (then at half weight, below the hand-written help)."""
    return {"hide": ["navigation"], "search": {"boost": 0.5} if search_history else {"exclude": True}}


class _PageUpdate(NamedTuple):
    """A maintenance update as the page's template shows it."""

    at: datetime
    status: MaintenanceStatus
    message: str


def _render_history(ctx: RenderContext, snapshot: StatusSnapshot, plan: SitePlan, layout: StatusPages,
                    common: dict[str, object], search_history: bool) -> None:  # fmt: skip
    labels, dates = ctx.labels, ctx.dates
    entries: list[tuple[datetime, str, str, str, str]] = []
    for facts in snapshot.incidents:
        duration = dates.duration(facts.duration)
        entries.append((facts.incident.started_at, facts.incident.title, labels("history.incidents"),
                        layout.incident(facts.id), duration))  # fmt: skip
    for facts in snapshot.past_maintenance:
        entries.append((facts.window.scheduled_for, facts.window.title, labels("history.maintenance"),
                        layout.maintenance(facts.id), ""))  # fmt: skip
    entries.sort(key=lambda e: (e[0], e[3]), reverse=True)
    pages = max(1, -(-len(entries) // HISTORY_PAGE_SIZE))
    for number in range(1, pages + 1):
        path = layout.history(number)
        chunk = entries[(number - 1) * HISTORY_PAGE_SIZE : number * HISTORY_PAGE_SIZE]
        months = []
        for _, items in groupby(chunk, key=lambda e: dates.local(e[0]).strftime("%Y-%m")):
            items = list(items)
            month = dates.month(dates.local(items[0][0]).date())
            months.append((month[:1].upper() + month[1:],
                           [_HistoryEntry(at, title, kind, ctx.link(path, target), duration)
                            for at, title, kind, target, duration in items]))  # fmt: skip
        page = ctx.templates.render(
            "status/history.md.j2",
            months=months,
            page=number,
            pages=pages,
            newer_link=ctx.link(path, layout.history(number - 1)) if number > 1 else "",
            older_link=ctx.link(path, layout.history(number + 1)) if number < pages else "",
            back_link=ctx.link(path, layout.index),
            **common,
        )
        title = labels("history.title") if number == 1 else f"{labels('history.title')} · {number}"
        search = {} if search_history else {"search": {"exclude": True}}
        plan.add(path, front_matter(title, hide=["navigation", "toc"], **search) + page, listed=False)
