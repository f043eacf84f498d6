"""The public site's home at ``/``: where the logo, a bare address and the API's ``page.url``
lead a visitor.

Who reads it: someone who typed the address or followed the logo, often because something is
not working. So it leads with the overall status and what is going on now, then the ways to
help themselves (search and help topics) and where to go next (status, roadmap, support).
It links only to parts the site has; a hand-written public ``index.md`` replaces it.
"""

from __future__ import annotations

from opsdocs.derive.status import StatusSnapshot
from opsdocs.render.context import RenderContext
from opsdocs.render.icons import IMPACT_ICONS
from opsdocs.render.pages import front_matter
from opsdocs.render.paths import HOME


def render_home(ctx: RenderContext, snapshot: StatusSnapshot) -> str:
    """The home page as Markdown with its front matter; it links only to parts the site has."""
    status, help_pages, roadmap = ctx.paths.status, ctx.paths.help, ctx.paths.roadmap

    def link(target: str | None) -> str | None:
        return ctx.link(HOME, target) if target else None

    categories = ctx.project.faq.categories if help_pages else []
    page = ctx.templates.render(
        "home/index.md.j2",
        snapshot=snapshot,
        product=ctx.project.site.product,
        description=ctx.project.site.description,
        status_link=link(status and status.index),
        incident_link=lambda id_: link(status and status.incident(id_)),
        maintenance_link=lambda id_: link(status and status.maintenance(id_)),
        help_link=link(help_pages and help_pages.home),
        faq_link=link(help_pages and help_pages.faq),
        support_link=link(help_pages and help_pages.support),
        roadmap_link=link(roadmap and roadmap.index),
        categories=[(c, link(help_pages and help_pages.category(c.id))) for c in categories],
        indicator_icons=IMPACT_ICONS,
        labels=ctx.labels,
        dates=ctx.dates,
    )
    return front_matter(ctx.project.site.product, hide=["navigation", "toc"]) + page
