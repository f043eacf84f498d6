"""The ``opsdocs/status`` plugin: the public status page, its API, feeds, calendar and badges."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from opsdocs.derive.status import StatusOptions
from opsdocs.derive.uptime import UptimePolicy
from opsdocs.mkdocs_plugins.shared import ASSET_ROOT, add_assets, add_plan, load_for_build
from opsdocs.render.plan import SitePlan
from opsdocs.render.status import StatusLayout, render_status


class StatusConfig(Config):
    """Options of the status plugin."""

    enabled = c.Type(bool, default=True)
    standalone = c.Type(bool, default=False)
    """Put the status page at the site's root, for a status site hosted on its own."""
    history_days = c.Type(int, default=90)
    partial_outage_weight = c.Type(float, default=0.3)


class StatusPlugin(BasePlugin[StatusConfig]):
    """Adds the status page and its machine-readable files to the site."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.enabled:
            load_for_build(config)
            weight = self.config.partial_outage_weight
            if not 0.0 <= weight <= 1.0:
                raise PluginError(
                    f"opsdocs/status: partial_outage_weight must be between 0 and 1, not {weight}"
                )
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.config.enabled:
            return files
        data = load_for_build(config)
        plan = SitePlan()
        options = StatusOptions(
            history_days=self.config.history_days,
            policy=UptimePolicy(partial_outage_weight=self.config.partial_outage_weight),
        )
        layout = status_layout(config)
        render_status(data.context, plan, layout, ASSET_ROOT, options, data.snapshot(options))
        add_plan(plan, files, config, data.public)
        add_assets(files, config, ("status.js",))
        return files


def status_layout(config: MkDocsConfig) -> StatusLayout:
    """Where this site's status pages are, for plugins that link to them."""
    plugin = config.plugins.get("opsdocs/status")
    standalone = bool(plugin is not None and plugin.config.standalone)
    return StatusLayout(root="" if standalone else "status/")
