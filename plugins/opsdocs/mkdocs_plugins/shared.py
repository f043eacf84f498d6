"""What every opsdocs plugin shares: the project settings and one load of the data per build."""

from __future__ import annotations

import logging
from abc import abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any, ClassVar

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from opsdocs.clock import ClockError, build_now, now_is_fixed
from opsdocs.collector import collector_paused
from opsdocs.derive.status import StatusOptions, StatusSnapshot, status_snapshot
from opsdocs.model import Layout, Project, read_project
from opsdocs.model.audience import public_view
from opsdocs.model.future_dates import future_dated
from opsdocs.problems import ProjectInvalid, format_problems
from opsdocs.render.assets import ASSET_ROOT, read_asset, stylesheets
from opsdocs.render.context import RenderContext, make_context
from opsdocs.render.handbook.directives import directive_problems
from opsdocs.render.plan import SitePlan
from opsdocs.render.site import PARTS, STAFF_ONLY_PARTS

log = logging.getLogger("mkdocs.plugins.opsdocs")


class ProjectSettings(Config):
    """Options of the ``opsdocs`` plugin, shared by every ``opsdocs/*`` plugin."""

    audience = c.Choice(("staff", "public"), default="staff")
    data_dir = c.Type(str, default="data")
    runbooks_dir = c.Type(str, default="runbooks")
    docs_dir = c.Optional(c.Type(str))
    """The project's hand-written pages, which data links to; defaults to MkDocs' ``docs_dir``."""
    labels = c.Type(dict, default={})


@dataclass
class BuildData:
    """The project as loaded for one build, with the settings and ``now`` of that build."""

    project: Project
    settings: ProjectSettings
    root: Path
    layout: Layout
    now: datetime
    config: MkDocsConfig = field(repr=False)
    _snapshots: dict[StatusOptions, StatusSnapshot] = field(default_factory=dict, repr=False)

    @property
    def public(self) -> bool:
        """Whether this build is the public site."""
        return self.settings.audience == "public"

    @cached_property
    def view(self) -> Project:
        """What this site may show: the public view on the public site, everything on staff."""
        return public_view(self.project) if self.public else self.project

    def snapshot(self, options: StatusOptions | None = None) -> StatusSnapshot:
        """The status at ``now`` for this site, computed once per set of options."""
        options = options or StatusOptions()
        if options not in self._snapshots:
            self._snapshots[options] = status_snapshot(self.view, self.now, options)
        return self._snapshots[options]

    @cached_property
    def context(self) -> RenderContext:
        """The render context of this build."""
        theme_language = self.config.theme.get("language") or self.project.site.language
        return make_context(
            self.view,
            self.now,
            language=str(theme_language),
            public=self.public,
            label_overrides={str(k): str(v) for k, v in self.settings.labels.items()},
            site_url=self.config.site_url or "",
            directory_urls=bool(self.config.use_directory_urls),
        )


_projects: dict[tuple[object, ...], Project] = {}
"""The last project loaded while serving, under its files' fingerprint."""
_builds: dict[str, Any] = {}
_serving = False


def keep_between_builds(serving: bool) -> None:
    """Whether MkDocs will build again in this process (``mkdocs serve``): then the loaded
    project is kept and read again only when a file changed. A single build skips the
    fingerprint, which stats every file of the project."""
    global _serving
    _serving = serving
    _projects.clear()


def settings_of(config: MkDocsConfig) -> ProjectSettings:
    """The ``opsdocs`` plugin's settings, or the defaults when the plugin is not listed."""
    plugin = config.plugins.get("opsdocs")
    if plugin is not None:
        return plugin.config  # type: ignore[return-value]
    defaults = ProjectSettings()
    defaults.load_dict({})
    defaults.validate()
    return defaults


def _fingerprint(folders: list[Path]) -> tuple[object, ...]:
    """Names, sizes and modification times of every file in ``folders``: cheap to compute,
    and it changes whenever a file is edited, so ``mkdocs serve`` reloads exactly then."""
    parts: list[object] = []
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    stat = path.stat()
                    parts.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(parts)


def _load_project(root: Path, layout: Layout) -> Project:
    key: tuple[object, ...] = ()
    if _serving:
        folders = [root / layout.data_dir, root / layout.runbooks_dir, root / layout.docs_dir]
        key = (str(root), layout, _fingerprint(folders))
        if key in _projects:
            return _projects[key]
    try:
        # The project lives as long as the build: out of the collector's sight once loaded.
        with collector_paused(keep_alive_data=True):
            project = read_project(root, layout)
    except ProjectInvalid as exc:
        raise PluginError("opsdocs: the data has problems:\n" + format_problems(exc.problems)) from None
    _projects.clear()
    if _serving:
        _projects[key] = project
    for warning in project.warnings:
        log.warning(str(warning))
    return project


def _from_root(root: Path, folder: Path) -> str:
    return folder.relative_to(root).as_posix() if folder.is_relative_to(root) else str(folder)


