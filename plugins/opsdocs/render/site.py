"""One whole site's generated part, without an engine: the plan ``opsdocs generate`` writes.

The MkDocs plugins render their parts of a site one plugin at a time; this module calls the
same render functions with the same arguments for a whole site at once, so any engine (plain
MkDocs, Zensical) can build the result. Like the rest of the core, it never imports mkdocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import yaml

from opsdocs.derive.status import StatusOptions, status_snapshot
from opsdocs.hygiene import overdue_action_item_problems, overdue_runbook_problems
from opsdocs.load.directives import MARKER
from opsdocs.model.audience import public_view
from opsdocs.model.project import Layout, Project
from opsdocs.model.runbooks import page_is_public
from opsdocs.render.assets import ASSET_ROOT, SCRIPTS, read_asset, stylesheets
from opsdocs.render.context import RenderContext, make_context
from opsdocs.render.handbook import render_handbook
from opsdocs.render.handbook.directives import expand_directives
from opsdocs.render.helpcenter import Article, HelpCenter, ServiceNotice, article_from_page, render_helpcenter
from opsdocs.render.helpcenter.articles import first_heading
from opsdocs.render.home import HOME, home_links, render_home
from opsdocs.render.plan import SitePlan
from opsdocs.render.reliability import render_postmortems, render_reliability
from opsdocs.render.roadmap import render_roadmap
from opsdocs.render.runbooks import render_runbooks
from opsdocs.render.status import StatusLayout, StatusRendering, render_status
from opsdocs.render.text import meta_text, safe_front_matter
from opsdocs.render.training import render_training

__all__ = ["PARTS", "STAFF_ONLY_PARTS", "GeneratedSite", "generate_site", "render_site"]

PARTS = frozenset({"status", "runbooks", "handbook", "helpcenter", "training", "roadmap"})
"""The parts of a site, one per feature plugin (``opsdocs/status``, ...)."""
STAFF_ONLY_PARTS = frozenset({"runbooks", "handbook"})
"""Parts that exist on the staff site only; the public site leaves them out even when asked."""

_FRONT_MATTER = re.compile(r"\A(-{3}[ \t]*\n.*?\n(?:\.{3}|-{3})[ \t]*\n)(.*)\Z", re.DOTALL)
"""A page's YAML front matter and its body, split the way MkDocs splits them."""


@dataclass
class GeneratedSite:
    """A site's generated files, and what is needed to write its hand-written pages."""

    plan: SitePlan
    context: RenderContext
    help: HelpCenter
    notes: list[str] = field(default_factory=list)
    """What is overdue on the staff site (``opsdocs.hygiene``): printed, never a failure."""

    def page(self, src: str, text: str) -> tuple[str, list[str]]:
        """The hand-written page ``src`` (docs-relative) as an engine without the plugins needs
        it: directives expanded and, on a help article, the banner and related articles added,
        as the handbook and help center plugins do. The front matter is kept as written unless
        a text in it is not safe as page meta (see ``safe_page_meta``), as the ``opsdocs``
        plugin makes it. Returns the page and a message per directive it could not expand."""
        match = _FRONT_MATTER.match(text)
        header, body = (match.group(1), match.group(2)) if match else ("", text)
        header, body = safe_page_meta(header, body, homepage=src == "index.md")
        problems: list[str] = []
        if MARKER in body:
            body, problems = expand_directives(body, self.context, src, header.count("\n") + 1)
        article = self.help.article(src)
        if article is not None:
            body = self.help.decorate(article, body)
        return header + body, problems


def safe_page_meta(header: str, body: str, *, homepage: bool = False) -> tuple[str, str]:
    """A page's front matter block (``---`` lines included, or empty) and its body, with the
    texts of its meta made safe as page meta: as written when they already are, else with the
    front matter written anew from its values.

    The engine that builds a generated folder has no opsdocs plugin to make page meta safe,
    so the written front matter itself must be. MkDocs also reads meta-data lines
    (``Title: …``) at the top of a page without front matter; those become front matter when
    they are not safe. A page without a ``title`` takes the theme's title from its first
    heading, which the theme un-escapes: when that heading is not safe as it is, the page gets
    it as its ``title``, made safe (not the home page, whose title is the site's name). A
    block that does not hold a mapping is kept: MkDocs ignores it, and ``validate`` reports it.
    """
    meta: object
    rest = body
    if header:
        inner = header.split("\n", 1)[1].rstrip(" \t\n").rpartition("\n")[0]
        try:
            meta = yaml.safe_load(inner) or {}
        except yaml.YAMLError:
            return header, body
    else:
        meta, rest = _meta_data_lines(body)
    if not isinstance(meta, dict):
        return header, body
    safe = safe_front_matter(meta)
    heading = None if homepage or "title" in meta else first_heading(rest)
    if heading is not None and meta_text(heading) != heading:
        safe["title"] = meta_text(heading)
    if safe == meta:
        return header, body
    return "---\n" + yaml.safe_dump(safe, allow_unicode=True, sort_keys=False) + "---\n\n", rest


