"""What happened to each component and when: status intervals from incidents and maintenance.

Everything is computed *as of* ``now``: an update published after ``now`` has not happened yet,
so a build at a past ``now`` shows the page exactly as it was then.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from opsdocs.derive.published import has_begun, has_started, published_updates, resolved_by
from opsdocs.model.components import ComponentStatus, rank
from opsdocs.model.incidents import Incident
from opsdocs.model.maintenance import MaintenanceWindow

OPEN_END = datetime.max.replace(tzinfo=UTC)
"""End of an interval still in force at ``now``: an open incident, a window not yet over."""


@dataclass(frozen=True)
class Interval:
    """``component_id`` held ``status`` from ``start`` (inclusive) to ``end`` (exclusive)."""

    component_id: str
    start: datetime
    end: datetime
    status: ComponentStatus
    source_id: str
    """Id of the incident or maintenance window that set the status."""


def maintenance_intervals(window: MaintenanceWindow, now: datetime) -> list[Interval]:
    """``under_maintenance`` for each of the window's components, once the window has begun."""
    if window.cancelled:
        return []
    if not has_begun(window, now):
        return []
    start, end = window.span()
    status = ComponentStatus.under_maintenance
    return [Interval(cid, start, end, status, window.id) for cid in window.components if end > start]


def incident_intervals(incident: Incident, now: datetime) -> list[Interval]:
    """The status each component held because of ``incident``, as known at ``now``.

    A status given by an update holds until a later update of the same incident gives that
    component another status, or until the incident is resolved; while it is open, the last
    status holds past ``now`` (``OPEN_END``).
    Operational stretches are left out: only what was wrong is an interval.
    """
    if not has_started(incident, now):
        return []
    end_of_incident = resolved_by(incident, now) or OPEN_END
    published = published_updates(incident, now)
    intervals: list[Interval] = []
    current: dict[str, tuple[datetime, ComponentStatus]] = {}
    for update in published:
        for component_id, status in update.components.items():
            if component_id in current:
                _close(intervals, incident.id, component_id, *current[component_id], update.at)
            current[component_id] = (update.at, status)
    for component_id, (start, status) in current.items():
        _close(intervals, incident.id, component_id, start, status, end_of_incident)
    return intervals


def _close(
    intervals: list[Interval],
    source: str,
    component_id: str,
    start: datetime,
    status: ComponentStatus,
    end: datetime,
) -> None:
    if status != ComponentStatus.operational and end > start:
        intervals.append(Interval(component_id, start, end, status, source))


def all_intervals(
    incidents: Iterable[Incident], windows: Iterable[MaintenanceWindow], now: datetime
) -> dict[str, list[Interval]]:
    """Every non-operational interval known at ``now``, by component id, sorted by start."""
    by_component: dict[str, list[Interval]] = defaultdict(list)
    for incident in incidents:
        for interval in incident_intervals(incident, now):
            by_component[interval.component_id].append(interval)
    for window in windows:
        for interval in maintenance_intervals(window, now):
            by_component[interval.component_id].append(interval)
    for intervals in by_component.values():
        intervals.sort(key=lambda i: (i.start, i.end))
    return dict(by_component)


@dataclass(frozen=True)
class Segment:
    """A stretch of time with one worst status, and the records that caused it."""

    start: datetime
    end: datetime
    status: ComponentStatus
    sources: tuple[str, ...]


def worst_segments(intervals: list[Interval], start: datetime, end: datetime) -> list[Segment]:
    """Cut ``[start, end)`` where any interval begins or ends; give each piece its worst status.

    Overlapping intervals are so merged: an hour with a major outage from one incident and a
    partial outage from another counts once, as a major outage. Operational pieces are left out.
    """
    clipped = [i for i in intervals if i.end > start and i.start < end]
    if not clipped:
        return []
    cuts = sorted({start, end, *(max(i.start, start) for i in clipped), *(min(i.end, end) for i in clipped)})
    segments: list[Segment] = []
    for left, right in itertools.pairwise(cuts):
        covering = [i for i in clipped if i.start <= left and i.end >= right]
        if not covering:
            continue
        worst = max(covering, key=lambda i: rank(i.status)).status
        sources = tuple(sorted({i.source_id for i in covering}))
        if (
            segments
            and segments[-1].end == left
            and segments[-1].status == worst
            and segments[-1].sources == sources
        ):
            segments[-1] = Segment(segments[-1].start, right, worst, sources)
        else:
            segments.append(Segment(left, right, worst, sources))
    return segments


def status_at(intervals: list[Interval], moment: datetime) -> ComponentStatus:
    """A component's status at ``moment``: the worst status in force then, else operational."""
    worst = ComponentStatus.operational
    for interval in intervals:
        if interval.start <= moment < interval.end and rank(interval.status) > rank(worst):
            worst = interval.status
    return worst
