"""The ``opsdocs`` plugin: loads and checks the project, reads the site's description from the
configuration, renders every part the site has, keeps internal pages off the public site,
makes page meta safe, and swaps the built site in only when the build succeeds."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from opsdocs.collector import collector_paused
from opsdocs.mkdocs_plugins.options import ProjectSettings
from opsdocs.mkdocs_plugins.shared import (
    LocatedOptions,
    add_plan,
    check_site,
    keep_between_builds,
    load_for_build,
    log,
    note_overdue,
    unlisted_pages,
    use_stylesheets,
)
from opsdocs.mkdocs_plugins.staging import Staging
from opsdocs.model.checks_history import HistoryError
from opsdocs.model.runbooks import page_is_public
from opsdocs.nav import nav_pages, pruned_nav
from opsdocs.problems import format_problems
from opsdocs.render.assets import ASSET_ROOT, stylesheets
from opsdocs.render.error_page import error_page
from opsdocs.render.generate import generate_site
from opsdocs.render.light import without_search
from opsdocs.render.pages import with_head_links
from opsdocs.render.templates import OVERRIDES_FOLDER, TemplateError
from opsdocs.render.text import heading_title, safe_front_matter

T = TypeVar("T")


class ProjectPlugin(LocatedOptions, BasePlugin[ProjectSettings]):
    """Loads and validates the project; keeps internal pages out of the public site."""

    def __init__(self) -> None:
        super().__init__()
        self._stage = False
        self._staging: Staging | None = None
        self._serving = False
        self._problems: str | None = None
        """What stops this build while serving: the page shown instead of the site."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"
        keep_between_builds(self._serving)
        # ``serve`` builds into a folder of its own, and ``--dirty`` updates the site in place.
        self._stage = command in {"build", "gh-deploy"} and not dirty

    # Runs before the other opsdocs plugins so bad data stops the build at once, with every
    # problem listed, before any plugin generates a page.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._problems = None
        try:
            data = load_for_build(config)
        except PluginError as exc:
            return self._serve_problems(exc, config)
        if os.environ.get("OPSDOCS_NOW") and not os.environ.get("SOURCE_DATE_EPOCH"):
            # MkDocs stamps the sitemap with the clock; a fixed OPSDOCS_NOW must fix that too,
            # so that two builds of the same inputs are byte-identical.
            os.environ["SOURCE_DATE_EPOCH"] = str(int(data.now.timestamp()))
        use_stylesheets(config, tuple(ASSET_ROOT + name for name in stylesheets(data.spec.parts)))
        if self._stage:
            self._staging = Staging.start(config)
        return config

    # Runs before other plugins' ``on_files``, so they see the generated pages too.
    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self._problems is not None:
            return Files([])
        try:
            return self._files(files, config)
        except PluginError as exc:
            return self._serve_problems(exc, Files([]))

    def _serve_problems(self, error: PluginError, result: T) -> T:
        """While serving, a build that fails goes on without the site, to show its problems
        (``on_post_build``) until an edit fixes them; otherwise it stops."""
        if not self._serving:
            raise error
        self._problems = str(error)
        log.error(self._problems)
        return result

    def _files(self, files: Files, config: MkDocsConfig) -> Files:
        data = load_for_build(config)
        pages_root = data.root / data.layout.docs_dir
        pages = set()
        for file in list(files):
            # Only hand-written pages of the project carry front matter the model read.
            source = Path(file.abs_src_path) if file.abs_src_path else None
            if source is None or not source.is_relative_to(pages_root):
                continue
            src = source.relative_to(pages_root).as_posix()
            if data.public and not page_is_public(data.project.pages.get(src)):
                files.remove(file)
            elif file.is_documentation_page():
                pages.add(src)
        try:
            with collector_paused():  # rendering a large history allocates without making cycles
                data.site = generate_site(data.project, data.now, data.spec, pages=pages)
        except (TemplateError, HistoryError) as exc:  # an override or the checks' history: where
            raise PluginError(str(exc)) from None
        _drop_template_overrides(files, config)
        note_overdue(data.site.notes)
        add_plan(data.site.plan, files, config, data.public)
        self._keep_out_of_nav(files, config)
        check_site(files, config, data)
        return files

    # Runs first, so every plugin and the theme see the page's meta as it is made safe: the
    # theme prints a title or a description as it is, into <title> and attributes.
    # Directives are expanded and help articles decorated here too, before other plugins.
    @event_priority(100)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        page.meta.update(safe_front_matter(page.meta))
        data = load_for_build(config)
        if data.site is None:
            return markdown
        path, first_line = _where(page, markdown, data.root)
        try:
            body, problems = data.site.body(page.file.src_uri, markdown, first_line, path)
        except TemplateError as exc:
            raise PluginError(str(exc)) from None
        if problems:
            # The project's pages were checked before the build began (``load_for_build``);
            # this is a page from elsewhere, and nothing internal may reach it.
            raise PluginError("opsdocs: a page has problems:\n" + format_problems(problems))
        return body

    # Runs last, once the page is rendered and MkDocs has its title from its first heading: a
    # page without a title in its front matter gets that one, made safe, since the theme
    # un-escapes a heading's title (striptags) before it prints it in <title>.
    @event_priority(-100)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if "title" not in page.meta and page.title and not page.is_homepage:
            page.meta["title"] = heading_title(page.title)
        return html

    # A generated page's feeds and calendars go in its head, where readers and browsers look
    # for them; no theme prints front matter there. The status page is what visitors load
    # during an outage: it leaves the theme's search out.
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if (page.file.generated_by or "").startswith("opsdocs"):
            output = with_head_links(output, page.meta)
        spec = load_for_build(config).spec
        status = spec.paths.status
        searchable = spec.options.status_rendering.search_history
        if status is None or searchable or page.file.src_uri != status.index:
            return output
        return without_search(output)

    @staticmethod
    def _keep_out_of_nav(files: Files, config: MkDocsConfig) -> None:
        """Generated detail pages never enter the navigation, even when a configured nav names
        them: a nav of N pages rendered on N pages is quadratic. Without a nav, MkDocs' own
        nav skips them (``add_plan`` marks them)."""
        if not config.nav:
            return
        unlisted = unlisted_pages(files)
        named = sorted(unlisted & nav_pages(config.nav))
        if named:
            log.info(f"opsdocs: generated detail pages stay out of the nav: {', '.join(named[:5])}")
            config.nav = pruned_nav(config.nav, lambda page: page not in unlisted)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:
        status = config.plugins.get("opsdocs/status")
        history = status.config.checks_history if status is not None else ""  # opsdocs probe writes it
        for folder in (self.config.data_dir, self.config.runbooks_dir, self.config.docs_dir, history):
            path = Path(config.config_file_path).resolve().parent / (folder or config.docs_dir)
            if path.is_dir():
                server.watch(str(path))
        return server

    # Runs after every other plugin has written its files (the search index, machine files).
    @event_priority(-1000)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        for name in ("index.html", "404.html") if self._problems is not None else ():
            Path(config.site_dir, name).write_text(error_page(self._problems), encoding="utf-8")
        if self._staging is not None and self._staging.finish():
            self._staging = None

    def on_build_error(self, *, error: Exception) -> None:
        if self._staging is not None:
            self._staging.abandon()
            self._staging = None


def _where(page: Page, markdown: str, root: Path) -> tuple[str, int]:
    """The file of ``page`` (relative to the project ``root`` when inside it), and the line of
    it ``markdown``, the page without its front matter, starts on: where a problem is."""
    source = page.file.abs_src_path
    if source is None:
        return page.file.src_uri, 1
    file = Path(source).resolve()
    path = file.relative_to(root).as_posix() if file.is_relative_to(root) else file.as_posix()
    text = page.file.content_string
    before = text[: len(text) - len(markdown)] if markdown and text.endswith(markdown) else ""
    return path, before.count("\n") + 1


def _drop_template_overrides(files: Files, config: MkDocsConfig) -> None:
    """The theme's overrides of opsdocs' templates (``<custom_dir>/opsdocs/``) shape the build's
    pages; they are not files of the site, which MkDocs would copy as the theme's own."""
    if not config.theme.custom_dir:
        return
    folder = Path(config.theme.custom_dir, OVERRIDES_FOLDER)
    for file in list(files):
        source = file.abs_src_path
        if file.src_uri.startswith(f"{OVERRIDES_FOLDER}/") and source and Path(source).is_relative_to(folder):
            files.remove(file)
