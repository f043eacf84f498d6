"""Reliability figures from the incident log: response and resolution times, target breaches,
MTTA, MTTR and MTBF over a window ending at ``now``.

Definitions (the same words are in ``docs/opsdocs/reliability.md``):

- time to respond = first update time − ``started_at`` (or ``acknowledged_at`` − ``started_at``
  when given);
- time to resolve = ``resolved_at`` − ``started_at``;
- MTTA = mean time to respond over incidents that started in the window;
- MTTR = mean time to resolve over those of them resolved by ``now``;
- MTBF = window length ÷ number of incidents that started in the window (none: more than
  the window).

Incidents not yet resolved count in MTTA but not in MTTR, and are listed as open.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta

from opsdocs.derive.published import acknowledged_by, published_updates, resolved_by, started_between
from opsdocs.model.incidents import Incident
from opsdocs.model.severities import Severity


@dataclass(frozen=True)
class IncidentTimes:
    """How fast one incident was answered and resolved, against its severity's targets."""

    incident: Incident
    respond: timedelta | None
    resolve: timedelta | None
    """None while the incident is open at ``now``."""
    response_target: timedelta | None
    resolution_target: timedelta | None

    @property
    def response_breach(self) -> timedelta | None:
        """By how much the response target was missed; None when met or unknown."""
        if self.respond is None or self.response_target is None or self.respond <= self.response_target:
            return None
        return self.respond - self.response_target

    @property
    def resolution_breach(self) -> timedelta | None:
        """By how much the resolution target was missed; None when met, open or unknown."""
        if self.resolve is None or self.resolution_target is None or self.resolve <= self.resolution_target:
            return None
        return self.resolve - self.resolution_target


def incident_times(incident: Incident, severity: Severity | None, now: datetime) -> IncidentTimes:
    """The response and resolution times of ``incident`` as known at ``now``."""
    acknowledged = acknowledged_by(incident, now)
    if acknowledged is not None:
        respond: timedelta | None = acknowledged - incident.started_at
    else:
        published = published_updates(incident, now)
        respond = published[0].at - incident.started_at if published else None
    resolved = resolved_by(incident, now)
    resolve = resolved - incident.started_at if resolved is not None else None
    return IncidentTimes(
        incident,
        respond,
        resolve,
        severity.response_time if severity else None,
        severity.resolution_time if severity else None,
    )


@dataclass(frozen=True)
class Spread:
    """Count, median and worst of a set of durations."""

    count: int
    median: timedelta | None
    worst: timedelta | None

    @classmethod
    def of(cls, values: list[timedelta]) -> Spread:
        if not values:
            return cls(0, None, None)
        seconds = statistics.median(v.total_seconds() for v in values)
        return cls(len(values), timedelta(seconds=seconds), max(values))


@dataclass(frozen=True)
class SeverityFigures:
    """One severity's incidents in the window."""

    severity: Severity
    incidents: int
    respond: Spread
    resolve: Spread
    breaches: tuple[IncidentTimes, ...]


@dataclass(frozen=True)
class WindowFigures:
    """Reliability over the ``days`` ending at ``now``."""

    days: int
    start: datetime
    end: datetime
    times: tuple[IncidentTimes, ...]
    """Incidents that started in the window, oldest first."""
    by_severity: tuple[SeverityFigures, ...]
    mtta: timedelta | None
    mttr: timedelta | None
    mtbf: timedelta | None
    """None when no incident started in the window: the MTBF is more than the window."""

    @property
    def open(self) -> list[IncidentTimes]:
        """Incidents still open at ``now``."""
        return [t for t in self.times if t.resolve is None]

    @property
    def breaches(self) -> list[IncidentTimes]:
        """Incidents that missed a response or resolution target."""
        return [t for t in self.times if t.response_breach or t.resolution_breach]


def _mean(values: list[timedelta]) -> timedelta | None:
    return timedelta(seconds=statistics.fmean(v.total_seconds() for v in values)) if values else None


def window_figures(
    incidents: list[Incident], severities: list[Severity], now: datetime, days: int
) -> WindowFigures:
    """Reliability figures for incidents that started in the ``days`` before ``now``."""
    start = now - timedelta(days=days)
    by_id = {s.id: s for s in severities}
    times = [incident_times(i, by_id.get(i.severity), now) for i in started_between(incidents, start, now)]
    per_severity = []
    for severity in sorted(severities, key=lambda s: s.level):
        own = [t for t in times if t.incident.severity == severity.id]
        per_severity.append(
            SeverityFigures(
                severity=severity,
                incidents=len(own),
                respond=Spread.of([t.respond for t in own if t.respond is not None]),
                resolve=Spread.of([t.resolve for t in own if t.resolve is not None]),
                breaches=tuple(t for t in own if t.response_breach or t.resolution_breach),
            )
        )
    return WindowFigures(
        days=days,
        start=start,
        end=now,
        times=tuple(times),
        by_severity=tuple(per_severity),
        mtta=_mean([t.respond for t in times if t.respond is not None]),
        mttr=_mean([t.resolve for t in times if t.resolve is not None]),
        mtbf=(now - start) / len(times) if times else None,
    )
