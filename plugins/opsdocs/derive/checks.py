"""Measured uptime and response times per component, from the checks' history, as of ``now``.

Pure: the history is read (``model.checks_history.read_history``) and handed in. Only the
checks of components the project (or its public view) has count: a result of any other check, an
internal one on the public site, is ignored here, so it reaches no page.

A window (the last 24 hours, 7, 30 or 90 days) counts the results in it: the raw results for
the days they cover, each day's aggregate for the whole UTC days before them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from opsdocs.derive.uptime import percent_text
from opsdocs.model.checks_history import DayAggregate, History, Result, aggregate

if TYPE_CHECKING:
    from opsdocs.model.checks import Check
    from opsdocs.model.project import Project

WINDOWS: tuple[tuple[str, timedelta], ...] = (
    ("24h", timedelta(hours=24)),
    ("7d", timedelta(days=7)),
    ("30d", timedelta(days=30)),
    ("90d", timedelta(days=90)),
)
"""The windows measured uptime is shown over, by key."""
CHART_DAYS = 30
"""How many UTC days the response-time chart shows, the day of ``now`` last."""


@dataclass(frozen=True)
class Tally:
    """Checks run and failed over a window."""

    checks: int = 0
    failures: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.checks + other.checks, self.failures + other.failures)

    @property
    def percent(self) -> float | None:
        """Measured uptime in percent: the share of checks that passed; None without checks."""
        return None if not self.checks else 100.0 * (self.checks - self.failures) / self.checks

    def display(self) -> str:
        """The percentage with two decimals; never '100.00' when a check failed; '—' without any."""
        return percent_text(self.percent, lost=self.failures > 0)


@dataclass(frozen=True)
class DayTimes:
    """One UTC day of a component's checks: how many ran and failed, and its response times
    (the slowest of its checks' figures)."""

    day: date
    tally: Tally
    p50_ms: int | None
    p95_ms: int | None
    max_ms: int | None


@dataclass(frozen=True)
class MeasuredComponent:
    """What the checks of one component measured."""

    component_id: str
    checks: tuple[str, ...]
    """Ids of its checks."""
    uptime: Mapping[str, Tally]
    """By window key (``WINDOWS``)."""
    days: tuple[DayTimes, ...]
    """The last ``CHART_DAYS`` UTC days, oldest first."""
    latest: Result | None
    """Its latest result by ``now``; of several at that time, a failed one."""


@dataclass(frozen=True)
class Measured:
    """Every component's measured figures as of ``now``; empty without checks or history."""

    now: datetime
    components: Mapping[str, MeasuredComponent] = field(default_factory=dict)
    history: History = field(default_factory=History, repr=False)
    """The history the figures come from, cut to the checks shown."""

    def of(self, component_id: str) -> MeasuredComponent | None:
        """The figures of ``component_id``, or None when no check measures it."""
        return self.components.get(component_id)

    def __bool__(self) -> bool:
        return bool(self.components)


def shown_checks(project: Project) -> list[Check]:
    """The checks of the components ``project`` has (on the public site, its public view)."""
    components = project.components.by_id
    return [check for check in project.checks.checks if check.component in components]


def measure(project: Project, history: History, now: datetime) -> Measured:
    """The measured figures of each component of ``project`` with checks, from ``history``."""
    by_component: dict[str, list[str]] = {}
    for check in shown_checks(project):
        by_component.setdefault(check.component, []).append(check.id)
    if not by_component or history.is_empty():
        return Measured(now)
    now = now.astimezone(UTC)
    raw_since = history.raw_since
    # Whole days' aggregates stand for the days before the raw results, and only those over by now.
    cut = min(raw_since, now) if raw_since is not None else now
    raw: dict[str, list[Result]] = {}
    for result in history.raw:
        if result.at <= now:
            raw.setdefault(result.check, []).append(result)
    daily: dict[str, list[DayAggregate]] = {}
    for aggregate_ in history.daily:
        if _day_start(aggregate_.day) + timedelta(days=1) <= cut:
            daily.setdefault(aggregate_.check, []).append(aggregate_)
    shown = {c for ids in by_component.values() for c in ids}
    kept = History(
        tuple(r for r in history.raw if r.check in shown), tuple(d for d in history.daily if d.check in shown)
    )
    components = {}
    for component_id, check_ids in by_component.items():
        uptime = {key: _tally(check_ids, raw, daily, now - span) for key, span in WINDOWS}
        days = tuple(_days(check_ids, raw, daily, now))
        results = [r for c in check_ids for r in raw.get(c, [])]
        latest = max(results, default=None, key=lambda r: (r.at, not r.ok))
        components[component_id] = MeasuredComponent(component_id, tuple(check_ids), uptime, days, latest)
    return Measured(now, components, kept)


def _day_start(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _tally(check_ids: Sequence[str], raw: Mapping[str, list[Result]], daily: Mapping[str, list[DayAggregate]],
           start: datetime) -> Tally:  # fmt: skip
    """Checks and failures of ``check_ids`` since ``start``: the raw results and the whole days'
    aggregates (both already cut at ``now``)."""
    total = Tally()
    for check in check_ids:
        for result in raw.get(check, []):
            if result.at > start:
                total += Tally(1, 0 if result.ok else 1)
        for day in daily.get(check, []):
            if _day_start(day.day) >= start:
                total += Tally(day.checks, day.failures)
    return total


def _days(check_ids: Sequence[str], raw: Mapping[str, list[Result]], daily: Mapping[str, list[DayAggregate]],
          now: datetime) -> list[DayTimes]:  # fmt: skip
    last = now.date()
    wanted = [last - timedelta(days=offset) for offset in range(CHART_DAYS - 1, -1, -1)]
    per_day: dict[date, list[DayAggregate]] = {day: [] for day in wanted}
    for check in check_ids:
        for aggregate_ in daily.get(check, []):
            if aggregate_.day in per_day:
                per_day[aggregate_.day].append(aggregate_)
        by_day: dict[date, list[Result]] = {}
        for result in raw.get(check, []):
            by_day.setdefault(result.at.date(), []).append(result)
        for day, results in by_day.items():
            if day in per_day:
                per_day[day].append(aggregate(day, check, results))
    found = []
    for day in wanted:
        parts = per_day[day]
        tally = sum((Tally(a.checks, a.failures) for a in parts), Tally())
        found.append(DayTimes(day, tally, _worst(a.p50_ms for a in parts), _worst(a.p95_ms for a in parts),
                              _worst(a.max_ms for a in parts)))  # fmt: skip
    return found


def _worst(values: Iterable[int | None]) -> int | None:
    present = [v for v in values if v is not None]
    return max(present) if present else None