def load_for_build(config: MkDocsConfig) -> BuildData:
    """The project for this build, loaded once and shared by all plugins.

    Bad data stops the build with every problem listed, the same text ``opsdocs validate``
    prints; there is no traceback and nothing is written. The data is read again only when a
    file changed (``mkdocs serve``); ``now`` is taken once per build.
    """
    if _builds.get("config") is config:
        return _builds["data"]
    settings = settings_of(config)
    root = Path(config.config_file_path).resolve().parent
    docs_dir = (root / settings.docs_dir).resolve() if settings.docs_dir else Path(config.docs_dir).resolve()
    site_dirs = (config.docs_dir, config.theme.custom_dir)
    layout = Layout(
        data_dir=settings.data_dir,
        runbooks_dir=settings.runbooks_dir,
        docs_dir=_from_root(root, docs_dir),
        site_dirs=tuple(_from_root(root, Path(folder).resolve()) for folder in site_dirs if folder),
    )
    project = _load_project(root, layout)
    try:
        now = build_now(zone=project.site.zone)
    except ClockError as exc:
        raise PluginError(f"opsdocs: {exc}") from None
    if not now_is_fixed():
        # Printed, not a MkDocs warning: it depends on the clock, and a strict build that
        # publishes the status page must not stop on it (``opsdocs validate`` says it too).
        for warning in future_dated(project, now):
            log.info(str(warning))
    data = BuildData(project, settings, root, layout, now, config)
    problems = directive_problems(data.project, layout.docs_dir)
    if problems:
        raise PluginError("opsdocs: the data has problems:\n" + format_problems(problems))
    _builds.update(config=config, data=data)
    return data


def add_plan(plan: SitePlan, files: Files, config: MkDocsConfig, public: bool) -> None:
    """Hand the plan's files to MkDocs. A hand-written page at the same path wins. A page the
    plan does not list in the navigation is marked so: MkDocs' automatic nav skips it."""
    for planned in plan.for_site(public):
        if files.get_file_from_path(planned.path) is not None:
            log.info(f"opsdocs: docs/{planned.path} exists; it replaces the generated page")
            continue
        inclusion = InclusionLevel.UNDEFINED if planned.listed else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, planned.path, content=planned.content, inclusion=inclusion))


def unlisted_pages(files: Files) -> set[str]:
    """The pages opsdocs generated that never go in the navigation (``add_plan``)."""
    return {
        f.src_uri
        for f in files
        if (f.generated_by or "").startswith("opsdocs") and f.inclusion == InclusionLevel.NOT_IN_NAV
    }


def without_pages(nav: Any, pages: set[str]) -> Any:
    """A ``nav`` setting with every entry that points at one of ``pages`` left out, and
    sections left empty by that too. Entries that are not pages (links, ``None``) stay."""
    if isinstance(nav, list):
        kept = [without_pages(item, pages) for item in nav]
        return [item for item in kept if item is not _GONE]
    if isinstance(nav, dict):
        kept_items = {key: without_pages(value, pages) for key, value in nav.items()}
        kept_items = {key: value for key, value in kept_items.items() if value not in (_GONE, [])}
        return kept_items or _GONE
    if isinstance(nav, str) and nav in pages:
        return _GONE
    return nav


_GONE = object()
"""A nav entry ``without_pages`` removed."""


def add_assets(files: Files, config: MkDocsConfig, names: tuple[str, ...]) -> None:
    """Copy the plugins' shipped assets (stylesheet, scripts) into the site, once."""
    for name in names:
        path = ASSET_ROOT + name
        if files.get_file_from_path(path) is None:
            files.append(File.generated(config, path, content=read_asset(name)))


def use_stylesheet(config: MkDocsConfig) -> None:
    """Link the plugins' stylesheets from every page."""
    for name in stylesheets():
        href = ASSET_ROOT + name
        if href not in config.extra_css:
            config.extra_css.append(href)


def note_overdue(problems: Iterable[object]) -> None:
    """Print what is overdue on the staff site at INFO level: staff see it in the build log,
    and it can never fail a ``--strict`` build (``opsdocs check`` is the check that fails)."""
    for problem in problems:
        log.info(f"opsdocs: overdue, see `opsdocs check`: {problem}")


class FeatureConfig(Config):
    """Options every feature plugin has."""

    enabled = c.Type(bool, default=True)


class GeneratingPlugin(BasePlugin[FeatureConfig]):
    """A feature plugin: it loads the shared project when MkDocs reads its configuration (so bad
    data stops the build before anything is written), then renders its part of the site plan
    and hands it to MkDocs with the other files. Subclasses say only what they render.

    ``GeneratingPlugin[SomeConfig]`` gives a subclass its own options, as ``BasePlugin`` does.
    """

    staff_only: ClassVar[bool] = False
    """Whether the plugin's pages exist on the staff site only."""
    assets: ClassVar[tuple[str, ...]] = ()
    """Shipped files (scripts) the pages need."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.enabled:
            load_for_build(config)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.config.enabled:
            return files
        data = load_for_build(config)
        if self.staff_only and data.public:
            return files
        plan = SitePlan()
        with collector_paused():  # rendering a large history allocates without making cycles
            warnings = list(self.render(data, plan, config))
        for warning in warnings:
            log.warning(str(warning))
        add_plan(plan, files, config, data.public)
        add_assets(files, config, self.assets)
        return files

    @abstractmethod
    def render(self, data: BuildData, plan: SitePlan, config: MkDocsConfig) -> Iterable[object]:
        """Add this plugin's pages and files to ``plan``; return warnings for the build log."""


def enabled_parts(config: MkDocsConfig, public: bool) -> frozenset[str]:
    """The parts this site has: its feature plugins listed and enabled, less the staff-only
    parts on the public site."""
    parts = set()
    for part in PARTS:
        plugin = config.plugins.get(f"opsdocs/{part}")
        if plugin is not None and plugin.config.enabled:
            parts.add(part)
    return frozenset(parts - STAFF_ONLY_PARTS if public else parts)
