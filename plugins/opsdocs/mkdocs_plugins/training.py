"""The ``opsdocs/training`` plugin: learning paths per audience of learners.

Its options are ``FeatureConfig`` (``options.py``); the ``opsdocs`` plugin renders the part.
"""

from __future__ import annotations

from opsdocs.mkdocs_plugins.options import FeatureConfig
from opsdocs.mkdocs_plugins.shared import FeaturePlugin


class TrainingPlugin(FeaturePlugin[FeatureConfig]):
    """The ``opsdocs/training`` part's options."""
