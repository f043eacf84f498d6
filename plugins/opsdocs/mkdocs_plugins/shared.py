"""What every opsdocs plugin shares: the project settings and one load of the data per build."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from opsdocs.clock import ClockError, build_now, now_is_fixed
from opsdocs.collector import collector_paused
from opsdocs.config_file import nav_positions, no_parts_problem, plugin_name, setting_problem, shown
from opsdocs.hygiene import overdue_summary
from opsdocs.mkdocs_plugins.options import FeatureConfig, ProjectSettings, site_spec, validated
from opsdocs.model import Layout, Project, read_project
from opsdocs.model.future_dates import future_dated
from opsdocs.problems import Problem, ProjectInvalid, format_problems
from opsdocs.render.generate import GeneratedSite
from opsdocs.render.handbook.directives import directive_problems
from opsdocs.render.plan import SitePlan
from opsdocs.render.site_links import nav_problems, site_problems
from opsdocs.render.spec import PARTS, SiteSpec

log = logging.getLogger("mkdocs.plugins.opsdocs")


@dataclass
class BuildData:
    """The project as loaded for one build, with the settings, the site's description and
    ``now`` of that build."""

    project: Project
    settings: ProjectSettings
    root: Path
    layout: Layout
    now: datetime
    spec: SiteSpec
    site: GeneratedSite | None = field(default=None, repr=False)
    """The site's generated part, once the ``opsdocs`` plugin rendered it (``on_files``)."""

    @property
    def public(self) -> bool:
        """Whether this build is the public site."""
        return self.spec.public


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
    return validated(ProjectSettings, {}, "opsdocs")  # type: ignore[return-value]


def spec_of(config: MkDocsConfig, settings: ProjectSettings, pages_dir: str) -> SiteSpec:
    """The site this MkDocs configuration describes, read as ``opsdocs generate`` reads it."""
    features = {
        part: plugin.config for part in PARTS if (plugin := config.plugins.get(plugin_name(part))) is not None
    }
    if not features:
        raise PluginError(str(no_parts_problem(Path(config.config_file_path))))
    custom_dir = config.theme.custom_dir
    return site_spec(
        settings,
        features,
        language=str(config.theme.get("language") or ""),
        site_url=config.site_url or "",
        directory_urls=bool(config.use_directory_urls),
        pages_dir=pages_dir,
        custom_dir=Path(custom_dir) if custom_dir else None,
    )


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
        docs_dir=shown(docs_dir, root),
        site_dirs=tuple(shown(Path(folder), root) for folder in site_dirs if folder),
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
    data = BuildData(project, settings, root, layout, now, spec_of(config, settings, layout.docs_dir))
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


def check_site(files: Files, config: MkDocsConfig, data: BuildData) -> None:
    """Stop a strict build, before anything is written, on what it would fail on only while
    rendering, located (``opsdocs.render.site_links``): links and nav entries to pages this site
    does not have, directives of pages from outside the project. Otherwise they are warnings."""
    level = "error" if config.strict else "warning"
    site = {file.src_uri for file in files if not file.inclusion.is_excluded()}
    hand_written = [f for f in files if f.abs_src_path and not f.generated_by and f.is_documentation_page()]
    pages = [
        (f.src_uri, shown(Path(f.abs_src_path), data.root), f.content_string, f.src_uri in data.project.pages)
        for f in hand_written
        if not f.inclusion.is_excluded()
    ]
    links = config.validation.links.not_found >= logging.WARNING
    problems = site_problems(pages, site if links else None, data.public, level)
    if config.nav and config.validation.nav.not_found >= logging.WARNING:
        config_file = Path(config.config_file_path)
        problems += nav_problems(
            config.nav, site, lambda: nav_positions(config_file), config_file.name, level
        )
    if any(problem.level == "error" for problem in problems):
        raise PluginError("opsdocs: the site has problems:\n" + format_problems(problems))
    for problem in problems:
        log.warning(str(problem))


def use_stylesheets(config: MkDocsConfig, names: tuple[str, ...]) -> None:
    """Link the plugins' stylesheets (paths in the site) from every page."""
    for href in names:
        if href not in config.extra_css:
            config.extra_css.append(href)


def note_overdue(notes: list[Problem]) -> None:
    """Print what is overdue on the staff site at INFO level, one located warning a line:
    staff see it in the build log, and it can never fail a ``--strict`` build (``opsdocs
    check`` is the check that fails)."""
    for note in notes:
        log.info(str(note))
    if notes:
        log.info(f"opsdocs: {overdue_summary(len(notes))}")


class LocatedOptions:
    """A plugin whose option errors are also logged at the option's line of the configuration,
    as ``opsdocs validate`` prints them; MkDocs then stops with its own message."""

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None) -> Any:
        errors, warnings = super().load_config(options, config_file_path)  # type: ignore[misc]
        part = type(self).__module__.rsplit(".", 1)[-1]
        name = "opsdocs" if part == "project" else plugin_name(part)
        for key, error in errors if config_file_path else []:
            where = ("plugins", name, key)
            log.error(str(setting_problem(Path(config_file_path), where, f"{name}: {key}: {error}")))
        return errors, warnings


class FeaturePlugin(LocatedOptions, BasePlugin[FeatureConfig]):
    """A part's plugin: its options only. The ``opsdocs`` plugin reads them into the site's
    description and renders every part; without it listed, nothing would, so that stops the
    build. ``FeaturePlugin[SomeConfig]`` gives a part its own options, as ``BasePlugin`` does."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if "opsdocs" not in config.plugins:
            name = next((key for key, plugin in config.plugins.items() if plugin is self), "opsdocs/…")
            raise PluginError(
                f"{name}: the `opsdocs` plugin is not listed in `plugins`; it loads the data and "
                f"renders every part. Add `opsdocs: {{}}` to `plugins`, before {name}"
            )
        return config
