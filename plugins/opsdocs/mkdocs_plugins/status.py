"""The ``opsdocs/status`` plugin: the public status page, its API, feeds, calendar and badges."""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from opsdocs.derive.status import StatusOptions
from opsdocs.derive.uptime import UptimePolicy, weight_problem
from opsdocs.mkdocs_plugins.shared import BuildData, FeatureConfig, GeneratingPlugin
from opsdocs.render.assets import ASSET_ROOT, SCRIPTS
from opsdocs.render.plan import SitePlan
from opsdocs.render.status import ApiLanguage, StatusLayout, StatusRendering, render_status
from opsdocs.render.status.site import STALE_AFTER_MINUTES, stale_after_problem


class StatusConfig(FeatureConfig):
    """Options of the status plugin."""

    standalone = c.Type(bool, default=False)
    """Put the status page at the site's root, for a status site hosted on its own."""
    history_days = c.Type(int, default=90)
    partial_outage_weight = c.Type((int, float), default=0.3)
    """Share of a partial outage counted as downtime; ``0`` and ``1`` may be written as such."""
    stale_after_minutes = c.Type(int, default=STALE_AFTER_MINUTES)
    """The page's script warns visitors once the data it shows is older than this."""
    search_history = c.Type(bool, default=False)
    """Put incident, maintenance and history pages in the search index (off: a lighter first visit)."""
    api_language = c.Choice(tuple(ApiLanguage), default=ApiLanguage.statuspage.value)
    """``statuspage``: the API's fixed texts in Statuspage's English; ``site``: in the site's language."""

    def rendering(self) -> StatusRendering:
        """How the status outputs are written, from these options."""
        language = ApiLanguage(self.api_language)
        return StatusRendering(
            search_history=self.search_history,
            api_language=language,
            stale_after_minutes=self.stale_after_minutes,
        )


class StatusPlugin(GeneratingPlugin[StatusConfig]):
    """Adds the status page and its machine-readable files to the site."""

    assets = SCRIPTS

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        problem = weight_problem(self.config.partial_outage_weight) or stale_after_problem(
            self.config.stale_after_minutes
        )
        if problem:
            raise PluginError(f"opsdocs/status: {problem}")
        return super().on_config(config)

    def render(self, data: BuildData, plan: SitePlan, config: MkDocsConfig) -> Iterable[object]:
        options = status_options(config)
        render_status(
            data.context,
            plan,
            status_layout(config),
            ASSET_ROOT,
            options,
            data.snapshot(options),
            self.config.rendering(),
        )
        return ()


def status_layout(config: MkDocsConfig) -> StatusLayout:
    """Where this site's status pages are, for plugins that link to them."""
    plugin = config.plugins.get("opsdocs/status")
    standalone = bool(plugin is not None and plugin.config.standalone)
    return StatusLayout(root="" if standalone else "status/")


def status_options(config: MkDocsConfig) -> StatusOptions:
    """The status plugin's options, the defaults when it is not listed: one snapshot per site."""
    plugin = config.plugins.get("opsdocs/status")
    if plugin is None:
        return StatusOptions()
    return StatusOptions(
        history_days=plugin.config.history_days,
        policy=UptimePolicy(partial_outage_weight=plugin.config.partial_outage_weight),
    )
