"""The ``opsdocs/status`` plugin: the status page, its API, feeds, calendar and badges.

Its options are ``StatusConfig`` (``options.py``); the ``opsdocs`` plugin renders the part.
"""

from __future__ import annotations

from opsdocs.mkdocs_plugins.options import StatusConfig
from opsdocs.mkdocs_plugins.shared import FeaturePlugin


class StatusPlugin(FeaturePlugin[StatusConfig]):
    """The ``opsdocs/status`` part's options."""
