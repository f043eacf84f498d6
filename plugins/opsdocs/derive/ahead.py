"""What the status will be when scheduled maintenance starts or ends, as known at ``now``.

A status page is rebuilt on a schedule that runs late, so the page carries the changes it
already knows are coming: at each start or end of an announced maintenance window within
``AHEAD``, every component's status and the overall indicator then. Incidents stay as they
are known at ``now``; only the clock moves. The page's script shows a change once its time
has come, so a window starts and ends on time even when the next build is late.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from opsdocs.derive.overall import Indicator, overall_indicator
from opsdocs.derive.published import is_announced, published_steps
from opsdocs.derive.status import MaintenanceFacts, StatusSnapshot
from opsdocs.derive.timeline import all_intervals, maintenance_intervals, status_at
from opsdocs.model.components import ComponentStatus

if TYPE_CHECKING:
    from opsdocs.model.project import Project

AHEAD = timedelta(days=7)
"""How far ahead the page carries scheduled changes."""
MAX_CHANGES = 20
"""At most this many changes are carried, the earliest first."""


@dataclass(frozen=True)
class StatusChange:
    """The status from ``at`` on: the overall indicator and every component's status."""

    at: datetime
    indicator: Indicator
    components: tuple[tuple[str, ComponentStatus], ...]


def scheduled_changes(project: Project, snapshot: StatusSnapshot) -> list[StatusChange]:
    """The status at each maintenance start or end after ``snapshot.now`` and within ``AHEAD``,
    leaving out moments at which nothing visible changes. ``project`` is the view the
    snapshot was taken of (the public view on the public site)."""
    now = snapshot.now
    windows = [w for w in project.maintenance if not w.cancelled and is_announced(w, now)]
    moments: set[datetime] = set()
    for window in windows:
        moments.update(m for m in window.span() if now < m <= now + AHEAD)
    incidents = all_intervals(project.incidents, [], now)
    impacts = [i.impact for i in snapshot.incidents if i.is_active]
    ids = [c.component.id for c in snapshot.components]
    previous = (snapshot.indicator, tuple((c.component.id, c.status) for c in snapshot.components))
    changes: list[StatusChange] = []
    for moment in sorted(moments):
        held = {cid: list(incidents.get(cid, [])) for cid in ids}
        for window in windows:
            for interval in maintenance_intervals(window, moment):
                held.setdefault(interval.component_id, []).append(interval)
        statuses = tuple((cid, status_at(held[cid], moment)) for cid in ids)
        active = any(MaintenanceFacts(w, tuple(published_steps(w, moment))).is_active for w in windows)
        indicator = overall_indicator((s for _, s in statuses), impacts, active)
        if (indicator, statuses) != previous:
            changes.append(StatusChange(moment, indicator, statuses))
            previous = (indicator, statuses)
        if len(changes) == MAX_CHANGES:
            break
    return changes
