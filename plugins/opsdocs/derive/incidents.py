"""Facts about one incident at ``now``: what was published, its status, impact and duration."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from opsdocs.derive.published import is_published, published_updates, resolved_by
from opsdocs.model.components import ComponentStatus
from opsdocs.model.incidents import Incident, IncidentUpdate, UpdateStatus, worst_statuses
from opsdocs.model.severities import Impact, Severity


@dataclass(frozen=True)
class IncidentFacts:
    """An incident as known at ``now``."""

    incident: Incident
    severity: Severity | None
    updates: tuple[IncidentUpdate, ...]
    """Updates published by ``now``, newest first."""
    status: UpdateStatus
    resolved_at: datetime | None
    """When it was resolved, if that happened by ``now``."""
    now: datetime

    @property
    def id(self) -> str:
        return self.incident.id

    @property
    def impact(self) -> Impact:
        """The public impact of the incident's severity."""
        return self.severity.status_impact if self.severity else Impact.minor

    @property
    def is_active(self) -> bool:
        """Whether the incident is unresolved at ``now``."""
        return self.resolved_at is None

    @property
    def duration(self) -> timedelta:
        """From start to resolution, or to ``now`` while it is open."""
        return (self.resolved_at or self.now) - self.incident.started_at

    @property
    def last_update(self) -> IncidentUpdate | None:
        """The latest published update."""
        return self.updates[0] if self.updates else None

    @property
    def updated_at(self) -> datetime:
        """When anything about the incident last changed."""
        return self.updates[0].at if self.updates else self.incident.started_at

    @property
    def components(self) -> dict[str, ComponentStatus]:
        """Each component the published updates name, with the worst status they gave it."""
        return worst_statuses(self.updates)

    def first_at(self, status: UpdateStatus) -> datetime | None:
        """When the incident first reached ``status``, if it has by ``now``."""
        times = [u.at for u in self.updates if u.status == status]
        return min(times) if times else None


def incident_facts(
    incident: Incident, severities: Mapping[str, Severity], now: datetime
) -> IncidentFacts | None:
    """The incident as known at ``now``, or None if nothing of it was published by then.

    An incident is public from its first update on, as on Statuspage, where an incident is
    created with its first message; before that it has nothing to say.
    """
    if not is_published(incident, now):
        return None
    published = sorted(published_updates(incident, now), key=lambda u: u.at, reverse=True)
    resolved = resolved_by(incident, now)
    if resolved is not None:
        status = UpdateStatus.resolved
    else:
        status = published[0].status
        if status == UpdateStatus.resolved:
            status = UpdateStatus.monitoring
    return IncidentFacts(incident, severities.get(incident.severity), tuple(published), status, resolved, now)
