"""The status page's facts at ``now``: component statuses, the overall indicator, incidents,
maintenance and uptime history. Both the page and the JSON API are rendered from this."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from functools import cached_property
from typing import TYPE_CHECKING

from opsdocs.derive.incidents import IncidentFacts, incident_facts
from opsdocs.derive.maintenance import MaintenanceStep, published_steps
from opsdocs.derive.overall import Indicator, overall_indicator
from opsdocs.derive.timeline import Interval, all_intervals, status_at
from opsdocs.derive.uptime import Day, Uptime, UptimePolicy, daily_history, uptime
from opsdocs.model.components import Component, ComponentGroup, ComponentStatus
from opsdocs.model.maintenance import MaintenanceStatus, MaintenanceWindow

if TYPE_CHECKING:
    from opsdocs.model.project import Project


@dataclass(frozen=True)
class StatusOptions:
    """Choices of the status plugin that change derived facts."""

    history_days: int = 90
    policy: UptimePolicy = field(default_factory=UptimePolicy)


@dataclass(frozen=True)
class ComponentFacts:
    """A component at ``now`` with its uptime and day-by-day history."""

    component: Component
    group: ComponentGroup | None
    status: ComponentStatus
    uptime: Uptime
    days: tuple[Day, ...]
    updated_at: datetime
    tracked_from: datetime
    """When its status began to be tracked: its ``tracked_since``, else the site's
    ``tracking_start``, else the earliest incident or maintenance; never after ``now``."""


@dataclass(frozen=True)
class MaintenanceFacts:
    """A maintenance window at ``now``."""

    window: MaintenanceWindow
    steps: tuple[MaintenanceStep, ...]
    """Its updates published by ``now``, oldest first; the announcement is the first."""

    @property
    def id(self) -> str:
        return self.window.id

    @property
    def status(self) -> MaintenanceStatus:
        """The status of the latest published update."""
        return self.steps[-1].status if self.steps else MaintenanceStatus.scheduled

    @property
    def is_active(self) -> bool:
        """In progress or being verified."""
        return self.status in (MaintenanceStatus.in_progress, MaintenanceStatus.verifying)

    @property
    def is_upcoming(self) -> bool:
        """Scheduled and not begun."""
        return self.status == MaintenanceStatus.scheduled

    @property
    def announced_at(self) -> datetime:
        """When it was announced."""
        return self.steps[0].at if self.steps else self.window.announced

    @property
    def updated_at(self) -> datetime:
        """The latest published update."""
        return self.steps[-1].at if self.steps else self.window.announced

    @property
    def started_at(self) -> datetime | None:
        """When it started (its first published ``in_progress`` update), if it has."""
        return next((s.at for s in self.steps if s.status == MaintenanceStatus.in_progress), None)

    @property
    def completed_at(self) -> datetime | None:
        """When it was completed, if its ``completed`` update is published."""
        return next((s.at for s in self.steps if s.status == MaintenanceStatus.completed), None)


@dataclass(frozen=True)
class StatusSnapshot:
    """Everything the status page says at ``now``."""

    now: datetime
    indicator: Indicator
    components: tuple[ComponentFacts, ...]
    incidents: tuple[IncidentFacts, ...]
    """Every incident started by ``now``, newest first."""
    maintenance: tuple[MaintenanceFacts, ...]
    """Every window announced by ``now`` and not cancelled, newest first."""
    intervals: dict[str, list[Interval]]

    # Every help page and API file asks for these; a snapshot never changes, so each is
    # computed once (cached_property writes the instance dict, which a frozen dataclass allows).
    @cached_property
    def active_incidents(self) -> tuple[IncidentFacts, ...]:
        """Incidents not resolved at ``now``, newest first."""
        return tuple(i for i in self.incidents if i.is_active)

    @cached_property
    def active_maintenance(self) -> tuple[MaintenanceFacts, ...]:
        """Windows in progress or being verified at ``now``."""
        return tuple(m for m in self.maintenance if m.is_active)

    @cached_property
    def upcoming_maintenance(self) -> tuple[MaintenanceFacts, ...]:
        """Windows not yet begun, soonest first."""
        return tuple(
            sorted((m for m in self.maintenance if m.is_upcoming), key=lambda m: m.window.scheduled_for)
        )

    @cached_property
    def _components_by_id(self) -> dict[str, ComponentFacts]:
        return {c.component.id: c for c in self.components}

    def component(self, component_id: str) -> ComponentFacts | None:
        """The facts of one component."""
        return self._components_by_id.get(component_id)


def _start_of(day: object, zone: object) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)  # type: ignore[arg-type]


def status_snapshot(project: Project, now: datetime, options: StatusOptions | None = None) -> StatusSnapshot:
    """The status page's facts for ``project`` at ``now``."""
    options = options or StatusOptions()
    zone = project.site.zone
    incidents = [
        f for i in project.incidents if (f := incident_facts(i, project.severities.by_id, now)) is not None
    ]
    incidents.sort(key=lambda f: (f.incident.started_at, f.id), reverse=True)
    windows = [
        MaintenanceFacts(w, tuple(published_steps(w, now)))
        for w in project.maintenance
        if not w.cancelled and w.is_announced(now)
    ]
    windows.sort(key=lambda m: (m.window.scheduled_for, m.id), reverse=True)
    intervals = all_intervals(project.incidents, project.maintenance, now)

    today = now.astimezone(zone).date()
    window_start = _start_of(today - timedelta(days=options.history_days - 1), zone)
    site_start = _start_of(project.site.tracking_start, zone) if project.site.tracking_start else None
    earliest = min(
        (
            *(i.started_at for i in project.incidents),
            *(w.announced for w in project.maintenance if not w.cancelled),
            now,
        )
    )
    components = []
    groups = project.components.group_by_component
    for component in project.components.all_components():
        own = intervals.get(component.id, [])
        since = _start_of(component.tracked_since, zone) if component.tracked_since else site_start
        history = daily_history(own, today, options.history_days, zone, options.policy, now, since)
        components.append(
            ComponentFacts(
                component=component,
                group=groups.get(component.id),
                status=status_at(own, now),
                uptime=uptime(own, window_start, now, options.policy, since),
                days=tuple(history),
                updated_at=max((i.start for i in own if i.start <= now), default=since or window_start),
                tracked_from=min(since or earliest, now),
            )
        )
    indicator = overall_indicator(
        (c.status for c in components),
        (i.impact for i in incidents if i.is_active),
        any(m.is_active for m in windows),
    )
    return StatusSnapshot(now, indicator, tuple(components), tuple(incidents), tuple(windows), intervals)
