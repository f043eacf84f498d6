"""Uptime of a component over a window, and its day-by-day history for the status page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from opsdocs.derive.timeline import Interval, Segment, worst_segments
from opsdocs.model.components import ComponentStatus, rank


@dataclass(frozen=True)
class UptimePolicy:
    """How much each status counts as downtime.

    ``major_outage`` counts fully, ``partial_outage`` with ``partial_outage_weight``;
    degraded performance and maintenance do not count.
    """

    partial_outage_weight: float = 0.3

    def weight(self, status: ComponentStatus) -> float:
        """The share of an interval with ``status`` that counts as downtime."""
        if status == ComponentStatus.major_outage:
            return 1.0
        if status == ComponentStatus.partial_outage:
            return self.partial_outage_weight
        return 0.0


def downtime(segments: list[Segment], policy: UptimePolicy) -> timedelta:
    """Weighted downtime of already-merged segments."""
    seconds = sum((s.end - s.start).total_seconds() * policy.weight(s.status) for s in segments)
    return timedelta(seconds=seconds)


@dataclass(frozen=True)
class Uptime:
    """Uptime over a window: the share of tracked time that was not downtime."""

    tracked: timedelta
    down: timedelta

    @property
    def percent(self) -> float | None:
        """Uptime in percent, or None when nothing of the window was tracked."""
        if self.tracked <= timedelta(0):
            return None
        return 100.0 * (1.0 - self.down / self.tracked)

    def display(self) -> str:
        """The percentage with two decimals; never '100.00' when there was any downtime."""
        return percent_text(self.percent, lost=self.down > timedelta(0))


def percent_text(value: float | None, *, lost: bool) -> str:
    """An uptime as shown: two decimals, '—' when unknown, and never '100.00' when anything was
    ``lost`` (downtime, a failed check), which rounding would hide."""
    if value is None:
        return "—"
    shown = f"{value:.2f}"
    return "99.99" if shown == "100.00" and lost else shown


def uptime(
    intervals: list[Interval],
    start: datetime,
    end: datetime,
    policy: UptimePolicy,
    tracked_since: datetime | None = None,
) -> Uptime:
    """Uptime over ``[start, end)``, which begins no earlier than ``tracked_since``.

    Intervals are clipped to the window and merged where they overlap (the worst status wins).
    """
    if tracked_since is not None:
        start = max(start, tracked_since)
    if end <= start:
        return Uptime(timedelta(0), timedelta(0))
    return Uptime(end - start, downtime(worst_segments(intervals, start, end), policy))


@dataclass(frozen=True)
class Day:
    """One day of a component's history, in the site's time zone."""

    day: date
    status: ComponentStatus
    """The worst status of the day."""
    down: timedelta
    sources: tuple[str, ...]
    """Ids of the incidents and maintenance windows that touched the day."""
    tracked: bool


def day_start(day: date, zone: ZoneInfo) -> datetime:
    """The instant a local day begins, in UTC (a DST change may make the day 23 or 25 hours)."""
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)


def daily_history(
    intervals: list[Interval],
    last_day: date,
    days: int,
    zone: ZoneInfo,
    policy: UptimePolicy,
    now: datetime,
    tracked_since: datetime | None = None,
) -> list[Day]:
    """The ``days`` days ending with ``last_day``, oldest first, each with its worst status.

    The segments are computed once for the whole range and then cut by day, so the cost is
    linear in the number of intervals and days.
    """
    first_day = last_day - timedelta(days=days - 1)
    range_start = day_start(first_day, zone)
    range_end = min(day_start(last_day + timedelta(days=1), zone), now)
    segments = worst_segments(intervals, range_start, range_end) if range_end > range_start else []
    history: list[Day] = []
    index = 0
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        start, end = day_start(day, zone), min(day_start(day + timedelta(days=1), zone), now)
        while index < len(segments) and segments[index].end <= start:
            index += 1
        touching: list[Segment] = []
        probe = index
        while probe < len(segments) and segments[probe].start < end:
            seg = segments[probe]
            touching.append(Segment(max(seg.start, start), min(seg.end, end), seg.status, seg.sources))
            probe += 1
        worst = max((s.status for s in touching), key=rank, default=ComponentStatus.operational)
        sources = tuple(sorted({src for s in touching for src in s.sources}))
        tracked = end > start and (tracked_since is None or end > tracked_since)
        history.append(Day(day, worst, downtime(touching, policy), sources, tracked))
    return history
