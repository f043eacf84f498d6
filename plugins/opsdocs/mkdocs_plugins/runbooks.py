"""The ``opsdocs/runbooks`` plugin: runbook pages with generated headers, and their index (staff site).

Its options are ``FeatureConfig`` (``options.py``); the ``opsdocs`` plugin renders the part.
"""

from __future__ import annotations

from opsdocs.mkdocs_plugins.options import FeatureConfig
from opsdocs.mkdocs_plugins.shared import FeaturePlugin


class RunbooksPlugin(FeaturePlugin[FeatureConfig]):
    """The ``opsdocs/runbooks`` part's options."""
