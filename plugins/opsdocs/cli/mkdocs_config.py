"""The ``mkdocs.yml`` of a folder written by ``opsdocs generate``: what the project's own MkDocs
configuration says about how pages look, carried over so that an engine without the opsdocs
plugins (plain MkDocs, Zensical) renders the pages as the plugins' build does.

An adapter like the command line: it reads MkDocs configuration files (with MkDocs' own YAML
loader, for ``INHERIT`` and ``!ENV``), so the core layers stay free of MkDocs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from opsdocs.config_file import no_parts_problem, plugin_name, position
from opsdocs.nav import nav_target_exists, pruned_nav
from opsdocs.render.spec import SiteSpec

GENERATED_MARKDOWN_EXTENSIONS = ["md_in_html", "attr_list", "tables", "admonition", "toc"]
"""What the generated pages need from Python-Markdown, in a generated ``mkdocs.yml``."""

CARRIED = (
    "site_description",
    "site_author",
    "use_directory_urls",
    "copyright",
    "extra_javascript",
    "extra",
    "validation",
    "not_in_nav",
    "exclude_docs",
    "draft_docs",
)
"""Settings copied as they are: they change what a page shows, which files are pages or the
pages' addresses, and MkDocs and Zensical read them the same way. Not carried: ``plugins``
and ``hooks`` (Python that only MkDocs runs; the opsdocs plugins' work is already in the
pages), ``repo_url`` and ``edit_uri`` (a generated page has no file in the repository to
edit, and a repository link makes Material ask api.github.com for its facts), ``site_dir``
and ``docs_dir`` (the folder has its own layout) and serve-only settings."""

OVERRIDES = "overrides"
"""Where the theme's ``custom_dir`` is copied in the generated folder."""


class ConfigError(Exception):
    """The project's MkDocs configuration cannot be read."""


@dataclass
class ProjectConfig:
    """A project's MkDocs configuration (``INHERIT`` resolved), or none."""

    path: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        """The folder relative paths in the configuration start from."""
        return self.path.parent if self.path is not None else Path()

    def plugin(self, name: str) -> dict[str, Any]:
        """The options of plugin ``name``, or ``{}`` when it is not listed."""
        for key, options in self._plugins():
            if key == name:
                return options if isinstance(options, dict) else {}
        return {}

    def lists_plugin(self, name: str) -> bool:
        """Whether plugin ``name`` is in the configuration's ``plugins``."""
        return any(key == name for key, _ in self._plugins())

    def _plugins(self) -> list[tuple[str, Any]]:
        plugins = self.values.get("plugins") or []
        return list(plugins.items()) if isinstance(plugins, dict) else _entries(plugins)

    def site_spec(self, *, public: bool, language: str, site_url: str, pages_dir: str) -> SiteSpec:
        """The site this configuration describes, for ``public`` or staff readers, read by the
        plugins' own option schemas and ``site_spec`` as the plugins' build reads it; a bad
        value is a ``ConfigError``. Without any opsdocs plugin listed, every part."""
        # The plugins' schemas hold the options' types and defaults; importing them imports MkDocs.
        from opsdocs.mkdocs_plugins.options import SCHEMAS, ProjectSettings, site_spec, validated

        where = str(self.path or "mkdocs.yml")
        listed = [part for part in SCHEMAS if self.lists_plugin(plugin_name(part))]
        if not listed and self.lists_plugin("opsdocs"):
            raise ConfigError(str(no_parts_problem(self.path)))
        try:
            settings = validated(ProjectSettings, self.plugin("opsdocs"), f"{where}: opsdocs")
            features = {
                part: validated(
                    SCHEMAS[part], self.plugin(plugin_name(part)), f"{where}: {plugin_name(part)}"
                )
                for part in (listed or SCHEMAS)
            }
        except ValueError as exc:
            raise ConfigError(str(exc)) from None
        settings["audience"] = "public" if public else "staff"
        custom_dir = self.theme.get("custom_dir")
        return site_spec(
            settings,  # type: ignore[arg-type]
            features,
            language=language,
            site_url=site_url,
            directory_urls=self.values.get("use_directory_urls", True) is not False,
            pages_dir=pages_dir,
            custom_dir=self.folder / str(custom_dir) if custom_dir else None,
        )

    @property
    def theme(self) -> dict[str, Any]:
        """The ``theme`` setting as a mapping (``theme: material`` is ``{"name": "material"}``)."""
        theme = self.values.get("theme")
        if isinstance(theme, str):
            return {"name": theme}
        return dict(theme) if isinstance(theme, dict) else {}

    def position(self, *keys: str) -> tuple[int, int]:
        """The (line, column) in the configuration file of the setting at ``keys``
        (``opsdocs.config_file.position``)."""
        return position(self.path, *keys)

    def project_path(self, value: str, project: Path) -> str:
        """``value``, a folder named in the configuration, relative to the project instead."""
        return Path(os.path.relpath((self.folder / value).resolve(), project.resolve())).as_posix()


