"""The ``opsdocs/runbooks`` plugin: runbook pages with generated headers, and their index."""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs.config.defaults import MkDocsConfig

from opsdocs.hygiene import overdue_runbook_problems
from opsdocs.mkdocs_plugins.shared import BuildData, FeatureConfig, GeneratingPlugin, note_overdue
from opsdocs.mkdocs_plugins.status import status_layout
from opsdocs.render.plan import SitePlan
from opsdocs.render.runbooks import render_runbooks


class RunbooksPlugin(GeneratingPlugin[FeatureConfig]):
    """Adds runbook pages to the staff site; an overdue review is marked and printed, never a
    build warning."""

    staff_only = True

    def render(self, data: BuildData, plan: SitePlan, config: MkDocsConfig) -> Iterable[object]:
        render_runbooks(data.context, plan, data.snapshot(), status_layout(config))
        note_overdue(overdue_runbook_problems(data.project, data.now))
        return ()
