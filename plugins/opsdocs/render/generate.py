"""One whole site's generated part, without an engine: what both adapters build.

The MkDocs plugins hand the plan to MkDocs; ``opsdocs generate`` writes it into a folder any
engine (plain MkDocs, Zensical) can build. Both call ``generate_site`` with the ``SiteSpec``
they read from the same configuration, so both build the same site.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from opsdocs.derive.checks import Measured, measure
from opsdocs.derive.status import status_snapshot
from opsdocs.load.directives import MARKER
from opsdocs.load.markdown_page import split_front_matter
from opsdocs.model.audience import public_view
from opsdocs.model.checks_history import read_history
from opsdocs.model.project import Project
from opsdocs.model.runbooks import page_is_public
from opsdocs.problems import Problem
from opsdocs.render.assets import ASSET_ROOT, SCRIPTS, read_asset, stylesheets
from opsdocs.render.context import RenderContext, make_context
from opsdocs.render.handbook.directives import expand_directives
from opsdocs.render.helpcenter import Article, HelpCenter, ServiceNotice, article_from_page
from opsdocs.render.home import render_home
from opsdocs.render.page_meta import safe_page_meta
from opsdocs.render.parts import REGISTRY, PartBuild
from opsdocs.render.paths import HOME
from opsdocs.render.plan import SitePlan
from opsdocs.render.spec import SiteSpec

__all__ = ["GeneratedSite", "generate_site"]


@dataclass
class GeneratedSite:
    """A site's generated files, and what is needed to finish its hand-written pages."""

    plan: SitePlan
    context: RenderContext
    help: HelpCenter
    notes: list[Problem] = field(default_factory=list)
    """What is overdue on the staff site (``opsdocs.hygiene``), as located warnings: printed,
    never a failure."""

    def body(
        self, src: str, body: str, first_line: int = 1, path: str | None = None
    ) -> tuple[str, list[Problem]]:
        """The body of the hand-written page ``src`` (docs-relative) as this site shows it:
        its directives expanded and, on a help article, the banner and related articles
        added. ``first_line`` is the body's first line in the file at ``path`` (relative to
        the project), for the problems. Returns the body and a problem per directive it could
        not expand."""
        problems: list[Problem] = []
        if MARKER in body:
            body, problems = expand_directives(body, self.context, src, first_line, path)
        article = self.help.article(src)
        if article is not None:
            body = self.help.decorate(article, body)
        return body, problems

    def page(self, src: str, text: str, path: str | None = None) -> tuple[str, list[Problem]]:
        """The whole hand-written page ``src`` (the file at ``path``) as an engine without the
        plugins needs it: its body as ``body`` makes it, and its front matter kept as written
        unless a text in it is not safe as page meta (``safe_page_meta``), as the ``opsdocs``
        plugin makes it."""
        split = split_front_matter(text)
        header, body = safe_page_meta(split.header, split.body, homepage=src == HOME)
        body, problems = self.body(src, body, header.count("\n") + 1, path)
        return header + body, problems


def generate_site(
    project: Project, now: datetime, spec: SiteSpec, *, pages: Collection[str] | None = None
) -> GeneratedSite:
    """Render the site ``spec`` describes: every part's pages and files, the home page, and
    the shipped assets it needs.

    ``project`` is the whole project; the public site gets its public view. ``pages`` are the
    hand-written pages (docs-relative) the site has, among which the help articles are found;
    ``None``: every page of the project under ``spec.pages_dir``.
    """
    view = public_view(project) if spec.public else project
    ctx = make_context(view, now, spec)
    snapshot = status_snapshot(view, now, spec.options.status)
    build = PartBuild(ctx, snapshot, project, measured=_measured(view, now, spec))
    if spec.has("helpcenter"):
        build.articles = _articles(project, spec, pages)
    plan = SitePlan()
    for part in REGISTRY.values():
        if spec.has(part.name):
            part.render(build, plan)
    if build.help is None:
        # Without its part the help center renders nowhere and decorates nothing.
        build.help = HelpCenter(ctx, [], ServiceNotice(snapshot, None))
    if not spec.standalone_status:
        plan.add(HOME, render_home(ctx, snapshot))
    for name in (*stylesheets(spec.parts), *SCRIPTS):
        plan.add(ASSET_ROOT + name, read_asset(name))
    site = SitePlan()
    for planned in plan.for_site(spec.public):
        site.add(planned.path, planned.content, planned.audience, listed=planned.listed)
    return GeneratedSite(site, ctx, build.help, build.notes)


def _measured(view: Project, now: datetime, spec: SiteSpec) -> Measured | None:
    """What the checks measured by ``now``, from the history ``checks_history`` names; None
    without one. A bad line of it is a ``HistoryError``, located."""
    if not spec.options.checks_history:
        return None
    return measure(view, read_history(Path(view.root) / spec.options.checks_history), now)


def _articles(project: Project, spec: SiteSpec, pages: Collection[str] | None) -> list[Article]:
    """The help articles among the hand-written pages that this site publishes."""
    root = Path(project.root) / spec.pages_dir
    articles = []
    for src, meta in sorted(project.pages.items()):
        if pages is not None and src not in pages:
            continue
        if not meta.category or (spec.public and not page_is_public(meta)):
            continue
        article = article_from_page(src, meta, (root / src).read_text(encoding="utf-8"))
        if article is not None:
            articles.append(article)
    return articles
