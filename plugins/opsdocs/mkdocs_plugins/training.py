"""The ``opsdocs/training`` plugin: learning paths per audience of learners."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from opsdocs.mkdocs_plugins.shared import add_plan, load_for_build
from opsdocs.render.plan import SitePlan
from opsdocs.render.training import render_training


class TrainingPluginConfig(Config):
    """Options of the training plugin."""

    enabled = c.Type(bool, default=True)


class TrainingPlugin(BasePlugin[TrainingPluginConfig]):
    """Adds the training index and a page per learning path; internal paths on staff only."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.enabled:
            load_for_build(config)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.config.enabled:
            return files
        data = load_for_build(config)
        # Links to runbooks are links only where runbook pages are built: the staff site with
        # the runbooks plugin on. Elsewhere they are plain text, never broken links.
        runbooks = config.plugins.get("opsdocs/runbooks")
        runbook_pages = not data.public and runbooks is not None and bool(runbooks.config.enabled)
        plan = SitePlan()
        render_training(data.context, plan, runbook_pages=runbook_pages)
        add_plan(plan, files, config, data.public)
        return files
