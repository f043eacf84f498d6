"""Render the status page, its history, its JSON API, feeds, calendar and badges."""

from __future__ import annotations

from opsdocs.derive.checks import Measured
from opsdocs.derive.status import StatusOptions, StatusSnapshot, status_snapshot
from opsdocs.model.base import Audience
from opsdocs.render.context import RenderContext
from opsdocs.render.paths import StatusPages
from opsdocs.render.plan import SitePlan
from opsdocs.render.spec import StatusRendering
from opsdocs.render.status.api import render_api
from opsdocs.render.status.badges import render_badges
from opsdocs.render.status.calendar import render_calendar
from opsdocs.render.status.feeds import render_feeds
from opsdocs.render.status.hosting import HEADERS_FILE, headers_file
from opsdocs.render.status.measured import render_checks_json
from opsdocs.render.status.site import render_status_site

__all__ = ["render_status"]


def render_status(
    ctx: RenderContext,
    plan: SitePlan,
    layout: StatusPages,
    asset_root: str,
    options: StatusOptions,
    snapshot: StatusSnapshot | None = None,
    rendering: StatusRendering | None = None,
    measured: Measured | None = None,
) -> StatusSnapshot:
    """Add every status output to ``plan``; return the snapshot it was rendered from.
    ``stale_after_minutes``: the page's script warns once its data is older than this;
    ``measured``: what the checks measured, when the site reads a checks' history."""
    snapshot = snapshot or status_snapshot(ctx.project, ctx.now, options)
    rendering = rendering or StatusRendering()
    render_status_site(
        ctx,
        snapshot,
        plan,
        layout,
        asset_root,
        options.history_days,
        search_history=rendering.search_history,
        stale_after_minutes=rendering.stale_after_minutes,
        measured=measured,
    )
    render_api(ctx, snapshot, plan, layout, language=rendering.api_language)
    render_checks_json(ctx, measured, snapshot, plan)
    render_feeds(ctx, snapshot, plan, layout)
    render_calendar(ctx, snapshot, plan, layout)
    render_badges(ctx, snapshot, plan, layout)
    if ctx.public:  # the host configuration of the public site; the staff site's host is its own
        plan.add(HEADERS_FILE, headers_file(layout.root), Audience.public)
    return snapshot
