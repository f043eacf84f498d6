"""The ``opsdocs`` plugin: project settings, validation, audience filtering, safe page meta,
live reload."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from opsdocs.mkdocs_plugins.shared import (
    ProjectSettings,
    add_assets,
    enabled_parts,
    keep_between_builds,
    load_for_build,
    log,
    unlisted_pages,
    use_stylesheet,
    without_pages,
)
from opsdocs.mkdocs_plugins.staging import Staging
from opsdocs.mkdocs_plugins.status import status_options
from opsdocs.model.runbooks import page_is_public
from opsdocs.render.assets import stylesheets
from opsdocs.render.home import HOME, home_links, render_home
from opsdocs.render.text import heading_title, safe_front_matter


class ProjectPlugin(BasePlugin[ProjectSettings]):
    """Loads and validates the project; keeps internal pages out of the public site."""

    def __init__(self) -> None:
        super().__init__()
        self._stage = False
        self._staging: Staging | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        keep_between_builds(command == "serve")
        # ``serve`` builds into a folder of its own, and ``--dirty`` updates the site in place.
        self._stage = command in {"build", "gh-deploy"} and not dirty

    # Runs before the other opsdocs plugins so bad data stops the build at once, with every
    # problem listed, before any plugin generates a page.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        data = load_for_build(config)
        if os.environ.get("OPSDOCS_NOW") and not os.environ.get("SOURCE_DATE_EPOCH"):
            # MkDocs stamps the sitemap with the clock; a fixed OPSDOCS_NOW must fix that too,
            # so that two builds of the same inputs are byte-identical.
            os.environ["SOURCE_DATE_EPOCH"] = str(int(data.now.timestamp()))
        use_stylesheet(config)
        if self._stage:
            self._staging = Staging.start(config)
        return config

    # Runs last, so that generated pages marked internal are dropped too, the shared
    # stylesheet is added once whichever feature plugins are enabled, and every generated
    # detail page is known before MkDocs reads the nav.
    @event_priority(-100)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        data = load_for_build(config)
        add_assets(files, config, stylesheets())
        self._keep_out_of_nav(files, config)
        if data.public:
            pages_root = data.root / data.layout.docs_dir
            for file in list(files):
                # Only hand-written pages of the project carry front matter; a generated page at
                # the same path (the standalone status page at index.md) is not one of them.
                source = Path(file.abs_src_path) if file.abs_src_path else None
                if source is None or not source.is_relative_to(pages_root):
                    continue
                meta = data.project.pages.get(source.relative_to(pages_root).as_posix())
                if not page_is_public(meta):
                    files.remove(file)
        if files.get_file_from_path(HOME) is None:
            # No page at / (the public site drops the staff home): one from the data, so the
            # logo, a bare address and the API's page.url lead somewhere.
            status = config.plugins.get("opsdocs/status")
            root = "" if status is not None and status.config.standalone else "status/"
            links = home_links(enabled_parts(config, data.public), root)
            home = render_home(data.context, data.snapshot(status_options(config)), links)
            files.append(File.generated(config, HOME, content=home))
        return files

    # Runs first, so every plugin and the theme see the page's meta as it is made safe: the
    # theme prints a title or a description as it is, into <title> and attributes.
    @event_priority(100)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        page.meta.update(safe_front_matter(page.meta))
        return markdown

    # Runs last, once the page is rendered and MkDocs has its title from its first heading: a
    # page without a title in its front matter gets that one, made safe, since the theme
    # un-escapes a heading's title (striptags) before it prints it in <title>.
    @event_priority(-100)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if "title" not in page.meta and page.title and not page.is_homepage:
            page.meta["title"] = heading_title(page.title)
        return html

    @staticmethod
    def _keep_out_of_nav(files: Files, config: MkDocsConfig) -> None:
        """Generated detail pages never enter the navigation, even when a configured nav names
        them: a nav of N pages rendered on N pages is quadratic. Without a nav, MkDocs' own
        nav skips them (``add_plan`` marks them)."""
        if not config.nav:
            return
        unlisted = unlisted_pages(files)
        named = [page for page in sorted(unlisted) if page in _nav_pages(config.nav)]
        if named:
            log.info(f"opsdocs: generated detail pages stay out of the nav: {', '.join(named[:5])}")
            config.nav = without_pages(config.nav, unlisted) or None

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:
        data = load_for_build(config)
        for folder in (data.settings.data_dir, data.settings.runbooks_dir):
            path = data.root / folder
            if path.is_dir():
                server.watch(str(path))
        return server

    # Runs after every other plugin has written its files (the search index, machine files).
    @event_priority(-1000)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._staging is not None and self._staging.finish():
            self._staging = None

    def on_build_error(self, *, error: Exception) -> None:
        if self._staging is not None:
            self._staging.abandon()
            self._staging = None


def _nav_pages(nav: object) -> set[str]:
    """Every page path a ``nav`` setting names."""
    if isinstance(nav, list):
        return set().union(*(_nav_pages(item) for item in nav))
    if isinstance(nav, dict):
        return set().union(*(_nav_pages(value) for value in nav.values()))
    return {nav} if isinstance(nav, str) else set()
