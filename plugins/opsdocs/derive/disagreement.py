"""Where the checks and the declared statuses disagree: periods the checks of a component
failed while nothing was declared for it, and incidents declared while its checks passed.

Worked out over the raw results the history keeps (``raw_days``); a day's aggregate has no
times to compare. Pure, as every ``derive`` module: ``now`` and the history are handed in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from opsdocs.derive.timeline import Interval
from opsdocs.model.checks_history import History, Result
from opsdocs.model.components import ComponentStatus


class Period(NamedTuple):
    """From ``start`` to ``end``, ``component_id``'s checks failed, or (``source``: the
    incident's id) an incident was declared for it."""

    start: datetime
    end: datetime
    component_id: str
    source: str = ""


def failed_periods(results: Sequence[Result]) -> list[tuple[datetime, datetime]]:
    """The runs of ``results`` (one component's, oldest first) in which a check failed, merged
    while they follow each other: each from its first failed run to the next run that passed
    (or its last failed run)."""
    runs: dict[datetime, bool] = {}
    for result in results:
        runs[result.at] = runs.get(result.at, True) and result.ok
    periods: list[tuple[datetime, datetime]] = []
    start: datetime | None = None
    last: datetime | None = None
    for at in sorted(runs):
        if not runs[at]:
            start = at if start is None else start
            last = at
        elif start is not None and last is not None:
            periods.append((start, at))
            start = None
    if start is not None and last is not None:
        periods.append((start, last))
    return periods


@dataclass(frozen=True)
class Disagreements:
    """Failures nobody declared (``undeclared``), and declared incidents the checks did not
    see (``unseen``), oldest first."""

    undeclared: tuple[Period, ...] = ()
    unseen: tuple[Period, ...] = ()


def _declared(interval: Interval) -> bool:
    return interval.status != ComponentStatus.operational


def disagreements(history: History, checks_by_component: Mapping[str, Sequence[str]],
                  intervals: Mapping[str, Sequence[Interval]], incident_ids: set[str],
                  now: datetime) -> Disagreements:  # fmt: skip
    """The disagreements between the raw results of each component's checks and its declared
    intervals (incidents and maintenance, from the status snapshot) up to ``now``."""
    since = history.raw_since
    if since is None:
        return Disagreements()
    undeclared: list[Period] = []
    unseen: list[Period] = []
    for component_id, check_ids in checks_by_component.items():
        wanted = set(check_ids)
        results = [r for r in history.raw if r.check in wanted and r.at <= now]
        if not results:
            continue
        declared = [i for i in intervals.get(component_id, []) if _declared(i)]
        for start, end in failed_periods(results):
            if not any(i.start <= end and start < i.end for i in declared):
                undeclared.append(Period(start, end, component_id))
        for interval in declared:
            if interval.source_id not in incident_ids or interval.end <= since:
                continue
            during = [r for r in results if interval.start <= r.at < interval.end]
            if during and all(r.ok for r in during):
                unseen.append(
                    Period(interval.start, min(interval.end, now), component_id, interval.source_id)
                )
    return Disagreements(tuple(sorted(undeclared)), tuple(sorted(unseen)))