def read_config(project: Path, config: str | None) -> ProjectConfig:
    """The MkDocs configuration ``config`` (a path), else the project's ``mkdocs.yml`` if it
    has one, else none (the generated folder then gets opsdocs' defaults)."""
    if config is None:
        path = project / "mkdocs.yml"
        if not path.is_file():
            return ProjectConfig()
    else:
        path = Path(config)
        if not path.is_file():
            raise ConfigError(f"{config}: no such configuration file")
    # MkDocs' loader: INHERIT, !ENV, and the !!python/name tags custom fences use.
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    try:
        with path.open("rb") as source:
            values = yaml_load(source, get_yaml_loader())
    except (ConfigurationError, yaml.YAMLError, OSError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    if not isinstance(values, dict):
        raise ConfigError(f"{path}: not a mapping of settings")
    return ProjectConfig(path, values)


def mkdocs_config(
    config: ProjectConfig,
    *,
    site_name: str,
    language: str,
    site_url: str,
    stylesheets: list[str],
    pages: set[str],
    custom_dir: bool,
    unlisted: frozenset[str] = frozenset(),
) -> str:
    """The generated ``mkdocs.yml``: the Material theme unless the project names another, no
    opsdocs plugin, the project's look carried over.

    ``pages`` are the paths under ``docs/`` the folder holds, to keep the project's ``nav``
    to pages that exist on this site; ``custom_dir`` says whether the theme's overrides were
    copied to ``overrides/``.
    """
    values = config.values
    out: dict[str, Any] = {"site_name": values.get("site_name") or site_name}
    if site_url:
        out["site_url"] = site_url
    out["docs_dir"] = "docs"
    theme = config.theme
    theme.pop("custom_dir", None)
    theme.setdefault("name", "material")
    theme["language"] = language
    theme.setdefault("font", False)  # no Google Fonts unless the project asks for them
    if custom_dir:
        theme["custom_dir"] = OVERRIDES
    out["theme"] = theme
    extra_css = list(values.get("extra_css") or [])
    # After the project's own, as the plugins add them.
    out["extra_css"] = extra_css + [href for href in stylesheets if href not in extra_css]
    out["markdown_extensions"] = markdown_extensions(values.get("markdown_extensions"))
    for key in CARRIED:
        if values.get(key) is not None:
            out[key] = values[key]
    if values.get("nav") is not None:
        # Without the pages this site does not have (the public site has no runbooks).
        out["nav"] = pruned_nav(values["nav"], lambda target: nav_target_exists(target, pages)) or []
    if unlisted:
        # As the plugins do: detail pages never enter the automatic navigation.
        out["not_in_nav"] = "\n".join(not_in_nav_patterns(unlisted, pages))
    if values.get("plugins") is not None and not config.lists_plugin("search"):
        # A site without search (the standalone status site) stays without it: an engine
        # adds its own search when no plugins are listed.
        out["plugins"] = []
    header = "# Written by `opsdocs generate`; build with `mkdocs build` or `zensical build`.\n"
    # yaml.Dumper, not safe_dump: a function from `!!python/name:` (custom fences) is written
    # back as that tag, which MkDocs and Zensical both read.
    return header + yaml.dump(out, Dumper=yaml.Dumper, sort_keys=False, allow_unicode=True)


def markdown_extensions(configured: object) -> list[Any]:
    """The project's Markdown extensions with their options, then those the generated pages
    need that it does not list."""
    entries = list(configured.items()) if isinstance(configured, dict) else _entries(configured or [])
    listed = [name if options is None else {name: options} for name, options in entries]
    names = {name for name, _ in entries}
    return listed + [name for name in GENERATED_MARKDOWN_EXTENSIONS if name not in names]


def _entries(items: object) -> list[tuple[str, Any]]:
    """``[name, {name: options}, …]`` (how MkDocs lists plugins and extensions) as pairs."""
    pairs: list[tuple[str, Any]] = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, str):
            pairs.append((item, None))
        elif isinstance(item, dict):
            pairs.extend((str(name), options) for name, options in item.items())
    return pairs


def not_in_nav_patterns(unlisted: frozenset[str] | set[str], pages: set[str]) -> list[str]:
    """MkDocs ``not_in_nav`` patterns for the ``unlisted`` pages: a whole folder where every
    page in it is unlisted (thousands of incidents in one line), else the page itself."""
    folders = {path.rsplit("/", 1)[0] for path in unlisted if "/" in path}
    whole = {
        folder
        for folder in folders
        if all(page in unlisted for page in pages if page.startswith(f"{folder}/") and page.endswith(".md"))
    }
    patterns = {f"/{folder}/" for folder in whole}
    patterns |= {f"/{path}" for path in unlisted if "/" not in path or path.rsplit("/", 1)[0] not in whole}
    return sorted(patterns)
