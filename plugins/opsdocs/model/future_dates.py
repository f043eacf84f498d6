"""Dates in the data that lie ahead of the build's clock: most often a typo for the past.

An update dated tomorrow by mistake stays unpublished, silently, until tomorrow. At the real
clock that is worth a warning; with a fixed ``now`` (``OPSDOCS_NOW``, ``SOURCE_DATE_EPOCH``)
a date ahead is usually the point of the build, so nothing is said.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from opsdocs.load.source import FieldPath
from opsdocs.model.base import Record
from opsdocs.problems import Problem

if TYPE_CHECKING:
    from opsdocs.model.project import Project

TOLERANCE = timedelta(minutes=5)
"""How far ahead of the clock a date may be before it is reported: clocks drift, and an
update is sometimes written a minute or two before it is pushed."""


def future_dated(project: Project, now: datetime) -> list[Problem]:
    """A warning for each incident update, resolution and maintenance update dated more than
    ``TOLERANCE`` after ``now``, located at its date in its file."""
    limit = now + TOLERANCE
    found: list[Problem] = []

    def check(record: Record, field: FieldPath, label: str, moment: datetime) -> None:
        if moment > limit and record.source is not None:
            ahead = _ahead(moment - now)
            found.append(
                record.source.problem(
                    field,
                    f"{label}: {moment.astimezone(project.site.zone).isoformat()} is {ahead} after "
                    "the build's clock; it stays unpublished until then. Is the date a typo?",
                    "warning",
                )
            )

    for incident in project.incidents:
        for i, update in enumerate(incident.updates):
            check(incident, ("updates", i, "at"), f"updates[{i}].at", update.at)
        if incident.declares("resolved_at") and incident.resolved_at is not None:
            check(incident, ("resolved_at",), "resolved_at", incident.resolved_at)
    for window in project.maintenance:
        for i, update in enumerate(window.updates):
            check(window, ("updates", i, "at"), f"updates[{i}].at", update.at)
    return sorted(found)


def _ahead(delta: timedelta) -> str:
    """``3 days``, ``5 hours``, ``12 minutes``: the largest whole unit."""
    minutes = int(delta.total_seconds() // 60)
    for size, unit in ((1440, "day"), (60, "hour"), (1, "minute")):
        if minutes >= size:
            count = minutes // size
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return "less than a minute"
