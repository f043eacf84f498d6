"""The ``opsdocs/helpcenter`` plugin: help home, categories, FAQ, support channels, and the
banner and related articles on every help article."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from opsdocs.mkdocs_plugins.shared import BuildData, FeatureConfig, GeneratingPlugin
from opsdocs.mkdocs_plugins.status import status_layout
from opsdocs.model.runbooks import page_is_public
from opsdocs.render.helpcenter import Article, HelpCenter, ServiceNotice, article_from_page, render_helpcenter
from opsdocs.render.plan import SitePlan


class HelpCenterPlugin(GeneratingPlugin[FeatureConfig]):
    """Adds the help pages, and puts the banner and related articles on help articles."""

    def __init__(self) -> None:
        super().__init__()
        self._files: Files | None = None
        self.help: HelpCenter | None = None
        """The help center of the current build, for ``on_page_markdown``."""

    # Runs at the default priority, before the ``opsdocs`` plugin drops internal pages from
    # the public site (at -100): ``_articles`` filters by audience as well.
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        # The help articles are found among the site's pages, which render() is not given.
        self._files, self.help = files, None
        return super().on_files(files, config=config)

    def render(self, data: BuildData, plan: SitePlan, config: MkDocsConfig) -> Iterable[object]:
        articles = _articles(data, self._files) if self._files is not None else []
        self.help = render_helpcenter(data.context, plan, articles, _notice(data, config))
        return ()

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.help is None:
            return markdown
        article = self.help.article(page.file.src_uri)
        return markdown if article is None else self.help.decorate(article, markdown)


def _articles(data: BuildData, files: Files) -> list[Article]:
    """Every page of the project's docs with a help category that this site publishes."""
    pages_root = data.root / data.layout.docs_dir
    articles = []
    for file in files.documentation_pages():
        source = Path(file.abs_src_path) if file.abs_src_path else None
        if source is None or not source.is_relative_to(pages_root):
            continue
        meta = data.project.pages.get(source.relative_to(pages_root).as_posix())
        if meta is None or not meta.category or (data.public and not page_is_public(meta)):
            continue
        article = article_from_page(file.src_uri, meta, file.content_string)
        if article is not None:
            articles.append(article)
    return articles


def _notice(data: BuildData, config: MkDocsConfig) -> ServiceNotice:
    """The service's state at ``now``, and where this site's status page is, if it has one."""
    status = config.plugins.get("opsdocs/status")
    has_status_page = status is not None and bool(status.config.enabled)
    return ServiceNotice(data.snapshot(), status_layout(config).index if has_status_page else None)
