"""The ``opsdocs/handbook`` plugin: staff pages generated from ``data/`` (handbook, reliability
report, postmortems), and the directives that embed the same tables in hand-written pages."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from opsdocs.mkdocs_plugins.shared import add_plan, load_for_build, log
from opsdocs.mkdocs_plugins.status import status_layout
from opsdocs.render.handbook import render_handbook
from opsdocs.render.handbook.directives import expand_directives
from opsdocs.render.plan import SitePlan
from opsdocs.render.reliability import render_postmortems, render_reliability


class HandbookConfig(Config):
    """Options of the handbook plugin."""

    enabled = c.Type(bool, default=True)
    partial_outage_weight = c.Type(float, default=0.3)
    """Share of a partial outage counted as downtime in the reliability report's uptime."""


class HandbookPlugin(BasePlugin[HandbookConfig]):
    """Adds the handbook to the staff site and expands ``<!-- opsdocs:NAME -->`` directives."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.enabled:
            load_for_build(config)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        data = load_for_build(config)
        # The handbook is internal: the public site never gets it.
        if not self.config.enabled or data.public:
            return files
        plan = SitePlan()
        render_handbook(data.context, plan)
        layout = status_layout(config)
        for warning in render_reliability(data.context, plan, self.config.partial_outage_weight, layout):
            log.warning(f"opsdocs: {warning}")
        render_postmortems(data.context, plan, layout)
        add_plan(plan, files, config, data.public)
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not self.config.enabled or "<!-- opsdocs:" not in markdown:
            return markdown
        data = load_for_build(config)
        expanded, problems = expand_directives(markdown, data.context, page.file.src_uri)
        for problem in problems:
            log.warning(f"{data.layout.docs_dir}/{problem}")
        return expanded
