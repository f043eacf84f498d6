"""The staff handbook, generated from ``data/``: severities, incident process, contacts and
escalation, team, maintenance cycle (with its calendar), deployment, continuity, security,
releases and support; every page internal.

The same tables reach hand-written pages through ``<!-- opsdocs:NAME -->`` directives
(``expand_directives``).
"""

from __future__ import annotations

from opsdocs.render.context import RenderContext
from opsdocs.render.handbook.calendar import render_cycle_calendar
from opsdocs.render.handbook.directives import directive_names, expand_directives
from opsdocs.render.handbook.pages import INDEX, PAGES, render_pages
from opsdocs.render.plan import SitePlan

__all__ = ["INDEX", "PAGES", "directive_names", "expand_directives", "render_handbook"]


def render_handbook(ctx: RenderContext, plan: SitePlan) -> None:
    """Add the handbook's pages and the maintenance cycle's calendar to ``plan`` (internal)."""
    render_pages(ctx, plan)
    render_cycle_calendar(ctx, plan)
