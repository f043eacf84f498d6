"""The ``opsdocs/roadmap`` plugin: releases, roadmap items, release cycle and changelog."""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs.config.defaults import MkDocsConfig

from opsdocs.mkdocs_plugins.shared import BuildData, FeatureConfig, GeneratingPlugin
from opsdocs.render.plan import SitePlan
from opsdocs.render.roadmap import render_roadmap


class RoadmapPlugin(GeneratingPlugin[FeatureConfig]):
    """Adds the roadmap pages to both sites; staff-only parts only to the staff site.

    The context holds the public view on the public site, and pages marked internal are not
    handed over there: nothing internal reaches the public site.
    """

    def render(self, data: BuildData, plan: SitePlan, config: MkDocsConfig) -> Iterable[object]:
        render_roadmap(data.context, plan)
        return ()
