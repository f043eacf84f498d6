"""The text icons every part shows beside a status, so a state reads the same on each page."""

from __future__ import annotations

COMPONENT_ICONS = {
    "operational": "✓",
    "degraded_performance": "!",
    "partial_outage": "◐",
    "major_outage": "✕",
    "under_maintenance": "⚙",
}
"""An icon per component status."""
IMPACT_ICONS = {"none": "✓", "minor": "!", "major": "◐", "critical": "✕", "maintenance": "⚙"}
"""An icon per overall indicator (and incident impact)."""
