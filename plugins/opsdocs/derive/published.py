"""What of a record is out at ``now``: the one place that compares a record's times with ``now``.

A build at ``now`` shows the site exactly as it was then: an incident that had not started does
not exist yet, an update dated after ``now`` has not been written, a resolution after ``now``
has not happened, and a maintenance window is hidden until it is announced. Every fact in
``derive`` that depends on ``now`` asks these functions, and renderers ask ``derive``; none
compares a record's time with ``now`` itself (``tests/unit/test_as_of.py`` checks the renderers).

Two moments of an incident matter: it *has started* (``started_at``), from which on it counts
in the staff figures (response times, the reliability report, runbook usage, overdue action
items); and it *is published* from its first update on, as on Statuspage, where an incident
is created with its first message: only then does it have pages and a place in the API.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from opsdocs.derive.maintenance import MaintenanceStep, window_steps
from opsdocs.model.incidents import Incident, IncidentUpdate
from opsdocs.model.maintenance import MaintenanceStatus, MaintenanceUpdate, MaintenanceWindow

# --- incidents --------------------------------------------------------------------------------


def has_started(incident: Incident, now: datetime) -> bool:
    """Whether ``incident`` had started by ``now``: from then on it is in the staff figures."""
    return incident.started_at <= now


def published_updates(incident: Incident, now: datetime) -> list[IncidentUpdate]:
    """The updates of ``incident`` written by ``now``, oldest first (file order among equal
    times); none before the incident started."""
    if not has_started(incident, now):
        return []
    return sorted((u for u in incident.updates if u.at <= now), key=lambda u: u.at)


def is_published(incident: Incident, now: datetime) -> bool:
    """Whether ``incident`` is public at ``now``: from its first update on."""
    return has_started(incident, now) and any(u.at <= now for u in incident.updates)


def acknowledged_by(incident: Incident, now: datetime) -> datetime | None:
    """When someone took the incident (``acknowledged_at``), if that happened by ``now``."""
    at = incident.acknowledged_at
    return at if at is not None and at <= now else None


def resolved_by(incident: Incident, now: datetime) -> datetime | None:
    """When the incident was resolved, if that happened by ``now``."""
    at = incident.resolved_at
    return at if at is not None and at <= now else None


def is_open(incident: Incident, now: datetime) -> bool:
    """Whether ``incident`` had started and was not resolved at ``now``."""
    return has_started(incident, now) and resolved_by(incident, now) is None


def started_between(incidents: Iterable[Incident], start: datetime, now: datetime) -> list[Incident]:
    """The incidents that started in ``[start, now]``, oldest first (then by id)."""
    found = (i for i in incidents if start <= i.started_at and has_started(i, now))
    return sorted(found, key=lambda i: (i.started_at, i.id))


# --- maintenance windows ------------------------------------------------------------------------


def is_announced(window: MaintenanceWindow, now: datetime) -> bool:
    """Whether ``window`` is public at ``now``: from its announcement on (cancelled or not)."""
    return window.announced <= now


def announced_windows(windows: Iterable[MaintenanceWindow], now: datetime) -> list[MaintenanceWindow]:
    """Every window announced by ``now``, cancelled ones included, in the order given."""
    return [w for w in windows if is_announced(w, now)]


def has_begun(window: MaintenanceWindow, now: datetime) -> bool:
    """Whether ``window`` holds its components at ``now`` or did before: its span has begun."""
    return window.span()[0] <= now


def is_due(window: MaintenanceWindow, now: datetime) -> bool:
    """Whether the time ``window`` was scheduled for had come by ``now`` (it is then history)."""
    return window.scheduled_for <= now


def published_steps(window: MaintenanceWindow, now: datetime) -> list[MaintenanceStep]:
    """The updates published by ``now``, automatic ones included, oldest first; none before
    the announcement."""
    if not is_announced(window, now):
        return []
    return [s for s in window_steps(window) if s.at <= now]


def published_window_updates(window: MaintenanceWindow, now: datetime) -> list[MaintenanceUpdate]:
    """The updates the window's team wrote and published by ``now``, oldest first (file order
    among equal times); none before the announcement."""
    if not is_announced(window, now):
        return []
    return sorted((u for u in window.updates if u.at <= now), key=lambda u: u.at)


def maintenance_status(window: MaintenanceWindow, now: datetime) -> MaintenanceStatus:
    """The window's status at ``now``: its latest published update's (scheduled before any)."""
    steps = published_steps(window, now)
    return steps[-1].status if steps else MaintenanceStatus.scheduled
