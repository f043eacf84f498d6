"""Learning paths: an index of the paths by audience of learners, and a page per path with
its modules in order, their prerequisites, links and checklists.

A path's page has the path's audience: a public path (tutorials for users) is on both sites,
an internal one on the staff site only. On the public site a public path may still point at
something only the team can open (an internal page, a runbook): such a link is written as
plain text with a "staff only" note, never as a link that would be broken there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from markupsafe import Markup, escape

from opsdocs.model.base import Audience
from opsdocs.model.training import LearningPath, ModuleLink, TrainingModule
from opsdocs.render import links
from opsdocs.render.context import RenderContext
from opsdocs.render.markdown import render_markdown
from opsdocs.render.pages import front_matter
from opsdocs.render.paths import TrainingPages
from opsdocs.render.plan import SitePlan

INDEX = TrainingPages.index
_EXTERNAL_SCHEMES = links.WEB_SCHEMES | {"mailto"}


path_page = TrainingPages.page
"""Path of a learning path's page; the model keeps path ids off ``training/index.md``."""


def module_anchor(module_id: str) -> str:
    """The id of a module's section on its path's page."""
    return f"module-{module_id}"


@dataclass(frozen=True)
class LinkView:
    """A module's link as this site shows it: an address, or plain text with a note."""

    title: str
    href: str = ""
    external: bool = False
    note: str = ""
    """Why there is no link (``staff only``); empty when there is one."""


@dataclass(frozen=True)
class ModuleView:
    """A module with its number in the path and its prerequisites resolved."""

    number: int
    module: TrainingModule
    prerequisites: list[tuple[str, int | None, str]]
    """(anchor, number, title) of each prerequisite; number None for an unknown id."""
    links: list[LinkView]


def total_time(path: LearningPath) -> timedelta:
    """The estimated time of the whole path: the sum of its modules' durations."""
    return sum((m.duration for m in path.modules), timedelta())


def inline_markdown(text: str) -> Markup:
    """``text`` as sanitized inline HTML (code spans, emphasis) without the paragraph around
    it, for checklist labels and goals; text that is more than a paragraph stays plain."""
    html = str(render_markdown(text)).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return Markup(html[len("<p>") : -len("</p>")])
    return escape(text)


def render_training(ctx: RenderContext, plan: SitePlan) -> None:
    """Add the training index and a page per learning path to ``plan``. A module's link to a
    runbook is a link only where the site builds runbook pages (``ctx.paths.runbooks``)."""
    labels, dates = ctx.labels, ctx.dates
    paths = ctx.project.training.paths
    if ctx.public:  # the public view has none; never trust a caller with the full project
        paths = [p for p in paths if p.audience == Audience.public]
    runbook_pages = ctx.paths.runbooks
    # In the public view a runbook keeps its body but loses its (internal) front matter.
    runbook_ids = {r.meta.id for r in ctx.project.runbooks if r.meta is not None}
    # Why a link has no target here: on the public site, because only the team may open it.
    missing_note = labels("training.staff_only") if ctx.public else labels("training.not_on_site")
    common: dict[str, object] = {
        "labels": labels,
        "dates": dates,
        "staff": not ctx.public,
        "total_time": total_time,
        "inline": inline_markdown,
        "anchor": module_anchor,
    }

    def link_view(here: str, link: ModuleLink) -> LinkView:
        if link.url is not None:
            href = links.outside_href(link.url, _EXTERNAL_SCHEMES)
            if href is not None:
                return LinkView(link.title, href=href, external=True)
            return LinkView(link.title)  # javascript: and the like are never links
        if link.runbook is not None:
            if runbook_pages is not None and link.runbook in runbook_ids:
                return LinkView(link.title, href=ctx.link(here, runbook_pages.page(link.runbook)))
            return LinkView(link.title, note=missing_note)
        page, _, fragment = (link.page or "").partition("#")
        # On the public site the view holds public pages only: an internal page is not there.
        if page in ctx.project.pages:
            href = ctx.link(here, page) + (f"#{fragment}" if fragment else "")
            return LinkView(link.title, href=href)
        return LinkView(link.title, note=missing_note)

    for path in paths:
        here = path_page(path.id)
        numbers = {m.id: (n, m.title) for n, m in enumerate(path.modules, start=1)}
        modules = [
            ModuleView(
                number=n,
                module=module,
                prerequisites=[
                    (module_anchor(needed), *numbers.get(needed, (None, needed)))
                    for needed in module.prerequisites
                ],
                links=[link_view(here, link) for link in module.links],
            )
            for n, module in enumerate(path.modules, start=1)
        ]
        page = ctx.templates.render(
            "training/path.md.j2", path=path, modules=modules, index_link=ctx.link(here, INDEX), **common
        )
        plan.add(here, front_matter(path.title) + page, path.audience)

    page = ctx.templates.render(
        "training/index.md.j2",
        paths=[(path, ctx.link(INDEX, path_page(path.id))) for path in paths],
        **common,
    )
    plan.add(INDEX, front_matter(labels("training.title")) + page, Audience.public)
