"""The ``opsdocs/roadmap`` plugin: the release roadmap, a page per release, the release cycle,
the changelog and its RSS feed; on the staff site also the feature flag registry."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from opsdocs.mkdocs_plugins.shared import add_plan, load_for_build
from opsdocs.render.plan import SitePlan
from opsdocs.render.roadmap import render_roadmap


class RoadmapPluginConfig(Config):
    """Options of the roadmap plugin."""

    enabled = c.Type(bool, default=True)


class RoadmapPlugin(BasePlugin[RoadmapPluginConfig]):
    """Adds the roadmap pages to both sites; staff-only parts only to the staff site."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.enabled:
            load_for_build(config)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.config.enabled:
            return files
        data = load_for_build(config)
        # The context holds the public view on the public site, and add_plan drops the pages
        # marked internal there: nothing internal reaches the public site.
        plan = SitePlan()
        render_roadmap(data.context, plan)
        add_plan(plan, files, config, data.public)
        return files
