"""The ``opsdocs/helpcenter`` plugin: help home, categories, FAQ, support channels, and the
banner and related articles on every help article.

Its options are ``FeatureConfig`` (``options.py``); the ``opsdocs`` plugin renders the part.
"""

from __future__ import annotations

from opsdocs.mkdocs_plugins.options import FeatureConfig
from opsdocs.mkdocs_plugins.shared import FeaturePlugin


class HelpCenterPlugin(FeaturePlugin[FeatureConfig]):
    """The ``opsdocs/helpcenter`` part's options."""
