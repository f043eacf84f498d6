"""The help pages' incident banner: while an incident or a maintenance window is active at
``now``, every help page says so at its top and links to the status page.

It is built with the site, like the status page, so it works without JavaScript; its
``data-opsdocs-help-banner`` attribute lets a script refresh it between builds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from babel.lists import format_list
from markupsafe import Markup

from opsdocs.derive.status import StatusSnapshot
from opsdocs.render.context import RenderContext
from opsdocs.render.icons import IMPACT_ICONS


@dataclass(frozen=True)
class ServiceNotice:
    """What the help center knows about the service: the status at ``now``, and the path of
    the site's status page (None on a site without one)."""

    snapshot: StatusSnapshot
    status_page: str | None = "status/index.md"

    @property
    def active(self) -> bool:
        """Whether an incident or a maintenance window is in progress."""
        return bool(self.snapshot.active_incidents or self.snapshot.active_maintenance)


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))


def _names(ids: Iterable[str], snapshot: StatusSnapshot, fallback: str) -> list[str]:
    """The names of the components ``ids`` this site shows, or ``fallback`` when it shows none
    (an internal component's id is never printed)."""
    found = [facts.component.name for i in ids if (facts := snapshot.component(i)) is not None]
    return found or [fallback]


def render_banner(ctx: RenderContext, notice: ServiceNotice, page_src: str) -> Markup:
    """The banner for the page built from ``page_src``; empty while all is well."""
    if not notice.active:
        return Markup("")
    snapshot, labels, locale = notice.snapshot, ctx.labels, ctx.dates.locale
    messages = []
    if snapshot.active_incidents:
        affected = _unique(
            name
            for facts in snapshot.active_incidents
            for name in _names(facts.components, snapshot, facts.incident.title)
        )
        messages.append(labels("help.banner.incident", what=format_list(affected, locale=locale)))
    if snapshot.active_maintenance:
        affected = _unique(
            name
            for facts in snapshot.active_maintenance
            for name in _names(facts.window.components, snapshot, facts.window.title)
        )
        messages.append(labels("help.banner.maintenance", what=format_list(affected, locale=locale)))
    indicator = snapshot.indicator.value
    return Markup(
        ctx.templates.render(
            "helpcenter/banner.html.j2",
            messages=messages,
            indicator=indicator,
            icon=IMPACT_ICONS.get(indicator, "!"),
            status_link=ctx.link(page_src, notice.status_page) if notice.status_page else "",
            labels=labels,
        ).strip()
    )
