"""When each component's status began to be tracked: the one "tracked since" rule.

A component is tracked from its ``tracked_since`` day, else from the site's ``tracking_start``
day, each from midnight in the site's time zone (``day_start``). Uptime and the day-by-day
history count from then, on the status page and in the reliability report alike; with neither
day written they count the whole window. The API's ``created_at`` cannot be empty, so without
either day it is the earliest thing the data knows (an incident's start or a window's
announcement), and never after ``now``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from opsdocs.derive.uptime import day_start

if TYPE_CHECKING:
    from opsdocs.model.project import Project


@dataclass(frozen=True)
class Tracking:
    """When one component's status began to be tracked."""

    first_day: date | None
    """The day written for it: its ``tracked_since``, else the site's ``tracking_start``."""
    since: datetime | None
    """The start of ``first_day`` in the site's time zone; uptime counts from here."""
    began: datetime
    """``since``, else the earliest incident start or window announcement; never after ``now``."""


def tracking(project: Project, now: datetime) -> dict[str, Tracking]:
    """Each component's tracking, by component id."""
    zone = project.site.zone
    earliest = min(
        (
            *(i.started_at for i in project.incidents),
            *(w.announced for w in project.maintenance if not w.cancelled),
            now,
        )
    )
    found = {}
    for component in project.components.all_components():
        first_day = component.tracked_since or project.site.tracking_start
        since = day_start(first_day, zone) if first_day is not None else None
        found[component.id] = Tracking(first_day, since, min(since or earliest, now))
    return found
