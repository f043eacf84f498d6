"""The public site's home at ``/``: where the logo, a bare address and the API's ``page.url``
lead a visitor.

Who reads it: someone who typed the address or followed the logo, often because something is
not working. So it leads with the overall status and what is going on now, then the ways to
help themselves (search and help topics) and where to go next (status, roadmap, support).
It links only to parts the site has; a hand-written public ``index.md`` replaces it.
"""

from __future__ import annotations

from dataclasses import dataclass

from opsdocs.derive.status import StatusSnapshot
from opsdocs.render.context import RenderContext
from opsdocs.render.pages import front_matter
from opsdocs.render.status.site import IMPACT_ICONS
from opsdocs.render.templates import render

HOME = "index.md"


@dataclass(frozen=True)
class HomeLinks:
    """Where the parts this site has keep their pages; None for a part it lacks."""

    status: str | None = None
    """The status page; with it, the incident and maintenance pages as ``{id}`` patterns."""
    incident: str | None = None
    maintenance: str | None = None
    help: str | None = None
    faq: str | None = None
    support: str | None = None
    roadmap: str | None = None
    category: str | None = None
    """A help category's page, as a ``{id}`` pattern."""


def render_home(ctx: RenderContext, snapshot: StatusSnapshot, links: HomeLinks) -> str:
    """The home page as Markdown with its front matter."""

    def link(target: str | None, **ids: str) -> str | None:
        return ctx.link(HOME, target.format(**ids)) if target else None

    categories = ctx.project.faq.categories if links.help and links.category else []
    page = render(
        "home/index.md.j2",
        snapshot=snapshot,
        product=ctx.project.site.product,
        description=ctx.project.site.description,
        status_link=link(links.status),
        incident_link=lambda id_: link(links.incident, id=id_),
        maintenance_link=lambda id_: link(links.maintenance, id=id_),
        help_link=link(links.help),
        faq_link=link(links.faq),
        support_link=link(links.support),
        roadmap_link=link(links.roadmap),
        categories=[(c, link(links.category, id=c.id)) for c in categories],
        indicator_icons=IMPACT_ICONS,
        labels=ctx.labels,
        dates=ctx.dates,
    )
    return front_matter(ctx.project.site.product, hide=["navigation", "toc"]) + page


def home_links(parts: frozenset[str], status_root: str = "status/") -> HomeLinks:
    """Where the home page links, for a site with ``parts`` (``status``, ``helpcenter``,
    ``roadmap``, ...) and its status pages under ``status_root``."""
    from opsdocs.render.helpcenter import FAQ_PAGE, HOME_PAGE, SUPPORT_PAGE, help_page
    from opsdocs.render.roadmap import INDEX as ROADMAP_INDEX
    from opsdocs.render.status import StatusLayout

    status = StatusLayout(root=status_root) if "status" in parts else None
    helps = "helpcenter" in parts
    return HomeLinks(
        status=status.index if status else None,
        incident=status.incident if status else None,
        maintenance=status.maintenance if status else None,
        help=HOME_PAGE if helps else None,
        faq=FAQ_PAGE if helps else None,
        support=SUPPORT_PAGE if helps else None,
        category=help_page("{id}") if helps else None,
        roadmap=ROADMAP_INDEX if "roadmap" in parts else None,
    )
