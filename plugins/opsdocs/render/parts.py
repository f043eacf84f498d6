"""The parts a site may have, and who renders each for whom: one registry for every adapter.

``generate_site`` loops over the parts a ``SiteSpec`` holds and calls each part's renderer
with the same ``PartBuild``; the MkDocs plugins and ``opsdocs generate`` both go through it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from opsdocs.derive.checks import Measured
from opsdocs.derive.status import StatusSnapshot
from opsdocs.hygiene import overdue_action_item_problems, overdue_runbook_problems
from opsdocs.model.project import Project
from opsdocs.problems import Problem
from opsdocs.render.assets import ASSET_ROOT
from opsdocs.render.context import RenderContext
from opsdocs.render.handbook import render_handbook
from opsdocs.render.helpcenter import Article, HelpCenter, ServiceNotice, render_helpcenter
from opsdocs.render.plan import SitePlan
from opsdocs.render.reliability import render_postmortems, render_reliability
from opsdocs.render.roadmap import render_roadmap
from opsdocs.render.runbooks import render_runbooks
from opsdocs.render.status import render_status
from opsdocs.render.training import render_training


@dataclass
class PartBuild:
    """What every part's renderer gets: one site's context (its spec, the project it may
    show, ``now``) and status snapshot; the whole project for the staff site's notes."""

    ctx: RenderContext
    snapshot: StatusSnapshot
    project: Project
    """The whole project, for what is overdue on the staff site; renderers use ``ctx.project``."""
    articles: list[Article] = field(default_factory=list)
    """The help articles among the site's hand-written pages."""
    notes: list[Problem] = field(default_factory=list)
    """What is overdue on the staff site (``opsdocs.hygiene``), as located warnings: printed,
    never a failure."""
    help: HelpCenter | None = None
    """The help center, once rendered: it also decorates the help articles."""
    measured: Measured | None = None
    """What the checks measured, when the site reads a checks' history."""


@dataclass(frozen=True)
class Part:
    """One part of a site: whether only staff get it, and what renders it."""

    name: str
    staff_only: bool
    render: Callable[[PartBuild, SitePlan], None]


def _status(build: PartBuild, plan: SitePlan) -> None:
    ctx = build.ctx
    assert ctx.paths.status is not None
    options = ctx.spec.options
    render_status(
        ctx, plan, ctx.paths.status, ASSET_ROOT, options.status, build.snapshot, options.status_rendering,
        build.measured,
    )  # fmt: skip


def _runbooks(build: PartBuild, plan: SitePlan) -> None:
    render_runbooks(build.ctx, plan, build.snapshot)
    build.notes += overdue_runbook_problems(build.project, build.ctx.now)


def _handbook(build: PartBuild, plan: SitePlan) -> None:
    ctx = build.ctx
    render_handbook(ctx, plan)
    render_reliability(ctx, plan, build.snapshot, build.measured)
    render_postmortems(ctx, plan)
    build.notes += overdue_action_item_problems(build.project, ctx.now)


def _helpcenter(build: PartBuild, plan: SitePlan) -> None:
    status = build.ctx.paths.status
    notice = ServiceNotice(build.snapshot, status.index if status is not None else None)
    build.help = render_helpcenter(build.ctx, plan, build.articles, notice)


def _training(build: PartBuild, plan: SitePlan) -> None:
    render_training(build.ctx, plan)


def _roadmap(build: PartBuild, plan: SitePlan) -> None:
    render_roadmap(build.ctx, plan)


REGISTRY: Mapping[str, Part] = MappingProxyType(
    {
        part.name: part
        for part in (
            Part("status", False, _status),
            Part("runbooks", True, _runbooks),
            Part("handbook", True, _handbook),
            Part("helpcenter", False, _helpcenter),
            Part("training", False, _training),
            Part("roadmap", False, _roadmap),
        )
    }
)
"""Every part (``opsdocs.render.spec.PARTS``), in the order they render."""
