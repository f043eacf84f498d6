"""Render the status page, its history, its JSON API, feeds, calendar and badges."""

from __future__ import annotations

from opsdocs.derive.status import StatusOptions, StatusSnapshot, status_snapshot
from opsdocs.render.context import RenderContext
from opsdocs.render.plan import SitePlan
from opsdocs.render.status.api import render_api
from opsdocs.render.status.badges import render_badges
from opsdocs.render.status.calendar import render_calendar
from opsdocs.render.status.feeds import render_feeds
from opsdocs.render.status.site import STALE_AFTER_MINUTES, StatusLayout, render_status_site

__all__ = ["StatusLayout", "render_status"]


def render_status(
    ctx: RenderContext,
    plan: SitePlan,
    layout: StatusLayout,
    asset_root: str,
    options: StatusOptions,
    snapshot: StatusSnapshot | None = None,
    stale_after_minutes: int = STALE_AFTER_MINUTES,
) -> StatusSnapshot:
    """Add every status output to ``plan``; return the snapshot it was rendered from.
    ``stale_after_minutes``: the page's script warns once its data is older than this."""
    snapshot = snapshot or status_snapshot(ctx.project, ctx.now, options)
    render_status_site(ctx, snapshot, plan, layout, asset_root, options.history_days, stale_after_minutes)
    render_api(ctx, snapshot, plan, layout.incident, layout.maintenance)
    render_feeds(ctx, snapshot, plan, layout.incident, layout.maintenance, prefix=layout.root)
    render_calendar(ctx, snapshot, plan, layout.maintenance, prefix=layout.root)
    render_badges(ctx, snapshot, plan, prefix=layout.root)
    return snapshot
