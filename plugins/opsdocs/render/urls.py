"""Absolute addresses, for what is read outside the site (feeds, calendars, the API)."""

from __future__ import annotations

from dataclasses import replace

from opsdocs.render.context import RenderContext

GENERATOR = "opsdocs"
"""The generator named in feeds and calendars: no version, no address, so nothing changes
between builds."""


def absolute_context(ctx: RenderContext) -> RenderContext:
    """``ctx``, with the site's address from ``site.yml`` when the build gave none.

    Feeds and calendars are read outside the site, so their links must be absolute.
    """
    if ctx.site_url:
        return ctx
    return replace(ctx, spec=replace(ctx.spec, site_url=str(ctx.project.site.url)))
