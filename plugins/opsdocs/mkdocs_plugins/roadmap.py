"""The ``opsdocs/roadmap`` plugin: releases, roadmap items, release cycle and changelog.

Its options are ``FeatureConfig`` (``options.py``); the ``opsdocs`` plugin renders the part.
"""

from __future__ import annotations

from opsdocs.mkdocs_plugins.options import FeatureConfig
from opsdocs.mkdocs_plugins.shared import FeaturePlugin


class RoadmapPlugin(FeaturePlugin[FeatureConfig]):
    """The ``opsdocs/roadmap`` part's options."""
