"""The ``opsdocs/handbook`` plugin: staff pages generated from ``data/`` (handbook, reliability
report, postmortems), and the directives that embed the same tables in hand-written pages."""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from opsdocs.derive.uptime import weight_problem
from opsdocs.hygiene import overdue_action_item_problems
from opsdocs.load.directives import MARKER
from opsdocs.mkdocs_plugins.shared import (
    BuildData,
    FeatureConfig,
    GeneratingPlugin,
    load_for_build,
    note_overdue,
)
from opsdocs.mkdocs_plugins.status import status_layout
from opsdocs.render.handbook import render_handbook
from opsdocs.render.handbook.directives import expand_directives
from opsdocs.render.plan import SitePlan
from opsdocs.render.reliability import render_postmortems, render_reliability


class HandbookConfig(FeatureConfig):
    """Options of the handbook plugin."""

    partial_outage_weight = c.Type((int, float), default=0.3)
    """Share of a partial outage counted as downtime in the reliability report's uptime."""


class HandbookPlugin(GeneratingPlugin[HandbookConfig]):
    """Adds the handbook, the reliability report and postmortems to the staff site, and expands
    ``<!-- opsdocs:NAME -->`` directives in hand-written pages."""

    staff_only = True

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        problem = weight_problem(self.config.partial_outage_weight)
        if problem:
            raise PluginError(f"opsdocs/handbook: {problem}")
        return super().on_config(config)

    def render(self, data: BuildData, plan: SitePlan, config: MkDocsConfig) -> Iterable[object]:
        render_handbook(data.context, plan)
        layout = status_layout(config)
        render_reliability(data.context, plan, self.config.partial_outage_weight, layout)
        render_postmortems(data.context, plan, layout)
        note_overdue(overdue_action_item_problems(data.project, data.now))
        return ()

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not self.config.enabled or MARKER not in markdown:
            return markdown
        data = load_for_build(config)
        expanded, problems = expand_directives(markdown, data.context, page.file.src_uri)
        if problems:
            # The project's pages were checked before the build began (``load_for_build``);
            # this is a page from elsewhere, and nothing internal may reach it.
            raise PluginError("opsdocs: " + "\n".join(f"{data.layout.docs_dir}/{p}" for p in problems))
        return expanded
