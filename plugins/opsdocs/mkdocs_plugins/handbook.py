"""The ``opsdocs/handbook`` plugin: staff pages generated from ``data/`` (severities, contacts...)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin

from opsdocs.mkdocs_plugins.shared import load_for_build


class HandbookPluginConfig(Config):
    """Options of the plugin."""

    enabled = c.Type(bool, default=True)


class HandbookPlugin(BasePlugin[HandbookPluginConfig]):
    """Loads the shared project so that bad data fails the build."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.enabled:
            load_for_build(config)
        return config
