"""The status page's facts at ``now``: component statuses, the overall indicator, incidents,
maintenance and uptime history. Both the page and the JSON API are rendered from this."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import cached_property
from typing import TYPE_CHECKING

from opsdocs.derive.incidents import IncidentFacts, incident_facts
from opsdocs.derive.maintenance import MaintenanceStep
from opsdocs.derive.overall import Indicator, overall_indicator
from opsdocs.derive.published import is_announced, is_due, published_steps
from opsdocs.derive.timeline import Interval, all_intervals, status_at
from opsdocs.derive.tracking import Tracking, tracking
from opsdocs.derive.uptime import Day, Uptime, UptimePolicy, daily_history, day_start, uptime
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
    tracking: Tracking
    """When its status began to be tracked (``derive.tracking``)."""


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
    """Every non-operational interval known at ``now``, by component id, over all time: the
    status page's days and the reliability report's windows are both cut from these."""

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

    @cached_property
    def past_maintenance(self) -> tuple[MaintenanceFacts, ...]:
        """Windows whose scheduled time has come, newest first: the history lists these."""
        return tuple(m for m in self.maintenance if is_due(m.window, self.now))

    def component(self, component_id: str) -> ComponentFacts | None:
        """The facts of one component."""
        return self._components_by_id.get(component_id)

    @cached_property
    def _records_by_component(self) -> dict[str, tuple[list[IncidentFacts], list[MaintenanceFacts]]]:
        """The incidents and windows concerning each component, in the snapshot's order: one
        pass over them for every component's page and feeds."""
        found: dict[str, tuple[list[IncidentFacts], list[MaintenanceFacts]]] = {}
        for facts in self.incidents:
            for component_id in facts.components:
                found.setdefault(component_id, ([], []))[0].append(facts)
        for window in self.maintenance:
            for component_id in dict.fromkeys(window.window.components):
                found.setdefault(component_id, ([], []))[1].append(window)
        return found

    def concerning(self, component_id: str) -> StatusSnapshot:
        """This snapshot with only the incidents and maintenance windows that concern one
        component: an incident whose published updates name it (the components its page
        lists as affected), a window that includes it. Its components, days, uptime and
        indicator are this snapshot's own; nothing is derived again."""
        incidents, windows = self._records_by_component.get(component_id, ([], []))
        return replace(self, incidents=tuple(incidents), maintenance=tuple(windows))

    def uptime(self, facts: ComponentFacts, start: datetime, policy: UptimePolicy) -> Uptime:
        """The uptime of ``facts``' component from ``start`` (or from when it began to be
        tracked, if later) to ``now``, by ``policy``, from the snapshot's intervals."""
        own = self.intervals.get(facts.component.id, [])
        return uptime(own, start, self.now, policy, facts.tracking.since)


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
        if not w.cancelled and is_announced(w, now)
    ]
    windows.sort(key=lambda m: (m.window.scheduled_for, m.id), reverse=True)
    intervals = all_intervals(project.incidents, project.maintenance, now)

    today = now.astimezone(zone).date()
    window_start = day_start(today - timedelta(days=options.history_days - 1), zone)
    tracked = tracking(project, now)
    components = []
    groups = project.components.group_by_component
    for component in project.components.all_components():
        own = intervals.get(component.id, [])
        since = tracked[component.id].since
        history = daily_history(own, today, options.history_days, zone, options.policy, now, since)
        components.append(
            ComponentFacts(
                component=component,
                group=groups.get(component.id),
                status=status_at(own, now),
                uptime=uptime(own, window_start, now, options.policy, since),
                days=tuple(history),
                updated_at=max((i.start for i in own if i.start <= now), default=since or window_start),
                tracking=tracked[component.id],
            )
        )
    indicator = overall_indicator(
        (c.status for c in components),
        (i.impact for i in incidents if i.is_active),
        any(m.is_active for m in windows),
    )
    return StatusSnapshot(now, indicator, tuple(components), tuple(incidents), tuple(windows), intervals)
