"""What every opsdocs plugin shares: the project settings and one load of the data per build."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from opsdocs.clock import ClockError, build_now
from opsdocs.model import Layout, Project, read_project
from opsdocs.problems import ProjectInvalid, format_problems

log = logging.getLogger("mkdocs.plugins.opsdocs")


class ProjectSettings(Config):
    """Options of the ``opsdocs`` plugin, shared by every ``opsdocs/*`` plugin."""

    audience = c.Choice(("staff", "public"), default="staff")
    data_dir = c.Type(str, default="data")
    runbooks_dir = c.Type(str, default="runbooks")
    labels = c.Type(dict, default={})


@dataclass(frozen=True)
class BuildData:
    """The project as loaded for one build, with the settings and ``now`` it was loaded at."""

    project: Project
    settings: ProjectSettings
    root: Path

    @property
    def public(self) -> bool:
        """Whether this build is the public site."""
        return self.settings.audience == "public"


_cache: dict[tuple[object, ...], Project] = {}


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


def load_for_build(config: MkDocsConfig) -> BuildData:
    """The project for this build, loaded once and shared by all plugins.

    Bad data stops the build with every problem listed, the same text ``opsdocs validate``
    prints; there is no traceback and nothing is written.
    """
    settings = settings_of(config)
    root = Path(config.config_file_path).resolve().parent
    layout = Layout(
        data_dir=settings.data_dir,
        runbooks_dir=settings.runbooks_dir,
        docs_dir=Path(config.docs_dir).resolve().relative_to(root).as_posix(),
    )
    folders = [root / layout.data_dir, root / layout.runbooks_dir, root / layout.docs_dir]
    key = (str(root), layout, _fingerprint(folders))
    project = _cache.get(key)
    if project is None:
        try:
            project = read_project(root, layout)
        except ProjectInvalid as exc:
            raise PluginError("opsdocs: the data has problems:\n" + format_problems(exc.problems)) from None
        _cache.clear()
        _cache[key] = project
        for warning in project.warnings:
            log.warning(str(warning))
    return BuildData(project=project, settings=settings, root=root)


def now_for_build():  # noqa: ANN201 - datetime, kept lazy for the plugins
    """``now`` for this build, or a build error saying which variable is wrong."""
    try:
        return build_now()
    except ClockError as exc:
        raise PluginError(f"opsdocs: {exc}") from None