_META_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"^(?:[ ]{4}|\t)\s*(?P<value>.*)")


def _meta_data_lines(body: str) -> tuple[dict[str, str], str]:
    """The MultiMarkdown meta-data lines at the top of a page without front matter, read as
    MkDocs reads them (keys lower-cased, continuation lines joined), and the rest of the page."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    meta: dict[str, str] = {}
    key = None
    taken = 0
    for line in lines:
        if not line.strip():
            taken += 1
            break
        if match := _META_LINE.match(line):
            key = match["key"].lower().strip()
            value = match["value"].strip()
            meta[key] = f"{meta[key]} {value}" if key in meta else value
        elif (more := _META_MORE.match(line)) and key:
            meta[key] += " " + more["value"].strip()
        else:
            break
        taken += 1
    if not meta:
        return {}, body
    return meta, "\n".join(lines[taken:]).lstrip("\n")


def generate_site(
    project: Project,
    now: datetime,
    language: str,
    public: bool,
    *,
    site_url: str = "",
    label_overrides: dict[str, str] | None = None,
    status_options: StatusOptions | None = None,
    standalone: bool = False,
    docs_dir: str = Layout().docs_dir,
    directory_urls: bool = True,
    parts: frozenset[str] = PARTS,
    reliability_weight: float | None = None,
    status_rendering: StatusRendering | None = None,
) -> GeneratedSite:
    """Render one audience's site: every plugin's pages and files, and the shipped assets.

    ``project`` is the whole project; the public site gets its public view. ``docs_dir`` is
    where the hand-written pages are (relative to the project), for the help articles.
    ``directory_urls`` says how the engine will name pages (MkDocs' ``use_directory_urls``),
    for the absolute addresses in feeds, the API and the calendar. ``parts`` are the parts
    rendered, as the feature plugins a configuration enables (the public site never gets
    the staff-only ones); ``reliability_weight`` is the handbook's weight of a partial outage
    in the reliability report, by default the status page's; ``status_rendering`` the status
    plugin's search and API language options.
    """
    view = public_view(project) if public else project
    ctx = make_context(
        view,
        now,
        language=language,
        public=public,
        label_overrides=label_overrides,
        site_url=site_url,
        directory_urls=directory_urls,
    )
    options = status_options or StatusOptions()
    snapshot = status_snapshot(view, now, options)
    layout = StatusLayout(root="" if standalone else "status/")
    plan = SitePlan()
    notes: list[str] = []
    if public:
        parts = parts - STAFF_ONLY_PARTS

    if "status" in parts:
        render_status(ctx, plan, layout, ASSET_ROOT, options, snapshot, status_rendering)
    if "runbooks" in parts:
        render_runbooks(ctx, plan, snapshot, layout)
        notes += [str(p) for p in overdue_runbook_problems(project, now)]
    if "handbook" in parts:
        render_handbook(ctx, plan)
        weight = options.policy.partial_outage_weight if reliability_weight is None else reliability_weight
        render_reliability(ctx, plan, weight, layout)
        notes += [str(p) for p in overdue_action_item_problems(project, now)]
        render_postmortems(ctx, plan, layout)
    # Without its part the help center renders nowhere and decorates nothing, having no articles.
    with_help = "helpcenter" in parts
    articles = _articles(project, docs_dir, public) if with_help else []
    notice = ServiceNotice(snapshot, layout.index if "status" in parts else None)
    help_center = render_helpcenter(ctx, plan if with_help else SitePlan(), articles, notice)
    if "training" in parts:
        render_training(ctx, plan, runbook_pages="runbooks" in parts)
    if "roadmap" in parts:
        render_roadmap(ctx, plan)

    if not standalone:
        plan.add(HOME, render_home(ctx, snapshot, home_links(parts, layout.root)))

    for name in (*stylesheets(), *SCRIPTS):
        plan.add(ASSET_ROOT + name, read_asset(name))

    site = SitePlan()
    for planned in plan.for_site(public):
        site.add(planned.path, planned.content, planned.audience, listed=planned.listed)
    return GeneratedSite(site, ctx, help_center, notes)


def render_site(
    project: Project,
    now: datetime,
    language: str,
    public: bool,
    *,
    site_url: str = "",
    label_overrides: dict[str, str] | None = None,
    status_options: StatusOptions | None = None,
    standalone: bool = False,
) -> SitePlan:
    """The whole generated part of one audience's site, as a plan; see ``generate_site``."""
    return generate_site(
        project,
        now,
        language,
        public,
        site_url=site_url,
        label_overrides=label_overrides,
        status_options=status_options,
        standalone=standalone,
    ).plan


def _articles(project: Project, docs_dir: str, public: bool) -> list[Article]:
    """The help articles among the project's hand-written pages that this site publishes."""
    root = Path(project.root) / docs_dir
    articles = []
    for src, meta in sorted(project.pages.items()):
        if not meta.category or (public and not page_is_public(meta)):
            continue
        article = article_from_page(src, meta, (root / src).read_text(encoding="utf-8"))
        if article is not None:
            articles.append(article)
    return articles
