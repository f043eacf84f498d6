"""The ``opsdocs/handbook`` plugin: the handbook, reliability report and postmortems (staff site).

Its options are ``HandbookConfig`` (``options.py``); the ``opsdocs`` plugin renders the part.
"""

from __future__ import annotations

from opsdocs.mkdocs_plugins.options import HandbookConfig
from opsdocs.mkdocs_plugins.shared import FeaturePlugin


class HandbookPlugin(FeaturePlugin[HandbookConfig]):
    """The ``opsdocs/handbook`` part's options."""
