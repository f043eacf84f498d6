"""The ``opsdocs/training`` plugin: learning paths per audience of learners."""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs.config.defaults import MkDocsConfig

from opsdocs.mkdocs_plugins.shared import BuildData, FeatureConfig, GeneratingPlugin
from opsdocs.render.plan import SitePlan
from opsdocs.render.training import render_training


class TrainingPlugin(GeneratingPlugin[FeatureConfig]):
    """Adds the training index and a page per learning path; internal paths on staff only."""

    def render(self, data: BuildData, plan: SitePlan, config: MkDocsConfig) -> Iterable[object]:
        # Links to runbooks are links only where runbook pages are built: the staff site with
        # the runbooks plugin on. Elsewhere they are plain text, never broken links.
        runbooks = config.plugins.get("opsdocs/runbooks")
        runbook_pages = not data.public and runbooks is not None and bool(runbooks.config.enabled)
        render_training(data.context, plan, runbook_pages=runbook_pages)
        return ()
