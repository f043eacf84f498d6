"""The ``opsdocs/runbooks`` plugin: runbook pages with generated headers, and their index."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from opsdocs.mkdocs_plugins.shared import add_plan, load_for_build, log
from opsdocs.mkdocs_plugins.status import status_layout
from opsdocs.render.plan import SitePlan
from opsdocs.render.runbooks import render_runbooks


class RunbooksConfig(Config):
    """Options of the runbooks plugin."""

    enabled = c.Type(bool, default=True)


class RunbooksPlugin(BasePlugin[RunbooksConfig]):
    """Adds runbook pages to the staff site; an overdue review is a build warning."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.enabled:
            load_for_build(config)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        data = load_for_build(config)
        # Runbooks are internal: the public site never gets them, nor their warnings.
        if not self.config.enabled or data.public:
            return files
        plan = SitePlan()
        warnings = render_runbooks(data.context, plan, data.snapshot(), status_layout(config))
        for warning in warnings:
            log.warning(str(warning))
        add_plan(plan, files, config, data.public)
        return files
