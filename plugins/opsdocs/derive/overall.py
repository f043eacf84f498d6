"""The page's overall indicator, derived as Atlassian Statuspage derives it."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from opsdocs.model.components import ComponentStatus
from opsdocs.model.severities import Impact


class Indicator(StrEnum):
    """``status.indicator`` of the Statuspage API, from best to worst, plus maintenance."""

    none = "none"
    minor = "minor"
    major = "major"
    critical = "critical"
    maintenance = "maintenance"


_ORDER = [Indicator.none, Indicator.minor, Indicator.major, Indicator.critical]

COMPONENT_INDICATOR = {
    ComponentStatus.operational: Indicator.none,
    ComponentStatus.under_maintenance: Indicator.none,
    ComponentStatus.degraded_performance: Indicator.minor,
    ComponentStatus.partial_outage: Indicator.major,
    ComponentStatus.major_outage: Indicator.critical,
}
"""What each component status contributes to the overall indicator."""


def overall_indicator(
    statuses: Iterable[ComponentStatus],
    active_impacts: Iterable[Impact],
    maintenance_in_progress: bool,
) -> Indicator:
    """The worst of what components and unresolved incidents say; ``maintenance`` when all is
    otherwise well but a maintenance window is in progress.

    Components: degraded performance is minor, a partial outage major, a major outage critical.
    Unresolved incidents contribute their impact (from their severity).
    """
    worst = Indicator.none
    for status in statuses:
        worst = max(worst, COMPONENT_INDICATOR[status], key=_ORDER.index)
    for impact in active_impacts:
        worst = max(worst, Indicator(impact.value), key=_ORDER.index)
    if worst == Indicator.none and maintenance_in_progress:
        return Indicator.maintenance
    return worst
